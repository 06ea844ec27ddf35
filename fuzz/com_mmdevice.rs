//! The `com_calls` operations on the MMDevice objects: the enumerator, device collections,
//! devices (`Activate`, `OpenPropertyStore`), property stores and `IKsControl`.

use super::*;

impl World {
    pub(super) fn enumerator_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Enumerator)) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        // SAFETY: the pair's pointer is a live IMMDeviceEnumerator.
        let vt = unsafe { pair.vtbl::<IMMDeviceEnumerator_Vtbl>() };
        let (which, flow, null) = (input.byte() % 3, u32::from(input.byte() % 4), input.null());
        let rust = self.rust.clone();
        match which {
            0 => {
                let mask = [1, 0xF, 0, 0x10, 4, 8][usize::from(input.byte()) % 6];
                self.out_call(
                    "EnumAudioEndpoints",
                    null,
                    // SAFETY: a live enumerator; `out` NULL or writable.
                    |out| unsafe { (vt.EnumAudioEndpoints)(pair.raw(), flow as i32, mask, out) },
                    || {
                        rust.enum_audio_endpoints(EDataFlow::from_arg(flow)?, mask)
                            .map(Rs::Collection)
                    },
                )
            }
            1 => {
                let role = u32::from(input.byte() % 4);
                self.out_call(
                    "GetDefaultAudioEndpoint",
                    null,
                    // SAFETY: as above.
                    |out| unsafe {
                        (vt.GetDefaultAudioEndpoint)(pair.raw(), flow as i32, role as i32, out)
                    },
                    || {
                        rust.default_endpoint(EDataFlow::from_arg(flow)?, ERole::from_arg(role)?)
                            .map(Rs::Device)
                    },
                )
            }
            _ => {
                let k = usize::from(input.byte());
                let id = match k % 4 {
                    0 => "{0.0.0.00000000}.{00000000-0000-0000-0000-000000000000}".to_owned(),
                    1 => "not a device id".to_owned(),
                    _ => self.ids[(k / 4) % self.ids.len()].clone(),
                };
                if input.null() {
                    let mut out = std::ptr::null_mut();
                    // SAFETY: a NULL id is what the call refuses (E_POINTER).
                    let hr = unsafe { (vt.GetDevice)(pair.raw(), PCWSTR::null(), &mut out) };
                    return expect("GetDevice(NULL)", hr, E_POINTER);
                }
                let wide: Vec<u16> = id.encode_utf16().chain([0]).collect();
                self.out_call(
                    "GetDevice",
                    null,
                    // SAFETY: `wide` is NUL-terminated and outlives the call.
                    |out| unsafe { (vt.GetDevice)(pair.raw(), PCWSTR(wide.as_ptr()), out) },
                    || rust.device(&id).map(Rs::Device),
                )
            }
        }
    }

    pub(super) fn collection_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Collection(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Collection(c) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IMMDeviceCollection.
        let vt = unsafe { pair.vtbl::<IMMDeviceCollection_Vtbl>() };
        let (index, null) = (u32::from(input.byte() % 6), input.null());
        if input.flag() {
            // SAFETY: as above; `out` NULL or writable.
            Self::value_call(
                "Collection GetCount",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |out| unsafe { (vt.GetCount)(pair.raw(), out) },
                || c.count(),
            )
        } else {
            self.out_call(
                "Collection Item",
                null,
                // SAFETY: as above.
                |out| unsafe { (vt.Item)(pair.raw(), index, out) },
                || c.item(index).map(Rs::Device),
            )
        }
    }

    pub(super) fn device_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Device(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Device(d) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IMMDevice.
        let vt = unsafe { pair.vtbl::<IMMDevice_Vtbl>() };
        let null = input.null();
        match input.byte() % 4 {
            // SAFETY (each arm): a live device; out-pointers NULL or writable.
            0 => Self::string_call(
                "GetId",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |out| unsafe { (vt.GetId)(pair.raw(), out) },
                || d.id(),
            ),
            1 => Self::value_call(
                "GetState",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |out| unsafe { (vt.GetState)(pair.raw(), out) },
                || d.state().map(DeviceState::value),
            ),
            2 => {
                let mode = [0, 1, 2, 3, 0x1000][usize::from(input.byte()) % 5];
                self.out_call(
                    "OpenPropertyStore",
                    null,
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    |out| unsafe { (vt.OpenPropertyStore)(pair.raw(), mode, out) },
                    || d.open_property_store(mode).map(Rs::Store),
                )
            }
            _ => {
                let iids = iids();
                let iid = iids[usize::from(input.byte()) % iids.len()];
                if input.null() {
                    let mut out = std::ptr::null_mut();
                    // SAFETY: a NULL IID is refused (E_POINTER).
                    let hr = unsafe {
                        (vt.Activate)(
                            pair.raw(),
                            std::ptr::null(),
                            CLSCTX_ALL,
                            std::ptr::null(),
                            &mut out,
                        )
                    };
                    return expect("IMMDevice::Activate(NULL iid)", hr, E_POINTER);
                }
                self.out_call(
                    "IMMDevice::Activate",
                    null,
                    // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                    |out| unsafe {
                        (vt.Activate)(pair.raw(), &iid, CLSCTX_ALL, std::ptr::null(), out)
                    },
                    || {
                        d.activate(dg(&iid), CLSCTX_ALL, None).map(|a| match a {
                            devtopo::Activated::DeviceTopology(t) => Rs::Topology(t),
                            devtopo::Activated::KsControl(k) => Rs::Ks(k),
                        })
                    },
                )
            }
        }
    }

    pub(super) fn store_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Store(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Store(s) = &pair.rust else {
            return Ok(());
        };
        // SAFETY: a live IPropertyStore.
        let vt = unsafe { pair.vtbl::<IPropertyStore_Vtbl>() };
        let null = input.null();
        match input.byte() % 4 {
            // SAFETY: a live store; `out` NULL or writable.
            0 => Self::value_call(
                "Store GetCount",
                null,
                // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
                |out| unsafe { (vt.GetCount)(pair.raw(), out) },
                || s.count(),
            ),
            1 => {
                let index = u32::from(input.byte() % 8);
                let mut key = PROPERTYKEY::default();
                let out = if null {
                    std::ptr::null_mut()
                } else {
                    &mut key as *mut PROPERTYKEY
                };
                // SAFETY: as above.
                let hr = unsafe { (vt.GetAt)(pair.raw(), index, out) };
                if null {
                    return expect("Store GetAt(NULL)", hr, E_POINTER);
                }
                let r = s.at(index);
                same("Store GetAt", hr, rhr(&r))?;
                if let Ok(want) = r
                    && (dg(&key.fmtid) != want.fmtid || key.pid != want.pid)
                {
                    return Err(format!("Store GetAt: COM {key:?}, Rust {want:?}"));
                }
                Ok(())
            }
            2 => {
                // GetValue of the index-th key (or an unknown key): compare the HRESULT; the
                // value is cleared as a client must (PropVariantClear).
                let index = u32::from(input.byte() % 8);
                let key = s.at(index).unwrap_or(devtopo::PropertyKey {
                    fmtid: devtopo::Guid::from_u128(0x1234),
                    pid: 7,
                });
                let ckey = PROPERTYKEY {
                    fmtid: g(key.fmtid),
                    pid: key.pid,
                };
                let mut var = PROPVARIANT::default();
                let out = if null {
                    std::ptr::null_mut()
                } else {
                    &mut var as *mut PROPVARIANT
                };
                // SAFETY: as above; `var` is cleared once below.
                let hr = unsafe { (vt.GetValue)(pair.raw(), &ckey, out) };
                if null {
                    return expect("Store GetValue(NULL)", hr, E_POINTER);
                }
                // SAFETY: `var` is what GetValue wrote (or VT_EMPTY).
                let _ = unsafe { PropVariantClear(&mut var) };
                same("Store GetValue", hr, rhr(&s.value(&key)))
            }
            _ => {
                // SAFETY: a live store.
                let hr = unsafe { (vt.Commit)(pair.raw()) };
                same("Store Commit", hr, rhr(&s.commit()))
            }
        }
    }

    pub(super) fn ks_op(&mut self, input: &mut Input<'_>) -> Result<(), String> {
        let Some(i) = self.pick(input.byte(), |r| matches!(r, Rs::Ks(_))) else {
            return Ok(());
        };
        let pair = self.pool[i].clone();
        let Rs::Ks(k) = &pair.rust else { return Ok(()) };
        // SAFETY: a live IKsControl.
        let vt = unsafe { pair.vtbl::<IKsControl_Vtbl>() };
        // A descriptor of 0..40 bytes from the input, and a data buffer of 0..16 bytes or NULL.
        let len = usize::from(input.byte() % 41);
        let descriptor: Vec<u8> = (0..len).map(|_| input.byte()).collect();
        let data_len = usize::from(input.byte() % 17);
        let no_data = input.flag();
        let mut com_data = vec![0u8; data_len];
        let mut rust_data = vec![0u8; data_len];
        let mut returned = 0u32;
        let dptr = if no_data {
            std::ptr::null_mut()
        } else {
            com_data.as_mut_ptr().cast()
        };
        // SAFETY: a live IKsControl; the descriptor and data buffers are valid for their
        // lengths (the descriptor is read as bytes, whatever its alignment needs).
        // SAFETY: a live object of the pair's interface (or the object named); every pointer passed is NULL or valid for the call.
        let hr = unsafe {
            (vt.KsProperty)(
                pair.raw(),
                descriptor.as_ptr().cast(),
                len as u32,
                dptr,
                if no_data { 0 } else { data_len as u32 },
                &mut returned,
            )
        };
        let r = k.ks_property(&descriptor, (!no_data).then_some(rust_data.as_mut_slice()));
        same("KsProperty", hr, rhr(&r))?;
        if com_data != rust_data {
            return Err("KsProperty: different data".into());
        }
        Ok(())
    }
}
