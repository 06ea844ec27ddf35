//! Caller-owned memory (G2): strings and arrays devtopo returns come from `CoTaskMemAlloc` and
//! the caller frees them with `CoTaskMemFree`. Windows has both in ole32; elsewhere this crate
//! defines them (and `PropVariantClear`) as C symbols, so C++ and Rust clients link them from
//! devtopo-com exactly as they would from ole32.
//!
//! Also the UTF-16 helpers: [`pwstr_to_string`] reads a NUL-terminated UTF-16 string on any OS.
//! Do **not** use windows-strings' `PWSTR::to_string()` / `PCWSTR::to_string()` off Windows:
//! it measures the string with the C library's `wcslen`, whose `wchar_t` is 32 bits on Linux
//! and macOS, so it reads past the end of a UTF-16 string and returns garbage ("Speakers"
//! came back as "Spea").

use std::ffi::c_void;

use windows_core::{HRESULT, PCWSTR, PWSTR};

/// Reads a NUL-terminated UTF-16 string (lossily: unpaired surrogates become U+FFFD).
/// Returns `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or point at a NUL-terminated sequence of `u16`.
pub unsafe fn pwstr_to_string(ptr: PCWSTR) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    let mut len = 0usize;
    // SAFETY: the string is NUL-terminated, so every index up to and including the NUL is
    // readable; the loop stops at the NUL.
    unsafe {
        while *ptr.0.add(len) != 0 {
            len += 1;
        }
        Some(String::from_utf16_lossy(std::slice::from_raw_parts(
            ptr.0, len,
        )))
    }
}

/// Reads a caller-owned string devtopo returned (a `PWSTR` from `CoTaskMemAlloc`), frees it
/// with `CoTaskMemFree`, and returns it. `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or a NUL-terminated UTF-16 string allocated with `CoTaskMemAlloc` that
/// is not used again.
pub unsafe fn take_pwstr(ptr: PWSTR) -> Option<String> {
    // SAFETY: by the contract, `ptr` is NULL or a NUL-terminated string.
    let text = unsafe { pwstr_to_string(PCWSTR(ptr.0)) };
    // SAFETY: by the contract, `ptr` came from CoTaskMemAlloc and is not used again.
    unsafe { co_task_mem_free(ptr.0.cast()) };
    text
}

/// `text` as a NUL-terminated UTF-16 string in `CoTaskMemAlloc` memory (G2). Encodes
/// straight into that block: one allocation, none on the Rust heap (issue 11's COM bench).
pub(crate) fn co_string(text: &str) -> Result<*mut u16, HRESULT> {
    let len = text.encode_utf16().count();
    let bytes = (len + 1) * size_of::<u16>();
    let ptr = co_task_mem_alloc(bytes).cast::<u16>();
    if ptr.is_null() {
        return Err(crate::object::E_OUTOFMEMORY);
    }
    // SAFETY: `ptr` is a fresh allocation of `len + 1` u16s (CoTaskMemAlloc memory is aligned
    // for any fundamental type); `encode_utf16` yields exactly `len` units, so every write
    // below is in bounds.
    unsafe {
        for (i, unit) in text.encode_utf16().enumerate() {
            ptr.add(i).write(unit);
        }
        ptr.add(len).write(0);
    }
    Ok(ptr)
}

/// `CoTaskMemAlloc`: ole32's on Windows, this crate's elsewhere.
pub(crate) fn co_task_mem_alloc(bytes: usize) -> *mut c_void {
    // SAFETY: CoTaskMemAlloc has no preconditions.
    unsafe { crate::generated::CoTaskMemAlloc(bytes) }
}

/// `CoTaskMemFree`.
///
/// # Safety
/// `ptr` must be NULL or come from `CoTaskMemAlloc` and not be used again.
pub(crate) unsafe fn co_task_mem_free(ptr: *mut c_void) {
    // SAFETY: by the contract.
    unsafe { crate::generated::CoTaskMemFree(ptr) }
}

#[cfg(not(windows))]
mod posix {
    //! `CoTaskMemAlloc`, `CoTaskMemFree` and `PropVariantClear` for targets without ole32.
    //!
    //! Each block carries a 16-byte header holding its size, so `CoTaskMemFree` can hand the
    //! exact layout back to Rust's allocator; blocks are 16-byte aligned, like ole32's.

    use std::alloc::{Layout, alloc, dealloc};
    use std::ffi::c_void;

    use crate::generated::PROPVARIANT;
    use windows_core::HRESULT;

    const HEADER: usize = 16;

    fn layout(bytes: usize) -> Option<Layout> {
        Layout::from_size_align(bytes.checked_add(HEADER)?, HEADER).ok()
    }

    /// `CoTaskMemAlloc(cb)`: `cb` bytes, 16-byte aligned, or NULL when memory is exhausted.
    #[unsafe(no_mangle)]
    pub(crate) extern "system" fn CoTaskMemAlloc(cb: usize) -> *mut c_void {
        let Some(layout) = layout(cb) else {
            return std::ptr::null_mut();
        };
        // SAFETY: the layout has a non-zero size (at least HEADER).
        let base = unsafe { alloc(layout) };
        if base.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: `base` is valid for HEADER + cb bytes and 16-byte aligned, so the header
        // holds a usize and `base + HEADER` stays inside the block.
        unsafe {
            base.cast::<usize>().write(cb);
            base.add(HEADER).cast()
        }
    }

    /// `CoTaskMemFree(pv)`: frees a block from `CoTaskMemAlloc`; NULL is ignored.
    ///
    /// # Safety
    /// `pv` must be NULL or a block from this `CoTaskMemAlloc` not freed before.
    #[unsafe(no_mangle)]
    pub(crate) unsafe extern "system" fn CoTaskMemFree(pv: *mut c_void) {
        if pv.is_null() {
            return;
        }
        // SAFETY: by the contract `pv` is HEADER bytes into a block from CoTaskMemAlloc,
        // whose header holds the size it was allocated with.
        unsafe {
            let base = pv.cast::<u8>().sub(HEADER);
            let cb = base.cast::<usize>().read();
            if let Some(layout) = layout(cb) {
                dealloc(base, layout);
            }
        }
    }

    /// `PropVariantClear(pvar)` (S37): frees what the PROPVARIANT owns and sets it to
    /// `VT_EMPTY`; NULL is `S_OK`. devtopo hands out `VT_LPWSTR` (`pwszVal` freed with
    /// `CoTaskMemFree`), `VT_BLOB` (`blob.pBlobData` likewise), `VT_CLSID` (`puuid`
    /// likewise) and by-value types; other owning types are not produced, and are only
    /// reset.
    ///
    /// # Safety
    /// `pvar` must be NULL or a valid PROPVARIANT whose owned memory came from
    /// `CoTaskMemAlloc`.
    #[unsafe(no_mangle)]
    pub(crate) unsafe extern "system" fn PropVariantClear(pvar: *mut PROPVARIANT) -> HRESULT {
        const VT_LPWSTR: u16 = 31;
        const VT_BLOB: u16 = 65;
        const VT_CLSID: u16 = 72;
        // SAFETY: by the contract `pvar` is NULL or a valid PROPVARIANT; the union member
        // read matches the VARTYPE tag.
        unsafe {
            let Some(var) = pvar.as_mut() else {
                return crate::object::S_OK;
            };
            let inner = &mut var.Anonymous.Anonymous;
            match inner.vt.0 {
                VT_LPWSTR => CoTaskMemFree(inner.Anonymous.pwszVal.0.cast()),
                VT_BLOB => CoTaskMemFree(inner.Anonymous.blob.pBlobData.cast()),
                VT_CLSID => CoTaskMemFree(inner.Anonymous.puuid.cast()),
                _ => {}
            }
            *var = PROPVARIANT::default();
        }
        crate::object::S_OK
    }
}
