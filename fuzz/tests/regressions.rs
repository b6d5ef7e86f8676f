//! Replays every saved input through its target's check, on stable Rust and
//! without libFuzzer: `cargo test --manifest-path fuzz/Cargo.toml`, which
//! `./x test` runs.
//!
//! - `regressions/<target>/`: failing inputs the fuzzers found. They fail
//!   until the bug they found is fixed, and are kept afterwards.
//! - `seeds/<target>/`: the starting corpus; every property holds for them
//!   too.
//!
//! A replay that replays nothing proves nothing, so the inventory is checked
//! first: every target has its seeds folder with at least one input, at
//! least as many saved failing inputs as were ever committed (they are
//! never deleted), and no folder names an unknown target (a misspelt folder
//! would otherwise be skipped).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// (target, seeds at least, saved failing inputs at least). Raise the
/// second number when `bench/fuzz.sh` saves a new failing input.
const MINIMUM: &[(&str, usize, usize)] = &[("state_roundtrip", 1, 2), ("package_load", 1, 0), ("annotation_render", 1, 2)];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Files of `<kind>/<target>/`, sorted; `None` when the folder is missing.
fn inputs(kind: &str, target: &str) -> Option<Vec<PathBuf>> {
    let entries = std::fs::read_dir(root().join(kind).join(target)).ok()?;
    let mut files: Vec<PathBuf> = entries.map(|e| e.expect("readable folder").path()).collect();
    for f in &files {
        assert!(f.is_file(), "{}: only input files belong in a target's folder", f.display());
    }
    files.sort();
    Some(files)
}

#[test]
fn every_target_has_its_saved_inputs_and_no_folder_is_unknown() {
    let targets: Vec<&str> = evidence_fuzz::TARGETS.iter().map(|(name, _)| *name).collect();
    let listed: Vec<&str> = MINIMUM.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(listed, targets, "MINIMUM names every target of evidence_fuzz::TARGETS, in order");
    let mut problems = Vec::new();
    for &(target, min_seeds, min_saved) in MINIMUM {
        match inputs("seeds", target) {
            None => problems.push(format!("seeds/{target}/ is missing")),
            Some(seeds) if seeds.len() < min_seeds => problems.push(format!("seeds/{target}/ has {} inputs, fewer than {min_seeds}", seeds.len())),
            Some(_) => {}
        }
        let saved = inputs("regressions", target);
        let count = saved.as_ref().map_or(0, Vec::len);
        if count < min_saved {
            let what = if saved.is_none() { "is missing".to_string() } else { format!("has {count} inputs") };
            problems.push(format!("regressions/{target}/ {what}, but {min_saved} were committed"));
        }
    }
    for kind in ["seeds", "regressions"] {
        for entry in std::fs::read_dir(root().join(kind)).unwrap_or_else(|e| panic!("fuzz/{kind}/: {e}")) {
            let name = entry.expect("readable folder").file_name().to_string_lossy().into_owned();
            if !targets.contains(&name.as_str()) {
                problems.push(format!("{kind}/{name} is not a target ({})", targets.join(", ")));
            }
        }
    }
    assert!(problems.is_empty(), "the saved fuzz inputs are not all there:\n{}", problems.join("\n"));
}

#[test]
fn every_saved_input_passes_its_check() {
    let mut replayed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for &(target, check) in evidence_fuzz::TARGETS {
        for kind in ["seeds", "regressions"] {
            for path in inputs(kind, target).unwrap_or_default() {
                let bytes = std::fs::read(&path).expect("readable input");
                *replayed.entry(target).or_default() += 1;
                if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(&bytes))) {
                    let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                    failures.push(format!("{kind}/{target}/{}: {}", path.file_name().unwrap().to_string_lossy(), msg.chars().take(200).collect::<String>()));
                }
            }
        }
    }
    let total: usize = replayed.values().sum();
    println!("replayed {total} saved inputs: {replayed:?}");
    for &(target, _) in evidence_fuzz::TARGETS {
        assert!(replayed.get(target).copied().unwrap_or(0) > 0, "{target}: no saved input was replayed");
    }
    assert!(failures.is_empty(), "{} of {total} saved inputs fail:\n{}", failures.len(), failures.join("\n"));
}
