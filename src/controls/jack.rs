//! Jack descriptions (E6-E12, K16-K18): `KSJACK_DESCRIPTION`, `KSJACK_DESCRIPTION2` and the
//! `EPcx*` enums with the values of the Windows header.

use std::fmt;
use std::str::FromStr;

use crate::types::{ParseEnumError, windows_enum};

/// `EPcxConnectionType` (E7): the physical kind of a jack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EPcxConnectionType {
    /// `eConnTypeUnknown` (0).
    Unknown,
    /// `eConnType3Point5mm` (1), Vista name `eConnTypeEighth`.
    ThreePoint5mm,
    /// `eConnTypeQuarter` (2).
    Quarter,
    /// `eConnTypeAtapiInternal` (3).
    AtapiInternal,
    /// `eConnTypeRCA` (4).
    Rca,
    /// `eConnTypeOptical` (5).
    Optical,
    /// `eConnTypeOtherDigital` (6).
    OtherDigital,
    /// `eConnTypeOtherAnalog` (7).
    OtherAnalog,
    /// `eConnTypeMultichannelAnalogDIN` (8).
    MultichannelAnalogDin,
    /// `eConnTypeXlrProfessional` (9).
    XlrProfessional,
    /// `eConnTypeRJ11Modem` (10).
    Rj11Modem,
    /// `eConnTypeCombination` (11).
    Combination,
}

windows_enum!(EPcxConnectionType: u32 {
    Unknown = 0, "eConnTypeUnknown";
    ThreePoint5mm = 1, "eConnType3Point5mm" | "eConnTypeEighth";
    Quarter = 2, "eConnTypeQuarter";
    AtapiInternal = 3, "eConnTypeAtapiInternal";
    Rca = 4, "eConnTypeRCA";
    Optical = 5, "eConnTypeOptical";
    OtherDigital = 6, "eConnTypeOtherDigital";
    OtherAnalog = 7, "eConnTypeOtherAnalog";
    MultichannelAnalogDin = 8, "eConnTypeMultichannelAnalogDIN";
    XlrProfessional = 9, "eConnTypeXlrProfessional";
    Rj11Modem = 10, "eConnTypeRJ11Modem";
    Combination = 11, "eConnTypeCombination";
});

/// `EPcxGeoLocation` (E8): where on the box the jack is. There is no value 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EPcxGeoLocation {
    /// `eGeoLocRear` (1).
    Rear,
    /// `eGeoLocFront` (2).
    Front,
    /// `eGeoLocLeft` (3).
    Left,
    /// `eGeoLocRight` (4).
    Right,
    /// `eGeoLocTop` (5).
    Top,
    /// `eGeoLocBottom` (6).
    Bottom,
    /// `eGeoLocRearPanel` (7), Vista spelling `eGeoLocRearOPanel`.
    RearPanel,
    /// `eGeoLocRiser` (8).
    Riser,
    /// `eGeoLocInsideMobileLid` (9).
    InsideMobileLid,
    /// `eGeoLocDrivebay` (10).
    Drivebay,
    /// `eGeoLocHDMI` (11).
    Hdmi,
    /// `eGeoLocOutsideMobileLid` (12).
    OutsideMobileLid,
    /// `eGeoLocATAPI` (13).
    Atapi,
    /// `eGeoLocNotApplicable` (14), mingw `eGeoLocReserved5`.
    NotApplicable,
    /// `eGeoLocReserved6` (15).
    Reserved6,
}

windows_enum!(EPcxGeoLocation: u32 {
    Rear = 1, "eGeoLocRear";
    Front = 2, "eGeoLocFront";
    Left = 3, "eGeoLocLeft";
    Right = 4, "eGeoLocRight";
    Top = 5, "eGeoLocTop";
    Bottom = 6, "eGeoLocBottom";
    RearPanel = 7, "eGeoLocRearPanel" | "eGeoLocRearOPanel";
    Riser = 8, "eGeoLocRiser";
    InsideMobileLid = 9, "eGeoLocInsideMobileLid";
    Drivebay = 10, "eGeoLocDrivebay";
    Hdmi = 11, "eGeoLocHDMI";
    OutsideMobileLid = 12, "eGeoLocOutsideMobileLid";
    Atapi = 13, "eGeoLocATAPI";
    NotApplicable = 14, "eGeoLocNotApplicable" | "eGeoLocReserved5";
    Reserved6 = 15, "eGeoLocReserved6";
});

/// `EPcxGenLocation` (E9): which enclosure the jack is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EPcxGenLocation {
    /// `eGenLocPrimaryBox` (0).
    PrimaryBox,
    /// `eGenLocInternal` (1).
    Internal,
    /// `eGenLocSeparate` (2), Vista spelling `eGenLocSeperate`.
    Separate,
    /// `eGenLocOther` (3).
    Other,
}

windows_enum!(EPcxGenLocation: u32 {
    PrimaryBox = 0, "eGenLocPrimaryBox";
    Internal = 1, "eGenLocInternal";
    Separate = 2, "eGenLocSeparate" | "eGenLocSeperate";
    Other = 3, "eGenLocOther";
});

/// `EPxcPortConnection` (E10; the "Pxc" misspelling is the header's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EPxcPortConnection {
    /// `ePortConnJack` (0).
    Jack,
    /// `ePortConnIntegratedDevice` (1).
    IntegratedDevice,
    /// `ePortConnBothIntegratedAndJack` (2).
    BothIntegratedAndJack,
    /// `ePortConnUnknown` (3).
    Unknown,
}

windows_enum!(EPxcPortConnection: u32 {
    Jack = 0, "ePortConnJack";
    IntegratedDevice = 1, "ePortConnIntegratedDevice";
    BothIntegratedAndJack = 2, "ePortConnBothIntegratedAndJack";
    Unknown = 3, "ePortConnUnknown";
});

/// Speaker-position bits and masks for `ChannelMapping` and `IAudioChannelConfig` (E6).
pub mod speaker {
    /// `SPEAKER_FRONT_LEFT`.
    pub const FRONT_LEFT: u32 = 0x1;
    /// `SPEAKER_FRONT_RIGHT`.
    pub const FRONT_RIGHT: u32 = 0x2;
    /// `SPEAKER_FRONT_CENTER`.
    pub const FRONT_CENTER: u32 = 0x4;
    /// `SPEAKER_LOW_FREQUENCY`.
    pub const LOW_FREQUENCY: u32 = 0x8;
    /// `SPEAKER_BACK_LEFT`.
    pub const BACK_LEFT: u32 = 0x10;
    /// `SPEAKER_BACK_RIGHT`.
    pub const BACK_RIGHT: u32 = 0x20;
    /// `KSAUDIO_SPEAKER_MONO`.
    pub const KSAUDIO_SPEAKER_MONO: u32 = 0x4;
    /// `KSAUDIO_SPEAKER_STEREO`.
    pub const KSAUDIO_SPEAKER_STEREO: u32 = 0x3;
    /// `KSAUDIO_SPEAKER_5POINT1`.
    pub const KSAUDIO_SPEAKER_5POINT1: u32 = 0x3F;
}

/// `KSJACK_DESCRIPTION` (E11): the seven fields, in header order, with Windows' values.
///
/// `color` is stored as `0x00RRGGBB` (X28) and `channel_mapping` as the raw `DWORD`, never
/// validated (E6, X29): use the [`speaker`] masks to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct JackDescription {
    /// `ChannelMapping`: raw `DWORD`, normally a speaker mask (E6, X29).
    pub channel_mapping: u32,
    /// `Color`: `0x00RRGGBB`, blue in the low byte (X28); 0 = unknown or black.
    pub color: u32,
    /// `ConnectionType` (E7).
    pub connection_type: EPcxConnectionType,
    /// `GeoLocation` (E8).
    pub geo_location: EPcxGeoLocation,
    /// `GenLocation` (E9).
    pub gen_location: EPcxGenLocation,
    /// `PortConnection` (E10).
    pub port_connection: EPxcPortConnection,
    /// `IsConnected`: a plug is in the jack (always true without presence detection, E12).
    pub is_connected: bool,
}

impl JackDescription {
    /// The red, green and blue bytes of `color` (X28: `0x00RRGGBB`).
    ///
    /// ```
    /// let jack = devtopo::JackDescription { color: 0x00FF00, ..devtopo::JackDescription::default() };
    /// assert_eq!(jack.rgb(), (0, 255, 0));
    /// ```
    pub const fn rgb(&self) -> (u8, u8, u8) {
        (
            (self.color >> 16) as u8,
            (self.color >> 8) as u8,
            self.color as u8,
        )
    }

    /// The 28 bytes of the C structure, little-endian, in field order (E11).
    pub fn to_bytes(&self) -> [u8; 28] {
        let fields = [
            self.channel_mapping,
            self.color,
            self.connection_type.value(),
            self.geo_location.value(),
            self.gen_location.value(),
            self.port_connection.value(),
            u32::from(self.is_connected),
        ];
        let mut out = [0u8; 28];
        for (chunk, field) in out.chunks_exact_mut(4).zip(fields) {
            chunk.copy_from_slice(&field.to_le_bytes());
        }
        out
    }
}

impl Default for JackDescription {
    /// A connected stereo 3.5 mm jack on the rear of the main box, colour unknown.
    fn default() -> JackDescription {
        JackDescription {
            channel_mapping: speaker::KSAUDIO_SPEAKER_STEREO,
            color: 0,
            connection_type: EPcxConnectionType::ThreePoint5mm,
            geo_location: EPcxGeoLocation::Rear,
            gen_location: EPcxGenLocation::PrimaryBox,
            port_connection: EPxcPortConnection::Jack,
            is_connected: true,
        }
    }
}

/// `KSJACK_DESCRIPTION2` (E12, K17).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct JackDescription2 {
    /// `DeviceStateInfo`: raw; devtopo never interprets it and fixtures use 0 (X32).
    pub device_state_info: u32,
    /// `JackCapabilities`: [`JackDescription2::PRESENCE_DETECT_CAPABILITY`] and
    /// [`JackDescription2::DYNAMIC_FORMAT_CHANGE_CAPABILITY`].
    pub jack_capabilities: u32,
}

impl JackDescription2 {
    /// `JACKDESC2_PRESENCE_DETECT_CAPABILITY` (0x1).
    pub const PRESENCE_DETECT_CAPABILITY: u32 = 0x1;
    /// `JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY` (0x2).
    pub const DYNAMIC_FORMAT_CHANGE_CAPABILITY: u32 = 0x2;

    /// True when the jack can sense a plug (E12, K18).
    pub const fn detects_presence(&self) -> bool {
        self.jack_capabilities & Self::PRESENCE_DETECT_CAPABILITY != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// E7-E10: header values and names, including the old spellings.
    #[test]
    fn e7_e10_values() {
        assert_eq!(EPcxConnectionType::Combination.value(), 11);
        assert_eq!(
            "eConnTypeEighth".parse::<EPcxConnectionType>(),
            Ok(EPcxConnectionType::ThreePoint5mm)
        );
        assert_eq!(EPcxGeoLocation::Rear.value(), 1);
        assert_eq!(EPcxGeoLocation::from_value(0), None);
        assert_eq!(EPcxGeoLocation::Hdmi.value(), 11);
        assert_eq!(EPcxGeoLocation::Reserved6.value(), 15);
        assert_eq!(EPcxGenLocation::Separate.name(), "eGenLocSeparate");
        assert_eq!(EPxcPortConnection::Unknown.value(), 3);
    }

    /// E11, X28: 28 bytes in field order; colour 0x00RRGGBB.
    #[test]
    fn e11_x28_layout() {
        let jack = JackDescription {
            color: 0xB3C98C,
            ..JackDescription::default()
        };
        let bytes = jack.to_bytes();
        assert_eq!(&bytes[0..4], &3u32.to_le_bytes());
        assert_eq!(&bytes[4..8], &[0x8C, 0xC9, 0xB3, 0]);
        assert_eq!(&bytes[24..28], &1u32.to_le_bytes());
        assert_eq!(jack.rgb(), (179, 201, 140));
    }
}
