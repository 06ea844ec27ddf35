//! Reading each control interface of a part, with its current state, through COM: one
//! function per interface family (R2). A control that cannot be read is left out with a
//! warning naming the part and the call.

use devtopo::{
    ControlKind, ControlSpec, DeviceSpecificSpec, EPcxConnectionType, EPcxGenLocation,
    EPcxGeoLocation, EPxcPortConnection, FourByteRange, JackDescription, JackDescription2,
    LevelSpec, LocalId, PeakMeterSpec, PropertyValue, VarType,
};
use windows_core::Interface;

use super::Log;
use super::formats;
use super::gather::CLSCTX_ALL;
use crate::generated::{
    IAudioAutoGainControl, IAudioChannelConfig, IAudioInputSelector, IAudioLoudness, IAudioMute,
    IAudioOutputSelector, IAudioPeakMeter, IDeviceSpecificProperty, IKsFormatSupport,
    IKsJackDescription, IKsJackDescription2, IPart, IPerChannelDbLevel, KSJACK_DESCRIPTION,
    KSJACK_DESCRIPTION2,
};
use crate::objects::part::{com_guid, guid};
use devtopo::file::Limit;

/// Every control of `part`, in `GetControlInterface` order (P12).
///
/// # Safety
/// `part` is live.
pub(crate) unsafe fn read_all(
    part: &IPart,
    device: &str,
    local_id: LocalId,
    log: &mut Log,
) -> Vec<ControlSpec> {
    let mut out = Vec::new();
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        let count = match part.GetControlInterfaceCount() {
            Ok(n) => n,
            Err(e) => {
                log.warn(
                    device,
                    Some(local_id),
                    "IPart::GetControlInterfaceCount",
                    &e,
                    "no control captured",
                );
                return out;
            }
        };
        let count = log.cap(
            device,
            Some(local_id),
            "IPart::GetControlInterfaceCount",
            count,
            Limit::ControlsPerPart,
        );
        for i in 0..count {
            let iid = match part.GetControlInterface(i).and_then(|c| c.GetIID()) {
                Ok(iid) => iid,
                Err(e) => {
                    log.warn(
                        device,
                        Some(local_id),
                        &format!("IPart::GetControlInterface({i})"),
                        &e,
                        "control skipped",
                    );
                    continue;
                }
            };
            let Some(kind) = ControlKind::from_iid(guid(&iid)) else {
                log.note(
                    device,
                    Some(local_id),
                    format!(
                        "control {} is not one of the 15 DeviceTopology control interfaces (R2): not captured",
                        guid(&iid)
                    ),
                );
                continue;
            };
            match read(part, kind, device, local_id, log) {
                Ok(spec) => out.push(spec),
                Err((call, e)) => log.warn(
                    device,
                    Some(local_id),
                    &call,
                    &e,
                    &format!("{} not captured", kind.interface_name()),
                ),
            }
        }
    }
    out
}

type Failed = (String, windows_core::Error);

/// A failure of `Interface::Method`.
fn at(kind: ControlKind, method: &str) -> impl Fn(windows_core::Error) -> Failed + '_ {
    move |e| (format!("{}::{method}", kind.interface_name()), e)
}

/// `IPart::Activate` for `kind`'s IID, viewed as `T` (a layout-compatible base for the level
/// interfaces: `IAudioBass` is an `IPerChannelDbLevel`).
///
/// # Safety
/// `part` is live, and `T`'s vtable is a prefix of the interface `kind` names.
unsafe fn activate<T: Interface>(part: &IPart, kind: ControlKind) -> Result<T, Failed> {
    let iid = com_guid(kind.iid());
    let mut raw = std::ptr::null_mut();
    // SAFETY: a COM call on a live part; on success `raw` holds one reference to an object
    // whose vtable starts with T's (the contract), which `from_raw` takes over.
    unsafe {
        part.Activate(CLSCTX_ALL, &iid, Some(&mut raw))
            .ok()
            .map_err(|e| (format!("IPart::Activate({})", kind.interface_name()), e))?;
        if raw.is_null() {
            return Err((
                format!("IPart::Activate({})", kind.interface_name()),
                windows_core::Error::from_hresult(windows_core::HRESULT(
                    devtopo::HResult::E_POINTER.0,
                )),
            ));
        }
        Ok(T::from_raw(raw))
    }
}

/// One control's state.
///
/// # Safety
/// `part` is live.
unsafe fn read(
    part: &IPart,
    kind: ControlKind,
    device: &str,
    local_id: LocalId,
    log: &mut Log,
) -> Result<ControlSpec, Failed> {
    use ControlKind as K;
    // SAFETY: COM calls on live interface pointers; each activation asks for the interface
    // it is viewed as (the level ones through their IPerChannelDbLevel base).
    unsafe {
        Ok(match kind {
            K::VolumeLevel | K::Bass | K::Midrange | K::Treble => {
                let level = level(
                    &activate::<IPerChannelDbLevel>(part, kind)?,
                    kind,
                    device,
                    local_id,
                    log,
                )?;
                match kind {
                    K::VolumeLevel => ControlSpec::VolumeLevel(level),
                    K::Bass => ControlSpec::Bass(level),
                    K::Midrange => ControlSpec::Midrange(level),
                    _ => ControlSpec::Treble(level),
                }
            }
            K::Mute => ControlSpec::Mute(
                activate::<IAudioMute>(part, kind)?
                    .GetMute()
                    .map_err(at(kind, "GetMute"))?
                    .as_bool(),
            ),
            K::Loudness => ControlSpec::Loudness(
                activate::<IAudioLoudness>(part, kind)?
                    .GetEnabled()
                    .map_err(at(kind, "GetEnabled"))?
                    .as_bool(),
            ),
            K::AutoGainControl => ControlSpec::AutoGainControl(
                activate::<IAudioAutoGainControl>(part, kind)?
                    .GetEnabled()
                    .map_err(at(kind, "GetEnabled"))?
                    .as_bool(),
            ),
            K::PeakMeter => {
                let meter = activate::<IAudioPeakMeter>(part, kind)?;
                let n = meter
                    .GetChannelCount()
                    .map_err(at(kind, "GetChannelCount"))?;
                let n = log.cap(
                    device,
                    Some(local_id),
                    "IAudioPeakMeter::GetChannelCount",
                    n,
                    Limit::Channels,
                );
                let mut peaks_db = Vec::with_capacity(n as usize);
                for ch in 0..n {
                    // K8: reading consumes the pending peak.
                    peaks_db.push(meter.GetLevel(ch).map_err(at(kind, "GetLevel"))?);
                }
                ControlSpec::PeakMeter(PeakMeterSpec { peaks_db })
            }
            K::InputSelector => ControlSpec::InputSelector(LocalId(
                activate::<IAudioInputSelector>(part, kind)?
                    .GetSelection()
                    .map_err(at(kind, "GetSelection"))?,
            )),
            K::OutputSelector => ControlSpec::OutputSelector(LocalId(
                activate::<IAudioOutputSelector>(part, kind)?
                    .GetSelection()
                    .map_err(at(kind, "GetSelection"))?,
            )),
            K::ChannelConfig => ControlSpec::ChannelConfig(
                activate::<IAudioChannelConfig>(part, kind)?
                    .GetChannelConfig()
                    .map_err(at(kind, "GetChannelConfig"))?,
            ),
            K::DeviceSpecificProperty => ControlSpec::DeviceSpecificProperty(device_specific(
                &activate::<IDeviceSpecificProperty>(part, kind)?,
                kind,
            )?),
            K::FormatSupport => ControlSpec::FormatSupport(Box::new(formats::read(
                &activate::<IKsFormatSupport>(part, kind)?,
                device,
                local_id,
                log,
            )?)),
            K::JackDescription => {
                let jacks = activate::<IKsJackDescription>(part, kind)?;
                let n = jacks.GetJackCount().map_err(at(kind, "GetJackCount"))?;
                let n = log.cap(
                    device,
                    Some(local_id),
                    "IKsJackDescription::GetJackCount",
                    n,
                    Limit::Jacks,
                );
                let mut out = Vec::with_capacity(n as usize);
                for j in 0..n {
                    let mut d = KSJACK_DESCRIPTION::default();
                    jacks
                        .GetJackDescription(j, &mut d)
                        .ok()
                        .map_err(at(kind, "GetJackDescription"))?;
                    out.push(jack(&d).ok_or_else(|| {
                        (
                            format!("IKsJackDescription::GetJackDescription({j})"),
                            windows_core::Error::new(
                                windows_core::HRESULT(devtopo::HResult::E_INVALIDARG.0),
                                "an enum value devtopo does not know (E7-E10)",
                            ),
                        )
                    })?);
                }
                ControlSpec::JackDescription(out)
            }
            K::JackDescription2 => {
                let jacks = activate::<IKsJackDescription2>(part, kind)?;
                let n = jacks.GetJackCount().map_err(at(kind, "GetJackCount"))?;
                let n = log.cap(
                    device,
                    Some(local_id),
                    "IKsJackDescription2::GetJackCount",
                    n,
                    Limit::Jacks,
                );
                let mut out = Vec::with_capacity(n as usize);
                for j in 0..n {
                    let d: KSJACK_DESCRIPTION2 = jacks
                        .GetJackDescription2(j)
                        .map_err(at(kind, "GetJackDescription2"))?;
                    out.push(JackDescription2 {
                        device_state_info: d.DeviceStateInfo,
                        jack_capabilities: d.JackCapabilities,
                    });
                }
                ControlSpec::JackDescription2(out)
            }
        })
    }
}

/// A level control: channel count, each channel's level and range (K2-K4). devtopo's levels
/// share one range; channels whose ranges differ keep channel 0's, with a note.
///
/// # Safety
/// `level` is live.
unsafe fn level(
    level: &IPerChannelDbLevel,
    kind: ControlKind,
    device: &str,
    local_id: LocalId,
    log: &mut Log,
) -> Result<LevelSpec, Failed> {
    // SAFETY: COM calls on a live interface pointer.
    unsafe {
        let n = level
            .GetChannelCount()
            .map_err(at(kind, "GetChannelCount"))?;
        let n = log.cap(
            device,
            Some(local_id),
            "IPerChannelDbLevel::GetChannelCount",
            n,
            Limit::Channels,
        );
        let mut levels_db = Vec::with_capacity(n as usize);
        let mut range: Option<(f32, f32, f32)> = None;
        for ch in 0..n {
            let (mut min, mut max, mut step) = (0f32, 0f32, 0f32);
            level
                .GetLevelRange(ch, &mut min, &mut max, &mut step)
                .ok()
                .map_err(at(kind, "GetLevelRange"))?;
            match range {
                None => range = Some((min, max, step)),
                Some(r) if r != (min, max, step) => log.note(
                    device,
                    Some(local_id),
                    format!(
                        "{}: channel {ch} has its own range; devtopo levels share one (channel 0's is kept)",
                        kind.interface_name()
                    ),
                ),
                Some(_) => {}
            }
            levels_db.push(level.GetLevel(ch).map_err(at(kind, "GetLevel"))?);
        }
        let (min_db, max_db, step_db) = range.unwrap_or((0.0, 0.0, 0.0));
        Ok(LevelSpec {
            min_db,
            max_db,
            step_db,
            levels_db,
        })
    }
}

/// `IDeviceSpecificProperty` (K13, X33): type, value and range. Whether `SetValue` would be
/// refused (`read_only`) is not readable without writing: captured as writable (X69).
///
/// # Safety
/// `property` is live.
unsafe fn device_specific(
    property: &IDeviceSpecificProperty,
    kind: ControlKind,
) -> Result<DeviceSpecificSpec, Failed> {
    let unsupported = |what: &str| {
        (
            format!("IDeviceSpecificProperty::{what}"),
            windows_core::Error::new(
                windows_core::HRESULT(devtopo::HResult::E_INVALIDARG.0),
                "a VARTYPE devtopo does not support (X33)",
            ),
        )
    };
    // SAFETY: COM calls on a live interface pointer; GetValue writes at most `size` bytes
    // into the 4-byte buffer.
    unsafe {
        let vt = property.GetType().map_err(at(kind, "GetType"))?;
        let var_type = VarType::from_value(vt.0).ok_or_else(|| unsupported("GetType"))?;
        let mut bytes = [0u8; 4];
        let mut size = 4u32;
        property
            .GetValue(bytes.as_mut_ptr().cast(), &mut size)
            .ok()
            .map_err(at(kind, "GetValue"))?;
        let value = PropertyValue::from_bytes(var_type, bytes);
        let range = match var_type {
            VarType::Bool => None,
            _ => {
                let (mut min, mut max, mut step) = (0i32, 0i32, 0i32);
                property
                    .Get4BRange(&mut min, &mut max, &mut step)
                    .ok()
                    .map_err(at(kind, "Get4BRange"))?;
                let range = FourByteRange { min, max, step };
                // X33: the whole range of the type with step 1 is what "no range" reports.
                let full = match var_type {
                    VarType::I4 => FourByteRange {
                        min: i32::MIN,
                        max: i32::MAX,
                        step: 1,
                    },
                    _ => FourByteRange {
                        min: 0,
                        max: u32::MAX as i32,
                        step: 1,
                    },
                };
                (range != full).then_some(range)
            }
        };
        Ok(DeviceSpecificSpec {
            value,
            range,
            read_only: false,
        })
    }
}

/// A `KSJACK_DESCRIPTION` as devtopo's (E7-E11); `None` for an enum value it does not know.
fn jack(d: &KSJACK_DESCRIPTION) -> Option<JackDescription> {
    Some(JackDescription {
        channel_mapping: d.ChannelMapping,
        color: d.Color,
        connection_type: EPcxConnectionType::from_value(d.ConnectionType as u32)?,
        geo_location: EPcxGeoLocation::from_value(d.GeoLocation as u32)?,
        gen_location: EPcxGenLocation::from_value(d.GenLocation as u32)?,
        port_connection: EPxcPortConnection::from_value(d.PortConnection as u32)?,
        is_connected: d.IsConnected.as_bool(),
    })
}
