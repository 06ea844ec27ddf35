//! `devtopo check`: exit codes and located problems, over the table of malformed files.

use crate::cli_support::{TOPOLOGIES, devtopo, scratch, write};
use crate::files_errors::cases;
use devtopo::file::Format;

#[test]
fn valid_files_exit_0() {
    let run = devtopo(&[&["check"], &TOPOLOGIES[..]].concat());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.lines().count(), TOPOLOGIES.len());
    assert!(run.stdout.contains(
        "topologies/four-topologies.toml: ok (4 devices, 16 parts, 12 links, 3 connections)"
    ));
}

/// Each malformed file: exit 1, and the first problem printed as file:line:col: message.
#[test]
fn malformed_files_exit_1_with_locations() {
    let dir = scratch("check");
    for (i, case) in cases().into_iter().enumerate() {
        let ext = if case.format == Format::Json {
            "json"
        } else {
            "toml"
        };
        let path = write(&dir, &format!("case{i}.{ext}"), &case.text);
        let run = devtopo(&["check", &path]);
        assert_eq!(run.code, 1, "{}: {}{}", case.name, run.stdout, run.stderr);
        let want = format!("{path}:{}:{}: ", case.line, case.column);
        let first = run.stdout.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&want),
            "{}: `{first}` should start with `{want}`",
            case.name
        );
        assert!(first.contains(case.message), "{}: `{first}`", case.name);
        if !case.path.is_empty() {
            assert!(
                first.ends_with(&format!("(at {})", case.path)),
                "{}: `{first}`",
                case.name
            );
        }
    }
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(devtopo(&["check"]).code, 2);
    assert_eq!(devtopo(&["frobnicate"]).code, 2);
    let missing = devtopo(&["check", "no/such/file.toml"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stdout.starts_with("no/such/file.toml:1:1: "),
        "{}",
        missing.stdout
    );
    let dir = scratch("check-ext");
    let yaml = write(&dir, "x.yaml", "a: 1");
    let run = devtopo(&["check", &yaml]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("unknown file format"), "{}", run.stdout);
}

/// A valid and an invalid file: 1, both reported.
#[test]
fn mixed_files_exit_1() {
    let dir = scratch("check-mixed");
    let bad = write(&dir, "bad.toml", "[[device]]\nid = 'x'\n");
    let run = devtopo(&["check", TOPOLOGIES[0], &bad]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains(": ok ("));
    assert!(
        run.stdout
            .contains(&format!("{bad}:1:1: missing field `kind` (at device[0])")),
        "{}",
        run.stdout
    );
}

#[test]
fn check_json_output() -> Result<(), Box<dyn std::error::Error>> {
    let dir = scratch("check-json");
    let bad = write(
        &dir,
        "bad.json",
        "{\"device\": [{\"id\": \"x\", \"kind\": \"adapter\"}, {\"id\": \"x\", \"kind\": \"adapter\"}]}",
    );
    let run = devtopo(&["check", "--format", "json", TOPOLOGIES[1], &bad]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(doc["files"][0]["valid"], true);
    assert_eq!(doc["files"][0]["devices"], 3);
    let problem = &doc["files"][1]["problems"][0];
    assert_eq!(problem["line"], 1);
    assert_eq!(problem["column"], 52);
    assert_eq!(problem["path"], "device[1].id");
    assert_eq!(problem["class"], "rule");
    assert_eq!(problem["hresult_name"], "E_INVALIDARG");
    Ok(())
}

/// `devtopo --help` and each subcommand's help list the options.
#[test]
fn help_is_complete() {
    let run = devtopo(&["--help"]);
    assert_eq!(run.code, 0);
    for sub in ["check", "show", "dot", "path", "run"] {
        assert!(run.stdout.contains(sub), "{}", run.stdout);
        let help = devtopo(&[sub, "--help"]);
        assert_eq!(help.code, 0, "{sub}");
        assert!(
            help.stdout.contains("Usage: devtopo"),
            "{sub}: {}",
            help.stdout
        );
    }
    assert!(
        devtopo(&["path", "--help"])
            .stdout
            .contains("--reject-mixed")
    );
    for sub in ["check", "show", "run"] {
        assert!(
            devtopo(&[sub, "--help"]).stdout.contains("--format"),
            "{sub}"
        );
    }
}
