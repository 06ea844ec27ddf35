//! The oracle of the `com_calls` fuzz target (issue 12, item 7), shared with the replay test
//! `devtopo-com/tests/fuzz_com.rs` (which includes this file), so a crash found by fuzzing
//! is replayed by `cargo test`, and under valgrind by `devtopo-com/tools/valgrind.sh`.
//!
//! The input is a program: a fixture byte, then operations of a few bytes each. Two equal
//! copies of a bundled topology are made: one driven through devtopo's Rust handles, the
//! other only through devtopo-com's vtables (raw calls, as C++ makes them). A pool holds
//! pairs (COM object, the Rust handle reached by the same calls): the enumerator, device
//! collections, devices, topologies, parts, connectors, parts lists, controls, property
//! stores and `IKsControl`s. Each operation makes the same call on both sides of a pair and
//! the oracle checks:
//!
//! - the `HRESULT`s are equal, or the COM side gives the documented COM-only code and the
//!   Rust side is not called: `E_POINTER` for a NULL argument or out-pointer (G4),
//!   `E_NOINTERFACE` for an object that is not devtopo's (C3, T7) and for a
//!   `QueryInterface` the object does not answer (G6);
//! - the values read are equal (IDs, names, counts, states, levels, types);
//! - a failed call wrote NULL through its out-pointer (G1);
//! - `QueryInterface(IID_IUnknown)` gives the same identity from every interface (G6);
//! - notifications: the COM and Rust sinks were told the same number of times;
//! - at the end, both systems have the same snapshot (devices, parts, connections, control
//!   values, properties, registration count), and once every pair is released, devtopo-com
//!   has as many live objects as before the program (no leak, whatever the release order).
//!
//! A third copy of the fixture supplies foreign objects (a part of another system: T7, C3
//! `E_NOINTERFACE` on both sides), and a client sink object stands in for a pointer that is
//! not devtopo's at all.

#![allow(dead_code)] // each includer uses part of this file

use std::ffi::c_void;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use devtopo::{
    CLSCTX_ALL, Connector, Control, ControlChangeNotify, ControlKind, Device, DeviceCollection,
    DeviceState, DeviceTopology, EDataFlow, ERole, KsControl, LocalId, MixedPaths, Part,
    PartsList, PropertyStore, System,
};
use devtopo_com::*;
use windows_core::{BOOL, GUID, HRESULT, IUnknown, Interface, PCWSTR, PWSTR, implement};

unsafe extern "system" {
    /// devtopo-com's `PropVariantClear` (ole32's on Windows).
    fn PropVariantClear(pvar: *mut PROPVARIANT) -> HRESULT;
}

const S_OK: HRESULT = HRESULT(0);
const E_POINTER: HRESULT = HRESULT(devtopo::HResult::E_POINTER.0);
const E_NOINTERFACE: HRESULT = HRESULT(devtopo::HResult::E_NOINTERFACE.0);
const E_INVALIDARG: HRESULT = HRESULT(devtopo::HResult::E_INVALIDARG.0);

/// At most this many operations per program, and pairs alive at once.
const MAX_OPS: usize = 256;
const MAX_POOL: usize = 48;

fn g(x: devtopo::Guid) -> GUID {
    GUID {
        data1: x.data1,
        data2: x.data2,
        data3: x.data3,
        data4: x.data4,
    }
}

fn dg(x: &GUID) -> devtopo::Guid {
    devtopo::Guid {
        data1: x.data1,
        data2: x.data2,
        data3: x.data3,
        data4: x.data4,
    }
}

fn rhr<T>(r: &devtopo::Result<T>) -> HRESULT {
    match r {
        Ok(_) => S_OK,
        Err(e) => HRESULT(e.hresult().0),
    }
}

/// The program's bytes, read front to back; zeros once exhausted.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// A NULL-pointer choice: about one in eight.
    fn null(&mut self) -> bool {
        self.byte() % 8 == 0
    }
}

/// A client `IControlChangeNotify` counting its calls (the COM side's sink).
#[implement(IControlChangeNotify)]
struct ComSink(Arc<AtomicU32>);

impl IControlChangeNotify_Impl for ComSink_Impl {
    fn OnNotify(&self, _pid: u32, _context: *const GUID) -> windows_core::Result<()> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

/// The Rust side's sink.
struct RustSink(AtomicU32);

impl ControlChangeNotify for RustSink {
    fn on_notify(&self, _pid: u32, _context: Option<devtopo::Guid>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// The Rust handle of a pair.
#[derive(Clone)]
enum Rs {
    Enumerator,
    Collection(DeviceCollection),
    Device(Device),
    Topology(DeviceTopology),
    Part(Part),
    /// An `ISubunit` pointer, with its part.
    Subunit(Part),
    Connector(Connector),
    List(PartsList),
    Control(Control),
    Store(PropertyStore),
    Ks(KsControl),
}

/// One pair: an owned COM interface pointer (released on drop) and its Rust handle.
#[derive(Clone)]
struct Pair {
    com: IUnknown,
    rust: Rs,
}

impl Pair {
    fn raw(&self) -> *mut c_void {
        self.com.as_raw()
    }

    /// The vtable of the pair's interface.
    ///
    /// # Safety
    /// `V` must be the vtable type of the interface the pointer is.
    unsafe fn vtbl<V>(&self) -> &V {
        // SAFETY: every COM interface pointer points at its vtable pointer.
        unsafe { &**self.raw().cast::<*const V>() }
    }
}

/// Reads and frees a `CoTaskMemAlloc` string; `None` for NULL.
fn take(p: PWSTR) -> Option<String> {
    // SAFETY: NULL or a string devtopo-com allocated, freed once here.
    unsafe { take_pwstr(p) }
}

struct World {
    rust: System,
    com: System,
    foreign: System,
    /// The device IDs of the fixture, in order.
    ids: Vec<String>,
    pool: Vec<Pair>,
    /// Parts of the foreign system, both sides (the COM one is an `IPart`).
    foreign_part: (Part, IPart),
    rust_sinks: Vec<Arc<RustSink>>,
    com_sinks: Vec<(IControlChangeNotify, Arc<AtomicU32>)>,
}

/// The fixtures a program may start from (its first byte chooses).
const FIXTURES: &[fn() -> devtopo::Result<System>] = &[
    devtopo::fixtures::four_topologies,
    devtopo::fixtures::sysvad,
    devtopo::fixtures::headsets,
    devtopo::fixtures::real_hda_lineout,
];

/// The IIDs the Activate and QueryInterface operations choose from: every interface
/// devtopo-com serves and a few it does not.
fn iids() -> Vec<GUID> {
    let mut v: Vec<GUID> = ControlKind::ALL.iter().map(|k| g(k.iid())).collect();
    v.extend([
        IUnknown::IID,
        IDeviceTopology::IID,
        IConnector::IID,
        IPart::IID,
        ISubunit::IID,
        IPartsList::IID,
        IControlInterface::IID,
        IMMDevice::IID,
        IMMEndpoint::IID,
        IMMDeviceEnumerator::IID,
        IMMDeviceCollection::IID,
        IPropertyStore::IID,
        IKsControl::IID,
        IControlChangeNotify::IID,
        GUID::from_u128(0x1cb9ad4c_dbfa_4c32_b178_c2f568a703b2), // IAudioClient
        GUID::from_u128(0x5cdf2c82_841e_4546_9722_0cf74078229a), // IAudioEndpointVolume
    ]);
    v
}

thread_local! {
    /// How many calls the oracle compared on this thread (for the replay test's report).
    static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs one program. `Err(why)` when COM and Rust disagree or an invariant breaks; else the
/// number of calls compared.
pub(crate) fn com_calls(data: &[u8]) -> Result<usize, String> {
    let baseline = live_objects();
    let before = COMPARED.with(|c| c.get());
    let result = run(data);
    let left = live_objects();
    result?;
    if left != baseline {
        return Err(format!(
            "leak: {baseline} live COM objects before the program, {left} after releasing all"
        ));
    }
    Ok(COMPARED.with(|c| c.get()) - before)
}

fn run(data: &[u8]) -> Result<(), String> {
    let mut input = Input(data);
    let fixture = FIXTURES[usize::from(input.byte()) % FIXTURES.len()];
    let make = || fixture().map_err(|e| format!("fixture: {e}"));
    let (rust, com, foreign) = (make()?, make()?, make()?);
    let elevated = input.flag();
    rust.set_elevated(elevated);
    com.set_elevated(elevated);
    let ids: Vec<String> = rust
        .devices()
        .iter()
        .map(|d| d.id().unwrap_or_default())
        .collect();
    let foreign_part = {
        let device = foreign.devices().into_iter().next().ok_or("no device")?;
        let topology = device.topology().map_err(|e| e.to_string())?;
        let rust = topology.connector(0).map_err(|e| e.to_string())?;
        let mut raw = std::ptr::null_mut();
        let com_topology = device_topology(&topology);
        // SAFETY: a live IDeviceTopology; `raw` is writable.
        let hr = unsafe { (Interface::vtable(&com_topology).GetConnector)(com_topology.as_raw(), 0, &mut raw) };
        if hr != S_OK {
            return Err(format!("foreign GetConnector: {hr:?}"));
        }
        // SAFETY: GetConnector gave an IConnector with one reference.
        let connector = unsafe { IConnector::from_raw(raw) };
        let part: IPart = connector.cast().map_err(|e| e.to_string())?;
        (rust.as_part().clone(), part)
    };
    let mut world = World {
        pool: vec![Pair {
            com: enumerator(&com).cast().map_err(|e| e.to_string())?,
            rust: Rs::Enumerator,
        }],
        rust,
        com,
        foreign,
        ids,
        foreign_part,
        rust_sinks: (0..2).map(|_| Arc::new(RustSink(AtomicU32::new(0)))).collect(),
        com_sinks: (0..2)
            .map(|_| {
                let count = Arc::new(AtomicU32::new(0));
                (ComSink(count.clone()).into(), count)
            })
            .collect(),
    };
    for step in 0..MAX_OPS {
        if input.0.is_empty() {
            break;
        }
        let op = input.byte();
        world
            .step(op, &mut input)
            .map_err(|why| format!("step {step} (op {op}): {why}"))?;
        for (s, (_, count)) in world.com_sinks.iter().enumerate() {
            let (c, r) = (
                count.load(Ordering::SeqCst),
                world.rust_sinks[s].0.load(Ordering::SeqCst),
            );
            if c != r {
                return Err(format!("step {step}: sink {s} told {c} times via COM, {r} via Rust"));
            }
        }
    }
    let (a, b) = (world.rust.snapshot(), world.com.snapshot());
    if a.devices != b.devices || a.registrations.len() != b.registrations.len() {
        return Err(format!("the systems differ at the end:\n{a:?}\n---\n{b:?}"));
    }
    // Release in the program's order: the pool from a rotation point, then the rest.
    let pivot = usize::from(input.byte()) % world.pool.len().max(1);
    let len = world.pool.len();
    world.pool.rotate_left(pivot.min(len));
    world.pool.clear();
    drop(world);
    Ok(())
}

/// Compares the two sides' HRESULTs.
fn same(what: &str, com: HRESULT, rust: HRESULT) -> Result<(), String> {
    COMPARED.with(|c| c.set(c.get() + 1));
    if com == rust {
        Ok(())
    } else {
        Err(format!("{what}: COM {:#010x}, Rust {:#010x}", com.0 as u32, rust.0 as u32))
    }
}

fn expect(what: &str, com: HRESULT, want: HRESULT) -> Result<(), String> {
    COMPARED.with(|c| c.set(c.get() + 1));
    if com == want {
        Ok(())
    } else {
        Err(format!("{what}: COM {:#010x}, documented {:#010x}", com.0 as u32, want.0 as u32))
    }
}

impl World {
    /// The index of the `k`-th pair (modulo) whose handle `accept` takes.
    fn pick(&self, k: u8, accept: impl Fn(&Rs) -> bool) -> Option<usize> {
        let list: Vec<usize> = (0..self.pool.len())
            .filter(|&i| accept(&self.pool[i].rust))
            .collect();
        (!list.is_empty()).then(|| list[usize::from(k) % list.len()])
    }

    fn push(&mut self, com: *mut c_void, rust: Rs) {
        if com.is_null() {
            return;
        }
        // SAFETY: `com` is an interface pointer with one reference the call gave us.
        let com = unsafe { IUnknown::from_raw(com) };
        if self.pool.len() < MAX_POOL {
            self.pool.push(Pair { com, rust });
        }
    }

    /// A call with an interface out-pointer: NULL (E_POINTER, Rust not called) or a real one,
    /// whose result joins the pool paired with `rust`'s handle.
    fn out_call(
        &mut self,
        what: &str,
        null: bool,
        call: impl FnOnce(*mut *mut c_void) -> HRESULT,
        rust: impl FnOnce() -> devtopo::Result<Rs>,
    ) -> Result<(), String> {
        if null {
            return expect(what, call(std::ptr::null_mut()), E_POINTER);
        }
        let mut out: *mut c_void = 0x1 as *mut c_void; // garbage the call must overwrite
        let hr = call(&mut out);
        let r = rust();
        same(what, hr, rhr(&r))?;
        match r {
            Ok(handle) => {
                if out.is_null() {
                    return Err(format!("{what}: S_OK with a NULL object"));
                }
                self.push(out, handle);
            }
            Err(_) if !out.is_null() => return Err(format!("{what}: failed without NULLing (G1)")),
            Err(_) => {}
        }
        Ok(())
    }

    /// A call with a string out-pointer, compared with the Rust string.
    fn string_call(
        what: &str,
        null: bool,
        call: impl FnOnce(*mut PWSTR) -> HRESULT,
        rust: impl FnOnce() -> devtopo::Result<String>,
    ) -> Result<(), String> {
        if null {
            return expect(what, call(std::ptr::null_mut()), E_POINTER);
        }
        let mut out = PWSTR(0x1 as *mut u16);
        let hr = call(&mut out);
        let r = rust();
        same(what, hr, rhr(&r))?;
        match r {
            Ok(want) => {
                let got = take(out);
                if got.as_deref() != Some(want.as_str()) {
                    return Err(format!("{what}: COM {got:?}, Rust {want:?}"));
                }
            }
            Err(_) if !out.is_null() => return Err(format!("{what}: failed without NULLing (G1)")),
            Err(_) => {}
        }
        Ok(())
    }

    /// A call with a plain out-value, compared with the Rust value.
    fn value_call<T: Default + PartialEq + std::fmt::Debug>(
        what: &str,
        null: bool,
        call: impl FnOnce(*mut T) -> HRESULT,
        rust: impl FnOnce() -> devtopo::Result<T>,
    ) -> Result<(), String> {
        if null {
            return expect(what, call(std::ptr::null_mut()), E_POINTER);
        }
        let mut out = T::default();
        let hr = call(&mut out);
        let r = rust();
        same(what, hr, rhr(&r))?;
        if let Ok(want) = r
            && out != want
        {
            return Err(format!("{what}: COM {out:?}, Rust {want:?}"));
        }
        Ok(())
    }

    fn step(&mut self, op: u8, input: &mut Input<'_>) -> Result<(), String> {
        match op % 16 {
            0 => self.enumerator_op(input),
            1 => self.collection_op(input),
            2 => self.device_op(input),
            3 => self.store_op(input),
            4 => self.topology_op(input),
            5 => self.signal_path_op(input),
            6 | 7 => self.part_op(input),
            8 => self.query_interface_op(input),
            9 | 10 => self.connector_op(input),
            11 => self.list_op(input),
            12 => self.control_op(input),
            13 => self.callback_op(input),
            14 => self.ks_op(input),
            _ => self.lifetime_op(input),
        }
    }

    fn enumerator_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Enumerator)) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        // SAFETY: the pair's pointer is a live IMMDeviceEnumerator.
        let vt = unsafe { pair.vtbl::<IMMDeviceEnumerator_Vtbl>() };
        let (which, flow, null) = (input.byte() % 3, u32::from(input.byte() % 4), input.null());
        let rust = self.rust.clone();
        match which {
            0 => {
                let mask = [1, 0xF, 0, 0x10, 4, 8][usize::from(input.byte()) % 6];
                self.out_call(
                    "EnumAudioEndpoints",
                    null,
                    // SAFETY: a live enumerator; `out` NULL or writable.
                    |out| unsafe { (vt.EnumAudioEndpoints)(pair.raw(), flow as i32, mask, out) },
                    || {
                        rust.enum_audio_endpoints(EDataFlow::from_arg(flow)?, mask)
                            .map(Rs::Collection)
                    },
                )
            }
            1 => {
                let role = u32::from(input.byte() % 4);
                self.out_call(
                    "GetDefaultAudioEndpoint",
                    null,
                    // SAFETY: as above.
                    |out| unsafe {
                        (vt.GetDefaultAudioEndpoint)(pair.raw(), flow as i32, role as i32, out)
                    },
                    || {
                        rust.default_endpoint(EDataFlow::from_arg(flow)?, ERole::from_arg(role)?)
                            .map(Rs::Device)
                    },
                )
            }
            _ => {
                let k = usize::from(input.byte());
                let id = match k % 4 {
                    0 => "{0.0.0.00000000}.{00000000-0000-0000-0000-000000000000}".to_owned(),
                    1 => "not a device id".to_owned(),
                    _ => self.ids[(k / 4) % self.ids.len()].clone(),
                };
                if input.null() {
                    let mut out = std::ptr::null_mut();
                    // SAFETY: a NULL id is what the call refuses (E_POINTER).
                    let hr = unsafe { (vt.GetDevice)(pair.raw(), PCWSTR::null(), &mut out) };
                    return expect("GetDevice(NULL)", hr, E_POINTER);
                }
                let wide: Vec<u16> = id.encode_utf16().chain([0]).collect();
                self.out_call(
                    "GetDevice",
                    null,
                    // SAFETY: `wide` is NUL-terminated and outlives the call.
                    |out| unsafe { (vt.GetDevice)(pair.raw(), PCWSTR(wide.as_ptr()), out) },
                    || rust.device(&id).map(Rs::Device),
                )
            }
        }
    }

    fn collection_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Collection(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Collection(c) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IMMDeviceCollection.
        let vt = unsafe { pair.vtbl::<IMMDeviceCollection_Vtbl>() };
        let (index, null) = (u32::from(input.byte() % 6), input.null());
        if input.flag() {
            // SAFETY: as above; `out` NULL or writable.
            Self::value_call("Collection GetCount", null, |out| unsafe { (vt.GetCount)(pair.raw(), out) }, || Ok(c.count()))
        } else {
            self.out_call(
                "Collection Item",
                null,
                // SAFETY: as above.
                |out| unsafe { (vt.Item)(pair.raw(), index, out) },
                || c.item(index).map(Rs::Device),
            )
        }
    }

    fn device_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Device(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Device(d) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IMMDevice.
        let vt = unsafe { pair.vtbl::<IMMDevice_Vtbl>() };
        let null = input.null();
        match input.byte() % 4 {
            // SAFETY (each arm): a live device; out-pointers NULL or writable.
            0 => Self::string_call("GetId", null, |out| unsafe { (vt.GetId)(pair.raw(), out) }, || d.id()),
            1 => Self::value_call("GetState", null, |out| unsafe { (vt.GetState)(pair.raw(), out) }, || {
                d.state().map(DeviceState::value)
            }),
            2 => {
                let mode = [0, 1, 2, 3, 0x1000][usize::from(input.byte()) % 5];
                self.out_call(
                    "OpenPropertyStore",
                    null,
                    |out| unsafe { (vt.OpenPropertyStore)(pair.raw(), mode, out) },
                    || d.open_property_store(mode).map(Rs::Store),
                )
            }
            _ => {
                let iids = iids();
                let iid = iids[usize::from(input.byte()) % iids.len()];
                if input.null() {
                    let mut out = std::ptr::null_mut();
                    // SAFETY: a NULL IID is refused (E_POINTER).
                    let hr = unsafe { (vt.Activate)(pair.raw(), std::ptr::null(), CLSCTX_ALL, std::ptr::null(), &mut out) };
                    return expect("IMMDevice::Activate(NULL iid)", hr, E_POINTER);
                }
                self.out_call(
                    "IMMDevice::Activate",
                    null,
                    |out| unsafe { (vt.Activate)(pair.raw(), &iid, CLSCTX_ALL, std::ptr::null(), out) },
                    || {
                        d.activate(dg(&iid), CLSCTX_ALL, None).map(|a| match a {
                            devtopo::Activated::DeviceTopology(t) => Rs::Topology(t),
                            devtopo::Activated::KsControl(k) => Rs::Ks(k),
                        })
                    },
                )
            }
        }
    }

    fn store_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Store(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Store(s) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IPropertyStore.
        let vt = unsafe { pair.vtbl::<IPropertyStore_Vtbl>() };
        let null = input.null();
        match input.byte() % 4 {
            // SAFETY: a live store; `out` NULL or writable.
            0 => Self::value_call("Store GetCount", null, |out| unsafe { (vt.GetCount)(pair.raw(), out) }, || s.count()),
            1 => {
                let index = u32::from(input.byte() % 8);
                let mut key = PROPERTYKEY::default();
                let out = if null { std::ptr::null_mut() } else { &mut key as *mut PROPERTYKEY };
                // SAFETY: as above.
                let hr = unsafe { (vt.GetAt)(pair.raw(), index, out) };
                if null {
                    return expect("Store GetAt(NULL)", hr, E_POINTER);
                }
                let r = s.at(index);
                same("Store GetAt", hr, rhr(&r))?;
                if let Ok(want) = r
                    && (dg(&key.fmtid) != want.fmtid || key.pid != want.pid)
                {
                    return Err(format!("Store GetAt: COM {key:?}, Rust {want:?}"));
                }
                Ok(())
            }
            2 => {
                // GetValue of the index-th key (or an unknown key): compare the HRESULT; the
                // value is cleared as a client must (PropVariantClear).
                let index = u32::from(input.byte() % 8);
                let key = s.at(index).unwrap_or(devtopo::PropertyKey {
                    fmtid: devtopo::Guid::from_u128(0x1234),
                    pid: 7,
                });
                let ckey = PROPERTYKEY {
                    fmtid: g(key.fmtid),
                    pid: key.pid,
                };
                let mut var = PROPVARIANT::default();
                let out = if null { std::ptr::null_mut() } else { &mut var as *mut PROPVARIANT };
                // SAFETY: as above; `var` is cleared once below.
                let hr = unsafe { (vt.GetValue)(pair.raw(), &ckey, out) };
                if null {
                    return expect("Store GetValue(NULL)", hr, E_POINTER);
                }
                // SAFETY: `var` is what GetValue wrote (or VT_EMPTY).
                let _ = unsafe { PropVariantClear(&mut var) };
                same("Store GetValue", hr, rhr(&s.value(&key)))
            }
            _ => {
                // SAFETY: a live store.
                let hr = unsafe { (vt.Commit)(pair.raw()) };
                same("Store Commit", hr, rhr(&s.commit()))
            }
        }
    }

    fn topology_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Topology(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Topology(t) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IDeviceTopology.
        let vt = unsafe { pair.vtbl::<IDeviceTopology_Vtbl>() };
        let (null, index) = (input.null(), u32::from(input.byte() % 6));
        match input.byte() % 6 {
            // SAFETY (each arm): a live topology; out-pointers NULL or writable.
            0 => Self::value_call("GetConnectorCount", null, |o| unsafe { (vt.GetConnectorCount)(pair.raw(), o) }, || t.connector_count()),
            1 => Self::value_call("GetSubunitCount", null, |o| unsafe { (vt.GetSubunitCount)(pair.raw(), o) }, || t.subunit_count()),
            2 => self.out_call("GetConnector", null, |o| unsafe { (vt.GetConnector)(pair.raw(), index, o) }, || {
                t.connector(index).map(Rs::Connector)
            }),
            3 => self.out_call("GetSubunit", null, |o| unsafe { (vt.GetSubunit)(pair.raw(), index, o) }, || {
                t.subunit(index).map(|s| Rs::Subunit(s.as_part().clone()))
            }),
            4 => {
                let id = [0x10000, 0x10001, 0x20000, 0x20001, 0x20002, 0x10002, 0x30000, 0][usize::from(input.byte()) % 8] + u32::from(input.byte() % 2);
                self.out_call("GetPartById", null, |o| unsafe { (vt.GetPartById)(pair.raw(), id, o) }, || {
                    t.part_by_id(LocalId(id)).map(Rs::Part)
                })
            }
            _ => Self::string_call("Topology GetDeviceId", null, |o| unsafe { (vt.GetDeviceId)(pair.raw(), o) }, || t.device_id()),
        }
    }

    /// A part argument: one of the pool's parts (both sides), the foreign system's, NULL, or
    /// an object that is not devtopo's. Returns the COM pointer (borrowed) and the Rust part,
    /// `None` on the Rust side for what Rust cannot express.
    fn part_arg(&self, k: u8) -> (*mut c_void, Option<Part>) {
        match k % 8 {
            0 => (std::ptr::null_mut(), None),
            1 => (self.foreign_part.1.as_raw(), Some(self.foreign_part.0.clone())),
            2 => (self.com_sinks[0].0.as_raw(), None),
            _ => match self.pick(k / 8, |r| matches!(r, Rs::Part(_))) {
                Some(i) => {
                    let Rs::Part(p) = &self.pool[i].rust else { unreachable!() };
                    (self.pool[i].raw(), Some(p.clone()))
                }
                None => (std::ptr::null_mut(), None),
            },
        }
    }

    fn signal_path_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Topology(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Topology(t) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IDeviceTopology.
        let vt = unsafe { pair.vtbl::<IDeviceTopology_Vtbl>() };
        let ((from, a), (to, b)) = (self.part_arg(input.byte()), self.part_arg(input.byte()));
        let reject = input.flag();
        let mixed = if reject { MixedPaths::Reject } else { MixedPaths::Allow };
        let mut out = std::ptr::null_mut();
        // SAFETY: a live topology; `from` and `to` are NULL or live COM objects.
        let hr = unsafe { (vt.GetSignalPath)(pair.raw(), from, to, BOOL::from(reject), &mut out) };
        if from.is_null() || to.is_null() {
            return expect("GetSignalPath(NULL)", hr, E_POINTER);
        }
        let (Some(a), Some(b)) = (a, b) else {
            return expect("GetSignalPath(not devtopo's)", hr, E_NOINTERFACE);
        };
        let r = t.signal_path(&a, &b, mixed);
        same("GetSignalPath", hr, rhr(&r))?;
        if let Ok(list) = r {
            self.push(out, Rs::List(list));
        } else if !out.is_null() {
            return Err("GetSignalPath failed without NULLing (G1)".into());
        }
        Ok(())
    }

    fn part_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Part(_) | Rs::Subunit(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let (Rs::Part(p) | Rs::Subunit(p)) = &pair.rust else { return Ok(()) };
        // An ISubunit's or IConnector's pair is kept as a part: get its IPart first.
        let Ok(ipart) = pair.com.cast::<IPart>() else {
            return Err("a part's object has no IPart".into());
        };
        let vt = Interface::vtable(&ipart);
        let raw = ipart.as_raw();
        let null = input.null();
        match input.byte() % 12 {
            // SAFETY (each arm): a live IPart; out-pointers NULL or writable.
            0 => Self::string_call("GetName", null, |o| unsafe { (vt.GetName)(raw, o) }, || p.name()),
            1 => Self::value_call("GetLocalId", null, |o| unsafe { (vt.GetLocalId)(raw, o) }, || p.local_id().map(|l| l.0)),
            2 => Self::string_call("GetGlobalId", null, |o| unsafe { (vt.GetGlobalId)(raw, o) }, || p.global_id()),
            3 => Self::value_call("GetPartType", null, |o| unsafe { (vt.GetPartType)(raw, o) }, || p.part_type().map(|t| t.value() as i32)),
            4 => Self::value_call("GetSubType", null, |o| unsafe { (vt.GetSubType)(raw, o) }, || p.subtype().map(g)),
            5 => Self::value_call("GetControlInterfaceCount", null, |o| unsafe { (vt.GetControlInterfaceCount)(raw, o) }, || p.control_interface_count()),
            6 => {
                let index = u32::from(input.byte() % 4);
                let mut out: *mut c_void = std::ptr::null_mut();
                let o = if null { std::ptr::null_mut() } else { &mut out as *mut *mut c_void };
                // SAFETY: as above.
                let hr = unsafe { (vt.GetControlInterface)(raw, index, o) };
                if null {
                    return expect("GetControlInterface(NULL)", hr, E_POINTER);
                }
                if !out.is_null() {
                    // SAFETY: an IControlInterface with one reference.
                    drop(unsafe { IUnknown::from_raw(out) });
                }
                same("GetControlInterface", hr, rhr(&p.control_interface(index)))
            }
            7 => self.out_call("EnumPartsIncoming", null, |o| unsafe { (vt.EnumPartsIncoming)(raw, o) }, || p.parts_incoming().map(Rs::List)),
            8 => self.out_call("EnumPartsOutgoing", null, |o| unsafe { (vt.EnumPartsOutgoing)(raw, o) }, || p.parts_outgoing().map(Rs::List)),
            9 => self.out_call("GetTopologyObject", null, |o| unsafe { (vt.GetTopologyObject)(raw, o) }, || p.topology().map(Rs::Topology)),
            _ => {
                let iids = iids();
                let iid = iids[usize::from(input.byte()) % iids.len()];
                let clsctx = if input.flag() { CLSCTX_ALL } else { input.u32() };
                if input.null() {
                    let mut out = std::ptr::null_mut();
                    // SAFETY: a NULL IID is refused (E_POINTER).
                    let hr = unsafe { (vt.Activate)(raw, clsctx, std::ptr::null(), &mut out) };
                    return expect("IPart::Activate(NULL iid)", hr, E_POINTER);
                }
                self.out_call("IPart::Activate", null, |o| unsafe { (vt.Activate)(raw, clsctx, &iid, o) }, || {
                    p.activate(clsctx, dg(&iid)).map(Rs::Control)
                })
            }
        }
    }

    /// QueryInterface for a random IID: answered exactly for the interfaces the handle has
    /// (connector/subunit by part type, IMMEndpoint by endpoint), E_NOINTERFACE otherwise;
    /// IUnknown gives one identity (G6).
    fn query_interface_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        if self.pool.is_empty() {
            return Ok(());
        }
        let pair = self.pool[usize::from(input.byte()) % self.pool.len()].clone();
        let iids = iids();
        let iid = iids[usize::from(input.byte()) % iids.len()];
        let unknown = Interface::vtable(&pair.com);
        if input.null() {
            // SAFETY: a live object; a NULL out-pointer is refused.
            let hr = unsafe { (unknown.QueryInterface)(pair.raw(), &iid, std::ptr::null_mut()) };
            return expect("QueryInterface(NULL)", hr, E_POINTER);
        }
        let mut out = std::ptr::null_mut();
        // SAFETY: a live object; `out` writable.
        let hr = unsafe { (unknown.QueryInterface)(pair.raw(), &iid, &mut out) };
        // Served: `Some(handle)`, where the handle is `Some` when the new pointer is the
        // pair's kind of interface (it joins the pool), `None` when it is another one.
        let same_kind = |served: bool| served.then(|| Some(pair.rust.clone()));
        let want: Option<Option<Rs>> = match &pair.rust {
            _ if iid == IUnknown::IID => Some(None),
            Rs::Enumerator => same_kind(iid == IMMDeviceEnumerator::IID),
            Rs::Collection(_) => same_kind(iid == IMMDeviceCollection::IID),
            Rs::Device(d) => {
                if iid == IMMEndpoint::IID {
                    // X45: adapters have no IMMEndpoint.
                    d.data_flow().is_ok().then_some(None)
                } else {
                    same_kind(iid == IMMDevice::IID)
                }
            }
            Rs::Topology(_) => same_kind(iid == IDeviceTopology::IID),
            Rs::Part(p) | Rs::Subunit(p) => {
                if iid == IPart::IID {
                    Some(Some(Rs::Part(p.clone())))
                } else if iid == IConnector::IID {
                    p.as_connector().ok().map(|c| Some(Rs::Connector(c)))
                } else if iid == ISubunit::IID {
                    p.as_subunit().ok().map(|_| Some(Rs::Subunit(p.clone())))
                } else {
                    None
                }
            }
            Rs::Connector(c) => {
                if iid == IConnector::IID {
                    Some(Some(Rs::Connector(c.clone())))
                } else if iid == IPart::IID {
                    Some(Some(Rs::Part(c.as_part().clone())))
                } else {
                    None
                }
            }
            Rs::List(_) => same_kind(iid == IPartsList::IID),
            Rs::Control(c) => {
                let kind = c.kind();
                if g(kind.iid()) == iid {
                    Some(Some(pair.rust.clone()))
                } else {
                    (kind.is_level() && iid == IPerChannelDbLevel::IID).then_some(None)
                }
            }
            Rs::Store(_) => same_kind(iid == IPropertyStore::IID),
            Rs::Ks(_) => same_kind(iid == IKsControl::IID),
        };
        match want {
            Some(handle) => {
                expect("QueryInterface", hr, S_OK)?;
                if out.is_null() {
                    return Err("QueryInterface: S_OK with NULL".into());
                }
                // SAFETY: `out` is an interface pointer with one reference.
                let got = unsafe { IUnknown::from_raw(out) };
                // G6: the identity of both pointers is one.
                let a: IUnknown = got.cast().map_err(|e| e.to_string())?;
                let b: IUnknown = pair.com.cast().map_err(|e| e.to_string())?;
                if a.as_raw() != b.as_raw() {
                    return Err("G6: two identities for one object".into());
                }
                if let Some(rust) = handle
                    && self.pool.len() < MAX_POOL
                {
                    self.pool.push(Pair { com: got, rust });
                }
                Ok(())
            }
            None => {
                expect("QueryInterface (not served)", hr, E_NOINTERFACE)?;
                if !out.is_null() {
                    return Err("QueryInterface failed without NULLing (G1)".into());
                }
                Ok(())
            }
        }
    }

    fn connector_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Connector(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Connector(c) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IConnector.
        let vt = unsafe { pair.vtbl::<IConnector_Vtbl>() };
        let raw = pair.raw();
        let null = input.null();
        match input.byte() % 8 {
            // SAFETY (each arm): a live connector; out-pointers NULL or writable.
            0 => Self::value_call("GetType", null, |o| unsafe { (vt.GetType)(raw, o) }, || c.connector_type().map(|t| t.value() as i32)),
            1 => Self::value_call("GetDataFlow", null, |o| unsafe { (vt.GetDataFlow)(raw, o) }, || c.data_flow().map(|f| f.value() as i32)),
            2 => Self::value_call("IsConnected", null, |o| unsafe { (vt.IsConnected)(raw, o) }, || c.is_connected().map(BOOL::from)),
            3 => self.out_call("GetConnectedTo", null, |o| unsafe { (vt.GetConnectedTo)(raw, o) }, || c.connected_to().map(Rs::Connector)),
            4 => Self::string_call("GetConnectorIdConnectedTo", null, |o| unsafe { (vt.GetConnectorIdConnectedTo)(raw, o) }, || c.connector_id_connected_to()),
            5 => Self::string_call("GetDeviceIdConnectedTo", null, |o| unsafe { (vt.GetDeviceIdConnectedTo)(raw, o) }, || c.device_id_connected_to()),
            6 => {
                let hr = unsafe { (vt.Disconnect)(raw) };
                same("Disconnect", hr, rhr(&c.disconnect()))
            }
            _ => {
                // ConnectTo another connector of the pool, the foreign system's, NULL, or an
                // object that is not devtopo's.
                let k = input.byte();
                let (other, rust): (*mut c_void, Option<Connector>) = match k % 6 {
                    0 => (std::ptr::null_mut(), None),
                    1 => {
                        let Ok(conn) = self.foreign_part.1.cast::<IConnector>() else {
                            return Err("the foreign part has no IConnector".into());
                        };
                        let hr = unsafe { (vt.ConnectTo)(raw, conn.as_raw()) };
                        let want = self.foreign_part.0.as_connector().and_then(|f| c.connect_to(&f));
                        return same("ConnectTo(foreign)", hr, rhr(&want));
                    }
                    2 => (self.com_sinks[1].0.as_raw(), None),
                    _ => match self.pick(k / 6, |r| matches!(r, Rs::Connector(_))) {
                        Some(j) => {
                            let Rs::Connector(o) = &self.pool[j].rust else { unreachable!() };
                            (self.pool[j].raw(), Some(o.clone()))
                        }
                        None => (std::ptr::null_mut(), None),
                    },
                };
                // SAFETY: `other` is NULL or a live COM object.
                let hr = unsafe { (vt.ConnectTo)(raw, other) };
                match rust {
                    _ if other.is_null() => expect("ConnectTo(NULL)", hr, E_POINTER),
                    None => expect("ConnectTo(not devtopo's)", hr, E_NOINTERFACE),
                    Some(o) => same("ConnectTo", hr, rhr(&c.connect_to(&o))),
                }
            }
        }
    }

    fn list_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::List(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::List(l) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IPartsList.
        let vt = unsafe { pair.vtbl::<IPartsList_Vtbl>() };
        let (null, index) = (input.null(), u32::from(input.byte() % 8));
        if input.flag() {
            // SAFETY: as above; `o` NULL or writable.
            Self::value_call("PartsList GetCount", null, |o| unsafe { (vt.GetCount)(pair.raw(), o) }, || Ok(l.count()))
        } else {
            self.out_call("PartsList GetPart", null, |o| unsafe { (vt.GetPart)(pair.raw(), index, o) }, || l.part(index).map(Rs::Part))
        }
    }

    fn control_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Control(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Control(c) = &pair.rust else { return Ok(()) };
        let raw = pair.raw();
        let null = input.null();
        let context = GUID::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_0012);
        if let Some(level) = c.clone().into_level() {
            // SAFETY: a level control's pointer is an IPerChannelDbLevel.
            let vt = unsafe { pair.vtbl::<IPerChannelDbLevel_Vtbl>() };
            let channel = u32::from(input.byte() % 3);
            let db = [0.0f32, -6.0, -96.0, 12.0, -200.0, f32::NAN, f32::NEG_INFINITY, -0.25][usize::from(input.byte()) % 8];
            return match input.byte() % 4 {
                // SAFETY (each arm): a live level control; out-pointers NULL or writable.
                0 => Self::value_call("GetChannelCount", null, |o| unsafe { (vt.GetChannelCount)(raw, o) }, || level.channel_count()),
                1 => {
                    if null {
                        let hr = unsafe { (vt.GetLevel)(raw, channel, std::ptr::null_mut()) };
                        return expect("GetLevel(NULL)", hr, E_POINTER);
                    }
                    let mut got = f32::NAN;
                    let hr = unsafe { (vt.GetLevel)(raw, channel, &mut got) };
                    let r = level.level(channel);
                    same("GetLevel", hr, rhr(&r))?;
                    match r {
                        Ok(want) if want.to_bits() != got.to_bits() => Err(format!("GetLevel: COM {got}, Rust {want}")),
                        _ => Ok(()),
                    }
                }
                2 => {
                    let ctx = if null { std::ptr::null() } else { &context as *const GUID };
                    let hr = unsafe { (vt.SetLevel)(raw, channel, db, ctx) };
                    same("SetLevel", hr, rhr(&level.set_level(channel, db, (!null).then(|| dg(&context)))))
                }
                _ => {
                    let hr = unsafe { (vt.SetLevelUniform)(raw, db, std::ptr::null()) };
                    same("SetLevelUniform", hr, rhr(&level.set_level_uniform(db, None)))
                }
            };
        }
        if let Some(mute) = c.clone().into_mute() {
            // SAFETY: a mute control's pointer is an IAudioMute.
            let vt = unsafe { pair.vtbl::<IAudioMute_Vtbl>() };
            return if input.flag() {
                let v = input.flag();
                let hr = unsafe { (vt.SetMute)(raw, BOOL::from(v), std::ptr::null()) };
                same("SetMute", hr, rhr(&mute.set_mute(v, None)))
            } else {
                // SAFETY: as above.
                Self::value_call("GetMute", null, |o| unsafe { (vt.GetMute)(raw, o) }, || mute.mute().map(BOOL::from))
            };
        }
        Ok(())
    }

    fn callback_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Part(_) | Rs::Subunit(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let (Rs::Part(p) | Rs::Subunit(p)) = &pair.rust else { return Ok(()) };
        let Ok(ipart) = pair.com.cast::<IPart>() else {
            return Err("a part's object has no IPart".into());
        };
        let vt = Interface::vtable(&ipart);
        let s = usize::from(input.byte() % 2);
        let null = input.null();
        let sink = if null { std::ptr::null_mut() } else { self.com_sinks[s].0.as_raw() };
        if input.flag() {
            let kinds = ControlKind::ALL;
            let kind = kinds[usize::from(input.byte()) % kinds.len()];
            let iid = g(kind.iid());
            // SAFETY: a live part; `sink` NULL or a live IControlChangeNotify.
            let hr = unsafe { (vt.RegisterControlChangeCallback)(ipart.as_raw(), &iid, sink) };
            if null {
                return expect("RegisterControlChangeCallback(NULL)", hr, E_POINTER);
            }
            let sink: Arc<dyn ControlChangeNotify> = self.rust_sinks[s].clone();
            same("RegisterControlChangeCallback", hr, rhr(&p.register_control_change_callback(dg(&iid), sink)))
        } else {
            // SAFETY: as above.
            let hr = unsafe { (vt.UnregisterControlChangeCallback)(ipart.as_raw(), sink) };
            if null {
                // N3: a NULL sink is E_INVALIDARG, not E_POINTER.
                return expect("UnregisterControlChangeCallback(NULL)", hr, E_INVALIDARG);
            }
            same("UnregisterControlChangeCallback", hr, rhr(&p.unregister_control_change_callback(&*self.rust_sinks[s])))
        }
    }

    fn ks_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Ks(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Ks(k) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IKsControl.
        let vt = unsafe { pair.vtbl::<IKsControl_Vtbl>() };
        // A descriptor of 0..40 bytes from the input, and a data buffer of 0..16 bytes or NULL.
        let len = usize::from(input.byte() % 41);
        let descriptor: Vec<u8> = (0..len).map(|_| input.byte()).collect();
        let data_len = usize::from(input.byte() % 17);
        let no_data = input.flag();
        let mut com_data = vec![0u8; data_len];
        let mut rust_data = vec![0u8; data_len];
        let mut returned = 0u32;
        let dptr = if no_data { std::ptr::null_mut() } else { com_data.as_mut_ptr().cast() };
        // SAFETY: a live IKsControl; the descriptor and data buffers are valid for their
        // lengths (the descriptor is read as bytes, whatever its alignment needs).
        let hr = unsafe {
            (vt.KsProperty)(
                pair.raw(),
                descriptor.as_ptr().cast(),
                len as u32,
                dptr,
                if no_data { 0 } else { data_len as u32 },
                &mut returned,
            )
        };
        let r = k.ks_property(&descriptor, (!no_data).then_some(rust_data.as_mut_slice()));
        same("KsProperty", hr, rhr(&r))?;
        if com_data != rust_data {
            return Err("KsProperty: different data".into());
        }
        Ok(())
    }

    /// AddRef (a second pair for one object), Release (in any order), or a hardware change
    /// made on both systems (a device removed, a state set): later calls meet removed
    /// devices (AUDCLNT_E_DEVICE_INVALIDATED, X26) and objects that outlive their parents.
    fn lifetime_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let k = usize::from(input.byte());
        match input.byte() % 4 {
            0 if !self.pool.is_empty() => {
                let pair = self.pool[k % self.pool.len()].clone();
                if self.pool.len() < MAX_POOL {
                    self.pool.push(pair);
                }
            }
            1 if !self.pool.is_empty() => {
                self.pool.remove(k % self.pool.len());
            }
            2 => {
                let id = self.ids[k % self.ids.len()].clone();
                let (a, b) = (self.rust.remove_device(&id), self.com.remove_device(&id));
                same("remove_device", rhr(&b), rhr(&a))?;
            }
            _ => {
                let id = self.ids[k % self.ids.len()].clone();
                let state = DeviceState::ALL[usize::from(input.byte()) % DeviceState::ALL.len()];
                let set = |s: &System| s.device(&id).and_then(|d| d.set_state(state));
                same("set_state", rhr(&set(&self.com)), rhr(&set(&self.rust)))?;
            }
        }
        Ok(())
    }
}
