//! Connections between devices: `ConnectTo`, `Disconnect` and the peer queries (rules C3-C12).
//!
//! Every rule is checked before anything is written (G5), and the two peer slots of a
//! connection are always written together, so C5 (symmetric, at most one peer) holds by
//! construction.

use petgraph::stable_graph::NodeIndex;

use super::deferred::NO_DEVICE;
use super::events::EventKind;
use super::{ConnectorData, Engine, PartKey, PartNode, Peer};
use crate::error::{Error, PartRef, Result};
use crate::types::{DeviceState, LocalId, Permanence};

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
        self.link(a.node, b.node, permanence);
        self.log(|e| EventKind::Connected {
            part: e.part_ref(a.node),
            peer: e.part_ref(b.node),
            permanence,
        });
        Ok(())
    }

    /// `IConnector::ConnectTo` as a handle calls it: [`Engine::connect`] with a transient
    /// connection (X7), then the state rule for the endpoint it touches (X27, X78).
    ///
    /// The hot path (issue 11): [`Engine::connectable`] makes every check of
    /// [`Engine::connect`] at once, as one predicate over the two parts; only when it fails
    /// does [`Engine::connect`] run, out of line, to name the first rule broken in X4's
    /// order. So the errors, and their order, are exactly `connect`'s, and a failed call
    /// changes nothing (G5).
    #[inline]
    pub(crate) fn connect_by_call(&mut self, a: PartKey, b: PartKey) -> Result<()> {
        let Some(endpoint) = self.connectable(a, b) else {
            return self.connect_checked(a, b);
        };
        let permanence = Permanence::Transient;
        self.link(a.node, b.node, permanence);
        if self.listening() {
            self.connection_changed_now(a.node, b.node, [a.device, b.device], Some(permanence));
        } else {
            self.defer(endpoint);
        }
        Ok(())
    }

    /// True when every check of [`Engine::connect`] passes for a transient connection of `a`
    /// and `b`: both are live connectors (serials match), flows differ (C3, C4, X2), the
    /// types are equal (D14, X1) and not a topology edge (D12: equal types, so checking one
    /// end checks both), the devices differ (X3), not both are endpoints (D4), neither has a
    /// peer (C3). Then returns the endpoint's device slot ([`NO_DEVICE`] between two
    /// adapters), the one the state rule may move. Device states play no part (X8).
    #[inline(always)]
    fn connectable(&self, a: PartKey, b: PartKey) -> Option<u32> {
        let (pa, ca) = self.live_connector(a)?;
        let (pb, cb) = self.live_connector(b)?;
        // `&`, not `&&`: the conditions are cheap, so they are combined without a branch each.
        let passes = (ca.flow != cb.flow)
            & (ca.connector_type == cb.connector_type)
            & !ca.connector_type.is_topology_edge()
            & (pa.device != pb.device)
            & !(ca.on_endpoint & cb.on_endpoint)
            & ca.is_free()
            & cb.is_free();
        if !passes {
            return None;
        }
        Some(if ca.on_endpoint {
            pa.device
        } else if cb.on_endpoint {
            pb.device
        } else {
            NO_DEVICE
        })
    }

    /// A live part that is a connector, or `None` (a removed device's part, a key of another
    /// system, a subunit): the callers then take the path that names the error.
    #[inline(always)]
    fn live_connector(&self, key: PartKey) -> Option<(&PartNode, &ConnectorData)> {
        let part = self
            .graph
            .node_weight(key.node)
            .filter(|p| p.serial == key.serial)?;
        Some((part, part.connector.as_ref()?))
    }

    /// `ConnectTo` when [`Engine::connectable`] said no: every check in X4's order, the
    /// error of the first that fails.
    #[cold]
    #[inline(never)]
    fn connect_checked(&mut self, a: PartKey, b: PartKey) -> Result<()> {
        self.connect(a, b, Permanence::Transient)?;
        self.refresh_connection(a.device, b.device);
        Ok(())
    }

    /// `IConnector::Disconnect` (rule C6, X5, X6): both ends become unconnected; a permanent
    /// connection is refused and nothing changes (G5). Then the state rule for the endpoint
    /// it touched (X27, X78). The checks are made on one lookup of the part, each error built
    /// out of line (issue 11: an error path costs about what success costs, and success
    /// carries no error-building code).
    #[inline]
    pub(crate) fn disconnect(&mut self, a: PartKey) -> Result<()> {
        let Some(part) = self
            .graph
            .node_weight_mut(a.node)
            .filter(|p| p.serial == a.serial)
        else {
            return Err(self.missing_part(a));
        };
        let (a_device, local_id) = (part.device, part.local_id);
        let Some(c) = part.connector.as_mut() else {
            return Err(self.not_a_connector(a_device, local_id));
        };
        let peer = match c.peer() {
            Some(peer) if peer.permanence == Permanence::Transient => peer.node,
            Some(peer) => return Err(self.permanent_connection(a_device, local_id, peer.node)),
            None => return Err(self.not_connected(a_device, local_id)),
        };
        let a_endpoint = c.on_endpoint;
        c.set_peer(None);
        let (peer_device, peer_endpoint) = self.clear_peer(peer);
        if self.listening() {
            self.connection_changed_now(a.node, peer, [a_device, peer_device], None);
        } else {
            self.defer(if a_endpoint {
                a_device
            } else if peer_endpoint {
                peer_device
            } else {
                NO_DEVICE
            });
        }
        Ok(())
    }

    /// `Disconnect` on a subunit: [`Error::NotAConnector`] naming the part (local ID
    /// `local_id` of device slot `device`). Each refusal is built out of line from what the
    /// call already read (issue 11).
    #[cold]
    #[inline(never)]
    fn not_a_connector(&self, device: u32, local_id: LocalId) -> Error {
        Error::NotAConnector {
            part: self.named(device, local_id),
        }
    }

    /// `Disconnect` of an unconnected connector: [`Error::NotConnected`] (E_NOTFOUND, C6, X5,
    /// X6).
    #[cold]
    #[inline(never)]
    fn not_connected(&self, device: u32, local_id: LocalId) -> Error {
        Error::NotConnected {
            part: self.named(device, local_id),
        }
    }

    /// `Disconnect` of a permanent connection: [`Error::PermanentConnection`]
    /// (ERROR_FILE_READ_ONLY, C6), naming the peer too.
    #[cold]
    #[inline(never)]
    fn permanent_connection(&self, device: u32, local_id: LocalId, peer: NodeIndex<u32>) -> Error {
        Error::PermanentConnection {
            part: self.named(device, local_id),
            peer: self.part_ref(peer),
        }
    }

    #[inline(always)]
    fn named(&self, device: u32, local_id: LocalId) -> PartRef {
        PartRef {
            device: self.device_id(device),
            local_id,
        }
    }

    /// Empties a connector's peer slot; returns its device slot and whether that device is
    /// an endpoint ([`NO_DEVICE`] for a node that is gone: nodes reached through a peer
    /// slot are always live).
    #[inline(always)]
    fn clear_peer(&mut self, node: NodeIndex<u32>) -> (u32, bool) {
        match self.graph.node_weight_mut(node) {
            Some(PartNode {
                device,
                connector: Some(c),
                ..
            }) => {
                c.set_peer(None);
                (*device, c.on_endpoint)
            }
            _ => (NO_DEVICE, false),
        }
    }

    /// A connection between `a` and `b` (devices `devices`) was made (`permanence`) or
    /// broken (`None`) while someone listens: logs it (X72), then applies the state rule now
    /// with its events (X27, Y6).
    #[cold]
    #[inline(never)]
    fn connection_changed_now(
        &mut self,
        a: NodeIndex<u32>,
        b: NodeIndex<u32>,
        devices: [u32; 2],
        permanence: Option<Permanence>,
    ) {
        self.log(|e| match permanence {
            Some(permanence) => EventKind::Connected {
                part: e.part_ref(a),
                peer: e.part_ref(b),
                permanence,
            },
            None => EventKind::Disconnected {
                part: e.part_ref(a),
                peer: e.part_ref(b),
            },
        });
        self.settle();
        self.refresh_exact(&devices);
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

    /// Writes both peer slots of a new connection together, so C5 (symmetric, one peer)
    /// holds by construction.
    #[inline]
    fn link(&mut self, a: NodeIndex<u32>, b: NodeIndex<u32>, permanence: Permanence) {
        self.set_peer(
            a,
            Some(Peer {
                node: b,
                permanence,
            }),
        );
        self.set_peer(
            b,
            Some(Peer {
                node: a,
                permanence,
            }),
        );
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
