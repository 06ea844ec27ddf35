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

/// Parts A and B: each bundled file is the same system as its fixture, controls, jacks,
/// formats and initial values included.
#[test]
fn bundled_files_equal_fixtures() -> std::result::Result<(), Box<dyn std::error::Error>> {
    type Fixture = fn() -> devtopo::Result<System>;
    let all: [(&str, Fixture); 7] = [
        ("four-topologies.toml", fixtures::four_topologies),
        ("sysvad-speaker.toml", fixtures::sysvad_speaker),
        ("sysvad-mic-in.toml", fixtures::sysvad_mic_in),
        ("sysvad-hdmi.toml", fixtures::sysvad_hdmi),
        ("sysvad-micarray1.toml", fixtures::sysvad_micarray1),
        ("real-hda-lineout.toml", fixtures::real_hda_lineout),
        ("headsets.toml", fixtures::headsets),
    ];
    for (file, fixture) in all {
        let system = load(file)?;
        assert_eq!(system.snapshot(), fixture()?.snapshot(), "{file}");
    }
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
        s.find_part("WaveHdmi/0x20003")?.parts_outgoing()?.count()?,
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
        "real-hda-lineout.toml",
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
    // The controls the comments describe.
    let volume = s
        .find_part("Topology/Volume")?
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("volume")?;
    assert_eq!((volume.level(0)?, volume.level(1)?), (-6.0, -12.0));
    let jack = s
        .find_part("Topology/Mic Jack")?
        .activate(CLSCTX_ALL, guids::IID_IKsJackDescription)?
        .into_jack_description()
        .ok_or("jack")?
        .jack_description(0)?;
    assert_eq!(
        (jack.rgb(), jack.connection_type),
        ((255, 192, 203), EPcxConnectionType::ThreePoint5mm)
    );
    let formats = s
        .find_part("Wave/Capture Stream")?
        .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)?
        .into_format_support()
        .ok_or("formats")?;
    assert_eq!(
        formats.device_preferred_format()?,
        KsDataFormat::pcm(2, 48_000, 16)
    );
    // Unplugging the jack (it detects presence) unplugs the endpoint (X27).
    let mic = s.find_part("Topology/Mic Jack")?.as_connector()?;
    s.hardware().unplug_jack(&mic, 0)?;
    assert_eq!(
        s.find_device("Microphone")?.state()?,
        DeviceState::Unplugged
    );
    Ok(())
}

/// The controls of the bundled files carry the values of the reference tables (A.5, B1-B4):
/// jacks with every field, level ranges and channel counts, formats.
#[test]
fn bundled_controls_match_reference_tables() -> Res<()> {
    let jack = |s: &System, part: &str| -> Res<(Vec<JackDescription>, Vec<JackDescription2>)> {
        let p = s.find_part(part)?;
        let v1 = p.activate(CLSCTX_ALL, guids::IID_IKsJackDescription)?;
        let v2 = p.activate(CLSCTX_ALL, guids::IID_IKsJackDescription2)?;
        let (v1, v2) = (
            v1.into_jack_description().ok_or("v1")?,
            v2.into_jack_description2().ok_or("v2")?,
        );
        let n = v1.jack_count()?;
        assert_eq!(v2.jack_count()?, n);
        Ok((
            (0..n)
                .map(|j| v1.jack_description(j))
                .collect::<devtopo::Result<_>>()?,
            (0..n)
                .map(|j| v2.jack_description2(j))
                .collect::<devtopo::Result<_>>()?,
        ))
    };
    let level = |s: &System, part: &str| -> Res<(LevelRange, u32, f32)> {
        let vol = s
            .find_part(part)?
            .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
            .into_level()
            .ok_or("level")?;
        Ok((vol.level_range(0)?, vol.channel_count()?, vol.level(0)?))
    };
    // B1: the speaker jack (SpeakerJackDescBridge), no presence detection.
    let s = load("sysvad-speaker.toml")?;
    let (v1, v2) = jack(&s, "TopologySpeaker/0x10001")?;
    assert_eq!(
        v1,
        [JackDescription {
            channel_mapping: speaker::KSAUDIO_SPEAKER_STEREO,
            color: 0xB3C98C,
            connection_type: EPcxConnectionType::Unknown,
            geo_location: EPcxGeoLocation::Front,
            gen_location: EPcxGenLocation::PrimaryBox,
            port_connection: EPxcPortConnection::IntegratedDevice,
            is_connected: true,
        }]
    );
    assert!(!v2[0].detects_presence());
    // B2: MIC-IN, 1 channel, -96..0 dB in 0.5 dB steps, combination jack on the rear.
    let s = load("sysvad-mic-in.toml")?;
    let (range, channels, at) = level(&s, "TopologyMicIn/0x20000")?;
    assert_eq!(
        (range.min_db, range.max_db, range.step_db),
        (-96.0, 0.0, 0.5)
    );
    assert_eq!((channels, at), (1, 0.0));
    let (v1, _) = jack(&s, "TopologyMicIn/0x10000")?;
    assert_eq!(v1[0].connection_type, EPcxConnectionType::Combination);
    assert_eq!(v1[0].geo_location, EPcxGeoLocation::Rear);
    // B3: HDMI, presence detection; 2-channel volume and peak meter; 9 host formats.
    let s = load("sysvad-hdmi.toml")?;
    let (v1, v2) = jack(&s, "TopologyHdmi/0x10001")?;
    assert_eq!(v1[0].geo_location, EPcxGeoLocation::Hdmi);
    assert!(v2[0].detects_presence());
    assert_eq!(level(&s, "WaveHdmi/0x20001")?.1, 2);
    let formats = s
        .find_part("WaveHdmi/0x10000")?
        .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)?
        .into_format_support()
        .ok_or("formats")?;
    assert!(formats.is_format_supported(&KsDataFormat::pcm(2, 96_000, 16))?);
    assert_eq!(
        formats.device_preferred_format()?,
        KsDataFormat::pcm(2, 48_000, 16)
    );
    // B4: MICARRAY1, 2 channels, integrated jack.
    let s = load("sysvad-micarray1.toml")?;
    assert_eq!(level(&s, "TopologyMicArray1/0x20000")?.1, 2);
    let (v1, _) = jack(&s, "TopologyMicArray1/0x10000")?;
    assert_eq!(v1[0].port_connection, EPxcPortConnection::IntegratedDevice);
    // A.5: the MUX selects "Vol (Line)".
    let s = load("four-topologies.toml")?;
    let mux = s
        .find_part("Input Multiplexer Device/MUX")?
        .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)?
        .into_input_selector()
        .ok_or("selector")?;
    assert_eq!(mux.selection()?, LocalId(0x20001));
    Ok(())
}
