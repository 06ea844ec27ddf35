//! `devtopo check`: exit codes and located problems, over the table of malformed files.

use crate::files_error_cases::cases;
use crate::support::{TOPOLOGIES, devtopo, scratch, write};
use devtopo::file::Format;

#[test]
fn valid_files_exit_0() {
    let run = devtopo(&[&["check"], &TOPOLOGIES[..]].concat());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.lines().count(), TOPOLOGIES.len());
    assert!(run.stdout.contains(
        "topologies/four-topologies.toml: ok (4 devices, 16 parts, 12 links, 3 connections)"
    ));
    // One of a kind is singular (issue 13, item 4).
    assert!(run.stdout.contains(
        "topologies/real-hda-lineout.toml: ok (2 devices, 2 parts, 0 links, 1 connection)"
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
        assert!(run.stdout.is_empty(), "{}: {}", case.name, run.stdout);
        let first = run.stderr.lines().next().unwrap_or("");
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
    // Diagnostics on stderr; an I/O error has no line and column.
    assert!(
        missing.stderr.starts_with("no/such/file.toml: "),
        "{}",
        missing.stderr
    );
    let dir = scratch("check-ext");
    let yaml = write(&dir, "x.yaml", "a: 1");
    let run = devtopo(&["check", &yaml]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with(&format!("{yaml}: unknown file format")),
        "{}",
        run.stderr
    );
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
        run.stderr
            .contains(&format!("{bad}:1:1: missing field `kind` (at device[0])")),
        "{}",
        run.stderr
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

/// Issue 13, item 3: `check` reports every schema problem of a file, each located, not only
/// the first: three misspelt keys give three errors (TOML and JSON alike).
#[test]
fn check_reports_every_schema_problem() {
    let dir = scratch("check-every");
    let toml = "[[device]]\nid = 'x'\nnmae = 'X'\nkind = 'adapter'\n\n[[device.subunit]]\nsubtype = 'KSNODETYPE_SUM'\nlocal_di = '0x20000'\n\n[[connection]]\na = 'x/1'\nbb = 'x/2'\n";
    let json = r#"{"device": [{"id": "x", "nmae": "X", "kind": "adapter",
  "subunit": [{"subtype": "KSNODETYPE_SUM", "local_di": "0x20000"}]}],
 "connection": [{"a": "x/1", "bb": "x/2"}]}"#;
    // (line, path) of each misspelt key; a misspelt required key is also a missing one.
    let expected_toml = [
        (3, "device[0].nmae"),
        (8, "device[0].subunit[0].local_di"),
        (12, "connection[0].bb"),
    ];
    let expected_json = [
        (1, "device[0].nmae"),
        (2, "device[0].subunit[0].local_di"),
        (3, "connection[0].bb"),
    ];
    for (name, text, expected) in [
        ("bad.toml", toml, expected_toml),
        ("bad.json", json, expected_json),
    ] {
        let path = write(&dir, name, text);
        let run = devtopo(&["check", &path]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        for (line, at) in expected {
            let key = at.rsplit('.').next().unwrap_or("");
            let found = run.stderr.lines().any(|l| {
                l.starts_with(&format!("{path}:{line}:"))
                    && l.contains(&format!("unknown field `{key}`"))
                    && l.ends_with(&format!("(at {at})"))
            });
            assert!(found, "{name}: no {at} at line {line}:\n{}", run.stderr);
        }
        assert!(run.stderr.contains("missing field `b` (at connection[0])"));
    }
}

/// Issue 13, item 4: one output convention across commands, ripgrep-like: results on stdout,
/// diagnostics on stderr; a file that does not load prints nothing on stdout and exits 2
/// (check: 1, the file is invalid).
#[test]
fn diagnostics_go_to_stderr_for_every_command() {
    let dir = scratch("stderr-convention");
    let bad = write(&dir, "bad.toml", "[[device]]\nid = 'x'\n");
    for (args, code) in [
        (vec!["check", bad.as_str()], 1),
        (vec!["show", bad.as_str()], 2),
        (vec!["dot", bad.as_str()], 2),
        (vec!["path", bad.as_str(), "x/1", "x/2"], 2),
    ] {
        let run = devtopo(&args);
        assert_eq!(run.code, code, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(
            run.stderr
                .starts_with(&format!("{bad}:1:1: missing field `kind`")),
            "{args:?}: {}",
            run.stderr
        );
    }
}

/// Issue 13, item 11: the help points at docs an installed binary can reach: `devtopo docs`
/// prints the reference pages built into it, and no help text names a source path.
#[test]
fn help_points_at_built_in_docs() {
    let help = devtopo(&["--help"]);
    assert!(
        help.stdout.contains("devtopo docs files"),
        "{}",
        help.stdout
    );
    for sub in ["check", "show", "dot", "path", "run", "docs"] {
        let text = devtopo(&[sub, "--help"]).stdout;
        assert!(!text.contains("docs/"), "{sub}: {text}");
        assert!(!text.contains("src/"), "{sub}: {text}");
    }
    let list = devtopo(&["docs"]);
    assert_eq!(list.code, 0);
    for topic in [
        "files",
        "scenarios",
        "rules",
        "errors",
        "methods",
        "decisions",
    ] {
        assert!(list.stdout.contains(topic), "{}", list.stdout);
        let page = devtopo(&["docs", topic]);
        assert_eq!(page.code, 0, "{topic}");
        assert!(
            page.stdout.starts_with('#'),
            "{topic}: {}",
            &page.stdout[..40.min(page.stdout.len())]
        );
    }
    assert!(devtopo(&["docs", "rules"]).stdout.contains("- **C6**"));
    assert_eq!(devtopo(&["docs", "nope"]).code, 2);
}
