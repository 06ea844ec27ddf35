//! The function-specific control objects `IPart::Activate` returns (P12, K2-K17): one object
//! per activation, wrapping a [`devtopo::Control`]. The four per-channel dB interfaces
//! (`IAudioVolumeLevel`, `IAudioBass`, `IAudioMidrange`, `IAudioTreble`) share the vtable of
//! `IPerChannelDbLevel`, from which they derive without adding slots; each also answers
//! `QueryInterface(IID_IPerChannelDbLevel)`.

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::{Control, ControlKind, Guid};
use windows_core::{BOOL, GUID, HRESULT, Interface};

use super::part::com_guid;
use super::{format, jack};
use crate::generated::*;
use crate::object::{
    ComObject, E_FAIL, E_NOINTERFACE, E_POINTER, S_OK, error_hr, into_raw, object, out_value,
    status, unknown,
};

#[repr(C)]
pub(crate) struct ControlObject {
    vtbl: *const c_void,
    refs: AtomicU32,
    control: Control,
}

// SAFETY: the vtable pointer targets one of this module's statics (immutable, 'static); the
// wrapped handle is Send + Sync.
unsafe impl Send for ControlObject {}
// SAFETY: as for Send.
unsafe impl Sync for ControlObject {}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for ControlObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        let kind = self.control.kind();
        let is_level = matches!(
            kind,
            ControlKind::VolumeLevel
                | ControlKind::Bass
                | ControlKind::Midrange
                | ControlKind::Treble
        );
        if *iid == com_guid(kind.iid()) || (is_level && *iid == IPerChannelDbLevel::IID) {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new control object (one reference), returned as the interface `Activate` asked for.
pub(crate) fn control_raw(control: Control) -> *mut c_void {
    let vtbl: *const c_void = match control.kind() {
        ControlKind::VolumeLevel
        | ControlKind::Bass
        | ControlKind::Midrange
        | ControlKind::Treble => std::ptr::from_ref(&LEVEL).cast(),
        ControlKind::Mute => std::ptr::from_ref(&MUTE).cast(),
        ControlKind::Loudness => std::ptr::from_ref(&LOUDNESS).cast(),
        ControlKind::AutoGainControl => std::ptr::from_ref(&AGC).cast(),
        ControlKind::PeakMeter => std::ptr::from_ref(&PEAK).cast(),
        ControlKind::InputSelector => std::ptr::from_ref(&INPUT).cast(),
        ControlKind::OutputSelector => std::ptr::from_ref(&OUTPUT).cast(),
        ControlKind::ChannelConfig => std::ptr::from_ref(&CHANNEL_CONFIG).cast(),
        ControlKind::DeviceSpecificProperty => std::ptr::from_ref(&PROPERTY).cast(),
        ControlKind::FormatSupport => std::ptr::from_ref(&format::VTBL).cast(),
        ControlKind::JackDescription => std::ptr::from_ref(&jack::JACK).cast(),
        ControlKind::JackDescription2 => std::ptr::from_ref(&jack::JACK2).cast(),
    };
    into_raw(ControlObject {
        vtbl,
        refs: AtomicU32::new(1),
        control,
    })
}

type This = *mut c_void;

/// The control behind `this`, converted by `f` (`Control::into_*`); `E_FAIL` cannot happen
/// (each vtable is installed only for its kind).
///
/// # Safety
/// `this` must have come through one of this module's vtables.
pub(crate) unsafe fn handle<T>(
    this: This,
    f: impl FnOnce(Control) -> Option<T>,
) -> Result<T, HRESULT> {
    // SAFETY: by the contract, `this` is the vtable field (offset 0) of a ControlObject.
    let obj = unsafe { object::<ControlObject, 0>(this) };
    f(obj.control.clone()).ok_or(E_FAIL)
}

/// The optional event context a setter receives (NULL = none, N5).
///
/// # Safety
/// `ctx` must be NULL or readable.
unsafe fn context(ctx: *const GUID) -> Option<Guid> {
    // SAFETY: by the contract.
    unsafe { ctx.as_ref() }.map(|g| Guid {
        data1: g.data1,
        data2: g.data2,
        data3: g.data3,
        data4: g.data4,
    })
}

/// Runs `f` on the handle and answers its `HRESULT`.
fn call<T>(handle: Result<T, HRESULT>, f: impl FnOnce(T) -> devtopo::Result<()>) -> HRESULT {
    match handle {
        Ok(h) => status(f(h)),
        Err(code) => code,
    }
}

/// Writes the value `f` reads from the handle.
///
/// # Safety
/// `out` must be NULL or writable.
pub(crate) unsafe fn read<T, V>(
    out: *mut V,
    handle: impl FnOnce() -> Result<T, HRESULT>,
    f: impl FnOnce(T) -> devtopo::Result<V>,
) -> HRESULT {
    if out.is_null() {
        return E_POINTER;
    }
    match handle() {
        // SAFETY: by the contract.
        Ok(h) => unsafe { out_value(out, || f(h)) },
        Err(code) => code,
    }
}

// --- IPerChannelDbLevel and its four interfaces (K2-K4) ---

unsafe extern "system" fn level_channel_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through LEVEL; `out` is NULL or writable (COM contract).
    unsafe {
        read(
            out,
            || handle(this, Control::into_level),
            |l| l.channel_count(),
        )
    }
}

unsafe extern "system" fn level_range(
    this: This,
    channel: u32,
    min: *mut f32,
    max: *mut f32,
    step: *mut f32,
) -> HRESULT {
    if min.is_null() || max.is_null() || step.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through LEVEL; the three out-pointers are non-NULL and writable.
    unsafe {
        match handle(this, Control::into_level).map(|l| l.level_range(channel)) {
            Ok(Ok(range)) => {
                min.write(range.min_db);
                max.write(range.max_db);
                step.write(range.step_db);
                S_OK
            }
            Ok(Err(err)) => error_hr(&err),
            Err(code) => code,
        }
    }
}

unsafe extern "system" fn level_get(this: This, channel: u32, out: *mut f32) -> HRESULT {
    // SAFETY: as in `level_channel_count`.
    unsafe {
        read(
            out,
            || handle(this, Control::into_level),
            |l| l.level(channel),
        )
    }
}

unsafe extern "system" fn level_set(
    this: This,
    channel: u32,
    db: f32,
    ctx: *const GUID,
) -> HRESULT {
    // SAFETY: `this` came through LEVEL; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_level), |l| {
            l.set_level(channel, db, ctx)
        })
    }
}

unsafe extern "system" fn level_set_uniform(this: This, db: f32, ctx: *const GUID) -> HRESULT {
    // SAFETY: as in `level_set`.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_level), |l| {
            l.set_level_uniform(db, ctx)
        })
    }
}

unsafe extern "system" fn level_set_all(
    this: This,
    levels: *const f32,
    count: u32,
    ctx: *const GUID,
) -> HRESULT {
    if levels.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through LEVEL; `levels` is non-NULL and, by the method's contract,
    // points at `count` floats; `ctx` is NULL or readable.
    unsafe {
        let levels = std::slice::from_raw_parts(levels, count as usize);
        let ctx = context(ctx);
        call(handle(this, Control::into_level), |l| {
            l.set_level_all_channels(levels, ctx)
        })
    }
}

static LEVEL: IPerChannelDbLevel_Vtbl = IPerChannelDbLevel_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetChannelCount: level_channel_count,
    GetLevelRange: level_range,
    GetLevel: level_get,
    SetLevel: level_set,
    SetLevelUniform: level_set_uniform,
    SetLevelAllChannels: level_set_all,
};

// --- IAudioMute (K5), IAudioLoudness (K6), IAudioAutoGainControl (K7) ---

unsafe extern "system" fn mute_set(this: This, muted: BOOL, ctx: *const GUID) -> HRESULT {
    // SAFETY: `this` came through MUTE; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_mute), |m| {
            m.set_mute(muted.as_bool(), ctx)
        })
    }
}

unsafe extern "system" fn mute_get(this: This, out: *mut BOOL) -> HRESULT {
    // SAFETY: `this` came through MUTE; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_mute),
            |m| m.mute().map(BOOL::from),
        )
    }
}

static MUTE: IAudioMute_Vtbl = IAudioMute_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    SetMute: mute_set,
    GetMute: mute_get,
};

unsafe extern "system" fn loudness_get(this: This, out: *mut BOOL) -> HRESULT {
    // SAFETY: `this` came through LOUDNESS; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_loudness),
            |c| c.enabled().map(BOOL::from),
        )
    }
}

unsafe extern "system" fn loudness_set(this: This, on: BOOL, ctx: *const GUID) -> HRESULT {
    // SAFETY: `this` came through LOUDNESS; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_loudness), |c| {
            c.set_enabled(on.as_bool(), ctx)
        })
    }
}

static LOUDNESS: IAudioLoudness_Vtbl = IAudioLoudness_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetEnabled: loudness_get,
    SetEnabled: loudness_set,
};

unsafe extern "system" fn agc_get(this: This, out: *mut BOOL) -> HRESULT {
    // SAFETY: `this` came through AGC; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_auto_gain_control),
            |c| c.enabled().map(BOOL::from),
        )
    }
}

unsafe extern "system" fn agc_set(this: This, on: BOOL, ctx: *const GUID) -> HRESULT {
    // SAFETY: `this` came through AGC; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_auto_gain_control), |c| {
            c.set_enabled(on.as_bool(), ctx)
        })
    }
}

static AGC: IAudioAutoGainControl_Vtbl = IAudioAutoGainControl_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetEnabled: agc_get,
    SetEnabled: agc_set,
};

// --- IAudioPeakMeter (K8) ---

unsafe extern "system" fn peak_channel_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through PEAK; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_peak_meter),
            |p| p.channel_count(),
        )
    }
}

unsafe extern "system" fn peak_level(this: This, channel: u32, out: *mut f32) -> HRESULT {
    // SAFETY: as in `peak_channel_count`.
    unsafe {
        read(
            out,
            || handle(this, Control::into_peak_meter),
            |p| p.level(channel),
        )
    }
}

static PEAK: IAudioPeakMeter_Vtbl = IAudioPeakMeter_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetChannelCount: peak_channel_count,
    GetLevel: peak_level,
};

// --- IAudioInputSelector (K9), IAudioOutputSelector (K10) ---

unsafe extern "system" fn input_get(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through INPUT; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_input_selector),
            |s| s.selection().map(|id| id.0),
        )
    }
}

unsafe extern "system" fn input_set(this: This, id: u32, ctx: *const GUID) -> HRESULT {
    // SAFETY: `this` came through INPUT; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_input_selector), |s| {
            s.set_selection(devtopo::LocalId(id), ctx)
        })
    }
}

static INPUT: IAudioInputSelector_Vtbl = IAudioInputSelector_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetSelection: input_get,
    SetSelection: input_set,
};

unsafe extern "system" fn output_get(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through OUTPUT; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_output_selector),
            |s| s.selection().map(|id| id.0),
        )
    }
}

unsafe extern "system" fn output_set(this: This, id: u32, ctx: *const GUID) -> HRESULT {
    // SAFETY: `this` came through OUTPUT; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_output_selector), |s| {
            s.set_selection(devtopo::LocalId(id), ctx)
        })
    }
}

static OUTPUT: IAudioOutputSelector_Vtbl = IAudioOutputSelector_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetSelection: output_get,
    SetSelection: output_set,
};

// --- IAudioChannelConfig (K12) ---

unsafe extern "system" fn channel_config_set(this: This, config: u32, ctx: *const GUID) -> HRESULT {
    // SAFETY: `this` came through CHANNEL_CONFIG; `ctx` is NULL or readable.
    unsafe {
        let ctx = context(ctx);
        call(handle(this, Control::into_channel_config), |c| {
            c.set_channel_config(config, ctx)
        })
    }
}

unsafe extern "system" fn channel_config_get(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through CHANNEL_CONFIG; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_channel_config),
            |c| c.channel_config(),
        )
    }
}

static CHANNEL_CONFIG: IAudioChannelConfig_Vtbl = IAudioChannelConfig_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    SetChannelConfig: channel_config_set,
    GetChannelConfig: channel_config_get,
};

// --- IDeviceSpecificProperty (K13) ---

unsafe extern "system" fn property_type(this: This, out: *mut VARTYPE) -> HRESULT {
    // SAFETY: `this` came through PROPERTY; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_device_specific_property),
            |p| p.var_type().map(|t| VARTYPE(t.value())),
        )
    }
}

unsafe extern "system" fn property_value(
    this: This,
    value: *mut c_void,
    size: *mut u32,
) -> HRESULT {
    if size.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through PROPERTY; `size` is non-NULL and read-write; `value` is
    // NULL or, by the method's contract, writable for `*size` bytes.
    unsafe {
        let property = match handle(this, Control::into_device_specific_property) {
            Ok(p) => p,
            Err(code) => return code,
        };
        let buffer = (!value.is_null())
            .then(|| std::slice::from_raw_parts_mut(value.cast::<u8>(), *size as usize));
        match property.value(buffer) {
            Ok(written) => {
                size.write(written);
                S_OK
            }
            Err(err) => {
                // K13: the size needed comes back with ERROR_INSUFFICIENT_BUFFER.
                if let devtopo::Error::BufferTooSmall { needed, .. } = err {
                    size.write(needed);
                }
                error_hr(&err)
            }
        }
    }
}

unsafe extern "system" fn property_set(
    this: This,
    value: *const c_void,
    size: u32,
    ctx: *const GUID,
) -> HRESULT {
    if value.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through PROPERTY; `value` is non-NULL and readable for `size`
    // bytes (the method's contract); `ctx` is NULL or readable.
    unsafe {
        let bytes = std::slice::from_raw_parts(value.cast::<u8>(), size as usize);
        let ctx = context(ctx);
        call(handle(this, Control::into_device_specific_property), |p| {
            p.set_value(bytes, ctx)
        })
    }
}

unsafe extern "system" fn property_range(
    this: This,
    min: *mut i32,
    max: *mut i32,
    step: *mut i32,
) -> HRESULT {
    if min.is_null() || max.is_null() || step.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through PROPERTY; the out-pointers are non-NULL and writable.
    unsafe {
        match handle(this, Control::into_device_specific_property).map(|p| p.four_byte_range()) {
            Ok(Ok(range)) => {
                min.write(range.min);
                max.write(range.max);
                step.write(range.step);
                S_OK
            }
            Ok(Err(err)) => error_hr(&err),
            Err(code) => code,
        }
    }
}

static PROPERTY: IDeviceSpecificProperty_Vtbl = IDeviceSpecificProperty_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetType: property_type,
    GetValue: property_value,
    SetValue: property_set,
    Get4BRange: property_range,
};
