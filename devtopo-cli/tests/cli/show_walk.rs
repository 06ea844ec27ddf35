//! `devtopo show` on large and unusual files: an iterative walk, output linear in what it
//! shows (issue 12, defects 1 and 2), the endpoint filter, crossings and unreached parts
//! (issue 13, item 8).

use crate::support::{devtopo, scratch, write};

/// A capture endpoint whose walk runs through `adapters` adapters of `chain` subunits each,
/// linked one after the other and joined by permanent Software_Fixed connections: a valid file
/// (it passes `check`) whose walk is `adapters * (chain + 2) + 1` parts deep.
fn long_chain(adapters: usize, chain: usize) -> String {
    let mut devices = vec![serde_json::json!({
        "id": "{0.0.1.00000000}.{chain}", "name": "Chain Mic", "kind": "capture",
        "connector": [{ "flow": "Out", "type": "Physical_External" }],
    })];
    let mut connections =
        vec![serde_json::json!({ "a": "Chain Mic/0x10000", "b": "Adapter 0/0x10000" })];
    for d in 0..adapters {
        let last = d + 1 == adapters;
        let subunits = vec![serde_json::json!({ "subtype": "KSNODETYPE_SUM" }); chain];
        let mut links = vec![serde_json::json!({ "from": "0x10000", "to": "0x20000" })];
        for i in 0..chain - 1 {
            let (from, to) = (0x20000 + i, 0x20001 + i);
            links.push(
                serde_json::json!({ "from": format!("{from:#x}"), "to": format!("{to:#x}") }),
            );
        }
        let end = 0x20000 + chain - 1;
        links.push(serde_json::json!({ "from": format!("{end:#x}"), "to": "0x10001" }));
        let first = if d == 0 {
            "Physical_External"
        } else {
            "Software_Fixed"
        };
        let out = if last {
            "Software_IO"
        } else {
            "Software_Fixed"
        };
        devices.push(serde_json::json!({
            "id": format!("Adapter {d}"), "name": format!("Adapter {d}"), "kind": "adapter",
            "connector": [{ "flow": "In", "type": first }, { "flow": "Out", "type": out }],
            "subunit": subunits, "link": links,
        }));
        if !last {
            connections.push(serde_json::json!({
                "a": format!("Adapter {d}/0x10001"), "b": format!("Adapter {}/0x10000", d + 1), "permanent": true,
            }));
        }
    }
    serde_json::json!({ "device": devices, "connection": connections }).to_string()
}

/// Issue 12, defect 1: a ~14,000-part chain that passes `check` overflowed `show`'s stack
/// (exit 134) because the walker recursed once per part. The walk is iterative now.
#[test]
fn show_walks_a_14000_part_chain_without_overflow() {
    let dir = scratch("show-long-chain");
    let file = write(&dir, "chain.json", &long_chain(4, 3500));
    let check = devtopo(&["check", &file]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let text = devtopo(&["show", &file]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert_eq!(text.stdout.matches("\"\" subunit 0x").count(), 4 * 3500);
    assert!(
        text.stdout
            .contains("Software_IO Out KSCATEGORY_AUDIO -- GetConnectedTo")
    );
    let json = devtopo(&["show", "--format", "json", &file]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap_or_default();
    assert_eq!(
        doc["endpoints"][0]["walk"].as_array().map(Vec::len),
        Some(4 * 3502 + 1)
    );
}

/// Issue 12, defect 2: `show --format json` grew with the square of the walk's depth (each
/// level nested, and indented, one deeper). Now each step is one flat record: the output is
/// linear in the parts and links shown, for text and JSON alike.
#[test]
fn show_output_is_linear_in_the_walk() {
    let dir = scratch("show-linear");
    let size = |chain: usize, format: &str| {
        let file = write(&dir, &format!("chain{chain}.json"), &long_chain(1, chain));
        let run = devtopo(&["show", "--format", format, &file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.len()
    };
    for format in ["json", "text"] {
        let (small, large) = (size(500, format), size(2000, format));
        // 4x the parts: about 4x the output (16x were it quadratic).
        assert!(large < small * 5, "{format}: {small} -> {large} bytes");
        assert!(large < 2000 * 400, "{format}: {large} bytes for 2000 parts");
    }
}

/// Issue 13, item 8: `--endpoint` shows one endpoint (by name or ID); an unknown one is an
/// input error that lists the endpoints.
#[test]
fn show_endpoint_filter() {
    let file = "topologies/four-topologies.toml";
    let one = devtopo(&["show", file, "--endpoint", "Endpoint Device B"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout.matches(" endpoint \"").count(), 1);
    assert!(
        one.stdout
            .starts_with("capture endpoint \"Endpoint Device B\"")
    );
    let by_id = devtopo(&[
        "show",
        file,
        "--endpoint",
        "{0.0.1.00000000}.{8b7c5a40-0d2e-4f5a-9a4e-0000000000b2}",
    ]);
    assert_eq!(by_id.stdout, one.stdout);
    let none = devtopo(&["show", file, "--endpoint", "Nope"]);
    assert_eq!(none.code, 2);
    assert!(none.stdout.is_empty());
    assert!(
        none.stderr.contains("no endpoint \"Nope\""),
        "{}",
        none.stderr
    );
    assert!(
        none.stderr.contains("\"Endpoint Device A\""),
        "{}",
        none.stderr
    );
}

/// Issue 13, item 8: a crossing says its connector type and whether it is permanent.
#[test]
fn show_marks_crossings() {
    let run = devtopo(&["show", "topologies/sysvad-mic-in.toml"]);
    assert!(run.stdout.contains(
        "=> transient Physical_External connection to \"TopologyMicIn\" (adapter, DEVICE_STATE_ACTIVE)"
    ));
    assert!(run.stdout.contains(
        "=> permanent Software_Fixed connection to \"WaveMicIn\" (adapter, DEVICE_STATE_ACTIVE)"
    ));
}

/// Issue 13, item 8: `--unreached` lists the parts no endpoint walk meets, such as HDMI's
/// loopback pin, in text and JSON.
#[test]
fn show_unreached_parts() -> Result<(), Box<dyn std::error::Error>> {
    let file = "topologies/sysvad-hdmi.toml";
    let plain = devtopo(&["show", file]);
    assert!(!plain.stdout.contains("KSPIN_WAVE_RENDER2_SINK_LOOPBACK"));
    let run = devtopo(&["show", "--unreached", file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (_, tail) = run
        .stdout
        .split_once("parts no endpoint walk reaches:\n")
        .ok_or("no unreached section")?;
    assert!(tail.contains("\"KSPIN_WAVE_RENDER2_SINK_LOOPBACK\" connector 0x00010001"));
    let json = devtopo(&["show", "--unreached", "--format", "json", file]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout)?;
    let names: Vec<&str> = doc["unreached"]
        .as_array()
        .ok_or("unreached")?
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        names.contains(&"KSPIN_WAVE_RENDER2_SINK_LOOPBACK"),
        "{names:?}"
    );
    Ok(())
}

/// Issue 13, item 4: counts agree with their nouns ("1 channel", "1 format", "1 jack").
#[test]
fn show_wording_is_singular_for_one() {
    let dir = scratch("show-wording");
    let file = write(
        &dir,
        "one.toml",
        r#"
[[device]]
id = "{0.0.1.00000000}.{one}"
name = "One"
kind = "capture"
connector = [{ flow = "Out", type = "Physical_External" }]

[[device]]
id = "a"
name = "A"
kind = "adapter"

[[device.connector]]
flow = "In"
type = "Physical_External"
control = [{ interface = "IKsJackDescription", jack = [{ channel_mapping = "0x4", color = "0x0", connection_type = "eConnType3Point5mm", geo_location = "eGeoLocRear", gen_location = "eGenLocPrimaryBox", port_connection = "ePortConnJack", is_connected = true }] }]

[[device.connector]]
flow = "Out"
type = "Software_IO"
control = [{ interface = "IKsFormatSupport", format = [{ sub_format = "KSDATAFORMAT_SUBTYPE_PCM", channels = 1, samples_per_sec = 48000, bits_per_sample = 16 }] }]

[[device.subunit]]
subtype = "KSNODETYPE_VOLUME"
control = [{ interface = "IAudioVolumeLevel", min_db = -96.0, max_db = 0.0, step_db = 0.5, channels = 1, level_db = 0.0 }]

[[device.link]]
from = "0x10000"
to = "0x20000"

[[device.link]]
from = "0x20000"
to = "0x10001"

[[connection]]
a = "One/0x10000"
b = "A/0x10000"
"#,
    );
    let run = devtopo(&["show", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("IAudioVolumeLevel: 1 channel, range"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("IKsFormatSupport: 1 format, preferred"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("IKsJackDescription: 1 jack\n"),
        "{}",
        run.stdout
    );
}
