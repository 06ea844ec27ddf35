//! `devtopo run` notification steps (N1-N6, X19, X21): a wrong expectation fails the step;
//! mistakes in notification steps are located load errors.

use crate::support::{devtopo, scratch, write};

const MIC: &str = "topology = \"mic.toml\"\n";

fn scenario_dir(name: &str) -> crate::support::Scratch {
    let dir = scratch(name);
    let mic = std::fs::read_to_string(
        std::path::Path::new(crate::support::ROOT).join("topologies/sysvad-mic-in.toml"),
    )
    .unwrap_or_default();
    write(&dir, "mic.toml", &mic);
    dir
}

const REGISTER: &str = "[[step]]\ncall = \"RegisterControlChangeCallback\"\npart = \"TopologyMicIn/0x20001\"\ninterface = \"IAudioMute\"\nsink = \"m\"\n";

/// N5: a change the sink received makes an expected empty list fail, and the line shows what
/// arrived; the check cleared the record, so the next check sees nothing.
#[test]
fn n5_notifications_mismatch_fails_and_clears() {
    let dir = scenario_dir("run-notify-fail");
    let text = format!(
        "{MIC}\n{REGISTER}\n[[step]]\ncall = \"SetMute\"\npart = \"TopologyMicIn/0x20001\"\nmuted = true\ncontext = \"EVENTCONTEXT_VOLUMESLIDER\"\n\n[[step]]\ncall = \"Notifications\"\nsink = \"m\"\nvalue = []\n\n[[step]]\ncall = \"Notifications\"\nsink = \"m\"\nvalue = []\n"
    );
    let path = write(&dir, "s.toml", &text);
    let run = devtopo(&["run", &path]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let fail: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("FAIL"))
        .collect();
    assert_eq!(fail.len(), 1, "{}", run.stdout);
    assert!(
        fail[0].contains(
            "expected S_OK 0x00000000 = [], got S_OK 0x00000000 = [{\"context\":\"EVENTCONTEXT_VOLUMESLIDER\",\"sender\":\"caller\"}]"
        ),
        "{}",
        fail[0]
    );
    assert!(
        run.stdout.ends_with("3 passed, 1 failed\n"),
        "{}",
        run.stdout
    );
}

/// X21: an integer sender equal to the caller's or the hardware's process ID reads as that
/// name; the hardware PID defaults to 4.
#[test]
fn x21_sender_pid_reads_as_hardware() {
    let dir = scenario_dir("run-notify-pid");
    let text = format!(
        "{MIC}\n{REGISTER}\n[[step]]\ncall = \"HardwareSetMute\"\npart = \"TopologyMicIn/0x20001\"\nmuted = true\n\n[[step]]\ncall = \"Notifications\"\nsink = \"m\"\nvalue = [{{ sender = {}, context = \"HARDWARE_INITIATED_CONTEXT\" }}]\n",
        devtopo::DEFAULT_HARDWARE_PROCESS_ID
    );
    let path = write(&dir, "s.toml", &text);
    let run = devtopo(&["run", &path]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.ends_with("3 passed, 0 failed\n"),
        "{}",
        run.stdout
    );
}

/// Mistakes in notification steps are located load errors (exit 2, nothing runs): a sink no
/// RegisterControlChangeCallback step names, a missing `sink`, a `context` on a call that
/// takes none, an unparsable context, a malformed expected notification.
#[test]
fn notification_step_errors_are_located() {
    let rows: [(&str, &str, &str); 6] = [
        (
            "[[step]]\ncall = \"Notifications\"\nsink = \"typo\"\nvalue = []\n",
            ":5:8: unknown sink `typo`: no RegisterControlChangeCallback or RegisterEndpointNotificationCallback step names it (sinks: m)",
            "unknown sink in a check",
        ),
        (
            "[[step]]\ncall = \"UnregisterControlChangeCallback\"\npart = \"TopologyMicIn/0x20001\"\nsink = \"typo\"\n",
            ":6:8: unknown sink `typo`",
            "unknown sink in an unregister",
        ),
        (
            "[[step]]\ncall = \"RegisterControlChangeCallback\"\npart = \"TopologyMicIn/0x20001\"\nsink = \"m\"\n",
            ":3:1: RegisterControlChangeCallback needs `interface`",
            "missing interface",
        ),
        (
            "[[step]]\ncall = \"GetMute\"\npart = \"TopologyMicIn/0x20001\"\ncontext = \"EVENTCONTEXT_VOLUMESLIDER\"\n",
            ":6:11: GetMute takes no event context",
            "context on a getter",
        ),
        (
            "[[step]]\ncall = \"SetMute\"\npart = \"TopologyMicIn/0x20001\"\nmuted = true\ncontext = \"{nope}\"\n",
            ":7:11: \"{nope}\" is not a GUID name or a braced GUID",
            "bad context",
        ),
        (
            "[[step]]\ncall = \"Notifications\"\nsink = \"m\"\nvalue = [{ sender = \"me\", context = \"none\" }]\n",
            ":6:9: sender \"me\" is not \"caller\", \"hardware\" or a process ID",
            "bad sender",
        ),
    ];
    let dir = scenario_dir("run-notify-broken");
    for (i, (step, want, what)) in rows.iter().enumerate() {
        // The register step comes last, so the sink it names is known to earlier steps.
        let text = format!("{MIC}\n{step}\n{REGISTER}");
        let path = write(&dir, &format!("s{i}.toml"), &text);
        let run = devtopo(&["run", &path]);
        assert_eq!(run.code, 2, "{what}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.starts_with(&format!("{path}{want}")),
            "{what}: {}",
            run.stderr
        );
        assert_eq!(
            run.stdout, "0 passed, 0 failed; 1 scenario file did not load\n",
            "{what}"
        );
    }
}
