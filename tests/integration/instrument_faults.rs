//! Fault injection (issue 10 item 1): triggers, targets, actions, the table, G5, and the
//! one-liners users need. docs/faults-and-recording.md.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use devtopo::Method::*;
use devtopo::*;

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

fn mic(system: &System) -> Result<Connector> {
    system.device(fixtures::FOUR_EPB)?.topology()?.connector(0)
}

#[test]
fn triggers_once_nth_always_next() -> TestResult {
    let system = fixtures::four_topologies()?;
    let c = mic(&system)?;
    let hr = |r: Result<bool>| r.map_or_else(|e| e.hresult(), |_| HResult::S_OK);
    let faults = system.faults();
    let once = faults.add(Fault::on(IConnector_IsConnected))?;
    assert_eq!(
        hr(c.is_connected()),
        HResult::E_FAIL,
        "default action: E_FAIL"
    );
    assert_eq!(hr(c.is_connected()), HResult::S_OK, "once");
    assert_eq!(faults.status(once)?.state, FaultState::Spent);
    faults.clear();
    faults.add(
        Fault::on(IConnector_IsConnected)
            .nth(3)
            .fail(HResult::E_OUTOFMEMORY),
    )?;
    let got: Vec<_> = (0..4).map(|_| hr(c.is_connected())).collect();
    assert_eq!(
        got,
        [
            HResult::S_OK,
            HResult::S_OK,
            HResult::E_OUTOFMEMORY,
            HResult::S_OK
        ]
    );
    faults.clear();
    faults.add(Fault::on(IConnector_IsConnected).next(2))?;
    let got: Vec<_> = (0..3).map(|_| hr(c.is_connected())).collect();
    assert_eq!(got, [HResult::E_FAIL, HResult::E_FAIL, HResult::S_OK]);
    faults.clear();
    let always = faults.add(Fault::on(IConnector_IsConnected).always())?;
    assert!((0..5).all(|_| hr(c.is_connected()) == HResult::E_FAIL));
    let status = faults.status(always)?;
    assert_eq!(
        (status.matched, status.fired, status.state),
        (5, 5, FaultState::Armed)
    );
    faults.clear();
    assert!(c.is_connected()?);
    Ok(())
}

/// G5: a faulted mutation changes nothing and notifies no one.
#[test]
fn g5_a_faulted_call_changes_nothing() -> TestResult {
    let system = fixtures::four_topologies()?;
    let c = mic(&system)?;
    let volume = system.find_part("Input Multiplexer Device/Vol (Mic)")?;
    let level = volume.activate_as::<PerChannelDbLevel>(CLSCTX_ALL)?;
    let before = system.snapshot();
    system
        .faults()
        .add(Fault::on(IConnector_Disconnect).fail(HResult::E_OUTOFMEMORY))?;
    system
        .faults()
        .add(Fault::on(IPerChannelDbLevel_SetLevelUniform).fail(HResult::E_FAIL))?;
    let err = c.disconnect().unwrap_err();
    assert_eq!(err.hresult(), HResult::E_OUTOFMEMORY);
    assert!(matches!(
        err,
        Error::Injected {
            method: IConnector_Disconnect,
            ..
        }
    ));
    assert!(err.to_string().contains("IConnector::Disconnect"), "{err}");
    assert_eq!(
        level.set_level_uniform(-30.0, None).unwrap_err().hresult(),
        HResult::E_FAIL
    );
    assert_eq!(system.snapshot(), before, "G5");
    c.disconnect()?; // the fault was once
    assert_ne!(system.snapshot(), before);
    Ok(())
}

#[test]
fn targets_nest_part_device_anywhere() -> TestResult {
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let (c0, c1) = (mux.connector(0)?, mux.connector(1)?);
    let faults = system.faults();
    let id0 = c0.as_part().local_id()?;
    faults.add(
        Fault::on(IPart_GetName)
            .at_part(fixtures::FOUR_MUX, id0)
            .always(),
    )?;
    assert!(c0.as_part().name().is_err());
    assert!(c1.as_part().name().is_ok(), "another part");
    faults.clear();
    // A device target covers the device's own calls and its parts'.
    faults.add(
        Fault::on_any_method()
            .at_device(fixtures::FOUR_MUX)
            .always()
            .fail(HResult::AUDCLNT_E_DEVICE_INVALIDATED),
    )?;
    for r in [c0.as_part().name(), c1.as_part().name(), mux.device_id()] {
        assert_eq!(
            r.unwrap_err().hresult(),
            HResult::AUDCLNT_E_DEVICE_INVALIDATED
        );
    }
    let epb = system.device(fixtures::FOUR_EPB)?;
    assert!(epb.id().is_ok(), "another device");
    faults.clear();
    // Anywhere.
    faults.add(Fault::on(IMMDevice_GetId).always())?;
    assert!(epb.id().is_err() && mux.device().id().is_err());
    Ok(())
}

#[test]
fn the_table_lists_removes_and_refuses_bad_faults() -> TestResult {
    let system = fixtures::four_topologies()?;
    let faults = system.faults();
    let a = faults.add(Fault::on(IPart_GetName))?;
    let b = faults.add(
        Fault::on(IConnector_Disconnect)
            .always()
            .fail(HResult::E_OUTOFMEMORY),
    )?;
    let list = faults.list();
    assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), [a, b]);
    assert_eq!(
        list[1].to_string(),
        "fault 1: IConnector::Disconnect, always: fail with E_OUTOFMEMORY (matched 0, fired 0)"
    );
    assert_eq!(faults.remove(a)?.id, a);
    assert_eq!(faults.remove(a).unwrap_err().hresult(), HResult::E_NOTFOUND);
    assert_eq!(faults.status(a).unwrap_err().hresult(), HResult::E_NOTFOUND);
    for bad in [
        Fault::on(IPart_GetName).fail(HResult::S_OK),
        Fault::on(IPart_GetName).fail(HResult::S_FALSE),
        Fault::on(IPart_GetName).nth(0),
        Fault::on(IPart_GetName).next(0),
        Fault::on(IPart_GetName).hardware_then(
            HardwareAction::remove(fixtures::FOUR_EPB),
            Then::Fail(HResult::S_OK),
        ),
    ] {
        let err = faults.add(bad).unwrap_err();
        assert_eq!(err.hresult(), HResult::E_INVALIDARG, "{err}");
    }
    assert_eq!(faults.list().len(), 1);
    faults.clear();
    assert!(faults.list().is_empty());
    Ok(())
}

/// The one-liners of issue 10.
#[test]
fn one_line_faults() -> TestResult {
    let system = fixtures::four_topologies()?;
    let faults = system.faults();
    let c = mic(&system)?;
    // E_OUTOFMEMORY and E_FAIL
    faults.add(Fault::on(IPart_EnumPartsOutgoing).fail(HResult::E_OUTOFMEMORY))?;
    let jack = c.connected_to()?;
    assert_eq!(
        jack.as_part().parts_outgoing().unwrap_err().hresult(),
        HResult::E_OUTOFMEMORY
    );
    faults.add(Fault::on(IPart_GetName))?;
    assert_eq!(
        jack.as_part().name().unwrap_err().hresult(),
        HResult::E_FAIL
    );
    // ERROR_PATH_NOT_FOUND on GetConnectedTo (as if the peer were not ACTIVE, C9)
    faults.add(Fault::on(IConnector_GetConnectedTo).fail(HResult::ERROR_PATH_NOT_FOUND))?;
    assert_eq!(
        c.connected_to().unwrap_err().hresult(),
        HResult::ERROR_PATH_NOT_FOUND
    );
    // E_NOINTERFACE on Activate (IMMDevice and IPart)
    faults.add(Fault::on(IMMDevice_Activate).fail(HResult::E_NOINTERFACE))?;
    let epb = system.device(fixtures::FOUR_EPB)?;
    assert_eq!(
        epb.topology().unwrap_err().hresult(),
        HResult::E_NOINTERFACE
    );
    faults.add(Fault::on(IPart_Activate).fail(HResult::E_NOINTERFACE))?;
    let vol = system.find_part("Input Multiplexer Device/Vol (Mic)")?;
    let err = vol
        .activate_as::<PerChannelDbLevel>(CLSCTX_ALL)
        .unwrap_err();
    assert_eq!(err.hresult(), HResult::E_NOINTERFACE);
    // AUDCLNT_E_DEVICE_INVALIDATED on every call of one device
    faults.add(
        Fault::on_any_method()
            .at_device(fixtures::FOUR_EPB)
            .always()
            .fail(HResult::AUDCLNT_E_DEVICE_INVALIDATED),
    )?;
    assert_eq!(
        epb.state().unwrap_err().hresult(),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    assert_eq!(
        c.is_connected().unwrap_err().hresult(),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    Ok(())
}

/// A device goes NOTPRESENT in the middle of a walk: the hardware action runs (no lock held),
/// then the call proceeds and meets the changed world (C9: ERROR_PATH_NOT_FOUND, B5).
#[test]
fn b5_device_goes_notpresent_mid_walk() -> TestResult {
    let system = fixtures::four_topologies()?;
    let c = mic(&system)?;
    let id = system.faults().add(
        Fault::on(IConnector_GetConnectedTo)
            .at_part(fixtures::FOUR_EPB, LocalId(0x10000))
            .nth(2)
            .hardware(HardwareAction::remove(fixtures::FOUR_MUX)),
    )?;
    assert!(c.connected_to().is_ok(), "first step of the walk");
    let err = c.connected_to().unwrap_err();
    assert_eq!(err.hresult(), HResult::ERROR_PATH_NOT_FOUND, "{err}");
    assert!(
        matches!(err, Error::PeerNotActive { .. }),
        "the engine's answer: {err}"
    );
    let mux = system.device(fixtures::FOUR_MUX)?;
    assert_eq!(mux.state()?, DeviceState::NotPresent);
    assert_eq!(system.faults().status(id)?.fired, 1);
    // hardware_then(..., Then::Fail): the world changes and the call fails.
    system.hardware().reinsert(&mux)?;
    system
        .faults()
        .add(Fault::on(IConnector_GetConnectedTo).hardware_then(
            HardwareAction::Disable(DeviceId::new(fixtures::FOUR_MUX)),
            Then::Fail(HResult::E_OUTOFMEMORY),
        ))?;
    assert_eq!(
        c.connected_to().unwrap_err().hresult(),
        HResult::E_OUTOFMEMORY
    );
    assert_eq!(mux.state()?, DeviceState::Disabled);
    Ok(())
}

/// A `Run` action is test code called with no lock held: it may call devtopo, whose calls
/// meet the table too (no deadlock, the lock rule).
#[test]
fn run_action_may_call_back_in() -> TestResult {
    let system = fixtures::four_topologies()?;
    let c = mic(&system)?;
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    system.faults().add(
        Fault::on(IConnector_Disconnect).hardware(HardwareAction::Run(Arc::new(
            move |system: &System| {
                // Walk while the fault fires: every call works.
                let epb = system.device(fixtures::FOUR_EPB).expect("device");
                let peer = epb
                    .topology()
                    .and_then(|t| t.connector(0))
                    .and_then(|c| c.connected_to());
                assert!(peer.is_ok());
                seen.fetch_add(1, Ordering::SeqCst);
            },
        ))),
    )?;
    c.disconnect()?;
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert!(!c.is_connected()?);
    Ok(())
}

/// Unplugging a jack and uninstalling a device as a fault's action.
#[test]
fn x26_x27_jack_and_uninstall_actions() -> TestResult {
    let system = fixtures::sysvad_hdmi()?;
    let hdmi = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let jack = hdmi.topology()?.connector(0)?.connected_to()?;
    let r = jack.as_part();
    let topo = r.topology()?.device_id()?;
    system.faults().add(
        Fault::on(IMMDevice_GetState).hardware(HardwareAction::UnplugJack {
            device: DeviceId::new(&topo),
            local_id: r.local_id()?,
            jack: 0,
        }),
    )?;
    assert_eq!(
        hdmi.state()?,
        DeviceState::Unplugged,
        "X27, seen by the same call"
    );
    system.faults().add(
        Fault::on(IMMDevice_GetId).hardware(HardwareAction::Uninstall(DeviceId::new(
            fixtures::SYSVAD_HDMI_ENDPOINT,
        ))),
    )?;
    assert_eq!(
        hdmi.id().unwrap_err().hresult(),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    Ok(())
}

/// Methods that cannot fail on their own fail under a fault, as their COM methods can.
#[test]
fn faults_on_infallible_getters() -> TestResult {
    let system = fixtures::four_topologies()?;
    let faults = system.faults();
    faults.add(Fault::on(IPartsList_GetCount).fail(HResult::E_OUTOFMEMORY))?;
    faults.add(Fault::on(IControlInterface_GetName).fail(HResult::E_OUTOFMEMORY))?;
    faults.add(Fault::on(IMMDeviceCollection_GetCount).fail(HResult::E_OUTOFMEMORY))?;
    let c = mic(&system)?.connected_to()?;
    let list = c.as_part().parts_outgoing()?;
    assert_eq!(list.count().unwrap_err().hresult(), HResult::E_OUTOFMEMORY);
    assert_eq!(list.count()?, 1);
    let vol = system.find_part("Input Multiplexer Device/Vol (Mic)")?;
    let entry = vol.control_interface(0)?;
    assert!(entry.name().is_err());
    assert_eq!(entry.name()?, "volume");
    let all = system.enum_audio_endpoints(EDataFlow::All, DeviceState::MASK_ALL)?;
    assert!(all.count().is_err());
    assert!(all.count()? > 0);
    Ok(())
}

/// A `Run` closure's captured state is dropped after the fault table's lock: its `Drop` may
/// call devtopo, even the fault table (the lock rule).
#[test]
fn x20_a_fault_is_dropped_after_the_table_lock() -> TestResult {
    struct AddsOnDrop(System);
    impl Drop for AddsOnDrop {
        fn drop(&mut self) {
            let _ = self.0.faults().list();
            let _ = self.0.faults().add(Fault::on(IPart_GetName));
        }
    }
    let system = fixtures::four_topologies()?;
    for remove in [true, false] {
        let guard = AddsOnDrop(system.clone());
        let id = system
            .faults()
            .add(
                Fault::on(IPart_GetName).hardware(HardwareAction::Run(Arc::new(
                    move |_: &System| {
                        let _ = &guard;
                    },
                ))),
            )?;
        if remove {
            system.faults().remove(id)?;
        } else {
            system.faults().clear();
        }
        assert_eq!(system.faults().list().len(), 1, "the Drop's own fault");
        system.faults().clear();
    }
    Ok(())
}
