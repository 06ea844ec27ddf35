//! Rules Q1-Q11, X61, X62: `IKsControl` on adapter devices.

use std::sync::Arc;

use devtopo::{
    HResult, KsRequest, KsRequestKind, fixtures, iids, ks, ks_identifier, ks_node_property,
};

type R = Result<(), Box<dyn std::error::Error>>;

fn hr<T: std::fmt::Debug>(r: devtopo::Result<T>) -> HResult {
    r.expect_err("expected a failure").hresult()
}

/// Q1, Q3, Q4, X61: a handler answers; size query (NULL, 0) and a short buffer are
/// ERROR_MORE_DATA carrying the size; unknown set, id and verb give 0x80070492, 0x80070490,
/// 0x80070001; a short descriptor E_INVALIDARG; every request is logged in order (Q11).
#[test]
fn q1_q3_q4_q7_q11_x61_property_protocol() -> R {
    let system = fixtures::sysvad_speaker()?;
    let adapter = system.device(fixtures::SYSVAD_SPEAKER_TOPO)?;
    let set = ks::KSPROPSETID_Audio;
    system.hardware().set_ks_handler(
        &adapter,
        KsRequestKind::Property,
        set,
        42,
        ks::KSPROPERTY_TYPE_GET,
        Arc::new(|_: &KsRequest| Ok(vec![1, 2, 3, 4])),
    )?;
    let ctl = adapter
        .activate(iids::IID_IKsControl, 0x17, None)?
        .into_ks_control()
        .ok_or("no IKsControl")?;
    let get = ks_identifier(set, 42, ks::KSPROPERTY_TYPE_GET);
    let e = ctl.ks_property(&get, None).unwrap_err();
    assert_eq!(e.hresult().bits(), 0x8007_00EA, "Q4");
    assert!(matches!(e, devtopo::Error::KsMoreData { needed: 4, .. }));
    let mut small = [0u8; 2];
    assert_eq!(
        hr(ctl.ks_property(&get, Some(&mut small))),
        HResult::ERROR_MORE_DATA,
        "X61"
    );
    let mut buf = [0u8; 8];
    assert_eq!(ctl.ks_property(&get, Some(&mut buf))?, 4);
    assert_eq!(&buf[..4], &[1, 2, 3, 4]);
    let unknown_set = ks_identifier(ks::KSPROPSETID_BtAudio, 0, ks::KSPROPERTY_TYPE_GET);
    assert_eq!(
        hr(ctl.ks_property(&unknown_set, None)).bits(),
        0x8007_0492,
        "X61"
    );
    let unknown_id = ks_identifier(set, 43, ks::KSPROPERTY_TYPE_GET);
    assert_eq!(
        hr(ctl.ks_property(&unknown_id, None)).bits(),
        0x8007_0490,
        "X61"
    );
    let unknown_verb = ks_identifier(set, 42, ks::KSPROPERTY_TYPE_SET);
    assert_eq!(
        hr(ctl.ks_property(&unknown_verb, Some(&mut buf))).bits(),
        0x8007_0001,
        "X61"
    );
    assert_eq!(hr(ctl.ks_property(&get[..20], None)), HResult::E_INVALIDARG);
    let log = system.hardware().ks_requests(&adapter)?;
    let results: Vec<u32> = log.iter().map(|r| r.result.bits()).collect();
    assert_eq!(
        results,
        [
            0x8007_00EA,
            0x8007_00EA,
            0,
            0x8007_0492,
            0x8007_0490,
            0x8007_0001,
            0x8007_0057
        ]
    );
    assert_eq!(log[2].data_capacity, 8);
    Ok(())
}

/// Q5: node properties address subunits by local ID & 0xFFFF; a NodeId naming no subunit
/// is E_INVALIDARG; the handler sees the node.
#[test]
fn q5_node_property() -> R {
    let system = fixtures::sysvad_speaker()?;
    let adapter = system.device(fixtures::SYSVAD_SPEAKER_WAVE)?;
    let topo = adapter.topology()?;
    let node = u32::from(topo.subunit(0)?.as_part().local_id()?.ks_id());
    system.hardware().set_ks_handler(
        &adapter,
        KsRequestKind::Property,
        ks::KSPROPSETID_Audio,
        ks::KSPROPERTY_AUDIO_BASS_BOOST,
        ks::KSPROPERTY_TYPE_GET,
        Arc::new(move |r: &KsRequest| {
            assert_eq!(r.node_id, Some(node));
            Ok(vec![1, 0, 0, 0])
        }),
    )?;
    let ctl = adapter
        .activate(iids::IID_IKsControl, 0x17, None)?
        .into_ks_control()
        .ok_or("no")?;
    let flags = ks::KSPROPERTY_TYPE_GET | ks::KSPROPERTY_TYPE_TOPOLOGY;
    let mut v = [0u8; 4];
    let d = ks_node_property(
        ks::KSPROPSETID_Audio,
        ks::KSPROPERTY_AUDIO_BASS_BOOST,
        flags,
        node,
    );
    assert_eq!(ctl.ks_property(&d, Some(&mut v))?, 4);
    let bad = ks_node_property(
        ks::KSPROPSETID_Audio,
        ks::KSPROPERTY_AUDIO_BASS_BOOST,
        flags,
        0xFFF,
    );
    assert_eq!(
        hr(ctl.ks_property(&bad, Some(&mut v))),
        HResult::E_INVALIDARG
    );
    let short = ks_identifier(
        ks::KSPROPSETID_Audio,
        ks::KSPROPERTY_AUDIO_BASS_BOOST,
        flags,
    );
    assert_eq!(
        hr(ctl.ks_property(&short, Some(&mut v))),
        HResult::E_INVALIDARG
    );
    Ok(())
}

/// Q6: KsMethod and KsEvent go through their own tables; KsEvent(NULL) is a disable,
/// logged with no set.
#[test]
fn q6_method_and_event() -> R {
    let system = fixtures::sysvad_speaker()?;
    let adapter = system.device(fixtures::SYSVAD_SPEAKER_TOPO)?;
    let set = devtopo::Guid::from_u128(0x1234);
    system.hardware().set_ks_handler(
        &adapter,
        KsRequestKind::Method,
        set,
        1,
        ks::KSMETHOD_TYPE_SEND,
        Arc::new(|r: &KsRequest| Ok(r.data.iter().rev().copied().collect())),
    )?;
    let ctl = adapter
        .activate(iids::IID_IKsControl, 0x17, None)?
        .into_ks_control()
        .ok_or("no")?;
    let mut data = [1u8, 2, 3];
    assert_eq!(
        ctl.ks_method(
            &ks_identifier(set, 1, ks::KSMETHOD_TYPE_SEND),
            Some(&mut data)
        )?,
        3
    );
    assert_eq!(data, [3, 2, 1]);
    // The same (set, id) as a property is not served.
    assert_eq!(
        hr(ctl.ks_property(&ks_identifier(set, 1, ks::KSMETHOD_TYPE_SEND), None)).bits(),
        0x8007_0492
    );
    let mut event_data = [0u8; 16];
    assert_eq!(
        hr(ctl.ks_event(None, Some(&mut event_data))).bits(),
        0x8007_0492
    );
    let log = system.hardware().ks_requests(&adapter)?;
    assert_eq!(
        log.last().map(|r| (r.kind, r.set)),
        Some((KsRequestKind::Event, None))
    );
    Ok(())
}

/// Q8, Q11: a Bluetooth reconnect handler (NULL-valued, Get only) with a side effect: the
/// request succeeds with 0 bytes, the test sees exactly what was sent.
#[test]
fn q8_q11_bt_reconnect_script() -> R {
    let system = fixtures::sysvad_speaker()?;
    let adapter = system.device(fixtures::SYSVAD_SPEAKER_TOPO)?;
    let endpoint = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    system.hardware().unplug(&endpoint)?;
    let s = system.clone();
    system.hardware().set_ks_handler(
        &adapter,
        KsRequestKind::Property,
        ks::KSPROPSETID_BtAudio,
        ks::KSPROPERTY_ONESHOT_RECONNECT,
        ks::KSPROPERTY_TYPE_GET,
        Arc::new(move |_: &KsRequest| {
            // Runs with no lock held: may change the system (Q8).
            let ep = s
                .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)
                .map_err(|e| e.hresult())?;
            s.hardware().plug(&ep).map_err(|e| e.hresult())?;
            Ok(Vec::new())
        }),
    )?;
    let ctl = adapter
        .activate(iids::IID_IKsControl, 0x17, None)?
        .into_ks_control()
        .ok_or("no")?;
    let req = ks_identifier(
        ks::KSPROPSETID_BtAudio,
        ks::KSPROPERTY_ONESHOT_RECONNECT,
        ks::KSPROPERTY_TYPE_GET,
    );
    assert_eq!(ctl.ks_property(&req, None)?, 0);
    assert_eq!(endpoint.state()?, devtopo::DeviceState::Active);
    let log = system.hardware().ks_requests(&adapter)?;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].descriptor, req);
    assert_eq!((log[0].id, log[0].data_capacity), (0, 0));
    Ok(())
}

/// Q1, Q10, X62: IKsControl belongs to adapters: an endpoint refuses it (X46), the
/// handler table refuses endpoints, and IPart::Activate(IID_IKsControl) is E_NOINTERFACE.
#[test]
fn q1_q10_x62_only_adapters() -> R {
    let system = fixtures::sysvad_speaker()?;
    let endpoint = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let e = system.hardware().set_ks_handler(
        &endpoint,
        KsRequestKind::Property,
        ks::KSPROPSETID_Audio,
        0,
        1,
        Arc::new(|_: &KsRequest| Ok(Vec::new())),
    );
    assert_eq!(hr(e), HResult::E_INVALIDARG);
    let part = system
        .device(fixtures::SYSVAD_SPEAKER_WAVE)?
        .topology()?
        .subunit(0)?;
    assert_eq!(
        hr(part.as_part().activate(0x17, iids::IID_IKsControl)),
        HResult::E_NOINTERFACE,
        "X62"
    );
    Ok(())
}

/// Q3, Q11 and the limits table: a descriptor of `MAX_KS_DESCRIPTOR_BYTES` and a data buffer
/// of `MAX_KS_DATA_BYTES` are served (and logged); one byte more is `E_INVALIDARG` naming the
/// limit, refused before the handler runs or the request is logged, for every method.
#[test]
fn q3_ks_buffers_at_and_over_their_limits() -> R {
    use devtopo::{MAX_KS_DATA_BYTES, MAX_KS_DESCRIPTOR_BYTES};
    let system = fixtures::sysvad_speaker()?;
    let adapter = system.device(fixtures::SYSVAD_SPEAKER_TOPO)?;
    let set = ks::KSPROPSETID_Audio;
    for kind in [KsRequestKind::Property, KsRequestKind::Method] {
        system.hardware().set_ks_handler(
            &adapter,
            kind,
            set,
            42,
            ks::KSPROPERTY_TYPE_GET,
            Arc::new(|_: &KsRequest| Ok(vec![7; 4])),
        )?;
    }
    let ctl = adapter
        .activate(iids::IID_IKsControl, 0x17, None)?
        .into_ks_control()
        .ok_or("no IKsControl")?;
    let mut descriptor = ks_identifier(set, 42, ks::KSPROPERTY_TYPE_GET);
    descriptor.resize(MAX_KS_DESCRIPTOR_BYTES, 0);
    let mut data = vec![0u8; MAX_KS_DATA_BYTES];
    assert_eq!(
        ctl.ks_property(&descriptor, Some(&mut data))?,
        4,
        "at both limits"
    );
    assert_eq!(ctl.ks_method(&descriptor, Some(&mut data))?, 4);
    let logged = system.hardware().ks_requests(&adapter)?.len();
    assert_eq!(logged, 2);

    let mut long = descriptor.clone();
    long.push(0);
    let mut big = vec![0u8; MAX_KS_DATA_BYTES + 1];
    let cases: [(&str, devtopo::Result<u32>); 5] = [
        (
            "max_ks_descriptor_bytes = 4096",
            ctl.ks_property(&long, Some(&mut data)),
        ),
        ("max_ks_descriptor_bytes = 4096", ctl.ks_method(&long, None)),
        (
            "max_ks_descriptor_bytes = 4096",
            ctl.ks_event(Some(&long), None),
        ),
        (
            "max_ks_data_bytes = 1048576",
            ctl.ks_property(&descriptor, Some(&mut big)),
        ),
        (
            "max_ks_data_bytes = 1048576",
            ctl.ks_event(None, Some(&mut big)),
        ),
    ];
    for (limit, result) in cases {
        let e = result.expect_err("over the limit");
        assert_eq!(e.hresult(), HResult::E_INVALIDARG);
        assert!(matches!(e, devtopo::Error::KsLimit { .. }));
        assert!(e.to_string().contains(limit), "{e}");
    }
    assert_eq!(
        system.hardware().ks_requests(&adapter)?.len(),
        logged,
        "refused requests are not logged"
    );
    Ok(())
}
