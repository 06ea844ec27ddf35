//! README.md's Rust examples are real: each ```rust block of README.md appears, line for
//! line, in this file, whose tests run it (issue 13, item 11).

use devtopo::*;

/// The code under test: the first volume control from a capture endpoint toward the bus.
fn mic_volume(endpoint: &Device) -> Result<Option<(Part, PerChannelDbLevel)>> {
    let jack = endpoint.topology()?.connector(0)?.connected_to()?;
    let mut part = jack.as_part().clone();
    loop {
        if let Ok(volume) = part.activate_as::<PerChannelDbLevel>(CLSCTX_ALL) {
            return Ok(Some((part, volume)));
        }
        match part.parts_outgoing() {
            Ok(next) => part = next.part(0)?,
            Err(e) if e.hresult() == HResult::E_NOTFOUND => return Ok(None), // rule P9
            Err(e) => return Err(e),
        }
    }
}

#[test]
fn finds_the_mic_volume() -> devtopo::Result<()> {
    let system = fixtures::four_topologies()?; // the "Device Topologies" page's example
    let (part, volume) = mic_volume(&system.device(fixtures::FOUR_EPB)?)?.expect("a volume");
    assert_eq!(part.name()?, "Vol (Mic)");
    volume.set_level_uniform(-12.0, None)?;
    assert_eq!(volume.level(0)?, -12.0);
    Ok(())
}

#[test]
fn readme_faults() -> devtopo::Result<()> {
    let system = fixtures::sysvad_hdmi()?;
    let hdmi = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let jack = hdmi.topology()?.connector(0)?.connected_to()?;
    system.hardware().unplug_jack(&jack, 0)?;
    assert_eq!(hdmi.state()?, DeviceState::Unplugged); // X27
    let err = jack.connected_to().unwrap_err();
    assert_eq!(err.hresult(), HResult::ERROR_PATH_NOT_FOUND); // C9
    Ok(())
}

#[test]
fn readme_toolkit() -> devtopo::Result<()> {
    let system = fixtures::four_topologies()?;
    let oom = Fault::on(Method::IPart_EnumPartsOutgoing).fail(HResult::E_OUTOFMEMORY);
    system.faults().add(oom)?;
    system.recorder().start();
    let epb = system.device(fixtures::FOUR_EPB)?;
    let jack = epb.topology()?.connector(0)?.connected_to()?;
    let err = jack.as_part().parts_outgoing().unwrap_err();
    assert_eq!(err.hresult(), HResult::E_OUTOFMEMORY);
    let record = system.recorder().take();
    record.assert(calls(Method::IPart_EnumPartsOutgoing).faulted().once());
    record.assert(calls(Method::IConnector_Disconnect).never());
    Ok(())
}

#[test]
fn readme_endpoints() -> devtopo::Result<()> {
    let system = fixtures::headsets()?; // speakers, a USB headset, a Bluetooth headset
    let hw = system.hardware();
    let usb = system.device(fixtures::HEADSETS_USB_EARPHONE)?;
    hw.set_default_endpoint(&usb, ERole::Console)?;
    let log = EndpointEventLog::new(); // an IMMNotificationClient that records
    system.register_endpoint_notification_callback(log.clone())?;
    hw.remove(&system.device(fixtures::HEADSETS_USB_FILTER)?)?; // pulled out (B4, B5)
    assert_eq!(usb.state()?, DeviceState::NotPresent);
    let now = system.default_endpoint(EDataFlow::Render, ERole::Console)?;
    assert_ne!(now.id()?, usb.id()?); // the role moved (B10) ...
    let moved = |e: &EndpointEvent| matches!(e, EndpointEvent::DefaultChanged { .. });
    assert!(log.events().iter().any(moved)); // ... and the sink heard it (Y9)
    let name = now.open_property_store(STGM_READ)?;
    let name = name.value(&pkey::PKEY_Device_FriendlyName)?;
    assert!(matches!(name, PropVariant::Lpwstr(_)));
    Ok(())
}

/// Every ```rust block of README.md is in this file, its lines in order.
#[test]
fn readme_rust_blocks_are_tested_here() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap_or_default();
    let here =
        std::fs::read_to_string(format!("{root}/tests/integration/readme.rs")).unwrap_or_default();
    let mine: Vec<&str> = here.lines().map(str::trim).collect();
    let mut blocks = 0;
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("```rust\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").unwrap_or(body.len());
        blocks += 1;
        let mut at = 0;
        for line in body[..end].lines().map(str::trim).filter(|l| !l.is_empty()) {
            match mine[at..].iter().position(|m| *m == line) {
                Some(i) => at += i + 1,
                None => panic!("README line not in tests/integration/readme.rs (in order): {line}"),
            }
        }
        rest = &body[end..];
    }
    assert_eq!(blocks, 4);
}

/// README.md shows exactly two set-up commands: the main job on a bundled example, then the
/// tests.
#[test]
fn readme_has_two_set_up_commands() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap_or_default();
    let setup = readme.split("## Set up").nth(1).unwrap_or("");
    let block = setup
        .split("```sh\n")
        .nth(1)
        .unwrap_or("")
        .split("```")
        .next()
        .unwrap_or("");
    let commands: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].starts_with("cargo run --release -- show topologies/"));
    assert!(commands[1].starts_with("cargo test"));
    for path in ["](src/", "](docs/", "](tests/", "](devtopo-com/"] {
        assert!(
            !readme.contains(path),
            "README links into a source path: {path}"
        );
    }
}
