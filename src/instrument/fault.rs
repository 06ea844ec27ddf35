//! [`Fault`]s: make a chosen method on a chosen target fail, or run a hardware action first.

use std::fmt;
use std::sync::Arc;

use super::{Decision, Method, Target};
use crate::error::{DeviceId, Error, Result};
use crate::handles::{Connector, Device, Part};
use crate::hresult::HResult;
use crate::system::{Shared, System};
use crate::types::LocalId;

/// A fault's number in its system's table, from [`Faults::add`]; never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaultId(pub u64);

impl fmt::Display for FaultId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fault {}", self.0)
    }
}

/// When a fault fires, counting the calls it matches from the moment it is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// The first matching call, then never again.
    Once,
    /// The nth matching call (1-based), once.
    Nth(u64),
    /// Every matching call, until the fault is removed.
    Always,
    /// The next n matching calls.
    Next(u64),
}

impl Trigger {
    /// Whether the `matched`-th matching call (1-based) fires.
    fn fires(self, matched: u64) -> bool {
        match self {
            Trigger::Once => matched == 1,
            Trigger::Nth(n) => matched == n,
            Trigger::Always => true,
            Trigger::Next(n) => matched <= n,
        }
    }

    /// Whether no later call can fire.
    fn spent(self, matched: u64) -> bool {
        match self {
            Trigger::Once => matched >= 1,
            Trigger::Nth(n) | Trigger::Next(n) => matched >= n,
            Trigger::Always => false,
        }
    }
}

/// A change to the simulated hardware that a fault makes before the call proceeds (or
/// fails): the world changing under the code under test, in the middle of what it does.
#[derive(Clone)]
#[non_exhaustive]
pub enum HardwareAction {
    /// The device goes `DEVICE_STATE_NOTPRESENT` ([`Hardware::remove`](crate::Hardware::remove), B5).
    Remove(DeviceId),
    /// The device is disabled ([`Hardware::disable`](crate::Hardware::disable), B4).
    Disable(DeviceId),
    /// The device is unplugged ([`Hardware::unplug`](crate::Hardware::unplug), X68).
    Unplug(DeviceId),
    /// The driver is uninstalled: every handle of the device answers
    /// `AUDCLNT_E_DEVICE_INVALIDATED` from then on ([`System::remove_device`], X26).
    Uninstall(DeviceId),
    /// A jack of a connector is unplugged ([`Hardware::unplug_jack`](crate::Hardware::unplug_jack), X27).
    UnplugJack {
        /// The connector's device.
        device: DeviceId,
        /// The connector.
        local_id: LocalId,
        /// The jack's index.
        jack: u32,
    },
    /// Any code of the test's, given the system (called with no lock held, so it may call
    /// any devtopo method; its own calls are recorded and may meet faults too).
    Run(Arc<dyn Fn(&System) + Send + Sync>),
}

impl HardwareAction {
    /// A [`HardwareAction::Remove`] by device ID: the one-liner for "the device goes
    /// NOTPRESENT in the middle of a walk".
    pub fn remove(device: &str) -> HardwareAction {
        HardwareAction::Remove(DeviceId::new(device))
    }

    /// Runs the action. One that cannot apply (the device is gone already) is skipped:
    /// the world is then already as the action would leave it, or the test removed it.
    pub(crate) fn run(&self, system: &System) {
        let hardware = system.hardware();
        let _ = match self {
            HardwareAction::Remove(id) => device(system, *id).and_then(|d| hardware.remove(&d)),
            HardwareAction::Disable(id) => device(system, *id).and_then(|d| hardware.disable(&d)),
            HardwareAction::Unplug(id) => device(system, *id).and_then(|d| hardware.unplug(&d)),
            HardwareAction::Uninstall(id) => system.remove_device(id),
            HardwareAction::UnplugJack {
                device: id,
                local_id,
                jack,
            } => connector(system, *id, *local_id).and_then(|c| hardware.unplug_jack(&c, *jack)),
            HardwareAction::Run(f) => {
                f(system);
                Ok(())
            }
        };
    }
}

/// The device with this ID, looked up without a recorded `GetDevice`.
fn device(system: &System, id: DeviceId) -> Result<Device> {
    let engine = system.shared.read();
    let ix = *engine.by_id.get(id.as_str()).ok_or(Error::UnknownDevice {
        device: Arc::from(id.as_str()),
    })?;
    Ok(Device::new(system.shared.clone(), engine.device_key(ix)))
}

/// The connector `device/local_id`, looked up without recorded calls.
fn connector(system: &System, id: DeviceId, local_id: LocalId) -> Result<Connector> {
    let key = {
        let engine = system.shared.read();
        let ix = *engine.by_id.get(id.as_str()).ok_or(Error::UnknownDevice {
            device: Arc::from(id.as_str()),
        })?;
        let dev = engine.device(engine.device_key(ix))?;
        let node = dev
            .part_by_local(&engine.graph, local_id)
            .ok_or(Error::UnknownLocalId {
                device: id,
                local_id,
            })?;
        engine.key_of(node)
    };
    Part::new(system.shared.clone(), key).as_connector()
}

impl fmt::Debug for HardwareAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for HardwareAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HardwareAction::Remove(d) => write!(f, "remove {d}"),
            HardwareAction::Disable(d) => write!(f, "disable {d}"),
            HardwareAction::Unplug(d) => write!(f, "unplug {d}"),
            HardwareAction::Uninstall(d) => write!(f, "uninstall {d}"),
            HardwareAction::UnplugJack {
                device,
                local_id,
                jack,
            } => write!(f, "unplug jack {jack} of {device}/{local_id}"),
            HardwareAction::Run(_) => f.write_str("run the test's action"),
        }
    }
}

impl PartialEq for HardwareAction {
    fn eq(&self, other: &HardwareAction) -> bool {
        use HardwareAction as H;
        match (self, other) {
            (H::Remove(a), H::Remove(b))
            | (H::Disable(a), H::Disable(b))
            | (H::Unplug(a), H::Unplug(b))
            | (H::Uninstall(a), H::Uninstall(b)) => a == b,
            (
                H::UnplugJack {
                    device: a,
                    local_id: l,
                    jack: j,
                },
                H::UnplugJack {
                    device: b,
                    local_id: m,
                    jack: k,
                },
            ) => a == b && l == m && j == k,
            (H::Run(a), H::Run(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// What a fired fault does after its hardware action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// The call proceeds and meets the changed world.
    Proceed,
    /// The call fails with this `HRESULT` without touching the engine.
    Fail(HResult),
}

/// What a fired fault does.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The call fails with this `HRESULT` and changes nothing (G5).
    Fail(HResult),
    /// The hardware changes, then the call proceeds or fails.
    Hardware(HardwareAction, Then),
}

/// A fault: which calls it matches ([`Method`] or any, within a [`Target`]), when it fires
/// ([`Trigger`]) and what it does then ([`Action`]). Build one with [`Fault::on`] or
/// [`Fault::on_any_method`] and add it with [`Faults::add`]. The defaults: anywhere, once,
/// fail with `E_FAIL`.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
/// use devtopo::Method::*;
/// let system = fixtures::four_topologies()?;
/// let mic = system.device(fixtures::FOUR_EPB)?.topology()?.connector(0)?;
/// system.faults().add(Fault::on(IConnector_GetConnectedTo).fail(HResult::E_OUTOFMEMORY))?;
/// assert_eq!(mic.connected_to().unwrap_err().hresult(), HResult::E_OUTOFMEMORY);
/// assert!(mic.connected_to().is_ok()); // once
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    method: Option<Method>,
    target: Target,
    trigger: Trigger,
    action: Action,
}

impl Fault {
    /// A fault on `method`: anywhere, once, `E_FAIL`.
    pub fn on(method: Method) -> Fault {
        Fault {
            method: Some(method),
            target: Target::System,
            trigger: Trigger::Once,
            action: Action::Fail(HResult::E_FAIL),
        }
    }

    /// A fault on every method: anywhere, once, `E_FAIL`. Narrow it with [`Fault::at`].
    pub fn on_any_method() -> Fault {
        Fault {
            method: None,
            ..Fault::on(Method::IPart_GetName)
        }
    }

    /// Only calls within `target` (a part: its calls and its controls'; a device: its
    /// calls and its parts').
    pub fn at(self, target: Target) -> Fault {
        Fault { target, ..self }
    }

    /// Only calls on this device or its parts.
    pub fn at_device(self, device: &str) -> Fault {
        self.at(Target::device(device))
    }

    /// Only calls on this part (and its controls).
    pub fn at_part(self, device: &str, local_id: LocalId) -> Fault {
        self.at(Target::part(device, local_id))
    }

    /// When it fires.
    pub fn trigger(self, trigger: Trigger) -> Fault {
        Fault { trigger, ..self }
    }

    /// Fires on the first matching call only (the default).
    pub fn once(self) -> Fault {
        self.trigger(Trigger::Once)
    }

    /// Fires on the nth matching call (1-based) only.
    pub fn nth(self, n: u64) -> Fault {
        self.trigger(Trigger::Nth(n))
    }

    /// Fires on every matching call.
    pub fn always(self) -> Fault {
        self.trigger(Trigger::Always)
    }

    /// Fires on the next `n` matching calls.
    pub fn next(self, n: u64) -> Fault {
        self.trigger(Trigger::Next(n))
    }

    /// The call fails with `hresult` (a failure code) and changes nothing (G5).
    pub fn fail(self, hresult: HResult) -> Fault {
        Fault {
            action: Action::Fail(hresult),
            ..self
        }
    }

    /// The hardware changes first (no lock held), then the call proceeds and meets the
    /// changed world.
    pub fn hardware(self, action: HardwareAction) -> Fault {
        self.hardware_then(action, Then::Proceed)
    }

    /// The hardware changes first, then the call proceeds or fails as `then` says.
    pub fn hardware_then(self, action: HardwareAction, then: Then) -> Fault {
        Fault {
            action: Action::Hardware(action, then),
            ..self
        }
    }

    /// The method it matches (`None`: any).
    pub fn method(&self) -> Option<Method> {
        self.method
    }

    /// Where it applies.
    pub fn target(&self) -> Target {
        self.target
    }

    /// When it fires.
    pub fn when(&self) -> Trigger {
        self.trigger
    }

    /// What it does.
    pub fn action(&self) -> &Action {
        &self.action
    }

    fn matches(&self, method: Method, target: Target) -> bool {
        self.method.is_none_or(|m| m == method) && self.target.contains(target)
    }

    /// The fault's problem, if it could never act as written.
    fn problem(&self) -> Option<&'static str> {
        let fails_with_success = match self.action {
            Action::Fail(hr) | Action::Hardware(_, Then::Fail(hr)) => hr.is_ok(),
            Action::Hardware(_, Then::Proceed) => false,
        };
        if fails_with_success {
            return Some("a fault fails a call with a failure HRESULT, not a success code");
        }
        match self.trigger {
            Trigger::Nth(0) => Some("calls are counted from 1: `nth(0)` never fires"),
            Trigger::Next(0) => Some("`next(0)` never fires"),
            _ => None,
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.method {
            Some(m) => write!(f, "{m}")?,
            None => f.write_str("any method")?,
        }
        if self.target != Target::System {
            write!(f, " at {}", self.target)?;
        }
        match self.trigger {
            Trigger::Once => f.write_str(", once")?,
            Trigger::Nth(n) => write!(f, ", on call {n}")?,
            Trigger::Always => f.write_str(", always")?,
            Trigger::Next(n) => write!(f, ", the next {n} calls")?,
        }
        let name = |hr: HResult| hr.name().map_or_else(|| hr.to_string(), str::to_owned);
        match &self.action {
            Action::Fail(hr) => write!(f, ": fail with {}", name(*hr)),
            Action::Hardware(h, Then::Proceed) => write!(f, ": {h}, then proceed"),
            Action::Hardware(h, Then::Fail(hr)) => write!(f, ": {h}, then fail with {}", name(*hr)),
        }
    }
}

/// Whether a fault can still fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaultState {
    /// It may fire on a later call.
    Armed,
    /// Its trigger has run out (a `Once`, `Nth` or `Next` fault that fired as it says).
    Spent,
}

/// A fault in the table, as [`Faults::list`] shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultStatus {
    /// Its number.
    pub id: FaultId,
    /// The fault.
    pub fault: Fault,
    /// How many calls it matched.
    pub matched: u64,
    /// How many of them it acted on.
    pub fired: u64,
    /// Whether it can fire again.
    pub state: FaultState,
}

impl fmt::Display for FaultStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (matched {}, fired {}{})",
            self.id,
            self.fault,
            self.matched,
            self.fired,
            if self.state == FaultState::Spent {
                ", spent"
            } else {
                ""
            }
        )
    }
}

/// A fault in the table with its counters.
#[derive(Debug)]
pub(super) struct Armed {
    id: FaultId,
    fault: Fault,
    matched: u64,
    fired: u64,
}

impl Armed {
    /// Whether the fault can still fire on a call of `method` (on some target).
    pub(super) fn may_match(&self, method: Method) -> bool {
        !self.fault.trigger.spent(self.matched) && self.fault.method.is_none_or(|m| m == method)
    }

    fn status(&self) -> FaultStatus {
        FaultStatus {
            id: self.id,
            fault: self.fault.clone(),
            matched: self.matched,
            fired: self.fired,
            state: if self.fault.trigger.spent(self.matched) {
                FaultState::Spent
            } else {
                FaultState::Armed
            },
        }
    }
}

/// Checks the faults in the order they were added; the first that fires decides, and the
/// faults after it do not see the call. O(number of faults).
pub(super) fn decide(faults: &mut [Armed], method: Method, target: Target) -> Option<Decision> {
    for armed in faults.iter_mut() {
        if armed.fault.trigger.spent(armed.matched) || !armed.fault.matches(method, target) {
            continue;
        }
        armed.matched += 1;
        if armed.fault.trigger.fires(armed.matched) {
            armed.fired += 1;
            return Some(Decision {
                id: armed.id,
                action: armed.fault.action.clone(),
            });
        }
    }
    None
}

/// The fault table of one system: [`System::faults`]. Faults act on calls through the Rust
/// handles and through devtopo-com's COM objects alike.
#[derive(Debug, Clone)]
pub struct Faults {
    pub(super) shared: Arc<Shared>,
}

impl Faults {
    /// Adds a fault; it sees the calls made from now on.
    ///
    /// # Errors
    /// [`Error::InvalidFault`] (`E_INVALIDARG`) for a fault that could never act as written:
    /// one that "fails" with a success code, `nth(0)`, `next(0)`.
    pub fn add(&self, fault: Fault) -> Result<FaultId> {
        if let Some(reason) = fault.problem() {
            return Err(Error::InvalidFault {
                fault: fault.to_string(),
                reason,
            });
        }
        Ok(self.shared.instrument.update(|state| {
            let id = FaultId(state.next_fault);
            state.next_fault += 1;
            state.faults.push(Armed {
                id,
                fault,
                matched: 0,
                fired: 0,
            });
            id
        }))
    }

    /// Every fault in the table, spent ones included, in the order added.
    pub fn list(&self) -> Vec<FaultStatus> {
        self.shared
            .instrument
            .lock()
            .faults
            .iter()
            .map(Armed::status)
            .collect()
    }

    /// The status of one fault.
    ///
    /// # Errors
    /// [`Error::UnknownFault`] (`E_NOTFOUND`) for an ID not in the table.
    pub fn status(&self, id: FaultId) -> Result<FaultStatus> {
        let state = self.shared.instrument.lock();
        state
            .faults
            .iter()
            .find(|a| a.id == id)
            .map(Armed::status)
            .ok_or(Error::UnknownFault { id })
    }

    /// Removes one fault, returning its last status. The fault is dropped after the
    /// table's lock is released (a [`HardwareAction::Run`] closure's `Drop` may call back in).
    ///
    /// # Errors
    /// [`Error::UnknownFault`] (`E_NOTFOUND`) for an ID not in the table.
    pub fn remove(&self, id: FaultId) -> Result<FaultStatus> {
        let removed = self.shared.instrument.update(|state| {
            let at = state
                .faults
                .iter()
                .position(|a| a.id == id)
                .ok_or(Error::UnknownFault { id })?;
            Ok::<Armed, Error>(state.faults.remove(at))
        })?;
        Ok(removed.status())
    }

    /// Removes every fault (dropped after the table's lock is released, as in
    /// [`Faults::remove`]).
    pub fn clear(&self) {
        let removed = self
            .shared
            .instrument
            .update(|state| std::mem::take(&mut state.faults));
        drop(removed);
    }
}
