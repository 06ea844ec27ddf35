//! Running a control step (module `control_call`): each call through the one Rust method
//! of its COM method, and its value in one canonical JSON form, so an expected `-3` equals
//! an actual `-3.0` and `"0xb3c98c"` equals `"0xB3C98C"`.

use std::sync::Arc;

use devtopo::{
    CLSCTX_ALL, Control, ControlChangeNotify, ControlKind, LocalId, MMNotificationClient, Part,
    PropVariant, PropertyValue, STGM_READ, System,
};
use serde_json::{Value as Json, json};

use super::control_call::{Args, CtlCall, word};
use super::notify_call;

fn missing() -> devtopo::Error {
    devtopo::Error::UnknownKey {
        key: "missing step argument".to_owned(),
    }
}

/// The `f64` whose shortest form is the `f32`'s (so -3.2f32 reads -3.2).
fn wide(v: f32) -> Json {
    if v.is_finite() {
        let x: f64 = v.to_string().parse().unwrap_or(f64::from(v));
        canonical(json!(x))
    } else if v > 0.0 {
        json!("inf")
    } else {
        json!("-inf")
    }
}

/// Numbers in one form, so an expected `-3` equals an actual `-3.0`: integral values as
/// integers, others through `f32` (levels are `f32`).
pub(crate) fn canonical(v: Json) -> Json {
    match v {
        Json::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or(0.0);
            if x.fract() == 0.0 && x.abs() < 9.0e15 {
                json!(x as i64)
            } else {
                let s: f64 = (x as f32).to_string().parse().unwrap_or(x);
                json!(s)
            }
        }
        Json::Array(a) => Json::Array(a.into_iter().map(canonical).collect()),
        Json::Object(o) => Json::Object(
            o.into_iter()
                .map(|(k, v)| {
                    let hex = matches!(
                        k.as_str(),
                        "ChannelMapping" | "DeviceStateInfo" | "JackCapabilities" | "Color"
                    );
                    let v = match (hex, word(&v)) {
                        (true, Some(x)) if k == "Color" => json!(format!("0x{x:06X}")),
                        (true, Some(x)) => json!(format!("0x{x:X}")),
                        _ => canonical(v),
                    };
                    (k, v)
                })
                .collect(),
        ),
        other => other,
    }
}

/// The expected value of a step, in the form [`execute`] answers.
pub(crate) fn expected(system: &System, call: CtlCall, raw: &Json) -> Result<Json, String> {
    if call.returns_nothing() {
        return Err(format!("{} returns no value", call.name()));
    }
    let device_id = |v: &Json| -> Result<Json, String> {
        let t = v
            .as_str()
            .ok_or_else(|| format!("expected a device, found {v}"))?;
        let d = system.find_device(t).map_err(|e| e.to_string())?;
        d.id().map(Json::from).map_err(|e| e.to_string())
    };
    match call {
        CtlCall::GetSelection => LocalId::parse(raw.as_str().unwrap_or_default())
            .or_else(|| {
                raw.as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .map(LocalId)
            })
            .map(|id| json!(id.to_string()))
            .ok_or_else(|| format!("{raw} is not a local ID")),
        CtlCall::GetChannelConfig => word(raw)
            .map(|x| json!(format!("0x{x:X}")))
            .ok_or_else(|| format!("{raw} is not a 32-bit value")),
        CtlCall::EnumAudioEndpoints => raw
            .as_array()
            .ok_or_else(|| format!("expected a list of devices, found {raw}"))?
            .iter()
            .map(device_id)
            .collect::<Result<Vec<_>, _>>()
            .map(Json::Array),
        CtlCall::GetDefaultAudioEndpoint => device_id(raw),
        CtlCall::Notifications => notify_call::expected(system, raw),
        _ => Ok(canonical(raw.clone())),
    }
}

fn control(part: &Part, args: &Args) -> devtopo::Result<Control> {
    part.activate(CLSCTX_ALL, args.iid)
}

/// The step's control as one interface (`Control::into_mute`, ...), else [`no_such`].
fn typed<T>(
    part: devtopo::Result<&Part>,
    args: &Args,
    into: impl FnOnce(Control) -> Option<T>,
) -> devtopo::Result<T> {
    into(control(part?, args)?).ok_or_else(|| no_such(args))
}

fn no_such(args: &Args) -> devtopo::Error {
    devtopo::Error::UnknownKey {
        key: format!("control {} for this call", args.iid.display_name()),
    }
}

/// Runs one control step: `Ok(None)` for methods without a value.
pub(crate) fn execute(
    system: &System,
    call: CtlCall,
    part: Option<&Part>,
    device: Option<&devtopo::Device>,
    args: &Args,
) -> devtopo::Result<Option<Json>> {
    let part = || part.ok_or_else(missing);
    let device = || device.ok_or_else(missing);
    let sink = || args.sink.clone().ok_or_else(missing);
    let level = || -> devtopo::Result<devtopo::PerChannelDbLevel> {
        typed(part(), args, Control::into_level)
    };
    let peak = args.kind == Some(ControlKind::PeakMeter);
    let hw = system.hardware();
    let value = match call {
        CtlCall::GetChannelCount if peak => {
            let m = typed(part(), args, Control::into_peak_meter)?;
            json!(m.channel_count()?)
        }
        CtlCall::GetChannelCount => json!(level()?.channel_count()?),
        CtlCall::GetLevelRange => {
            let r = level()?.level_range(args.channel)?;
            json!({ "min_db": wide(r.min_db), "max_db": wide(r.max_db), "step_db": wide(r.step_db) })
        }
        CtlCall::GetLevel if peak => {
            let m = typed(part(), args, Control::into_peak_meter)?;
            wide(m.level(args.channel)?)
        }
        CtlCall::GetLevel => wide(level()?.level(args.channel)?),
        CtlCall::SetLevel => {
            level()?.set_level(args.channel, args.level, args.context)?;
            return Ok(None);
        }
        CtlCall::SetLevelUniform => {
            level()?.set_level_uniform(args.level, args.context)?;
            return Ok(None);
        }
        CtlCall::SetLevelAllChannels => {
            level()?.set_level_all_channels(&args.levels, args.context)?;
            return Ok(None);
        }
        CtlCall::GetMute => {
            let m = typed(part(), args, Control::into_mute)?;
            json!(m.mute()?)
        }
        CtlCall::SetMute => {
            let m = typed(part(), args, Control::into_mute)?;
            m.set_mute(args.on, args.context)?;
            return Ok(None);
        }
        CtlCall::GetSelection | CtlCall::SetSelection => {
            let c = control(part()?, args)?;
            let set = call == CtlCall::SetSelection;
            let id = match (c.clone().into_input_selector(), c.into_output_selector()) {
                (Some(s), _) if set => {
                    return s.set_selection(args.selection, args.context).map(|()| None);
                }
                (Some(s), _) => s.selection()?,
                (_, Some(s)) if set => {
                    return s.set_selection(args.selection, args.context).map(|()| None);
                }
                (_, Some(s)) => s.selection()?,
                _ => return Err(no_such(args)),
            };
            json!(id.to_string())
        }
        CtlCall::GetEnabled | CtlCall::SetEnabled => {
            let c = control(part()?, args)?;
            let set = call == CtlCall::SetEnabled;
            match (c.clone().into_loudness(), c.into_auto_gain_control()) {
                (Some(l), _) if set => return l.set_enabled(args.on, args.context).map(|()| None),
                (Some(l), _) => json!(l.enabled()?),
                (_, Some(a)) if set => return a.set_enabled(args.on, args.context).map(|()| None),
                (_, Some(a)) => json!(a.enabled()?),
                _ => return Err(no_such(args)),
            }
        }
        CtlCall::GetChannelConfig => {
            let c = typed(part(), args, Control::into_channel_config)?;
            json!(format!("0x{:X}", c.channel_config()?))
        }
        CtlCall::SetChannelConfig => {
            let c = typed(part(), args, Control::into_channel_config)?;
            c.set_channel_config(args.word, args.context)?;
            return Ok(None);
        }
        CtlCall::GetJackCount => {
            let c = control(part()?, args)?;
            match (
                c.clone().into_jack_description(),
                c.into_jack_description2(),
            ) {
                (Some(j), _) => json!(j.jack_count()?),
                (_, Some(j)) => json!(j.jack_count()?),
                _ => return Err(no_such(args)),
            }
        }
        CtlCall::GetJackDescription => {
            let j = typed(part(), args, Control::into_jack_description)?;
            let d = j.jack_description(args.jack)?;
            canonical(json!({
                "ChannelMapping": d.channel_mapping,
                "Color": d.color,
                "ConnectionType": d.connection_type.name(),
                "GeoLocation": d.geo_location.name(),
                "GenLocation": d.gen_location.name(),
                "PortConnection": d.port_connection.name(),
                "IsConnected": d.is_connected,
            }))
        }
        CtlCall::GetJackDescription2 => {
            let j = typed(part(), args, Control::into_jack_description2)?;
            let d = j.jack_description2(args.jack)?;
            canonical(json!({
                "DeviceStateInfo": d.device_state_info,
                "JackCapabilities": d.jack_capabilities,
            }))
        }
        CtlCall::GetControlInterfaceCount => json!(part()?.control_interface_count()?),
        CtlCall::GetControlInterface => {
            json!(
                part()?
                    .control_interface(args.index)?
                    .kind()
                    .interface_name()
            )
        }
        CtlCall::Activate => {
            json!(
                part()?
                    .activate(args.clsctx, args.iid)?
                    .kind()
                    .interface_name()
            )
        }
        CtlCall::PropertyGetType | CtlCall::GetValue | CtlCall::Get4BRange => {
            let p = typed(part(), args, Control::into_device_specific_property)?;
            match call {
                CtlCall::PropertyGetType => json!(p.var_type()?.name()),
                CtlCall::GetValue => match p.typed_value()? {
                    PropertyValue::I4(v) => json!(v),
                    PropertyValue::Ui4(v) => json!(v),
                    PropertyValue::Bool(v) => json!(v),
                },
                _ => {
                    let r = p.four_byte_range()?;
                    json!({ "min": r.min, "max": r.max, "step": r.step })
                }
            }
        }
        CtlCall::SetValue => {
            let p = typed(part(), args, Control::into_device_specific_property)?;
            let bytes = match args.property.as_ref() {
                Some(Json::Bool(b)) => u32::from(*b).to_le_bytes().to_vec(),
                Some(Json::Number(n)) => match (n.as_i64(), p.var_type()?) {
                    (Some(v), devtopo::VarType::Ui4) => (v as u32).to_le_bytes().to_vec(),
                    (Some(v), _) => (v as i32).to_le_bytes().to_vec(),
                    (None, _) => Vec::new(),
                },
                _ => Vec::new(),
            };
            p.set_value(&bytes, args.context)?;
            return Ok(None);
        }
        CtlCall::IsFormatSupported => {
            let f = typed(part(), args, Control::into_format_support)?;
            json!(f.is_format_supported(&args.format.ok_or_else(missing)?)?)
        }
        CtlCall::PlugJack | CtlCall::UnplugJack => {
            let c = part()?.as_connector()?;
            if call == CtlCall::PlugJack {
                hw.plug_jack(&c, args.jack)?;
            } else {
                hw.unplug_jack(&c, args.jack)?;
            }
            return Ok(None);
        }
        CtlCall::FeedPeak => {
            hw.feed_peak(part()?, args.channel, args.level)?;
            return Ok(None);
        }
        CtlCall::HardwareSetLevel => {
            let kind = args.kind.ok_or_else(|| no_such(args))?;
            hw.set_level(part()?, kind, args.channel, args.level)?;
            return Ok(None);
        }
        CtlCall::HardwareSetMute => {
            hw.set_mute(part()?, args.on)?;
            return Ok(None);
        }
        CtlCall::HardwareDisable => {
            hw.disable(device()?)?;
            return Ok(None);
        }
        CtlCall::HardwareEnable => {
            hw.enable(device()?)?;
            return Ok(None);
        }
        CtlCall::HardwareRemove => {
            hw.remove(device()?)?;
            return Ok(None);
        }
        CtlCall::EnumAudioEndpoints => {
            let list = system.endpoints(args.flow, args.word)?;
            Json::Array(
                list.iter()
                    .map(|d| json!(d.id().unwrap_or_default()))
                    .collect(),
            )
        }
        CtlCall::GetDefaultAudioEndpoint => {
            json!(system.default_endpoint(args.flow, args.role)?.id()?)
        }
        CtlCall::RegisterControlChangeCallback => {
            let sink: Arc<dyn ControlChangeNotify> = sink()?;
            part()?.register_control_change_callback(args.iid, sink)?;
            return Ok(None);
        }
        CtlCall::UnregisterControlChangeCallback => {
            part()?.unregister_control_change_callback(&*sink()?)?;
            return Ok(None);
        }
        CtlCall::Notifications => notify_call::take(system, &*sink()?),
        CtlCall::RegisterEndpointNotificationCallback => {
            let sink: Arc<dyn MMNotificationClient> = sink()?;
            system.register_endpoint_notification_callback(sink)?;
            return Ok(None);
        }
        CtlCall::UnregisterEndpointNotificationCallback => {
            system.unregister_endpoint_notification_callback(&*sink()?)?;
            return Ok(None);
        }
        CtlCall::EndpointNotifications => sink()?.take_endpoint(),
        CtlCall::HardwareReinsert => {
            hw.reinsert(device()?)?;
            return Ok(None);
        }
        CtlCall::HardwareUnplug => {
            hw.unplug(device()?)?;
            return Ok(None);
        }
        CtlCall::HardwarePlug => {
            hw.plug(device()?)?;
            return Ok(None);
        }
        CtlCall::SetDefaultEndpoint => {
            hw.set_default_endpoint(device()?, args.role)?;
            return Ok(None);
        }
        CtlCall::GetPropertyValue => {
            let key = args.key.ok_or_else(missing)?;
            json!(
                device()?
                    .open_property_store(STGM_READ)?
                    .value(&key)?
                    .to_string()
            )
        }
        CtlCall::AddDevices => {
            system.add_devices(args.devices.as_ref().ok_or_else(missing)?)?;
            return Ok(None);
        }
        CtlCall::HardwareSetProperty => {
            let key = args.key.ok_or_else(missing)?;
            let value = match args.property.as_ref() {
                Some(Json::String(t)) => PropVariant::Lpwstr(t.clone()),
                Some(Json::Bool(b)) => PropVariant::Bool(*b),
                Some(Json::Number(n)) => n
                    .as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .map(PropVariant::Ui4)
                    .ok_or_else(missing)?,
                _ => PropVariant::Empty,
            };
            hw.set_property(device()?, key, value)?;
            return Ok(None);
        }
    };
    Ok(Some(value))
}
