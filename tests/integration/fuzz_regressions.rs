//! Fuzzing's findings, replayed (issue 12, item 7): every input in `fuzz/regressions/<target>/`
//! (a crash a fuzz target found, kept after the fix) and every seed in `fuzz/seeds/<target>/`
//! goes through the same oracle as the fuzz target (`fuzz/oracles.rs`, included here), so
//! `cargo test` fails if one comes back.

#[path = "../../fuzz/oracles.rs"]
mod oracles;

use std::path::Path;

use devtopo::file::Format;

/// Runs `oracle` on every file of `fuzz/<dir>/<target>/`; returns how many there were.
fn replay(target: &str, oracle: impl Fn(&[u8]) -> Result<(), String>) -> usize {
    let mut count = 0;
    for dir in ["regressions", "seeds"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(dir)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if let Err(why) = oracle(&data) {
                panic!("{}: {why}", path.display());
            }
            count += 1;
        }
    }
    count
}

#[test]
fn fuzz_load_toml_regressions_and_seeds() {
    assert!(replay("load_toml", |d| oracles::round_trip(d, Format::Toml)) >= 6);
}

#[test]
fn fuzz_load_json_regressions_and_seeds() {
    assert!(replay("load_json", |d| oracles::round_trip(d, Format::Json)) >= 6);
}

#[test]
fn fuzz_scenario_regressions_and_seeds() {
    assert!(replay("scenario", oracles::scenario) >= 7);
}
