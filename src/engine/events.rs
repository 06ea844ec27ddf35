//! The deterministic event log (X72): every committed state change, in commit order.
//!
//! The engine appends to the log inside each mutation, under the system's lock, so the log's
//! order is the order in which changes were committed; callbacks are appended by the system
//! when they are delivered, after the lock is released and just before the sink runs (X20,
//! X48), so whatever a sink changes follows its delivery in the log. Events name devices by
//! ID and parts by local ID and carry sequence numbers: no address, no time, no process ID,
//! so identical inputs give identical logs.
//!
//! The log is off by default and bounded when on (X72): with [`EventLogging::On`] it keeps
//! the newest `capacity` events and counts the ones it let go. Off costs one branch per
//! mutation.

use std::collections::VecDeque;
use std::fmt;

use super::Engine;
use super::snapshot::DeviceSnapshot;
use crate::controls::{ControlKind, ControlSpec};
use crate::error::{DeviceId, PartRef};
use crate::guid::Guid;
use crate::properties::{EndpointEvent, PropVariant, PropertyKey};
use crate::types::{DeviceState, EDataFlow, ERole, Permanence};

/// How many events [`EventLogging::on`] keeps: the newest 100,000 (X72), a few MB.
pub const DEFAULT_EVENT_CAPACITY: usize = 100_000;

/// Whether a system keeps an event log ([`System::set_event_logging`](crate::System::set_event_logging)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EventLogging {
    /// No log (the default): a mutation pays one branch.
    #[default]
    Off,
    /// Keep the newest `capacity` events; older ones are dropped and counted
    /// ([`System::dropped_events`](crate::System::dropped_events)).
    On {
        /// The most events kept at once.
        capacity: usize,
    },
}

impl EventLogging {
    /// On, keeping the newest [`DEFAULT_EVENT_CAPACITY`] events.
    pub const fn on() -> EventLogging {
        EventLogging::On {
            capacity: DEFAULT_EVENT_CAPACITY,
        }
    }
}

/// Who made a control change, as the callbacks it caused were told (N6, X21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeSource {
    /// A call through the API: the sinks got the caller process ID and the caller's context.
    Caller,
    /// The simulated hardware: the hardware process ID and
    /// [`HARDWARE_INITIATED_CONTEXT`](crate::HARDWARE_INITIATED_CONTEXT).
    Hardware,
}

/// A callback devtopo delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// `IControlChangeNotify::OnNotify` of a sink registered on `part` for `control` (N5).
    ControlChange {
        /// The part whose control changed.
        part: PartRef,
        /// The control the sink was registered for.
        control: ControlKind,
        /// Caller or hardware (the process ID itself is left out: it differs between runs).
        source: ChangeSource,
        /// The event context the sink got.
        context: Option<Guid>,
    },
    /// An `IMMNotificationClient` method (Y6-Y11).
    Endpoint(EndpointEvent),
}

/// One entry of the event log: a sequence number (from 0, never reused in one system, counting
/// dropped events too) and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The position of the event in the system's history.
    pub seq: u64,
    /// What happened.
    pub kind: EventKind,
}

/// What an [`Event`] records. Each change carries the new value, so replaying a log
/// ([`Snapshot::apply`](crate::Snapshot::apply)) onto the snapshot it started from gives the
/// state it ended in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// `ConnectTo` made a connection (C3).
    Connected {
        /// The connector `ConnectTo` was called on.
        part: PartRef,
        /// The other end.
        peer: PartRef,
        /// Always transient for `ConnectTo`.
        permanence: Permanence,
    },
    /// A connection was broken: `Disconnect` (C6), or a removal of either device (X26).
    Disconnected {
        /// The connector `Disconnect` was called on (or the removed device's).
        part: PartRef,
        /// The former peer.
        peer: PartRef,
    },
    /// A control's state changed (N5): `state` is its new state. Jack plugs are
    /// [`EventKind::JackPlugged`]; peaks (X18) are measurements and are not logged.
    ControlChanged {
        /// The part.
        part: PartRef,
        /// The control's new state (its kind says which control).
        state: ControlSpec,
    },
    /// The plug of a jack went in (`connected`) or out (K18, X27).
    JackPlugged {
        /// The jack connector.
        part: PartRef,
        /// The jack's index.
        jack: u32,
        /// Its new `IsConnected`.
        connected: bool,
    },
    /// A device's state changed (X27), adapters' included.
    DeviceStateChanged {
        /// The device.
        device: DeviceId,
        /// Its new state.
        state: DeviceState,
    },
    /// A device arrived (B1, X49): its state at arrival.
    DeviceAdded {
        /// The device as a snapshot would show it.
        device: Box<DeviceSnapshot>,
    },
    /// A device and its records were removed (X26, X63); its connections were logged as
    /// broken just before.
    DeviceRemoved {
        /// The device.
        device: DeviceId,
    },
    /// The effective default endpoint of a (flow, role) changed (B10, V6).
    DefaultChanged {
        /// `eRender` or `eCapture`.
        flow: EDataFlow,
        /// The role.
        role: ERole,
        /// The new default; `None` when no ACTIVE endpoint of the flow is left.
        device: Option<DeviceId>,
    },
    /// The user chose a device as the default for a role (X38).
    DefaultChosen {
        /// The endpoint.
        device: DeviceId,
        /// The role.
        role: ERole,
    },
    /// A property store value changed (S7, S12): `value` is the new value, `VT_EMPTY` when the
    /// key was removed.
    PropertyChanged {
        /// The device.
        device: DeviceId,
        /// The key.
        key: PropertyKey,
        /// Its new value.
        value: PropVariant,
    },
    /// A callback was delivered (logged as it starts).
    CallbackDelivered(Callback),
}

/// A part as the log prints it: `` `id`/0x00010000 ``.
struct Part<'a>(&'a PartRef);

impl fmt::Display for Part<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`/{}", self.0.device, self.0.local_id)
    }
}

impl fmt::Display for Event {
    /// One line: `#12 connected `a`/0x00010000 to `b`/0x00010001 (transient)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {}", self.seq, self.kind)
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventKind::Connected {
                part,
                peer,
                permanence,
            } => {
                let how = match permanence {
                    Permanence::Transient => "transient",
                    Permanence::Permanent => "permanent",
                };
                write!(f, "connected {} to {} ({how})", Part(part), Part(peer))
            }
            EventKind::Disconnected { part, peer } => {
                write!(f, "disconnected {} from {}", Part(part), Part(peer))
            }
            EventKind::ControlChanged { part, state } => {
                write!(f, "{} of {} = ", state.kind(), Part(part))?;
                write_state(f, state)
            }
            EventKind::JackPlugged {
                part,
                jack,
                connected,
            } => {
                let what = if *connected { "plugged" } else { "unplugged" };
                write!(f, "jack {jack} of {} {what}", Part(part))
            }
            EventKind::DeviceStateChanged { device, state } => {
                write!(f, "state of `{device}` = {state}")
            }
            EventKind::DeviceAdded { device } => write!(f, "added `{}`", device.id),
            EventKind::DeviceRemoved { device } => write!(f, "removed `{device}`"),
            EventKind::DefaultChanged { flow, role, device } => match device {
                Some(d) => write!(f, "default {flow} {role} = `{d}`"),
                None => write!(f, "default {flow} {role} = none"),
            },
            EventKind::DefaultChosen { device, role } => {
                write!(f, "`{device}` chosen as default {role}")
            }
            EventKind::PropertyChanged { device, key, value } => {
                write!(f, "property {key} of `{device}` = {value}")
            }
            EventKind::CallbackDelivered(Callback::ControlChange {
                part,
                control,
                source,
                ..
            }) => write!(
                f,
                "callback OnNotify {control} of {} ({source:?})",
                Part(part)
            ),
            EventKind::CallbackDelivered(Callback::Endpoint(event)) => {
                write!(f, "callback {event}")
            }
        }
    }
}

/// The value part of a control state, compactly.
fn write_state(f: &mut fmt::Formatter<'_>, state: &ControlSpec) -> fmt::Result {
    match state {
        ControlSpec::VolumeLevel(l)
        | ControlSpec::Bass(l)
        | ControlSpec::Midrange(l)
        | ControlSpec::Treble(l) => write!(f, "{:?} dB", l.levels_db),
        ControlSpec::Mute(on) | ControlSpec::Loudness(on) | ControlSpec::AutoGainControl(on) => {
            write!(f, "{on}")
        }
        ControlSpec::InputSelector(id) | ControlSpec::OutputSelector(id) => write!(f, "{id}"),
        ControlSpec::ChannelConfig(mask) => write!(f, "{mask:#010x}"),
        ControlSpec::DeviceSpecificProperty(d) => write!(f, "{:?}", d.value),
        other => write!(f, "{other:?}"),
    }
}

/// The log as the engine keeps it.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventRecorder {
    mode: EventLogging,
    next_seq: u64,
    dropped: u64,
    events: VecDeque<Event>,
}

impl EventRecorder {
    /// Whether events are kept.
    #[inline]
    pub(crate) fn is_on(&self) -> bool {
        matches!(self.mode, EventLogging::On { .. })
    }

    pub(crate) fn mode(&self) -> EventLogging {
        self.mode
    }

    /// Switches logging; shrinking the capacity drops (and counts) the oldest events. The
    /// sequence numbers go on.
    pub(crate) fn set_mode(&mut self, mode: EventLogging) {
        self.mode = mode;
        let keep = match mode {
            EventLogging::Off => 0,
            EventLogging::On { capacity } => capacity,
        };
        while self.events.len() > keep {
            self.events.pop_front();
            self.dropped += 1;
        }
    }

    /// Appends an event (when on), dropping the oldest at capacity.
    pub(crate) fn push(&mut self, kind: EventKind) {
        let EventLogging::On { capacity } = self.mode else {
            return;
        };
        let seq = self.next_seq;
        self.next_seq += 1;
        if capacity == 0 {
            self.dropped += 1;
            return;
        }
        if self.events.len() == capacity {
            self.events.pop_front();
            self.dropped += 1;
        }
        self.events.push_back(Event { seq, kind });
    }

    /// The sequence number the next event will get: a mark to roll back to.
    pub(crate) fn mark(&self) -> u64 {
        self.next_seq
    }

    /// Forgets the events logged since `mark`: a mutation that failed after logging changes
    /// nothing, in the log too (G5). Mutations validate before they write, so this is a
    /// guard, not a path taken.
    pub(crate) fn rollback(&mut self, mark: u64) {
        while self.events.back().is_some_and(|e| e.seq >= mark) {
            self.events.pop_back();
        }
        self.next_seq = self.next_seq.min(mark);
    }

    pub(crate) fn events(&self) -> Vec<Event> {
        self.events.iter().cloned().collect()
    }

    pub(crate) fn drain(&mut self) -> Vec<Event> {
        self.events.drain(..).collect()
    }

    pub(crate) fn dropped(&self) -> u64 {
        self.dropped
    }
}

impl Engine {
    /// Logs the event `f` makes, when the log is on (`f` is not called otherwise).
    #[inline]
    pub(crate) fn log(&mut self, f: impl FnOnce(&Engine) -> EventKind) {
        if self.events.is_on() {
            let kind = f(self);
            self.events.push(kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(n: u32) -> EventKind {
        EventKind::DeviceRemoved {
            device: DeviceId::new(&format!("dev{n}")),
        }
    }

    /// X72: off keeps nothing; on keeps the newest `capacity` and counts the rest; sequence
    /// numbers never restart; a rollback forgets a failed mutation's events (G5).
    #[test]
    fn x72_recorder_bounds_counts_and_rolls_back() {
        let mut r = EventRecorder::default();
        r.push(removed(0));
        assert!(r.events().is_empty());
        r.set_mode(EventLogging::On { capacity: 2 });
        for n in 0..5 {
            r.push(removed(n));
        }
        assert_eq!(r.events().iter().map(|e| e.seq).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(r.dropped(), 3);
        let mark = r.mark();
        r.push(removed(9));
        r.rollback(mark);
        assert_eq!(r.events().last().map(|e| e.seq), Some(4));
        r.push(removed(10));
        assert_eq!(r.drain().iter().map(|e| e.seq).collect::<Vec<_>>(), [4, 5]);
        r.set_mode(EventLogging::On { capacity: 0 });
        r.push(removed(11));
        assert!(r.events().is_empty());
        assert_eq!(r.dropped(), 5);
    }
}
