//! `IKsFormatSupport` (K15) through COM: the preferred format, and the formats of a fixed
//! probe grid that `IsFormatSupported` accepts. Windows offers no call that lists a
//! connector's formats or its data ranges, so capture asks about each format of the grid:
//! the captured connector supports exactly the grid formats the original supports (X69).

use std::sync::OnceLock;

use devtopo::{FormatSupportSpec, KsDataFormat, LocalId, format_guids};

use super::Log;
use crate::generated::{CoTaskMemFree, IKsFormatSupport, KSDATARANGE};
use crate::objects::format::{parse, to_bytes};

/// The sub-formats the grid asks about.
const SUB_FORMATS: [devtopo::Guid; 6] = [
    format_guids::KSDATAFORMAT_SUBTYPE_PCM,
    format_guids::KSDATAFORMAT_SUBTYPE_IEEE_FLOAT,
    format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL,
    format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS,
    format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD,
    format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP,
];

/// The sample rates the grid asks about (Hz).
const RATES: [u32; 12] = [
    8_000, 11_025, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000,
];

/// The container sizes the grid asks about (bits).
const BITS: [u16; 4] = [8, 16, 24, 32];

/// Channel counts 1 to this.
const MAX_CHANNELS: u16 = 8;

/// The formats capture asks `IsFormatSupported` about, in the order a captured connector
/// lists them: 6 sub-formats (PCM, IEEE float, the four IEC 61937 ones) x 1-8 channels x 8,
/// 16, 24, 32 bits x 12 rates from 8 kHz to 192 kHz, all `WAVEFORMATEXTENSIBLE` with every
/// bit valid and the default channel mask ([`KsDataFormat::wave`]): 2,304 formats.
pub fn probe_grid() -> &'static [KsDataFormat] {
    static GRID: OnceLock<Vec<KsDataFormat>> = OnceLock::new();
    GRID.get_or_init(|| {
        let mut grid = Vec::new();
        for sub in SUB_FORMATS {
            for channels in 1..=MAX_CHANNELS {
                for bits in BITS {
                    for rate in RATES {
                        grid.push(KsDataFormat::wave(sub, channels, rate, bits));
                    }
                }
            }
        }
        grid
    })
}

/// Each grid format as the bytes `IsFormatSupported` takes (`KSDATAFORMAT` +
/// `WAVEFORMATEXTENSIBLE`, E14), in 8-byte-aligned words (the `KSDATAFORMAT` union's
/// `Alignment` member), with its length in bytes: made once per process.
fn grid_bytes() -> &'static [(Vec<u64>, u32)] {
    static BYTES: OnceLock<Vec<(Vec<u64>, u32)>> = OnceLock::new();
    BYTES.get_or_init(|| {
        probe_grid()
            .iter()
            .map(|format| {
                let bytes = to_bytes(format);
                let words = bytes
                    .chunks(8)
                    .map(|c| {
                        let mut word = [0u8; 8];
                        word[..c.len()].copy_from_slice(c);
                        u64::from_ne_bytes(word)
                    })
                    .collect();
                (words, bytes.len() as u32)
            })
            .collect()
    })
}

/// The largest `KSDATAFORMAT` read back from `GetDevicePreferredFormat`.
const MAX_FORMAT_BYTES: u32 = 4096;

/// The preferred format and the supported grid formats (preferred first when it is not on
/// the grid).
///
/// # Safety
/// `support` is live.
pub(crate) unsafe fn read(
    support: &IKsFormatSupport,
    device: &str,
    local_id: LocalId,
    log: &mut Log,
) -> Result<FormatSupportSpec, (String, windows_core::Error)> {
    // SAFETY: COM calls on a live interface pointer. The preferred format is caller-owned
    // CoTaskMemAlloc memory of `FormatSize` bytes (K15), read within that size and freed once;
    // each probe passes words that hold its `size` bytes, aligned for a KSDATAFORMAT.
    unsafe {
        let ptr = support
            .GetDevicePreferredFormat()
            .map_err(|e| ("IKsFormatSupport::GetDevicePreferredFormat".to_owned(), e))?;
        let preferred = if ptr.is_null() {
            None
        } else {
            let size = (*ptr).Anonymous.FormatSize.min(MAX_FORMAT_BYTES) as usize;
            let bytes = std::slice::from_raw_parts(ptr.cast::<u8>(), size);
            let parsed = parse(bytes);
            CoTaskMemFree(ptr.cast());
            parsed
        };
        let Some(preferred) = preferred else {
            return Err((
                "IKsFormatSupport::GetDevicePreferredFormat".to_owned(),
                windows_core::Error::new(
                    windows_core::HRESULT(devtopo::HResult::E_INVALIDARG.0),
                    "not a KSDATAFORMAT (E14)",
                ),
            ));
        };
        let mut formats = Vec::new();
        let mut failed = 0usize;
        for (format, (words, size)) in probe_grid().iter().zip(grid_bytes()) {
            match support.IsFormatSupported(words.as_ptr().cast::<KSDATARANGE>(), *size) {
                Ok(b) if b.as_bool() => formats.push(*format),
                Ok(_) => {}
                Err(e) => {
                    if failed == 0 {
                        log.warn(
                            device,
                            Some(local_id),
                            "IKsFormatSupport::IsFormatSupported",
                            &e,
                            "the formats it failed on are captured as unsupported",
                        );
                    }
                    failed += 1;
                }
            }
        }
        if !formats.contains(&preferred) {
            formats.insert(0, preferred);
        }
        Ok(FormatSupportSpec {
            formats,
            ranges: Vec::new(),
            preferred,
        })
    }
}
