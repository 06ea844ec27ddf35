//! `devtopo capture`: record a machine's audio devices through COM into a topology file
//! (devtopo-com's `capture`), or, with `--from`, a simulated machine served through
//! devtopo-com, so the whole path runs on any OS.

use std::io::Write;
use std::path::PathBuf;

use devtopo::file::Format;

use super::{CliError, load};

/// Capture the audio devices a client sees into a topology file.
///
/// Reads, through COM only (IMMDeviceEnumerator, IMMDevice, IDeviceTopology, the parts and
/// their control interfaces), every endpoint in every state, the adapters connections reach,
/// their parts, links, connections, control states, jacks, formats, property stores and
/// default endpoints, and writes a topology file that `check`, `show` and `run` replay on
/// any OS. The file starts with a header: where and when it was captured, which calls
/// failed (left out) and what a client cannot see (`devtopo docs capture`); warnings also go to
/// standard error.
///
/// On Windows, without --from, it captures this machine (CoInitializeEx +
/// CoCreateInstance(CLSID_MMDeviceEnumerator)). Elsewhere it needs --from: the system a
/// topology file describes, served through devtopo-com and captured like a real one.
///
/// --limit and --no-limits bound the --from file and every count the machine reports (at
/// most max_devices devices, max_parts_per_device parts, ...; each cap is noted).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Capture the system of this topology file (.toml or .json), served through
    /// devtopo-com, instead of this machine.
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
    /// Write the file here (replaced if it exists); default standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// The file format; default the output file's extension, else toml.
    #[arg(long, value_enum)]
    format: Option<FileFormat>,
    #[command(flatten)]
    limits: super::LimitArgs,
}

/// A topology file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FileFormat {
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let format = match (
        args.format,
        args.output.as_deref().and_then(Format::from_path),
    ) {
        (Some(FileFormat::Json), _) => Format::Json,
        (Some(FileFormat::Toml), _) => Format::Toml,
        (None, Some(f)) => f,
        (None, None) => Format::Toml,
    };
    let limits = args.limits.limits()?;
    let captured = match &args.from {
        Some(path) => {
            let system = load(path, &args.limits)?;
            let enumerator = devtopo_com::enumerator(&system);
            let source = format!("the simulated system of {}", path.display());
            devtopo_com::capture::capture_with(&enumerator, &source, &limits)
                .map_err(|e| CliError::Message(format!("capture failed: {e}")))?
        }
        None => machine(&limits)?,
    };
    let mut err = std::io::stderr().lock();
    for w in captured.warnings() {
        let _ = writeln!(err, "devtopo capture: warning: {w}");
    }
    let text = captured.to_text(format)?;
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| CliError::Message(format!("{}: {e}", path.display())))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(0)
}

/// This machine, through Windows' own enumerator.
#[cfg(windows)]
fn machine(limits: &devtopo::file::Limits) -> Result<devtopo_com::capture::Capture, CliError> {
    let enumerator = devtopo_com::capture::windows_enumerator().map_err(|e| {
        CliError::Message(format!(
            "cannot create Windows' IMMDeviceEnumerator: {e} (CoInitializeEx / CoCreateInstance(CLSID_MMDeviceEnumerator))"
        ))
    })?;
    let host = std::env::var("COMPUTERNAME").unwrap_or_else(|_| "this machine".to_owned());
    devtopo_com::capture::capture_with(&enumerator, &format!("Windows machine {host}"), limits).map_err(|e| {
        CliError::Message(format!(
            "capture failed: {e}; please report it (`devtopo docs capture` says what to include)"
        ))
    })
}

/// Off Windows there is no machine to capture: `--from` is required.
#[cfg(not(windows))]
fn machine(_limits: &devtopo::file::Limits) -> Result<devtopo_com::capture::Capture, CliError> {
    Err(CliError::Message(
        "capturing a real machine needs Windows (its IMMDeviceEnumerator); here, capture a simulated one with --from FILE"
            .to_owned(),
    ))
}
