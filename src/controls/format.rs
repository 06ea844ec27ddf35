//! `KSDATAFORMAT` as a typed value (E14) and the data of `IKsFormatSupport` (K15).

use crate::guid::Guid;

/// GUIDs of the KS data-format fields (ksmedia.h).
pub mod format_guids {
    use crate::guid::Guid;

    /// `KSDATAFORMAT_TYPE_AUDIO`.
    pub const KSDATAFORMAT_TYPE_AUDIO: Guid =
        Guid::from_u128(0x73647561_0000_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SUBTYPE_PCM`.
    pub const KSDATAFORMAT_SUBTYPE_PCM: Guid =
        Guid::from_u128(0x00000001_0000_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SUBTYPE_IEEE_FLOAT`.
    pub const KSDATAFORMAT_SUBTYPE_IEEE_FLOAT: Guid =
        Guid::from_u128(0x00000003_0000_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL` (AC-3 over S/PDIF or HDMI).
    pub const KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL: Guid =
        Guid::from_u128(0x00000092_0000_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SUBTYPE_IEC61937_DTS`.
    pub const KSDATAFORMAT_SUBTYPE_IEC61937_DTS: Guid =
        Guid::from_u128(0x00000008_0000_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD`.
    pub const KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD: Guid =
        Guid::from_u128(0x0000000b_0cea_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP`.
    pub const KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP: Guid =
        Guid::from_u128(0x0000000c_0cea_0010_8000_00aa00389b71);
    /// `KSDATAFORMAT_SPECIFIER_WAVEFORMATEX`.
    pub const KSDATAFORMAT_SPECIFIER_WAVEFORMATEX: Guid =
        Guid::from_u128(0x05589f81_c356_11ce_bf01_00aa0055595a);
    /// `KSDATAFORMAT_SPECIFIER_NONE`.
    pub const KSDATAFORMAT_SPECIFIER_NONE: Guid =
        Guid::from_u128(0x0f6417d6_c318_11d0_a43f_00a0c9223196);
}

/// The wave-format fields that follow a `KSDATAFORMAT` whose specifier is
/// `KSDATAFORMAT_SPECIFIER_WAVEFORMATEX` (a `WAVEFORMATEXTENSIBLE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WaveFormat {
    /// `nChannels`.
    pub channels: u16,
    /// `nSamplesPerSec`.
    pub samples_per_sec: u32,
    /// `wBitsPerSample` (container size).
    pub bits_per_sample: u16,
    /// `wValidBitsPerSample`.
    pub valid_bits_per_sample: u16,
    /// `dwChannelMask` (E6 speaker bits).
    pub channel_mask: u32,
}

impl WaveFormat {
    /// `nBlockAlign`: bytes per frame.
    pub const fn block_align(&self) -> u32 {
        self.channels as u32 * (self.bits_per_sample as u32 / 8)
    }

    /// `nAvgBytesPerSec`, saturating at `u32::MAX` for formats too large for the `DWORD`.
    pub const fn avg_bytes_per_sec(&self) -> u32 {
        self.samples_per_sec.saturating_mul(self.block_align())
    }
}

/// `KSDATAFORMAT` (E14) as a typed value: the header fields that matter for matching, plus
/// the wave-format fields when the specifier is `WAVEFORMATEX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KsDataFormat {
    /// `MajorFormat`, normally `KSDATAFORMAT_TYPE_AUDIO`.
    pub major_format: Guid,
    /// `SubFormat`, for example `KSDATAFORMAT_SUBTYPE_PCM`.
    pub sub_format: Guid,
    /// `Specifier`, normally `KSDATAFORMAT_SPECIFIER_WAVEFORMATEX`.
    pub specifier: Guid,
    /// The wave format; present exactly when the specifier is `WAVEFORMATEX` (K15).
    pub wave: Option<WaveFormat>,
}

impl KsDataFormat {
    /// An integer PCM format (`WAVEFORMATEXTENSIBLE`, all bits valid, channel mask from the
    /// channel count: mono = front centre, stereo = front left + right, else 0).
    ///
    /// ```
    /// let f = devtopo::KsDataFormat::pcm(2, 48_000, 16);
    /// assert_eq!(f.wave.map(|w| w.avg_bytes_per_sec()), Some(192_000));
    /// ```
    pub const fn pcm(channels: u16, samples_per_sec: u32, bits: u16) -> KsDataFormat {
        KsDataFormat::wave(
            format_guids::KSDATAFORMAT_SUBTYPE_PCM,
            channels,
            samples_per_sec,
            bits,
        )
    }

    /// A `WAVEFORMATEXTENSIBLE` format with this subformat (PCM, float, IEC 61937, ...).
    pub const fn wave(sub_format: Guid, channels: u16, samples_per_sec: u32, bits: u16) -> Self {
        let channel_mask = match channels {
            1 => 0x4,
            2 => 0x3,
            _ => 0,
        };
        KsDataFormat {
            major_format: format_guids::KSDATAFORMAT_TYPE_AUDIO,
            sub_format,
            specifier: format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX,
            wave: Some(WaveFormat {
                channels,
                samples_per_sec,
                bits_per_sample: bits,
                valid_bits_per_sample: bits,
                channel_mask,
            }),
        }
    }

    /// `FormatSize`: 64 bytes of `KSDATAFORMAT`, plus 40 of `WAVEFORMATEXTENSIBLE` when the
    /// wave fields are present.
    pub const fn format_size(&self) -> u32 {
        match self.wave {
            Some(_) => 64 + 40,
            None => 64,
        }
    }

    /// True when the specifier is valid (K15, `IsFormatSupported`'s `E_INVALIDARG`): a
    /// `WAVEFORMATEX` specifier with wave fields whose channel count, rate and sample size are
    /// non-zero, or any other specifier without wave fields.
    pub fn is_valid(&self) -> bool {
        let wave_spec = self.specifier == format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX;
        match (wave_spec, &self.wave) {
            (true, Some(w)) => {
                w.channels > 0
                    && w.samples_per_sec > 0
                    && w.bits_per_sample > 0
                    && w.valid_bits_per_sample <= w.bits_per_sample
            }
            (false, None) => true,
            _ => false,
        }
    }
}

/// The data of an `IKsFormatSupport` control (K15): the formats the connector accepts and
/// the one `GetDevicePreferredFormat` returns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormatSupportSpec {
    /// Every supported format. `IsFormatSupported` is true exactly for these.
    pub formats: Vec<KsDataFormat>,
    /// The preferred format; must be one of `formats`.
    pub preferred: KsDataFormat,
}

impl FormatSupportSpec {
    /// The formats, with the first one preferred; `None` when the list is empty.
    pub fn first_preferred(formats: Vec<KsDataFormat>) -> Option<FormatSupportSpec> {
        let preferred = *formats.first()?;
        Some(FormatSupportSpec { formats, preferred })
    }
}

#[cfg(test)]
mod tests {
    use super::KsDataFormat;

    /// E14: derived wave fields never overflow, even for the largest valid format.
    #[test]
    fn e14_huge_format_saturates() {
        let wave = KsDataFormat::pcm(65535, 192_000, 32).wave;
        let avg = wave.map(|w| (w.block_align(), w.avg_bytes_per_sec()));
        assert_eq!(avg, Some((65535 * 4, u32::MAX)));
        let small = KsDataFormat::pcm(2, 48_000, 16)
            .wave
            .map(|w| w.avg_bytes_per_sec());
        assert_eq!(small, Some(192_000));
    }
}
