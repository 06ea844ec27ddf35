//! A canonical, comparable dump of a whole system, for tests of rule G5 ("a failed call
//! changes nothing") and for diffing two systems.

use super::Engine;
use crate::controls::notify::sink_addr;
use crate::controls::{ControlKind, ControlSpec};
use crate::guid::Guid;
use crate::properties::{PropVariant, PropertyKey};
use crate::types::{
    ConnectorType, DataFlow, DeviceKind, DeviceState, Direction, ERole, LocalId, Permanence,
};

/// The complete observable state of a [`System`](crate::System): devices in creation order,
/// parts in index order (connectors, then subunits), links, connections, control states, and
/// every callback registration.
///
/// Two snapshots are equal exactly when every DeviceTopology call would answer the same and
/// the same sinks would be told of the same changes: a failed call changes neither (G5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Every device still in the system.
    pub devices: Vec<DeviceSnapshot>,
    /// Every callback registration: control sinks in device order, then part order (as in
    /// [`DeviceSnapshot::parts`]), then registration order; then endpoint sinks in
    /// registration order.
    pub registrations: Vec<RegistrationSnapshot>,
}

/// Which sink object a registration holds: its address, as
/// `UnregisterControlChangeCallback` identifies it (X19). Equal only for the same object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SinkId(usize);

impl SinkId {
    /// The identity of a sink object (pass `&*arc`).
    pub fn of<S: ?Sized>(sink: &S) -> SinkId {
        SinkId(sink_addr(sink))
    }
}

/// One callback registration in a [`Snapshot`]. One variant per kind of sink.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegistrationSnapshot {
    /// `IPart::RegisterControlChangeCallback` (N1, X19): `sink` is told of changes of control
    /// `interface` of the part `local_id` of device `device`.
    Control {
        /// The part's device ID.
        device: String,
        /// The part's local ID.
        local_id: LocalId,
        /// The control the registration is for.
        interface: ControlKind,
        /// The sink.
        sink: SinkId,
    },
    /// `IMMDeviceEnumerator::RegisterEndpointNotificationCallback` (V13, X40): `sink` is told
    /// of every endpoint event, once per registration.
    Endpoint {
        /// The sink.
        sink: SinkId,
    },
}

/// One device in a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSnapshot {
    /// Device ID.
    pub id: String,
    /// Friendly name.
    pub name: String,
    /// Kind.
    pub kind: DeviceKind,
    /// State.
    pub state: DeviceState,
    /// Connectors in index order, then subunits in index order.
    pub parts: Vec<PartSnapshot>,
    /// The property store in `GetAt` order (S3).
    pub properties: Vec<(PropertyKey, PropVariant)>,
    /// The roles it is the chosen default for (X38).
    pub default_for: Vec<ERole>,
}

/// One part in a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSnapshot {
    /// Local ID.
    pub local_id: LocalId,
    /// Name.
    pub name: String,
    /// Subtype.
    pub subtype: Guid,
    /// For a connector: flow, type and peer.
    pub connector: Option<ConnectorSnapshot>,
    /// Local IDs of the parts this part links to, in link order.
    pub outgoing: Vec<LocalId>,
    /// The control interfaces with their current state, in `GetControlInterface` order.
    pub controls: Vec<ControlSpec>,
}

/// The connector side of a [`PartSnapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorSnapshot {
    /// Data flow.
    pub flow: DataFlow,
    /// Connector type.
    pub connector_type: ConnectorType,
    /// The peer, if connected.
    pub peer: Option<PeerSnapshot>,
}

/// The peer of a connector in a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerSnapshot {
    /// The peer's device ID.
    pub device: String,
    /// The peer's local ID.
    pub local_id: LocalId,
    /// Whether the connection is permanent.
    pub permanence: Permanence,
}

impl Engine {
    pub(crate) fn snapshot(&self) -> Snapshot {
        let mut registrations = Vec::new();
        let devices = (0..self.devices.len() as u32)
            .filter_map(|ix| self.device_snapshot(ix, &mut registrations))
            .collect();
        registrations.extend(
            self.mm
                .sinks
                .iter()
                .map(|sink| RegistrationSnapshot::Endpoint {
                    sink: SinkId(sink_addr(&**sink)),
                }),
        );
        Snapshot {
            devices,
            registrations,
        }
    }

    /// One live device as a snapshot shows it; its callback registrations are appended to
    /// `registrations`.
    pub(crate) fn device_snapshot(
        &self,
        ix: u32,
        registrations: &mut Vec<RegistrationSnapshot>,
    ) -> Option<DeviceSnapshot> {
        let slot = self.devices.get(ix as usize)?;
        let dev = slot.node.as_ref()?;
        let parts = dev
            .connectors
            .iter()
            .chain(dev.subunits.iter())
            .filter_map(|&node| {
                let p = self.graph.node_weight(node)?;
                registrations.extend(self.sinks.of_part(p.serial).map(|(kind, addr)| {
                    RegistrationSnapshot::Control {
                        device: slot.id.to_string(),
                        local_id: p.local_id,
                        interface: kind,
                        sink: SinkId(addr),
                    }
                }));
                let connector = p.connector.as_ref().map(|c| {
                    let peer = c.peer().map(|peer| {
                        let r = self.part_ref(peer.node);
                        PeerSnapshot {
                            device: r.device.to_string(),
                            local_id: r.local_id,
                            permanence: peer.permanence,
                        }
                    });
                    ConnectorSnapshot {
                        flow: c.flow,
                        connector_type: c.connector_type,
                        peer,
                    }
                });
                let outgoing = self
                    .linked(node, Direction::Outgoing)
                    .into_iter()
                    .filter_map(|n| self.graph.node_weight(n).map(|q| q.local_id))
                    .collect();
                Some(PartSnapshot {
                    local_id: p.local_id,
                    name: p.name.to_string(),
                    subtype: self.subtype(p),
                    connector,
                    outgoing,
                    controls: p.controls.to_vec(),
                })
            })
            .collect();
        Some(DeviceSnapshot {
            id: slot.id.to_string(),
            name: dev.name.to_string(),
            kind: dev.kind,
            state: dev.state,
            parts,
            properties: self
                .store(ix)
                .iter()
                .map(|e| (e.key, e.value.to_variant()))
                .collect(),
            default_for: self.preferred_roles(ix),
        })
    }
}
