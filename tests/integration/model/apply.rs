//! The system under test, and each operation applied to it and to the model.

use std::sync::{Arc, Mutex};

use devtopo::*;
use proptest::prelude::*;

use super::mm::ENDPOINT_SINKS;
use super::reference::{Conditions, MPart, Model, Outcome};
use super::{EFFECTS, FOUR, Op, SINKS, callback_iids};

/// A sink that records what it is told.
#[derive(Default)]
pub(super) struct Recorder(Mutex<Vec<(u32, Option<Guid>)>>);

impl ControlChangeNotify for Recorder {
    fn on_notify(&self, pid: u32, context: Option<Guid>) {
        if let Ok(mut calls) = self.0.lock() {
            calls.push((pid, context));
        }
    }
}

impl Recorder {
    pub(super) fn calls(&self) -> Vec<(u32, Option<Guid>)> {
        self.0.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

pub(super) struct Sut {
    pub(super) system: System,
    pub(super) devices: Vec<Device>,
    pub(super) parts: Vec<Part>,
    pub(super) sinks: Vec<Arc<Recorder>>,
    pub(super) endpoint_sinks: Vec<Arc<EndpointEventLog>>,
}

/// The initial states a topology text declares, in device order: they set the conditions
/// (X27).
pub(super) fn declared_states(text: &str) -> std::result::Result<Vec<DeviceState>, TestCaseError> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("state = "))
        .map(|v| {
            let v = v.trim_matches('"');
            DeviceState::ALL
                .iter()
                .copied()
                .find(|s| s.name() == v)
                .ok_or_else(|| TestCaseError::fail(format!("unknown state {v}")))
        })
        .collect()
}

/// The handles of a device's parts, in snapshot order.
pub(super) fn part_handles(
    device: &Device,
    snapshot: &DeviceSnapshot,
) -> std::result::Result<Vec<Part>, TestCaseError> {
    let fail = |e: Error| TestCaseError::fail(e.to_string());
    let topology = device.topology().map_err(fail)?;
    snapshot
        .parts
        .iter()
        .map(|p| topology.part_by_id(p.local_id).map_err(fail))
        .collect()
}

pub(super) fn load() -> std::result::Result<(Sut, Model), TestCaseError> {
    let text = format!("{FOUR}\n{EFFECTS}");
    let system = System::from_toml_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let snapshot = system.snapshot();
    let declared = declared_states(&text)?;
    prop_assert_eq!(
        declared.len(),
        snapshot.devices.len(),
        "one state per device"
    );
    let model = Model::from_snapshot(&snapshot, &declared, system.caller_process_id());
    let devices: Vec<Device> = snapshot
        .devices
        .iter()
        .map(|d| system.device(&d.id))
        .collect::<devtopo::Result<_>>()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut parts = Vec::new();
    for (device, snap) in devices.iter().zip(&snapshot.devices) {
        parts.extend(part_handles(device, snap)?);
    }
    let sinks = (0..SINKS).map(|_| Arc::new(Recorder::default())).collect();
    // X70: every call is recorded; each step's faultable calls are compared (`faults`).
    system.recorder().start();
    let endpoint_sinks = (0..ENDPOINT_SINKS)
        .map(|_| EndpointEventLog::new())
        .collect();
    Ok((
        Sut {
            system,
            devices,
            parts,
            sinks,
            endpoint_sinks,
        },
        model,
    ))
}

pub(super) fn hr<T>(r: devtopo::Result<T>) -> Outcome {
    r.map(drop).map_err(|e| e.hresult())
}

/// The `i`-th part (modulo) among those `pick` accepts; `None` when there is none.
pub(super) fn pick(model: &Model, i: u8, accept: impl Fn(&MPart) -> bool) -> Option<usize> {
    let list: Vec<usize> = (0..model.parts.len())
        .filter(|&p| accept(&model.parts[p]))
        .collect();
    (!list.is_empty()).then(|| list[i as usize % list.len()])
}

pub(super) fn has(kind: ControlKind) -> impl Fn(&MPart) -> bool {
    move |p: &MPart| p.controls.iter().any(|c| c.kind() == kind)
}

pub(super) fn level_kinds(p: &MPart) -> Vec<ControlKind> {
    p.controls
        .iter()
        .map(ControlSpec::kind)
        .filter(|k| k.is_level())
        .collect()
}

/// The control handle of `kind` on a part (whose device may be removed).
pub(super) fn activate(part: &Part, kind: ControlKind) -> devtopo::Result<Control> {
    part.activate(CLSCTX_ALL, kind.iid())
}

impl Model {
    /// Applies `op` to the system and to the model; panics (fails the case) when they
    /// disagree on the outcome. Returns whether the call failed.
    pub(super) fn apply(
        &mut self,
        sut: &mut Sut,
        op: &Op,
    ) -> std::result::Result<bool, TestCaseError> {
        if let Op::Arrive = op {
            let (got, want) = self.arrive(sut)?;
            prop_assert_eq!(got, want, "{:?}", op);
            return Ok(got.is_err());
        }
        let sut: &Sut = sut;
        let hardware = (
            DEFAULT_HARDWARE_PROCESS_ID,
            Some(HARDWARE_INITIATED_CONTEXT),
        );
        let hw = sut.system.hardware();
        let connector = |p: usize| sut.parts[p].as_connector();
        let (got, want): (Outcome, Outcome) = match *op {
            // C3-C6, D4, X4: the checks in order; removed devices first (X26).
            Op::Connect(x, y) => {
                let (Some(a), Some(b)) = (
                    pick(self, x, |p| p.connector.is_some()),
                    pick(self, y, |p| p.connector.is_some()),
                ) else {
                    return Ok(false);
                };
                let got =
                    connector(a).and_then(|ca| connector(b).and_then(|cb| ca.connect_to(&cb)));
                let (fa, ta) = self.parts[a]
                    .connector
                    .unwrap_or((DataFlow::In, ConnectorType::SoftwareIo));
                let (fb, tb) = self.parts[b]
                    .connector
                    .unwrap_or((DataFlow::In, ConnectorType::SoftwareIo));
                let (da, db) = (self.parts[a].device, self.parts[b].device);
                let want = self.faulted(Method::IConnector_ConnectTo, a, |m| {
                    if m.removed(a) || m.removed(b) {
                        Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                    } else if fa == fb
                        || ta.is_topology_edge()
                        || tb.is_topology_edge()
                        || da == db
                        || (m.is_endpoint(da) && m.is_endpoint(db))
                        || ta != tb
                    {
                        Err(HResult::E_INVALIDARG)
                    } else if m.peers[a].is_some() || m.peers[b].is_some() {
                        Err(HResult::ERROR_DEVICE_ALREADY_ATTACHED)
                    } else {
                        m.peers[a] = Some((b, Permanence::Transient));
                        m.peers[b] = Some((a, Permanence::Transient));
                        Ok(())
                    }
                });
                (hr(got), want)
            }
            // C6, X5.
            Op::Disconnect(x) => {
                let Some(a) = pick(self, x, |p| p.connector.is_some()) else {
                    return Ok(false);
                };
                let got = hr(connector(a).and_then(|c| c.disconnect()));
                let want = self.faulted(Method::IConnector_Disconnect, a, |m| {
                    if m.removed(a) {
                        return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
                    }
                    match m.peers[a] {
                        None => Err(HResult::E_NOTFOUND),
                        Some((_, Permanence::Permanent)) => Err(HResult::ERROR_FILE_READ_ONLY),
                        Some((b, Permanence::Transient)) => {
                            m.peers[a] = None;
                            m.peers[b] = None;
                            Ok(())
                        }
                    }
                });
                (got, want)
            }
            Op::SetLevel(..)
            | Op::HardwareSetLevel(..)
            | Op::SetLevelUniform(..)
            | Op::SetLevelAll(..)
            | Op::SetSwitch(..)
            | Op::HardwareSetMute(..)
            | Op::SetSelection(..)
            | Op::SetChannelConfig(..)
            | Op::SetValue(..)
            | Op::FeedPeak(..)
            | Op::ReadPeak(..) => match self.apply_control(sut, op)? {
                Some(outcomes) => outcomes,
                None => return Ok(false),
            },
            // K18, X27, N6, N9.
            Op::Plug(x, jack, plugged) => {
                let Some(p) = pick(self, x, |p| p.connector.is_some()) else {
                    return Ok(false);
                };
                let c = connector(p);
                let got = hr(c.and_then(|c| {
                    if plugged {
                        hw.plug_jack(&c, u32::from(jack))
                    } else {
                        hw.unplug_jack(&c, u32::from(jack))
                    }
                }));
                (got, self.plug(p, usize::from(jack), plugged, hardware))
            }
            // D6, C8, X27: `set_state(s)` sets exactly the condition `s` stands for and the
            // rule decides; connections untouched.
            Op::SetState(x, state) => {
                let d = x as usize % self.devices.len();
                let got = hr(sut.devices[d].set_state(state));
                (got, self.set_conditions(d, |c| *c = Conditions::of(state)))
            }
            // B4, B5, X27: disable and remove add their condition; enable clears all three.
            Op::Disable(x) => {
                let d = x as usize % self.devices.len();
                let got = hr(hw.disable(&sut.devices[d]));
                (got, self.set_conditions(d, |c| c.disabled = true))
            }
            Op::HardwareRemove(x) => {
                let d = x as usize % self.devices.len();
                let got = hr(hw.remove(&sut.devices[d]));
                (got, self.set_conditions(d, |c| c.not_present = true))
            }
            Op::Enable(x) => {
                let d = x as usize % self.devices.len();
                let got = hr(hw.enable(&sut.devices[d]));
                (got, self.set_conditions(d, |c| *c = Conditions::default()))
            }
            // X26: connections on both sides go, the parts' registrations are released.
            Op::RemoveDevice(x) => {
                let d = x as usize % self.devices.len();
                // By ID: a device that arrived again under a removed one's ID is the one.
                let id = self.devices[d].id.clone();
                let d = (0..self.devices.len())
                    .find(|&e| !self.devices[e].removed && self.devices[e].id == id)
                    .unwrap_or(d);
                let got = hr(sut.system.remove_device(&id));
                let want = if self.devices[d].removed {
                    Err(HResult::E_NOTFOUND)
                } else {
                    self.devices[d].removed = true;
                    if self.is_endpoint(d) {
                        self.pending.push(EndpointEvent::Removed { device_id: id });
                    }
                    for &p in &self.devices[d].parts.clone() {
                        if let Some((q, _)) = self.peers[p].take() {
                            self.peers[q] = None;
                        }
                    }
                    let parts = self.devices[d].parts.clone();
                    self.registrations.retain(|(p, _, _)| !parts.contains(p));
                    Ok(())
                };
                (got, want)
            }
            Op::StoreWrite(..)
            | Op::HardwareSetProperty(..)
            | Op::Elevate(..)
            | Op::SetDefault(..)
            | Op::RegisterEndpoint(..)
            | Op::UnregisterEndpoint(..) => self.apply_mm(sut, op)?,
            Op::Arrive => return Ok(false),
            // X70, X71: the toolkit's own calls; they change no engine state.
            Op::AddFault(ref f) => self.add_fault(sut, f),
            Op::RemoveFault(i) => match self.remove_fault(sut, i)? {
                Some(outcomes) => outcomes,
                None => return Ok(false),
            },
            Op::ClearFaults => self.clear_faults(sut),
            // N1, X19.
            Op::Register(x, i, s) => {
                let p = x as usize % self.parts.len();
                let iids = callback_iids();
                let iid = iids[i as usize % iids.len()];
                let sink = usize::from(s) % SINKS;
                let got =
                    hr(sut.parts[p].register_control_change_callback(iid, sut.sinks[sink].clone()));
                let want = self.faulted(Method::IPart_RegisterControlChangeCallback, p, |m| {
                    if m.removed(p) {
                        return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
                    }
                    match ControlKind::from_iid(iid).filter(|k| k.accepts_callbacks()) {
                        None => Err(HResult::E_INVALIDARG),
                        Some(kind) => {
                            if !m.registrations.contains(&(p, kind, sink)) {
                                m.registrations.push((p, kind, sink));
                            }
                            Ok(())
                        }
                    }
                });
                (got, want)
            }
            // N3, X19: every registration of the sink on the part goes.
            Op::Unregister(x, s) => {
                let p = x as usize % self.parts.len();
                let sink = usize::from(s) % SINKS;
                let got = hr(sut.parts[p].unregister_control_change_callback(&*sut.sinks[sink]));
                let want = self.faulted(Method::IPart_UnregisterControlChangeCallback, p, |m| {
                    if m.removed(p) {
                        Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                    } else if !m.registrations.iter().any(|&(q, _, k)| q == p && k == sink) {
                        Err(HResult::E_NOTFOUND)
                    } else {
                        m.registrations.retain(|&(q, _, k)| !(q == p && k == sink));
                        Ok(())
                    }
                });
                (got, want)
            }
        };
        prop_assert_eq!(got, want, "{:?}", op);
        // G5 holds for a refused call, unless a fault's hardware action ran first (X71).
        let hardware_ran = std::mem::take(&mut self.faults.hardware_ran);
        Ok(got.is_err() && !hardware_ran)
    }
}

pub(super) fn unreachable_kind(part: &Part, kind: ControlKind) -> Error {
    Error::NoSuchControl {
        part: PartRef {
            device: DeviceId::new(&format!("{part:?}")),
            local_id: LocalId(0),
        },
        iid: kind.iid(),
    }
}
