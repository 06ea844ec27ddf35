//! Device and part names for a scenario, indexed once: resolving a `device/part` reference
//! and labelling a part in output cost O(1) hash look-ups plus the length of the text, not a
//! scan of every device or every part of a device.
//!
//! The index answers exactly as [`System::find_device`] and [`System::find_part`] do (a device
//! by ID first, else by unique friendly name; a part by local ID first, else by unique part
//! name); on a miss it asks them, so error messages are theirs. Labels follow the CLI's rule:
//! a device is named by its friendly name when that finds it again, else by its ID.

use std::collections::HashMap;

use crate::file::RefError;
use crate::{Device, LocalId, Part, System};

/// The index of one system's device and part names.
#[derive(Debug)]
pub(crate) struct Names {
    system: System,
    /// Live devices by friendly name (several when the name is shared).
    by_name: HashMap<String, Vec<Device>>,
    /// Each live device's output label, by device ID.
    labels: HashMap<String, String>,
    /// Each live device's parts by part name, by device ID.
    parts: HashMap<String, HashMap<String, Vec<Part>>>,
}

impl Names {
    /// Indexes the devices and parts of `system`: O(devices + parts), once.
    pub(crate) fn new(system: &System) -> Names {
        let mut names = Names {
            system: system.clone(),
            by_name: HashMap::new(),
            labels: HashMap::new(),
            parts: HashMap::new(),
        };
        names.refresh();
        names
    }

    /// Rebuilds the index after the set of devices changed (a `RemoveDevice` step).
    pub(crate) fn refresh(&mut self) {
        crate::instrument::quietly(|| {
            self.by_name.clear();
            self.labels.clear();
            self.parts.clear();
            let devices = self.system.devices();
            let mut ids = Vec::with_capacity(devices.len());
            for device in devices {
                let id = device.id().unwrap_or_default();
                let name = device.name().unwrap_or_default();
                let mut parts: HashMap<String, Vec<Part>> = HashMap::new();
                if let Ok(topology) = device.topology() {
                    let count = |r: crate::Result<u32>| r.unwrap_or(0);
                    let connectors = (0..count(topology.connector_count()))
                        .filter_map(|i| topology.connector(i).ok())
                        .map(|c| c.as_part().clone());
                    let subunits = (0..count(topology.subunit_count()))
                        .filter_map(|i| topology.subunit(i).ok())
                        .map(|s| s.as_part().clone());
                    for part in connectors.chain(subunits) {
                        parts
                            .entry(part.name().unwrap_or_default())
                            .or_default()
                            .push(part);
                    }
                }
                self.parts.insert(id.clone(), parts);
                self.by_name.entry(name.clone()).or_default().push(device);
                ids.push((id, name));
            }
            for (id, name) in ids {
                let own_name = !name.is_empty()
                    && match self.system.device(&name) {
                        // A device whose ID is this name wins (find_device looks up IDs first).
                        Ok(by_id) => by_id.id().is_ok_and(|found| found == id),
                        Err(_) => self.by_name.get(&name).is_some_and(|list| list.len() == 1),
                    };
                let label = if own_name { name } else { id.clone() };
                self.labels.insert(id, label);
            }
        })
    }

    /// The system the names belong to.
    pub(crate) fn system(&self) -> &System {
        &self.system
    }

    /// As [`System::find_device`], in O(1).
    pub(crate) fn find_device(&self, text: &str) -> Result<Device, RefError> {
        crate::instrument::quietly(|| {
            if let Ok(device) = self.system.device(text) {
                return Ok(device);
            }
            match self.by_name.get(text).map(Vec::as_slice) {
                Some([device]) => Ok(device.clone()),
                _ => self.system.find_device(text),
            }
        })
    }

    /// As [`System::find_part`], in O(1) plus the length of `text`.
    pub(crate) fn find_part(&self, text: &str) -> Result<Part, RefError> {
        crate::instrument::quietly(|| {
            let Some((device, wanted)) = text.rsplit_once('/') else {
                return self.system.find_part(text);
            };
            let Ok(found) = self.find_device(device) else {
                return self.system.find_part(text);
            };
            if let Some(id) = LocalId::parse(wanted) {
                if let Ok(part) = found.topology().and_then(|t| t.part_by_id(id)) {
                    return Ok(part);
                }
            }
            let id = found.id().unwrap_or_default();
            match self
                .parts
                .get(&id)
                .and_then(|parts| parts.get(wanted))
                .map(Vec::as_slice)
            {
                Some([part]) => Ok(part.clone()),
                _ => self.system.find_part(text),
            }
        })
    }

    /// How output names a part: `device/0x00010001`, which `find_part` accepts; the device by
    /// friendly name when that finds it again, else by ID; `?` once the device was removed.
    pub(crate) fn part_label(&self, part: &Part) -> String {
        crate::instrument::quietly(|| {
            let local = part.local_id().map(|l| l.to_string()).unwrap_or_default();
            match part.topology().and_then(|t| t.device_id()) {
                Ok(id) => match self.labels.get(&id) {
                    Some(label) => format!("{label}/{local}"),
                    None => format!("{id}/{local}"),
                },
                Err(_) => format!("?/{local}"),
            }
        })
    }
}
