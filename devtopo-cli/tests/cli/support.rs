//! Helpers for driving the built `devtopo` binary.

use std::path::Path;
use std::process::Command;

/// The output of one run.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// The workspace root, where `topologies/` and `scenarios/` are.
pub(crate) const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Runs `devtopo` in the workspace root with these arguments.
pub(crate) fn devtopo(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_devtopo"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap_or_else(|e| panic!("cannot run devtopo: {e}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh scratch directory for one test, removed with everything in it when dropped (at
/// the end of the test, passed or failed), so test runs leave nothing behind in the system's
/// temporary directory. Derefs to its path.
pub(crate) struct Scratch(tempfile::TempDir);

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

/// A fresh scratch directory named after the test (`devtopo-<name>-XXXXXX`).
pub(crate) fn scratch(name: &str) -> Scratch {
    tempfile::Builder::new()
        .prefix(&format!("devtopo-{name}-"))
        .tempdir()
        .map(Scratch)
        .unwrap_or_else(|e| panic!("scratch directory for {name}: {e}"))
}

/// Writes a file and returns its path as a string.
pub(crate) fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path.display().to_string()
}

/// The bundled topology files.
pub(crate) const TOPOLOGIES: [&str; 8] = [
    "topologies/four-topologies.toml",
    "topologies/sysvad-speaker.toml",
    "topologies/sysvad-mic-in.toml",
    "topologies/sysvad-hdmi.toml",
    "topologies/sysvad-micarray1.toml",
    "topologies/real-hda-lineout.toml",
    "topologies/headsets.toml",
    "topologies/bt-a2dp-headphones.toml",
];

/// TOPOLOGIES lists every file of `topologies/`.
#[test]
fn topologies_list_is_complete() -> Result<(), Box<dyn std::error::Error>> {
    let mut on_disk: Vec<String> = std::fs::read_dir(format!("{ROOT}/topologies"))?
        .map(|e| e.map(|e| format!("topologies/{}", e.file_name().to_string_lossy())))
        .collect::<Result<_, _>>()?;
    on_disk.sort();
    let mut listed: Vec<String> = TOPOLOGIES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(listed, on_disk);
    Ok(())
}
