//! Rules S1-S40 and X53-X60: property stores.

use devtopo::{
    EndpointEvent, EndpointEventLog, EndpointFormFactor, HResult, PropVariant, PropertyKey,
    STGM_READ, STGM_READWRITE, STGM_WRITE, fixtures, guids, pkey,
};

type R = Result<(), Box<dyn std::error::Error>>;

fn hr<T: std::fmt::Debug>(r: devtopo::Result<T>) -> HResult {
    r.expect_err("expected a failure").hresult()
}

/// S2, S3, S4, S12, S18-S20, X53: every endpoint has DeviceDesc, FriendlyName and the
/// adapter's name; FriendlyName = DeviceDesc + " (" + adapter + ")"; GetAt walks the keys;
/// past the end is E_INVALIDARG; an absent key is S_OK with VT_EMPTY.
#[test]
fn s2_s3_s4_s12_x53_endpoint_store() -> R {
    let system = fixtures::sysvad()?;
    for ep in system.endpoints(devtopo::EDataFlow::All, 0xF)? {
        let store = ep.open_property_store(STGM_READ)?;
        let n = store.count()?;
        assert!(n > 0, "S2");
        let keys: Vec<PropertyKey> = (0..n).map(|i| store.at(i)).collect::<Result<_, _>>()?;
        assert!(keys.contains(&pkey::PKEY_Device_DeviceDesc), "S3");
        assert!(keys.contains(&pkey::PKEY_Device_FriendlyName), "S3");
        assert_eq!(hr(store.at(n)), HResult::E_INVALIDARG, "X53");
        let desc = store.value(&pkey::PKEY_Device_DeviceDesc)?;
        let adapter = store.value(&pkey::PKEY_DeviceInterface_FriendlyName)?;
        let name = store.value(&pkey::PKEY_Device_FriendlyName)?;
        assert_eq!(
            name.as_str().map(str::to_owned),
            Some(format!(
                "{} ({})",
                desc.as_str().unwrap_or(""),
                adapter.as_str().unwrap_or("")
            )),
            "S12"
        );
        for absent in [
            pkey::DEVPKEY_DeviceInterface_Enabled,
            pkey::DEVPKEY_DeviceInterface_ClassGuid,
        ] {
            assert_eq!(store.value(&absent)?, PropVariant::Empty, "S4");
        }
    }
    Ok(())
}

/// S14, S35, S36, X58, X59: DeviceDesc "Speakers" for speakers; form factor from the bridge
/// pin category; Association and JackSubType are its braced upper-case GUID string.
#[test]
fn s14_s35_s36_x58_x59_derivations() -> R {
    let system = fixtures::sysvad()?;
    let cases = [
        (
            fixtures::SYSVAD_SPEAKER_ENDPOINT,
            EndpointFormFactor::Speakers,
        ),
        (
            fixtures::SYSVAD_HDMI_ENDPOINT,
            EndpointFormFactor::DigitalAudioDisplayDevice,
        ),
        (
            fixtures::SYSVAD_MICIN_ENDPOINT,
            EndpointFormFactor::Microphone,
        ),
        (
            fixtures::SYSVAD_MICARRAY1_ENDPOINT,
            EndpointFormFactor::Microphone,
        ),
    ];
    for (id, ff) in cases {
        let store = system.device(id)?.open_property_store(STGM_READ)?;
        assert_eq!(
            store.value(&pkey::PKEY_AudioEndpoint_FormFactor)?,
            PropVariant::Ui4(ff.value()),
            "S35 {id}"
        );
        let assoc = store.value(&pkey::PKEY_AudioEndpoint_Association)?;
        assert_eq!(
            assoc,
            store.value(&pkey::PKEY_AudioEndpoint_JackSubType)?,
            "X58"
        );
        let text = assoc.as_str().unwrap_or_default().to_owned();
        assert!(
            text.starts_with('{') && text == text.to_uppercase(),
            "X59: {text}"
        );
    }
    let speaker = system
        .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?
        .open_property_store(STGM_READ)?;
    assert_eq!(
        speaker.value(&pkey::PKEY_Device_DeviceDesc)?.as_str(),
        Some("Speakers"),
        "S14"
    );
    let hdmi = system
        .device(fixtures::SYSVAD_HDMI_ENDPOINT)?
        .open_property_store(STGM_READ)?;
    assert_eq!(
        hdmi.value(&pkey::PKEY_AudioEndpoint_JackSubType)?.as_str(),
        Some(guids::KSNODETYPE_HDMI_INTERFACE.to_string().as_str()),
        "S36"
    );
    Ok(())
}

/// S9, S27, S34, X67: AudioEndpoint_GUID is the GUID of the endpoint ID, braced upper case,
/// and read-only in every mode (E_ACCESSDENIED, not STG_E_ACCESSDENIED).
#[test]
fn s9_s34_x67_endpoint_guid_read_only() -> R {
    let system = fixtures::sysvad_speaker()?;
    system.set_elevated(true);
    let store = system
        .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?
        .open_property_store(STGM_READWRITE)?;
    let guid = store.value(&pkey::PKEY_AudioEndpoint_GUID)?;
    assert_eq!(
        guid.as_str(),
        Some("{5A5D1E00-0000-4000-8000-00000000B101}")
    );
    let before = system.snapshot();
    let e = store.set_value(
        &pkey::PKEY_AudioEndpoint_GUID,
        PropVariant::Lpwstr("x".into()),
    );
    assert_eq!(hr(e), HResult::E_ACCESSDENIED, "S9");
    assert_eq!(system.snapshot(), before, "G5");
    Ok(())
}

/// S1, S7, S10, S11, X55, X56: SetValue adds, replaces and (VT_EMPTY) removes, visible to
/// every instance at once; a READ store refuses SetValue (E_ACCESSDENIED) and Commit
/// (STG_E_ACCESSDENIED); a WRITE store refuses GetValue (STG_E_ACCESSDENIED); Commit is a
/// no-op after which the store still works; any VARTYPE is accepted.
#[test]
fn s1_s7_s10_s11_x55_x56_set_value_and_commit() -> R {
    let system = fixtures::sysvad_speaker()?;
    let ep = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let read = ep.open_property_store(STGM_READ)?;
    assert_eq!(
        hr(read.set_value(&pkey::PKEY_AudioEndpoint_Disable_SysFx, PropVariant::Ui4(1))),
        HResult::E_ACCESSDENIED,
        "S10"
    );
    assert_eq!(hr(read.commit()), HResult::STG_E_ACCESSDENIED, "X55");
    system.set_elevated(true);
    let write = ep.open_property_store(STGM_WRITE)?;
    assert_eq!(
        hr(write.value(&pkey::PKEY_Device_FriendlyName)),
        HResult::STG_E_ACCESSDENIED,
        "X55"
    );
    let key: PropertyKey = "{B3F8FA53-0004-438E-9003-51A46E139BFC},99".parse()?;
    let n = read.count()?;
    for value in [
        PropVariant::Ui4(7),
        PropVariant::Bool(true),
        PropVariant::Blob(vec![1, 2]),
        PropVariant::Clsid(guids::KSCATEGORY_AUDIO),
        PropVariant::I4(-1),
    ] {
        write.set_value(&key, value.clone())?;
        assert_eq!(
            read.value(&key)?,
            value,
            "S1, X56: one store, written at once"
        );
    }
    assert_eq!(read.count()?, n + 1, "S7");
    assert_eq!(read.at(n)?, key, "X53: insertion order");
    write.commit()?;
    write.set_value(&key, PropVariant::Empty)?;
    assert_eq!(
        read.value(&key)?,
        PropVariant::Empty,
        "S7: VT_EMPTY removes"
    );
    write.set_value(&key, PropVariant::Empty)?;
    assert_eq!(read.count()?, n);
    Ok(())
}

/// S12, S13, Y11: a rename of DeviceDesc (Mmsys.cpl, `Hardware::set_property`) makes the
/// derived FriendlyName follow, with one OnPropertyValueChanged per changed key.
#[test]
fn s12_s13_y11_rename_follows() -> R {
    let system = fixtures::sysvad_speaker()?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    let ep = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    system.hardware().set_property(
        &ep,
        pkey::PKEY_Device_DeviceDesc,
        PropVariant::Lpwstr("Desk".into()),
    )?;
    let store = ep.open_property_store(STGM_READ)?;
    let adapter = store.value(&pkey::PKEY_DeviceInterface_FriendlyName)?;
    assert_eq!(
        store
            .value(&pkey::PKEY_Device_FriendlyName)?
            .as_str()
            .map(str::to_owned),
        Some(format!("Desk ({})", adapter.as_str().unwrap_or("")))
    );
    let keys: Vec<PropertyKey> = log
        .take()
        .into_iter()
        .filter_map(|e| match e {
            EndpointEvent::PropertyChanged { key, .. } => Some(key),
            _ => None,
        })
        .collect();
    assert_eq!(
        keys,
        vec![pkey::PKEY_Device_DeviceDesc, pkey::PKEY_Device_FriendlyName]
    );
    Ok(())
}

/// S40, X60, B6: non-ACTIVE endpoints keep their whole store.
#[test]
fn s40_x60_b6_store_in_every_state() -> R {
    let system = fixtures::sysvad_speaker()?;
    let ep = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
    let before = ep.open_property_store(STGM_READ)?.entries()?;
    system
        .hardware()
        .remove(&system.device(fixtures::SYSVAD_SPEAKER_TOPO)?)?;
    assert_eq!(ep.state()?, devtopo::DeviceState::NotPresent);
    assert_eq!(ep.open_property_store(STGM_READ)?.entries()?, before);
    Ok(())
}

/// S15, S16, S17, S37, S38, S39, S5, S6, S8: what a Rust model cannot or need not express.
/// The rows of the decisions table say why; here the part that is expressible: values are
/// owned (S39), both key spellings parse (S17), and devtopo never returns
/// INPLACE_S_TRUNCATED (S6) since SetValue stores exactly what it was given.
#[test]
fn s6_s17_s39_owned_values_and_names() -> R {
    let k: PropertyKey = "DEVPKEY_Device_ContainerId".parse()?;
    assert_eq!(k, pkey::PKEY_Device_ContainerId);
    let system = fixtures::sysvad_speaker()?;
    system.set_elevated(true);
    let store = system
        .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?
        .open_property_store(STGM_READWRITE)?;
    let text = PropVariant::Lpwstr("  padded  ".into());
    store.set_value(
        &pkey::PKEY_AudioEndpoint_ControlPanelPageProvider,
        text.clone(),
    )?;
    assert_eq!(
        store.value(&pkey::PKEY_AudioEndpoint_ControlPanelPageProvider)?,
        text
    );
    Ok(())
}
