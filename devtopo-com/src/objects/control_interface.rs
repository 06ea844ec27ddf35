//! The `IControlInterface` object (rule K1).

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::ControlInterface;
use windows_core::{GUID, HRESULT, Interface, PWSTR};

use super::part::com_guid;
use crate::generated::{IControlInterface, IControlInterface_Vtbl};
use crate::memory::co_string;
use crate::object::{ComObject, E_NOINTERFACE, com, into_raw, object, out_ptr, out_value, unknown};

#[repr(C)]
struct ControlInterfaceObject {
    vtbl: &'static IControlInterface_Vtbl,
    refs: AtomicU32,
    control: ControlInterface,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for ControlInterfaceObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IControlInterface::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IControlInterface` object (one reference).
pub(crate) fn control_interface_raw(control: ControlInterface) -> *mut c_void {
    into_raw(ControlInterfaceObject {
        vtbl: &VTBL,
        refs: AtomicU32::new(1),
        control,
    })
}

unsafe extern "system" fn get_name(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: `this` came through VTBL; `out` is NULL or writable (COM contract).
    unsafe {
        let obj = object::<ControlInterfaceObject, 0>(this);
        out_ptr(out.cast::<*mut u16>(), || {
            co_string(&com(obj.control.name())?)
        })
    }
}

unsafe extern "system" fn get_iid(this: *mut c_void, out: *mut GUID) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe {
        let obj = object::<ControlInterfaceObject, 0>(this);
        out_value(out, || obj.control.iid().map(com_guid))
    }
}

static VTBL: IControlInterface_Vtbl = IControlInterface_Vtbl {
    base__: unknown::<ControlInterfaceObject, 0>(),
    GetName: get_name,
    GetIID: get_iid,
};
