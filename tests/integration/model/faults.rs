//! Fault operations of the state-machine model (X70, X71, G5): install a fault, remove one,
//! clear all; and the model's own account of which call each fault fires on.
//!
//! The model keeps its own fault table and decides by its own rules, never by devtopo's
//! fault code: calls are counted per fault from when it was added, faults are checked in the
//! order added and the first that fires decides the call (X71); a fault fails its call with
//! its `HRESULT` and the call changes nothing (G5); a hardware action (Remove, Disable,
//! Unplug) sets its condition first (skipped when no live device has the ID, X71), then the
//! call proceeds or fails; a spent `once`, `nth` or `next` fault never fires again. After
//! every step the test compares the system's fault list (matched, fired, spent) and the
//! record of the faultable calls (method, result, faulted or not) with the model.
//!
//! Faults name only the methods in [`FAULT_METHODS`]: each is called by one operation and
//! by no query, so the model sees every call a fault can count.

use devtopo::*;
use proptest::prelude::*;

use super::apply::Sut;
use super::mm::Seen;
use super::reference::{Model, Outcome};

/// The faultable methods the model drives, each by one operation ([`super::Op`]).
pub(super) const FAULT_METHODS: [Method; 4] = [
    Method::IConnector_ConnectTo,
    Method::IConnector_Disconnect,
    Method::IPart_RegisterControlChangeCallback,
    Method::IPart_UnregisterControlChangeCallback,
];

/// Realistic failures; a fault "failing" with `S_OK` (the extra index) is refused.
const FAIL_CODES: [HResult; 6] = [
    HResult::E_FAIL,
    HResult::E_OUTOFMEMORY,
    HResult::AUDCLNT_E_DEVICE_INVALIDATED,
    HResult::E_NOTFOUND,
    HResult::E_INVALIDARG,
    HResult::ERROR_PATH_NOT_FOUND,
];

/// A fault to install, by indices taken modulo what they index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FaultOp {
    method: u8,
    target: FTarget,
    trigger: FTrigger,
    action: FAction,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum FTarget {
    Anywhere,
    Device(u8),
    Part(u8),
}

/// `Nth(0)` and `Next(0)` never fire: refused (X71).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FTrigger {
    Once,
    Nth(u64),
    Always,
    Next(u64),
}

#[derive(Debug, Clone, Copy)]
pub(super) enum FAction {
    /// Fail with `FAIL_CODES[i]`, or `S_OK` past the end.
    Fail(u8),
    /// A hardware action on a device (by index), then proceed (`None`) or fail.
    Hardware(Hw, u8, Option<u8>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hw {
    Remove,
    Disable,
    Unplug,
}

pub(super) fn fault_op() -> impl Strategy<Value = FaultOp> {
    let target = prop_oneof![
        1 => Just(FTarget::Anywhere),
        1 => any::<u8>().prop_map(FTarget::Device),
        2 => any::<u8>().prop_map(FTarget::Part),
    ];
    let trigger = prop_oneof![
        3 => Just(FTrigger::Once),
        2 => (0u64..4).prop_map(FTrigger::Nth),
        1 => Just(FTrigger::Always),
        2 => (0u64..4).prop_map(FTrigger::Next),
    ];
    let hw = prop::sample::select(vec![Hw::Remove, Hw::Disable, Hw::Unplug]);
    let fail = 0..FAIL_CODES.len() as u8 + 1;
    let action = prop_oneof![
        3 => fail.clone().prop_map(FAction::Fail),
        2 => (hw, any::<u8>(), prop::option::of(0..FAIL_CODES.len() as u8))
            .prop_map(|(h, d, f)| FAction::Hardware(h, d, f)),
    ];
    (0..FAULT_METHODS.len() as u8, target, trigger, action).prop_map(
        |(method, target, trigger, action)| FaultOp {
            method,
            target,
            trigger,
            action,
        },
    )
}

/// Where a call is made, as the model sees it: a part, or a removed part's device (whose
/// calls are known by their device only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    Anywhere,
    Device(String),
    Part(String, LocalId),
}

/// What a fired fault does, resolved to device IDs and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MAction {
    Fail(HResult),
    Hardware(Hw, String, Option<HResult>),
}

/// One fault of the model's table.
#[derive(Debug, Clone)]
pub(super) struct MFault {
    id: FaultId,
    method: Method,
    target: Place,
    trigger: FTrigger,
    action: MAction,
    matched: u64,
    fired: u64,
}

impl MFault {
    /// X71: spent once its trigger can fire no more.
    fn spent(&self) -> bool {
        match self.trigger {
            FTrigger::Once => self.matched >= 1,
            FTrigger::Nth(n) | FTrigger::Next(n) => self.matched >= n,
            FTrigger::Always => false,
        }
    }

    /// Whether the `matched`-th call (1-based) fires.
    fn fires(&self) -> bool {
        match self.trigger {
            FTrigger::Once => self.matched == 1,
            FTrigger::Nth(n) => self.matched == n,
            FTrigger::Always => true,
            FTrigger::Next(n) => self.matched <= n,
        }
    }

    fn contains(&self, call: &Place) -> bool {
        match (&self.target, call) {
            (Place::Anywhere, _) => true,
            (Place::Device(d), Place::Device(c) | Place::Part(c, _)) => d == c,
            (Place::Part(d, l), Place::Part(c, m)) => d == c && l == m,
            _ => false,
        }
    }
}

/// The model's side of the toolkit: the fault table and what the step's faultable calls
/// must have recorded.
#[derive(Debug, Clone, Default)]
pub(super) struct FaultModel {
    faults: Vec<MFault>,
    /// Every ID the system gave (removed ones too, so removing one again is tried).
    ids: Vec<FaultId>,
    /// This step's faultable calls: method, result, whether a fault fired (X70).
    pub(super) records: Vec<(Method, HResult, bool)>,
    /// Whether a hardware action ran in this step (the call then may fail yet change things).
    pub(super) hardware_ran: bool,
    /// How many calls faults fired on, in all (for the fixed sequence).
    pub(super) fired: usize,
    /// What endpoint sinks saw at the start of the step, or after a hardware action in it.
    pub(super) seen: Option<Seen>,
    /// The endpoint events of a hardware action, told before the call's own.
    pub(super) early: Vec<EndpointEvent>,
}

fn code(o: Outcome) -> HResult {
    o.err().unwrap_or(HResult::S_OK)
}

impl Model {
    fn place_of_part(&self, p: usize) -> Place {
        let id = self.devices[self.parts[p].device].id.clone();
        if self.removed(p) {
            Place::Device(id)
        } else {
            Place::Part(id, self.parts[p].local)
        }
    }

    /// A call of `method` on part `p`: the model's fault table decides (X71), then `call`
    /// (the model of the call itself) runs unless a fault failed it. Returns the outcome and
    /// notes the call for the record comparison.
    pub(super) fn faulted(
        &mut self,
        method: Method,
        p: usize,
        call: impl FnOnce(&mut Model) -> Outcome,
    ) -> Outcome {
        let place = self.place_of_part(p);
        let mut action = None;
        for f in &mut self.faults.faults {
            if f.spent() || f.method != method || !f.contains(&place) {
                continue;
            }
            f.matched += 1;
            if f.fires() {
                f.fired += 1;
                self.faults.fired += 1;
                action = Some(f.action.clone());
                break;
            }
        }
        let outcome = match &action {
            None => call(self),
            Some(MAction::Fail(hr)) => Err(*hr),
            Some(MAction::Hardware(hw, id, then)) => {
                self.faults.hardware_ran = true;
                self.hardware(*hw, id);
                // The action commits (and notifies) on its own, before the call does.
                if let Some(seen) = self.faults.seen.take() {
                    let early = self.events_since(&seen);
                    self.faults.early.extend(early);
                    self.faults.seen = Some(self.seen());
                }
                match then {
                    None => call(self),
                    Some(hr) => Err(*hr),
                }
            }
        };
        self.faults
            .records
            .push((method, code(outcome), action.is_some()));
        outcome
    }

    /// B4, B5, X68, X27: the action's condition on the live device with the ID; none: skipped
    /// (X71).
    fn hardware(&mut self, hw: Hw, id: &str) {
        let Some(d) =
            (0..self.devices.len()).find(|&d| !self.devices[d].removed && self.devices[d].id == id)
        else {
            return;
        };
        let _ = self.set_conditions(d, |c| match hw {
            Hw::Remove => c.not_present = true,
            Hw::Disable => c.disabled = true,
            Hw::Unplug => c.unplugged = true,
        });
    }

    /// `Faults::add` (X71): refused with E_INVALIDARG when it could never act.
    pub(super) fn add_fault(&mut self, sut: &Sut, op: &FaultOp) -> (Outcome, Outcome) {
        let method = FAULT_METHODS[usize::from(op.method) % FAULT_METHODS.len()];
        let device = |i: u8| self.devices[usize::from(i) % self.devices.len()].id.clone();
        let (place, target) = match op.target {
            FTarget::Anywhere => (Place::Anywhere, Target::System),
            FTarget::Device(i) => (Place::Device(device(i)), Target::device(&device(i))),
            FTarget::Part(i) => {
                let p = &self.parts[usize::from(i) % self.parts.len()];
                let id = self.devices[p.device].id.clone();
                (Place::Part(id.clone(), p.local), Target::part(&id, p.local))
            }
        };
        let fail = |i: u8| {
            FAIL_CODES
                .get(usize::from(i))
                .copied()
                .unwrap_or(HResult::S_OK)
        };
        let action = match op.action {
            FAction::Fail(i) => MAction::Fail(fail(i)),
            FAction::Hardware(hw, d, then) => MAction::Hardware(hw, device(d), then.map(fail)),
        };
        let mut fault = Fault::on(method).at(target);
        fault = match op.trigger {
            FTrigger::Once => fault.once(),
            FTrigger::Nth(n) => fault.nth(n),
            FTrigger::Always => fault.always(),
            FTrigger::Next(n) => fault.next(n),
        };
        fault = match &action {
            MAction::Fail(hr) => fault.fail(*hr),
            MAction::Hardware(hw, id, then) => {
                let h = match hw {
                    Hw::Remove => HardwareAction::Remove(DeviceId::new(id)),
                    Hw::Disable => HardwareAction::Disable(DeviceId::new(id)),
                    Hw::Unplug => HardwareAction::Unplug(DeviceId::new(id)),
                };
                match then {
                    None => fault.hardware(h),
                    Some(hr) => fault.hardware_then(h, Then::Fail(*hr)),
                }
            }
        };
        let got = sut.system.faults().add(fault);
        let never = matches!(op.trigger, FTrigger::Nth(0) | FTrigger::Next(0))
            || matches!(action, MAction::Fail(hr) if hr.is_ok());
        let want = if never {
            Err(HResult::E_INVALIDARG)
        } else {
            Ok(())
        };
        if let Ok(id) = got {
            self.faults.ids.push(id);
            if !never {
                self.faults.faults.push(MFault {
                    id,
                    method,
                    target: place,
                    trigger: op.trigger,
                    action,
                    matched: 0,
                    fired: 0,
                });
            }
        }
        (got.map(drop).map_err(|e| e.hresult()), want)
    }

    /// `Faults::remove`: a fault in the table goes, returning its last status (matched and
    /// fired as the model counted); one not in it (removed before, or cleared) is E_NOTFOUND.
    pub(super) fn remove_fault(
        &mut self,
        sut: &Sut,
        i: u8,
    ) -> std::result::Result<Option<(Outcome, Outcome)>, TestCaseError> {
        let Some(&id) = self
            .faults
            .ids
            .get(usize::from(i) % self.faults.ids.len().max(1))
        else {
            return Ok(None);
        };
        let got = sut.system.faults().remove(id);
        let want = match self.faults.faults.iter().position(|f| f.id == id) {
            Some(at) => {
                let f = self.faults.faults.remove(at);
                if let Ok(status) = &got {
                    prop_assert_eq!((status.matched, status.fired), (f.matched, f.fired));
                }
                Ok(())
            }
            None => Err(HResult::E_NOTFOUND),
        };
        Ok(Some((got.map(drop).map_err(|e| e.hresult()), want)))
    }

    /// `Faults::clear`.
    pub(super) fn clear_faults(&mut self, sut: &Sut) -> (Outcome, Outcome) {
        sut.system.faults().clear();
        self.faults.faults.clear();
        (Ok(()), Ok(()))
    }
}

/// X71: the system's fault table (ID, matched, fired, spent) is the model's, in order.
pub(super) fn compare_faults(sut: &Sut, model: &Model) -> std::result::Result<(), TestCaseError> {
    let got: Vec<(FaultId, u64, u64, bool)> = sut
        .system
        .faults()
        .list()
        .iter()
        .map(|s| (s.id, s.matched, s.fired, s.state == FaultState::Spent))
        .collect();
    let want: Vec<(FaultId, u64, u64, bool)> = model
        .faults
        .faults
        .iter()
        .map(|f| (f.id, f.matched, f.fired, f.spent()))
        .collect();
    prop_assert_eq!(got, want, "X71: the fault table");
    Ok(())
}

/// Y6, Y8, Y9, Y11, X50: what the step told endpoint sinks, in two parts when a fault's
/// hardware action ran first (its changes are notified before the call's).
pub(super) fn step_events(model: &mut Model) -> Vec<EndpointEvent> {
    let mut events = std::mem::take(&mut model.faults.early);
    if let Some(seen) = model.faults.seen.take() {
        events.extend(model.events_since(&seen));
    }
    events
}

/// X70: the faultable calls of the step, as recorded: method, result, faulted or not.
pub(super) fn compare_records(
    record: &Record,
    model: &mut Model,
) -> std::result::Result<(), TestCaseError> {
    let got: Vec<(Method, HResult, bool)> = record
        .iter()
        .filter(|r| FAULT_METHODS.contains(&r.method))
        .map(|r| (r.method, r.result, r.fault.is_some()))
        .collect();
    prop_assert_eq!(
        got,
        std::mem::take(&mut model.faults.records),
        "X70: the record"
    );
    Ok(())
}

/// Fault operations for the fixed sequence: every trigger, target and action kind, the
/// refused faults, removing a fault twice and clearing (X70, X71, G5).
pub(super) fn fixed_sequence() -> Vec<super::Op> {
    use super::Op::*;
    let f = |method: u8, target, trigger, action| {
        AddFault(FaultOp {
            method,
            target,
            trigger,
            action,
        })
    };
    vec![
        // Once, anywhere: the first Disconnect fails with E_OUTOFMEMORY, the second works.
        f(1, FTarget::Anywhere, FTrigger::Once, FAction::Fail(1)),
        Disconnect(0),
        Disconnect(0),
        // Nth(2) on a device's ConnectTo; Always on Register at a part.
        f(0, FTarget::Device(0), FTrigger::Nth(2), FAction::Fail(0)),
        Connect(0, 1),
        Connect(0, 1),
        Connect(0, 1),
        f(2, FTarget::Part(0), FTrigger::Always, FAction::Fail(2)),
        Register(0, 0, 0),
        Register(0, 0, 0),
        RemoveFault(2),
        RemoveFault(2),
        Register(0, 0, 0),
        // Hardware actions: remove then proceed, disable then fail, unplug a gone device.
        f(
            1,
            FTarget::Anywhere,
            FTrigger::Next(2),
            FAction::Hardware(Hw::Remove, 1, None),
        ),
        Disconnect(3),
        Disconnect(4),
        Disconnect(5),
        f(
            3,
            FTarget::Anywhere,
            FTrigger::Once,
            FAction::Hardware(Hw::Disable, 2, Some(3)),
        ),
        Unregister(0, 0),
        Enable(1),
        Enable(2),
        // Refused: nth(0), next(0), S_OK as a failure.
        f(0, FTarget::Anywhere, FTrigger::Nth(0), FAction::Fail(0)),
        f(0, FTarget::Anywhere, FTrigger::Next(0), FAction::Fail(0)),
        f(
            0,
            FTarget::Anywhere,
            FTrigger::Always,
            FAction::Fail(FAIL_CODES.len() as u8),
        ),
        f(2, FTarget::Anywhere, FTrigger::Always, FAction::Fail(4)),
        ClearFaults,
        Register(1, 0, 1),
        RemoveDevice(6),
        f(
            1,
            FTarget::Device(6),
            FTrigger::Always,
            FAction::Hardware(Hw::Unplug, 6, Some(0)),
        ),
        Disconnect(7),
        ClearFaults,
    ]
}

/// X71, Y8: a fault's hardware action commits and notifies before its call does: here the
/// render default moves when the action disables an endpoint, then again when the call
/// (a Disconnect of the other endpoint) makes that one NOTPRESENT. Found by the 20,000-case
/// run (the model first told the step's net change only).
#[test]
fn x71_a_hardware_action_notifies_before_its_call() -> std::result::Result<(), TestCaseError> {
    use super::Op::*;
    super::run(&[
        AddFault(FaultOp {
            method: 1,
            target: FTarget::Anywhere,
            trigger: FTrigger::Always,
            action: FAction::Hardware(Hw::Disable, 8, None),
        }),
        RegisterEndpoint(0),
        RemoveDevice(3),
        Disconnect(39),
    ])?;
    Ok(())
}
