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

/// A range of wave formats, as a driver's `KSDATARANGE_AUDIO` describes what a pin accepts:
/// one major format, sub-format and specifier, up to `max_channels` channels, a bit-depth
/// range and a sample-rate range (all inclusive).
///
/// ```
/// use devtopo::*;
/// let range = KsDataRange::pcm(2, 16..=24, 8_000..=192_000);
/// assert!(range.contains(&KsDataFormat::pcm(2, 96_000, 24)));
/// assert!(range.contains(&KsDataFormat::pcm(1, 11_025, 16)));
/// assert!(!range.contains(&KsDataFormat::pcm(6, 48_000, 16)));   // too many channels
/// assert!(!range.contains(&KsDataFormat::pcm(2, 48_000, 32)));   // too deep
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KsDataRange {
    /// `MajorFormat`, normally `KSDATAFORMAT_TYPE_AUDIO`.
    pub major_format: Guid,
    /// `SubFormat`, for example `KSDATAFORMAT_SUBTYPE_PCM`.
    pub sub_format: Guid,
    /// `Specifier`, normally `KSDATAFORMAT_SPECIFIER_WAVEFORMATEX`.
    pub specifier: Guid,
    /// `MaximumChannels`: formats of 1 to this many channels.
    pub max_channels: u16,
    /// `MinimumBitsPerSample`.
    pub min_bits_per_sample: u16,
    /// `MaximumBitsPerSample`.
    pub max_bits_per_sample: u16,
    /// `MinimumSampleFrequency`.
    pub min_sample_frequency: u32,
    /// `MaximumSampleFrequency`.
    pub max_sample_frequency: u32,
}

impl KsDataRange {
    /// A `WAVEFORMATEX` range of this sub-format.
    pub const fn wave(
        sub_format: Guid,
        max_channels: u16,
        bits: std::ops::RangeInclusive<u16>,
        rates: std::ops::RangeInclusive<u32>,
    ) -> KsDataRange {
        KsDataRange {
            major_format: format_guids::KSDATAFORMAT_TYPE_AUDIO,
            sub_format,
            specifier: format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX,
            max_channels,
            min_bits_per_sample: *bits.start(),
            max_bits_per_sample: *bits.end(),
            min_sample_frequency: *rates.start(),
            max_sample_frequency: *rates.end(),
        }
    }

    /// An integer PCM range.
    pub const fn pcm(
        max_channels: u16,
        bits: std::ops::RangeInclusive<u16>,
        rates: std::ops::RangeInclusive<u32>,
    ) -> KsDataRange {
        KsDataRange::wave(
            format_guids::KSDATAFORMAT_SUBTYPE_PCM,
            max_channels,
            bits,
            rates,
        )
    }

    /// True when the range is well formed: a `WAVEFORMATEX` specifier, at least one channel,
    /// non-zero minimums, each minimum at most its maximum.
    pub fn is_valid(&self) -> bool {
        self.specifier == format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX
            && self.max_channels > 0
            && 0 < self.min_bits_per_sample
            && self.min_bits_per_sample <= self.max_bits_per_sample
            && 0 < self.min_sample_frequency
            && self.min_sample_frequency <= self.max_sample_frequency
    }

    /// True when the format falls in the range: the same major format, sub-format and
    /// specifier, 1 to `max_channels` channels, a container size and a rate within the
    /// bounds (the valid bits never exceed the container: [`KsDataFormat::is_valid`]).
    pub fn contains(&self, format: &KsDataFormat) -> bool {
        let Some(w) = &format.wave else {
            return false;
        };
        format.major_format == self.major_format
            && format.sub_format == self.sub_format
            && format.specifier == self.specifier
            && (1..=self.max_channels).contains(&w.channels)
            && (self.min_bits_per_sample..=self.max_bits_per_sample).contains(&w.bits_per_sample)
            && (self.min_sample_frequency..=self.max_sample_frequency).contains(&w.samples_per_sec)
    }
}

/// The data of an `IKsFormatSupport` control (K15): the formats the connector accepts (listed
/// one by one, and as data ranges) and the one `GetDevicePreferredFormat` returns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormatSupportSpec {
    /// Formats supported one by one.
    pub formats: Vec<KsDataFormat>,
    /// Ranges of supported formats (`KSDATARANGE_AUDIO`). `IsFormatSupported` is true exactly
    /// for a listed format or one inside a range.
    pub ranges: Vec<KsDataRange>,
    /// The preferred format; must be one of `formats`.
    pub preferred: KsDataFormat,
}

impl FormatSupportSpec {
    /// The formats, with the first one preferred, and no ranges; `None` when the list is
    /// empty.
    pub fn first_preferred(formats: Vec<KsDataFormat>) -> Option<FormatSupportSpec> {
        let preferred = *formats.first()?;
        Some(FormatSupportSpec {
            formats,
            ranges: Vec::new(),
            preferred,
        })
    }

    /// Whether `format` is supported: listed, or inside a range (K15).
    pub fn supports(&self, format: &KsDataFormat) -> bool {
        self.formats.contains(format) || self.ranges.iter().any(|r| r.contains(format))
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
