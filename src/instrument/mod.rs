//! The test-double toolkit's hook: fault injection and call recording at the handle boundary.
//!
//! Every public handle method that is the Rust home of a COM method ([`Method`]) is one call
//! of [`call`], so the COM objects of devtopo-com, which only translate, pass through it too.
//! With no fault set and recording off, [`call`] costs one relaxed atomic load. Otherwise it
//! resolves the call's [`Target`], checks the fault table (in the order faults were added;
//! the first that fires decides) and appends a [`CallRecord`]. A fault that fails the call
//! returns before the call touches the engine, so the call changes nothing (G5). Nothing of
//! the toolkit runs while the system's lock is held: a fault's hardware action and the call
//! itself run after the fault table's own lock is released (the GUIDE's lock rule, X20).
//!
//! Cost when active: a lock and O(number of faults) per call to match (the target is only
//! resolved when a fault names the method or recording is on), plus O(log n) to insert a record
//! in sequence order (calls that nest, through a callback, finish before their caller).
//! The docs are docs/faults-and-recording.md.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::engine::{DeviceKey, Engine, PartKey};
use crate::error::{DeviceId, Error, Result};
use crate::hresult::HResult;
use crate::system::{Shared, System};
use crate::types::LocalId;

mod args;
mod fault;
mod matcher;
mod method;
mod record;
#[cfg(feature = "serde")]
mod serde;

pub use args::{Arg, ArgValue};
pub use fault::{
    Action, Fault, FaultId, FaultState, FaultStatus, Faults, HardwareAction, Then, Trigger,
};
pub use matcher::{Calls, Expectation, Mismatch, any_call, calls};
pub use method::{Method, ParseMethodError};
pub use record::{CallRecord, Record, Recorder, RecordingMode};

use fault::Armed;

/// What a call was made on, as the record names it; as a fault's target, where the fault
/// applies. Targets nest: [`Target::System`] contains every call, a device contains its own
/// calls and those on its parts and controls, a part contains the calls on itself and its
/// controls ([`Target::contains`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// No device: the enumerator (`IMMDeviceEnumerator`), a device collection, a parts list.
    /// As a fault's target: anywhere.
    System,
    /// A device (`IMMDevice`, `IDeviceTopology`, `IPropertyStore`, `IKsControl`).
    Device(DeviceId),
    /// A part (`IPart`, `IConnector`, the control interfaces): its device and local ID.
    Part(DeviceId, LocalId),
}

impl Target {
    /// A device target by ID (interning the ID, see [`DeviceId`]).
    pub fn device(id: &str) -> Target {
        Target::Device(DeviceId::new(id))
    }

    /// A part target by device ID and local ID.
    pub fn part(device: &str, local_id: LocalId) -> Target {
        Target::Part(DeviceId::new(device), local_id)
    }

    /// The device, unless this is [`Target::System`].
    pub fn device_id(self) -> Option<DeviceId> {
        match self {
            Target::System => None,
            Target::Device(d) | Target::Part(d, _) => Some(d),
        }
    }

    /// The part's local ID, for [`Target::Part`].
    pub fn local_id(self) -> Option<LocalId> {
        match self {
            Target::Part(_, l) => Some(l),
            _ => None,
        }
    }

    /// True when a call on `inner` is within this target. O(1).
    ///
    /// ```
    /// use devtopo::{LocalId, Target};
    /// let part = Target::part("{2}.mux", LocalId(0x10003));
    /// assert!(Target::System.contains(part));
    /// assert!(Target::device("{2}.mux").contains(part));
    /// assert!(!part.contains(Target::device("{2}.mux")));
    /// ```
    pub fn contains(self, inner: Target) -> bool {
        match (self, inner) {
            (Target::System, _) => true,
            (Target::Device(d), Target::Device(i) | Target::Part(i, _)) => d == i,
            (Target::Part(d, l), Target::Part(i, m)) => d == i && l == m,
            _ => false,
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::System => f.write_str("system"),
            Target::Device(d) => write!(f, "{d}"),
            Target::Part(d, l) => write!(f, "{d}/{l}"),
        }
    }
}

/// Where a handle call is made, resolved to a [`Target`] only when the toolkit is active.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Site<'a> {
    System,
    Device(DeviceKey),
    Part(PartKey),
    /// `GetDevice`: the ID asked for.
    DeviceText(&'a str),
}

impl Site<'_> {
    fn resolve(self, engine: &Engine) -> Target {
        match self {
            Site::System => Target::System,
            Site::Device(key) => Target::Device(engine.device_id(key.ix)),
            Site::Part(key) => part_target(engine, key),
            Site::DeviceText(id) => Target::device(id),
        }
    }
}

/// A part's target; a part of a removed device is known by its device only.
pub(crate) fn part_target(engine: &Engine, key: PartKey) -> Target {
    let device = engine.device_id(key.device);
    match engine.part(key) {
        Ok(part) => Target::Part(device, part.local_id),
        Err(_) => Target::Device(device),
    }
}

/// The toolkit state of one system: faults and the record, behind their own lock (never
/// held while the engine's lock is taken or user code runs).
#[derive(Debug, Default)]
pub(crate) struct Instrument {
    /// True while recording is on or any fault is set: the one check of the fast path.
    active: AtomicBool,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    recording: RecordingMode,
    /// The next call's sequence number.
    seq: u64,
    records: Vec<CallRecord>,
    faults: Vec<Armed>,
    next_fault: u64,
}

impl State {
    fn is_active(&self) -> bool {
        self.recording == RecordingMode::On || !self.faults.is_empty()
    }
}

impl Instrument {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on the state, then re-derives the fast path's flag.
    fn update<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self.lock();
        let value = f(&mut state);
        self.active.store(state.is_active(), Ordering::Relaxed);
        value
    }
}

/// What the fault table decided for one call.
struct Decision {
    id: FaultId,
    action: Action,
}

/// The hook: runs `body`, the handle method's work, unless a fault fires, and records the
/// call when recording is on. `args` is evaluated only when the call is recorded.
#[inline(always)]
pub(crate) fn call<T>(
    shared: &Arc<Shared>,
    method: Method,
    site: Site<'_>,
    args: impl FnOnce(&Engine) -> Vec<Arg>,
    body: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if !shared.instrument.active.load(Ordering::Relaxed) {
        return body();
    }
    instrumented(shared, method, site, args, body)
}

/// A handle whose calls go through the hook: its system and where its calls are made.
pub(crate) trait Hook {
    /// The system and the site of this handle's calls.
    fn site(&self) -> (&Arc<Shared>, Site<'_>);

    /// A call of `method` on this handle, through [`call`]. The site is made only when the
    /// toolkit is active: the fast path is the flag's load and a branch (issue 11).
    #[inline(always)]
    fn call<T>(
        &self,
        method: Method,
        args: impl FnOnce(&Engine) -> Vec<Arg>,
        body: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        if !self.site().0.instrument.active.load(Ordering::Relaxed) {
            return body();
        }
        let (shared, site) = self.site();
        instrumented(shared, method, site, args, body)
    }
}

/// A call with no arguments worth recording.
pub(crate) fn no_args(_: &Engine) -> Vec<Arg> {
    Vec::new()
}

thread_local! {
    /// How many [`quietly`] scopes this thread is in.
    static QUIET: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` with the toolkit off on this thread: the library's own conveniences
/// (`System::find_part`, the scenario runner's name index) look parts up through the
/// handles, and those lookups are not the code under test's calls, so they are neither
/// recorded nor faulted. Costs nothing on the fast path (checked only when active).
pub(crate) fn quietly<T>(f: impl FnOnce() -> T) -> T {
    struct Scope;
    impl Drop for Scope {
        fn drop(&mut self) {
            QUIET.with(|q| q.set(q.get() - 1));
        }
    }
    QUIET.with(|q| q.set(q.get() + 1));
    let _scope = Scope;
    f()
}

#[inline(never)]
fn instrumented<T>(
    shared: &Arc<Shared>,
    method: Method,
    site: Site<'_>,
    args: impl FnOnce(&Engine) -> Vec<Arg>,
    body: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if QUIET.with(Cell::get) > 0 {
        return body();
    }
    let recording = {
        // Not recording and no fault for this method: the call needs no target.
        let state = shared.instrument.lock();
        if state.recording == RecordingMode::Off
            && !state.faults.iter().any(|a| a.may_match(method))
        {
            drop(state);
            return body();
        }
        state.recording
    };
    // One read of the engine for the target and the arguments.
    let (target, args) = {
        let engine = shared.read();
        let args = match recording {
            RecordingMode::On => args(&engine),
            RecordingMode::Off => Vec::new(),
        };
        (site.resolve(&engine), args)
    };
    let (seq, decision) = {
        let mut state = shared.instrument.lock();
        let seq = state.seq;
        state.seq += 1;
        (seq, fault::decide(&mut state.faults, method, target))
    };
    let fault = decision.as_ref().map(|d| d.id);
    let injected = |hresult: HResult, id: FaultId| {
        Err(Error::Injected {
            method,
            hresult,
            fault: id,
        })
    };
    let result = match decision {
        None => body(),
        Some(Decision { id, action }) => match action {
            Action::Fail(hresult) => injected(hresult, id),
            Action::Hardware(hardware, then) => {
                // No lock is held: the action may notify sinks, which may call back in.
                hardware.run(&System {
                    shared: shared.clone(),
                });
                match then {
                    Then::Proceed => body(),
                    Then::Fail(hresult) => injected(hresult, id),
                }
            }
        },
    };
    if recording == RecordingMode::On {
        let record = CallRecord {
            seq,
            method,
            target,
            args,
            result: result
                .as_ref()
                .map_or_else(Error::hresult, |_| HResult::S_OK),
            fault,
        };
        let mut state = shared.instrument.lock();
        let at = state.records.partition_point(|r| r.seq < seq);
        state.records.insert(at, record);
    }
    result
}

impl System {
    /// **Test-double toolkit, not a COM method**: the fault table of this system. A fault
    /// makes a chosen [`Method`] on a chosen [`Target`] fail with a chosen `HRESULT`, or run
    /// a hardware action first; see [`Fault`] and docs/faults-and-recording.md.
    pub fn faults(&self) -> Faults {
        Faults {
            shared: self.shared.clone(),
        }
    }

    /// **Test-double toolkit, not a COM method**: the call recorder of this system (off
    /// until [`Recorder::start`]); see [`Record`] and docs/faults-and-recording.md.
    pub fn recorder(&self) -> Recorder {
        Recorder {
            shared: self.shared.clone(),
        }
    }
}
