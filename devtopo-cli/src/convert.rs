//! `devtopo convert IN OUT`: a topology file in the other format (or the same), canonical.

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, load};

/// Convert a topology file between TOML and JSON, in canonical form.
///
/// Reads IN (.toml or .json), checks it like `check`, and writes OUT in the format its
/// extension names, exactly as `System::save` writes: devices, parts, links and connections
/// in model order, every value spelt out, comments dropped. Converting back gives the same
/// system. Prints nothing on success; problems go to standard error (exit 2).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The topology file to read (.toml or .json).
    #[arg(value_name = "IN")]
    input: PathBuf,
    /// The file to write (.toml or .json); replaced if it exists.
    #[arg(value_name = "OUT")]
    output: PathBuf,
    #[command(flatten)]
    limits: super::LimitArgs,
}

pub(crate) fn run(args: &Args, _out: &mut dyn Write) -> Result<u8, CliError> {
    let system = load(&args.input, &args.limits)?;
    system.save(&args.output)?;
    Ok(0)
}
