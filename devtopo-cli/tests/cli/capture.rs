//! `devtopo capture` (issue 9): `--from FILE` serves a simulated machine through devtopo-com
//! and captures it through COM only; the file it writes passes `check`, and `show` walks it
//! as it walks the original, up to decision X69's list (docs/capture.md).

use super::support::{TOPOLOGIES, devtopo, scratch};

/// `show`'s text with what X69 says a capture cannot keep put in a canonical form: the
/// endpoint's label (a client sees only its property store; capture names it by
/// `PKEY_Device_DeviceDesc`), the order of store lines (a file's explicit values load in key
/// order, S13) and the order of `IKsFormatSupport` formats (no call lists them: the probe
/// grid's order). Everything else, the walk itself, must be identical.
fn canonical(show: &str) -> String {
    let mut out = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let flush = |block: &mut Vec<String>, out: &mut Vec<String>| {
        block.sort();
        out.append(block);
    };
    for line in show.lines() {
        if line.contains(" endpoint \"") && !line.starts_with(' ') {
            flush(&mut block, &mut out);
            // `render endpoint "NAME" STATE ID`: keep kind, state and ID.
            let (kind, rest) = line.split_once(" endpoint \"").unwrap_or((line, ""));
            let after = rest.rsplit_once("\" ").map_or("", |(_, a)| a);
            out.push(format!("{kind} endpoint {after}"));
        } else if line.starts_with("  property ") {
            block.push(line.to_owned());
        } else if let Some((head, format)) = line.split_once("*   format ") {
            let text = format.split_once(": ").map_or(format, |(_, t)| t);
            block.push(format!("{head}*   format {text}"));
        } else {
            flush(&mut block, &mut out);
            out.push(line.to_owned());
        }
    }
    flush(&mut block, &mut out);
    out.join("\n")
}

/// Every bundled topology: captured through COM, checked, and walked like the original,
/// in TOML and JSON.
#[test]
fn capture_from_every_bundled_topology_checks_and_shows_like_the_original() {
    let dir = scratch("capture");
    for topology in TOPOLOGIES {
        let original = devtopo(&["show", topology]);
        assert_eq!(original.code, 0, "{topology}: {}", original.stderr);
        for ext in ["toml", "json"] {
            let file = dir.join(format!("captured.{ext}")).display().to_string();
            let run = devtopo(&["capture", "--from", topology, "-o", &file]);
            assert_eq!(
                (run.code, run.stderr.as_str(), run.stdout.as_str()),
                (0, "", ""),
                "{topology}"
            );
            let check = devtopo(&["check", &file]);
            assert_eq!(
                check.code, 0,
                "{topology} {ext}: {}{}",
                check.stdout, check.stderr
            );
            let shown = devtopo(&["show", &file]);
            assert_eq!(shown.code, 0, "{topology}: {}", shown.stderr);
            assert_eq!(
                canonical(&shown.stdout),
                canonical(&original.stdout),
                "{topology} captured as {ext}"
            );
        }
    }
}

/// The header says where and when: TOML comments, or JSON's `comment` list; `--format`
/// overrides the extension, and standard output is the default.
#[test]
fn capture_writes_a_header_in_either_format() {
    let run = devtopo(&["capture", "--from", "topologies/four-topologies.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("# Captured by devtopo-com ")
            && run
                .stdout
                .contains("from the simulated system of topologies/four-topologies.toml at 20"),
        "{}",
        run.stdout
    );
    let json = devtopo(&[
        "capture",
        "--from",
        "topologies/four-topologies.toml",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let first = value["comment"][0].as_str().unwrap_or_default();
    assert!(first.starts_with("Captured by devtopo-com "), "{first}");
    assert!(value["device"].as_array().is_some_and(|d| !d.is_empty()));
}

/// Off Windows, capturing the real machine is not possible: a clear message, exit 2.
#[cfg(not(windows))]
#[test]
fn capture_without_from_needs_windows() {
    let run = devtopo(&["capture"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("needs Windows") && run.stderr.contains("--from"),
        "{}",
        run.stderr
    );
}

/// A `--from` file with an error is reported like every command reports one (exit 2).
#[test]
fn capture_from_a_missing_file_is_an_input_error() {
    let run = devtopo(&["capture", "--from", "topologies/no-such-file.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-file.toml"), "{}", run.stderr);
}

/// `--no-limits` lifts the limits for the `--from` file and for the capture alike: a
/// generated machine of more devices than the default `max_devices` (1,024) is captured
/// whole, but for the filler adapter no connection reaches (X69).
#[test]
fn capture_no_limits_captures_a_machine_over_the_default_limits() {
    let dir = scratch("capture-no-limits");
    let source = dir.join("big.toml").display().to_string();
    let captured = dir.join("captured.toml").display().to_string();
    assert_eq!(
        devtopo(&["gen", "--parts", "5200", "--seed", "1", "-o", &source]).code,
        0
    );
    let run = devtopo(&["capture", "--no-limits", "--from", &source, "-o", &captured]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = devtopo(&["check", "--no-limits", &captured]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stdout
            .contains("(1098 devices, 5183 parts, 4085 links, 815 connections)"),
        "{}",
        check.stdout
    );
    // Within the default limits the source itself is refused: the capture did not cap.
    assert_eq!(devtopo(&["check", &source]).code, 1);
}
