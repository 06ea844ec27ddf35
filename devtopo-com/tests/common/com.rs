//! Helpers for tests that talk COM the way windows-rs code does.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use devtopo::{LocalId, System};
use devtopo_com::*;
use windows_core::{AsImpl, GUID, HRESULT, Interface, implement};

/// The `HRESULT` of a windows-rs call.
pub fn code<T>(result: windows_core::Result<T>) -> HRESULT {
    match result {
        Ok(_) => HRESULT(0),
        Err(e) => e.code(),
    }
}

/// devtopo's HRESULT for a Rust call.
pub fn rust_code<T>(result: devtopo::Result<T>) -> HRESULT {
    match result {
        Ok(_) => HRESULT(0),
        Err(e) => HRESULT(e.hresult().0),
    }
}

pub fn topology(system: &System, device: &str) -> IDeviceTopology {
    device_topology(
        &system
            .device(device)
            .expect("device")
            .topology()
            .expect("topology"),
    )
}

pub fn part(system: &System, device: &str, local_id: u32) -> IPart {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe { topology(system, device).GetPartById(local_id) }.expect("part")
}

pub fn connector(system: &System, device: &str, local_id: u32) -> IConnector {
    part(system, device, local_id).cast().expect("IConnector")
}

pub fn rust_part(system: &System, device: &str, local_id: u32) -> devtopo::Part {
    system
        .device(device)
        .and_then(|d| d.topology())
        .and_then(|t| t.part_by_id(LocalId(local_id)))
        .expect("part")
}

pub fn to_guid(g: devtopo::Guid) -> GUID {
    GUID {
        data1: g.data1,
        data2: g.data2,
        data3: g.data3,
        data4: g.data4,
    }
}

/// A client `IControlChangeNotify`, as windows-rs code writes one with `#[implement]`.
#[implement(IControlChangeNotify)]
pub struct Recorder {
    pub calls: AtomicU32,
    pub last: Mutex<Option<(u32, Option<GUID>)>>,
}

impl Recorder {
    pub fn sink() -> IControlChangeNotify {
        Recorder {
            calls: AtomicU32::new(0),
            last: Mutex::new(None),
        }
        .into()
    }
}

impl IControlChangeNotify_Impl for Recorder_Impl {
    fn OnNotify(&self, pid: u32, context: *const GUID) -> windows_core::Result<()> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let context = unsafe { context.as_ref() }.copied();
        *self.last.lock().expect("lock") = Some((pid, context));
        Ok(())
    }
}

/// The recorder behind an interface made by `Recorder::new`.
pub fn recorder(sink: &IControlChangeNotify) -> &Recorder {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe { sink.as_impl() }
}

/// The reference count of a COM object (AddRef then Release, through its vtable).
pub fn refcount<I: Interface>(object: &I) -> u32 {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let raw = object.as_raw();
        let unknown = &**raw.cast::<*const windows_core::IUnknown_Vtbl>();
        (unknown.AddRef)(raw);
        (unknown.Release)(raw)
    }
}
