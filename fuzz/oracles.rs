//! The oracles of the fuzz targets, shared with the regression tests
//! (`tests/integration/fuzz_regressions.rs` includes this file), so a crash found by fuzzing
//! is replayed by `cargo test` through exactly the code that found it.
//!
//! Each oracle returns `Err(why)` when devtopo misbehaves on the input (a panic is a failure
//! too); bad input that devtopo rejects with an error is fine.

#![allow(dead_code)] // each target uses part of this file

use devtopo::System;
use devtopo::file::Format;
use devtopo::scenario::Scenario;

/// A bundled topology's fixture function.
pub(crate) type Fixture = fn() -> devtopo::Result<System>;

/// The bundled topology files, by file name: scenarios name their topology by path, and the
/// scenario target resolves the name to one of these (four-topologies otherwise). Each is
/// the library's fixture of that file, parsed once per process and deep-copied per use
/// (`devtopo::fixtures`): a scenario costs its own parse and run, not a topology parse.
pub(crate) const TOPOLOGIES: &[(&str, Fixture)] = &[
    ("four-topologies.toml", devtopo::fixtures::four_topologies),
    ("real-hda-lineout.toml", devtopo::fixtures::real_hda_lineout),
    ("sysvad-hdmi.toml", devtopo::fixtures::sysvad_hdmi),
    ("sysvad-mic-in.toml", devtopo::fixtures::sysvad_mic_in),
    ("sysvad-micarray1.toml", devtopo::fixtures::sysvad_micarray1),
    ("sysvad-speaker.toml", devtopo::fixtures::sysvad_speaker),
];

/// Load, save, load: a file devtopo accepts saves without error, the saved text loads again
/// into an equal system (same snapshot), and saving that gives the same text (a fixed point).
pub(crate) fn round_trip(data: &[u8], format: Format) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let Ok(system) = devtopo::file::parse(text, format, "fuzz") else {
        return Ok(());
    };
    let save = |s: &System| match format {
        Format::Toml => s.to_toml_string(),
        Format::Json => s.to_json_string(),
    };
    let saved = save(&system).map_err(|e| format!("an accepted file does not save: {e}"))?;
    let again = devtopo::file::parse(&saved, format, "saved")
        .map_err(|e| format!("the saved file does not load: {}\n{saved}", e[0]))?;
    if again.snapshot() != system.snapshot() {
        return Err(format!(
            "the saved file loads into another system:\n{saved}"
        ));
    }
    let resaved = save(&again).map_err(|e| format!("the reloaded system does not save: {e}"))?;
    if resaved != saved {
        return Err(format!(
            "saving is not a fixed point:\n{saved}\n---\n{resaved}"
        ));
    }
    Ok(())
}

/// Parse and run a scenario (TOML) against a bundled topology: no panic, every step gives an
/// outcome, and the system stays internally consistent (its snapshot's connections are
/// symmetric, rule C5).
pub(crate) fn scenario(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let parsed = Scenario::parse(text, Format::Toml, "fuzz.toml", |name| {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (file, topology) = TOPOLOGIES
            .iter()
            .find(|(f, _)| *f == file)
            .unwrap_or(&TOPOLOGIES[0]);
        let system = topology().map_err(|e| {
            vec![devtopo::file::FileError {
                file: (*file).to_owned(),
                line: 1,
                column: 1,
                path: String::new(),
                kind: devtopo::file::FileErrorKind::Io(e.to_string()),
            }]
        })?;
        Ok(((*file).to_owned(), system))
    });
    let Ok(mut scenario) = parsed else {
        return Ok(());
    };
    let steps = scenario.len();
    let ran = scenario.run().count();
    if ran != steps {
        return Err(format!("{steps} steps but {ran} outcomes"));
    }
    let snapshot = scenario.system().snapshot();
    for device in &snapshot.devices {
        for part in &device.parts {
            let Some(peer) = part.connector.as_ref().and_then(|c| c.peer.as_ref()) else {
                continue;
            };
            let back = snapshot
                .devices
                .iter()
                .find(|d| d.id == peer.device)
                .and_then(|d| d.parts.iter().find(|p| p.local_id == peer.local_id))
                .and_then(|p| p.connector.as_ref())
                .and_then(|c| c.peer.as_ref());
            if back.is_none_or(|b| b.device != device.id || b.local_id != part.local_id) {
                return Err(format!(
                    "C5: {}/{} has a one-sided peer",
                    device.id, part.local_id
                ));
            }
        }
    }
    Ok(())
}
