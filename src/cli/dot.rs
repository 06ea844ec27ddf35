//! `devtopo dot FILE`: the whole system as Graphviz DOT.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use devtopo::{Permanence, System};

use super::{CliError, load};

/// Print the whole system as a Graphviz DOT digraph.
///
/// Each device is a cluster, each part a
/// node (connectors as boxes, subunits as ellipses), each link a solid arrow in the signal
/// direction, each connection a dashed line without arrowheads; permanent (Software_Fixed)
/// connections are bold and labelled "permanent". Render with `dot -Tsvg`.
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

fn node_id(device: usize, local: devtopo::LocalId) -> String {
    format!("d{device}_{:08x}", local.0)
}

/// The DOT text: devices in model order, parts in index order, so the output is stable.
fn render(system: &System) -> String {
    let snap = system.snapshot();
    let index_of = |id: &str| snap.devices.iter().position(|d| d.id == id);
    let mut dot = String::new();
    let _ = writeln!(dot, "digraph devtopo {{");
    let _ = writeln!(dot, "  rankdir=LR;");
    let _ = writeln!(dot, "  compound=true;");
    let _ = writeln!(dot, "  node [fontsize=10];");
    for (i, dev) in snap.devices.iter().enumerate() {
        let _ = writeln!(dot, "  subgraph cluster_{i} {{");
        let label = format!(
            "{}\n{} ({}, {})",
            dev.name,
            dev.id,
            dev.kind.name(),
            dev.state.name()
        );
        let _ = writeln!(dot, "    label={};", quote(&label));
        for part in &dev.parts {
            let subtype = part.subtype.display_name();
            let (shape, label) = match &part.connector {
                Some(c) => (
                    "box",
                    format!(
                        "{} {}\n{} {}\n{}",
                        part.local_id,
                        part.name,
                        c.connector_type.name(),
                        c.flow.name(),
                        subtype
                    ),
                ),
                None => (
                    "ellipse",
                    format!("{} {}\n{}", part.local_id, part.name, subtype),
                ),
            };
            let _ = writeln!(
                dot,
                "    {} [shape={shape}, label={}];",
                node_id(i, part.local_id),
                quote(&label)
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
            let Some(peer) = part.connector.as_ref().and_then(|c| c.peer.as_ref()) else {
                continue;
            };
            let Some(j) = index_of(&peer.device) else {
                continue;
            };
            // Each connection once, from the end that comes first.
            if (i, part.local_id) > (j, peer.local_id) {
                continue;
            }
            let style = match peer.permanence {
                Permanence::Permanent => "style=\"dashed,bold\", label=\"permanent\"",
                Permanence::Transient => "style=dashed",
            };
            let _ = writeln!(
                dot,
                "  {} -> {} [dir=none, {style}];",
                node_id(i, part.local_id),
                node_id(j, peer.local_id)
            );
        }
    }
    let _ = writeln!(dot, "}}");
    dot
}
