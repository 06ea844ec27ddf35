//! A device's index from local ID to part (I1-I4, T5), sized for the common case.
//!
//! Almost every part has its KS-style local ID: `0x0001_0000 | n` for the n-th connector,
//! `0x0002_0000 | n` for the n-th subunit (X9, X11), which is what automatic IDs are and what
//! files and drivers write. Such a part is found at position n of its device's connector or
//! subunit list, so it needs no index entry; only parts with another ID ("irregular") are
//! kept in a hash map, made on the first one. A device whose IDs are all KS-style pays one
//! word instead of a hash map (issue 11's memory budget: the map was about 20 bytes per part
//! of a loaded system).
//!
//! Lookups are O(1) (one list read and one node read, then the map if there is one).

use std::collections::HashMap;

use petgraph::Directed;
use petgraph::stable_graph::{NodeIndex, StableGraph};

use super::{DeviceNode, PartNode};
use crate::types::LocalId;

/// The family bits of connector and subunit local IDs.
const CONNECTOR_FAMILY: u32 = 0x0001_0000;
const SUBUNIT_FAMILY: u32 = 0x0002_0000;

/// The parts of a device whose local ID is not the KS-style one of their position.
#[derive(Debug, Clone, Default)]
pub(crate) struct LocalIndex {
    /// Boxed on purpose: one word in every device slot, where a `HashMap` is six (its
    /// hasher's keys included) and almost every device has no entry.
    #[allow(clippy::box_collection)]
    irregular: Option<Box<HashMap<LocalId, NodeIndex<u32>>>>,
}

/// The KS-style local ID of position `index` in a list of `family`, if it has one.
fn ks_style(family: u32, index: usize) -> Option<LocalId> {
    u32::try_from(index)
        .ok()
        .filter(|&i| i <= 0xFFFF)
        .map(|i| LocalId(family | i))
}

impl DeviceNode {
    /// The part with this local ID, if any.
    pub(crate) fn part_by_local(
        &self,
        graph: &StableGraph<PartNode, (), Directed, u32>,
        local_id: LocalId,
    ) -> Option<NodeIndex<u32>> {
        let list = match local_id.0 & 0xFFFF_0000 {
            CONNECTOR_FAMILY => Some(&self.connectors),
            SUBUNIT_FAMILY => Some(&self.subunits),
            _ => None,
        };
        let at = list.and_then(|l| l.get((local_id.0 & 0xFFFF) as usize).copied());
        if let Some(node) =
            at.filter(|&n| graph.node_weight(n).map(|p| p.local_id) == Some(local_id))
        {
            return Some(node);
        }
        self.by_local.irregular.as_ref()?.get(&local_id).copied()
    }

    /// Whether a part of the device has this local ID.
    pub(crate) fn has_local(
        &self,
        graph: &StableGraph<PartNode, (), Directed, u32>,
        local_id: LocalId,
    ) -> bool {
        self.part_by_local(graph, local_id).is_some()
    }

    /// Appends a part (a connector or a subunit) with its local ID, which no part of the
    /// device has yet.
    pub(crate) fn push_part(&mut self, node: NodeIndex<u32>, is_connector: bool, id: LocalId) {
        let (list, family) = if is_connector {
            (&mut self.connectors, CONNECTOR_FAMILY)
        } else {
            (&mut self.subunits, SUBUNIT_FAMILY)
        };
        if ks_style(family, list.len()) != Some(id) {
            self.by_local
                .irregular
                .get_or_insert_with(Box::default)
                .insert(id, node);
        }
        list.push(node);
    }

    /// Gives the part lists back their spare room (once a device is complete).
    pub(crate) fn shrink(&mut self) {
        self.connectors.shrink_to_fit();
        self.subunits.shrink_to_fit();
        if let Some(map) = self.by_local.irregular.as_mut() {
            map.shrink_to_fit();
        }
    }
}
