//! [`Connector`]: `IConnector` (rules C1-C12).

use std::sync::Arc;

use super::Part;
use super::part::global_id;
use crate::error::{Error, Result};
use crate::instrument::{Arg, Hook, Method, no_args};
use crate::system::Shared;
use crate::types::{ConnectorType, DataFlow, Permanence};

/// A connector (a KS pin): `IConnector`. Use [`Connector::as_part`] (or `AsRef<Part>`) for the
/// `IPart` methods.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
///
/// let system = fixtures::four_topologies()?;
/// let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
/// let to_wave = mux.connector(3)?;
/// // A permanent Software_Fixed link cannot be broken (rule C6) ...
/// assert_eq!(to_wave.disconnect().unwrap_err().hresult(), HResult::ERROR_FILE_READ_ONLY);
/// assert!(to_wave.is_connected()?);
/// // ... an ordinary one can, once (rule C6, X5).
/// let line_in = mux.connector(0)?;
/// line_in.disconnect()?;
/// assert_eq!(line_in.disconnect().unwrap_err().hresult(), HResult::E_NOTFOUND);
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Connector(Part);

impl Connector {
    pub(crate) fn from_part(part: Part) -> Connector {
        Connector(part)
    }

    fn shared(&self) -> &Arc<Shared> {
        &self.0.shared
    }

    /// `QueryInterface(IID_IPart)`: always succeeds (G6).
    pub fn as_part(&self) -> &Part {
        &self.0
    }

    /// `IConnector::GetType` (rule C1, D13, D14).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn connector_type(&self) -> Result<ConnectorType> {
        self.0.call(Method::IConnector_GetType, no_args, || {
            Ok(self
                .shared()
                .read()
                .connector_data(self.0.key)?
                .connector_type)
        })
    }

    /// `IConnector::GetDataFlow` (rule C2).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn data_flow(&self) -> Result<DataFlow> {
        self.0.call(Method::IConnector_GetDataFlow, no_args, || {
            Ok(self.shared().read().connector_data(self.0.key)?.flow)
        })
    }

    /// `IConnector::ConnectTo` (rules C3, C4, C5, X1-X4, X7, X8): connects this connector to a
    /// connector of another device. The connection is never permanent (X7), needs equal
    /// connector types (X1) and ignores device states (X8).
    ///
    /// # Errors
    /// In this order of precedence (X4):
    /// - [`Error::ForeignObject`] (`E_NOINTERFACE`): `other` belongs to another system;
    /// - [`Error::DeviceRemoved`] (`AUDCLNT_E_DEVICE_INVALIDATED`, X26);
    /// - [`Error::SameDataFlow`] (`E_INVALIDARG`): same flow, also `other == self` (C4, X2);
    /// - [`Error::TopologyEdge`] (`E_INVALIDARG`): a `Software_IO` or `Network` end (D12);
    /// - [`Error::SameDevice`] (`E_INVALIDARG`, X3);
    /// - [`Error::EndpointToEndpoint`] (`E_INVALIDARG`, D4): both ends are endpoints;
    /// - [`Error::ConnectorTypeMismatch`] (`E_INVALIDARG`, X1);
    /// - [`Error::AlreadyAttached`] (`ERROR_DEVICE_ALREADY_ATTACHED`): either end has a peer.
    pub fn connect_to(&self, other: &Connector) -> Result<()> {
        self.0.call(
            Method::IConnector_ConnectTo,
            |e| vec![Arg::part("other", e, self.shared(), &other.0)],
            || {
                if !Arc::ptr_eq(self.shared(), other.shared()) {
                    return Err(self.foreign_object());
                }
                // The state rule (B2, X27) follows the new wiring: events after the lock (Y6). A
                // failed call queues nothing (G5).
                // Deferred while nobody listens (X78).
                let mut engine = self.shared().write_unsettled();
                engine.connect_by_call(self.0.key, other.0.key)?;
                self.shared().finish(engine);
                Ok(())
            },
        )
    }

    /// `ConnectTo`'s first error (X4): the other connector belongs to another system. Out
    /// of line, so that the call's success path carries no error-building code (issue 11).
    #[cold]
    #[inline(never)]
    fn foreign_object(&self) -> Error {
        Error::ForeignObject {
            part: self.shared().read().part_ref(self.0.key.node),
        }
    }

    /// `IConnector::Disconnect` (rule C6, X5, X6): both ends become unconnected.
    ///
    /// # Errors
    /// - [`Error::NotConnected`] (`E_NOTFOUND`): not connected, including a second call and
    ///   any `Software_IO` or `Network` connector (X6);
    /// - [`Error::PermanentConnection`] (`ERROR_FILE_READ_ONLY`): a permanent connection;
    ///   nothing changes on either side;
    /// - [`Error::DeviceRemoved`] (X26).
    pub fn disconnect(&self) -> Result<()> {
        self.0.call(Method::IConnector_Disconnect, no_args, || {
            let mut engine = self.shared().write_unsettled();
            engine.disconnect(self.0.key)?;
            self.shared().finish(engine);
            Ok(())
        })
    }

    /// `IConnector::IsConnected` (rules C7, C8, X23): true while the connector has a peer,
    /// whatever the peer device's state. `Software_IO` and `Network` connectors are never
    /// connected (X23).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn is_connected(&self) -> Result<bool> {
        self.0.call(Method::IConnector_IsConnected, no_args, || {
            Ok(self
                .shared()
                .read()
                .connector_data(self.0.key)?
                .peer()
                .is_some())
        })
    }

    /// Whether the current connection is permanent (`None` when unconnected). Not a COM
    /// method: Windows only shows permanence through `Disconnect`'s error.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn permanence(&self) -> Result<Option<Permanence>> {
        Ok(self
            .shared()
            .read()
            .connector_data(self.0.key)?
            .peer()
            .map(|p| p.permanence))
    }

    /// `IConnector::GetConnectedTo` (rules C9, C10): the peer connector.
    ///
    /// # Errors
    /// - [`Error::NotConnected`] (`E_NOTFOUND`): no peer (unconnected, `Software_IO`,
    ///   `Network`);
    /// - [`Error::PeerNotActive`] (`ERROR_PATH_NOT_FOUND`): the peer's device is not ACTIVE;
    /// - [`Error::DeviceRemoved`] (X26).
    pub fn connected_to(&self) -> Result<Connector> {
        self.0.call(Method::IConnector_GetConnectedTo, no_args, || {
            let engine = self.shared().read();
            let peer = engine.active_peer(self.0.key)?;
            Ok(Connector(Part::new(
                self.shared().clone(),
                engine.key_of(peer),
            )))
        })
    }

    /// `IConnector::GetConnectorIdConnectedTo` (rule C11, I6): the peer's global ID.
    ///
    /// # Errors
    /// As [`Connector::connected_to`]; a peer that is not ACTIVE gives
    /// [`Error::PeerNotActive`] (`ERROR_PATH_NOT_FOUND`) here too (X22).
    pub fn connector_id_connected_to(&self) -> Result<String> {
        self.0.call(
            Method::IConnector_GetConnectorIdConnectedTo,
            no_args,
            || {
                let engine = self.shared().read();
                let peer = engine.active_peer(self.0.key)?;
                let r = engine.part_ref(peer);
                Ok(global_id(&r.device, r.local_id))
            },
        )
    }

    /// `IConnector::GetDeviceIdConnectedTo` (rule C12, I12): the peer device's ID.
    ///
    /// # Errors
    /// As [`Connector::connector_id_connected_to`] (X22).
    pub fn device_id_connected_to(&self) -> Result<String> {
        self.0
            .call(Method::IConnector_GetDeviceIdConnectedTo, no_args, || {
                let engine = self.shared().read();
                let peer = engine.active_peer(self.0.key)?;
                Ok(engine.part_ref(peer).device.as_str().to_owned())
            })
    }
}

impl AsRef<Part> for Connector {
    fn as_ref(&self) -> &Part {
        &self.0
    }
}

impl From<Connector> for Part {
    fn from(value: Connector) -> Part {
        value.0
    }
}

impl std::fmt::Debug for Connector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.shared().read().part_ref(self.0.key.node);
        f.debug_tuple("Connector")
            .field(&r.device)
            .field(&r.local_id)
            .finish()
    }
}
