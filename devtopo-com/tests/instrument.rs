//! The test-double toolkit through COM (issue 10): faults and recording sit in devtopo's
//! handles, which the COM objects only call, so a fault set through the `System` makes the
//! COM method return its `HRESULT`, and the record shows the calls COM made. `E_POINTER`
//! and the other failures only COM can express happen before the handle and are not
//! recorded (docs/decisions.md, X70).

mod common;

use std::ptr::null_mut;

use common::com::*;
use devtopo::Method::*;
use devtopo::{Fault, HResult, HardwareAction, LocalId, calls, fixtures};
use devtopo_com::*;
use windows_core::{HRESULT, Interface, PCWSTR};

type R = Result<(), Box<dyn std::error::Error>>;

fn hr(code: HResult) -> HRESULT {
    HRESULT(code.0)
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain([0]).collect()
}

/// A fault set through the System fails the COM call with its HRESULT, NULLs the
/// out-pointer (G1), and changes nothing (G5); the next call succeeds.
#[test]
fn g1_g5_a_fault_fails_the_com_method() -> R {
    let system = fixtures::four_topologies()?;
    let mic = connector(&system, fixtures::FOUR_EPB, 0x10000);
    system
        .faults()
        .add(Fault::on(IConnector_GetConnectedTo).fail(HResult::ERROR_PATH_NOT_FOUND))?;
    system
        .faults()
        .add(Fault::on(IConnector_Disconnect).fail(HResult::E_OUTOFMEMORY))?;
    let before = system.snapshot();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out; the raw vtable
    // call passes a valid out-pointer.
    unsafe {
        assert_eq!(
            code(mic.GetConnectedTo()),
            hr(HResult::ERROR_PATH_NOT_FOUND)
        );
        let mut out = std::ptr::dangling_mut::<std::ffi::c_void>();
        let status = (Interface::vtable(&mic).GetConnectedTo)(mic.as_raw(), &mut out);
        assert_eq!(status, HRESULT(0), "the fault was once");
        assert!(!out.is_null());
        drop(IConnector::from_raw(out));
        assert_eq!(mic.Disconnect(), hr(HResult::E_OUTOFMEMORY));
        assert_eq!(system.snapshot(), before, "G5");
        assert!(mic.IsConnected()?.as_bool());
    }
    Ok(())
}

/// The record shows the calls a COM client made, by COM name, with the HRESULTs it got;
/// a NULL out-pointer (E_POINTER, G4) is answered by COM alone and is not recorded.
#[test]
fn x70_the_record_shows_com_calls() -> R {
    let system = fixtures::four_topologies()?;
    let enumerator = enumerator(&system);
    system.recorder().start();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out; the NULL
    // out-pointer is the E_POINTER case under test.
    unsafe {
        let device = enumerator.GetDevice(PCWSTR(wide(fixtures::FOUR_EPB).as_ptr()))?;
        let topology: IDeviceTopology = device.Activate(0x17, None)?;
        let c = topology.GetConnector(0)?;
        c.Disconnect().ok()?;
        assert_eq!(c.Disconnect(), hr(HResult::E_NOTFOUND));
        let status = (Interface::vtable(&c).IsConnected)(c.as_raw(), null_mut());
        assert_eq!(status, hr(HResult::E_POINTER));
    }
    let record = system.recorder().take();
    let methods: Vec<String> = record.iter().map(|c| c.method.to_string()).collect();
    assert_eq!(
        methods,
        [
            "IMMDeviceEnumerator::GetDevice",
            "IMMDevice::Activate",
            "IDeviceTopology::GetConnector",
            "IConnector::Disconnect",
            "IConnector::Disconnect",
        ],
        "{record}"
    );
    record.assert(
        calls(IConnector_Disconnect)
            .returning(HResult::E_NOTFOUND)
            .once(),
    );
    record.assert(calls(IConnector_ConnectTo).never());
    record.assert(calls(IConnector_IsConnected).never());
    Ok(())
}

/// A device that goes NOTPRESENT in the middle of a COM walk (B5, C9).
#[test]
fn b5_notpresent_mid_walk_through_com() -> R {
    let system = fixtures::four_topologies()?;
    let topology = topology(&system, fixtures::FOUR_EPB);
    system.faults().add(
        Fault::on(IConnector_GetConnectedTo)
            .at_part(fixtures::FOUR_EPB, LocalId(0x10000))
            .hardware(HardwareAction::remove(fixtures::FOUR_MUX)),
    )?;
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let c = topology.GetConnector(0)?;
        assert_eq!(code(c.GetConnectedTo()), hr(HResult::ERROR_PATH_NOT_FOUND));
    }
    Ok(())
}

/// E_NOINTERFACE on IMMDevice::Activate, through COM.
#[test]
fn e_nointerface_on_activate_through_com() -> R {
    let system = fixtures::four_topologies()?;
    let enumerator = enumerator(&system);
    system
        .faults()
        .add(Fault::on(IMMDevice_Activate).fail(HResult::E_NOINTERFACE))?;
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let device = enumerator.GetDevice(PCWSTR(wide(fixtures::FOUR_EPB).as_ptr()))?;
        let err = device.Activate::<IDeviceTopology>(0x17, None).map(drop);
        assert_eq!(code(err), hr(HResult::E_NOINTERFACE));
    }
    Ok(())
}

/// X73, G6 (COM's QueryInterface rules: an object's interface set is static): a part object
/// answers `IConnector` or `ISubunit` by its part's type alone, the same before and after its
/// device's removal and whatever it was made as or queried for before; the methods of a
/// removed part then answer AUDCLNT_E_DEVICE_INVALIDATED, as the Rust handles do. A device
/// object answers `IMMEndpoint` by its kind (X45), also once removed and under a fault on
/// `GetDataFlow`; QueryInterface itself is never recorded (X70). Before X73, a removed
/// connector's IPart answered `IConnector` with AUDCLNT_E_DEVICE_INVALIDATED, and a removed
/// adapter's `IMMDevice` answered `IMMEndpoint` with S_OK.
#[test]
fn x73_g6_query_interface_is_static_across_removal_and_faults() -> R {
    let system = fixtures::four_topologies()?;
    let enumerator = enumerator(&system);
    let removed = hr(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
    let no = hr(HResult::E_NOINTERFACE);
    let connector_part = part(&system, fixtures::FOUR_MUX, 0x10000); // made as IPart only
    let subunit_part = part(&system, fixtures::FOUR_MUX, 0x20001);
    let rust_connector = rust_part(&system, fixtures::FOUR_MUX, 0x10000);
    let rust_subunit = rust_part(&system, fixtures::FOUR_MUX, 0x20001);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out; the strings are
    // NUL-terminated UTF-16.
    let (adapter, endpoint) = unsafe {
        (
            enumerator.GetDevice(PCWSTR(wide(fixtures::FOUR_MUX).as_ptr()))?,
            enumerator.GetDevice(PCWSTR(wide(fixtures::FOUR_EPB).as_ptr()))?,
        )
    };
    system
        .faults()
        .add(Fault::on(IMMEndpoint_GetDataFlow).fail(HResult::E_OUTOFMEMORY))?;
    system.recorder().start();
    let answers = || {
        [
            code(connector_part.cast::<IConnector>()),
            code(connector_part.cast::<ISubunit>()),
            code(subunit_part.cast::<IConnector>()),
            code(subunit_part.cast::<ISubunit>()),
            code(adapter.cast::<IMMEndpoint>()),
            code(endpoint.cast::<IMMEndpoint>()),
        ]
    };
    let live = answers();
    assert_eq!(live, [HRESULT(0), no, no, HRESULT(0), no, HRESULT(0)]);
    assert!(
        system.recorder().take().is_empty(),
        "X70: QI is not recorded"
    );
    system.faults().clear();
    system.remove_device(fixtures::FOUR_MUX)?;
    system.remove_device(fixtures::FOUR_EPB)?;
    assert_eq!(answers(), live, "X73: the same answers once removed");
    // The Rust handles answer alike (one source of truth).
    assert!(rust_connector.as_connector().is_ok());
    assert_eq!(rust_code(rust_connector.as_subunit()), no);
    assert_eq!(rust_code(rust_subunit.as_connector()), no);
    assert!(rust_subunit.as_subunit().is_ok());
    let c: IConnector = connector_part.cast()?;
    let e: IMMEndpoint = endpoint.cast()?;
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        assert_eq!(code(c.GetType()), removed);
        assert_eq!(c.Disconnect(), removed);
        assert_eq!(code(connector_part.GetName()), removed);
        assert_eq!(code(e.GetDataFlow()), removed);
    }
    assert_eq!(
        rust_code(rust_connector.as_connector()?.connector_type()),
        removed
    );
    Ok(())
}
