//! [`DeviceTopology`]: `IDeviceTopology` (rules T1-T11).

use std::sync::Arc;

use super::{Connector, Device, Part, PartsList, Subunit, identity_handle};
use crate::engine::DeviceKey;
use crate::error::{Error, IndexKind, Owner, Result};
use crate::instrument::{Arg, Hook, Method, Site, no_args};
use crate::system::Shared;
use crate::types::{LocalId, MixedPaths};

/// The topology of one device: `IDeviceTopology`.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
///
/// let system = fixtures::four_topologies()?;
/// let epb = system.device(fixtures::FOUR_EPB)?.topology()?;
/// assert_eq!(epb.connector_count()?, 1);                       // rule D2
/// assert_eq!(epb.subunit_count()?, 0);
/// assert_eq!(epb.subunit(0).unwrap_err().hresult(), HResult::E_INVALIDARG); // rule T4
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Clone)]
pub struct DeviceTopology {
    pub(crate) shared: Arc<Shared>,
    pub(crate) key: DeviceKey,
}

impl DeviceTopology {
    pub(crate) fn new(shared: Arc<Shared>, key: DeviceKey) -> DeviceTopology {
        DeviceTopology { shared, key }
    }

    /// `IDeviceTopology::GetConnectorCount` (rule T1).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn connector_count(&self) -> Result<u32> {
        self.call(Method::IDeviceTopology_GetConnectorCount, no_args, || {
            Ok(self.shared.read().device(self.key)?.connectors.len() as u32)
        })
    }

    /// `IDeviceTopology::GetConnector` (rule T2): connectors are numbered from 0 in the order
    /// they were added (X11).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] (`E_INVALIDARG`); [`Error::DeviceRemoved`] (X26).
    pub fn connector(&self, index: u32) -> Result<Connector> {
        self.call(
            Method::IDeviceTopology_GetConnector,
            |_| vec![Arg::new("index", index)],
            || {
                self.indexed(index, IndexKind::Connector)
                    .map(Connector::from_part)
            },
        )
    }

    /// `IDeviceTopology::GetSubunitCount` (rule T3).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn subunit_count(&self) -> Result<u32> {
        self.call(Method::IDeviceTopology_GetSubunitCount, no_args, || {
            Ok(self.shared.read().device(self.key)?.subunits.len() as u32)
        })
    }

    /// `IDeviceTopology::GetSubunit` (rule T4); every index is out of range on an endpoint.
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] (`E_INVALIDARG`); [`Error::DeviceRemoved`] (X26).
    pub fn subunit(&self, index: u32) -> Result<Subunit> {
        self.call(
            Method::IDeviceTopology_GetSubunit,
            |_| vec![Arg::new("index", index)],
            || {
                self.indexed(index, IndexKind::Subunit)
                    .map(Subunit::from_part)
            },
        )
    }

    fn indexed(&self, index: u32, what: IndexKind) -> Result<Part> {
        let engine = self.shared.read();
        let dev = engine.device(self.key)?;
        let list = match what {
            IndexKind::Connector => &dev.connectors,
            _ => &dev.subunits,
        };
        match list.get(index as usize) {
            Some(&node) => Ok(Part::new(self.shared.clone(), engine.key_of(node))),
            None => Err(Error::IndexOutOfRange {
                what,
                index,
                count: list.len() as u32,
                owner: Owner::Device(engine.device_id(self.key.ix)),
            }),
        }
    }

    /// `IDeviceTopology::GetPartById` (rule T5): the part of **this** topology with this local ID.
    ///
    /// # Errors
    /// [`Error::UnknownLocalId`] (`E_INVALIDARG`), also for a local ID that only another
    /// topology has; [`Error::DeviceRemoved`] (X26).
    pub fn part_by_id(&self, local_id: LocalId) -> Result<Part> {
        self.call(
            Method::IDeviceTopology_GetPartById,
            |_| vec![Arg::new("local_id", local_id)],
            || {
                let engine = self.shared.read();
                let dev = engine.device(self.key)?;
                match dev.part_by_local(&engine.graph, local_id) {
                    Some(node) => Ok(Part::new(self.shared.clone(), engine.key_of(node))),
                    None => Err(Error::UnknownLocalId {
                        device: engine.device_id(self.key.ix),
                        local_id,
                    }),
                }
            },
        )
    }

    /// `IDeviceTopology::GetDeviceId` (rule T6, I11): the endpoint ID for an endpoint topology,
    /// the adapter-device ID for an adapter topology.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn device_id(&self) -> Result<String> {
        self.call(Method::IDeviceTopology_GetDeviceId, no_args, || {
            let engine = self.shared.read();
            engine.device(self.key)?;
            Ok(engine.device_id(self.key.ix).as_str().to_owned())
        })
    }

    /// `IDeviceTopology::GetSignalPath` (rules T7-T11, X13): the parts on a path from `from`
    /// to `to`, with `to` at index 0 and `from` last. Both parts must belong to this
    /// topology. `MixedPaths::Reject` ignores paths through a mixer (a SUM or SUPERMIX
    /// subunit, or a non-MUX subunit with two or more inputs). A shortest path is returned;
    /// `from == to` gives `[from]`. Cost: O((V + E) log V) in this device's parts and links.
    ///
    /// # Errors
    /// - [`Error::NoSignalPath`] (`E_NOTFOUND`): no path, for example against the signal
    ///   direction (T11) or only through mixers (T10);
    /// - [`Error::ForeignObject`] (`E_NOINTERFACE`): a part of another system (T7);
    /// - [`Error::PartNotInTopology`] (`E_INVALIDARG`): a part of another topology (T9, X13);
    /// - [`Error::DeviceRemoved`] (X26).
    pub fn signal_path(
        &self,
        from: impl AsRef<Part>,
        to: impl AsRef<Part>,
        mixed: MixedPaths,
    ) -> Result<PartsList> {
        self.call(
            Method::IDeviceTopology_GetSignalPath,
            |e| {
                vec![
                    Arg::part("from", e, &self.shared, from.as_ref()),
                    Arg::part("to", e, &self.shared, to.as_ref()),
                    Arg::new("mixed", mixed),
                ]
            },
            || {
                let (from, to) = (from.as_ref(), to.as_ref());
                let engine = self.shared.read();
                engine.device(self.key)?;
                for (part, other) in [(from, to), (to, from)] {
                    if !Arc::ptr_eq(&part.shared, &self.shared) {
                        // Name the part of this system that received the foreign object.
                        let named = if Arc::ptr_eq(&other.shared, &self.shared) {
                            engine.part_ref(other.key.node)
                        } else {
                            crate::error::PartRef {
                                device: engine.device_id(self.key.ix),
                                local_id: LocalId(0),
                            }
                        };
                        return Err(Error::ForeignObject { part: named });
                    }
                }
                for part in [from, to] {
                    engine.part(part.key)?;
                    if part.key.device != self.key.ix {
                        return Err(Error::PartNotInTopology {
                            part: engine.part_ref(part.key.node),
                            device: engine.device_id(self.key.ix),
                        });
                    }
                }
                let path = engine.signal_path(from.key, to.key, mixed)?;
                let keys = path.into_iter().map(|n| engine.key_of(n)).collect();
                Ok(PartsList::new(self.shared.clone(), keys))
            },
        )
    }

    /// The device this topology describes (the `IMMDevice` it was activated from).
    pub fn device(&self) -> Device {
        Device::new(self.shared.clone(), self.key)
    }
}

identity_handle!(DeviceTopology, key);

impl std::fmt::Debug for DeviceTopology {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = self.shared.read().device_id(self.key.ix);
        f.debug_tuple("DeviceTopology").field(&id).finish()
    }
}

impl Hook for DeviceTopology {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::Device(self.key))
    }
}
