//! HRESULT parity: each row runs the same call, success or documented failure, once through
//! devtopo's Rust API and once through the COM objects, each on a fresh copy of the fixture,
//! and asserts the same HRESULT (one source of truth: the COM layer only translates).

mod common;

use std::sync::Arc;

use common::com::*;
use common::walk::activate;
use devtopo::fixtures::{FOUR_EPA, FOUR_MUX, FOUR_WAV, SYSVAD_MICIN_WAVE};
use devtopo::{
    CLSCTX_ALL, ControlSpec, DeviceKind, DeviceSpec, DeviceSpecificSpec, DeviceState, HResult,
    LocalId, MixedPaths, PropertyValue, SubunitSpec, System, SystemBuilder, fixtures, guids,
};
use devtopo_com::*;
use windows_core::{HRESULT, Interface};

struct Case {
    name: &'static str,
    fixture: fn() -> System,
    rust: fn(&System) -> HRESULT,
    com: fn(&System) -> HRESULT,
    /// The HRESULT the spec gives, to keep the table honest.
    expect: HResult,
}

fn four() -> System {
    fixtures::four_topologies().expect("fixture")
}

fn micin() -> System {
    fixtures::sysvad_mic_in().expect("fixture")
}

/// One adapter with a device-specific VT_BOOL property (K13) and a VT_I4 one.
fn properties() -> System {
    let mut b = SystemBuilder::new();
    let d = b
        .add_device(DeviceSpec::new("{2}.props", "props", DeviceKind::Adapter))
        .expect("device");
    for value in [PropertyValue::Bool(true), PropertyValue::I4(3)] {
        let mut spec = SubunitSpec::new("node", guids::KSNODETYPE_DEV_SPECIFIC);
        spec.controls = vec![ControlSpec::DeviceSpecificProperty(DeviceSpecificSpec {
            value,
            range: None,
            read_only: false,
        })];
        b.add_subunit(d, spec).expect("subunit");
    }
    b.build().expect("system")
}

fn rtopo(s: &System, id: &str) -> devtopo::DeviceTopology {
    s.device(id).and_then(|d| d.topology()).expect("topology")
}

fn rcon(s: &System, id: &str, lid: u32) -> devtopo::Connector {
    rust_part(s, id, lid).as_connector().expect("connector")
}

fn level(s: &System) -> devtopo::PerChannelDbLevel {
    rust_part(s, FOUR_MUX, 0x20001)
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)
        .ok()
        .and_then(|c| c.into_level())
        .expect("level")
}

fn clevel(s: &System) -> IAudioVolumeLevel {
    activate(&part(s, FOUR_MUX, 0x20001)).expect("level")
}

fn cprop(s: &System, lid: u32) -> IDeviceSpecificProperty {
    activate(&part(s, "{2}.props", lid)).expect("property")
}

fn rprop(s: &System, lid: u32) -> devtopo::DeviceSpecificProperty {
    rust_part(s, "{2}.props", lid)
        .activate(CLSCTX_ALL, guids::IID_IDeviceSpecificProperty)
        .ok()
        .and_then(|c| c.into_device_specific_property())
        .expect("property")
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "T2 GetConnector(0)",
            fixture: four,
            rust: |s| rust_code(rtopo(s, FOUR_EPA).connector(0)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { topology(s, FOUR_EPA).GetConnector(0) }),
            expect: HResult::S_OK,
        },
        Case {
            name: "T2 GetConnector out of range",
            fixture: four,
            rust: |s| rust_code(rtopo(s, FOUR_EPA).connector(1)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { topology(s, FOUR_EPA).GetConnector(1) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "T4 GetSubunit on an endpoint",
            fixture: four,
            rust: |s| rust_code(rtopo(s, FOUR_EPA).subunit(0)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { topology(s, FOUR_EPA).GetSubunit(0) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "T5 GetPartById unknown",
            fixture: four,
            rust: |s| rust_code(rtopo(s, FOUR_MUX).part_by_id(LocalId(0x2_9999))),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { topology(s, FOUR_MUX).GetPartById(0x2_9999) }),
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "C6 Disconnect",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_EPA, 0x10000).disconnect()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { connector(s, FOUR_EPA, 0x10000).Disconnect() },
            expect: HResult::S_OK,
        },
        Case {
            name: "C6 Disconnect unconnected",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10002).disconnect()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { connector(s, FOUR_MUX, 0x10002).Disconnect() },
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "C6 Disconnect Software_Fixed",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10003).disconnect()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe { connector(s, FOUR_MUX, 0x10003).Disconnect() },
            expect: HResult::ERROR_FILE_READ_ONLY,
        },
        Case {
            name: "C3 ConnectTo an attached connector",
            fixture: four,
            rust: |s| {
                rust_code(rcon(s, FOUR_MUX, 0x10000).connect_to(&rcon(
                    s,
                    fixtures::FOUR_EPB,
                    0x10000,
                )))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                connector(s, FOUR_MUX, 0x10000).ConnectTo(&connector(
                    s,
                    fixtures::FOUR_EPB,
                    0x10000,
                ))
            },
            expect: HResult::ERROR_DEVICE_ALREADY_ATTACHED,
        },
        Case {
            name: "C3, X4 ConnectTo a connector of another type",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10002).connect_to(&rcon(s, FOUR_EPA, 0x10000))),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                connector(s, FOUR_MUX, 0x10002).ConnectTo(&connector(s, FOUR_EPA, 0x10000))
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "C3 ConnectTo the same flow",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10002).connect_to(&rcon(s, FOUR_WAV, 0x10001))),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                connector(s, FOUR_MUX, 0x10002).ConnectTo(&connector(s, FOUR_WAV, 0x10001))
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "C3 ConnectTo after Disconnect",
            fixture: four,
            rust: |s| {
                let (a, b) = (rcon(s, FOUR_EPA, 0x10000), rcon(s, FOUR_MUX, 0x10000));
                a.disconnect().expect("disconnect");
                rust_code(b.connect_to(&a))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let (a, b) = (
                    connector(s, FOUR_EPA, 0x10000),
                    connector(s, FOUR_MUX, 0x10000),
                );
                a.Disconnect().ok().expect("disconnect");
                b.ConnectTo(&a)
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "C3 ConnectTo a connector of another system",
            fixture: four,
            rust: |s| {
                let other = four();
                rust_code(rcon(s, FOUR_MUX, 0x10002).connect_to(&rcon(&other, FOUR_EPA, 0x10000)))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let other = four();
                connector(s, FOUR_MUX, 0x10002).ConnectTo(&connector(&other, FOUR_EPA, 0x10000))
            },
            expect: HResult::E_NOINTERFACE,
        },
        Case {
            name: "C9 GetConnectedTo unconnected",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10002).connected_to()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { connector(s, FOUR_MUX, 0x10002).GetConnectedTo() }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "C9 GetConnectedTo a disabled device",
            fixture: four,
            rust: |s| {
                s.device(FOUR_EPA)
                    .and_then(|d| d.set_state(DeviceState::Disabled))
                    .expect("state");
                rust_code(rcon(s, FOUR_MUX, 0x10000).connected_to())
            },
            com: |s| {
                s.device(FOUR_EPA)
                    .and_then(|d| d.set_state(DeviceState::Disabled))
                    .expect("state");
                // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                code(unsafe { connector(s, FOUR_MUX, 0x10000).GetConnectedTo() })
            },
            expect: HResult::ERROR_PATH_NOT_FOUND,
        },
        Case {
            name: "C11 GetConnectorIdConnectedTo unconnected",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10002).connector_id_connected_to()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { connector(s, FOUR_MUX, 0x10002).GetConnectorIdConnectedTo() }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "P8 EnumPartsIncoming with no links",
            fixture: four,
            rust: |s| rust_code(rust_part(s, FOUR_EPA, 0x10000).parts_incoming()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { part(s, FOUR_EPA, 0x10000).EnumPartsIncoming() }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "T11 GetSignalPath against the signal",
            fixture: four,
            rust: |s| {
                let (a, b) = (
                    rust_part(s, FOUR_MUX, 0x10003),
                    rust_part(s, FOUR_MUX, 0x10000),
                );
                rust_code(rtopo(s, FOUR_MUX).signal_path(a, b, MixedPaths::Allow))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let t = topology(s, FOUR_MUX);
                code(t.GetSignalPath(
                    &t.GetPartById(0x10003).expect("a"),
                    &t.GetPartById(0x10000).expect("b"),
                    false,
                ))
            },
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "X13 GetSignalPath with a part of another topology",
            fixture: four,
            rust: |s| {
                let (a, b) = (
                    rust_part(s, FOUR_MUX, 0x10000),
                    rust_part(s, FOUR_WAV, 0x10001),
                );
                rust_code(rtopo(s, FOUR_MUX).signal_path(a, b, MixedPaths::Allow))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let t = topology(s, FOUR_MUX);
                code(t.GetSignalPath(
                    &t.GetPartById(0x10000).expect("a"),
                    &part(s, FOUR_WAV, 0x10001),
                    false,
                ))
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "T7 GetSignalPath with a part of another system",
            fixture: four,
            rust: |s| {
                let other = four();
                let (a, b) = (
                    rust_part(s, FOUR_MUX, 0x10000),
                    rust_part(&other, FOUR_MUX, 0x10003),
                );
                rust_code(rtopo(s, FOUR_MUX).signal_path(a, b, MixedPaths::Allow))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let other = four();
                let t = topology(s, FOUR_MUX);
                code(t.GetSignalPath(
                    &t.GetPartById(0x10000).expect("a"),
                    &part(&other, FOUR_MUX, 0x10003),
                    false,
                ))
            },
            expect: HResult::E_NOINTERFACE,
        },
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
            name: "T6 GetDeviceId",
            fixture: four,
            rust: |s| rust_code(rtopo(s, FOUR_MUX).device_id()),
            com: |s| {
                code(
                    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                    unsafe { topology(s, FOUR_MUX).GetDeviceId() }
                        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                        .map(|p| unsafe { take_pwstr(p) }),
                )
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "T4 GetSubunit",
            fixture: four,
            rust: |s| rust_code(rtopo(s, FOUR_MUX).subunit(6)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { topology(s, FOUR_MUX).GetSubunit(6) }),
            expect: HResult::S_OK,
        },
        Case {
            name: "C1, C2, C7 GetType, GetDataFlow, IsConnected",
            fixture: four,
            rust: |s| {
                let c = rcon(s, FOUR_MUX, 0x10001);
                rust_code(c.connector_type().and(c.data_flow()).and(c.is_connected()))
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let c = connector(s, FOUR_MUX, 0x10001);
                code(c.GetType().and(c.GetDataFlow()).and(c.IsConnected()))
            },
            expect: HResult::S_OK,
        },
        Case {
            name: "C12 GetDeviceIdConnectedTo unconnected",
            fixture: four,
            rust: |s| rust_code(rcon(s, FOUR_MUX, 0x10002).device_id_connected_to()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { connector(s, FOUR_MUX, 0x10002).GetDeviceIdConnectedTo() }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "P9 EnumPartsOutgoing with no links",
            fixture: four,
            rust: |s| rust_code(rust_part(s, FOUR_MUX, 0x10003).parts_outgoing()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { part(s, FOUR_MUX, 0x10003).EnumPartsOutgoing() }),
            expect: HResult::E_NOTFOUND,
        },
        Case {
            name: "L2 IPartsList::GetPart out of range",
            fixture: four,
            rust: |s| {
                rust_code(
                    rust_part(s, FOUR_MUX, 0x10000)
                        .parts_outgoing()
                        .and_then(|l| l.part(5)),
                )
            },
            com: |s| {
                // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                code(unsafe {
                    part(s, FOUR_MUX, 0x10000)
                        .EnumPartsOutgoing()
                        .and_then(|l| l.GetPart(5))
                })
            },
            expect: HResult::E_INVALIDARG,
        },
        Case {
            name: "P11 GetTopologyObject",
            fixture: four,
            rust: |s| rust_code(rust_part(s, FOUR_MUX, 0x20001).topology()),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { part(s, FOUR_MUX, 0x20001).GetTopologyObject() }),
            expect: HResult::S_OK,
        },
        Case {
            name: "P7 GetControlInterface out of range",
            fixture: four,
            rust: |s| rust_code(rust_part(s, FOUR_MUX, 0x20001).control_interface(1)),
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| code(unsafe { part(s, FOUR_MUX, 0x20001).GetControlInterface(1) }),
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
        Case {
            name: "X26 a call on a removed device",
            fixture: four,
            rust: |s| {
                let p = rust_part(s, FOUR_MUX, 0x10000);
                s.remove_device(FOUR_MUX).expect("remove");
                rust_code(p.name())
            },
            // SAFETY: COM calls on live interface pointers devtopo-com handed out.
            com: |s| unsafe {
                let p = part(s, FOUR_MUX, 0x10000);
                s.remove_device(FOUR_MUX).expect("remove");
                code(p.GetName())
            },
            expect: HResult::AUDCLNT_E_DEVICE_INVALIDATED,
        },
    ]
}

#[test]
fn every_case_gives_the_same_hresult_through_rust_and_com() {
    let mut failures = Vec::new();
    for case in cases() {
        let rust = (case.rust)(&(case.fixture)());
        let com = (case.com)(&(case.fixture)());
        if rust != com || rust.0 != case.expect.0 {
            failures.push(format!(
                "{}: rust 0x{:08X}, com 0x{:08X}, spec 0x{:08X}",
                case.name, rust.0 as u32, com.0 as u32, case.expect.0 as u32
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
