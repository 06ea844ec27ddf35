//! `devtopo gen` and `check --no-limits` / `--limit` (issue 11, items 2 and 3): generated files
//! are refused by the default limits, accepted without them; the same seed gives the same file.

use crate::support::{devtopo, scratch};

#[test]
fn cli_gen_then_check_no_limits() {
    let dir = scratch("gen");
    for ext in ["json", "toml"] {
        let file = dir.join(format!("big.{ext}")).display().to_string();
        let run = devtopo(&["gen", "--parts", "8000", "--seed", "9", "-o", &file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let run = devtopo(&["check", &file]);
        assert_eq!(run.code, 1, "default limits refuse it: {}", run.stdout);
        let said = format!("{}{}", run.stdout, run.stderr);
        assert!(said.contains("max_file_bytes"), "{said}");
        let run = devtopo(&["check", "--no-limits", &file]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains("8000 parts"), "{}", run.stdout);
        let run = devtopo(&[
            "check",
            "--limit",
            "max_file_bytes=none",
            "--limit",
            "max_devices=100000",
            "--limit",
            "max_connections=none",
            &file,
        ]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
    let run = devtopo(&[
        "check",
        "--limit",
        "max_bogus=3",
        "topologies/four-topologies.toml",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown limit `max_bogus`"),
        "{}",
        run.stderr
    );
    // Same seed, same file.
    let a = devtopo(&["gen", "--parts", "500", "--seed", "4", "--format", "json"]);
    let b = devtopo(&["gen", "--parts", "500", "--seed", "4", "--format", "json"]);
    assert_eq!((a.code, &a.stdout), (0, &b.stdout));
}
