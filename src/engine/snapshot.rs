//! A canonical, comparable dump of a whole system, for tests of rule G5 ("a failed call
//! changes nothing") and for diffing two systems.

use super::Engine;
use crate::controls::ControlSpec;
use crate::guid::Guid;
use crate::properties::{PropVariant, PropertyKey};
use crate::types::{
    ConnectorType, DataFlow, DeviceKind, DeviceState, Direction, ERole, LocalId, Permanence,
};

/// The complete observable state (control states included, callbacks excluded) of a [`System`](crate::System): devices in creation order,
/// parts in index order (connectors, then subunits), links, connections.
///
/// Two snapshots are equal exactly when every DeviceTopology call would answer the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Every device still in the system.
    pub devices: Vec<DeviceSnapshot>,
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
        let devices = self
            .devices
            .iter()
            .enumerate()
            .filter_map(|(ix, slot)| {
                let dev = slot.node.as_ref()?;
                let parts = dev
                    .connectors
                    .iter()
                    .chain(dev.subunits.iter())
                    .filter_map(|&node| {
                        let p = self.graph.node_weight(node)?;
                        let connector = p.connector.as_ref().map(|c| {
                            let peer = c.peer.map(|peer| {
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
                            subtype: p.subtype,
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
                        .store(ix as u32)
                        .iter()
                        .map(|e| (e.key, e.value.clone()))
                        .collect(),
                    default_for: self.preferred_roles(ix as u32),
                })
            })
            .collect();
        Snapshot { devices }
    }
}
