//! Replaying an event log onto a snapshot (X72): what the log says the state became.

use super::events::{Event, EventKind};
use super::snapshot::{
    ConnectorSnapshot, DeviceSnapshot, PartSnapshot, PeerSnapshot, RegistrationSnapshot, Snapshot,
};
use crate::controls::ControlSpec;
use crate::error::PartRef;
use crate::types::{DeviceKind, ERole};

impl Snapshot {
    /// Applies one logged change to this snapshot, as the system applied it: a snapshot
    /// taken when the log was switched on (or drained), with every later event applied in
    /// order, equals the system's snapshot at the end, except for callback registrations,
    /// which the log does not record (X72). Events naming what the snapshot lacks change
    /// nothing. Effective defaults and callbacks are not part of a snapshot: those events
    /// change nothing either.
    ///
    /// O(devices + parts of the device) per event.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::four_topologies()?;
    /// system.set_event_logging(EventLogging::on());
    /// let mut replayed = system.snapshot();
    /// let mic = system.device(fixtures::FOUR_EPB)?.topology()?.connector(0)?;
    /// mic.disconnect()?;
    /// for event in system.drain_events() {
    ///     replayed.apply(&event);
    /// }
    /// assert_eq!(replayed, system.snapshot());
    /// # }
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    pub fn apply(&mut self, event: &Event) {
        match &event.kind {
            EventKind::Connected {
                part,
                peer,
                permanence,
            } => {
                for (a, b) in [(part, peer), (peer, part)] {
                    if let Some(c) = self.connector_mut(a) {
                        c.peer = Some(PeerSnapshot {
                            device: b.device.to_string(),
                            local_id: b.local_id,
                            permanence: *permanence,
                        });
                    }
                }
            }
            EventKind::Disconnected { part, peer } => {
                for a in [part, peer] {
                    if let Some(c) = self.connector_mut(a) {
                        c.peer = None;
                    }
                }
            }
            EventKind::ControlChanged { part, state } => {
                if let Some(slot) = self
                    .part_mut(part)
                    .and_then(|p| p.controls.iter_mut().find(|c| c.kind() == state.kind()))
                {
                    *slot = state.clone();
                }
            }
            EventKind::JackPlugged {
                part,
                jack,
                connected,
            } => {
                let jacks = self.part_mut(part).and_then(|p| {
                    p.controls.iter_mut().find_map(|c| match c {
                        ControlSpec::JackDescription(jacks) => Some(jacks),
                        _ => None,
                    })
                });
                if let Some(j) = jacks.and_then(|jacks| jacks.get_mut(*jack as usize)) {
                    j.is_connected = *connected;
                }
            }
            EventKind::DeviceStateChanged { device, state } => {
                if let Some(d) = self.device_mut(device) {
                    d.state = *state;
                }
            }
            EventKind::DeviceAdded { device } => self.devices.push((**device).clone()),
            EventKind::DeviceRemoved { device } => {
                self.devices.retain(|d| d.id != **device);
                self.registrations.retain(|r| match r {
                    RegistrationSnapshot::Control { device: d, .. } => d != &**device,
                    // Endpoint sinks are the enumerator's, not a device's: they stay.
                    RegistrationSnapshot::Endpoint { .. } => true,
                });
            }
            EventKind::DefaultChosen { device, role } => self.choose_default(device, *role),
            EventKind::PropertyChanged { device, key, value } => {
                if let Some(d) = self.device_mut(device) {
                    let at = d.properties.iter().position(|(k, _)| k == key);
                    match at {
                        Some(i) if value.is_empty() => {
                            d.properties.remove(i);
                        }
                        Some(i) => d.properties[i].1 = value.clone(),
                        None if value.is_empty() => {}
                        None => d.properties.push((*key, value.clone())),
                    }
                }
            }
            EventKind::DefaultChanged { .. } | EventKind::CallbackDelivered(_) => {}
        }
    }

    fn device_mut(&mut self, id: &str) -> Option<&mut DeviceSnapshot> {
        self.devices.iter_mut().find(|d| d.id == id)
    }

    fn part_mut(&mut self, part: &PartRef) -> Option<&mut PartSnapshot> {
        self.device_mut(&part.device)?
            .parts
            .iter_mut()
            .find(|p| p.local_id == part.local_id)
    }

    fn connector_mut(&mut self, part: &PartRef) -> Option<&mut ConnectorSnapshot> {
        self.part_mut(part)?.connector.as_mut()
    }

    /// X38: the role moves to `device` from every other endpoint of its flow.
    fn choose_default(&mut self, device: &str, role: ERole) {
        let Some(kind) = self.devices.iter().find(|d| d.id == device).map(|d| d.kind) else {
            return;
        };
        if kind == DeviceKind::Adapter {
            return;
        }
        for d in self.devices.iter_mut().filter(|d| d.kind == kind) {
            d.default_for.retain(|r| *r != role);
            if d.id == device {
                d.default_for.push(role);
                d.default_for.sort();
            }
        }
    }
}
