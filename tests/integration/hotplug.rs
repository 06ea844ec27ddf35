//! Device states and hot-plug: rules D6-D9, C8-C10, K18, N9 and X24, X25, X27.

use std::sync::{Arc, Mutex};

use devtopo::*;
use proptest::prelude::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;
type Call = (u32, Option<Guid>);

/// B3-5 (K18, X27, N9, C9): unplugging the HDMI jack makes the endpoint UNPLUGGED, the jack
/// connector's GetConnectedTo gives ERROR_PATH_NOT_FOUND, and its jack sinks get one
/// hardware-initiated notification; plugging back reverses it.
#[test]
fn x27_b3_5_hdmi_unplug() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    let endpoint = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let calls: Arc<Mutex<Vec<Call>>> = Arc::default();
    let log = calls.clone();
    let sink = Arc::new(move |pid: u32, ctx: Option<Guid>| {
        if let Ok(mut l) = log.lock() {
            l.push((pid, ctx));
        }
    });
    jack.as_part()
        .register_control_change_callback(guids::IID_IKsJackDescription, sink.clone())?;
    let desc = jack
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsJackDescription)?
        .into_jack_description()
        .ok_or("jack")?;

    system.hardware().unplug_jack(&jack, 0)?;
    assert!(!desc.jack_description(0)?.is_connected);
    assert_eq!(endpoint.state()?, DeviceState::Unplugged);
    assert_eq!(
        jack.connected_to().unwrap_err().hresult(),
        HResult::ERROR_PATH_NOT_FOUND
    );
    assert!(jack.is_connected()?); // C8
    let ep_conn = endpoint.topology()?.connector(0)?;
    assert_eq!(ep_conn.connected_to()?, jack); // the adapter is still ACTIVE (C10)
    assert_eq!(
        calls.lock().map_err(|_| "poisoned")?.clone(),
        vec![(
            DEFAULT_HARDWARE_PROCESS_ID,
            Some(HARDWARE_INITIATED_CONTEXT)
        )]
    );
    system.hardware().unplug_jack(&jack, 0)?; // no change, no notification
    assert_eq!(calls.lock().map_err(|_| "poisoned")?.len(), 1);

    system.hardware().plug_jack(&jack, 0)?;
    assert_eq!(endpoint.state()?, DeviceState::Active);
    assert!(desc.jack_description(0)?.is_connected);
    assert_eq!(jack.connected_to()?, ep_conn);
    assert_eq!(calls.lock().map_err(|_| "poisoned")?.len(), 2);
    jack.as_part().unregister_control_change_callback(&*sink)?;
    Ok(())
}

/// X27, E12: a jack without presence detection cannot be unplugged.
#[test]
fn x27_no_presence_detection() -> R {
    let system = fixtures::sysvad_speaker()?;
    let jack = system
        .device(fixtures::SYSVAD_SPEAKER_TOPO)?
        .topology()?
        .connector(1)?;
    let err = system.hardware().unplug_jack(&jack, 0).unwrap_err();
    assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    assert!(err.to_string().contains("X27"));
    let host = system
        .device(fixtures::SYSVAD_SPEAKER_WAVE)?
        .topology()?
        .connector(0)?;
    assert_eq!(
        system
            .hardware()
            .unplug_jack(&host, 0)
            .unwrap_err()
            .hresult(),
        HResult::E_NOINTERFACE
    );
    assert_eq!(
        system
            .hardware()
            .unplug_jack(&jack, 1)
            .unwrap_err()
            .hresult(),
        HResult::E_INVALIDARG
    );
    Ok(())
}

/// X27, D6: a DISABLED endpoint stays DISABLED through plug changes; enabling it gives
/// UNPLUGGED when its jack is empty, ACTIVE when plugged.
#[test]
fn x27_d6_disabled_endpoint_and_enable() -> R {
    let system = fixtures::four_topologies()?;
    let hw = system.hardware();
    let epa = system.device(fixtures::FOUR_EPA)?;
    let line_in = system
        .device(fixtures::FOUR_MUX)?
        .topology()?
        .connector(0)?;
    hw.disable(&epa)?;
    hw.unplug_jack(&line_in, 0)?;
    assert_eq!(epa.state()?, DeviceState::Disabled);
    hw.enable(&epa)?;
    assert_eq!(epa.state()?, DeviceState::Unplugged);
    hw.plug_jack(&line_in, 0)?;
    assert_eq!(epa.state()?, DeviceState::Active);
    hw.remove(&epa)?;
    assert_eq!(epa.state()?, DeviceState::NotPresent);
    assert_eq!(
        line_in.connected_to().unwrap_err().hresult(),
        HResult::ERROR_PATH_NOT_FOUND
    );
    hw.enable(&epa)?;
    assert_eq!(epa.state()?, DeviceState::Active);
    Ok(())
}

/// C9, C10, A15: toward a non-ACTIVE device GetConnectedTo gives ERROR_PATH_NOT_FOUND; from
/// an endpoint whose adapter is not ACTIVE too (PortAudio's case).
#[test]
fn c9_c10_inactive_adapter() -> R {
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?;
    let epb = system
        .device(fixtures::FOUR_EPB)?
        .topology()?
        .connector(0)?;
    system.hardware().remove(&mux)?;
    let err = epb.connected_to().unwrap_err();
    assert_eq!(err.hresult(), HResult::ERROR_PATH_NOT_FOUND);
    assert_eq!(err.hresult().to_string(), "0x80070003");
    assert!(epb.is_connected()?);
    system.hardware().enable(&mux)?;
    assert_eq!(
        epb.connected_to()?.as_part().topology()?.device_id()?,
        fixtures::FOUR_MUX
    );
    Ok(())
}

/// D7, E4, E5, X25: EnumAudioEndpoints by flow and state mask; mask 0 is empty, bits above
/// 0xF are E_INVALIDARG; adapters are never listed.
#[test]
fn d7_x25_enumerate_endpoints() -> R {
    let system = fixtures::sysvad()?;
    let ids = |flow, mask| -> devtopo::Result<Vec<String>> {
        system
            .endpoints(flow, mask)?
            .iter()
            .map(Device::id)
            .collect()
    };
    assert_eq!(
        ids(EDataFlow::Render, 0x1)?,
        vec![
            fixtures::SYSVAD_SPEAKER_ENDPOINT,
            fixtures::SYSVAD_HDMI_ENDPOINT
        ]
    );
    assert_eq!(
        ids(EDataFlow::Capture, 0x1)?,
        vec![
            fixtures::SYSVAD_MICIN_ENDPOINT,
            fixtures::SYSVAD_MICARRAY1_ENDPOINT
        ]
    );
    assert_eq!(ids(EDataFlow::All, DeviceState::MASK_ALL)?.len(), 4);
    assert!(ids(EDataFlow::All, 0)?.is_empty());
    for mask in [0x10, 0x1F, 0x8000_0000] {
        assert_eq!(
            system
                .endpoints(EDataFlow::All, mask)
                .unwrap_err()
                .hresult(),
            HResult::E_INVALIDARG
        );
    }
    let hdmi_jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    system.hardware().unplug_jack(&hdmi_jack, 0)?;
    assert_eq!(
        ids(EDataFlow::Render, 0x1)?,
        vec![fixtures::SYSVAD_SPEAKER_ENDPOINT]
    ); // D8
    assert_eq!(ids(EDataFlow::Render, 0x9)?.len(), 2); // ACTIVE | UNPLUGGED, as van Eerde's devicetopology.exe walker
    assert_eq!(
        ids(EDataFlow::Render, 0x8)?,
        vec![fixtures::SYSVAD_HDMI_ENDPOINT]
    );
    // D11: adapters are found by ID.
    assert_eq!(
        system.device(fixtures::SYSVAD_HDMI_WAVE)?.kind()?,
        DeviceKind::Adapter
    );
    Ok(())
}

/// D9, X25: the default endpoint is the first ACTIVE one; E_NOTFOUND when none; eAll is
/// E_INVALIDARG.
#[test]
fn d9_x25_default_endpoint() -> R {
    let system = fixtures::sysvad()?;
    let d = system.default_endpoint(EDataFlow::Render, ERole::Console)?;
    assert_eq!(d.id()?, fixtures::SYSVAD_SPEAKER_ENDPOINT);
    system.hardware().disable(&d)?;
    let d2 = system.default_endpoint(EDataFlow::Render, ERole::Multimedia)?;
    assert_eq!(d2.id()?, fixtures::SYSVAD_HDMI_ENDPOINT);
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    system.hardware().unplug_jack(&jack, 0)?;
    let err = system
        .default_endpoint(EDataFlow::Render, ERole::Console)
        .unwrap_err();
    assert_eq!(err.hresult(), HResult::E_NOTFOUND);
    let err = system
        .default_endpoint(EDataFlow::All, ERole::Console)
        .unwrap_err();
    assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    assert!(
        fixtures::four_topologies()?
            .default_endpoint(EDataFlow::Render, ERole::Console)
            .is_err()
    );
    Ok(())
}

/// X24: Activate(IID_IDeviceTopology) works on UNPLUGGED, DISABLED and NOTPRESENT endpoints.
#[test]
fn x24_topology_in_every_state() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let ep = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    system.hardware().unplug_jack(&jack, 0)?;
    assert_eq!(ep.topology()?.connector_count()?, 1);
    system.hardware().disable(&ep)?;
    assert_eq!(ep.topology()?.connector(0)?.connected_to()?, jack);
    system.hardware().remove(&ep)?;
    assert!(ep.topology().is_ok());
    Ok(())
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Plug(usize),
    Unplug(usize),
    Enable(usize),
    Disable(usize),
    Remove(usize),
}

fn op() -> impl Strategy<Value = Op> {
    (0usize..5, 0usize..4).prop_map(|(kind, i)| match kind {
        0 => Op::Plug(i),
        1 => Op::Unplug(i),
        2 => Op::Enable(i),
        3 => Op::Disable(i),
        _ => Op::Remove(i),
    })
}

/// The connection invariants of the core issue (C5, C8, C9) and the X27 coupling.
fn check_invariants(
    system: &System,
    jacks: &[(Connector, Device)],
    connected: &[bool],
) -> std::result::Result<(), TestCaseError> {
    let mut i = 0;
    for device in system.devices() {
        let topo = device.topology().unwrap();
        for n in 0..topo.connector_count().unwrap() {
            let c = topo.connector(n).unwrap();
            prop_assert_eq!(c.is_connected().unwrap(), connected[i]); // C8: states never touch connections
            i += 1;
            if let Some(Permanence::Transient | Permanence::Permanent) = c.permanence().unwrap() {
                match c.connected_to() {
                    Ok(peer) => {
                        prop_assert_eq!(
                            peer.as_part().topology().unwrap().device().state().unwrap(),
                            DeviceState::Active
                        );
                        // C5: symmetric (the peer sees us unless our device is inactive).
                        match peer.connected_to() {
                            Ok(back) => prop_assert_eq!(back, c.clone()),
                            Err(e) => prop_assert_eq!(e.hresult(), HResult::ERROR_PATH_NOT_FOUND),
                        }
                    }
                    Err(e) => prop_assert_eq!(e.hresult(), HResult::ERROR_PATH_NOT_FOUND),
                }
            }
        }
    }
    // X27: an endpoint whose sensing jack is empty is never ACTIVE, and a plugged one is
    // never UNPLUGGED.
    for (jack, endpoint) in jacks {
        let plugged = jack
            .as_part()
            .activate(CLSCTX_ALL, guids::IID_IKsJackDescription)
            .unwrap()
            .into_jack_description()
            .unwrap()
            .jack_description(0)
            .unwrap()
            .is_connected;
        let state = endpoint.state().unwrap();
        if plugged {
            prop_assert_ne!(state, DeviceState::Unplugged);
        } else {
            prop_assert_ne!(state, DeviceState::Active);
        }
    }
    Ok(())
}

proptest! {
    /// C5, C8, C9, X27: no sequence of plug, unplug, enable, disable and remove breaks the
    /// connection invariants or the jack/state coupling.
    #[test]
    fn x27_hotplug_sequences_keep_invariants(ops in prop::collection::vec(op(), 1..25)) {
        let system = fixtures::four_topologies().unwrap();
        let mux = system.device(fixtures::FOUR_MUX).unwrap().topology().unwrap();
        let jacks = vec![
            (mux.connector(0).unwrap(), system.device(fixtures::FOUR_EPA).unwrap()),
            (mux.connector(1).unwrap(), system.device(fixtures::FOUR_EPB).unwrap()),
        ];
        let devices = system.devices();
        let connected: Vec<bool> = devices.iter().flat_map(|d| {
            let t = d.topology().unwrap();
            (0..t.connector_count().unwrap()).map(move |n| t.connector(n).unwrap().is_connected().unwrap())
        }).collect();
        let hw = system.hardware();
        for op in ops {
            match op {
                Op::Plug(i) => hw.plug_jack(&jacks[i % 2].0, 0).unwrap(),
                Op::Unplug(i) => hw.unplug_jack(&jacks[i % 2].0, 0).unwrap(),
                Op::Enable(i) => hw.enable(&devices[i]).unwrap(),
                Op::Disable(i) => hw.disable(&devices[i]).unwrap(),
                Op::Remove(i) => hw.remove(&devices[i]).unwrap(),
            }
            check_invariants(&system, &jacks, &connected)?;
        }
    }
}

/// X27, G5: a plug change that changes nothing (the jack is already out) leaves the whole
/// state alone. Clearing the endpoint's conditions with `set_state(Active)` cannot make it
/// ACTIVE while its only sensing jack is empty (the one state rule, issue 7 item 6).
#[test]
fn x27_noop_unplug_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
    let system = fixtures::sysvad_hdmi()?;
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    let endpoint = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    system.hardware().unplug_jack(&jack, 0)?;
    assert_eq!(endpoint.state()?, DeviceState::Unplugged);
    endpoint.set_state(DeviceState::Active)?;
    assert_eq!(endpoint.state()?, DeviceState::Unplugged);
    let before = system.snapshot();
    system.hardware().unplug_jack(&jack, 0)?;
    assert_eq!(system.snapshot(), before);
    assert_eq!(endpoint.state()?, DeviceState::Unplugged);
    Ok(())
}

/// X26: the simulated hardware reports a removed part as removed before anything else.
#[test]
fn x26_hardware_on_removed_part_is_device_invalidated() -> Result<(), Box<dyn std::error::Error>> {
    let system = fixtures::sysvad_mic_in()?;
    let mute = system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .part_by_id(LocalId(0x20001))?;
    system.remove_device(fixtures::SYSVAD_MICIN_TOPO)?;
    let hw = system.hardware();
    let level = hw.set_level(&mute, ControlKind::Mute, 0, 0.0);
    assert_eq!(
        level.map_err(|e| e.hresult()),
        Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
    );
    let muted = hw.set_mute(&mute, true);
    assert_eq!(
        muted.map_err(|e| e.hresult()),
        Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
    );
    Ok(())
}
