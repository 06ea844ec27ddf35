//! `devtopo list FILE`: one flat record per device, part, link, connection and control (as
//! `pw-dump` lists objects), or with `--connections` the connections per connector (as
//! `pw-link -l` lists links).

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use devtopo::{ConnectorSnapshot, DataFlow, LocalId, Permanence, Snapshot, System};
use serde_json::{Value, json};

use super::controls_view;
use super::{CliError, OutputFormat, load, write_json};

/// List every object of a topology file, one record each, with its ids.
///
/// Records, in model order: `device` (ID, name, kind, state), `part` (its `device/local-id`
/// reference, global ID, part type, name, connector type and flow or subtype), `link` (from and
/// to), `connection` (both ends, permanence) and `control` (part, interface, state). Every
/// reference is one `find_part` (and `devtopo path`, scenarios) accepts. With `--connections`,
/// each connected connector and its peer: `|->` where the signal leaves through it, `|<-`
/// where it enters.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Topology file (.toml or .json).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    limits: super::LimitArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
    /// List the connections per connector instead.
    #[arg(long)]
    connections: bool,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let system = load(&args.file, &args.limits)?;
    let snap = system.snapshot();
    let labels = Labels::of(&snap);
    let records = if args.connections {
        connections(&snap, &labels)
    } else {
        records(&system, &snap, &labels)
    };
    match args.format {
        OutputFormat::Json => write_json(
            out,
            &Value::Array(records.iter().map(|r| r.1.clone()).collect()),
        )?,
        OutputFormat::Text => {
            for (line, _) in &records {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(0)
}

/// How records name devices: by name where it is unique (and not another device's ID), else
/// by ID, so every reference resolves with `find_part`.
struct Labels<'a> {
    by_id: HashMap<&'a str, &'a str>,
}

impl<'a> Labels<'a> {
    fn of(snap: &'a Snapshot) -> Labels<'a> {
        let mut names: HashMap<&str, usize> = HashMap::new();
        for d in &snap.devices {
            *names.entry(d.name.as_str()).or_default() += 1;
        }
        let ids: std::collections::HashSet<&str> =
            snap.devices.iter().map(|d| d.id.as_str()).collect();
        let by_id = snap
            .devices
            .iter()
            .map(|d| {
                let unique = !d.name.is_empty()
                    && names.get(d.name.as_str()) == Some(&1)
                    && !ids.contains(d.name.as_str())
                    && !d.name.contains('/');
                let label = if unique {
                    d.name.as_str()
                } else {
                    d.id.as_str()
                };
                (d.id.as_str(), label)
            })
            .collect();
        Labels { by_id }
    }

    fn part(&self, device: &str, local: LocalId) -> String {
        format!(
            "{}/{local}",
            self.by_id.get(device).copied().unwrap_or(device)
        )
    }
}

type Record = (String, Value);

fn connector_text(c: &ConnectorSnapshot) -> String {
    format!("{} {}", c.connector_type.name(), c.flow.name())
}

fn records(system: &System, snap: &Snapshot, labels: &Labels<'_>) -> Vec<Record> {
    let mut out = Vec::new();
    let mut links = Vec::new();
    let mut connections = Vec::new();
    let mut controls = Vec::new();
    for d in &snap.devices {
        out.push((
            format!("device {:?} {} {} {}", d.name, d.kind.name(), d.state.name(), d.id),
            json!({ "type": "device", "id": d.id, "name": d.name, "kind": d.kind.name(), "state": d.state.name() }),
        ));
        for p in &d.parts {
            let reference = labels.part(&d.id, p.local_id);
            let global = format!("{}/{:08x}", d.id, p.local_id.0);
            let subtype = system.guid_display(p.subtype);
            let (text, mut value) = match &p.connector {
                Some(c) => (
                    format!(
                        "part {reference} connector {:?} {} {subtype}",
                        p.name,
                        connector_text(c)
                    ),
                    json!({ "type": "part", "part": reference, "global_id": global, "device": d.id,
                        "local_id": p.local_id.to_string(), "part_type": "Connector", "name": p.name,
                        "connector_type": c.connector_type.name(), "flow": c.flow.name(), "subtype": subtype }),
                ),
                None => (
                    format!("part {reference} subunit {:?} {subtype}", p.name),
                    json!({ "type": "part", "part": reference, "global_id": global, "device": d.id,
                        "local_id": p.local_id.to_string(), "part_type": "Subunit", "name": p.name,
                        "subtype": subtype }),
                ),
            };
            if let Some(map) = value.as_object_mut() {
                map.insert("controls".into(), p.controls.len().into());
            }
            out.push((text, value));
            for to in &p.outgoing {
                let to = labels.part(&d.id, *to);
                links.push((
                    format!("link {reference} -> {to}"),
                    json!({ "type": "link", "from": reference, "to": to }),
                ));
            }
            if let Some(peer) = p.connector.as_ref().and_then(|c| c.peer.as_ref())
                && (d.id.as_str(), p.local_id) < (peer.device.as_str(), peer.local_id)
            {
                let b = labels.part(&peer.device, peer.local_id);
                let permanent = peer.permanence == Permanence::Permanent;
                let how = if permanent { "permanent" } else { "transient" };
                connections.push((
                    format!("connection {reference} <-> {b} {how}"),
                    json!({ "type": "connection", "a": reference, "b": b, "permanent": permanent }),
                ));
            }
            let topology = system.device(&d.id).and_then(|dev| dev.topology()).ok();
            let name_of = |id: LocalId| match topology
                .as_ref()
                .map(|t| t.part_by_id(id).and_then(|p| p.name()))
            {
                Some(Ok(name)) => format!("{id} {name:?}"),
                _ => id.to_string(),
            };
            for spec in &p.controls {
                let summary = controls_view::lines(spec, &name_of)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                let mut value = controls_view::to_json(spec, &name_of);
                if let Some(map) = value.as_object_mut() {
                    map.insert("type".into(), "control".into());
                    map.insert("part".into(), reference.clone().into());
                }
                controls.push((format!("control {reference} {summary}"), value));
            }
        }
    }
    out.extend(links);
    out.extend(connections);
    out.extend(controls);
    out
}

/// Each connected connector, its peer below it (`pw-link -l`).
fn connections(snap: &Snapshot, labels: &Labels<'_>) -> Vec<Record> {
    let mut out = Vec::new();
    let kind_of = |device: &str, local: LocalId| {
        snap.devices
            .iter()
            .find(|d| d.id == device)
            .and_then(|d| d.parts.iter().find(|p| p.local_id == local))
    };
    for d in &snap.devices {
        for p in &d.parts {
            let Some(c) = &p.connector else { continue };
            let Some(peer) = &c.peer else { continue };
            let here = labels.part(&d.id, p.local_id);
            let there = labels.part(&peer.device, peer.local_id);
            let arrow = if c.flow == DataFlow::Out {
                "|->"
            } else {
                "|<-"
            };
            let how = if peer.permanence == Permanence::Permanent {
                "permanent"
            } else {
                "transient"
            };
            let peer_part = kind_of(&peer.device, peer.local_id);
            let peer_name = peer_part.map(|p| p.name.clone()).unwrap_or_default();
            let peer_type = peer_part
                .and_then(|p| p.connector.as_ref())
                .map(connector_text)
                .unwrap_or_default();
            out.push((
                format!("{here} {:?} ({})\n  {arrow} {there} {peer_name:?} ({peer_type}) {how}", p.name, connector_text(c)),
                json!({ "connector": here, "name": p.name, "connector_type": c.connector_type.name(),
                    "flow": c.flow.name(), "peer": there, "peer_name": peer_name,
                    "direction": if c.flow == DataFlow::Out { "out" } else { "in" }, "permanent": peer.permanence == Permanence::Permanent }),
            ));
        }
    }
    out
}
