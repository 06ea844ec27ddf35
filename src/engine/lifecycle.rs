//! Device life cycle (B1-B10, X49, X63): whole devices enter a live system (first install of
//! a driver, a new USB headset, a Bluetooth headset paired) and leave it (uninstall).
//! Hardware that is merely unplugged keeps its records: that is a condition (B5, B6,
//! module `endpoints`), not a removal.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::events::EventKind;
use super::{DeviceSpec, Engine, Peer, next_serial};
use crate::controls::ControlChangeNotify;
use crate::error::{Error, Result};
use crate::properties::EndpointEvent;

/// What uninstalling a device releases, for the caller to drop after the lock (X20): the
/// control sinks registered on its parts and an adapter's IKsControl handlers (Q11).
pub(crate) type Released = (
    Vec<Arc<dyn ControlChangeNotify>>,
    Option<super::ks::KsTable>,
);

impl Engine {
    /// Adds every device of `other` (with its parts, links, connections, conditions, stores,
    /// preferred defaults and IKsControl tables) to this engine. Each new endpoint gets one
    /// `OnDeviceAdded` (X49); then the defaults are re-elected (Y9). Nothing changes when an
    /// ID is taken (G5). Returns the new device slots, in `other`'s order.
    ///
    /// # Errors
    /// [`Error::DuplicateDeviceId`].
    pub(crate) fn install(&mut self, other: &Engine) -> Result<Vec<u32>> {
        let mut seen = HashSet::new();
        for slot in other.devices.iter().filter(|s| s.node.is_some()) {
            if self.by_id.contains_key(&slot.id) || !seen.insert(slot.id) {
                return Err(Error::DuplicateDeviceId { device: slot.id });
            }
        }
        let mut new_ix = HashMap::new();
        let mut new_node: HashMap<NodeIndex<u32>, NodeIndex<u32>> = HashMap::new();
        for (old_ix, slot) in other.devices.iter().enumerate() {
            let Some(dev) = slot.node.as_ref() else {
                continue;
            };
            let spec = DeviceSpec::new(slot.id.to_string(), dev.name.to_string(), dev.kind)
                .state(dev.state);
            let key = self.insert_device(&spec)?;
            new_ix.insert(old_ix as u32, key.ix);
            for &old in dev.connectors.iter().chain(dev.subunits.iter()) {
                let Some(part) = other.graph.node_weight(old) else {
                    continue;
                };
                let mut copy = part.clone();
                copy.serial = next_serial();
                copy.device = key.ix;
                copy.subtype = self.subtypes.intern(other.subtype(part));
                if let Some(c) = copy.connector.as_mut() {
                    c.set_peer(None);
                }
                let local_id = copy.local_id;
                let is_connector = copy.connector.is_some();
                let node = self.graph.add_node(copy);
                new_node.insert(old, node);
                self.device_mut(key)?
                    .push_part(node, is_connector, local_id);
            }
        }
        // Links in creation order (X12: petgraph lists newest first, so add oldest first).
        let mut edges: Vec<_> = other.graph.edge_references().collect();
        edges.sort_by_key(|e| e.id());
        for e in edges {
            if let (Some(&a), Some(&b)) = (new_node.get(&e.source()), new_node.get(&e.target())) {
                self.graph.add_edge(a, b, ());
            }
        }
        for (&old, &node) in &new_node {
            let peer = other
                .graph
                .node_weight(old)
                .and_then(|p| p.connector.as_ref())
                .and_then(|c| c.peer());
            if let Some(peer) = peer {
                if let (Some(&to), Some(c)) = (
                    new_node.get(&peer.node),
                    self.graph
                        .node_weight_mut(node)
                        .and_then(|p| p.connector.as_mut()),
                ) {
                    c.set_peer(Some(Peer {
                        node: to,
                        permanence: peer.permanence,
                    }));
                }
            }
        }
        let mut added = Vec::new();
        for (&old, &ix) in &new_ix {
            let c = other.conditions(old);
            self.put_conditions(ix, c);
            if let Some(store) = other.mm.stores.get(old) {
                self.mm.stores.insert(ix, store.clone());
            }
            if let Some(table) = other.mm.ks.get(&old) {
                self.mm.ks.insert(ix, table.clone());
            }
            added.push(ix);
        }
        added.sort_unstable();
        for (f, roles) in other.mm.preferred.iter().enumerate() {
            for (r, pref) in roles.iter().enumerate() {
                if let Some(ix) = pref.and_then(|p| new_ix.get(&p)) {
                    self.mm.preferred[f][r] = Some(*ix);
                }
            }
        }
        self.index_endpoints();
        for &ix in &added {
            self.derive_store(ix);
            if let Some(state) = self.derived_state(ix) {
                if let Some(dev) = self
                    .devices
                    .get_mut(ix as usize)
                    .and_then(|s| s.node.as_mut())
                {
                    dev.state = state;
                }
            }
            if self
                .devices
                .get(ix as usize)
                .and_then(|s| s.node.as_ref())
                .is_some_and(|d| d.kind.is_endpoint())
            {
                self.mm.pending.push(EndpointEvent::Added {
                    device_id: self.device_id(ix).to_string(),
                });
            }
        }
        if self.events.is_on() {
            for &ix in &added {
                if let Some(device) = self.device_snapshot(ix, &mut Vec::new()) {
                    let device = Box::new(device);
                    self.events.push(EventKind::DeviceAdded { device });
                }
            }
        }
        self.elect_defaults();
        Ok(added)
    }

    /// Deletes a device and its records (driver uninstall, X63): `OnDeviceRemoved` for an
    /// endpoint (X49), the endpoints that were connected to it follow the state rule
    /// (NOTPRESENT, B2), then the defaults are re-elected (B10). Returns the control sinks
    /// and the IKsControl handlers (Q11) to drop once the lock is released (X20).
    ///
    /// # Errors
    /// As [`Engine::device`].
    pub(crate) fn uninstall(&mut self, ix: u32) -> Result<Released> {
        let key = self.device_key(ix);
        let is_endpoint = self.device(key)?.kind.is_endpoint();
        let mut affected: BTreeSet<u32> = self.affected_by_device(ix);
        affected.remove(&ix);
        let id = self.device_id(ix);
        let dropped = self.remove_device(key)?;
        self.log(|_| EventKind::DeviceRemoved { device: id });
        self.put_conditions(ix, super::Conditions::default());
        self.mm.stores.remove(ix);
        let handlers = self.mm.ks.remove(&ix);
        self.mm.endpoints.retain(|&e| e != ix);
        // The removed endpoint may be a flow's best: the election below scans.
        self.mm.best_stale = true;
        for roles in self.mm.preferred.iter_mut() {
            for pref in roles.iter_mut() {
                if *pref == Some(ix) {
                    *pref = None;
                }
            }
        }
        if is_endpoint {
            self.mm.pending.push(EndpointEvent::Removed {
                device_id: id.to_string(),
            });
        }
        let affected: Vec<u32> = affected.into_iter().collect();
        self.refresh(&affected);
        self.elect_defaults();
        Ok((dropped, handlers))
    }
}
