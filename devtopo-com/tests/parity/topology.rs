//! Parity rows for IDeviceTopology, IConnector, IPart's topology methods and IPartsList
//! (T, C, P, L, X13, X26).

use crate::common::com::*;
use crate::*;
use devtopo::fixtures::{FOUR_EPA, FOUR_MUX, FOUR_WAV};
use devtopo::{DeviceState, HResult, LocalId, MixedPaths, fixtures};
use devtopo_com::*;

pub(crate) fn cases() -> Vec<Case> {
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
