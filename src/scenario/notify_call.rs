//! Change-notification steps (N1-N6, X19, X21): the scenario's recording sinks and the value
//! of a `Notifications` check.
//!
//! A sink is named in the scenario (`sink = "s"`). The runner creates one [`Recorder`] per name
//! that some `RegisterControlChangeCallback` step uses, before any step runs, and every step
//! naming it shares the same `Arc`, so registering it twice or unregistering it twice behaves
//! as the library defines (X19, N3). A step naming a sink no `RegisterControlChangeCallback`
//! step names is a located error in the file (a typo would otherwise read as "no
//! notifications").

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::{
    ControlChangeNotify, DeviceState, EDataFlow, ERole, EndpointEventLog, Guid,
    HARDWARE_INITIATED_CONTEXT, MMNotificationClient, PropertyKey, System,
};
use serde_json::{Value as Json, json};

/// The name a notification's context reads as when it is [`HARDWARE_INITIATED_CONTEXT`] (X21).
const HARDWARE_CONTEXT_NAME: &str = "HARDWARE_INITIATED_CONTEXT";

/// A sink that records every `OnNotify` call: (sender process ID, event context); and, as an
/// `IMMNotificationClient` (Y1), every endpoint event in its text form.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    calls: Mutex<Vec<(u32, Option<Guid>)>>,
    endpoint: EndpointEventLog,
}

impl Recorder {
    /// `EndpointNotifications`: the endpoint events since the last check, as text
    /// (`OnDeviceStateChanged <id> DEVICE_STATE_UNPLUGGED`, ...); the record is cleared.
    pub(crate) fn take_endpoint(&self) -> Json {
        let list = self.endpoint.take();
        Json::Array(list.iter().map(|e| Json::from(e.to_string())).collect())
    }
}

/// Endpoint events are recorded by the library's own [`EndpointEventLog`].
impl MMNotificationClient for Recorder {
    fn on_device_state_changed(&self, device_id: &str, new_state: DeviceState) {
        self.endpoint.on_device_state_changed(device_id, new_state);
    }
    fn on_device_added(&self, device_id: &str) {
        self.endpoint.on_device_added(device_id);
    }
    fn on_device_removed(&self, device_id: &str) {
        self.endpoint.on_device_removed(device_id);
    }
    fn on_default_device_changed(&self, flow: EDataFlow, role: ERole, device_id: Option<&str>) {
        self.endpoint
            .on_default_device_changed(flow, role, device_id);
    }
    fn on_property_value_changed(&self, device_id: &str, key: PropertyKey) {
        self.endpoint.on_property_value_changed(device_id, key);
    }
}

impl ControlChangeNotify for Recorder {
    fn on_notify(&self, sender_process_id: u32, event_context: Option<Guid>) {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((sender_process_id, event_context));
    }
}

impl Recorder {
    /// The calls recorded since the last take, oldest first; the record is cleared.
    fn take(&self) -> Vec<(u32, Option<Guid>)> {
        std::mem::take(&mut *self.calls.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The scenario's sinks by name.
pub(crate) type Sinks = BTreeMap<String, Arc<Recorder>>;

/// The sink a step names, resolved when the scenario is loaded.
pub(crate) fn resolve(sinks: &Sinks, name: &str) -> Result<Arc<Recorder>, String> {
    sinks.get(name).cloned().ok_or_else(|| {
        let known: Vec<&str> = sinks.keys().map(String::as_str).collect();
        format!(
            "unknown sink `{name}`: no RegisterControlChangeCallback or RegisterEndpointNotificationCallback step names it (sinks: {})",
            if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            }
        )
    })
}

/// An event context argument or expectation: a GUID name (`EVENTCONTEXT_VOLUMESLIDER`,
/// `HARDWARE_INITIATED_CONTEXT`, a name the topology file declares) or a braced GUID.
pub(crate) fn context(system: &System, v: &Json) -> Option<Guid> {
    let text = v.as_str()?.trim();
    if text == HARDWARE_CONTEXT_NAME {
        return Some(HARDWARE_INITIATED_CONTEXT);
    }
    system.guid_from_text(text)
}

fn context_json(system: &System, context: Option<Guid>) -> Json {
    match context {
        None => json!("none"),
        Some(g) if g == HARDWARE_INITIATED_CONTEXT => json!(HARDWARE_CONTEXT_NAME),
        Some(g) => json!(system.guid_display(g)),
    }
}

fn sender_json(system: &System, pid: u32) -> Json {
    if pid == system.caller_process_id() {
        json!("caller")
    } else if pid == system.hardware_process_id() {
        json!("hardware")
    } else {
        json!(pid)
    }
}

/// `Notifications`: what the sink received since the previous check, as
/// `[{ sender, context }]`; clears the record.
pub(crate) fn take(system: &System, sink: &Recorder) -> Json {
    Json::Array(
        sink.take()
            .into_iter()
            .map(|(pid, ctx)| json!({ "sender": sender_json(system, pid), "context": context_json(system, ctx) }))
            .collect(),
    )
}

/// The expected value of a `Notifications` step, in the form [`take`] answers: a list of
/// `{ sender = "caller" | "hardware" | pid, context = GUID name | braced GUID | "none" }`.
/// A pid equal to the caller's or the hardware's process ID reads as that name.
pub(crate) fn expected(system: &System, raw: &Json) -> Result<Json, String> {
    let list = raw.as_array().ok_or_else(|| {
        format!("expected a list of {{ sender, context }} notifications, found {raw}")
    })?;
    list.iter()
        .map(|n| {
            let obj = n
                .as_object()
                .ok_or_else(|| format!("expected a {{ sender, context }} table, found {n}"))?;
            if let Some(key) = obj.keys().find(|k| *k != "sender" && *k != "context") {
                return Err(format!(
                    "unknown key `{key}` in a notification; expected `sender` and `context`"
                ));
            }
            let sender = match obj.get("sender") {
                Some(Json::String(s)) if s == "caller" || s == "hardware" => json!(s),
                Some(v) => match v.as_u64().and_then(|p| u32::try_from(p).ok()) {
                    Some(pid) => sender_json(system, pid),
                    None => {
                        return Err(format!(
                            "sender {v} is not \"caller\", \"hardware\" or a process ID"
                        ));
                    }
                },
                None => return Err("a notification needs `sender`".to_owned()),
            };
            let ctx = match obj.get("context") {
                Some(Json::String(s)) if s == "none" => None,
                Some(v) => Some(context(system, v).ok_or_else(|| {
                    format!("context {v} is not a GUID name, a braced GUID or \"none\"")
                })?),
                None => return Err("a notification needs `context`".to_owned()),
            };
            Ok(json!({ "sender": sender, "context": context_json(system, ctx) }))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Json::Array)
}
