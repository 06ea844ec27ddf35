//! The COM-shaped handles: one Rust method for each method of `IDeviceTopology`,
//! `IConnector`, `IPart`, `ISubunit` and `IPartsList`.
//!
//! A handle is an `(Arc, key)` pair: cheap to clone, `Send + Sync`, and equal (and hash-equal)
//! to another handle exactly when both name the same object of the same system. Handles only
//! translate: every rule lives in the engine.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::system::Shared;

mod connector;
pub(crate) mod control;
mod device;
mod device_mm;
mod enumerator;
mod hardware;
mod hardware_mm;
mod ks_control;
mod part;
mod part_table;
mod parts_list;
mod property_store;
mod topology;

pub use connector::Connector;
pub use control::{
    AudioAutoGainControl, AudioChannelConfig, AudioInputSelector, AudioLoudness, AudioMute,
    AudioOutputSelector, AudioPeakMeter, Control, ControlHandle, ControlInterface,
    DeviceSpecificProperty, KsFormatSupport, KsJackDescription, KsJackDescription2, LevelRange,
    PerChannelDbLevel,
};
pub use device::Device;
pub use device_mm::Activated;
pub use enumerator::DeviceCollection;
pub use hardware::Hardware;
pub use ks_control::KsControl;
pub use part::{Part, Subunit};
pub use part_table::{PartRow, PartTable, PartTableIter};
pub use parts_list::{PartsList, PartsListIter};
pub use property_store::PropertyStore;
pub use topology::DeviceTopology;

/// Identity of a system, for `Hash` on handles.
pub(crate) fn hash_system<H: Hasher>(shared: &Arc<Shared>, state: &mut H) {
    (Arc::as_ptr(shared) as usize).hash(state);
}

/// Implements identity `PartialEq`, `Eq` and `Hash` for a handle type with a `shared` field:
/// two handles are equal when they share one system and their `$key` fields are equal.
macro_rules! identity_handle {
    ($ty:ident, $key:ident) => {
        impl PartialEq for $ty {
            fn eq(&self, other: &$ty) -> bool {
                std::sync::Arc::ptr_eq(&self.shared, &other.shared) && self.$key == other.$key
            }
        }

        impl Eq for $ty {}

        impl std::hash::Hash for $ty {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                $crate::handles::hash_system(&self.shared, state);
                std::hash::Hash::hash(&self.$key, state);
            }
        }
    };
}

pub(crate) use identity_handle;
