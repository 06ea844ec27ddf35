//! The MMDevice layer's state inside the engine: device conditions and the one endpoint-state
//! rule (B4, X27, X68, issue 7 item 6), default endpoints per role (V4-V7, B10, X38), the
//! endpoint-notification sinks (V13-V15, Y1-Y14) and the events a change queues for them.
//!
//! **The state rule.** Every device carries *conditions*, set by the user or the hardware:
//! `not_present` (the hardware is gone: USB unplug, adapter removal), `disabled` (Mmsys.cpl for
//! an endpoint, Device Manager for an adapter) and `unplugged` (a plug devtopo does not model
//! as a jack). An adapter's state is its own conditions (NOTPRESENT over DISABLED over
//! UNPLUGGED over ACTIVE). An
//! endpoint's state is [`Engine::derived_state`]:
//!
//! 1. NOTPRESENT when it is not present, when its connector is unconnected (B2: no path to
//!    a host pin), or when its connector's peer adapter is not present or disabled (B4: the
//!    adapter removed or disabled in Device Manager);
//! 2. else DISABLED when disabled;
//! 3. else UNPLUGGED when it carries the `unplugged` condition or when the sensing jacks
//!    facing it (X27) are all empty;
//! 4. else ACTIVE.
//!
//! NOTPRESENT wins over DISABLED over UNPLUGGED (X68). The rule is a pure function of the
//! conditions, the jacks and the connection, and [`Engine::refresh`] applies it to every
//! device a mutation can affect, after every mutation, so no order of plug, unplug, connect,
//! disconnect, enable, disable, arrival and removal can leave an endpoint stale. One timing
//! exception, invisible to callers (X78): after `ConnectTo`/`Disconnect` with no endpoint sink
//! and the event log off, the rule waits for the next acquisition of the system's lock
//! ([`Engine::refresh_connection`], [`Engine::settle`]), which applies it before anything
//! reads a state.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::events::EventKind;
use super::hotplug::plugged_between;
use super::{DeviceNode, Engine};
use crate::error::DeviceId;
use crate::properties::{EndpointEvent, EndpointFormFactor, MMNotificationClient, pkey};
use crate::types::{DeviceKind, DeviceState, EDataFlow, ERole};

/// What the user and the hardware say about one device (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Conditions {
    /// The hardware is gone (NOTPRESENT).
    pub not_present: bool,
    /// Disabled by the user (DISABLED).
    pub disabled: bool,
    /// Unplugged at a plug devtopo does not model as a jack (a Bluetooth link, or a state
    /// set directly): UNPLUGGED whatever the jacks say.
    pub unplugged: bool,
}

impl Conditions {
    /// The conditions a device spec's or a file's initial state stands for.
    pub const fn from_state(state: DeviceState) -> Conditions {
        Conditions {
            not_present: matches!(state, DeviceState::NotPresent),
            disabled: matches!(state, DeviceState::Disabled),
            unplugged: matches!(state, DeviceState::Unplugged),
        }
    }
}

/// The flows that have defaults, in event order (X50).
pub(crate) const FLOWS: [EDataFlow; 2] = [EDataFlow::Render, EDataFlow::Capture];
/// The roles, in event order (X50).
pub(crate) const ROLES: [ERole; 3] = [ERole::Console, ERole::Multimedia, ERole::Communications];

/// The effective default of every (flow, role): device slot indices.
pub(crate) type Defaults = [[Option<u32>; 3]; 2];

/// MMDevice state beside the topology (same lock, same engine).
#[derive(Clone, Default)]
pub(crate) struct MmState {
    /// The slots of live endpoint devices, ascending: the default election scans only these
    /// (O(endpoints), not O(devices)).
    pub(crate) endpoints: Vec<u32>,
    /// Per device slot: the conditions (absent = none, i.e. ACTIVE). Slots are never reused.
    pub(crate) conditions: Vec<Conditions>,
    /// The default the user (or the file) chose per (flow, role), if any (X38).
    pub(crate) preferred: Defaults,
    /// The effective defaults after the last refresh.
    pub(crate) defaults: Defaults,
    /// Per flow, the ACTIVE endpoints in V7's order (rank, then ID): the first is the
    /// automatic default. Kept up to date one state change at a time, so that an election
    /// costs O(log endpoints) instead of a scan of every endpoint (issue 11). Valid unless
    /// `best_stale`.
    pub(crate) ranked: [BTreeSet<(u8, DeviceId, u32)>; 2],
    /// Per device slot, the rank its entry in `ranked` was made with.
    pub(crate) ranks: Vec<u8>,
    /// Set when something a rank depends on changed outside a state change (a store's
    /// `PKEY_AudioEndpoint_FormFactor`) or endpoints came or went: the next election
    /// rebuilds `ranked`.
    pub(crate) best_stale: bool,
    /// Endpoints a `ConnectTo`/`Disconnect` may have moved while nobody listened (no
    /// endpoint sink, event log off), whose state rule has not been applied yet (X78): the
    /// next acquisition of the lock for anything else applies it first
    /// ([`Engine::settle`]), so no reader ever sees a stale state. Empty while a sink is
    /// registered or the log is on. A slot's `DeviceSlot::unsettled` says whether it is
    /// here (no duplicates, O(1) marking: module `deferred`).
    pub(crate) unsettled: Vec<u32>,
    /// Registered endpoint sinks, a multiset in registration order (V14, X40, X52).
    pub(crate) sinks: Vec<Arc<dyn MMNotificationClient>>,
    /// Events of the mutation in progress, delivered after the lock is released.
    pub(crate) pending: Vec<EndpointEvent>,
    /// Register/Unregister calls refused inside endpoint callbacks, in order (Y3, X47).
    pub(crate) violations: Vec<&'static str>,
    /// Whether `OpenPropertyStore` may open WRITE/READWRITE (X44).
    pub(crate) elevated: bool,
    /// The property stores (module `stores`).
    pub(crate) stores: super::stores::Stores,
    /// The `IKsControl` tables of adapters (module `ks`).
    pub(crate) ks: super::ks::KsTables,
}

impl std::fmt::Debug for MmState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MmState")
            .field("conditions", &self.conditions)
            .field("defaults", &self.defaults)
            .field("sinks", &self.sinks.len())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// The conditions of a device slot.
    pub(crate) fn conditions(&self, ix: u32) -> Conditions {
        self.mm
            .conditions
            .get(ix as usize)
            .copied()
            .unwrap_or_default()
    }

    /// Stores the conditions of a device slot.
    pub(crate) fn put_conditions(&mut self, ix: u32, conditions: Conditions) {
        let i = ix as usize;
        if self.mm.conditions.len() <= i {
            self.mm.conditions.resize(i + 1, Conditions::default());
        }
        if let Some(slot) = self.mm.conditions.get_mut(i) {
            *slot = conditions;
        }
    }

    /// Replaces the conditions of a device and applies the state rule to what it affects.
    pub(crate) fn set_conditions(&mut self, ix: u32, conditions: Conditions) {
        self.put_conditions(ix, conditions);
        self.refresh(&[ix]);
    }

    /// THE endpoint-state rule (module docs): the state a device must have now.
    pub(crate) fn derived_state(&self, ix: u32) -> Option<DeviceState> {
        let dev = self.devices.get(ix as usize)?.node.as_ref()?;
        Some(self.derived_state_of(ix, dev))
    }

    /// [`Engine::derived_state`] of a live device: each part it depends on is looked up once
    /// (the endpoint's connector, its peer, the peer's device).
    fn derived_state_of(&self, ix: u32, dev: &DeviceNode) -> DeviceState {
        let own = self.conditions(ix);
        if !dev.kind.is_endpoint() || own.not_present {
            return if own.not_present {
                DeviceState::NotPresent
            } else if own.disabled {
                DeviceState::Disabled
            } else if own.unplugged {
                DeviceState::Unplugged
            } else {
                DeviceState::Active
            };
        }
        // B2: no connection means no path to a host pin: NOTPRESENT.
        let Some(own_part) = dev
            .connectors
            .first()
            .and_then(|&c| self.graph.node_weight(c))
        else {
            return DeviceState::NotPresent;
        };
        let Some(peer_part) = own_part
            .connector
            .as_ref()
            .and_then(|c| c.peer())
            .and_then(|p| self.graph.node_weight(p.node))
        else {
            return DeviceState::NotPresent;
        };
        // B4: the adapter behind it removed or disabled in Device Manager.
        let p = self.conditions(peer_part.device);
        if (p.not_present || p.disabled) && !self.is_endpoint(peer_part.device) {
            return DeviceState::NotPresent;
        }
        if own.disabled {
            return DeviceState::Disabled;
        }
        // X27: the sensing jacks facing it.
        let unplugged = own.unplugged || plugged_between(own_part, Some(peer_part)) == Some(false);
        if unplugged {
            DeviceState::Unplugged
        } else {
            DeviceState::Active
        }
    }

    pub(super) fn is_endpoint(&self, ix: u32) -> bool {
        self.devices
            .get(ix as usize)
            .and_then(|s| s.node.as_ref())
            .is_some_and(|d| d.kind.is_endpoint())
    }

    /// The devices whose state can depend on device `ix`: itself and the endpoints whose
    /// connector is connected to one of its connectors.
    pub(crate) fn affected_by_device(&self, ix: u32) -> BTreeSet<u32> {
        let mut set = BTreeSet::from([ix]);
        set.extend((0..self.connector_count_of(ix)).filter_map(|k| self.peer_device_of(ix, k)));
        set
    }

    fn connector_count_of(&self, ix: u32) -> usize {
        self.devices
            .get(ix as usize)
            .and_then(|s| s.node.as_ref())
            .map_or(0, |d| d.connectors.len())
    }

    /// The device on the other side of connector `k` of device `ix`.
    fn peer_device_of(&self, ix: u32, k: usize) -> Option<u32> {
        let dev = self.devices.get(ix as usize)?.node.as_ref()?;
        let c = *dev.connectors.get(k)?;
        let peer = self.graph.node_weight(c)?.connector.as_ref()?.peer()?;
        Some(self.graph.node_weight(peer.node)?.device)
    }

    /// Applies the state rule to `devices` and to the devices connected to them (an
    /// adapter's state decides its endpoints', B4), queues one `OnDeviceStateChanged` per
    /// effective change of an endpoint, then re-elects the defaults (B10). Allocates nothing
    /// unless a sink is registered (events carry IDs).
    pub(crate) fn refresh(&mut self, devices: &[u32]) {
        let mut flows = 0;
        for &ix in devices {
            flows |= self.refresh_one(ix);
            for k in 0..self.connector_count_of(ix) {
                if let Some(peer) = self.peer_device_of(ix, k) {
                    flows |= self.refresh_one(peer);
                }
            }
        }
        self.publish_defaults(flows);
    }

    /// Applies the state rule to the endpoints among `devices` (no widening): for changes that
    /// can move only the states of the endpoints on either side (a connection, a jack), never
    /// an adapter's (its state is its own conditions). Then re-elects the defaults of the
    /// flows where a state changed: O(log endpoints). Allocates nothing unless a sink is
    /// registered (or the ordered set of ACTIVE endpoints grows a node).
    #[inline]
    pub(crate) fn refresh_exact(&mut self, devices: &[u32]) {
        let mut flows = 0;
        for &ix in devices {
            if self.is_endpoint(ix) {
                flows |= self.refresh_one(ix);
            }
        }
        self.publish_defaults(flows);
    }

    /// Applies the state rule to one device. Returns the bit of its flow (1 render, 2
    /// capture) when an endpoint's state changed, else 0; [`MmState::ranked`] already follows
    /// the change.
    fn refresh_one(&mut self, ix: u32) -> u8 {
        let Some(dev) = self.devices.get(ix as usize).and_then(|s| s.node.as_ref()) else {
            return 0;
        };
        let new = self.derived_state_of(ix, dev);
        let (old, kind) = (dev.state, dev.kind);
        if old == new {
            return 0;
        }
        if let Some(dev) = self
            .devices
            .get_mut(ix as usize)
            .and_then(|s| s.node.as_mut())
        {
            dev.state = new;
        }
        self.log(|e| EventKind::DeviceStateChanged {
            device: e.device_id(ix),
            state: new,
        });
        // Adapters are never defaults: only an endpoint's change re-elects.
        let Some(f) = FLOWS.iter().position(|flow| flow.matches(kind)) else {
            return 0;
        };
        self.follow_best(ix, f, old, new);
        if !self.mm.sinks.is_empty() {
            let device_id = self.device_id(ix).to_string();
            self.mm.pending.push(EndpointEvent::StateChanged {
                device_id,
                new_state: new,
            });
        }
        1 << f
    }

    /// Keeps [`MmState::ranked`] in step with endpoint `ix` going from `old` to `new`:
    /// entering ACTIVE inserts it, leaving ACTIVE removes it, O(log endpoints).
    fn follow_best(&mut self, ix: u32, f: usize, old: DeviceState, new: DeviceState) {
        if self.mm.best_stale || (old == DeviceState::Active) == (new == DeviceState::Active) {
            return;
        }
        let key = (
            self.mm.ranks.get(ix as usize).copied().unwrap_or(u8::MAX),
            self.device_id(ix),
            ix,
        );
        if new == DeviceState::Active {
            self.mm.ranked[f].insert(key);
        } else {
            self.mm.ranked[f].remove(&key);
        }
    }

    /// Rebuilds [`MmState::ranked`] from every endpoint (O(endpoints log endpoints)).
    fn rebuild_ranked(&mut self) {
        let mut ranked: [BTreeSet<(u8, DeviceId, u32)>; 2] = Default::default();
        let mut ranks = vec![u8::MAX; self.devices.len()];
        for &ix in &self.mm.endpoints {
            let Some(slot) = self.devices.get(ix as usize) else {
                continue;
            };
            let Some(dev) = slot.node.as_ref() else {
                continue;
            };
            let rank = self.default_rank(ix, dev.kind);
            if let Some(r) = ranks.get_mut(ix as usize) {
                *r = rank;
            }
            let Some(f) = FLOWS.iter().position(|flow| flow.matches(dev.kind)) else {
                continue;
            };
            if dev.state == DeviceState::Active {
                ranked[f].insert((rank, slot.id, ix));
            }
        }
        self.mm.ranked = ranked;
        self.mm.ranks = ranks;
        self.mm.best_stale = false;
    }

    /// The automatic default of each flow: the first of [`MmState::ranked`].
    fn best(&self) -> [Option<u32>; 2] {
        [0, 1].map(|f| self.mm.ranked[f].first().map(|k| k.2))
    }

    /// Rebuilds the endpoint index (build time).
    pub(crate) fn index_endpoints(&mut self) {
        self.mm.endpoints = (0..self.devices.len() as u32)
            .filter(|&ix| {
                self.devices
                    .get(ix as usize)
                    .and_then(|s| s.node.as_ref())
                    .is_some_and(|d| d.kind.is_endpoint())
            })
            .collect();
    }

    /// Applies the state rule to every device without queueing events (build time).
    pub(crate) fn settle_all(&mut self) {
        self.index_endpoints();
        for ix in 0..self.devices.len() as u32 {
            if let Some(new) = self.derived_state(ix) {
                if let Some(dev) = self
                    .devices
                    .get_mut(ix as usize)
                    .and_then(|s| s.node.as_mut())
                {
                    dev.state = new;
                }
            }
        }
        self.rebuild_ranked();
        self.mm.defaults = self.defaults_from(self.best());
    }

    /// The best-ranked ACTIVE endpoint of a flow (V7: render Speakers > LineLevel > SPDIF >
    /// any other form factor, capture Microphone > LineLevel > SPDIF > any other; ties by
    /// the alphabetically first ID). O(endpoints).
    pub(crate) fn scan_best(&self, flow: EDataFlow) -> Option<u32> {
        let mut best: Option<(u8, &str, u32)> = None;
        for &ix in &self.mm.endpoints {
            let Some(slot) = self.devices.get(ix as usize) else {
                continue;
            };
            let Some(dev) = slot.node.as_ref() else {
                continue;
            };
            if !flow.matches(dev.kind) || dev.state != DeviceState::Active {
                continue;
            }
            let rank = self.default_rank(ix, dev.kind);
            let cand = (rank, &*slot.id, ix);
            if best.is_none_or(|b| (cand.0, cand.1) < (b.0, b.1)) {
                best = Some(cand);
            }
        }
        best.map(|b| b.2)
    }

    /// The default of every (flow, role) given the best endpoint of each flow (V6, V7, X38):
    /// the preferred endpoint while it is ACTIVE, else the flow's best. O(1).
    fn defaults_from(&self, best: [Option<u32>; 2]) -> Defaults {
        let mut out: Defaults = [[None; 3]; 2];
        for f in 0..FLOWS.len() {
            for (slot, pref) in out[f].iter_mut().zip(self.mm.preferred[f]) {
                *slot = match pref {
                    Some(p) if self.state_of(p) == Some(DeviceState::Active) => Some(p),
                    _ => best[f],
                };
            }
        }
        out
    }

    /// The default of every (flow, role) as the rules give it now, from a scan of every
    /// endpoint (V6, V7, X38; see [`Engine::scan_best`]). The reference the incremental
    /// [`MmState::ranked`] is checked against.
    pub(crate) fn compute_defaults(&self) -> Defaults {
        self.defaults_from(FLOWS.map(|flow| self.scan_best(flow)))
    }

    /// V7's rank of an endpoint's form factor (lower is better).
    fn default_rank(&self, ix: u32, kind: DeviceKind) -> u8 {
        let ff = self
            .store_value(ix, pkey::PKEY_AudioEndpoint_FormFactor)
            .and_then(|v| v.as_u32())
            .and_then(EndpointFormFactor::from_value);
        match (kind, ff) {
            (DeviceKind::RenderEndpoint, Some(EndpointFormFactor::Speakers))
            | (DeviceKind::CaptureEndpoint, Some(EndpointFormFactor::Microphone)) => 0,
            (_, Some(EndpointFormFactor::LineLevel)) => 1,
            (_, Some(EndpointFormFactor::Spdif)) => 2,
            _ => 3,
        }
    }

    /// Re-elects the defaults from every endpoint (O(endpoints log endpoints)): after changes
    /// the incremental [`MmState::ranked`] does not follow (devices added or removed, a preferred
    /// default chosen). Queues events as [`Engine::publish_defaults`].
    pub(crate) fn elect_defaults(&mut self) {
        self.rebuild_ranked();
        self.publish_defaults(0b11);
    }

    /// Makes the defaults of the flows in `flows` (bit 1 render, bit 2 capture) follow
    /// [`MmState::ranked`] and the preferred endpoints, and queues one `OnDefaultDeviceChanged`
    /// per (flow, role) whose default changed, eRender before eCapture, eConsole, eMultimedia,
    /// eCommunications (X50). A flow's defaults depend only on its own endpoints, so the
    /// other flow cannot change. O(1) unless `ranked` is stale (a rank changed since the last
    /// election): then both flows are elected again from a scan, as a full election would.
    fn publish_defaults(&mut self, mut flows: u8) {
        if flows == 0 {
            return;
        }
        if self.mm.best_stale {
            self.rebuild_ranked();
            flows = 0b11;
        }
        let best = self.best();
        for (f, flow) in FLOWS.iter().enumerate() {
            if flows & (1 << f) == 0 {
                continue;
            }
            for (r, role) in ROLES.iter().enumerate() {
                let new = match self.mm.preferred[f][r] {
                    Some(p) if self.state_of(p) == Some(DeviceState::Active) => Some(p),
                    _ => best[f],
                };
                if new == self.mm.defaults[f][r] {
                    continue;
                }
                self.mm.defaults[f][r] = new;
                self.log(|e| EventKind::DefaultChanged {
                    flow: *flow,
                    role: *role,
                    device: new.map(|ix| e.device_id(ix)),
                });
                if !self.mm.sinks.is_empty() {
                    self.mm.pending.push(EndpointEvent::DefaultChanged {
                        flow: *flow,
                        role: *role,
                        device_id: new.map(|ix| self.device_id(ix).to_string()),
                    });
                }
            }
        }
        debug_assert_eq!(
            self.mm.defaults,
            self.compute_defaults(),
            "the incremental election drifted from the scan"
        );
    }

    /// The events queued by the mutation that just committed, with the sinks to tell.
    pub(crate) fn take_endpoint_events(
        &mut self,
    ) -> (Vec<EndpointEvent>, Vec<Arc<dyn MMNotificationClient>>) {
        let events = std::mem::take(&mut self.mm.pending);
        if events.is_empty() || self.mm.sinks.is_empty() {
            return (Vec::new(), Vec::new());
        }
        (events, self.mm.sinks.clone())
    }
}

thread_local! {
    /// How deep this thread is inside endpoint callbacks (Y3, X47).
    static IN_CALLBACK: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// True while the current thread runs an endpoint-notification callback (Y3).
pub(crate) fn in_endpoint_callback() -> bool {
    IN_CALLBACK.with(|c| c.get() > 0)
}

struct CallbackGuard;

impl CallbackGuard {
    fn enter() -> CallbackGuard {
        IN_CALLBACK.with(|c| c.set(c.get() + 1));
        CallbackGuard
    }
}

impl Drop for CallbackGuard {
    fn drop(&mut self) {
        IN_CALLBACK.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// Delivers endpoint events: every event to every sink of the set fixed at commit, one call
/// per registration, in registration order (X40, X52), calling `before` just before each
/// call (the event log, X72). Must run with no lock held (X48).
pub(crate) fn deliver_endpoint_events(
    events: Vec<EndpointEvent>,
    sinks: Vec<Arc<dyn MMNotificationClient>>,
    mut before: impl FnMut(&EndpointEvent),
) {
    if events.is_empty() {
        return;
    }
    let _guard = CallbackGuard::enter();
    for event in &events {
        for sink in &sinks {
            before(event);
            event.deliver_to(&**sink);
        }
    }
}

impl Engine {
    /// The roles a device is the chosen default for (X38), in ERole order.
    pub(crate) fn preferred_roles(&self, ix: u32) -> Vec<ERole> {
        let mut out = Vec::new();
        for roles in &self.mm.preferred {
            for (r, pref) in roles.iter().enumerate() {
                if *pref == Some(ix) {
                    out.push(ROLES[r]);
                }
            }
        }
        out
    }
}
