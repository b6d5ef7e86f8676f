#![no_main]
// cargo fuzz run annotation_render  (the check itself is evidence_fuzz::annotation_render, shared with
// the libFuzzer-free runner src/bin/random_loop.rs)
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evidence_fuzz::annotation_render(data);
});
