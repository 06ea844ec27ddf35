//! Naming devices and parts in text: `device/part`, where the device is a device ID or a
//! unique friendly name and the part a local ID (`0x10001`, `65537`) or a unique part name.
//!
//! The same resolution serves topology files (links, connections), the CLI (`devtopo path`)
//! and scenarios, so a reference means the same thing everywhere.

use std::collections::HashMap;

use crate::handles::{Device, Part};
use crate::system::System;
use crate::types::LocalId;

use super::schema::Shorten;

/// A reference that names no device or part, or more than one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RefError {
    message: String,
}

impl RefError {
    pub(crate) fn new(message: String) -> RefError {
        RefError { message }
    }
}

/// Splits `device/part` at the last `/` (device IDs may contain `/`, local IDs never do).
pub(crate) fn split(text: &str) -> Result<(&str, &str), RefError> {
    text.rsplit_once('/').ok_or_else(|| {
        RefError::new(format!(
            "`{}` is not a part reference; expected `device/part` (device ID or name, then local ID or part name)",
            Shorten(text)
        ))
    })
}

/// How many of a list of names are `wanted`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ByName {
    /// Exactly one, at this index.
    One(usize),
    /// More than one.
    Several,
    /// None.
    Missing,
}

fn by_name<'a>(names: impl Iterator<Item = &'a str>, wanted: &str) -> ByName {
    let mut named = names
        .enumerate()
        .filter(|(_, name)| *name == wanted)
        .map(|(ix, _)| ix);
    match (named.next(), named.next()) {
        (Some(ix), None) => ByName::One(ix),
        (Some(_), Some(_)) => ByName::Several,
        _ => ByName::Missing,
    }
}

/// Names (or IDs) to their index in a list, built once so that resolving a reference costs
/// O(1) instead of a scan of the list (a file with n devices and n connections loads in
/// O(n), not O(n^2)). Answers exactly as [`by_name`] over the same list. A short list (most
/// devices have 5-20 parts) is kept as it is and scanned: cheaper than hashing it.
#[derive(Debug, Default)]
pub(crate) struct NameIndex<'a> {
    /// The list itself, when it has at most [`NameIndex::SCAN`] entries.
    small: Vec<&'a str>,
    map: HashMap<&'a str, ByName>,
}

impl<'a> NameIndex<'a> {
    /// Lists up to this long are scanned.
    const SCAN: usize = 16;

    pub(crate) fn new(names: impl Iterator<Item = &'a str>) -> NameIndex<'a> {
        let (low, _) = names.size_hint();
        let mut small = Vec::with_capacity(low.min(Self::SCAN));
        let mut names = names.peekable();
        while small.len() < Self::SCAN {
            match names.next() {
                Some(name) => small.push(name),
                None => {
                    return NameIndex {
                        small,
                        map: HashMap::new(),
                    };
                }
            }
        }
        if names.peek().is_none() {
            return NameIndex {
                small,
                map: HashMap::new(),
            };
        }
        let mut map = HashMap::with_capacity(low);
        for (ix, name) in small.drain(..).chain(names).enumerate() {
            map.entry(name)
                .and_modify(|found| *found = ByName::Several)
                .or_insert(ByName::One(ix));
        }
        NameIndex { small, map }
    }

    pub(crate) fn get(&self, wanted: &str) -> ByName {
        if self.map.is_empty() {
            return by_name(self.small.iter().copied(), wanted);
        }
        self.map.get(wanted).copied().unwrap_or(ByName::Missing)
    }

    /// The first index of `wanted`, for lists whose entries should be unique (device IDs).
    fn first(&self, wanted: &str) -> Option<usize> {
        match self.get(wanted) {
            ByName::One(ix) => Some(ix),
            _ => None,
        }
    }

    /// Whether some name is in the list more than once.
    fn has_duplicates(&self) -> bool {
        if self.map.is_empty() {
            let s = &self.small;
            return (0..s.len()).any(|i| s.iter().skip(i + 1).any(|other| *other == s[i]));
        }
        self.map.values().any(|b| matches!(b, ByName::Several))
    }
}

/// Device IDs and friendly names of a list of devices, indexed (see [`pick_device`]).
///
/// The names are indexed on the first reference that names no device by ID (most files
/// name devices by ID only: a loaded 10^6-part file then never holds the second index).
pub(crate) struct DeviceIndex<'a> {
    ids: NameIndex<'a>,
    /// Only when two entries share an ID: then the first one wins, as in [`pick_device`].
    ids_in_order: Vec<&'a str>,
    names: std::cell::OnceCell<NameIndex<'a>>,
    /// Makes `names` when it is first needed.
    index_names: Box<dyn Fn() -> NameIndex<'a> + 'a>,
}

impl std::fmt::Debug for DeviceIndex<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceIndex")
            .field("ids", &self.ids)
            .field("names", &self.names)
            .finish_non_exhaustive()
    }
}

impl<'a> DeviceIndex<'a> {
    pub(crate) fn new(devices: impl Iterator<Item = (&'a str, &'a str)> + Clone + 'a) -> Self {
        let ids = NameIndex::new(devices.clone().map(|(id, _)| id));
        let duplicated = ids.has_duplicates();
        DeviceIndex {
            ids,
            ids_in_order: if duplicated {
                devices.clone().map(|(id, _)| id).collect()
            } else {
                Vec::new()
            },
            names: std::cell::OnceCell::new(),
            index_names: Box::new(move || NameIndex::new(devices.clone().map(|(_, name)| name))),
        }
    }

    /// As [`pick_device`] over the indexed list.
    pub(crate) fn pick(&self, wanted: &str) -> Result<usize, RefError> {
        if let Some(ix) = self.ids.first(wanted) {
            return Ok(ix);
        }
        if matches!(self.ids.get(wanted), ByName::Several) {
            if let Some(ix) = self.ids_in_order.iter().position(|id| *id == wanted) {
                return Ok(ix);
            }
        }
        let names = self.names.get_or_init(|| (self.index_names)());
        device_answer(names.get(wanted), wanted)
    }
}

fn device_answer(found: ByName, wanted: &str) -> Result<usize, RefError> {
    match found {
        ByName::One(ix) => Ok(ix),
        ByName::Several => Err(RefError::new(format!(
            "`{}` is the name of several devices; use the device ID",
            Shorten(wanted)
        ))),
        ByName::Missing => Err(RefError::new(format!(
            "no device has the ID or name `{}`",
            Shorten(wanted)
        ))),
    }
}

/// The index of the device named `wanted`: by ID first, else by unique friendly name.
pub(crate) fn pick_device<'a>(
    wanted: &str,
    devices: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Result<usize, RefError> {
    if let Some(ix) = devices.clone().position(|(id, _)| id == wanted) {
        return Ok(ix);
    }
    device_answer(by_name(devices.map(|(_, name)| name), wanted), wanted)
}

/// The answer of a part lookup by name, as [`pick_part`] gives it.
pub(crate) fn part_answer(found: ByName, device: &str, wanted: &str) -> Result<usize, RefError> {
    match found {
        ByName::One(ix) => Ok(ix),
        ByName::Several => Err(RefError::new(format!(
            "`{}` is the name of several parts of device `{}`; use the local ID",
            Shorten(wanted),
            Shorten(device)
        ))),
        ByName::Missing => Err(RefError::new(format!(
            "device `{}` has no part with the local ID or name `{}`",
            Shorten(device),
            Shorten(wanted)
        ))),
    }
}

/// The index of the part named `wanted` in one device: by local ID first, else by unique
/// part name.
pub(crate) fn pick_part<'a>(
    device: &str,
    wanted: &str,
    parts: impl Iterator<Item = (LocalId, &'a str)> + Clone,
) -> Result<usize, RefError> {
    if let Some(id) = LocalId::parse(wanted) {
        if let Some(ix) = parts.clone().position(|(local, _)| local == id) {
            return Ok(ix);
        }
    }
    part_answer(by_name(parts.map(|(_, name)| name), wanted), device, wanted)
}

impl System {
    /// The device with this ID or, when no device has it as ID, the one device with this
    /// friendly name.
    ///
    /// # Errors
    /// [`RefError`] when no device, or several, match.
    pub fn find_device(&self, text: &str) -> Result<Device, RefError> {
        crate::instrument::quietly(|| {
            let devices = self.devices();
            let labels: Vec<(String, String)> = devices
                .iter()
                .map(|d| (d.id().unwrap_or_default(), d.name().unwrap_or_default()))
                .collect();
            let ix = pick_device(
                text,
                labels.iter().map(|(id, name)| (id.as_str(), name.as_str())),
            )?;
            devices
                .into_iter()
                .nth(ix)
                .ok_or_else(|| RefError::new(format!("no device `{}`", Shorten(text))))
        })
    }

    /// The part named by `device/part`: the device as in [`System::find_device`], the part by
    /// local ID (`0x10001` or `65537`) or, failing that, by its unique part name.
    ///
    /// ```
    /// let system = devtopo::fixtures::four_topologies()?;
    /// let mic = system.find_part("Input Multiplexer Device/Microphone")?;
    /// assert_eq!(mic.local_id()?, devtopo::LocalId(0x10001));
    /// assert_eq!(system.find_part("Input Multiplexer Device/0x20006")?.name()?, "MUX");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`RefError`] for a malformed reference, an unknown or ambiguous device or part.
    pub fn find_part(&self, text: &str) -> Result<Part, RefError> {
        crate::instrument::quietly(|| {
            let (device, part) = split(text)?;
            let dev = self.find_device(device)?;
            let topology = dev
                .topology()
                .map_err(|e| RefError::new(format!("device `{}`: {e}", Shorten(device))))?;
            let mut parts: Vec<Part> = Vec::new();
            let count = |r: crate::Result<u32>| r.unwrap_or(0);
            for i in 0..count(topology.connector_count()) {
                if let Ok(c) = topology.connector(i) {
                    parts.push(c.as_part().clone());
                }
            }
            for i in 0..count(topology.subunit_count()) {
                if let Ok(s) = topology.subunit(i) {
                    parts.push(s.as_part().clone());
                }
            }
            let labels: Vec<(LocalId, String)> = parts
                .iter()
                .map(|p| {
                    (
                        p.local_id().unwrap_or_default(),
                        p.name().unwrap_or_default(),
                    )
                })
                .collect();
            let ix = pick_part(
                device,
                part,
                labels.iter().map(|(id, name)| (*id, name.as_str())),
            )?;
            parts
                .into_iter()
                .nth(ix)
                .ok_or_else(|| RefError::new(format!("no part `{}`", Shorten(text))))
        })
    }
}
