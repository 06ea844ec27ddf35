//! [`PropertyStore`]: `IPropertyStore` on a device (S1-S11, X53-X56).

use std::sync::Arc;

use crate::engine::DeviceKey;
use crate::error::{Error, Result};
use crate::instrument::{Arg, Hook, Method, Site, no_args};
use crate::properties::{PropVariant, PropertyKey, StoreAccess};
use crate::system::Shared;

/// `IPropertyStore` of one device, opened with one access mode (V23). Every instance of one
/// device sees one store (X56): a `SetValue` is visible at once to every other instance and
/// persists (S1). Values are owned [`PropVariant`]s (S39).
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
/// let system = fixtures::sysvad_speaker()?;
/// let speakers = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
/// let store = speakers.open_property_store(STGM_READ)?;
/// let name = store.value(&pkey::PKEY_Device_FriendlyName)?;
/// assert!(name.as_str().is_some());
/// // An absent key is S_OK with VT_EMPTY (rule S4).
/// assert_eq!(store.value(&pkey::DEVPKEY_DeviceInterface_Enabled)?, PropVariant::Empty);
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Clone)]
pub struct PropertyStore {
    shared: Arc<Shared>,
    key: DeviceKey,
    access: StoreAccess,
}

impl PropertyStore {
    pub(crate) fn new(shared: Arc<Shared>, key: DeviceKey, access: StoreAccess) -> PropertyStore {
        PropertyStore {
            shared,
            key,
            access,
        }
    }

    /// The mode the store was opened with.
    pub fn access(&self) -> StoreAccess {
        self.access
    }

    /// `IPropertyStore::GetCount` (S2).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`].
    pub fn count(&self) -> Result<u32> {
        self.call(Method::IPropertyStore_GetCount, no_args, || {
            let engine = self.shared.read();
            engine.device(self.key)?;
            Ok(engine.store(self.key.ix).len() as u32)
        })
    }

    /// `IPropertyStore::GetAt` (S3, X53): keys in insertion order (derived keys first, then
    /// the file's and `SetValue`'s, X53).
    ///
    /// # Errors
    /// [`Error::PropertyIndexOutOfRange`] (`E_INVALIDARG`, X53); [`Error::DeviceRemoved`].
    pub fn at(&self, index: u32) -> Result<PropertyKey> {
        self.call(
            Method::IPropertyStore_GetAt,
            |_| vec![Arg::new("index", index)],
            || {
                let engine = self.shared.read();
                engine.device(self.key)?;
                let store = engine.store(self.key.ix);
                store.get(index as usize).map(|e| e.key).ok_or_else(|| {
                    Error::PropertyIndexOutOfRange {
                        device: engine.device_id(self.key.ix),
                        index,
                        count: store.len() as u32,
                    }
                })
            },
        )
    }

    /// `IPropertyStore::GetValue` (S4): the value, or [`PropVariant::Empty`] (S_OK with
    /// `VT_EMPTY`) for an absent key.
    ///
    /// # Errors
    /// [`Error::StoreModeMismatch`] (`STG_E_ACCESSDENIED`) on a `STGM_WRITE` store (X55);
    /// [`Error::DeviceRemoved`].
    pub fn value(&self, key: &PropertyKey) -> Result<PropVariant> {
        self.call(
            Method::IPropertyStore_GetValue,
            |_| vec![Arg::new("key", *key)],
            || {
                let engine = self.shared.read();
                engine.device(self.key)?;
                if !self.access.can_read() {
                    return Err(Error::StoreModeMismatch {
                        device: engine.device_id(self.key.ix),
                        needed: "reading",
                    });
                }
                Ok(engine
                    .store_value(self.key.ix, *key)
                    .map(|v| v.to_variant())
                    .unwrap_or_default())
            },
        )
    }

    /// `IPropertyStore::SetValue` (S7-S10, S12, Y11): adds or replaces; `VT_EMPTY` removes
    /// (S_OK also when absent). Any `VARTYPE` is accepted (X56). An effective change of an
    /// endpoint's value sends `OnPropertyValueChanged` (Y11); a derived FriendlyName follows a
    /// new DeviceDesc (S12) and notifies too.
    ///
    /// # Errors
    /// [`Error::StoreAccessDenied`] (`E_ACCESSDENIED`) on a `STGM_READ` store (S10);
    /// [`Error::ReadOnlyPropertyKey`] (`E_ACCESSDENIED`) for `PKEY_AudioEndpoint_GUID` (S9);
    /// [`Error::DeviceRemoved`].
    pub fn set_value(&self, key: &PropertyKey, value: PropVariant) -> Result<()> {
        let vt = value.var_type();
        self.call(
            Method::IPropertyStore_SetValue,
            |_| vec![Arg::new("key", *key), Arg::new("vt", format!("{vt:?}"))],
            || {
                self.shared.mutate(|engine| {
                    engine.device(self.key)?;
                    if !self.access.can_write() {
                        return Err(Error::StoreAccessDenied {
                            device: engine.device_id(self.key.ix),
                            reason: "the store was opened with STGM_READ",
                            rule: "S10, X55",
                        });
                    }
                    engine.set_store_value(self.key.ix, *key, value, false)
                })
            },
        )
    }

    /// `IPropertyStore::Commit` (S1, S11, X56): a no-op (values are written at once); the
    /// store stays usable.
    ///
    /// # Errors
    /// [`Error::StoreModeMismatch`] (`STG_E_ACCESSDENIED`) on a `STGM_READ` store (X55);
    /// [`Error::DeviceRemoved`].
    pub fn commit(&self) -> Result<()> {
        self.call(Method::IPropertyStore_Commit, no_args, || {
            let engine = self.shared.read();
            engine.device(self.key)?;
            if !self.access.can_write() {
                return Err(Error::StoreModeMismatch {
                    device: engine.device_id(self.key.ix),
                    needed: "writing",
                });
            }
            Ok(())
        })
    }

    /// Every key and value, in `GetAt` order (not a COM method).
    ///
    /// # Errors
    /// As [`PropertyStore::value`].
    pub fn entries(&self) -> Result<Vec<(PropertyKey, PropVariant)>> {
        let engine = self.shared.read();
        engine.device(self.key)?;
        if !self.access.can_read() {
            return Err(Error::StoreModeMismatch {
                device: engine.device_id(self.key.ix),
                needed: "reading",
            });
        }
        Ok(engine
            .store(self.key.ix)
            .iter()
            .map(|e| (e.key, e.value.to_variant()))
            .collect())
    }
}

impl std::fmt::Debug for PropertyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = self.shared.read().device_id(self.key.ix);
        f.debug_struct("PropertyStore")
            .field("device", &id)
            .field("access", &self.access)
            .finish()
    }
}

impl Hook for PropertyStore {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::Device(self.key))
    }
}
