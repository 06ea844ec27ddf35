//! `devtopo`: check, show, draw and exercise DeviceTopology files from a shell (clap derive,
//! one module per subcommand).
//!
//! `main` calls `run`, which returns the exit code: 0 success, 1 a file is invalid, a
//! scenario step failed or `path` found no path, 2 usage, input or I/O errors.
//! `devtopo --help` lists the subcommands.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use devtopo::file::{FileError, Limits};
use devtopo::{Device, Part, PartType, System};

mod capture;
mod check;
mod controls_view;
mod convert;
mod docs;
mod dot;
mod generate;
mod list;
mod path;
mod run;
mod show;

/// Model Windows DeviceTopology systems from files: check them, look at them, draw them,
/// and run scenarios with expected results.
///
/// Topology files are TOML or JSON (chosen by extension): `devtopo docs files` prints the
/// format; `devtopo docs scenarios` the scenario format; `devtopo docs rules` every rule id
/// (C6, X13, ...) the messages cite. Parts are named `device/part`: the device by ID or unique
/// name, the part by local ID (0x10001) or unique name.
///
/// Results go to standard output, problems to standard error.
///
/// Exit codes: 0 success; 1 a file is invalid, a scenario step failed, or `path` found no
/// path; 2 usage, input or I/O errors.
#[derive(Debug, Parser)]
#[command(name = "devtopo", version, about, long_about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::Args),
    Capture(capture::Args),
    Show(show::Args),
    Dot(dot::Args),
    Path(path::Args),
    Run(run::Args),
    List(list::Args),
    Convert(convert::Args),
    Docs(docs::Args),
    Gen(generate::Args),
}

/// Output for people (`text`, the default) or for machines (`json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Lines for people.
    #[default]
    Text,
    /// One JSON document on standard output.
    Json,
}

/// Exit code 1: a check or scenario failed.
pub(crate) const FAILED: u8 = 1;
/// Exit code 2: usage, input or I/O error.
pub(crate) const USAGE: u8 = 2;

/// Why a subcommand stopped before producing its result (exit code 2).
#[derive(Debug)]
pub(crate) enum CliError {
    /// Problems in input files.
    Files(Vec<FileError>),
    /// Anything else, in words.
    Message(String),
}

impl From<Vec<FileError>> for CliError {
    fn from(errors: Vec<FileError>) -> CliError {
        CliError::Files(errors)
    }
}

impl From<FileError> for CliError {
    fn from(error: FileError) -> CliError {
        CliError::Files(vec![error])
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> CliError {
        CliError::Message(error.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { USAGE } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(CliError::Files(errors)) => {
            let mut err = std::io::stderr().lock();
            for e in errors {
                let _ = writeln!(err, "{e}");
            }
            ExitCode::from(USAGE)
        }
        Err(CliError::Message(message)) => {
            let _ = writeln!(std::io::stderr(), "devtopo: {message}");
            ExitCode::from(USAGE)
        }
    }
}

fn run(cli: Cli) -> Result<u8, CliError> {
    let mut out = std::io::stdout().lock();
    let code = match cli.command {
        Command::Check(args) => check::run(&args, &mut out)?,
        Command::Capture(args) => capture::run(&args, &mut out)?,
        Command::Show(args) => show::run(&args, &mut out)?,
        Command::Dot(args) => dot::run(&args, &mut out)?,
        Command::Path(args) => path::run(&args, &mut out)?,
        Command::Run(args) => run::run(&args, &mut out)?,
        Command::List(args) => list::run(&args, &mut out)?,
        Command::Convert(args) => convert::run(&args, &mut out)?,
        Command::Docs(args) => docs::run(&args, &mut out)?,
        Command::Gen(args) => generate::run(&args, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}

pub(crate) use devtopo::scenario::hr_text;

/// The name people see for a device, the one place output picks it: today the device's
/// name as the file gives it (the endpoint's friendly name).
pub(crate) fn display_name(device: &Device) -> String {
    device.name().unwrap_or_default()
}

/// How output names a device: by friendly name when that finds it again, else by ID.
pub(crate) fn device_label(system: &System, device: &Device) -> String {
    let id = device.id().unwrap_or_default();
    let name = display_name(device);
    match system.find_device(&name) {
        Ok(found) if !name.is_empty() && found == *device => name,
        _ => id,
    }
}

/// How output names a part: `device/0x00010001`, which `find_part` accepts.
pub(crate) fn part_label(system: &System, part: &Part) -> String {
    let device = part.topology().map(|t| t.device());
    let local = part.local_id().map(|l| l.to_string()).unwrap_or_default();
    match device {
        Ok(device) => format!("{}/{local}", device_label(system, &device)),
        Err(_) => format!("?/{local}"),
    }
}

/// A part's fields for a one-line description: its local ID, name, kind (`connector` or
/// `subunit`) and the rest (a connector's type, flow and subtype; a subunit's subtype).
pub(crate) fn part_fields(system: &System, part: &Part) -> (String, String, &'static str, String) {
    let local = part.local_id().map(|l| l.to_string()).unwrap_or_default();
    let name = part.name().unwrap_or_default();
    let subtype = part
        .subtype()
        .map(|g| system.guid_display(g))
        .unwrap_or_default();
    match (part.part_type(), part.as_connector()) {
        (Ok(PartType::Connector), Ok(c)) => {
            let ty = c.connector_type().map(|t| t.name()).unwrap_or("?");
            let flow = c.data_flow().map(|f| f.name()).unwrap_or("?");
            (local, name, "connector", format!("{ty} {flow} {subtype}"))
        }
        _ => (local, name, "subunit", subtype),
    }
}

/// One line for a part, local ID first: `0x10000 connector "Speaker" Physical_External In
/// KSNODETYPE_SPEAKER`.
pub(crate) fn part_line(system: &System, part: &Part) -> String {
    let (local, name, kind, rest) = part_fields(system, part);
    format!("{local} {kind} {name:?} {rest}")
}

/// A file error as JSON.
pub(crate) fn error_json(e: &FileError) -> serde_json::Value {
    let (line, column) = e.position().unzip();
    let mut value = serde_json::json!({
        "file": e.file,
        "line": line,
        "column": column,
        "path": e.path,
        "class": e.class(),
        "message": e.message(),
    });
    if let (Some(rule), Some(map)) = (e.rule_error(), value.as_object_mut()) {
        let hr = rule.hresult();
        map.insert("hresult".into(), hr.to_string().into());
        map.insert("hresult_name".into(), hr.name().unwrap_or("").into());
    }
    value
}

/// Writes a JSON document and a newline.
pub(crate) fn write_json(out: &mut dyn Write, value: &serde_json::Value) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| CliError::Message(e.to_string()))?;
    writeln!(out)?;
    Ok(())
}

/// Loads one topology file with these limits (exit 2 on any problem).
pub(crate) fn load(path: &std::path::Path, limits: &LimitArgs) -> Result<System, CliError> {
    Ok(devtopo::file::read_with(path, &limits.limits()?)?)
}

/// `--limit NAME=VALUE` and `--no-limits`, on every subcommand that reads files.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct LimitArgs {
    /// Sets one limit of the files read, as NAME=VALUE with the names of the limits table in
    /// `devtopo docs files` (max_file_bytes, max_devices, max_parts_per_device,
    /// max_links_per_device, max_connections, max_text_bytes, max_scenario_steps,
    /// max_controls_per_part, max_channels, max_jacks, max_formats); VALUE `none` lifts it.
    /// Repeatable.
    #[arg(long = "limit", value_name = "NAME=VALUE")]
    limit: Vec<String>,
    /// Lifts every limit (for generated or trusted files of any size); `--limit` still
    /// applies on top.
    #[arg(long)]
    no_limits: bool,
}

impl LimitArgs {
    /// The limits these options ask for (exit 2 on an unknown name or a bad value).
    pub(crate) fn limits(&self) -> Result<Limits, CliError> {
        let mut limits = if self.no_limits {
            Limits::none()
        } else {
            Limits::default()
        };
        for assignment in &self.limit {
            limits
                .apply(assignment)
                .map_err(|e| CliError::Message(format!("--limit: {e}")))?;
        }
        Ok(limits)
    }
}
