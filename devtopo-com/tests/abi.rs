//! The C ABI, called as C calls it: loading files and text (with located errors), device
//! enumeration, the simulated-hardware actions and their notifications, NULL arguments.

mod common;

use std::ffi::{CString, c_char};
use std::ptr::{null, null_mut};
use std::sync::atomic::Ordering;

use common::com::*;
use devtopo::{DEFAULT_HARDWARE_PROCESS_ID, HARDWARE_INITIATED_CONTEXT, HResult, fixtures};
use devtopo_com::abi::*;
use devtopo_com::*;
use windows_core::{HRESULT, Interface};

fn hr(code: HResult) -> HRESULT {
    HRESULT(code.0)
}

fn last_error() -> String {
    let mut buf = vec![0u8; 1024];
    // SAFETY: the buffer is writable for its length.
    let len = unsafe { devtopo_last_error(buf.as_mut_ptr().cast::<c_char>(), buf.len()) };
    buf.truncate(len.min(1023));
    String::from_utf8(buf).expect("UTF-8")
}

fn c(text: &str) -> CString {
    CString::new(text).expect("no NUL")
}

#[test]
fn load_enumerate_act_and_free() {
    let path = c(common::topologies_dir()
        .join("four-topologies.toml")
        .to_str()
        .expect("UTF-8"));
    let mux = c(fixtures::FOUR_MUX);
    let epa = c(fixtures::FOUR_EPA);
    // SAFETY: the C ABI's contracts: NUL-terminated strings, writable out-pointers, live
    // handles, each freed once.
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let mut system = null_mut();
        assert_eq!(devtopo_load_file(path.as_ptr(), &mut system), HRESULT(0));
        assert_eq!(devtopo_device_count(system), 4);
        let mut id = null_mut();
        assert_eq!(devtopo_device_id(system, 2, &mut id), HRESULT(0));
        assert_eq!(
            take_pwstr(windows_core::PWSTR(id)).as_deref(),
            Some(fixtures::FOUR_MUX)
        );
        assert_eq!(
            devtopo_device_id(system, 4, &mut id),
            hr(HResult::E_INVALIDARG)
        );
        assert!(id.is_null());

        // A hardware level change reaches a COM sink with the hardware context (N6, X21).
        let mut raw = null_mut();
        assert_eq!(
            devtopo_device_topology(system, mux.as_ptr(), &mut raw),
            HRESULT(0)
        );
        let topology = IDeviceTopology::from_raw(raw);
        let volume = topology.GetPartById(0x20001).expect("volume");
        let sink = Recorder::sink();
        volume
            .RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
            .ok()
            .expect("register");
        let iid = IAudioVolumeLevel::IID;
        assert_eq!(
            devtopo_set_hardware_level(system, mux.as_ptr(), 0x20001, &iid, 1, -30.0),
            HRESULT(0)
        );
        assert_eq!(recorder(&sink).calls.load(Ordering::SeqCst), 1);
        let last = *recorder(&sink).last.lock().expect("lock");
        assert_eq!(
            last,
            Some((
                DEFAULT_HARDWARE_PROCESS_ID,
                Some(to_guid(HARDWARE_INITIATED_CONTEXT))
            ))
        );
        let mute = IAudioMute::IID;
        assert_eq!(
            devtopo_set_hardware_level(system, mux.as_ptr(), 0x20001, &mute, 0, 0.0),
            hr(HResult::E_NOINTERFACE)
        );
        assert!(!last_error().is_empty());
        volume
            .UnregisterControlChangeCallback(&sink)
            .ok()
            .expect("unregister");

        // A disabled endpoint: its peer's GetConnectedTo gives ERROR_PATH_NOT_FOUND (C9).
        assert_eq!(
            devtopo_set_device_state(system, epa.as_ptr(), 0x2),
            HRESULT(0)
        );
        let c0 = topology.GetConnector(0).expect("connector");
        assert_eq!(code(c0.GetConnectedTo()), hr(HResult::ERROR_PATH_NOT_FOUND));
        assert_eq!(
            devtopo_set_device_state(system, epa.as_ptr(), 0x7),
            hr(HResult::E_INVALIDARG)
        );
        assert!(last_error().contains("0x7"), "{}", last_error());

        // Jacks (N9, X27): the jack reports IsConnected FALSE.
        assert_eq!(
            devtopo_set_device_state(system, epa.as_ptr(), 0x1),
            HRESULT(0)
        );
        assert_eq!(
            devtopo_unplug_jack(system, mux.as_ptr(), 0x10000, 0),
            HRESULT(0)
        );
        let jacks: IKsJackDescription =
            common::walk::activate(&topology.GetPartById(0x10000).expect("jack")).expect("jacks");
        let mut d = KSJACK_DESCRIPTION::default();
        jacks
            .GetJackDescription(0, &mut d)
            .ok()
            .expect("description");
        assert!(!d.IsConnected.as_bool());
        assert_eq!(
            devtopo_plug_jack(system, mux.as_ptr(), 0x10000, 9),
            hr(HResult::E_INVALIDARG)
        );
        assert_eq!(
            devtopo_plug_jack(system, mux.as_ptr(), 0x20001, 0),
            hr(HResult::E_NOINTERFACE)
        );

        devtopo_system_free(system);
        // The COM objects outlive the handle.
        assert_eq!(topology.GetConnectorCount().expect("count"), 4);
    }
}

#[test]
fn text_loading_and_located_errors() {
    let toml = c("[[device]]\nid = \"{2}.a\"\nname = \"A\"\nkind = \"adapter\"\n");
    let bad = c("[[device]]\nid = \"{2}.a\"\nname = \"A\"\nkind = \"blender\"\n");
    let json = c(r#"{"device": [{"id": "{2}.j", "name": "J", "kind": "adapter"}]}"#);
    // SAFETY: the C ABI's contracts.
    unsafe {
        let mut system = null_mut();
        assert_eq!(devtopo_load_toml(toml.as_ptr(), &mut system), HRESULT(0));
        assert_eq!(devtopo_device_count(system), 1);
        devtopo_system_free(system);
        assert_eq!(devtopo_load_json(json.as_ptr(), &mut system), HRESULT(0));
        assert_eq!(devtopo_device_count(system), 1);
        devtopo_system_free(system);
        assert_eq!(
            devtopo_load_toml(bad.as_ptr(), &mut system),
            hr(HResult::E_INVALIDARG)
        );
        assert!(system.is_null());
        let why = last_error();
        assert!(why.contains("blender") && why.contains('4'), "{why}");
        let missing = c("/nonexistent/topology.toml");
        assert_eq!(
            devtopo_load_file(missing.as_ptr(), &mut system),
            hr(HResult::E_INVALIDARG)
        );
        assert!(
            last_error().contains("/nonexistent/topology.toml"),
            "{}",
            last_error()
        );
        // NULL arguments.
        assert_eq!(
            devtopo_load_toml(null(), &mut system),
            hr(HResult::E_POINTER)
        );
        assert_eq!(
            devtopo_load_toml(toml.as_ptr(), null_mut()),
            hr(HResult::E_POINTER)
        );
        assert_eq!(devtopo_device_count(null()), 0);
        let mut raw = null_mut();
        assert_eq!(
            devtopo_device_topology(null(), toml.as_ptr(), &mut raw),
            hr(HResult::E_POINTER)
        );
        assert!(raw.is_null());
        devtopo_system_free(null_mut());
        // Truncation: the full length comes back, the buffer holds what fits plus a NUL.
        let mut small = [0x55u8; 4];
        let len = devtopo_last_error(small.as_mut_ptr().cast(), small.len());
        assert!(len > 3);
        assert_eq!(small[3], 0);
        assert_eq!(devtopo_last_error(null_mut(), 0), len);
    }
}

/// The MMDevice actions of the C ABI: the enumerator (the injection point), devices arriving
/// from TOML text (B1, X49: OnDeviceAdded), a default chosen by the user (Y9), a device
/// removed (OnDeviceRemoved, then GetDevice E_NOTFOUND), and their failures.
#[test]
fn enumerator_add_remove_and_default_through_the_c_abi() {
    let four = c(common::topologies_dir()
        .join("four-topologies.toml")
        .to_str()
        .expect("UTF-8"));
    let speaker_toml =
        std::fs::read_to_string(common::topologies_dir().join("sysvad-speaker.toml"))
            .expect("read");
    let speaker_toml = c(&speaker_toml);
    let speaker = c(fixtures::SYSVAD_SPEAKER_ENDPOINT);
    // SAFETY: the C ABI's contracts: NUL-terminated strings, writable out-pointers, live
    // handles; COM calls on live interface pointers.
    unsafe {
        let mut system = null_mut();
        assert_eq!(devtopo_load_file(four.as_ptr(), &mut system), HRESULT(0));
        let mut raw = null_mut();
        assert_eq!(devtopo_enumerator(system, &mut raw), HRESULT(0));
        let enumerator = IMMDeviceEnumerator::from_raw(raw);
        let count = |e: &IMMDeviceEnumerator| {
            e.EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL as u32)
                .and_then(|c| c.GetCount())
                .expect("count")
        };
        let before = count(&enumerator);
        let rust = devtopo::System::load(common::topologies_dir().join("four-topologies.toml"))
            .expect("load");
        let added = devtopo::System::load(common::topologies_dir().join("sysvad-speaker.toml"))
            .expect("load");
        rust.add_devices(&added).expect("add");
        assert_eq!(
            devtopo_add_devices_toml(system, speaker_toml.as_ptr()),
            HRESULT(0)
        );
        assert_eq!(
            count(&enumerator) as usize,
            rust.endpoints(devtopo::EDataFlow::All, 0xF)
                .expect("e")
                .len()
        );
        assert!(count(&enumerator) > before, "the speaker endpoint arrived");
        // A second arrival of the same IDs changes nothing (G5).
        let again = devtopo_add_devices_toml(system, speaker_toml.as_ptr());
        assert_eq!(again, rust_code(rust.add_devices(&added)));
        assert_ne!(again, HRESULT(0));
        assert!(!last_error().is_empty());
        // The user picks the new speaker for eCommunications.
        assert_eq!(
            devtopo_set_default_endpoint(system, speaker.as_ptr(), eCommunications as u32),
            HRESULT(0)
        );
        let default = enumerator
            .GetDefaultAudioEndpoint(eRender, eCommunications)
            .expect("default");
        assert_eq!(
            take_pwstr(default.GetId().expect("id")).as_deref(),
            Some(fixtures::SYSVAD_SPEAKER_ENDPOINT)
        );
        assert_eq!(
            devtopo_set_default_endpoint(system, speaker.as_ptr(), 3),
            hr(HResult::E_INVALIDARG)
        );
        // Removed: the enumerator no longer finds it.
        assert_eq!(devtopo_remove_device(system, speaker.as_ptr()), HRESULT(0));
        let wide: Vec<u16> = fixtures::SYSVAD_SPEAKER_ENDPOINT
            .encode_utf16()
            .chain([0])
            .collect();
        assert_eq!(
            code(enumerator.GetDevice(windows_core::PCWSTR(wide.as_ptr()))),
            hr(HResult::E_NOTFOUND)
        );
        assert_eq!(
            devtopo_remove_device(system, speaker.as_ptr()),
            rust_code(
                rust.remove_device(fixtures::SYSVAD_SPEAKER_ENDPOINT)
                    .and_then(|()| { rust.remove_device(fixtures::SYSVAD_SPEAKER_ENDPOINT) })
            )
        );
        assert_eq!(devtopo_enumerator(null(), &mut raw), hr(HResult::E_POINTER));
        assert!(raw.is_null());
        assert_eq!(
            devtopo_remove_device(system, null()),
            hr(HResult::E_POINTER)
        );
        devtopo_system_free(system);
        drop((default, enumerator));
    }
}

/// The C ABI's limits (the limits table): a path of `max_path_bytes` (4096), TOML text of
/// `max_file_bytes` (1 MiB) and a device ID of `max_text_bytes` (1024) are read; one byte
/// more is `E_INVALIDARG` with the last error naming the limit, and nothing is loaded.
#[test]
fn strings_at_and_over_their_limits() {
    let four = std::fs::read_to_string(common::topologies_dir().join("four-topologies.toml"))
        .expect("bundled file");
    let padded = |len: usize| {
        let mut text = four.clone();
        text.push('#');
        while text.len() < len - 1 {
            text.push('x');
        }
        text.push('\n');
        assert_eq!(text.len(), len);
        c(&text)
    };
    let path = |len: usize| c(&format!("/nonexistent/{}", "p".repeat(len - 13)));
    // SAFETY: the C ABI's contracts: NUL-terminated strings, writable out-pointers, live
    // handles, each freed once.
    unsafe {
        let mut system = null_mut();
        let at = padded(1 << 20);
        assert_eq!(
            devtopo_load_toml(at.as_ptr(), &mut system),
            HRESULT(0),
            "{}",
            last_error()
        );
        assert!(!system.is_null());

        let mut none = null_mut();
        let over = padded((1 << 20) + 1);
        assert_eq!(
            devtopo_load_toml(over.as_ptr(), &mut none),
            hr(HResult::E_INVALIDARG)
        );
        assert!(none.is_null());
        assert!(
            last_error().contains("limit max_file_bytes = 1048576"),
            "{}",
            last_error()
        );
        assert_eq!(
            devtopo_add_devices_toml(system, over.as_ptr()),
            hr(HResult::E_INVALIDARG)
        );
        assert!(last_error().contains("max_file_bytes"), "{}", last_error());

        assert_eq!(
            devtopo_load_file(path(MAX_PATH_BYTES).as_ptr(), &mut none),
            hr(HResult::E_INVALIDARG)
        );
        assert!(
            !last_error().contains("max_path_bytes"),
            "at the limit the file is looked for: {}",
            last_error()
        );
        assert_eq!(
            devtopo_load_file(path(MAX_PATH_BYTES + 1).as_ptr(), &mut none),
            hr(HResult::E_INVALIDARG)
        );
        assert!(
            last_error().contains("limit max_path_bytes = 4096"),
            "{}",
            last_error()
        );

        let id = |len: usize| c(&format!("{{2}}.{}", "d".repeat(len - 4)));
        let mut topology = null_mut();
        assert_eq!(
            devtopo_device_topology(system, id(1024).as_ptr(), &mut topology),
            hr(HResult::E_NOTFOUND),
            "an ID at the limit is looked up"
        );
        for over in [
            devtopo_device_topology(system, id(1025).as_ptr(), &mut topology),
            devtopo_remove_device(system, id(1025).as_ptr()),
            devtopo_set_default_endpoint(system, id(1025).as_ptr(), 0),
        ] {
            assert_eq!(over, hr(HResult::E_INVALIDARG));
            assert!(
                last_error().contains("limit max_text_bytes = 1024"),
                "{}",
                last_error()
            );
        }
        assert!(topology.is_null());
        assert_eq!(devtopo_device_count(system), 4, "nothing changed");
        devtopo_system_free(system);
    }
}
