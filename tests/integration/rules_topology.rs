//! `IDeviceTopology` rules T1-T11 (and the GetSignalPath decisions of X13).

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, DeviceTopology, Error, HResult,
    IndexKind, LocalId, MixedPaths, Owner, PartKey, PartsList, SubunitSpec, SystemBuilder,
    fixtures, guids,
};

use crate::core_support::{Four, TestResult, err, hr, part_ref};

/// The local IDs of a parts list, in list order.
fn ids(list: &PartsList) -> devtopo::Result<Vec<u32>> {
    list.iter().map(|p| Ok(p.local_id()?.0)).collect()
}

/// One adapter `{2}.chain`, built by `f` from a builder and the device key; returns its
/// topology and the keys `f` returned.
fn adapter<F>(f: F) -> devtopo::Result<(DeviceTopology, Vec<PartKey>)>
where
    F: FnOnce(&mut SystemBuilder, devtopo::DeviceKey) -> devtopo::Result<Vec<PartKey>>,
{
    let mut b = SystemBuilder::new();
    let dev = b.add_device(DeviceSpec::new("{2}.chain", "Chain", DeviceKind::Adapter))?;
    let keys = f(&mut b, dev)?;
    let system = b.build()?;
    Ok((system.topology(dev)?, keys))
}

fn input(name: &str) -> ConnectorSpec {
    ConnectorSpec::new(name, DataFlow::In, ConnectorType::PhysicalInternal)
}

fn output(name: &str) -> ConnectorSpec {
    ConnectorSpec::new(name, DataFlow::Out, ConnectorType::SoftwareIo)
}

/// T1, T3 (D2, A1): connector and subunit counts.
#[test]
fn t1_t3_counts() -> TestResult {
    let f = Four::new()?;
    let counts: Vec<(u32, u32)> = f
        .all()
        .iter()
        .map(|t| Ok((t.connector_count()?, t.subunit_count()?)))
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(counts, [(1, 0), (1, 0), (4, 7), (2, 1)]);
    Ok(())
}

/// T2 (X11): connectors numbered 0..n-1 in creation order; past the end E_INVALIDARG.
#[test]
fn t2_get_connector_out_of_range_is_e_invalidarg() -> TestResult {
    let f = Four::new()?;
    let names: Vec<String> = (0..4)
        .map(|i| f.mux.connector(i)?.as_part().name())
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(names, ["Line In", "Microphone", "CD", ""]);
    for index in [4, 5, u32::MAX] {
        let e = err(f.mux.connector(index));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert_eq!(
            e,
            Error::IndexOutOfRange {
                what: IndexKind::Connector,
                index,
                count: 4,
                owner: Owner::Device(fixtures::FOUR_MUX.into()),
            }
        );
        assert!(e.to_string().contains("rule T2"), "{e}");
    }
    assert_eq!(hr(f.epa.connector(1)), HResult::E_INVALIDARG);
    Ok(())
}

/// T4 (D2, A1): subunits numbered 0..n-1; past the end E_INVALIDARG; on an endpoint every
/// index is out of range.
#[test]
fn t4_get_subunit_out_of_range_is_e_invalidarg() -> TestResult {
    let f = Four::new()?;
    assert_eq!(f.mux.subunit(6)?.as_part().name()?, "MUX");
    let e = err(f.mux.subunit(7));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(matches!(
        e,
        Error::IndexOutOfRange {
            what: IndexKind::Subunit,
            index: 7,
            count: 7,
            ..
        }
    ));
    assert_eq!(hr(f.wav.subunit(1)), HResult::E_INVALIDARG);
    for ep in [&f.epa, &f.epb] {
        for index in [0, 1, 2, u32::MAX] {
            let e = err(ep.subunit(index));
            assert_eq!(e.hresult(), HResult::E_INVALIDARG);
            assert!(matches!(e, Error::IndexOutOfRange { count: 0, .. }));
            assert!(e.to_string().contains("rule T4"), "{e}");
        }
    }
    Ok(())
}

/// T5 (A18): GetPartById finds every part of this topology by local ID; an unknown ID, or the
/// ID of another topology's part, is E_INVALIDARG.
#[test]
fn t5_get_part_by_id() -> TestResult {
    let f = Four::new()?;
    assert_eq!(
        f.mux.part_by_id(LocalId(0x20006))?,
        f.mux.subunit(6)?.as_part().clone()
    );
    for (t, local) in [(&f.mux, 0x20007), (&f.wav, 0x20006), (&f.epa, 0x10001)] {
        let e = err(t.part_by_id(LocalId(local)));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert_eq!(
            e,
            Error::UnknownLocalId {
                device: t.device_id()?.into(),
                local_id: LocalId(local),
            }
        );
        assert!(e.to_string().contains("rule T5"), "{e}");
    }
    // 0x20000 exists in MUX and in WAV: each topology answers with its own part.
    assert_eq!(f.wav.part_by_id(LocalId(0x20000))?.name()?, "ADC");
    assert_eq!(f.mux.part_by_id(LocalId(0x20000))?.name()?, "Mute (Line)");
    for t in f.all() {
        for i in 0..t.connector_count()? {
            let c = t.connector(i)?;
            assert_eq!(&t.part_by_id(c.as_part().local_id()?)?, c.as_part());
        }
        for i in 0..t.subunit_count()? {
            let s = t.subunit(i)?;
            assert_eq!(&t.part_by_id(s.as_part().local_id()?)?, s.as_part());
        }
    }
    Ok(())
}

/// T6 (I11): GetDeviceId is the ID of the device the topology describes.
#[test]
fn t6_get_device_id() -> TestResult {
    let f = Four::new()?;
    let expected = [
        fixtures::FOUR_EPA,
        fixtures::FOUR_EPB,
        fixtures::FOUR_MUX,
        fixtures::FOUR_WAV,
    ];
    for (t, id) in f.all().into_iter().zip(expected) {
        assert_eq!(t.device_id()?, id);
        assert_eq!(t.device().id()?, id);
    }
    Ok(())
}

/// T7: a part of another System is not a valid IPart here: E_NOINTERFACE, either argument.
#[test]
fn t7_signal_path_with_part_of_other_system_is_e_nointerface() -> TestResult {
    let one = Four::new()?;
    let two = Four::new()?;
    let (c1, c3) = (one.mux.connector(1)?, one.mux.connector(3)?);
    let foreign = two.mux.connector(3)?;
    for r in [
        one.mux.signal_path(&c1, &foreign, MixedPaths::Allow),
        one.mux.signal_path(&foreign, &c3, MixedPaths::Allow),
        one.mux
            .signal_path(&foreign, two.mux.connector(1)?, MixedPaths::Reject),
    ] {
        let e = err(r);
        assert_eq!(e.hresult(), HResult::E_NOINTERFACE);
        assert!(matches!(e, Error::ForeignObject { .. }));
    }
    Ok(())
}

/// T7, T8, L4 (A12): MUX.GetSignalPath(c1, c3, FALSE) = [c3, s6, s3, s2, c1], "to" first.
#[test]
fn t8_signal_path_order_is_to_first() -> TestResult {
    let f = Four::new()?;
    let path = f
        .mux
        .signal_path(f.mux.connector(1)?, f.mux.connector(3)?, MixedPaths::Allow)?;
    assert_eq!(path.count()?, 5);
    assert_eq!(ids(&path)?, [0x10003, 0x20006, 0x20003, 0x20002, 0x10001]);
    assert_eq!(&path.part(0)?, f.mux.connector(3)?.as_part());
    assert_eq!(&path.part(4)?, f.mux.connector(1)?.as_part());
    // A12 with TRUE: a MUX is not a mixer (X13), so the same path.
    let rejecting =
        f.mux
            .signal_path(f.mux.connector(1)?, f.mux.connector(3)?, MixedPaths::Reject)?;
    assert_eq!(ids(&rejecting)?, ids(&path)?);
    // WAV: c0 -> ADC -> c1.
    let wav = f
        .wav
        .signal_path(f.wav.connector(0)?, f.wav.connector(1)?, MixedPaths::Allow)?;
    assert_eq!(ids(&wav)?, [0x10001, 0x20000, 0x10000]);
    Ok(())
}

/// T9, X13 (A14): parts of another topology give E_INVALIDARG, whichever topology is called.
#[test]
fn t9_signal_path_across_topologies_is_e_invalidarg() -> TestResult {
    let f = Four::new()?;
    let (ep, jack) = (f.epb.connector(0)?, f.mux.connector(1)?);
    for t in [&f.mux, &f.epb] {
        let e = err(t.signal_path(&ep, &jack, MixedPaths::Allow));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert!(matches!(e, Error::PartNotInTopology { .. }));
        assert!(e.to_string().contains("rule T9"), "{e}");
    }
    // Both parts in WAV, but MUX called.
    let e = err(f
        .mux
        .signal_path(f.wav.connector(0)?, f.wav.connector(1)?, MixedPaths::Allow));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert_eq!(
        e,
        Error::PartNotInTopology {
            part: part_ref(fixtures::FOUR_WAV, 0x10000),
            device: fixtures::FOUR_MUX.into(),
        }
    );
    Ok(())
}

/// T10, X13: a SUM subunit is a mixer even with one input: Reject gives E_NOTFOUND, Allow finds
/// the path.
#[test]
fn t10_sum_subunit_is_a_mixer() -> TestResult {
    for subtype in [guids::KSNODETYPE_SUM, guids::KSNODETYPE_SUPERMIX] {
        let (t, k) = adapter(|b, d| {
            let i = b.add_connector(d, input("in"))?;
            let s = b.add_subunit(d, SubunitSpec::new("Sum", subtype))?;
            let o = b.add_connector(d, output("out"))?;
            b.add_link(i, s)?;
            b.add_link(s, o)?;
            Ok(vec![i, s, o])
        })?;
        let sys = t.device().system();
        let (i, o) = (sys.part(k[0])?, sys.part(k[2])?);
        let path = t.signal_path(&i, &o, MixedPaths::Allow)?;
        assert_eq!(ids(&path)?, [0x10001, 0x20000, 0x10000]);
        let e = err(t.signal_path(&i, &o, MixedPaths::Reject));
        assert_eq!(e.hresult(), HResult::E_NOTFOUND);
        assert!(matches!(
            e,
            Error::NoSignalPath {
                mixed: MixedPaths::Reject,
                ..
            }
        ));
    }
    Ok(())
}

/// T10, X13: a non-MUX subunit with two inputs (a VOLUME here) is a mixer; with one input it
/// is not; a MUX with two inputs is not.
#[test]
fn t10_two_input_subunit_is_a_mixer_but_mux_is_not() -> TestResult {
    for (subtype, inputs, mixer) in [
        (guids::KSNODETYPE_VOLUME, 2, true),
        (guids::KSNODETYPE_VOLUME, 1, false),
        (guids::KSNODETYPE_MUX, 2, false),
        (guids::KSNODETYPE_MUX, 3, false),
    ] {
        let (t, k) = adapter(|b, d| {
            // R4: the control each subtype requires; the MUX selects in0 (0x10001, K9).
            let control = if subtype == guids::KSNODETYPE_MUX {
                devtopo::ControlSpec::InputSelector(LocalId::connector(1))
            } else {
                devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1))
            };
            let node = b.add_subunit(d, SubunitSpec::new("node", subtype).control(control))?;
            let o = b.add_connector(d, output("out"))?;
            let mut keys = vec![node, o];
            for n in 0..inputs {
                let i = b.add_connector(d, input(&format!("in{n}")))?;
                b.add_link(i, node)?;
                keys.push(i);
            }
            b.add_link(node, o)?;
            Ok(keys)
        })?;
        let sys = t.device().system();
        let (o, i) = (sys.part(k[1])?, sys.part(k[2])?);
        let allow = t.signal_path(&i, &o, MixedPaths::Allow)?;
        assert_eq!(allow.count()?, 3);
        let reject = t.signal_path(&i, &o, MixedPaths::Reject);
        if mixer {
            assert_eq!(hr(reject), HResult::E_NOTFOUND, "{subtype:?} x{inputs}");
        } else {
            assert_eq!(ids(&reject?)?, ids(&allow)?, "{subtype:?} x{inputs}");
        }
    }
    Ok(())
}

/// T10, X13: with Reject, a longer mixer-free path is chosen over the shorter mixed one; and a
/// path that starts or ends at a mixer is rejected.
#[test]
fn t10_reject_takes_mixer_free_detour() -> TestResult {
    let (t, k) = adapter(|b, d| {
        let i = b.add_connector(d, input("in"))?; // 0x10000
        let o = b.add_connector(d, output("out"))?; // 0x10001
        let sum = b.add_subunit(d, SubunitSpec::new("sum", guids::KSNODETYPE_SUM))?; // 0x20000
        let v1 = b.add_subunit(
            d,
            SubunitSpec::new("v1", guids::KSNODETYPE_VOLUME).control(
                devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1)),
            ),
        )?; // 0x20001
        let v2 = b.add_subunit(
            d,
            SubunitSpec::new("v2", guids::KSNODETYPE_MUTE)
                .control(devtopo::ControlSpec::Mute(false)),
        )?; // 0x20002
        b.add_link(i, sum)?;
        b.add_link(sum, o)?;
        b.add_link(i, v1)?;
        b.add_link(v1, v2)?;
        b.add_link(v2, o)?;
        Ok(vec![i, o, sum])
    })?;
    let sys = t.device().system();
    let (i, o, sum) = (sys.part(k[0])?, sys.part(k[1])?, sys.part(k[2])?);
    assert_eq!(
        ids(&t.signal_path(&i, &o, MixedPaths::Allow)?)?,
        [0x10001, 0x20000, 0x10000]
    );
    assert_eq!(
        ids(&t.signal_path(&i, &o, MixedPaths::Reject)?)?,
        [0x10001, 0x20002, 0x20001, 0x10000]
    );
    assert_eq!(
        hr(t.signal_path(&i, &sum, MixedPaths::Reject)),
        HResult::E_NOTFOUND
    );
    assert_eq!(
        hr(t.signal_path(&sum, &o, MixedPaths::Reject)),
        HResult::E_NOTFOUND
    );
    assert_eq!(t.signal_path(&i, &sum, MixedPaths::Allow)?.count()?, 2);
    Ok(())
}

/// T11 (A13): against the signal direction there is no path: E_NOTFOUND.
#[test]
fn t11_signal_path_against_direction_is_e_notfound() -> TestResult {
    let f = Four::new()?;
    let (c1, c3) = (f.mux.connector(1)?, f.mux.connector(3)?);
    for mixed in [MixedPaths::Allow, MixedPaths::Reject] {
        let e = err(f.mux.signal_path(&c3, &c1, mixed));
        assert_eq!(e.hresult(), HResult::E_NOTFOUND);
        assert_eq!(
            e,
            Error::NoSignalPath {
                from: part_ref(fixtures::FOUR_MUX, 0x10003),
                to: part_ref(fixtures::FOUR_MUX, 0x10001),
                mixed,
            }
        );
    }
    // Two parallel branches are not joined either: Line In never reaches the Mic volume.
    assert_eq!(
        hr(f.mux
            .signal_path(f.mux.connector(0)?, f.mux.subunit(3)?, MixedPaths::Allow)),
        HResult::E_NOTFOUND
    );
    Ok(())
}

/// X13: `from == to` gives the one-part list [from], for a connector and a subunit, also on
/// an endpoint connector that has no links.
#[test]
fn x13_signal_path_from_equals_to_is_single_part() -> TestResult {
    let f = Four::new()?;
    let s6 = f.mux.subunit(6)?;
    let path = f.mux.signal_path(&s6, &s6, MixedPaths::Reject)?;
    assert_eq!(ids(&path)?, [0x20006]);
    let ep = f.epa.connector(0)?;
    assert_eq!(
        ids(&f.epa.signal_path(&ep, &ep, MixedPaths::Allow)?)?,
        [0x10000]
    );
    Ok(())
}

/// X13: of two paths the shorter (fewest parts) is returned, whichever was built first.
#[test]
fn x13_signal_path_picks_shortest() -> TestResult {
    let (t, k) = adapter(|b, d| {
        let i = b.add_connector(d, input("in"))?; // 0x10000
        let o = b.add_connector(d, output("out"))?; // 0x10001
        let long: Vec<PartKey> = (0..3)
            .map(|n| {
                b.add_subunit(
                    d,
                    SubunitSpec::new(format!("l{n}"), guids::KSNODETYPE_VOLUME).control(
                        devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1)),
                    ),
                )
            })
            .collect::<devtopo::Result<_>>()?; // 0x20000..0x20002
        let short = b.add_subunit(
            d,
            SubunitSpec::new("s", guids::KSNODETYPE_MUTE)
                .control(devtopo::ControlSpec::Mute(false)),
        )?; // 0x20003
        b.add_link(i, long[0])?;
        b.add_link(long[0], long[1])?;
        b.add_link(long[1], long[2])?;
        b.add_link(long[2], o)?;
        b.add_link(i, short)?;
        b.add_link(short, o)?;
        Ok(vec![i, o])
    })?;
    let sys = t.device().system();
    let path = t.signal_path(sys.part(k[0])?, sys.part(k[1])?, MixedPaths::Allow)?;
    assert_eq!(ids(&path)?, [0x10001, 0x20003, 0x10000]);
    Ok(())
}

/// T10, X13: `from == to` on a mixer: Allow gives [mixer]; Reject gives E_NOTFOUND, because
/// the only path contains a mixer.
#[test]
fn t10_x13_from_equals_to_on_a_mixer() -> TestResult {
    let (t, k) = adapter(|b, d| {
        let sum = b.add_subunit(d, SubunitSpec::new("sum", guids::KSNODETYPE_SUM))?;
        Ok(vec![sum])
    })?;
    let sum = t.device().system().part(k[0])?;
    assert_eq!(
        ids(&t.signal_path(&sum, &sum, MixedPaths::Allow)?)?,
        [0x20000]
    );
    assert_eq!(
        hr(t.signal_path(&sum, &sum, MixedPaths::Reject)),
        HResult::E_NOTFOUND
    );
    Ok(())
}
