//! Runs the MMDevice client examples (issue 7, item 7): Chromium's controller pairing (W7)
//! and ToothTray's Bluetooth reconnect (W9, Q8, Q9).

#[path = "../../examples/chromium_controller_id.rs"]
mod chromium_controller_id;
#[path = "../../examples/toothtray.rs"]
mod toothtray;

use devtopo::{DeviceState, KsRequestKind, fixtures, ks, ks_identifier};

/// W7, V10, V28, X57, V6: controller IDs come from the adapters' InstanceId; the
/// communications input pairs with the USB earphone, the hands-free mic with the hands-free
/// render endpoint; after a USB unplug nothing matches (B5).
#[test]
fn w7_chromium_get_matching_output_device_id() -> Result<(), Box<dyn std::error::Error>> {
    let out = chromium_controller_id::run()?;
    assert!(out.contains(
        "Headset Microphone (Logitech USB Headset): controller USB\\VID_046D&PID_0A8F&MI_00\\7&2D5C3E1&0&0000"
    ), "{out}");
    assert!(
        out.contains(&format!(
            "communications input -> output {}",
            fixtures::HEADSETS_USB_EARPHONE
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "hands-free input -> output {}",
            fixtures::HEADSETS_BT_HFP_RENDER
        )),
        "{out}"
    );
    assert!(
        out.contains("USB input after unplug -> output \"\""),
        "{out}"
    );
    Ok(())
}

/// W9, Q8, Q9, Q11, S22, B5: ToothTray groups the headset's two Bluetooth filters by
/// container ID, sends ONESHOT_RECONNECT (24-byte KSPROPERTY, GET, NULL/0) to each, and the
/// headset's endpoints are ACTIVE afterwards; the request log shows exactly that.
#[test]
fn w9_q8_q9_toothtray_reconnect() -> Result<(), Box<dyn std::error::Error>> {
    let (out, system) = toothtray::run()?;
    assert!(out.contains("Headphones (WH-1000XM4 Stereo) {9A8B7C6D-5E4F-4A3B-2C1D-0E9F8A7B6C5D}: 2 filter(s), disconnected"), "{out}");
    assert_eq!(out.matches(": 0x00000000").count(), 2, "{out}");
    assert!(out.trim_end().ends_with("now connected"), "{out}");
    for id in [
        fixtures::HEADSETS_BT_A2DP,
        fixtures::HEADSETS_BT_HFP_RENDER,
        fixtures::HEADSETS_BT_HFP_CAPTURE,
    ] {
        assert_eq!(system.device(id)?.state()?, DeviceState::Active, "{id}");
    }
    let expected = ks_identifier(
        ks::KSPROPSETID_BtAudio,
        ks::KSPROPERTY_ONESHOT_RECONNECT,
        ks::KSPROPERTY_TYPE_GET,
    );
    let mut filters = 0;
    for filter in system.devices() {
        if !filter.id()?.starts_with("{2}.\\\\?\\bth") {
            continue;
        }
        filters += 1;
        let log = system.hardware().ks_requests(&filter)?;
        assert_eq!(log.len(), 1, "one request per filter");
        let r = &log[0];
        assert_eq!(
            (r.kind, r.set, r.id, r.flags),
            (
                KsRequestKind::Property,
                Some(ks::KSPROPSETID_BtAudio),
                0,
                ks::KSPROPERTY_TYPE_GET
            )
        );
        assert_eq!(r.descriptor, expected);
        assert_eq!(r.descriptor.len(), 24);
        assert_eq!((r.data_capacity, r.result.0), (0, 0));
    }
    assert_eq!(filters, 2);
    Ok(())
}
