//! The `proptest` strategies (issue 10 item 4) and the event log over arbitrary operations
//! (item 3, X72): generated systems satisfy every builder and file rule, they are what the
//! plan says, they shrink to small plans, and over any operation sequence the event log is
//! deterministic and replays to the final state.

use devtopo::strategies::{Size, operations, system_plan};
use devtopo::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestError, TestRunner};

/// Every part reachable from `from` through links and connections, and whether a
/// `Software_IO` end is among them.
fn reaches_host(from: &Part) -> Result<bool> {
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![from.clone()];
    while let Some(part) = todo.pop() {
        if !seen.insert(part.global_id()?) {
            continue;
        }
        if let Ok(c) = part.as_connector() {
            if c.connector_type()? == ConnectorType::SoftwareIo {
                return Ok(true);
            }
            if let Ok(peer) = c.connected_to() {
                todo.push(peer.as_part().clone());
            }
        }
        for list in [part.parts_incoming(), part.parts_outgoing()]
            .into_iter()
            .flatten()
        {
            todo.extend(list.iter());
        }
    }
    Ok(false)
}

proptest! {
    #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

    /// Every plan builds (the builder checks every rule: R4 controls, E12 jacks, D15
    /// permanent links, X27 presence), has the part count it states, loads back from its
    /// topology file (the file checks again), and binds each endpoint, through its jack and a
    /// Software_Fixed connection, to a Software_IO host pin (W1, D13).
    #[test]
    fn generated_systems_satisfy_the_builder_rules(plan in system_plan(Size::default())) {
        let system = plan.build().map_err(|e| TestCaseError::fail(format!("{plan:?}: {e}")))?;
        let parts: u32 = system.devices().iter()
            .map(|d| d.topology().and_then(|t| Ok(t.connector_count()? + t.subunit_count()?)))
            .sum::<Result<u32>>()?;
        prop_assert_eq!(parts as usize, plan.part_count());
        let text = system.to_toml_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = System::from_toml_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded.snapshot().devices.len(), system.snapshot().devices.len());
        for device in system.devices() {
            if device.kind()? == DeviceKind::Adapter {
                continue;
            }
            let own = device.topology()?.connector(0)?;
            prop_assert_eq!(own.connector_type()?, ConnectorType::PhysicalExternal);
            let jack = own.connected_to()?;
            prop_assert_eq!(jack.connector_type()?, ConnectorType::PhysicalExternal);
            prop_assert_eq!(jack.as_part().topology()?.device().kind()?, DeviceKind::Adapter);
            prop_assert!(reaches_host(jack.as_part())?, "{}", device.id()?);
        }
    }

    /// X72 over arbitrary sequences (API calls and hardware actions, failing ones included):
    /// two runs log the same events, and the log replays onto the first snapshot to the last
    /// (G5: a failed operation logs nothing, so it cannot disturb the replay).
    #[test]
    fn x72_event_log_is_deterministic_and_replays(
        (plan, ops) in system_plan(Size::groups(2)).prop_flat_map(|plan| {
            let system = plan.build().expect("plans build");
            (Just(plan), operations(&system, 0..40))
        })
    ) {
        let run = || -> Result<(Snapshot, Vec<Event>, Snapshot)> {
            let system = plan.build()?;
            system.set_event_logging(EventLogging::on());
            let start = system.snapshot();
            for op in &ops {
                let _ = op.apply(&system);
            }
            Ok((start, system.drain_events(), system.snapshot()))
        };
        let (mut replayed, log, end) = run()?;
        let (_, again, _) = run()?;
        prop_assert_eq!(&log, &again);
        for event in &log {
            replayed.apply(event);
        }
        prop_assert_eq!(replayed, end);
    }
}

/// A failing property shrinks to the smallest plan that fails: one group, one chain unit.
#[test]
fn failing_properties_shrink_to_small_plans() {
    let mut runner = TestRunner::new(Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    });
    // "No endpoint starts UNPLUGGED": false once a sensing jack is empty (X27).
    let result = runner.run(&system_plan(Size::default()), |plan| {
        let system = plan.build().expect("plans build");
        for device in system.devices() {
            prop_assert_ne!(device.state().expect("state"), DeviceState::Unplugged);
        }
        Ok(())
    });
    let Err(TestError::Fail(_, minimal)) = result else {
        panic!("the property should fail: {result:?}");
    };
    assert_eq!(minimal.groups.len(), 1, "{minimal:#?}");
    let (chain, jacks) = match &minimal.groups[0] {
        GroupPlan::Render(r) => (r.chain.clone(), vec![Some(&r.output), r.line_in.as_ref()]),
        GroupPlan::Capture(c) => (c.chain.clone(), vec![Some(&c.mic), c.line_in.as_ref()]),
        GroupPlan::Chain { .. } => panic!("a loose chain has no endpoint: {minimal:#?}"),
    };
    assert_eq!(chain, [Unit::Volume { channels: 1 }], "{minimal:#?}");
    let unplugged = jacks
        .iter()
        .flatten()
        .filter(|j| j.presence == Presence::Unplugged || j.state == EndpointState::Unplugged)
        .count();
    assert_eq!(unplugged, 1, "{minimal:#?}");
}

/// `devtopo::plan` (the seeded generator's plan) and the strategies' plans build the same way.
#[test]
fn seeded_plans_are_plans() -> Result<()> {
    let plan = devtopo::plan(500, 9);
    assert_eq!(plan.part_count(), 500);
    assert_eq!(plan.build()?.snapshot(), generate(500, 9)?.snapshot());
    Ok(())
}

/// The system the fault strategies draw over, and a fresh copy of it per case.
fn fault_system() -> System {
    devtopo::plan(60, 1).build().expect("the plan builds")
}

proptest! {
    #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

    /// Issue 10 item 4, X71, G5: every drawn fault is accepted by the table; under arbitrary
    /// faults, arbitrary operations never panic, and an operation a failing fault refused
    /// (`Error::Injected` from an `Action::Fail`) changed nothing.
    #[test]
    fn x71_g5_arbitrary_faults_are_accepted_and_refused_calls_change_nothing(
        (drawn, ops) in {
            let system = fault_system();
            (devtopo::strategies::faults(&system, 0..4), operations(&system, 1..12))
        }
    ) {
        let system = fault_system();
        for fault in &drawn {
            prop_assert!(system.faults().add(fault.clone()).is_ok(), "{fault:?}");
        }
        prop_assert_eq!(system.faults().list().len(), drawn.len());
        for op in &ops {
            let before = system.snapshot();
            if let Err(Error::Injected { fault, .. }) = op.apply(&system) {
                let status = system.faults().status(fault).expect("listed");
                if matches!(status.fault.action(), Action::Fail(_)) {
                    prop_assert_eq!(&system.snapshot(), &before, "G5: {} changed the system", op);
                }
            }
        }
    }
}
