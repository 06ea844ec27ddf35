//! `IMMDeviceEnumerator` and `IMMDeviceCollection` on [`System`] (V1-V17, Y3, X36-X41):
//! enumeration, defaults, `GetDevice`, endpoint-notification registration, and device
//! arrival (B1, X49).

use std::sync::Arc;

use super::Device;
use crate::controls::notify::sink_addr;
use crate::engine::endpoints::{FLOWS, ROLES, in_endpoint_callback};
use crate::error::{Error, Result};
use crate::instrument::{self, Arg, Hook, Method, Site, no_args};
use crate::properties::MMNotificationClient;
use crate::system::{Shared, System};
use crate::types::{DeviceState, EDataFlow, ERole};

impl EDataFlow {
    /// An `EDataFlow` argument as a COM caller passes it (V1, V2).
    ///
    /// # Errors
    /// [`Error::InvalidDataFlow`] (`E_INVALIDARG`) for values above `eAll`.
    pub fn from_arg(value: u32) -> Result<EDataFlow> {
        EDataFlow::from_value(value).ok_or(Error::InvalidDataFlow { value })
    }
}

impl ERole {
    /// An `ERole` argument as a COM caller passes it (V4, X37).
    ///
    /// # Errors
    /// [`Error::InvalidRole`] (`E_INVALIDARG`) for values of 3 and above.
    pub fn from_arg(value: u32) -> Result<ERole> {
        ERole::from_value(value).ok_or(Error::InvalidRole { value })
    }
}

/// X39: true for strings with the form of a device ID: an endpoint ID
/// `{0.0.F.00000000}.{guid}` or an adapter ID starting `{2}.`.
fn looks_like_device_id(id: &str) -> bool {
    id.starts_with("{2}.") || crate::engine::stores::endpoint_guid(id).is_some()
}

/// `IMMDeviceCollection` (V16, V17, X41): a snapshot of endpoints taken when
/// `EnumAudioEndpoints` ran, in creation order. Later changes do not affect it.
#[derive(Clone)]
pub struct DeviceCollection {
    shared: Arc<Shared>,
    devices: Vec<Device>,
}

impl PartialEq for DeviceCollection {
    fn eq(&self, other: &DeviceCollection) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared) && self.devices == other.devices
    }
}

impl Eq for DeviceCollection {}

impl std::fmt::Debug for DeviceCollection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("DeviceCollection")
            .field(&self.devices)
            .finish()
    }
}

impl Hook for DeviceCollection {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::System)
    }
}

impl Hook for System {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::System)
    }
}

impl DeviceCollection {
    /// `IMMDeviceCollection::GetCount` (V16).
    ///
    /// # Errors
    /// None of its own; a [fault](crate::Fault) the test set.
    pub fn count(&self) -> Result<u32> {
        self.call(Method::IMMDeviceCollection_GetCount, no_args, || {
            Ok(self.devices.len() as u32)
        })
    }

    /// `IMMDeviceCollection::Item` (V16, V17).
    ///
    /// # Errors
    /// [`Error::CollectionIndexOutOfRange`] (`E_INVALIDARG`) for `index >= count`.
    pub fn item(&self, index: u32) -> Result<Device> {
        self.call(
            Method::IMMDeviceCollection_Item,
            |_| vec![Arg::new("index", index)],
            || {
                self.devices
                    .get(index as usize)
                    .cloned()
                    .ok_or(Error::CollectionIndexOutOfRange {
                        index,
                        count: self.devices.len() as u32,
                    })
            },
        )
    }

    /// The devices, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Device> {
        self.devices.iter()
    }

    /// The devices, in order.
    pub fn into_vec(self) -> Vec<Device> {
        self.devices
    }
}

impl IntoIterator for DeviceCollection {
    type Item = Device;
    type IntoIter = std::vec::IntoIter<Device>;

    fn into_iter(self) -> Self::IntoIter {
        self.devices.into_iter()
    }
}

impl System {
    /// `IMMDeviceEnumerator::GetDevice` (V8-V10, D11, X39): the endpoint or adapter device
    /// with this ID, whatever its state. The lookup is exact and case-sensitive.
    ///
    /// # Errors
    /// [`Error::UnknownDevice`] (`E_NOTFOUND`) for an ID of the right form that names no
    /// device; [`Error::MalformedDeviceId`] (`E_INVALIDARG`) for any other string (V9, X39).
    pub fn device(&self, id: &str) -> Result<Device> {
        instrument::call(
            &self.shared,
            Method::IMMDeviceEnumerator_GetDevice,
            Site::DeviceText(id),
            |_| vec![Arg::new("id", id)],
            || {
                let engine = self.shared.read();
                match engine.by_id.get(id) {
                    Some(&ix) => Ok(Device::new(self.shared.clone(), engine.device_key(ix))),
                    None if looks_like_device_id(id) => Err(Error::UnknownDevice {
                        device: Arc::from(id),
                    }),
                    None => Err(Error::MalformedDeviceId {
                        device: Arc::from(id),
                    }),
                }
            },
        )
    }

    /// `IMMDeviceEnumerator::EnumAudioEndpoints` (V1-V3, D7, X25, X41): the endpoints of
    /// `flow` (`eAll`: both) whose state bit is in `state_mask`, as a snapshot in creation
    /// order. Adapters are never listed (V3). Mask 0 gives an empty collection (X25).
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::four_topologies()?;
    /// let active = system.enum_audio_endpoints(EDataFlow::Capture, DeviceState::Active.value())?;
    /// assert_eq!(active.count()?, 2);
    /// assert_eq!(active.item(2).unwrap_err().hresult(), HResult::E_INVALIDARG);
    /// let flow = EDataFlow::from_arg(0xFFFF);
    /// assert_eq!(flow.unwrap_err().hresult(), HResult::E_INVALIDARG);
    /// # }
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidStateMask`] (`E_INVALIDARG`) for bits above `DEVICE_STATEMASK_ALL`
    /// (V2). A bad flow is refused by [`EDataFlow::from_arg`] before the call.
    pub fn enum_audio_endpoints(
        &self,
        flow: EDataFlow,
        state_mask: u32,
    ) -> Result<DeviceCollection> {
        self.call(
            Method::IMMDeviceEnumerator_EnumAudioEndpoints,
            |_| vec![Arg::new("flow", flow), Arg::new("state_mask", state_mask)],
            || {
                if state_mask & !DeviceState::MASK_ALL != 0 {
                    return Err(Error::InvalidStateMask { mask: state_mask });
                }
                let engine = self.shared.read();
                let devices = engine
                    .devices
                    .iter()
                    .enumerate()
                    .filter_map(|(ix, slot)| {
                        let dev = slot.node.as_ref()?;
                        (flow.matches(dev.kind) && dev.state.value() & state_mask != 0)
                            .then(|| Device::new(self.shared.clone(), engine.device_key(ix as u32)))
                    })
                    .collect();
                Ok(DeviceCollection {
                    shared: self.shared.clone(),
                    devices,
                })
            },
        )
    }

    /// [`System::enum_audio_endpoints`] as a `Vec` (not a COM method).
    ///
    /// # Errors
    /// As [`System::enum_audio_endpoints`].
    pub fn endpoints(&self, flow: EDataFlow, state_mask: u32) -> Result<Vec<Device>> {
        Ok(self.enum_audio_endpoints(flow, state_mask)?.into_vec())
    }

    /// `IMMDeviceEnumerator::GetDefaultAudioEndpoint` (V4-V7, B10, X37, X38): the default
    /// endpoint of `flow` for `role`. Only ACTIVE endpoints qualify (V6). The default is the
    /// endpoint the file or the simulated user chose for the role
    /// ([`Hardware::set_default_endpoint`](crate::Hardware::set_default_endpoint)) while it
    /// is ACTIVE; otherwise the V7 ranking picks one (render Speakers > LineLevel > SPDIF >
    /// other form factors, capture Microphone > LineLevel > SPDIF > others; ties by the
    /// alphabetically first ID).
    ///
    /// # Errors
    /// [`Error::InvalidDefaultFlow`] (`E_INVALIDARG`) for `eAll` (X37);
    /// [`Error::NoDefaultEndpoint`] (`E_NOTFOUND`, H29) when no endpoint of `flow` is ACTIVE
    /// (V5).
    pub fn default_endpoint(&self, flow: EDataFlow, role: ERole) -> Result<Device> {
        self.call(
            Method::IMMDeviceEnumerator_GetDefaultAudioEndpoint,
            |_| vec![Arg::new("flow", flow), Arg::new("role", role)],
            || {
                let Some(f) = FLOWS.iter().position(|x| *x == flow) else {
                    return Err(Error::InvalidDefaultFlow { flow });
                };
                let r = ROLES.iter().position(|x| *x == role).unwrap_or(0);
                let engine = self.shared.read();
                match engine.mm.defaults[f][r] {
                    Some(ix) => Ok(Device::new(self.shared.clone(), engine.device_key(ix))),
                    None => Err(Error::NoDefaultEndpoint { flow }),
                }
            },
        )
    }

    /// `IMMDeviceEnumerator::RegisterEndpointNotificationCallback` (V13, V14, Y1, Y2): the
    /// sink receives every endpoint event from now on. Registrations form a multiset: the
    /// same sink registered twice is called twice per event (X40). devtopo keeps an `Arc`
    /// (the COM layer does the AddRef/Release bookkeeping, V13).
    ///
    /// # Errors
    /// [`Error::CallFromEndpointCallback`] (`E_ILLEGAL_METHOD_CALL`) from inside an
    /// endpoint callback (Y3, X47); the refusal is also recorded
    /// ([`System::endpoint_callback_violations`]).
    pub fn register_endpoint_notification_callback(
        &self,
        sink: Arc<dyn MMNotificationClient>,
    ) -> Result<()> {
        self.call(
            Method::IMMDeviceEnumerator_RegisterEndpointNotificationCallback,
            no_args,
            || {
                let mut engine = self.shared.write();
                if in_endpoint_callback() {
                    return Err(refuse(&mut engine, "RegisterEndpointNotificationCallback"));
                }
                engine.mm.sinks.push(sink);
                Ok(())
            },
        )
    }

    /// `IMMDeviceEnumerator::UnregisterEndpointNotificationCallback` (V13, V14): removes one
    /// registration of the sink (identified by address). The sink's last `Arc` clone held by
    /// devtopo is dropped after the lock is released.
    ///
    /// # Errors
    /// [`Error::EndpointSinkNotRegistered`] (`E_NOTFOUND`); [`Error::CallFromEndpointCallback`]
    /// (`E_ILLEGAL_METHOD_CALL`) from inside an endpoint callback (Y3, X47).
    pub fn unregister_endpoint_notification_callback(
        &self,
        sink: &dyn MMNotificationClient,
    ) -> Result<()> {
        self.call(
            Method::IMMDeviceEnumerator_UnregisterEndpointNotificationCallback,
            no_args,
            || {
                let addr = sink_addr(sink);
                let mut engine = self.shared.write();
                if in_endpoint_callback() {
                    return Err(refuse(
                        &mut engine,
                        "UnregisterEndpointNotificationCallback",
                    ));
                }
                let i = engine
                    .mm
                    .sinks
                    .iter()
                    .position(|s| sink_addr(&**s) == addr)
                    .ok_or(Error::EndpointSinkNotRegistered)?;
                let removed = engine.mm.sinks.remove(i);
                drop(engine);
                drop(removed);
                Ok(())
            },
        )
    }

    /// **Simulation only**: the Register/Unregister calls refused because they came from
    /// inside an endpoint callback (Y3, X47), in order, by COM method name.
    pub fn endpoint_callback_violations(&self) -> Vec<&'static str> {
        self.shared.read().mm.violations.clone()
    }

    /// **Simulation only**: whether the simulated user is an administrator, who may open
    /// property stores for writing (V24, X44). Default false.
    pub fn elevated(&self) -> bool {
        self.shared.read().mm.elevated
    }

    /// **Simulation only**: sets [`System::elevated`].
    pub fn set_elevated(&self, elevated: bool) {
        self.shared.write().mm.elevated = elevated;
    }

    /// **Simulation only**: devices arrive (B1, X49): every device of `devices` (built with
    /// a [`SystemBuilder`](crate::SystemBuilder) or loaded from a file) is added to this
    /// system with its parts, links, connections, stores and defaults, as when a driver is
    /// installed for a new USB or Bluetooth headset. Each new endpoint sends
    /// `OnDeviceAdded` (X49), then changed defaults send `OnDefaultDeviceChanged` (Y9).
    /// `devices` itself is not changed. Returns the new devices.
    ///
    /// # Errors
    /// [`Error::DuplicateDeviceId`] when an ID is taken; nothing changes then (G5).
    pub fn add_devices(&self, devices: &System) -> Result<Vec<Device>> {
        // A copy first: the source's lock is never held with this system's (and adding a
        // system to itself is a duplicate-ID error, like any other taken ID).
        let other = devices.shared.read().clone();
        let added = self.shared.mutate(|engine| engine.install(&other))?;
        let engine = self.shared.read();
        Ok(added
            .into_iter()
            .map(|ix| Device::new(self.shared.clone(), engine.device_key(ix)))
            .collect())
    }
}

/// Records and returns a Y3 refusal.
fn refuse(engine: &mut crate::engine::Engine, method: &'static str) -> Error {
    engine.mm.violations.push(method);
    Error::CallFromEndpointCallback { method }
}
