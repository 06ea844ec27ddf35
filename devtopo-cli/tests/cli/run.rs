//! `devtopo run`: the shipped scenarios pass through the binary; failures and broken
//! scenario files give the right exit codes and messages.

use crate::support::{devtopo, scratch, write};

const SCENARIOS: [&str; 9] = [
    "scenarios/faults.toml",
    "scenarios/disconnect-rules.toml",
    "scenarios/four-topologies.toml",
    "scenarios/sysvad-speaker.toml",
    "scenarios/sysvad-mic-in.toml",
    "scenarios/sysvad-hdmi.toml",
    "scenarios/sysvad-micarray1.toml",
    "scenarios/notifications.toml",
    "scenarios/headsets.toml",
];

/// `SCENARIOS` lists every file in `scenarios/`, so a new scenario cannot be left out.
#[test]
fn shipped_scenario_list_is_complete() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(crate::support::ROOT).join("scenarios");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        found.push(format!("scenarios/{name}"));
    }
    found.sort();
    let mut listed: Vec<String> = SCENARIOS.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(found, listed);
    Ok(())
}

/// Every shipped scenario passes (C6 and the part A and B expected results).
#[test]
fn c6_shipped_scenarios_pass() {
    for scenario in SCENARIOS {
        let run = devtopo(&["run", scenario]);
        assert_eq!(run.code, 0, "{scenario}:\n{}{}", run.stdout, run.stderr);
        let last = run.stdout.lines().last().unwrap_or("");
        assert!(last.ends_with(" passed, 0 failed"), "{scenario}: {last}");
        assert!(!run.stdout.contains("FAIL"));
    }
    let all = devtopo(&[&["run"], &SCENARIOS[..]].concat());
    assert_eq!(all.code, 0);
    let steps = all.stdout.lines().filter(|l| l.starts_with("ok ")).count();
    assert!(
        all.stdout.ends_with(&format!("{steps} passed, 0 failed\n")),
        "{}",
        all.stdout
    );
}

const FOUR: &str = "topology = \"four.toml\"\n";

fn scenario_dir(name: &str) -> crate::support::Scratch {
    let dir = scratch(name);
    let four = std::fs::read_to_string(
        std::path::Path::new(crate::support::ROOT).join("topologies/four-topologies.toml"),
    )
    .unwrap_or_default();
    write(&dir, "four.toml", &four);
    dir
}

/// A mismatch: every step still runs, the line says what was expected and what happened, the
/// summary counts both, exit 1.
#[test]
fn c6_mismatch_exits_1_with_summary() {
    let dir = scenario_dir("run-fail");
    let text = format!(
        "{FOUR}\n[[step]]\ncall = \"Disconnect\"\npart = \"Input Multiplexer Device/0x10003\"\n\n[[step]]\ncall = \"IsConnected\"\npart = \"Input Multiplexer Device/0x10003\"\nvalue = false\n\n[[step]]\ncall = \"GetName\"\npart = \"Input Multiplexer Device/0x10001\"\nvalue = \"Microphone\"\n"
    );
    let path = write(&dir, "s.toml", &text);
    let run = devtopo(&["run", &path]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[1].starts_with(&format!("FAIL {path}:3:1: step 1: Disconnect Input Multiplexer Device/0x10003: expected S_OK 0x00000000, got ERROR_FILE_READ_ONLY 0x80071779 (")),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with(&format!("FAIL {path}:7:1: step 2: IsConnected")),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].contains("expected S_OK 0x00000000 = false, got S_OK 0x00000000 = true"),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("ok   "), "{}", lines[3]);
    assert_eq!(lines.last().copied(), Some("1 passed, 2 failed"));
}

/// A broken scenario (unknown call, unknown part, bad HRESULT) exits 2 with locations and
/// runs nothing.
#[test]
fn broken_scenarios_exit_2_with_locations() {
    let dir = scenario_dir("run-broken");
    let text = format!(
        "{FOUR}\n[[step]]\ncall = \"Disconect\"\npart = \"Input Multiplexer Device/0x10003\"\n\n[[step]]\ncall = \"Disconnect\"\npart = \"Input Multiplexer Device/0x10009\"\n\n[[step]]\ncall = \"Disconnect\"\npart = \"Input Multiplexer Device/0x10003\"\nexpect = \"E_WHATEVER\"\n"
    );
    let path = write(&dir, "s.toml", &text);
    let run = devtopo(&["run", &path]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{path}:4:8: unknown call `Disconect`")),
        "{}",
        run.stderr
    );
    assert!(
        lines[1].starts_with(&format!(
            "{path}:9:8: device `Input Multiplexer Device` has no part"
        )),
        "{}",
        run.stderr
    );
    assert!(
        lines[2].starts_with(&format!("{path}:14:10: `E_WHATEVER` is not an HRESULT")),
        "{}",
        run.stderr
    );
    // The summary says the file did not load (issue 13, item 4), and stderr says which.
    assert_eq!(
        run.stdout,
        "0 passed, 0 failed; 1 scenario file did not load\n"
    );
    assert!(
        run.stderr.ends_with(&format!(
            "devtopo: scenario {path} did not load; none of its steps ran\n"
        )),
        "{}",
        run.stderr
    );

    let syntax = write(&dir, "bad.toml", "topology = \n");
    let run = devtopo(&["run", &syntax]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(&format!("{syntax}:1:")),
        "{}",
        run.stderr
    );

    let missing = write(&dir, "missing.toml", "topology = \"nope.toml\"\n");
    let run = devtopo(&["run", &missing]);
    assert_eq!(run.code, 2);
    // An I/O error has no meaningless `:1:1` (issue 13, item 4).
    assert!(run.stderr.contains("nope.toml: "), "{}", run.stderr);
    assert!(!run.stderr.contains("nope.toml:1:1"), "{}", run.stderr);
}

#[test]
fn run_json_output() -> Result<(), Box<dyn std::error::Error>> {
    let run = devtopo(&["run", "--format", "json", "scenarios/disconnect-rules.toml"]);
    assert_eq!(run.code, 0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(doc["failed"], 0);
    let step = &doc["scenarios"][0]["steps"][2];
    assert_eq!(step["call"], "Disconnect");
    assert_eq!(step["expected"]["hresult"], "E_NOTFOUND 0x80070490");
    assert_eq!(step["actual"]["hresult"], "E_NOTFOUND 0x80070490");
    assert_eq!(step["ok"], true);
    Ok(())
}

/// Issue 13, item 4: a step that expected an error and got a value prints the value.
#[test]
fn failed_step_prints_the_value_it_got() {
    let dir = scenario_dir("run-got-value");
    let text = format!(
        "{FOUR}\n[[step]]\ncall = \"GetName\"\npart = \"Input Multiplexer Device/0x10001\"\nexpect = \"E_NOTFOUND\"\n"
    );
    let path = write(&dir, "s.toml", &text);
    let run = devtopo(&["run", &path]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("expected E_NOTFOUND 0x80070490, got S_OK 0x00000000 = \"Microphone\""),
        "{}",
        run.stdout
    );
}

/// X72: `--events` prints each scenario's event log after its steps; two runs print the same
/// bytes (no addresses, no times), and JSON carries the same lines.
#[test]
fn x72_run_events_prints_a_deterministic_log() -> Result<(), Box<dyn std::error::Error>> {
    let scenario = "scenarios/sysvad-hdmi.toml";
    let first = devtopo(&["run", "--events", scenario]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    let again = devtopo(&["run", "--events", scenario]);
    assert_eq!(first.stdout, again.stdout);
    assert!(first.stdout.contains("events ("), "{}", first.stdout);
    assert!(first.stdout.contains("  #0 "), "{}", first.stdout);
    assert!(first.stdout.contains("unplugged"), "{}", first.stdout);
    assert!(
        first.stdout.contains("= DEVICE_STATE_UNPLUGGED"),
        "{}",
        first.stdout
    );
    // Without the flag, no log.
    assert!(!devtopo(&["run", scenario]).stdout.contains("events ("));
    let json = devtopo(&["run", "--events", "--format", "json", scenario]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout)?;
    let events = value["scenarios"][0]["events"]
        .as_array()
        .ok_or("no events")?;
    let text: Vec<&str> = first
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  #"))
        .collect();
    assert_eq!(events.len(), text.len());
    assert!(events[0].as_str().is_some_and(|e| e.starts_with("#0 ")));
    Ok(())
}
