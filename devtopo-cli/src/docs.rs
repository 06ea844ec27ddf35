//! `devtopo docs [TOPIC]`: the reference, built into the binary, so an installed `devtopo`
//! can show it without the source tree.

use std::io::Write;

use super::CliError;

/// Print a reference page built into devtopo (Markdown).
///
/// Without TOPIC, lists the topics. The same pages are in the crate documentation
/// (https://docs.rs/devtopo).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The page to print.
    #[arg(value_enum, value_name = "TOPIC")]
    topic: Option<Topic>,
}

/// The pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Topic {
    /// The topology file format (TOML and JSON), with an example and the limits.
    Files,
    /// The scenario file format for `devtopo run`.
    Scenarios,
    /// Every rule id devtopo cites (C6, X13, ...): what Windows does and what devtopo does.
    Rules,
    /// Every error devtopo returns, with its HRESULT.
    Errors,
    /// The COM method -> Rust method table.
    Methods,
    /// devtopo's choices where Windows documents nothing (the X rules).
    Decisions,
    /// Testing C++, C and windows-rs code through devtopo-com's COM objects.
    Com,
    /// Capturing a machine through COM into a topology file (`devtopo capture`).
    Capture,
}

impl Topic {
    const ALL: [Topic; 8] = [
        Topic::Files,
        Topic::Scenarios,
        Topic::Rules,
        Topic::Errors,
        Topic::Methods,
        Topic::Decisions,
        Topic::Com,
        Topic::Capture,
    ];

    fn text(self) -> &'static str {
        match self {
            Topic::Files => include_str!("../../docs/topology-files.md"),
            Topic::Scenarios => include_str!("../../docs/scenarios.md"),
            Topic::Rules => include_str!("../../docs/rules.md"),
            Topic::Errors => include_str!("../../docs/errors.md"),
            Topic::Methods => include_str!("../../docs/methods.md"),
            Topic::Decisions => include_str!("../../docs/decisions.md"),
            Topic::Com => include_str!("../../docs/testing-com.md"),
            Topic::Capture => include_str!("../../docs/capture.md"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Topic::Files => "files",
            Topic::Scenarios => "scenarios",
            Topic::Rules => "rules",
            Topic::Errors => "errors",
            Topic::Methods => "methods",
            Topic::Decisions => "decisions",
            Topic::Com => "com",
            Topic::Capture => "capture",
        }
    }

    fn summary(self) -> &'static str {
        match self {
            Topic::Files => "the topology file format (TOML and JSON), with the limits",
            Topic::Scenarios => "the scenario file format for `devtopo run`",
            Topic::Rules => "every rule id devtopo cites (C6, X13, ...)",
            Topic::Errors => "every error devtopo returns, with its HRESULT",
            Topic::Methods => "the COM method -> Rust method table",
            Topic::Decisions => "devtopo's choices where Windows documents nothing",
            Topic::Com => "testing C++, C and windows-rs code through devtopo-com",
            Topic::Capture => "capturing a machine through COM into a topology file",
        }
    }
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<u8, CliError> {
    match args.topic {
        Some(topic) => out.write_all(topic.text().as_bytes())?,
        None => {
            writeln!(out, "devtopo docs TOPIC prints one of these pages:")?;
            for topic in Topic::ALL {
                writeln!(out, "  {:<10} {}", topic.name(), topic.summary())?;
            }
        }
    }
    Ok(0)
}
