//! The reference model: the state the system must be in, computed by the rules.

use std::sync::Arc;

use devtopo::*;

use super::apply::Recorder;
use super::faults::FaultModel;
use super::{Level, SINKS};

#[derive(Debug, Clone)]
pub(super) struct MDevice {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: DeviceKind,
    /// What the user and the hardware said (X27): the state is [`Model::state`] of them.
    pub(super) conditions: Conditions,
    pub(super) removed: bool,
    /// V7: the rank of the endpoint's form factor for the default election (lower first),
    /// fixed when the endpoint builder derived it at load (B1, S35).
    pub(super) rank: u8,
    /// X38: the roles the files chose it as default for.
    pub(super) default_for: Vec<ERole>,
    /// Indices into `Model::parts`, connectors then subunits.
    pub(super) parts: Vec<usize>,
    /// The property store in `GetAt` order (S3, X53).
    pub(super) properties: Vec<(PropertyKey, PropVariant)>,
}

/// X27's device conditions, as the decisions table states them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Conditions {
    pub(super) not_present: bool,
    pub(super) disabled: bool,
    pub(super) unplugged: bool,
}

impl Conditions {
    /// D6, X27: `Device::set_state(s)` (and a file's initial state) sets exactly the one
    /// condition `s` stands for.
    pub(super) fn of(state: DeviceState) -> Conditions {
        Conditions {
            not_present: state == DeviceState::NotPresent,
            disabled: state == DeviceState::Disabled,
            unplugged: state == DeviceState::Unplugged,
        }
    }
}

/// V7's rank of a bridge pin category's form factor (S35): Speakers for render or
/// Microphone for capture, then LineLevel, then SPDIF, then anything else.
fn rank(kind: DeviceKind, category: Guid) -> u8 {
    let speakers = [guids::KSNODETYPE_SPEAKER, guids::KSNODETYPE_DESKTOP_SPEAKER];
    let microphones = [
        guids::KSNODETYPE_MICROPHONE,
        guids::KSNODETYPE_DESKTOP_MICROPHONE,
        guids::KSNODETYPE_MICROPHONE_ARRAY,
    ];
    let line = [
        guids::KSNODETYPE_LINE_CONNECTOR,
        guids::KSNODETYPE_CD_PLAYER,
        guids::KSNODETYPE_LEGACY_AUDIO_CONNECTOR,
    ];
    match kind {
        DeviceKind::RenderEndpoint if speakers.contains(&category) => 0,
        DeviceKind::CaptureEndpoint if microphones.contains(&category) => 0,
        _ if line.contains(&category) => 1,
        _ if category == guids::KSNODETYPE_SPDIF_INTERFACE => 2,
        _ => 3,
    }
}

#[derive(Debug, Clone)]
pub(super) struct MPart {
    pub(super) device: usize,
    pub(super) local: LocalId,
    pub(super) name: String,
    pub(super) subtype: Guid,
    /// Flow and type for a connector.
    pub(super) connector: Option<(DataFlow, ConnectorType)>,
    pub(super) outgoing: Vec<LocalId>,
    pub(super) incoming: Vec<LocalId>,
    pub(super) controls: Vec<ControlSpec>,
}

#[derive(Debug, Clone)]
pub(super) struct Model {
    pub(super) devices: Vec<MDevice>,
    pub(super) parts: Vec<MPart>,
    /// Connector peers, by part index.
    pub(super) peers: Vec<Option<(usize, Permanence)>>,
    /// (part, control, sink) in registration order (X19).
    pub(super) registrations: Vec<(usize, ControlKind, usize)>,
    /// What each sink must have been told: (sender process ID, context).
    pub(super) told: Vec<Vec<(u32, Option<Guid>)>>,
    pub(super) caller_pid: u32,
    /// Endpoint-sink registrations (sink index) in order, duplicates kept (V13, X40).
    pub(super) endpoint_regs: Vec<usize>,
    /// Endpoint events the current step names itself (Y8, Y11); see `mm::Seen`.
    pub(super) pending: Vec<EndpointEvent>,
    /// Whether the simulated user is an administrator (V24).
    pub(super) elevated: bool,
    /// How many endpoint events the sinks were told in all (for the fixed sequence).
    pub(super) endpoint_told: usize,
    /// The fault table and the step's faultable calls (X70, X71; `faults`).
    pub(super) faults: FaultModel,
}

pub(super) type Outcome = Result<(), HResult>;

impl Model {
    /// The model of the loaded system, from its first snapshot and the initial states the
    /// files declare (in device order).
    pub(super) fn from_snapshot(s: &Snapshot, declared: &[DeviceState], caller_pid: u32) -> Model {
        let mut m = Model {
            devices: Vec::new(),
            parts: Vec::new(),
            peers: Vec::new(),
            registrations: Vec::new(),
            told: vec![Vec::new(); SINKS],
            caller_pid,
            endpoint_regs: Vec::new(),
            pending: Vec::new(),
            elevated: false,
            endpoint_told: 0,
            faults: FaultModel::default(),
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
                conditions: Conditions::of(declared.get(d).copied().unwrap_or(DeviceState::Active)),
                removed: false,
                rank: 3,
                default_for: dev.default_for.clone(),
                parts,
                properties: dev.properties.clone(),
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
        for d in 0..m.devices.len() {
            if !m.is_endpoint(d) {
                continue;
            }
            // B1, S35: the category is the peer's pin subtype, or the endpoint's own.
            if let Some(&own) = m.devices[d].parts.first() {
                let pin = m.peers[own].map_or(own, |(q, _)| q);
                m.devices[d].rank = rank(m.devices[d].kind, m.parts[pin].subtype);
            }
            // X27: an initial ACTIVE/UNPLUGGED of an endpoint that sensing jacks face is
            // the jacks' to say, not a condition.
            if m.plugged(d).is_some() {
                m.devices[d].conditions.unplugged = false;
            }
        }
        m
    }

    /// THE endpoint-state rule (X27 in the decisions table, B2, B4, X68), restated: an
    /// adapter's state is its conditions (NOTPRESENT > DISABLED > UNPLUGGED > ACTIVE); an
    /// endpoint is NOTPRESENT if not present, unconnected (B2) or facing an adapter that is
    /// not present or disabled (B4); else DISABLED if disabled; else UNPLUGGED if
    /// `unplugged` or sensing jacks face it and none is connected; else ACTIVE.
    pub(super) fn state(&self, d: usize) -> DeviceState {
        let c = self.devices[d].conditions;
        let own = if c.not_present {
            DeviceState::NotPresent
        } else if c.disabled {
            DeviceState::Disabled
        } else if c.unplugged {
            DeviceState::Unplugged
        } else {
            DeviceState::Active
        };
        if !self.is_endpoint(d) || c.not_present {
            return own;
        }
        let peer = self.devices[d]
            .parts
            .first()
            .and_then(|&p| self.peers[p])
            .map(|(q, _)| self.parts[q].device);
        let Some(peer) = peer else {
            return DeviceState::NotPresent;
        };
        let pc = self.devices[peer].conditions;
        if !self.is_endpoint(peer) && (pc.not_present || pc.disabled) {
            return DeviceState::NotPresent;
        }
        if c.disabled {
            DeviceState::Disabled
        } else if c.unplugged || self.plugged(d) == Some(false) {
            DeviceState::Unplugged
        } else {
            DeviceState::Active
        }
    }

    /// V6, V7, X38, B10: the default endpoint of (flow, role): the endpoint the files chose
    /// while it is ACTIVE, else the best-ranked ACTIVE endpoint of the flow, ties by the
    /// alphabetically first ID; none without an ACTIVE endpoint.
    pub(super) fn default_endpoint(&self, flow: EDataFlow, role: ERole) -> Option<usize> {
        let live = |d: &usize| {
            !self.devices[*d].removed
                && flow.matches(self.devices[*d].kind)
                && self.state(*d) == DeviceState::Active
        };
        let chosen = (0..self.devices.len())
            .filter(live)
            .find(|&d| self.devices[d].default_for.contains(&role));
        chosen.or_else(|| {
            (0..self.devices.len()).filter(live).min_by(|&a, &b| {
                let (a, b) = (&self.devices[a], &self.devices[b]);
                (a.rank, &a.id).cmp(&(b.rank, &b.id))
            })
        })
    }

    pub(super) fn find(&self, device: usize, local: LocalId) -> Option<usize> {
        self.devices[device]
            .parts
            .iter()
            .copied()
            .find(|&p| self.parts[p].local == local)
    }

    pub(super) fn removed(&self, part: usize) -> bool {
        self.devices[self.parts[part].device].removed
    }

    pub(super) fn is_endpoint(&self, device: usize) -> bool {
        self.devices[device].kind.is_endpoint()
    }

    pub(super) fn control(&self, part: usize, kind: ControlKind) -> Option<&ControlSpec> {
        self.parts[part].controls.iter().find(|c| c.kind() == kind)
    }

    /// Replaces a control's state; the sinks registered for it are told when it changed (N5).
    pub(super) fn commit(&mut self, part: usize, new: ControlSpec, sender: (u32, Option<Guid>)) {
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

    /// X27: whether an endpoint is plugged; `None` when no sensing jack faces it.
    pub(super) fn plugged(&self, endpoint: usize) -> Option<bool> {
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
    pub(super) fn senses(&self, part: usize, i: usize) -> bool {
        match self.control(part, ControlKind::JackDescription2) {
            Some(ControlSpec::JackDescription2(v2)) => {
                v2.get(i).is_some_and(JackDescription2::detects_presence)
            }
            _ => false,
        }
    }

    /// A level request as the control reads it back (K3, X17), or `None` for NaN.
    pub(super) fn level_value(spec: &LevelSpec, request: Level) -> Option<f32> {
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
    pub(super) fn level_request(spec: &LevelSpec, request: Level) -> f32 {
        match request {
            Level::Below => spec.min_db - 40.0,
            Level::Above => spec.max_db + 40.0,
            Level::NegInf => f32::NEG_INFINITY,
            Level::Nan => f32::NAN,
            Level::Step(_) => Model::level_value(spec, request).unwrap_or(f32::NAN),
        }
    }

    /// SetLevel (K2, K3): the channel is checked first, then the value.
    pub(super) fn set_level(
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
pub(super) fn level_spec(kind: ControlKind, spec: LevelSpec) -> ControlSpec {
    match kind {
        ControlKind::Bass => ControlSpec::Bass(spec),
        ControlKind::Midrange => ControlSpec::Midrange(spec),
        ControlKind::Treble => ControlSpec::Treble(spec),
        _ => ControlSpec::VolumeLevel(spec),
    }
}

impl Model {
    /// Changes a device's conditions (D6, X27); the states follow by [`Model::state`].
    pub(super) fn set_conditions(&mut self, d: usize, f: impl FnOnce(&mut Conditions)) -> Outcome {
        if self.devices[d].removed {
            return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        }
        f(&mut self.devices[d].conditions);
        Ok(())
    }

    pub(super) fn peak(
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

    /// K18, X27: a plug change on a sensing jack; the endpoint behind follows by the rule.
    pub(super) fn plug(
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
        Ok(())
    }

    /// The snapshot the system must give.
    pub(super) fn expected_snapshot(
        &self,
        sinks: &[Arc<Recorder>],
        endpoint_sinks: &[Arc<EndpointEventLog>],
    ) -> Snapshot {
        let mut registrations = Vec::new();
        let mut devices = Vec::new();
        for (d, dev) in self.devices.iter().enumerate().filter(|(_, d)| !d.removed) {
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
                state: self.state(d),
                parts,
                properties: dev.properties.clone(),
                default_for: dev.default_for.clone(),
            });
        }
        // Device order, part order, then registration order (X19), then endpoint sinks in
        // registration order, as snapshots list them.
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
                .chain(
                    self.endpoint_regs
                        .iter()
                        .map(|&s| RegistrationSnapshot::Endpoint {
                            sink: SinkId::of(&*endpoint_sinks[s]),
                        }),
                )
                .collect(),
        }
    }
}
