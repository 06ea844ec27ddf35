//! [`PerChannelDbLevel`]: `IPerChannelDbLevel` and its four children (K2-K4).

use super::control_handle;
use crate::controls::ControlKind;
use crate::engine::Change;
use crate::error::{IndexKind, Result};
use crate::guid::Guid;
use crate::instrument::{Arg, Hook, Method, no_args};

/// The answer of `IPerChannelDbLevel::GetLevelRange` (K2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelRange {
    /// Minimum level in dB.
    pub min_db: f32,
    /// Maximum level in dB.
    pub max_db: f32,
    /// Step in dB: `(max - min) / step` is a whole number of steps.
    pub step_db: f32,
}

control_handle! {
    /// A per-channel dB level: `IAudioVolumeLevel`, `IAudioBass`, `IAudioMidrange` or
    /// `IAudioTreble` (K2-K4), all through the methods of `IPerChannelDbLevel`.
    /// [`PerChannelDbLevel::kind`] says which.
    ///
    /// Levels are clamped to the range and snapped to the nearest step, a value exactly
    /// between two steps going to the one farther from 0 dB (K3, X17).
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::sysvad_mic_in()?;
    /// let topo = system.device(fixtures::SYSVAD_MICIN_TOPO)?.topology()?;
    /// let volume = topo.part_by_id(LocalId::subunit(0))?
    ///     .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
    ///     .into_level().expect("volume");
    /// volume.set_level(0, -200.0, None)?;               // clamped (K3)
    /// assert_eq!(volume.level(0)?, -96.0);
    /// volume.set_level(0, -10.25, None)?;               // half-way: away from zero (X17)
    /// assert_eq!(volume.level(0)?, -10.5);
    /// assert_eq!(volume.level(1).unwrap_err().hresult(), HResult::E_INVALIDARG);
    /// # }
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    PerChannelDbLevel
}

impl PerChannelDbLevel {
    /// Which of the four level interfaces this is.
    pub fn kind(&self) -> ControlKind {
        self.0.kind
    }

    /// `IPerChannelDbLevel::GetChannelCount` (K2).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn channel_count(&self) -> Result<u32> {
        self.0
            .call(Method::IPerChannelDbLevel_GetChannelCount, no_args, || {
                self.0
                    .read(|e, _| Ok(e.level(self.0.part.key, self.0.kind)?.channel_count()))
            })
    }

    /// `IPerChannelDbLevel::GetLevelRange` (K2): the same for every channel.
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`](crate::Error::IndexOutOfRange) (`E_INVALIDARG`) for a channel past the end;
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn level_range(&self, channel: u32) -> Result<LevelRange> {
        self.0.call(
            Method::IPerChannelDbLevel_GetLevelRange,
            |_| vec![Arg::new("channel", channel)],
            || {
                self.0.read(|e, _| {
                    let l = e.level(self.0.part.key, self.0.kind)?;
                    e.check_index(
                        self.0.part.key,
                        IndexKind::Channel,
                        channel,
                        l.levels_db.len(),
                    )?;
                    Ok(LevelRange {
                        min_db: l.min_db,
                        max_db: l.max_db,
                        step_db: l.step_db,
                    })
                })
            },
        )
    }

    /// `IPerChannelDbLevel::GetLevel` (K2): the level of a channel in dB.
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`](crate::Error::IndexOutOfRange) (`E_INVALIDARG`); [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn level(&self, channel: u32) -> Result<f32> {
        self.0.call(
            Method::IPerChannelDbLevel_GetLevel,
            |_| vec![Arg::new("channel", channel)],
            || {
                self.0.read(|e, _| {
                    let l = e.level(self.0.part.key, self.0.kind)?;
                    let i = e.check_index(
                        self.0.part.key,
                        IndexKind::Channel,
                        channel,
                        l.levels_db.len(),
                    )?;
                    Ok(l.levels_db[i])
                })
            },
        )
    }

    /// `IPerChannelDbLevel::SetLevel` (K2, K3, X17): sets one channel; notifies the sinks
    /// when the stored level changed (N5).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`](crate::Error::IndexOutOfRange) (`E_INVALIDARG`); [`Error::NotANumber`](crate::Error::NotANumber) (`E_INVALIDARG`,
    /// X17); [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn set_level(&self, channel: u32, level_db: f32, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IPerChannelDbLevel_SetLevel,
            |_| {
                vec![
                    Arg::new("channel", channel),
                    Arg::new("level_db", level_db),
                    Arg::new("context", context),
                ]
            },
            || {
                self.0.change(
                    Change::Level {
                        channel,
                        db: level_db,
                    },
                    context,
                )
            },
        )
    }

    /// `IPerChannelDbLevel::SetLevelUniform` (K2, K3): sets every channel.
    ///
    /// # Errors
    /// [`Error::NotANumber`](crate::Error::NotANumber) (`E_INVALIDARG`, X17); [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn set_level_uniform(&self, level_db: f32, context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IPerChannelDbLevel_SetLevelUniform,
            |_| vec![Arg::new("level_db", level_db), Arg::new("context", context)],
            || self.0.change(Change::LevelUniform(level_db), context),
        )
    }

    /// `IPerChannelDbLevel::SetLevelAllChannels` (K2, K3): one level per channel.
    ///
    /// # Errors
    /// [`Error::ChannelCountMismatch`](crate::Error::ChannelCountMismatch) (`E_INVALIDARG`) when `levels_db.len()` is not the
    /// channel count; [`Error::NotANumber`](crate::Error::NotANumber); [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn set_level_all_channels(&self, levels_db: &[f32], context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IPerChannelDbLevel_SetLevelAllChannels,
            |_| {
                vec![
                    Arg::new("levels_db", levels_db.to_vec()),
                    Arg::new("context", context),
                ]
            },
            || self.0.change(Change::LevelAll(levels_db), context),
        )
    }
}
