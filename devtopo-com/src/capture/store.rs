//! Property stores through COM (S2-S4, S37): every key in `GetAt` order, each value read by
//! its VARTYPE and cleared; and the name a captured device gets.

use devtopo::{DeviceKind, PropVariant, PropertyKey, pkey};

use super::Log;
use crate::generated::{IMMDevice, PROPERTYKEY, PropVariantClear};
use crate::objects::part::guid;
use crate::objects::property_store::from_propvariant;

/// At most this many values of one store are read (real stores hold a few dozen).
const MAX_PROPERTIES: u32 = 65_536;

/// `STGM_READ`.
const STGM_READ: u32 = 0;

/// The property store in `GetAt` order (S3); a value devtopo cannot hold is a warning.
///
/// # Safety
/// `device` is live.
pub(crate) unsafe fn read(
    device: &IMMDevice,
    id: &str,
    log: &mut Log,
) -> Vec<(PropertyKey, PropVariant)> {
    let mut out = Vec::new();
    // SAFETY: COM calls on live interface pointers; each PROPVARIANT is read by its tag
    // (from_propvariant) and cleared once with PropVariantClear.
    unsafe {
        let store = match device.OpenPropertyStore(STGM_READ) {
            Ok(s) => s,
            Err(e) => {
                log.warn(
                    id,
                    None,
                    "IMMDevice::OpenPropertyStore(STGM_READ)",
                    &e,
                    "no property captured",
                );
                return out;
            }
        };
        let count = match store.GetCount() {
            Ok(n) => n,
            Err(e) => {
                log.warn(
                    id,
                    None,
                    "IPropertyStore::GetCount",
                    &e,
                    "no property captured",
                );
                return out;
            }
        };
        if count > MAX_PROPERTIES {
            log.note(
                id,
                None,
                format!("IPropertyStore::GetCount: {count} reported; the first {MAX_PROPERTIES} are captured"),
            );
        }
        for i in 0..count.min(MAX_PROPERTIES) {
            let mut key = PROPERTYKEY::default();
            if let Err(e) = store.GetAt(i, &mut key).ok() {
                log.warn(
                    id,
                    None,
                    &format!("IPropertyStore::GetAt({i})"),
                    &e,
                    "property skipped",
                );
                continue;
            }
            let dkey = PropertyKey::new(guid(&key.fmtid), key.pid);
            match store.GetValue(&key) {
                Ok(mut var) => {
                    let value = from_propvariant(&var);
                    let _ = PropVariantClear(&mut var);
                    match value {
                        Ok(v) => out.push((dkey, v)),
                        Err(hr) => log.warn(
                            id,
                            None,
                            &format!("IPropertyStore::GetValue({dkey})"),
                            &windows_core::Error::from_hresult(hr),
                            "the value's VARTYPE is not one devtopo stores (S37); property skipped",
                        ),
                    }
                }
                Err(e) => log.warn(
                    id,
                    None,
                    &format!("IPropertyStore::GetValue({dkey})"),
                    &e,
                    "property skipped",
                ),
            }
        }
    }
    out
}

/// The name a captured device gets. An adapter's is its `PKEY_Device_FriendlyName` (X57); an
/// endpoint's own label is not visible to a client (X69), so it is `PKEY_Device_DeviceDesc`,
/// else the FriendlyName, else empty.
pub(crate) fn device_name(kind: DeviceKind, properties: &[(PropertyKey, PropVariant)]) -> String {
    let find = |key: PropertyKey| {
        properties
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.as_str())
            .map(str::to_owned)
    };
    match kind {
        DeviceKind::Adapter => find(pkey::PKEY_Device_FriendlyName)
            .or_else(|| find(pkey::PKEY_DeviceInterface_FriendlyName)),
        _ => find(pkey::PKEY_Device_DeviceDesc).or_else(|| find(pkey::PKEY_Device_FriendlyName)),
    }
    .unwrap_or_default()
}
