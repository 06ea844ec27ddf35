//! load -> save -> load gives an equal system (issue 4), in TOML and JSON, over random
//! topologies; and no input, however malformed, panics the loader.

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
        prop::collection::vec((0u8..5, 0u8..5, prop::option::of(0u16..4)), 0..5),
        prop::collection::vec((0u8..10, 0u8..10), 0..10),
    )
        .prop_map(
            |(kind, state, name, connectors, subunits, links)| DeviceSeed {
                kind,
                state,
                name,
                connectors,
                subunits,
                links,
            },
        )
}

const NAMES: [&str; 6] = ["", "A", "B", "dev1", "x/y", "Mic \"quoted\" \\ é"];
const SUBTYPES: [Guid; 5] = [
    guids::KSNODETYPE_VOLUME,
    guids::KSNODETYPE_MUTE,
    guids::KSNODETYPE_SUM,
    guids::KSCATEGORY_AUDIO,
    Guid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
];

/// Builds a valid system from seeds: every builder call that a rule refuses is skipped.
fn build(seeds: &[DeviceSeed], connections: &[(u8, u8, u8, u8, bool)]) -> Result<System> {
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
        for (flow, ty, name, subtype, local) in list {
            let mut spec = ConnectorSpec::new(
                NAMES[name as usize],
                DataFlow::ALL[flow as usize],
                ConnectorType::ALL[ty as usize],
            )
            .subtype(SUBTYPES[subtype as usize]);
            spec.local_id = local.map(LocalId::connector);
            if let Ok(key) = b.add_connector(dev, spec) {
                mine.push(key);
                mine_c.push(key);
            }
        }
        if !kind.is_endpoint() {
            for &(name, subtype, local) in &seed.subunits {
                let mut spec = SubunitSpec::new(NAMES[name as usize], SUBTYPES[subtype as usize]);
                spec.local_id = local.map(LocalId::subunit);
                if let Ok(key) = b.add_subunit(dev, spec) {
                    mine.push(key);
                }
            }
        }
        for &(from, to) in &seed.links {
            if let (Some(&f), Some(&t)) = (mine.get(from as usize), mine.get(to as usize)) {
                let _ = b.add_link(f, t);
            }
        }
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
    b.build()
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
        // Every generated system is valid (refused calls are skipped), so nothing is
        // rejected here; proptest would fail on too many rejections.
        prop_assume!(built.is_ok());
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
        let base = crate::files_errors::BASE;
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
    let one = b.add_subunit(dev, SubunitSpec::new("one", guids::KSNODETYPE_VOLUME))?;
    let two = b.add_subunit(dev, SubunitSpec::new("two", guids::KSNODETYPE_VOLUME))?;
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
