//! The MMDevice side of the model: property stores (open modes, `SetValue`, `Commit`,
//! `GetValue`, the hardware's writes), the elevated user, defaults chosen by the user,
//! devices arriving, endpoint sinks and the endpoint events they are told.
//!
//! Events are not stored as the engine queues them: after every step the model works out
//! what a sink must have been told from what it can see change (`Seen`): each endpoint
//! whose state changed (Y6), each (flow, role) whose default changed (Y9, X50), plus the
//! events an operation names itself (`Model::pending`: Y8 arrivals and removals, Y11
//! property changes).

use std::sync::Arc;

use devtopo::*;
use proptest::prelude::*;

use super::Op;
use super::apply::{Sut, hr, part_handles};
use super::reference::{Model, Outcome};

pub(super) const ARRIVAL: &str = include_str!("arrival.toml");

/// How many endpoint sinks the operations choose from.
pub(super) const ENDPOINT_SINKS: usize = 2;

const FLOWS: [EDataFlow; 2] = [EDataFlow::Render, EDataFlow::Capture];

/// The keys the store operations write: two of the test's own, and the read-only
/// `PKEY_AudioEndpoint_GUID` (S9). Keys whose change derives another value (DeviceDesc and
/// FriendlyName, S12) or moves a default (FormFactor, V7) are left to `mm_props`.
pub(super) fn key(k: u8) -> PropertyKey {
    let own = Guid::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_5709);
    match k % 3 {
        0 => PropertyKey { fmtid: own, pid: 1 },
        1 => PropertyKey { fmtid: own, pid: 2 },
        _ => pkey::PKEY_AudioEndpoint_GUID,
    }
}

/// The values written: `VT_EMPTY` removes (S7).
pub(super) fn value(v: u8) -> PropVariant {
    match v % 4 {
        0 => PropVariant::Empty,
        1 => PropVariant::Ui4(1),
        2 => PropVariant::Ui4(2),
        _ => PropVariant::Lpwstr("model".to_owned()),
    }
}

/// What an endpoint sink can see change: endpoint states and the defaults.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    states: Vec<Option<DeviceState>>,
    defaults: Vec<Option<usize>>,
}

/// Events in a comparable order: arrivals and removals as sent, state changes sorted (the
/// order of several endpoints' changes in one step is not specified), defaults in X50's
/// order as sent, then property changes as sent.
pub(super) fn normalize(events: Vec<EndpointEvent>) -> Vec<EndpointEvent> {
    let rank = |e: &EndpointEvent| match e {
        EndpointEvent::Added { .. } | EndpointEvent::Removed { .. } => 0,
        EndpointEvent::StateChanged { .. } => 1,
        EndpointEvent::DefaultChanged { .. } => 2,
        EndpointEvent::PropertyChanged { .. } => 3,
    };
    let mut events: Vec<(usize, EndpointEvent)> = events.into_iter().enumerate().collect();
    events.sort_by(|(i, a), (j, b)| {
        rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
            (EndpointEvent::StateChanged { .. }, EndpointEvent::StateChanged { .. }) => {
                format!("{a}").cmp(&format!("{b}"))
            }
            _ => i.cmp(j),
        })
    });
    events.into_iter().map(|(_, e)| e).collect()
}

impl Model {
    pub(super) fn seen(&self) -> Seen {
        Seen {
            states: (0..self.devices.len())
                .map(|d| (self.is_endpoint(d) && !self.devices[d].removed).then(|| self.state(d)))
                .collect(),
            defaults: FLOWS
                .iter()
                .flat_map(|&f| ERole::ALL.iter().map(move |&r| (f, r)))
                .map(|(f, r)| self.default_endpoint(f, r))
                .collect(),
        }
    }

    /// Y6, Y8, Y9, Y11, X50: what a sink registered once is told by the step since `seen`.
    pub(super) fn events_since(&mut self, seen: &Seen) -> Vec<EndpointEvent> {
        let mut events = std::mem::take(&mut self.pending);
        let now = self.seen();
        for (d, (&before, &after)) in seen.states.iter().zip(&now.states).enumerate() {
            if let (Some(before), Some(after)) = (before, after)
                && before != after
            {
                events.push(EndpointEvent::StateChanged {
                    device_id: self.devices[d].id.clone(),
                    new_state: after,
                });
            }
        }
        let pairs = FLOWS
            .iter()
            .flat_map(|&f| ERole::ALL.iter().map(move |&r| (f, r)));
        for ((flow, role), (before, after)) in pairs.zip(seen.defaults.iter().zip(&now.defaults)) {
            if before != after {
                events.push(EndpointEvent::DefaultChanged {
                    flow,
                    role,
                    device_id: after.map(|d| self.devices[d].id.clone()),
                });
            }
        }
        events
    }

    /// What endpoint sink `s` is told of `events`: each once per registration (X40).
    pub(super) fn told_endpoint(&self, s: usize, events: &[EndpointEvent]) -> Vec<EndpointEvent> {
        let times = self.endpoint_regs.iter().filter(|&&r| r == s).count();
        events
            .iter()
            .flat_map(|e| std::iter::repeat_n(e.clone(), times))
            .collect()
    }

    /// S7, Y11: adds, replaces in place, or (`VT_EMPTY`) removes a value; an effective change
    /// of an endpoint's store is an `OnPropertyValueChanged`.
    fn put_property(&mut self, d: usize, key: PropertyKey, value: PropVariant) {
        let store = &mut self.devices[d].properties;
        let changed = match store.iter().position(|(k, _)| *k == key) {
            Some(i) if matches!(value, PropVariant::Empty) => {
                store.remove(i);
                true
            }
            Some(i) => {
                let changed = store[i].1 != value;
                store[i].1 = value;
                changed
            }
            None if matches!(value, PropVariant::Empty) => false,
            None => {
                store.push((key, value));
                true
            }
        };
        if changed && self.is_endpoint(d) {
            self.pending.push(EndpointEvent::PropertyChanged {
                device_id: self.devices[d].id.clone(),
                key,
            });
        }
    }

    /// The MMDevice operations of [`Model::apply`] (all but `Arrive`, which needs the
    /// system under test mutably: [`Model::arrive`]).
    pub(super) fn apply_mm(
        &mut self,
        sut: &Sut,
        op: &Op,
    ) -> std::result::Result<(Outcome, Outcome), TestCaseError> {
        let removed = Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        let hw = sut.system.hardware();
        let device = |x: u8| x as usize % self.devices.len();
        Ok(match *op {
            // V23, V24, X43, X44, S7-S10, X55, X56: open, SetValue, Commit, GetValue.
            Op::StoreWrite(x, mode, k, v) => {
                let d = device(x);
                let mode = u32::from(mode % 4);
                let (key, value) = (key(k), value(v));
                let got = sut.devices[d].open_property_store(mode);
                let want = if mode > 2 {
                    Err(HResult::E_INVALIDARG)
                } else if self.devices[d].removed {
                    removed
                } else if mode != 0 && !self.elevated {
                    Err(HResult::E_ACCESSDENIED)
                } else {
                    Ok(())
                };
                let store = match got {
                    Ok(store) if want.is_ok() => store,
                    got => return Ok((hr(got), want)),
                };
                let got = hr(store.set_value(&key, value.clone()));
                let want = if mode == 0 || key == pkey::PKEY_AudioEndpoint_GUID {
                    Err(HResult::E_ACCESSDENIED)
                } else {
                    self.put_property(d, key, value);
                    Ok(())
                };
                let commit = if mode == 0 {
                    Err(HResult::STG_E_ACCESSDENIED)
                } else {
                    Ok(())
                };
                prop_assert_eq!(hr(store.commit()), commit, "X56 Commit, mode {}", mode);
                let read = store.value(&key).map_err(|e| e.hresult());
                let stored = self.devices[d]
                    .properties
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map_or(PropVariant::Empty, |(_, v)| v.clone());
                let want_read = if mode == 1 {
                    Err(HResult::STG_E_ACCESSDENIED)
                } else {
                    Ok(stored)
                };
                prop_assert_eq!(read, want_read, "S4, X55 GetValue, mode {}", mode);
                (got, want)
            }
            // S8, Y11: the driver's write, no access check.
            Op::HardwareSetProperty(x, k, v) => {
                let d = device(x);
                let (key, value) = (key(k), value(v));
                let got = hr(hw.set_property(&sut.devices[d], key, value.clone()));
                let want = if self.devices[d].removed {
                    removed
                } else {
                    self.put_property(d, key, value);
                    Ok(())
                };
                (got, want)
            }
            // V24: who may open stores for writing.
            Op::Elevate(on) => {
                sut.system.set_elevated(on);
                self.elevated = on;
                prop_assert_eq!(sut.system.elevated(), on);
                (Ok(()), Ok(()))
            }
            // V6, X38, B10, Y9: the user's choice sticks to an ACTIVE endpoint.
            Op::SetDefault(x, r) => {
                let d = device(x);
                let role = ERole::ALL[usize::from(r) % ERole::ALL.len()];
                let got = hr(hw.set_default_endpoint(&sut.devices[d], role));
                let want = if self.devices[d].removed {
                    removed
                } else if !self.is_endpoint(d) || self.state(d) != DeviceState::Active {
                    Err(HResult::E_INVALIDARG)
                } else {
                    self.choose_default(d, role);
                    Ok(())
                };
                (got, want)
            }
            // V13, V14, X40: registrations in order, duplicates kept, one removed per call.
            Op::RegisterEndpoint(s) => {
                let s = usize::from(s) % ENDPOINT_SINKS;
                let sink: Arc<dyn MMNotificationClient> = sut.endpoint_sinks[s].clone();
                let got = hr(sut.system.register_endpoint_notification_callback(sink));
                self.endpoint_regs.push(s);
                (got, Ok(()))
            }
            Op::UnregisterEndpoint(s) => {
                let s = usize::from(s) % ENDPOINT_SINKS;
                let got = hr(sut
                    .system
                    .unregister_endpoint_notification_callback(&*sut.endpoint_sinks[s]));
                let want = match self.endpoint_regs.iter().position(|&r| r == s) {
                    Some(i) => {
                        self.endpoint_regs.remove(i);
                        Ok(())
                    }
                    None => Err(HResult::E_NOTFOUND),
                };
                (got, want)
            }
            _ => (Ok(()), Ok(())),
        })
    }

    /// X38: `d` becomes the chosen default of `role` for its flow; no other endpoint of the
    /// flow keeps that choice. Roles are listed in ERole order, as snapshots list them.
    fn choose_default(&mut self, d: usize, role: ERole) {
        let kind = self.devices[d].kind;
        for dev in self.devices.iter_mut().filter(|x| x.kind == kind) {
            dev.default_for.retain(|&r| r != role);
        }
        let roles = &mut self.devices[d].default_for;
        roles.push(role);
        roles.sort_by_key(|r| ERole::ALL.iter().position(|x| x == r));
    }

    /// B1, X49, Y8, Y9, G5: `System::add_devices` of `arrival.toml`: a duplicate-ID error
    /// while one of its devices is present (nothing changes); else its devices join, each
    /// new endpoint is an `OnDeviceAdded`, and its chosen defaults take over their roles.
    pub(super) fn arrive(
        &mut self,
        sut: &mut Sut,
    ) -> std::result::Result<(Outcome, Outcome), TestCaseError> {
        let fail = |e: String| TestCaseError::fail(e);
        let arrival = System::from_toml_str(ARRIVAL).map_err(|e| fail(e.to_string()))?;
        let snapshot = arrival.snapshot();
        let got = sut.system.add_devices(&arrival);
        let present = snapshot
            .devices
            .iter()
            .any(|a| self.devices.iter().any(|d| !d.removed && d.id == a.id));
        if present {
            return Ok((hr(got), Err(HResult::E_INVALIDARG)));
        }
        let added = match got {
            Ok(added) => added,
            Err(e) => return Ok((Err(e.hresult()), Ok(()))),
        };
        let declared = super::apply::declared_states(ARRIVAL)?;
        let other = Model::from_snapshot(&snapshot, &declared, self.caller_pid);
        let first = self.devices.len();
        self.append(other);
        for d in first..self.devices.len() {
            if self.is_endpoint(d) {
                self.pending.push(EndpointEvent::Added {
                    device_id: self.devices[d].id.clone(),
                });
            }
            for role in self.devices[d].default_for.clone() {
                self.choose_default(d, role);
            }
        }
        for (device, snap) in added.iter().zip(&snapshot.devices) {
            sut.parts.extend(part_handles(device, snap)?);
            sut.devices.push(device.clone());
        }
        prop_assert_eq!(
            sut.devices.len(),
            self.devices.len(),
            "one handle per device"
        );
        prop_assert_eq!(sut.parts.len(), self.parts.len(), "one handle per part");
        Ok((Ok(()), Ok(())))
    }

    /// Appends another model's devices and parts (indices shifted).
    fn append(&mut self, other: Model) {
        let (dev0, part0) = (self.devices.len(), self.parts.len());
        for mut dev in other.devices {
            dev.parts.iter_mut().for_each(|p| *p += part0);
            self.devices.push(dev);
        }
        for mut part in other.parts {
            part.device += dev0;
            self.parts.push(part);
        }
        self.peers.extend(
            other
                .peers
                .into_iter()
                .map(|p| p.map(|(q, perm)| (q + part0, perm))),
        );
    }
}
