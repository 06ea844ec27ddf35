//! Rules V1-V28 and X36-X46: `IMMDeviceEnumerator`, `IMMDeviceCollection`, `IMMDevice`,
//! `IMMEndpoint` through their Rust homes on `System` and `Device`.

use devtopo::{
    Activated, DeviceState, EDataFlow, ERole, HResult, PropVariant, STGM_READ, fixtures, guids,
    iids,
};

type R = Result<(), Box<dyn std::error::Error>>;

fn hr<T: std::fmt::Debug>(r: devtopo::Result<T>) -> HResult {
    r.expect_err("expected a failure").hresult()
}

/// V1, V2, V3, D7: flows, masks, adapters never listed; the flow argument's range check.
#[test]
fn v1_v2_v3_enum_audio_endpoints() -> R {
    let system = fixtures::sysvad()?;
    let all = system.enum_audio_endpoints(EDataFlow::All, DeviceState::MASK_ALL)?;
    assert_eq!(all.count()?, 4, "V3: adapters are never enumerated");
    for d in all.iter() {
        assert!(d.kind()?.is_endpoint());
    }
    let render = system.enum_audio_endpoints(EDataFlow::Render, DeviceState::Active.value())?;
    assert_eq!(render.count()?, 2);
    assert_eq!(
        hr(system.enum_audio_endpoints(EDataFlow::All, 0x10)),
        HResult::E_INVALIDARG
    );
    assert_eq!(hr(EDataFlow::from_arg(0xFFFF)), HResult::E_INVALIDARG);
    assert_eq!(EDataFlow::from_arg(2)?, EDataFlow::All);
    assert_eq!(
        system.enum_audio_endpoints(EDataFlow::All, 0)?.count()?,
        0,
        "X25"
    );
    Ok(())
}

/// V16, V17, X41: Item past the end is E_INVALIDARG; a collection is a snapshot in creation
/// order; an item's ID round-trips through GetDevice (V9).
#[test]
fn v16_v17_x41_collection_snapshot() -> R {
    let system = fixtures::sysvad()?;
    let c = system.enum_audio_endpoints(EDataFlow::All, DeviceState::Active.value())?;
    let n = c.count()?;
    assert_eq!(hr(c.item(n)), HResult::E_INVALIDARG);
    let first = c.item(0)?;
    assert_eq!(system.device(&first.id()?)?, first, "V9 round trip");
    system.hardware().disable(&first)?;
    assert_eq!(c.count()?, n, "X41: a snapshot");
    assert_eq!(
        system
            .enum_audio_endpoints(EDataFlow::All, DeviceState::Active.value())?
            .count()?,
        n - 1
    );
    let ids: Vec<String> = c.iter().map(|d| d.id().unwrap_or_default()).collect();
    let mut expected: Vec<String> = system
        .devices()
        .iter()
        .filter(|d| d.kind().is_ok_and(|k| k.is_endpoint()))
        .map(|d| d.id().unwrap_or_default())
        .collect();
    expected.retain(|id| ids.contains(id));
    assert_eq!(ids, expected, "X41: creation order");
    Ok(())
}

/// V4, V5, V6, X37, H29: every role of a flow with an ACTIVE endpoint succeeds; eAll and
/// role 3 are E_INVALIDARG; no ACTIVE endpoint is 0x80070490.
#[test]
fn v4_v5_v6_x37_default_endpoint_arguments() -> R {
    let system = fixtures::sysvad_speaker()?;
    for role in ERole::ALL {
        assert_eq!(
            system.default_endpoint(EDataFlow::Render, *role)?.id()?,
            fixtures::SYSVAD_SPEAKER_ENDPOINT,
            "V6: a lone endpoint holds every role"
        );
    }
    assert_eq!(
        hr(system.default_endpoint(EDataFlow::All, ERole::Console)),
        HResult::E_INVALIDARG
    );
    assert_eq!(hr(ERole::from_arg(3)), HResult::E_INVALIDARG);
    let none = system.default_endpoint(EDataFlow::Capture, ERole::Console);
    assert_eq!(hr(none).bits(), 0x8007_0490, "V5, H29");
    Ok(())
}

/// V7, X38: with no chosen default, render Speakers outrank HDMI whatever the order; the
/// user's choice (Hardware::set_default_endpoint) wins per role while ACTIVE, and the role
/// moves back when it leaves ACTIVE (B10).
#[test]
fn v7_x38_b10_default_election() -> R {
    let system = fixtures::sysvad()?;
    let speaker = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let hdmi = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    assert_eq!(
        system.default_endpoint(EDataFlow::Render, ERole::Console)?,
        speaker,
        "V7"
    );
    system
        .hardware()
        .set_default_endpoint(&hdmi, ERole::Communications)?;
    assert_eq!(
        system.default_endpoint(EDataFlow::Render, ERole::Communications)?,
        hdmi
    );
    assert_eq!(
        system.default_endpoint(EDataFlow::Render, ERole::Console)?,
        speaker,
        "X38: roles differ"
    );
    system.hardware().disable(&hdmi)?;
    assert_eq!(
        system.default_endpoint(EDataFlow::Render, ERole::Communications)?,
        speaker,
        "B10"
    );
    system.hardware().enable(&hdmi)?;
    assert_eq!(
        system.default_endpoint(EDataFlow::Render, ERole::Communications)?,
        hdmi,
        "X38: the choice sticks"
    );
    assert_eq!(
        hr(system.hardware().set_default_endpoint(
            &system.device(fixtures::SYSVAD_SPEAKER_TOPO)?,
            ERole::Console
        )),
        HResult::E_INVALIDARG
    );
    Ok(())
}

/// V8, V9, V10, X39: GetDevice for endpoint and adapter IDs; a malformed string is
/// E_INVALIDARG, a well-formed unknown ID E_NOTFOUND; the lookup is case-sensitive.
#[test]
fn v8_v9_v10_x39_get_device() -> R {
    let system = fixtures::sysvad_speaker()?;
    assert!(system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT).is_ok());
    let adapter = system.device(fixtures::SYSVAD_SPEAKER_TOPO)?;
    assert!(!adapter.kind()?.is_endpoint(), "V10");
    assert_eq!(hr(system.device("notadevice")), HResult::E_INVALIDARG, "V9");
    assert_eq!(hr(system.device("")), HResult::E_INVALIDARG);
    assert_eq!(
        hr(system.device("{0.0.0.00000000}.{00000000-0000-0000-0000-000000000000}")),
        HResult::E_NOTFOUND
    );
    assert_eq!(hr(system.device("{2}.\\\\?\\nothing")), HResult::E_NOTFOUND);
    assert_eq!(
        hr(system.device(&fixtures::SYSVAD_SPEAKER_ENDPOINT.to_uppercase())),
        HResult::E_NOTFOUND,
        "X39: case-sensitive"
    );
    Ok(())
}

/// V18, V19, V20, V21, V22, X42, X45, X46: Activate's IIDs, parameters and contexts.
#[test]
fn v18_v22_x42_x46_activate() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let ep = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let adapter = system.device(fixtures::SYSVAD_HDMI_TOPO)?;
    for clsctx in [0x17, 0x1, 0x4, 0] {
        assert!(
            matches!(
                ep.activate(guids::IID_IDeviceTopology, clsctx, None)?,
                Activated::DeviceTopology(_)
            ),
            "X42"
        );
    }
    assert_eq!(
        hr(ep.activate(guids::IID_IDeviceTopology, 0x17, Some(&PropVariant::Empty))),
        HResult::E_INVALIDARG,
        "V19"
    );
    assert_eq!(
        hr(ep.activate(iids::IID_IKsControl, 0x17, None)),
        HResult::E_NOINTERFACE,
        "X46"
    );
    for iid in [
        iids::IID_IAudioClient,
        iids::IID_IAudioEndpointVolume,
        iids::IID_IAudioMeterInformation,
    ] {
        assert_eq!(
            hr(ep.activate(iid, 0x17, None)),
            HResult::E_NOINTERFACE,
            "V22"
        );
    }
    assert!(
        adapter
            .activate(iids::IID_IKsControl, 0x17, None)?
            .into_ks_control()
            .is_some(),
        "V10"
    );
    let t = adapter
        .activate(guids::IID_IDeviceTopology, 0x17, None)?
        .into_topology();
    assert_eq!(
        t.map(|t| t.device_id()).transpose()?,
        Some(fixtures::SYSVAD_HDMI_TOPO.to_owned()),
        "X45"
    );
    // V21: every state.
    for state in [
        DeviceState::Disabled,
        DeviceState::NotPresent,
        DeviceState::Unplugged,
    ] {
        ep.set_state(state)?;
        assert!(ep.activate(guids::IID_IDeviceTopology, 0x17, None).is_ok());
    }
    system.remove_device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    assert_eq!(
        hr(ep.activate(guids::IID_IDeviceTopology, 0x17, None)),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED,
        "V18, B8"
    );
    Ok(())
}

/// V23, V24, X43, X44: store modes; writing needs an elevated user.
#[test]
fn v23_v24_x43_x44_open_property_store() -> R {
    let system = fixtures::sysvad_speaker()?;
    let ep = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    assert_eq!(hr(ep.open_property_store(3)), HResult::E_INVALIDARG, "V23");
    assert_eq!(
        hr(ep.open_property_store(0x10)),
        HResult::E_INVALIDARG,
        "X43: STGM_SHARE bits"
    );
    assert!(ep.open_property_store(STGM_READ).is_ok());
    assert!(!system.elevated());
    for mode in [1, 2] {
        assert_eq!(
            hr(ep.open_property_store(mode)),
            HResult::E_ACCESSDENIED,
            "V24, X44"
        );
    }
    system.set_elevated(true);
    assert!(ep.open_property_store(2).is_ok());
    Ok(())
}

/// V25, V26, V27, X45: GetId, GetState (one E5 bit), GetDataFlow; an adapter has no IMMEndpoint.
#[test]
fn v25_v26_v27_x45_device_and_endpoint() -> R {
    let system = fixtures::sysvad()?;
    for d in system.devices() {
        let state = d.state()?.value();
        assert_eq!(state.count_ones(), 1, "V26");
        match d.kind()? {
            devtopo::DeviceKind::RenderEndpoint => assert_eq!(d.data_flow()?, EDataFlow::Render),
            devtopo::DeviceKind::CaptureEndpoint => assert_eq!(d.data_flow()?, EDataFlow::Capture),
            devtopo::DeviceKind::Adapter => {
                assert_eq!(hr(d.data_flow()), HResult::E_NOINTERFACE, "X45")
            }
        }
        assert_eq!(system.device(&d.id()?)?, d, "V25");
    }
    Ok(())
}

/// V28, X57: an adapter store holds InstanceId (VT_LPWSTR) derived from the adapter ID.
#[test]
fn v28_x57_adapter_instance_id() -> R {
    let system = fixtures::real_hda_lineout()?;
    let adapter = system.device(fixtures::REAL_HDA_TOPO)?;
    let store = adapter.open_property_store(STGM_READ)?;
    let id = store.value(&devtopo::pkey::PKEY_Device_InstanceId)?;
    assert_eq!(
        id.as_str(),
        Some("HDAUDIO\\FUNC_01&VEN_10EC&DEV_0262&SUBSYS_103C1309&REV_1002\\4&12F2DD06&0&0001")
    );
    Ok(())
}
