//! `IMMNotificationClient` (Y1-Y14): the client's endpoint-notification sink, the events it
//! receives, and a ready-made recording sink for tests.

use std::sync::{Arc, Mutex, PoisonError};

use super::PropertyKey;
use crate::types::{DeviceState, EDataFlow, ERole};

/// `IMMNotificationClient` (Y1): a client's sink for endpoint events, registered with
/// [`System::register_endpoint_notification_callback`](crate::System::register_endpoint_notification_callback).
///
/// A sink receives every event of every endpoint (Y2). Callbacks run synchronously on the
/// thread that made the change, after the change is committed and with no devtopo lock held
/// (X48), so a callback may call any other devtopo method (Y4). Registering or unregistering
/// from inside a callback is refused (Y3, X47). The strings live for the call only (Y1).
/// Every method has an empty default, so a sink implements only what it needs; what a
/// callback would return is ignored (Y12, X51), so the methods return nothing.
pub trait MMNotificationClient: Send + Sync {
    /// `OnDeviceStateChanged(id, newState)` (Y6).
    fn on_device_state_changed(&self, device_id: &str, new_state: DeviceState) {
        let _ = (device_id, new_state);
    }
    /// `OnDeviceAdded(id)` (Y8, X49).
    fn on_device_added(&self, device_id: &str) {
        let _ = device_id;
    }
    /// `OnDeviceRemoved(id)` (Y8, X49).
    fn on_device_removed(&self, device_id: &str) {
        let _ = device_id;
    }
    /// `OnDefaultDeviceChanged(flow, role, id)` (Y9): `None` when no endpoint of the flow is
    /// left for the role (B10).
    fn on_default_device_changed(&self, flow: EDataFlow, role: ERole, device_id: Option<&str>) {
        let _ = (flow, role, device_id);
    }
    /// `OnPropertyValueChanged(id, key)` (Y11).
    fn on_property_value_changed(&self, device_id: &str, key: PropertyKey) {
        let _ = (device_id, key);
    }
}

/// One endpoint event, as a sink receives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EndpointEvent {
    /// `OnDeviceStateChanged`.
    StateChanged {
        /// The endpoint ID.
        device_id: String,
        /// The new state.
        new_state: DeviceState,
    },
    /// `OnDeviceAdded`.
    Added {
        /// The endpoint ID.
        device_id: String,
    },
    /// `OnDeviceRemoved`.
    Removed {
        /// The endpoint ID.
        device_id: String,
    },
    /// `OnDefaultDeviceChanged`.
    DefaultChanged {
        /// `eRender` or `eCapture`.
        flow: EDataFlow,
        /// The role.
        role: ERole,
        /// The new default, `None` when none is left.
        device_id: Option<String>,
    },
    /// `OnPropertyValueChanged`.
    PropertyChanged {
        /// The endpoint ID.
        device_id: String,
        /// The key whose value changed.
        key: PropertyKey,
    },
}

impl EndpointEvent {
    /// Calls the matching method of a sink.
    pub fn deliver_to(&self, sink: &dyn MMNotificationClient) {
        match self {
            EndpointEvent::StateChanged {
                device_id,
                new_state,
            } => sink.on_device_state_changed(device_id, *new_state),
            EndpointEvent::Added { device_id } => sink.on_device_added(device_id),
            EndpointEvent::Removed { device_id } => sink.on_device_removed(device_id),
            EndpointEvent::DefaultChanged {
                flow,
                role,
                device_id,
            } => sink.on_default_device_changed(*flow, *role, device_id.as_deref()),
            EndpointEvent::PropertyChanged { device_id, key } => {
                sink.on_property_value_changed(device_id, *key)
            }
        }
    }
}

impl std::fmt::Display for EndpointEvent {
    /// The scenario-file form: `OnDeviceStateChanged <id> DEVICE_STATE_UNPLUGGED`, ...
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EndpointEvent::StateChanged {
                device_id,
                new_state,
            } => write!(f, "OnDeviceStateChanged {device_id} {new_state}"),
            EndpointEvent::Added { device_id } => write!(f, "OnDeviceAdded {device_id}"),
            EndpointEvent::Removed { device_id } => write!(f, "OnDeviceRemoved {device_id}"),
            EndpointEvent::DefaultChanged {
                flow,
                role,
                device_id,
            } => write!(
                f,
                "OnDefaultDeviceChanged {flow} {role} {}",
                device_id.as_deref().unwrap_or("NULL")
            ),
            EndpointEvent::PropertyChanged { device_id, key } => {
                write!(f, "OnPropertyValueChanged {device_id} {key:?}")
            }
        }
    }
}

/// A sink that records every event it receives, in order: register it and assert on
/// [`EndpointEventLog::events`].
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
/// use std::sync::Arc;
/// let system = fixtures::sysvad_hdmi()?;
/// let log = Arc::new(EndpointEventLog::default());
/// system.register_endpoint_notification_callback(log.clone())?;
/// let jack = system.device(fixtures::SYSVAD_HDMI_TOPO)?.topology()?.connector(1)?;
/// system.hardware().unplug_jack(&jack, 0)?;
/// assert_eq!(log.take()[0], EndpointEvent::StateChanged {
///     device_id: fixtures::SYSVAD_HDMI_ENDPOINT.to_owned(),
///     new_state: DeviceState::Unplugged,
/// });
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct EndpointEventLog {
    events: Mutex<Vec<EndpointEvent>>,
}

impl EndpointEventLog {
    /// A new, empty log in an `Arc`, ready to register.
    pub fn new() -> Arc<EndpointEventLog> {
        Arc::new(EndpointEventLog::default())
    }

    fn push(&self, event: EndpointEvent) {
        self.events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(event);
    }

    /// Every event received so far.
    pub fn events(&self) -> Vec<EndpointEvent> {
        self.events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Every event received so far; the log is then empty.
    pub fn take(&self) -> Vec<EndpointEvent> {
        std::mem::take(&mut *self.events.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl MMNotificationClient for EndpointEventLog {
    fn on_device_state_changed(&self, device_id: &str, new_state: DeviceState) {
        self.push(EndpointEvent::StateChanged {
            device_id: device_id.to_owned(),
            new_state,
        });
    }
    fn on_device_added(&self, device_id: &str) {
        self.push(EndpointEvent::Added {
            device_id: device_id.to_owned(),
        });
    }
    fn on_device_removed(&self, device_id: &str) {
        self.push(EndpointEvent::Removed {
            device_id: device_id.to_owned(),
        });
    }
    fn on_default_device_changed(&self, flow: EDataFlow, role: ERole, device_id: Option<&str>) {
        self.push(EndpointEvent::DefaultChanged {
            flow,
            role,
            device_id: device_id.map(str::to_owned),
        });
    }
    fn on_property_value_changed(&self, device_id: &str, key: PropertyKey) {
        self.push(EndpointEvent::PropertyChanged {
            device_id: device_id.to_owned(),
            key,
        });
    }
}
