//! Property stores (S1-S40): one ordered store per device, the derivations the audio
//! endpoint builder makes when a device enters the system (B1, S12-S14, S35, S36, X57-X60),
//! and `SetValue` with its checks (S7-S10, Y11).

use super::Engine;
use super::events::EventKind;
pub(crate) use super::store_value::{Stored, Stores};
use crate::error::{Error, Result};
use crate::guid::{Guid, guids};
use crate::properties::{EndpointEvent, EndpointFormFactor, PropVariant, PropertyKey, pkey};
use crate::types::DeviceKind;

/// One stored value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) key: PropertyKey,
    pub(crate) value: Stored,
    /// Made by a derivation, not given by the file or a `SetValue` (S13): a derived
    /// FriendlyName follows DeviceDesc and DeviceInterface_FriendlyName (S12).
    pub(crate) derived: bool,
}

/// Keys no client may set, in any mode (S9): `E_ACCESSDENIED`.
pub(crate) const READ_ONLY_KEYS: &[PropertyKey] = &[pkey::PKEY_AudioEndpoint_GUID];

/// S35 (X58): the form factor of a bridge pin category.
pub(crate) fn form_factor(category: Guid) -> EndpointFormFactor {
    use EndpointFormFactor as F;
    match category {
        c if c == guids::KSNODETYPE_SPEAKER || c == guids::KSNODETYPE_DESKTOP_SPEAKER => {
            F::Speakers
        }
        c if c == guids::KSNODETYPE_HEADPHONES => F::Headphones,
        c if c == guids::KSNODETYPE_MICROPHONE
            || c == guids::KSNODETYPE_DESKTOP_MICROPHONE
            || c == guids::KSNODETYPE_MICROPHONE_ARRAY =>
        {
            F::Microphone
        }
        c if c == guids::KSNODETYPE_LINE_CONNECTOR
            || c == guids::KSNODETYPE_CD_PLAYER
            || c == guids::KSNODETYPE_LEGACY_AUDIO_CONNECTOR =>
        {
            F::LineLevel
        }
        c if c == guids::KSNODETYPE_HEADSET => F::Headset,
        c if c == guids::KSNODETYPE_HANDSET => F::Handset,
        c if c == guids::KSNODETYPE_SPDIF_INTERFACE => F::Spdif,
        c if c == guids::KSNODETYPE_HDMI_INTERFACE
            || c == guids::KSNODETYPE_DISPLAYPORT_INTERFACE =>
        {
            F::DigitalAudioDisplayDevice
        }
        _ => F::UnknownFormFactor,
    }
}

/// X57: the PnP instance ID of an adapter (KS filter) device ID: the device-interface path
/// after `{2}.\\?\`, up to the last `#{` (the interface class), with `#` read as `\`, in upper case.
/// `{2}.\\?\usb#vid_046d&pid_0a8f#5&1a2b#{6994ad04-...}\topo` -> `USB\VID_046D&PID_0A8F\5&1A2B`.
pub(crate) fn instance_id(adapter_id: &str) -> Option<String> {
    let path = adapter_id.strip_prefix("{2}.\\\\?\\")?;
    let end = path.rfind("#{").unwrap_or(path.len());
    Some(path[..end].replace('#', "\\").to_uppercase())
}

/// S34, X67: the GUID of an endpoint ID `{0.0.F.00000000}.{guid}`.
pub(crate) fn endpoint_guid(id: &str) -> Option<Guid> {
    let rest = id.strip_prefix("{0.0.")?;
    let (_, guid) = rest.split_once("}.")?;
    Guid::parse_hex(guid)
}

impl Engine {
    /// The stored value of a key, if any.
    pub(crate) fn store_value(&self, ix: u32, key: PropertyKey) -> Option<&Stored> {
        self.mm
            .stores
            .get(ix)?
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    /// The entries of a device's store, in order (X53).
    pub(crate) fn store(&self, ix: u32) -> &[Entry] {
        self.mm.stores.get(ix).map_or(&[], Vec::as_slice)
    }

    /// Writes a value; `VT_EMPTY` removes the key (S7). Returns true when the store changed.
    fn put(&mut self, ix: u32, key: PropertyKey, value: Stored, derived: bool) -> bool {
        if key == pkey::PKEY_AudioEndpoint_FormFactor {
            // V7's rank may change: the next election scans instead of following one change.
            self.mm.best_stale = true;
        }
        let store = self.mm.stores.get_or_default(ix);
        match store.iter().position(|e| e.key == key) {
            Some(i) if value.is_empty() => {
                store.remove(i);
                true
            }
            Some(i) => {
                let changed = store[i].value != value;
                store[i].value = value;
                store[i].derived = derived;
                changed
            }
            None if value.is_empty() => false,
            None => {
                store.push(Entry {
                    key,
                    value,
                    derived,
                });
                true
            }
        }
    }

    /// An explicit value from the builder or a file (S13): derivations do not replace it.
    pub(crate) fn set_initial_property(&mut self, ix: u32, key: PropertyKey, value: PropVariant) {
        self.put(ix, key, value.into(), false);
    }

    /// The values the audio endpoint builder derives for a device (B1), in store order.
    fn derivations(&self, ix: u32) -> Vec<(PropertyKey, Stored)> {
        let Some(slot) = self.devices.get(ix as usize) else {
            return Vec::new();
        };
        let Some(dev) = slot.node.as_ref() else {
            return Vec::new();
        };
        let text = |s: &str| Stored::Text(s.into());
        let mut out = Vec::new();
        if dev.kind == DeviceKind::Adapter {
            out.push((pkey::PKEY_Device_FriendlyName, text(&dev.name)));
            out.push((pkey::PKEY_DeviceInterface_FriendlyName, text(&dev.name)));
            if let Some(instance) = instance_id(&slot.id) {
                out.push((pkey::PKEY_Device_InstanceId, Stored::Text(instance.into())));
            }
            return out;
        }
        let own = dev
            .connectors
            .first()
            .and_then(|&c| self.graph.node_weight(c));
        let peer = own
            .and_then(|p| p.connector.as_ref())
            .and_then(|c| c.peer())
            .and_then(|p| self.graph.node_weight(p.node));
        let category = peer
            .or(own)
            .map_or(guids::KSCATEGORY_AUDIO, |p| self.subtype(p));
        let ff = form_factor(category);
        // S14: speaker endpoints are always "Speakers"; otherwise the adapter pin's name.
        let desc = if ff == EndpointFormFactor::Speakers {
            "Speakers"
        } else {
            match peer.map(|p| &*p.name) {
                Some(name) if !name.is_empty() => name,
                _ => &*dev.name,
            }
        };
        out.push((pkey::PKEY_Device_DeviceDesc, text(desc)));
        if let Some(adapter) = peer.and_then(|p| self.devices.get(p.device as usize)?.node.as_ref())
        {
            out.push((pkey::PKEY_DeviceInterface_FriendlyName, text(&adapter.name)));
        }
        out.push((pkey::PKEY_AudioEndpoint_FormFactor, Stored::Ui4(ff.value())));
        out.push((
            pkey::PKEY_AudioEndpoint_Association,
            Stored::GuidText(category),
        ));
        out.push((
            pkey::PKEY_AudioEndpoint_JackSubType,
            Stored::GuidText(category),
        ));
        if let Some(guid) = endpoint_guid(&slot.id) {
            out.push((pkey::PKEY_AudioEndpoint_GUID, Stored::GuidText(guid)));
        }
        out
    }

    /// S12: `DeviceDesc (DeviceInterface_FriendlyName)`, or DeviceDesc alone without an adapter name.
    fn composed_friendly_name(&self, ix: u32) -> Option<Stored> {
        let desc = self.store_value(ix, pkey::PKEY_Device_DeviceDesc)?.text()?;
        Some(Stored::Text(
            match self
                .store_value(ix, pkey::PKEY_DeviceInterface_FriendlyName)
                .and_then(Stored::text)
            {
                Some(adapter) if !adapter.is_empty() => format!("{desc} ({adapter})").into(),
                _ => desc.into(),
            },
        ))
    }

    /// Fills a new device's store with what the endpoint builder derives (B1), leaving
    /// explicit values alone (S13). Runs once per device, when it enters the system.
    pub(crate) fn derive_store(&mut self, ix: u32) {
        let derived = self.derivations(ix);
        // Room for the derivations and a composed FriendlyName, no more (issue 11).
        let store = self.mm.stores.get_or_default(ix);
        store.reserve_exact(derived.len() + 1);
        for (key, value) in derived {
            if self.store_value(ix, key).is_none() {
                self.put(ix, key, value, true);
            }
        }
        let is_endpoint = self
            .devices
            .get(ix as usize)
            .and_then(|s| s.node.as_ref())
            .is_some_and(|d| d.kind.is_endpoint());
        if is_endpoint
            && self
                .store_value(ix, pkey::PKEY_Device_FriendlyName)
                .is_none()
        {
            if let Some(name) = self.composed_friendly_name(ix) {
                self.put(ix, pkey::PKEY_Device_FriendlyName, name, true);
            }
        }
    }

    /// `SetValue` once the store's access was checked (S7, S9, S12, Y11): a change queues
    /// `OnPropertyValueChanged` for an endpoint; a derived FriendlyName follows the new
    /// DeviceDesc or adapter name (S12).
    ///
    /// # Errors
    /// [`Error::ReadOnlyPropertyKey`] for S9's keys (unless `force`, the driver's own write).
    pub(crate) fn set_store_value(
        &mut self,
        ix: u32,
        key: PropertyKey,
        value: PropVariant,
        force: bool,
    ) -> Result<()> {
        if !force && READ_ONLY_KEYS.contains(&key) {
            return Err(Error::ReadOnlyPropertyKey {
                device: self.device_id(ix),
                key,
            });
        }
        let mut changed = Vec::new();
        if self.put(ix, key, value.into(), false) {
            changed.push(key);
        }
        let derived_name = self
            .store(ix)
            .iter()
            .any(|e| e.key == pkey::PKEY_Device_FriendlyName && e.derived);
        if derived_name
            && (key == pkey::PKEY_Device_DeviceDesc
                || key == pkey::PKEY_DeviceInterface_FriendlyName)
        {
            if let Some(name) = self.composed_friendly_name(ix) {
                if self.put(ix, pkey::PKEY_Device_FriendlyName, name, true) {
                    changed.push(pkey::PKEY_Device_FriendlyName);
                }
            }
        }
        for &key in &changed {
            self.log(|e| EventKind::PropertyChanged {
                device: e.device_id(ix),
                key,
                value: e
                    .store_value(ix, key)
                    .map(Stored::to_variant)
                    .unwrap_or_default(),
            });
        }
        let is_endpoint = self
            .devices
            .get(ix as usize)
            .and_then(|s| s.node.as_ref())
            .is_some_and(|d| d.kind.is_endpoint());
        if is_endpoint {
            let id = self.device_id(ix).to_string();
            for key in changed {
                self.mm.pending.push(EndpointEvent::PropertyChanged {
                    device_id: id.clone(),
                    key,
                });
            }
        }
        Ok(())
    }
}

impl Engine {
    /// What a topology file must hold for the store to load back equal: every value that is
    /// not what the endpoint builder would derive now (S13).
    pub(crate) fn saved_properties(&self, ix: u32) -> Vec<(PropertyKey, PropVariant)> {
        let fresh = self.derivations(ix);
        let composed = self.composed_friendly_name(ix);
        self.store(ix)
            .iter()
            .filter(|e| {
                if !e.derived {
                    return true;
                }
                let again = if e.key == pkey::PKEY_Device_FriendlyName
                    && !fresh.iter().any(|(k, _)| *k == e.key)
                {
                    composed.clone()
                } else {
                    fresh
                        .iter()
                        .find(|(k, _)| *k == e.key)
                        .map(|(_, v)| v.clone())
                };
                again.as_ref() != Some(&e.value)
            })
            .map(|e| (e.key, e.value.to_variant()))
            .collect()
    }
}
