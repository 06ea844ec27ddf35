//! On/off controls: [`AudioMute`] (K5), [`AudioLoudness`] (K6), [`AudioAutoGainControl`] (K7).

use super::control_handle;
use crate::controls::ControlSpec;
use crate::engine::Change;
use crate::error::Result;
use crate::guid::Guid;
use crate::instrument::{Arg, Hook, Method, no_args};

fn switch_state(spec: &ControlSpec) -> Option<bool> {
    match spec {
        ControlSpec::Mute(v) | ControlSpec::Loudness(v) | ControlSpec::AutoGainControl(v) => {
            Some(*v)
        }
        _ => None,
    }
}

control_handle! {
    /// `IAudioMute` (K5): one BOOL for the whole part.
    AudioMute
}

impl AudioMute {
    /// `IAudioMute::GetMute` (K5).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn mute(&self) -> Result<bool> {
        self.0.call(Method::IAudioMute_GetMute, no_args, || {
            self.0.state(switch_state)
        })
    }

    /// `IAudioMute::SetMute` (K5, N5): notifies the sinks when the state changes.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn set_mute(&self, muted: bool, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IAudioMute_SetMute,
            |_| vec![Arg::new("muted", muted), Arg::new("context", context)],
            || self.0.change(Change::Switch(muted), context),
        )
    }
}

control_handle! {
    /// `IAudioLoudness` (K6).
    AudioLoudness
}

impl AudioLoudness {
    /// `IAudioLoudness::GetEnabled` (K6).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn enabled(&self) -> Result<bool> {
        self.0.call(Method::IAudioLoudness_GetEnabled, no_args, || {
            self.0.state(switch_state)
        })
    }

    /// `IAudioLoudness::SetEnabled` (K6, N5).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn set_enabled(&self, enabled: bool, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IAudioLoudness_SetEnabled,
            |_| vec![Arg::new("enabled", enabled), Arg::new("context", context)],
            || self.0.change(Change::Switch(enabled), context),
        )
    }
}

control_handle! {
    /// `IAudioAutoGainControl` (K7). A disabled AGC passes the signal unchanged.
    AudioAutoGainControl
}

impl AudioAutoGainControl {
    /// `IAudioAutoGainControl::GetEnabled` (K7).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn enabled(&self) -> Result<bool> {
        self.0
            .call(Method::IAudioAutoGainControl_GetEnabled, no_args, || {
                self.0.state(switch_state)
            })
    }

    /// `IAudioAutoGainControl::SetEnabled` (K7, N5).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn set_enabled(&self, enabled: bool, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IAudioAutoGainControl_SetEnabled,
            |_| vec![Arg::new("enabled", enabled), Arg::new("context", context)],
            || self.0.change(Change::Switch(enabled), context),
        )
    }
}
