//! Parity rows for IMMDeviceEnumerator, IMMDeviceCollection, IMMDevice, IMMEndpoint,
//! IPropertyStore and IKsControl (V, S, Q, X36-X61): every failure the Rust API has, and a
//! success per method, through both paths.

use crate::Case;
use crate::common::com::*;
use devtopo::fixtures::{HEADSETS_USB_FILTER, HEADSETS_USB_MIC};
use devtopo::{
    DeviceState, EDataFlow, ERole, EndpointEventLog, HResult, STGM_READ, STGM_READWRITE,
    STGM_WRITE, System, fixtures, guids, iids, pkey,
};
use devtopo_com::*;
use windows_core::{GUID, HRESULT, Interface, PCWSTR, implement};

/// A client that ignores every event.
#[implement(IMMNotificationClient)]
struct Silent;

impl IMMNotificationClient_Impl for Silent_Impl {
    fn OnDeviceStateChanged(&self, _: &PCWSTR, _: u32) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnDeviceAdded(&self, _: &PCWSTR) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnDeviceRemoved(&self, _: &PCWSTR) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnDefaultDeviceChanged(
        &self,
        _: EDataFlow_,
        _: ERole_,
        _: &PCWSTR,
    ) -> windows_core::Result<()> {
        Ok(())
    }
    fn OnPropertyValueChanged(&self, _: &PCWSTR, _: &PROPERTYKEY) -> windows_core::Result<()> {
        Ok(())
    }
}

type EDataFlow_ = devtopo_com::EDataFlow;
type ERole_ = devtopo_com::ERole;

fn headsets() -> System {
    fixtures::headsets().expect("fixture")
}

fn elevated() -> System {
    let s = headsets();
    s.set_elevated(true);
    s
}

fn mic_in() -> System {
    fixtures::sysvad_mic_in().expect("fixture")
}

/// `IMMDeviceEnumerator::GetDevice(id)`.
fn cget(s: &System, id: &str) -> windows_core::Result<IMMDevice> {
    let wide: Vec<u16> = id.encode_utf16().chain([0]).collect();
    // SAFETY: a COM call on a live interface pointer; `wide` outlives it.
    unsafe { enumerator(s).GetDevice(PCWSTR(wide.as_ptr())) }
}

pub(crate) fn cdev(s: &System, id: &str) -> IMMDevice {
    cget(s, id).expect("GetDevice")
}

pub(crate) fn rdev(s: &System, id: &str) -> devtopo::Device {
    s.device(id).expect("device")
}

fn cstore(s: &System, id: &str, mode: u32) -> IPropertyStore {
    // SAFETY: a COM call on a live interface pointer.
    unsafe { cdev(s, id).OpenPropertyStore(mode) }.expect("store")
}

fn rstore(s: &System, id: &str, mode: u32) -> devtopo::PropertyStore {
    rdev(s, id).open_property_store(mode).expect("store")
}

fn key(k: devtopo::PropertyKey) -> PROPERTYKEY {
    PROPERTYKEY {
        fmtid: to_guid(k.fmtid),
        pid: k.pid,
    }
}

fn ui4(v: u32) -> PROPVARIANT {
    let mut var = PROPVARIANT::default();
    // SAFETY: writing a by-value member and its tag into a zeroed PROPVARIANT.
    unsafe {
        let inner = &mut *var.Anonymous.Anonymous;
        inner.vt = VARTYPE(19);
        inner.Anonymous.ulVal = v;
    }
    var
}

/// `Activate(iid)` through COM, as an HRESULT.
fn cactivate(s: &System, id: &str, iid: devtopo::Guid, params: Option<&PROPVARIANT>) -> HRESULT {
    let mut raw = std::ptr::null_mut();
    let iid = to_guid(iid);
    let device = cdev(s, id);
    // SAFETY: a COM call on a live interface pointer; the object obtained is released.
    unsafe {
        let code = (Interface::vtable(&device).Activate)(
            device.as_raw(),
            &iid,
            0x17,
            params.map_or(std::ptr::null(), std::ptr::from_ref),
            &mut raw,
        );
        if !raw.is_null() {
            drop(windows_core::IUnknown::from_raw(raw));
        }
        code
    }
}

pub(crate) fn ks_property(set: u128, id: u32, length: usize) -> Vec<u8> {
    let mut p = vec![0u8; 24];
    let g = devtopo::Guid::from_u128(set);
    p[0..4].copy_from_slice(&g.data1.to_le_bytes());
    p[4..6].copy_from_slice(&g.data2.to_le_bytes());
    p[6..8].copy_from_slice(&g.data3.to_le_bytes());
    p[8..16].copy_from_slice(&g.data4);
    p[16..20].copy_from_slice(&id.to_le_bytes());
    p[20..24].copy_from_slice(&1u32.to_le_bytes());
    p.truncate(length);
    p
}

fn cks(s: &System, property: &[u8]) -> HRESULT {
    // SAFETY: COM calls on live interface pointers; the descriptor and buffer outlive them.
    unsafe {
        let ks: IKsControl = cdev(s, HEADSETS_USB_FILTER)
            .Activate(0x17, None)
            .expect("IKsControl");
        let mut data = [0u8; 8];
        let mut returned = 0;
        ks.KsProperty(
            property.as_ptr().cast(),
            property.len() as u32,
            data.as_mut_ptr().cast(),
            8,
            &mut returned,
        )
    }
}

fn rks(s: &System, property: &[u8]) -> HRESULT {
    let ks = rdev(s, HEADSETS_USB_FILTER)
        .activate(iids::IID_IKsControl, 0x17, None)
        .expect("activate")
        .into_ks_control()
        .expect("ks");
    let mut data = [0u8; 8];
    rust_code(ks.ks_property(property, Some(&mut data)))
}

pub(crate) const AUDIO_SET: u128 = 0x45FFAAA0_6E1B_11D0_BCF2_444553540000;
const UNSERVED_SET: u128 = 0x0BADF00D_0000_0000_0000_000000000001;

// SAFETY (every `com` closure below): COM calls on live interface pointers devtopo-com handed
// out, with arguments alive for the call.
pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "V1 EnumAudioEndpoints(eAll, ACTIVE)",
            fixture: headsets,
            rust: |s| rust_code(s.enum_audio_endpoints(EDataFlow::All, 1)),
            // SAFETY: see above.
            com: |s| code(unsafe { enumerator(s).EnumAudioEndpoints(eAll, 1) }),
            expect: HResult::S_OK,
        },
        Case {
            name: "V1 EnumAudioEndpoints bad flow",
            fixture: headsets,
            rust: |s| rust_code(EDataFlow::from_arg(3).and_then(|f| s.enum_audio_endpoints(f, 1))),
            // SAFETY: see above.
            com: |s| code(unsafe { enumerator(s).EnumAudioEndpoints(3, 1) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V2 EnumAudioEndpoints bad state mask",
            fixture: headsets,
            rust: |s| rust_code(s.enum_audio_endpoints(EDataFlow::All, 0x10)),
            // SAFETY: see above.
            com: |s| code(unsafe { enumerator(s).EnumAudioEndpoints(eAll, 0x10) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V16 Item out of range",
            fixture: headsets,
            rust: |s| {
                let c = s.enum_audio_endpoints(EDataFlow::All, 1).expect("enum");
                rust_code(c.item(c.count()))
            },
            // SAFETY: see above.
            com: |s| unsafe {
                let c = enumerator(s).EnumAudioEndpoints(eAll, 1).expect("enum");
                code(c.Item(c.GetCount().expect("count")))
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V4 GetDefaultAudioEndpoint(eCapture, eCommunications)",
            fixture: headsets,
            rust: |s| rust_code(s.default_endpoint(EDataFlow::Capture, ERole::Communications)),
            com: |s| {
                // SAFETY: see above.
                code(unsafe { enumerator(s).GetDefaultAudioEndpoint(eCapture, eCommunications) })
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "X37 GetDefaultAudioEndpoint(eAll)",
            fixture: headsets,
            rust: |s| rust_code(s.default_endpoint(EDataFlow::All, ERole::Console)),
            // SAFETY: see above.
            com: |s| code(unsafe { enumerator(s).GetDefaultAudioEndpoint(eAll, eConsole) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V4 GetDefaultAudioEndpoint bad role",
            fixture: headsets,
            rust: |s| {
                rust_code(ERole::from_arg(3).and_then(|r| s.default_endpoint(EDataFlow::Render, r)))
            },
            // SAFETY: see above.
            com: |s| code(unsafe { enumerator(s).GetDefaultAudioEndpoint(eRender, 3) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V5 GetDefaultAudioEndpoint with no ACTIVE endpoint",
            fixture: mic_in,
            rust: |s| rust_code(s.default_endpoint(EDataFlow::Render, ERole::Console)),
            // SAFETY: see above.
            com: |s| code(unsafe { enumerator(s).GetDefaultAudioEndpoint(eRender, eConsole) }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "V8 GetDevice",
            fixture: headsets,
            rust: |s| rust_code(s.device(HEADSETS_USB_MIC)),
            com: |s| code(cget(s, HEADSETS_USB_MIC)),
            expect: HResult::S_OK,
        },
        Case {
            name: "V9 GetDevice unknown ID",
            fixture: headsets,
            rust: |s| {
                rust_code(s.device("{0.0.1.00000000}.{00000000-0000-0000-0000-000000000000}"))
            },
            com: |s| {
                code(cget(
                    s,
                    "{0.0.1.00000000}.{00000000-0000-0000-0000-000000000000}",
                ))
            },
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "X39 GetDevice malformed ID",
            fixture: headsets,
            rust: |s| rust_code(s.device("speakers")),
            com: |s| code(cget(s, "speakers")),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V14 Unregister a sink never registered",
            fixture: headsets,
            rust: |s| {
                rust_code(s.unregister_endpoint_notification_callback(&*EndpointEventLog::new()))
            },
            // SAFETY: see above.
            com: |s| unsafe {
                let client: IMMNotificationClient = Silent.into();
                enumerator(s).UnregisterEndpointNotificationCallback(&client)
            },
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "V18 Activate(IDeviceTopology)",
            fixture: headsets,
            rust: |s| {
                rust_code(rdev(s, HEADSETS_USB_MIC).activate(
                    guids::IID_IDeviceTopology,
                    0x17,
                    None,
                ))
            },
            com: |s| cactivate(s, HEADSETS_USB_MIC, guids::IID_IDeviceTopology, None),
            expect: HResult::S_OK,
        },
        Case {
            name: "V19 Activate(IDeviceTopology) with parameters",
            fixture: headsets,
            rust: |s| {
                let p = devtopo::PropVariant::Ui4(1);
                rust_code(rdev(s, HEADSETS_USB_MIC).activate(
                    guids::IID_IDeviceTopology,
                    0x17,
                    Some(&p),
                ))
            },
            com: |s| {
                cactivate(
                    s,
                    HEADSETS_USB_MIC,
                    guids::IID_IDeviceTopology,
                    Some(&ui4(1)),
                )
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "X46 Activate(IKsControl) on an endpoint",
            fixture: headsets,
            rust: |s| {
                rust_code(rdev(s, HEADSETS_USB_MIC).activate(iids::IID_IKsControl, 0x17, None))
            },
            com: |s| cactivate(s, HEADSETS_USB_MIC, iids::IID_IKsControl, None),
            expect: HResult::E_NOINTERFACE,
        },
        Case {
            name: "V22 Activate(IAudioClient), not simulated",
            fixture: headsets,
            rust: |s| {
                rust_code(rdev(s, HEADSETS_USB_MIC).activate(iids::IID_IAudioClient, 0x17, None))
            },
            com: |s| cactivate(s, HEADSETS_USB_MIC, iids::IID_IAudioClient, None),
            expect: HResult::E_NOINTERFACE,
        },
        Case {
            name: "B8 Activate on a removed device",
            fixture: headsets,
            rust: |s| {
                let d = rdev(s, HEADSETS_USB_MIC);
                s.remove_device(HEADSETS_USB_MIC).expect("remove");
                rust_code(d.activate(guids::IID_IDeviceTopology, 0x17, None))
            },
            com: |s| {
                let d = cdev(s, HEADSETS_USB_MIC);
                s.remove_device(HEADSETS_USB_MIC).expect("remove");
                // SAFETY: see above.
                code(unsafe { d.Activate::<IDeviceTopology>(0x17, None) })
            },
            expect: HResult::AUDCLNT_E_DEVICE_INVALIDATED,
        },
        Case {
            name: "B8 GetDataFlow on a removed endpoint",
            fixture: headsets,
            rust: |s| {
                let d = rdev(s, HEADSETS_USB_MIC);
                s.remove_device(HEADSETS_USB_MIC).expect("remove");
                rust_code(d.data_flow())
            },
            com: |s| {
                let e = cdev(s, HEADSETS_USB_MIC)
                    .cast::<IMMEndpoint>()
                    .expect("IMMEndpoint");
                s.remove_device(HEADSETS_USB_MIC).expect("remove");
                // SAFETY: see above.
                code(unsafe { e.GetDataFlow() })
            },
            expect: HResult::AUDCLNT_E_DEVICE_INVALIDATED,
        },
        Case {
            name: "V27 GetState",
            fixture: headsets,
            rust: |s| rust_code(rdev(s, HEADSETS_USB_MIC).state().map(DeviceState::value)),
            // SAFETY: see above.
            com: |s| code(unsafe { cdev(s, HEADSETS_USB_MIC).GetState() }),
            expect: HResult::S_OK,
        },
        Case {
            name: "X45 QueryInterface(IMMEndpoint) on an adapter",
            fixture: headsets,
            rust: |s| rust_code(rdev(s, HEADSETS_USB_FILTER).data_flow()),
            com: |s| code(cdev(s, HEADSETS_USB_FILTER).cast::<IMMEndpoint>()),
            expect: HResult::E_NOINTERFACE,
        },
        Case {
            name: "X43 OpenPropertyStore bad mode",
            fixture: headsets,
            rust: |s| rust_code(rdev(s, HEADSETS_USB_MIC).open_property_store(5)),
            // SAFETY: see above.
            com: |s| code(unsafe { cdev(s, HEADSETS_USB_MIC).OpenPropertyStore(5) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "V24 OpenPropertyStore(STGM_READWRITE) not elevated",
            fixture: headsets,
            rust: |s| rust_code(rdev(s, HEADSETS_USB_MIC).open_property_store(STGM_READWRITE)),
            // SAFETY: see above.
            com: |s| code(unsafe { cdev(s, HEADSETS_USB_MIC).OpenPropertyStore(STGM_READWRITE) }),
            expect: HResult::E_ACCESSDENIED,
        },
        Case {
            name: "X53 GetAt out of range",
            fixture: headsets,
            rust: |s| {
                let st = rstore(s, HEADSETS_USB_MIC, STGM_READ);
                rust_code(st.at(st.count().expect("count")))
            },
            // SAFETY: see above.
            com: |s| unsafe {
                let st = cstore(s, HEADSETS_USB_MIC, STGM_READ);
                let mut k = PROPERTYKEY::default();
                st.GetAt(st.GetCount().expect("count"), &mut k)
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "S4 GetValue",
            fixture: headsets,
            rust: |s| {
                rust_code(
                    rstore(s, HEADSETS_USB_MIC, STGM_READ).value(&pkey::PKEY_Device_FriendlyName),
                )
            },
            // SAFETY: see above; the value is cleared.
            com: |s| unsafe {
                let r = cstore(s, HEADSETS_USB_MIC, STGM_READ)
                    .GetValue(&key(pkey::PKEY_Device_FriendlyName));
                code(r.map(|mut v| PropVariantClear(&mut v)))
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "X55 GetValue on a STGM_WRITE store",
            fixture: elevated,
            rust: |s| {
                rust_code(
                    rstore(s, HEADSETS_USB_MIC, STGM_WRITE).value(&pkey::PKEY_Device_FriendlyName),
                )
            },
            // SAFETY: see above.
            com: |s| unsafe {
                code(
                    cstore(s, HEADSETS_USB_MIC, STGM_WRITE)
                        .GetValue(&key(pkey::PKEY_Device_FriendlyName)),
                )
            },
            expect: HResult::STG_E_ACCESSDENIED,
        },
        Case {
            name: "S7 SetValue",
            fixture: elevated,
            rust: |s| {
                rust_code(rstore(s, HEADSETS_USB_MIC, STGM_READWRITE).set_value(
                    &pkey::PKEY_AudioEndpoint_Disable_SysFx,
                    devtopo::PropVariant::Ui4(1),
                ))
            },
            // SAFETY: see above.
            com: |s| unsafe {
                cstore(s, HEADSETS_USB_MIC, STGM_READWRITE)
                    .SetValue(&key(pkey::PKEY_AudioEndpoint_Disable_SysFx), &ui4(1))
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "S10 SetValue on a STGM_READ store",
            fixture: headsets,
            rust: |s| {
                rust_code(rstore(s, HEADSETS_USB_MIC, STGM_READ).set_value(
                    &pkey::PKEY_AudioEndpoint_Disable_SysFx,
                    devtopo::PropVariant::Ui4(1),
                ))
            },
            // SAFETY: see above.
            com: |s| unsafe {
                cstore(s, HEADSETS_USB_MIC, STGM_READ)
                    .SetValue(&key(pkey::PKEY_AudioEndpoint_Disable_SysFx), &ui4(1))
            },
            expect: HResult::E_ACCESSDENIED,
        },
        Case {
            name: "S9 SetValue PKEY_AudioEndpoint_GUID",
            fixture: elevated,
            rust: |s| {
                rust_code(
                    rstore(s, HEADSETS_USB_MIC, STGM_READWRITE)
                        .set_value(&pkey::PKEY_AudioEndpoint_GUID, devtopo::PropVariant::Ui4(1)),
                )
            },
            // SAFETY: see above.
            com: |s| unsafe {
                cstore(s, HEADSETS_USB_MIC, STGM_READWRITE)
                    .SetValue(&key(pkey::PKEY_AudioEndpoint_GUID), &ui4(1))
            },
            expect: HResult::E_ACCESSDENIED,
        },
        Case {
            name: "X55 Commit on a STGM_READ store",
            fixture: headsets,
            rust: |s| rust_code(rstore(s, HEADSETS_USB_MIC, STGM_READ).commit()),
            // SAFETY: see above.
            com: |s| unsafe { cstore(s, HEADSETS_USB_MIC, STGM_READ).Commit() },
            expect: HResult::STG_E_ACCESSDENIED,
        },
        Case {
            name: "B8 GetCount on a removed device's store",
            fixture: headsets,
            rust: |s| {
                let st = rstore(s, HEADSETS_USB_MIC, STGM_READ);
                s.remove_device(HEADSETS_USB_MIC).expect("remove");
                rust_code(st.count())
            },
            com: |s| {
                let st = cstore(s, HEADSETS_USB_MIC, STGM_READ);
                s.remove_device(HEADSETS_USB_MIC).expect("remove");
                // SAFETY: see above.
                code(unsafe { st.GetCount() })
            },
            expect: HResult::AUDCLNT_E_DEVICE_INVALIDATED,
        },
        Case {
            name: "Q5 KsProperty with a short descriptor",
            fixture: headsets,
            rust: |s| rks(s, &ks_property(AUDIO_SET, 17, 16)),
            com: |s| cks(s, &ks_property(AUDIO_SET, 17, 16)),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "X61 KsProperty of a set no handler serves",
            fixture: headsets,
            rust: |s| rks(s, &ks_property(UNSERVED_SET, 0, 24)),
            com: |s| cks(s, &ks_property(UNSERVED_SET, 0, 24)),
            expect: HResult::E_PROP_SET_UNSUPPORTED,
        },
    ]
}

/// Only COM can pass NULL: E_POINTER for every NULL out-pointer and for a NULL ID, key or
/// value (G4), with the out-pointer NULLed.
#[test]
fn g4_null_pointers_are_e_pointer() {
    let s = headsets();
    let e = enumerator(&s);
    let d = cdev(&s, HEADSETS_USB_MIC);
    let st = cstore(&s, HEADSETS_USB_MIC, STGM_READ);
    let e_pointer = HRESULT(HResult::E_POINTER.0);
    // SAFETY: raw vtable calls on live interface pointers with NULL where COM allows a caller
    // to pass one by mistake.
    unsafe {
        let ev = Interface::vtable(&e);
        let mut out = std::ptr::dangling_mut::<std::ffi::c_void>();
        assert_eq!(
            (ev.GetDevice)(e.as_raw(), PCWSTR::null(), &mut out),
            e_pointer
        );
        assert!(out.is_null(), "G1: NULLed on failure");
        assert_eq!(
            (ev.EnumAudioEndpoints)(e.as_raw(), eAll, 1, std::ptr::null_mut()),
            e_pointer
        );
        assert_eq!(
            (ev.GetDefaultAudioEndpoint)(e.as_raw(), eRender, eConsole, std::ptr::null_mut()),
            e_pointer
        );
        let dv = Interface::vtable(&d);
        assert_eq!((dv.GetId)(d.as_raw(), std::ptr::null_mut()), e_pointer);
        assert_eq!((dv.GetState)(d.as_raw(), std::ptr::null_mut()), e_pointer);
        assert_eq!(
            (dv.OpenPropertyStore)(d.as_raw(), 0, std::ptr::null_mut()),
            e_pointer
        );
        let mut out = std::ptr::dangling_mut::<std::ffi::c_void>();
        assert_eq!(
            (dv.Activate)(
                d.as_raw(),
                std::ptr::null(),
                0x17,
                std::ptr::null(),
                &mut out
            ),
            e_pointer
        );
        assert!(out.is_null());
        let iid = GUID::from_u128(0x2A07407E_6497_4A18_9787_32F79BD0D98F);
        assert_eq!(
            (dv.Activate)(
                d.as_raw(),
                &iid,
                0x17,
                std::ptr::null(),
                std::ptr::null_mut()
            ),
            e_pointer
        );
        let sv = Interface::vtable(&st);
        assert_eq!((sv.GetCount)(st.as_raw(), std::ptr::null_mut()), e_pointer);
        assert_eq!((sv.GetAt)(st.as_raw(), 0, std::ptr::null_mut()), e_pointer);
        let mut var = ui4(7);
        assert_eq!(
            (sv.GetValue)(st.as_raw(), std::ptr::null(), &mut var),
            e_pointer
        );
        assert_eq!(var.Anonymous.Anonymous.vt.0, 0, "G1: VT_EMPTY on failure");
        let k = key(pkey::PKEY_Device_FriendlyName);
        assert_eq!(
            (sv.GetValue)(st.as_raw(), &k, std::ptr::null_mut()),
            e_pointer
        );
        assert_eq!((sv.SetValue)(st.as_raw(), &k, std::ptr::null()), e_pointer);
        let ks: IKsControl = cdev(&s, HEADSETS_USB_FILTER)
            .Activate(0x17, None)
            .expect("ks");
        let kv = Interface::vtable(&ks);
        let mut n = 0;
        assert_eq!(
            (kv.KsProperty)(
                ks.as_raw(),
                std::ptr::null(),
                24,
                std::ptr::null_mut(),
                0,
                &mut n
            ),
            e_pointer
        );
        let p = ks_property(AUDIO_SET, 17, 24);
        assert_eq!(
            (kv.KsProperty)(
                ks.as_raw(),
                p.as_ptr().cast(),
                24,
                std::ptr::null_mut(),
                0,
                std::ptr::null_mut()
            ),
            e_pointer
        );
    }
}
