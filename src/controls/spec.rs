//! [`ControlSpec`]: one control of a part, as plain data. The same type describes a control
//! to build and the current state of a built one (snapshots list the controls as specs).

use super::ControlKind;
use super::format::FormatSupportSpec;
use super::jack::{JackDescription, JackDescription2};
use std::fmt;
use std::str::FromStr;

use crate::types::{LocalId, ParseEnumError, windows_enum};

/// A per-channel dB level (`IPerChannelDbLevel`, K2, K3): its range, stepping and the level
/// of each channel. All channels share one range.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelSpec {
    /// Minimum level in dB.
    pub min_db: f32,
    /// Maximum level in dB (0 for an attenuation-only volume, K4).
    pub max_db: f32,
    /// Step in dB; `(max - min) / step` must be a whole number of steps (K2).
    pub step_db: f32,
    /// The level of each channel in dB; the channel count is its length (at least 1).
    pub levels_db: Vec<f32>,
}

impl LevelSpec {
    /// `channels` channels, all at `initial_db`.
    ///
    /// ```
    /// let volume = devtopo::LevelSpec::uniform(2, -96.0, 0.0, 0.5, 0.0);
    /// assert_eq!(volume.channel_count(), 2);
    /// ```
    pub fn uniform(channels: u32, min_db: f32, max_db: f32, step_db: f32, initial_db: f32) -> Self {
        LevelSpec {
            min_db,
            max_db,
            step_db,
            levels_db: vec![initial_db; channels as usize],
        }
    }

    /// The SYSVAD volume node (reference topologies, part B): -96..0 dB in 0.5 dB steps, every
    /// channel at 0.0 dB (devtopo uses 0.0 dB rather than SYSVAD's raw -1/65536 dB).
    pub fn sysvad_volume(channels: u32) -> LevelSpec {
        LevelSpec::uniform(channels, -96.0, 0.0, 0.5, 0.0)
    }

    /// The number of channels.
    pub fn channel_count(&self) -> u32 {
        self.levels_db.len() as u32
    }
}

/// A peak meter (`IAudioPeakMeter`, K8): the peak of each channel since it was last read.
#[derive(Debug, Clone, PartialEq)]
pub struct PeakMeterSpec {
    /// The pending peak of each channel in dB; `-inf` is silence (X18). The channel count is
    /// its length (at least 1).
    pub peaks_db: Vec<f32>,
}

impl PeakMeterSpec {
    /// `channels` silent channels.
    pub fn silent(channels: u32) -> PeakMeterSpec {
        PeakMeterSpec {
            peaks_db: vec![f32::NEG_INFINITY; channels as usize],
        }
    }
}

windows_enum! {
    /// `VARTYPE` of a device-specific property (E17). devtopo supports these three (X33).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum VarType: u16 {
        /// `VT_I4` (3): a 32-bit signed integer.
        I4 = 3, "VT_I4";
        /// `VT_BOOL` (11): a boolean, stored as a 4-byte `BOOL` (X33).
        Bool = 11, "VT_BOOL";
        /// `VT_UI4` (19): a 32-bit unsigned integer.
        Ui4 = 19, "VT_UI4";
    }
}

/// The value of a device-specific property (K13), typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropertyValue {
    /// `VT_I4`.
    I4(i32),
    /// `VT_UI4`.
    Ui4(u32),
    /// `VT_BOOL`.
    Bool(bool),
}

impl PropertyValue {
    /// Its `VARTYPE`.
    pub const fn var_type(self) -> VarType {
        match self {
            PropertyValue::I4(_) => VarType::I4,
            PropertyValue::Ui4(_) => VarType::Ui4,
            PropertyValue::Bool(_) => VarType::Bool,
        }
    }

    /// The 4 bytes `GetValue` writes (little-endian; a `BOOL` is 0 or 1, X33).
    pub const fn to_bytes(self) -> [u8; 4] {
        match self {
            PropertyValue::I4(v) => v.to_le_bytes(),
            PropertyValue::Ui4(v) => v.to_le_bytes(),
            PropertyValue::Bool(v) => (v as u32).to_le_bytes(),
        }
    }

    /// Reads a value of type `var_type` from the 4 bytes `SetValue` receives (any non-zero
    /// `BOOL` is TRUE).
    pub const fn from_bytes(var_type: VarType, bytes: [u8; 4]) -> PropertyValue {
        match var_type {
            VarType::I4 => PropertyValue::I4(i32::from_le_bytes(bytes)),
            VarType::Ui4 => PropertyValue::Ui4(u32::from_le_bytes(bytes)),
            VarType::Bool => PropertyValue::Bool(u32::from_le_bytes(bytes) != 0),
        }
    }

    /// The value widened to `i64`, for range checks of the two integer types.
    pub const fn as_i64(self) -> Option<i64> {
        match self {
            PropertyValue::I4(v) => Some(v as i64),
            PropertyValue::Ui4(v) => Some(v as i64),
            PropertyValue::Bool(_) => None,
        }
    }
}

/// The answer of `IDeviceSpecificProperty::Get4BRange` (K13): three `LONG`s. For a `VT_UI4`
/// property the `LONG`s hold the bits of the unsigned values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FourByteRange {
    /// Minimum.
    pub min: i32,
    /// Maximum.
    pub max: i32,
    /// Step.
    pub step: i32,
}

/// A device-specific property (`IDeviceSpecificProperty`, K13, K14, X33).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeviceSpecificSpec {
    /// The current value; its variant fixes the `VARTYPE`.
    pub value: PropertyValue,
    /// The range `Get4BRange` reports, for `VT_I4` and `VT_UI4` only. `None` reports the
    /// whole range of the type with step 1. `SetValue` refuses values outside it (X33).
    pub range: Option<FourByteRange>,
    /// When true, `SetValue` fails with `ERROR_FILE_READ_ONLY` (X33).
    pub read_only: bool,
}

/// One control of a part, with its state: the data behind one function-specific control
/// interface (P12, R2). A part has at most one control of each [`ControlKind`], in the order
/// `GetControlInterface` lists them.
///
/// ```
/// use devtopo::*;
/// let volume = ControlSpec::VolumeLevel(LevelSpec::sysvad_volume(2));
/// assert_eq!(volume.kind(), ControlKind::VolumeLevel);
/// assert_eq!(volume.kind().iid(), guids::IID_IAudioVolumeLevel);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ControlSpec {
    /// `IAudioVolumeLevel` (K4).
    VolumeLevel(LevelSpec),
    /// `IAudioBass` (K4).
    Bass(LevelSpec),
    /// `IAudioMidrange` (K4).
    Midrange(LevelSpec),
    /// `IAudioTreble` (K4).
    Treble(LevelSpec),
    /// `IAudioMute` (K5): muted or not.
    Mute(bool),
    /// `IAudioLoudness` (K6): enabled or not.
    Loudness(bool),
    /// `IAudioAutoGainControl` (K7): enabled or not.
    AutoGainControl(bool),
    /// `IAudioPeakMeter` (K8).
    PeakMeter(PeakMeterSpec),
    /// `IAudioInputSelector` (K9): the local ID of the selected part linked into the MUX.
    InputSelector(LocalId),
    /// `IAudioOutputSelector` (K10): the local ID of the selected part the DEMUX links to.
    OutputSelector(LocalId),
    /// `IAudioChannelConfig` (K12): a speaker mask (E6), any value (X34).
    ChannelConfig(u32),
    /// `IDeviceSpecificProperty` (K13).
    DeviceSpecificProperty(DeviceSpecificSpec),
    /// `IKsFormatSupport` (K15). Boxed: the format lists and the preferred format are 112
    /// bytes, and every control of every part would pay for the largest variant.
    FormatSupport(Box<FormatSupportSpec>),
    /// `IKsJackDescription` (K16): one description per jack (possibly none).
    JackDescription(Vec<JackDescription>),
    /// `IKsJackDescription2` (K17): one per jack, as many as the `JackDescription` control of
    /// the same connector has (X16).
    JackDescription2(Vec<JackDescription2>),
}

/// Control states never hold NaN (levels and peaks are validated when built and set), so
/// `==` is an equivalence and snapshots can be `Eq`.
impl Eq for ControlSpec {}

impl ControlSpec {
    /// Which control interface this is.
    pub const fn kind(&self) -> ControlKind {
        match self {
            ControlSpec::VolumeLevel(_) => ControlKind::VolumeLevel,
            ControlSpec::Bass(_) => ControlKind::Bass,
            ControlSpec::Midrange(_) => ControlKind::Midrange,
            ControlSpec::Treble(_) => ControlKind::Treble,
            ControlSpec::Mute(_) => ControlKind::Mute,
            ControlSpec::Loudness(_) => ControlKind::Loudness,
            ControlSpec::AutoGainControl(_) => ControlKind::AutoGainControl,
            ControlSpec::PeakMeter(_) => ControlKind::PeakMeter,
            ControlSpec::InputSelector(_) => ControlKind::InputSelector,
            ControlSpec::OutputSelector(_) => ControlKind::OutputSelector,
            ControlSpec::ChannelConfig(_) => ControlKind::ChannelConfig,
            ControlSpec::DeviceSpecificProperty(_) => ControlKind::DeviceSpecificProperty,
            ControlSpec::FormatSupport(_) => ControlKind::FormatSupport,
            ControlSpec::JackDescription(_) => ControlKind::JackDescription,
            ControlSpec::JackDescription2(_) => ControlKind::JackDescription2,
        }
    }

    /// The level data of the four level controls.
    pub fn as_level(&self) -> Option<&LevelSpec> {
        match self {
            ControlSpec::VolumeLevel(l)
            | ControlSpec::Bass(l)
            | ControlSpec::Midrange(l)
            | ControlSpec::Treble(l) => Some(l),
            _ => None,
        }
    }

    pub(crate) fn as_level_mut(&mut self) -> Option<&mut LevelSpec> {
        match self {
            ControlSpec::VolumeLevel(l)
            | ControlSpec::Bass(l)
            | ControlSpec::Midrange(l)
            | ControlSpec::Treble(l) => Some(l),
            _ => None,
        }
    }
}
