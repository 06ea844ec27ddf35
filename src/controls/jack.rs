//! Jack descriptions (E6-E12, K16-K18): `KSJACK_DESCRIPTION`, `KSJACK_DESCRIPTION2` and the
//! `EPcx*` enums with the values of the Windows header.

use std::fmt;
use std::str::FromStr;

use crate::types::{ParseEnumError, windows_enum};

windows_enum! {
    /// `EPcxConnectionType` (E7): the physical kind of a jack.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EPcxConnectionType: u32 {
        /// `eConnTypeUnknown` (0).
        Unknown = 0, "eConnTypeUnknown";
        /// `eConnType3Point5mm` (1), Vista name `eConnTypeEighth`.
        ThreePoint5mm = 1, "eConnType3Point5mm" | "eConnTypeEighth";
        /// `eConnTypeQuarter` (2).
        Quarter = 2, "eConnTypeQuarter";
        /// `eConnTypeAtapiInternal` (3).
        AtapiInternal = 3, "eConnTypeAtapiInternal";
        /// `eConnTypeRCA` (4).
        Rca = 4, "eConnTypeRCA";
        /// `eConnTypeOptical` (5).
        Optical = 5, "eConnTypeOptical";
        /// `eConnTypeOtherDigital` (6).
        OtherDigital = 6, "eConnTypeOtherDigital";
        /// `eConnTypeOtherAnalog` (7).
        OtherAnalog = 7, "eConnTypeOtherAnalog";
        /// `eConnTypeMultichannelAnalogDIN` (8).
        MultichannelAnalogDin = 8, "eConnTypeMultichannelAnalogDIN";
        /// `eConnTypeXlrProfessional` (9).
        XlrProfessional = 9, "eConnTypeXlrProfessional";
        /// `eConnTypeRJ11Modem` (10).
        Rj11Modem = 10, "eConnTypeRJ11Modem";
        /// `eConnTypeCombination` (11).
        Combination = 11, "eConnTypeCombination";
    }
}

windows_enum! {
    /// `EPcxGeoLocation` (E8): where on the box the jack is. There is no value 0.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EPcxGeoLocation: u32 {
        /// `eGeoLocRear` (1).
        Rear = 1, "eGeoLocRear";
        /// `eGeoLocFront` (2).
        Front = 2, "eGeoLocFront";
        /// `eGeoLocLeft` (3).
        Left = 3, "eGeoLocLeft";
        /// `eGeoLocRight` (4).
        Right = 4, "eGeoLocRight";
        /// `eGeoLocTop` (5).
        Top = 5, "eGeoLocTop";
        /// `eGeoLocBottom` (6).
        Bottom = 6, "eGeoLocBottom";
        /// `eGeoLocRearPanel` (7), Vista spelling `eGeoLocRearOPanel`.
        RearPanel = 7, "eGeoLocRearPanel" | "eGeoLocRearOPanel";
        /// `eGeoLocRiser` (8).
        Riser = 8, "eGeoLocRiser";
        /// `eGeoLocInsideMobileLid` (9).
        InsideMobileLid = 9, "eGeoLocInsideMobileLid";
        /// `eGeoLocDrivebay` (10).
        Drivebay = 10, "eGeoLocDrivebay";
        /// `eGeoLocHDMI` (11).
        Hdmi = 11, "eGeoLocHDMI";
        /// `eGeoLocOutsideMobileLid` (12).
        OutsideMobileLid = 12, "eGeoLocOutsideMobileLid";
        /// `eGeoLocATAPI` (13).
        Atapi = 13, "eGeoLocATAPI";
        /// `eGeoLocNotApplicable` (14), mingw `eGeoLocReserved5`.
        NotApplicable = 14, "eGeoLocNotApplicable" | "eGeoLocReserved5";
        /// `eGeoLocReserved6` (15).
        Reserved6 = 15, "eGeoLocReserved6";
    }
}

windows_enum! {
    /// `EPcxGenLocation` (E9): which enclosure the jack is on.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EPcxGenLocation: u32 {
        /// `eGenLocPrimaryBox` (0).
        PrimaryBox = 0, "eGenLocPrimaryBox";
        /// `eGenLocInternal` (1).
        Internal = 1, "eGenLocInternal";
        /// `eGenLocSeparate` (2), Vista spelling `eGenLocSeperate`.
        Separate = 2, "eGenLocSeparate" | "eGenLocSeperate";
        /// `eGenLocOther` (3).
        Other = 3, "eGenLocOther";
    }
}

windows_enum! {
    /// `EPxcPortConnection` (E10; the "Pxc" misspelling is the header's).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EPxcPortConnection: u32 {
        /// `ePortConnJack` (0).
        Jack = 0, "ePortConnJack";
        /// `ePortConnIntegratedDevice` (1).
        IntegratedDevice = 1, "ePortConnIntegratedDevice";
        /// `ePortConnBothIntegratedAndJack` (2).
        BothIntegratedAndJack = 2, "ePortConnBothIntegratedAndJack";
        /// `ePortConnUnknown` (3).
        Unknown = 3, "ePortConnUnknown";
    }
}

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
