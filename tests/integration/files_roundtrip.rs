//! load -> save -> load gives an equal system (issue 4), in TOML and JSON, over random
//! topologies with random controls; and no input, however malformed, panics the loader.

use devtopo::*;
use proptest::prelude::*;

/// One random device: kind, state, name choice, and its parts and links as small numbers.
#[derive(Debug, Clone)]
struct DeviceSeed {
    kind: u8,
    state: u8,
    name: u8,
    connectors: Vec<(u8, u8, u8, u8, Option<u16>)>,
    subunits: Vec<(u8, u8, Option<u16>)>,
    links: Vec<(u8, u8)>,
    /// Control seeds, one per part (cycled).
    controls: Vec<CtlSeed>,
}

/// The values of one part's controls, as small random numbers.
#[derive(Debug, Clone)]
struct CtlSeed {
    /// Which optional controls the part gets (bits).
    extra: u8,
    channels: u8,
    steps: Vec<u16>,
    flag: bool,
    word: u32,
}

fn ctl_seed() -> impl Strategy<Value = CtlSeed> {
    (
        any::<u8>(),
        1u8..4,
        prop::collection::vec(0u16..400, 4),
        any::<bool>(),
        any::<u32>(),
    )
        .prop_map(|(extra, channels, steps, flag, word)| CtlSeed {
            extra,
            channels,
            steps,
            flag,
            word,
        })
}

/// A level on a range chosen by the seed, each channel on the grid.
fn level(c: &CtlSeed, salt: u32) -> LevelSpec {
    let (min, max, step) =
        [(-96.0, 0.0, 0.5), (-12.0, 12.0, 0.25), (-10.5, 3.0, 1.5)][((c.word ^ salt) % 3) as usize];
    let n = ((max - min) / step) as u16;
    LevelSpec {
        min_db: min,
        max_db: max,
        step_db: step,
        levels_db: (0..c.channels as usize)
            .map(|i| min + f32::from(c.steps[i % 4] % (n + 1)) * step)
            .collect(),
    }
}

/// The controls of a subunit: what its subtype requires (R4), then optional ones. A MUX
/// selects `selection` (a part linked into it).
fn subunit_controls(subtype: Guid, c: &CtlSeed, selection: Option<LocalId>) -> Vec<ControlSpec> {
    let mut list = Vec::new();
    if subtype == guids::KSNODETYPE_VOLUME {
        list.push(ControlSpec::VolumeLevel(level(c, 0)));
    } else if subtype == guids::KSNODETYPE_MUTE {
        list.push(ControlSpec::Mute(c.flag));
    } else if subtype == guids::KSNODETYPE_PEAKMETER {
        list.push(ControlSpec::PeakMeter(PeakMeterSpec {
            peaks_db: (0..c.channels as usize)
                .map(|i| match c.steps[i % 4] % 5 {
                    0 => f32::NEG_INFINITY,
                    s => -f32::from(s) * 1.25,
                })
                .collect(),
        }));
    } else if let (true, Some(s)) = (subtype == guids::KSNODETYPE_MUX, selection) {
        list.push(ControlSpec::InputSelector(s));
    }
    if c.extra & 1 != 0 {
        list.push(ControlSpec::ChannelConfig(c.word));
    }
    if c.extra & 2 != 0 {
        list.push(ControlSpec::Loudness(c.flag));
    }
    if c.extra & 4 != 0 {
        list.push(ControlSpec::AutoGainControl(!c.flag));
    }
    if c.extra & 8 != 0 {
        list.push(ControlSpec::Treble(level(c, 1)));
    }
    if c.extra & 16 != 0 {
        let value = match c.word % 3 {
            0 => PropertyValue::I4(c.word as i32 % 100),
            1 => PropertyValue::Ui4(c.word % 100),
            _ => PropertyValue::Bool(c.flag),
        };
        let range = (c.flag && !matches!(value, PropertyValue::Bool(_))).then_some(FourByteRange {
            min: -100,
            max: 100,
            step: 1,
        });
        let range = match value {
            PropertyValue::Ui4(_) => range.map(|r| FourByteRange { min: 0, ..r }),
            _ => range,
        };
        list.push(ControlSpec::DeviceSpecificProperty(DeviceSpecificSpec {
            value,
            range,
            read_only: c.extra & 32 != 0,
        }));
    }
    list
}

/// The controls of a connector: jacks (with all fields), jack descriptions 2, formats.
fn connector_controls(c: &CtlSeed) -> Vec<ControlSpec> {
    let mut list = Vec::new();
    let jacks = (c.word % 3) as usize;
    if c.extra & 1 != 0 {
        list.push(ControlSpec::JackDescription(
            (0..jacks)
                .map(|j| {
                    let s = u32::from(c.steps[j % 4]);
                    JackDescription {
                        channel_mapping: c.word >> 8,
                        color: (c.word ^ s) & 0xFF_FFFF,
                        connection_type: EPcxConnectionType::ALL[s as usize % 12],
                        geo_location: EPcxGeoLocation::ALL[s as usize % 15],
                        gen_location: EPcxGenLocation::ALL[s as usize % 4],
                        port_connection: EPxcPortConnection::ALL[(s as usize / 4) % 4],
                        is_connected: s % 2 == 0,
                    }
                })
                .collect(),
        ));
        if c.extra & 2 != 0 {
            list.push(ControlSpec::JackDescription2(
                (0..jacks)
                    .map(|j| JackDescription2 {
                        device_state_info: c.word.rotate_left(j as u32),
                        jack_capabilities: u32::from(c.steps[j % 4]) % 4,
                    })
                    .collect(),
            ));
        }
    }
    if c.extra & 4 != 0 {
        let mut formats: Vec<KsDataFormat> = (0..c.channels)
            .map(|i| KsDataFormat::pcm(u16::from(i) + 1, 8_000 * u32::from(c.steps[0] % 7 + 1), 16))
            .collect();
        if c.flag {
            formats.push(KsDataFormat {
                major_format: format_guids::KSDATAFORMAT_TYPE_AUDIO,
                sub_format: format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS,
                specifier: format_guids::KSDATAFORMAT_SPECIFIER_NONE,
                wave: None,
            });
        }
        let preferred = formats[c.word as usize % formats.len()];
        // Format ranges (KSDATARANGE_AUDIO) round-trip too.
        let ranges = (0..c.channels % 3)
            .map(|i| {
                let low = 8_000 * (u32::from(i) + 1);
                KsDataRange::pcm(u16::from(c.channels) + 1, 16..=24, low..=low * 4)
            })
            .collect();
        list.push(ControlSpec::FormatSupport(Box::new(FormatSupportSpec {
            formats,
            ranges,
            preferred,
        })));
    }
    list
}

fn device_seed() -> impl Strategy<Value = DeviceSeed> {
    (
        0u8..3,
        0u8..4,
        0u8..6,
        prop::collection::vec(
            (0u8..2, 0u8..6, 0u8..5, 0u8..4, prop::option::of(0u16..4)),
            0..5,
        ),
        prop::collection::vec((0u8..5, 0u8..7, prop::option::of(0u16..4)), 0..5),
        prop::collection::vec((0u8..10, 0u8..10), 0..10),
        prop::collection::vec(ctl_seed(), 1..4),
    )
        .prop_map(
            |(kind, state, name, connectors, subunits, links, controls)| DeviceSeed {
                kind,
                state,
                name,
                connectors,
                subunits,
                links,
                controls,
            },
        )
}

const NAMES: [&str; 6] = ["", "A", "B", "dev1", "x/y", "Mic \"quoted\" \\ é"];
const SUBTYPES: [Guid; 7] = [
    guids::KSNODETYPE_VOLUME,
    guids::KSNODETYPE_MUTE,
    guids::KSNODETYPE_SUM,
    guids::KSCATEGORY_AUDIO,
    Guid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
    guids::KSNODETYPE_PEAKMETER,
    guids::KSNODETYPE_MUX,
];

/// Builds a valid system from seeds: every builder call that a rule refuses is skipped. A
/// first pass without controls finds, for each MUX, a part linked into it (its selection,
/// K9); a MUX nothing links into becomes a SUM.
fn build(seeds: &[DeviceSeed], connections: &[(u8, u8, u8, u8, bool)]) -> Result<System> {
    let selections = build_with(seeds, connections, None)?.1;
    Ok(build_with(seeds, connections, Some(&selections))?.0)
}

type Selections = Vec<Vec<Option<LocalId>>>;

/// One pass; `selections` (from the first pass) turns controls on. Returns the system and,
/// for each device and subunit seed, a local ID linked into it.
fn build_with(
    seeds: &[DeviceSeed],
    connections: &[(u8, u8, u8, u8, bool)],
    selections: Option<&Selections>,
) -> Result<(System, Selections)> {
    let mut found: Selections = Vec::new();
    let mut b = SystemBuilder::new();
    let mut parts: Vec<Vec<PartKey>> = Vec::new();
    let mut connectors: Vec<Vec<PartKey>> = Vec::new();
    for (i, seed) in seeds.iter().enumerate() {
        let kind = [
            DeviceKind::RenderEndpoint,
            DeviceKind::CaptureEndpoint,
            DeviceKind::Adapter,
        ][seed.kind as usize];
        let id = if i % 3 == 2 {
            format!("dev/{i}")
        } else {
            format!("dev{i}")
        };
        let state = DeviceState::ALL[seed.state as usize];
        let dev =
            b.add_device(DeviceSpec::new(id, NAMES[seed.name as usize], kind).state(state))?;
        let mut mine = Vec::new();
        let mut mine_c = Vec::new();
        let list: Vec<_> = match kind.endpoint_flow() {
            Some(flow) => {
                let first = seed
                    .connectors
                    .first()
                    .copied()
                    .unwrap_or((0, 0, 0, 0, None));
                vec![(
                    if flow == DataFlow::In { 0 } else { 1 },
                    first.1,
                    first.2,
                    first.3,
                    first.4,
                )]
            }
            None => seed.connectors.clone(),
        };
        let ctl = |k: usize| &seed.controls[k % seed.controls.len()];
        for (k, (flow, ty, name, subtype, local)) in list.into_iter().enumerate() {
            let mut spec = ConnectorSpec::new(
                NAMES[name as usize],
                DataFlow::ALL[flow as usize],
                ConnectorType::ALL[ty as usize],
            )
            .subtype(SUBTYPES[subtype as usize]);
            spec.local_id = local.map(LocalId::connector);
            if selections.is_some() {
                spec.controls = connector_controls(ctl(k));
            }
            if let Ok(key) = b.add_connector(dev, spec) {
                mine.push(key);
                mine_c.push(key);
            }
        }
        let mut linked_in = vec![None; seed.subunits.len()];
        let mut sub_index = Vec::new();
        if !kind.is_endpoint() {
            for (j, &(name, subtype, local)) in seed.subunits.iter().enumerate() {
                let mut subtype = SUBTYPES[subtype as usize];
                let selection = selections.and_then(|s| s.get(i)?.get(j).copied().flatten());
                if subtype == guids::KSNODETYPE_MUX && selection.is_none() {
                    subtype = guids::KSNODETYPE_SUM;
                }
                let mut spec = SubunitSpec::new(NAMES[name as usize], subtype);
                spec.local_id = local.map(LocalId::subunit);
                if selections.is_some() {
                    spec.controls = subunit_controls(subtype, ctl(j + 7), selection);
                }
                if let Ok(key) = b.add_subunit(dev, spec) {
                    mine.push(key);
                    sub_index.push((key, j));
                }
            }
        }
        for &(from, to) in &seed.links {
            if let (Some(&f), Some(&t)) = (mine.get(from as usize), mine.get(to as usize)) {
                if b.add_link(f, t).is_ok() {
                    if let Some(&(_, j)) = sub_index.iter().find(|(k, _)| *k == t) {
                        linked_in[j] = linked_in[j].or(b.local_id(f));
                    }
                }
            }
        }
        found.push(linked_in);
        parts.push(mine);
        connectors.push(mine_c);
    }
    for &(da, ca, db, cb, permanent) in connections {
        let pick = |d: u8, c: u8| {
            connectors
                .get(d as usize)
                .and_then(|cs| cs.get(c as usize))
                .copied()
        };
        if let (Some(a), Some(z)) = (pick(da, ca), pick(db, cb)) {
            let permanence = if permanent {
                Permanence::Permanent
            } else {
                Permanence::Transient
            };
            let _ = b.connect(a, z, permanence);
        }
    }
    if selections.is_none() {
        // The first pass only finds selections: its controls are missing on purpose.
        let empty = SystemBuilder::new().build()?;
        return Ok((empty, found));
    }
    Ok((b.build()?, found))
}

fn round_trip(system: &System) -> std::result::Result<(), Box<dyn std::error::Error>> {
    let toml = system.to_toml_string()?;
    let from_toml = System::from_toml_str(&toml).map_err(|e| format!("{e}\n{toml}"))?;
    assert_eq!(from_toml.snapshot(), system.snapshot(), "{toml}");
    let json = system.to_json_string()?;
    let from_json = System::from_json_str(&json).map_err(|e| format!("{e}\n{json}"))?;
    assert_eq!(from_json.snapshot(), system.snapshot(), "{json}");
    // Saving again gives the same text: the output is stable.
    assert_eq!(from_toml.to_toml_string()?, toml);
    Ok(())
}

proptest! {
    /// load -> save -> load gives an equal system, TOML and JSON.
    #[test]
    fn save_load_round_trip(
        seeds in prop::collection::vec(device_seed(), 1..6),
        connections in prop::collection::vec((0u8..6, 0u8..5, 0u8..6, 0u8..5, any::<bool>()), 0..8),
    ) {
        let built = build(&seeds, &connections);
        // Every generated system is valid: refused calls are skipped and controls follow
        // the rules (R4, K2, K9, X16).
        prop_assert!(built.is_ok(), "{:?}", built.as_ref().err());
        let system = built.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!system.devices().is_empty());
        round_trip(&system).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }

    /// Arbitrary text never panics the loader (TOML or JSON).
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = System::from_toml_str(&text);
        let _ = System::from_json_str(&text);
    }

    /// Near-valid files (a valid file with one byte range replaced) never panic either.
    #[test]
    fn mutated_files_never_panic(start in 0usize..2000, len in 0usize..20, junk in "\\PC{0,8}") {
        let base = crate::files_error_cases::BASE;
        let start = start.min(base.len());
        let end = (start + len).min(base.len());
        if base.is_char_boundary(start) && base.is_char_boundary(end) {
            let text = format!("{}{}{}", &base[..start], junk, &base[end..]);
            let _ = devtopo::file::parse(&text, devtopo::file::Format::Toml, "t.toml");
        }
    }
}

/// The four-topology fixture survives a round trip, and removing a device first does too.
#[test]
fn fixture_round_trip() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let system = fixtures::four_topologies()?;
    round_trip(&system)?;
    system.remove_device(fixtures::FOUR_EPA)?;
    round_trip(&system)?;
    Ok(())
}

/// Saving to a path picks the format by extension.
#[test]
fn save_and_load_files() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let system = fixtures::four_topologies()?;
    let dir = std::env::temp_dir().join(format!("devtopo-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    for name in ["four.toml", "four.json"] {
        let path = dir.join(name);
        system.save(&path)?;
        assert_eq!(System::load(&path)?.snapshot(), system.snapshot());
    }
    let err = system.save(dir.join("four.yaml")).err().ok_or("saved")?;
    assert_eq!(err.kind, devtopo::file::FileErrorKind::UnknownFormat);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// X12: links are saved in the order they were made, so `EnumPartsIncoming` (not only
/// `EnumPartsOutgoing`) answers in the same order after a reload.
#[test]
fn x12_incoming_order_survives_round_trip() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let mut b = SystemBuilder::new();
    let dev = b.add_device(DeviceSpec::new("a", "A", DeviceKind::Adapter))?;
    let sum = b.add_subunit(dev, SubunitSpec::new("sum", guids::KSNODETYPE_SUM))?;
    let one = b.add_subunit(dev, SubunitSpec::new("one", guids::KSNODETYPE_DAC))?;
    let two = b.add_subunit(dev, SubunitSpec::new("two", guids::KSNODETYPE_DAC))?;
    b.add_link(two, sum)?;
    b.add_link(one, sum)?;
    let system = b.build()?;
    let names = |s: &System| -> std::result::Result<Vec<String>, Box<dyn std::error::Error>> {
        let list = s.find_part("A/sum")?.parts_incoming()?;
        Ok(list.iter().map(|p| p.name().unwrap_or_default()).collect())
    };
    assert_eq!(names(&system)?, ["two", "one"]);
    assert_eq!(
        names(&System::from_toml_str(&system.to_toml_string()?)?)?,
        ["two", "one"]
    );
    assert_eq!(
        names(&System::from_json_str(&system.to_json_string()?)?)?,
        ["two", "one"]
    );
    Ok(())
}

/// X69: the top-level `comment` list (JSON's stand-in for comments, where `devtopo capture`
/// writes its header) is read and ignored, never written back; a non-string entry is an
/// error at the key.
#[test]
fn x69_comment_lines_are_read_and_ignored() {
    let json = r#"{ "comment": ["Captured by devtopo-com", "from nowhere"],
        "device": [{ "id": "{2}.a", "kind": "adapter" }] }"#;
    let system = System::from_json_str(json).expect("a comment is accepted");
    assert_eq!(system.devices().len(), 1);
    assert!(!system.to_json_string().expect("save").contains("comment"));
    let toml = "comment = [\"one line\"]\n[[device]]\nid = \"{2}.a\"\nkind = \"adapter\"\n";
    assert_eq!(
        System::from_toml_str(toml).expect("toml").devices().len(),
        1
    );
    let err = System::from_json_str(r#"{ "comment": [1] }"#).expect_err("not a string");
    assert!(err.path.starts_with("comment"), "{}", err.path);
}
