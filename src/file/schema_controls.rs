//! The control part of the topology file schema: `[[device.connector.control]]` and
//! `[[device.subunit.control]]` entries, with their jacks and formats.
//!
//! One entry is one control interface of the part, named by its Windows interface name
//! (`interface = "IAudioVolumeLevel"`), in `GetControlInterface` order. The entry is one flat
//! struct; which keys an interface takes is checked when the file is loaded
//! (`file::controls`), so a key that belongs to another interface is reported at its own
//! location. Enum values and field names are Windows' own (`eConnType3Point5mm`,
//! `channel_mapping` for `ChannelMapping`, ...).

use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::form::{TextForm, serde_by_form, u32_of};
use super::limits::bounded;
use super::schema::{Named, PartText, Shorten};
use crate::controls::{
    ControlKind, EPcxConnectionType, EPcxGenLocation, EPcxGeoLocation, EPxcPortConnection, VarType,
    format_guids,
};
use crate::guid::Guid;

/// One control interface of a part: `[[device.subunit.control]]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ControlEntry {
    /// The interface: `IAudioVolumeLevel`, `IAudioMute`, `IKsJackDescription`, ...
    pub(crate) interface: Interface,
    /// Levels (`IAudioVolumeLevel`, `IAudioBass`, `IAudioMidrange`, `IAudioTreble`): minimum dB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) min_db: Option<f64>,
    /// Levels: maximum dB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) max_db: Option<f64>,
    /// Levels: step in dB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) step_db: Option<f64>,
    /// Levels and `IAudioPeakMeter`: the channel count, with one uniform `level_db` (levels)
    /// or silent channels (peak meter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) channels: Option<u32>,
    /// Levels: the initial level of every channel, with `channels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) level_db: Option<f64>,
    /// Levels: the initial level of each channel.
    #[serde(
        default,
        deserialize_with = "channel_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) levels_db: Option<Vec<f64>>,
    /// `IAudioPeakMeter`: the pending peak of each channel in dB (`-inf` or `"-inf"`: silence).
    #[serde(
        default,
        deserialize_with = "channel_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) peaks_db: Option<Vec<Db>>,
    /// `IAudioMute`: muted or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) muted: Option<bool>,
    /// `IAudioLoudness`, `IAudioAutoGainControl`: enabled or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) enabled: Option<bool>,
    /// `IAudioInputSelector`, `IAudioOutputSelector`: the selected part of the same device,
    /// by local ID or part name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) selection: Option<PartText>,
    /// `IAudioChannelConfig`: the speaker mask (`"0x3"` or an integer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) channel_config: Option<Hex<1>>,
    /// `IDeviceSpecificProperty`: `VT_I4`, `VT_UI4` or `VT_BOOL`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub(crate) var_type: Option<VarTypeName>,
    /// `IDeviceSpecificProperty`: the value (an integer, or true/false for `VT_BOOL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) value: Option<RawValue>,
    /// `IDeviceSpecificProperty`: the range `Get4BRange` reports (`VT_I4`, `VT_UI4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) range: Option<RangeEntry>,
    /// `IDeviceSpecificProperty`: `SetValue` fails with `ERROR_FILE_READ_ONLY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) read_only: Option<bool>,
    /// `IKsFormatSupport`: the supported formats.
    #[serde(
        default,
        rename = "format",
        deserialize_with = "format_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) formats: Option<Vec<FormatEntry>>,
    /// `IKsFormatSupport`: ranges of supported formats (`KSDATARANGE_AUDIO`).
    #[serde(
        default,
        rename = "format_range",
        deserialize_with = "format_range_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) format_ranges: Option<Vec<FormatRangeEntry>>,
    /// `IKsFormatSupport`: the index of the preferred format in `format` (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) preferred: Option<u32>,
    /// `IKsJackDescription`, `IKsJackDescription2`: one entry per jack.
    #[serde(
        default,
        rename = "jack",
        deserialize_with = "jack_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) jacks: Option<Vec<JackEntry>>,
}

fn channel_list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    bounded::channels(d).map(Some)
}

fn format_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<FormatEntry>>, D::Error> {
    bounded::formats(d).map(Some)
}

fn format_range_list<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<FormatRangeEntry>>, D::Error> {
    super::limits::bounded::seq(d, super::limits::Limit::Formats).map(Some)
}

/// One range of `IKsFormatSupport`, as `KSDATARANGE_AUDIO`: formats of 1 to `max_channels`
/// channels, `min_bits_per_sample..=max_bits_per_sample` bits and
/// `min_sample_frequency..=max_sample_frequency` Hz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FormatRangeEntry {
    /// `MajorFormat`; default `KSDATAFORMAT_TYPE_AUDIO`.
    #[serde(default = "audio", skip_serializing_if = "is_audio")]
    pub(crate) major_format: FormatGuid,
    /// `SubFormat`; default `KSDATAFORMAT_SUBTYPE_PCM`.
    #[serde(default = "pcm")]
    pub(crate) sub_format: FormatGuid,
    /// `Specifier`; default `KSDATAFORMAT_SPECIFIER_WAVEFORMATEX`.
    #[serde(default = "wave", skip_serializing_if = "is_wave")]
    pub(crate) specifier: FormatGuid,
    /// `MaximumChannels`.
    pub(crate) max_channels: u16,
    /// `MinimumBitsPerSample`.
    pub(crate) min_bits_per_sample: u16,
    /// `MaximumBitsPerSample`.
    pub(crate) max_bits_per_sample: u16,
    /// `MinimumSampleFrequency`.
    pub(crate) min_sample_frequency: u32,
    /// `MaximumSampleFrequency`.
    pub(crate) max_sample_frequency: u32,
}

fn jack_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<JackEntry>>, D::Error> {
    bounded::jacks(d).map(Some)
}

/// One jack: `[[device.connector.control.jack]]`. `KSJACK_DESCRIPTION`'s seven fields for
/// `IKsJackDescription`, `KSJACK_DESCRIPTION2`'s two for `IKsJackDescription2`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct JackEntry {
    /// `ChannelMapping`: a speaker mask (`"0x3"` or an integer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) channel_mapping: Option<Hex<1>>,
    /// `Color`: `"0xRRGGBB"` or an integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) color: Option<Hex<6>>,
    /// `ConnectionType`: `eConnType3Point5mm`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) connection_type: Option<Named<EPcxConnectionType>>,
    /// `GeoLocation`: `eGeoLocRear`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) geo_location: Option<Named<EPcxGeoLocation>>,
    /// `GenLocation`: `eGenLocPrimaryBox`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) gen_location: Option<Named<EPcxGenLocation>>,
    /// `PortConnection`: `ePortConnJack`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) port_connection: Option<Named<EPxcPortConnection>>,
    /// `IsConnected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) is_connected: Option<bool>,
    /// `DeviceStateInfo` (`KSJACK_DESCRIPTION2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) device_state_info: Option<Hex<1>>,
    /// `JackCapabilities` (`KSJACK_DESCRIPTION2`): 0x1 presence detection, 0x2 dynamic format
    /// change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) jack_capabilities: Option<Hex<1>>,
}

/// One format of `IKsFormatSupport`: a `KSDATAFORMAT` and, for the `WAVEFORMATEX`
/// specifier, its wave fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FormatEntry {
    /// `MajorFormat`; default `KSDATAFORMAT_TYPE_AUDIO`.
    #[serde(default = "audio", skip_serializing_if = "is_audio")]
    pub(crate) major_format: FormatGuid,
    /// `SubFormat`; default `KSDATAFORMAT_SUBTYPE_PCM`.
    #[serde(default = "pcm")]
    pub(crate) sub_format: FormatGuid,
    /// `Specifier`; default `KSDATAFORMAT_SPECIFIER_WAVEFORMATEX`.
    #[serde(default = "wave", skip_serializing_if = "is_wave")]
    pub(crate) specifier: FormatGuid,
    /// `nChannels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) channels: Option<u16>,
    /// `nSamplesPerSec`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) samples_per_sec: Option<u32>,
    /// `wBitsPerSample`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) bits_per_sample: Option<u16>,
    /// `wValidBitsPerSample`; default `wBitsPerSample`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) valid_bits_per_sample: Option<u16>,
    /// `dwChannelMask`; default 0x4 for mono, 0x3 for stereo, else 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) channel_mask: Option<Hex<1>>,
}

fn audio() -> FormatGuid {
    FormatGuid(format_guids::KSDATAFORMAT_TYPE_AUDIO)
}

fn is_audio(g: &FormatGuid) -> bool {
    *g == audio()
}

fn pcm() -> FormatGuid {
    FormatGuid(format_guids::KSDATAFORMAT_SUBTYPE_PCM)
}

fn wave() -> FormatGuid {
    FormatGuid(format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX)
}

fn is_wave(g: &FormatGuid) -> bool {
    *g == wave()
}

/// `Get4BRange`'s range of a device-specific property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RangeEntry {
    /// Minimum.
    pub(crate) min: i64,
    /// Maximum.
    pub(crate) max: i64,
    /// Step.
    pub(crate) step: i64,
}

/// A control interface by its Windows name (`IAudioMute`; `IID_IAudioMute` also works).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Interface(pub(crate) ControlKind);

impl Default for Interface {
    fn default() -> Interface {
        Interface(ControlKind::Mute)
    }
}

impl TextForm for Interface {
    const EXPECTING: &'static str = "a control interface name such as \"IAudioVolumeLevel\"";

    fn parse<E: de::Error>(text: &str) -> Result<Interface, E> {
        let bare = text.strip_prefix("IID_").unwrap_or(text);
        ControlKind::ALL
            .into_iter()
            .find(|k| k.interface_name() == bare)
            .map(Interface)
            .ok_or_else(|| {
                let names: Vec<&str> = ControlKind::ALL
                    .iter()
                    .map(|k| k.interface_name())
                    .collect();
                E::custom(format_args!(
                    "`{}` is not a control interface; expected one of {}",
                    Shorten(text),
                    names.join(", ")
                ))
            })
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.interface_name())
    }
}

/// A `VARTYPE` by name: `VT_I4`, `VT_UI4`, `VT_BOOL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VarTypeName(pub(crate) VarType);

impl TextForm for VarTypeName {
    const EXPECTING: &'static str = "a VARTYPE name: VT_I4, VT_UI4 or VT_BOOL";

    fn parse<E: de::Error>(text: &str) -> Result<VarTypeName, E> {
        text.parse::<VarType>().map(VarTypeName).map_err(|_| {
            E::custom(format_args!(
                "`{}` is not a VARTYPE devtopo supports; expected one of VT_I4, VT_UI4, VT_BOOL",
                Shorten(text)
            ))
        })
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.name())
    }
}

/// A device-specific property value as written: an integer or a boolean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawValue {
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
}

impl TextForm for RawValue {
    const EXPECTING: &'static str = "an integer or true/false";
    const ANY: bool = true;

    fn from_bool<E: de::Error>(v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }

    fn from_i64<E: de::Error>(v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Int(v))
    }

    fn from_u64<E: de::Error>(v: u64) -> Result<RawValue, E> {
        i64::try_from(v)
            .map(RawValue::Int)
            .map_err(|_| E::custom(format_args!("{v} does not fit in 32 bits")))
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RawValue::Int(v) => serializer.serialize_i64(*v),
            RawValue::Bool(v) => serializer.serialize_bool(*v),
        }
    }
}

/// A 32-bit value written as a hex string (`"0x3"`, at least `W` hex digits when saved) or
/// an integer; a decimal string also reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hex<const W: usize>(pub(crate) u32);

impl<const W: usize> TextForm for Hex<W> {
    const EXPECTING: &'static str =
        "a 32-bit value: a hex string such as \"0xB3C98C\" or an integer";
    const ANY: bool = true;

    fn parse<E: de::Error>(text: &str) -> Result<Hex<W>, E> {
        let t = text.trim();
        let parsed = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
            Some(hex) => u32::from_str_radix(&hex.replace('_', ""), 16).ok(),
            None => t.parse::<u32>().ok(),
        };
        parsed.map(Hex).ok_or_else(|| {
            E::custom(format_args!(
                "`{}` is not a 32-bit value; expected a hex string such as \"0x3\" or an integer",
                Shorten(text)
            ))
        })
    }

    fn from_u64<E: de::Error>(v: u64) -> Result<Hex<W>, E> {
        u32_of(v, "").map(Hex)
    }

    fn from_i64<E: de::Error>(v: i64) -> Result<Hex<W>, E> {
        u32_of(v, "").map(Hex)
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("0x{:0w$X}", self.0, w = W))
    }
}

/// A dB value that may be infinite: a number, or `"-inf"` / `"inf"` (JSON has no infinity;
/// TOML's `-inf` reads too).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Db(pub(crate) f64);

impl TextForm for Db {
    const EXPECTING: &'static str = "a dB value: a number, \"-inf\" or \"inf\"";
    const ANY: bool = true;

    fn from_f64<E: de::Error>(v: f64) -> Result<Db, E> {
        Ok(Db(v))
    }

    fn from_i64<E: de::Error>(v: i64) -> Result<Db, E> {
        Ok(Db(v as f64))
    }

    fn from_u64<E: de::Error>(v: u64) -> Result<Db, E> {
        Ok(Db(v as f64))
    }

    fn parse<E: de::Error>(text: &str) -> Result<Db, E> {
        match text.trim() {
            "-inf" => Ok(Db(f64::NEG_INFINITY)),
            "inf" | "+inf" => Ok(Db(f64::INFINITY)),
            _ => Err(E::custom(format_args!(
                "`{}` is not a dB value; expected a number, \"-inf\" or \"inf\"",
                Shorten(text)
            ))),
        }
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() {
            serializer.serialize_f64(self.0)
        } else if self.0 > 0.0 {
            serializer.serialize_str("inf")
        } else {
            serializer.serialize_str("-inf")
        }
    }
}

/// The `KSDATAFORMAT` GUIDs devtopo names.
const FORMAT_GUIDS: [(Guid, &str); 9] = [
    (
        format_guids::KSDATAFORMAT_TYPE_AUDIO,
        "KSDATAFORMAT_TYPE_AUDIO",
    ),
    (
        format_guids::KSDATAFORMAT_SUBTYPE_PCM,
        "KSDATAFORMAT_SUBTYPE_PCM",
    ),
    (
        format_guids::KSDATAFORMAT_SUBTYPE_IEEE_FLOAT,
        "KSDATAFORMAT_SUBTYPE_IEEE_FLOAT",
    ),
    (
        format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL,
        "KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL",
    ),
    (
        format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS,
        "KSDATAFORMAT_SUBTYPE_IEC61937_DTS",
    ),
    (
        format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD,
        "KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD",
    ),
    (
        format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP,
        "KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP",
    ),
    (
        format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX,
        "KSDATAFORMAT_SPECIFIER_WAVEFORMATEX",
    ),
    (
        format_guids::KSDATAFORMAT_SPECIFIER_NONE,
        "KSDATAFORMAT_SPECIFIER_NONE",
    ),
];

/// A format GUID: a `KSDATAFORMAT_*` name or the braced form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FormatGuid(pub(crate) Guid);

impl TextForm for FormatGuid {
    const EXPECTING: &'static str =
        "a KSDATAFORMAT GUID name such as \"KSDATAFORMAT_SUBTYPE_PCM\" or a braced GUID";

    fn parse<E: de::Error>(text: &str) -> Result<FormatGuid, E> {
        if let Some((g, _)) = FORMAT_GUIDS.iter().find(|(_, n)| *n == text) {
            return Ok(FormatGuid(*g));
        }
        text.parse::<Guid>().map(FormatGuid).map_err(|_| {
            E::custom(format_args!(
                "`{}` is not a GUID nor a KSDATAFORMAT name such as KSDATAFORMAT_SUBTYPE_PCM",
                Shorten(text)
            ))
        })
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match FORMAT_GUIDS.iter().find(|(g, _)| *g == self.0) {
            Some((_, name)) => serializer.serialize_str(name),
            None => serializer.collect_str(&self.0),
        }
    }
}

serde_by_form!(Interface, VarTypeName, RawValue, Db, FormatGuid);
serde_by_form!([const W: usize] Hex<W>);
