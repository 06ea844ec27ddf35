//! `devtopo dot FILE`: the whole system as Graphviz DOT, drawn for an audio engineer.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use devtopo::{
    ControlSpec, DataFlow, DeviceKind, DeviceSnapshot, LocalId, PartSnapshot, Permanence, System,
};

use super::controls_view::count;
use super::{CliError, display_name, load};

/// Print the whole system as a Graphviz DOT digraph, signal flowing left to right.
///
/// Each device is a cluster titled with its name (its ID is the tooltip), each part a node
/// (connectors as boxes, subunits as rounded boxes) labelled with its name, type and the
/// state of its controls (levels, mute, selection, jack presence); local and global IDs are
/// tooltips. Links are solid arrows in the signal direction; a connection is an arrow from
/// its Out connector to its In connector, so a render path reads wave filter -> topology
/// filter -> endpoint and a capture path endpoint -> topology filter -> wave filter. A
/// permanent (Software_Fixed) connection is a thick double line, a transient one dashed.
/// Render with `dot -Tsvg` or `dot -Tpng`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Topology file (.toml or .json).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    limits: super::LimitArgs,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let system = load(&args.file, &args.limits)?;
    out.write_all(render(&system).as_bytes())?;
    Ok(0)
}

/// A DOT string literal.
fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for ch in text.chars() {
        match ch {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => {}
            _ => quoted.push(ch),
        }
    }
    quoted.push('"');
    quoted
}

fn node_id(device: usize, local: LocalId) -> String {
    format!("d{device}_{:08x}", local.0)
}

fn db(v: f32) -> String {
    if v.is_finite() {
        format!("{v:.1} dB")
    } else if v < 0.0 {
        "-inf dB".to_owned()
    } else {
        "inf dB".to_owned()
    }
}

/// The part a selector selects, by name when it has one.
fn selected(dev: &DeviceSnapshot, id: LocalId) -> String {
    match dev.parts.iter().find(|p| p.local_id == id) {
        Some(p) if !p.name.is_empty() => format!("\"{}\"", p.name),
        _ => id.to_string(),
    }
}

/// A short line of a control's state, for a node's label (none for controls that say
/// nothing at a glance).
fn control_summary(dev: &DeviceSnapshot, spec: &ControlSpec) -> Vec<String> {
    let levels = |what: &str, l: &devtopo::LevelSpec| {
        let first = l.levels_db.first().copied().unwrap_or(f32::NEG_INFINITY);
        if l.levels_db.iter().all(|&v| v == first) {
            format!("{what} {} ({} ch)", db(first), l.levels_db.len())
        } else {
            let each: Vec<String> = l.levels_db.iter().map(|&v| db(v)).collect();
            format!("{what} {}", each.join(" / "))
        }
    };
    match spec {
        ControlSpec::VolumeLevel(l) => vec![levels("volume", l)],
        ControlSpec::Bass(l) => vec![levels("bass", l)],
        ControlSpec::Midrange(l) => vec![levels("midrange", l)],
        ControlSpec::Treble(l) => vec![levels("treble", l)],
        ControlSpec::Mute(m) => vec![if *m { "MUTED" } else { "not muted" }.to_owned()],
        ControlSpec::Loudness(e) => vec![format!("loudness {}", if *e { "on" } else { "off" })],
        ControlSpec::AutoGainControl(e) => {
            vec![format!("AGC {}", if *e { "on" } else { "off" })]
        }
        ControlSpec::PeakMeter(p) => vec![format!("peak meter ({} ch)", p.peaks_db.len())],
        ControlSpec::InputSelector(s) | ControlSpec::OutputSelector(s) => {
            vec![format!("selects {}", selected(dev, *s))]
        }
        ControlSpec::ChannelConfig(mask) => vec![format!("channel config 0x{mask:X}")],
        ControlSpec::DeviceSpecificProperty(d) => {
            vec![format!(
                "property {} {:?}",
                d.value.var_type().name(),
                d.value
            )]
        }
        ControlSpec::FormatSupport(f) if f.ranges.is_empty() => {
            vec![count(f.formats.len(), "format")]
        }
        ControlSpec::FormatSupport(f) => vec![format!(
            "{} + {}",
            count(f.formats.len(), "format"),
            count(f.ranges.len(), "format range")
        )],
        ControlSpec::JackDescription(jacks) => jacks
            .iter()
            .map(|j| {
                let plugged = if j.is_connected {
                    "plugged in"
                } else {
                    "UNPLUGGED"
                };
                format!(
                    "jack {plugged}, #{:06X} {}",
                    j.color,
                    j.geo_location.name().trim_start_matches("eGeoLoc")
                )
            })
            .collect(),
        ControlSpec::JackDescription2(_) => Vec::new(),
    }
}

/// A node's label: name, what it is, control state.
fn part_label(system: &System, dev: &DeviceSnapshot, part: &PartSnapshot) -> String {
    let mut lines = Vec::new();
    let what = match &part.connector {
        Some(c) => format!("{} {}", c.connector_type.name(), c.flow.name()),
        None => system.guid_display(part.subtype),
    };
    if part.name.is_empty() {
        lines.push(format!("{what} {}", part.local_id));
    } else {
        lines.push(part.name.clone());
        lines.push(what);
    }
    if part.connector.is_some() {
        lines.push(system.guid_display(part.subtype));
    }
    for spec in &part.controls {
        lines.extend(control_summary(dev, spec));
    }
    lines.join("\n")
}

/// The first jack's colour, for a connector's outline.
fn jack_color(part: &PartSnapshot) -> Option<u32> {
    part.controls.iter().find_map(|c| match c {
        ControlSpec::JackDescription(jacks) => jacks.first().map(|j| j.color),
        _ => None,
    })
}

/// The DOT text: devices in model order, parts in index order, so the output is stable.
fn render(system: &System) -> String {
    let snap = system.snapshot();
    let index_of = |id: &str| snap.devices.iter().position(|d| d.id == id);
    let mut dot = String::new();
    let _ = writeln!(dot, "digraph devtopo {{");
    let _ = writeln!(dot, "  rankdir=LR;");
    let _ = writeln!(dot, "  newrank=true;");
    let _ = writeln!(dot, "  fontname=\"Helvetica\";");
    let _ = writeln!(
        dot,
        "  label=\"signal flows left to right; solid arrow: link; thick double line: permanent connection (Software_Fixed); dashed: transient connection\";"
    );
    let _ = writeln!(dot, "  labelloc=b;");
    let _ = writeln!(dot, "  fontsize=10;");
    let _ = writeln!(dot, "  node [fontsize=10, fontname=\"Helvetica\"];");
    let _ = writeln!(dot, "  edge [fontsize=9, fontname=\"Helvetica\"];");
    for (i, dev) in snap.devices.iter().enumerate() {
        let _ = writeln!(dot, "  subgraph cluster_{i} {{");
        let what = match dev.kind {
            DeviceKind::RenderEndpoint => "render endpoint",
            DeviceKind::CaptureEndpoint => "capture endpoint",
            DeviceKind::Adapter => "adapter",
        };
        let name = system
            .device(&dev.id)
            .map(|d| display_name(&d))
            .unwrap_or_else(|_| dev.name.clone());
        let label = format!("{name}\n{what}, {}", dev.state.name());
        let _ = writeln!(dot, "    label={};", quote(&label));
        let _ = writeln!(dot, "    labelloc=t;");
        let _ = writeln!(dot, "    tooltip={};", quote(&dev.id));
        let fill = match dev.kind {
            DeviceKind::Adapter => "#f4f4f4",
            _ => "#e8f0fe",
        };
        let _ = writeln!(dot, "    style=filled;");
        let _ = writeln!(dot, "    fillcolor=\"{fill}\";");
        for part in &dev.parts {
            let shape = if part.connector.is_some() {
                "shape=box"
            } else {
                "shape=box, style=\"rounded,filled\", fillcolor=white"
            };
            let tooltip = format!("{} ({}/{:08x})", part.local_id, dev.id, part.local_id.0);
            let outline = match jack_color(part) {
                Some(rgb) => format!(", color=\"#{rgb:06X}\", penwidth=3"),
                None => String::new(),
            };
            let _ = writeln!(
                dot,
                "    {} [{shape}{outline}, label={}, tooltip={}];",
                node_id(i, part.local_id),
                quote(&part_label(system, dev, part)),
                quote(&tooltip)
            );
        }
        let _ = writeln!(dot, "  }}");
    }
    for (i, dev) in snap.devices.iter().enumerate() {
        for part in &dev.parts {
            for to in &part.outgoing {
                let _ = writeln!(
                    dot,
                    "  {} -> {};",
                    node_id(i, part.local_id),
                    node_id(i, *to)
                );
            }
        }
    }
    for (i, dev) in snap.devices.iter().enumerate() {
        for part in &dev.parts {
            let Some(c) = &part.connector else {
                continue;
            };
            let Some(peer) = &c.peer else {
                continue;
            };
            let Some(j) = index_of(&peer.device) else {
                continue;
            };
            // Each connection once, from its Out end (the signal leaves through it); between
            // two connectors of one flow, from the end that comes first.
            let peer_flow = snap.devices[j]
                .parts
                .iter()
                .find(|p| p.local_id == peer.local_id)
                .and_then(|p| p.connector.as_ref())
                .map(|c| c.flow);
            let from_here = match (c.flow, peer_flow) {
                (DataFlow::Out, Some(DataFlow::In)) => true,
                (DataFlow::In, Some(DataFlow::Out)) => false,
                _ => (i, part.local_id) < (j, peer.local_id),
            };
            if !from_here {
                continue;
            }
            // No `label` on an edge between clusters: Graphviz drops such edges ("lost
            // edge"); permanence shows in the line's style and tooltip instead.
            let style = match peer.permanence {
                Permanence::Permanent => {
                    "penwidth=2, color=\"black:invis:black\", tooltip=\"permanent connection (Software_Fixed)\""
                }
                Permanence::Transient => "style=dashed, tooltip=\"transient connection\"",
            };
            let _ = writeln!(
                dot,
                "  {} -> {} [{style}];",
                node_id(i, part.local_id),
                node_id(j, peer.local_id)
            );
        }
    }
    let _ = writeln!(dot, "}}");
    dot
}
