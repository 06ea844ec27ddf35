//! Runs the programs in `examples/` so they never rot (rust-csv style): each example's logic
//! is a `run()` function returning what it prints.

#[path = "../../examples/device_topologies.rs"]
mod device_topologies;
#[path = "../../examples/disconnect_rules.rs"]
mod disconnect_rules;

/// W1, W3: the walk reaches every part of the four-topology example, ends at the bus edge.
#[test]
fn w1_w3_device_topologies_example_walks_everything() -> Result<(), Box<dyn std::error::Error>> {
    let out = device_topologies::run()?;
    for expected in [
        "Endpoint Device A [capture]",
        "Endpoint Device B [capture]",
        "=> connected to Input Multiplexer Device",
        "0x00010001 connector \"Microphone\" In Physical_External KSNODETYPE_MICROPHONE",
        "0x00020006 subunit \"MUX\" KSNODETYPE_MUX",
        "=> connected to Wave Capture Device",
        "0x00020000 subunit \"ADC\" KSNODETYPE_ADC",
        "(end: Software_IO)",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert_eq!(out.matches("(end: Software_IO)").count(), 2);
    Ok(())
}

/// C3, C4, C6, C9: the example asserts each HRESULT itself; here we check what it printed.
#[test]
fn c6_disconnect_rules_example_prints_real_hresults() -> Result<(), Box<dyn std::error::Error>> {
    let out = disconnect_rules::run()?;
    assert!(out.contains("EPB.c0.Disconnect() again"));
    assert!(out.contains("E_NOTFOUND (0x80070490)"));
    assert!(out.contains("ERROR_FILE_READ_ONLY (0x80071779)"));
    assert!(out.contains("ERROR_DEVICE_ALREADY_ATTACHED (0x80070224)"));
    assert!(out.contains("ERROR_PATH_NOT_FOUND (0x80070003)"));
    assert_eq!(out.lines().count(), 12);
    Ok(())
}

#[path = "../../examples/first_volume_upstream.rs"]
mod first_volume_upstream;

/// Issue 10 item 4: the example property-tests a user function over generated topologies
/// (PROPTEST_CASES of them) and catches the buggy version with a one-group counterexample.
#[test]
fn first_volume_upstream_example_passes_and_catches_the_bug() -> Result<(), String> {
    let out = first_volume_upstream::run()?;
    assert!(out.contains("all correct"), "{out}");
    assert!(
        out.contains("first_volume_in_filter: counterexample"),
        "{out}"
    );
    assert_eq!(out.matches("Render(").count(), 1, "{out}");
    Ok(())
}
