//! `[[fault]]` in scenario files (docs/scenarios.md, docs/faults-and-recording.md): the
//! bundled scenario passes, faults reach the system, and bad tables are located errors.

use devtopo::file::{FileError, Format};
use devtopo::scenario::Scenario;
use devtopo::{FaultState, Method};

const FOUR: &str = include_str!("../../topologies/four-topologies.toml");

fn parse(text: &str) -> Result<Scenario, Vec<FileError>> {
    Scenario::parse(text, Format::Toml, "faults.toml", |_| {
        Ok((
            "four-topologies.toml".to_owned(),
            devtopo::file::parse(FOUR, Format::Toml, "four-topologies.toml")?,
        ))
    })
}

fn with_fault(table: &str) -> String {
    format!("topology = \"four.toml\"\n\n[[fault]]\n{table}\n")
}

#[test]
fn bundled_fault_scenario_passes() -> Result<(), String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/faults.toml");
    let mut scenario = Scenario::load(path.as_ref()).map_err(|e| e[0].to_string())?;
    assert_eq!(scenario.system().faults().list().len(), 3);
    let outcomes: Vec<_> = scenario.run().collect();
    assert_eq!(outcomes.len(), 7);
    for o in &outcomes {
        assert!(o.ok, "{}", o.line);
    }
    let table = scenario.system().faults().list();
    assert!(
        table.iter().all(|s| s.fired >= 1),
        "every declared fault fired: {table:?}"
    );
    assert_eq!(table[0].state, FaultState::Spent);
    Ok(())
}

#[test]
fn declared_faults_reach_the_system() -> Result<(), String> {
    let text = with_fault(
        "method = \"*\"\ndevice = \"Endpoint Device B\"\nnext = 2\nfail = \"AUDCLNT_E_DEVICE_INVALIDATED\"",
    );
    let scenario = parse(&text).map_err(|e| e[0].to_string())?;
    let list = scenario.system().faults().list();
    assert_eq!(list.len(), 1);
    let fault = &list[0].fault;
    assert_eq!(fault.method(), None);
    assert_eq!(
        fault.to_string(),
        format!(
            "any method at {}, the next 2 calls: fail with AUDCLNT_E_DEVICE_INVALIDATED",
            devtopo::fixtures::FOUR_EPB
        )
    );
    let text = with_fault(
        "method = \"IConnector::GetConnectedTo\"\npart = \"Endpoint Device B/0x10000\"\nhardware = \"UnplugJack\"\nhardware_target = \"Input Multiplexer Device/Microphone\"\njack = 0",
    );
    let scenario = parse(&text).map_err(|e| e[0].to_string())?;
    assert_eq!(
        scenario.system().faults().list()[0].fault.method(),
        Some(Method::IConnector_GetConnectedTo)
    );
    Ok(())
}

/// Each mistake is reported at its key, with line and column, and nothing runs.
#[test]
fn bad_fault_tables_are_located_errors() {
    let cases = [
        (
            "method = \"IConnector::Disconect\"",
            "fault[0].method",
            "not a COM method",
        ),
        (
            "method = \"IPart::GetName\"\npart = \"Nowhere/0x1\"",
            "fault[0].part",
            "Nowhere",
        ),
        (
            "method = \"IPart::GetName\"\ndevice = \"Nowhere\"",
            "fault[0].device",
            "Nowhere",
        ),
        (
            "method = \"IPart::GetName\"\ntrigger = \"twice\"",
            "fault[0].trigger",
            "unknown trigger",
        ),
        (
            "method = \"IPart::GetName\"\nnth = 0",
            "fault[0].nth",
            "counted from 1",
        ),
        (
            "method = \"IPart::GetName\"\nnth = 2\nnext = 2",
            "fault[0].next",
            "one of",
        ),
        (
            "method = \"IPart::GetName\"\nfail = \"E_NOPE\"",
            "fault[0].fail",
            "not an HRESULT",
        ),
        (
            "method = \"IPart::GetName\"\nfail = \"S_OK\"",
            "fault[0].fail",
            "success code",
        ),
        (
            "method = \"IPart::GetName\"\nhardware = \"Explode\"",
            "fault[0].hardware",
            "unknown hardware",
        ),
        (
            "method = \"IPart::GetName\"\nhardware = \"Remove\"",
            "fault[0].hardware",
            "needs a device",
        ),
        (
            "method = \"IPart::GetName\"\njack = 1",
            "fault[0].jack",
            "need `hardware`",
        ),
        (
            "method = \"IPart::GetName\"\ndevice = \"Endpoint Device B\"\nhardware = \"UnplugJack\"",
            "fault[0].hardware",
            "needs a connector",
        ),
    ];
    for (table, path, message) in cases {
        let errors = parse(&with_fault(table)).expect_err(table);
        assert_eq!(errors.len(), 1, "{table}");
        let e = &errors[0];
        assert_eq!(e.path, path, "{table}: {e}");
        assert!(e.to_string().contains(message), "{table}: {e}");
        assert!(e.line >= 4, "{table}: {e}");
    }
    // An unknown key is a schema error naming the key.
    let errors = parse(&with_fault("method = \"IPart::GetName\"\nwhen = 3")).expect_err("when");
    assert!(errors[0].to_string().contains("when"), "{}", errors[0]);
}

/// The `[[fault]]` snippet of docs/faults-and-recording.md parses as written.
#[test]
fn the_guide_snippet_parses() -> Result<(), String> {
    let guide = include_str!("../../docs/faults-and-recording.md");
    let snippet = guide
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .ok_or("no toml block")?;
    let scenario =
        parse(&format!("topology = \"four.toml\"\n{snippet}")).map_err(|e| e[0].to_string())?;
    assert_eq!(scenario.system().faults().list().len(), 1);
    Ok(())
}
