//! The scenario parser and runner (`devtopo::scenario`) against the bundled topologies
//! (`oracles::scenario`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../oracles.rs"]
mod oracles;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = oracles::scenario(data) {
        panic!("{why}");
    }
});
