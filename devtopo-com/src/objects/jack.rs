//! `IKsJackDescription` (K16) and `IKsJackDescription2` (K17) on connector parts.

use std::ffi::c_void;

use devtopo::Control;
use windows_core::{BOOL, HRESULT};

use super::control::{ControlObject, handle, read};
use crate::generated::{
    IKsJackDescription_Vtbl, IKsJackDescription2_Vtbl, KSJACK_DESCRIPTION, KSJACK_DESCRIPTION2,
};
use crate::object::unknown;

type This = *mut c_void;

unsafe extern "system" fn jack_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through JACK; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_jack_description),
            |j| j.jack_count(),
        )
    }
}

unsafe extern "system" fn jack_description(
    this: This,
    jack: u32,
    out: *mut KSJACK_DESCRIPTION,
) -> HRESULT {
    // SAFETY: as in `jack_count`.
    unsafe {
        read(
            out,
            || handle(this, Control::into_jack_description),
            |j| {
                j.jack_description(jack).map(|d| KSJACK_DESCRIPTION {
                    ChannelMapping: d.channel_mapping,
                    Color: d.color,
                    ConnectionType: d.connection_type.value() as _,
                    GeoLocation: d.geo_location.value() as _,
                    GenLocation: d.gen_location.value() as _,
                    PortConnection: d.port_connection.value() as _,
                    IsConnected: BOOL::from(d.is_connected),
                })
            },
        )
    }
}

pub(crate) static JACK: IKsJackDescription_Vtbl = IKsJackDescription_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetJackCount: jack_count,
    GetJackDescription: jack_description,
};

unsafe extern "system" fn jack2_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through JACK2; `out` is NULL or writable.
    unsafe {
        read(
            out,
            || handle(this, Control::into_jack_description2),
            |j| j.jack_count(),
        )
    }
}

unsafe extern "system" fn jack2_description(
    this: This,
    jack: u32,
    out: *mut KSJACK_DESCRIPTION2,
) -> HRESULT {
    // SAFETY: as in `jack2_count`.
    unsafe {
        read(
            out,
            || handle(this, Control::into_jack_description2),
            |j| {
                j.jack_description2(jack).map(|d| KSJACK_DESCRIPTION2 {
                    DeviceStateInfo: d.device_state_info,
                    JackCapabilities: d.jack_capabilities,
                })
            },
        )
    }
}

pub(crate) static JACK2: IKsJackDescription2_Vtbl = IKsJackDescription2_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    GetJackCount: jack2_count,
    GetJackDescription2: jack2_description,
};
