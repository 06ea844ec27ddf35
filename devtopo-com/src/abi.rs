//! The C ABI: what a C or C++ test needs besides the COM interfaces. Load a topology, get its
//! `IMMDeviceEnumerator` (the injection point) or the `IDeviceTopology` of a device, act as
//! the simulated hardware (jacks, states, levels, devices arriving and leaving, defaults), read
//! the last error's text.
//! Declared in `include/devtopo_com.h`.
//!
//! Every function returns an `HRESULT`: `S_OK`, devtopo's `Error::hresult()` of the failed
//! call, `E_POINTER` for a NULL pointer, or `E_INVALIDARG` for text that is not UTF-8 or is
//! over its limit (paths `max_path_bytes` = 4096 bytes, TOML and JSON text `max_file_bytes`
//! = 1 MiB, IDs `max_text_bytes` = 1024; the last error names the limit). On
//! failure the calling thread's last error text says why ([`devtopo_last_error`]); file
//! errors name the file, line and column.
//!
//! A `DevtopoSystem*` is an owned handle on a simulated world: free it with
//! [`devtopo_system_free`]. COM objects obtained from it keep the simulation alive on their
//! own, so the handle may be freed before them.

use std::cell::RefCell;
use std::ffi::{c_char, c_void};

use devtopo::{ControlKind, DeviceState, ERole, LocalId, Part, System};
use windows_core::{GUID, HRESULT};

use crate::object::{E_INVALIDARG, E_POINTER, S_OK, error_hr};
use crate::objects::enumerator::enumerator_raw;
use crate::objects::part::guid;
use crate::objects::topology::topology_raw;

/// An owned simulated world (a devtopo `System`).
pub struct DevtopoSystem(System);

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

fn set_error(text: String) {
    LAST_ERROR.with(|e| *e.borrow_mut() = text);
}

fn fail(code: HRESULT, text: impl Into<String>) -> HRESULT {
    set_error(text.into());
    code
}

fn devtopo_error(err: &devtopo::Error) -> HRESULT {
    fail(error_hr(err), err.to_string())
}

/// The longest file path the C ABI takes, in bytes without the NUL (the limit
/// `max_path_bytes` of the limits table; Linux's `PATH_MAX`).
pub const MAX_PATH_BYTES: usize = 4096;

/// The limit (name, value) on a C string argument, by what it is: a file path
/// (`max_path_bytes`), TOML or JSON text (`max_file_bytes`, as for files), or an ID
/// (`max_text_bytes`, as for every string of a file).
fn text_limit(what: &str) -> (&'static str, usize) {
    use devtopo::file::Limit;
    match what {
        "path" => ("max_path_bytes", MAX_PATH_BYTES),
        "toml" | "json" => (Limit::FileBytes.name(), Limit::FileBytes.value()),
        _ => (Limit::TextBytes.name(), Limit::TextBytes.value()),
    }
}

/// Reads a UTF-8 C string argument, at most its limit ([`text_limit`]) long: the bytes are
/// read up to the NUL or one past the limit, never further, so an unterminated or huge
/// string is refused (`E_INVALIDARG`, the last error naming the limit) without scanning it.
///
/// # Safety
/// `ptr` must be NULL or a NUL-terminated string.
unsafe fn text<'a>(ptr: *const c_char, what: &str) -> Result<&'a str, HRESULT> {
    if ptr.is_null() {
        return Err(fail(E_POINTER, format!("{what} is NULL")));
    }
    let (limit, max) = text_limit(what);
    // SAFETY: by the contract the string is NUL-terminated, and the scan stops at its NUL.
    let len = (0..=max).find(|&i| unsafe { ptr.add(i).read() } == 0);
    let Some(len) = len else {
        return Err(fail(
            E_INVALIDARG,
            format!("limit {limit} = {max} exceeded: {what} is longer than {max} bytes"),
        ));
    };
    // SAFETY: the `len` bytes before the NUL were just read, so they are valid.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|_| fail(E_INVALIDARG, format!("{what} is not UTF-8")))
}

/// Runs `f`, turning its error into the HRESULT (the text already recorded).
fn run(f: impl FnOnce() -> Result<(), HRESULT>) -> HRESULT {
    match f() {
        Ok(()) => S_OK,
        Err(code) => code,
    }
}

fn dt<T>(result: devtopo::Result<T>) -> Result<T, HRESULT> {
    result.map_err(|e| devtopo_error(&e))
}

/// Stores a new `DevtopoSystem` in `*out`.
///
/// # Safety
/// `out` must be non-NULL and writable.
unsafe fn give_system(out: *mut *mut DevtopoSystem, system: System) {
    // SAFETY: by the contract.
    unsafe { out.write(Box::into_raw(Box::new(DevtopoSystem(system)))) };
}

fn load(out: *mut *mut DevtopoSystem, f: impl FnOnce() -> Result<System, HRESULT>) -> HRESULT {
    if out.is_null() {
        return fail(E_POINTER, "the out-pointer is NULL");
    }
    match f() {
        // SAFETY: `out` is non-NULL and, by the function's contract, writable.
        Ok(system) => unsafe {
            give_system(out, system);
            S_OK
        },
        Err(code) => {
            // SAFETY: as above.
            unsafe { out.write(std::ptr::null_mut()) };
            code
        }
    }
}

fn file_error(err: &devtopo::file::FileError) -> HRESULT {
    fail(E_INVALIDARG, err.to_string())
}

/// Loads a topology file (TOML or JSON, by extension) into `*out`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated UTF-8 string; `out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_load_file(
    path: *const c_char,
    out: *mut *mut DevtopoSystem,
) -> HRESULT {
    load(out, || {
        // SAFETY: by the contract.
        let path = unsafe { text(path, "path") }?;
        System::load(path).map_err(|e| file_error(&e))
    })
}

/// Loads TOML topology text into `*out`.
///
/// # Safety
/// As [`devtopo_load_file`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_load_toml(
    toml: *const c_char,
    out: *mut *mut DevtopoSystem,
) -> HRESULT {
    load(out, || {
        // SAFETY: by the contract.
        let toml = unsafe { text(toml, "toml") }?;
        System::from_toml_str(toml).map_err(|e| file_error(&e))
    })
}

/// Loads JSON topology text into `*out`.
///
/// # Safety
/// As [`devtopo_load_file`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_load_json(
    json: *const c_char,
    out: *mut *mut DevtopoSystem,
) -> HRESULT {
    load(out, || {
        // SAFETY: by the contract.
        let json = unsafe { text(json, "json") }?;
        System::from_json_str(json).map_err(|e| file_error(&e))
    })
}

/// Frees a `DevtopoSystem` (NULL is ignored). COM objects obtained from it stay valid.
///
/// # Safety
/// `system` must be NULL or a handle from this library, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_system_free(system: *mut DevtopoSystem) {
    if !system.is_null() {
        // SAFETY: by the contract, a Box made by `give_system` and freed only here.
        drop(unsafe { Box::from_raw(system) });
    }
}

/// The system behind a handle.
///
/// # Safety
/// `system` must be NULL or a live handle.
unsafe fn system<'a>(system: *const DevtopoSystem) -> Result<&'a System, HRESULT> {
    // SAFETY: by the contract.
    unsafe { system.as_ref() }
        .map(|s| &s.0)
        .ok_or_else(|| fail(E_POINTER, "the system is NULL"))
}

/// The number of devices (endpoints and adapters) of the system, or 0 for NULL.
///
/// # Safety
/// `system` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_device_count(system: *const DevtopoSystem) -> u32 {
    // SAFETY: by the contract.
    unsafe { self::system(system) }.map_or(0, |s| s.devices().len() as u32)
}

/// The ID of device `index` (in the order of the topology file) as a UTF-16 string the caller
/// frees with `CoTaskMemFree`. `E_INVALIDARG` for an index past the end.
///
/// # Safety
/// `system` must be NULL or a live handle; `out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_device_id(
    system: *const DevtopoSystem,
    index: u32,
    out: *mut *mut u16,
) -> HRESULT {
    // SAFETY: by the contract.
    unsafe {
        crate::object::out_ptr(out, || {
            let system = self::system(system)?;
            let devices = system.devices();
            let device = devices.get(index as usize).ok_or_else(|| {
                fail(
                    E_INVALIDARG,
                    format!(
                        "device index {index} is out of range ({} devices)",
                        devices.len()
                    ),
                )
            })?;
            crate::memory::co_string(&dt(device.id())?)
        })
    }
}

/// The `IDeviceTopology` of the device with this ID (`IMMDevice::Activate(IID_IDeviceTopology)`,
/// rule W1), one reference for the caller.
///
/// # Safety
/// `system` NULL or a live handle; `device_id` NULL or NUL-terminated UTF-8; `out` NULL or
/// writable (it receives an `IDeviceTopology*`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_device_topology(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: by the contract.
    unsafe {
        crate::object::out_ptr(out, || {
            let system = self::system(system)?;
            let id = text(device_id, "device_id")?;
            let topology = dt(dt(system.device(id))?.topology())?;
            Ok(topology_raw(topology))
        })
    }
}

/// The part with local ID `local_id` of the topology of device `device_id`.
///
/// # Safety
/// As [`devtopo_device_topology`].
unsafe fn part<'a>(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    local_id: u32,
) -> Result<(&'a System, Part), HRESULT> {
    // SAFETY: by the contract (the handle is live for the call).
    unsafe {
        let system = self::system(system)?;
        let id = text(device_id, "device_id")?;
        let part = dt(dt(dt(system.device(id))?.topology())?.part_by_id(LocalId(local_id)))?;
        Ok((system, part))
    }
}

fn set_jack(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    connector: u32,
    jack: u32,
    plugged: bool,
) -> HRESULT {
    run(|| {
        // SAFETY: the caller passes the pointers on under the public function's contract.
        let (system, part) = unsafe { part(system, device_id, connector) }?;
        let connector = dt(part.as_connector())?;
        let hardware = system.hardware();
        dt(if plugged {
            hardware.plug_jack(&connector, jack)
        } else {
            hardware.unplug_jack(&connector, jack)
        })
    })
}

/// A plug goes into jack `jack` of connector `connector` (a local ID) of device `device_id`
/// (`Hardware::plug_jack`): `IsConnected` becomes TRUE, the endpoint becomes ACTIVE (X27) and
/// `IKsJackDescription` sinks are notified (N9).
///
/// # Safety
/// `system` NULL or a live handle; `device_id` NULL or NUL-terminated UTF-8.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_plug_jack(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    connector: u32,
    jack: u32,
) -> HRESULT {
    set_jack(system, device_id, connector, jack, true)
}

/// The plug is pulled out of jack `jack` (`Hardware::unplug_jack`): the reverse of
/// [`devtopo_plug_jack`], the endpoint becomes UNPLUGGED.
///
/// # Safety
/// As [`devtopo_plug_jack`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_unplug_jack(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    connector: u32,
    jack: u32,
) -> HRESULT {
    set_jack(system, device_id, connector, jack, false)
}

/// Sets a device's state to a `DEVICE_STATE_*` value (`Device::set_state`).
///
/// # Safety
/// As [`devtopo_plug_jack`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_set_device_state(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    state: u32,
) -> HRESULT {
    run(|| {
        // SAFETY: by the contract.
        let (system, id) = unsafe { (self::system(system)?, text(device_id, "device_id")?) };
        let state = DeviceState::from_value(state).ok_or_else(|| {
            fail(
                E_INVALIDARG,
                format!("0x{state:x} is not a DEVICE_STATE_* value"),
            )
        })?;
        dt(dt(system.device(id))?.set_state(state))
    })
}

/// A hardware knob moves level control `control_iid` (`IID_IAudioVolumeLevel`, `IID_IAudioBass`,
/// `IID_IAudioMidrange` or `IID_IAudioTreble`) of part `part` of device `device_id` to `db` on
/// `channel` (`Hardware::set_level`): sinks get a hardware-initiated notification (N6, X21).
///
/// # Safety
/// As [`devtopo_plug_jack`]; `control_iid` NULL or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_set_hardware_level(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    part: u32,
    control_iid: *const GUID,
    channel: u32,
    db: f32,
) -> HRESULT {
    run(|| {
        // SAFETY: by the contract.
        let (system, part) = unsafe { self::part(system, device_id, part) }?;
        // SAFETY: by the contract.
        let iid = unsafe { control_iid.as_ref() }
            .ok_or_else(|| fail(E_POINTER, "control_iid is NULL"))?;
        let iid = guid(iid);
        let kind = ControlKind::from_iid(iid).ok_or_else(|| {
            fail(
                E_INVALIDARG,
                format!("{iid} is not a control interface IID"),
            )
        })?;
        dt(system.hardware().set_level(&part, kind, channel, db))
    })
}

/// The `IMMDeviceEnumerator` of the system, one reference for the caller: what the code under
/// test receives instead of `CoCreateInstance(CLSID_MMDeviceEnumerator)`. It keeps the
/// simulation alive after [`devtopo_system_free`].
///
/// # Safety
/// `system` NULL or a live handle; `out` NULL or writable (it receives an
/// `IMMDeviceEnumerator*`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_enumerator(
    system: *const DevtopoSystem,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: by the contract.
    unsafe { crate::object::out_ptr(out, || Ok(enumerator_raw(self::system(system)?.clone()))) }
}

/// Devices arrive (`System::add_devices`, B1, X49): every device of the TOML topology text is
/// added with its parts, connections and stores; each new endpoint sends `OnDeviceAdded`.
/// A duplicate ID changes nothing (`E_INVALIDARG` with the reason in the last error).
///
/// # Safety
/// `system` NULL or a live handle; `toml` NULL or NUL-terminated UTF-8.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_add_devices_toml(
    system: *const DevtopoSystem,
    toml: *const c_char,
) -> HRESULT {
    run(|| {
        // SAFETY: by the contract.
        let (system, toml) = unsafe { (self::system(system)?, text(toml, "toml")?) };
        let devices = System::from_toml_str(toml).map_err(|e| file_error(&e))?;
        dt(system.add_devices(&devices)).map(drop)
    })
}

/// A device leaves for good (`System::remove_device`): its endpoints send
/// `OnDeviceRemoved`, and objects still held answer `AUDCLNT_E_DEVICE_INVALIDATED` (B8).
///
/// # Safety
/// As [`devtopo_plug_jack`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_remove_device(
    system: *const DevtopoSystem,
    device_id: *const c_char,
) -> HRESULT {
    run(|| {
        // SAFETY: by the contract.
        let (system, id) = unsafe { (self::system(system)?, text(device_id, "device_id")?) };
        dt(system.remove_device(id))
    })
}

/// The simulated user makes endpoint `device_id` the default for `role` (`eConsole`,
/// `eMultimedia`, `eCommunications`) (`Hardware::set_default_endpoint`, Y9).
///
/// # Safety
/// As [`devtopo_plug_jack`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_set_default_endpoint(
    system: *const DevtopoSystem,
    device_id: *const c_char,
    role: u32,
) -> HRESULT {
    run(|| {
        // SAFETY: by the contract.
        let (system, id) = unsafe { (self::system(system)?, text(device_id, "device_id")?) };
        let role = dt(ERole::from_arg(role))?;
        let device = dt(system.device(id))?;
        dt(system.hardware().set_default_endpoint(&device, role))
    })
}

/// Copies the calling thread's last error text (UTF-8, NUL-terminated, truncated to fit) into
/// `buffer` of `size` bytes and returns the full text's length in bytes without the NUL; with
/// a NULL `buffer` or `size` 0 it only returns the length. Empty when nothing failed yet.
///
/// # Safety
/// `buffer` must be NULL or writable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn devtopo_last_error(buffer: *mut c_char, size: usize) -> usize {
    LAST_ERROR.with(|e| {
        let text = e.borrow();
        if !buffer.is_null() && size > 0 {
            let n = text.len().min(size - 1);
            // SAFETY: `buffer` is writable for `size` bytes and n + 1 <= size.
            unsafe {
                std::ptr::copy_nonoverlapping(text.as_ptr().cast::<c_char>(), buffer, n);
                buffer.add(n).write(0);
            }
        }
        text.len()
    })
}
