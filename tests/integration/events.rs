//! The deterministic event log (X72, issue 10 item 3): what is logged, in which order, that
//! identical runs log identically, that a log replays to the final state, that a failed call
//! logs nothing (G5), and the bound.

use std::sync::Arc;

use devtopo::*;

use crate::core_support::TestResult;

/// The first volume control of the system, in device and subunit order.
fn first_volume(system: &System) -> Result<PerChannelDbLevel> {
    for device in system.devices() {
        let topology = device.topology()?;
        for i in 0..topology.subunit_count()? {
            if let Ok(v) = topology
                .subunit(i)?
                .as_part()
                .activate_as::<PerChannelDbLevel>(CLSCTX_ALL)
            {
                return Ok(v);
            }
        }
    }
    Err(Error::EmptyDeviceId)
}

/// A sink that changes the system from inside its callback (X20, Y4): its changes must be
/// logged after its delivery.
struct Reentrant {
    system: System,
}

impl MMNotificationClient for Reentrant {
    fn on_device_state_changed(&self, device_id: &str, new_state: DeviceState) {
        if new_state == DeviceState::Unplugged {
            if let Ok(device) = self.system.device(device_id) {
                let _ = device
                    .open_property_store(STGM_READ)
                    .and_then(|s| s.value(&pkey::PKEY_Device_FriendlyName));
                let _ = self.system.hardware().set_property(
                    &device,
                    pkey::PKEY_Device_DeviceDesc,
                    PropVariant::Lpwstr("Unplugged speakers".into()),
                );
            }
        }
    }
}

/// One fixed script over the SYSVAD system: every kind of change, both kinds of callback,
/// one re-entrant sink.
fn script(system: &System) -> Result<()> {
    let hw = system.hardware();
    system.register_endpoint_notification_callback(Arc::new(Reentrant {
        system: system.clone(),
    }))?;
    let speakers = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let volume = first_volume(system)?;
    let reader = volume.clone();
    volume.part().register_control_change_callback(
        guids::IID_IAudioVolumeLevel,
        Arc::new(move |_pid: u32, _ctx: Option<Guid>| {
            let _ = reader.level(0);
        }),
    )?;
    volume.set_level_uniform(-10.0, None)?;
    hw.set_level(volume.part(), ControlKind::VolumeLevel, 0, -20.0)?;
    let hdmi_jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    hw.unplug_jack(&hdmi_jack, 0)?;
    hw.plug_jack(&hdmi_jack, 0)?;
    hw.disable(&speakers)?;
    hw.enable(&speakers)?;
    let mic = system
        .device(fixtures::SYSVAD_MICIN_ENDPOINT)?
        .topology()?
        .connector(0)?;
    let jack = mic.connected_to()?;
    mic.disconnect()?;
    mic.connect_to(&jack)?;
    hw.set_default_endpoint(
        &system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?,
        ERole::Console,
    )?;
    system.add_devices(&fixtures::four_topologies()?)?;
    system.remove_device(fixtures::FOUR_EPB)?;
    hw.unplug(&speakers)?;
    Ok(())
}

fn logged_run() -> Result<(Snapshot, Vec<Event>, System)> {
    let system = fixtures::sysvad()?;
    system.set_event_logging(EventLogging::on());
    let start = system.snapshot();
    script(&system)?;
    Ok((start, system.events(), system))
}

#[test]
fn x72_identical_runs_give_identical_logs() -> TestResult {
    let (_, first, _) = logged_run()?;
    let (_, second, _) = logged_run()?;
    assert_eq!(first, second);
    let text = |log: &[Event]| log.iter().map(|e| format!("{e}\n")).collect::<String>();
    assert_eq!(text(&first), text(&second));
    // Sequence numbers from 0, no gaps; no address or time in the text.
    assert!(first.iter().enumerate().all(|(i, e)| e.seq == i as u64));
    assert!(!text(&first).contains("0x7f"), "{}", text(&first));
    Ok(())
}

#[test]
fn x72_every_kind_of_change_is_logged() -> TestResult {
    let (_, log, _) = logged_run()?;
    let has = |f: &dyn Fn(&EventKind) -> bool| log.iter().any(|e| f(&e.kind));
    assert!(has(&|k| matches!(k, EventKind::Connected { .. })));
    assert!(has(&|k| matches!(k, EventKind::Disconnected { .. })));
    assert!(has(&|k| matches!(k, EventKind::ControlChanged { .. })));
    assert!(has(&|k| matches!(
        k,
        EventKind::JackPlugged {
            connected: false,
            ..
        }
    )));
    assert!(has(&|k| matches!(k, EventKind::DeviceStateChanged { .. })));
    assert!(has(&|k| matches!(k, EventKind::DeviceAdded { .. })));
    assert!(has(&|k| matches!(k, EventKind::DeviceRemoved { .. })));
    assert!(has(&|k| matches!(k, EventKind::DefaultChanged { .. })));
    assert!(has(&|k| matches!(k, EventKind::DefaultChosen { .. })));
    assert!(has(&|k| matches!(k, EventKind::PropertyChanged { .. })));
    assert!(has(&|k| matches!(
        k,
        EventKind::CallbackDelivered(Callback::ControlChange {
            source: ChangeSource::Hardware,
            ..
        })
    )));
    assert!(has(&|k| matches!(
        k,
        EventKind::CallbackDelivered(Callback::Endpoint(_))
    )));
    Ok(())
}

#[test]
fn x72_log_replays_to_the_final_state() -> TestResult {
    let (mut replayed, log, system) = logged_run()?;
    for event in &log {
        replayed.apply(event);
    }
    let mut end = system.snapshot();
    end.registrations.clear();
    replayed.registrations.clear();
    assert_eq!(replayed, end);
    // The effective defaults: the last DefaultChanged of each (flow, role) is the default now.
    for flow in [EDataFlow::Render, EDataFlow::Capture] {
        for role in [ERole::Console, ERole::Multimedia, ERole::Communications] {
            let last = log.iter().rev().find_map(|e| match &e.kind {
                EventKind::DefaultChanged {
                    flow: f,
                    role: r,
                    device,
                } if *f == flow && *r == role => Some(*device),
                _ => None,
            });
            let now = system.default_endpoint(flow, role).ok().map(|d| d.id());
            if let Some(last) = last {
                assert_eq!(last.map(|d| d.to_string()), now.transpose()?);
            }
        }
    }
    Ok(())
}

#[test]
fn x72_a_callback_is_logged_before_what_it_changes() -> TestResult {
    let (_, log, _) = logged_run()?;
    let delivered = log
        .iter()
        .position(|e| {
            matches!(&e.kind, EventKind::CallbackDelivered(Callback::Endpoint(
                EndpointEvent::StateChanged { new_state: DeviceState::Unplugged, device_id }
            )) if device_id == fixtures::SYSVAD_HDMI_ENDPOINT)
        })
        .ok_or("no delivery")?;
    let renamed = log
        .iter()
        .position(|e| {
            matches!(&e.kind, EventKind::PropertyChanged { device, key, .. }
                if *device == fixtures::SYSVAD_HDMI_ENDPOINT && *key == pkey::PKEY_Device_DeviceDesc)
        })
        .ok_or("no rename")?;
    assert!(delivered < renamed);
    Ok(())
}

#[test]
fn x72_g5_a_failed_call_logs_nothing() -> TestResult {
    let system = fixtures::four_topologies()?;
    system.set_event_logging(EventLogging::on());
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    assert!(mux.connector(3)?.disconnect().is_err()); // permanent (C6)
    assert!(system.events().is_empty());
    let mic = system
        .device(fixtures::FOUR_EPB)?
        .topology()?
        .connector(0)?;
    mic.disconnect()?;
    let log = system.drain_events();
    assert!(
        matches!(log[0].kind, EventKind::Disconnected { .. }),
        "{log:?}"
    );
    assert!(mic.disconnect().is_err()); // E_NOTFOUND (C6)
    assert!(system.events().is_empty());
    Ok(())
}

#[test]
fn x72_off_by_default_and_bounded_when_on() -> TestResult {
    let system = fixtures::four_topologies()?;
    let mic = system
        .device(fixtures::FOUR_EPB)?
        .topology()?
        .connector(0)?;
    let jack = mic.connected_to()?;
    assert_eq!(system.event_logging(), EventLogging::Off);
    mic.disconnect()?;
    assert!(system.events().is_empty());
    mic.connect_to(&jack)?;
    system.set_event_logging(EventLogging::On { capacity: 3 });
    for _ in 0..4 {
        mic.disconnect()?;
        mic.connect_to(&jack)?;
    }
    let kept = system.events();
    assert_eq!(kept.len(), 3);
    let total = kept.last().map_or(0, |e| e.seq + 1);
    assert_eq!(system.dropped_events(), total - 3);
    assert!(kept.windows(2).all(|w| w[1].seq == w[0].seq + 1));
    // A fresh copy (scenario runs) and a new system start with the log off.
    system.set_event_logging(EventLogging::Off);
    assert!(system.events().is_empty());
    Ok(())
}
