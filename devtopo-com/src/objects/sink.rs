//! Client sinks: an `IControlChangeNotify` the client implements, adapted to devtopo's
//! [`ControlChangeNotify`] trait and called back through its vtable (N5-N9).
//!
//! COM identifies a sink by its interface pointer; devtopo's registry identifies one by the
//! address of the `Arc`'d object. So one adapter exists per client pointer while any part
//! holds it (a process-wide table of weak references finds it again): registering the same
//! pointer twice is the same sink (X19), and unregistering it finds the registration (N3).
//! The adapter holds one reference on the client's object (AddRef when first registered) and
//! Releases it when the last part lets it go (unregistered from every part, or the system
//! dropped). devtopo calls sinks after its lock is released (X20), so the client may call
//! back into devtopo from `OnNotify`.

use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use devtopo::{ControlChangeNotify, Guid, Part};
use windows_core::IUnknown_Vtbl;

use super::part::com_guid;
use crate::generated::IControlChangeNotify_Vtbl;

/// A client's `IControlChangeNotify` pointer, holding one reference on it.
struct ComSink {
    ptr: *mut c_void,
}

// SAFETY: devtopo's objects are free-threaded and call sinks on the thread that made the
// change (as Windows calls them on its own threads): a client sink must accept calls from any
// thread, which is COM's contract for IControlChangeNotify.
unsafe impl Send for ComSink {}
// SAFETY: as for Send; the adapter itself has no state beyond the pointer.
unsafe impl Sync for ComSink {}

/// Adapters alive, by client pointer.
static SINKS: Mutex<Option<HashMap<usize, Weak<ComSink>>>> = Mutex::new(None);

fn with_table<R>(f: impl FnOnce(&mut HashMap<usize, Weak<ComSink>>) -> R) -> R {
    let mut guard = SINKS.lock().unwrap_or_else(PoisonError::into_inner);
    f(guard.get_or_insert_with(HashMap::new))
}

impl ComSink {
    fn unknown(&self) -> &IUnknown_Vtbl {
        // SAFETY: `ptr` is a live COM pointer (we hold a reference); every vtable starts
        // with the IUnknown slots.
        unsafe { &**self.ptr.cast::<*const IUnknown_Vtbl>() }
    }
}

impl ControlChangeNotify for ComSink {
    fn on_notify(&self, sender_process_id: u32, event_context: Option<Guid>) {
        let context = event_context.map(com_guid);
        let context_ptr = context
            .as_ref()
            .map_or(std::ptr::null(), std::ptr::from_ref);
        // SAFETY: `ptr` is a live IControlChangeNotify pointer (we hold a reference), so its
        // vtable is an IControlChangeNotify_Vtbl; `context_ptr` is NULL or points at
        // `context`, alive for the call.
        unsafe {
            let vtbl = &**self.ptr.cast::<*const IControlChangeNotify_Vtbl>();
            // The client's HRESULT is ignored, as Windows ignores it.
            let _ = (vtbl.OnNotify)(self.ptr, sender_process_id, context_ptr);
        }
    }
}

impl Drop for ComSink {
    fn drop(&mut self) {
        let key = self.ptr as usize;
        with_table(|table| {
            if table.get(&key).is_some_and(|w| w.strong_count() == 0) {
                table.remove(&key);
            }
        });
        // SAFETY: we hold one reference, taken in `sink_for`; this gives it back.
        unsafe { (self.unknown().Release)(self.ptr) };
    }
}

/// The adapter for a client pointer: the live one, or a new one holding a new reference.
///
/// # Safety
/// `notify` must be a valid `IControlChangeNotify` pointer.
pub(crate) unsafe fn sink_for(notify: *mut c_void) -> Arc<dyn ControlChangeNotify> {
    let key = notify as usize;
    with_table(|table| {
        if let Some(live) = table.get(&key).and_then(Weak::upgrade) {
            return live as Arc<dyn ControlChangeNotify>;
        }
        let sink = ComSink { ptr: notify };
        // SAFETY: `notify` is a valid COM pointer (contract); the adapter keeps this
        // reference until it is dropped.
        unsafe { (sink.unknown().AddRef)(notify) };
        let sink = Arc::new(sink);
        table.insert(key, Arc::downgrade(&sink));
        sink as Arc<dyn ControlChangeNotify>
    })
}

/// A sink address no registration can have, for asking the engine about a pointer that has
/// no adapter (it answers `E_NOTFOUND`, N3).
struct Unregistered(#[allow(dead_code)] u8);

impl ControlChangeNotify for Unregistered {
    fn on_notify(&self, _: u32, _: Option<Guid>) {}
}

/// `IPart::UnregisterControlChangeCallback` for a client pointer.
pub(crate) fn unregister(part: &Part, notify: *mut c_void) -> devtopo::Result<()> {
    let key = notify as usize;
    let live = with_table(|table| table.get(&key).and_then(Weak::upgrade));
    match live {
        Some(sink) => part.unregister_control_change_callback(&*sink),
        None => part.unregister_control_change_callback(&Unregistered(0)),
    }
    // `live` drops here, outside the table's lock: the last reference Releases the client.
}
