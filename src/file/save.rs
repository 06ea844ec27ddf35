//! [`System`] -> schema: every device, part (with its explicit local ID), link and connection.
//!
//! Links are written in the order they were made (petgraph edge order), so both
//! `EnumPartsOutgoing` and `EnumPartsIncoming` answer in the same order after a reload (X12).
//! Connections are written once each, from the end met first in device and part order, and
//! name devices by friendly name when that name is unique and is no device's ID, else by ID.

use std::collections::{HashMap, HashSet};

use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::controls_save::to_entries;
use super::schema::{
    BracedGuid, ConnectionEntry, ConnectorEntry, DeviceEntry, FileDoc, LinkEntry, LocalIdText,
    Named, PartText, Subtype, SubunitEntry, Text,
};
use super::schema_properties::PropertiesTable;
use crate::engine::Engine;
use crate::system::System;
use crate::types::Permanence;

/// A subtype as the file writes it: the system's own name for it, else the GUID.
fn subtype_of(engine: &Engine, guid: crate::guid::Guid) -> Subtype {
    match engine.guid_names.get(&guid) {
        Some(name) => Subtype::Name(name.to_string()),
        None => Subtype::Guid(guid),
    }
}

/// The document that describes a system.
pub(crate) fn document(system: &System) -> FileDoc {
    let engine = system.shared.read();
    document_of(&engine)
}

fn document_of(engine: &Engine) -> FileDoc {
    let live: Vec<(u32, &str)> = engine
        .devices
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.node.is_some())
        .map(|(ix, slot)| (ix as u32, &*slot.id))
        .collect();
    let labels = device_labels(engine, &live);

    // Links of each device in creation order.
    let mut links: HashMap<u32, Vec<LinkEntry>> = HashMap::new();
    let mut edges: Vec<_> = engine.graph.edge_references().collect();
    edges.sort_by_key(|e| e.id());
    for edge in edges {
        let (Some(from), Some(to)) = (
            engine.graph.node_weight(edge.source()),
            engine.graph.node_weight(edge.target()),
        ) else {
            continue;
        };
        links.entry(from.device).or_default().push(LinkEntry {
            from: PartText(from.local_id.to_string()),
            to: PartText(to.local_id.to_string()),
        });
    }

    let mut devices = Vec::with_capacity(live.len());
    let mut connections = Vec::new();
    let mut written = HashSet::new();
    for &(ix, id) in &live {
        let Some(dev) = engine
            .devices
            .get(ix as usize)
            .and_then(|s| s.node.as_ref())
        else {
            continue;
        };
        let mut connectors = Vec::new();
        for &node in &dev.connectors {
            let Some(part) = engine.graph.node_weight(node) else {
                continue;
            };
            let Some(c) = &part.connector else { continue };
            connectors.push(ConnectorEntry {
                local_id: Some(LocalIdText(part.local_id)),
                name: Text(part.name.to_string()),
                flow: Named(c.flow),
                connector_type: Named(c.connector_type),
                subtype: subtype_of(engine, engine.subtype(part)),
                controls: to_entries(&part.controls),
            });
            if let Some(peer) = c.peer() {
                if written.insert(node) && written.insert(peer.node) {
                    let r = engine.part_ref(peer.node);
                    let peer_ix = engine
                        .graph
                        .node_weight(peer.node)
                        .map_or(u32::MAX, |p| p.device);
                    connections.push(ConnectionEntry {
                        a: Text(format!("{}/{}", label(&labels, ix), part.local_id)),
                        b: Text(format!("{}/{}", label(&labels, peer_ix), r.local_id)),
                        permanent: peer.permanence == Permanence::Permanent,
                    });
                }
            }
        }
        let subunits = dev
            .subunits
            .iter()
            .filter_map(|&node| engine.graph.node_weight(node))
            .map(|part| SubunitEntry {
                local_id: Some(LocalIdText(part.local_id)),
                name: Text(part.name.to_string()),
                subtype: subtype_of(engine, engine.subtype(part)),
                controls: to_entries(&part.controls),
            })
            .collect();
        devices.push(DeviceEntry {
            id: Text(id.to_owned()),
            name: Text(dev.name.to_string()),
            kind: Named(dev.kind),
            state: Named(dev.state),
            connectors,
            subunits,
            links: links.remove(&ix).unwrap_or_default(),
            default_for: engine.preferred_roles(ix).into_iter().map(Named).collect(),
            properties: PropertiesTable(engine.saved_properties(ix)),
        });
    }
    let guids = engine
        .guid_names
        .iter()
        .map(|(guid, name)| (name.to_string(), BracedGuid(*guid)))
        .collect();
    FileDoc {
        comment: Vec::new(),
        guids,
        devices,
        connections,
    }
}

/// How connections name each device: its friendly name when that is unique, not empty and
/// no device's ID (so it resolves back to the same device), else its ID.
fn device_labels(engine: &Engine, live: &[(u32, &str)]) -> HashMap<u32, String> {
    let mut name_count: HashMap<&str, usize> = HashMap::new();
    let names: Vec<(u32, &str, &str)> = live
        .iter()
        .filter_map(|&(ix, id)| {
            let dev = engine.devices.get(ix as usize)?.node.as_ref()?;
            Some((ix, id, &*dev.name))
        })
        .collect();
    for (_, _, name) in &names {
        *name_count.entry(name).or_default() += 1;
    }
    names
        .iter()
        .map(|&(ix, id, name)| {
            let usable = !name.is_empty()
                && name_count.get(name) == Some(&1)
                && !engine.by_id.contains_key(name);
            (ix, if usable { name } else { id }.to_owned())
        })
        .collect()
}

fn label(labels: &HashMap<u32, String>, ix: u32) -> &str {
    labels.get(&ix).map_or("", String::as_str)
}
