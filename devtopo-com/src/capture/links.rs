//! The order to make a device's links in, so that every part's `EnumPartsOutgoing` and
//! `EnumPartsIncoming` answer in the order captured (X12).
//!
//! Each list fixes the relative order of the links it names: a link listed before another
//! in some part's list was made before it. The links and these "made before" pairs form a
//! graph; any topological order of it is a creation order that reproduces every list
//! (the original creation order is one, so one exists for a consistent capture). petgraph's
//! `toposort` finds it: O(links).

use std::collections::HashMap;

use devtopo::LocalId;
use petgraph::Graph;
use petgraph::algo::toposort;
use petgraph::graph::NodeIndex;

/// Links as `(from, to)` local IDs.
pub(crate) type Links = Vec<(LocalId, LocalId)>;

/// The links `(from, to)` of a device, in an order consistent with every `outgoing` and
/// `incoming` list; `Err` with the outgoing order when the lists contradict each other (a
/// capture of a machine whose answers are inconsistent).
pub(crate) fn creation_order(
    outgoing: &[(LocalId, Vec<LocalId>)],
    incoming: &[(LocalId, Vec<LocalId>)],
) -> Result<Links, Links> {
    let mut graph: Graph<(LocalId, LocalId), ()> = Graph::new();
    let mut index: HashMap<(LocalId, LocalId), NodeIndex> = HashMap::new();
    let mut plain = Vec::new();
    for (from, list) in outgoing {
        for to in list {
            let link = (*from, *to);
            if index.contains_key(&link) {
                continue;
            }
            index.insert(link, graph.add_node(link));
            plain.push(link);
        }
    }
    let chain = |links: Vec<(LocalId, LocalId)>, graph: &mut Graph<_, ()>| {
        let nodes: Vec<NodeIndex> = links.iter().filter_map(|l| index.get(l).copied()).collect();
        for pair in nodes.windows(2) {
            graph.add_edge(pair[0], pair[1], ());
        }
    };
    for (from, list) in outgoing {
        chain(list.iter().map(|to| (*from, *to)).collect(), &mut graph);
    }
    for (to, list) in incoming {
        chain(list.iter().map(|from| (*from, *to)).collect(), &mut graph);
    }
    match toposort(&graph, None) {
        Ok(order) => Ok(order.into_iter().map(|n| graph[n]).collect()),
        Err(_) => Err(plain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// X12: a, b both link to c and d: c's incoming (b, a) and a's outgoing (d, c) force
    /// a->d before a->c, b->c before a->c.
    #[test]
    fn x12_order_satisfies_both_lists() {
        let (a, b, c, d) = (LocalId(1), LocalId(2), LocalId(3), LocalId(4));
        let outgoing = vec![(a, vec![d, c]), (b, vec![c])];
        let incoming = vec![(c, vec![b, a]), (d, vec![a])];
        let order = creation_order(&outgoing, &incoming).expect("consistent");
        let pos = |l| order.iter().position(|x| *x == l).expect("present");
        assert!(pos((a, d)) < pos((a, c)));
        assert!(pos((b, c)) < pos((a, c)));
        assert_eq!(order.len(), 3);
    }

    #[test]
    fn contradictory_lists_fall_back_to_outgoing_order() {
        let (a, b, c, d) = (LocalId(1), LocalId(2), LocalId(3), LocalId(4));
        let outgoing = vec![(a, vec![c, d]), (b, vec![d, c])];
        let incoming = vec![(c, vec![b, a]), (d, vec![a, b])];
        // a->c < a->d, b->d < b->c, b->c < a->c, a->d < b->d: a cycle.
        let order = creation_order(&outgoing, &incoming);
        assert_eq!(order, Err(vec![(a, c), (a, d), (b, d), (b, c)]));
    }
}
