//! G5 covers registrations: a [`Snapshot`] lists every callback registration, so a failed
//! call that left one behind (or took one away) shows as a difference.

use std::sync::Arc;

use devtopo::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

fn noop() -> Arc<dyn ControlChangeNotify> {
    Arc::new(|_: u32, _: Option<Guid>| {})
}

/// G5, N1, X19: registrations show in snapshots in device, part and registration order; a
/// duplicate adds nothing; failed registers and unregisters change nothing; unregistering
/// and removing the device take them out.
#[test]
fn g5_snapshot_lists_registrations() -> R {
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let (vol, mute) = (
        mux.part_by_id(LocalId(0x20001))?,
        mux.part_by_id(LocalId(0x20000))?,
    );
    let (a, b) = (noop(), noop());
    let empty = system.snapshot();
    assert!(empty.registrations.is_empty());

    vol.register_control_change_callback(guids::IID_IAudioVolumeLevel, a.clone())?;
    let one = system.snapshot();
    assert_ne!(one, empty, "a registration is part of the state");
    mute.register_control_change_callback(guids::IID_IAudioMute, b.clone())?;
    vol.register_control_change_callback(guids::IID_IAudioMute, a.clone())?;
    vol.register_control_change_callback(guids::IID_IAudioMute, a.clone())?; // X19: no-op
    let control = |local: u32, interface, sink: &Arc<dyn ControlChangeNotify>| {
        RegistrationSnapshot::Control {
            device: fixtures::FOUR_MUX.to_owned(),
            local_id: LocalId(local),
            interface,
            sink: SinkId::of(&**sink),
        }
    };
    let all = system.snapshot();
    assert_eq!(
        all.registrations,
        vec![
            control(0x20000, ControlKind::Mute, &b),
            control(0x20001, ControlKind::VolumeLevel, &a),
            control(0x20001, ControlKind::Mute, &a),
        ],
        "part order (0x20000 before 0x20001), then registration order"
    );

    // Failed calls change nothing (G5), registrations included.
    let err = vol
        .register_control_change_callback(guids::IID_IKsJackDescription2, noop())
        .unwrap_err();
    assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    assert!(mute.unregister_control_change_callback(&*a).is_err()); // a is not on mute
    assert_eq!(system.snapshot(), all);

    vol.unregister_control_change_callback(&*a)?;
    assert_eq!(
        system.snapshot().registrations,
        vec![control(0x20000, ControlKind::Mute, &b)]
    );
    system.remove_device(fixtures::FOUR_MUX)?;
    assert!(system.snapshot().registrations.is_empty());
    Ok(())
}

/// G5, V13, X40: endpoint sinks show in snapshots after the control sinks, once per
/// registration and in registration order; a failed unregister changes nothing; an
/// unregister takes out one registration.
#[test]
fn g5_snapshot_lists_endpoint_registrations() -> R {
    let system = fixtures::four_topologies()?;
    let (a, b) = (EndpointEventLog::new(), EndpointEventLog::new());
    let vol = system
        .device(fixtures::FOUR_MUX)?
        .topology()?
        .part_by_id(LocalId(0x20001))?;
    vol.register_control_change_callback(guids::IID_IAudioVolumeLevel, noop())?;
    system.register_endpoint_notification_callback(a.clone())?;
    system.register_endpoint_notification_callback(b.clone())?;
    system.register_endpoint_notification_callback(a.clone())?;
    let endpoint = |sink: &EndpointEventLog| RegistrationSnapshot::Endpoint {
        sink: SinkId::of(sink),
    };
    let regs = system.snapshot().registrations;
    assert_eq!(regs.len(), 4);
    assert!(matches!(regs[0], RegistrationSnapshot::Control { .. }));
    assert_eq!(regs[1..], [endpoint(&a), endpoint(&b), endpoint(&a)]);

    let before = system.snapshot();
    let stranger = EndpointEventLog::new();
    let err = system
        .unregister_endpoint_notification_callback(&*stranger)
        .unwrap_err();
    assert_eq!(err.hresult(), HResult::E_NOTFOUND);
    assert_eq!(
        system.snapshot(),
        before,
        "G5: the failed unregister changed nothing"
    );

    system.unregister_endpoint_notification_callback(&*a)?;
    let regs = system.snapshot().registrations;
    assert_eq!(regs[1..], [endpoint(&b), endpoint(&a)]);
    Ok(())
}
