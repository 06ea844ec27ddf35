//! `IDeviceTopology::GetSignalPath` (rules T7-T11, X13).
//!
//! The search is petgraph's A* with unit edge costs and a zero heuristic (so it is a
//! breadth-first shortest-path search), run over the link graph, optionally through a
//! [`NodeFiltered`] view that hides mixers. Links never leave a device (P10), so the search
//! stays inside the topology of `from`. Cost: O((V + E) log V) in the parts and links of that
//! device.

use petgraph::algo::astar;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeFiltered;

use super::{Engine, PartKey};
use crate::error::{Error, Result};
use crate::guid::guids;
use crate::types::MixedPaths;

impl Engine {
    /// X13: a *mixer* is a subunit that sums signals: one whose subtype is `KSNODETYPE_SUM` or
    /// `KSNODETYPE_SUPERMIX`, or any other subunit with two or more incoming links, except a
    /// `KSNODETYPE_MUX` (a multiplexer selects one input, it does not sum). Connectors are
    /// never mixers.
    pub(crate) fn is_mixer(&self, node: NodeIndex<u32>) -> bool {
        let Some(part) = self.graph.node_weight(node) else {
            return false;
        };
        if part.connector.is_some() {
            return false;
        }
        let subtype = self.subtype(part);
        if subtype == guids::KSNODETYPE_SUM || subtype == guids::KSNODETYPE_SUPERMIX {
            return true;
        }
        subtype != guids::KSNODETYPE_MUX
            && self
                .graph
                .neighbors_directed(node, petgraph::Direction::Incoming)
                .nth(1)
                .is_some()
    }

    /// The parts of a signal path from `from` to `to`, **`to` first and `from` last** (T8),
    /// following links in the signal direction (T11). When several paths exist, a shortest one
    /// (fewest parts) is returned (X13). `from == to` gives the one-part list `[from]` (X13).
    /// The current selection of a MUX or DEMUX does not restrict the search (X13, K11).
    ///
    /// The caller has checked that both parts belong to the topology called (T9).
    pub(crate) fn signal_path(
        &self,
        from: PartKey,
        to: PartKey,
        mixed: MixedPaths,
    ) -> Result<Vec<NodeIndex<u32>>> {
        self.part(from)?;
        self.part(to)?;
        let found = match mixed {
            MixedPaths::Allow => astar(&self.graph, from.node, |n| n == to.node, |_| 1u32, |_| 0),
            MixedPaths::Reject => {
                let view = NodeFiltered::from_fn(&self.graph, |n| !self.is_mixer(n));
                if self.is_mixer(from.node) || self.is_mixer(to.node) {
                    None
                } else {
                    astar(&view, from.node, |n| n == to.node, |_| 1u32, |_| 0)
                }
            }
        };
        match found {
            Some((_, mut path)) => {
                path.reverse();
                Ok(path)
            }
            None => Err(Error::NoSignalPath {
                from: self.part_ref(from.node),
                to: self.part_ref(to.node),
                mixed,
            }),
        }
    }
}
