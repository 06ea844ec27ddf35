//! Random sequences of COM calls through devtopo-com's vtables, NULL and foreign pointers
//! included, each compared with the same call on devtopo's Rust handles
//! (`com_oracle::com_calls`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../com_oracle.rs"]
mod com_oracle;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = com_oracle::com_calls(data) {
        panic!("{why}");
    }
});
