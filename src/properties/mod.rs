//! Property keys and values of the MMDevice layer (spec sections S, E19-E27): `PROPERTYKEY`,
//! a `PROPVARIANT`-like owned value, the named `PKEY_*` constants, and the IIDs and flag
//! values of `mmdeviceapi.h` and `ks.h` that the MMDevice methods take.

use std::fmt;
use std::str::FromStr;

use crate::guid::Guid;
use crate::types::{ParseEnumError, windows_enum};

mod keys;
pub(crate) mod ks_request;
pub(crate) mod notify;

pub(crate) use keys::documented_type as keys_documented_type;
pub use keys::{iids, ks, pkey};
pub use ks_request::{KsHandler, KsRequest, KsRequestKind};
pub use notify::{EndpointEvent, EndpointEventLog, MMNotificationClient};

/// `PROPERTYKEY` / `DEVPROPKEY` (E23): a format ID and a property ID.
///
/// `Display` prints the registry form `{FMTID},pid` (S1); `FromStr` accepts that form or a
/// `PKEY_*` / `DEVPKEY_*` name from [`pkey`].
///
/// ```
/// use devtopo::{PropertyKey, pkey};
/// let key: PropertyKey = "PKEY_Device_FriendlyName".parse()?;
/// assert_eq!(key, pkey::PKEY_Device_FriendlyName);
/// assert_eq!(key.to_string(), "{A45C254E-DF1C-4EFD-8020-67D146A850E0},14");
/// assert_eq!("{a45c254e-df1c-4efd-8020-67d146a850e0},14".parse::<PropertyKey>()?, key);
/// # Ok::<(), devtopo::ParsePropertyKeyError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PropertyKey {
    /// `fmtid`.
    pub fmtid: Guid,
    /// `pid`.
    pub pid: u32,
}

impl PropertyKey {
    /// A key.
    pub const fn new(fmtid: Guid, pid: u32) -> PropertyKey {
        PropertyKey { fmtid, pid }
    }

    /// The `PKEY_*` name devtopo knows for this key (the first name of [`pkey::NAMED`]).
    pub fn name(self) -> Option<&'static str> {
        pkey::NAMED
            .iter()
            .find(|(k, _)| *k == self)
            .map(|(_, name)| *name)
    }
}

impl fmt::Display for PropertyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", self.fmtid, self.pid)
    }
}

impl fmt::Debug for PropertyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "{self}"),
        }
    }
}

/// A text that is neither a known `PKEY_*` name nor `{fmtid},pid`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a property key: expected a PKEY_* name or `{{fmtid}},pid`")]
pub struct ParsePropertyKeyError {
    text: String,
}

impl FromStr for PropertyKey {
    type Err = ParsePropertyKeyError;

    fn from_str(text: &str) -> Result<PropertyKey, ParsePropertyKeyError> {
        let t = text.trim();
        let err = || ParsePropertyKeyError {
            text: text.to_owned(),
        };
        if let Some((_, key)) = pkey::NAMED
            .iter()
            .map(|(k, n)| (*n, *k))
            .chain(pkey::ALIASES.iter().copied())
            .find(|(n, _)| *n == t)
        {
            return Ok(key);
        }
        let (guid, pid) = t.rsplit_once(',').ok_or_else(err)?;
        let fmtid = Guid::parse_hex(guid.trim()).ok_or_else(err)?;
        let pid = pid.trim().parse().map_err(|_| err())?;
        Ok(PropertyKey { fmtid, pid })
    }
}

windows_enum! {
    /// The `VARTYPE`s a property store holds (E17, E22).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PropVarType: u16 {
        /// `VT_EMPTY` (0): no value (S4).
        Empty = 0, "VT_EMPTY";
        /// `VT_I4` (3).
        I4 = 3, "VT_I4";
        /// `VT_BOOL` (11).
        Bool = 11, "VT_BOOL";
        /// `VT_UI4` (19).
        Ui4 = 19, "VT_UI4";
        /// `VT_LPWSTR` (31).
        Lpwstr = 31, "VT_LPWSTR";
        /// `VT_BLOB` (65).
        Blob = 65, "VT_BLOB";
        /// `VT_CLSID` (72).
        Clsid = 72, "VT_CLSID";
    }
}

/// An owned `PROPVARIANT` (E23, S37, S39): what `IPropertyStore::GetValue` returns and
/// `SetValue` takes. The COM layer turns it into a `PROPVARIANT` whose memory the caller
/// frees with `PropVariantClear`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum PropVariant {
    /// `VT_EMPTY`: the key is absent (S4); `SetValue` with it removes the key (S7).
    #[default]
    Empty,
    /// `VT_I4`.
    I4(i32),
    /// `VT_BOOL` (`VARIANT_TRUE` is -1 on the wire).
    Bool(bool),
    /// `VT_UI4`.
    Ui4(u32),
    /// `VT_LPWSTR`.
    Lpwstr(String),
    /// `VT_BLOB`.
    Blob(Vec<u8>),
    /// `VT_CLSID`.
    Clsid(Guid),
}

impl PropVariant {
    /// The value's `VARTYPE`.
    pub const fn var_type(&self) -> PropVarType {
        match self {
            PropVariant::Empty => PropVarType::Empty,
            PropVariant::I4(_) => PropVarType::I4,
            PropVariant::Bool(_) => PropVarType::Bool,
            PropVariant::Ui4(_) => PropVarType::Ui4,
            PropVariant::Lpwstr(_) => PropVarType::Lpwstr,
            PropVariant::Blob(_) => PropVarType::Blob,
            PropVariant::Clsid(_) => PropVarType::Clsid,
        }
    }

    /// True for `VT_EMPTY`.
    pub const fn is_empty(&self) -> bool {
        matches!(self, PropVariant::Empty)
    }

    /// The string of a `VT_LPWSTR`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PropVariant::Lpwstr(s) => Some(s),
            _ => None,
        }
    }

    /// The value of a `VT_UI4`.
    pub const fn as_u32(&self) -> Option<u32> {
        match self {
            PropVariant::Ui4(v) => Some(*v),
            _ => None,
        }
    }

    /// The GUID of a `VT_CLSID`.
    pub const fn as_guid(&self) -> Option<Guid> {
        match self {
            PropVariant::Clsid(g) => Some(*g),
            _ => None,
        }
    }

    /// The bytes of a `VT_BLOB`.
    pub fn as_blob(&self) -> Option<&[u8]> {
        match self {
            PropVariant::Blob(b) => Some(b),
            _ => None,
        }
    }
}

impl fmt::Display for PropVariant {
    /// `VT_LPWSTR "Speakers"`, `VT_UI4 1`, `VT_BLOB 40 bytes fe ff ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vt = self.var_type().name();
        match self {
            PropVariant::Empty => f.write_str(vt),
            PropVariant::I4(v) => write!(f, "{vt} {v}"),
            PropVariant::Bool(v) => write!(f, "{vt} {v}"),
            PropVariant::Ui4(v) => write!(f, "{vt} {v}"),
            PropVariant::Lpwstr(s) => write!(f, "{vt} {s:?}"),
            PropVariant::Clsid(g) => write!(f, "{vt} {g}"),
            PropVariant::Blob(b) => {
                write!(f, "{vt} {} bytes", b.len())?;
                for byte in b.iter().take(16) {
                    write!(f, " {byte:02x}")?;
                }
                if b.len() > 16 {
                    f.write_str(" ...")?;
                }
                Ok(())
            }
        }
    }
}

windows_enum! {
    /// `EndpointFormFactor` (E20): the values of `PKEY_AudioEndpoint_FormFactor`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EndpointFormFactor: u32 {
        /// `RemoteNetworkDevice`.
        RemoteNetworkDevice = 0, "RemoteNetworkDevice";
        /// `Speakers`.
        Speakers = 1, "Speakers";
        /// `LineLevel`.
        LineLevel = 2, "LineLevel";
        /// `Headphones`.
        Headphones = 3, "Headphones";
        /// `Microphone`.
        Microphone = 4, "Microphone";
        /// `Headset`.
        Headset = 5, "Headset";
        /// `Handset`.
        Handset = 6, "Handset";
        /// `UnknownDigitalPassthrough`.
        UnknownDigitalPassthrough = 7, "UnknownDigitalPassthrough";
        /// `SPDIF`.
        Spdif = 8, "SPDIF";
        /// `DigitalAudioDisplayDevice` (HDMI or DisplayPort).
        DigitalAudioDisplayDevice = 9, "DigitalAudioDisplayDevice" | "HDMI";
        /// `UnknownFormFactor`.
        UnknownFormFactor = 10, "UnknownFormFactor";
    }
}

/// `STGM_READ` (E21): 0.
pub const STGM_READ: u32 = 0x0;
/// `STGM_WRITE` (E21).
pub const STGM_WRITE: u32 = 0x1;
/// `STGM_READWRITE` (E21).
pub const STGM_READWRITE: u32 = 0x2;

/// The access mode of an open property store (V23, E21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreAccess {
    /// `STGM_READ`.
    Read,
    /// `STGM_WRITE`.
    Write,
    /// `STGM_READWRITE`.
    ReadWrite,
}

impl StoreAccess {
    /// The mode for an `stgmAccess` value: only 0, 1 and 2 are modes (X43).
    pub const fn from_stgm(stgm: u32) -> Option<StoreAccess> {
        match stgm {
            STGM_READ => Some(StoreAccess::Read),
            STGM_WRITE => Some(StoreAccess::Write),
            STGM_READWRITE => Some(StoreAccess::ReadWrite),
            _ => None,
        }
    }

    /// True for `STGM_READ` and `STGM_READWRITE`.
    pub const fn can_read(self) -> bool {
        !matches!(self, StoreAccess::Write)
    }

    /// True for `STGM_WRITE` and `STGM_READWRITE`.
    pub const fn can_write(self) -> bool {
        !matches!(self, StoreAccess::Read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// E20, E21, E22: Windows values.
    #[test]
    fn e20_e21_e22_values() {
        assert_eq!(EndpointFormFactor::Headset.value(), 5);
        assert_eq!(EndpointFormFactor::UnknownFormFactor.value(), 10);
        assert_eq!(
            EndpointFormFactor::from_value(9),
            Some(EndpointFormFactor::DigitalAudioDisplayDevice)
        );
        assert_eq!((STGM_READ, STGM_WRITE, STGM_READWRITE), (0, 1, 2));
        let vts: Vec<u16> = PropVarType::ALL.iter().map(|v| v.value()).collect();
        assert_eq!(vts, [0, 3, 11, 19, 31, 65, 72]);
        assert_eq!(StoreAccess::from_stgm(3), None);
    }

    /// S18-S33, E22: every key of the S table with its header fmtid/pid and documented type.
    #[test]
    fn s18_s33_key_table() {
        use super::keys::documented_type as vt;
        use PropVarType as V;
        let table: [(PropertyKey, &str, V); 16] = [
            (
                pkey::PKEY_Device_FriendlyName,
                "{A45C254E-DF1C-4EFD-8020-67D146A850E0},14",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_Device_DeviceDesc,
                "{A45C254E-DF1C-4EFD-8020-67D146A850E0},2",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_DeviceInterface_FriendlyName,
                "{026E516E-B814-414B-83CD-856D6FEF4822},2",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_Device_InstanceId,
                "{78C34FC8-104A-4ACA-9EA4-524D52996E57},256",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_Device_ContainerId,
                "{8C7ED206-3F8A-4827-B3AB-AE9E1FAEFC6C},2",
                V::Clsid,
            ),
            (
                pkey::PKEY_AudioEndpoint_FormFactor,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},0",
                V::Ui4,
            ),
            (
                pkey::PKEY_AudioEndpoint_ControlPanelPageProvider,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},1",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_AudioEndpoint_Association,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},2",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_AudioEndpoint_PhysicalSpeakers,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},3",
                V::Ui4,
            ),
            (
                pkey::PKEY_AudioEndpoint_GUID,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},4",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_AudioEndpoint_Disable_SysFx,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},5",
                V::Ui4,
            ),
            (
                pkey::PKEY_AudioEndpoint_FullRangeSpeakers,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},6",
                V::Ui4,
            ),
            (
                pkey::PKEY_AudioEndpoint_Supports_EventDriven_Mode,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},7",
                V::Ui4,
            ),
            (
                pkey::PKEY_AudioEndpoint_JackSubType,
                "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},8",
                V::Lpwstr,
            ),
            (
                pkey::PKEY_AudioEngine_DeviceFormat,
                "{F19F064D-082C-4E27-BC73-6882A1BB8E4C},0",
                V::Blob,
            ),
            (
                pkey::PKEY_AudioEngine_OEMFormat,
                "{E4870E26-3CC5-4CD2-BA46-CA0A9A70ED04},3",
                V::Blob,
            ),
        ];
        for (key, text, ty) in table {
            assert_eq!(key.to_string(), text);
            assert_eq!(vt(key), Some(ty), "{text}");
            assert_eq!(text.parse::<PropertyKey>(), Ok(key));
        }
    }

    /// R6, E25, E26: IIDs, CLSIDs and KS constants as the headers define them.
    #[test]
    fn r6_e25_e26_iids_and_ks_constants() {
        let table = [
            (
                iids::CLSID_MMDeviceEnumerator,
                "{BCDE0395-E52F-467C-8E3D-C4579291692E}",
            ),
            (
                iids::IID_IMMDeviceEnumerator,
                "{A95664D2-9614-4F35-A746-DE8DB63617E6}",
            ),
            (
                iids::IID_IMMDeviceCollection,
                "{0BD7A1BE-7A1A-44DB-8397-CC5392387B5E}",
            ),
            (
                iids::IID_IMMDevice,
                "{D666063F-1587-4E43-81F1-B948E807363F}",
            ),
            (
                iids::IID_IMMEndpoint,
                "{1BE09788-6894-4089-8586-9A2A6C265AC5}",
            ),
            (
                iids::IID_IMMNotificationClient,
                "{7991EEC9-7E89-4D85-8390-6C703CEC60C0}",
            ),
            (
                iids::IID_IPropertyStore,
                "{886D8EEB-8CF2-4446-8D02-CDBA1DBDCF99}",
            ),
            (
                iids::IID_IKsControl,
                "{28F54685-06FD-11D2-B27A-00A0C9223196}",
            ),
            (
                iids::IID_IAudioClient,
                "{1CB9AD4C-DBFA-4C32-B178-C2F568A703B2}",
            ),
            (
                ks::KSPROPSETID_Audio,
                "{45FFAAA0-6E1B-11D0-BCF2-444553540000}",
            ),
            (
                ks::KSPROPSETID_BtAudio,
                "{7FA06C40-B8F6-4C7E-8556-E8C33A12E54D}",
            ),
        ];
        for (guid, text) in table {
            assert_eq!(guid.to_string(), text);
        }
        assert_eq!(
            (
                ks::KSPROPERTY_ONESHOT_RECONNECT,
                ks::KSPROPERTY_ONESHOT_DISCONNECT
            ),
            (0, 1)
        );
        assert_eq!(ks::KSPROPERTY_TYPE_TOPOLOGY, 0x1000_0000);
        let d = super::ks_request::ks_node_property(ks::KSPROPSETID_Audio, 17, 0x1000_0001, 5);
        assert_eq!(d.len(), 32, "E25: KSNODEPROPERTY is 32 bytes");
        assert_eq!(
            super::ks_request::parse_identifier(&d),
            Some((ks::KSPROPSETID_Audio, 17, 0x1000_0001))
        );
        assert_eq!(super::ks_request::parse_node_id(&d), Some(5));
    }

    /// S1, S17: registry form and both key spellings.
    #[test]
    fn s1_s17_key_forms() {
        let k: PropertyKey = "DEVPKEY_Device_ContainerId".parse().unwrap();
        assert_eq!(k, pkey::PKEY_Device_ContainerId);
        assert_eq!(format!("{k:?}"), "PKEY_Device_ContainerId");
        assert!("PKEY_Nope".parse::<PropertyKey>().is_err());
        assert!(
            "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},x"
                .parse::<PropertyKey>()
                .is_err()
        );
        let k: PropertyKey = "{1DA5D803-D492-4EDD-8C23-E0C0FFEE7F0E},0".parse().unwrap();
        assert_eq!(k, pkey::PKEY_AudioEndpoint_FormFactor);
    }
}
