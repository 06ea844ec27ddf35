//! The `IPartsList` object (rules L1-L3).

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::PartsList;
use windows_core::{GUID, HRESULT, Interface};

use super::part::PartObject;
use crate::generated::{IPartsList, IPartsList_Vtbl};
use crate::object::{ComObject, E_NOINTERFACE, com, into_raw, object, out_ptr, out_value, unknown};

#[repr(C)]
struct PartsListObject {
    vtbl: &'static IPartsList_Vtbl,
    refs: AtomicU32,
    list: PartsList,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for PartsListObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IPartsList::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IPartsList` object (one reference).
pub(crate) fn parts_list_object(list: PartsList) -> *mut c_void {
    into_raw(PartsListObject {
        vtbl: &VTBL,
        refs: AtomicU32::new(1),
        list,
    })
}

unsafe extern "system" fn get_count(this: *mut c_void, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through VTBL; `out` is NULL or writable (COM contract).
    unsafe {
        let obj = object::<PartsListObject, 0>(this);
        out_value(out, || obj.list.count())
    }
}

unsafe extern "system" fn get_part(
    this: *mut c_void,
    index: u32,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: as in `get_count`.
    unsafe {
        let obj = object::<PartsListObject, 0>(this);
        out_ptr(out, || com(obj.list.part(index)).map(PartObject::part_raw))
    }
}

static VTBL: IPartsList_Vtbl = IPartsList_Vtbl {
    base__: unknown::<PartsListObject, 0>(),
    GetCount: get_count,
    GetPart: get_part,
};
