//! The bundled topologies in topologies/ load without error and keep their key facts
//! (reference topologies, parts A and B).

use devtopo::*;

type Res<T> = std::result::Result<T, Box<dyn std::error::Error>>;
type Row = (LocalId, ConnectorType, DataFlow);

fn load(name: &str) -> std::result::Result<System, Box<dyn std::error::Error>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("topologies")
        .join(name);
    Ok(System::load(path)?)
}

fn counts(
    system: &System,
    device: &str,
) -> std::result::Result<(u32, u32), Box<dyn std::error::Error>> {
    let t = system.find_device(device)?.topology()?;
    Ok((t.connector_count()?, t.subunit_count()?))
}

fn types(system: &System, device: &str) -> Res<Vec<Row>> {
    let t = system.find_device(device)?.topology()?;
    (0..t.connector_count()?)
        .map(|i| {
            let c = t.connector(i)?;
            Ok((c.as_part().local_id()?, c.connector_type()?, c.data_flow()?))
        })
        .collect()
}

/// Part A: the file is the same system as `fixtures::four_topologies()`.
#[test]
fn four_topologies_file_equals_fixture() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let system = load("four-topologies.toml")?;
    assert_eq!(system.snapshot(), fixtures::four_topologies()?.snapshot());
    Ok(())
}

/// B1: SPEAKER.
#[test]
fn b1_speaker_facts() -> std::result::Result<(), Box<dyn std::error::Error>> {
    use ConnectorType::*;
    use DataFlow::*;
    let s = load("sysvad-speaker.toml")?;
    assert_eq!(s.devices().len(), 3);
    assert_eq!(counts(&s, "TopologySpeaker")?, (2, 0));
    assert_eq!(counts(&s, "WaveSpeaker")?, (4, 1));
    assert_eq!(
        types(&s, "WaveSpeaker")?,
        [
            (LocalId(0x10000), SoftwareIo, In),
            (LocalId(0x10001), SoftwareIo, In),
            (LocalId(0x10002), SoftwareIo, Out),
            (LocalId(0x10003), SoftwareFixed, Out)
        ]
    );
    assert_eq!(
        types(&s, "Speakers")?,
        [(LocalId(0x10000), PhysicalExternal, In)]
    );
    let bridge = s.find_part("WaveSpeaker/0x10003")?.as_connector()?;
    assert_eq!(bridge.permanence()?, Some(Permanence::Permanent));
    assert_eq!(
        s.find_part("Speakers/0x10000")?
            .as_connector()?
            .permanence()?,
        Some(Permanence::Transient)
    );
    Ok(())
}

/// B2: MIC-IN.
#[test]
fn b2_mic_in_facts() -> std::result::Result<(), Box<dyn std::error::Error>> {
    use ConnectorType::*;
    use DataFlow::*;
    let s = load("sysvad-mic-in.toml")?;
    assert_eq!(counts(&s, "TopologyMicIn")?, (2, 3));
    assert_eq!(counts(&s, "WaveMicIn")?, (2, 1));
    assert_eq!(
        types(&s, "TopologyMicIn")?,
        [
            (LocalId(0x10000), PhysicalExternal, In),
            (LocalId(0x10001), SoftwareFixed, Out)
        ]
    );
    assert_eq!(
        s.find_part("TopologyMicIn/0x10000")?.name()?,
        "External Microphone Headphone"
    );
    assert_eq!(
        s.find_part("TopologyMicIn/0x20002")?.subtype()?,
        guids::KSNODETYPE_PEAKMETER
    );
    assert_eq!(
        s.find_part("WaveMicIn/0x10000")?
            .as_connector()?
            .permanence()?,
        Some(Permanence::Permanent)
    );
    Ok(())
}

/// B3: HDMI.
#[test]
fn b3_hdmi_facts() -> std::result::Result<(), Box<dyn std::error::Error>> {
    use ConnectorType::*;
    use DataFlow::*;
    let s = load("sysvad-hdmi.toml")?;
    assert_eq!(counts(&s, "TopologyHdmi")?, (2, 0));
    assert_eq!(counts(&s, "WaveHdmi")?, (3, 4));
    assert_eq!(
        types(&s, "TopologyHdmi")?,
        [
            (LocalId(0x10000), SoftwareFixed, In),
            (LocalId(0x10001), PhysicalInternal, Out)
        ]
    );
    assert_eq!(
        types(&s, "HDMI")?,
        [(LocalId(0x10000), PhysicalInternal, In)]
    );
    assert_eq!(
        s.find_part("WaveHdmi/0x20000")?.subtype()?,
        guids::KSNODETYPE_SUM
    );
    assert_eq!(
        s.find_part("WaveHdmi/0x20003")?.parts_outgoing()?.count(),
        2
    );
    Ok(())
}

/// B4: MICARRAY1.
#[test]
fn b4_micarray1_facts() -> std::result::Result<(), Box<dyn std::error::Error>> {
    use ConnectorType::*;
    use DataFlow::*;
    let s = load("sysvad-micarray1.toml")?;
    assert_eq!(counts(&s, "TopologyMicArray1")?, (2, 3));
    assert_eq!(counts(&s, "WaveMicArray1")?, (3, 1));
    assert_eq!(
        types(&s, "WaveMicArray1")?,
        [
            (LocalId(0x10000), SoftwareFixed, In),
            (LocalId(0x10001), SoftwareIo, Out),
            (LocalId(0x10002), SoftwareIo, Out)
        ]
    );
    assert_eq!(
        types(&s, "Microphone Array - Front")?,
        [(LocalId(0x10000), PhysicalInternal, Out)]
    );
    assert_eq!(
        s.find_part("TopologyMicArray1/0x10000")?.subtype()?,
        guids::KSNODETYPE_MICROPHONE_ARRAY
    );
    Ok(())
}

/// Every bundled file also loads as JSON after a round trip.
#[test]
fn bundled_files_round_trip_through_json() -> std::result::Result<(), Box<dyn std::error::Error>> {
    for name in [
        "four-topologies.toml",
        "sysvad-speaker.toml",
        "sysvad-mic-in.toml",
        "sysvad-hdmi.toml",
        "sysvad-micarray1.toml",
    ] {
        let s = load(name)?;
        assert_eq!(
            System::from_json_str(&s.to_json_string()?)?.snapshot(),
            s.snapshot(),
            "{name}"
        );
    }
    Ok(())
}

/// The complete example of docs/topology-files.md loads, and says what its comments say.
#[test]
fn documented_example_loads() -> Res<()> {
    let doc = include_str!("../../docs/topology-files.md");
    let start = doc.find("```toml\n").ok_or("no toml block")? + "```toml\n".len();
    let end = start + doc[start..].find("```").ok_or("unterminated")?;
    let s = System::from_toml_str(&doc[start..end])?;
    assert_eq!(s.devices().len(), 3);
    assert_eq!(
        s.find_part("Topology/Bridge")?.local_id()?,
        LocalId(0x10001)
    );
    assert_eq!(
        s.find_part("Topology/Volume")?.local_id()?,
        LocalId(0x20000)
    );
    assert_eq!(
        s.find_part("Topology/Mute")?.subtype()?,
        guids::KSNODETYPE_MUTE
    );
    let bridge = s.find_part("Wave/Bridge")?.as_connector()?;
    assert_eq!(
        bridge.disconnect().map_err(|e| e.hresult()),
        Err(HResult::ERROR_FILE_READ_ONLY)
    );
    Ok(())
}
