//! The `IPropertyStore` object (S1-S11, X53-X56) and the `PROPVARIANT` translation (S37):
//! values devtopo returns become `PROPVARIANT`s whose memory (`pwszVal`, `blob.pBlobData`,
//! `puuid`) comes from `CoTaskMemAlloc`, for the caller to free with `PropVariantClear`.

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::{PropVariant, PropertyKey, PropertyStore};
use windows_core::{GUID, HRESULT, Interface, PCWSTR, PWSTR};

use super::part::{com_guid, guid};
use crate::generated::{
    BLOB, IPropertyStore, IPropertyStore_Vtbl, PROPERTYKEY, PROPVARIANT, VARIANT_BOOL, VARTYPE,
};
use crate::memory::{co_string, co_task_mem_alloc, pwstr_to_string};
use crate::object::{
    ComObject, E_INVALIDARG, E_NOINTERFACE, E_OUTOFMEMORY, E_POINTER, S_OK, com, into_raw, object,
    out_value, status, unknown,
};

#[repr(C)]
pub(crate) struct StoreObject {
    vtbl: &'static IPropertyStore_Vtbl,
    refs: AtomicU32,
    store: PropertyStore,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for StoreObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IPropertyStore::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IPropertyStore` object (one reference).
pub(crate) fn store_raw(store: PropertyStore) -> *mut c_void {
    into_raw(StoreObject {
        vtbl: &VTBL,
        refs: AtomicU32::new(1),
        store,
    })
}

pub(crate) fn com_key(key: PropertyKey) -> PROPERTYKEY {
    PROPERTYKEY {
        fmtid: com_guid(key.fmtid),
        pid: key.pid,
    }
}

fn dt_key(key: &PROPERTYKEY) -> PropertyKey {
    PropertyKey::new(guid(&key.fmtid), key.pid)
}

const VT_EMPTY: u16 = 0;
const VT_I4: u16 = 3;
const VT_BOOL: u16 = 11;
const VT_UI4: u16 = 19;
const VT_LPWSTR: u16 = 31;
const VT_BLOB: u16 = 65;
const VT_CLSID: u16 = 72;

/// `bytes` copied into a fresh `CoTaskMemAlloc` block.
fn co_bytes(bytes: &[u8]) -> Result<*mut u8, HRESULT> {
    let ptr = co_task_mem_alloc(bytes.len()).cast::<u8>();
    if ptr.is_null() {
        return Err(E_OUTOFMEMORY);
    }
    // SAFETY: `ptr` is a fresh block of `bytes.len()` bytes, disjoint from `bytes`.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len()) };
    Ok(ptr)
}

/// devtopo's value as a caller-owned `PROPVARIANT` (S37).
pub(crate) fn to_propvariant(value: &PropVariant) -> Result<PROPVARIANT, HRESULT> {
    let mut var = PROPVARIANT::default();
    // SAFETY: a default PROPVARIANT is all zeros (VT_EMPTY); the tag written matches the
    // union member written.
    let inner = unsafe { &mut *var.Anonymous.Anonymous };
    let vt = match value {
        PropVariant::Empty => VT_EMPTY,
        PropVariant::I4(v) => {
            inner.Anonymous.lVal = *v;
            VT_I4
        }
        PropVariant::Bool(b) => {
            inner.Anonymous.boolVal = VARIANT_BOOL(if *b { -1 } else { 0 });
            VT_BOOL
        }
        PropVariant::Ui4(v) => {
            inner.Anonymous.ulVal = *v;
            VT_UI4
        }
        PropVariant::Lpwstr(s) => {
            inner.Anonymous.pwszVal = PWSTR(co_string(s)?);
            VT_LPWSTR
        }
        PropVariant::Blob(bytes) => {
            let size = u32::try_from(bytes.len()).map_err(|_| E_OUTOFMEMORY)?;
            inner.Anonymous.blob = BLOB {
                cbSize: size,
                pBlobData: co_bytes(bytes)?,
            };
            VT_BLOB
        }
        PropVariant::Clsid(g) => {
            let g = com_guid(*g);
            // SAFETY: a GUID is plain data; viewing it as its 16 bytes is sound.
            let bytes = unsafe {
                std::slice::from_raw_parts(std::ptr::from_ref(&g).cast::<u8>(), size_of::<GUID>())
            };
            inner.Anonymous.puuid = co_bytes(bytes)?.cast();
            VT_CLSID
        }
    };
    inner.vt = VARTYPE(vt);
    Ok(var)
}

/// A caller's `PROPVARIANT` as devtopo's value. devtopo's stores hold the VARTYPEs of
/// [`PropVariant`] (VT_EMPTY, VT_I4, VT_BOOL, VT_UI4, VT_LPWSTR, VT_BLOB, VT_CLSID); any other
/// is `E_INVALIDARG` (as Wine's store answers, X56), and a NULL pointer inside a pointer type
/// is `E_POINTER`.
///
/// # Safety
/// `var` must be a valid PROPVARIANT: its pointer member, for the tag, NULL or readable.
pub(crate) unsafe fn from_propvariant(var: &PROPVARIANT) -> Result<PropVariant, HRESULT> {
    // SAFETY: by the contract the union member read matches the tag.
    unsafe {
        let inner = &*var.Anonymous.Anonymous;
        let u = &inner.Anonymous;
        Ok(match inner.vt.0 {
            VT_EMPTY => PropVariant::Empty,
            VT_I4 => PropVariant::I4(u.lVal),
            VT_BOOL => PropVariant::Bool(u.boolVal.0 != 0),
            VT_UI4 => PropVariant::Ui4(u.ulVal),
            VT_LPWSTR => {
                PropVariant::Lpwstr(pwstr_to_string(PCWSTR(u.pwszVal.0)).ok_or(E_POINTER)?)
            }
            VT_BLOB => {
                let blob = &u.blob;
                if blob.cbSize == 0 {
                    PropVariant::Blob(Vec::new())
                } else if blob.pBlobData.is_null() {
                    return Err(E_POINTER);
                } else {
                    PropVariant::Blob(
                        std::slice::from_raw_parts(blob.pBlobData, blob.cbSize as usize).to_vec(),
                    )
                }
            }
            VT_CLSID => PropVariant::Clsid(guid(u.puuid.as_ref().ok_or(E_POINTER)?)),
            _ => return Err(E_INVALIDARG),
        })
    }
}

type This = *mut c_void;

unsafe extern "system" fn get_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through VTBL (a StoreObject at offset 0); `out` is NULL or writable.
    unsafe {
        let obj = object::<StoreObject, 0>(this);
        out_value(out, || obj.store.count())
    }
}

unsafe extern "system" fn get_at(this: This, index: u32, out: *mut PROPERTYKEY) -> HRESULT {
    // SAFETY: as in `get_count`.
    unsafe {
        let obj = object::<StoreObject, 0>(this);
        out_value(out, || obj.store.at(index).map(com_key))
    }
}

unsafe extern "system" fn get_value(
    this: This,
    key: *const PROPERTYKEY,
    out: *mut PROPVARIANT,
) -> HRESULT {
    if out.is_null() {
        return E_POINTER;
    }
    // SAFETY: as in `get_count`; `key` is NULL or readable; `out` is non-NULL and writable.
    unsafe {
        let obj = object::<StoreObject, 0>(this);
        let result = match key.as_ref() {
            None => Err(E_POINTER),
            Some(key) => com(obj.store.value(&dt_key(key))).and_then(|v| to_propvariant(&v)),
        };
        // G1: on failure the caller's PROPVARIANT is VT_EMPTY, nothing to clear.
        let (var, code) = match result {
            Ok(var) => (var, S_OK),
            Err(code) => (PROPVARIANT::default(), code),
        };
        out.write(var);
        code
    }
}

unsafe extern "system" fn set_value(
    this: This,
    key: *const PROPERTYKEY,
    value: *const PROPVARIANT,
) -> HRESULT {
    // SAFETY: as in `get_count`; `key` and `value` are NULL or readable valid values.
    unsafe {
        let obj = object::<StoreObject, 0>(this);
        let (Some(key), Some(value)) = (key.as_ref(), value.as_ref()) else {
            return E_POINTER;
        };
        match from_propvariant(value) {
            Ok(value) => status(obj.store.set_value(&dt_key(key), value)),
            Err(code) => code,
        }
    }
}

unsafe extern "system" fn commit(this: This) -> HRESULT {
    // SAFETY: as in `get_count`.
    let obj = unsafe { object::<StoreObject, 0>(this) };
    status(obj.store.commit())
}

static VTBL: IPropertyStore_Vtbl = IPropertyStore_Vtbl {
    base__: unknown::<StoreObject, 0>(),
    GetCount: get_count,
    GetAt: get_at,
    GetValue: get_value,
    SetValue: set_value,
    Commit: commit,
};
