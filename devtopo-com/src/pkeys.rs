//! The `PKEY_*` property keys `include/devtopo_com.h` declares (`functiondiscoverykeys_devpkey.h`
//! and `mmdeviceapi.h` on Windows), as C symbols for C and C++ code off Windows. Their values
//! are devtopo's [`devtopo::pkey`] constants, so a key a C++ client reads is the key devtopo's
//! stores hold; `tests/cpp.rs` checks the header declares exactly these and the values agree.

use crate::generated::PROPERTYKEY;

const fn key(k: devtopo::PropertyKey) -> PROPERTYKEY {
    PROPERTYKEY {
        fmtid: windows_core::GUID {
            data1: k.fmtid.data1,
            data2: k.fmtid.data2,
            data3: k.fmtid.data3,
            data4: k.fmtid.data4,
        },
        pid: k.pid,
    }
}

macro_rules! pkeys {
    ($($name:ident),* $(,)?) => {
        $(
            #[doc = concat!("`", stringify!($name), "`: [`devtopo::pkey::", stringify!($name), "`].")]
            #[unsafe(no_mangle)]
            pub static $name: PROPERTYKEY = key(devtopo::pkey::$name);
        )*
        /// The names exported, in the header's order.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

pkeys!(
    PKEY_Device_FriendlyName,
    PKEY_Device_DeviceDesc,
    PKEY_DeviceInterface_FriendlyName,
    PKEY_Device_InstanceId,
    PKEY_Device_ContainerId,
    PKEY_AudioEndpoint_FormFactor,
    PKEY_AudioEndpoint_ControlPanelPageProvider,
    PKEY_AudioEndpoint_Association,
    PKEY_AudioEndpoint_PhysicalSpeakers,
    PKEY_AudioEndpoint_GUID,
    PKEY_AudioEndpoint_Disable_SysFx,
    PKEY_AudioEndpoint_FullRangeSpeakers,
    PKEY_AudioEndpoint_Supports_EventDriven_Mode,
    PKEY_AudioEndpoint_JackSubType,
    PKEY_AudioEngine_DeviceFormat,
    PKEY_AudioEngine_OEMFormat,
    PKEY_AudioDevice_EnableEndpointByDefault,
);
