//! Shared by devtopo-com's tests: the bundled topologies, and the devicetopology.exe-style walk
//! written twice, once through the COM interfaces only (the way windows-rs code walks) and
//! once through devtopo's Rust handles. `cpp/walk.cpp` is the same walk in C++; the tests
//! compare all three outputs line for line.

#![allow(dead_code, unreachable_pub, missing_docs)]

pub mod walk;

use std::path::PathBuf;

use devtopo::System;

/// The repository's `topologies/` directory.
pub fn topologies_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../topologies"))
}

/// Every bundled topology file, sorted, with its loaded System.
pub fn bundled() -> Vec<(PathBuf, System)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(topologies_dir())
        .expect("topologies/ exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no bundled topologies");
    files
        .into_iter()
        .map(|p| {
            let system = System::load(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, system)
        })
        .collect()
}

pub mod com;
