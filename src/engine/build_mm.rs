//! [`SystemBuilder`] for the MMDevice layer: explicit property values and default endpoints
//! (S13, X38), and what `build` derives (B1, B2, X27).

use super::endpoints::{Conditions, ROLES};
use super::{DeviceKey, Engine, SystemBuilder};
use crate::error::{Error, Result};
use crate::properties::{PropVariant, PropertyKey};
use crate::types::{DeviceKind, ERole};

impl SystemBuilder {
    /// Sets a value of a device's property store (S13): the endpoint builder's derivations
    /// (S12, S14, S35, S36, X57) do not replace it. `VT_EMPTY` removes a value set earlier.
    ///
    /// # Errors
    /// [`Error::UnknownKey`].
    pub fn set_property(
        &mut self,
        device: DeviceKey,
        key: PropertyKey,
        value: PropVariant,
    ) -> Result<()> {
        self.engine.device(device)?;
        self.engine.set_initial_property(device.ix, key, value);
        Ok(())
    }

    /// Makes an endpoint the chosen default for `role` (X38): it is the default while it is
    /// ACTIVE (V6, B10).
    ///
    /// # Errors
    /// [`Error::NotAnActiveEndpoint`] for an adapter; [`Error::UnknownKey`].
    pub fn set_default(&mut self, device: DeviceKey, role: ERole) -> Result<()> {
        let dev = self.engine.device(device)?;
        let flow = match dev.kind {
            DeviceKind::RenderEndpoint => 0,
            DeviceKind::CaptureEndpoint => 1,
            DeviceKind::Adapter => {
                return Err(Error::NotAnActiveEndpoint {
                    device: self.engine.device_id(device.ix),
                    state: dev.state,
                });
            }
        };
        let r = ROLES.iter().position(|x| *x == role).unwrap_or(0);
        self.engine.mm.preferred[flow][r] = Some(device.ix);
        Ok(())
    }
}

impl Engine {
    /// At `build`: each device's initial state becomes its conditions (an endpoint's
    /// ACTIVE/UNPLUGGED is derived from the sensing jacks that face it, if any, X27), the stores get their
    /// derived values (B1), the state rule settles every state (B2, X27) and the defaults
    /// are elected (V6, V7).
    pub(crate) fn init_mmdevice(&mut self) {
        for ix in 0..self.devices.len() as u32 {
            let Some(dev) = self.devices.get(ix as usize).and_then(|s| s.node.as_ref()) else {
                continue;
            };
            let mut conditions = Conditions::from_state(dev.state);
            // An initial UNPLUGGED of an endpoint that sensing jacks face is theirs to say
            // (X27): derived from the jacks, not kept as a condition. So is ACTIVE.
            if dev.kind.is_endpoint() && self.plugged(ix).is_some() {
                conditions.unplugged = false;
            }
            self.put_conditions(ix, conditions);
            self.derive_store(ix);
        }
        self.settle_all();
    }
}
