//! Every query of the API, compared with the model.

use devtopo::*;
use proptest::prelude::*;

use super::apply::{Sut, activate, hr};
use super::reference::Model;

/// Every query of the API against the model.
pub(super) fn compare_queries(sut: &Sut, m: &Model) -> std::result::Result<(), TestCaseError> {
    let removed = Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
    for (d, dev) in m.devices.iter().enumerate() {
        let device = &sut.devices[d];
        if dev.removed {
            prop_assert_eq!(hr(device.state()), removed, "X26 GetState");
            continue;
        }
        prop_assert_eq!(
            device.state().map_err(|e| e.hresult()),
            Ok(m.state(d)),
            "D6, X27 GetState"
        );
        prop_assert_eq!(device.id().map_err(|e| e.hresult()), Ok(dev.id.clone()));
    }
    for (p, part) in m.parts.iter().enumerate() {
        let handle = &sut.parts[p];
        if m.removed(p) {
            prop_assert_eq!(hr(handle.name()), removed, "X26 GetName");
            prop_assert_eq!(
                hr(handle.activate(CLSCTX_ALL, guids::IID_IAudioMute)),
                removed
            );
            continue;
        }
        prop_assert_eq!(handle.local_id().map_err(|e| e.hresult()), Ok(part.local));
        prop_assert_eq!(
            handle.name().map_err(|e| e.hresult()),
            Ok(part.name.clone())
        );
        if part.connector.is_some() {
            let c = handle
                .as_connector()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let peer = m.peers[p];
            prop_assert_eq!(
                c.is_connected().map_err(|e| e.hresult()),
                Ok(peer.is_some()),
                "C7"
            );
            prop_assert_eq!(
                c.permanence().map_err(|e| e.hresult()),
                Ok(peer.map(|(_, perm)| perm))
            );
            // C9, C10: the peer only while its device is ACTIVE.
            let want = match peer {
                None => Err(HResult::E_NOTFOUND),
                Some((q, _)) if m.state(m.parts[q].device) != DeviceState::Active => {
                    Err(HResult::ERROR_PATH_NOT_FOUND)
                }
                Some((q, _)) => Ok(q),
            };
            let got = c.connected_to();
            prop_assert_eq!(
                got.as_ref()
                    .map(|c| c.as_part().clone())
                    .map_err(|e| e.hresult()),
                want.map(|q| sut.parts[q].clone()),
                "C9 GetConnectedTo"
            );
            prop_assert_eq!(
                c.device_id_connected_to().map_err(|e| e.hresult()),
                want.map(|q| m.devices[m.parts[q].device].id.clone()),
                "C12"
            );
        }
        for spec in &part.controls {
            compare_control(handle, spec)?;
        }
    }
    // D7, D9, X25: enumeration and defaults follow the device states.
    for flow in [EDataFlow::Render, EDataFlow::Capture, EDataFlow::All] {
        for mask in [DeviceState::Active.value(), DeviceState::MASK_ALL] {
            let got: Vec<String> = sut
                .system
                .endpoints(flow, mask)
                .map_err(|e| TestCaseError::fail(e.to_string()))?
                .iter()
                .map(|d| d.id().unwrap_or_default())
                .collect();
            let want: Vec<String> = (0..m.devices.len())
                .filter(|&d| {
                    let dev = &m.devices[d];
                    !dev.removed && flow.matches(dev.kind) && m.state(d).value() & mask != 0
                })
                .map(|d| m.devices[d].id.clone())
                .collect();
            prop_assert_eq!(got, want, "EnumAudioEndpoints {:?} {:#x}", flow, mask);
        }
    }
    // D9, V6, V7, B10, X38: the default of every (flow, role) follows the states.
    for flow in [EDataFlow::Render, EDataFlow::Capture] {
        for role in ERole::ALL {
            let got = sut
                .system
                .default_endpoint(flow, *role)
                .and_then(|d| d.id())
                .map_err(|e| e.hresult());
            let want = m
                .default_endpoint(flow, *role)
                .map(|d| m.devices[d].id.clone())
                .ok_or(HResult::E_NOTFOUND);
            prop_assert_eq!(
                got,
                want,
                "D9 GetDefaultAudioEndpoint {:?} {:?}",
                flow,
                role
            );
        }
    }
    Ok(())
}

/// The reads of one control against the model's state.
pub(super) fn compare_control(
    part: &Part,
    spec: &ControlSpec,
) -> std::result::Result<(), TestCaseError> {
    let fail = |e: Error| TestCaseError::fail(e.to_string());
    let control = activate(part, spec.kind()).map_err(fail)?;
    match (control, spec) {
        (
            Control::VolumeLevel(l) | Control::Bass(l) | Control::Midrange(l) | Control::Treble(l),
            ControlSpec::VolumeLevel(s)
            | ControlSpec::Bass(s)
            | ControlSpec::Midrange(s)
            | ControlSpec::Treble(s),
        ) => {
            prop_assert_eq!(l.channel_count().map_err(fail)? as usize, s.levels_db.len());
            for (ch, &want) in s.levels_db.iter().enumerate() {
                prop_assert_eq!(l.level(ch as u32).map_err(fail)?, want, "K2 GetLevel");
            }
        }
        (Control::Mute(c), ControlSpec::Mute(v)) => prop_assert_eq!(c.mute().map_err(fail)?, *v),
        (Control::Loudness(c), ControlSpec::Loudness(v)) => {
            prop_assert_eq!(c.enabled().map_err(fail)?, *v)
        }
        (Control::AutoGainControl(c), ControlSpec::AutoGainControl(v)) => {
            prop_assert_eq!(c.enabled().map_err(fail)?, *v)
        }
        (Control::InputSelector(c), ControlSpec::InputSelector(v)) => {
            prop_assert_eq!(c.selection().map_err(fail)?, *v)
        }
        (Control::OutputSelector(c), ControlSpec::OutputSelector(v)) => {
            prop_assert_eq!(c.selection().map_err(fail)?, *v)
        }
        (Control::ChannelConfig(c), ControlSpec::ChannelConfig(v)) => {
            prop_assert_eq!(c.channel_config().map_err(fail)?, *v)
        }
        (Control::DeviceSpecificProperty(c), ControlSpec::DeviceSpecificProperty(v)) => {
            prop_assert_eq!(c.typed_value().map_err(fail)?, v.value)
        }
        (Control::JackDescription(c), ControlSpec::JackDescription(v)) => {
            prop_assert_eq!(c.jack_count().map_err(fail)? as usize, v.len());
            for (i, j) in v.iter().enumerate() {
                let got = c.jack_description(i as u32).map_err(fail)?;
                prop_assert_eq!(got.is_connected, j.is_connected, "K16 IsConnected");
            }
        }
        (Control::PeakMeter(c), ControlSpec::PeakMeter(v)) => {
            prop_assert_eq!(c.channel_count().map_err(fail)? as usize, v.peaks_db.len())
        }
        _ => {}
    }
    Ok(())
}
