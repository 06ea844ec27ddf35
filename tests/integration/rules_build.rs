//! `SystemBuilder` errors: each checks the variant, `hresult()`, and that the message names the
//! part (device ID and local ID) and the rule; plus automatic local IDs (X9, X11) and keys of
//! another builder.

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKey, DeviceKind, DeviceSpec, EndpointProblem,
    Error, HResult, LinkProblem, LocalId, PartKey, Permanence, SubunitSpec, SystemBuilder, guids,
};

use crate::core_support::{TestResult, err, part_ref};

const A: &str = "{2}.adapter-a";
const B: &str = "{2}.adapter-b";
const RENDER: &str = "{0.0.0.00000000}.{render}";
const CAPTURE: &str = "{0.0.1.00000000}.{capture}";

/// Checks the code and that the message contains every fragment.
#[track_caller]
fn check(e: &Error, code: HResult, fragments: &[&str]) {
    assert_eq!(e.hresult(), code, "{e}");
    let text = e.to_string();
    for fragment in fragments {
        assert!(text.contains(fragment), "`{text}` lacks `{fragment}`");
    }
}

fn adapter(b: &mut SystemBuilder, id: &str) -> devtopo::Result<DeviceKey> {
    b.add_device(DeviceSpec::new(id, id, DeviceKind::Adapter))
}

fn conn(flow: DataFlow, ty: ConnectorType) -> ConnectorSpec {
    ConnectorSpec::new("c", flow, ty)
}

/// Two adapters A and B, each with connectors `(flow, type)` as given.
fn two(
    a: &[(DataFlow, ConnectorType)],
    b: &[(DataFlow, ConnectorType)],
) -> devtopo::Result<(SystemBuilder, Vec<PartKey>, Vec<PartKey>)> {
    let mut builder = SystemBuilder::new();
    let (da, db) = (adapter(&mut builder, A)?, adapter(&mut builder, B)?);
    let mut ka = Vec::new();
    for &(f, t) in a {
        ka.push(builder.add_connector(da, conn(f, t))?);
    }
    let mut kb = Vec::new();
    for &(f, t) in b {
        kb.push(builder.add_connector(db, conn(f, t))?);
    }
    Ok((builder, ka, kb))
}

/// I7: a second device with the same ID; an empty ID.
#[test]
fn i7_duplicate_device_id() -> TestResult {
    let mut b = SystemBuilder::new();
    adapter(&mut b, A)?;
    let e = err(b.add_device(DeviceSpec::new(A, "again", DeviceKind::CaptureEndpoint)));
    check(&e, HResult::E_INVALIDARG, &[A, "rule I7"]);
    assert_eq!(e, Error::DuplicateDeviceId { device: A.into() });
    let e = err(b.add_device(DeviceSpec::new("", "nameless", DeviceKind::Adapter)));
    check(&e, HResult::E_INVALIDARG, &["rule I7"]);
    assert_eq!(e, Error::EmptyDeviceId);
    // The failed calls added nothing.
    let sys = b.build()?;
    assert_eq!(sys.devices().len(), 1);
    assert_eq!(sys.device(A)?.name()?, A);
    Ok(())
}

/// I1: two parts of one device with the same local ID (connector/connector and
/// connector/subunit); the same local ID on another device is fine.
#[test]
fn i1_duplicate_local_id() -> TestResult {
    let mut b = SystemBuilder::new();
    let (a, other) = (adapter(&mut b, A)?, adapter(&mut b, B)?);
    let id = LocalId(0x10005);
    b.add_connector(
        a,
        conn(DataFlow::In, ConnectorType::PhysicalInternal).local_id(id),
    )?;
    let e = err(b.add_connector(
        a,
        conn(DataFlow::Out, ConnectorType::SoftwareIo).local_id(id),
    ));
    check(&e, HResult::E_INVALIDARG, &[A, "0x00010005", "rule I1"]);
    assert_eq!(
        e,
        Error::DuplicateLocalId {
            device: A.into(),
            local_id: id
        }
    );
    let e = err(b.add_subunit(
        a,
        SubunitSpec::new("s", guids::KSNODETYPE_VOLUME)
            .control(devtopo::ControlSpec::VolumeLevel(
                devtopo::LevelSpec::sysvad_volume(1),
            ))
            .local_id(id),
    ));
    assert!(matches!(e, Error::DuplicateLocalId { .. }));
    b.add_connector(
        other,
        conn(DataFlow::In, ConnectorType::PhysicalInternal).local_id(id),
    )?;
    let sys = b.build()?;
    assert_eq!(sys.topology(a)?.connector_count()?, 1);
    assert_eq!(sys.topology(a)?.subunit_count()?, 0);
    Ok(())
}

/// P10: a link between parts of two devices.
#[test]
fn p10_link_across_devices() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let (mut b, ka, kb) = two(&[(DataFlow::Out, ty)], &[(DataFlow::In, ty)])?;
    let e = err(b.add_link(ka[0], kb[0]));
    check(&e, HResult::E_INVALIDARG, &[A, B, "0x00010000", "rule P10"]);
    assert_eq!(
        e,
        Error::LinkAcrossDevices {
            from: part_ref(A, 0x10000),
            to: part_ref(B, 0x10000),
        }
    );
    Ok(())
}

/// P8: self link, duplicate link and a link closing a cycle are refused; the refused calls
/// add no link.
#[test]
fn p8_self_duplicate_and_cyclic_links() -> TestResult {
    let mut b = SystemBuilder::new();
    let a = adapter(&mut b, A)?;
    let s: Vec<PartKey> = (0..3)
        .map(|n| {
            b.add_subunit(
                a,
                SubunitSpec::new(format!("s{n}"), guids::KSNODETYPE_VOLUME).control(
                    devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1)),
                ),
            )
        })
        .collect::<devtopo::Result<_>>()?;
    let e = err(b.add_link(s[0], s[0]));
    check(&e, HResult::E_INVALIDARG, &[A, "0x00020000", "rule P8"]);
    assert!(matches!(
        e,
        Error::InvalidLink {
            reason: LinkProblem::SelfLink,
            ..
        }
    ));
    b.add_link(s[0], s[1])?;
    b.add_link(s[1], s[2])?;
    let e = err(b.add_link(s[0], s[1]));
    check(
        &e,
        HResult::E_INVALIDARG,
        &["0x00020000", "0x00020001", "rule P8"],
    );
    assert_eq!(
        e,
        Error::InvalidLink {
            from: part_ref(A, 0x20000),
            to: part_ref(A, 0x20001),
            reason: LinkProblem::Duplicate,
        }
    );
    for (from, to) in [(2, 0), (1, 0), (2, 1)] {
        let e = err(b.add_link(s[from], s[to]));
        check(&e, HResult::E_INVALIDARG, &["rule P8"]);
        assert!(matches!(
            e,
            Error::InvalidLink {
                reason: LinkProblem::Cycle,
                ..
            }
        ));
    }
    let sys = b.build()?;
    let s0 = sys.part(s[0])?;
    assert_eq!(s0.parts_outgoing()?.count()?, 1);
    assert_eq!(
        sys.part(s[2])?.parts_outgoing().map_err(|e| e.hresult()),
        Err(HResult::E_NOTFOUND)
    );
    Ok(())
}

/// D2: an endpoint needs exactly one connector (0 refused at build, 2 at the second
/// `add_connector`) and no subunit.
#[test]
fn d2_endpoint_shape() -> TestResult {
    // 0 connectors
    let mut b = SystemBuilder::new();
    b.add_device(DeviceSpec::new(
        RENDER,
        "Speakers",
        DeviceKind::RenderEndpoint,
    ))?;
    let e = err(b.build());
    check(&e, HResult::E_INVALIDARG, &[RENDER, "rule D2"]);
    assert_eq!(
        e,
        Error::EndpointShape {
            device: RENDER.into(),
            problem: EndpointProblem::Connectors(0),
        }
    );

    // 2 connectors, then a subunit
    let mut b = SystemBuilder::new();
    let ep = b.add_device(DeviceSpec::new(CAPTURE, "Mic", DeviceKind::CaptureEndpoint))?;
    b.add_connector(ep, conn(DataFlow::Out, ConnectorType::PhysicalExternal))?;
    let e = err(b.add_connector(ep, conn(DataFlow::Out, ConnectorType::PhysicalExternal)));
    check(
        &e,
        HResult::E_INVALIDARG,
        &[CAPTURE, "2 connectors", "rule D2"],
    );
    assert_eq!(
        e,
        Error::EndpointShape {
            device: CAPTURE.into(),
            problem: EndpointProblem::Connectors(2),
        }
    );
    let e = err(b.add_subunit(
        ep,
        SubunitSpec::new("vol", guids::KSNODETYPE_VOLUME).control(
            devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1)),
        ),
    ));
    check(&e, HResult::E_INVALIDARG, &[CAPTURE, "subunit", "rule D2"]);
    assert_eq!(
        e,
        Error::EndpointShape {
            device: CAPTURE.into(),
            problem: EndpointProblem::Subunit,
        }
    );
    // The refused parts were not added: the endpoint is still valid.
    let sys = b.build()?;
    let t = sys.topology(ep)?;
    assert_eq!((t.connector_count()?, t.subunit_count()?), (1, 0));
    Ok(())
}

/// D3: render endpoints flow In, capture endpoints Out.
#[test]
fn d3_wrong_endpoint_flow() -> TestResult {
    for (id, kind, wrong, expected) in [
        (
            RENDER,
            DeviceKind::RenderEndpoint,
            DataFlow::Out,
            DataFlow::In,
        ),
        (
            CAPTURE,
            DeviceKind::CaptureEndpoint,
            DataFlow::In,
            DataFlow::Out,
        ),
    ] {
        let mut b = SystemBuilder::new();
        let ep = b.add_device(DeviceSpec::new(id, "ep", kind))?;
        let e = err(b.add_connector(ep, conn(wrong, ConnectorType::PhysicalExternal)));
        check(&e, HResult::E_INVALIDARG, &[id, "rule D3"]);
        assert_eq!(
            e,
            Error::EndpointFlow {
                device: id.into(),
                expected
            }
        );
        b.add_connector(ep, conn(expected, ConnectorType::PhysicalExternal))?;
        b.build()?;
    }
    Ok(())
}

/// D15, X7: a permanent connection needs Software_Fixed on both ends (first end or second).
#[test]
fn d15_x7_permanent_connection_must_be_software_fixed() -> TestResult {
    let fixed = ConnectorType::SoftwareFixed;
    for other in [
        ConnectorType::PhysicalInternal,
        ConnectorType::PhysicalExternal,
        ConnectorType::UnknownConnector,
    ] {
        let (mut b, ka, kb) = two(
            &[(DataFlow::Out, fixed), (DataFlow::Out, other)],
            &[(DataFlow::In, other), (DataFlow::In, fixed)],
        )?;
        // second end not fixed
        let e = err(b.connect(ka[0], kb[0], Permanence::Permanent));
        check(&e, HResult::E_INVALIDARG, &[B, "0x00010000", "rule D15"]);
        assert_eq!(
            e,
            Error::PermanentNotSoftwareFixed {
                part: part_ref(B, 0x10000),
                connector_type: other,
            }
        );
        // first end not fixed
        let e = err(b.connect(ka[1], kb[1], Permanence::Permanent));
        assert_eq!(
            e,
            Error::PermanentNotSoftwareFixed {
                part: part_ref(A, 0x10001),
                connector_type: other,
            }
        );
        // transient between equal non-fixed types is fine; permanent fixed-fixed is fine
        b.connect(ka[1], kb[0], Permanence::Transient)?;
        b.connect(ka[0], kb[1], Permanence::Permanent)?;
        let sys = b.build()?;
        assert_eq!(
            sys.connector(ka[0])?.permanence()?,
            Some(Permanence::Permanent)
        );
        assert_eq!(
            sys.connector(kb[0])?.permanence()?,
            Some(Permanence::Transient)
        );
    }
    Ok(())
}

/// C3: builder connect with the same data flow.
#[test]
fn c3_builder_connect_same_flow() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let (mut b, ka, kb) = two(&[(DataFlow::In, ty)], &[(DataFlow::In, ty)])?;
    let e = err(b.connect(ka[0], kb[0], Permanence::Transient));
    check(&e, HResult::E_INVALIDARG, &[A, B, "0x00010000", "rule C3"]);
    assert!(matches!(
        e,
        Error::SameDataFlow {
            flow: DataFlow::In,
            ..
        }
    ));
    Ok(())
}

/// X1, D14: builder connect between different connector types.
#[test]
fn x1_builder_connect_different_types() -> TestResult {
    let (mut b, ka, kb) = two(
        &[(DataFlow::Out, ConnectorType::PhysicalExternal)],
        &[(DataFlow::In, ConnectorType::PhysicalInternal)],
    )?;
    let e = err(b.connect(ka[0], kb[0], Permanence::Transient));
    check(&e, HResult::E_INVALIDARG, &[A, B, "X1"]);
    assert_eq!(
        e,
        Error::ConnectorTypeMismatch {
            part: part_ref(A, 0x10000),
            part_type: ConnectorType::PhysicalExternal,
            other: part_ref(B, 0x10000),
            other_type: ConnectorType::PhysicalInternal,
        }
    );
    Ok(())
}

/// X3: builder connect within one device.
#[test]
fn x3_builder_connect_same_device() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let (mut b, ka, _) = two(&[(DataFlow::Out, ty), (DataFlow::In, ty)], &[])?;
    let e = err(b.connect(ka[0], ka[1], Permanence::Transient));
    check(&e, HResult::E_INVALIDARG, &[A, "0x00010001", "X3"]);
    assert_eq!(
        e,
        Error::SameDevice {
            part: part_ref(A, 0x10000),
            other: part_ref(A, 0x10001),
        }
    );
    Ok(())
}

/// D12, X6: a Software_IO or Network end cannot be connected (either side, even to the same
/// type).
#[test]
fn d12_x6_builder_connect_topology_edge() -> TestResult {
    for edge in [ConnectorType::SoftwareIo, ConnectorType::Network] {
        let (mut b, ka, kb) = two(&[(DataFlow::Out, edge)], &[(DataFlow::In, edge)])?;
        let e = err(b.connect(ka[0], kb[0], Permanence::Transient));
        check(&e, HResult::E_INVALIDARG, &[A, "0x00010000", "rule D12"]);
        assert_eq!(
            e,
            Error::TopologyEdge {
                part: part_ref(A, 0x10000),
                connector_type: edge,
            }
        );
        let (mut b, ka, kb) = two(
            &[(DataFlow::Out, ConnectorType::PhysicalInternal)],
            &[(DataFlow::In, edge)],
        )?;
        let e = err(b.connect(ka[0], kb[0], Permanence::Transient));
        assert_eq!(
            e,
            Error::TopologyEdge {
                part: part_ref(B, 0x10000),
                connector_type: edge,
            }
        );
    }
    Ok(())
}

/// C3: a second peer for a connected connector, on either side.
#[test]
fn c3_builder_second_peer() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let (mut b, ka, kb) = two(
        &[(DataFlow::Out, ty), (DataFlow::Out, ty)],
        &[(DataFlow::In, ty), (DataFlow::In, ty)],
    )?;
    b.connect(ka[0], kb[0], Permanence::Transient)?;
    let e = err(b.connect(ka[0], kb[1], Permanence::Transient));
    check(
        &e,
        HResult::ERROR_DEVICE_ALREADY_ATTACHED,
        &[A, B, "rule C3"],
    );
    assert_eq!(
        e,
        Error::AlreadyAttached {
            part: part_ref(A, 0x10000),
            peer: part_ref(B, 0x10000),
        }
    );
    let e = err(b.connect(ka[1], kb[0], Permanence::Transient));
    assert_eq!(
        e,
        Error::AlreadyAttached {
            part: part_ref(B, 0x10000),
            peer: part_ref(A, 0x10000),
        }
    );
    let sys = b.build()?;
    assert!(!sys.connector(ka[1])?.is_connected()?);
    assert!(!sys.connector(kb[1])?.is_connected()?);
    Ok(())
}

/// X9, X11: automatic local IDs are `0x0001_0000 | index` for connectors and
/// `0x0002_0000 | index` for subunits; indices follow creation order; an automatic ID never
/// collides with an explicit one.
#[test]
fn x9_x11_automatic_local_ids() -> TestResult {
    let mut b = SystemBuilder::new();
    let a = adapter(&mut b, A)?;
    let ty = ConnectorType::PhysicalInternal;
    let mut keys = Vec::new();
    for n in 0..3 {
        keys.push(b.add_connector(a, conn(DataFlow::In, ty))?);
        keys.push(
            b.add_subunit(
                a,
                SubunitSpec::new(format!("s{n}"), guids::KSNODETYPE_MUTE)
                    .control(devtopo::ControlSpec::Mute(false)),
            )?,
        );
    }
    // An explicit ID taking the slot the next automatic one would use.
    let explicit = b.add_connector(a, conn(DataFlow::Out, ty).local_id(LocalId(0x10004)))?;
    let auto = b.add_connector(a, conn(DataFlow::Out, ty))?; // index 4
    let sys = b.build()?;
    let t = sys.topology(a)?;
    for i in 0..3 {
        assert_eq!(t.connector(i)?.as_part().local_id()?, LocalId(0x10000 | i));
        assert_eq!(t.subunit(i)?.as_part().local_id()?, LocalId(0x20000 | i));
        assert_eq!(t.connector(i)?.as_part().key(), keys[2 * i as usize]);
    }
    assert_eq!(sys.part(explicit)?.local_id()?, LocalId(0x10004));
    let auto_id = sys.part(auto)?.local_id()?;
    assert_ne!(auto_id, LocalId(0x10004));
    assert_eq!(auto_id.0 >> 16, 0x0001);
    assert_eq!(t.connector(4)?, sys.connector(auto)?);
    Ok(())
}

/// A key of another builder is refused with `UnknownKey` by every builder method and by the
/// System look-ups.
#[test]
fn unknown_key_from_another_builder() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let (mut mine, ka, _) = two(&[(DataFlow::Out, ty)], &[])?;
    let mut theirs = SystemBuilder::new();
    let foreign_dev = theirs.add_device(DeviceSpec::new("{2}.x", "x", DeviceKind::Adapter))?;
    let foreign_part = theirs.add_connector(foreign_dev, conn(DataFlow::In, ty))?;
    let before_a = mine.device_by_id(A).ok_or("A missing")?;
    let errors = [
        err(mine.add_connector(foreign_dev, conn(DataFlow::In, ty))),
        err(mine.add_subunit(
            foreign_dev,
            SubunitSpec::new("s", guids::KSNODETYPE_MUTE)
                .control(devtopo::ControlSpec::Mute(false)),
        )),
        err(mine.add_link(ka[0], foreign_part)),
        err(mine.add_link(foreign_part, ka[0])),
        err(mine.connect(ka[0], foreign_part, Permanence::Transient)),
        err(mine.connect(foreign_part, ka[0], Permanence::Transient)),
    ];
    for e in errors {
        assert!(matches!(e, Error::UnknownKey { .. }), "{e:?}");
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    }
    assert_eq!(mine.part_by_local_id(foreign_dev, LocalId(0x10000)), None);
    assert_eq!(mine.device_id(foreign_dev), None);
    let sys = mine.build()?;
    assert!(matches!(
        sys.part(foreign_part),
        Err(Error::UnknownKey { .. })
    ));
    assert!(matches!(
        sys.device_by_key(foreign_dev),
        Err(Error::UnknownKey { .. })
    ));
    assert!(matches!(
        sys.topology(foreign_dev),
        Err(Error::UnknownKey { .. })
    ));
    assert_eq!(sys.device_by_key(before_a)?.id()?, A);
    Ok(())
}
