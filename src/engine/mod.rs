//! The graph engine: devices, parts, links and connections, and every structural rule.
//!
//! One `petgraph` [`StableGraph`] holds the parts of all devices of a system as nodes and the
//! links (inside a device, directed with the signal) as edges. Connections between devices are
//! *not* edges: each connector has a peer slot that is only ever written in pairs
//! ([`connect`]), so "a connection is symmetric" and "a connector has at most one peer"
//! (rule C5) hold by construction, and link walks need no edge filter.
//!
//! petgraph's indices never leave the crate: every public key carries a serial number drawn
//! from one process-wide counter, so a key can never name a part it was not made for, even
//! after a device is removed and its graph slots are reused.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use petgraph::Directed;
use petgraph::stable_graph::{NodeIndex, StableGraph};

use crate::controls::ControlSpec;
use crate::controls::notify::{ControlChangeNotify, Registry};
use crate::error::{DeviceId, Error, PartRef, Result};
use crate::guid::Guid;
use crate::types::{
    ConnectorType, DataFlow, DeviceKind, DeviceState, Direction, LocalId, PartType, Permanence,
};

mod build;
mod build_mm;
mod connect;
mod controls;
mod cycle;
mod deferred;
pub(crate) mod endpoints;
pub(crate) mod events;
mod hotplug;
pub(crate) mod ks;
mod lifecycle;
mod local_index;
mod part_name;
mod replay;
mod signal_path;
mod snapshot;
mod store_value;
pub(crate) mod stores;
mod subtypes;

pub use build::{ConnectorSpec, DeviceSpec, SubunitSpec, SystemBuilder};
pub(crate) use controls::{Change, Sinks};
pub use endpoints::Conditions;
pub use events::{Callback, ChangeSource, DEFAULT_EVENT_CAPACITY, Event, EventKind, EventLogging};
pub(crate) use part_name::PartName;
pub use snapshot::{
    ConnectorSnapshot, DeviceSnapshot, PartSnapshot, PeerSnapshot, RegistrationSnapshot, SinkId,
    Snapshot,
};

/// The process-wide source of serial numbers: never reused.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

fn next_serial() -> u64 {
    NEXT_SERIAL.fetch_add(1, Ordering::Relaxed)
}

/// Names a device of a [`SystemBuilder`] or [`System`](crate::System). Never reused.
///
/// A key also carries what never changes about its device, readable after the device was
/// removed: its [`DeviceKind`] ([`DeviceKey::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeviceKey {
    pub(crate) ix: u32,
    pub(crate) serial: u64,
    pub(crate) kind: DeviceKind,
}

impl DeviceKey {
    /// The device's kind (render endpoint, capture endpoint or adapter), fixed when the
    /// device was added: readable also after it was removed (X73). devtopo-com decides from
    /// it whether a device object answers `QueryInterface(IID_IMMEndpoint)` (X45, X73).
    pub fn kind(&self) -> DeviceKind {
        self.kind
    }
}

/// Names a part of a [`SystemBuilder`] or [`System`](crate::System). Never reused.
///
/// A key also carries what never changes about its part, readable after the part's device
/// was removed: its [`PartType`] ([`PartKey::part_type`]) and its [`LocalId`]
/// ([`PartKey::local_id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartKey {
    pub(crate) serial: u64,
    pub(crate) node: NodeIndex<u32>,
    pub(crate) device: u32,
    pub(crate) local_id: LocalId,
    pub(crate) part_type: PartType,
}

impl PartKey {
    /// Connector or subunit, fixed when the part was made (G6): readable also after its
    /// device was removed. [`Part::as_connector`](crate::Part::as_connector) and
    /// [`Part::as_subunit`](crate::Part::as_subunit) (`QueryInterface`) answer from it, so a
    /// part's interface set never changes (X73).
    pub fn part_type(&self) -> PartType {
        self.part_type
    }

    /// The part's local ID (I1-I4), fixed when the part was made: readable also after its
    /// device was removed.
    pub fn local_id(&self) -> LocalId {
        self.local_id
    }
}

/// The peer slot of a connector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Peer {
    pub(crate) node: NodeIndex<u32>,
    pub(crate) permanence: Permanence,
}

/// Connector-only data of a part.
///
/// The peer slot is stored flat (the peer's node, `NodeIndex::end()` for none, and the
/// permanence beside it) so that the whole is 8 bytes, not 12: it sits in every part's node
/// slot (issue 11's memory budget). Read and write it through [`ConnectorData::peer`] and
/// [`ConnectorData::set_peer`].
#[derive(Debug, Clone)]
pub(crate) struct ConnectorData {
    pub(crate) flow: DataFlow,
    pub(crate) connector_type: ConnectorType,
    /// Whether the connector's device is an endpoint (its kind never changes): `ConnectTo`'s
    /// D4 check and the state rule's marking (X78) read it here instead of looking the
    /// device up (issue 11: the round trip's hot path). It sits in what was padding.
    pub(crate) on_endpoint: bool,
    peer_permanence: Permanence,
    peer_node: NodeIndex<u32>,
}

impl ConnectorData {
    /// An unconnected connector of a device of kind `kind`.
    pub(crate) fn new(
        flow: DataFlow,
        connector_type: ConnectorType,
        kind: DeviceKind,
    ) -> ConnectorData {
        ConnectorData {
            flow,
            connector_type,
            on_endpoint: kind.is_endpoint(),
            peer_permanence: Permanence::Transient,
            peer_node: NodeIndex::end(),
        }
    }

    /// True while the connector has no peer (rule C5).
    #[inline(always)]
    pub(crate) fn is_free(&self) -> bool {
        self.peer_node == NodeIndex::end()
    }

    /// The peer slot (rule C5: at most one peer).
    #[inline]
    pub(crate) fn peer(&self) -> Option<Peer> {
        (self.peer_node != NodeIndex::end()).then_some(Peer {
            node: self.peer_node,
            permanence: self.peer_permanence,
        })
    }

    /// Sets the peer slot; only [`Engine`]'s pairwise writes call this.
    #[inline]
    pub(crate) fn set_peer(&mut self, peer: Option<Peer>) {
        match peer {
            Some(p) => {
                self.peer_node = p.node;
                self.peer_permanence = p.permanence;
            }
            None => {
                self.peer_node = NodeIndex::end();
                self.peer_permanence = Permanence::Transient;
            }
        }
    }
}

/// A part: one node of the graph.
#[derive(Debug, Clone)]
pub(crate) struct PartNode {
    pub(crate) serial: u64,
    pub(crate) device: u32,
    pub(crate) local_id: LocalId,
    pub(crate) name: PartName,
    /// The subtype (P5), interned in [`Engine::subtypes`]: read it with [`Engine::subtype`].
    pub(crate) subtype: subtypes::SubtypeIx,
    /// `Some` for connectors, `None` for subunits.
    pub(crate) connector: Option<ConnectorData>,
    /// The control interfaces with their current state, in `GetControlInterface` order.
    /// Exactly sized (a boxed slice, not a `Vec` with spare room): most parts have one
    /// control or none.
    pub(crate) controls: Box<[ControlSpec]>,
}

impl PartNode {
    pub(crate) fn part_type(&self) -> PartType {
        match self.connector {
            Some(_) => PartType::Connector,
            None => PartType::Subunit,
        }
    }
}

/// A device and the index of its parts.
#[derive(Debug, Clone)]
pub(crate) struct DeviceNode {
    pub(crate) name: Box<str>,
    pub(crate) kind: DeviceKind,
    pub(crate) state: DeviceState,
    pub(crate) connectors: Vec<NodeIndex<u32>>,
    pub(crate) subunits: Vec<NodeIndex<u32>>,
    /// Local ID -> part for the parts whose ID is not the KS-style one of their position
    /// (module `local_index`): read through [`DeviceNode::part_by_local`].
    pub(crate) by_local: local_index::LocalIndex,
}

/// A device slot: never reused; `node` is `None` once the device was removed (X26).
#[derive(Debug, Clone)]
pub(crate) struct DeviceSlot {
    pub(crate) serial: u64,
    pub(crate) id: DeviceId,
    /// The device's kind, kept after removal (`DeviceKey::kind`, X73).
    pub(crate) kind: DeviceKind,
    /// Marked for the deferred state rule: its index is in `MmState::unsettled` (X78).
    pub(crate) unsettled: bool,
    pub(crate) node: Option<DeviceNode>,
}

/// The whole state of one system.
#[derive(Debug, Clone, Default)]
pub(crate) struct Engine {
    pub(crate) graph: StableGraph<PartNode, (), Directed, u32>,
    pub(crate) devices: Vec<DeviceSlot>,
    pub(crate) by_id: HashMap<DeviceId, u32>,
    /// The distinct subtypes of the parts (module `subtypes`).
    pub(crate) subtypes: subtypes::Subtypes,
    /// The control-change sinks of every part (N1-N4).
    pub(crate) sinks: Registry,
    /// The MMDevice layer: conditions, defaults, stores, endpoint sinks, IKsControl tables.
    pub(crate) mm: endpoints::MmState,
    /// GUID names the model declares (a vendor's pin category, ...), for output.
    pub(crate) guid_names: std::collections::BTreeMap<Guid, Arc<str>>,
    /// The event log (X72), off by default.
    pub(crate) events: events::EventRecorder,
}

impl Engine {
    /// The device behind a key.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26); [`Error::UnknownKey`] for a key of another system.
    pub(crate) fn device(&self, key: DeviceKey) -> Result<&DeviceNode> {
        let slot = self
            .devices
            .get(key.ix as usize)
            .filter(|slot| slot.serial == key.serial)
            .ok_or_else(|| Error::UnknownKey {
                key: format!("{key:?}"),
            })?;
        slot.node
            .as_ref()
            .ok_or(Error::DeviceRemoved { device: slot.id })
    }

    pub(crate) fn device_mut(&mut self, key: DeviceKey) -> Result<&mut DeviceNode> {
        self.device(key)?;
        match self
            .devices
            .get_mut(key.ix as usize)
            .and_then(|s| s.node.as_mut())
        {
            Some(node) => Ok(node),
            None => Err(Error::UnknownKey {
                key: format!("{key:?}"),
            }),
        }
    }

    /// The key of a live device slot.
    pub(crate) fn device_key(&self, ix: u32) -> DeviceKey {
        let (serial, kind) = self
            .devices
            .get(ix as usize)
            .map_or((0, DeviceKind::Adapter), |slot| (slot.serial, slot.kind));
        DeviceKey { ix, serial, kind }
    }

    /// The device ID of a device slot (live or removed).
    pub(crate) fn device_id(&self, ix: u32) -> DeviceId {
        self.devices
            .get(ix as usize)
            .map_or_else(DeviceId::default, |slot| slot.id)
    }

    /// The part behind a key.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] once its device was removed (X26); [`Error::UnknownKey`] for a
    /// key of another system.
    pub(crate) fn part(&self, key: PartKey) -> Result<&PartNode> {
        match self.graph.node_weight(key.node) {
            Some(node) if node.serial == key.serial => Ok(node),
            _ => Err(self.missing_part(key)),
        }
    }

    /// The error of [`Engine::part`] for a key that names no live part. Out of line: the
    /// hot paths carry no error-building code (issue 11).
    #[cold]
    #[inline(never)]
    pub(crate) fn missing_part(&self, key: PartKey) -> Error {
        match self.devices.get(key.device as usize) {
            Some(slot) if slot.node.is_none() => Error::DeviceRemoved { device: slot.id },
            _ => Error::UnknownKey {
                key: format!("{key:?}"),
            },
        }
    }

    /// The key of a live node. Nodes reached through the graph are always live.
    pub(crate) fn key_of(&self, node: NodeIndex<u32>) -> PartKey {
        match self.graph.node_weight(node) {
            Some(p) => PartKey {
                serial: p.serial,
                node,
                device: p.device,
                local_id: p.local_id,
                part_type: p.part_type(),
            },
            None => PartKey {
                serial: 0,
                node,
                device: u32::MAX,
                local_id: LocalId(0),
                part_type: PartType::Subunit,
            },
        }
    }

    /// Names the part of a key in an error, also once its device was removed (the key
    /// carries the local ID). Never allocates.
    pub(crate) fn key_ref(&self, key: PartKey) -> PartRef {
        PartRef {
            device: self.device_id(key.device),
            local_id: key.local_id,
        }
    }

    /// Names a node in an error. Never allocates.
    pub(crate) fn part_ref(&self, node: NodeIndex<u32>) -> PartRef {
        match self.graph.node_weight(node) {
            Some(p) => PartRef {
                device: self.device_id(p.device),
                local_id: p.local_id,
            },
            None => PartRef {
                device: DeviceId::default(),
                local_id: LocalId(0),
            },
        }
    }

    /// The device state of the device that owns a node.
    pub(crate) fn state_of(&self, device: u32) -> Option<DeviceState> {
        self.devices
            .get(device as usize)
            .and_then(|slot| slot.node.as_ref())
            .map(|d| d.state)
    }

    /// The parts linked directly into (`Incoming`) or out of (`Outgoing`) a part, in the order
    /// the links were made (X12).
    pub(crate) fn linked(&self, node: NodeIndex<u32>, direction: Direction) -> Vec<NodeIndex<u32>> {
        let dir = match direction {
            Direction::Incoming => petgraph::Direction::Incoming,
            Direction::Outgoing => petgraph::Direction::Outgoing,
        };
        // petgraph lists the newest edge first; reverse to get creation order.
        let mut parts: Vec<NodeIndex<u32>> = self.graph.neighbors_directed(node, dir).collect();
        parts.reverse();
        parts
    }

    /// The keys of [`Engine::linked`], in one exactly sized allocation (none when there is no
    /// link), for `EnumPartsIncoming` / `EnumPartsOutgoing`.
    pub(crate) fn linked_keys(&self, node: NodeIndex<u32>, direction: Direction) -> Vec<PartKey> {
        let dir = match direction {
            Direction::Incoming => petgraph::Direction::Incoming,
            Direction::Outgoing => petgraph::Direction::Outgoing,
        };
        let count = self.graph.neighbors_directed(node, dir).count();
        let mut keys = Vec::with_capacity(count);
        keys.extend(
            self.graph
                .neighbors_directed(node, dir)
                .map(|n| self.key_of(n)),
        );
        keys.reverse();
        keys
    }

    /// A deep copy with fresh serial numbers and no registered sinks: an equal system whose
    /// keys name nothing of the original (as if built again), at the cost of a clone.
    pub(crate) fn fresh_copy(&self) -> Engine {
        let mut copy = Engine {
            sinks: Registry::default(),
            events: events::EventRecorder::default(),
            ..self.clone()
        };
        for slot in &mut copy.devices {
            slot.serial = next_serial();
        }
        for part in copy.graph.node_weights_mut() {
            part.serial = next_serial();
        }
        copy
    }

    /// Gives every growable list its spare room back, once a system is complete: the
    /// graph's node and link arrays, the device slots and each device's part lists.
    pub(crate) fn shrink(&mut self) {
        self.graph.shrink_to_fit();
        self.devices.shrink_to_fit();
        for dev in self.devices.iter_mut().filter_map(|s| s.node.as_mut()) {
            dev.shrink();
        }
    }

    /// Adds a device slot; validates the ID.
    pub(crate) fn insert_device(&mut self, spec: &DeviceSpec) -> Result<DeviceKey> {
        if spec.id.is_empty() {
            return Err(Error::EmptyDeviceId);
        }
        if self.by_id.contains_key(spec.id.as_str()) {
            return Err(Error::DuplicateDeviceId {
                device: DeviceId::new(&spec.id),
            });
        }
        let id = DeviceId::new(&spec.id);
        let ix = u32::try_from(self.devices.len()).map_err(|_| Error::UnknownKey {
            key: "device count overflow".to_owned(),
        })?;
        let serial = next_serial();
        self.devices.push(DeviceSlot {
            serial,
            id,
            kind: spec.kind,
            unsettled: false,
            node: Some(DeviceNode {
                name: spec.name.as_str().into(),
                kind: spec.kind,
                state: spec.state,
                connectors: Vec::new(),
                subunits: Vec::new(),
                by_local: local_index::LocalIndex::default(),
            }),
        });
        self.by_id.insert(id, ix);
        Ok(DeviceKey {
            ix,
            serial,
            kind: spec.kind,
        })
    }

    /// Removes a device and its parts from the model (X26). Connections to it are dropped,
    /// permanent ones included: removal is a model edit, not a `Disconnect`.
    pub(crate) fn remove_device(
        &mut self,
        key: DeviceKey,
    ) -> Result<Vec<Arc<dyn ControlChangeNotify>>> {
        let device = self.device(key)?;
        let nodes: Vec<NodeIndex<u32>> = device
            .connectors
            .iter()
            .chain(device.subunits.iter())
            .copied()
            .collect();
        for node in &nodes {
            let peer = self
                .graph
                .node_weight(*node)
                .and_then(|p| p.connector.as_ref())
                .and_then(|c| c.peer());
            if let Some(peer) = peer {
                self.log(|e| events::EventKind::Disconnected {
                    part: e.part_ref(*node),
                    peer: e.part_ref(peer.node),
                });
                if let Some(c) = self
                    .graph
                    .node_weight_mut(peer.node)
                    .and_then(|p| p.connector.as_mut())
                {
                    c.set_peer(None);
                }
            }
        }
        let mut dropped = Vec::new();
        for node in nodes {
            if let Some(part) = self.graph.remove_node(node) {
                dropped.extend(self.sinks.forget(part.serial));
            }
        }
        if let Some(slot) = self.devices.get_mut(key.ix as usize) {
            slot.node = None;
            self.by_id.remove(&slot.id);
        }
        Ok(dropped)
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// The per-part memory budget (issue 11: at most 200 bytes per part beyond names) starts
    /// with the node slot; this catches a field that makes it grow.
    #[test]
    fn part_node_stays_small() {
        eprintln!(
            "PartNode {} ControlSpec {} ConnectorData {}",
            std::mem::size_of::<PartNode>(),
            std::mem::size_of::<ControlSpec>(),
            std::mem::size_of::<Option<ConnectorData>>()
        );
        assert!(std::mem::size_of::<PartNode>() <= 72);
        assert!(std::mem::size_of::<Option<ConnectorData>>() <= 8);
        // A part's control costs its `ControlSpec` (the largest variant, so the format list
        // is boxed) plus malloc's rounding: 48 bytes, a 64-byte chunk.
        assert!(std::mem::size_of::<ControlSpec>() <= 48);
    }
}
