//! Property-testing your own code over generated topologies (feature `proptest`).
//!
//! The code under test, `first_volume_upstream`, finds the first volume control upstream of
//! a render endpoint, the way audio software looks for "the" hardware volume: from the
//! endpoint to the jack it is bound to (W1), then against the signal, across the permanent
//! `Software_Fixed` connection into the wave filter (D15), until a `Software_IO` host pin
//! (X6). devtopo's strategies generate thousands of valid systems (chains of every kind of
//! subunit, offload pins, line-in branches summed in, jacks with and without presence
//! detection, endpoints in every state); the property compares the answer with what the
//! generating plan says it must be.
//!
//! A second, buggy version stops at the filter boundary; proptest finds it and shrinks the
//! counterexample to the smallest plan that shows the bug: one render group whose chain
//! holds no volume.
//!
//! Run: `cargo run --example first_volume_upstream --features proptest`
//! (`PROPTEST_CASES=5000` for the long run: about 15 s in debug builds, no failure of the
//! correct version).

use devtopo::strategies::{Size, system_plan};
use devtopo::{
    CLSCTX_ALL, ConnectorType, DeviceKind, GroupPlan, HResult, Part, PerChannelDbLevel, Result,
    SystemPlan, Unit,
};
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

/// The code under test: the first volume control upstream of a render endpoint.
pub(crate) fn first_volume_upstream(endpoint: &devtopo::Device) -> Result<Option<Part>> {
    let jack = endpoint.topology()?.connector(0)?.connected_to()?;
    let mut part = jack.as_part().clone();
    loop {
        if part.activate_as::<PerChannelDbLevel>(CLSCTX_ALL).is_ok() {
            return Ok(Some(part));
        }
        match part.parts_incoming() {
            Ok(list) => part = list.part(0)?,
            Err(e) if e.hresult() == HResult::E_NOTFOUND => {
                // The start of this filter's path (P9): cross a Software_Fixed connection,
                // stop at a host pin.
                let connector = part.as_connector()?;
                if connector.connector_type()? != ConnectorType::SoftwareFixed {
                    return Ok(None);
                }
                part = connector.connected_to()?.as_part().clone();
            }
            Err(e) => return Err(e),
        }
    }
}

/// The buggy version: never leaves the topology filter.
fn first_volume_in_filter(endpoint: &devtopo::Device) -> Result<Option<Part>> {
    let jack = endpoint.topology()?.connector(0)?.connected_to()?;
    let mut part = jack.as_part().clone();
    loop {
        if part.activate_as::<PerChannelDbLevel>(CLSCTX_ALL).is_ok() {
            return Ok(Some(part));
        }
        match part.parts_incoming() {
            Ok(list) => part = list.part(0)?,
            Err(_) => return Ok(None),
        }
    }
}

type Finder = fn(&devtopo::Device) -> Result<Option<Part>>;

/// Names a part for comparison: (device ID, local ID).
fn named(part: &Part) -> Result<(String, devtopo::LocalId)> {
    Ok((part.topology()?.device_id()?, part.local_id()?))
}

/// The property: for every render endpoint, `find` returns the volume the plan puts nearest
/// its jack: the last volume of the topology filter's chain, else the wave filter's volume.
/// Returns the mismatches.
fn mismatches(plan: &SystemPlan, find: Finder) -> Result<Vec<String>> {
    let system = plan.build()?;
    let mut wrong = Vec::new();
    for endpoint in system.devices() {
        if endpoint.kind()? != DeviceKind::RenderEndpoint {
            continue;
        }
        // Endpoints are named "Speakers (group)" by the plan.
        let name = endpoint.name()?;
        let group = name
            .rsplit_once('(')
            .and_then(|(_, g)| g.trim_end_matches(')').parse::<usize>().ok());
        let Some(GroupPlan::Render(render)) = group.and_then(|g| plan.groups.get(g)) else {
            wrong.push(format!("{name}: not a render group's endpoint"));
            continue;
        };
        let found = find(&endpoint)?.map(|p| named(&p)).transpose()?;
        // The plan's answer: a topology filter's subunits start with its chain; the wave
        // filter's volume follows its SUM when there is an offload pin.
        let topo = endpoint
            .topology()?
            .connector(0)?
            .connected_to()?
            .as_part()
            .topology()?;
        let expected = match render
            .chain
            .iter()
            .rposition(|u| matches!(u, Unit::Volume { .. }))
        {
            Some(i) => topo.subunit(i as u32)?.as_part().clone(),
            None => {
                let wave = topo.connector(0)?.connected_to()?.as_part().topology()?;
                wave.subunit(u32::from(render.offload))?.as_part().clone()
            }
        };
        let expected = named(&expected)?;
        if found.as_ref() != Some(&expected) {
            wrong.push(format!("{name}: found {found:?}, expected {expected:?}"));
        }
    }
    Ok(wrong)
}

fn check(plan: &SystemPlan, find: Finder) -> std::result::Result<(), TestCaseError> {
    match mismatches(plan, find) {
        Ok(wrong) if wrong.is_empty() => Ok(()),
        Ok(wrong) => Err(TestCaseError::fail(wrong.join("; "))),
        Err(e) => Err(TestCaseError::fail(e.to_string())),
    }
}

/// Runs both properties; returns the report it prints.
pub(crate) fn run() -> std::result::Result<String, String> {
    let config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let cases = config.cases;
    let mut out = String::new();
    let mut runner = TestRunner::new(config.clone());
    runner
        .run(&system_plan(Size::default()), |plan| {
            check(&plan, first_volume_upstream)
        })
        .map_err(|e| format!("first_volume_upstream failed: {e}"))?;
    out.push_str(&format!(
        "first_volume_upstream: {cases} generated systems, all correct\n"
    ));

    let mut runner = TestRunner::new(config);
    match runner.run(&system_plan(Size::default()), |plan| {
        check(&plan, first_volume_in_filter)
    }) {
        Err(TestError::Fail(reason, minimal)) => {
            out.push_str(&format!(
                "first_volume_in_filter: counterexample ({reason})\n{minimal:#?}\n"
            ));
        }
        other => return Err(format!("the buggy version was not caught: {other:?}")),
    }
    Ok(out)
}

#[allow(dead_code)]
fn main() {
    match run() {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
