//! The `com_calls` operations on parts (`IPart`), `QueryInterface` of every object, controls
//! and control-change callbacks.

use super::*;

impl World {
    pub(super) fn part_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Part(_) | Rs::Subunit(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let (Rs::Part(p) | Rs::Subunit(p)) = &pair.rust else {
            return Ok(());
        };
        // An ISubunit's or IConnector's pair is kept as a part: get its IPart first.
        let Ok(ipart) = pair.com.cast::<IPart>() else {
            return Err("a part's object has no IPart".into());
        };
        let vt = Interface::vtable(&ipart);
        let raw = ipart.as_raw();
        let null = input.null();
        match input.byte() % 12 {
            // SAFETY (each arm): a live IPart; out-pointers NULL or writable.
            0 => Self::string_call(
                "GetName",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetName)(raw, o) },
                || p.name(),
            ),
            1 => Self::value_call(
                "GetLocalId",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetLocalId)(raw, o) },
                || p.local_id().map(|l| l.0),
            ),
            2 => Self::string_call(
                "GetGlobalId",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetGlobalId)(raw, o) },
                || p.global_id(),
            ),
            3 => Self::value_call(
                "GetPartType",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetPartType)(raw, o) },
                || p.part_type().map(|t| t.value() as i32),
            ),
            4 => Self::value_call(
                "GetSubType",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetSubType)(raw, o) },
                || p.subtype().map(g),
            ),
            5 => Self::value_call(
                "GetControlInterfaceCount",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetControlInterfaceCount)(raw, o) },
                || p.control_interface_count(),
            ),
            6 => {
                let index = u32::from(input.byte() % 4);
                let mut out: *mut c_void = std::ptr::null_mut();
                let o = if null {
                    std::ptr::null_mut()
                } else {
                    &mut out as *mut *mut c_void
                };
                // SAFETY: as above.
                let hr = unsafe { (vt.GetControlInterface)(raw, index, o) };
                if null {
                    return expect("GetControlInterface(NULL)", hr, E_POINTER);
                }
                if !out.is_null() {
                    // SAFETY: an IControlInterface with one reference.
                    drop(unsafe { IUnknown::from_raw(out) });
                }
                same("GetControlInterface", hr, rhr(&p.control_interface(index)))
            }
            7 => self.out_call(
                "EnumPartsIncoming",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.EnumPartsIncoming)(raw, o) },
                || p.parts_incoming().map(Rs::List),
            ),
            8 => self.out_call(
                "EnumPartsOutgoing",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.EnumPartsOutgoing)(raw, o) },
                || p.parts_outgoing().map(Rs::List),
            ),
            9 => self.out_call(
                "GetTopologyObject",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |o| unsafe { (vt.GetTopologyObject)(raw, o) },
                || p.topology().map(Rs::Topology),
            ),
            _ => {
                let iids = iids();
                let iid = iids[usize::from(input.byte()) % iids.len()];
                let clsctx = if input.flag() {
                    CLSCTX_ALL
                } else {
                    input.u32()
                };
                if input.null() {
                    let mut out = std::ptr::null_mut();
                    // SAFETY: a NULL IID is refused (E_POINTER).
                    let hr = unsafe { (vt.Activate)(raw, clsctx, std::ptr::null(), &mut out) };
                    return expect("IPart::Activate(NULL iid)", hr, E_POINTER);
                }
                self.out_call(
                    "IPart::Activate",
                    null,
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    |o| unsafe { (vt.Activate)(raw, clsctx, &iid, o) },
                    || p.activate(clsctx, dg(&iid)).map(Rs::Control),
                )
            }
        }
    }

    /// QueryInterface for a random IID: answered exactly for the interfaces the handle has
    /// (connector/subunit by part type, IMMEndpoint by endpoint), E_NOINTERFACE otherwise;
    /// IUnknown gives one identity (G6).
    pub(super) fn query_interface_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        if self.pool.is_empty() {
            return Ok(());
        }
        let pair = self.pool[usize::from(input.byte()) % self.pool.len()].clone();
        let iids = iids();
        let iid = iids[usize::from(input.byte()) % iids.len()];
        let unknown = Interface::vtable(&pair.com);
        if input.null() {
            // SAFETY: a live object; a NULL out-pointer is refused.
            let hr = unsafe { (unknown.QueryInterface)(pair.raw(), &iid, std::ptr::null_mut()) };
            return expect("QueryInterface(NULL)", hr, E_POINTER);
        }
        let mut out = std::ptr::null_mut();
        // SAFETY: a live object; `out` writable.
        let hr = unsafe { (unknown.QueryInterface)(pair.raw(), &iid, &mut out) };
        // Ok(handle): served, the handle `Some` when the new pointer is the pair's kind of
        // interface (it joins the pool). Err(code): refused with `code`. An object's interface
        // set is fixed by its kind, also once its device was removed (X73, COM's QI rules):
        // no answer here depends on the system's state or on the object's history.
        let same_kind = |served: bool| {
            if served {
                Ok(Some(pair.rust.clone()))
            } else {
                Err(E_NOINTERFACE)
            }
        };
        let want: Result<Option<Rs>, HRESULT> = match &pair.rust {
            _ if iid == IUnknown::IID => Ok(None),
            Rs::Enumerator => same_kind(iid == IMMDeviceEnumerator::IID),
            Rs::Collection(_) => same_kind(iid == IMMDeviceCollection::IID),
            Rs::Device(d) => {
                if iid == IMMEndpoint::IID {
                    // X45, X73: adapters have no IMMEndpoint; an endpoint keeps it once removed.
                    match d.key().kind() {
                        devtopo::DeviceKind::Adapter => Err(E_NOINTERFACE),
                        devtopo::DeviceKind::RenderEndpoint
                        | devtopo::DeviceKind::CaptureEndpoint => Ok(None),
                    }
                } else {
                    same_kind(iid == IMMDevice::IID)
                }
            }
            Rs::Topology(_) => same_kind(iid == IDeviceTopology::IID),
            Rs::Part(p) | Rs::Subunit(p) => {
                // X73: by the part's type alone; a removed part answers as it did before.
                if iid == IPart::IID {
                    Ok(Some(Rs::Part(p.clone())))
                } else if iid == IConnector::IID {
                    match p.key().part_type() {
                        devtopo::PartType::Connector => {
                            Ok(Some(Rs::Connector(p.as_connector().map_err(|e| {
                                format!("X73: a connector part's as_connector failed: {e}")
                            })?)))
                        }
                        devtopo::PartType::Subunit => Err(E_NOINTERFACE),
                    }
                } else if iid == ISubunit::IID {
                    match p.key().part_type() {
                        devtopo::PartType::Subunit => Ok(Some(Rs::Subunit(p.clone()))),
                        devtopo::PartType::Connector => Err(E_NOINTERFACE),
                    }
                } else {
                    Err(E_NOINTERFACE)
                }
            }
            Rs::Connector(c) => {
                if iid == IConnector::IID {
                    Ok(Some(Rs::Connector(c.clone())))
                } else if iid == IPart::IID {
                    Ok(Some(Rs::Part(c.as_part().clone())))
                } else {
                    // ISubunit included: a connector never is one (G6), removed or not (X73).
                    Err(E_NOINTERFACE)
                }
            }
            Rs::List(_) => same_kind(iid == IPartsList::IID),
            Rs::Control(c) => {
                let kind = c.kind();
                if g(kind.iid()) == iid {
                    Ok(Some(pair.rust.clone()))
                } else if kind.is_level() && iid == IPerChannelDbLevel::IID {
                    Ok(None)
                } else {
                    Err(E_NOINTERFACE)
                }
            }
            Rs::Store(_) => same_kind(iid == IPropertyStore::IID),
            Rs::Ks(_) => same_kind(iid == IKsControl::IID),
        };
        match want {
            Ok(handle) => {
                expect("QueryInterface", hr, S_OK)?;
                if out.is_null() {
                    return Err("QueryInterface: S_OK with NULL".into());
                }
                // SAFETY: `out` is an interface pointer with one reference.
                let got = unsafe { IUnknown::from_raw(out) };
                // G6: the identity of both pointers is one.
                let a: IUnknown = got.cast().map_err(|e| e.to_string())?;
                let b: IUnknown = pair.com.cast().map_err(|e| e.to_string())?;
                if a.as_raw() != b.as_raw() {
                    return Err("G6: two identities for one object".into());
                }
                if let Some(rust) = handle
                    && self.pool.len() < MAX_POOL
                {
                    self.pool.push(Pair { com: got, rust });
                }
                Ok(())
            }
            Err(code) => {
                expect("QueryInterface (refused)", hr, code)?;
                if !out.is_null() {
                    return Err("QueryInterface failed without NULLing (G1)".into());
                }
                Ok(())
            }
        }
    }

    pub(super) fn control_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Control(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Control(c) = &pair.rust else {
            return Ok(());
        };
        let raw = pair.raw();
        let null = input.null();
        let context = GUID::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_0012);
        if let Some(level) = c.clone().into_level() {
            // SAFETY: a level control's pointer is an IPerChannelDbLevel.
            let vt = unsafe { pair.vtbl::<IPerChannelDbLevel_Vtbl>() };
            let channel = u32::from(input.byte() % 3);
            let db = [
                0.0f32,
                -6.0,
                -96.0,
                12.0,
                -200.0,
                f32::NAN,
                f32::NEG_INFINITY,
                -0.25,
            ][usize::from(input.byte()) % 8];
            return match input.byte() % 4 {
                // SAFETY (each arm): a live level control; out-pointers NULL or writable.
                0 => Self::value_call(
                    "GetChannelCount",
                    null,
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    |o| unsafe { (vt.GetChannelCount)(raw, o) },
                    || level.channel_count(),
                ),
                1 => {
                    if null {
                        // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                        let hr = unsafe { (vt.GetLevel)(raw, channel, std::ptr::null_mut()) };
                        return expect("GetLevel(NULL)", hr, E_POINTER);
                    }
                    let mut got = f32::NAN;
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    let hr = unsafe { (vt.GetLevel)(raw, channel, &mut got) };
                    let r = level.level(channel);
                    same("GetLevel", hr, rhr(&r))?;
                    match r {
                        Ok(want) if want.to_bits() != got.to_bits() => {
                            Err(format!("GetLevel: COM {got}, Rust {want}"))
                        }
                        _ => Ok(()),
                    }
                }
                2 => {
                    let ctx = if null {
                        std::ptr::null()
                    } else {
                        &context as *const GUID
                    };
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    let hr = unsafe { (vt.SetLevel)(raw, channel, db, ctx) };
                    same(
                        "SetLevel",
                        hr,
                        rhr(&level.set_level(channel, db, (!null).then(|| dg(&context)))),
                    )
                }
                _ => {
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    let hr = unsafe { (vt.SetLevelUniform)(raw, db, std::ptr::null()) };
                    same(
                        "SetLevelUniform",
                        hr,
                        rhr(&level.set_level_uniform(db, None)),
                    )
                }
            };
        }
        if let Some(mute) = c.clone().into_mute() {
            // SAFETY: a mute control's pointer is an IAudioMute.
            let vt = unsafe { pair.vtbl::<IAudioMute_Vtbl>() };
            return if input.flag() {
                let v = input.flag();
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                let hr = unsafe { (vt.SetMute)(raw, BOOL::from(v), std::ptr::null()) };
                same("SetMute", hr, rhr(&mute.set_mute(v, None)))
            } else {
                // SAFETY: as above.
                Self::value_call(
                    "GetMute",
                    null,
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    |o| unsafe { (vt.GetMute)(raw, o) },
                    || mute.mute().map(BOOL::from),
                )
            };
        }
        Ok(())
    }

    pub(super) fn callback_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Part(_) | Rs::Subunit(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let (Rs::Part(p) | Rs::Subunit(p)) = &pair.rust else {
            return Ok(());
        };
        let Ok(ipart) = pair.com.cast::<IPart>() else {
            return Err("a part's object has no IPart".into());
        };
        let vt = Interface::vtable(&ipart);
        let s = usize::from(input.byte() % 2);
        let null = input.null();
        let sink = if null {
            std::ptr::null_mut()
        } else {
            self.com_sinks[s].0.as_raw()
        };
        if input.flag() {
            let kinds = ControlKind::ALL;
            let kind = kinds[usize::from(input.byte()) % kinds.len()];
            let iid = g(kind.iid());
            // SAFETY: a live part; `sink` NULL or a live IControlChangeNotify.
            let hr = unsafe { (vt.RegisterControlChangeCallback)(ipart.as_raw(), &iid, sink) };
            if null {
                return expect("RegisterControlChangeCallback(NULL)", hr, E_POINTER);
            }
            let sink: Arc<dyn ControlChangeNotify> = self.rust_sinks[s].clone();
            same(
                "RegisterControlChangeCallback",
                hr,
                rhr(&p.register_control_change_callback(dg(&iid), sink)),
            )
        } else {
            // SAFETY: as above.
            let hr = unsafe { (vt.UnregisterControlChangeCallback)(ipart.as_raw(), sink) };
            if null {
                // N3: a NULL sink is E_INVALIDARG, not E_POINTER.
                return expect("UnregisterControlChangeCallback(NULL)", hr, E_INVALIDARG);
            }
            same(
                "UnregisterControlChangeCallback",
                hr,
                rhr(&p.unregister_control_change_callback(&*self.rust_sinks[s])),
            )
        }
    }
}
