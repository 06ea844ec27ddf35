//! Call recording (issue 10 item 2): off by default, what a record holds, the matcher API,
//! Display and serde. docs/faults-and-recording.md.

use std::sync::Arc;

use devtopo::Method::*;
use devtopo::*;

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

#[test]
fn off_by_default_and_start_stop() -> TestResult {
    let system = fixtures::four_topologies()?;
    let recorder = system.recorder();
    assert_eq!(recorder.mode(), RecordingMode::Off);
    system.device(fixtures::FOUR_EPB)?.id()?;
    assert!(recorder.record().is_empty());
    recorder.start();
    system.device(fixtures::FOUR_EPB)?.id()?;
    recorder.stop();
    system.device(fixtures::FOUR_EPB)?.id()?;
    let record = recorder.take();
    assert_eq!(record.len(), 2, "{record}");
    assert!(recorder.record().is_empty(), "take drains");
    recorder.start();
    system.device(fixtures::FOUR_EPB)?;
    // Sequence numbers go on after a take.
    assert_eq!(recorder.record().calls()[0].seq, 2);
    recorder.clear();
    assert!(recorder.record().is_empty());
    Ok(())
}

#[test]
fn a_record_holds_method_target_args_result_fault() -> TestResult {
    let system = fixtures::four_topologies()?;
    system.recorder().start();
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let fault = system
        .faults()
        .add(Fault::on(IConnector_Disconnect).fail(HResult::E_OUTOFMEMORY))?;
    let c3 = mux.connector(3)?;
    let _ = c3.disconnect();
    let _ = c3.disconnect();
    let _ = mux.connector(9);
    let record = system.recorder().take();
    let calls = record.calls();
    assert_eq!(calls.len(), 6, "{record}");
    let get = &calls[0];
    assert_eq!(get.method, IMMDeviceEnumerator_GetDevice);
    assert_eq!(get.target, Target::device(fixtures::FOUR_MUX));
    assert_eq!(
        get.arg("id"),
        Some(&ArgValue::Text(fixtures::FOUR_MUX.to_owned()))
    );
    assert_eq!(calls[1].method, IMMDevice_Activate);
    assert_eq!(
        calls[1].arg("iid"),
        Some(&ArgValue::Guid(guids::IID_IDeviceTopology))
    );
    assert_eq!(calls[2].arg("index"), Some(&ArgValue::Int(3)));
    let (faulted, refused) = (&calls[3], &calls[4]);
    assert_eq!(
        faulted.target,
        Target::part(fixtures::FOUR_MUX, LocalId(0x10003))
    );
    assert_eq!(
        (faulted.result, faulted.fault),
        (HResult::E_OUTOFMEMORY, Some(fault))
    );
    assert!(faulted.is_faulted());
    assert_eq!(
        (refused.result, refused.fault),
        (HResult::ERROR_FILE_READ_ONLY, None),
        "C6"
    );
    assert_eq!(calls[5].result, HResult::E_INVALIDARG, "T2");
    assert_eq!(
        faulted.to_string(),
        format!(
            "#3 IConnector::Disconnect on {}/0x00010003 -> E_OUTOFMEMORY (0x8007000e) [fault 0]",
            fixtures::FOUR_MUX
        )
    );
    assert_eq!(record.to_string().lines().count(), 6);
    Ok(())
}

#[test]
fn matchers_disconnect_once_never_connect_never_write() -> TestResult {
    let system = fixtures::four_topologies()?;
    system.recorder().start();
    let epb = system.device(fixtures::FOUR_EPB)?;
    let c = epb.topology()?.connector(0)?;
    c.disconnect()?;
    let _ = c.disconnect();
    epb.open_property_store(STGM_READ)?.count()?;
    let _ = epb.open_property_store(STGM_WRITE); // E_ACCESSDENIED: not elevated (V24)
    let record = system.recorder().record();
    record.assert(calls(IConnector_Disconnect).succeeding().once());
    record.assert(calls(IConnector_Disconnect).exactly(2));
    record.assert(
        calls(IConnector_Disconnect)
            .returning(HResult::E_NOTFOUND)
            .once(),
    );
    record.assert(calls(IConnector_ConnectTo).never());
    record.assert(
        calls(IMMDevice_OpenPropertyStore)
            .arg("access", StoreAccess::Read)
            .once(),
    );
    record.assert(
        calls(IMMDevice_OpenPropertyStore)
            .with_arg("access", ArgValue::is_write_access)
            .succeeding()
            .never(),
    );
    record.assert(any_call().at_device(fixtures::FOUR_EPB).at_least(6));
    record.assert(
        any_call()
            .at_part(fixtures::FOUR_EPB, LocalId(0x10000))
            .exactly(2),
    );
    record.assert(any_call().faulted().never());
    record.assert(any_call().failing().exactly(2));
    record.assert(any_call().with(|c| c.seq > 100).never());
    assert!(record.all_before(
        &calls(IConnector_Disconnect),
        &calls(IMMDevice_OpenPropertyStore)
    ));
    assert!(!record.all_before(
        &calls(IMMDevice_OpenPropertyStore),
        &calls(IConnector_Disconnect)
    ));
    assert_eq!(record.count(&calls(IConnector_Disconnect)), 2);
    // A failed expectation says what was expected, what matched and the record.
    let mismatch = record
        .check(&calls(IConnector_Disconnect).never())
        .unwrap_err();
    let text = mismatch.to_string();
    assert!(
        text.starts_with("expected IConnector::Disconnect never, found 2 matching:"),
        "{text}"
    );
    assert!(text.contains("-> E_NOTFOUND (0x80070490)"), "{text}");
    assert_eq!(mismatch.matched.len(), 2);
    let mismatch = record
        .check(&calls(IConnector_Disconnect).at_most(1))
        .unwrap_err();
    assert!(
        mismatch.expected.ends_with("at most 1 time"),
        "{}",
        mismatch.expected
    );
    Ok(())
}

#[test]
#[should_panic(expected = "expected IConnector::ConnectTo exactly 1 time, found 0")]
fn assert_panics_with_the_mismatch() {
    Record::default().assert(calls(IConnector_ConnectTo).once());
}

/// A call made from inside a callback gets a later sequence number than the call that
/// caused it, and the record stays in sequence order.
#[test]
fn n5_nested_calls_from_callbacks_are_in_sequence_order() -> TestResult {
    struct Reader(Part);
    impl ControlChangeNotify for Reader {
        fn on_notify(&self, _: u32, _: Option<Guid>) {
            let _ = self.0.name();
        }
    }
    let system = fixtures::four_topologies()?;
    let mute = system.find_part("Input Multiplexer Device/Mute (Mic)")?;
    mute.register_control_change_callback(guids::IID_IAudioMute, Arc::new(Reader(mute.clone())))?;
    let control = mute.activate_as::<AudioMute>(CLSCTX_ALL)?;
    system.recorder().start();
    control.set_mute(true, None)?;
    let record = system.recorder().take();
    let methods: Vec<_> = record.iter().map(|c| c.method).collect();
    assert_eq!(methods, [IAudioMute_SetMute, IPart_GetName]);
    assert_eq!(record.calls()[1].arg("muted"), None);
    assert_eq!(record.calls()[0].arg("muted"), Some(&ArgValue::Bool(true)));
    assert!(record.calls()[0].seq < record.calls()[1].seq);
    Ok(())
}

#[cfg(feature = "serde")]
#[test]
fn records_serialise() -> TestResult {
    let system = fixtures::four_topologies()?;
    system.recorder().start();
    let c = system
        .device(fixtures::FOUR_EPB)?
        .topology()?
        .connector(0)?;
    let mux = system
        .find_part("Input Multiplexer Device/Microphone")?
        .as_connector()?;
    c.disconnect()?;
    c.connect_to(&mux)?;
    let json = serde_json::to_value(system.recorder().record()).expect("serialises");
    let connect = &json[4];
    assert_eq!(connect["method"], "IConnector::ConnectTo");
    assert_eq!(connect["device"], fixtures::FOUR_EPB);
    assert_eq!(connect["local_id"], "0x00010000");
    assert_eq!(
        connect["args"]["other"],
        format!("{}/0x00010001", fixtures::FOUR_MUX)
    );
    assert_eq!(connect["result"], "S_OK");
    assert_eq!(connect["hresult"], "0x00000000");
    assert_eq!(connect["fault"], serde_json::Value::Null);
    let id = system.faults().add(Fault::on(IPart_GetName).always())?;
    let _ = c.as_part().name();
    let table = serde_json::to_value(system.faults().list()).expect("serialises");
    assert_eq!(table[0]["id"], id.0);
    assert_eq!(table[0]["fired"], 1);
    assert_eq!(
        table[0]["fault"],
        "IPart::GetName, always: fail with E_FAIL"
    );
    Ok(())
}
