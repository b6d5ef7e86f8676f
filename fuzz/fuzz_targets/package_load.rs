#![no_main]
// cargo fuzz run package_load  (the check itself is evidence_fuzz::package_load, shared with
// the libFuzzer-free runner src/bin/random_loop.rs)
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evidence_fuzz::package_load(data);
});
