//! What capture read, built into a [`System`] with devtopo's validating [`SystemBuilder`]:
//! the library decides every rule. An item the builder refuses is left out with a warning,
//! and the build is retried without it; defaults are pinned only where the built system
//! would elect another endpoint (X38).

use std::collections::{HashMap, HashSet};

use devtopo::{
    DeviceKey, DeviceSpec, EDataFlow, ERole, Error, LocalId, PartKey, System, SystemBuilder,
};

use super::links::creation_order;
use super::{Log, Model, Warning};

/// Builds the system; see the module docs.
///
/// # Errors
/// A builder error that names no device or part to leave out.
pub(crate) fn build(model: &mut Model, log: &mut Log) -> Result<System, Error> {
    let mut cleared: HashSet<(String, LocalId)> = HashSet::new();
    let limit = model
        .devices
        .iter()
        .map(|d| 2 * (d.connectors.len() + d.subunits.len()) + 1)
        .sum::<usize>()
        + 1;
    let mut pins: Vec<(EDataFlow, ERole, String)> = Vec::new();
    let mut attempt = 0usize;
    loop {
        attempt += 1;
        let mut warnings = Vec::new();
        match assemble(model, &pins, &mut warnings) {
            Ok(system) => {
                let missing = unpinned(&system, model);
                if !missing.is_empty() && pins.is_empty() {
                    pins = missing;
                    continue;
                }
                for (flow, role, id) in missing {
                    log.note(
                        &id,
                        None,
                        format!("was the default for ({flow}, {role}), but the captured system elects another (X38)"),
                    );
                }
                for (flow, role) in extra_defaults(&system, model) {
                    log.note(
                        "",
                        None,
                        format!("no default for ({flow}, {role}) was captured, but the captured system elects one (V7, X38)"),
                    );
                }
                states(&system, model, log);
                for (device, part) in super::links::unreached(model) {
                    log.note(
                        &device,
                        Some(part),
                        "no path from an endpoint reaches it (links and connections); captured by index (GetConnector, GetSubunit)",
                    );
                }
                log.warnings.extend(warnings);
                return Ok(system);
            }
            Err(e) if attempt < limit && repair(model, &e, &mut cleared, log) => {}
            Err(e) => return Err(e),
        }
    }
}

/// Leaves out what `error` names; false when it names nothing capture can leave out.
fn repair(
    model: &mut Model,
    error: &Error,
    cleared: &mut HashSet<(String, LocalId)>,
    log: &mut Log,
) -> bool {
    let warn = |log: &mut Log, device: &str, part: Option<LocalId>, consequence: &str| {
        log.warnings.push(Warning {
            device: device.to_owned(),
            part,
            call: format!("building the captured system ({error})"),
            hresult: error.hresult(),
            consequence: consequence.to_owned(),
        });
    };
    match error {
        Error::InvalidControl { part, .. } => {
            let device = part.device.to_string();
            let key = (device.clone(), part.local_id);
            let Some(dev) = model.devices.iter_mut().find(|d| d.id == device) else {
                return false;
            };
            if cleared.insert(key) {
                for c in &mut dev.connectors {
                    if c.local_id == Some(part.local_id) {
                        c.controls.clear();
                    }
                }
                for s in &mut dev.subunits {
                    if s.local_id == Some(part.local_id) {
                        s.controls.clear();
                    }
                }
                warn(
                    log,
                    &device,
                    Some(part.local_id),
                    "its controls are not captured",
                );
            } else {
                dev.subunits.retain(|s| s.local_id != Some(part.local_id));
                dev.connectors.retain(|c| c.local_id != Some(part.local_id));
                warn(
                    log,
                    &device,
                    Some(part.local_id),
                    "the part is not captured",
                );
            }
            true
        }
        Error::EndpointShape { device, .. } | Error::EndpointFlow { device, .. } => {
            let id = device.to_string();
            let before = model.devices.len();
            model.devices.retain(|d| d.id != id);
            warn(log, &id, None, "the endpoint is not captured");
            model.devices.len() != before
        }
        _ => false,
    }
}

/// A builder failure as a warning.
fn refused(
    warnings: &mut Vec<Warning>,
    device: &str,
    part: Option<LocalId>,
    what: &str,
    error: &Error,
) {
    warnings.push(Warning {
        device: device.to_owned(),
        part,
        call: format!("building the captured system: {what} ({error})"),
        hresult: error.hresult(),
        consequence: "left out".to_owned(),
    });
}

/// One build of the model with these pinned defaults.
fn assemble(
    model: &Model,
    pins: &[(EDataFlow, ERole, String)],
    warnings: &mut Vec<Warning>,
) -> Result<System, Error> {
    let mut b = SystemBuilder::new();
    let mut devices: HashMap<&str, DeviceKey> = HashMap::new();
    let mut parts: HashMap<(&str, LocalId), PartKey> = HashMap::new();
    for dev in &model.devices {
        let spec = DeviceSpec::new(dev.id.clone(), dev.name.clone(), dev.kind).state(dev.state);
        let key = match b.add_device(spec) {
            Ok(k) => k,
            Err(e) => {
                refused(warnings, &dev.id, None, "the device", &e);
                continue;
            }
        };
        devices.insert(&dev.id, key);
        for c in &dev.connectors {
            match b.add_connector(key, c.clone()) {
                Ok(p) => {
                    if let Some(id) = c.local_id {
                        parts.insert((&dev.id, id), p);
                    }
                }
                Err(e) => refused(warnings, &dev.id, c.local_id, "the connector", &e),
            }
        }
        for s in &dev.subunits {
            match b.add_subunit(key, s.clone()) {
                Ok(p) => {
                    if let Some(id) = s.local_id {
                        parts.insert((&dev.id, id), p);
                    }
                }
                Err(e) => refused(warnings, &dev.id, s.local_id, "the subunit", &e),
            }
        }
        let order = match creation_order(&dev.outgoing, &dev.incoming) {
            Ok(order) => order,
            Err(plain) => {
                warnings.push(Warning {
                    device: dev.id.clone(),
                    part: None,
                    call: "IPart::EnumPartsOutgoing and IPart::EnumPartsIncoming".to_owned(),
                    hresult: devtopo::HResult(0),
                    consequence: "their orders contradict each other (X12); links are made in EnumPartsOutgoing order".to_owned(),
                });
                plain
            }
        };
        for (from, to) in order {
            let (Some(&f), Some(&t)) = (parts.get(&(&*dev.id, from)), parts.get(&(&*dev.id, to)))
            else {
                continue;
            };
            if let Err(e) = b.add_link(f, t) {
                refused(
                    warnings,
                    &dev.id,
                    Some(from),
                    &format!("the link to {to}"),
                    &e,
                );
            }
        }
        for (key_, value) in &dev.properties {
            b.set_property(key, *key_, value.clone())?;
        }
    }
    for c in &model.connections {
        let (Some(&a), Some(&z)) = (parts.get(&(&*c.a.0, c.a.1)), parts.get(&(&*c.b.0, c.b.1)))
        else {
            continue;
        };
        if let Err(e) = b.connect(a, z, c.permanence) {
            refused(
                warnings,
                &c.a.0,
                Some(c.a.1),
                &format!("the connection to {} part {}", c.b.0, c.b.1),
                &e,
            );
        }
    }
    for (_, role, id) in pins {
        if let Some(&key) = devices.get(id.as_str())
            && let Err(e) = b.set_default(key, *role)
        {
            refused(warnings, id, None, &format!("the default for {role}"), &e);
        }
    }
    b.build()
}

/// Notes each device whose state the built system derives differently from the state read
/// (X27: an endpoint's state follows its jacks and connection, B2, B4).
fn states(system: &System, model: &Model, log: &mut Log) {
    for dev in &model.devices {
        if let Ok(state) = system.device(&dev.id).and_then(|d| d.state())
            && state != dev.state
        {
            log.note(
                &dev.id,
                None,
                format!(
                    "read as {}, but what was captured of it makes it {} (X27, B2, B4)",
                    dev.state, state
                ),
            );
        }
    }
}

/// The captured defaults the built system does not elect.
fn unpinned(system: &System, model: &Model) -> Vec<(EDataFlow, ERole, String)> {
    model
        .defaults
        .iter()
        .filter(|(flow, role, id)| {
            system
                .default_endpoint(*flow, *role)
                .and_then(|d| d.id())
                .ok()
                .as_ref()
                != Some(id)
        })
        .cloned()
        .collect()
}

/// The (flow, role) pairs without a captured default that the built system elects one for.
fn extra_defaults(system: &System, model: &Model) -> Vec<(EDataFlow, ERole)> {
    let mut out = Vec::new();
    for flow in [EDataFlow::Render, EDataFlow::Capture] {
        for role in [ERole::Console, ERole::Multimedia, ERole::Communications] {
            let captured = model
                .defaults
                .iter()
                .any(|(f, r, _)| *f == flow && *r == role);
            if !captured && system.default_endpoint(flow, role).is_ok() {
                out.push((flow, role));
            }
        }
    }
    out
}
