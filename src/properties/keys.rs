//! Named constants: the property keys of the S table (S18-S33 and the others devtopo's
//! stores use), the MMDevice IIDs (R6) and the KS constants of `IKsControl` (E25, E26).

/// Property keys (S18-S33, B3, S16), with their `PROPERTYKEY` fmtid and pid (from the Windows headers).
#[allow(non_upper_case_globals)]
pub mod pkey {
    use crate::guid::Guid;
    use crate::properties::PropertyKey;

    const DD: u128 = 0xA45C254E_DF1C_4EFD_8020_67D146A850E0;
    const AE: u128 = 0x1DA5D803_D492_4EDD_8C23_E0C0FFEE7F0E;

    macro_rules! named_keys {
        ($( $(#[$doc:meta])* $name:ident = ($fmtid:expr, $pid:expr); )*) => {
            $( $(#[$doc])* pub const $name: PropertyKey = PropertyKey::new(Guid::from_u128($fmtid), $pid); )*
            /// Every key of this module with its name.
            pub const NAMED: &[(PropertyKey, &str)] = &[ $( ($name, stringify!($name)), )* ];
        };
    }

    named_keys! {
        /// S18 `PKEY_Device_FriendlyName` (VT_LPWSTR): "Speakers (XYZ Audio Adapter)" (S12).
        PKEY_Device_FriendlyName = (DD, 14);
        /// S19 `PKEY_Device_DeviceDesc` (VT_LPWSTR): "Speakers" (S14).
        PKEY_Device_DeviceDesc = (DD, 2);
        /// S20 `PKEY_DeviceInterface_FriendlyName` (VT_LPWSTR): the adapter's name.
        PKEY_DeviceInterface_FriendlyName = (0x026E516E_B814_414B_83CD_856D6FEF4822, 2);
        /// S21 `PKEY_Device_InstanceId` (VT_LPWSTR): the PnP instance ID (adapters, X57).
        PKEY_Device_InstanceId = (0x78C34FC8_104A_4ACA_9EA4_524D52996E57, 256);
        /// S22 `PKEY_Device_ContainerId` (VT_CLSID): one GUID per physical box.
        PKEY_Device_ContainerId = (0x8C7ED206_3F8A_4827_B3AB_AE9E1FAEFC6C, 2);
        /// S23 `PKEY_AudioEndpoint_FormFactor` (VT_UI4, E20, S35).
        PKEY_AudioEndpoint_FormFactor = (AE, 0);
        /// S24 `PKEY_AudioEndpoint_ControlPanelPageProvider` (VT_LPWSTR).
        PKEY_AudioEndpoint_ControlPanelPageProvider = (AE, 1);
        /// S25 `PKEY_AudioEndpoint_Association` (VT_LPWSTR, S36).
        PKEY_AudioEndpoint_Association = (AE, 2);
        /// S26 `PKEY_AudioEndpoint_PhysicalSpeakers` (VT_UI4 speaker mask).
        PKEY_AudioEndpoint_PhysicalSpeakers = (AE, 3);
        /// S27 `PKEY_AudioEndpoint_GUID` (VT_LPWSTR, read-only: S9, S34).
        PKEY_AudioEndpoint_GUID = (AE, 4);
        /// S28 `PKEY_AudioEndpoint_Disable_SysFx` (VT_UI4, E27).
        PKEY_AudioEndpoint_Disable_SysFx = (AE, 5);
        /// S29 `PKEY_AudioEndpoint_FullRangeSpeakers` (VT_UI4).
        PKEY_AudioEndpoint_FullRangeSpeakers = (AE, 6);
        /// S30 `PKEY_AudioEndpoint_Supports_EventDriven_Mode` (VT_UI4).
        PKEY_AudioEndpoint_Supports_EventDriven_Mode = (AE, 7);
        /// S31 `PKEY_AudioEndpoint_JackSubType` (VT_LPWSTR, S36).
        PKEY_AudioEndpoint_JackSubType = (AE, 8);
        /// S32 `PKEY_AudioEngine_DeviceFormat` (VT_BLOB, WAVEFORMATEXTENSIBLE, S15).
        PKEY_AudioEngine_DeviceFormat = (0xF19F064D_082C_4E27_BC73_6882A1BB8E4C, 0);
        /// S33 `PKEY_AudioEngine_OEMFormat` (VT_BLOB).
        PKEY_AudioEngine_OEMFormat = (0xE4870E26_3CC5_4CD2_BA46_CA0A9A70ED04, 3);
        /// B3 `PKEY_AudioDevice_EnableEndpointByDefault` (VT_UI4).
        PKEY_AudioDevice_EnableEndpointByDefault = (0xF3E80BEF_1723_4FF2_BCC4_7F83DC5E46D4, 4);
        /// V11 `PKEY_AudioEndpoint_StableId` (VT_LPWSTR, Windows 11 24H2).
        PKEY_AudioEndpoint_StableId = (AE, 9);
        /// S4 `DEVPKEY_DeviceInterface_Enabled` (absent from endpoint stores: VT_EMPTY).
        DEVPKEY_DeviceInterface_Enabled = (0x026E516E_B814_414B_83CD_856D6FEF4822, 3);
        /// S4 `DEVPKEY_DeviceInterface_ClassGuid` (absent from endpoint stores: VT_EMPTY).
        DEVPKEY_DeviceInterface_ClassGuid = (0x026E516E_B814_414B_83CD_856D6FEF4822, 4);
    }

    /// The `DEVPKEY_*` spellings of the same keys (S17).
    pub const ALIASES: &[(&str, PropertyKey)] = &[
        ("DEVPKEY_Device_FriendlyName", PKEY_Device_FriendlyName),
        ("DEVPKEY_Device_DeviceDesc", PKEY_Device_DeviceDesc),
        (
            "DEVPKEY_DeviceInterface_FriendlyName",
            PKEY_DeviceInterface_FriendlyName,
        ),
        ("DEVPKEY_Device_InstanceId", PKEY_Device_InstanceId),
        ("DEVPKEY_Device_ContainerId", PKEY_Device_ContainerId),
    ];
}

/// The MMDevice IIDs and CLSIDs (R6).
#[allow(non_upper_case_globals)]
pub mod iids {
    use crate::guid::Guid;

    /// `CLSID_MMDeviceEnumerator`.
    pub const CLSID_MMDeviceEnumerator: Guid =
        Guid::from_u128(0xBCDE0395_E52F_467C_8E3D_C4579291692E);
    /// `IID_IMMDeviceEnumerator`.
    pub const IID_IMMDeviceEnumerator: Guid =
        Guid::from_u128(0xA95664D2_9614_4F35_A746_DE8DB63617E6);
    /// `IID_IMMDeviceCollection`.
    pub const IID_IMMDeviceCollection: Guid =
        Guid::from_u128(0x0BD7A1BE_7A1A_44DB_8397_CC5392387B5E);
    /// `IID_IMMDevice`.
    pub const IID_IMMDevice: Guid = Guid::from_u128(0xD666063F_1587_4E43_81F1_B948E807363F);
    /// `IID_IMMEndpoint`.
    pub const IID_IMMEndpoint: Guid = Guid::from_u128(0x1BE09788_6894_4089_8586_9A2A6C265AC5);
    /// `IID_IMMNotificationClient`.
    pub const IID_IMMNotificationClient: Guid =
        Guid::from_u128(0x7991EEC9_7E89_4D85_8390_6C703CEC60C0);
    /// `IID_IPropertyStore`.
    pub const IID_IPropertyStore: Guid = Guid::from_u128(0x886D8EEB_8CF2_4446_8D02_CDBA1DBDCF99);
    /// `IID_IKsControl`.
    pub const IID_IKsControl: Guid = Guid::from_u128(0x28F54685_06FD_11D2_B27A_00A0C9223196);
    /// `IID_IAudioClient` (not simulated: `E_NOINTERFACE`, V22).
    pub const IID_IAudioClient: Guid = Guid::from_u128(0x1CB9AD4C_DBFA_4C32_B178_C2F568A703B2);
    /// `IID_IAudioEndpointVolume` (not simulated, V22).
    pub const IID_IAudioEndpointVolume: Guid =
        Guid::from_u128(0x5CDF2C82_841E_4546_9722_0CF74078229A);
    /// `IID_IAudioMeterInformation` (not simulated, V22).
    pub const IID_IAudioMeterInformation: Guid =
        Guid::from_u128(0xC02216F6_8C67_4B5B_9D00_D008E73E0064);
}

/// `ks.h` / `ksmedia.h` constants of `IKsControl` requests (E25, E26).
#[allow(non_upper_case_globals)]
pub mod ks {
    use crate::guid::Guid;

    /// `KSPROPERTY_TYPE_GET`.
    pub const KSPROPERTY_TYPE_GET: u32 = 0x1;
    /// `KSPROPERTY_TYPE_SET`.
    pub const KSPROPERTY_TYPE_SET: u32 = 0x2;
    /// `KSPROPERTY_TYPE_SETSUPPORT`.
    pub const KSPROPERTY_TYPE_SETSUPPORT: u32 = 0x100;
    /// `KSPROPERTY_TYPE_BASICSUPPORT`.
    pub const KSPROPERTY_TYPE_BASICSUPPORT: u32 = 0x200;
    /// `KSPROPERTY_TYPE_TOPOLOGY`: the descriptor is a `KSNODEPROPERTY` (Q5).
    pub const KSPROPERTY_TYPE_TOPOLOGY: u32 = 0x1000_0000;
    /// `KSMETHOD_TYPE_SEND`.
    pub const KSMETHOD_TYPE_SEND: u32 = 0x1;
    /// `KSEVENT_TYPE_ENABLE`.
    pub const KSEVENT_TYPE_ENABLE: u32 = 0x1;
    /// `KSPROPSETID_Audio`.
    pub const KSPROPSETID_Audio: Guid = Guid::from_u128(0x45FFAAA0_6E1B_11D0_BCF2_444553540000);
    /// `KSPROPERTY_AUDIO_BASS_BOOST` (Q5).
    pub const KSPROPERTY_AUDIO_BASS_BOOST: u32 = 17;
    /// `KSPROPSETID_BtAudio` (Q8).
    pub const KSPROPSETID_BtAudio: Guid = Guid::from_u128(0x7FA06C40_B8F6_4C7E_8556_E8C33A12E54D);
    /// `KSPROPERTY_ONESHOT_RECONNECT` (Q8).
    pub const KSPROPERTY_ONESHOT_RECONNECT: u32 = 0;
    /// `KSPROPERTY_ONESHOT_DISCONNECT` (Q8).
    pub const KSPROPERTY_ONESHOT_DISCONNECT: u32 = 1;
}

/// The documented `VARTYPE` of a key (the S table, E22), for files and checks.
pub(crate) fn documented_type(
    key: crate::properties::PropertyKey,
) -> Option<crate::properties::PropVarType> {
    use crate::properties::PropVarType as V;
    use pkey::*;
    Some(match key {
        k if k == PKEY_Device_FriendlyName
            || k == PKEY_Device_DeviceDesc
            || k == PKEY_DeviceInterface_FriendlyName
            || k == PKEY_Device_InstanceId
            || k == PKEY_AudioEndpoint_ControlPanelPageProvider
            || k == PKEY_AudioEndpoint_Association
            || k == PKEY_AudioEndpoint_GUID
            || k == PKEY_AudioEndpoint_JackSubType
            || k == PKEY_AudioEndpoint_StableId =>
        {
            V::Lpwstr
        }
        k if k == PKEY_Device_ContainerId => V::Clsid,
        k if k == PKEY_AudioEndpoint_FormFactor
            || k == PKEY_AudioEndpoint_PhysicalSpeakers
            || k == PKEY_AudioEndpoint_Disable_SysFx
            || k == PKEY_AudioEndpoint_FullRangeSpeakers
            || k == PKEY_AudioEndpoint_Supports_EventDriven_Mode
            || k == PKEY_AudioDevice_EnableEndpointByDefault =>
        {
            V::Ui4
        }
        k if k == PKEY_AudioEngine_DeviceFormat || k == PKEY_AudioEngine_OEMFormat => V::Blob,
        _ => return None,
    })
}
