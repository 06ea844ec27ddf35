//! [`AudioInputSelector`] (K9), [`AudioOutputSelector`] (K10), [`AudioPeakMeter`] (K8) and
//! [`AudioChannelConfig`] (K12).

use super::control_handle;
use crate::controls::ControlSpec;
use crate::engine::Change;
use crate::error::Result;
use crate::guid::Guid;
use crate::instrument::{Arg, Hook, Method, no_args};
use crate::types::LocalId;

control_handle! {
    /// `IAudioInputSelector` (K9): the MUX's selected input, named by the local ID of the part
    /// linked into it.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::four_topologies()?;
    /// let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    /// let selector = mux.part_by_id(LocalId::subunit(6))?
    ///     .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)?
    ///     .into_input_selector().expect("MUX");
    /// selector.set_selection(LocalId::subunit(3), None)?;             // rule A9
    /// assert_eq!(selector.selection()?, LocalId::subunit(3));
    /// let err = selector.set_selection(LocalId::subunit(2), None).unwrap_err();
    /// assert_eq!(err.hresult(), HResult::E_INVALIDARG);               // not linked (K9)
    /// assert_eq!(selector.selection()?, LocalId::subunit(3));         // unchanged (G5)
    /// # }
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    AudioInputSelector
}

impl AudioInputSelector {
    /// `IAudioInputSelector::GetSelection` (K9).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn selection(&self) -> Result<LocalId> {
        self.0
            .call(Method::IAudioInputSelector_GetSelection, no_args, || {
                self.0.state(|s| match s {
                    ControlSpec::InputSelector(id) => Some(*id),
                    _ => None,
                })
            })
    }

    /// `IAudioInputSelector::SetSelection` (K9, N5): `selection` must be the local ID of a
    /// part linked directly into the selector (one of its `EnumPartsIncoming`).
    ///
    /// # Errors
    /// [`Error::InvalidSelection`](crate::Error::InvalidSelection) (`E_INVALIDARG`);
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn set_selection(&self, selection: LocalId, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IAudioInputSelector_SetSelection,
            |_| {
                vec![
                    Arg::new("selection", selection),
                    Arg::new("context", context),
                ]
            },
            || self.0.change(Change::Selection(selection), context),
        )
    }
}

control_handle! {
    /// `IAudioOutputSelector` (K10): the DEMUX's selected output, named by the local ID of the
    /// part it links to.
    AudioOutputSelector
}

impl AudioOutputSelector {
    /// `IAudioOutputSelector::GetSelection` (K10).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn selection(&self) -> Result<LocalId> {
        self.0
            .call(Method::IAudioOutputSelector_GetSelection, no_args, || {
                self.0.state(|s| match s {
                    ControlSpec::OutputSelector(id) => Some(*id),
                    _ => None,
                })
            })
    }

    /// `IAudioOutputSelector::SetSelection` (K10, N5): `selection` must be the local ID of a
    /// part the selector links to directly (one of its `EnumPartsOutgoing`).
    ///
    /// # Errors
    /// [`Error::InvalidSelection`](crate::Error::InvalidSelection) (`E_INVALIDARG`);
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn set_selection(&self, selection: LocalId, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IAudioOutputSelector_SetSelection,
            |_| {
                vec![
                    Arg::new("selection", selection),
                    Arg::new("context", context),
                ]
            },
            || self.0.change(Change::Selection(selection), context),
        )
    }
}

control_handle! {
    /// `IAudioPeakMeter` (K8, X18): the peak of each channel since that channel was last
    /// read. Tests feed peaks with
    /// [`Hardware::feed_peak`](crate::Hardware::feed_peak); a channel with no peak since its
    /// last read reads as silence, `-inf` dB.
    AudioPeakMeter
}

impl AudioPeakMeter {
    /// `IAudioPeakMeter::GetChannelCount` (K8).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn channel_count(&self) -> Result<u32> {
        self.0
            .call(Method::IAudioPeakMeter_GetChannelCount, no_args, || {
                self.0.state(|s| match s {
                    ControlSpec::PeakMeter(p) => Some(p.peaks_db.len() as u32),
                    _ => None,
                })
            })
    }

    /// `IAudioPeakMeter::GetLevel` (K8, X18): the peak in dB on `channel` since its previous
    /// read, which this read resets to silence (`-inf`).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`](crate::Error::IndexOutOfRange) (`E_INVALIDARG`);
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn level(&self, channel: u32) -> Result<f32> {
        self.0.call(
            Method::IAudioPeakMeter_GetLevel,
            |_| vec![Arg::new("channel", channel)],
            || {
                self.0
                    .part
                    .shared
                    .write()
                    .read_peak(self.0.part.key, channel)
            },
        )
    }
}

control_handle! {
    /// `IAudioChannelConfig` (K12, X34): a speaker-position mask. Any `DWORD` is accepted and
    /// stored as given (X34).
    AudioChannelConfig
}

impl AudioChannelConfig {
    /// `IAudioChannelConfig::GetChannelConfig` (K12).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn channel_config(&self) -> Result<u32> {
        self.0.call(
            Method::IAudioChannelConfig_GetChannelConfig,
            no_args,
            || {
                self.0.state(|s| match s {
                    ControlSpec::ChannelConfig(m) => Some(*m),
                    _ => None,
                })
            },
        )
    }

    /// `IAudioChannelConfig::SetChannelConfig` (K12, X34, N5).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn set_channel_config(&self, config: u32, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IAudioChannelConfig_SetChannelConfig,
            |_| vec![Arg::new("config", config), Arg::new("context", context)],
            || self.0.change(Change::ChannelConfig(config), context),
        )
    }
}
