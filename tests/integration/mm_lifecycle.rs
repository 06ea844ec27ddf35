//! Rules B1-B10, X49, X63-X65, X68: device life cycle.

use devtopo::{
    DeviceState, EDataFlow, ERole, EndpointEvent, EndpointEventLog, HResult, STGM_READ, fixtures,
    pkey,
};

type R = Result<(), Box<dyn std::error::Error>>;

/// B1, X49, Y8: whole devices arrive in a live system: one OnDeviceAdded per new endpoint,
/// then the defaults move to it when it is the first of its flow (Y9); the store is derived
/// on arrival (B1); arrival of a taken ID changes nothing (G5).
#[test]
fn b1_x49_arrival() -> R {
    let system = fixtures::sysvad_speaker()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let mic = fixtures::sysvad_mic_in()?;
    let added = system.add_devices(&mic)?;
    assert_eq!(added.len(), 3);
    let events = log.take();
    assert_eq!(
        events[0],
        EndpointEvent::Added {
            device_id: fixtures::SYSVAD_MICIN_ENDPOINT.to_owned()
        }
    );
    assert!(events.contains(&EndpointEvent::DefaultChanged {
        flow: EDataFlow::Capture,
        role: ERole::Console,
        device_id: Some(fixtures::SYSVAD_MICIN_ENDPOINT.to_owned()),
    }));
    let ep = system.device(fixtures::SYSVAD_MICIN_ENDPOINT)?;
    assert_eq!(ep.state()?, DeviceState::Active);
    assert!(
        ep.open_property_store(STGM_READ)?
            .value(&pkey::PKEY_Device_FriendlyName)?
            .as_str()
            .is_some()
    );
    // The copy is independent of the source system.
    system.hardware().disable(&ep)?;
    assert_eq!(
        mic.device(fixtures::SYSVAD_MICIN_ENDPOINT)?.state()?,
        DeviceState::Active
    );
    log.take();
    let before = system.snapshot();
    let again = system.add_devices(&mic);
    assert_eq!(
        again.map(|_| ()).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    assert_eq!(system.snapshot(), before, "G5");
    let onto_itself = system.add_devices(&system);
    assert_eq!(
        onto_itself.map(|_| ()).unwrap_err().hresult(),
        HResult::E_INVALIDARG,
        "no deadlock, a taken ID"
    );
    assert!(log.take().is_empty());
    Ok(())
}

/// B4, B5, B6, Y6, Y7: a USB unplug (adapters removed) makes the endpoints NOTPRESENT with
/// no added/removed events; the replug restores ACTIVE with the same IDs and stores.
#[test]
fn b4_b5_b6_b7_y7_usb_unplug_and_replug() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let ep = system.device(fixtures::SYSVAD_MICIN_ENDPOINT)?;
    let store = ep.open_property_store(STGM_READ)?.entries()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let topo = system.device(fixtures::SYSVAD_MICIN_TOPO)?;
    let wave = system.device(fixtures::SYSVAD_MICIN_WAVE)?;
    system.hardware().remove(&topo)?;
    system.hardware().remove(&wave)?;
    assert_eq!(ep.state()?, DeviceState::NotPresent, "B5: not UNPLUGGED");
    assert!(
        log.events().iter().all(|e| !matches!(
            e,
            EndpointEvent::Added { .. } | EndpointEvent::Removed { .. }
        )),
        "Y7"
    );
    assert_eq!(
        system.endpoints(EDataFlow::Capture, DeviceState::NotPresent.value())?,
        vec![ep.clone()],
        "B6, B7: the record stays, shown by the NOTPRESENT mask"
    );
    system.hardware().reinsert(&topo)?;
    system.hardware().reinsert(&wave)?;
    assert_eq!(ep.state()?, DeviceState::Active);
    assert_eq!(ep.open_property_store(STGM_READ)?.entries()?, store, "B6");
    Ok(())
}

/// B4, X68: NOTPRESENT over DISABLED over UNPLUGGED; undoing one condition restores ACTIVE
/// only when no other holds; the Mmsys DISABLED flag survives an adapter removal.
#[test]
fn b4_x68_precedence() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let ep = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let topo = system.device(fixtures::SYSVAD_HDMI_TOPO)?;
    let jack = topo.topology()?.connector(1)?;
    let hw = system.hardware();
    hw.unplug_jack(&jack, 0)?;
    hw.disable(&ep)?;
    assert_eq!(ep.state()?, DeviceState::Disabled);
    hw.remove(&topo)?;
    assert_eq!(ep.state()?, DeviceState::NotPresent);
    hw.reinsert(&topo)?;
    assert_eq!(
        ep.state()?,
        DeviceState::Disabled,
        "X68: the DISABLED flag is kept"
    );
    hw.enable(&ep)?;
    assert_eq!(
        ep.state()?,
        DeviceState::Unplugged,
        "B4: the empty jack still holds"
    );
    hw.plug_jack(&jack, 0)?;
    assert_eq!(ep.state()?, DeviceState::Active);
    // Device Manager disable of the adapter (B4): NOTPRESENT for its endpoints.
    hw.disable(&topo)?;
    assert_eq!(ep.state()?, DeviceState::NotPresent);
    assert_eq!(
        topo.state()?,
        DeviceState::Disabled,
        "X65: the adapter itself reads DISABLED"
    );
    Ok(())
}

/// B5 (Bluetooth): a disconnect leaves the endpoints UNPLUGGED, a connect ACTIVE.
#[test]
fn b5_bluetooth_disconnect_is_unplugged() -> R {
    let system = fixtures::sysvad_speaker()?;
    let ep = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    system.hardware().unplug(&ep)?;
    assert_eq!(ep.state()?, DeviceState::Unplugged);
    system.hardware().plug(&ep)?;
    assert_eq!(ep.state()?, DeviceState::Active);
    Ok(())
}

/// B9, X65: when an endpoint leaves ACTIVE, GetConnectedTo from the adapter's jack gives
/// ERROR_PATH_NOT_FOUND while endpoint-to-adapter keeps working; with the adapter gone, the
/// endpoint side fails too.
#[test]
fn b9_x65_connected_to_after_state_changes() -> R {
    let system = fixtures::sysvad_speaker()?;
    let ep = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let c = ep.topology()?.connector(0)?;
    let jack = c.connected_to()?;
    system.hardware().unplug(&ep)?;
    assert_eq!(
        jack.connected_to().unwrap_err().hresult(),
        HResult::ERROR_PATH_NOT_FOUND
    );
    assert_eq!(c.connected_to()?, jack, "B9");
    system
        .hardware()
        .remove(&system.device(fixtures::SYSVAD_SPEAKER_TOPO)?)?;
    assert_eq!(
        c.connected_to().unwrap_err().hresult(),
        HResult::ERROR_PATH_NOT_FOUND,
        "X65"
    );
    assert!(
        system.device(fixtures::SYSVAD_SPEAKER_TOPO).is_ok(),
        "X65: GetDevice still S_OK"
    );
    Ok(())
}

/// B8, X63, X64: an uninstalled endpoint's record is gone: OnDeviceRemoved, GetDevice
/// E_NOTFOUND, its handles AUDCLNT_E_DEVICE_INVALIDATED (X26 kept); its adapter's other
/// endpoints are untouched; the endpoint that was default hands the role on (B10).
#[test]
fn b8_x63_x64_uninstall() -> R {
    let system = fixtures::sysvad()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let speaker = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    system.remove_device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let events = log.take();
    assert_eq!(
        events[0],
        EndpointEvent::Removed {
            device_id: fixtures::SYSVAD_SPEAKER_ENDPOINT.to_owned()
        }
    );
    assert!(events.contains(&EndpointEvent::DefaultChanged {
        flow: EDataFlow::Render,
        role: ERole::Console,
        device_id: Some(fixtures::SYSVAD_HDMI_ENDPOINT.to_owned())
    }));
    assert_eq!(
        system
            .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)
            .unwrap_err()
            .hresult(),
        HResult::E_NOTFOUND
    );
    assert_eq!(
        speaker.state().unwrap_err().hresult(),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    // Uninstalling an adapter leaves its endpoint unconnected: NOTPRESENT (B2).
    system.remove_device(fixtures::SYSVAD_HDMI_TOPO)?;
    assert_eq!(
        system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?.state()?,
        DeviceState::NotPresent
    );
    Ok(())
}
