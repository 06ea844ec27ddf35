//! `devtopo run SCENARIO...`: run scenario files and compare every result.

use std::io::Write;
use std::path::PathBuf;

use devtopo::scenario::Scenario;

use super::{CliError, FAILED, OutputFormat, USAGE, error_json};

/// Run scenario files and compare every result.
///
/// Each scenario names a topology file and lists steps (method calls with the
/// expected HRESULT and, for getters, the expected value; `devtopo docs scenarios`). Every step
/// runs, in order; one line per step says `ok` or what was expected and what happened, and a
/// last line says `N passed, M failed` (and how many scenario files did not load). Results go
/// to standard output; a scenario that cannot be loaded is reported on standard error.
///
/// Exits 0 when every step passed, 1 when a step failed, 2 when a scenario or its topology
/// file cannot be read or has a problem (those are reported as file:line:col: message and
/// none of that scenario's steps run).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Scenario files (.toml; .json also works).
    #[arg(required = true, value_name = "SCENARIO")]
    scenarios: Vec<PathBuf>,
    #[command(flatten)]
    limits: super::LimitArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    let (mut passed, mut failed, mut unloaded) = (0usize, 0usize, 0usize);
    let mut code = 0;
    let mut reports = Vec::new();
    let limits = args.limits.limits()?;
    for path in &args.scenarios {
        let mut scenario = match Scenario::load_with(path, &limits) {
            Ok(s) => s,
            Err(errors) => {
                code = USAGE;
                unloaded += 1;
                match args.format {
                    OutputFormat::Text => {
                        let mut err = std::io::stderr().lock();
                        for e in &errors {
                            writeln!(err, "{e}")?;
                        }
                        writeln!(
                            err,
                            "devtopo: scenario {} did not load; none of its steps ran",
                            path.display()
                        )?;
                    }
                    OutputFormat::Json => reports.push(serde_json::json!({
                        "scenario": path.display().to_string(),
                        "loaded": false,
                        "problems": errors.iter().map(error_json).collect::<Vec<_>>(),
                    })),
                }
                continue;
            }
        };
        if args.format == OutputFormat::Text {
            writeln!(
                out,
                "scenario {} (topology {})",
                scenario.file(),
                scenario.topology()
            )?;
        }
        let mut results = Vec::new();
        let (file, topology) = (scenario.file().to_owned(), scenario.topology().to_owned());
        for outcome in scenario.run() {
            if outcome.ok {
                passed += 1;
            } else {
                failed += 1;
                code = code.max(FAILED);
            }
            match args.format {
                OutputFormat::Text => writeln!(out, "{}", outcome.line)?,
                OutputFormat::Json => results.push(outcome.json),
            }
        }
        if args.format == OutputFormat::Json {
            reports.push(serde_json::json!({
                "scenario": file,
                "topology": topology,
                "steps": results,
            }));
        }
    }
    match args.format {
        OutputFormat::Text if unloaded > 0 => writeln!(
            out,
            "{passed} passed, {failed} failed; {} did not load",
            super::controls_view::count(unloaded, "scenario file")
        )?,
        OutputFormat::Text => writeln!(out, "{passed} passed, {failed} failed")?,
        OutputFormat::Json => super::write_json(
            out,
            &serde_json::json!({
                "scenarios": reports, "passed": passed, "failed": failed, "not_loaded": unloaded,
            }),
        )?,
    }
    Ok(code)
}
