//! The `IMMDeviceEnumerator` object (V1-V17, Y1-Y3, X36-X41): the one injection point a
//! client's code receives, wrapping a devtopo [`System`].

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::{EDataFlow, ERole, System};
use windows_core::{GUID, HRESULT, Interface, PCWSTR};

use super::device::{collection_raw, device_raw};
use super::sink::{register_endpoint_sink, unregister_endpoint_sink};
use crate::generated::{self, IMMDeviceEnumerator, IMMDeviceEnumerator_Vtbl};
use crate::memory::pwstr_to_string;
use crate::object::{
    ComObject, E_NOINTERFACE, E_POINTER, com, into_raw, object, out_ptr, status, unknown, wrap,
};

#[repr(C)]
pub(crate) struct EnumeratorObject {
    vtbl: &'static IMMDeviceEnumerator_Vtbl,
    refs: AtomicU32,
    system: System,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for EnumeratorObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IMMDeviceEnumerator::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IMMDeviceEnumerator` object (one reference).
pub(crate) fn enumerator_raw(system: System) -> *mut c_void {
    into_raw(EnumeratorObject {
        vtbl: &VTBL,
        refs: AtomicU32::new(1),
        system,
    })
}

/// The `IMMDeviceEnumerator` of a devtopo system: what the code under test receives instead
/// of calling `CoCreateInstance(CLSID_MMDeviceEnumerator)`. Every interface of the model is
/// reachable from it; it keeps the system alive, and every method answers what the matching
/// [`System`] method answers (plus `E_POINTER` for NULL pointers).
///
/// ```
/// use devtopo_com::{IMMDeviceEnumerator, eCapture, eConsole, enumerator, take_pwstr};
/// let system = devtopo::fixtures::four_topologies()?;
/// let enumerator: IMMDeviceEnumerator = enumerator(&system);
/// drop(system); // the COM object keeps the simulation alive
/// let mic = unsafe { enumerator.GetDefaultAudioEndpoint(eCapture, eConsole) }?;
/// let id = unsafe { take_pwstr(mic.GetId()?) };
/// assert!(id.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn enumerator(system: &System) -> IMMDeviceEnumerator {
    // SAFETY: `enumerator_raw` returns a fresh IMMDeviceEnumerator pointer with one reference.
    unsafe { wrap(enumerator_raw(system.clone())) }
}

type This = *mut c_void;

unsafe extern "system" fn enum_audio_endpoints(
    this: This,
    flow: generated::EDataFlow,
    mask: u32,
    out: *mut This,
) -> HRESULT {
    // SAFETY: `this` came through VTBL (offset 0); `out` is NULL or writable (COM contract).
    unsafe {
        let obj = object::<EnumeratorObject, 0>(this);
        out_ptr(out, || {
            let flow = com(EDataFlow::from_arg(flow as u32))?;
            com(obj.system.enum_audio_endpoints(flow, mask)).map(collection_raw)
        })
    }
}

unsafe extern "system" fn get_default_audio_endpoint(
    this: This,
    flow: generated::EDataFlow,
    role: generated::ERole,
    out: *mut This,
) -> HRESULT {
    // SAFETY: as in `enum_audio_endpoints`.
    unsafe {
        let obj = object::<EnumeratorObject, 0>(this);
        out_ptr(out, || {
            let flow = com(EDataFlow::from_arg(flow as u32))?;
            let role = com(ERole::from_arg(role as u32))?;
            com(obj.system.default_endpoint(flow, role)).map(device_raw)
        })
    }
}

unsafe extern "system" fn get_device(this: This, id: PCWSTR, out: *mut This) -> HRESULT {
    // SAFETY: as in `enum_audio_endpoints`; `id` is NULL or a NUL-terminated UTF-16 string.
    unsafe {
        let obj = object::<EnumeratorObject, 0>(this);
        out_ptr(out, || {
            let id = pwstr_to_string(id).ok_or(E_POINTER)?;
            com(obj.system.device(&id)).map(device_raw)
        })
    }
}

unsafe extern "system" fn register(this: This, client: This) -> HRESULT {
    if client.is_null() {
        return E_POINTER;
    }
    // SAFETY: as in `enum_audio_endpoints`; `client` is a non-NULL IMMNotificationClient.
    unsafe {
        let obj = object::<EnumeratorObject, 0>(this);
        status(register_endpoint_sink(&obj.system, client))
    }
}

unsafe extern "system" fn unregister(this: This, client: This) -> HRESULT {
    if client.is_null() {
        return E_POINTER;
    }
    // SAFETY: as in `enum_audio_endpoints`.
    let obj = unsafe { object::<EnumeratorObject, 0>(this) };
    status(unregister_endpoint_sink(&obj.system, client))
}

static VTBL: IMMDeviceEnumerator_Vtbl = IMMDeviceEnumerator_Vtbl {
    base__: unknown::<EnumeratorObject, 0>(),
    EnumAudioEndpoints: enum_audio_endpoints,
    GetDefaultAudioEndpoint: get_default_audio_endpoint,
    GetDevice: get_device,
    RegisterEndpointNotificationCallback: register,
    UnregisterEndpointNotificationCallback: unregister,
};
