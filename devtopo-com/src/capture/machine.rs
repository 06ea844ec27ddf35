//! Windows' own `IMMDeviceEnumerator`, for capturing the machine itself: a few lines behind
//! `cfg(windows)`. This project's CI runs on Linux: this path is not built or run there
//! (`docs/capture.md` says what to report when it fails).

use crate::generated::{
    COINIT_MULTITHREADED, CoCreateInstance, CoInitializeEx, IMMDeviceEnumerator, MMDeviceEnumerator,
};

/// `RPC_E_CHANGED_MODE`: the thread is already in a single-threaded apartment, which serves
/// the enumerator as well.
const RPC_E_CHANGED_MODE: windows_core::HRESULT = windows_core::HRESULT(0x8001_0106_u32 as i32);

/// `CLSCTX_ALL`.
const CLSCTX_ALL: u32 = 0x17;

/// `CoInitializeEx(NULL, COINIT_MULTITHREADED)` on this thread, then
/// `CoCreateInstance(CLSID_MMDeviceEnumerator, NULL, CLSCTX_ALL, IID_IMMDeviceEnumerator)`:
/// the enumerator every Windows audio client starts from, to pass to
/// [`capture`](super::capture). COM stays initialised on the thread.
///
/// # Errors
/// The `HRESULT` of `CoInitializeEx` (other than `S_FALSE` and `RPC_E_CHANGED_MODE`, which
/// leave COM usable) or of `CoCreateInstance`.
pub fn windows_enumerator() -> windows_core::Result<IMMDeviceEnumerator> {
    // SAFETY: CoInitializeEx takes a NULL reserved pointer and a flag; CoCreateInstance gets
    // a valid CLSID, no outer object, and returns an owned interface pointer.
    unsafe {
        let hr = CoInitializeEx(None, COINIT_MULTITHREADED as u32);
        if hr.is_err() && hr != RPC_E_CHANGED_MODE {
            return Err(hr.into());
        }
        CoCreateInstance(
            &MMDeviceEnumerator,
            None::<&windows_core::IUnknown>,
            CLSCTX_ALL,
        )
    }
}
