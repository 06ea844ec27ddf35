//! [`System`]: the set of audio devices of one simulated machine, shared by every handle.

use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::engine::{DeviceKey, Engine, PartKey, Snapshot, SystemBuilder};
use crate::error::{Error, Result};
use crate::handles::{Connector, Device, DeviceTopology, Part};

/// The state every handle of one system shares.
#[derive(Debug)]
pub(crate) struct Shared {
    engine: RwLock<Engine>,
}

impl Shared {
    /// Read access. A panic inside devtopo never leaves the engine half-written (every
    /// mutation validates first), so a poisoned lock is still consistent and is used as is.
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Engine> {
        self.engine.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Write access; see [`Shared::read`].
    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Engine> {
        self.engine.write().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The audio devices of one simulated machine: endpoints and adapter devices, each with its
/// device topology.
///
/// `System` is a cheap handle (an `Arc`): clones share one state. It is `Send + Sync`; every
/// call takes the system's one lock for its own duration only, so calls from many threads are
/// each atomic (X35).
///
/// ```
/// use devtopo::*;
///
/// let system = fixtures::four_topologies()?;
/// let mux = system.device("{2}.\\\\?\\pci#example#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\\inputmux")?;
/// assert_eq!(mux.topology()?.connector_count()?, 4);
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct System {
    pub(crate) shared: Arc<Shared>,
}

impl System {
    /// A new builder (same as [`SystemBuilder::new`]).
    pub fn builder() -> SystemBuilder {
        SystemBuilder::new()
    }

    pub(crate) fn from_engine(engine: Engine) -> System {
        System {
            shared: Arc::new(Shared {
                engine: RwLock::new(engine),
            }),
        }
    }

    /// The device with this ID, endpoint or adapter, whatever its state
    /// (`IMMDeviceEnumerator::GetDevice`, rules D11, I10).
    ///
    /// # Errors
    /// [`Error::UnknownDevice`] (`E_NOTFOUND`) when no device has this ID.
    pub fn device(&self, id: &str) -> Result<Device> {
        let engine = self.shared.read();
        match engine.by_id.get(id) {
            Some(&ix) => Ok(Device::new(self.shared.clone(), engine.device_key(ix))),
            None => Err(Error::UnknownDevice {
                device: Arc::from(id),
            }),
        }
    }

    /// Every device still in the system, in the order they were added.
    pub fn devices(&self) -> Vec<Device> {
        let engine = self.shared.read();
        engine
            .devices
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.node.is_some())
            .map(|(ix, slot)| {
                let key = DeviceKey {
                    ix: ix as u32,
                    serial: slot.serial,
                };
                Device::new(self.shared.clone(), key)
            })
            .collect()
    }

    /// The device a builder key names.
    ///
    /// # Errors
    /// [`Error::UnknownKey`] for a key of another builder; [`Error::DeviceRemoved`].
    pub fn device_by_key(&self, key: DeviceKey) -> Result<Device> {
        self.shared.read().device(key)?;
        Ok(Device::new(self.shared.clone(), key))
    }

    /// The part a builder key names.
    ///
    /// # Errors
    /// [`Error::UnknownKey`] for a key of another builder; [`Error::DeviceRemoved`].
    pub fn part(&self, key: PartKey) -> Result<Part> {
        self.shared.read().part(key)?;
        Ok(Part::new(self.shared.clone(), key))
    }

    /// The connector a builder key names.
    ///
    /// # Errors
    /// As [`System::part`], plus [`Error::NotAConnector`].
    pub fn connector(&self, key: PartKey) -> Result<Connector> {
        self.part(key)?.as_connector()
    }

    /// The topology of the device a builder key names.
    ///
    /// # Errors
    /// As [`System::device_by_key`].
    pub fn topology(&self, key: DeviceKey) -> Result<DeviceTopology> {
        self.device_by_key(key)?.topology()
    }

    /// Removes a device and all its parts from the model, as when a driver is uninstalled.
    /// Its connections are dropped on both sides (permanent ones too: this is a model edit,
    /// not a `Disconnect`). Handles to the device and its parts then fail with
    /// [`Error::DeviceRemoved`] (`AUDCLNT_E_DEVICE_INVALIDATED`, X26). Its ID may be added
    /// again later; old handles never see the new device.
    ///
    /// # Errors
    /// [`Error::UnknownDevice`].
    pub fn remove_device(&self, id: &str) -> Result<()> {
        let mut engine = self.shared.write();
        let ix = *engine.by_id.get(id).ok_or_else(|| Error::UnknownDevice {
            device: Arc::from(id),
        })?;
        let key = engine.device_key(ix);
        engine.remove_device(key)
    }

    /// A canonical dump of the whole state, comparable with `==` (rule G5 tests).
    pub fn snapshot(&self) -> Snapshot {
        self.shared.read().snapshot()
    }

    /// True when both handles share one system.
    pub fn same_system(&self, other: &System) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared)
    }
}
