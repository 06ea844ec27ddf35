//! Connections between devices: `ConnectTo`, `Disconnect` and the peer queries (rules C3-C12).
//!
//! Every rule is checked before anything is written (G5), and the two peer slots of a
//! connection are always written together, so C5 (symmetric, at most one peer) holds by
//! construction.

use petgraph::stable_graph::NodeIndex;

use super::events::EventKind;
use super::{ConnectorData, Engine, PartKey, PartNode, Peer};
use crate::error::{Error, PartRef, Result};
use crate::types::{DeviceState, Permanence};

impl Engine {
    /// The connector data of a part.
    ///
    /// # Errors
    /// [`Error::NotAConnector`] for a subunit (G6); the errors of [`Engine::part`].
    pub(crate) fn connector_data(&self, key: PartKey) -> Result<&ConnectorData> {
        let part = self.part(key)?;
        part.connector.as_ref().ok_or_else(|| Error::NotAConnector {
            part: self.part_ref(key.node),
        })
    }

    /// A part and its connector data; the errors of [`Engine::connector_data`].
    #[inline]
    fn part_and_connector(&self, key: PartKey) -> Result<(&PartNode, &ConnectorData)> {
        let part = self.part(key)?;
        match &part.connector {
            Some(c) => Ok((part, c)),
            None => Err(Error::NotAConnector {
                part: self.part_ref(key.node),
            }),
        }
    }

    /// `IConnector::ConnectTo` (rules C3, C4, D12, D14, X1-X4, X7, X8).
    ///
    /// Checks, in this order (X4): both parts exist and are connectors; same data flow (C3,
    /// C4 — a connector and itself included, X2); a `Software_IO` or `Network` end (D12, X6);
    /// same device (X3); two endpoints (D4); different connector types (D14, X1); either end
    /// already attached (C3).
    /// Device states play no part (X8).
    pub(crate) fn connect(&mut self, a: PartKey, b: PartKey, permanence: Permanence) -> Result<()> {
        // Each part is looked up once (issue 11: the round trip's hot path).
        let (part_a, ca) = self.part_and_connector(a)?;
        let (part_b, cb) = self.part_and_connector(b)?;
        if ca.flow == cb.flow {
            return Err(Error::SameDataFlow {
                part: self.part_ref(a.node),
                other: self.part_ref(b.node),
                flow: ca.flow,
            });
        }
        for (key, c) in [(a, ca), (b, cb)] {
            if c.connector_type.is_topology_edge() {
                return Err(Error::TopologyEdge {
                    part: self.part_ref(key.node),
                    connector_type: c.connector_type,
                });
            }
        }
        if part_a.device == part_b.device {
            return Err(Error::SameDevice {
                part: self.part_ref(a.node),
                other: self.part_ref(b.node),
            });
        }
        let is_endpoint = |device: u32| {
            self.devices
                .get(device as usize)
                .and_then(|slot| slot.node.as_ref())
                .is_some_and(|d| d.kind.is_endpoint())
        };
        if is_endpoint(part_a.device) && is_endpoint(part_b.device) {
            return Err(Error::EndpointToEndpoint {
                part: self.part_ref(a.node),
                other: self.part_ref(b.node),
            });
        }
        if ca.connector_type != cb.connector_type {
            return Err(Error::ConnectorTypeMismatch {
                part: self.part_ref(a.node),
                part_type: ca.connector_type,
                other: self.part_ref(b.node),
                other_type: cb.connector_type,
            });
        }
        for (key, c) in [(a, ca), (b, cb)] {
            if let Some(peer) = c.peer() {
                return Err(Error::AlreadyAttached {
                    part: self.part_ref(key.node),
                    peer: self.part_ref(peer.node),
                });
            }
        }
        self.set_peer(
            a.node,
            Some(Peer {
                node: b.node,
                permanence,
            }),
        );
        self.set_peer(
            b.node,
            Some(Peer {
                node: a.node,
                permanence,
            }),
        );
        self.log(|e| EventKind::Connected {
            part: e.part_ref(a.node),
            peer: e.part_ref(b.node),
            permanence,
        });
        Ok(())
    }

    /// `IConnector::Disconnect` (rule C6, X5, X6): both ends become unconnected; a permanent
    /// connection is refused and nothing changes. Returns the former peer, whose endpoint's
    /// state the caller re-derives (X27).
    pub(crate) fn disconnect(&mut self, a: PartKey) -> Result<PartKey> {
        let part = self.part(a)?;
        // The errors name `a` from what was just read (no second lookup): an error path
        // costs about what success costs (issue 11).
        let named = || PartRef {
            device: self.device_id(a.device),
            local_id: part.local_id,
        };
        let Some(connector) = &part.connector else {
            return Err(Error::NotAConnector { part: named() });
        };
        let Some(peer) = connector.peer() else {
            return Err(Error::NotConnected { part: named() });
        };
        if peer.permanence == Permanence::Permanent {
            return Err(Error::PermanentConnection {
                part: named(),
                peer: self.part_ref(peer.node),
            });
        }
        self.set_peer(a.node, None);
        self.set_peer(peer.node, None);
        self.log(|e| EventKind::Disconnected {
            part: e.part_ref(a.node),
            peer: e.part_ref(peer.node),
        });
        Ok(self.key_of(peer.node))
    }

    /// The peer of a connector, as `GetConnectedTo` and the two `...IdConnectedTo` methods see
    /// it (rules C9, C10, C11, C12, X22): `NotConnected` (E_NOTFOUND) without a peer,
    /// `PeerNotActive` (ERROR_PATH_NOT_FOUND) when the peer's device is not ACTIVE.
    pub(crate) fn active_peer(&self, a: PartKey) -> Result<NodeIndex<u32>> {
        let peer = self.peer_slot(a)?;
        let device = self
            .graph
            .node_weight(peer.node)
            .map_or(u32::MAX, |p| p.device);
        match self.state_of(device) {
            Some(DeviceState::Active) => Ok(peer.node),
            state => Err(Error::PeerNotActive {
                part: self.part_ref(a.node),
                device: self.device_id(device),
                state: state.unwrap_or(DeviceState::NotPresent),
            }),
        }
    }

    /// The peer slot of a connected connector; [`Error::NotConnected`] (E_NOTFOUND) when it has
    /// none (rules C6, C9).
    /// Inlined: on the `Disconnect` error path an out-of-line call costs as much as the
    /// whole call (measured in `benches/connect_disconnect.rs`).
    #[inline(always)]
    fn peer_slot(&self, a: PartKey) -> Result<Peer> {
        self.connector_data(a)?
            .peer()
            .ok_or_else(|| Error::NotConnected {
                part: self.part_ref(a.node),
            })
    }

    fn set_peer(&mut self, node: NodeIndex<u32>, peer: Option<Peer>) {
        if let Some(c) = self
            .graph
            .node_weight_mut(node)
            .and_then(|p| p.connector.as_mut())
        {
            c.set_peer(peer);
        }
    }
}
