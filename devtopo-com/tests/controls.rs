//! Every control interface through COM, on a topology that has each of them: the getters
//! return what the Rust handles return, the setters land and notify (N5), and their failures
//! give the Rust API's HRESULT (K2-K13).

mod common;

use common::com::*;
use common::walk::activate;
use devtopo::{CLSCTX_ALL, ControlKind, HResult, LocalId, System};
use devtopo_com::*;
use windows_core::{HRESULT, Interface};

const DEVICE: &str = "{2}.controls";

const TOML: &str = r#"
[[device]]
id = "{2}.controls"
name = "Controls"
kind = "adapter"

[[device.connector]]
local_id = "0x10000"
name = "In"
flow = "In"
type = "Physical_Internal"

[[device.connector]]
local_id = "0x10001"
name = "Out A"
flow = "Out"
type = "Physical_Internal"

[[device.connector]]
local_id = "0x10002"
name = "Out B"
flow = "Out"
type = "Physical_Internal"

[[device.subunit]]
local_id = "0x20000"
name = "Tone"
subtype = "KSNODETYPE_TONE"
control = [
  { interface = "IAudioBass", min_db = -12.0, max_db = 12.0, step_db = 1.0, channels = 2, level_db = 0.0 },
  { interface = "IAudioMidrange", min_db = -12.0, max_db = 12.0, step_db = 1.0, channels = 2, level_db = 0.0 },
  { interface = "IAudioTreble", min_db = -12.0, max_db = 12.0, step_db = 1.0, channels = 2, level_db = 0.0 },
]

[[device.subunit]]
local_id = "0x20001"
name = "Loudness"
subtype = "KSNODETYPE_LOUDNESS"
control = [{ interface = "IAudioLoudness", enabled = false }]

[[device.subunit]]
local_id = "0x20002"
name = "AGC"
subtype = "KSNODETYPE_AGC"
control = [{ interface = "IAudioAutoGainControl", enabled = true }]

[[device.subunit]]
local_id = "0x20003"
name = "Peak"
subtype = "KSNODETYPE_PEAKMETER"
control = [{ interface = "IAudioPeakMeter", channels = 2 }]

[[device.subunit]]
local_id = "0x20004"
name = "Config"
subtype = "KSNODETYPE_DEV_SPECIFIC"
control = [
  { interface = "IAudioChannelConfig", channel_config = "0x3" },
  { interface = "IDeviceSpecificProperty", type = "VT_I4", value = 5, range = { min = 0, max = 10, step = 1 } },
]

[[device.subunit]]
local_id = "0x20005"
name = "Demux"
subtype = "KSNODETYPE_DEMUX"
control = [{ interface = "IAudioOutputSelector", selection = "Out A" }]

[[device.link]]
from = "In"
to = "Tone"
[[device.link]]
from = "Tone"
to = "Loudness"
[[device.link]]
from = "Loudness"
to = "AGC"
[[device.link]]
from = "AGC"
to = "Peak"
[[device.link]]
from = "Peak"
to = "Config"
[[device.link]]
from = "Config"
to = "Demux"
[[device.link]]
from = "Demux"
to = "Out A"
[[device.link]]
from = "Demux"
to = "Out B"
"#;

fn system() -> System {
    System::from_toml_str(TOML).expect("the test topology loads")
}

fn rust_control(s: &System, lid: u32, kind: ControlKind) -> devtopo::Control {
    rust_part(s, DEVICE, lid)
        .activate(CLSCTX_ALL, kind.iid())
        .expect("control")
}

fn hr(code: HResult) -> HRESULT {
    HRESULT(code.0)
}

/// K4: the three tone levels, through COM and Rust alike; each answers its own IID and
/// IPerChannelDbLevel; a change notifies the sink registered for that IID only (N2).
#[test]
fn k4_bass_midrange_treble() -> Result<(), Box<dyn std::error::Error>> {
    let s = system();
    let part = part(&s, DEVICE, 0x20000);
    let sink = Recorder::sink();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        part.RegisterControlChangeCallback(&IAudioTreble::IID, &sink)
            .ok()?;
        let bass: IAudioBass = activate(&part)?;
        let mid: IAudioMidrange = activate(&part)?;
        let treble: IAudioTreble = activate(&part)?;
        bass.SetLevel(0, 3.0, None).ok()?;
        mid.SetLevelUniform(-2.0, None).ok()?;
        treble.SetLevelAllChannels(&[4.0, 5.0], None).ok()?;
        for (kind, want) in [
            (ControlKind::Bass, [3.0, 0.0]),
            (ControlKind::Midrange, [-2.0, -2.0]),
            (ControlKind::Treble, [4.0, 5.0]),
        ] {
            let rust = rust_control(&s, 0x20000, kind)
                .into_level()
                .ok_or("level")?;
            for (ch, want) in want.into_iter().enumerate() {
                assert_eq!(rust.level(ch as u32)?, want, "{kind:?}");
            }
        }
        assert_eq!(bass.cast::<IPerChannelDbLevel>()?.GetLevel(0)?, 3.0);
        assert_eq!(
            code(bass.cast::<IAudioTreble>()),
            hr(HResult::E_NOINTERFACE)
        );
        assert_eq!(
            recorder(&sink)
                .calls
                .load(std::sync::atomic::Ordering::SeqCst),
            1
        );
        part.UnregisterControlChangeCallback(&sink).ok()?;
    }
    Ok(())
}

/// K6, K7, K8, K10, K12, K13 through COM equal the Rust handles.
#[test]
fn k6_to_k13_switches_meter_selector_config_property() -> Result<(), Box<dyn std::error::Error>> {
    let s = system();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let loudness: IAudioLoudness = activate(&part(&s, DEVICE, 0x20001))?;
        assert!(!loudness.GetEnabled()?.as_bool());
        loudness.SetEnabled(true, None).ok()?;
        let rust = rust_control(&s, 0x20001, ControlKind::Loudness)
            .into_loudness()
            .ok_or("c")?;
        assert!(rust.enabled()?);

        let agc: IAudioAutoGainControl = activate(&part(&s, DEVICE, 0x20002))?;
        assert!(agc.GetEnabled()?.as_bool());
        let context = windows_core::GUID::from_u128(7);
        agc.SetEnabled(false, Some(&context)).ok()?;
        let rust = rust_control(&s, 0x20002, ControlKind::AutoGainControl)
            .into_auto_gain_control()
            .ok_or("c")?;
        assert!(!rust.enabled()?);

        let peak: IAudioPeakMeter = activate(&part(&s, DEVICE, 0x20003))?;
        assert_eq!(peak.GetChannelCount()?, 2);
        s.hardware()
            .feed_peak(&rust_part(&s, DEVICE, 0x20003), 1, -3.0)?;
        assert_eq!(peak.GetLevel(1)?, -3.0);
        assert_eq!(code(peak.GetLevel(2)), hr(HResult::E_INVALIDARG));

        let config_part = part(&s, DEVICE, 0x20004);
        let config: IAudioChannelConfig = activate(&config_part)?;
        assert_eq!(config.GetChannelConfig()?, 0x3);
        config.SetChannelConfig(0x3F, None).ok()?;
        let rust = rust_control(&s, 0x20004, ControlKind::ChannelConfig)
            .into_channel_config()
            .ok_or("c")?;
        assert_eq!(rust.channel_config()?, 0x3F);

        let property: IDeviceSpecificProperty = activate(&config_part)?;
        assert_eq!(property.GetType()?, VARTYPE(3)); // VT_I4
        let mut size = 0u32;
        // K13: a NULL buffer for a fixed-size value: ERROR_INSUFFICIENT_BUFFER, size needed.
        assert_eq!(
            property.GetValue(std::ptr::null_mut(), &mut size),
            hr(HResult::ERROR_INSUFFICIENT_BUFFER)
        );
        assert_eq!(size, 4);
        let mut value = 0i32;
        property.GetValue((&raw mut value).cast(), &mut size).ok()?;
        assert_eq!((value, size), (5, 4));
        let eight = 8i32;
        property.SetValue((&raw const eight).cast(), 4, None).ok()?;
        let (mut min, mut max, mut step) = (0, 0, 0);
        property.Get4BRange(&mut min, &mut max, &mut step).ok()?;
        assert_eq!((min, max, step), (0, 10, 1));
        let rust = rust_control(&s, 0x20004, ControlKind::DeviceSpecificProperty)
            .into_device_specific_property()
            .ok_or("c")?;
        assert_eq!(rust.typed_value()?, devtopo::PropertyValue::I4(8));
        let eleven = 11i32;
        assert_eq!(
            property.SetValue((&raw const eleven).cast(), 4, None),
            rust_code(rust.set_value(&11i32.to_le_bytes(), None))
        );

        let demux: IAudioOutputSelector = activate(&part(&s, DEVICE, 0x20005))?;
        assert_eq!(demux.GetSelection()?, 0x10001);
        demux.SetSelection(0x10002, None).ok()?;
        assert_eq!(
            demux.SetSelection(0x10000, None),
            hr(HResult::E_INVALIDARG) // not linked out of the DEMUX (K10)
        );
        let rust = rust_control(&s, 0x20005, ControlKind::OutputSelector)
            .into_output_selector()
            .ok_or("c")?;
        assert_eq!(rust.selection()?, LocalId(0x10002));
    }
    Ok(())
}
