//! `devtopo gen`: writes a generated valid system ([`devtopo::generate`]) as a topology file.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use devtopo::file::Format;

use super::CliError;

/// Generate a large valid system (for scale tests): groups of wave and topology filters with
/// endpoints on their jacks, exactly --parts parts, the same for the same --seed. Files of
/// more than about 3,000 parts exceed the default limits: check or load them with
/// --no-limits.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Number of parts (connectors plus subunits), 1 or more.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    parts: u64,
    /// Seed: the same seed and size give the same file.
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// File format (default: from the -o file's extension, else toml).
    #[arg(long, value_enum)]
    format: Option<FileFormat>,
    /// Output file (default: standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FileFormat {
    Toml,
    Json,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let format = match (args.format, &args.output) {
        (Some(FileFormat::Toml), _) => Format::Toml,
        (Some(FileFormat::Json), _) => Format::Json,
        (None, Some(path)) => Format::from_path(path).unwrap_or(Format::Toml),
        (None, None) => Format::Toml,
    };
    let parts = usize::try_from(args.parts)
        .map_err(|_| CliError::Message(format!("--parts {} is too large", args.parts)))?;
    let system = devtopo::generate(parts, args.seed)
        .map_err(|e| CliError::Message(format!("generator: {e}")))?;
    let text = match format {
        Format::Toml => system.to_toml_string()?,
        Format::Json => system.to_json_string()?,
    };
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| CliError::Message(format!("{}: {e}", path.display())))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(0)
}
