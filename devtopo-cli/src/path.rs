//! `devtopo path FILE FROM TO`: `IDeviceTopology::GetSignalPath`.

use std::io::Write;
use std::path::PathBuf;

use devtopo::MixedPaths;

use super::{CliError, FAILED, hr_text, load, part_label, part_line};

/// Find a signal path between two parts (GetSignalPath).
///
/// Calls `IDeviceTopology::GetSignalPath` on the topology of FROM (rules T7-T11, X13).
/// Prints the parts in the order Windows lists them, TO first and FROM last. Exits 1 when
/// there is no path (or the call fails otherwise), printing the HRESULT.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Topology file (.toml or .json).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    limits: super::LimitArgs,
    /// The first part of the path, as `device/part` (device ID or name, then local ID or part
    /// name), e.g. `"Input Multiplexer Device/0x10001"`.
    #[arg(value_name = "FROM")]
    from: String,
    /// The last part of the path, as `device/part`.
    #[arg(value_name = "TO")]
    to: String,
    /// Ignore paths through a mixer (bRejectMixedPaths = TRUE; X13 says what a mixer is).
    #[arg(long)]
    reject_mixed: bool,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let system = load(&args.file, &args.limits)?;
    let find = |text: &str| {
        system
            .find_part(text)
            .map_err(|e| CliError::Message(format!("{}: {e}", args.file.display())))
    };
    let (from, to) = (find(&args.from)?, find(&args.to)?);
    let mixed = if args.reject_mixed {
        MixedPaths::Reject
    } else {
        MixedPaths::Allow
    };
    let result = from
        .topology()
        .and_then(|topology| topology.signal_path(&from, &to, mixed));
    match result {
        Ok(list) => {
            for (i, part) in list.iter().enumerate() {
                writeln!(
                    out,
                    "{i}: {}  {}",
                    part_label(&system, &part),
                    part_line(&system, &part)
                )?;
            }
            Ok(0)
        }
        Err(e) => {
            writeln!(out, "GetSignalPath: {} ({e})", hr_text(e.hresult()))?;
            Ok(FAILED)
        }
    }
}
