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

/// The parts of `model` that no path from an endpoint reaches: linked to no endpoint's
/// connector through any chain of links and connections (either direction). A client sees
/// them only by index (`GetConnector(n)`, `GetSubunit(n)`). O(parts + links + connections)
/// with petgraph's union-find.
pub(crate) fn unreached(model: &super::Model) -> Vec<(String, LocalId)> {
    use petgraph::unionfind::UnionFind;
    let mut index: HashMap<(&str, LocalId), usize> = HashMap::new();
    for dev in &model.devices {
        let ids = dev
            .connectors
            .iter()
            .filter_map(|c| c.local_id)
            .chain(dev.subunits.iter().filter_map(|s| s.local_id));
        for id in ids {
            let next = index.len();
            index.entry((&dev.id, id)).or_insert(next);
        }
    }
    let mut sets = UnionFind::<usize>::new(index.len());
    for dev in &model.devices {
        for (from, list) in &dev.outgoing {
            for to in list {
                if let (Some(&a), Some(&b)) =
                    (index.get(&(&*dev.id, *from)), index.get(&(&*dev.id, *to)))
                {
                    sets.union(a, b);
                }
            }
        }
    }
    for c in &model.connections {
        if let (Some(&a), Some(&b)) = (index.get(&(&*c.a.0, c.a.1)), index.get(&(&*c.b.0, c.b.1))) {
            sets.union(a, b);
        }
    }
    let roots: std::collections::HashSet<usize> = model
        .devices
        .iter()
        .filter(|d| d.kind.is_endpoint())
        .flat_map(|d| {
            d.connectors
                .iter()
                .filter_map(|c| c.local_id)
                .map(move |id| (&*d.id, id))
        })
        .filter_map(|k| index.get(&k).map(|&i| sets.find(i)))
        .collect();
    let mut out = Vec::new();
    for dev in &model.devices {
        let ids = dev
            .connectors
            .iter()
            .filter_map(|c| c.local_id)
            .chain(dev.subunits.iter().filter_map(|s| s.local_id));
        for id in ids {
            if let Some(&i) = index.get(&(&*dev.id, id))
                && !roots.contains(&sets.find(i))
            {
                out.push((dev.id.clone(), id));
            }
        }
    }
    out
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

    /// A part no link or connection ties to an endpoint's connector is unreached; the rest,
    /// through links either way and connections, are reached.
    #[test]
    fn unreached_parts_are_those_no_path_ties_to_an_endpoint() {
        use devtopo::{
            ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceState, Permanence,
            SubunitSpec, guids,
        };
        let device = |id: &str, kind, connectors: Vec<u32>, subunits: Vec<u32>, outgoing| {
            super::super::DeviceModel {
                id: id.to_owned(),
                name: String::new(),
                kind,
                state: DeviceState::Active,
                properties: Vec::new(),
                connectors: connectors
                    .into_iter()
                    .map(|l| {
                        ConnectorSpec::new("", DataFlow::In, ConnectorType::PhysicalExternal)
                            .local_id(LocalId(l))
                    })
                    .collect(),
                subunits: subunits
                    .into_iter()
                    .map(|l| SubunitSpec::new("", guids::KSNODETYPE_SUM).local_id(LocalId(l)))
                    .collect(),
                outgoing,
                incoming: Vec::new(),
            }
        };
        let model = super::super::Model {
            devices: vec![
                device(
                    "ep",
                    DeviceKind::RenderEndpoint,
                    vec![0x10000],
                    vec![],
                    vec![],
                ),
                device(
                    "ad",
                    DeviceKind::Adapter,
                    vec![0x10000, 0x10001],
                    vec![0x20000, 0x20001],
                    vec![(LocalId(0x20000), vec![LocalId(0x10000)])],
                ),
            ],
            connections: vec![super::super::ConnectionModel {
                a: ("ep".to_owned(), LocalId(0x10000)),
                b: ("ad".to_owned(), LocalId(0x10000)),
                permanence: Permanence::Transient,
            }],
            defaults: Vec::new(),
        };
        assert_eq!(
            unreached(&model),
            vec![
                ("ad".to_owned(), LocalId(0x10001)),
                ("ad".to_owned(), LocalId(0x20001))
            ]
        );
    }
}
