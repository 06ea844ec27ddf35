//! The object machinery every devtopo COM object shares: reference counting, `QueryInterface`
//! over a table of the object's interfaces, the live-object counter, and the helpers that turn
//! a devtopo `Result` into an `HRESULT` and an out-pointer write (G1, G4).
//!
//! An object is a `#[repr(C)]` struct whose first fields are vtable pointers (the first is
//! its identity, G6), followed by an atomic reference count and the devtopo handle it wraps.
//! The vtables are statics of the generated `*_Vtbl` structs, so the slot order is the
//! metadata's (G7, R5); only the functions in the slots are ours. windows-core's
//! `#[implement]` is not used for devtopo's objects because its generated shims write every
//! out-pointer unconditionally: they cannot answer `E_POINTER` for a NULL out-pointer (G4) nor
//! NULL an out-pointer on failure (G1). Client sinks may still be `#[implement]` objects.

use std::ffi::c_void;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering, fence};

use windows_core::{GUID, HRESULT, IUnknown, IUnknown_Vtbl, Interface};

/// The number of devtopo COM objects alive in this process.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// How many devtopo COM objects are alive in this process: each object counts from its
/// creation until its last `Release`. A test that releases everything it obtained sees this
/// return to its starting value.
pub fn live_objects() -> usize {
    LIVE.load(Ordering::SeqCst)
}

pub(crate) const S_OK: HRESULT = HRESULT(0);
pub(crate) const E_POINTER: HRESULT = hr(devtopo::HResult::E_POINTER);
pub(crate) const E_INVALIDARG: HRESULT = hr(devtopo::HResult::E_INVALIDARG);
pub(crate) const E_NOINTERFACE: HRESULT = hr(devtopo::HResult::E_NOINTERFACE);
pub(crate) const E_OUTOFMEMORY: HRESULT = hr(devtopo::HResult::E_OUTOFMEMORY);
pub(crate) const E_FAIL: HRESULT = hr(devtopo::HResult::E_FAIL);

/// devtopo's `HResult` as windows-core's `HRESULT` (the same 32 bits).
pub(crate) const fn hr(code: devtopo::HResult) -> HRESULT {
    HRESULT(code.0)
}

/// The `HRESULT` of a devtopo error: exactly `Error::hresult()`.
pub(crate) fn error_hr(err: &devtopo::Error) -> HRESULT {
    hr(err.hresult())
}

/// A devtopo COM object.
///
/// # Safety
/// The implementing type must be `#[repr(C)]`, created only by [`into_raw`], and every
/// pointer [`ComObject::interface`] returns must point at one of its vtable-pointer fields.
pub(crate) unsafe trait ComObject: Sized + Send + Sync + 'static {
    /// The reference count.
    fn refs(&self) -> &AtomicU32;

    /// The interface pointer for `iid` (into `self`), or the `HRESULT` that refuses it.
    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT>;
}

/// Moves `object` (whose count starts at 1) to the heap and returns its identity pointer.
pub(crate) fn into_raw<T: ComObject>(object: T) -> *mut c_void {
    debug_assert_eq!(object.refs().load(Ordering::Relaxed), 1);
    LIVE.fetch_add(1, Ordering::SeqCst);
    Box::into_raw(Box::new(object)).cast()
}

/// The object behind an interface pointer of it whose vtable field is at byte `OFFSET`.
///
/// # Safety
/// `this` must be an interface pointer of a live `T` whose vtable field is at `OFFSET`.
pub(crate) unsafe fn object<'a, T, const OFFSET: usize>(this: *mut c_void) -> &'a T {
    // SAFETY: by the contract, `this - OFFSET` is the start of a live `T`.
    unsafe { &*this.byte_sub(OFFSET).cast::<T>() }
}

unsafe extern "system" fn query_interface<T: ComObject, const OFFSET: usize>(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    if out.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through one of `T`'s vtables at `OFFSET` (it is ours), `out` is
    // non-NULL and, by COM's contract, writable; `iid` is NULL or readable.
    unsafe {
        let obj = object::<T, OFFSET>(this);
        let Some(iid) = iid.as_ref() else {
            *out = std::ptr::null_mut();
            return E_POINTER;
        };
        let found = if *iid == IUnknown::IID {
            Ok(std::ptr::from_ref(obj).cast_mut().cast())
        } else {
            obj.interface(iid)
        };
        match found {
            Ok(ptr) => {
                obj.refs().fetch_add(1, Ordering::Relaxed);
                *out = ptr;
                S_OK
            }
            Err(code) => {
                *out = std::ptr::null_mut();
                code
            }
        }
    }
}

unsafe extern "system" fn add_ref<T: ComObject, const OFFSET: usize>(this: *mut c_void) -> u32 {
    // SAFETY: `this` came through one of `T`'s vtables at `OFFSET`.
    let obj = unsafe { object::<T, OFFSET>(this) };
    obj.refs().fetch_add(1, Ordering::Relaxed) + 1
}

unsafe extern "system" fn release<T: ComObject, const OFFSET: usize>(this: *mut c_void) -> u32 {
    // SAFETY: `this` came through one of `T`'s vtables at `OFFSET`.
    let obj = unsafe { object::<T, OFFSET>(this) };
    let left = obj.refs().fetch_sub(1, Ordering::Release) - 1;
    if left == 0 {
        fence(Ordering::Acquire);
        // SAFETY: the count reached zero, so no other reference exists; the object was made
        // by `into_raw` (a `Box<T>`), and this is the one place that frees it.
        drop(unsafe { Box::from_raw(std::ptr::from_ref(obj).cast_mut()) });
        LIVE.fetch_sub(1, Ordering::SeqCst);
    }
    left
}

/// The `IUnknown` slots for the interface of `T` whose vtable field is at byte `OFFSET`.
pub(crate) const fn unknown<T: ComObject, const OFFSET: usize>() -> IUnknown_Vtbl {
    IUnknown_Vtbl {
        QueryInterface: query_interface::<T, OFFSET>,
        AddRef: add_ref::<T, OFFSET>,
        Release: release::<T, OFFSET>,
    }
}

/// Wraps an owned interface pointer (count already taken) as `I`.
///
/// # Safety
/// `raw` must be a non-NULL pointer to interface `I` carrying one reference.
pub(crate) unsafe fn wrap<I: Interface>(raw: *mut c_void) -> I {
    // SAFETY: by the contract.
    unsafe { I::from_raw(raw) }
}

/// The vtable pointer an interface pointer starts with: how devtopo recognises its own
/// objects (a foreign object has another vtable).
///
/// # Safety
/// `ptr` must be a non-NULL COM interface pointer.
pub(crate) unsafe fn vtable_of(ptr: *mut c_void) -> *const c_void {
    // SAFETY: every COM interface pointer points at its vtable pointer.
    unsafe { *ptr.cast::<*const c_void>() }
}

/// Writes a plain value through `out`: `E_POINTER` for NULL (G4), else the value of `f`
/// (nothing is written on failure).
///
/// # Safety
/// `out` must be NULL or valid for writes.
pub(crate) unsafe fn out_value<T>(out: *mut T, f: impl FnOnce() -> devtopo::Result<T>) -> HRESULT {
    if out.is_null() {
        return E_POINTER;
    }
    match f() {
        Ok(value) => {
            // SAFETY: `out` is non-NULL and valid for writes by the contract.
            unsafe { out.write(value) };
            S_OK
        }
        Err(err) => error_hr(&err),
    }
}

/// Writes an owned pointer (an interface or a string) through `out`: `E_POINTER` for NULL
/// (G4), the pointer on success, NULL on failure (G1).
///
/// # Safety
/// `out` must be NULL or valid for writes.
pub(crate) unsafe fn out_ptr<T>(
    out: *mut *mut T,
    f: impl FnOnce() -> Result<*mut T, HRESULT>,
) -> HRESULT {
    if out.is_null() {
        return E_POINTER;
    }
    let (value, code) = match f() {
        Ok(ptr) => (ptr, S_OK),
        Err(code) => (std::ptr::null_mut(), code),
    };
    // SAFETY: `out` is non-NULL and valid for writes by the contract.
    unsafe { out.write(value) };
    code
}

/// A devtopo result mapped to an `HRESULT` error.
pub(crate) fn com<T>(result: devtopo::Result<T>) -> Result<T, HRESULT> {
    result.map_err(|err| error_hr(&err))
}

/// An `HRESULT` for a call with no out-value.
pub(crate) fn status(result: devtopo::Result<()>) -> HRESULT {
    match result {
        Ok(()) => S_OK,
        Err(err) => error_hr(&err),
    }
}
