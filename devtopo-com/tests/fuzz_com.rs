//! The `com_calls` fuzz target's findings, replayed (issue 12, item 7): every input in
//! `fuzz/regressions/com_calls/` (a crash or oracle failure fuzzing found, kept after the
//! fix) and every seed in `fuzz/seeds/com_calls/` runs through the same oracle as the fuzz
//! target (`fuzz/com_oracle.rs`, included here). `tools/valgrind.sh` runs this binary under
//! memcheck too, so the target's programs (NULL and foreign pointers, any release order)
//! are checked for invalid accesses and leaks on every CI run (item 8).
//!
//! With `DEVTOPO_COM_FUZZ_CORPUS=<dir>` it also replays every file of that directory (a
//! fuzzing corpus, `fuzz/corpus/com_calls/`), for a long memcheck run:
//! `DEVTOPO_COM_FUZZ_CORPUS=fuzz/corpus/com_calls devtopo-com/tools/valgrind.sh`.
//!
//! One test function only: the oracle checks devtopo-com's process-wide live-object count.

#[path = "../../fuzz/com_oracle.rs"]
mod com_oracle;

use std::path::Path;

#[test]
fn fuzz_com_calls_regressions_and_seeds() {
    let mut count = 0;
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut dirs = vec![
        fuzz.join("regressions/com_calls"),
        fuzz.join("seeds/com_calls"),
    ];
    dirs.extend(std::env::var_os("DEVTOPO_COM_FUZZ_CORPUS").map(Into::into));
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let compared = com_oracle::com_calls(&data)
                .unwrap_or_else(|why| panic!("{}: {why}", path.display()));
            if dir.ends_with("seeds/com_calls") {
                assert!(compared > 0, "{}: no call compared", path.display());
            }
            count += 1;
        }
    }
    assert!(count >= 8, "{count} programs replayed");
}
