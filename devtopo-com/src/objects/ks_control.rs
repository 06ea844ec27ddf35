//! The `IKsControl` object of an adapter device (Q1-Q8, `IMMDevice::Activate(IID_IKsControl)`).
//! The KS descriptors and buffers are passed on as bytes; devtopo's handlers answer.

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::{Error, KsControl};
use windows_core::{GUID, HRESULT, Interface};

use crate::generated::{IKsControl, IKsControl_Vtbl, KSIDENTIFIER};
use crate::object::{
    ComObject, E_NOINTERFACE, E_POINTER, S_OK, error_hr, into_raw, object, unknown,
};

#[repr(C)]
pub(crate) struct KsObject {
    vtbl: &'static IKsControl_Vtbl,
    refs: AtomicU32,
    control: KsControl,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for KsObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IKsControl::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IKsControl` object (one reference).
pub(crate) fn ks_control_raw(control: KsControl) -> *mut c_void {
    into_raw(KsObject {
        vtbl: &VTBL,
        refs: AtomicU32::new(1),
        control,
    })
}

/// Which `IKsControl` method.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Property,
    Method,
    /// `KsEvent`, whose descriptor may be NULL (disable, Q6).
    Event,
}

/// One KS call: the descriptor and buffer as slices (NULL: none), `*returned` written with
/// the bytes returned, or with the bytes needed for `ERROR_MORE_DATA` (Q4), else 0.
///
/// # Safety
/// `this` must come through VTBL; `descriptor` NULL or readable for `descriptor_len` bytes;
/// `data` NULL or writable for `data_len` bytes; `returned` NULL or writable.
unsafe fn call(
    this: *mut c_void,
    descriptor: *const KSIDENTIFIER,
    descriptor_len: u32,
    data: *mut c_void,
    data_len: u32,
    returned: *mut u32,
    verb: Verb,
) -> HRESULT {
    if returned.is_null() || (verb != Verb::Event && descriptor.is_null()) {
        return E_POINTER;
    }
    // SAFETY: by the contract.
    unsafe {
        let obj = object::<KsObject, 0>(this);
        let descriptor = (!descriptor.is_null())
            .then(|| std::slice::from_raw_parts(descriptor.cast::<u8>(), descriptor_len as usize));
        let data = (!data.is_null())
            .then(|| std::slice::from_raw_parts_mut(data.cast::<u8>(), data_len as usize));
        let c = &obj.control;
        let result = match verb {
            Verb::Property => c.ks_property(descriptor.unwrap_or_default(), data),
            Verb::Method => c.ks_method(descriptor.unwrap_or_default(), data),
            Verb::Event => c.ks_event(descriptor, data),
        };
        let (bytes, code) = match result {
            Ok(n) => (n, S_OK),
            Err(err @ Error::KsMoreData { needed, .. }) => (needed, error_hr(&err)),
            Err(err) => (0, error_hr(&err)),
        };
        returned.write(bytes);
        code
    }
}

unsafe extern "system" fn ks_property(
    this: *mut c_void,
    p: *const KSIDENTIFIER,
    pl: u32,
    d: *mut c_void,
    dl: u32,
    r: *mut u32,
) -> HRESULT {
    // SAFETY: the caller's pointers, under IKsControl::KsProperty's contract.
    unsafe { call(this, p, pl, d, dl, r, Verb::Property) }
}

unsafe extern "system" fn ks_method(
    this: *mut c_void,
    p: *const KSIDENTIFIER,
    pl: u32,
    d: *mut c_void,
    dl: u32,
    r: *mut u32,
) -> HRESULT {
    // SAFETY: the caller's pointers, under IKsControl::KsMethod's contract.
    unsafe { call(this, p, pl, d, dl, r, Verb::Method) }
}

unsafe extern "system" fn ks_event(
    this: *mut c_void,
    p: *const KSIDENTIFIER,
    pl: u32,
    d: *mut c_void,
    dl: u32,
    r: *mut u32,
) -> HRESULT {
    // SAFETY: the caller's pointers, under IKsControl::KsEvent's contract (Event may be NULL:
    // disable, Q6).
    unsafe { call(this, p, pl, d, dl, r, Verb::Event) }
}

static VTBL: IKsControl_Vtbl = IKsControl_Vtbl {
    base__: unknown::<KsObject, 0>(),
    KsProperty: ks_property,
    KsMethod: ks_method,
    KsEvent: ks_event,
};
