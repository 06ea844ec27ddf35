//! GUIDs: the `Guid` type and every named GUID devtopo knows (spec tables R1 and R3).

use std::fmt;
use std::str::FromStr;

/// A Windows `GUID`, laid out as in `guiddef.h`.
///
/// `Display` gives the registry form in upper case (`{3A5ACC00-C557-11D0-8A2B-00A0C9255AC1}`);
/// [`Guid::name`] gives the symbolic name of a GUID devtopo knows (`KSNODETYPE_VOLUME`).
/// `FromStr` accepts either form, braces optional, any case.
///
/// ```
/// use devtopo::Guid;
///
/// let volume: Guid = "KSNODETYPE_VOLUME".parse()?;
/// assert_eq!(volume, devtopo::guids::KSNODETYPE_VOLUME);
/// assert_eq!(volume.to_string(), "{3A5ACC00-C557-11D0-8A2B-00A0C9255AC1}");
/// assert_eq!("3a5acc00-c557-11d0-8a2b-00a0c9255ac1".parse::<Guid>()?, volume);
/// # Ok::<(), devtopo::ParseGuidError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Guid {
    /// First 32 bits.
    pub data1: u32,
    /// Next 16 bits.
    pub data2: u16,
    /// Next 16 bits.
    pub data3: u16,
    /// Last 64 bits, as bytes.
    pub data4: [u8; 8],
}

/// The text given was neither a GUID nor the name of a GUID devtopo knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a GUID ({{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}) nor a known GUID name")]
pub struct ParseGuidError {
    text: String,
}

impl Guid {
    /// The all-zero GUID (`GUID_NULL`).
    pub const NULL: Guid = Guid::from_u128(0);

    /// Builds a GUID from its 128-bit big-endian value, as the `windows` crate does:
    /// `Guid::from_u128(0x3a5acc00_c557_11d0_8a2b_00a0c9255ac1)`.
    pub const fn from_u128(value: u128) -> Guid {
        Guid {
            data1: (value >> 96) as u32,
            data2: (value >> 80 & 0xffff) as u16,
            data3: (value >> 64 & 0xffff) as u16,
            data4: (value as u64).to_be_bytes(),
        }
    }

    /// The 128-bit big-endian value.
    pub const fn to_u128(self) -> u128 {
        ((self.data1 as u128) << 96)
            | ((self.data2 as u128) << 80)
            | ((self.data3 as u128) << 64)
            | u64::from_be_bytes(self.data4) as u128
    }

    /// The symbolic name of a GUID devtopo knows (`"KSNODETYPE_VOLUME"`, `"IID_IAudioMute"`), if any.
    pub fn name(self) -> Option<&'static str> {
        guids::NAMED
            .iter()
            .find(|(guid, _)| *guid == self)
            .map(|(_, name)| *name)
    }

    /// The GUID with that symbolic name (`"KSNODETYPE_MUX"`, `"IID_IAudioMute"`, `"IAudioMute"`).
    pub fn from_name(name: &str) -> Option<Guid> {
        let find = |wanted: &str| {
            guids::NAMED
                .iter()
                .find(|(_, known)| *known == wanted)
                .map(|(guid, _)| *guid)
        };
        find(name).or_else(|| find(&format!("IID_{name}")))
    }

    /// The symbolic name if known, else the braced hex form.
    pub fn display_name(self) -> String {
        match self.name() {
            Some(name) => name.to_owned(),
            None => self.to_string(),
        }
    }

    pub(crate) fn parse_hex(text: &str) -> Option<Guid> {
        let inner = text
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .unwrap_or(text);
        let groups: Vec<&str> = inner.split('-').collect();
        let lengths = [8, 4, 4, 4, 12];
        if groups.len() != 5
            || groups
                .iter()
                .zip(lengths)
                .any(|(g, n)| g.len() != n || !g.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return None;
        }
        let joined: String = groups.concat();
        u128::from_str_radix(&joined, 16).ok().map(Guid::from_u128)
    }
}

impl FromStr for Guid {
    type Err = ParseGuidError;

    fn from_str(text: &str) -> Result<Guid, ParseGuidError> {
        let trimmed = text.trim();
        Guid::parse_hex(trimmed)
            .or_else(|| Guid::from_name(trimmed))
            .ok_or_else(|| ParseGuidError {
                text: text.to_owned(),
            })
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.data4;
        write!(
            f,
            "{{{:08X}-{:04X}-{:04X}-{:02X}{:02X}-{:02X}{:02X}{:02X}{:02X}{:02X}{:02X}}}",
            self.data1, self.data2, self.data3, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]
        )
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{name}"),
            None => write!(f, "{self}"),
        }
    }
}

/// Named GUIDs: interface IDs (R1), KS node types and pin categories (R3), event contexts (E15).
#[allow(non_upper_case_globals)]
pub mod guids {
    use super::Guid;

    macro_rules! named_guids {
        ($( $(#[$doc:meta])* $name:ident = $value:expr; )*) => {
            $( $(#[$doc])* pub const $name: Guid = Guid::from_u128($value); )*
            /// Every GUID of this module with its name.
            pub const NAMED: &[(Guid, &str)] = &[ $( ($name, stringify!($name)), )* ];
        };
    }

    named_guids! {
        /// `IDeviceTopology`.
        IID_IDeviceTopology = 0x2A07407E_6497_4A18_9787_32F79BD0D98F;
        /// `IConnector`.
        IID_IConnector = 0x9C2C4058_23F5_41DE_877A_DF3AF236A09E;
        /// `IPart`.
        IID_IPart = 0xAE2DE0E4_5BCA_4F2D_AA46_5D13F8FDB3A9;
        /// `ISubunit`.
        IID_ISubunit = 0x82149A85_DBA6_4487_86BB_EA8F7FEFCC71;
        /// `IPartsList`.
        IID_IPartsList = 0x6DAA848C_5EB0_45CC_AEA5_998A2CDA1FFB;
        /// `IControlInterface`.
        IID_IControlInterface = 0x45D37C3F_5140_444A_AE24_400789F3CBF3;
        /// `IControlChangeNotify`.
        IID_IControlChangeNotify = 0xA09513ED_C709_4D21_BD7B_5F34C47F3947;
        /// `IPerChannelDbLevel` (base of the four level interfaces).
        IID_IPerChannelDbLevel = 0xC2F8E001_F205_4BC9_99BC_C13B1E048CCB;
        /// `IAudioVolumeLevel`.
        IID_IAudioVolumeLevel = 0x7FB7B48F_531D_44A2_BCB3_5AD5A134B3DC;
        /// `IAudioBass`.
        IID_IAudioBass = 0xA2B1A1D9_4DB3_425D_A2B2_BD335CB3E2E5;
        /// `IAudioMidrange`.
        IID_IAudioMidrange = 0x5E54B6D7_B44B_40D9_9A9E_E691D9CE6EDF;
        /// `IAudioTreble`.
        IID_IAudioTreble = 0x0A717812_694E_4907_B74B_BAFA5CFDCA7B;
        /// `IAudioMute`.
        IID_IAudioMute = 0xDF45AEEA_B74A_4B6B_AFAD_2366B6AA012E;
        /// `IAudioLoudness`.
        IID_IAudioLoudness = 0x7D8B1437_DD53_4350_9C1B_1EE2890BD938;
        /// `IAudioAutoGainControl`.
        IID_IAudioAutoGainControl = 0x85401FD4_6DE4_4B9D_9869_2D6753A82F3C;
        /// `IAudioPeakMeter`.
        IID_IAudioPeakMeter = 0xDD79923C_0599_45E0_B8B6_C8DF7DB6E796;
        /// `IAudioInputSelector`.
        IID_IAudioInputSelector = 0x4F03DC02_5E6E_4653_8F72_A030C123D598;
        /// `IAudioOutputSelector`.
        IID_IAudioOutputSelector = 0xBB515F69_94A7_429E_8B9C_271B3F11A3AB;
        /// `IAudioChannelConfig`.
        IID_IAudioChannelConfig = 0xBB11C46F_EC28_493C_B88A_5DB88062CE98;
        /// `IDeviceSpecificProperty`.
        IID_IDeviceSpecificProperty = 0x3B22BCBF_2586_4AF0_8583_205D391B807C;
        /// `IKsFormatSupport`.
        IID_IKsFormatSupport = 0x3CB4A69D_BB6F_4D2B_95B7_452D2C155DB5;
        /// `IKsJackDescription`.
        IID_IKsJackDescription = 0x4509F757_2D46_4637_8E62_CE7DB944F57B;
        /// `IKsJackDescription2`.
        IID_IKsJackDescription2 = 0x478F3A9B_E0C9_4827_9228_6F5505FFE76A;
        /// `IKsJackSinkInformation` (outside devtopo's required set).
        IID_IKsJackSinkInformation = 0xD9BD72ED_290F_4581_9FF3_61027A8FE532;
        /// `IKsJackContainerId` (outside devtopo's required set).
        IID_IKsJackContainerId = 0xC99AF463_D629_4EC4_8C00_E54D68154248;
        /// `IKsControl` (adapter `IMMDevice` only, D11).
        IID_IKsControl = 0x28F54685_06FD_11D2_B27A_00A0C9223196;
        /// `IUnknown`.
        IID_IUnknown = 0x00000000_0000_0000_C000_000000000046;
        /// CLSID of the `DeviceTopology` coclass.
        CLSID_DeviceTopology = 0x1DF639D0_5EC1_47AA_9379_828DC1AA8C59;

        /// Subunit type: volume.
        KSNODETYPE_VOLUME = 0x3A5ACC00_C557_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: mute.
        KSNODETYPE_MUTE = 0x02B223C0_C557_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: peak meter.
        KSNODETYPE_PEAKMETER = 0xA085651E_5F0D_4B36_A869_D195D6AB4B9E;
        /// Subunit type: sum (a mixer, X13).
        KSNODETYPE_SUM = 0xDA441A60_C556_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: multiplexer (input selector).
        KSNODETYPE_MUX = 0x2CEAF780_C556_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: demultiplexer (output selector).
        KSNODETYPE_DEMUX = 0xC0EB67D4_E807_11D0_958A_00C04FB925D3;
        /// Subunit type: automatic gain control.
        KSNODETYPE_AGC = 0xE88C9BA0_C557_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: loudness.
        KSNODETYPE_LOUDNESS = 0x41887440_C558_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: tone (bass, midrange, treble).
        KSNODETYPE_TONE = 0x7607E580_C557_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: digital-to-analog converter.
        KSNODETYPE_DAC = 0x507AE360_C554_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: analog-to-digital converter.
        KSNODETYPE_ADC = 0x4D837FE0_C555_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: sample-rate converter.
        KSNODETYPE_SRC = 0x9DB7B9E0_C555_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: supermix (a mixer, X13).
        KSNODETYPE_SUPERMIX = 0xE573ADC0_C555_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: equalizer.
        KSNODETYPE_EQUALIZER = 0x9D41B4A0_C557_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: delay.
        KSNODETYPE_DELAY = 0x144981E0_C558_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: Pro Logic decoder.
        KSNODETYPE_PROLOGIC_DECODER = 0x831C2C80_C558_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: stereo widening.
        KSNODETYPE_STEREO_WIDE = 0xA9E69800_C558_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: 3D effects.
        KSNODETYPE_3D_EFFECTS = 0x55515860_C559_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: device-specific.
        KSNODETYPE_DEV_SPECIFIC = 0x941C7AC0_C559_11D0_8A2B_00A0C9255AC1;
        /// Subunit type: audio engine (offload).
        KSNODETYPE_AUDIO_ENGINE = 0x35CAF6E4_F3B3_4168_BB4B_55E77A461C7E;

        /// Pin category: microphone.
        KSNODETYPE_MICROPHONE = 0xDFF21BE1_F70F_11D0_B917_00A0C9223196;
        /// Pin category: desktop microphone.
        KSNODETYPE_DESKTOP_MICROPHONE = 0xDFF21BE2_F70F_11D0_B917_00A0C9223196;
        /// Pin category: microphone array.
        KSNODETYPE_MICROPHONE_ARRAY = 0xDFF21BE5_F70F_11D0_B917_00A0C9223196;
        /// Pin category: speaker.
        KSNODETYPE_SPEAKER = 0xDFF21CE1_F70F_11D0_B917_00A0C9223196;
        /// Pin category: headphones.
        KSNODETYPE_HEADPHONES = 0xDFF21CE2_F70F_11D0_B917_00A0C9223196;
        /// Pin category: desktop speaker.
        KSNODETYPE_DESKTOP_SPEAKER = 0xDFF21CE4_F70F_11D0_B917_00A0C9223196;
        /// Pin category: handset.
        KSNODETYPE_HANDSET = 0xDFF21DE1_F70F_11D0_B917_00A0C9223196;
        /// Pin category: headset.
        KSNODETYPE_HEADSET = 0xDFF21DE2_F70F_11D0_B917_00A0C9223196;
        /// Pin category: analog connector.
        KSNODETYPE_ANALOG_CONNECTOR = 0xDFF21FE1_F70F_11D0_B917_00A0C9223196;
        /// Pin category: line connector.
        KSNODETYPE_LINE_CONNECTOR = 0xDFF21FE3_F70F_11D0_B917_00A0C9223196;
        /// Pin category: legacy audio connector.
        KSNODETYPE_LEGACY_AUDIO_CONNECTOR = 0xDFF21FE4_F70F_11D0_B917_00A0C9223196;
        /// Pin category: S/PDIF interface.
        KSNODETYPE_SPDIF_INTERFACE = 0xDFF21FE5_F70F_11D0_B917_00A0C9223196;
        /// Pin category: CD player.
        KSNODETYPE_CD_PLAYER = 0xDFF220E3_F70F_11D0_B917_00A0C9223196;
        /// Pin category: HDMI interface.
        KSNODETYPE_HDMI_INTERFACE = 0xD1B9CC2A_F519_417F_91C9_55FA65481001;
        /// Pin category: DisplayPort interface.
        KSNODETYPE_DISPLAYPORT_INTERFACE = 0xE47E4031_3EA6_418D_8F9B_B73843CCBA97;
        /// Pin category: loopback stream pin.
        KSNODETYPE_AUDIO_LOOPBACK = 0x8F42C0B2_91CE_4BCF_9CCD_0E599037AB35;
        /// Pin category: keyword-spotter stream pin.
        KSNODETYPE_AUDIO_KEYWORDDETECTOR = 0x3817E0B8_DF58_4375_B669_C49634331F9D;
        /// Generic audio pin category.
        KSCATEGORY_AUDIO = 0x6994AD04_93EF_11D0_A3CC_00A0C9223196;
        /// Render filter category.
        KSCATEGORY_RENDER = 0x65E8773E_8F56_11D0_A3B9_00A0C9223196;
        /// Capture filter category.
        KSCATEGORY_CAPTURE = 0x65E8773D_8F56_11D0_A3B9_00A0C9223196;
        /// Topology filter category.
        KSCATEGORY_TOPOLOGY = 0xDDA54A40_1E4C_11D1_A050_405705C10000;

        /// Node name: master volume.
        KSAUDFNAME_MASTER_VOLUME = 0x185FEDE3_9905_11D1_95A9_00C04FB925D3;
        /// Node name: master mute.
        KSAUDFNAME_MASTER_MUTE = 0x185FEDE4_9905_11D1_95A9_00C04FB925D3;
        /// Node name: wave volume.
        KSAUDFNAME_WAVE_VOLUME = 0x185FEDE5_9905_11D1_95A9_00C04FB925D3;
        /// Node name: wave mute.
        KSAUDFNAME_WAVE_MUTE = 0x185FEDE6_9905_11D1_95A9_00C04FB925D3;
        /// Node name: line volume.
        KSAUDFNAME_LINE_VOLUME = 0x185FEDEB_9905_11D1_95A9_00C04FB925D3;
        /// Node name: line mute.
        KSAUDFNAME_LINE_MUTE = 0x185FEDEC_9905_11D1_95A9_00C04FB925D3;
        /// Node name: microphone volume.
        KSAUDFNAME_MIC_VOLUME = 0x185FEDED_9905_11D1_95A9_00C04FB925D3;
        /// Node name: microphone mute.
        KSAUDFNAME_MIC_MUTE = 0x185FEDEE_9905_11D1_95A9_00C04FB925D3;
        /// Node name: recording control.
        KSAUDFNAME_RECORDING_CONTROL = 0x185FEDFA_9905_11D1_95A9_00C04FB925D3;
        /// Node name: peak meter.
        KSAUDFNAME_PEAKMETER = 0x57E24340_FC5B_4612_A562_72B11A29DFAE;

        /// E15: the event context of a volume slider (treated as an ordinary context, N7).
        EVENTCONTEXT_VOLUMESLIDER = 0xE2C2E9DE_09B1_4B04_84E5_07931225EE04;
    }
}

#[cfg(test)]
mod tests {
    use super::{Guid, guids};

    /// R1/R3: round trips between value, text and name for every named GUID.
    #[test]
    fn r1_r3_named_round_trip() {
        for (guid, name) in guids::NAMED {
            assert_eq!(guid.name(), Some(*name));
            assert_eq!(Guid::from_name(name), Some(*guid));
            if let Some(bare) = name.strip_prefix("IID_") {
                assert_eq!(Guid::from_name(bare), Some(*guid));
            }
            assert_eq!(guid.to_string().parse::<Guid>().ok(), Some(*guid));
            assert_eq!(Guid::from_u128(guid.to_u128()), *guid);
        }
    }

    /// R3: the USB-terminal family is 0xDFF219E0 plus the terminal code.
    #[test]
    fn r3_terminal_family() {
        assert_eq!(guids::KSNODETYPE_MICROPHONE.data1, 0xDFF2_19E0 + 0x0201);
        assert_eq!(guids::KSNODETYPE_SPEAKER.data1, 0xDFF2_19E0 + 0x0301);
        assert_eq!(guids::KSNODETYPE_CD_PLAYER.data1, 0xDFF2_19E0 + 0x0703);
    }

    #[test]
    fn parse_forms_and_errors() {
        let v = guids::KSNODETYPE_VOLUME;
        assert_eq!(
            "{3a5acc00-c557-11d0-8a2b-00a0c9255ac1}".parse::<Guid>(),
            Ok(v)
        );
        assert_eq!("IID_IAudioMute".parse::<Guid>(), Ok(guids::IID_IAudioMute));
        assert!(
            "{3a5acc00-c557-11d0-8a2b-00a0c9255ac}"
                .parse::<Guid>()
                .is_err()
        );
        assert!("KSNODETYPE_NOPE".parse::<Guid>().is_err());
        assert!("".parse::<Guid>().is_err());
        assert_eq!(format!("{v:?}"), "KSNODETYPE_VOLUME");
        assert_eq!(
            Guid::NULL.display_name(),
            "{00000000-0000-0000-0000-000000000000}"
        );
    }
}
