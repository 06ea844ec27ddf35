//! `IPart`, `ISubunit` and `IPartsList` rules P1-P5, P8-P11, P16, L1-L4, G6, with the
//! identifier rules I2, I3, I5, I13 and decisions X9, X10, X12.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, Direction, Error, Guid,
    HResult, IndexKind, LocalId, MixedPaths, Owner, Part, PartType, PartsList, SubunitSpec,
    SystemBuilder, fixtures, guids,
};

use crate::core_support::{Four, TestResult, err, hr, part_ref};

/// Every part of a topology: connectors in index order, then subunits.
fn parts(t: &devtopo::DeviceTopology) -> devtopo::Result<Vec<Part>> {
    let mut all = Vec::new();
    for i in 0..t.connector_count()? {
        all.push(t.connector(i)?.as_part().clone());
    }
    for i in 0..t.subunit_count()? {
        all.push(t.subunit(i)?.as_part().clone());
    }
    Ok(all)
}

fn ids(list: &PartsList) -> devtopo::Result<Vec<u32>> {
    list.iter().map(|p| Ok(p.local_id()?.0)).collect()
}

/// P1, I13: part names; the endpoint connector's name is empty.
#[test]
fn p1_names() -> TestResult {
    let f = Four::new()?;
    assert_eq!(f.epa.connector(0)?.as_part().name()?, "");
    assert_eq!(f.epb.connector(0)?.as_part().name()?, "");
    let mux: Vec<String> = parts(&f.mux)?
        .iter()
        .map(Part::name)
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(
        mux,
        [
            "Line In",
            "Microphone",
            "CD",
            "",
            "Mute (Line)",
            "Vol (Line)",
            "Mute (Mic)",
            "Vol (Mic)",
            "Mute (CD)",
            "Vol (CD)",
            "MUX"
        ]
    );
    let wav: Vec<String> = parts(&f.wav)?
        .iter()
        .map(Part::name)
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(wav, ["", "Wave-In Stream (DMA)", "ADC"]);
    Ok(())
}

/// P2, I2, I3, X9: local IDs `0x0001_xxxx` for connectors, `0x0002_xxxx` for subunits, KS ID
/// (= index here) in the low 16 bits; the endpoint connector is `0x10000`.
#[test]
fn p2_local_ids_follow_i2_i3_x9() -> TestResult {
    let f = Four::new()?;
    for ep in [&f.epa, &f.epb] {
        assert_eq!(ep.connector(0)?.as_part().local_id()?, LocalId(0x10000));
    }
    for t in [&f.mux, &f.wav] {
        for i in 0..t.connector_count()? {
            let id = t.connector(i)?.as_part().local_id()?;
            assert_eq!(id, LocalId::connector(i as u16));
            assert_eq!(id.0 >> 16, 0x0001);
            assert_eq!(u32::from(id.ks_id()), i);
        }
        for i in 0..t.subunit_count()? {
            let id = t.subunit(i)?.as_part().local_id()?;
            assert_eq!(id, LocalId::subunit(i as u16));
            assert_eq!(id.0 >> 16, 0x0002);
        }
    }
    Ok(())
}

/// P3, I5: global IDs are unique across all parts of all topologies of the system.
#[test]
fn p3_global_ids_unique_across_system() -> TestResult {
    let f = Four::new()?;
    let mut seen = HashSet::new();
    let mut total = 0;
    for t in f.all() {
        for p in parts(t)? {
            assert!(seen.insert(p.global_id()?), "duplicate global id");
            total += 1;
        }
    }
    assert_eq!(total, 1 + 1 + 11 + 3);
    // Same local ID in two topologies, different global IDs.
    assert_ne!(
        f.mux.connector(0)?.as_part().global_id()?,
        f.wav.connector(0)?.as_part().global_id()?
    );
    Ok(())
}

/// P3, I5, X10: the global ID of a part is the same in two builds of the same model.
#[test]
fn p3_x10_global_ids_equal_across_two_builds() -> TestResult {
    let one = Four::new()?;
    let two = Four::new()?;
    for (a, b) in one.all().into_iter().zip(two.all()) {
        let ga: Vec<String> = parts(a)?
            .iter()
            .map(Part::global_id)
            .collect::<devtopo::Result<_>>()?;
        let gb: Vec<String> = parts(b)?
            .iter()
            .map(Part::global_id)
            .collect::<devtopo::Result<_>>()?;
        assert_eq!(ga, gb);
    }
    Ok(())
}

/// P4, P16: part types; `GetSubunit` gives subunits and `GetConnector` connectors.
#[test]
fn p4_part_types() -> TestResult {
    let f = Four::new()?;
    for t in f.all() {
        for i in 0..t.connector_count()? {
            assert_eq!(t.connector(i)?.as_part().part_type()?, PartType::Connector);
        }
        for i in 0..t.subunit_count()? {
            assert_eq!(t.subunit(i)?.as_part().part_type()?, PartType::Subunit);
        }
    }
    Ok(())
}

/// P5: subtypes are the pin categories and node types of the fixture; any GUID is accepted.
#[test]
fn p5_subtypes() -> TestResult {
    let f = Four::new()?;
    let mux: Vec<Guid> = parts(&f.mux)?
        .iter()
        .map(Part::subtype)
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(
        mux,
        [
            guids::KSNODETYPE_LINE_CONNECTOR,
            guids::KSNODETYPE_MICROPHONE,
            guids::KSNODETYPE_CD_PLAYER,
            guids::KSCATEGORY_AUDIO,
            guids::KSNODETYPE_MUTE,
            guids::KSNODETYPE_VOLUME,
            guids::KSNODETYPE_MUTE,
            guids::KSNODETYPE_VOLUME,
            guids::KSNODETYPE_MUTE,
            guids::KSNODETYPE_VOLUME,
            guids::KSNODETYPE_MUX,
        ]
    );
    assert_eq!(
        f.wav.subunit(0)?.as_part().subtype()?,
        guids::KSNODETYPE_ADC
    );

    let custom = Guid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.x", "x", DeviceKind::Adapter))?;
    let c = b.add_connector(
        d,
        ConnectorSpec::new("c", DataFlow::In, ConnectorType::PhysicalInternal),
    )?;
    let s = b.add_subunit(d, SubunitSpec::new("s", custom))?;
    let sys = b.build()?;
    assert_eq!(sys.part(c)?.subtype()?, guids::KSCATEGORY_AUDIO);
    assert_eq!(sys.part(s)?.subtype()?, custom);
    Ok(())
}

/// P8, P9, L3, D5 (A6, A7): no link in that direction gives E_NOTFOUND, never an empty list.
#[test]
fn p8_p9_enum_parts_at_ends_is_e_notfound() -> TestResult {
    let f = Four::new()?;
    let cases = [
        (f.mux.connector(2)?.as_part().clone(), Direction::Incoming), // A6
        (f.mux.connector(0)?.as_part().clone(), Direction::Incoming), // A7
        (f.wav.connector(1)?.as_part().clone(), Direction::Outgoing), // A7
        (f.mux.connector(3)?.as_part().clone(), Direction::Outgoing),
        (f.epa.connector(0)?.as_part().clone(), Direction::Incoming), // D5
        (f.epa.connector(0)?.as_part().clone(), Direction::Outgoing), // D5
    ];
    for (part, direction) in cases {
        let result = match direction {
            Direction::Incoming => part.parts_incoming(),
            Direction::Outgoing => part.parts_outgoing(),
        };
        let e = err(result);
        assert_eq!(e.hresult(), HResult::E_NOTFOUND);
        assert_eq!(
            e,
            Error::NoLinks {
                part: part_ref(&part.topology()?.device_id()?, part.local_id()?.0),
                direction,
            }
        );
    }
    Ok(())
}

/// P8, P9, L1, L2 (A8): exact lists: s6 in = {s1, s3, s5} in link order, s6 out = {c3}.
#[test]
fn p8_p9_enum_parts_exact_lists() -> TestResult {
    let f = Four::new()?;
    let s6 = f.mux.subunit(6)?;
    let incoming = s6.as_part().parts_incoming()?;
    assert_eq!(incoming.count()?, 3);
    assert_eq!(ids(&incoming)?, [0x20001, 0x20003, 0x20005]);
    assert_eq!(ids(&s6.as_part().parts_outgoing()?)?, [0x10003]);
    assert_eq!(&incoming.part(1)?, f.mux.subunit(3)?.as_part());
    let c0 = f.mux.connector(0)?;
    assert_eq!(ids(&c0.as_part().parts_outgoing()?)?, [0x20000]);
    let adc = f.wav.subunit(0)?;
    assert_eq!(ids(&adc.as_part().parts_incoming()?)?, [0x10000]);
    assert_eq!(ids(&adc.as_part().parts_outgoing()?)?, [0x10001]);
    // Every list of the fixture: non-empty, parts of the same topology (P10).
    for t in f.all() {
        for p in parts(t)? {
            for list in [p.parts_incoming(), p.parts_outgoing()]
                .into_iter()
                .flatten()
            {
                assert!(list.count()? > 0);
                for q in &list {
                    assert_eq!(q.topology()?, *t);
                }
            }
        }
    }
    Ok(())
}

/// X12, P8, P9: a list follows the order the links were made in, not index order.
#[test]
fn x12_link_order_is_creation_order() -> TestResult {
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.order", "Order", DeviceKind::Adapter))?;
    let ins: Vec<_> = (0..3)
        .map(|n| {
            b.add_connector(
                d,
                ConnectorSpec::new(
                    format!("in{n}"),
                    DataFlow::In,
                    ConnectorType::PhysicalInternal,
                ),
            )
        })
        .collect::<devtopo::Result<_>>()?;
    let sum = b.add_subunit(d, SubunitSpec::new("sum", guids::KSNODETYPE_SUM))?;
    let outs: Vec<_> = (0..3)
        .map(|n| {
            b.add_subunit(
                d,
                SubunitSpec::new(format!("o{n}"), guids::KSNODETYPE_VOLUME).control(
                    devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1)),
                ),
            )
        })
        .collect::<devtopo::Result<_>>()?;
    for &i in &[2, 0, 1] {
        b.add_link(ins[i], sum)?;
    }
    for &o in &[1, 2, 0] {
        b.add_link(sum, outs[o])?;
    }
    let sys = b.build()?;
    let sum = sys.part(sum)?;
    assert_eq!(ids(&sum.parts_incoming()?)?, [0x10002, 0x10000, 0x10001]);
    assert_eq!(ids(&sum.parts_outgoing()?)?, [0x20002, 0x20003, 0x20001]);
    Ok(())
}

/// X12: a list is a snapshot: later `Disconnect`/`ConnectTo` do not change it, and its parts
/// stay usable.
#[test]
fn x12_lists_are_snapshots_unaffected_by_disconnect() -> TestResult {
    let f = Four::new()?;
    let c1 = f.mux.connector(1)?;
    let out = c1.as_part().parts_outgoing()?;
    let path = f
        .mux
        .signal_path(&c1, f.mux.connector(3)?, MixedPaths::Allow)?;
    let (out_ids, path_ids) = (ids(&out)?, ids(&path)?);
    f.epb.connector(0)?.disconnect()?;
    assert_eq!(ids(&out)?, out_ids);
    assert_eq!(ids(&path)?, path_ids);
    assert_eq!(path.count()?, 5);
    assert_eq!(path.part(4)?.as_connector()?, c1);
    assert!(!path.part(4)?.as_connector()?.is_connected()?);
    f.epb.connector(0)?.connect_to(&c1)?;
    assert_eq!(ids(&out)?, out_ids);
    let again = c1.as_part().parts_outgoing()?;
    assert_eq!(again, out);
    Ok(())
}

/// L1, L2: count, parts 0..n-1, past the end E_INVALIDARG; iteration matches `GetPart`.
#[test]
fn l2_parts_list_get_part_out_of_range_is_e_invalidarg() -> TestResult {
    let f = Four::new()?;
    let list = f.mux.subunit(6)?.as_part().parts_incoming()?;
    assert_eq!(list.count()?, 3);
    let by_index: Vec<Part> = (0..3)
        .map(|i| list.part(i))
        .collect::<devtopo::Result<_>>()?;
    let iterated: Vec<Part> = list.iter().collect();
    assert_eq!(by_index, iterated);
    for index in [3, 4, u32::MAX] {
        let e = err(list.part(index));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert_eq!(
            e,
            Error::IndexOutOfRange {
                what: IndexKind::PartsListEntry,
                index,
                count: 3,
                owner: Owner::PartsList,
            }
        );
        assert!(e.to_string().contains("rule L2"), "{e}");
    }
    Ok(())
}

/// L3, L4: signal-path lists contain both ends and are never empty.
#[test]
fn l4_signal_path_list_contains_both_ends() -> TestResult {
    let f = Four::new()?;
    let (c0, c3) = (f.mux.connector(0)?, f.mux.connector(3)?);
    let path = f.mux.signal_path(&c0, &c3, MixedPaths::Allow)?;
    assert_eq!(&path.part(0)?, c3.as_part());
    assert_eq!(&path.part(path.count()? - 1)?, c0.as_part());
    assert_eq!(ids(&path)?, [0x10003, 0x20006, 0x20001, 0x20000, 0x10000]);
    Ok(())
}

/// G6: QI for IConnector on a subunit and for ISubunit on a connector: E_NOINTERFACE; the
/// right kind round-trips through IPart.
#[test]
fn g6_wrong_interface_is_e_nointerface() -> TestResult {
    let f = Four::new()?;
    let s = f.mux.subunit(6)?;
    let e = err(s.as_part().as_connector());
    assert_eq!(e.hresult(), HResult::E_NOINTERFACE);
    assert_eq!(
        e,
        Error::NotAConnector {
            part: part_ref(fixtures::FOUR_MUX, 0x20006)
        }
    );
    assert!(e.to_string().contains("rule G6"), "{e}");
    let c = f.epa.connector(0)?;
    let e = err(c.as_part().as_subunit());
    assert_eq!(e.hresult(), HResult::E_NOINTERFACE);
    assert_eq!(
        e,
        Error::NotASubunit {
            part: part_ref(fixtures::FOUR_EPA, 0x10000)
        }
    );
    assert_eq!(c.as_part().as_connector()?, c);
    assert_eq!(s.as_part().as_subunit()?, s);
    // Parts reached through lists and GetPartById answer the same way.
    let p = f.mux.part_by_id(LocalId(0x20003))?;
    assert_eq!(hr(p.as_connector()), HResult::E_NOINTERFACE);
    let q = f.mux.part_by_id(LocalId(0x10003))?;
    assert_eq!(hr(q.as_subunit()), HResult::E_NOINTERFACE);
    Ok(())
}

/// P11: `GetTopologyObject` is the topology that owns the part, for every part.
#[test]
fn p11_topology_returns_owner() -> TestResult {
    let f = Four::new()?;
    for t in f.all() {
        for p in parts(t)? {
            assert_eq!(p.topology()?, *t);
            assert_eq!(p.topology()?.device_id()?, t.device_id()?);
        }
    }
    // Across a connection (W1, A3): EPA -> MUX.c0 -> MUX.
    let jack = f.epa.connector(0)?.connected_to()?;
    assert_eq!(jack.as_part().topology()?, f.mux);
    Ok(())
}

/// P16, G6: a subunit's only interface is IPart.
#[test]
fn p16_subunit_is_queried_for_ipart() -> TestResult {
    let f = Four::new()?;
    let adc = f.wav.subunit(0)?;
    let part: &Part = adc.as_ref();
    assert_eq!(part.name()?, "ADC");
    assert_eq!(Part::from(adc.clone()), *adc.as_part());
    Ok(())
}

/// Handle identity (the contract the C5 and P11 comparisons rely on): equal and hash-equal when
/// naming the same object, however obtained; unequal across
/// two systems built from the same model.
#[test]
fn handles_equal_and_hash_equal_for_same_object() -> TestResult {
    let f = Four::new()?;
    let hasher = RandomState::new();
    let direct = f.mux.connector(0)?;
    let via_peer = f.epa.connector(0)?.connected_to()?;
    let via_id = f.mux.part_by_id(LocalId(0x10000))?.as_connector()?;
    let via_list = f.mux.subunit(0)?.as_part().parts_incoming()?.part(0)?;
    assert_eq!(direct, via_peer);
    assert_eq!(direct, via_id);
    assert_eq!(direct.as_part(), &via_list);
    assert_eq!(hasher.hash_one(&direct), hasher.hash_one(&via_peer));
    assert_eq!(
        hasher.hash_one(direct.as_part()),
        hasher.hash_one(&via_list)
    );
    assert_eq!(f.mux, via_list.topology()?);
    assert_eq!(
        hasher.hash_one(&f.mux),
        hasher.hash_one(via_list.topology()?)
    );
    assert_eq!(
        f.mux.device(),
        f.mux.device().system().device(fixtures::FOUR_MUX)?
    );
    assert_ne!(f.mux.connector(0)?, f.mux.connector(1)?);
    assert_ne!(f.mux, f.wav);

    let other = Four::new()?;
    assert_ne!(direct, other.mux.connector(0)?);
    assert_ne!(f.mux, other.mux);
    assert_ne!(f.mux.device(), other.mux.device());
    assert_ne!(*direct.as_part(), *other.mux.connector(0)?.as_part());
    // Part hashes by (system identity, key); the lock inside the Arc plays no part.
    #[allow(clippy::mutable_key_type)]
    let set: HashSet<Part> = [
        direct.as_part().clone(),
        via_list,
        other.mux.connector(0)?.as_part().clone(),
    ]
    .into_iter()
    .collect();
    assert_eq!(set.len(), 2);
    Ok(())
}
