//! Scenario limits (issue 12, item 9): each at its value is accepted, one over is refused
//! with an error naming the limit (`docs/scenarios.md`, "Limits").

use devtopo::file::{FileError, FileErrorKind, Format, Limit};
use devtopo::scenario::Scenario;

const FOUR: &str = include_str!("../../topologies/four-topologies.toml");

fn parse(text: &str) -> Result<Scenario, Vec<FileError>> {
    Scenario::parse(text, Format::Toml, "limits.toml", |_| {
        Ok((
            "four-topologies.toml".to_owned(),
            devtopo::file::parse(FOUR, Format::Toml, "four-topologies.toml")?,
        ))
    })
}

fn step(name: &str) -> String {
    format!(
        "[[step]]\nname = \"{name}\"\ncall = \"GetName\"\npart = \"Input Multiplexer Device/0x10001\"\n"
    )
}

fn limit_error(result: Result<Scenario, Vec<FileError>>, limit: Limit) -> FileError {
    let errors = result
        .err()
        .unwrap_or_else(|| panic!("{} not enforced", limit.name()));
    let e = errors[0].clone();
    assert!(
        matches!(e.kind, FileErrorKind::Limit(l, _) if l == limit),
        "{e}"
    );
    assert!(
        e.to_string().contains(limit.name()),
        "the error names the limit: {e}"
    );
    e
}

#[test]
fn max_scenario_steps_at_and_over() {
    let max = Limit::ScenarioSteps.value();
    let one = step("s");
    let mut text = String::from("topology = \"four-topologies.toml\"\n");
    text.push_str(&one.repeat(max));
    let scenario = parse(&text).unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!(scenario.len(), max);
    text.push_str(&one);
    limit_error(parse(&text), Limit::ScenarioSteps);
}

#[test]
fn max_text_bytes_at_and_over_in_step_strings() {
    let max = Limit::TextBytes.value();
    let head = "topology = \"four-topologies.toml\"\n";
    let at = format!("{head}{}", step(&"n".repeat(max)));
    assert!(parse(&at).is_ok());
    let over = format!("{head}{}", step(&"n".repeat(max + 1)));
    let e = limit_error(parse(&over), Limit::TextBytes);
    assert_eq!(
        (e.path.as_str(), e.line),
        ("step[0].name", 3),
        "located: {e}"
    );
    // Strings inside argument values count too.
    let long = "x".repeat(max + 1);
    let nested = format!(
        "{head}[[step]]\ncall = \"GetMute\"\npart = \"Input Multiplexer Device/0x20000\"\nvalue = [[\"{long}\"]]\n"
    );
    let e = limit_error(parse(&nested), Limit::TextBytes);
    assert_eq!(e.path, "step[0].value");
}

#[test]
fn max_file_bytes_at_and_over_for_scenario_text() {
    let max = Limit::FileBytes.value();
    let mut text = String::from("topology = \"four-topologies.toml\"\n");
    text.push_str(&step("s"));
    let pad = max - text.len() - 2;
    text.push('#');
    text.push_str(&"p".repeat(pad));
    text.push('\n');
    assert_eq!(text.len(), max);
    assert!(parse(&text).is_ok());
    text.push(' ');
    limit_error(parse(&text), Limit::FileBytes);
}
