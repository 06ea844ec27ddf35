//! `IConnector` rules C1-C12 (and X22) on the four-topology fixture and on small built systems.

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, DeviceState, Error, HResult,
    Permanence, SystemBuilder, fixtures,
};

use crate::core_support::{Four, TestResult, adapter_id, adapters, err, hr, part_ref};

const NON_ACTIVE: [DeviceState; 3] = [
    DeviceState::Disabled,
    DeviceState::NotPresent,
    DeviceState::Unplugged,
];

/// C1 (D14, D16, A2): connector types of the fixture.
#[test]
fn c1_connector_types_of_four_topologies() -> TestResult {
    let f = Four::new()?;
    assert_eq!(
        f.epa.connector(0)?.connector_type()?,
        ConnectorType::PhysicalExternal
    );
    assert_eq!(
        f.epb.connector(0)?.connector_type()?,
        ConnectorType::PhysicalExternal
    );
    let mux: Vec<ConnectorType> = (0..4)
        .map(|i| f.mux.connector(i)?.connector_type())
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(
        mux,
        [
            ConnectorType::PhysicalExternal,
            ConnectorType::PhysicalExternal,
            ConnectorType::PhysicalInternal,
            ConnectorType::SoftwareFixed
        ]
    );
    assert_eq!(
        f.wav.connector(0)?.connector_type()?,
        ConnectorType::SoftwareFixed
    );
    assert_eq!(
        f.wav.connector(1)?.connector_type()?,
        ConnectorType::SoftwareIo
    );
    Ok(())
}

/// C1: every type given to the builder is reported back unchanged.
#[test]
fn c1_connector_type_round_trips_every_type() -> TestResult {
    let specs: Vec<(DataFlow, ConnectorType)> = ConnectorType::ALL
        .iter()
        .map(|&t| (DataFlow::In, t))
        .collect();
    let t = adapters(&[&specs])?;
    for (i, &ty) in ConnectorType::ALL.iter().enumerate() {
        assert_eq!(t[0].connector(i as u32)?.connector_type()?, ty);
    }
    Ok(())
}

/// C2 (D3, E1): data flows of the fixture and of a built system.
#[test]
fn c2_data_flow() -> TestResult {
    let f = Four::new()?;
    assert_eq!(f.epa.connector(0)?.data_flow()?, DataFlow::Out);
    assert_eq!(f.epb.connector(0)?.data_flow()?, DataFlow::Out);
    for i in 0..3 {
        assert_eq!(f.mux.connector(i)?.data_flow()?, DataFlow::In);
    }
    assert_eq!(f.mux.connector(3)?.data_flow()?, DataFlow::Out);
    assert_eq!(f.wav.connector(0)?.data_flow()?, DataFlow::In);
    assert_eq!(f.wav.connector(1)?.data_flow()?, DataFlow::Out);
    let t = adapters(&[&[
        (DataFlow::Out, ConnectorType::PhysicalInternal),
        (DataFlow::In, ConnectorType::PhysicalInternal),
    ]])?;
    assert_eq!(t[0].connector(0)?.data_flow()?, DataFlow::Out);
    assert_eq!(t[0].connector(1)?.data_flow()?, DataFlow::In);
    Ok(())
}

/// C3 (A16): `EPA.c0.ConnectTo(EPB.c0)`: both Out -> E_INVALIDARG, nothing changes (G5).
#[test]
fn c3_connect_same_flow_is_e_invalidarg_on_fixture() -> TestResult {
    let f = Four::new()?;
    let before = f.snapshot();
    let e = err(f.epa.connector(0)?.connect_to(&f.epb.connector(0)?));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert_eq!(
        e,
        Error::SameDataFlow {
            part: part_ref(fixtures::FOUR_EPA, 0x10000),
            other: part_ref(fixtures::FOUR_EPB, 0x10000),
            flow: DataFlow::Out,
        }
    );
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// C3: two unconnected connectors with the same flow, of two built adapters, In and Out cases.
#[test]
fn c3_connect_same_flow_is_e_invalidarg_on_built_system() -> TestResult {
    for flow in [DataFlow::In, DataFlow::Out] {
        let ty = ConnectorType::PhysicalInternal;
        let t = adapters(&[&[(flow, ty)], &[(flow, ty)]])?;
        let (a, b) = (t[0].connector(0)?, t[1].connector(0)?);
        let before = crate::core_support::snapshot(&t[0]);
        let e = err(a.connect_to(&b));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert!(matches!(e, Error::SameDataFlow { flow: f, .. } if f == flow));
        assert!(e.to_string().contains("rule C3"), "{e}");
        assert_eq!(crate::core_support::snapshot(&t[0]), before);
        assert!(!a.is_connected()? && !b.is_connected()?);
    }
    Ok(())
}

/// C4 (X2): a connector connected to itself has the same flow as itself: E_INVALIDARG, on an
/// unconnected connector and on a connected one.
#[test]
fn c4_connect_to_itself_is_e_invalidarg() -> TestResult {
    let f = Four::new()?;
    let before = f.snapshot();
    for c in [
        f.mux.connector(2)?,
        f.epa.connector(0)?,
        f.mux.connector(3)?,
    ] {
        let e = err(c.connect_to(&c));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert!(matches!(e, Error::SameDataFlow { ref part, ref other, .. } if part == other));
    }
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// C3 (A16): `EPB.c0.ConnectTo(MUX.c0)` with MUX.c0 already attached (the argument side).
#[test]
fn c3_connect_to_attached_argument_is_already_attached() -> TestResult {
    let f = Four::new()?;
    f.epb.connector(0)?.disconnect()?;
    let before = f.snapshot();
    let e = err(f.epb.connector(0)?.connect_to(&f.mux.connector(0)?));
    assert_eq!(e.hresult(), HResult::ERROR_DEVICE_ALREADY_ATTACHED);
    assert_eq!(
        e,
        Error::AlreadyAttached {
            part: part_ref(fixtures::FOUR_MUX, 0x10000),
            peer: part_ref(fixtures::FOUR_EPA, 0x10000),
        }
    );
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// C3: the connector `ConnectTo` is called on is the one already attached.
#[test]
fn c3_connect_from_attached_connector_is_already_attached() -> TestResult {
    let f = Four::new()?;
    f.epb.connector(0)?.disconnect()?; // MUX.c1 becomes free
    let before = f.snapshot();
    let e = err(f.epa.connector(0)?.connect_to(&f.mux.connector(1)?));
    assert_eq!(e.hresult(), HResult::ERROR_DEVICE_ALREADY_ATTACHED);
    assert_eq!(
        e,
        Error::AlreadyAttached {
            part: part_ref(fixtures::FOUR_EPA, 0x10000),
            peer: part_ref(fixtures::FOUR_MUX, 0x10000),
        }
    );
    // Called from the free side, the attached argument is named.
    let e = err(f.mux.connector(1)?.connect_to(&f.epa.connector(0)?));
    assert_eq!(e.hresult(), HResult::ERROR_DEVICE_ALREADY_ATTACHED);
    assert!(e.to_string().contains("rule C3"), "{e}");
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// C3: already attached on a built system, both sides attached (to other connectors).
#[test]
fn c3_already_attached_on_built_system() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let t = adapters(&[
        &[(DataFlow::Out, ty), (DataFlow::Out, ty)],
        &[(DataFlow::In, ty), (DataFlow::In, ty)],
    ])?;
    let (a0, a1) = (t[0].connector(0)?, t[0].connector(1)?);
    let (b0, b1) = (t[1].connector(0)?, t[1].connector(1)?);
    a0.connect_to(&b0)?;
    a1.connect_to(&b1)?;
    let before = crate::core_support::snapshot(&t[0]);
    assert_eq!(
        hr(a0.connect_to(&b1)),
        HResult::ERROR_DEVICE_ALREADY_ATTACHED
    );
    assert_eq!(
        hr(a0.connect_to(&b0)),
        HResult::ERROR_DEVICE_ALREADY_ATTACHED
    );
    assert_eq!(
        hr(b1.connect_to(&a0)),
        HResult::ERROR_DEVICE_ALREADY_ATTACHED
    );
    assert_eq!(crate::core_support::snapshot(&t[0]), before);
    Ok(())
}

/// C3: a connector of another System is not a valid connector object here: E_NOINTERFACE,
/// and neither system changes.
#[test]
fn c3_connect_to_connector_of_other_system_is_e_nointerface() -> TestResult {
    let one = Four::new()?;
    let two = Four::new()?;
    one.epb.connector(0)?.disconnect()?;
    two.epb.connector(0)?.disconnect()?;
    let (b1, b2) = (one.snapshot(), two.snapshot());
    let e = err(one.epb.connector(0)?.connect_to(&two.mux.connector(1)?));
    assert_eq!(e.hresult(), HResult::E_NOINTERFACE);
    assert_eq!(
        e,
        Error::ForeignObject {
            part: part_ref(fixtures::FOUR_EPB, 0x10000)
        }
    );
    // Foreign beats every other check, even same flow.
    assert_eq!(
        hr(one.epa.connector(0)?.connect_to(&two.epa.connector(0)?)),
        HResult::E_NOINTERFACE
    );
    assert_eq!(one.snapshot(), b1);
    assert_eq!(two.snapshot(), b2);
    Ok(())
}

/// C5: after `ConnectTo` both ends are connected, each is the other's peer, same type,
/// same (transient) permanence; calling from the In side works as well as from the Out side.
#[test]
fn c5_connection_is_symmetric() -> TestResult {
    let f = Four::new()?;
    let (ep, jack) = (f.epb.connector(0)?, f.mux.connector(1)?);
    ep.disconnect()?;
    jack.connect_to(&ep)?; // from the In side
    assert!(ep.is_connected()? && jack.is_connected()?);
    assert_eq!(ep.connected_to()?, jack);
    assert_eq!(jack.connected_to()?, ep);
    assert_eq!(ep.connector_type()?, jack.connector_type()?);
    assert_eq!(ep.permanence()?, Some(Permanence::Transient));
    assert_eq!(jack.permanence()?, Some(Permanence::Transient));

    let ty = ConnectorType::UnknownConnector;
    let t = adapters(&[&[(DataFlow::Out, ty)], &[(DataFlow::In, ty)]])?;
    let (a, b) = (t[0].connector(0)?, t[1].connector(0)?);
    a.connect_to(&b)?; // from the Out side
    assert_eq!(a.connected_to()?, b);
    assert_eq!(b.connected_to()?, a);
    assert!(a.is_connected()? && b.is_connected()?);
    Ok(())
}

/// C6 (A17): a second `Disconnect` is E_NOTFOUND.
#[test]
fn c6_second_disconnect_is_e_notfound() -> TestResult {
    let f = Four::new()?;
    let ep = f.epb.connector(0)?;
    ep.disconnect()?;
    let before = f.snapshot();
    let e = err(ep.disconnect());
    assert_eq!(e.hresult(), HResult::E_NOTFOUND);
    assert_eq!(
        e,
        Error::NotConnected {
            part: part_ref(fixtures::FOUR_EPB, 0x10000)
        }
    );
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// C6 (A6): `Disconnect` of a connector that was never connected (MUX.c2, the CD input).
#[test]
fn c6_disconnect_never_connected_is_e_notfound() -> TestResult {
    let f = Four::new()?;
    let before = f.snapshot();
    assert_eq!(hr(f.mux.connector(2)?.disconnect()), HResult::E_NOTFOUND);
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// C6: `Disconnect` works from either end of a transient connection.
#[test]
fn c6_disconnect_from_adapter_end() -> TestResult {
    let f = Four::new()?;
    let (ep, jack) = (f.epa.connector(0)?, f.mux.connector(0)?);
    jack.disconnect()?;
    assert!(!jack.is_connected()? && !ep.is_connected()?);
    assert_eq!(hr(ep.disconnect()), HResult::E_NOTFOUND);
    Ok(())
}

/// C6, G5 (A4): the permanent Software_Fixed connection refuses `Disconnect` on both ends with
/// ERROR_FILE_READ_ONLY, and the system is unchanged.
#[test]
fn c6_permanent_disconnect_is_read_only_and_changes_nothing() -> TestResult {
    let f = Four::new()?;
    let before = f.snapshot();
    let (out, inp) = (f.mux.connector(3)?, f.wav.connector(0)?);
    for (c, me, peer) in [
        (&out, fixtures::FOUR_MUX, fixtures::FOUR_WAV),
        (&inp, fixtures::FOUR_WAV, fixtures::FOUR_MUX),
    ] {
        for _ in 0..2 {
            let e = err(c.disconnect());
            assert_eq!(e.hresult(), HResult::ERROR_FILE_READ_ONLY);
            assert_eq!(e.hresult().bits(), 0x8007_1779);
            let (mine, theirs) = if me == fixtures::FOUR_MUX {
                (0x10003, 0x10000)
            } else {
                (0x10000, 0x10003)
            };
            assert_eq!(
                e,
                Error::PermanentConnection {
                    part: part_ref(me, mine),
                    peer: part_ref(peer, theirs),
                }
            );
            assert!(e.to_string().contains("rule C6"), "{e}");
        }
    }
    assert_eq!(f.snapshot(), before);
    assert!(out.is_connected()? && inp.is_connected()?);
    assert_eq!(out.connected_to()?, inp);
    assert_eq!(out.permanence()?, Some(Permanence::Permanent));
    assert_eq!(inp.permanence()?, Some(Permanence::Permanent));
    Ok(())
}

/// C7 (A5): the Software_IO connector at the bus edge is not connected.
#[test]
fn c7_is_connected_false_on_software_io() -> TestResult {
    let f = Four::new()?;
    let bus = f.wav.connector(1)?;
    assert_eq!(bus.connector_type()?, ConnectorType::SoftwareIo);
    assert!(!bus.is_connected()?);
    assert_eq!(bus.permanence()?, None);
    let t = adapters(&[&[(DataFlow::Out, ConnectorType::SoftwareIo)]])?;
    assert!(!t[0].connector(0)?.is_connected()?);
    Ok(())
}

/// C7: `IsConnected` follows `ConnectTo` and `Disconnect`.
#[test]
fn c7_is_connected_tracks_connection() -> TestResult {
    let f = Four::new()?;
    let ep = f.epa.connector(0)?;
    assert!(ep.is_connected()?);
    ep.disconnect()?;
    assert!(!ep.is_connected()?);
    ep.connect_to(&f.mux.connector(0)?)?;
    assert!(ep.is_connected()?);
    Ok(())
}

/// C8 (A15): `IsConnected` stays TRUE when the peer device is UNPLUGGED (or any other
/// non-active state), on both ends; `GetConnectedTo` toward the active side still works.
#[test]
fn c8_is_connected_stays_true_when_peer_unplugged() -> TestResult {
    let f = Four::new()?;
    let (ep, jack) = (f.epa.connector(0)?, f.mux.connector(0)?);
    for state in NON_ACTIVE {
        f.epa.device().set_state(state)?;
        assert_eq!(f.epa.device().state()?, state);
        assert!(jack.is_connected()?, "{state}");
        assert!(ep.is_connected()?, "{state}");
        assert_eq!(ep.connected_to()?, jack);
    }
    Ok(())
}

/// C9 (A5, A6): `GetConnectedTo` without a peer is E_NOTFOUND (unconnected, Software_IO).
#[test]
fn c9_connected_to_unconnected_is_e_notfound() -> TestResult {
    let f = Four::new()?;
    for (c, dev, local) in [
        (f.mux.connector(2)?, fixtures::FOUR_MUX, 0x10002),
        (f.wav.connector(1)?, fixtures::FOUR_WAV, 0x10001),
    ] {
        let e = err(c.connected_to());
        assert_eq!(e.hresult(), HResult::E_NOTFOUND);
        assert_eq!(
            e,
            Error::NotConnected {
                part: part_ref(dev, local)
            }
        );
    }
    let ep = f.epa.connector(0)?;
    ep.disconnect()?;
    assert_eq!(hr(ep.connected_to()), HResult::E_NOTFOUND);
    Ok(())
}

/// C9 (A15): the peer's device in each non-active state gives ERROR_PATH_NOT_FOUND; back to
/// ACTIVE, the peer is returned again.
#[test]
fn c9_peer_not_active_is_path_not_found_for_each_state() -> TestResult {
    let f = Four::new()?;
    let jack = f.mux.connector(0)?;
    for state in NON_ACTIVE {
        f.epa.device().set_state(state)?;
        let e = err(jack.connected_to());
        assert_eq!(e.hresult(), HResult::ERROR_PATH_NOT_FOUND);
        assert_eq!(e.hresult().bits(), 0x8007_0003);
        assert_eq!(
            e,
            Error::PeerNotActive {
                part: part_ref(fixtures::FOUR_MUX, 0x10000),
                device: fixtures::FOUR_EPA.into(),
                state,
            }
        );
        assert!(e.to_string().contains("rule C9"), "{e}");
    }
    f.epa.device().set_state(DeviceState::Active)?;
    assert_eq!(jack.connected_to()?, f.epa.connector(0)?);
    Ok(())
}

/// C10: both directions: an inactive endpoint hides it from the adapter jack, and an inactive
/// adapter hides it from the endpoint (and from the other adapter over the permanent link).
#[test]
fn c10_path_not_found_in_both_directions() -> TestResult {
    let f = Four::new()?;
    let (ep, jack) = (f.epb.connector(0)?, f.mux.connector(1)?);
    for state in NON_ACTIVE {
        // endpoint inactive: adapter -> endpoint fails, endpoint -> adapter works
        f.epb.device().set_state(state)?;
        assert_eq!(hr(jack.connected_to()), HResult::ERROR_PATH_NOT_FOUND);
        assert_eq!(ep.connected_to()?, jack);
        f.epb.device().set_state(DeviceState::Active)?;

        // adapter inactive: endpoint -> adapter fails; adapter -> endpoint works while the
        // endpoint stays ACTIVE, which it does not when the adapter is NOTPRESENT or DISABLED
        // (rule B4: its endpoints are NOTPRESENT then).
        f.mux.device().set_state(state)?;
        assert_eq!(hr(ep.connected_to()), HResult::ERROR_PATH_NOT_FOUND);
        assert_eq!(
            hr(f.wav.connector(0)?.connected_to()),
            HResult::ERROR_PATH_NOT_FOUND
        );
        if state == DeviceState::Unplugged {
            assert_eq!(jack.connected_to()?, ep);
        } else {
            assert_eq!(f.epb.device().state()?, DeviceState::NotPresent, "B4");
            assert_eq!(hr(jack.connected_to()), HResult::ERROR_PATH_NOT_FOUND);
        }
        assert_eq!(f.mux.connector(3)?.connected_to()?, f.wav.connector(0)?);
        f.mux.device().set_state(DeviceState::Active)?;
    }
    Ok(())
}

/// C11 (I6): `GetConnectorIdConnectedTo` is the peer's global ID, for every connection.
#[test]
fn c11_connector_id_connected_to_is_peer_global_id() -> TestResult {
    let f = Four::new()?;
    let mut checked = 0;
    for t in f.all() {
        for i in 0..t.connector_count()? {
            let c = t.connector(i)?;
            if c.is_connected()? {
                let peer = c.connected_to()?;
                assert_eq!(c.connector_id_connected_to()?, peer.as_part().global_id()?);
                checked += 1;
            } else {
                assert_eq!(hr(c.connector_id_connected_to()), HResult::E_NOTFOUND);
            }
        }
    }
    assert_eq!(checked, 6);
    Ok(())
}

/// C12 (I12, A3): `GetDeviceIdConnectedTo` equals the peer's topology `GetDeviceId`.
#[test]
fn c12_device_id_connected_to_is_peer_topology_device_id() -> TestResult {
    let f = Four::new()?;
    let mut checked = 0;
    for t in f.all() {
        for i in 0..t.connector_count()? {
            let c = t.connector(i)?;
            if c.is_connected()? {
                let peer_topology = c.connected_to()?.as_part().topology()?;
                assert_eq!(c.device_id_connected_to()?, peer_topology.device_id()?);
                checked += 1;
            } else {
                let e = err(c.device_id_connected_to());
                assert_eq!(e.hresult(), HResult::E_NOTFOUND);
                assert!(matches!(e, Error::NotConnected { .. }));
            }
        }
    }
    assert_eq!(checked, 6);
    assert_eq!(
        f.epa.connector(0)?.device_id_connected_to()?,
        fixtures::FOUR_MUX
    );
    assert_eq!(
        f.mux.connector(3)?.device_id_connected_to()?,
        fixtures::FOUR_WAV
    );
    Ok(())
}

/// C11, C12, X22: toward a peer whose device is not ACTIVE, both ID methods give
/// ERROR_PATH_NOT_FOUND like `GetConnectedTo`.
#[test]
fn c11_c12_x22_id_methods_path_not_found_toward_inactive_peer() -> TestResult {
    let f = Four::new()?;
    let jack = f.mux.connector(1)?;
    for state in NON_ACTIVE {
        f.epb.device().set_state(state)?;
        for e in [
            err(jack.connector_id_connected_to()),
            err(jack.device_id_connected_to()),
        ] {
            assert_eq!(e.hresult(), HResult::ERROR_PATH_NOT_FOUND);
            assert!(matches!(e, Error::PeerNotActive { state: s, .. } if s == state));
        }
    }
    Ok(())
}

/// C3, C5 on a built system: the adapter IDs of the helper show up in the peer queries.
#[test]
fn c12_device_id_connected_to_on_built_system() -> TestResult {
    let ty = ConnectorType::PhysicalExternal;
    let t = adapters(&[&[(DataFlow::Out, ty)], &[(DataFlow::In, ty)]])?;
    let (a, b) = (t[0].connector(0)?, t[1].connector(0)?);
    b.connect_to(&a)?;
    assert_eq!(a.device_id_connected_to()?, adapter_id(1));
    assert_eq!(b.device_id_connected_to()?, adapter_id(0));
    assert_eq!(a.connector_id_connected_to()?, b.as_part().global_id()?);
    Ok(())
}

/// D4: an endpoint's connector connects to an adapter device (or a network), never to another
/// endpoint: ConnectTo between a render and a capture endpoint is E_INVALIDARG, and nothing
/// changes (G5).
#[test]
fn d4_endpoint_to_endpoint_is_e_invalidarg() -> TestResult {
    let mut b = SystemBuilder::new();
    let ty = ConnectorType::PhysicalExternal;
    let render = b.add_device(DeviceSpec::new(
        "{0.0.0.00000000}.{r}",
        "r",
        DeviceKind::RenderEndpoint,
    ))?;
    let capture = b.add_device(DeviceSpec::new(
        "{0.0.1.00000000}.{c}",
        "c",
        DeviceKind::CaptureEndpoint,
    ))?;
    let rc = b.add_connector(render, ConnectorSpec::new("", DataFlow::In, ty))?;
    let cc = b.add_connector(capture, ConnectorSpec::new("", DataFlow::Out, ty))?;
    let built = b.connect(rc, cc, Permanence::Transient);
    assert_eq!(hr(built), HResult::E_INVALIDARG);
    let system = b.build()?;
    let (r, c) = (system.connector(rc)?, system.connector(cc)?);
    let before = system.snapshot();
    let e = err(r.connect_to(&c));
    assert!(matches!(e, Error::EndpointToEndpoint { .. }), "{e:?}");
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(e.to_string().contains("rule D4"), "{e}");
    assert_eq!(system.snapshot(), before);
    Ok(())
}
