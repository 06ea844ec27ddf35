//! `devtopo check FILE...`: validate topology files.

use std::io::Write;
use std::path::PathBuf;

use devtopo::file::{FileErrorKind, read_with};

use super::controls_view::count;
use super::{CliError, FAILED, OutputFormat, USAGE, error_json, write_json};

/// Validate topology files.
///
/// Prints `FILE: ok (...)` for a valid file on standard output, and every problem of an
/// invalid one as `file:line:col: message (at path)` on standard error (results to stdout,
/// diagnostics to stderr, as every devtopo command does). With `--format json` the whole
/// report is one JSON document on standard output.
///
/// Exits 0 when every file is valid, 1 when a file is invalid, 2 when a file cannot be read
/// or is neither .toml nor .json.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Topology files (.toml or .json).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    limits: super::LimitArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let mut code = 0;
    let mut reports = Vec::new();
    let limits = args.limits.limits()?;
    for path in &args.files {
        let file = path.display().to_string();
        match read_with(path, &limits) {
            Ok(system) => {
                let snap = system.snapshot();
                let parts: usize = snap.devices.iter().map(|d| d.parts.len()).sum();
                let links: usize = snap
                    .devices
                    .iter()
                    .flat_map(|d| &d.parts)
                    .map(|p| p.outgoing.len())
                    .sum();
                let ends = snap
                    .devices
                    .iter()
                    .flat_map(|d| &d.parts)
                    .filter(|p| p.connector.as_ref().is_some_and(|c| c.peer.is_some()))
                    .count();
                let devices = snap.devices.len();
                let connections = ends / 2;
                match args.format {
                    OutputFormat::Text => writeln!(
                        out,
                        "{file}: ok ({}, {}, {}, {})",
                        count(devices, "device"),
                        count(parts, "part"),
                        count(links, "link"),
                        count(connections, "connection")
                    )?,
                    OutputFormat::Json => reports.push(serde_json::json!({
                        "file": file, "valid": true, "devices": devices, "parts": parts,
                        "links": links, "connections": connections, "problems": [],
                    })),
                }
            }
            Err(errors) => {
                let unreadable = errors
                    .iter()
                    .any(|e| matches!(e.kind, FileErrorKind::Io(_) | FileErrorKind::UnknownFormat));
                code = code.max(if unreadable { USAGE } else { FAILED });
                match args.format {
                    OutputFormat::Text => {
                        let mut err = std::io::stderr().lock();
                        for e in &errors {
                            writeln!(err, "{e}")?;
                        }
                    }
                    OutputFormat::Json => reports.push(serde_json::json!({
                        "file": file, "valid": false,
                        "problems": errors.iter().map(error_json).collect::<Vec<_>>(),
                    })),
                }
            }
        }
    }
    if args.format == OutputFormat::Json {
        write_json(out, &serde_json::json!({ "files": reports }))?;
    }
    Ok(code)
}
