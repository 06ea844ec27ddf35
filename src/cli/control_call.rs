//! Scenario steps for the control interfaces (K1-K17), the hardware simulation, endpoint
//! enumeration and change notifications (N1-N6, sinks in module `notify_call`): which calls
//! there are, their arguments, and how each runs through the one Rust method of its COM
//! method. The setters take an optional event `context` (N5).
//!
//! A control step activates the control on its part first (`IPart::Activate` with
//! `CLSCTX_ALL`), as a client does, so a part without the control answers `E_NOINTERFACE`.
//! Which interface is meant follows from the call (`GetMute`: `IAudioMute`) or from the
//! step's `interface` key (`GetLevel` on `IAudioPeakMeter`, `SetEnabled` on
//! `IAudioAutoGainControl`, ...).

use std::str::FromStr;
use std::sync::Arc;

use devtopo::{
    CLSCTX_ALL, ControlKind, EDataFlow, ERole, Guid, KsDataFormat, LocalId, Part, PropertyKey,
    System, format_guids,
};
use serde_json::Value as Json;

use super::call::call_enum;
use super::notify_call::{self, Recorder, Sinks};

call_enum! {
    /// The control, hardware and enumeration calls.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum CtlCall {
        GetChannelCount,
        GetLevelRange,
        GetLevel,
        SetLevel,
        SetLevelUniform,
        SetLevelAllChannels,
        GetMute,
        SetMute,
        GetSelection,
        SetSelection,
        GetEnabled,
        SetEnabled,
        GetChannelConfig,
        SetChannelConfig,
        GetJackCount,
        GetJackDescription,
        GetJackDescription2,
        GetControlInterfaceCount,
        GetControlInterface,
        Activate,
        PropertyGetType = "IDeviceSpecificProperty::GetType",
        GetValue,
        SetValue,
        Get4BRange,
        IsFormatSupported,
        PlugJack,
        UnplugJack,
        FeedPeak,
        HardwareSetLevel,
        HardwareSetMute,
        HardwareDisable,
        HardwareEnable,
        HardwareRemove,
        EnumAudioEndpoints,
        GetDefaultAudioEndpoint,
        RegisterControlChangeCallback,
        UnregisterControlChangeCallback,
        Notifications,
        RegisterEndpointNotificationCallback,
        UnregisterEndpointNotificationCallback,
        EndpointNotifications,
        HardwareReinsert,
        HardwareUnplug,
        HardwarePlug,
        SetDefaultEndpoint,
        GetPropertyValue,
        HardwareSetProperty,
        AddDevices,
    }
}

/// What a call is made on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Part,
    Device,
    System,
    /// A scenario sink (`Notifications`): no part, no device.
    Sink,
}

impl CtlCall {
    /// The exact name first (`IDeviceSpecificProperty::GetType`), then the bare name.
    pub(crate) fn parse(text: &str) -> Option<CtlCall> {
        let text = text.trim();
        let bare = text.rsplit("::").next().unwrap_or(text);
        let find = |wanted: &str| {
            CtlCall::ALL
                .iter()
                .find(|(_, name)| *name == wanted)
                .map(|(c, _)| *c)
        };
        find(text).or_else(|| find(bare))
    }

    pub(crate) fn name(self) -> &'static str {
        CtlCall::ALL
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("?", |(_, n)| n)
    }

    pub(crate) fn target(self) -> Target {
        match self {
            CtlCall::HardwareDisable
            | CtlCall::HardwareEnable
            | CtlCall::HardwareRemove
            | CtlCall::HardwareReinsert
            | CtlCall::HardwareUnplug
            | CtlCall::HardwarePlug
            | CtlCall::SetDefaultEndpoint
            | CtlCall::GetPropertyValue
            | CtlCall::HardwareSetProperty => Target::Device,
            CtlCall::EnumAudioEndpoints
            | CtlCall::GetDefaultAudioEndpoint
            | CtlCall::AddDevices => Target::System,
            CtlCall::Notifications
            | CtlCall::RegisterEndpointNotificationCallback
            | CtlCall::UnregisterEndpointNotificationCallback
            | CtlCall::EndpointNotifications => Target::Sink,
            _ => Target::Part,
        }
    }

    /// True for calls that return nothing.
    pub(crate) fn returns_nothing(self) -> bool {
        // The setters (those that take an event context), plus the simulation and
        // registration calls.
        self.takes_context()
            || matches!(
                self,
                CtlCall::PlugJack
                    | CtlCall::UnplugJack
                    | CtlCall::FeedPeak
                    | CtlCall::HardwareSetLevel
                    | CtlCall::HardwareSetMute
                    | CtlCall::HardwareDisable
                    | CtlCall::HardwareEnable
                    | CtlCall::HardwareRemove
                    | CtlCall::RegisterControlChangeCallback
                    | CtlCall::UnregisterControlChangeCallback
                    | CtlCall::RegisterEndpointNotificationCallback
                    | CtlCall::UnregisterEndpointNotificationCallback
                    | CtlCall::HardwareReinsert
                    | CtlCall::HardwareUnplug
                    | CtlCall::HardwarePlug
                    | CtlCall::SetDefaultEndpoint
                    | CtlCall::HardwareSetProperty
                    | CtlCall::AddDevices
            )
    }

    /// True for the setters that take an event context (N5).
    fn takes_context(self) -> bool {
        matches!(
            self,
            CtlCall::SetLevel
                | CtlCall::SetLevelUniform
                | CtlCall::SetLevelAllChannels
                | CtlCall::SetMute
                | CtlCall::SetSelection
                | CtlCall::SetEnabled
                | CtlCall::SetChannelConfig
                | CtlCall::SetValue
        )
    }

    /// The interface a call means when the step names none.
    fn default_interface(self) -> Option<ControlKind> {
        Some(match self {
            CtlCall::GetChannelCount
            | CtlCall::GetLevelRange
            | CtlCall::GetLevel
            | CtlCall::SetLevel
            | CtlCall::SetLevelUniform
            | CtlCall::SetLevelAllChannels
            | CtlCall::HardwareSetLevel => ControlKind::VolumeLevel,
            CtlCall::GetMute | CtlCall::SetMute | CtlCall::HardwareSetMute => ControlKind::Mute,
            CtlCall::GetSelection | CtlCall::SetSelection => ControlKind::InputSelector,
            CtlCall::GetEnabled | CtlCall::SetEnabled => ControlKind::Loudness,
            CtlCall::GetChannelConfig | CtlCall::SetChannelConfig => ControlKind::ChannelConfig,
            CtlCall::GetJackCount | CtlCall::GetJackDescription => ControlKind::JackDescription,
            CtlCall::GetJackDescription2 => ControlKind::JackDescription2,
            CtlCall::PropertyGetType
            | CtlCall::GetValue
            | CtlCall::SetValue
            | CtlCall::Get4BRange => ControlKind::DeviceSpecificProperty,
            CtlCall::IsFormatSupported => ControlKind::FormatSupport,
            CtlCall::FeedPeak => ControlKind::PeakMeter,
            _ => return None,
        })
    }

    /// The keys a call needs, for messages and checks.
    fn needs(self) -> &'static [&'static str] {
        match self {
            CtlCall::GetLevelRange | CtlCall::GetLevel => &["channel"],
            CtlCall::SetLevel | CtlCall::HardwareSetLevel | CtlCall::FeedPeak => {
                &["channel", "level"]
            }
            CtlCall::SetLevelUniform => &["level"],
            CtlCall::SetLevelAllChannels => &["levels"],
            CtlCall::SetMute | CtlCall::HardwareSetMute => &["muted"],
            CtlCall::SetEnabled => &["enabled"],
            CtlCall::SetSelection => &["selection"],
            CtlCall::SetChannelConfig => &["config"],
            CtlCall::GetJackDescription
            | CtlCall::GetJackDescription2
            | CtlCall::PlugJack
            | CtlCall::UnplugJack => &["jack"],
            CtlCall::GetControlInterface => &["index"],
            CtlCall::Activate => &["interface"],
            CtlCall::SetValue => &["property"],
            CtlCall::IsFormatSupported => &["format"],
            CtlCall::EnumAudioEndpoints => &["flow", "state_mask"],
            CtlCall::GetDefaultAudioEndpoint => &["flow"],
            CtlCall::RegisterControlChangeCallback => &["interface", "sink"],
            CtlCall::UnregisterControlChangeCallback
            | CtlCall::Notifications
            | CtlCall::RegisterEndpointNotificationCallback
            | CtlCall::UnregisterEndpointNotificationCallback
            | CtlCall::EndpointNotifications => &["sink"],
            CtlCall::GetPropertyValue => &["key"],
            CtlCall::HardwareSetProperty => &["key", "property"],
            _ => &[],
        }
    }
}

/// The raw argument keys of a step, as written.
#[derive(Debug, Default)]
pub(crate) struct RawArgs<'a> {
    pub(crate) interface: Option<&'a Json>,
    pub(crate) channel: Option<&'a Json>,
    pub(crate) level: Option<&'a Json>,
    pub(crate) levels: Option<&'a Json>,
    pub(crate) muted: Option<&'a Json>,
    pub(crate) enabled: Option<&'a Json>,
    pub(crate) selection: Option<&'a Json>,
    pub(crate) config: Option<&'a Json>,
    pub(crate) jack: Option<&'a Json>,
    pub(crate) index: Option<u32>,
    pub(crate) clsctx: Option<&'a Json>,
    pub(crate) property: Option<&'a Json>,
    pub(crate) format: Option<&'a Json>,
    pub(crate) flow: Option<&'a Json>,
    pub(crate) state_mask: Option<&'a Json>,
    pub(crate) role: Option<&'a Json>,
    pub(crate) sink: Option<&'a str>,
    pub(crate) context: Option<&'a Json>,
    pub(crate) key: Option<&'a Json>,
    /// `AddDevices`: the loaded topology file.
    pub(crate) devices: Option<&'a System>,
}

/// The arguments of a control step, checked.
#[derive(Debug, Clone)]
pub(crate) struct Args {
    pub(super) iid: Guid,
    pub(super) kind: Option<ControlKind>,
    pub(super) channel: u32,
    pub(super) level: f32,
    pub(super) levels: Vec<f32>,
    pub(super) on: bool,
    pub(super) selection: LocalId,
    pub(super) word: u32,
    pub(super) jack: u32,
    pub(super) index: u32,
    pub(super) clsctx: u32,
    pub(super) property: Option<Json>,
    pub(super) format: Option<KsDataFormat>,
    pub(super) flow: EDataFlow,
    pub(super) role: ERole,
    /// A setter's event context (N5).
    pub(super) context: Option<Guid>,
    /// The scenario sink of a notification step.
    pub(super) sink: Option<Arc<Recorder>>,
    /// A property key (`GetPropertyValue`, `HardwareSetProperty`).
    pub(super) key: Option<PropertyKey>,
    /// `AddDevices`: the devices that arrive.
    pub(super) devices: Option<System>,
}

type Problem = (Option<&'static str>, String);

fn bad(key: &'static str, message: String) -> Problem {
    (Some(key), message)
}

/// A device-state mask: a number, or `DEVICE_STATE_*` names (and `DEVICE_STATEMASK_ALL`,
/// numbers) joined by `|`: `"DEVICE_STATE_ACTIVE | DEVICE_STATE_UNPLUGGED"`.
pub(super) fn state_mask(v: &Json) -> Option<u32> {
    if let Some(mask) = word(v) {
        return Some(mask);
    }
    v.as_str()?.split('|').try_fold(0u32, |mask, part| {
        let part = part.trim();
        let bit = match part {
            "DEVICE_STATEMASK_ALL" => 0xF,
            _ => match part.parse::<devtopo::DeviceState>() {
                Ok(state) => state.value(),
                Err(_) => word(&Json::String(part.to_owned()))?,
            },
        };
        Some(mask | bit)
    })
}

pub(super) fn word(v: &Json) -> Option<u32> {
    match v {
        Json::Number(n) => n.as_u64().and_then(|x| u32::try_from(x).ok()),
        Json::String(s) => {
            let s = s.trim();
            match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => s.parse().ok(),
            }
        }
        _ => None,
    }
}

fn db(v: &Json) -> Option<f32> {
    match v {
        Json::Number(n) => n.as_f64().map(|x| x as f32),
        Json::String(s) => match s.trim() {
            "-inf" => Some(f32::NEG_INFINITY),
            "inf" | "+inf" => Some(f32::INFINITY),
            "nan" | "NaN" => Some(f32::NAN),
            _ => None,
        },
        _ => None,
    }
}

/// An interface by name (`IAudioMute`, `IID_IAudioMute`, any GUID name, or a braced GUID).
fn interface(v: &Json) -> Option<Guid> {
    let text = v.as_str()?;
    Guid::from_name(text).or_else(|| text.parse().ok())
}

fn format(v: &Json) -> Result<KsDataFormat, String> {
    let obj = v
        .as_object()
        .ok_or_else(|| format!("expected a format table, found {v}"))?;
    let num = |key: &str| -> Result<u32, String> {
        obj.get(key)
            .and_then(word)
            .ok_or_else(|| format!("a format needs `{key}`"))
    };
    let sub = match obj.get("sub_format").and_then(Json::as_str) {
        None | Some("KSDATAFORMAT_SUBTYPE_PCM") => format_guids::KSDATAFORMAT_SUBTYPE_PCM,
        Some("KSDATAFORMAT_SUBTYPE_IEEE_FLOAT") => format_guids::KSDATAFORMAT_SUBTYPE_IEEE_FLOAT,
        Some("KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL") => {
            format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL
        }
        Some("KSDATAFORMAT_SUBTYPE_IEC61937_DTS") => {
            format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS
        }
        Some(other) => other
            .parse::<Guid>()
            .map_err(|_| format!("`{other}` is not a sub-format"))?,
    };
    let channels = u16::try_from(num("channels")?).map_err(|e| e.to_string())?;
    let bits = u16::try_from(num("bits_per_sample")?).map_err(|e| e.to_string())?;
    let mut f = KsDataFormat::wave(sub, channels, num("samples_per_sec")?, bits);
    if let Some(w) = f.wave.as_mut() {
        if let Some(v) = obj.get("valid_bits_per_sample").and_then(word) {
            w.valid_bits_per_sample = u16::try_from(v).map_err(|e| e.to_string())?;
        }
        if let Some(m) = obj.get("channel_mask").and_then(word) {
            w.channel_mask = m;
        }
    }
    Ok(f)
}

/// Checks a step's arguments. `part` is the step's part, for selections by name; `sinks`
/// the scenario's sinks, for notification steps.
pub(crate) fn prepare(
    system: &System,
    call: CtlCall,
    part: Option<&Part>,
    sinks: &Sinks,
    raw: &RawArgs<'_>,
) -> Result<(Args, String), Problem> {
    let present = |key: &str| -> bool {
        match key {
            "channel" => raw.channel.is_some(),
            "level" => raw.level.is_some(),
            "levels" => raw.levels.is_some(),
            "muted" => raw.muted.is_some(),
            "enabled" => raw.enabled.is_some(),
            "selection" => raw.selection.is_some(),
            "config" => raw.config.is_some(),
            "jack" => raw.jack.is_some(),
            "index" => raw.index.is_some(),
            "interface" => raw.interface.is_some(),
            "property" => raw.property.is_some(),
            "format" => raw.format.is_some(),
            "flow" => raw.flow.is_some(),
            "state_mask" => raw.state_mask.is_some(),
            "sink" => raw.sink.is_some(),
            "key" => raw.key.is_some(),
            _ => true,
        }
    };
    if let Some(key) = call.needs().iter().find(|k| !present(k)) {
        return Err((None, format!("{} needs `{key}`", call.name())));
    }
    let mut text = String::new();
    let kind = match raw.interface {
        Some(v) => {
            let iid = interface(v).ok_or_else(|| {
                bad(
                    "interface",
                    format!("{v} is not an interface name such as \"IAudioMute\""),
                )
            })?;
            text.push_str(&format!(" {}", v.as_str().unwrap_or_default()));
            (iid, ControlKind::from_iid(iid))
        }
        None => {
            let k = call.default_interface();
            (k.map_or(Guid::from_u128(0), ControlKind::iid), k)
        }
    };
    let channel = match raw.channel {
        Some(v) => {
            let c = word(v).ok_or_else(|| bad("channel", format!("{v} is not a channel")))?;
            text.push_str(&format!(" channel {c}"));
            c
        }
        None => 0,
    };
    let level = match raw.level {
        Some(v) => {
            let l = db(v).ok_or_else(|| bad("level", format!("{v} is not a level in dB")))?;
            text.push_str(&format!(" {v} dB"));
            l
        }
        None => 0.0,
    };
    let levels = match raw.levels {
        Some(v) => {
            let list = v
                .as_array()
                .and_then(|a| a.iter().map(db).collect::<Option<Vec<f32>>>())
                .ok_or_else(|| bad("levels", format!("{v} is not a list of levels in dB")))?;
            text.push_str(&format!(" {v} dB"));
            list
        }
        None => Vec::new(),
    };
    let flag = |v: Option<&Json>, key: &'static str| -> Result<Option<bool>, Problem> {
        v.map(|v| {
            v.as_bool()
                .ok_or_else(|| bad(key, format!("{v} is not true or false")))
        })
        .transpose()
    };
    let on = flag(raw.muted, "muted")?
        .or(flag(raw.enabled, "enabled")?)
        .unwrap_or(false);
    if raw.muted.is_some() || raw.enabled.is_some() {
        text.push_str(if on { " TRUE" } else { " FALSE" });
    }
    let selection = match raw.selection {
        Some(v) => {
            let id = selection(system, part, v).map_err(|m| bad("selection", m))?;
            text.push_str(&format!(" {id}"));
            id
        }
        None => LocalId::default(),
    };
    let mut word_arg = 0;
    if let Some(v) = raw.config {
        word_arg = word(v).ok_or_else(|| bad("config", format!("{v} is not a 32-bit value")))?;
        text.push_str(&format!(" 0x{word_arg:X}"));
    }
    if let Some(v) = raw.state_mask {
        word_arg = state_mask(v).ok_or_else(|| {
            bad(
                "state_mask",
                format!("{v} is not a state mask: a number, or DEVICE_STATE_* names joined by `|`"),
            )
        })?;
        text.push_str(&format!(" mask 0x{word_arg:X}"));
    }
    let jack = match raw.jack {
        Some(v) => {
            let j = word(v).ok_or_else(|| bad("jack", format!("{v} is not a jack index")))?;
            text.push_str(&format!(" jack {j}"));
            j
        }
        None => 0,
    };
    if let Some(i) = raw.index {
        text.push_str(&format!(" index {i}"));
    }
    let clsctx = match raw.clsctx {
        Some(v) => word(v).ok_or_else(|| bad("clsctx", format!("{v} is not a CLSCTX value")))?,
        None => CLSCTX_ALL,
    };
    let format = match raw.format {
        Some(v) => Some(format(v).map_err(|m| bad("format", m))?),
        None => None,
    };
    let flow = match raw.flow {
        Some(v) => {
            let t = v.as_str().unwrap_or_default();
            text.push_str(&format!(" {t}"));
            EDataFlow::from_str(t).map_err(|e| bad("flow", e.to_string()))?
        }
        None => EDataFlow::All,
    };
    let role = match raw.role {
        Some(v) => ERole::from_str(v.as_str().unwrap_or_default())
            .map_err(|e| bad("role", e.to_string()))?,
        None => ERole::Console,
    };
    if let Some(v) = raw.property {
        text.push_str(&format!(" {v}"));
    }
    let context = match raw.context {
        Some(_) if !call.takes_context() => {
            return Err(bad(
                "context",
                format!("{} takes no event context", call.name()),
            ));
        }
        Some(v) => {
            let g = notify_call::context(system, v).ok_or_else(|| {
                bad(
                    "context",
                    format!("{v} is not a GUID name or a braced GUID"),
                )
            })?;
            text.push_str(&format!(" context {}", v.as_str().unwrap_or_default()));
            Some(g)
        }
        None => None,
    };
    let sink = match raw.sink {
        Some(name) => {
            text.push_str(&format!(" sink {name}"));
            Some(notify_call::resolve(sinks, name).map_err(|m| bad("sink", m))?)
        }
        None => None,
    };
    let key = match raw.key {
        Some(v) => {
            let t = v.as_str().unwrap_or_default();
            text.push_str(&format!(" {t}"));
            Some(
                t.parse::<PropertyKey>()
                    .map_err(|e| bad("key", e.to_string()))?,
            )
        }
        None => None,
    };
    Ok((
        Args {
            key,
            devices: raw.devices.cloned(),
            iid: kind.0,
            kind: kind.1,
            channel,
            level,
            levels,
            on,
            selection,
            word: word_arg,
            jack,
            index: raw.index.unwrap_or(0),
            clsctx,
            property: raw.property.cloned(),
            format,
            flow,
            role,
            context,
            sink,
        },
        text,
    ))
}

/// A selection: a local ID, a part name of the step's device, or `device/part`.
fn selection(system: &System, part: Option<&Part>, v: &Json) -> Result<LocalId, String> {
    if let Some(id) = word(v).filter(|_| v.is_number()) {
        return Ok(LocalId(id));
    }
    let text = v
        .as_str()
        .ok_or_else(|| format!("{v} is not a local ID or part"))?;
    if let Some(id) = LocalId::parse(text) {
        return Ok(id);
    }
    let full = match (text.contains('/'), part.and_then(|p| p.topology().ok())) {
        (false, Some(t)) => format!("{}/{text}", t.device_id().unwrap_or_default()),
        _ => text.to_owned(),
    };
    let found = system.find_part(&full).map_err(|e| e.to_string())?;
    found.local_id().map_err(|e| e.to_string())
}

pub(crate) use super::control_exec::{execute, expected};
