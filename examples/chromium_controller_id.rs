//! Chromium's `GetAudioControllerID` and `GetMatchingOutputDeviceID` (rule W7, old
//! `media/audio/win/core_audio_util_win.cc`), transcribed call by call onto devtopo, on the
//! bundled headsets topology: the controller of an endpoint is the `PKEY_Device_InstanceId`
//! of the adapter its connector 0 leads to (V10, V28, X57), and a capture device's matching
//! output is the ACTIVE render endpoint on the same controller. The "communications" input is
//! the eCommunications default (V6).
//!
//! Run with `cargo run --example chromium_controller_id`.

use std::error::Error;
use std::fmt::Write;

use devtopo::*;

/// `GetAudioControllerID(IMMDevice*, IMMDeviceEnumerator*)`: endpoint -> Activate
/// IDeviceTopology (CLSCTX_INPROC_SERVER) -> GetConnector(0) -> GetDeviceIdConnectedTo ->
/// GetDevice -> OpenPropertyStore(STGM_READ) -> PKEY_Device_InstanceId, which must be
/// VT_LPWSTR (S38); any failure gives an empty ID.
fn get_audio_controller_id(system: &System, device: &Device) -> String {
    let attempt = || -> devtopo::Result<String> {
        let topology = device
            .activate(guids::IID_IDeviceTopology, CLSCTX_INPROC_SERVER, None)?
            .into_topology()
            .ok_or(devtopo::Error::NotAnEndpoint {
                device: device.id()?.into(),
            })?;
        let connector = topology.connector(0)?;
        let filter_id = connector.device_id_connected_to()?;
        let filter = system.device(&filter_id)?;
        let store = filter.open_property_store(STGM_READ)?;
        Ok(match store.value(&pkey::PKEY_Device_InstanceId)? {
            PropVariant::Lpwstr(id) => id,
            _ => String::new(),
        })
    };
    attempt().unwrap_or_default()
}

/// `CreateDevice(id)`: "default" and "communications" name the default capture endpoint
/// for eConsole and eCommunications; Chromium then insists on `GetState` = ACTIVE (A10).
fn create_device(system: &System, id: &str, flow: EDataFlow) -> Option<Device> {
    let device = match id {
        "default" => system.default_endpoint(flow, ERole::Console).ok()?,
        "communications" => system.default_endpoint(flow, ERole::Communications).ok()?,
        id => system.device(id).ok()?,
    };
    (device.state().ok()? == DeviceState::Active).then_some(device)
}

/// `GetMatchingOutputDeviceID(input_device_id)`: the first ACTIVE render endpoint whose
/// controller ID equals the input's; empty when none.
fn get_matching_output_device_id(system: &System, input_id: &str) -> String {
    let Some(input) = create_device(system, input_id, EDataFlow::Capture) else {
        return String::new();
    };
    let controller = get_audio_controller_id(system, &input);
    if controller.is_empty() {
        return String::new();
    }
    let Ok(outputs) = system.enum_audio_endpoints(EDataFlow::Render, DeviceState::Active.value())
    else {
        return String::new();
    };
    for i in 0..outputs.count().unwrap_or(0) {
        if let Ok(output) = outputs.item(i) {
            if get_audio_controller_id(system, &output) == controller {
                return output.id().unwrap_or_default();
            }
        }
    }
    String::new()
}

/// The example: controller IDs of every ACTIVE endpoint, then the matching outputs of the
/// "communications" input and of the Bluetooth hands-free microphone, then the same after the
/// USB headset is unplugged (no match: its endpoints are NOTPRESENT, B5).
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::headsets()?;
    let mut out = String::new();
    for device in system.endpoints(EDataFlow::All, DeviceState::Active.value())? {
        let name = device
            .open_property_store(STGM_READ)?
            .value(&pkey::PKEY_Device_FriendlyName)?;
        writeln!(
            out,
            "{}: controller {}",
            name.as_str().unwrap_or("?"),
            get_audio_controller_id(&system, &device)
        )?;
    }
    let matching = get_matching_output_device_id(&system, "communications");
    writeln!(out, "communications input -> output {matching}")?;
    let bt_mic = get_matching_output_device_id(&system, fixtures::HEADSETS_BT_HFP_CAPTURE);
    writeln!(out, "hands-free input -> output {bt_mic}")?;
    system
        .hardware()
        .remove(&system.device(fixtures::HEADSETS_USB_FILTER)?)?;
    let after = get_matching_output_device_id(&system, fixtures::HEADSETS_USB_MIC);
    writeln!(out, "USB input after unplug -> output {after:?}")?;
    Ok(out)
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
