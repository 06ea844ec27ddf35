//! `IKsFormatSupport` (K15): `KSDATAFORMAT` (+ `WAVEFORMATEXTENSIBLE`) bytes to and from
//! devtopo's typed [`KsDataFormat`]. The byte layout is the Windows one (E14): a 64-byte
//! `KSDATAFORMAT` header, followed for the `WAVEFORMATEX` specifier by a `WAVEFORMATEX` (18
//! bytes) or a `WAVEFORMATEXTENSIBLE` (40 bytes, `wFormatTag` 0xFFFE).

use std::ffi::c_void;

use devtopo::{Control, Guid, KsDataFormat, WaveFormat, format_guids};
use windows_core::{BOOL, HRESULT};

use super::control::{ControlObject, handle};
use crate::generated::{IKsFormatSupport_Vtbl, KSDATARANGE, PKSDATAFORMAT};
use crate::memory::co_task_mem_alloc;
use crate::object::{E_INVALIDARG, E_OUTOFMEMORY, E_POINTER, com, out_ptr, out_value, unknown};

const HEADER: usize = 64;
const WAVEFORMATEX: usize = 18;
const EXTENSIBLE: usize = 40;
const WAVE_FORMAT_EXTENSIBLE: u16 = 0xFFFE;

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn guid_at(b: &[u8], at: usize) -> Guid {
    let mut data4 = [0; 8];
    data4.copy_from_slice(&b[at + 8..at + 16]);
    Guid {
        data1: u32_at(b, at),
        data2: u16_at(b, at + 4),
        data3: u16_at(b, at + 6),
        data4,
    }
}

fn put_guid(out: &mut Vec<u8>, g: Guid) {
    out.extend_from_slice(&g.data1.to_le_bytes());
    out.extend_from_slice(&g.data2.to_le_bytes());
    out.extend_from_slice(&g.data3.to_le_bytes());
    out.extend_from_slice(&g.data4);
}

/// Parses the bytes a client passed; `None` when they are too short for a `KSDATAFORMAT`.
pub(crate) fn parse(bytes: &[u8]) -> Option<KsDataFormat> {
    if bytes.len() < HEADER {
        return None;
    }
    let specifier = guid_at(bytes, 48);
    let wave_bytes = &bytes[HEADER..];
    let wave = (specifier == format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX
        && wave_bytes.len() >= WAVEFORMATEX)
        .then(|| {
            let bits = u16_at(wave_bytes, 14);
            let extensible =
                u16_at(wave_bytes, 0) == WAVE_FORMAT_EXTENSIBLE && wave_bytes.len() >= EXTENSIBLE;
            WaveFormat {
                channels: u16_at(wave_bytes, 2),
                samples_per_sec: u32_at(wave_bytes, 4),
                bits_per_sample: bits,
                valid_bits_per_sample: if extensible {
                    u16_at(wave_bytes, 18)
                } else {
                    bits
                },
                channel_mask: if extensible {
                    u32_at(wave_bytes, 20)
                } else {
                    0
                },
            }
        });
    Some(KsDataFormat {
        major_format: guid_at(bytes, 16),
        sub_format: guid_at(bytes, 32),
        specifier,
        wave,
    })
}

/// The Windows bytes of `format`.
pub(crate) fn to_bytes(format: &KsDataFormat) -> Vec<u8> {
    let mut out = Vec::with_capacity(format.format_size() as usize);
    out.extend_from_slice(&format.format_size().to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // Flags
    let sample_size = format.wave.map_or(0, |w| w.block_align());
    out.extend_from_slice(&sample_size.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // Reserved
    put_guid(&mut out, format.major_format);
    put_guid(&mut out, format.sub_format);
    put_guid(&mut out, format.specifier);
    if let Some(w) = format.wave {
        out.extend_from_slice(&WAVE_FORMAT_EXTENSIBLE.to_le_bytes());
        out.extend_from_slice(&w.channels.to_le_bytes());
        out.extend_from_slice(&w.samples_per_sec.to_le_bytes());
        out.extend_from_slice(&w.avg_bytes_per_sec().to_le_bytes());
        out.extend_from_slice(&(w.block_align() as u16).to_le_bytes());
        out.extend_from_slice(&w.bits_per_sample.to_le_bytes());
        out.extend_from_slice(&22u16.to_le_bytes()); // cbSize
        out.extend_from_slice(&w.valid_bits_per_sample.to_le_bytes());
        out.extend_from_slice(&w.channel_mask.to_le_bytes());
        put_guid(&mut out, format.sub_format);
    }
    out
}

unsafe extern "system" fn is_format_supported(
    this: *mut c_void,
    format: *const KSDATARANGE,
    size: u32,
    out: *mut BOOL,
) -> HRESULT {
    if format.is_null() || out.is_null() {
        return E_POINTER;
    }
    // SAFETY: `this` came through VTBL (a ControlObject); `format` is non-NULL and, by the
    // method's contract, readable for `size` bytes; `out` is non-NULL and writable.
    unsafe {
        let support = match handle(this, Control::into_format_support) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let bytes = std::slice::from_raw_parts(format.cast::<u8>(), size as usize);
        // Fewer bytes than a KSDATAFORMAT header is not a format at all (K15's E_INVALIDARG).
        let Some(format) = parse(bytes) else {
            return E_INVALIDARG;
        };
        out_value(out, || support.is_format_supported(&format).map(BOOL::from))
    }
}

unsafe extern "system" fn device_preferred_format(
    this: *mut c_void,
    out: *mut PKSDATAFORMAT,
) -> HRESULT {
    // SAFETY: `this` came through VTBL; `out` is NULL or writable (COM contract).
    unsafe {
        out_ptr(out, || {
            let support = handle(this, Control::into_format_support)?;
            let bytes = to_bytes(&com(support.device_preferred_format())?);
            let block = co_task_mem_alloc(bytes.len()).cast::<u8>();
            if block.is_null() {
                return Err(E_OUTOFMEMORY);
            }
            // SAFETY: `block` is a fresh allocation of `bytes.len()` bytes.
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), block, bytes.len());
            Ok(block.cast::<KSDATARANGE>())
        })
    }
}

pub(crate) static VTBL: IKsFormatSupport_Vtbl = IKsFormatSupport_Vtbl {
    base__: unknown::<ControlObject, 0>(),
    IsFormatSupported: is_format_supported,
    GetDevicePreferredFormat: device_preferred_format,
};
