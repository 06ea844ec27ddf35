//! [`Device`]: what `IMMDevice` gives for one device (endpoint or adapter).

use std::sync::Arc;

use super::{DeviceTopology, identity_handle};
use crate::engine::DeviceKey;
use crate::error::Result;
use crate::system::{Shared, System};
use crate::types::{DeviceKind, DeviceState};

/// One device of a [`System`]: an audio endpoint or an adapter device (a KS filter), as
/// `IMMDevice` shows it. Its device topology is [`Device::topology`].
#[derive(Clone)]
pub struct Device {
    pub(crate) shared: Arc<Shared>,
    pub(crate) key: DeviceKey,
}

impl Device {
    pub(crate) fn new(shared: Arc<Shared>, key: DeviceKey) -> Device {
        Device { shared, key }
    }

    /// The device ID (`IMMDevice::GetId`; I7-I11).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn id(&self) -> Result<String> {
        let engine = self.shared.read();
        engine.device(self.key)?;
        Ok(engine.device_id(self.key.ix).as_str().to_owned())
    }

    /// The friendly name.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn name(&self) -> Result<String> {
        Ok(self
            .shared
            .read()
            .device(self.key)?
            .name
            .as_ref()
            .to_owned())
    }

    /// Render endpoint, capture endpoint or adapter.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn kind(&self) -> Result<DeviceKind> {
        Ok(self.shared.read().device(self.key)?.kind)
    }

    /// The device state (`IMMDevice::GetState`; E5, D6).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn state(&self) -> Result<DeviceState> {
        Ok(self.shared.read().device(self.key)?.state)
    }

    /// **Simulation only**: sets the device's conditions to what `state` stands for
    /// (DISABLED: disabled; NOTPRESENT: hardware gone; UNPLUGGED: an unmodelled plug pulled;
    /// ACTIVE: none), as the user or the hardware would, then the one state rule decides
    /// (X27 in the decisions table): jacks, the connection and the adapter's
    /// conditions still count, so the result can differ from `state` (an endpoint with an empty
    /// sensing jack stays UNPLUGGED). Connections are untouched (C8); peers then see
    /// `ERROR_PATH_NOT_FOUND` from `GetConnectedTo` (C9, C10).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn set_state(&self, state: DeviceState) -> Result<()> {
        self.shared.mutate(|engine| {
            engine.device(self.key)?;
            engine.set_conditions(self.key.ix, crate::engine::Conditions::from_state(state));
            Ok(())
        })
    }

    /// The device topology: `IMMDevice::Activate(IID_IDeviceTopology)` (W1, D10). Succeeds in
    /// every device state, so walkers can inspect UNPLUGGED and DISABLED endpoints (X24).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (`AUDCLNT_E_DEVICE_INVALIDATED`,
    /// D10, X26).
    pub fn topology(&self) -> Result<DeviceTopology> {
        self.shared.read().device(self.key)?;
        Ok(DeviceTopology::new(self.shared.clone(), self.key))
    }

    /// The builder key of this device.
    pub fn key(&self) -> DeviceKey {
        self.key
    }

    /// The system this device belongs to.
    pub fn system(&self) -> System {
        System {
            shared: self.shared.clone(),
        }
    }
}

identity_handle!(Device, key);

impl std::fmt::Debug for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = self.shared.read().device_id(self.key.ix);
        f.debug_tuple("Device").field(&id).finish()
    }
}
