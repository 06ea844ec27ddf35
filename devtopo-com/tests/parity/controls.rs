//! Parity rows for Activate, the control interfaces and change notifications (P12, K, N,
//! X14, X19, X26).

use std::sync::Arc;

use crate::common::com::*;
use crate::common::walk::activate;
use crate::*;
use devtopo::fixtures::{FOUR_MUX, SYSVAD_MICIN_WAVE};
use devtopo::{CLSCTX_ALL, HResult, LocalId, guids};
use devtopo_com::*;
use windows_core::Interface;

pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "P12 Activate without CLSCTX_INPROC_SERVER",
            fixture: four,
            rust: |s| {
                rust_code(rust_part(s, FOUR_MUX, 0x20001).activate(0, guids::IID_IAudioVolumeLevel))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let mut out = std::ptr::null_mut();
                part(s, FOUR_MUX, 0x20001).Activate(0, &IAudioVolumeLevel::IID, Some(&mut out))
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "P12 Activate an interface the part lacks",
            fixture: four,
            rust: |s| {
                rust_code(
                    rust_part(s, FOUR_MUX, 0x20001).activate(CLSCTX_ALL, guids::IID_IAudioMute),
                )
            },
            com: |s| code(activate::<IAudioMute>(&part(s, FOUR_MUX, 0x20001))),
            expect: HResult::E_NOINTERFACE,
        },
        Case {
            name: "X14 GetControlInterface on a part without controls",
            fixture: four,
            rust: |s| rust_code(rust_part(s, FOUR_MUX, 0x10002).control_interface(0)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { part(s, FOUR_MUX, 0x10002).GetControlInterface(0) }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "N1 RegisterControlChangeCallback(IID_IKsJackDescription2)",
            fixture: four,
            rust: |s| {
                let sink = Arc::new(|_: u32, _: Option<devtopo::Guid>| {});
                rust_code(
                    rust_part(s, FOUR_MUX, 0x10000)
                        .register_control_change_callback(guids::IID_IKsJackDescription2, sink),
                )
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                part(s, FOUR_MUX, 0x10000)
                    .RegisterControlChangeCallback(&IKsJackDescription2::IID, &Recorder::sink())
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "X19 RegisterControlChangeCallback for a control the part lacks",
            fixture: four,
            rust: |s| {
                let p = rust_part(s, FOUR_MUX, 0x10000);
                let sink = Arc::new(|_: u32, _: Option<devtopo::Guid>| {});
                let r = rust_code(
                    p.register_control_change_callback(guids::IID_IAudioMute, sink.clone()),
                );
                p.unregister_control_change_callback(&*sink)
                    .expect("unregister");
                r
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let (p, sink) = (part(s, FOUR_MUX, 0x10000), Recorder::sink());
                let r = p.RegisterControlChangeCallback(&IAudioMute::IID, &sink);
                p.UnregisterControlChangeCallback(&sink)
                    .ok()
                    .expect("unregister");
                r
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "N3 UnregisterControlChangeCallback not registered",
            fixture: four,
            rust: |s| {
                rust_code(
                    rust_part(s, FOUR_MUX, 0x10000)
                        .unregister_control_change_callback(&|_: u32, _: Option<devtopo::Guid>| {}),
                )
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                part(s, FOUR_MUX, 0x10000).UnregisterControlChangeCallback(&Recorder::sink())
            },
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "K3 SetLevel",
            fixture: four,
            rust: |s| rust_code(level(s).set_level(1, -20.0, None)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { clevel(s).SetLevel(1, -20.0, None) },
            expect: HResult::S_OK,
        },
        Case {
            name: "K3 SetLevel channel out of range",
            fixture: four,
            rust: |s| rust_code(level(s).set_level(2, -20.0, None)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { clevel(s).SetLevel(2, -20.0, None) },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K3 GetLevelRange channel out of range",
            fixture: four,
            rust: |s| rust_code(level(s).level_range(7)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let (mut a, mut b, mut c) = (0.0, 0.0, 0.0);
                clevel(s).GetLevelRange(7, &mut a, &mut b, &mut c)
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K3 SetLevelAllChannels with the wrong count",
            fixture: four,
            rust: |s| rust_code(level(s).set_level_all_channels(&[-1.0], None)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { clevel(s).SetLevelAllChannels(&[-1.0], None) },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K16 GetJackDescription out of range",
            fixture: four,
            rust: |s| {
                let j = rust_part(s, FOUR_MUX, 0x10000)
                    .activate(CLSCTX_ALL, guids::IID_IKsJackDescription)
                    .ok()
                    .and_then(|c| c.into_jack_description())
                    .expect("jack");
                rust_code(j.jack_description(5))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let j: IKsJackDescription = activate(&part(s, FOUR_MUX, 0x10000)).expect("jack");
                j.GetJackDescription(5, &mut KSJACK_DESCRIPTION::default())
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K15 IsFormatSupported invalid WAVEFORMATEX",
            fixture: micin,
            rust: |s| {
                let f = rust_part(s, SYSVAD_MICIN_WAVE, 0x10001)
                    .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)
                    .ok()
                    .and_then(|c| c.into_format_support())
                    .expect("formats");
                let mut bad = devtopo::KsDataFormat::pcm(2, 48_000, 16);
                bad.wave = bad.wave.map(|mut w| {
                    w.channels = 0;
                    w
                });
                rust_code(f.is_format_supported(&bad))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let f: IKsFormatSupport =
                    activate(&part(s, SYSVAD_MICIN_WAVE, 0x10001)).expect("formats");
                let p = f.GetDevicePreferredFormat().expect("preferred");
                let size = (*p).Anonymous.FormatSize;
                *p.cast::<u8>().add(64 + 2) = 0; // nChannels = 0
                *p.cast::<u8>().add(64 + 3) = 0;
                let r = code(f.IsFormatSupported(p, size));
                CoTaskMemFree(p.cast());
                r
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K13 Get4BRange of a VT_BOOL",
            fixture: properties,
            rust: |s| rust_code(rprop(s, 0x20000).four_byte_range()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let (mut a, mut b, mut c) = (0, 0, 0);
                cprop(s, 0x20000).Get4BRange(&mut a, &mut b, &mut c)
            },
            expect: HResult::ERROR_NOT_SUPPORTED,
        },
        Case {
            name: "K13 GetValue into a small buffer",
            fixture: properties,
            rust: |s| rust_code(rprop(s, 0x20001).value(Some(&mut [0u8; 2]))),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let mut buf = [0u8; 2];
                let mut size = 2u32;
                cprop(s, 0x20001).GetValue(buf.as_mut_ptr().cast(), &mut size)
            },
            expect: HResult::ERROR_INSUFFICIENT_BUFFER,
        },
        Case {
            name: "K13 SetValue of the wrong size",
            fixture: properties,
            rust: |s| rust_code(rprop(s, 0x20001).set_value(&[1, 2], None)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { cprop(s, 0x20001).SetValue([1u8, 2].as_ptr().cast(), 2, None) },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K5 SetMute",
            fixture: four,
            rust: |s| {
                let m = rust_part(s, FOUR_MUX, 0x20000)
                    .activate(CLSCTX_ALL, guids::IID_IAudioMute)
                    .ok()
                    .and_then(|c| c.into_mute())
                    .expect("mute");
                rust_code(m.set_mute(true, None))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let m: IAudioMute = activate(&part(s, FOUR_MUX, 0x20000)).expect("mute");
                m.SetMute(true, None)
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "K9 SetSelection of a part not linked into the MUX",
            fixture: four,
            rust: |s| {
                let m = rust_part(s, FOUR_MUX, 0x20006)
                    .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)
                    .ok()
                    .and_then(|c| c.into_input_selector())
                    .expect("mux");
                rust_code(m.set_selection(LocalId(0x10003), None))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let m: IAudioInputSelector = activate(&part(s, FOUR_MUX, 0x20006)).expect("mux");
                m.SetSelection(0x10003, None)
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "K9 SetSelection",
            fixture: four,
            rust: |s| {
                let m = rust_part(s, FOUR_MUX, 0x20006)
                    .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)
                    .ok()
                    .and_then(|c| c.into_input_selector())
                    .expect("mux");
                rust_code(m.set_selection(LocalId(0x20003), None))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let m: IAudioInputSelector = activate(&part(s, FOUR_MUX, 0x20006)).expect("mux");
                m.SetSelection(0x20003, None)
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "K17 GetJackDescription2 out of range",
            fixture: four,
            rust: |s| {
                let j = rust_part(s, FOUR_MUX, 0x10000)
                    .activate(CLSCTX_ALL, guids::IID_IKsJackDescription2)
                    .ok()
                    .and_then(|c| c.into_jack_description2())
                    .expect("jack");
                rust_code(j.jack_description2(1))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let j: IKsJackDescription2 = activate(&part(s, FOUR_MUX, 0x10000)).expect("jack");
                code(j.GetJackDescription2(1))
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "X26 SetLevel on a removed device",
            fixture: four,
            rust: |s| {
                let l = level(s);
                s.remove_device(FOUR_MUX).expect("remove");
                rust_code(l.set_level(0, -1.0, None))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let l = clevel(s);
                s.remove_device(FOUR_MUX).expect("remove");
                l.SetLevel(0, -1.0, None)
            },
            expect: HResult::AUDCLNT_E_DEVICE_INVALIDATED,
        },
    ]
}
