//! The control-interface handles (K1-K17): what `IPart::Activate` returns.
//!
//! Design: `IPart::Activate` takes a runtime IID, exactly like COM, so probing a part with any
//! IID (the way real clients find out what a part is, P12, X15) has one Rust home,
//! [`Part::activate`](crate::Part::activate). It returns a [`Control`]: an enum with one
//! variant per interface of R2, each holding a typed handle, and `into_*` accessors that give
//! the typed handle (`None` for another interface). [`Part::activate_as`](crate::Part::activate_as)
//! is the typed form of the same call (`activate_as::<AudioMute>(CLSCTX_ALL)`, as windows-rs's
//! `Activate::<T>()` reads): the handle type names the IID ([`ControlHandle`]).
//!
//! Every handle is `(part, interface)`: cheap to clone, `Send + Sync`, and reading the
//! system's current state on each call. Every method is the Rust home of one COM method.

use crate::controls::{ControlKind, ControlSpec};
use crate::engine::{Change, Engine};
use crate::error::Result;
use crate::guid::Guid;
use crate::handles::Part;
use crate::instrument::{Hook, Method, Site, no_args};
use crate::system::Origin;

mod jack;
mod level;
mod property;
mod selector;
mod switches;

pub use jack::{KsFormatSupport, KsJackDescription, KsJackDescription2};
pub use level::{LevelRange, PerChannelDbLevel};
pub use property::DeviceSpecificProperty;
pub use selector::{AudioChannelConfig, AudioInputSelector, AudioOutputSelector, AudioPeakMeter};
pub use switches::{AudioAutoGainControl, AudioLoudness, AudioMute};

/// One control of one part: the shared core of every control handle.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ControlRef {
    pub(crate) part: Part,
    pub(crate) kind: ControlKind,
}

impl ControlRef {
    /// Reads the control's state under the read lock.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Engine, &ControlSpec) -> Result<T>) -> Result<T> {
        let engine = self.part.shared.read();
        let spec = engine.control(self.part.key, self.kind)?;
        f(&engine, spec)
    }

    /// Reads a value out of the control's state; `None` (a state of another kind, which
    /// cannot happen for a handle made by `Activate`) reads as `E_NOINTERFACE`.
    pub(crate) fn state<T>(&self, f: impl FnOnce(&ControlSpec) -> Option<T>) -> Result<T> {
        self.read(|engine, spec| f(spec).ok_or_else(|| self.wrong_kind(engine)))
    }

    /// The error for a state of another kind than the handle's (cannot happen for a handle
    /// made by `Activate`): `E_NOINTERFACE`.
    pub(crate) fn wrong_kind(&self, engine: &Engine) -> crate::error::Error {
        crate::error::Error::NoSuchControl {
            part: engine.part_ref(self.part.key.node),
            iid: self.kind.iid(),
        }
    }

    /// Applies a caller's change and notifies the control's sinks if the state changed (N5).
    pub(crate) fn change(&self, change: Change<'_>, context: Option<Guid>) -> Result<()> {
        self.part.shared.change(Origin::Caller(context), |engine| {
            Ok(((), engine.change_control(self.part.key, self.kind, change)?))
        })
    }
}

impl Hook for ControlRef {
    fn site(&self) -> (&std::sync::Arc<crate::system::Shared>, Site<'_>) {
        self.part.site()
    }
}

impl std::fmt::Debug for ControlRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple(self.kind.interface_name())
            .field(&self.part)
            .finish()
    }
}

/// Declares a control handle: a newtype over [`ControlRef`].
macro_rules! control_handle {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(pub(crate) $crate::handles::control::ControlRef);

        impl $name {
            /// The part this control belongs to.
            pub fn part(&self) -> &$crate::handles::Part {
                &self.0.part
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}
pub(crate) use control_handle;

/// `IControlInterface` (K1, P15): one entry of a part's control list, naming a control and
/// the IID to pass to [`Part::activate`](crate::Part::activate).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ControlInterface {
    pub(crate) part: Part,
    pub(crate) kind: ControlKind,
}

impl ControlInterface {
    /// `IControlInterface::GetName` (K1, X14): the fixed friendly name of the interface, for
    /// example "peak meter" or "volume".
    ///
    /// # Errors
    /// None of its own (the name is fixed, even once the device is removed); a
    /// [fault](crate::Fault) the test set.
    pub fn name(&self) -> Result<String> {
        self.part
            .call(Method::IControlInterface_GetName, no_args, || {
                Ok(self.kind.friendly_name().to_owned())
            })
    }

    /// `IControlInterface::GetIID` (K1): the function-specific IID.
    ///
    /// # Errors
    /// None of its own; a [fault](crate::Fault) the test set.
    pub fn iid(&self) -> Result<Guid> {
        self.part
            .call(Method::IControlInterface_GetIID, no_args, || {
                Ok(self.kind.iid())
            })
    }

    /// The part whose control list this entry is from.
    pub fn part(&self) -> &Part {
        &self.part
    }

    /// The interface as a [`ControlKind`].
    pub fn kind(&self) -> ControlKind {
        self.kind
    }
}

/// A function-specific control interface, as `IPart::Activate` returns it (P12): one variant
/// per IID of R2.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
/// let system = fixtures::sysvad_mic_in()?;
/// let topo = system.device(fixtures::SYSVAD_MICIN_TOPO)?.topology()?;
/// let volume = topo.part_by_id(LocalId::subunit(0))?
///     .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
///     .into_level()
///     .expect("asked for IAudioVolumeLevel");
/// assert_eq!(volume.channel_count()?, 1);
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Control {
    /// `IAudioVolumeLevel`.
    VolumeLevel(PerChannelDbLevel),
    /// `IAudioBass`.
    Bass(PerChannelDbLevel),
    /// `IAudioMidrange`.
    Midrange(PerChannelDbLevel),
    /// `IAudioTreble`.
    Treble(PerChannelDbLevel),
    /// `IAudioMute`.
    Mute(AudioMute),
    /// `IAudioLoudness`.
    Loudness(AudioLoudness),
    /// `IAudioAutoGainControl`.
    AutoGainControl(AudioAutoGainControl),
    /// `IAudioPeakMeter`.
    PeakMeter(AudioPeakMeter),
    /// `IAudioInputSelector`.
    InputSelector(AudioInputSelector),
    /// `IAudioOutputSelector`.
    OutputSelector(AudioOutputSelector),
    /// `IAudioChannelConfig`.
    ChannelConfig(AudioChannelConfig),
    /// `IDeviceSpecificProperty`.
    DeviceSpecificProperty(DeviceSpecificProperty),
    /// `IKsFormatSupport`.
    FormatSupport(KsFormatSupport),
    /// `IKsJackDescription`.
    JackDescription(KsJackDescription),
    /// `IKsJackDescription2`.
    JackDescription2(KsJackDescription2),
}

impl Control {
    pub(crate) fn new(part: Part, kind: ControlKind) -> Control {
        let r = ControlRef { part, kind };
        match kind {
            ControlKind::VolumeLevel => Control::VolumeLevel(PerChannelDbLevel(r)),
            ControlKind::Bass => Control::Bass(PerChannelDbLevel(r)),
            ControlKind::Midrange => Control::Midrange(PerChannelDbLevel(r)),
            ControlKind::Treble => Control::Treble(PerChannelDbLevel(r)),
            ControlKind::Mute => Control::Mute(AudioMute(r)),
            ControlKind::Loudness => Control::Loudness(AudioLoudness(r)),
            ControlKind::AutoGainControl => Control::AutoGainControl(AudioAutoGainControl(r)),
            ControlKind::PeakMeter => Control::PeakMeter(AudioPeakMeter(r)),
            ControlKind::InputSelector => Control::InputSelector(AudioInputSelector(r)),
            ControlKind::OutputSelector => Control::OutputSelector(AudioOutputSelector(r)),
            ControlKind::ChannelConfig => Control::ChannelConfig(AudioChannelConfig(r)),
            ControlKind::DeviceSpecificProperty => {
                Control::DeviceSpecificProperty(DeviceSpecificProperty(r))
            }
            ControlKind::FormatSupport => Control::FormatSupport(KsFormatSupport(r)),
            ControlKind::JackDescription => Control::JackDescription(KsJackDescription(r)),
            ControlKind::JackDescription2 => Control::JackDescription2(KsJackDescription2(r)),
        }
    }

    fn core(&self) -> &ControlRef {
        match self {
            Control::VolumeLevel(c)
            | Control::Bass(c)
            | Control::Midrange(c)
            | Control::Treble(c) => &c.0,
            Control::Mute(c) => &c.0,
            Control::Loudness(c) => &c.0,
            Control::AutoGainControl(c) => &c.0,
            Control::PeakMeter(c) => &c.0,
            Control::InputSelector(c) => &c.0,
            Control::OutputSelector(c) => &c.0,
            Control::ChannelConfig(c) => &c.0,
            Control::DeviceSpecificProperty(c) => &c.0,
            Control::FormatSupport(c) => &c.0,
            Control::JackDescription(c) => &c.0,
            Control::JackDescription2(c) => &c.0,
        }
    }

    /// Which interface this is.
    pub fn kind(&self) -> ControlKind {
        self.core().kind
    }

    /// The part the control belongs to.
    pub fn part(&self) -> &Part {
        &self.core().part
    }

    /// The level handle of `IAudioVolumeLevel`, `IAudioBass`, `IAudioMidrange` or
    /// `IAudioTreble`.
    pub fn into_level(self) -> Option<PerChannelDbLevel> {
        match self {
            Control::VolumeLevel(c)
            | Control::Bass(c)
            | Control::Midrange(c)
            | Control::Treble(c) => Some(c),
            _ => None,
        }
    }
}

macro_rules! into_accessors {
    ($( $(#[$doc:meta])* $fn:ident => $variant:ident($ty:ty); )*) => {
        impl Control {
            $(
                $(#[$doc])*
                pub fn $fn(self) -> Option<$ty> {
                    match self {
                        Control::$variant(c) => Some(c),
                        _ => None,
                    }
                }
            )*
        }
    };
}

into_accessors! {
    /// The `IAudioMute` handle.
    into_mute => Mute(AudioMute);
    /// The `IAudioLoudness` handle.
    into_loudness => Loudness(AudioLoudness);
    /// The `IAudioAutoGainControl` handle.
    into_auto_gain_control => AutoGainControl(AudioAutoGainControl);
    /// The `IAudioPeakMeter` handle.
    into_peak_meter => PeakMeter(AudioPeakMeter);
    /// The `IAudioInputSelector` handle.
    into_input_selector => InputSelector(AudioInputSelector);
    /// The `IAudioOutputSelector` handle.
    into_output_selector => OutputSelector(AudioOutputSelector);
    /// The `IAudioChannelConfig` handle.
    into_channel_config => ChannelConfig(AudioChannelConfig);
    /// The `IDeviceSpecificProperty` handle.
    into_device_specific_property => DeviceSpecificProperty(DeviceSpecificProperty);
    /// The `IKsFormatSupport` handle.
    into_format_support => FormatSupport(KsFormatSupport);
    /// The `IKsJackDescription` handle.
    into_jack_description => JackDescription(KsJackDescription);
    /// The `IKsJackDescription2` handle.
    into_jack_description2 => JackDescription2(KsJackDescription2);
}

/// A typed control handle [`Part::activate_as`] can return: the handle type names its
/// interface, as windows-rs's `IPart::Activate::<T>()` does.
///
/// [`PerChannelDbLevel`] stands for `IAudioVolumeLevel`, the level interface clients ask for
/// almost always; reach `IAudioBass`, `IAudioMidrange` and `IAudioTreble` (the same handle
/// type) with [`Part::activate`] and [`Control::into_level`].
pub trait ControlHandle: Sized {
    /// The IID `activate_as` asks for.
    const IID: Guid;
    /// The handle inside a [`Control`] of this interface (`None` for another interface).
    fn from_control(control: Control) -> Option<Self>;
}

macro_rules! control_handles {
    ($( $ty:ty => $iid:ident, $into:ident; )*) => {
        $(
            impl ControlHandle for $ty {
                const IID: Guid = crate::guid::guids::$iid;
                fn from_control(control: Control) -> Option<Self> {
                    control.$into()
                }
            }
        )*
    };
}

control_handles! {
    PerChannelDbLevel => IID_IAudioVolumeLevel, into_level;
    AudioMute => IID_IAudioMute, into_mute;
    AudioLoudness => IID_IAudioLoudness, into_loudness;
    AudioAutoGainControl => IID_IAudioAutoGainControl, into_auto_gain_control;
    AudioPeakMeter => IID_IAudioPeakMeter, into_peak_meter;
    AudioInputSelector => IID_IAudioInputSelector, into_input_selector;
    AudioOutputSelector => IID_IAudioOutputSelector, into_output_selector;
    AudioChannelConfig => IID_IAudioChannelConfig, into_channel_config;
    DeviceSpecificProperty => IID_IDeviceSpecificProperty, into_device_specific_property;
    KsFormatSupport => IID_IKsFormatSupport, into_format_support;
    KsJackDescription => IID_IKsJackDescription, into_jack_description;
    KsJackDescription2 => IID_IKsJackDescription2, into_jack_description2;
}
