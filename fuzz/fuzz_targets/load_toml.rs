//! The TOML loader with the load-save-load round-trip oracle (`oracles::round_trip`).
#![no_main]

use devtopo::file::Format;
use libfuzzer_sys::fuzz_target;

#[path = "../oracles.rs"]
mod oracles;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = oracles::round_trip(data, Format::Toml) {
        panic!("{why}");
    }
});
