#![no_main]
// cargo fuzz run state_roundtrip  (the check itself is evidence_fuzz::state_roundtrip, shared with
// the libFuzzer-free runner src/bin/random_loop.rs)
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evidence_fuzz::state_roundtrip(data);
});
