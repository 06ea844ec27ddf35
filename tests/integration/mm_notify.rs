//! Rules V13-V15 and Y1-Y14, X40, X47-X52: endpoint notifications.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use devtopo::{
    DeviceState, EDataFlow, ERole, EndpointEvent, EndpointEventLog, HResult, MMNotificationClient,
    PropVariant, STGM_READWRITE, fixtures, pkey,
};

type R = Result<(), Box<dyn std::error::Error>>;

fn state(id: &str, s: DeviceState) -> EndpointEvent {
    EndpointEvent::StateChanged {
        device_id: id.to_owned(),
        new_state: s,
    }
}

fn default(flow: EDataFlow, role: ERole, id: Option<&str>) -> EndpointEvent {
    EndpointEvent::DefaultChanged {
        flow,
        role,
        device_id: id.map(str::to_owned),
    }
}

/// V13, V14, X40: registrations are a multiset keyed by the sink: twice registered, twice
/// called, and two Unregisters succeed before the third is E_NOTFOUND.
#[test]
fn y1_v13_v14_v15_x40_multiset_registration() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let log = EndpointEventLog::new();
    let other = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    system.register_endpoint_notification_callback(log.clone())?;
    assert_eq!(
        system
            .unregister_endpoint_notification_callback(&*other)
            .unwrap_err()
            .hresult(),
        HResult::E_NOTFOUND,
        "V14: unknown sink"
    );
    let ep = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    system.hardware().disable(&ep)?;
    let events = log.take();
    let disabled = state(fixtures::SYSVAD_HDMI_ENDPOINT, DeviceState::Disabled);
    assert_eq!(events.iter().filter(|e| **e == disabled).count(), 2, "X40");
    system.unregister_endpoint_notification_callback(&*log)?;
    system.unregister_endpoint_notification_callback(&*log)?;
    assert_eq!(
        system
            .unregister_endpoint_notification_callback(&*log)
            .unwrap_err()
            .hresult(),
        HResult::E_NOTFOUND
    );
    system.hardware().enable(&ep)?;
    assert!(log.take().is_empty());
    Ok(())
}

/// Y6, Y9, X50, B10: unplugging the only render endpoint sends its state change, then one
/// OnDefaultDeviceChanged per role with no ID (eConsole, eMultimedia, eCommunications).
#[test]
fn y6_y9_x50_b10_unplug_default_endpoint() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    system.hardware().unplug_jack(&jack, 0)?;
    let id = fixtures::SYSVAD_HDMI_ENDPOINT;
    assert_eq!(
        log.take(),
        vec![
            state(id, DeviceState::Unplugged),
            default(EDataFlow::Render, ERole::Console, None),
            default(EDataFlow::Render, ERole::Multimedia, None),
            default(EDataFlow::Render, ERole::Communications, None),
        ]
    );
    system.hardware().unplug_jack(&jack, 0)?;
    assert!(log.take().is_empty(), "a no-op sends nothing");
    system.hardware().plug_jack(&jack, 0)?;
    assert_eq!(
        log.take(),
        vec![
            state(id, DeviceState::Active),
            default(EDataFlow::Render, ERole::Console, Some(id)),
            default(EDataFlow::Render, ERole::Multimedia, Some(id)),
            default(EDataFlow::Render, ERole::Communications, Some(id)),
        ]
    );
    Ok(())
}

/// Y9, B10: when the default leaves ACTIVE the role moves to the other endpoint.
#[test]
fn y9_b10_role_moves() -> R {
    let system = fixtures::sysvad()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let speaker = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    system.hardware().disable(&speaker)?;
    let hdmi = Some(fixtures::SYSVAD_HDMI_ENDPOINT);
    assert_eq!(
        log.take(),
        vec![
            state(fixtures::SYSVAD_SPEAKER_ENDPOINT, DeviceState::Disabled),
            default(EDataFlow::Render, ERole::Console, hdmi),
            default(EDataFlow::Render, ERole::Multimedia, hdmi),
            default(EDataFlow::Render, ERole::Communications, hdmi),
        ]
    );
    Ok(())
}

/// Y6 (B4): disabling an adapter in Device Manager makes its endpoint NOTPRESENT, one event
/// per endpoint; Y11: an effective SetValue notifies, a no-change SetValue does not.
#[test]
fn y6_y11_adapter_disable_and_property_change() -> R {
    let system = fixtures::sysvad_speaker()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    system
        .hardware()
        .disable(&system.device(fixtures::SYSVAD_SPEAKER_TOPO)?)?;
    assert_eq!(
        log.take()[0],
        state(fixtures::SYSVAD_SPEAKER_ENDPOINT, DeviceState::NotPresent)
    );
    system.set_elevated(true);
    let store = system
        .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?
        .open_property_store(STGM_READWRITE)?;
    store.set_value(&pkey::PKEY_AudioEndpoint_Disable_SysFx, PropVariant::Ui4(1))?;
    assert_eq!(
        log.take(),
        vec![EndpointEvent::PropertyChanged {
            device_id: fixtures::SYSVAD_SPEAKER_ENDPOINT.to_owned(),
            key: pkey::PKEY_AudioEndpoint_Disable_SysFx
        }]
    );
    store.set_value(&pkey::PKEY_AudioEndpoint_Disable_SysFx, PropVariant::Ui4(1))?;
    assert!(log.take().is_empty(), "Y11: no change, no event");
    Ok(())
}

/// A sink that calls back into the system from its callback.
struct Reentrant {
    system: devtopo::System,
    results: Mutex<Vec<HResult>>,
    seen_state: Mutex<Vec<DeviceState>>,
}

impl MMNotificationClient for Reentrant {
    fn on_device_state_changed(&self, device_id: &str, _new_state: DeviceState) {
        // Y4: other MMDevice calls are allowed (no lock is held, X48).
        if let Ok(d) = self.system.device(device_id) {
            if let Ok(s) = d.state() {
                self.seen_state.lock().unwrap().push(s);
            }
        }
        // Y3: Register/Unregister are refused, never deadlocked (X47).
        let again = Arc::new(EndpointEventLog::default());
        let r = self
            .system
            .register_endpoint_notification_callback(again.clone());
        self.results
            .lock()
            .unwrap()
            .push(r.map_or_else(|e| e.hresult(), |()| HResult::S_OK));
        let r = self
            .system
            .unregister_endpoint_notification_callback(&*again);
        self.results
            .lock()
            .unwrap()
            .push(r.map_or_else(|e| e.hresult(), |()| HResult::S_OK));
    }
}

/// Y3, Y4, X47, X48: calls from inside a callback: the state is already committed and
/// readable; Register/Unregister fail with E_ILLEGAL_METHOD_CALL and are recorded.
#[test]
fn y3_y4_x47_x48_reentrancy() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let sink = Arc::new(Reentrant {
        system: system.clone(),
        results: Mutex::new(Vec::new()),
        seen_state: Mutex::new(Vec::new()),
    });
    system.register_endpoint_notification_callback(sink.clone())?;
    system
        .hardware()
        .disable(&system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?)?;
    assert_eq!(
        *sink.seen_state.lock().unwrap(),
        vec![DeviceState::Disabled],
        "X48: after commit"
    );
    assert_eq!(
        *sink.results.lock().unwrap(),
        vec![
            HResult::E_ILLEGAL_METHOD_CALL,
            HResult::E_ILLEGAL_METHOD_CALL
        ]
    );
    assert_eq!(
        system.endpoint_callback_violations(),
        vec![
            "RegisterEndpointNotificationCallback",
            "UnregisterEndpointNotificationCallback"
        ]
    );
    // Outside a callback the same calls work again.
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    system.unregister_endpoint_notification_callback(&*log)?;
    Ok(())
}

/// Y2, X52: every sink gets every event of every endpoint, in registration order.
#[test]
fn y2_y12_y14_x51_x52_order_among_sinks() -> R {
    let system = fixtures::sysvad()?;
    let order = Arc::new(Mutex::new(Vec::new()));
    struct Tagged(usize, Arc<Mutex<Vec<usize>>>, AtomicUsize);
    impl MMNotificationClient for Tagged {
        fn on_device_state_changed(&self, _: &str, _: DeviceState) {
            self.1.lock().unwrap().push(self.0);
            self.2.fetch_add(1, Ordering::Relaxed);
        }
    }
    let a = Arc::new(Tagged(1, order.clone(), AtomicUsize::new(0)));
    let b = Arc::new(Tagged(2, order.clone(), AtomicUsize::new(0)));
    system.register_endpoint_notification_callback(a.clone())?;
    system.register_endpoint_notification_callback(b.clone())?;
    system
        .hardware()
        .disable(&system.device(fixtures::SYSVAD_MICIN_ENDPOINT)?)?;
    system
        .hardware()
        .disable(&system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?)?;
    assert_eq!(*order.lock().unwrap(), vec![1, 2, 1, 2]);
    assert_eq!(a.2.load(Ordering::Relaxed), 2);
    Ok(())
}

/// Y8, X49: state changes never send OnDeviceAdded/OnDeviceRemoved; removing an endpoint
/// record does.
#[test]
fn y8_x49_added_removed_only_for_records() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let ep = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    system
        .hardware()
        .remove(&system.device(fixtures::SYSVAD_HDMI_TOPO)?)?;
    system
        .hardware()
        .reinsert(&system.device(fixtures::SYSVAD_HDMI_TOPO)?)?;
    assert!(log.take().iter().all(|e| matches!(
        e,
        EndpointEvent::StateChanged { .. } | EndpointEvent::DefaultChanged { .. }
    )));
    system.remove_device(&ep.id()?)?;
    assert_eq!(
        log.take()[0],
        EndpointEvent::Removed {
            device_id: fixtures::SYSVAD_HDMI_ENDPOINT.to_owned()
        }
    );
    Ok(())
}
