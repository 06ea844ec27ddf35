//! `devtopo run SCENARIO...`: run scenario files and compare every result.

use std::io::Write;
use std::path::PathBuf;

use devtopo::HResult;

use super::scenario::{self, Scenario, Step, Value};
use super::{CliError, FAILED, OutputFormat, USAGE, error_json, hr_text};

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
        let scenario = match scenario::load(path, &limits) {
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
                scenario.file, scenario.topology
            )?;
        }
        let mut results = Vec::new();
        for step in &scenario.steps {
            let outcome = outcome(&scenario, step);
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
                "scenario": scenario.file,
                "topology": scenario.topology,
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

struct Outcome {
    ok: bool,
    line: String,
    json: serde_json::Value,
}

fn outcome(scenario: &Scenario, step: &Step) -> Outcome {
    let system = &scenario.system;
    let result = scenario::execute(system, step);
    let (actual_hr, actual_value, message) = match &result {
        Ok(value) => (HResult::S_OK, value.clone(), None),
        Err(e) => (e.hresult(), None, Some(e.to_string())),
    };
    let hr_ok = actual_hr == step.expect;
    let value_ok = match (&step.value, &actual_value) {
        (Some(want), Some(got)) => want == got,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let ok = hr_ok && value_ok;
    let show = |v: &Option<Value>| v.as_ref().map(|v| v.show(system));
    let location = format!("{}:{}:{}", scenario.file, step.line, step.column);
    let label = match &step.name {
        Some(name) => format!("step {} ({name}): {}", step.index + 1, step.text),
        None => format!("step {}: {}", step.index + 1, step.text),
    };
    let line = if ok {
        match show(&actual_value) {
            Some(v) if step.value.is_some() => {
                format!("ok   {location}: {label} -> {} = {v}", hr_text(actual_hr))
            }
            _ => format!("ok   {location}: {label} -> {}", hr_text(actual_hr)),
        }
    } else {
        let mut text = format!(
            "FAIL {location}: {label}: expected {}",
            hr_text(step.expect)
        );
        if let Some(v) = show(&step.value) {
            text.push_str(&format!(" = {v}"));
        }
        text.push_str(&format!(", got {}", hr_text(actual_hr)));
        // The value a call returned, also when an error was expected instead.
        if let Some(v) = show(&actual_value) {
            text.push_str(&format!(" = {v}"));
        }
        if let Some(m) = &message {
            text.push_str(&format!(" ({m})"));
        }
        text
    };
    let json = serde_json::json!({
        "step": step.index + 1,
        "line": step.line,
        "column": step.column,
        "name": step.name,
        "call": step.call.name(),
        "text": step.text,
        "ok": ok,
        "expected": { "hresult": hr_text(step.expect), "value": show(&step.value) },
        "actual": { "hresult": hr_text(actual_hr), "value": show(&actual_value), "message": message },
    });
    Outcome { ok, line, json }
}
