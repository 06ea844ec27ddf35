//! Change notifications (N1-N11, X19-X21): the client's sink trait and the registry of sinks.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::ControlKind;
use crate::error::PartRef;
use crate::guid::Guid;

/// `DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT` (E15, N6): `'draH'` = `0x64726148`.
pub const DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT: u32 = 0x6472_6148;

/// The event context of every hardware-initiated notification (X21): a GUID whose `Data1` is
/// [`DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT`] and whose other fields are zero, so a client
/// recognises it with `context.data1 == DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT`.
pub const HARDWARE_INITIATED_CONTEXT: Guid = Guid {
    data1: DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT,
    data2: 0,
    data3: 0,
    data4: [0; 8],
};

/// `IControlChangeNotify` (N1-N11): a client's sink for changes of one control of one part.
///
/// `on_notify` receives the process ID of the change's sender (the system's caller process
/// ID for changes made through the API, its hardware process ID for simulated hardware
/// events, N6, X21) and the caller's event context (`None` when the caller passed none; the
/// [`HARDWARE_INITIATED_CONTEXT`] for hardware events).
///
/// Sinks run synchronously on the thread that made the change, after the change is
/// committed and with no devtopo lock held (X20): a sink may call any devtopo method,
/// including changing controls and unregistering itself.
///
/// Closures `Fn(u32, Option<Guid>) + Send + Sync` are sinks too.
pub trait ControlChangeNotify: Send + Sync {
    /// `IControlChangeNotify::OnNotify` (N5, N6, N8).
    fn on_notify(&self, sender_process_id: u32, event_context: Option<Guid>);
}

impl<F> ControlChangeNotify for F
where
    F: Fn(u32, Option<Guid>) + Send + Sync,
{
    fn on_notify(&self, sender_process_id: u32, event_context: Option<Guid>) {
        self(sender_process_id, event_context);
    }
}

/// The address that identifies a sink: the address of the sink object inside its `Arc`.
pub(crate) fn sink_addr<S: ?Sized>(sink: &S) -> usize {
    (sink as *const S).cast::<()>() as usize
}

/// One registration.
#[derive(Clone)]
pub(crate) struct Registration {
    kind: ControlKind,
    sink: Arc<dyn ControlChangeNotify>,
}

/// The registrations of one part, shared: a change takes one reference to the list, however
/// many sinks it holds, and registering or unregistering (rare) copies the list.
pub(crate) type List = Arc<[Registration]>;

/// The sinks registered on every part, keyed by the part's serial number (never reused).
#[derive(Clone, Default)]
pub(crate) struct Registry {
    by_part: HashMap<u64, List>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count: usize = self.by_part.values().map(|l| l.len()).sum();
        f.debug_struct("Registry")
            .field("registrations", &count)
            .finish()
    }
}

impl Registry {
    /// Adds a registration (X19): a sink already registered for this control of this part is
    /// not added twice. The registry takes its own reference (a clone of `sink`) only when it
    /// adds one, so the caller drops its `Arc` after releasing the lock (X20).
    pub(crate) fn register(
        &mut self,
        part: u64,
        kind: ControlKind,
        sink: &Arc<dyn ControlChangeNotify>,
    ) {
        let addr = sink_addr(&**sink);
        let list = self.by_part.get(&part).map_or(&[][..], |l| &l[..]);
        if list
            .iter()
            .any(|r| r.kind == kind && sink_addr(&*r.sink) == addr)
        {
            return;
        }
        let mut grown = Vec::with_capacity(list.len() + 1);
        grown.extend_from_slice(list);
        grown.push(Registration {
            kind,
            sink: sink.clone(),
        });
        self.by_part.insert(part, grown.into());
    }

    /// Removes every registration of the sink at `addr` on this part (X19). Returns the
    /// part's former list (`None` when the sink was not registered, N3) for the caller to drop
    /// after releasing the lock: the last reference to the sink may be in it (X20).
    pub(crate) fn unregister(&mut self, part: u64, addr: usize) -> Option<List> {
        let list = self.by_part.get(&part)?;
        let kept: Vec<Registration> = list
            .iter()
            .filter(|r| sink_addr(&*r.sink) != addr)
            .cloned()
            .collect();
        if kept.len() == list.len() {
            return None;
        }
        if kept.is_empty() {
            self.by_part.remove(&part)
        } else {
            self.by_part.insert(part, kept.into())
        }
    }

    /// The sinks to notify for a change of `kind` on this part (`named`, for the event
    /// log), in registration order (N2, X20). No allocation: one reference to the part's list.
    pub(crate) fn sinks(&self, part: u64, kind: ControlKind, named: PartRef) -> Sinks {
        Sinks {
            list: self
                .by_part
                .get(&part)
                .filter(|list| list.iter().any(|r| r.kind == kind))
                .map(|list| (list.clone(), kind, named)),
        }
    }

    /// The registrations of a part as `(control, sink address)`, in registration order (for
    /// snapshots).
    pub(crate) fn of_part(&self, part: u64) -> impl Iterator<Item = (ControlKind, usize)> + '_ {
        self.by_part
            .get(&part)
            .into_iter()
            .flat_map(|list| list.iter())
            .map(|r| (r.kind, sink_addr(&*r.sink)))
    }

    /// Removes every registration of a part (its device was removed, X26) and returns the
    /// sinks, so that the caller drops them after releasing the lock: a sink's `Drop` may call
    /// back into the system (X20, X35).
    pub(crate) fn forget(&mut self, part: u64) -> Vec<Arc<dyn ControlChangeNotify>> {
        self.by_part
            .remove(&part)
            .map(|list| list.iter().map(|r| r.sink.clone()).collect())
            .unwrap_or_default()
    }
}

/// The sinks of one control of one part, to call once the lock is released: a shared
/// snapshot of the part's registrations and the control they must be registered for.
#[derive(Default)]
#[must_use = "the sinks must be notified after the lock is released"]
pub(crate) struct Sinks {
    list: Option<(List, ControlKind, PartRef)>,
}

impl Sinks {
    /// No sink to call.
    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_none()
    }
}

/// Sinks to call once the lock is released, with what to tell them.
#[must_use = "a notice must be delivered after the lock is released"]
pub(crate) struct Notice {
    pub(crate) sinks: Sinks,
    pub(crate) sender_process_id: u32,
    pub(crate) context: Option<Guid>,
}

impl Notice {
    /// Calls every sink once (N5), calling `before` with the part and the control just
    /// before each sink (the event log, X72). Must run with no lock held (X20).
    pub(crate) fn deliver(self, mut before: impl FnMut(PartRef, ControlKind)) {
        if let Some((list, kind, part)) = &self.sinks.list {
            for r in list.iter().filter(|r| r.kind == *kind) {
                before(*part, *kind);
                r.sink.on_notify(self.sender_process_id, self.context);
            }
        }
    }
}
