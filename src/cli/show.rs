//! `devtopo show FILE`: a tree per endpoint, walked as real clients walk it.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use devtopo::{Connector, DeviceKind, Direction, LocalId, Part, System};

use super::controls_view::{self, Controls};
use super::{CliError, OutputFormat, hr_text, load, part_json, part_line, write_json};

/// Show each endpoint as a tree, walked as real clients walk it.
///
/// The walk follows rule W1: the endpoint, its
/// connector, the connector on the other side and the adapter topology behind it, then the
/// parts link by link (upstream for render endpoints, downstream for capture endpoints),
/// crossing to the next adapter at each connection. Each part shows its local ID, part type,
/// name, connector type and data flow, and subtype, then its control interfaces with their
/// current values (levels per channel with range and step, mute, selection, peak meter
/// channels, device-specific properties, formats) and its jack descriptions with every field
/// by Windows' names; a connector the walk ends on shows what `GetConnectedTo` answered.
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
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let system = load(&args.file, &args.limits)?;
    let controls = Controls::of(&system);
    let mut endpoints = Vec::new();
    for device in system.devices() {
        let kind = device
            .kind()
            .map_err(|e| CliError::Message(e.to_string()))?;
        let direction = match kind {
            DeviceKind::RenderEndpoint => Direction::Incoming,
            DeviceKind::CaptureEndpoint => Direction::Outgoing,
            DeviceKind::Adapter => continue,
        };
        let mut walker = Walker {
            system: &system,
            controls: &controls,
            direction,
            seen: HashSet::new(),
            lines: Vec::new(),
        };
        let header = format!(
            "{} endpoint {:?} {} {}",
            if direction == Direction::Incoming {
                "render"
            } else {
                "capture"
            },
            device.name().unwrap_or_default(),
            device.id().unwrap_or_default(),
            device.state().map(|s| s.name()).unwrap_or("?"),
        );
        walker.lines.push(header);
        let connector = device.topology().and_then(|t| t.connector(0));
        let tree = match connector {
            Ok(c) => walker.connector(&c, 1, false),
            Err(e) => {
                walker
                    .lines
                    .push(format!("  GetConnector(0): {}", hr_text(e.hresult())));
                serde_json::Value::Null
            }
        };
        match args.format {
            OutputFormat::Text => {
                for line in &walker.lines {
                    writeln!(out, "{line}")?;
                }
                writeln!(out)?;
            }
            OutputFormat::Json => endpoints.push(serde_json::json!({
                "id": device.id().unwrap_or_default(),
                "name": device.name().unwrap_or_default(),
                "kind": kind.name(),
                "state": device.state().map(|s| s.name()).unwrap_or("?"),
                "connector": tree,
            })),
        }
    }
    if args.format == OutputFormat::Json {
        write_json(out, &serde_json::json!({ "endpoints": endpoints }))?;
    }
    Ok(0)
}

struct Walker<'a> {
    system: &'a System,
    controls: &'a Controls,
    direction: Direction,
    seen: HashSet<Part>,
    lines: Vec<String>,
}

impl Walker<'_> {
    fn indent(depth: usize) -> String {
        "  ".repeat(depth)
    }

    /// The part's controls: lines under its line (marked `*`) and `controls` in its JSON.
    fn controls(&mut self, part: &Part, depth: usize, node: &mut serde_json::Value) {
        let Ok(topology) = part.topology() else {
            return;
        };
        let (Ok(device), Ok(local)) = (topology.device_id(), part.local_id()) else {
            return;
        };
        let specs = self.controls.get(&device, local);
        if specs.is_empty() {
            return;
        }
        let label = |id: LocalId| match topology.part_by_id(id).and_then(|p| p.name()) {
            Ok(name) => format!("{id} {name:?}"),
            Err(_) => id.to_string(),
        };
        let pad = Self::indent(depth + 1);
        let mut list = Vec::new();
        for spec in specs {
            for line in controls_view::lines(spec, &label) {
                self.lines.push(format!("{pad}* {line}"));
            }
            list.push(controls_view::to_json(spec, &label));
        }
        if let Some(map) = node.as_object_mut() {
            map.insert("controls".into(), list.into());
        }
    }

    /// A part and everything after it in the walk direction.
    fn part(&mut self, part: &Part, depth: usize) -> serde_json::Value {
        if let Ok(c) = part.as_connector() {
            return self.connector(&c, depth, false);
        }
        let mut node = part_json(self.system, part);
        if !self.seen.insert(part.clone()) {
            self.lines.push(format!(
                "{}{} (see above)",
                Self::indent(depth),
                part_line(part)
            ));
            return node;
        }
        self.lines
            .push(format!("{}{}", Self::indent(depth), part_line(part)));
        self.controls(part, depth, &mut node);
        let next = self.next(part, depth + 1);
        if let Some(map) = node.as_object_mut() {
            map.insert("next".into(), next.into());
        }
        node
    }

    fn next(&mut self, part: &Part, depth: usize) -> Vec<serde_json::Value> {
        let list = match self.direction {
            Direction::Incoming => part.parts_incoming(),
            Direction::Outgoing => part.parts_outgoing(),
        };
        match list {
            Ok(list) => list.iter().map(|p| self.part(&p, depth)).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// A connector. One the walk `entered` a device through continues along the links; any
    /// other (the endpoint's own, or one reached along the links) crosses to its peer.
    fn connector(&mut self, c: &Connector, depth: usize, entered: bool) -> serde_json::Value {
        let part = c.as_part().clone();
        let mut node = part_json(self.system, &part);
        let pad = Self::indent(depth);
        if !self.seen.insert(part.clone()) {
            self.lines
                .push(format!("{pad}{} (see above)", part_line(&part)));
            return node;
        }
        if entered {
            self.lines.push(format!("{pad}{}", part_line(&part)));
            self.controls(&part, depth, &mut node);
            let next = self.next(&part, depth + 1);
            if let Some(map) = node.as_object_mut() {
                map.insert("next".into(), next.into());
            }
            return node;
        }
        match c.connected_to() {
            Ok(peer) => {
                self.lines.push(format!("{pad}{}", part_line(&part)));
                self.controls(&part, depth, &mut node);
                if let Ok(device) = peer.as_part().topology().map(|t| t.device()) {
                    self.lines.push(format!(
                        "{pad}=> {} {} ({}, {})",
                        device.id().unwrap_or_default(),
                        format_args!("{:?}", device.name().unwrap_or_default()),
                        device.kind().map(|k| k.name()).unwrap_or("?"),
                        device.state().map(|s| s.name()).unwrap_or("?"),
                    ));
                }
                let peer_node = self.connector(&peer, depth + 1, true);
                if let Some(map) = node.as_object_mut() {
                    map.insert("connected_to".into(), peer_node);
                }
            }
            Err(e) => {
                let hr = hr_text(e.hresult());
                self.lines
                    .push(format!("{pad}{} -- GetConnectedTo: {hr}", part_line(&part)));
                self.controls(&part, depth, &mut node);
                if let Some(map) = node.as_object_mut() {
                    map.insert("connected_to_error".into(), hr.into());
                }
            }
        }
        node
    }
}
