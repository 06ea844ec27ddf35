//! Rust code calling devtopo only through the generated COM interfaces, the way windows-rs
//! code does (`GetConnector(0)?.GetConnectedTo()?.cast::<IPart>()?`, `Activate`,
//! `CoTaskMemFree`): the client patterns of the spec's sources, and what only COM can
//! express (G1, G4, G6, N1, N3, T7, C3).

mod common;

use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::Ordering;

use common::com::*;
use common::walk::{CLSCTX_ALL, activate};
use devtopo::{HResult, fixtures};
use devtopo_com::*;
use windows_core::{GUID, HRESULT, IUnknown, Interface, implement};

type R = Result<(), Box<dyn std::error::Error>>;

fn hr(code: HResult) -> HRESULT {
    HRESULT(code.0)
}

/// PortAudio (pa_win_wasapi.c): endpoint -> connector 0 -> the adapter connector across the
/// connection -> IKsJackDescription (rule W1, K16).
#[test]
fn portaudio_jack_query() -> R {
    let system = fixtures::four_topologies()?;
    let topology = topology(&system, fixtures::FOUR_EPB);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let jack_part: IPart = topology.GetConnector(0)?.GetConnectedTo()?.cast()?;
        let jacks: IKsJackDescription = activate(&jack_part)?;
        assert_eq!(jacks.GetJackCount()?, 1);
        let mut d = KSJACK_DESCRIPTION::default();
        jacks.GetJackDescription(0, &mut d).ok()?;
        assert_eq!(d.Color, 0x00ff_c0cb);
        assert_eq!(d.ConnectionType, eConnType3Point5mm);
        assert_eq!(d.GeoLocation, eGeoLocFront);
        assert!(d.IsConnected.as_bool());
        let name = take_pwstr(jack_part.GetName()?);
        assert_eq!(name.as_deref(), Some("Microphone"));
    }
    Ok(())
}

/// The objects keep the simulation alive after the System is dropped.
#[test]
fn objects_outlive_the_system_handle() -> R {
    let system = fixtures::four_topologies()?;
    let connector = connector(&system, fixtures::FOUR_MUX, 0x10000);
    drop(system);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let peer = connector.GetConnectedTo()?;
        let id = take_pwstr(peer.cast::<IPart>()?.GetGlobalId()?);
        assert!(id.is_some_and(|id| id.ends_with("/00010000")));
    }
    Ok(())
}

/// G6: one IUnknown identity per part; IConnector only on connectors, ISubunit only on
/// subunits (E_NOINTERFACE otherwise).
#[test]
fn g6_query_interface_identity() -> R {
    let system = fixtures::four_topologies()?;
    let topology = topology(&system, fixtures::FOUR_MUX);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let c = topology.GetConnector(0)?;
        let p: IPart = c.cast()?;
        let back: IConnector = p.cast()?;
        assert_eq!(
            c.cast::<IUnknown>()?.as_raw(),
            p.cast::<IUnknown>()?.as_raw()
        );
        assert_eq!(back.as_raw(), c.as_raw());
        assert_eq!(code(p.cast::<ISubunit>()), hr(HResult::E_NOINTERFACE));
        let s = topology.GetSubunit(0)?;
        let sp: IPart = s.cast()?;
        assert_eq!(
            s.cast::<IUnknown>()?.as_raw(),
            sp.cast::<IUnknown>()?.as_raw()
        );
        assert_eq!(code(sp.cast::<IConnector>()), hr(HResult::E_NOINTERFACE));
        assert_eq!(
            code(sp.cast::<IDeviceTopology>()),
            hr(HResult::E_NOINTERFACE)
        );
        // Controls answer their own IID and, for the dB levels, IPerChannelDbLevel.
        let vol: IAudioVolumeLevel = activate(&topology.GetPartById(0x20001)?)?;
        let base: IPerChannelDbLevel = vol.cast()?;
        assert_eq!(base.GetChannelCount()?, 2);
        assert_eq!(code(vol.cast::<IAudioMute>()), hr(HResult::E_NOINTERFACE));
    }
    Ok(())
}

/// G4: every NULL out-pointer gives E_POINTER; N3: UnregisterControlChangeCallback(NULL) gives
/// E_INVALIDARG; N1: RegisterControlChangeCallback(NULL) gives E_POINTER.
#[test]
fn g4_null_out_pointers_give_e_pointer() -> R {
    let system = fixtures::four_topologies()?;
    let topology = topology(&system, fixtures::FOUR_MUX);
    let e_pointer = hr(HResult::E_POINTER);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let t = topology.as_raw();
        let tv = topology.vtable();
        assert_eq!((tv.GetConnectorCount)(t, null_mut()), e_pointer);
        assert_eq!((tv.GetConnector)(t, 0, null_mut()), e_pointer);
        assert_eq!((tv.GetSubunit)(t, 0, null_mut()), e_pointer);
        assert_eq!((tv.GetPartById)(t, 0x10000, null_mut()), e_pointer);
        assert_eq!((tv.GetDeviceId)(t, null_mut()), e_pointer);
        let part = topology.GetPartById(0x20001)?;
        let (p, pv) = (part.as_raw(), part.vtable());
        assert_eq!((pv.GetName)(p, null_mut()), e_pointer);
        assert_eq!((pv.GetLocalId)(p, null_mut()), e_pointer);
        assert_eq!((pv.GetSubType)(p, null_mut()), e_pointer);
        assert_eq!((pv.EnumPartsIncoming)(p, null_mut()), e_pointer);
        assert_eq!((pv.GetTopologyObject)(p, null_mut()), e_pointer);
        assert_eq!(
            (pv.Activate)(p, CLSCTX_ALL, &IAudioVolumeLevel::IID, null_mut()),
            e_pointer
        );
        assert_eq!(
            (pv.RegisterControlChangeCallback)(p, &IAudioVolumeLevel::IID, null_mut()),
            e_pointer
        );
        assert_eq!(
            (pv.UnregisterControlChangeCallback)(p, null_mut()),
            hr(HResult::E_INVALIDARG)
        );
        assert_eq!(
            (part.cast::<IUnknown>()?.vtable().QueryInterface)(p, &IPart::IID, null_mut()),
            e_pointer
        );
        let c = topology.GetConnector(0)?;
        let (cr, cv) = (c.as_raw(), c.vtable());
        assert_eq!((cv.GetType)(cr, null_mut()), e_pointer);
        assert_eq!((cv.IsConnected)(cr, null_mut()), e_pointer);
        assert_eq!((cv.GetConnectedTo)(cr, null_mut()), e_pointer);
        assert_eq!((cv.ConnectTo)(cr, null_mut()), e_pointer); // C3
        assert_eq!(
            (tv.GetSignalPath)(t, p, null_mut(), false.into(), &mut null_mut()),
            e_pointer
        ); // T7
        let vol: IAudioVolumeLevel = activate(&part)?;
        let (v, vv) = (vol.as_raw(), &vol.vtable().base__);
        assert_eq!((vv.GetLevel)(v, 0, null_mut()), e_pointer);
        assert_eq!(
            (vv.GetLevelRange)(v, 0, null_mut(), null_mut(), null_mut()),
            e_pointer
        );
        assert_eq!(
            (vv.SetLevelAllChannels)(v, std::ptr::null(), 2, std::ptr::null()),
            e_pointer
        );
    }
    Ok(())
}

/// G1: a failed call NULLs its interface and string out-pointers.
#[test]
fn g1_failed_calls_null_their_out_pointers() -> R {
    let system = fixtures::four_topologies()?;
    let topology = topology(&system, fixtures::FOUR_EPA);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let mut out: *mut c_void = std::ptr::dangling_mut::<u8>().cast();
        let code = (topology.vtable().GetConnector)(topology.as_raw(), 7, &mut out);
        assert_eq!(code, hr(HResult::E_INVALIDARG));
        assert!(out.is_null());
        let cd = connector(&system, fixtures::FOUR_MUX, 0x10002); // unconnected (C9)
        let mut s = windows_core::PWSTR(std::ptr::dangling_mut());
        let code = (cd.vtable().GetDeviceIdConnectedTo)(cd.as_raw(), &mut s);
        assert_eq!(code, hr(HResult::E_NOTFOUND));
        assert!(s.is_null());
    }
    Ok(())
}

/// An IConnector implemented by someone else (here with windows-core's `#[implement]`).
#[implement(IConnector, IPart)]
struct Foreign;

impl IConnector_Impl for Foreign_Impl {
    fn GetType(&self) -> windows_core::Result<ConnectorType> {
        Ok(Physical_External)
    }
    fn GetDataFlow(&self) -> windows_core::Result<DataFlow> {
        Ok(Out)
    }
    fn ConnectTo(&self, _: windows_core::Ref<'_, IConnector>) -> windows_core::Result<()> {
        Err(windows_core::Error::from_hresult(hr(HResult::E_NOTIMPL)))
    }
    fn Disconnect(&self) -> windows_core::Result<()> {
        Ok(())
    }
    fn IsConnected(&self) -> windows_core::Result<windows_core::BOOL> {
        Ok(false.into())
    }
    fn GetConnectedTo(&self) -> windows_core::Result<IConnector> {
        Err(windows_core::Error::from_hresult(hr(HResult::E_NOTFOUND)))
    }
    fn GetConnectorIdConnectedTo(&self) -> windows_core::Result<windows_core::PWSTR> {
        Err(windows_core::Error::from_hresult(hr(HResult::E_NOTFOUND)))
    }
    fn GetDeviceIdConnectedTo(&self) -> windows_core::Result<windows_core::PWSTR> {
        Err(windows_core::Error::from_hresult(hr(HResult::E_NOTFOUND)))
    }
}

macro_rules! not_impl {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {
        impl IPart_Impl for Foreign_Impl {
            $(fn $name(&self, $(_: $arg),*) -> $ret {
                Err(windows_core::Error::from_hresult(hr(HResult::E_NOTIMPL)))
            })*
            fn Activate(&self, _: u32, _: *const GUID, _: *mut *mut c_void) -> windows_core::Result<()> {
                Err(windows_core::Error::from_hresult(hr(HResult::E_NOTIMPL)))
            }
        }
    };
}

not_impl! {
    GetName() -> windows_core::Result<windows_core::PWSTR>;
    GetLocalId() -> windows_core::Result<u32>;
    GetGlobalId() -> windows_core::Result<windows_core::PWSTR>;
    GetPartType() -> windows_core::Result<PartType>;
    GetSubType() -> windows_core::Result<GUID>;
    GetControlInterfaceCount() -> windows_core::Result<u32>;
    GetControlInterface(u32) -> windows_core::Result<IControlInterface>;
    EnumPartsIncoming() -> windows_core::Result<IPartsList>;
    EnumPartsOutgoing() -> windows_core::Result<IPartsList>;
    GetTopologyObject() -> windows_core::Result<IDeviceTopology>;
    RegisterControlChangeCallback(*const GUID, windows_core::Ref<'_, IControlChangeNotify>) -> windows_core::Result<()>;
    UnregisterControlChangeCallback(windows_core::Ref<'_, IControlChangeNotify>) -> windows_core::Result<()>;
}

/// C3, T7: an IConnector / IPart that is not devtopo's gives E_NOINTERFACE, and nothing
/// changes (G5).
#[test]
fn c3_t7_foreign_objects_give_e_nointerface() -> R {
    let system = fixtures::four_topologies()?;
    let foreign: IConnector = Foreign.into();
    let foreign_part: IPart = foreign.cast()?;
    let cd = connector(&system, fixtures::FOUR_MUX, 0x10002);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        assert_eq!(cd.ConnectTo(&foreign), hr(HResult::E_NOINTERFACE));
        assert!(!cd.IsConnected()?.as_bool());
        let topology = topology(&system, fixtures::FOUR_MUX);
        let ours = topology.GetPartById(0x10000)?;
        let e = hr(HResult::E_NOINTERFACE);
        assert_eq!(code(topology.GetSignalPath(&foreign_part, &ours, false)), e);
        assert_eq!(code(topology.GetSignalPath(&ours, &foreign_part, true)), e);
    }
    Ok(())
}

/// T7, T8: GetSignalPath through COM returns the Rust path, "to" first.
#[test]
fn t7_t8_signal_path_through_com() -> R {
    let system = fixtures::four_topologies()?;
    let topology = topology(&system, fixtures::FOUR_MUX);
    let rust = system.device(fixtures::FOUR_MUX)?.topology()?.signal_path(
        rust_part(&system, fixtures::FOUR_MUX, 0x10000),
        rust_part(&system, fixtures::FOUR_MUX, 0x10003),
        devtopo::MixedPaths::Allow,
    )?;
    let want: Vec<u32> = rust
        .iter()
        .map(|p| p.local_id().map(|l| l.0))
        .collect::<Result<_, _>>()?;
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let list = topology.GetSignalPath(
            &topology.GetPartById(0x10000)?,
            &topology.GetPartById(0x10003)?,
            false,
        )?;
        let got: Vec<u32> = (0..list.GetCount()?)
            .map(|i| list.GetPart(i).and_then(|p| p.GetLocalId()))
            .collect::<Result<_, _>>()?;
        assert_eq!(got, want);
        assert_eq!(got.first(), Some(&0x10003));
    }
    Ok(())
}

/// N1, N5, N6, X20: a windows-rs `#[implement]` sink is called through its vtable with the
/// caller's process ID and context, after devtopo's lock (it may call back in), AddRef'd while
/// registered and released on unregister (N3).
#[test]
fn n1_n5_windows_rs_sink_gets_notified() -> R {
    let system = fixtures::four_topologies()?;
    let part = part(&system, fixtures::FOUR_MUX, 0x20001);
    let sink = Recorder::sink();
    let context = GUID::from_u128(0x1234_5678_9abc_def0_1122_3344_5566_7788);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let refs_before = refcount(&sink);
        part.RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
            .ok()?;
        part.RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
            .ok()?; // X19
        assert_eq!(refcount(&sink), refs_before + 1);
        let vol: IAudioVolumeLevel = activate(&part)?;
        vol.SetLevel(0, -12.0, Some(&context)).ok()?;
        assert_eq!(recorder(&sink).calls.load(Ordering::SeqCst), 1);
        let last = *recorder(&sink).last.lock().map_err(|_| "poisoned")?;
        assert_eq!(last, Some((system.caller_process_id(), Some(context))));
        vol.SetLevel(0, -12.0, None).ok()?; // no change: no call (N5)
        vol.SetLevelUniform(-6.0, None).ok()?;
        assert_eq!(recorder(&sink).calls.load(Ordering::SeqCst), 2);
        let last = *recorder(&sink).last.lock().map_err(|_| "poisoned")?;
        assert_eq!(last.and_then(|l| l.1), None); // NULL context arrives as NULL
        part.UnregisterControlChangeCallback(&sink).ok()?;
        assert_eq!(refcount(&sink), refs_before);
        assert_eq!(
            part.UnregisterControlChangeCallback(&sink),
            hr(HResult::E_NOTFOUND)
        );
        vol.SetLevelUniform(-3.0, None).ok()?;
        assert_eq!(recorder(&sink).calls.load(Ordering::SeqCst), 2);
    }
    Ok(())
}

/// K15: the preferred format comes back in CoTaskMemAlloc memory and is supported.
#[test]
fn k15_format_support_round_trip() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let part = part(&system, fixtures::SYSVAD_MICIN_WAVE, 0x10001);
    let formats: IKsFormatSupport = activate(&part)?;
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let preferred = formats.GetDevicePreferredFormat()?;
        let size = (*preferred).Anonymous.FormatSize;
        assert!(size >= 64);
        assert!(formats.IsFormatSupported(preferred, size)?.as_bool());
        CoTaskMemFree(preferred.cast());
        // A header too short to be a KSDATAFORMAT is not a valid format.
        let bytes = [0u8; 16];
        assert_eq!(
            code(formats.IsFormatSupported(bytes.as_ptr().cast(), 16)),
            hr(HResult::E_INVALIDARG)
        );
    }
    Ok(())
}

/// Strings are CoTaskMemAlloc'd UTF-16 (G2); `pwstr_to_string` reads them correctly off
/// Windows, where windows-strings' `to_string` would use a 32-bit wcslen.
#[test]
fn g2_strings_are_caller_owned_utf16() -> R {
    let system = fixtures::four_topologies()?;
    let part = part(&system, fixtures::FOUR_MUX, 0x10001);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let name = part.GetName()?;
        assert_eq!(
            pwstr_to_string(windows_core::PCWSTR(name.0)).as_deref(),
            Some("Microphone")
        );
        CoTaskMemFree(name.0.cast());
    }
    Ok(())
}

/// A sink whose destructor calls back into devtopo.
#[implement(IControlChangeNotify)]
struct Reentrant {
    part: IPart,
    done: std::sync::mpsc::Sender<String>,
}

impl IControlChangeNotify_Impl for Reentrant_Impl {
    fn OnNotify(&self, _: u32, _: *const GUID) -> windows_core::Result<()> {
        Ok(())
    }
}

impl Drop for Reentrant {
    fn drop(&mut self) {
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let name = unsafe { self.part.GetName() }.map(|p| unsafe { take_pwstr(p) });
        let _ = self.done.send(format!("{name:?}"));
    }
}

/// X20: devtopo releases a client sink only after its lock is released, so the client's
/// last Release (here its destructor, calling back into devtopo) cannot deadlock, on the
/// unregister path and on a failed register.
#[test]
fn x20_the_last_release_of_a_sink_runs_outside_devtopos_lock() -> R {
    let system = fixtures::four_topologies()?;
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = {
        let part = Shared(part(&system, fixtures::FOUR_MUX, 0x20001));
        std::thread::spawn(move || {
            let part = part;
            let sink: IControlChangeNotify = Reentrant {
                part: part.0.clone(),
                done: tx.clone(),
            }
            .into();
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            unsafe {
                part.0
                    .RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
                    .ok()
                    .expect("register");
                let raw = sink.as_raw();
                drop(sink); // devtopo now holds the last reference
                let borrowed = IControlChangeNotify::from_raw_borrowed(&raw).expect("pointer");
                part.0
                    .UnregisterControlChangeCallback(borrowed)
                    .ok()
                    .expect("unregister");
                // A failed register: devtopo's reference is dropped after the call.
                let sink: IControlChangeNotify = Reentrant {
                    part: part.0.clone(),
                    done: tx,
                }
                .into();
                let raw = sink.as_raw();
                std::mem::forget(sink); // the reference below is the only one
                let borrowed = IControlChangeNotify::from_raw_borrowed(&raw).expect("pointer");
                let code = part
                    .0
                    .RegisterControlChangeCallback(&IKsJackDescription2::IID, borrowed);
                assert_eq!(code, hr(HResult::E_INVALIDARG));
                drop(IControlChangeNotify::from_raw(raw));
            }
        })
    };
    let timeout = std::time::Duration::from_secs(20);
    let expected = format!(
        "Ok(Some({:?}))",
        rust_part(&system, fixtures::FOUR_MUX, 0x20001).name()?
    );
    for _ in 0..2 {
        let name = rx
            .recv_timeout(timeout)
            .map_err(|_| "deadlock: a sink was released under the lock")?;
        assert_eq!(name, expected);
    }
    worker.join().map_err(|_| "worker panicked")?;
    Ok(())
}

/// A COM pointer moved to another thread. devtopo's objects are free-threaded.
struct Shared<I>(I);
// SAFETY: devtopo-com objects are free-threaded: atomic counts, devtopo's own locking.
unsafe impl<I> Send for Shared<I> {}

/// `SelectCaptureDevice` from the "Device Topologies" page (rule W2), transcribed call by call
/// through COM: from a capture endpoint toward the system bus, at the first subunit with
/// `IAudioInputSelector`, select the input the walk came from.
fn select_capture_device(endpoint: &IDeviceTopology) -> windows_core::Result<HRESULT> {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let mut connector = endpoint.GetConnector(0)?;
        if connector.GetDataFlow()? != Out {
            return Ok(hr(HResult::AUDCLNT_E_WRONG_ENDPOINT_TYPE));
        }
        loop {
            if !connector.IsConnected()?.as_bool() {
                return Ok(if connector.GetType()? == Software_IO {
                    HRESULT(0)
                } else {
                    hr(HResult::E_FAIL)
                });
            }
            let mut part: IPart = connector.GetConnectedTo()?.cast()?;
            loop {
                let next = part.EnumPartsOutgoing()?.GetPart(0)?;
                if next.GetPartType()? == Connector {
                    connector = next.cast()?;
                    break;
                }
                match activate::<IAudioInputSelector>(&next) {
                    Ok(selector) => selector.SetSelection(part.GetLocalId()?, None).ok()?,
                    Err(e) if e.code() == hr(HResult::E_NOINTERFACE) => {}
                    Err(e) => return Err(e),
                }
                part = next;
            }
        }
    }
}

#[test]
fn w2_select_capture_device_through_com() -> R {
    let system = fixtures::four_topologies()?;
    let mux = topology(&system, fixtures::FOUR_MUX);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    let selector: IAudioInputSelector = activate(&unsafe { mux.GetPartById(0x20006)? })?;
    for (endpoint, expected) in [(fixtures::FOUR_EPB, 0x20003), (fixtures::FOUR_EPA, 0x20001)] {
        let code = select_capture_device(&topology(&system, endpoint))?;
        assert_eq!(code, HRESULT(0)); // it stops at the Software_IO DMA connector
        // SAFETY: as above.
        assert_eq!(unsafe { selector.GetSelection()? }, expected);
    }
    Ok(())
}

/// Off Windows the crate's CoTaskMemAlloc gives 16-byte-aligned blocks and PropVariantClear
/// frees a VT_LPWSTR and resets the variant to VT_EMPTY.
#[test]
fn co_task_memory_and_prop_variant_clear() {
    // SAFETY: the block is written within its size and freed once; the PROPVARIANT owns a
    // CoTaskMemAlloc'd string, which PropVariantClear frees.
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let block = CoTaskMemAlloc(40);
        assert!(!block.is_null());
        assert_eq!(block as usize % 16, 0);
        std::ptr::write_bytes(block.cast::<u8>(), 0xAB, 40);
        CoTaskMemFree(block);
        CoTaskMemFree(null_mut()); // ignored

        let text: Vec<u16> = "Speakers\0".encode_utf16().collect();
        let copy = CoTaskMemAlloc(text.len() * 2).cast::<u16>();
        std::ptr::copy_nonoverlapping(text.as_ptr(), copy, text.len());
        let mut var = PROPVARIANT::default();
        (*var.Anonymous.Anonymous).vt = VARTYPE(31); // VT_LPWSTR
        (*var.Anonymous.Anonymous).Anonymous.pwszVal = windows_core::PWSTR(copy);
        assert_eq!(
            pwstr_to_string(windows_core::PCWSTR(copy)).as_deref(),
            Some("Speakers")
        );
        assert_eq!(PropVariantClear(&mut var), HRESULT(0));
        assert_eq!(var.Anonymous.Anonymous.vt, VARTYPE(0));
    }
}
