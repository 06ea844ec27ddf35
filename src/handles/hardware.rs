//! [`Hardware`]: the simulated driver and user, for tests. Not part of the Windows API.

use std::sync::Arc;

use super::{Connector, Device, Part};
use crate::controls::ControlKind;
use crate::engine::Change;
use crate::error::{Error, Result};
use crate::system::{Origin, Shared};

/// **Simulation only**: what the hardware, the driver and the user do to a
/// [`System`](crate::System), as opposed to what a client calls. Get it with
/// [`System::hardware`](crate::System::hardware).
///
/// Control changes made here are *hardware-initiated*: their notifications carry the
/// system's hardware process ID and the [`HARDWARE_INITIATED_CONTEXT`](crate::HARDWARE_INITIATED_CONTEXT)
/// (N6, X21). Device-state changes follow D6 and couple with jacks as X27 says (see
/// [`Hardware::unplug_jack`]).
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
/// let system = fixtures::sysvad_hdmi()?;
/// let jack = system.device(fixtures::SYSVAD_HDMI_TOPO)?.topology()?.connector(1)?;
/// system.hardware().unplug_jack(&jack, 0)?;                 // rule B3-5
/// let endpoint = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
/// assert_eq!(endpoint.state()?, DeviceState::Unplugged);
/// assert_eq!(jack.connected_to().unwrap_err().hresult(), HResult::ERROR_PATH_NOT_FOUND);
/// system.hardware().plug_jack(&jack, 0)?;
/// assert_eq!(endpoint.state()?, DeviceState::Active);
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Clone)]
pub struct Hardware {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Hardware {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hardware")
    }
}

impl Hardware {
    pub(crate) fn new(shared: Arc<Shared>) -> Hardware {
        Hardware { shared }
    }

    fn check(&self, shared: &Arc<Shared>, part: Option<&Part>) -> Result<()> {
        if Arc::ptr_eq(&self.shared, shared) {
            return Ok(());
        }
        let engine = shared.read();
        let part = match part {
            Some(p) => engine.part_ref(p.key.node),
            None => crate::error::PartRef {
                device: crate::error::DeviceId::default(),
                local_id: crate::types::LocalId(0),
            },
        };
        Err(Error::ForeignObject { part })
    }

    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    pub(crate) fn check_device(&self, device: &Device) -> Result<()> {
        self.check(&device.shared, None)
    }

    fn set_jack(&self, connector: &Connector, jack: u32, connected: bool) -> Result<()> {
        let part = connector.as_part();
        self.check(&part.shared, Some(part))?;
        self.shared.change(Origin::Hardware, |engine| {
            Ok(((), engine.set_jack_connected(part.key, jack, connected)?))
        })
    }

    /// A plug goes into jack `jack` of a connector: its `IsConnected` becomes true, the
    /// endpoint behind it goes from UNPLUGGED to ACTIVE (X27), and the connector's
    /// `IKsJackDescription` sinks get a hardware-initiated notification (N9). Plugging a jack
    /// that is already plugged changes nothing and notifies no one.
    ///
    /// # Errors
    /// [`Error::NoSuchControl`] (no `IKsJackDescription`); [`Error::IndexOutOfRange`];
    /// [`Error::NoPresenceDetection`] for a jack without presence detection (X27);
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn plug_jack(&self, connector: &Connector, jack: u32) -> Result<()> {
        self.set_jack(connector, jack, true)
    }

    /// The plug of jack `jack` is pulled: `IsConnected` becomes false and, when no sensing
    /// jack facing the endpoint is still connected, an ACTIVE endpoint becomes UNPLUGGED
    /// (K18, X27). DISABLED and NOTPRESENT endpoints keep their state. Connections are not
    /// touched (C8); `GetConnectedTo` toward the endpoint then gives
    /// `ERROR_PATH_NOT_FOUND` (C9, C10).
    ///
    /// # Errors
    /// As [`Hardware::plug_jack`].
    pub fn unplug_jack(&self, connector: &Connector, jack: u32) -> Result<()> {
        self.set_jack(connector, jack, false)
    }

    /// A hardware knob moves a level control (volume, bass, midrange or treble) of one
    /// channel. Stepping and clamping as for `SetLevel` (K3); the sinks get a
    /// hardware-initiated notification when the level changed (N6, X21).
    ///
    /// # Errors
    /// As [`PerChannelDbLevel::set_level`](crate::PerChannelDbLevel::set_level), plus
    /// [`Error::NoSuchControl`] when `kind` is not a level control of the part, and
    /// [`Error::ForeignObject`].
    pub fn set_level(&self, part: &Part, kind: ControlKind, channel: u32, db: f32) -> Result<()> {
        self.check(&part.shared, Some(part))?;
        self.shared.change(Origin::Hardware, |engine| {
            engine.part(part.key)?;
            if !kind.is_level() {
                return Err(Error::NoSuchControl {
                    part: engine.part_ref(part.key.node),
                    iid: kind.iid(),
                });
            }
            Ok((
                (),
                engine.change_control(part.key, kind, Change::Level { channel, db })?,
            ))
        })
    }

    /// A hardware mute button (N6, X21).
    ///
    /// # Errors
    /// [`Error::NoSuchControl`] without `IAudioMute`; [`Error::ForeignObject`];
    /// [`Error::DeviceRemoved`].
    pub fn set_mute(&self, part: &Part, muted: bool) -> Result<()> {
        self.check(&part.shared, Some(part))?;
        self.shared.change(Origin::Hardware, |engine| {
            Ok((
                (),
                engine.change_control(part.key, ControlKind::Mute, Change::Switch(muted))?,
            ))
        })
    }

    /// The meter measured a peak of `db` on `channel`: the channel's pending peak becomes the
    /// larger of the two, and the next `GetLevel` of that channel returns it (K8, X18). Peaks
    /// notify no one (X18).
    ///
    /// # Errors
    /// [`Error::NoSuchControl`] without `IAudioPeakMeter`; [`Error::IndexOutOfRange`];
    /// [`Error::NotANumber`]; [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn feed_peak(&self, part: &Part, channel: u32, db: f32) -> Result<()> {
        self.check(&part.shared, Some(part))?;
        self.shared.write().feed_peak(part.key, channel, db)
    }
}
