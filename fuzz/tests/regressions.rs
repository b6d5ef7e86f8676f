//! Replays every saved failing input (fuzz/regressions/<target>/) through its
//! check, on stable Rust and without libFuzzer: `cd fuzz && cargo test`.
//! It fails while any saved input still fails, i.e. until the bug it found
//! is fixed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

#[test]
fn saved_failing_inputs_now_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut failures = Vec::new();
    let mut replayed = 0;
    std::panic::set_hook(Box::new(|_| {}));
    for (target, check) in evidence_fuzz::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else { continue };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("readable");
            replayed += 1;
            if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(&bytes))) {
                let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                failures.push(format!("{target}/{}: {}", entry.file_name().to_string_lossy(), msg.chars().take(200).collect::<String>()));
            }
        }
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "{} of {replayed} saved inputs still fail:\n{}", failures.len(), failures.join("\n"));
}
