//! Schema -> [`SystemBuilder`]: every rule is checked once, by the builder the Rust API uses.
//!
//! The loader keeps going after a problem where it safely can, so `devtopo check` reports
//! every problem of a file at once: a device that cannot be added is skipped with its parts;
//! a part that cannot be added is skipped; references into a device that had problems are not
//! reported again (they would only repeat the first problem).

use super::controls::{problem_path, to_specs};
use super::error::FileErrorKind;
use super::limits::Limit;
use super::locate::ItemPath;
use super::refs::{DeviceIndex, NameIndex, RefError, part_answer, split};
use super::schema::{BracedGuid, DeviceEntry, FileDoc, Subtype, is_guid_name};
use super::schema_controls::ControlEntry;
use crate::engine::{ConnectorSpec, DeviceKey, DeviceSpec, PartKey, SubunitSpec, SystemBuilder};
use crate::error::Error;
use crate::system::System;
use crate::types::{LocalId, Permanence};

/// A problem found while building, before it is located in the text.
#[derive(Debug)]
pub(crate) struct Problem {
    pub(crate) path: ItemPath,
    pub(crate) kind: FileErrorKind,
}

impl Problem {
    pub(crate) fn new(path: ItemPath, kind: FileErrorKind) -> Problem {
        Problem { path, kind }
    }
}

/// The `[guids]` table of a file.
pub(crate) type Guids = std::collections::BTreeMap<String, BracedGuid>;

/// What became of one device entry.
pub(crate) struct Built<'a> {
    pub(crate) key: Option<DeviceKey>,
    parts: Vec<PartKey>,
    /// The names of `parts`, indexed: a reference resolves in O(1) (local IDs through the
    /// builder's own index).
    names: NameIndex<'a>,
    /// Some of its entries failed: references into it are not reported again.
    pub(crate) broken: bool,
}

impl Built<'_> {
    /// As `pick_part` over the device's parts: by local ID first, else by unique name.
    fn find(&self, b: &SystemBuilder, device: &str, wanted: &str) -> Result<PartKey, RefError> {
        if let (Some(id), Some(key)) = (LocalId::parse(wanted), self.key) {
            if let Some(part) = b.part_by_local_id(key, id) {
                return Ok(part);
            }
        }
        let ix = part_answer(self.names.get(wanted), device, wanted)?;
        self.parts
            .get(ix)
            .copied()
            .ok_or_else(|| RefError::new(String::new()))
    }
}

/// Builds the system a document describes, or every problem found.
pub(crate) fn build(doc: &FileDoc) -> Result<System, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut b = SystemBuilder::new();
    name_guids(&mut b, &doc.guids, &mut problems);
    let mut built = Vec::with_capacity(doc.devices.len());
    let devices = DeviceIndex::new(
        doc.devices
            .iter()
            .map(|d| (d.id.0.as_str(), d.name.0.as_str())),
    );
    for (i, dev) in doc.devices.iter().enumerate() {
        let at = ItemPath::root().item("device", i);
        built.push(add_device(&mut b, &doc.guids, dev, &at, &mut problems));
    }
    for (k, c) in doc.connections.iter().enumerate() {
        let at = ItemPath::root().item("connection", k);
        let mut end = |key: &str, text: &str| -> Option<PartKey> {
            match resolve(&b, &devices, &built, text) {
                Ok(found) => found,
                Err(e) => {
                    problems.push(Problem::new(
                        at.key(key),
                        FileErrorKind::Reference(e.to_string()),
                    ));
                    None
                }
            }
        };
        let (a, z) = (end("a", &c.a.0), end("b", &c.b.0));
        if let (Some(a), Some(z)) = (a, z) {
            let permanence = if c.permanent {
                Permanence::Permanent
            } else {
                Permanence::Transient
            };
            if let Err(e) = b.connect(a, z, permanence) {
                problems.push(Problem::new(at, FileErrorKind::Rule(e)));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    b.build().map_err(|e| {
        let device = match &e {
            Error::EndpointShape { device, .. } => doc
                .devices
                .iter()
                .position(|d| d.id.0.as_str() == &**device),
            _ => None,
        };
        let path = device.map_or_else(ItemPath::root, |i| ItemPath::root().item("device", i));
        vec![Problem::new(path, FileErrorKind::Rule(e))]
    })
}

/// `Ok(None)`: the reference points into a device that already had problems.
fn resolve(
    b: &SystemBuilder,
    devices: &DeviceIndex<'_>,
    built: &[Built<'_>],
    text: &str,
) -> Result<Option<PartKey>, RefError> {
    let (device, part) = split(text)?;
    let ix = devices.pick(device)?;
    let Some(entry) = built.get(ix) else {
        return Ok(None);
    };
    if entry.key.is_none() {
        return Ok(None);
    }
    match entry.find(b, device, part) {
        Ok(key) => Ok(Some(key)),
        Err(_) if entry.broken => Ok(None),
        Err(e) => Err(e),
    }
}

/// The `[guids]` names: each a GUID name devtopo does not know already, each GUID named once
/// and not already known by another name.
pub(crate) fn name_guids(b: &mut SystemBuilder, guids: &Guids, problems: &mut Vec<Problem>) {
    let mut seen = std::collections::HashMap::new();
    for (name, guid) in guids {
        let at = ItemPath::root().key("guids").key(name);
        let problem = if !is_guid_name(name) {
            Some(format!(
                "`{name}` is not a GUID name: use letters, digits and `_`, starting with a letter"
            ))
        } else if let Some(known) = crate::guid::Guid::from_name(name) {
            Some(format!("`{name}` is already devtopo's name for {known}"))
        } else if let Some(known) = guid.0.name() {
            Some(format!("{} already has the name {known}", guid.0))
        } else {
            seen.insert(guid.0, name)
                .map(|other| format!("{} is already named {other}", guid.0))
        };
        match problem {
            Some(message) => problems.push(Problem::new(at, FileErrorKind::Schema(message))),
            None => b.name_guid(name, guid.0),
        }
    }
}

/// A part's subtype: the GUID, or the one a `[guids]` name stands for.
fn subtype(guids: &Guids, s: &Subtype) -> Result<crate::guid::Guid, FileErrorKind> {
    match s {
        Subtype::Guid(guid) => Ok(*guid),
        Subtype::Name(name) => guids.get(name).map(|g| g.0).ok_or_else(|| {
            FileErrorKind::Schema(format!(
                "`{name}` is not a GUID ({{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}) nor a known GUID name such as KSNODETYPE_VOLUME, nor a name under [guids]"
            ))
        }),
    }
}

pub(crate) fn add_device<'a>(
    b: &mut SystemBuilder,
    guids: &Guids,
    dev: &'a DeviceEntry,
    at: &ItemPath,
    problems: &mut Vec<Problem>,
) -> Built<'a> {
    let mut entry = Built {
        key: None,
        parts: Vec::new(),
        names: NameIndex::default(),
        broken: true,
    };
    let max_parts = super::limits::active_value(Limit::PartsPerDevice);
    if dev.connectors.len() + dev.subunits.len() > max_parts {
        problems.push(Problem::new(
            at.clone(),
            FileErrorKind::Limit(Limit::PartsPerDevice, max_parts),
        ));
        return entry;
    }
    let spec = DeviceSpec {
        id: dev.id.0.clone(),
        name: dev.name.0.clone(),
        kind: dev.kind.0,
        state: dev.state.0,
    };
    let key = match b.add_device(spec) {
        Ok(key) => key,
        Err(e) => {
            problems.push(Problem::new(at.key("id"), FileErrorKind::Rule(e)));
            return entry;
        }
    };
    entry.key = Some(key);
    entry.broken = false;
    for (key_, value) in &dev.properties.0 {
        if let Err(e) = b.set_property(key, *key_, value.clone()) {
            problems.push(Problem::new(at.key("properties"), FileErrorKind::Rule(e)));
        }
    }
    for role in &dev.default_for {
        if let Err(e) = b.set_default(key, role.0) {
            problems.push(Problem::new(at.key("default_for"), FileErrorKind::Rule(e)));
        }
    }
    // (path, controls, key) of every part entry, for the controls added after the links.
    let mut with_controls: Vec<(ItemPath, &'a [ControlEntry], PartKey)> = Vec::new();
    // Connectors, then subunits, as the builder answered: (path, whether the entry has a
    // local ID and a flow, name, controls, the new part or the rule error).
    let mut added = Vec::with_capacity(dev.connectors.len() + dev.subunits.len());
    for (j, c) in dev.connectors.iter().enumerate() {
        let here = at.item("connector", j);
        let guid = match subtype(guids, &c.subtype) {
            Ok(guid) => guid,
            Err(kind) => {
                problems.push(Problem::new(here.key("subtype"), kind));
                entry.broken = true;
                continue;
            }
        };
        let mut spec =
            ConnectorSpec::new(c.name.0.clone(), c.flow.0, c.connector_type.0).subtype(guid);
        spec.local_id = c.local_id.map(|l| l.0);
        let part = b.add_connector(key, spec);
        added.push((here, c.local_id.is_some(), true, &c.name, &c.controls, part));
    }
    for (j, s) in dev.subunits.iter().enumerate() {
        let here = at.item("subunit", j);
        let guid = match subtype(guids, &s.subtype) {
            Ok(guid) => guid,
            Err(kind) => {
                problems.push(Problem::new(here.key("subtype"), kind));
                entry.broken = true;
                continue;
            }
        };
        let mut spec = SubunitSpec::new(s.name.0.clone(), guid);
        spec.local_id = s.local_id.map(|l| l.0);
        let part = b.add_subunit(key, spec);
        added.push((
            here,
            s.local_id.is_some(),
            false,
            &s.name,
            &s.controls,
            part,
        ));
    }
    let mut names = Vec::with_capacity(added.len());
    for (here, has_local_id, has_flow, name, controls, part) in added {
        match part {
            Ok(part) => {
                entry.parts.push(part);
                names.push(name.0.as_str());
                with_controls.push((here, controls, part));
            }
            Err(e) => {
                let path = match e {
                    Error::DuplicateLocalId { .. } if has_local_id => here.key("local_id"),
                    Error::EndpointFlow { .. } if has_flow => here.key("flow"),
                    _ => here,
                };
                problems.push(Problem::new(path, FileErrorKind::Rule(e)));
                entry.broken = true;
            }
        }
    }
    entry.names = NameIndex::new(names.into_iter());
    for (k, link) in dev.links.iter().enumerate() {
        let here = at.item("link", k);
        let mut end = |key: &str, text: &str| match entry.find(b, &dev.id.0, text) {
            Ok(part) => Some(part),
            Err(e) => {
                if !entry.broken {
                    problems.push(Problem::new(
                        here.key(key),
                        FileErrorKind::Reference(e.to_string()),
                    ));
                }
                None
            }
        };
        let (from, to) = (end("from", &link.from.0), end("to", &link.to.0));
        if let (Some(from), Some(to)) = (from, to) {
            if let Err(e) = b.add_link(from, to) {
                problems.push(Problem::new(here, FileErrorKind::Rule(e)));
                entry.broken = true;
            }
        }
    }
    if entry.broken {
        // Selections depend on parts and links that had problems: those come first.
        return entry;
    }
    for (here, controls, part) in with_controls {
        let mut resolve = |text: &str| -> Result<LocalId, RefError> {
            if let Some(id) = LocalId::parse(text) {
                return Ok(id);
            }
            let key = entry.find(b, &dev.id.0, text)?;
            Ok(b.local_id(key).unwrap_or_default())
        };
        let specs = match to_specs(controls, &here, &mut resolve) {
            Ok(specs) => specs,
            Err(mut found) => {
                problems.append(&mut found);
                continue;
            }
        };
        if let Err(e) = b.set_controls(part, specs) {
            let path = match &e {
                Error::InvalidControl { problem, .. } => problem_path(&here, controls, problem),
                _ => here,
            };
            problems.push(Problem::new(path, FileErrorKind::Rule(e)));
        }
    }
    entry
}
