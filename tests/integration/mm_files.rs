//! Topology files for the MMDevice layer (S13, X38): `[device.properties]` and `default_for`,
//! their located errors, and `save` writing them back.

use devtopo::file::{Format, parse};
use devtopo::{EDataFlow, ERole, PropVariant, STGM_READ, System, guids, pkey};

type R = Result<(), Box<dyn std::error::Error>>;

const FILE: &str = r#"[[device]]
id = "{0.0.1.00000000}.{00000000-0000-0000-0000-0000000000a1}"
name = "Mic"
kind = "capture"
default_for = ["eCommunications"]

[device.properties]
PKEY_Device_DeviceDesc = "Headset Microphone"
DEVPKEY_Device_ContainerId = "{11111111-2222-3333-4444-555555555555}"
"{B3F8FA53-0004-438E-9003-51A46E139BFC},2" = "{1}.USB\\VID_046D&PID_0A8F\\5&1A2B"
PKEY_AudioEngine_DeviceFormat = "fe ff 02 00"
"{B3F8FA53-0004-438E-9003-51A46E139BFC},99" = { type = "VT_BOOL", value = true }

[[device.connector]]
flow = "Out"
type = "Physical_External"
subtype = "KSNODETYPE_HEADSET"

[[device]]
id = '{2}.\\?\usb#vid_046d&pid_0a8f#5&1a2b#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\topo'
name = "USB Headset"
kind = "adapter"

[[device.connector]]
name = "Headset Mic"
flow = "In"
type = "Physical_External"
subtype = "KSNODETYPE_HEADSET"

[[connection]]
a = "Mic/0x10000"
b = "USB Headset/Headset Mic"
"#;

const MIC: &str = "{0.0.1.00000000}.{00000000-0000-0000-0000-0000000000a1}";

/// S13, S22, S12, S21, X38: typed values by name, by DEVPKEY alias and by `{fmtid},pid`;
/// derivations fill what the file leaves out; `default_for` chooses the role.
#[test]
fn s13_x38_file_properties_and_defaults() -> R {
    let system = System::from_toml_str(FILE)?;
    let store = system.device(MIC)?.open_property_store(STGM_READ)?;
    assert_eq!(
        store.value(&pkey::PKEY_Device_ContainerId)?,
        PropVariant::Clsid("{11111111-2222-3333-4444-555555555555}".parse()?)
    );
    assert_eq!(
        store.value(&pkey::PKEY_AudioEngine_DeviceFormat)?,
        PropVariant::Blob(vec![0xfe, 0xff, 2, 0])
    );
    assert_eq!(
        store.value(&"{B3F8FA53-0004-438E-9003-51A46E139BFC},99".parse()?)?,
        PropVariant::Bool(true)
    );
    assert_eq!(
        store.value(&pkey::PKEY_Device_FriendlyName)?.as_str(),
        Some("Headset Microphone (USB Headset)"),
        "S12 over the file's DeviceDesc"
    );
    let first: Vec<_> = (0..5).map(|i| store.at(i)).collect::<Result<_, _>>()?;
    let mut sorted = first.clone();
    sorted.sort();
    assert_eq!(first, sorted, "X53: the file's values first, in key order");
    assert!(first.contains(&pkey::PKEY_Device_DeviceDesc));
    let adapter = system.device(
        "{2}.\\\\?\\usb#vid_046d&pid_0a8f#5&1a2b#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\\topo",
    )?;
    assert_eq!(
        adapter
            .open_property_store(STGM_READ)?
            .value(&pkey::PKEY_Device_InstanceId)?
            .as_str(),
        Some("USB\\VID_046D&PID_0A8F\\5&1A2B"),
        "X57"
    );
    assert_eq!(
        store.value(&pkey::PKEY_AudioEndpoint_FormFactor)?,
        PropVariant::Ui4(devtopo::EndpointFormFactor::Headset.value()),
        "S35"
    );
    let _ = guids::KSNODETYPE_HEADSET;
    assert_eq!(
        system
            .default_endpoint(EDataFlow::Capture, ERole::Communications)?
            .id()?,
        MIC
    );
    Ok(())
}

/// Save writes the file's values and choices, not the derived ones; the reload is equal.
#[test]
fn s13_save_round_trip() -> R {
    let system = System::from_toml_str(FILE)?;
    let text = system.to_toml_string()?;
    assert!(text.contains("[device.properties]"), "{text}");
    assert!(
        text.contains("PKEY_Device_ContainerId = \"{11111111-2222-3333-4444-555555555555}\""),
        "{text}"
    );
    assert!(
        text.contains("default_for = [\"eCommunications\"]"),
        "{text}"
    );
    assert!(
        !text.contains("PKEY_AudioEndpoint_JackSubType"),
        "derived keys are not written: {text}"
    );
    let again = System::from_toml_str(&text)?;
    assert_eq!(again.snapshot(), system.snapshot());
    let json = System::from_json_str(&system.to_json_string()?)?;
    assert_eq!(json.snapshot(), system.snapshot());
    Ok(())
}

/// Unknown key names and type mismatches are located errors naming the key.
#[test]
fn s13_file_property_errors_are_located() {
    let cases = [
        (
            "PKEY_Device_DeviceDesc = \"Headset Microphone\"",
            "PKEY_Nope = 1",
            "is not a property key",
        ),
        (
            "PKEY_Device_DeviceDesc = \"Headset Microphone\"",
            "PKEY_AudioEndpoint_FormFactor = \"Speakers\"",
            "PKEY_AudioEndpoint_FormFactor is VT_UI4, not a string",
        ),
        (
            "PKEY_Device_DeviceDesc = \"Headset Microphone\"",
            "PKEY_Device_ContainerId = \"not-a-guid\"",
            "is not a GUID",
        ),
        (
            "PKEY_Device_DeviceDesc = \"Headset Microphone\"",
            "PKEY_Device_DeviceDesc = { type = \"VT_UI4\", value = 1 }",
            "is VT_LPWSTR, not VT_UI4",
        ),
        (
            "PKEY_AudioEngine_DeviceFormat = \"fe ff 02 00\"",
            "PKEY_AudioEngine_DeviceFormat = \"xyz\"",
            "is not hex bytes",
        ),
        (
            "default_for = [\"eCommunications\"]",
            "default_for = [\"eSometimes\"]",
            "ERole",
        ),
    ];
    for (from, to, message) in cases {
        let text = FILE.replacen(from, to, 1);
        let errors = parse(&text, Format::Toml, "x.toml")
            .map(|_| ())
            .unwrap_err();
        let first = &errors[0];
        let shown = first.to_string();
        assert!(shown.contains(message), "{to}: {shown}");
        assert!(first.line > 1, "{to}: located: {shown}");
        assert!(first.path.starts_with("device[0]"), "{to}: {}", first.path);
    }
}
