//! The reference model: the state the system must be in, computed by the rules.

use std::sync::Arc;

use devtopo::*;

use super::apply::Recorder;
use super::{Level, SINKS};

#[derive(Debug, Clone)]
pub(super) struct MDevice {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: DeviceKind,
    pub(super) state: DeviceState,
    pub(super) removed: bool,
    /// Indices into `Model::parts`, connectors then subunits.
    pub(super) parts: Vec<usize>,
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
}

pub(super) type Outcome = Result<(), HResult>;

impl Model {
    /// The model of the loaded system, from its first snapshot.
    pub(super) fn from_snapshot(s: &Snapshot, caller_pid: u32) -> Model {
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

    /// X27: the endpoint behind a jack connector.
    pub(super) fn endpoint_behind(&self, part: usize) -> Option<usize> {
        let d = self.parts[part].device;
        if self.is_endpoint(d) {
            return Some(d);
        }
        let (peer, _) = self.peers[part]?;
        let pd = self.parts[peer].device;
        self.is_endpoint(pd).then_some(pd)
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
    pub(super) fn set_state(&mut self, d: usize, state: DeviceState) -> Outcome {
        if self.devices[d].removed {
            return Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        }
        self.devices[d].state = state;
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

    /// K18, X27: a plug change on a sensing jack; the endpoint behind follows.
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
    pub(super) fn expected_snapshot(&self, sinks: &[Arc<Recorder>]) -> Snapshot {
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
