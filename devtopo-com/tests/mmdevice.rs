//! windows-rs-shaped client code against devtopo's IMMDeviceEnumerator, through the generated
//! interfaces only: Chromium's `GetAudioControllerID` and `GetMatchingOutputDeviceID` (W7,
//! old `media/audio/win/core_audio_util_win.cc`) with the eCommunications pairing (V6), the
//! property store's PROPVARIANTs (S4, S37), IMMEndpoint on the device object (G6, X45),
//! IKsControl on adapters (Q1, X46), and IMMNotificationClient sinks (V13, Y1, Y5), including
//! one that calls the enumerator from inside its callback (Y3, Y4, X47).

mod common;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use devtopo::fixtures;
use devtopo_com::*;
use windows_core::{GUID, HRESULT, IUnknown, Interface, PCWSTR, implement};

const STGM_READ: u32 = 0;
const CLSCTX_ALL: u32 = 0x17;
const VT_LPWSTR: u16 = 31;

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain([0]).collect()
}

// ---- The production code, as a windows-rs user writes it ----

/// `GetAudioControllerID(IMMDevice*, IMMDeviceEnumerator*)`: Activate IDeviceTopology ->
/// GetConnector(0) -> GetDeviceIdConnectedTo -> GetDevice -> OpenPropertyStore(STGM_READ) ->
/// PKEY_Device_InstanceId, which must be VT_LPWSTR (S38); any failure gives "".
fn get_audio_controller_id(device: &IMMDevice, enumerator: &IMMDeviceEnumerator) -> String {
    let attempt = || -> windows_core::Result<String> {
        // SAFETY: COM calls on live interface pointers; the PROPVARIANT is cleared.
        unsafe {
            let topology: IDeviceTopology = device.Activate(CLSCTX_ALL, None)?;
            let connector = topology.GetConnector(0)?;
            let filter_id = connector.GetDeviceIdConnectedTo()?;
            let node = enumerator.GetDevice(PCWSTR(filter_id.0));
            CoTaskMemFree(filter_id.0.cast());
            let properties = node?.OpenPropertyStore(STGM_READ)?;
            let key = PROPERTYKEY {
                fmtid: GUID::from_u128(0x78C34FC8_104A_4ACA_9EA4_524D52996E57),
                pid: 256,
            };
            let mut instance_id = properties.GetValue(&key)?;
            let inner = &instance_id.Anonymous.Anonymous;
            let id = if inner.vt.0 == VT_LPWSTR {
                pwstr_to_string(PCWSTR(inner.Anonymous.pwszVal.0)).unwrap_or_default()
            } else {
                String::new()
            };
            PropVariantClear(&mut instance_id).ok()?;
            Ok(id)
        }
    };
    attempt().unwrap_or_default()
}

/// `CreateDevice`: "communications" is the eCommunications default capture endpoint, and
/// Chromium insists on DEVICE_STATE_ACTIVE.
fn create_device(enumerator: &IMMDeviceEnumerator, id: &str) -> Option<IMMDevice> {
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        let device = match id {
            "communications" => enumerator.GetDefaultAudioEndpoint(eCapture, eCommunications),
            id => enumerator.GetDevice(PCWSTR(wide(id).as_ptr())),
        }
        .ok()?;
        (device.GetState().ok()? == DEVICE_STATE_ACTIVE as u32).then_some(device)
    }
}

/// `GetMatchingOutputDeviceID(input_device_id)`: the first ACTIVE render endpoint on the
/// input's controller.
fn get_matching_output_device_id(enumerator: &IMMDeviceEnumerator, input_id: &str) -> String {
    let Some(input) = create_device(enumerator, input_id) else {
        return String::new();
    };
    let controller = get_audio_controller_id(&input, enumerator);
    if controller.is_empty() {
        return String::new();
    }
    // SAFETY: COM calls on live interface pointers; the ID string is freed.
    unsafe {
        let Ok(outputs) = enumerator.EnumAudioEndpoints(eRender, DEVICE_STATE_ACTIVE as u32) else {
            return String::new();
        };
        for i in 0..outputs.GetCount().unwrap_or(0) {
            if let Ok(output) = outputs.Item(i)
                && get_audio_controller_id(&output, enumerator) == controller
            {
                return output
                    .GetId()
                    .ok()
                    .and_then(|p| take_pwstr(p))
                    .unwrap_or_default();
            }
        }
    }
    String::new()
}

// ---- The tests ----

/// W7, V10, V28, X57: the controller ID of every ACTIVE endpoint is its adapter's InstanceId,
/// as the Rust API gives it.
#[test]
fn w7_chromium_get_audio_controller_id_through_com() {
    let system = fixtures::headsets().expect("fixture");
    let enumerator = enumerator(&system);
    // SAFETY: COM calls on live interface pointers.
    let endpoints = unsafe { enumerator.EnumAudioEndpoints(eAll, DEVICE_STATE_ACTIVE as u32) }
        .expect("EnumAudioEndpoints");
    // SAFETY: as above.
    let count = unsafe { endpoints.GetCount() }.expect("GetCount");
    assert!(count >= 4, "{count} endpoints");
    let mut seen_usb = false;
    for i in 0..count {
        // SAFETY: as above.
        let device = unsafe { endpoints.Item(i) }.expect("Item");
        // SAFETY: as above; the string is freed.
        let id = unsafe { take_pwstr(device.GetId().expect("GetId")) }.expect("id");
        let rust = system.device(&id).expect("device");
        let adapter = rust
            .topology()
            .and_then(|t| t.connector(0))
            .and_then(|c| c.device_id_connected_to())
            .expect("adapter");
        let expected = system
            .device(&adapter)
            .and_then(|a| a.open_property_store(devtopo::STGM_READ))
            .and_then(|s| s.value(&devtopo::pkey::PKEY_Device_InstanceId))
            .expect("InstanceId");
        let got = get_audio_controller_id(&device, &enumerator);
        assert_eq!(Some(got.as_str()), expected.as_str(), "{id}");
        seen_usb |= got == "USB\\VID_046D&PID_0A8F&MI_00\\7&2D5C3E1&0&0000";
    }
    assert!(seen_usb, "the USB headset's controller");
}

/// W7, V6: the eCommunications capture default pairs with the USB earphone, the hands-free
/// mic with the hands-free render endpoint; once the USB headset is removed (B5) the USB mic
/// is no longer ACTIVE and pairs with nothing.
#[test]
fn w7_v6_communications_pairing_through_com() {
    let system = fixtures::headsets().expect("fixture");
    let enumerator = enumerator(&system);
    assert_eq!(
        get_matching_output_device_id(&enumerator, "communications"),
        fixtures::HEADSETS_USB_EARPHONE
    );
    assert_eq!(
        get_matching_output_device_id(&enumerator, fixtures::HEADSETS_BT_HFP_CAPTURE),
        fixtures::HEADSETS_BT_HFP_RENDER
    );
    let usb = system
        .device(fixtures::HEADSETS_USB_FILTER)
        .expect("filter");
    system.hardware().remove(&usb).expect("remove");
    assert_eq!(
        get_matching_output_device_id(&enumerator, fixtures::HEADSETS_USB_MIC),
        ""
    );
}

/// G6, X45: IMMEndpoint lives on the IMMDevice object (one IUnknown); an adapter has none.
#[test]
fn g6_x45_immendpoint_on_the_device_object() {
    let system = fixtures::headsets().expect("fixture");
    let enumerator = enumerator(&system);
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        let mic = enumerator
            .GetDevice(PCWSTR(wide(fixtures::HEADSETS_USB_MIC).as_ptr()))
            .expect("GetDevice");
        let endpoint = mic.cast::<IMMEndpoint>().expect("IMMEndpoint");
        assert_eq!(endpoint.GetDataFlow().expect("flow"), eCapture);
        let a: IUnknown = mic.cast().expect("IUnknown");
        let b: IUnknown = endpoint.cast().expect("IUnknown");
        assert_eq!(a.as_raw(), b.as_raw(), "one identity");
        assert_eq!(
            endpoint.cast::<IMMDevice>().expect("back").as_raw(),
            mic.as_raw()
        );
        let adapter = enumerator
            .GetDevice(PCWSTR(wide(fixtures::HEADSETS_USB_FILTER).as_ptr()))
            .expect("adapter");
        assert_eq!(
            adapter.cast::<IMMEndpoint>().map(drop).unwrap_err().code(),
            HRESULT(0x80004002_u32 as i32)
        );
    }
}

/// S4, S37, S7: GetValue of every kind devtopo stores comes back as a PROPVARIANT the caller
/// clears; SetValue round-trips a VT_CLSID and a VT_BLOB on an elevated store.
#[test]
fn s37_property_store_values_round_trip_and_clear() {
    let system = fixtures::headsets().expect("fixture");
    system.set_elevated(true);
    let enumerator = enumerator(&system);
    // SAFETY: COM calls on live interface pointers; every PROPVARIANT is cleared.
    unsafe {
        let device = enumerator
            .GetDevice(PCWSTR(wide(fixtures::HEADSETS_USB_EARPHONE).as_ptr()))
            .expect("GetDevice");
        let store = device.OpenPropertyStore(2).expect("STGM_READWRITE");
        let rust = system
            .device(fixtures::HEADSETS_USB_EARPHONE)
            .and_then(|d| d.open_property_store(devtopo::STGM_READ))
            .expect("rust store");
        let count = store.GetCount().expect("count");
        assert_eq!(count, rust.count().expect("count"));
        for i in 0..count {
            let mut key = PROPERTYKEY::default();
            store.GetAt(i, &mut key).ok().expect("GetAt");
            let rust_key = rust.at(i).expect("at");
            assert_eq!(key.pid, rust_key.pid);
            let mut var = store.GetValue(&key).expect("GetValue");
            let expected = rust.value(&rust_key).expect("value");
            assert_eq!(var.Anonymous.Anonymous.vt.0, expected.var_type().value());
            assert_eq!(PropVariantClear(&mut var), HRESULT(0));
            assert_eq!(var.Anonymous.Anonymous.vt.0, 0, "cleared to VT_EMPTY");
        }
        // SetValue with a VT_CLSID and a VT_BLOB made by GetValue of other keys.
        let container = PROPERTYKEY {
            fmtid: GUID::from_u128(0x8C7ED206_3F8A_4827_B3AB_AE9E1FAEFC6C),
            pid: 2,
        };
        let custom = PROPERTYKEY {
            fmtid: GUID::from_u128(0x12345678_0000_0000_0000_000000000001),
            pid: 7,
        };
        let mut clsid = store.GetValue(&container).expect("ContainerId");
        assert_eq!(clsid.Anonymous.Anonymous.vt.0, 72);
        store
            .SetValue(&custom, &clsid)
            .ok()
            .expect("SetValue VT_CLSID");
        let mut back = store.GetValue(&custom).expect("GetValue");
        assert_eq!(
            *back.Anonymous.Anonymous.Anonymous.puuid,
            *clsid.Anonymous.Anonymous.Anonymous.puuid
        );
        assert_eq!(PropVariantClear(&mut back), HRESULT(0));
        assert_eq!(PropVariantClear(&mut clsid), HRESULT(0));
        let format = PROPERTYKEY {
            fmtid: GUID::from_u128(0xF19F064D_082C_4E27_BC73_6882A1BB8E4C),
            pid: 0,
        };
        let mut blob = store.GetValue(&format).expect("DeviceFormat");
        if blob.Anonymous.Anonymous.vt.0 == 65 {
            store
                .SetValue(&custom, &blob)
                .ok()
                .expect("SetValue VT_BLOB");
            let value = rust.value(&devtopo::PropertyKey::new(
                devtopo::Guid::from_u128(0x12345678_0000_0000_0000_000000000001),
                7,
            ));
            assert_eq!(
                value.expect("value").as_blob().map(<[u8]>::len),
                Some(blob.Anonymous.Anonymous.Anonymous.blob.cbSize as usize)
            );
        }
        assert_eq!(PropVariantClear(&mut blob), HRESULT(0));
        store.Commit().ok().expect("Commit");
        assert_eq!(
            PropVariantClear(std::ptr::null_mut()),
            HRESULT(0),
            "S37: NULL is S_OK"
        );
    }
}

/// Q1, X46: Activate(IID_IKsControl) gives an IKsControl on an adapter, E_NOINTERFACE on an
/// endpoint; a request no handler serves answers as KsControl::ks_property does.
#[test]
fn q1_x46_ks_control_on_adapters_only() {
    let system = fixtures::headsets().expect("fixture");
    let enumerator = enumerator(&system);
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        let adapter = enumerator
            .GetDevice(PCWSTR(wide(fixtures::HEADSETS_USB_FILTER).as_ptr()))
            .expect("adapter");
        let ks: IKsControl = adapter.Activate(CLSCTX_ALL, None).expect("IKsControl");
        let endpoint = enumerator
            .GetDevice(PCWSTR(wide(fixtures::HEADSETS_USB_MIC).as_ptr()))
            .expect("endpoint");
        assert_eq!(
            endpoint
                .Activate::<IKsControl>(CLSCTX_ALL, None)
                .map(drop)
                .unwrap_err()
                .code(),
            HRESULT(0x80004002_u32 as i32)
        );
        let mut property = [0u8; 24];
        property[..16].copy_from_slice(&0x45FFAAA0_6E1B_11D0_BCF2_444553540000u128.to_le_bytes());
        property[16] = 17; // KSPROPERTY_AUDIO_BASS_BOOST
        property[20] = 1; // KSPROPERTY_TYPE_GET
        let mut data = [0u8; 4];
        let mut returned = 0xFFFF_FFFF;
        let code = ks.KsProperty(
            property.as_ptr().cast(),
            24,
            data.as_mut_ptr().cast(),
            4,
            &mut returned,
        );
        let rust = system
            .device(fixtures::HEADSETS_USB_FILTER)
            .and_then(|d| d.activate(devtopo::guids::IID_IKsControl, 0x17, None))
            .map(|a| a.into_ks_control().expect("ks"))
            .expect("rust ks");
        let mut rust_data = [0u8; 4];
        let rust_result = rust.ks_property(&property, Some(&mut rust_data));
        assert_eq!(code, common::com::rust_code(rust_result.clone()));
        if let Ok(n) = rust_result {
            assert_eq!(returned, n);
        }
    }
}

/// An IMMNotificationClient as windows-rs code implements one.
#[implement(IMMNotificationClient)]
struct Client {
    events: Mutex<Vec<String>>,
    refs_seen: AtomicU32,
}

impl IMMNotificationClient_Impl for Client_Impl {
    fn OnDeviceStateChanged(&self, id: &PCWSTR, state: u32) -> windows_core::Result<()> {
        // SAFETY: devtopo passes a NUL-terminated string alive for the call.
        let id = unsafe { pwstr_to_string(*id) }.unwrap_or_default();
        self.events
            .lock()
            .unwrap()
            .push(format!("state {id} 0x{state:x}"));
        self.refs_seen.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn OnDeviceAdded(&self, id: &PCWSTR) -> windows_core::Result<()> {
        // SAFETY: as above.
        let id = unsafe { pwstr_to_string(*id) }.unwrap_or_default();
        self.events.lock().unwrap().push(format!("added {id}"));
        Ok(())
    }
    fn OnDeviceRemoved(&self, id: &PCWSTR) -> windows_core::Result<()> {
        // SAFETY: as above.
        let id = unsafe { pwstr_to_string(*id) }.unwrap_or_default();
        self.events.lock().unwrap().push(format!("removed {id}"));
        Ok(())
    }
    fn OnDefaultDeviceChanged(
        &self,
        flow: EDataFlow,
        role: ERole,
        id: &PCWSTR,
    ) -> windows_core::Result<()> {
        // SAFETY: as above (NULL when no default).
        let id = unsafe { pwstr_to_string(*id) };
        self.events
            .lock()
            .unwrap()
            .push(format!("default {flow} {role} {id:?}"));
        Ok(())
    }
    fn OnPropertyValueChanged(&self, id: &PCWSTR, key: &PROPERTYKEY) -> windows_core::Result<()> {
        // SAFETY: as above.
        let id = unsafe { pwstr_to_string(*id) }.unwrap_or_default();
        self.events
            .lock()
            .unwrap()
            .push(format!("property {id} {}", key.pid));
        Ok(())
    }
}

/// V13, Y1, Y5: a registered client receives the jack unplug's state change with the
/// endpoint's ID; it is held while registered and released on unregister; unregistering it
/// again is E_NOTFOUND (as the Rust API), NULL is E_POINTER.
#[test]
fn v13_y5_notification_client_receives_a_jack_unplug() {
    let system = fixtures::four_topologies().expect("fixture");
    let enumerator = enumerator(&system);
    let client: IMMNotificationClient = Client {
        events: Mutex::new(Vec::new()),
        refs_seen: AtomicU32::new(0),
    }
    .into();
    let refs = || common::com::refcount(&client);
    let start = refs();
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        enumerator
            .RegisterEndpointNotificationCallback(&client)
            .ok()
            .expect("register");
    }
    assert_eq!(refs(), start + 1, "V13: AddRef on register");
    let mux = common::com::rust_part(&system, fixtures::FOUR_MUX, 0x0001_0000);
    let connector = mux.as_connector().expect("connector");
    system
        .hardware()
        .unplug_jack(&connector, 0)
        .expect("unplug");
    // SAFETY: the implementation behind the interface we made.
    let events = unsafe { windows_core::AsImpl::<Client>::as_impl(&client) }
        .events
        .lock()
        .unwrap()
        .clone();
    let expected_state = system
        .devices()
        .into_iter()
        .filter(|d| d.kind().is_ok_and(|k| k.is_endpoint()))
        .filter(|d| {
            d.state()
                .is_ok_and(|s| s == devtopo::DeviceState::Unplugged)
        })
        .map(|d| format!("state {} 0x8", d.id().expect("id")))
        .collect::<Vec<_>>();
    assert!(
        !expected_state.is_empty(),
        "the unplug made an endpoint UNPLUGGED"
    );
    for line in &expected_state {
        assert!(events.contains(line), "{line} not in {events:?}");
    }
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        enumerator
            .UnregisterEndpointNotificationCallback(&client)
            .ok()
            .expect("unregister");
        assert_eq!(refs(), start, "V13: Release on unregister");
        let again = enumerator.UnregisterEndpointNotificationCallback(&client);
        let log = devtopo::EndpointEventLog::new();
        let rust = system.unregister_endpoint_notification_callback(&*log);
        assert_eq!(again, common::com::rust_code(rust));
        let vtbl = Interface::vtable(&enumerator);
        assert_eq!(
            (vtbl.UnregisterEndpointNotificationCallback)(
                enumerator.as_raw(),
                std::ptr::null_mut()
            ),
            HRESULT(0x80004003_u32 as i32)
        );
        assert_eq!(
            (vtbl.RegisterEndpointNotificationCallback)(enumerator.as_raw(), std::ptr::null_mut()),
            HRESULT(0x80004003_u32 as i32)
        );
    }
}

/// A client that calls back into the enumerator from inside its callback, as a careless
/// windows-rs client would: GetDevice (allowed, Y4) and Register/Unregister (Y3).
#[implement(IMMNotificationClient)]
struct Reentrant {
    /// Taken (and so released) when the test ends: the enumerator holds this client while it
    /// is registered, and this client holds the enumerator, a cycle the test must break.
    enumerator: Mutex<Option<IMMDeviceEnumerator>>,
    other: IMMNotificationClient,
    seen: Mutex<Vec<(u32, HRESULT, HRESULT)>>,
}

impl IMMNotificationClient_Impl for Reentrant_Impl {
    fn OnDeviceStateChanged(&self, id: &PCWSTR, _state: u32) -> windows_core::Result<()> {
        let Some(enumerator) = self.enumerator.lock().unwrap().clone() else {
            return Ok(());
        };
        // SAFETY: COM calls on live interface pointers; `id` is devtopo's NUL-terminated
        // string, alive for the call.
        unsafe {
            let state = enumerator.GetDevice(*id)?.GetState()?;
            let register = enumerator.RegisterEndpointNotificationCallback(&self.other);
            let unregister = enumerator.UnregisterEndpointNotificationCallback(&self.other);
            self.seen
                .lock()
                .unwrap()
                .push((state, register, unregister));
        }
        Ok(())
    }
    fn OnDeviceAdded(&self, _id: &PCWSTR) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnDeviceRemoved(&self, _id: &PCWSTR) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnDefaultDeviceChanged(
        &self,
        _flow: EDataFlow,
        _role: ERole,
        _id: &PCWSTR,
    ) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnPropertyValueChanged(&self, _id: &PCWSTR, _key: &PROPERTYKEY) -> windows_core::Result<()> {
        Ok(())
    }
}

/// Y3, Y4, X47, X48 through COM: inside OnDeviceStateChanged the new state is already
/// readable through GetDevice/GetState (no lock is held), and Register/Unregister from the
/// callback return E_ILLEGAL_METHOD_CALL (where Windows may deadlock) and are recorded as
/// violations, exactly as the Rust API does. A watchdog fails the test instead of hanging.
#[test]
fn y3_y4_x47_reentrant_client_through_com() {
    let system = fixtures::four_topologies().expect("fixture");
    let (done, finished) = std::sync::mpsc::channel();
    let worker = {
        let system = system.clone();
        std::thread::spawn(move || {
            let enumerator = enumerator(&system);
            let other: IMMNotificationClient = Client {
                events: Mutex::new(Vec::new()),
                refs_seen: AtomicU32::new(0),
            }
            .into();
            let client: IMMNotificationClient = Reentrant {
                enumerator: Mutex::new(Some(enumerator.clone())),
                other,
                seen: Mutex::new(Vec::new()),
            }
            .into();
            // SAFETY: COM calls on live interface pointers.
            unsafe { enumerator.RegisterEndpointNotificationCallback(&client) }
                .ok()
                .expect("register");
            let mux = common::com::rust_part(&system, fixtures::FOUR_MUX, 0x0001_0000);
            let connector = mux.as_connector().expect("connector");
            system
                .hardware()
                .unplug_jack(&connector, 0)
                .expect("unplug");
            // SAFETY: the implementation behind the interface we made.
            let inner = unsafe { windows_core::AsImpl::<Reentrant>::as_impl(&client) };
            let seen = inner.seen.lock().unwrap().clone();
            inner.enumerator.lock().unwrap().take();
            // SAFETY: COM calls on live interface pointers.
            unsafe { enumerator.UnregisterEndpointNotificationCallback(&client) }
                .ok()
                .expect("unregister");
            let _ = done.send(seen);
        })
    };
    let seen = finished
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("Y3/X47: a re-entrant client deadlocked the enumerator");
    worker.join().expect("worker");
    assert!(!seen.is_empty(), "the unplug changed an endpoint's state");
    let illegal = HRESULT(0x8000_000E_u32 as i32);
    for &(state, register, unregister) in &seen {
        assert_eq!(
            state, 0x8,
            "Y4: the callback reads the committed UNPLUGGED state"
        );
        assert_eq!((register, unregister), (illegal, illegal), "Y3, X47");
    }
    let violations = system.endpoint_callback_violations();
    let expected: Vec<&str> = seen
        .iter()
        .flat_map(|_| {
            [
                "RegisterEndpointNotificationCallback",
                "UnregisterEndpointNotificationCallback",
            ]
        })
        .collect();
    assert_eq!(violations, expected, "X47: each refused call is recorded");
}
