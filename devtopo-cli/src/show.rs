//! `devtopo show FILE`: each endpoint's walk, as real clients walk it.
//!
//! The walk is iterative (an explicit stack), so a valid file of any depth cannot overflow the
//! stack, and every part appears once per endpoint: the output, text or JSON, is linear in the
//! number of parts and links shown (indentation only grows at forks, and is capped).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use devtopo::{
    Device, DeviceKey, DeviceKind, Direction, LocalId, Part, PartKey, Permanence, System,
};
use serde_json::{Value, json};

use super::controls_view::{self, Controls};
use super::{CliError, OutputFormat, display_name, hr_text, load, write_json};

/// Show each endpoint's signal chain, walked as real clients walk it.
///
/// The walk follows rule W1: the endpoint, its connector, the connector on the other side and
/// the adapter topology behind it, then the parts link by link (upstream for render endpoints,
/// downstream for capture endpoints), crossing to the next adapter at each connection. A line
/// starting `=>` marks a crossing, with the connector type and whether the connection is
/// permanent (Software_Fixed, cannot be disconnected) or transient. A chain of parts prints at
/// one indentation; where the walk forks, each branch starts with `+` one level deeper.
///
/// Each part shows its name, part type, local ID, connector type and data flow, and subtype,
/// then (lines marked `*`) its control interfaces with their current values (levels per
/// channel with range and step, mute, selection, peak meter channels, device-specific
/// properties, formats) and its jack descriptions with every field by Windows' names; a
/// connector the walk ends on shows what `GetConnectedTo` answered.
///
/// With `--format json`: `{"endpoints": [{"id", "name", "kind", "state", "walk": [...]}],
/// "unreached": [...]}`, where `walk` has one flat record per step, in the text's order: the
/// part (`part` as `device/local-id`, `name`, `part_type`, `subtype`, `connector_type` and
/// `flow`, `controls`), its `level`, and where the walk went on: `next` (part references),
/// `connected_to` with `permanent`, `connected_to_error`, or `see_above`.
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
    /// Show only this endpoint (its device ID or name).
    #[arg(long, value_name = "ENDPOINT")]
    endpoint: Option<String>,
    /// Also list the parts no endpoint walk reaches (a loopback pin, an unconnected branch),
    /// device by device.
    #[arg(long)]
    unreached: bool,
}

/// Indentation stops growing here, so a deeply forking walk stays linear in size.
const MAX_LEVEL: usize = 32;

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let system = load(&args.file, &args.limits)?;
    let mut show = Show {
        system: &system,
        controls: Controls::of(&system),
        labels: HashMap::new(),
        reached: HashSet::new(),
    };
    let mut endpoints = Vec::new();
    for device in system.devices() {
        let kind = device
            .kind()
            .map_err(|e| CliError::Message(e.to_string()))?;
        if kind == DeviceKind::Adapter {
            continue;
        }
        if let Some(wanted) = &args.endpoint
            && device.id().ok().as_ref() != Some(wanted)
            && display_name(&device) != *wanted
        {
            continue;
        }
        endpoints.push((device, kind));
    }
    if let (Some(wanted), true) = (&args.endpoint, endpoints.is_empty()) {
        let names: Vec<String> = system
            .devices()
            .iter()
            .filter(|d| d.kind().is_ok_and(|k| k != DeviceKind::Adapter))
            .map(|d| format!("{:?}", display_name(d)))
            .collect();
        return Err(CliError::Message(format!(
            "{}: no endpoint {wanted:?}; the endpoints are {}",
            args.file.display(),
            names.join(", ")
        )));
    }
    let mut json_endpoints = Vec::new();
    for (device, kind) in &endpoints {
        let walk = show.walk(device, *kind);
        // The endpoint's property store (S3 order), after the walk.
        let properties = store_lines(&system, device);
        match args.format {
            OutputFormat::Text => {
                writeln!(out, "{}", endpoint_line(device, *kind))?;
                for step in &walk {
                    show.write_step(out, step)?;
                }
                for (key, value) in &properties {
                    writeln!(out, "  property {key} = {value}")?;
                }
                writeln!(out)?;
            }
            OutputFormat::Json => {
                let steps: Vec<Value> = walk.iter().map(|s| show.step_json(s)).collect();
                json_endpoints.push(json!({
                    "id": device.id().unwrap_or_default(),
                    "name": display_name(device),
                    "kind": kind.name(),
                    "state": device.state().map(|s| s.name()).unwrap_or("?"),
                    "walk": steps,
                    "properties": properties
                        .iter()
                        .map(|(k, v)| json!({ "key": k, "value": v }))
                        .collect::<Vec<_>>(),
                }));
            }
        }
    }
    let unreached = if args.unreached {
        show.unreached()
    } else {
        Vec::new()
    };
    match args.format {
        OutputFormat::Text => {
            if args.unreached {
                writeln!(out, "parts no endpoint walk reaches:")?;
                if unreached.is_empty() {
                    writeln!(out, "  (none)")?;
                }
                let mut last_device = None;
                for part in &unreached {
                    let key = part.topology().map(|t| t.device().key()).ok();
                    if key != last_device {
                        last_device = key;
                        if let Ok(device) = part.topology().map(|t| t.device()) {
                            writeln!(out, "  {}", device_line(&device))?;
                        }
                    }
                    show.write_part(out, "    ", part, "")?;
                }
            }
        }
        OutputFormat::Json => {
            let mut doc = json!({ "endpoints": json_endpoints });
            if args.unreached
                && let Some(map) = doc.as_object_mut()
            {
                let list: Vec<Value> = unreached.iter().map(|p| show.part_json(p)).collect();
                map.insert("unreached".into(), list.into());
            }
            write_json(out, &doc)?;
        }
    }
    Ok(0)
}

/// `capture endpoint "Name" DEVICE_STATE_ACTIVE {id}`.
fn endpoint_line(device: &Device, kind: DeviceKind) -> String {
    let what = if kind == DeviceKind::RenderEndpoint {
        "render"
    } else {
        "capture"
    };
    format!(
        "{what} endpoint {:?} {} {}",
        display_name(device),
        device.state().map(|s| s.name()).unwrap_or("?"),
        device.id().unwrap_or_default(),
    )
}

/// `"Name" (adapter, DEVICE_STATE_ACTIVE) {id}`.
fn device_line(device: &Device) -> String {
    format!(
        "{:?} ({}, {}) {}",
        display_name(device),
        device.kind().map(|k| k.name()).unwrap_or("?"),
        device.state().map(|s| s.name()).unwrap_or("?"),
        device.id().unwrap_or_default(),
    )
}

/// What the walk did at one part.
enum Visit {
    /// Followed the links on to these parts.
    Links(Vec<Part>),
    /// Crossed a connection to this peer connector.
    Cross(Part, Option<Permanence>),
    /// A connector whose `GetConnectedTo` failed: the walk ends here.
    End(String),
    /// Met again: shown above.
    Again,
}

/// One step of a walk: a part at an indentation level, `branch` when it starts a branch of a
/// fork.
struct Step {
    part: Part,
    level: usize,
    branch: bool,
    visit: Visit,
}

struct Show<'a> {
    system: &'a System,
    controls: Controls,
    /// Device labels, computed once per device.
    labels: HashMap<DeviceKey, String>,
    /// Every part some walk reached.
    reached: HashSet<PartKey>,
}

impl Show<'_> {
    /// One endpoint's walk (W1), in the order a depth-first client meets the parts: O(parts +
    /// links reached), iteratively.
    fn walk(&mut self, device: &Device, kind: DeviceKind) -> Vec<Step> {
        let direction = if kind == DeviceKind::RenderEndpoint {
            Direction::Incoming
        } else {
            Direction::Outgoing
        };
        let mut steps = Vec::new();
        let mut seen = HashSet::new();
        let Ok(start) = device.topology().and_then(|t| t.connector(0)) else {
            return steps;
        };
        // (part, level, starts a branch, entered through a connection)
        let mut stack = vec![(start.as_part().clone(), 0, false, false)];
        while let Some((part, level, branch, entered)) = stack.pop() {
            self.reached.insert(part.key());
            if !seen.insert(part.key()) {
                steps.push(Step {
                    part,
                    level,
                    branch,
                    visit: Visit::Again,
                });
                continue;
            }
            let connector = part.as_connector().ok().filter(|_| !entered);
            let visit = match connector {
                Some(c) => match c.connected_to() {
                    Ok(peer) => {
                        let peer = peer.as_part().clone();
                        stack.push((peer.clone(), level, false, true));
                        Visit::Cross(peer, c.permanence().ok().flatten())
                    }
                    Err(e) => Visit::End(hr_text(e.hresult())),
                },
                None => {
                    let list = match direction {
                        Direction::Incoming => part.parts_incoming(),
                        Direction::Outgoing => part.parts_outgoing(),
                    };
                    let next: Vec<Part> = list.map(|l| l.iter().collect()).unwrap_or_default();
                    let fork = next.len() > 1;
                    let child = if fork {
                        (level + 1).min(MAX_LEVEL)
                    } else {
                        level
                    };
                    for p in next.iter().rev() {
                        stack.push((p.clone(), child, fork, false));
                    }
                    Visit::Links(next)
                }
            };
            steps.push(Step {
                part,
                level,
                branch,
                visit,
            });
        }
        steps
    }

    /// Every part of every device that no walk reached, in device and index order.
    fn unreached(&self) -> Vec<Part> {
        let mut list = Vec::new();
        for device in self.system.devices() {
            let Ok(topology) = device.topology() else {
                continue;
            };
            let count = |n: devtopo::Result<u32>| n.unwrap_or(0);
            let connectors = (0..count(topology.connector_count()))
                .filter_map(|i| topology.connector(i).ok().map(|c| c.as_part().clone()));
            let subunits = (0..count(topology.subunit_count()))
                .filter_map(|i| topology.subunit(i).ok().map(|s| s.as_part().clone()));
            list.extend(
                connectors
                    .chain(subunits)
                    .filter(|p| !self.reached.contains(&p.key())),
            );
        }
        list
    }

    fn device_label(&mut self, device: &Device) -> String {
        self.labels
            .entry(device.key())
            .or_insert_with(|| super::device_label(self.system, device))
            .clone()
    }

    /// `device/0x00010001`, which `find_part` accepts.
    fn part_label(&mut self, part: &Part) -> String {
        let local = part.local_id().map(|l| l.to_string()).unwrap_or_default();
        match part.topology().map(|t| t.device()) {
            Ok(device) => format!("{}/{local}", self.device_label(&device)),
            Err(_) => format!("?/{local}"),
        }
    }

    fn write_step(&mut self, out: &mut dyn Write, step: &Step) -> Result<(), CliError> {
        let mut pad = "  ".repeat(step.level + 1);
        if step.branch {
            pad.truncate(pad.len() - 2);
            pad.push_str("+ ");
        }
        match &step.visit {
            Visit::Again => writeln!(
                out,
                "{pad}{} (see above)",
                part_line(self.system, &step.part)
            )?,
            Visit::Links(_) => self.write_part(out, &pad, &step.part, "")?,
            Visit::End(hr) => {
                let tail = format!(" -- GetConnectedTo: {hr}");
                self.write_part(out, &pad, &step.part, &tail)?;
            }
            Visit::Cross(peer, permanence) => {
                self.write_part(out, &pad, &step.part, "")?;
                let ty = step
                    .part
                    .as_connector()
                    .and_then(|c| c.connector_type())
                    .map(|t| t.name())
                    .unwrap_or("?");
                let how = match permanence {
                    Some(Permanence::Permanent) => "permanent",
                    _ => "transient",
                };
                let pad = "  ".repeat(step.level + 1);
                if let Ok(device) = peer.topology().map(|t| t.device()) {
                    writeln!(
                        out,
                        "{pad}=> {how} {ty} connection to {}",
                        device_line(&device)
                    )?;
                }
            }
        }
        Ok(())
    }

    /// A part's line and its controls' lines (marked `*`, one level deeper).
    fn write_part(
        &mut self,
        out: &mut dyn Write,
        pad: &str,
        part: &Part,
        tail: &str,
    ) -> Result<(), CliError> {
        writeln!(out, "{pad}{}{tail}", part_line(self.system, part))?;
        let under = " ".repeat(pad.len() + 2);
        self.with_controls(part, |spec, label| {
            controls_view::lines(spec, label)
                .into_iter()
                .try_for_each(|line| writeln!(out, "{under}* {line}"))
        })?;
        Ok(())
    }

    /// Calls `each` for every control of the part, with a labeller for selector targets.
    fn with_controls<E>(
        &self,
        part: &Part,
        mut each: impl FnMut(&devtopo::ControlSpec, &dyn Fn(LocalId) -> String) -> Result<(), E>,
    ) -> Result<(), E> {
        let Ok(topology) = part.topology() else {
            return Ok(());
        };
        let (Ok(device), Ok(local)) = (topology.device_id(), part.local_id()) else {
            return Ok(());
        };
        let label = |id: LocalId| match topology.part_by_id(id).and_then(|p| p.name()) {
            Ok(name) => format!("{id} {name:?}"),
            Err(_) => id.to_string(),
        };
        for spec in self.controls.get(&device, local) {
            each(spec, &label)?;
        }
        Ok(())
    }

    /// A part as JSON: label, local ID, type, name, connector type and flow, subtype,
    /// controls.
    fn part_json(&mut self, part: &Part) -> Value {
        let mut value = json!({
            "part": self.part_label(part),
            "local_id": part.local_id().map(|l| l.to_string()).unwrap_or_default(),
            "part_type": part.part_type().map(|t| t.name()).unwrap_or("?"),
            "name": part.name().unwrap_or_default(),
            "subtype": part.subtype().map(|g| self.system.guid_display(g)).unwrap_or_default(),
        });
        let mut controls = Vec::new();
        let _ = self.with_controls(part, |spec, label| {
            controls.push(controls_view::to_json(spec, label));
            Ok::<(), ()>(())
        });
        if let Some(map) = value.as_object_mut() {
            if let Ok(c) = part.as_connector() {
                let ty = c.connector_type().map(|t| t.name()).unwrap_or("?");
                let flow = c.data_flow().map(|f| f.name()).unwrap_or("?");
                map.insert("connector_type".into(), ty.into());
                map.insert("flow".into(), flow.into());
            }
            if !controls.is_empty() {
                map.insert("controls".into(), controls.into());
            }
        }
        value
    }

    /// One step as a flat JSON record: the part, its level, and where the walk went next by
    /// part label (never nested, so the document is linear in the walk's length).
    fn step_json(&mut self, step: &Step) -> Value {
        let mut value = match step.visit {
            Visit::Again => json!({ "part": self.part_label(&step.part) }),
            _ => self.part_json(&step.part),
        };
        let extra = match &step.visit {
            Visit::Again => json!({ "see_above": true }),
            Visit::Links(next) => {
                json!({ "next": next.iter().map(|p| self.part_label(p)).collect::<Vec<_>>() })
            }
            Visit::Cross(peer, permanence) => json!({
                "connected_to": self.part_label(peer),
                "permanent": *permanence == Some(Permanence::Permanent),
            }),
            Visit::End(hr) => json!({ "connected_to_error": hr }),
        };
        if let (Some(map), Value::Object(extra)) = (value.as_object_mut(), extra) {
            map.insert("level".into(), step.level.into());
            map.extend(extra);
        }
        value
    }
}

/// One line about a part, name first: `"Microphone" connector 0x00010001 Physical_External In
/// KSNODETYPE_MICROPHONE`.
fn part_line(system: &System, part: &Part) -> String {
    let (local, name, kind, rest) = super::part_fields(system, part);
    format!("{name:?} {kind} {local} {rest}")
}

/// A device's store as `(key name, value)` text pairs (`PKEY_Device_FriendlyName`,
/// `VT_LPWSTR "Speakers (...)"`); a GUID-valued string with a name (known or declared by the
/// file) reads as that name, like subtypes (`VT_LPWSTR KSNODETYPE_SPEAKER`); empty when the
/// store cannot be read.
fn store_lines(system: &System, device: &Device) -> Vec<(String, String)> {
    let text = |v: devtopo::PropVariant| match &v {
        devtopo::PropVariant::Lpwstr(t) => match t.parse::<devtopo::Guid>() {
            Ok(g) if t.starts_with('{') => match system.guid_name(g) {
                Some(name) => format!("VT_LPWSTR {name}"),
                None => v.to_string(),
            },
            _ => v.to_string(),
        },
        devtopo::PropVariant::Clsid(g) => match system.guid_name(*g) {
            Some(name) => format!("VT_CLSID {name}"),
            None => v.to_string(),
        },
        _ => v.to_string(),
    };
    device
        .open_property_store(devtopo::STGM_READ)
        .and_then(|s| s.entries())
        .map(|entries| {
            entries
                .into_iter()
                .map(|(k, v)| (format!("{k:?}"), text(v)))
                .collect()
        })
        .unwrap_or_default()
}
