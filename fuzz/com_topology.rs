//! The `com_calls` operations on topologies, connectors and parts lists, and the lifetime
//! operations (AddRef, Release in any order, devices removed or changed under live objects).

use super::*;

impl World {
    pub(super) fn topology_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Topology(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Topology(t) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IDeviceTopology.
        let vt = unsafe { pair.vtbl::<IDeviceTopology_Vtbl>() };
        let (null, index) = (input.null(), u32::from(input.byte() % 6));
        match input.byte() % 6 {
            // SAFETY (each arm): a live topology; out-pointers NULL or writable.
            0 => Self::value_call(
                "GetConnectorCount",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetConnectorCount)(pair.raw(), o) },
                || t.connector_count(),
            ),
            1 => Self::value_call(
                "GetSubunitCount",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetSubunitCount)(pair.raw(), o) },
                || t.subunit_count(),
            ),
            2 => self.out_call(
                "GetConnector",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetConnector)(pair.raw(), index, o) },
                || t.connector(index).map(Rs::Connector),
            ),
            3 => self.out_call(
                "GetSubunit",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetSubunit)(pair.raw(), index, o) },
                || t.subunit(index).map(|s| Rs::Subunit(s.as_part().clone())),
            ),
            4 => {
                let id = [
                    0x10000, 0x10001, 0x20000, 0x20001, 0x20002, 0x10002, 0x30000, 0,
                ][usize::from(input.byte()) % 8]
                    + u32::from(input.byte() % 2);
                self.out_call(
                    "GetPartById",
                    null,
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    |o| unsafe { (vt.GetPartById)(pair.raw(), id, o) },
                    || t.part_by_id(LocalId(id)).map(Rs::Part),
                )
            }
            _ => Self::string_call(
                "Topology GetDeviceId",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetDeviceId)(pair.raw(), o) },
                || t.device_id(),
            ),
        }
    }

    /// A part argument: one of the pool's parts (both sides), the foreign system's, NULL, or
    /// an object that is not devtopo's. Returns the COM pointer (borrowed) and the Rust part,
    /// `None` on the Rust side for what Rust cannot express.
    pub(super) fn part_arg(&self, k: u8) -> (*mut c_void, Option<Part>) {
        match k % 8 {
            0 => (std::ptr::null_mut(), None),
            1 => (
                self.foreign_part.1.as_raw(),
                Some(self.foreign_part.0.clone()),
            ),
            2 => (self.com_sinks[0].0.as_raw(), None),
            _ => match self.pick(k / 8, |r| matches!(r, Rs::Part(_))) {
                Some(i) => {
                    let Rs::Part(p) = &self.pool[i].rust else {
                        unreachable!()
                    };
                    (self.pool[i].raw(), Some(p.clone()))
                }
                None => (std::ptr::null_mut(), None),
            },
        }
    }

    pub(super) fn signal_path_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Topology(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Topology(t) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IDeviceTopology.
        let vt = unsafe { pair.vtbl::<IDeviceTopology_Vtbl>() };
        let ((from, a), (to, b)) = (self.part_arg(input.byte()), self.part_arg(input.byte()));
        let reject = input.flag();
        let mixed = if reject {
            MixedPaths::Reject
        } else {
            MixedPaths::Allow
        };
        let mut out = std::ptr::null_mut();
        // SAFETY: a live topology; `from` and `to` are NULL or live COM objects.
        let hr = unsafe { (vt.GetSignalPath)(pair.raw(), from, to, BOOL::from(reject), &mut out) };
        // T7: the parts are checked in argument order: NULL is E_POINTER, an object that is
        // not devtopo's E_NOINTERFACE (found by fuzzing: a NULL `to` after a foreign `from`).
        for (ptr, rust) in [(from, &a), (to, &b)] {
            if ptr.is_null() {
                return expect("GetSignalPath(NULL)", hr, E_POINTER);
            }
            if rust.is_none() {
                return expect("GetSignalPath(not devtopo's)", hr, E_NOINTERFACE);
            }
        }
        let (Some(a), Some(b)) = (a, b) else {
            return Err("unreachable: both parts are devtopo's".into());
        };
        let r = t.signal_path(&a, &b, mixed);
        same("GetSignalPath", hr, rhr(&r))?;
        if let Ok(list) = r {
            self.push(out, Rs::List(list));
        } else if !out.is_null() {
            return Err("GetSignalPath failed without NULLing (G1)".into());
        }
        Ok(())
    }

    pub(super) fn connector_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Connector(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Connector(c) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IConnector.
        let vt = unsafe { pair.vtbl::<IConnector_Vtbl>() };
        let raw = pair.raw();
        let null = input.null();
        match input.byte() % 8 {
            // SAFETY (each arm): a live connector; out-pointers NULL or writable.
            0 => Self::value_call(
                "GetType",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetType)(raw, o) },
                || c.connector_type().map(|t| t.value() as i32),
            ),
            1 => Self::value_call(
                "GetDataFlow",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetDataFlow)(raw, o) },
                || c.data_flow().map(|f| f.value() as i32),
            ),
            2 => Self::value_call(
                "IsConnected",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.IsConnected)(raw, o) },
                || c.is_connected().map(BOOL::from),
            ),
            3 => self.out_call(
                "GetConnectedTo",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetConnectedTo)(raw, o) },
                || c.connected_to().map(Rs::Connector),
            ),
            4 => Self::string_call(
                "GetConnectorIdConnectedTo",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetConnectorIdConnectedTo)(raw, o) },
                || c.connector_id_connected_to(),
            ),
            5 => Self::string_call(
                "GetDeviceIdConnectedTo",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetDeviceIdConnectedTo)(raw, o) },
                || c.device_id_connected_to(),
            ),
            6 => {
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                let hr = unsafe { (vt.Disconnect)(raw) };
                same("Disconnect", hr, rhr(&c.disconnect()))
            }
            _ => {
                // ConnectTo another connector of the pool, the foreign system's, NULL, or an
                // object that is not devtopo's.
                let k = input.byte();
                let (other, rust): (*mut c_void, Option<Connector>) = match k % 6 {
                    0 => (std::ptr::null_mut(), None),
                    1 => {
                        let Ok(conn) = self.foreign_part.1.cast::<IConnector>() else {
                            return Err("the foreign part has no IConnector".into());
                        };
                        // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                        let hr = unsafe { (vt.ConnectTo)(raw, conn.as_raw()) };
                        let want = self
                            .foreign_part
                            .0
                            .as_connector()
                            .and_then(|f| c.connect_to(&f));
                        return same("ConnectTo(foreign)", hr, rhr(&want));
                    }
                    2 => (self.com_sinks[1].0.as_raw(), None),
                    _ => match self.pick(k / 6, |r| matches!(r, Rs::Connector(_))) {
                        Some(j) => {
                            let Rs::Connector(o) = &self.pool[j].rust else {
                                unreachable!()
                            };
                            (self.pool[j].raw(), Some(o.clone()))
                        }
                        None => (std::ptr::null_mut(), None),
                    },
                };
                // SAFETY: `other` is NULL or a live COM object.
                let hr = unsafe { (vt.ConnectTo)(raw, other) };
                match rust {
                    _ if other.is_null() => expect("ConnectTo(NULL)", hr, E_POINTER),
                    None => expect("ConnectTo(not devtopo's)", hr, E_NOINTERFACE),
                    Some(o) => same("ConnectTo", hr, rhr(&c.connect_to(&o))),
                }
            }
        }
    }

    pub(super) fn list_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::List(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::List(l) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IPartsList.
        let vt = unsafe { pair.vtbl::<IPartsList_Vtbl>() };
        let (null, index) = (input.null(), u32::from(input.byte() % 8));
        if input.flag() {
            // SAFETY: as above; `o` NULL or writable.
            Self::value_call(
                "PartsList GetCount",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetCount)(pair.raw(), o) },
                || l.count(),
            )
        } else {
            self.out_call(
                "PartsList GetPart",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetPart)(pair.raw(), index, o) },
                || l.part(index).map(Rs::Part),
            )
        }
    }

    /// AddRef (a second pair for one object), Release (in any order), or a hardware change
    /// made on both systems (a device removed, a state set): later calls meet removed
    /// devices (AUDCLNT_E_DEVICE_INVALIDATED, X26) and objects that outlive their parents.
    pub(super) fn lifetime_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let k = usize::from(input.byte());
        match input.byte() % 4 {
            0 if !self.pool.is_empty() => {
                let pair = self.pool[k % self.pool.len()].clone();
                if self.pool.len() < MAX_POOL {
                    self.pool.push(pair);
                }
            }
            1 if !self.pool.is_empty() => {
                self.pool.remove(k % self.pool.len());
            }
            2 => {
                let id = self.ids[k % self.ids.len()].clone();
                let (a, b) = (self.rust.remove_device(&id), self.com.remove_device(&id));
                same("remove_device", rhr(&b), rhr(&a))?;
            }
            _ => {
                let id = self.ids[k % self.ids.len()].clone();
                let state = DeviceState::ALL[usize::from(input.byte()) % DeviceState::ALL.len()];
                let set = |s: &System| s.device(&id).and_then(|d| d.set_state(state));
                same("set_state", rhr(&set(&self.com)), rhr(&set(&self.rust)))?;
            }
        }
        Ok(())
    }
}
