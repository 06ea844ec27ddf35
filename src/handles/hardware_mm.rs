//! [`Hardware`] for the MMDevice layer: default choices, driver-side property writes, the
//! endpoint's own plug, IKsControl scripts (B4-B6, V6, S12, Q11).

use std::sync::Arc;

use super::{Device, Hardware};
use crate::engine::Conditions;
use crate::engine::endpoints::ROLES;
use crate::engine::ks::HandlerEntry;
use crate::error::{Error, Result};
use crate::guid::Guid;
use crate::properties::{KsHandler, KsRequest, KsRequestKind, PropVariant, PropertyKey};
use crate::types::{DeviceKind, DeviceState, ERole};

impl Hardware {
    /// Changes a device's conditions and applies the state rule (module docs of
    /// `engine::endpoints`, X68).
    fn condition(&self, device: &Device, f: impl FnOnce(&mut Conditions)) -> Result<()> {
        self.check_device(device)?;
        self.shared().mutate(|engine| {
            engine.device(device.key)?;
            let mut c = engine.conditions(device.key.ix);
            f(&mut c);
            engine.set_conditions(device.key.ix, c);
            Ok(())
        })
    }

    /// The user disables the device (Mmsys.cpl for an endpoint, Device Manager for an
    /// adapter, B4): the endpoint becomes DISABLED (unless NOTPRESENT wins, X68); an adapter
    /// becomes DISABLED and its endpoints NOTPRESENT (B4). Sends `OnDeviceStateChanged` per
    /// endpoint whose state changed, then `OnDefaultDeviceChanged` where a default moved
    /// (B10, X50).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn disable(&self, device: &Device) -> Result<()> {
        self.condition(device, |c| c.disabled = true)
    }

    /// The hardware is taken out (USB unplug, adapter removal, B5): the device is NOTPRESENT,
    /// and so is every endpoint connected to an adapter that is (B4). Records stay (B6):
    /// IDs, stores and connections survive; [`Hardware::reinsert`] brings it back. Use
    /// [`System::remove_device`](crate::System::remove_device) to delete the records (X63).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn remove(&self, device: &Device) -> Result<()> {
        self.condition(device, |c| c.not_present = true)
    }

    /// The hardware is back (USB replug, B5): clears what [`Hardware::remove`] set; a
    /// Mmsys-disabled endpoint stays DISABLED (B4).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn reinsert(&self, device: &Device) -> Result<()> {
        self.condition(device, |c| c.not_present = false)
    }

    /// The device is enabled again and brought back: clears what [`Hardware::disable`],
    /// [`Hardware::remove`] and [`Hardware::unplug`] set. The state rule then gives ACTIVE,
    /// or UNPLUGGED for an endpoint whose sensing jacks are all empty (X27), or NOTPRESENT
    /// while its adapter is still gone (B4).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn enable(&self, device: &Device) -> Result<()> {
        self.condition(device, |c| *c = Conditions::default())
    }

    /// An endpoint's plug that devtopo does not model as a jack is pulled (a Bluetooth
    /// headset disconnects, B5): UNPLUGGED while no sensing jack faces the endpoint (X27).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn unplug(&self, device: &Device) -> Result<()> {
        self.condition(device, |c| c.unplugged = true)
    }

    /// The opposite of [`Hardware::unplug`] (the Bluetooth headset connects again).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn plug(&self, device: &Device) -> Result<()> {
        self.condition(device, |c| c.unplugged = false)
    }

    /// The user makes an endpoint the default for `role` (Mmsys.cpl "Set as default" or
    /// "Set as default communication device", V6, X38). The choice sticks: while the endpoint
    /// is not ACTIVE the role moves to another endpoint (B10) and comes back when it is
    /// ACTIVE again. Sends `OnDefaultDeviceChanged` when the default changed (Y9).
    ///
    /// # Errors
    /// [`Error::NotAnActiveEndpoint`] (`E_INVALIDARG`) for an adapter or an endpoint that is
    /// not ACTIVE; [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn set_default_endpoint(&self, device: &Device, role: ERole) -> Result<()> {
        self.check_device(device)?;
        self.shared().mutate(|engine| {
            let dev = engine.device(device.key)?;
            let flow = match dev.kind {
                DeviceKind::RenderEndpoint => 0,
                DeviceKind::CaptureEndpoint => 1,
                DeviceKind::Adapter => 2,
            };
            if flow == 2 || dev.state != DeviceState::Active {
                return Err(Error::NotAnActiveEndpoint {
                    device: engine.device_id(device.key.ix),
                    state: dev.state,
                });
            }
            let r = ROLES.iter().position(|x| *x == role).unwrap_or(0);
            engine.mm.preferred[flow][r] = Some(device.key.ix);
            engine.elect_defaults();
            Ok(())
        })
    }

    /// The driver or the user writes a property (a rename in Mmsys.cpl changes
    /// `PKEY_Device_DeviceDesc`, S12; a driver update sets `PKEY_AudioEndpoint_*`, S8): no
    /// access check, read-only keys included. Sends `OnPropertyValueChanged` for an
    /// effective change of an endpoint's value (Y11); a derived FriendlyName follows (S12).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn set_property(
        &self,
        device: &Device,
        key: PropertyKey,
        value: PropVariant,
    ) -> Result<()> {
        self.check_device(device)?;
        self.shared().mutate(|engine| {
            engine.device(device.key)?;
            engine.set_store_value(device.key.ix, key, value, true)
        })
    }

    /// Installs the handler that answers `IKsControl` requests of `kind` for (`set`, `id`)
    /// with flags `verb` (the flags without `KSPROPERTY_TYPE_TOPOLOGY`, e.g.
    /// `KSPROPERTY_TYPE_GET`) on an adapter (Q11), replacing an earlier one.
    ///
    /// # Errors
    /// [`Error::NotAnAdapter`] (`E_INVALIDARG`) on an endpoint; [`Error::ForeignObject`];
    /// [`Error::DeviceRemoved`].
    pub fn set_ks_handler(
        &self,
        adapter: &Device,
        kind: KsRequestKind,
        set: Guid,
        id: u32,
        verb: u32,
        handler: Arc<dyn KsHandler>,
    ) -> Result<()> {
        self.check_device(adapter)?;
        let mut engine = self.shared().write();
        if engine.device(adapter.key)?.kind != DeviceKind::Adapter {
            return Err(Error::NotAnAdapter {
                device: engine.device_id(adapter.key.ix),
            });
        }
        let replaced = engine.set_ks_handler(
            adapter.key.ix,
            HandlerEntry {
                kind,
                set,
                id,
                verb,
                handler,
            },
        );
        // The replaced handler is user code: its Drop runs after the lock (X20).
        drop(engine);
        drop(replaced);
        Ok(())
    }

    /// Every `IKsControl` request the adapter received, in order, with what devtopo
    /// answered (Q11).
    ///
    /// # Errors
    /// [`Error::ForeignObject`]; [`Error::DeviceRemoved`].
    pub fn ks_requests(&self, adapter: &Device) -> Result<Vec<KsRequest>> {
        self.check_device(adapter)?;
        let engine = self.shared().read();
        engine.device(adapter.key)?;
        Ok(engine
            .mm
            .ks
            .get(&adapter.key.ix)
            .map(|t| t.log.clone())
            .unwrap_or_default())
    }
}
