//! One test per decision (X item) of the core engine: X1-X13, X22, X23, X26, X35.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use devtopo::{
    Connector, ConnectorSpec, ConnectorType, DataFlow, Device, DeviceKind, DeviceSpec, DeviceState,
    DeviceTopology, Error, HResult, LocalId, MixedPaths, Part, PartType, PartsList, Permanence,
    Snapshot, Subunit, SubunitSpec, SystemBuilder, fixtures, guids,
};

use crate::core_support::{
    Four, TestResult, adapters, assert_connections_consistent, err, hr, part_ref,
};

/// X1: `ConnectTo` between different connector types is refused with E_INVALIDARG; neither
/// type changes.
#[test]
fn x1_connect_different_types_is_e_invalidarg() -> TestResult {
    let t = adapters(&[
        &[(DataFlow::Out, ConnectorType::PhysicalExternal)],
        &[(DataFlow::In, ConnectorType::PhysicalInternal)],
    ])?;
    let (a, b) = (t[0].connector(0)?, t[1].connector(0)?);
    let before = crate::core_support::snapshot(&t[0]);
    for (x, y) in [(&a, &b), (&b, &a)] {
        let e = err(x.connect_to(y));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert!(matches!(e, Error::ConnectorTypeMismatch { .. }));
        assert!(e.to_string().contains("X1"), "{e}");
    }
    assert_eq!(a.connector_type()?, ConnectorType::PhysicalExternal);
    assert_eq!(b.connector_type()?, ConnectorType::PhysicalInternal);
    assert_eq!(crate::core_support::snapshot(&t[0]), before);
    Ok(())
}

/// X2: `ConnectTo` of a connector to itself is E_INVALIDARG (same flow).
#[test]
fn x2_connect_to_itself_is_e_invalidarg() -> TestResult {
    let t = adapters(&[&[(DataFlow::In, ConnectorType::PhysicalInternal)]])?;
    let c = t[0].connector(0)?;
    let e = err(c.connect_to(&c));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(matches!(e, Error::SameDataFlow { .. }));
    assert!(!c.is_connected()?);
    Ok(())
}

/// X3: `ConnectTo` between two connectors of one device is E_INVALIDARG.
#[test]
fn x3_connect_same_device_is_e_invalidarg() -> TestResult {
    let ty = ConnectorType::PhysicalInternal;
    let t = adapters(&[&[(DataFlow::Out, ty), (DataFlow::In, ty)]])?;
    let (a, b) = (t[0].connector(0)?, t[0].connector(1)?);
    let e = err(a.connect_to(&b));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(matches!(e, Error::SameDevice { .. }));
    assert!(!a.is_connected()? && !b.is_connected()?);
    Ok(())
}

/// X4 (A16): precedence of the `ConnectTo` errors: foreign system, removed device, same flow,
/// Software_IO/Network end, same device, type mismatch, already attached. Each case below has
/// the winning error and at least the next one applying.
#[test]
fn x4_connect_error_precedence() -> TestResult {
    let f = Four::new()?;
    let before = f.snapshot();
    let c = |t: &DeviceTopology, i| t.connector(i);

    // A16: same flow beats already attached (both EPA.c0 and EPB.c0 are attached).
    let e = err(c(&f.epa, 0)?.connect_to(&c(&f.epb, 0)?));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(matches!(e, Error::SameDataFlow { .. }));
    // A16 first part: already attached alone.
    assert_eq!(
        hr(c(&f.epb, 0)?.connect_to(&c(&f.mux, 0)?)),
        HResult::ERROR_DEVICE_ALREADY_ATTACHED
    );
    // Same flow beats Software_IO end: WAV.c1 (Out, IO) and EPA.c0 (Out).
    let e = err(c(&f.wav, 1)?.connect_to(&c(&f.epa, 0)?));
    assert!(matches!(e, Error::SameDataFlow { .. }), "{e:?}");
    // Software_IO end beats same device: WAV.c1 (Out, IO) and WAV.c0 (In).
    let e = err(c(&f.wav, 1)?.connect_to(&c(&f.wav, 0)?));
    assert_eq!(
        e,
        Error::TopologyEdge {
            part: part_ref(fixtures::FOUR_WAV, 0x10001),
            connector_type: ConnectorType::SoftwareIo,
        }
    );
    // Same device beats type mismatch and attached: MUX.c2 (In, internal) and MUX.c3 (Out,
    // fixed, attached).
    let e = err(c(&f.mux, 2)?.connect_to(&c(&f.mux, 3)?));
    assert!(matches!(e, Error::SameDevice { .. }), "{e:?}");
    // Type mismatch beats attached: EPA.c0 (Out, external, attached) and WAV.c0 (In, fixed,
    // attached).
    let e = err(c(&f.epa, 0)?.connect_to(&c(&f.wav, 0)?));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(matches!(e, Error::ConnectorTypeMismatch { .. }), "{e:?}");
    // Foreign beats everything, even same flow on attached connectors.
    let other = Four::new()?;
    assert_eq!(
        hr(c(&f.epa, 0)?.connect_to(&c(&other.epb, 0)?)),
        HResult::E_NOINTERFACE
    );
    assert_eq!(f.snapshot(), before);
    Ok(())
}

/// X5 (A17): `Disconnect` unconnects both ends; the peer's own `Disconnect` is then
/// E_NOTFOUND; reconnecting restores the original snapshot.
#[test]
fn x5_disconnect_unconnects_peer_and_reconnect_restores() -> TestResult {
    let f = Four::new()?;
    let original = f.snapshot();
    let (ep, jack) = (f.epb.connector(0)?, f.mux.connector(1)?);
    ep.disconnect()?;
    assert!(!jack.is_connected()?);
    assert_eq!(jack.permanence()?, None);
    assert_eq!(hr(jack.connected_to()), HResult::E_NOTFOUND);
    let e = err(jack.disconnect());
    assert_eq!(e.hresult(), HResult::E_NOTFOUND);
    assert_eq!(
        e,
        Error::NotConnected {
            part: part_ref(fixtures::FOUR_MUX, 0x10001)
        }
    );
    assert_ne!(f.snapshot(), original);
    ep.connect_to(&jack)?;
    assert_eq!(f.snapshot(), original);
    Ok(())
}

/// X6: `Disconnect` on Software_IO and Network connectors is E_NOTFOUND (they never have a
/// peer), and `ConnectTo` with one is E_INVALIDARG.
#[test]
fn x6_software_io_and_network_disconnect_is_e_notfound() -> TestResult {
    let t = adapters(&[
        &[
            (DataFlow::Out, ConnectorType::SoftwareIo),
            (DataFlow::Out, ConnectorType::Network),
        ],
        &[
            (DataFlow::In, ConnectorType::SoftwareIo),
            (DataFlow::In, ConnectorType::Network),
        ],
    ])?;
    for i in 0..2 {
        let (a, b) = (t[0].connector(i)?, t[1].connector(i)?);
        let e = err(a.disconnect());
        assert_eq!(e.hresult(), HResult::E_NOTFOUND);
        assert!(matches!(e, Error::NotConnected { .. }));
        let e = err(a.connect_to(&b));
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert!(matches!(e, Error::TopologyEdge { .. }));
        assert!(e.to_string().contains("rule D12"), "{e}");
    }
    let f = Four::new()?;
    assert_eq!(hr(f.wav.connector(1)?.disconnect()), HResult::E_NOTFOUND);
    Ok(())
}

/// X7: `ConnectTo` never creates a permanent link, even between two Software_Fixed
/// connectors, and changes no type.
#[test]
fn x7_connect_to_is_never_permanent() -> TestResult {
    let fixed = ConnectorType::SoftwareFixed;
    let t = adapters(&[&[(DataFlow::Out, fixed)], &[(DataFlow::In, fixed)]])?;
    let (a, b) = (t[0].connector(0)?, t[1].connector(0)?);
    a.connect_to(&b)?;
    assert_eq!(a.permanence()?, Some(Permanence::Transient));
    assert_eq!(b.permanence()?, Some(Permanence::Transient));
    assert_eq!((a.connector_type()?, b.connector_type()?), (fixed, fixed));
    b.disconnect()?;
    assert!(!a.is_connected()?);
    // The fixture's reconnected endpoint link is transient too.
    let f = Four::new()?;
    let ep = f.epa.connector(0)?;
    ep.disconnect()?;
    ep.connect_to(&f.mux.connector(0)?)?;
    assert_eq!(ep.permanence()?, Some(Permanence::Transient));
    assert_eq!(ep.connector_type()?, ConnectorType::PhysicalExternal);
    Ok(())
}

/// X8: `ConnectTo`/`Disconnect` work whatever the device states. States follow the one
/// state rule (issue 7 item 6): an unconnected endpoint is NOTPRESENT (B2), an endpoint of a
/// NOTPRESENT or DISABLED adapter is NOTPRESENT (B4), and a reconnection restores the state.
#[test]
fn x8_connect_disconnect_with_inactive_devices() -> TestResult {
    for (ep_state, mux_state, ep_effective) in [
        (
            DeviceState::Unplugged,
            DeviceState::Active,
            DeviceState::Unplugged,
        ),
        (
            DeviceState::Disabled,
            DeviceState::NotPresent,
            DeviceState::NotPresent,
        ),
        (
            DeviceState::NotPresent,
            DeviceState::Disabled,
            DeviceState::NotPresent,
        ),
    ] {
        let f = Four::new()?;
        f.epb.device().set_state(ep_state)?;
        f.mux.device().set_state(mux_state)?;
        assert_eq!(f.epb.device().state()?, ep_effective);
        let (ep, jack) = (f.epb.connector(0)?, f.mux.connector(1)?);
        ep.disconnect()?;
        assert!(!jack.is_connected()?);
        assert_eq!(f.epb.device().state()?, DeviceState::NotPresent, "B2");
        jack.connect_to(&ep)?;
        assert!(ep.is_connected()? && jack.is_connected()?);
        assert_eq!(f.epb.device().state()?, ep_effective);
        assert_eq!(f.mux.device().state()?, mux_state);
        assert_eq!(hr(jack.connected_to()), HResult::ERROR_PATH_NOT_FOUND);
        if mux_state == DeviceState::Active {
            assert_eq!(ep.connected_to()?, jack);
        }
    }
    Ok(())
}

/// X9: local IDs are `0x0001_xxxx` for connectors and `0x0002_xxxx` for subunits, KS ID in the
/// low 16 bits.
#[test]
fn x9_local_id_families() -> TestResult {
    let f = Four::new()?;
    for t in f.all() {
        for i in 0..t.connector_count()? {
            assert_eq!(
                t.connector(i)?.as_part().local_id()?.0 & 0xFFFF_0000,
                0x0001_0000
            );
        }
        for i in 0..t.subunit_count()? {
            let id = t.subunit(i)?.as_part().local_id()?;
            assert_eq!(id.0 & 0xFFFF_0000, 0x0002_0000);
            assert_eq!(u32::from(id.ks_id()), i);
        }
    }
    Ok(())
}

/// X10: the global ID is `<device ID>/<local ID in 8 hex digits>`, stable across builds.
#[test]
fn x10_global_id_format_and_stability() -> TestResult {
    let f = Four::new()?;
    let s6 = f.mux.subunit(6)?;
    let expected = format!("{}/00020006", fixtures::FOUR_MUX);
    assert_eq!(s6.as_part().global_id()?, expected);
    assert_eq!(
        f.epa.connector(0)?.as_part().global_id()?,
        format!("{}/00010000", fixtures::FOUR_EPA)
    );
    assert_eq!(
        Four::new()?.mux.subunit(6)?.as_part().global_id()?,
        expected
    );
    Ok(())
}

/// X11: `GetConnector(n)`/`GetSubunit(n)` follow creation order, whatever the local IDs.
#[test]
fn x11_index_is_creation_order() -> TestResult {
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.x11", "x11", DeviceKind::Adapter))?;
    let ty = ConnectorType::PhysicalInternal;
    for (n, pin) in [7u16, 3, 5].into_iter().enumerate() {
        b.add_connector(
            d,
            ConnectorSpec::new(format!("c{n}"), DataFlow::In, ty).local_id(LocalId::connector(pin)),
        )?;
    }
    for (n, node) in [9u16, 1].into_iter().enumerate() {
        b.add_subunit(
            d,
            SubunitSpec::new(format!("s{n}"), guids::KSNODETYPE_MUTE)
                .control(devtopo::ControlSpec::Mute(false))
                .local_id(LocalId::subunit(node)),
        )?;
    }
    let t = b.build()?.topology(d)?;
    let cs: Vec<(String, u32)> = (0..3)
        .map(|i| {
            let p = t.connector(i)?;
            Ok((p.as_part().name()?, p.as_part().local_id()?.0))
        })
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(
        cs,
        [
            ("c0".to_owned(), 0x10007),
            ("c1".to_owned(), 0x10003),
            ("c2".to_owned(), 0x10005)
        ]
    );
    assert_eq!(t.subunit(0)?.as_part().local_id()?, LocalId(0x20009));
    assert_eq!(t.subunit(1)?.as_part().local_id()?, LocalId(0x20001));
    Ok(())
}

/// X12: EnumParts lists are in link-creation order and are snapshots.
#[test]
fn x12_enum_parts_order_and_snapshot() -> TestResult {
    let f = Four::new()?;
    let incoming = f.mux.subunit(6)?.as_part().parts_incoming()?;
    let ids: Vec<u32> = incoming
        .iter()
        .map(|p| Ok(p.local_id()?.0))
        .collect::<devtopo::Result<_>>()?;
    assert_eq!(ids, [0x20001, 0x20003, 0x20005]);
    f.epa.connector(0)?.disconnect()?;
    f.epb.connector(0)?.disconnect()?;
    assert_eq!(incoming.count()?, 3);
    assert_eq!(f.mux.subunit(6)?.as_part().parts_incoming()?, incoming);
    Ok(())
}

/// X13: `from == to` gives [from]; a MUX is not a mixer; parts of another topology give
/// E_INVALIDARG; of several paths the shortest is returned (see rules_topology for more).
#[test]
fn x13_signal_path_decisions() -> TestResult {
    let f = Four::new()?;
    let c1 = f.mux.connector(1)?;
    let single = f.mux.signal_path(&c1, &c1, MixedPaths::Allow)?;
    assert_eq!(single.count()?, 1);
    assert_eq!(&single.part(0)?, c1.as_part());
    let through_mux = f
        .mux
        .signal_path(&c1, f.mux.connector(3)?, MixedPaths::Reject)?;
    assert_eq!(through_mux.count()?, 5);
    let e = err(f
        .mux
        .signal_path(f.epb.connector(0)?, &c1, MixedPaths::Allow));
    assert_eq!(e.hresult(), HResult::E_INVALIDARG);
    assert!(e.to_string().contains("X13"), "{e}");
    Ok(())
}

/// X22: toward an inactive peer, `GetConnectorIdConnectedTo` and `GetDeviceIdConnectedTo` give
/// ERROR_PATH_NOT_FOUND (like `GetConnectedTo`), not E_NOTFOUND; back to ACTIVE they work.
#[test]
fn x22_id_methods_toward_inactive_peer() -> TestResult {
    let f = Four::new()?;
    let out = f.mux.connector(3)?;
    f.wav.device().set_state(DeviceState::NotPresent)?;
    assert_eq!(
        hr(out.connector_id_connected_to()),
        HResult::ERROR_PATH_NOT_FOUND
    );
    assert_eq!(
        hr(out.device_id_connected_to()),
        HResult::ERROR_PATH_NOT_FOUND
    );
    assert_eq!(hr(out.connected_to()), HResult::ERROR_PATH_NOT_FOUND);
    f.wav.device().set_state(DeviceState::Active)?;
    assert_eq!(out.device_id_connected_to()?, fixtures::FOUR_WAV);
    assert_eq!(
        out.connector_id_connected_to()?,
        f.wav.connector(0)?.as_part().global_id()?
    );
    Ok(())
}

/// X23: a Network connector is never connected; an endpoint connector may be unconnected
/// after `Disconnect` and its topology stays valid.
#[test]
fn x23_network_never_connected_endpoint_may_be_unconnected() -> TestResult {
    let t = adapters(&[
        &[(DataFlow::Out, ConnectorType::Network)],
        &[(DataFlow::In, ConnectorType::Network)],
    ])?;
    let (a, b) = (t[0].connector(0)?, t[1].connector(0)?);
    assert_eq!(hr(a.connect_to(&b)), HResult::E_INVALIDARG);
    for c in [&a, &b] {
        assert!(!c.is_connected()?);
        assert_eq!(hr(c.connected_to()), HResult::E_NOTFOUND);
        assert_eq!(hr(c.device_id_connected_to()), HResult::E_NOTFOUND);
    }
    let f = Four::new()?;
    let ep = f.epa.connector(0)?;
    ep.disconnect()?;
    assert!(!ep.is_connected()?);
    assert_eq!(hr(ep.connected_to()), HResult::E_NOTFOUND);
    assert_eq!(hr(ep.connector_id_connected_to()), HResult::E_NOTFOUND);
    assert_eq!(f.epa.connector_count()?, 1);
    assert_eq!(f.epa.device_id()?, fixtures::FOUR_EPA);
    Ok(())
}

/// Every fallible call on a removed device's handles, as (what, result code).
fn calls_on_removed(
    device: &Device,
    topology: &DeviceTopology,
    connector: &Connector,
    part: &Part,
    live: &Connector,
) -> Vec<(&'static str, HResult)> {
    let mut out = Vec::new();
    let mut push = |what, code: HResult| out.push((what, code));
    push("Device::id", hr(device.id()));
    push("Device::name", hr(device.name()));
    push("Device::kind", hr(device.kind()));
    push("Device::state", hr(device.state()));
    push(
        "Device::set_state",
        hr(device.set_state(DeviceState::Active)),
    );
    push("Device::topology", hr(device.topology()));
    push("connector_count", hr(topology.connector_count()));
    push("subunit_count", hr(topology.subunit_count()));
    push("connector", hr(topology.connector(0)));
    push("subunit", hr(topology.subunit(0)));
    push("part_by_id", hr(topology.part_by_id(LocalId(0x10000))));
    push("device_id", hr(topology.device_id()));
    push(
        "signal_path",
        hr(topology.signal_path(part, part, MixedPaths::Allow)),
    );
    push("connector_type", hr(connector.connector_type()));
    push("data_flow", hr(connector.data_flow()));
    push("is_connected", hr(connector.is_connected()));
    push("permanence", hr(connector.permanence()));
    push("disconnect", hr(connector.disconnect()));
    push("connect_to", hr(connector.connect_to(live)));
    push("connect_to (argument)", hr(live.connect_to(connector)));
    push("connected_to", hr(connector.connected_to()));
    push(
        "connector_id_connected_to",
        hr(connector.connector_id_connected_to()),
    );
    push(
        "device_id_connected_to",
        hr(connector.device_id_connected_to()),
    );
    push("name", hr(part.name()));
    push("local_id", hr(part.local_id()));
    push("global_id", hr(part.global_id()));
    push("part_type", hr(part.part_type()));
    push("subtype", hr(part.subtype()));
    push("parts_incoming", hr(part.parts_incoming()));
    push("parts_outgoing", hr(part.parts_outgoing()));
    push("topology", hr(part.topology()));
    push(
        "as_connector()?.name",
        hr(part.as_connector().and_then(|c| c.as_part().name())),
    );
    out
}

/// X26: after `System::remove_device`, every handle of the device and its parts gives
/// AUDCLNT_E_DEVICE_INVALIDATED (also as `ConnectTo`'s argument), but for `QueryInterface`
/// (`as_connector`, `as_subunit`), which keeps the part's interface set (X73); its former peer
/// is unconnected; the ID is gone from the system.
#[test]
fn x26_x73_removed_device_handles_are_invalidated() -> TestResult {
    let f = Four::new()?;
    let sys = f.epa.device().system();
    let (device, connector) = (f.epa.device(), f.epa.connector(0)?);
    let part = connector.as_part().clone();
    let jack = f.mux.connector(0)?;
    let live = f.mux.connector(2)?;
    sys.remove_device(fixtures::FOUR_EPA)?;

    let before = sys.snapshot();
    for (what, code) in calls_on_removed(&device, &f.epa, &connector, &part, &live) {
        assert_eq!(code, HResult::AUDCLNT_E_DEVICE_INVALIDATED, "{what}");
    }
    assert_eq!(
        sys.snapshot(),
        before,
        "calls on removed handles changed the system"
    );
    let e = err(connector.disconnect());
    assert_eq!(
        e,
        Error::DeviceRemoved {
            device: fixtures::FOUR_EPA.into()
        }
    );
    assert!(e.to_string().contains("X26"), "{e}");
    // X73: QueryInterface is the exception: a part's interface set is its type's, also once
    // removed (the connector's methods then answer X26's code, above).
    assert_eq!(part.as_connector()?, connector);
    assert_eq!(hr(part.as_subunit()), HResult::E_NOINTERFACE);
    assert_eq!(part.key().part_type(), PartType::Connector);
    assert_eq!(part.key().local_id(), LocalId(0x10000));
    // The key keeps the device's kind too (devtopo-com's IMMEndpoint answer, X45, X73).
    assert!(device.key().kind().is_endpoint());
    assert_eq!(hr(device.kind()), HResult::AUDCLNT_E_DEVICE_INVALIDATED);

    // The former peer is not connected any more, and can be connected again.
    assert!(!jack.is_connected()?);
    assert_eq!(hr(jack.connected_to()), HResult::E_NOTFOUND);
    assert_eq!(hr(jack.disconnect()), HResult::E_NOTFOUND);
    f.epb.connector(0)?.disconnect()?;
    f.epb.connector(0)?.connect_to(&jack)?;

    // The ID is gone.
    assert_eq!(hr(sys.device(fixtures::FOUR_EPA)), HResult::E_NOTFOUND);
    assert_eq!(
        hr(sys.remove_device(fixtures::FOUR_EPA)),
        HResult::E_NOTFOUND
    );
    assert_eq!(sys.devices().len(), 3);
    assert!(
        sys.snapshot()
            .devices
            .iter()
            .all(|d| d.id != fixtures::FOUR_EPA)
    );
    assert_connections_consistent(&sys.snapshot());
    Ok(())
}

/// X26: removing an adapter drops its permanent connection too; its subunits and earlier
/// parts lists are invalidated; the endpoints see "not connected", not "not active".
#[test]
fn x26_removed_adapter_drops_permanent_link_and_subunits() -> TestResult {
    let f = Four::new()?;
    let sys = f.mux.device().system();
    let s6: Subunit = f.mux.subunit(6)?;
    let list: PartsList = s6.as_part().parts_incoming()?;
    sys.remove_device(fixtures::FOUR_MUX)?;
    assert_eq!(
        hr(s6.as_part().name()),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    assert_eq!(list.count()?, 3);
    assert_eq!(
        hr(list.part(0)?.local_id()),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    let wav_in = f.wav.connector(0)?;
    assert!(!wav_in.is_connected()?);
    assert_eq!(hr(wav_in.disconnect()), HResult::E_NOTFOUND);
    for ep in [&f.epa, &f.epb] {
        let c = ep.connector(0)?;
        assert!(!c.is_connected()?);
        assert_eq!(hr(c.connected_to()), HResult::E_NOTFOUND);
    }
    assert_connections_consistent(&sys.snapshot());
    Ok(())
}

/// X26: a device with the same ID in another system (the public API has no way to re-add a
/// device to a live system) is never reached through the old handles.
#[test]
fn x26_same_id_elsewhere_not_reachable_via_old_handles() -> TestResult {
    let f = Four::new()?;
    let old = f.epa.device();
    let old_connector = f.epa.connector(0)?;
    old.system().remove_device(fixtures::FOUR_EPA)?;
    let again = Four::new()?;
    let new = again.epa.device();
    assert_eq!(new.id()?, fixtures::FOUR_EPA);
    assert_ne!(old, new);
    assert_ne!(old_connector, again.epa.connector(0)?);
    assert_eq!(hr(old.id()), HResult::AUDCLNT_E_DEVICE_INVALIDATED);
    assert_eq!(
        hr(old_connector.is_connected()),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    Ok(())
}

fn send_sync<T: Send + Sync + 'static>() {}

fn send_sync_value<T: Send + Sync + Clone + 'static>(_: &T) {}

/// X35: every handle, the system, snapshots and errors are `Send + Sync` (compile-time).
#[test]
fn x35_handles_are_send_and_sync() -> TestResult {
    send_sync::<Device>();
    send_sync::<DeviceTopology>();
    send_sync::<Connector>();
    send_sync::<Part>();
    send_sync::<Subunit>();
    send_sync::<PartsList>();
    send_sync::<Snapshot>();
    send_sync::<Error>();
    send_sync::<SystemBuilder>();
    let system = fixtures::four_topologies()?;
    send_sync_value(&system);
    assert!(system.same_system(&system.clone()));
    Ok(())
}

/// X35: `ConnectTo`/`Disconnect`/`set_state` from several threads on one system keep every
/// invariant: snapshots taken at any time are consistent, every call gives Ok or an expected
/// code, the permanent link never changes.
#[test]
fn x35_concurrent_connect_disconnect_keeps_invariants() -> TestResult {
    let f = Four::new()?;
    let sys = f.mux.device().system();
    let ends: Arc<Vec<Connector>> = Arc::new(vec![
        f.epa.connector(0)?,
        f.epb.connector(0)?,
        f.mux.connector(0)?,
        f.mux.connector(1)?,
        f.mux.connector(3)?,
        f.wav.connector(0)?,
    ]);
    let devices = Arc::new(vec![f.epa.device(), f.epb.device()]);
    let successes = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..4usize)
        .map(|k| {
            let ends = Arc::clone(&ends);
            let devices = Arc::clone(&devices);
            let successes = Arc::clone(&successes);
            let sys = sys.clone();
            thread::spawn(move || -> Result<(), String> {
                let mut seed = k as u64 * 7919 + 1;
                for _ in 0..300 {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let r = (seed >> 33) as usize;
                    let (ep, jack) = (&ends[r % 2], &ends[2 + (r / 2) % 2]);
                    let result = match (r / 4) % 5 {
                        0 => ep.connect_to(jack),
                        1 => jack.connect_to(ep),
                        2 => ep.disconnect(),
                        3 => jack.disconnect(),
                        _ => devices[r % 2]
                            .set_state(DeviceState::ALL[(r / 8) % 4])
                            .and_then(|()| ends[4 + (r / 2) % 2].disconnect()),
                    };
                    match result {
                        Ok(()) => {
                            successes.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(e) => {
                            let ok = [
                                HResult::E_NOTFOUND,
                                HResult::ERROR_DEVICE_ALREADY_ATTACHED,
                                HResult::ERROR_FILE_READ_ONLY,
                            ];
                            if !ok.contains(&e.hresult()) {
                                return Err(format!("unexpected {e}"));
                            }
                        }
                    }
                    let snap = sys.snapshot();
                    assert_connections_consistent(&snap);
                    if ends[4].permanence().map_err(|e| e.to_string())?
                        != Some(Permanence::Permanent)
                    {
                        return Err("permanent link changed".into());
                    }
                }
                Ok(())
            })
        })
        .collect();
    for h in handles {
        h.join().map_err(|_| "thread panicked")??;
    }
    assert!(successes.load(Ordering::Relaxed) > 0);
    let snap = sys.snapshot();
    assert_connections_consistent(&snap);
    assert_eq!(ends[4].connected_to().ok(), Some(ends[5].clone()));
    for ep in &ends[..2] {
        if ep.is_connected()? {
            let peer = ep.permanence()?;
            assert_eq!(peer, Some(Permanence::Transient));
        }
    }
    Ok(())
}
