//! Client sinks: an `IControlChangeNotify` or `IMMNotificationClient` the client implements,
//! adapted to devtopo's [`ControlChangeNotify`] or [`MMNotificationClient`] trait and called
//! back through its vtable (N5-N9, Y1-Y11).
//!
//! COM identifies a sink by its interface pointer; devtopo's registry identifies one by the
//! address of the `Arc`'d object. So one adapter exists per client pointer while any part
//! holds it (a process-wide table of weak references finds it again): registering the same
//! pointer twice is the same sink (X19), and unregistering it finds the registration (N3).
//! The adapter holds one reference on the client's object (AddRef when first registered) and
//! Releases it when the last part lets it go (unregistered from every part, or the system
//! dropped). devtopo calls sinks after its lock is released (X20), so the client may call
//! back into devtopo from `OnNotify`. Endpoint sinks (`IMMNotificationClient`) work the same
//! way with a table of their own: registered twice, one adapter is in devtopo's multiset twice
//! and is called twice per event (X40).

use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use devtopo::{
    ControlChangeNotify, DeviceState, EDataFlow, ERole, Guid, MMNotificationClient, Part,
    PropertyKey, System,
};
use windows_core::{IUnknown_Vtbl, PCWSTR};

use super::part::com_guid;
use super::property_store::com_key;
use crate::generated::{IControlChangeNotify_Vtbl, IMMNotificationClient_Vtbl};

/// A client's `IControlChangeNotify` or `IMMNotificationClient` pointer (which one: the table
/// it is in), holding one reference on it.
struct ComSink {
    ptr: *mut c_void,
    table: &'static Table,
}

// SAFETY: devtopo's objects are free-threaded and call sinks on the thread that made the
// change (as Windows calls them on its own threads): a client sink must accept calls from any
// thread, which is COM's contract for IControlChangeNotify.
unsafe impl Send for ComSink {}
// SAFETY: as for Send; the adapter itself has no state beyond the pointer.
unsafe impl Sync for ComSink {}

type Table = Mutex<Option<HashMap<usize, Weak<ComSink>>>>;

/// `IControlChangeNotify` adapters alive, by client pointer.
static CONTROL_SINKS: Table = Mutex::new(None);
/// `IMMNotificationClient` adapters alive, by client pointer.
static ENDPOINT_SINKS: Table = Mutex::new(None);

fn with_table<R>(table: &Table, f: impl FnOnce(&mut HashMap<usize, Weak<ComSink>>) -> R) -> R {
    let mut guard = table.lock().unwrap_or_else(PoisonError::into_inner);
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

/// A NUL-terminated UTF-16 copy of `text`, alive while the caller holds it.
fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

impl ComSink {
    /// The client's `IMMNotificationClient` vtable.
    fn endpoint(&self) -> &IMMNotificationClient_Vtbl {
        // SAFETY: sinks in ENDPOINT_SINKS were registered as IMMNotificationClient pointers
        // (we hold a reference), so the vtable is an IMMNotificationClient_Vtbl.
        unsafe { &**self.ptr.cast::<*const IMMNotificationClient_Vtbl>() }
    }
}

// Each call passes strings that live for the call; the client's HRESULT is ignored, as
// Windows ignores it.
impl MMNotificationClient for ComSink {
    fn on_device_state_changed(&self, device_id: &str, new_state: DeviceState) {
        let id = wide(device_id);
        // SAFETY: a live IMMNotificationClient; `id` is NUL-terminated and outlives the call.
        let _ = unsafe {
            (self.endpoint().OnDeviceStateChanged)(self.ptr, PCWSTR(id.as_ptr()), new_state.value())
        };
    }

    fn on_device_added(&self, device_id: &str) {
        let id = wide(device_id);
        // SAFETY: as in `on_device_state_changed`.
        let _ = unsafe { (self.endpoint().OnDeviceAdded)(self.ptr, PCWSTR(id.as_ptr())) };
    }

    fn on_device_removed(&self, device_id: &str) {
        let id = wide(device_id);
        // SAFETY: as in `on_device_state_changed`.
        let _ = unsafe { (self.endpoint().OnDeviceRemoved)(self.ptr, PCWSTR(id.as_ptr())) };
    }

    fn on_default_device_changed(&self, flow: EDataFlow, role: ERole, device_id: Option<&str>) {
        let id = device_id.map(wide);
        let ptr = id.as_ref().map_or(std::ptr::null(), |w| w.as_ptr());
        // SAFETY: as in `on_device_state_changed`; NULL when no endpoint is the default (Y9).
        let _ = unsafe {
            (self.endpoint().OnDefaultDeviceChanged)(
                self.ptr,
                flow.value() as i32,
                role.value() as i32,
                PCWSTR(ptr),
            )
        };
    }

    fn on_property_value_changed(&self, device_id: &str, key: PropertyKey) {
        let id = wide(device_id);
        // SAFETY: as in `on_device_state_changed`.
        let _ = unsafe {
            (self.endpoint().OnPropertyValueChanged)(self.ptr, PCWSTR(id.as_ptr()), com_key(key))
        };
    }
}

impl Drop for ComSink {
    fn drop(&mut self) {
        let key = self.ptr as usize;
        with_table(self.table, |table| {
            if table.get(&key).is_some_and(|w| w.strong_count() == 0) {
                table.remove(&key);
            }
        });
        // SAFETY: we hold one reference, taken in `sink_for`; this gives it back.
        unsafe { (self.unknown().Release)(self.ptr) };
    }
}

/// The adapter for a client pointer in `table`: the live one, or a new one holding a new
/// reference.
///
/// # Safety
/// `ptr` must be a valid COM pointer of the interface `table` holds.
unsafe fn adapter(table: &'static Table, ptr: *mut c_void) -> Arc<ComSink> {
    let key = ptr as usize;
    with_table(table, |map| {
        if let Some(live) = map.get(&key).and_then(Weak::upgrade) {
            return live;
        }
        let sink = ComSink { ptr, table };
        // SAFETY: `ptr` is a valid COM pointer (contract); the adapter keeps this
        // reference until it is dropped.
        unsafe { (sink.unknown().AddRef)(ptr) };
        let sink = Arc::new(sink);
        map.insert(key, Arc::downgrade(&sink));
        sink
    })
}

/// The live adapter of a client pointer in `table`, if any.
fn live(table: &'static Table, ptr: *mut c_void) -> Option<Arc<ComSink>> {
    with_table(table, |map| {
        map.get(&(ptr as usize)).and_then(Weak::upgrade)
    })
}

/// The adapter for a client `IControlChangeNotify` pointer.
///
/// # Safety
/// `notify` must be a valid `IControlChangeNotify` pointer.
pub(crate) unsafe fn sink_for(notify: *mut c_void) -> Arc<dyn ControlChangeNotify> {
    // SAFETY: by the contract.
    unsafe { adapter(&CONTROL_SINKS, notify) }
}

/// `IMMDeviceEnumerator::RegisterEndpointNotificationCallback` for a client pointer (V13:
/// the adapter holds a reference on the client while registered).
///
/// # Safety
/// `client` must be a valid `IMMNotificationClient` pointer.
pub(crate) unsafe fn register_endpoint_sink(
    system: &System,
    client: *mut c_void,
) -> devtopo::Result<()> {
    // SAFETY: by the contract.
    let sink = unsafe { adapter(&ENDPOINT_SINKS, client) };
    system.register_endpoint_notification_callback(sink)
    // On failure the adapter drops here, outside every lock, Releasing the client.
}

/// `IMMDeviceEnumerator::UnregisterEndpointNotificationCallback` for a client pointer: what
/// [`System::unregister_endpoint_notification_callback`] answers (`E_NOTFOUND` for a pointer
/// never registered).
pub(crate) fn unregister_endpoint_sink(
    system: &System,
    client: *mut c_void,
) -> devtopo::Result<()> {
    match live(&ENDPOINT_SINKS, client) {
        Some(sink) => system.unregister_endpoint_notification_callback(&*sink),
        None => system.unregister_endpoint_notification_callback(&Unregistered(0)),
    }
    // The last reference Releases the client here, outside devtopo's lock and the table's.
}

/// A sink address no registration can have, for asking the engine about a pointer that has
/// no adapter (it answers `E_NOTFOUND`, N3).
struct Unregistered(#[allow(dead_code)] u8);

impl ControlChangeNotify for Unregistered {
    fn on_notify(&self, _: u32, _: Option<Guid>) {}
}

impl MMNotificationClient for Unregistered {}

/// `IPart::UnregisterControlChangeCallback` for a client pointer.
pub(crate) fn unregister(part: &Part, notify: *mut c_void) -> devtopo::Result<()> {
    match live(&CONTROL_SINKS, notify) {
        Some(sink) => part.unregister_control_change_callback(&*sink),
        None => part.unregister_control_change_callback(&Unregistered(0)),
    }
    // `live` drops here, outside the table's lock: the last reference Releases the client.
}
