//! The state-machine test (issue 12, item 6): a small reference model of connections, jack
//! presence, device states, control values, callback registrations and the notifications
//! they deliver, driven by random sequences of every mutating operation of the API, compared
//! with the engine after every step on every query the API offers, and on the snapshot
//! (G5: a failed call changes nothing, registrations included).
//!
//! The system is `topologies/four-topologies.toml` plus `model/effects.toml` (a render side
//! with every control kind). The model starts from what the files say (the first snapshot)
//! and from then on computes every change itself, by the rules cited on each operation.
//!
//! Extending it (MMDevice, issue 7): add the new state to [`Model`], the operations to
//! [`Op`] and [`op`], their rules to [`Model::apply`], and the new queries to
//! [`compare_queries`]; endpoint sinks join [`Model::expected_snapshot`]'s registrations.

use std::sync::{Arc, Mutex};

use devtopo::*;
use proptest::prelude::*;

const FOUR: &str = include_str!("../../topologies/four-topologies.toml");
const EFFECTS: &str = include_str!("model/effects.toml");

/// How many sinks the operations choose from.
const SINKS: usize = 3;

/// The IIDs registrations choose from: every control IID (JackDescription2 is refused, N1)
/// and one that is no control at all.
fn callback_iids() -> Vec<Guid> {
    let mut iids: Vec<Guid> = ControlKind::ALL.iter().map(|k| k.iid()).collect();
    iids.push(guids::IID_IPart);
    iids
}

const CONTEXT: Guid = Guid::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_0012);

/// One mutating operation. Indices are taken modulo what they index when applied, so any
/// value is meaningful and shrinking keeps sequences valid.
#[derive(Debug, Clone)]
enum Op {
    Connect(u8, u8),
    Disconnect(u8),
    /// `SetLevel` on a level control: part, control, channel (may be out of range), level.
    SetLevel(u8, u8, u8, Level),
    SetLevelUniform(u8, u8, Level),
    /// `SetLevelAllChannels`; the extra count makes some calls give the wrong channel count.
    SetLevelAll(u8, u8, Vec<Level>, u8),
    /// `SetMute`, `IAudioLoudness::SetEnabled`, `IAudioAutoGainControl::SetEnabled`.
    SetSwitch(u8, bool),
    /// `SetSelection` of a MUX or DEMUX: a linked part or any part of the device.
    SetSelection(u8, u8, bool),
    SetChannelConfig(u32),
    /// `IDeviceSpecificProperty::SetValue`: part, value, byte count (4 or not).
    SetValue(u8, i32, bool),
    HardwareSetLevel(u8, u8, u8, Level),
    HardwareSetMute(u8, bool),
    FeedPeak(u8, Level),
    ReadPeak(u8),
    Plug(u8, u8, bool),
    SetState(u8, DeviceState),
    Disable(u8),
    Enable(u8),
    HardwareRemove(u8),
    RemoveDevice(u8),
    Register(u8, u8, u8),
    Unregister(u8, u8),
}

/// A level request: a step of the control's grid, beyond its range, or not a number.
#[derive(Debug, Clone, Copy)]
enum Level {
    Step(u16),
    Below,
    Above,
    NegInf,
    Nan,
}

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        6 => any::<u16>().prop_map(Level::Step),
        1 => Just(Level::Below),
        1 => Just(Level::Above),
        1 => Just(Level::NegInf),
        1 => Just(Level::Nan),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let b = any::<u8>;
    prop_oneof![
        4 => (b(), b()).prop_map(|(x, y)| Op::Connect(x, y)),
        3 => b().prop_map(Op::Disconnect),
        3 => (b(), b(), 0u8..3, level()).prop_map(|(p, k, c, l)| Op::SetLevel(p, k, c, l)),
        1 => (b(), b(), level()).prop_map(|(p, k, l)| Op::SetLevelUniform(p, k, l)),
        1 => (b(), b(), prop::collection::vec(level(), 2), 0u8..4)
            .prop_map(|(p, k, l, n)| Op::SetLevelAll(p, k, l, n)),
        3 => (b(), any::<bool>()).prop_map(|(p, v)| Op::SetSwitch(p, v)),
        2 => (b(), b(), any::<bool>()).prop_map(|(p, s, l)| Op::SetSelection(p, s, l)),
        1 => any::<u32>().prop_map(Op::SetChannelConfig),
        2 => (b(), -12i32..13, prop::bool::weighted(0.8)).prop_map(|(p, v, w)| Op::SetValue(p, v, w)),
        1 => (b(), b(), 0u8..3, level()).prop_map(|(p, k, c, l)| Op::HardwareSetLevel(p, k, c, l)),
        1 => (b(), any::<bool>()).prop_map(|(p, v)| Op::HardwareSetMute(p, v)),
        1 => (0u8..3, level()).prop_map(|(c, l)| Op::FeedPeak(c, l)),
        1 => (0u8..3).prop_map(Op::ReadPeak),
        4 => (b(), 0u8..3, any::<bool>()).prop_map(|(c, j, p)| Op::Plug(c, j, p)),
        2 => (b(), prop::sample::select(DeviceState::ALL.to_vec()))
            .prop_map(|(d, s)| Op::SetState(d, s)),
        1 => b().prop_map(Op::Disable),
        2 => b().prop_map(Op::Enable),
        1 => b().prop_map(Op::HardwareRemove),
        1 => b().prop_map(Op::RemoveDevice),
        4 => (b(), b(), 0u8..SINKS as u8).prop_map(|(p, i, s)| Op::Register(p, i, s)),
        2 => (b(), 0u8..SINKS as u8).prop_map(|(p, s)| Op::Unregister(p, s)),
    ]
}

// ---------------------------------------------------------------------------------------------
// The reference model
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct MDevice {
    id: String,
    name: String,
    kind: DeviceKind,
    state: DeviceState,
    removed: bool,
    /// Indices into `Model::parts`, connectors then subunits.
    parts: Vec<usize>,
}

#[derive(Debug, Clone)]
struct MPart {
    device: usize,
    local: LocalId,
    name: String,
    subtype: Guid,
    /// Flow and type for a connector.
    connector: Option<(DataFlow, ConnectorType)>,
    outgoing: Vec<LocalId>,
    incoming: Vec<LocalId>,
    controls: Vec<ControlSpec>,
}

#[derive(Debug, Clone)]
struct Model {
    devices: Vec<MDevice>,
    parts: Vec<MPart>,
    /// Connector peers, by part index.
    peers: Vec<Option<(usize, Permanence)>>,
    /// (part, control, sink) in registration order (X19).
    registrations: Vec<(usize, ControlKind, usize)>,
    /// What each sink must have been told: (sender process ID, context).
    told: Vec<Vec<(u32, Option<Guid>)>>,
    caller_pid: u32,
}

type Outcome = Result<(), HResult>;

impl Model {
    /// The model of the loaded system, from its first snapshot.
    fn from_snapshot(s: &Snapshot, caller_pid: u32) -> Model {
        let mut m = Model {
            devices: Vec::new(),
            parts: Vec::new(),
            peers: Vec::new(),
            registrations: Vec::new(),
            told: vec![Vec::new(); SINKS],
            caller_pid,
        };
        for (d, dev) in s.devices.iter().enumerate() {
            let mut parts = Vec::new();
            for p in &dev.parts {
                parts.push(m.parts.len());
                m.parts.push(MPart {
                    device: d,
                    local: p.local_id,
                    name: p.name.clone(),
                    subtype: p.subtype,
                    connector: p.connector.as_ref().map(|c| (c.flow, c.connector_type)),
                    outgoing: p.outgoing.clone(),
                    incoming: Vec::new(),
                    controls: p.controls.clone(),
                });
            }
            m.devices.push(MDevice {
                id: dev.id.clone(),
                name: dev.name.clone(),
                kind: dev.kind,
                state: dev.state,
                removed: false,
                parts,
            });
        }
        for i in 0..m.parts.len() {
            let d = m.parts[i].device;
            for out in m.parts[i].outgoing.clone() {
                if let Some(j) = m.find(d, out) {
                    let local = m.parts[i].local;
                    m.parts[j].incoming.push(local);
                }
            }
        }
        m.peers = vec![None; m.parts.len()];
        for (d, dev) in s.devices.iter().enumerate() {
            for p in &dev.parts {
                let peer = p.connector.as_ref().and_then(|c| c.peer.as_ref());
                if let Some(peer) = peer {
                    let pd = s.devices.iter().position(|x| x.id == peer.device);
                    let (Some(a), Some(b)) = (
                        m.find(d, p.local_id),
                        pd.and_then(|pd| m.find(pd, peer.local_id)),
                    ) else {
                        continue;
                    };
                    m.peers[a] = Some((b, peer.permanence));
                }
            }
        }
        m
    }

    fn find(&self, device: usize, local: LocalId) -> Option<usize> {
        self.devices[device]
            .parts
            .iter()
            .copied()
            .find(|&p| self.parts[p].local == local)
    }

    fn removed(&self, part: usize) -> bool {
        self.devices[self.parts[part].device].removed
    }

    fn is_endpoint(&self, device: usize) -> bool {
        self.devices[device].kind.is_endpoint()
    }

    fn control(&self, part: usize, kind: ControlKind) -> Option<&ControlSpec> {
        self.parts[part].controls.iter().find(|c| c.kind() == kind)
    }

    /// Replaces a control's state; the sinks registered for it are told when it changed (N5).
    fn commit(&mut self, part: usize, new: ControlSpec, sender: (u32, Option<Guid>)) {
        let kind = new.kind();
        let Some(slot) = self.parts[part]
            .controls
            .iter_mut()
            .find(|c| c.kind() == kind)
        else {
            return;
        };
        if *slot == new {
            return;
        }
        *slot = new;
        for &(p, k, sink) in &self.registrations {
            if p == part && k == kind {
                self.told[sink].push(sender);
            }
        }
    }

    /// X27: the endpoint behind a jack connector.
    fn endpoint_behind(&self, part: usize) -> Option<usize> {
        let d = self.parts[part].device;
        if self.is_endpoint(d) {
            return Some(d);
        }
        let (peer, _) = self.peers[part]?;
        let pd = self.parts[peer].device;
        self.is_endpoint(pd).then_some(pd)
    }

    /// X27: whether an endpoint is plugged; `None` when no sensing jack faces it.
    fn plugged(&self, endpoint: usize) -> Option<bool> {
        let own = *self.devices[endpoint].parts.first()?;
        let mut sensing = false;
        for part in std::iter::once(own).chain(self.peers[own].map(|(p, _)| p)) {
            let jacks = match self.control(part, ControlKind::JackDescription) {
                Some(ControlSpec::JackDescription(j)) => j,
                _ => continue,
            };
            for (i, j) in jacks.iter().enumerate() {
                if self.senses(part, i) {
                    sensing = true;
                    if j.is_connected {
                        return Some(true);
                    }
                }
            }
        }
        sensing.then_some(false)
    }

    /// E12, X27: jack `i` senses plugs when IKsJackDescription2 says so.
    fn senses(&self, part: usize, i: usize) -> bool {
        match self.control(part, ControlKind::JackDescription2) {
            Some(ControlSpec::JackDescription2(v2)) => {
                v2.get(i).is_some_and(JackDescription2::detects_presence)
            }
            _ => false,
        }
    }

    /// A level request as the control reads it back (K3, X17), or `None` for NaN.
    fn level_value(spec: &LevelSpec, request: Level) -> Option<f32> {
        let n = ((f64::from(spec.max_db) - f64::from(spec.min_db)) / f64::from(spec.step_db))
            .round() as u64;
        Some(match request {
            Level::Step(k) => {
                let k = u64::from(k) % (n + 1);
                if k == n {
                    spec.max_db
                } else {
                    (f64::from(spec.min_db) + k as f64 * f64::from(spec.step_db)) as f32
                }
            }
            Level::Below | Level::NegInf => spec.min_db,
            Level::Above => spec.max_db,
            Level::Nan => return None,
        })
    }

    /// What is requested, as the API takes it.
    fn level_request(spec: &LevelSpec, request: Level) -> f32 {
        match request {
            Level::Below => spec.min_db - 40.0,
            Level::Above => spec.max_db + 40.0,
            Level::NegInf => f32::NEG_INFINITY,
            Level::Nan => f32::NAN,
            Level::Step(_) => Model::level_value(spec, request).unwrap_or(f32::NAN),
        }
    }

    /// SetLevel (K2, K3): the channel is checked first, then the value.
    fn set_level(
        &mut self,
        part: usize,
        kind: ControlKind,
        channel: u32,
        request: Level,
        sender: (u32, Option<Guid>),
    ) -> Outcome {
        if self.removed(part) {
            return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        }
        let Some(spec) = self.control(part, kind).and_then(|c| c.as_level()) else {
            return Err(HResult::E_NOINTERFACE);
        };
        let mut spec = spec.clone();
        let ch = channel as usize;
        if ch >= spec.levels_db.len() {
            return Err(HResult::E_INVALIDARG);
        }
        spec.levels_db[ch] = Model::level_value(&spec, request).ok_or(HResult::E_INVALIDARG)?;
        self.commit(part, level_spec(kind, spec), sender);
        Ok(())
    }
}

/// A level control's state as a [`ControlSpec`] of `kind`.
fn level_spec(kind: ControlKind, spec: LevelSpec) -> ControlSpec {
    match kind {
        ControlKind::Bass => ControlSpec::Bass(spec),
        ControlKind::Midrange => ControlSpec::Midrange(spec),
        ControlKind::Treble => ControlSpec::Treble(spec),
        _ => ControlSpec::VolumeLevel(spec),
    }
}

// ---------------------------------------------------------------------------------------------
// The system under test
// ---------------------------------------------------------------------------------------------

/// A sink that records what it is told.
#[derive(Default)]
struct Recorder(Mutex<Vec<(u32, Option<Guid>)>>);

impl ControlChangeNotify for Recorder {
    fn on_notify(&self, pid: u32, context: Option<Guid>) {
        if let Ok(mut calls) = self.0.lock() {
            calls.push((pid, context));
        }
    }
}

impl Recorder {
    fn calls(&self) -> Vec<(u32, Option<Guid>)> {
        self.0.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

struct Sut {
    system: System,
    devices: Vec<Device>,
    parts: Vec<Part>,
    sinks: Vec<Arc<Recorder>>,
}

fn load() -> std::result::Result<(Sut, Model), TestCaseError> {
    let text = format!("{FOUR}\n{EFFECTS}");
    let system = System::from_toml_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let snapshot = system.snapshot();
    let model = Model::from_snapshot(&snapshot, system.caller_process_id());
    let devices: Vec<Device> = snapshot
        .devices
        .iter()
        .map(|d| system.device(&d.id))
        .collect::<devtopo::Result<_>>()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut parts = Vec::new();
    for (d, dev) in snapshot.devices.iter().enumerate() {
        let topology = devices[d]
            .topology()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for p in &dev.parts {
            parts.push(
                topology
                    .part_by_id(p.local_id)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?,
            );
        }
    }
    let sinks = (0..SINKS).map(|_| Arc::new(Recorder::default())).collect();
    Ok((
        Sut {
            system,
            devices,
            parts,
            sinks,
        },
        model,
    ))
}

fn hr<T>(r: devtopo::Result<T>) -> Outcome {
    r.map(drop).map_err(|e| e.hresult())
}

/// The `i`-th part (modulo) among those `pick` accepts; `None` when there is none.
fn pick(model: &Model, i: u8, accept: impl Fn(&MPart) -> bool) -> Option<usize> {
    let list: Vec<usize> = (0..model.parts.len())
        .filter(|&p| accept(&model.parts[p]))
        .collect();
    (!list.is_empty()).then(|| list[i as usize % list.len()])
}

fn has(kind: ControlKind) -> impl Fn(&MPart) -> bool {
    move |p: &MPart| p.controls.iter().any(|c| c.kind() == kind)
}

fn level_kinds(p: &MPart) -> Vec<ControlKind> {
    p.controls
        .iter()
        .map(ControlSpec::kind)
        .filter(|k| k.is_level())
        .collect()
}

/// The control handle of `kind` on a part (whose device may be removed).
fn activate(part: &Part, kind: ControlKind) -> devtopo::Result<Control> {
    part.activate(CLSCTX_ALL, kind.iid())
}

impl Model {
    /// Applies `op` to the system and to the model; panics (fails the case) when they
    /// disagree on the outcome. Returns whether the call failed.
    fn apply(&mut self, sut: &Sut, op: &Op) -> std::result::Result<bool, TestCaseError> {
        let caller = |ctx: Option<Guid>| (self.caller_pid, ctx);
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
                let want = if self.removed(a) || self.removed(b) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if fa == fb
                    || ta.is_topology_edge()
                    || tb.is_topology_edge()
                    || da == db
                    || (self.is_endpoint(da) && self.is_endpoint(db))
                    || ta != tb
                {
                    Err(HResult::E_INVALIDARG)
                } else if self.peers[a].is_some() || self.peers[b].is_some() {
                    Err(HResult::ERROR_DEVICE_ALREADY_ATTACHED)
                } else {
                    self.peers[a] = Some((b, Permanence::Transient));
                    self.peers[b] = Some((a, Permanence::Transient));
                    Ok(())
                };
                (hr(got), want)
            }
            // C6, X5.
            Op::Disconnect(x) => {
                let Some(a) = pick(self, x, |p| p.connector.is_some()) else {
                    return Ok(false);
                };
                let got = hr(connector(a).and_then(|c| c.disconnect()));
                let want = if self.removed(a) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    match self.peers[a] {
                        None => Err(HResult::E_NOTFOUND),
                        Some((_, Permanence::Permanent)) => Err(HResult::ERROR_FILE_READ_ONLY),
                        Some((b, Permanence::Transient)) => {
                            self.peers[a] = None;
                            self.peers[b] = None;
                            Ok(())
                        }
                    }
                };
                (got, want)
            }
            // K2, K3, X17, N5.
            Op::SetLevel(x, k, channel, request) | Op::HardwareSetLevel(x, k, channel, request) => {
                let Some(p) = pick(self, x, |p| !level_kinds(p).is_empty()) else {
                    return Ok(false);
                };
                let kinds = level_kinds(&self.parts[p]);
                let kind = kinds[k as usize % kinds.len()];
                let Some(spec) = self.control(p, kind).and_then(|c| c.as_level()).cloned() else {
                    return Ok(false);
                };
                let db = Model::level_request(&spec, request);
                let channel = u32::from(channel);
                let (got, sender) = if let Op::HardwareSetLevel(..) = op {
                    (hw.set_level(&sut.parts[p], kind, channel, db), hardware)
                } else {
                    let got = activate(&sut.parts[p], kind).and_then(|c| {
                        c.into_level()
                            .ok_or_else(|| unreachable_kind(&sut.parts[p], kind))?
                            .set_level(channel, db, Some(CONTEXT))
                    });
                    (got, caller(Some(CONTEXT)))
                };
                (hr(got), self.set_level(p, kind, channel, request, sender))
            }
            Op::SetLevelUniform(x, k, request) => {
                let Some(p) = pick(self, x, |p| !level_kinds(p).is_empty()) else {
                    return Ok(false);
                };
                let kinds = level_kinds(&self.parts[p]);
                let kind = kinds[k as usize % kinds.len()];
                let Some(mut spec) = self.control(p, kind).and_then(|c| c.as_level()).cloned()
                else {
                    return Ok(false);
                };
                let db = Model::level_request(&spec, request);
                let got = activate(&sut.parts[p], kind).and_then(|c| {
                    c.into_level()
                        .ok_or_else(|| unreachable_kind(&sut.parts[p], kind))?
                        .set_level_uniform(db, None)
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    match Model::level_value(&spec, request) {
                        None => Err(HResult::E_INVALIDARG),
                        Some(v) => {
                            spec.levels_db.iter_mut().for_each(|l| *l = v);
                            self.commit(p, level_spec(kind, spec), caller(None));
                            Ok(())
                        }
                    }
                };
                (hr(got), want)
            }
            Op::SetLevelAll(x, k, ref requests, extra) => {
                let Some(p) = pick(self, x, |p| !level_kinds(p).is_empty()) else {
                    return Ok(false);
                };
                let kinds = level_kinds(&self.parts[p]);
                let kind = kinds[k as usize % kinds.len()];
                let Some(mut spec) = self.control(p, kind).and_then(|c| c.as_level()).cloned()
                else {
                    return Ok(false);
                };
                // Usually as many values as channels; `extra` 3 gives one more.
                let count = spec.levels_db.len() + usize::from(extra == 3);
                let requests: Vec<Level> = (0..count)
                    .map(|i| requests.get(i).copied().unwrap_or(Level::Step(i as u16)))
                    .collect();
                let values: Vec<f32> = requests
                    .iter()
                    .map(|&r| Model::level_request(&spec, r))
                    .collect();
                let got = activate(&sut.parts[p], kind).and_then(|c| {
                    c.into_level()
                        .ok_or_else(|| unreachable_kind(&sut.parts[p], kind))?
                        .set_level_all_channels(&values, Some(CONTEXT))
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if count != spec.levels_db.len() {
                    Err(HResult::E_INVALIDARG)
                } else {
                    let snapped: Option<Vec<f32>> = requests
                        .iter()
                        .map(|&r| Model::level_value(&spec, r))
                        .collect();
                    match snapped {
                        None => Err(HResult::E_INVALIDARG),
                        Some(levels) => {
                            spec.levels_db = levels;
                            self.commit(p, level_spec(kind, spec), caller(Some(CONTEXT)));
                            Ok(())
                        }
                    }
                };
                (hr(got), want)
            }
            // K5-K7, N5.
            Op::SetSwitch(x, on) | Op::HardwareSetMute(x, on) => {
                let switch = |p: &MPart| {
                    p.controls.iter().any(|c| {
                        matches!(
                            c.kind(),
                            ControlKind::Mute
                                | ControlKind::Loudness
                                | ControlKind::AutoGainControl
                        )
                    })
                };
                let hardware_op = matches!(op, Op::HardwareSetMute(..));
                let Some(p) = (if hardware_op {
                    pick(self, x, has(ControlKind::Mute))
                } else {
                    pick(self, x, switch)
                }) else {
                    return Ok(false);
                };
                let kind = self.parts[p]
                    .controls
                    .iter()
                    .map(ControlSpec::kind)
                    .find(|k| {
                        matches!(
                            k,
                            ControlKind::Mute
                                | ControlKind::Loudness
                                | ControlKind::AutoGainControl
                        )
                    })
                    .unwrap_or(ControlKind::Mute);
                let part = &sut.parts[p];
                let (got, sender) = if hardware_op {
                    (hw.set_mute(part, on), hardware)
                } else {
                    let got = activate(part, kind).and_then(|c| match c {
                        Control::Mute(m) => m.set_mute(on, None),
                        Control::Loudness(l) => l.set_enabled(on, None),
                        Control::AutoGainControl(a) => a.set_enabled(on, None),
                        _ => Err(unreachable_kind(part, kind)),
                    });
                    (got, caller(None))
                };
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    let new = match kind {
                        ControlKind::Loudness => ControlSpec::Loudness(on),
                        ControlKind::AutoGainControl => ControlSpec::AutoGainControl(on),
                        _ => ControlSpec::Mute(on),
                    };
                    self.commit(p, new, sender);
                    Ok(())
                };
                (hr(got), want)
            }
            // K9, K10: a selection must be linked into the MUX / out of the DEMUX.
            Op::SetSelection(x, s, linked) => {
                let selector = |p: &MPart| {
                    has(ControlKind::InputSelector)(p) || has(ControlKind::OutputSelector)(p)
                };
                let Some(p) = pick(self, x, selector) else {
                    return Ok(false);
                };
                let input = has(ControlKind::InputSelector)(&self.parts[p]);
                let allowed = if input {
                    self.parts[p].incoming.clone()
                } else {
                    self.parts[p].outgoing.clone()
                };
                let device_parts = &self.devices[self.parts[p].device].parts;
                let selection = if linked && !allowed.is_empty() {
                    allowed[s as usize % allowed.len()]
                } else {
                    self.parts[device_parts[s as usize % device_parts.len()]].local
                };
                let part = &sut.parts[p];
                let kind = if input {
                    ControlKind::InputSelector
                } else {
                    ControlKind::OutputSelector
                };
                let got = activate(part, kind).and_then(|c| match c {
                    Control::InputSelector(i) => i.set_selection(selection, Some(CONTEXT)),
                    Control::OutputSelector(o) => o.set_selection(selection, Some(CONTEXT)),
                    _ => Err(unreachable_kind(part, kind)),
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if !allowed.contains(&selection) {
                    Err(HResult::E_INVALIDARG)
                } else {
                    let new = if input {
                        ControlSpec::InputSelector(selection)
                    } else {
                        ControlSpec::OutputSelector(selection)
                    };
                    self.commit(p, new, caller(Some(CONTEXT)));
                    Ok(())
                };
                (hr(got), want)
            }
            // K12, X34: any mask.
            Op::SetChannelConfig(mask) => {
                let Some(p) = pick(self, 0, has(ControlKind::ChannelConfig)) else {
                    return Ok(false);
                };
                let part = &sut.parts[p];
                let got = activate(part, ControlKind::ChannelConfig).and_then(|c| {
                    c.into_channel_config()
                        .ok_or_else(|| unreachable_kind(part, ControlKind::ChannelConfig))?
                        .set_channel_config(mask, None)
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    self.commit(p, ControlSpec::ChannelConfig(mask), caller(None));
                    Ok(())
                };
                (hr(got), want)
            }
            // K13, X33: size, then read-only, then range.
            Op::SetValue(x, value, four_bytes) => {
                let Some(p) = pick(self, x, has(ControlKind::DeviceSpecificProperty)) else {
                    return Ok(false);
                };
                let bytes = value.to_le_bytes();
                let bytes: &[u8] = if four_bytes { &bytes } else { &bytes[..2] };
                let part = &sut.parts[p];
                let got = activate(part, ControlKind::DeviceSpecificProperty).and_then(|c| {
                    c.into_device_specific_property()
                        .ok_or_else(|| unreachable_kind(part, ControlKind::DeviceSpecificProperty))?
                        .set_value(bytes, None)
                });
                let Some(ControlSpec::DeviceSpecificProperty(spec)) = self
                    .control(p, ControlKind::DeviceSpecificProperty)
                    .cloned()
                else {
                    return Ok(false);
                };
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if !four_bytes {
                    Err(HResult::E_INVALIDARG)
                } else if spec.read_only {
                    Err(HResult::ERROR_FILE_READ_ONLY)
                } else {
                    let new = match spec.value {
                        PropertyValue::I4(_) => PropertyValue::I4(value),
                        PropertyValue::Ui4(_) => PropertyValue::Ui4(value as u32),
                        PropertyValue::Bool(_) => PropertyValue::Bool(value != 0),
                    };
                    let in_range = match (spec.range, new) {
                        (Some(r), PropertyValue::I4(v)) => (r.min..=r.max).contains(&v),
                        (Some(r), PropertyValue::Ui4(v)) => v >= r.min as u32 && v <= r.max as u32,
                        _ => true,
                    };
                    if in_range {
                        let mut spec = spec;
                        spec.value = new;
                        self.commit(p, ControlSpec::DeviceSpecificProperty(spec), caller(None));
                        Ok(())
                    } else {
                        Err(HResult::E_INVALIDARG)
                    }
                };
                (hr(got), want)
            }
            // X18: the pending peak is the largest fed since the last read; not notified.
            Op::FeedPeak(channel, request) => {
                let Some(p) = pick(self, 0, has(ControlKind::PeakMeter)) else {
                    return Ok(false);
                };
                let db = match request {
                    Level::Step(k) => -f32::from(k % 97),
                    Level::Below => -200.0,
                    Level::Above => 12.0,
                    Level::NegInf => f32::NEG_INFINITY,
                    Level::Nan => f32::NAN,
                };
                let got = hr(hw.feed_peak(&sut.parts[p], u32::from(channel), db));
                let want = self.peak(p, channel, |peaks, i| {
                    if db.is_nan() {
                        return Err(HResult::E_INVALIDARG);
                    }
                    peaks[i] = peaks[i].max(db);
                    Ok(())
                });
                (got, want)
            }
            Op::ReadPeak(channel) => {
                let Some(p) = pick(self, 0, has(ControlKind::PeakMeter)) else {
                    return Ok(false);
                };
                let part = &sut.parts[p];
                let got = activate(part, ControlKind::PeakMeter).and_then(|c| {
                    c.into_peak_meter()
                        .ok_or_else(|| unreachable_kind(part, ControlKind::PeakMeter))?
                        .level(u32::from(channel))
                });
                let mut read = None;
                let want = self.peak(p, channel, |peaks, i| {
                    read = Some(peaks[i]);
                    peaks[i] = f32::NEG_INFINITY;
                    Ok(())
                });
                if let (Ok(got), Some(want)) = (&got, read) {
                    prop_assert_eq!(*got, want, "K8, X18: the peak read");
                }
                (hr(got), want)
            }
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
            // D6, C8: any state; connections untouched.
            Op::SetState(x, state) => {
                let d = x as usize % self.devices.len();
                let got = hr(sut.devices[d].set_state(state));
                (got, self.set_state(d, state))
            }
            Op::Disable(x) | Op::HardwareRemove(x) => {
                let d = x as usize % self.devices.len();
                let (got, state) = if let Op::Disable(_) = op {
                    (hw.disable(&sut.devices[d]), DeviceState::Disabled)
                } else {
                    (hw.remove(&sut.devices[d]), DeviceState::NotPresent)
                };
                (hr(got), self.set_state(d, state))
            }
            // X27: enabling gives UNPLUGGED for an endpoint whose sensing jacks are all empty.
            Op::Enable(x) => {
                let d = x as usize % self.devices.len();
                let got = hr(hw.enable(&sut.devices[d]));
                let state = match (self.is_endpoint(d), self.plugged(d)) {
                    (true, Some(false)) => DeviceState::Unplugged,
                    _ => DeviceState::Active,
                };
                (got, self.set_state(d, state))
            }
            // X26: connections on both sides go, the parts' registrations are released.
            Op::RemoveDevice(x) => {
                let d = x as usize % self.devices.len();
                let got = hr(sut.system.remove_device(&self.devices[d].id));
                let want = if self.devices[d].removed {
                    Err(HResult::E_NOTFOUND)
                } else {
                    self.devices[d].removed = true;
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
            // N1, X19.
            Op::Register(x, i, s) => {
                let p = x as usize % self.parts.len();
                let iids = callback_iids();
                let iid = iids[i as usize % iids.len()];
                let sink = usize::from(s) % SINKS;
                let got =
                    hr(sut.parts[p].register_control_change_callback(iid, sut.sinks[sink].clone()));
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    match ControlKind::from_iid(iid).filter(|k| k.accepts_callbacks()) {
                        None => Err(HResult::E_INVALIDARG),
                        Some(kind) => {
                            if !self.registrations.contains(&(p, kind, sink)) {
                                self.registrations.push((p, kind, sink));
                            }
                            Ok(())
                        }
                    }
                };
                (got, want)
            }
            // N3, X19: every registration of the sink on the part goes.
            Op::Unregister(x, s) => {
                let p = x as usize % self.parts.len();
                let sink = usize::from(s) % SINKS;
                let got = hr(sut.parts[p].unregister_control_change_callback(&*sut.sinks[sink]));
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if !self
                    .registrations
                    .iter()
                    .any(|&(q, _, k)| q == p && k == sink)
                {
                    Err(HResult::E_NOTFOUND)
                } else {
                    self.registrations
                        .retain(|&(q, _, k)| !(q == p && k == sink));
                    Ok(())
                };
                (got, want)
            }
        };
        prop_assert_eq!(got, want, "{:?}", op);
        Ok(got.is_err())
    }

    fn set_state(&mut self, d: usize, state: DeviceState) -> Outcome {
        if self.devices[d].removed {
            return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        }
        self.devices[d].state = state;
        Ok(())
    }

    fn peak(
        &mut self,
        p: usize,
        channel: u8,
        f: impl FnOnce(&mut Vec<f32>, usize) -> Outcome,
    ) -> Outcome {
        if self.removed(p) {
            return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        }
        let Some(ControlSpec::PeakMeter(meter)) = self.parts[p]
            .controls
            .iter_mut()
            .find(|c| c.kind() == ControlKind::PeakMeter)
        else {
            return Err(HResult::E_NOINTERFACE);
        };
        let i = usize::from(channel);
        if i >= meter.peaks_db.len() {
            return Err(HResult::E_INVALIDARG);
        }
        f(&mut meter.peaks_db, i)
    }

    /// K18, X27: a plug change on a sensing jack; the endpoint behind follows.
    fn plug(
        &mut self,
        p: usize,
        jack: usize,
        plugged: bool,
        sender: (u32, Option<Guid>),
    ) -> Outcome {
        if self.removed(p) {
            return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        }
        let Some(ControlSpec::JackDescription(jacks)) =
            self.control(p, ControlKind::JackDescription).cloned()
        else {
            return Err(HResult::E_NOINTERFACE);
        };
        if jack >= jacks.len() || !self.senses(p, jack) {
            return Err(HResult::E_INVALIDARG);
        }
        if jacks[jack].is_connected == plugged {
            return Ok(());
        }
        let mut jacks = jacks;
        jacks[jack].is_connected = plugged;
        self.commit(p, ControlSpec::JackDescription(jacks), sender);
        if let Some(endpoint) = self.endpoint_behind(p) {
            if let Some(now) = self.plugged(endpoint) {
                let dev = &mut self.devices[endpoint];
                if matches!(dev.state, DeviceState::Active | DeviceState::Unplugged) {
                    dev.state = if now {
                        DeviceState::Active
                    } else {
                        DeviceState::Unplugged
                    };
                }
            }
        }
        Ok(())
    }

    /// The snapshot the system must give.
    fn expected_snapshot(&self, sinks: &[Arc<Recorder>]) -> Snapshot {
        let mut registrations = Vec::new();
        let mut devices = Vec::new();
        for dev in self.devices.iter().filter(|d| !d.removed) {
            let mut parts = Vec::new();
            for &p in &dev.parts {
                let part = &self.parts[p];
                for &(q, kind, sink) in &self.registrations {
                    if q == p {
                        registrations.push((dev.id.clone(), part.local, kind, sink));
                    }
                }
                parts.push(PartSnapshot {
                    local_id: part.local,
                    name: part.name.clone(),
                    subtype: part.subtype,
                    connector: part
                        .connector
                        .map(|(flow, connector_type)| ConnectorSnapshot {
                            flow,
                            connector_type,
                            peer: self.peers[p].map(|(q, permanence)| PeerSnapshot {
                                device: self.devices[self.parts[q].device].id.clone(),
                                local_id: self.parts[q].local,
                                permanence,
                            }),
                        }),
                    outgoing: part.outgoing.clone(),
                    controls: part.controls.clone(),
                });
            }
            devices.push(DeviceSnapshot {
                id: dev.id.clone(),
                name: dev.name.clone(),
                kind: dev.kind,
                state: dev.state,
                parts,
            });
        }
        // Device order, part order, then registration order (X19), as snapshots list them.
        Snapshot {
            devices,
            registrations: registrations
                .into_iter()
                .map(
                    |(device, local_id, interface, sink)| RegistrationSnapshot::Control {
                        device,
                        local_id,
                        interface,
                        sink: SinkId::of(&*sinks[sink]),
                    },
                )
                .collect(),
        }
    }
}

fn unreachable_kind(part: &Part, kind: ControlKind) -> Error {
    Error::NoSuchControl {
        part: PartRef {
            device: Arc::from(format!("{part:?}")),
            local_id: LocalId(0),
        },
        iid: kind.iid(),
    }
}

/// Every query of the API against the model.
fn compare_queries(sut: &Sut, m: &Model) -> std::result::Result<(), TestCaseError> {
    let removed = Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
    for (d, dev) in m.devices.iter().enumerate() {
        let device = &sut.devices[d];
        if dev.removed {
            prop_assert_eq!(hr(device.state()), removed, "X26 GetState");
            continue;
        }
        prop_assert_eq!(
            device.state().map_err(|e| e.hresult()),
            Ok(dev.state),
            "D6 GetState"
        );
        prop_assert_eq!(device.id().map_err(|e| e.hresult()), Ok(dev.id.clone()));
    }
    for (p, part) in m.parts.iter().enumerate() {
        let handle = &sut.parts[p];
        if m.removed(p) {
            prop_assert_eq!(hr(handle.name()), removed, "X26 GetName");
            prop_assert_eq!(
                hr(handle.activate(CLSCTX_ALL, guids::IID_IAudioMute)),
                removed
            );
            continue;
        }
        prop_assert_eq!(handle.local_id().map_err(|e| e.hresult()), Ok(part.local));
        prop_assert_eq!(
            handle.name().map_err(|e| e.hresult()),
            Ok(part.name.clone())
        );
        if part.connector.is_some() {
            let c = handle
                .as_connector()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let peer = m.peers[p];
            prop_assert_eq!(
                c.is_connected().map_err(|e| e.hresult()),
                Ok(peer.is_some()),
                "C7"
            );
            prop_assert_eq!(
                c.permanence().map_err(|e| e.hresult()),
                Ok(peer.map(|(_, perm)| perm))
            );
            // C9, C10: the peer only while its device is ACTIVE.
            let want = match peer {
                None => Err(HResult::E_NOTFOUND),
                Some((q, _)) if m.devices[m.parts[q].device].state != DeviceState::Active => {
                    Err(HResult::ERROR_PATH_NOT_FOUND)
                }
                Some((q, _)) => Ok(q),
            };
            let got = c.connected_to();
            prop_assert_eq!(
                got.as_ref()
                    .map(|c| c.as_part().clone())
                    .map_err(|e| e.hresult()),
                want.map(|q| sut.parts[q].clone()),
                "C9 GetConnectedTo"
            );
            prop_assert_eq!(
                c.device_id_connected_to().map_err(|e| e.hresult()),
                want.map(|q| m.devices[m.parts[q].device].id.clone()),
                "C12"
            );
        }
        for spec in &part.controls {
            compare_control(handle, spec)?;
        }
    }
    // D7, D9, X25: enumeration and defaults follow the device states.
    for flow in [EDataFlow::Render, EDataFlow::Capture, EDataFlow::All] {
        for mask in [DeviceState::Active.value(), DeviceState::MASK_ALL] {
            let got: Vec<String> = sut
                .system
                .endpoints(flow, mask)
                .map_err(|e| TestCaseError::fail(e.to_string()))?
                .iter()
                .map(|d| d.id().unwrap_or_default())
                .collect();
            let want: Vec<String> = m
                .devices
                .iter()
                .filter(|d| !d.removed && flow.matches(d.kind) && d.state.value() & mask != 0)
                .map(|d| d.id.clone())
                .collect();
            prop_assert_eq!(got, want, "EnumAudioEndpoints {:?} {:#x}", flow, mask);
        }
    }
    for flow in [EDataFlow::Render, EDataFlow::Capture] {
        let got = sut
            .system
            .default_endpoint(flow, ERole::Console)
            .and_then(|d| d.id())
            .map_err(|e| e.hresult());
        let want = m
            .devices
            .iter()
            .find(|d| !d.removed && flow.matches(d.kind) && d.state == DeviceState::Active)
            .map(|d| d.id.clone())
            .ok_or(HResult::E_NOTFOUND);
        prop_assert_eq!(got, want, "D9 GetDefaultAudioEndpoint {:?}", flow);
    }
    Ok(())
}

/// The reads of one control against the model's state.
fn compare_control(part: &Part, spec: &ControlSpec) -> std::result::Result<(), TestCaseError> {
    let fail = |e: Error| TestCaseError::fail(e.to_string());
    let control = activate(part, spec.kind()).map_err(fail)?;
    match (control, spec) {
        (
            Control::VolumeLevel(l) | Control::Bass(l) | Control::Midrange(l) | Control::Treble(l),
            ControlSpec::VolumeLevel(s)
            | ControlSpec::Bass(s)
            | ControlSpec::Midrange(s)
            | ControlSpec::Treble(s),
        ) => {
            prop_assert_eq!(l.channel_count().map_err(fail)? as usize, s.levels_db.len());
            for (ch, &want) in s.levels_db.iter().enumerate() {
                prop_assert_eq!(l.level(ch as u32).map_err(fail)?, want, "K2 GetLevel");
            }
        }
        (Control::Mute(c), ControlSpec::Mute(v)) => prop_assert_eq!(c.mute().map_err(fail)?, *v),
        (Control::Loudness(c), ControlSpec::Loudness(v)) => {
            prop_assert_eq!(c.enabled().map_err(fail)?, *v)
        }
        (Control::AutoGainControl(c), ControlSpec::AutoGainControl(v)) => {
            prop_assert_eq!(c.enabled().map_err(fail)?, *v)
        }
        (Control::InputSelector(c), ControlSpec::InputSelector(v)) => {
            prop_assert_eq!(c.selection().map_err(fail)?, *v)
        }
        (Control::OutputSelector(c), ControlSpec::OutputSelector(v)) => {
            prop_assert_eq!(c.selection().map_err(fail)?, *v)
        }
        (Control::ChannelConfig(c), ControlSpec::ChannelConfig(v)) => {
            prop_assert_eq!(c.channel_config().map_err(fail)?, *v)
        }
        (Control::DeviceSpecificProperty(c), ControlSpec::DeviceSpecificProperty(v)) => {
            prop_assert_eq!(c.typed_value().map_err(fail)?, v.value)
        }
        (Control::JackDescription(c), ControlSpec::JackDescription(v)) => {
            prop_assert_eq!(c.jack_count().map_err(fail)? as usize, v.len());
            for (i, j) in v.iter().enumerate() {
                let got = c.jack_description(i as u32).map_err(fail)?;
                prop_assert_eq!(got.is_connected, j.is_connected, "K16 IsConnected");
            }
        }
        (Control::PeakMeter(c), ControlSpec::PeakMeter(v)) => {
            prop_assert_eq!(c.channel_count().map_err(fail)? as usize, v.peaks_db.len())
        }
        _ => {}
    }
    Ok(())
}

fn run(ops: &[Op]) -> std::result::Result<Model, TestCaseError> {
    let (sut, mut model) = load()?;
    prop_assert_eq!(sut.system.snapshot(), model.expected_snapshot(&sut.sinks));
    for op in ops {
        let before = sut.system.snapshot();
        let failed = model.apply(&sut, op)?;
        let after = sut.system.snapshot();
        if failed {
            prop_assert_eq!(
                &after,
                &before,
                "G5: the failed {:?} changed the system",
                op
            );
        }
        prop_assert_eq!(
            &after,
            &model.expected_snapshot(&sut.sinks),
            "after {:?}",
            op
        );
        for (s, sink) in sut.sinks.iter().enumerate() {
            prop_assert_eq!(
                &sink.calls(),
                &model.told[s],
                "N5, N6: sink {} after {:?}",
                s,
                op
            );
        }
        compare_queries(&sut, &model)?;
    }
    Ok(model)
}

proptest! {
    /// C3-C12, D6, D7, D9, K2-K18, N1-N6, X17-X19, X25-X27, G5: the engine agrees with the
    /// reference model after every step of random sequences of every mutating operation.
    #[test]
    fn state_machine_agrees_with_the_model(ops in prop::collection::vec(op(), 1..40)) {
        run(&ops)?;
    }
}

/// A fixed sequence that reaches every operation, so a model error shows without luck.
#[test]
fn state_machine_fixed_sequence() -> std::result::Result<(), TestCaseError> {
    use Level::*;
    use Op::*;
    // Sink 0 on every control of every part, sink 1 on every third.
    let mut ops: Vec<Op> = (0..27u8)
        .flat_map(|p| (0..16u8).map(move |i| Register(p, i, if i % 3 == 0 { 1 } else { 0 })))
        .collect();
    ops.extend([
        Register(20, 0, 0),
        Register(20, 4, 1),
        Register(21, 4, 2),
        Register(0, 14, 0),
        Register(0, 15, 0),
        SetLevel(0, 0, 0, Step(5)),
        SetLevel(0, 0, 9, Step(5)),
        SetLevel(1, 1, 0, Nan),
        SetLevelUniform(2, 0, Below),
        SetLevelAll(3, 0, vec![Above, Step(3)], 0),
        SetLevelAll(3, 0, vec![Above, Step(3)], 3),
        SetSwitch(0, true),
        SetSwitch(1, true),
        SetSwitch(2, false),
        HardwareSetMute(0, false),
        HardwareSetLevel(0, 0, 1, Step(1)),
        SetSelection(0, 1, true),
        SetSelection(0, 0, false),
        SetSelection(1, 1, true),
        SetChannelConfig(0x3f),
        SetValue(0, 5, true),
        SetValue(0, 50, true),
        SetValue(1, 5, true),
        SetValue(2, 1, false),
        SetValue(2, 1, true),
        FeedPeak(0, Step(3)),
        FeedPeak(1, Nan),
        ReadPeak(0),
        ReadPeak(0),
        Plug(0, 0, false),
        Plug(2, 0, false),
        Plug(8, 1, true),
        Plug(8, 0, false),
        Plug(8, 0, true),
        Connect(0, 1),
        Connect(9, 10),
        Disconnect(9),
        Disconnect(9),
        SetState(3, DeviceState::Disabled),
        Enable(3),
        Disable(0),
        Enable(0),
        HardwareRemove(6),
        Unregister(20, 0),
        Unregister(20, 0),
        RemoveDevice(6),
        RemoveDevice(6),
        Register(26, 0, 1),
        Connect(0, 26),
    ]);
    let model = run(&ops)?;
    prop_assert!(
        model.told[0].len() >= 5,
        "the sequence notifies: {:?}",
        model.told
    );
    Ok(())
}
