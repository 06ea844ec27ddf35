//! Control interfaces as data (spec sections K, N, P12-P17, R2, R4): which controls exist
//! ([`ControlKind`]), how a topology describes them ([`ControlSpec`] and friends), the pure
//! rules that need no graph (level stepping, required controls per subtype) and the callback
//! registry.
//!
//! Everything here is plain data or pure functions. The graph-dependent rules (a selector's
//! choice must be linked to it, jack plugs move endpoint states) live in the engine; the
//! COM-shaped handles that use them live in `handles::control`.

use crate::guid::{Guid, guids};

mod format;
mod jack;
pub(crate) mod level;
pub(crate) mod notify;
mod spec;
pub(crate) mod validate;

pub use format::{FormatSupportSpec, KsDataFormat, KsDataRange, WaveFormat, format_guids};
pub use jack::{
    EPcxConnectionType, EPcxGenLocation, EPcxGeoLocation, EPxcPortConnection, JackDescription,
    JackDescription2, speaker,
};
pub use notify::{
    ControlChangeNotify, DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT, HARDWARE_INITIATED_CONTEXT,
};
pub use spec::{
    ControlSpec, DeviceSpecificSpec, FourByteRange, LevelSpec, PeakMeterSpec, PropertyValue,
    VarType,
};
pub use validate::ControlProblem;

/// `CLSCTX_INPROC_SERVER` (E16): the bit `IPart::Activate` requires (P12).
pub const CLSCTX_INPROC_SERVER: u32 = 0x1;
/// `CLSCTX_ALL` (E16): valid for `IPart::Activate` (P12).
pub const CLSCTX_ALL: u32 = 0x17;

/// The 15 function-specific control interfaces `IPart::Activate` accepts (R2, P12).
///
/// The order is the order of the `IPart::Activate` reference page; the values are the
/// interface IDs of table R1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ControlKind {
    /// `IAudioAutoGainControl` (K7).
    AutoGainControl,
    /// `IAudioBass` (K4).
    Bass,
    /// `IAudioChannelConfig` (K12).
    ChannelConfig,
    /// `IAudioInputSelector` (K9).
    InputSelector,
    /// `IAudioLoudness` (K6).
    Loudness,
    /// `IAudioMidrange` (K4).
    Midrange,
    /// `IAudioMute` (K5).
    Mute,
    /// `IAudioOutputSelector` (K10).
    OutputSelector,
    /// `IAudioPeakMeter` (K8).
    PeakMeter,
    /// `IAudioTreble` (K4).
    Treble,
    /// `IAudioVolumeLevel` (K4).
    VolumeLevel,
    /// `IDeviceSpecificProperty` (K13).
    DeviceSpecificProperty,
    /// `IKsFormatSupport` (K15).
    FormatSupport,
    /// `IKsJackDescription` (K16).
    JackDescription,
    /// `IKsJackDescription2` (K17).
    JackDescription2,
}

impl ControlKind {
    /// All 15, in the order of R2.
    pub const ALL: [ControlKind; 15] = [
        ControlKind::AutoGainControl,
        ControlKind::Bass,
        ControlKind::ChannelConfig,
        ControlKind::InputSelector,
        ControlKind::Loudness,
        ControlKind::Midrange,
        ControlKind::Mute,
        ControlKind::OutputSelector,
        ControlKind::PeakMeter,
        ControlKind::Treble,
        ControlKind::VolumeLevel,
        ControlKind::DeviceSpecificProperty,
        ControlKind::FormatSupport,
        ControlKind::JackDescription,
        ControlKind::JackDescription2,
    ];

    /// The interface ID (R1).
    pub const fn iid(self) -> Guid {
        match self {
            ControlKind::AutoGainControl => guids::IID_IAudioAutoGainControl,
            ControlKind::Bass => guids::IID_IAudioBass,
            ControlKind::ChannelConfig => guids::IID_IAudioChannelConfig,
            ControlKind::InputSelector => guids::IID_IAudioInputSelector,
            ControlKind::Loudness => guids::IID_IAudioLoudness,
            ControlKind::Midrange => guids::IID_IAudioMidrange,
            ControlKind::Mute => guids::IID_IAudioMute,
            ControlKind::OutputSelector => guids::IID_IAudioOutputSelector,
            ControlKind::PeakMeter => guids::IID_IAudioPeakMeter,
            ControlKind::Treble => guids::IID_IAudioTreble,
            ControlKind::VolumeLevel => guids::IID_IAudioVolumeLevel,
            ControlKind::DeviceSpecificProperty => guids::IID_IDeviceSpecificProperty,
            ControlKind::FormatSupport => guids::IID_IKsFormatSupport,
            ControlKind::JackDescription => guids::IID_IKsJackDescription,
            ControlKind::JackDescription2 => guids::IID_IKsJackDescription2,
        }
    }

    /// The control with this interface ID, if it is one of the 15 of R2 (X15: any other IID,
    /// `IID_IPerChannelDbLevel`, `IID_IPart` and `IID_IUnknown` included, is not a control).
    pub fn from_iid(iid: Guid) -> Option<ControlKind> {
        ControlKind::ALL.into_iter().find(|k| k.iid() == iid)
    }

    /// The interface name, as in the SDK (`"IAudioVolumeLevel"`).
    pub const fn interface_name(self) -> &'static str {
        match self {
            ControlKind::AutoGainControl => "IAudioAutoGainControl",
            ControlKind::Bass => "IAudioBass",
            ControlKind::ChannelConfig => "IAudioChannelConfig",
            ControlKind::InputSelector => "IAudioInputSelector",
            ControlKind::Loudness => "IAudioLoudness",
            ControlKind::Midrange => "IAudioMidrange",
            ControlKind::Mute => "IAudioMute",
            ControlKind::OutputSelector => "IAudioOutputSelector",
            ControlKind::PeakMeter => "IAudioPeakMeter",
            ControlKind::Treble => "IAudioTreble",
            ControlKind::VolumeLevel => "IAudioVolumeLevel",
            ControlKind::DeviceSpecificProperty => "IDeviceSpecificProperty",
            ControlKind::FormatSupport => "IKsFormatSupport",
            ControlKind::JackDescription => "IKsJackDescription",
            ControlKind::JackDescription2 => "IKsJackDescription2",
        }
    }

    /// The friendly name `IControlInterface::GetName` returns (X14): a fixed lower-case name
    /// per interface, in the style of the documentation's one example, "peak meter".
    pub const fn friendly_name(self) -> &'static str {
        match self {
            ControlKind::AutoGainControl => "automatic gain control",
            ControlKind::Bass => "bass",
            ControlKind::ChannelConfig => "channel configuration",
            ControlKind::InputSelector => "input selector",
            ControlKind::Loudness => "loudness",
            ControlKind::Midrange => "midrange",
            ControlKind::Mute => "mute",
            ControlKind::OutputSelector => "output selector",
            ControlKind::PeakMeter => "peak meter",
            ControlKind::Treble => "treble",
            ControlKind::VolumeLevel => "volume",
            ControlKind::DeviceSpecificProperty => "device-specific property",
            ControlKind::FormatSupport => "format support",
            ControlKind::JackDescription => "jack description",
            ControlKind::JackDescription2 => "jack description 2",
        }
    }

    /// True for the three controls that belong on connectors (P13): format support and the
    /// two jack descriptions. The other 12 belong on subunits.
    pub const fn is_connector_control(self) -> bool {
        matches!(
            self,
            ControlKind::FormatSupport
                | ControlKind::JackDescription
                | ControlKind::JackDescription2
        )
    }

    /// True for the 14 IIDs `RegisterControlChangeCallback` accepts (N1):
    /// `IID_IKsJackDescription2` is not among them.
    pub const fn accepts_callbacks(self) -> bool {
        !matches!(self, ControlKind::JackDescription2)
    }

    /// True for the four `IPerChannelDbLevel` children (K4).
    pub const fn is_level(self) -> bool {
        matches!(
            self,
            ControlKind::VolumeLevel
                | ControlKind::Bass
                | ControlKind::Midrange
                | ControlKind::Treble
        )
    }
}

impl std::fmt::Display for ControlKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.interface_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R2, X15: 15 IIDs round-trip; IPerChannelDbLevel, IPart and IUnknown are not controls.
    #[test]
    fn r2_x15_iids() {
        for kind in ControlKind::ALL {
            assert_eq!(ControlKind::from_iid(kind.iid()), Some(kind));
            assert_eq!(
                kind.iid().name(),
                Some(&*format!("IID_{}", kind.interface_name()))
            );
        }
        for iid in [
            guids::IID_IPerChannelDbLevel,
            guids::IID_IPart,
            guids::IID_IUnknown,
            guids::IID_IKsJackSinkInformation,
        ] {
            assert_eq!(ControlKind::from_iid(iid), None);
        }
        let callbacks = ControlKind::ALL.iter().filter(|k| k.accepts_callbacks());
        assert_eq!(callbacks.count(), 14); // N1
    }
}
