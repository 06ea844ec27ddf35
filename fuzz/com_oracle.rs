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

#[path = "com_mmdevice.rs"]
mod mmdevice;
#[path = "com_parts.rs"]
mod parts;
#[path = "com_topology.rs"]
mod topology;

use std::ffi::c_void;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use devtopo::{
    CLSCTX_ALL, Connector, Control, ControlChangeNotify, ControlKind, Device, DeviceCollection,
    DeviceState, DeviceTopology, EDataFlow, ERole, KsControl, LocalId, MixedPaths, Part, PartsList,
    PropertyStore, System,
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
        self.byte().is_multiple_of(8)
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
        let hr = unsafe {
            (Interface::vtable(&com_topology).GetConnector)(com_topology.as_raw(), 0, &mut raw)
        };
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
        rust_sinks: (0..2)
            .map(|_| Arc::new(RustSink(AtomicU32::new(0))))
            .collect(),
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
                return Err(format!(
                    "step {step}: sink {s} told {c} times via COM, {r} via Rust"
                ));
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
        Err(format!(
            "{what}: COM {:#010x}, Rust {:#010x}",
            com.0 as u32, rust.0 as u32
        ))
    }
}

fn expect(what: &str, com: HRESULT, want: HRESULT) -> Result<(), String> {
    COMPARED.with(|c| c.set(c.get() + 1));
    if com == want {
        Ok(())
    } else {
        Err(format!(
            "{what}: COM {:#010x}, documented {:#010x}",
            com.0 as u32, want.0 as u32
        ))
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
        let mut out: *mut c_void = std::ptr::dangling_mut(); // garbage the call must overwrite
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
        let mut out = PWSTR(std::ptr::dangling_mut());
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
}
