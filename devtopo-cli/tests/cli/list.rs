//! `devtopo list` and `devtopo convert` (issue 13, item 7).

use crate::support::{TOPOLOGIES, devtopo, scratch};

/// `list --format json`: one flat record per device, part, link, connection and control, as
/// the snapshot has them, and every part reference resolves with `find_part`.
#[test]
fn list_has_one_record_per_object() -> Result<(), Box<dyn std::error::Error>> {
    for file in TOPOLOGIES {
        let run = devtopo(&["list", "--format", "json", file]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        let records: Vec<serde_json::Value> = serde_json::from_str(&run.stdout)?;
        let count = |t: &str| records.iter().filter(|r| r["type"] == t).count();
        let system = devtopo::System::load(std::path::Path::new(crate::support::ROOT).join(file))?;
        let snap = system.snapshot();
        let parts = snap.devices.iter().flat_map(|d| &d.parts);
        assert_eq!(count("device"), snap.devices.len(), "{file}");
        assert_eq!(count("part"), parts.clone().count(), "{file}");
        assert_eq!(
            count("link"),
            parts.clone().map(|p| p.outgoing.len()).sum::<usize>()
        );
        let ends = parts
            .clone()
            .filter(|p| p.connector.as_ref().is_some_and(|c| c.peer.is_some()))
            .count();
        assert_eq!(count("connection") * 2, ends, "{file}");
        assert_eq!(
            count("control"),
            parts.map(|p| p.controls.len()).sum::<usize>()
        );
        for r in &records {
            for key in ["part", "from", "to", "a", "b"] {
                if let Some(text) = r[key].as_str() {
                    let part = system.find_part(text)?;
                    if key == "part" && r["type"] == "part" {
                        assert_eq!(part.global_id()?, r["global_id"].as_str().unwrap_or(""));
                    }
                }
            }
        }
        // Text: one line per record.
        let text = devtopo(&["list", file]);
        assert_eq!(text.stdout.lines().count(), records.len(), "{file}");
    }
    Ok(())
}

/// `list --connections`: each connected connector with its peer, `|->` where the signal leaves,
/// `|<-` where it enters, and whether the connection is permanent (as `pw-link -l`).
#[test]
fn list_connections_like_pw_link() -> Result<(), Box<dyn std::error::Error>> {
    let run = devtopo(&["list", "--connections", "topologies/four-topologies.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(
        "Endpoint Device B/0x00010000 \"\" (Physical_External Out)\n  |-> Input Multiplexer Device/0x00010001 \"Microphone\" (Physical_External In) transient\n"
    ), "{}", run.stdout);
    assert!(run.stdout.contains(
        "Wave Capture Device/0x00010000 \"\" (Software_Fixed In)\n  |<- Input Multiplexer Device/0x00010003 \"\" (Software_Fixed Out) permanent\n"
    ), "{}", run.stdout);
    let json = devtopo(&[
        "list",
        "--connections",
        "--format",
        "json",
        "topologies/four-topologies.toml",
    ]);
    let records: Vec<serde_json::Value> = serde_json::from_str(&json.stdout)?;
    assert_eq!(records.len(), 6);
    assert_eq!(records.iter().filter(|r| r["permanent"] == true).count(), 2);
    Ok(())
}

/// `convert`: TOML -> JSON -> TOML gives the same system, and the output is exactly what
/// `System::save` writes (canonical).
#[test]
fn convert_round_trips_canonically() -> Result<(), Box<dyn std::error::Error>> {
    let dir = scratch("convert");
    for file in TOPOLOGIES {
        let json = dir.join("x.json").display().to_string();
        let toml = dir.join("x.toml").display().to_string();
        let run = devtopo(&["convert", file, &json]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_eq!(devtopo(&["convert", &json, &toml]).code, 0);
        let original =
            devtopo::System::load(std::path::Path::new(crate::support::ROOT).join(file))?;
        let back = devtopo::System::load(&toml)?;
        assert_eq!(back.snapshot(), original.snapshot(), "{file}");
        assert_eq!(std::fs::read_to_string(&json)?, original.to_json_string()?);
        assert_eq!(std::fs::read_to_string(&toml)?, original.to_toml_string()?);
    }
    let bad = devtopo(&[
        "convert",
        "no/such.toml",
        &dir.join("y.json").display().to_string(),
    ]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.starts_with("no/such.toml: "), "{}", bad.stderr);
    let ext = devtopo(&[
        "convert",
        TOPOLOGIES[0],
        &dir.join("y.yaml").display().to_string(),
    ]);
    assert_eq!(ext.code, 2);
    assert!(ext.stderr.contains("unknown file format"), "{}", ext.stderr);
    Ok(())
}
