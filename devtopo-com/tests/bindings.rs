//! The committed bindings (`src/generated/bindings.rs`) are windows-bindgen's output over
//! Microsoft's metadata for the names in `tools/bindings.txt`, never hand-edited: this test
//! regenerates them and fails when the committed file differs (rules G7, R5: the vtable slot
//! order comes from the metadata).
//!
//! Regenerate with:
//!
//! ```text
//! DEVTOPO_COM_REGENERATE=1 cargo test -p devtopo-com --test bindings
//! ```

use std::path::{Path, PathBuf};

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/generated/bindings.rs");
const FILTERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/bindings.txt");

/// Runs windows-bindgen with the crate's filter list, writing `out`.
fn generate(out: &Path) {
    let filters: Vec<String> = std::fs::read_to_string(FILTERS)
        .expect("tools/bindings.txt is readable")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    windows_bindgen::builder()
        .output(out)
        .flat()
        .filters(&filters)
        .write();
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("devtopo-com-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("bindings.rs")
}

#[test]
fn committed_bindings_match_a_fresh_generation() {
    if std::env::var_os("DEVTOPO_COM_REGENERATE").is_some() {
        generate(Path::new(COMMITTED));
        return;
    }
    let fresh = scratch();
    generate(&fresh);
    let fresh_text = std::fs::read_to_string(&fresh).expect("generated file");
    let _ = std::fs::remove_dir_all(fresh.parent().expect("parent"));
    let committed = std::fs::read_to_string(COMMITTED).expect("committed bindings");
    assert!(
        committed == fresh_text,
        "src/generated/bindings.rs differs from windows-bindgen's output; regenerate with \
         `DEVTOPO_COM_REGENERATE=1 cargo test -p devtopo-com --test bindings` and review the diff"
    );
}
