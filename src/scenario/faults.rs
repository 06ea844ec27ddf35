//! The `[[fault]]` tables of a scenario file: faults (docs/faults-and-recording.md) added to
//! the scenario's system once every step is prepared, before the first step runs.
//!
//! ```toml
//! [[fault]]
//! method = "IConnector::GetConnectedTo"   # or "*": any method
//! part = "Endpoint Device B/0x10000"      # or device = "..."; neither: anywhere
//! nth = 2                                 # or next = N, or trigger = "once" (default) / "always"
//! fail = "E_OUTOFMEMORY"                  # the HRESULT; default E_FAIL
//! ```
//!
//! `hardware = "Remove"` (also `Disable`, `Unplug`, `Uninstall`, `UnplugJack`) makes the
//! fault change the hardware first; then the call proceeds, or fails when `fail` is given.
//! The action applies to `hardware_target` (a device, or `device/part` for `UnplugJack`
//! with `jack`, default 0), by default to the fault's own target.

use serde::Deserialize;

use super::Problem;
use super::names::Names;
use crate::instrument::{Fault, HardwareAction, Method, Target, Then, Trigger};
use crate::{DeviceId, HResult};

/// One `[[fault]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FaultEntry {
    /// `IInterface::Method`, or `*` for any method.
    method: String,
    /// The part the fault applies to (`device/part`).
    part: Option<String>,
    /// The device the fault applies to.
    device: Option<String>,
    /// `once` (default) or `always`.
    trigger: Option<String>,
    /// Fire on the nth matching call only.
    nth: Option<u64>,
    /// Fire on the next n matching calls.
    next: Option<u64>,
    /// The HRESULT the call fails with (default `E_FAIL`; with `hardware`, the call then
    /// fails instead of proceeding).
    fail: Option<String>,
    /// A hardware action to run first.
    hardware: Option<String>,
    /// What the hardware action applies to (default: the fault's target).
    hardware_target: Option<String>,
    /// `UnplugJack`: the jack's index (default 0).
    jack: Option<u32>,
}

const HARDWARE: [&str; 5] = ["Remove", "Disable", "Unplug", "Uninstall", "UnplugJack"];

/// Turns an entry into a fault, resolving its parts and devices by name.
pub(super) fn prepare(names: &Names, e: &FaultEntry) -> Result<Fault, Problem> {
    let mut fault = match e.method.trim() {
        "*" => Fault::on_any_method(),
        text => Fault::on(
            text.parse::<Method>()
                .map_err(|err| (Some("method"), err.to_string()))?,
        ),
    };
    let target = match (&e.part, &e.device) {
        (Some(_), Some(_)) => {
            return Err((
                Some("device"),
                "give `part` or `device`, not both".to_owned(),
            ));
        }
        (Some(p), None) => part_target(names, p, "part")?,
        (None, Some(d)) => device_target(names, d, "device")?,
        (None, None) => Target::System,
    };
    fault = fault.at(target);
    let trigger = match (&e.trigger, e.nth, e.next) {
        (None, None, None) => Trigger::Once,
        (Some(t), None, None) => match t.as_str() {
            "once" => Trigger::Once,
            "always" => Trigger::Always,
            other => {
                return Err((
                    Some("trigger"),
                    format!(
                        "unknown trigger `{other}`; expected `once` or `always` (or `nth`, `next`)"
                    ),
                ));
            }
        },
        (None, Some(n), None) if n > 0 => Trigger::Nth(n),
        (None, None, Some(n)) if n > 0 => Trigger::Next(n),
        (None, Some(_), None) => return Err((Some("nth"), "calls are counted from 1".to_owned())),
        (None, None, Some(_)) => {
            return Err((Some("next"), "`next` must be at least 1".to_owned()));
        }
        _ => {
            let key = if e.next.is_some() { "next" } else { "nth" };
            return Err((
                Some(key),
                "give one of `trigger`, `nth` and `next`".to_owned(),
            ));
        }
    };
    fault = fault.trigger(trigger);
    let fail = match &e.fail {
        Some(text) => {
            let hr = HResult::parse(text).ok_or_else(|| {
                (
                    Some("fail"),
                    format!(
                        "`{text}` is not an HRESULT name (E_OUTOFMEMORY) or value (0x8007000e)"
                    ),
                )
            })?;
            if hr.is_ok() {
                return Err((
                    Some("fail"),
                    format!("`{text}` is a success code; a fault fails a call"),
                ));
            }
            Some(hr)
        }
        None => None,
    };
    let Some(action) = &e.hardware else {
        if e.hardware_target.is_some() || e.jack.is_some() {
            let key = if e.jack.is_some() {
                "jack"
            } else {
                "hardware_target"
            };
            return Err((
                Some(key),
                "`hardware_target` and `jack` need `hardware`".to_owned(),
            ));
        }
        return Ok(fault.fail(fail.unwrap_or(HResult::E_FAIL)));
    };
    let on = match &e.hardware_target {
        Some(text) if action == "UnplugJack" => part_target(names, text, "hardware_target")?,
        Some(text) => device_target(names, text, "hardware_target")?,
        None => target,
    };
    let device = |on: Target| -> Result<DeviceId, Problem> {
        on.device_id().ok_or_else(|| {
            (
                Some("hardware"),
                format!("`{action}` needs a device: give `hardware_target`, `device` or `part`"),
            )
        })
    };
    let hardware = match action.as_str() {
        "Remove" => HardwareAction::Remove(device(on)?),
        "Disable" => HardwareAction::Disable(device(on)?),
        "Unplug" => HardwareAction::Unplug(device(on)?),
        "Uninstall" => HardwareAction::Uninstall(device(on)?),
        "UnplugJack" => match on {
            Target::Part(device, local_id) => HardwareAction::UnplugJack {
                device,
                local_id,
                jack: e.jack.unwrap_or(0),
            },
            _ => {
                return Err((
                    Some("hardware"),
                    "`UnplugJack` needs a connector: give `hardware_target` or `part`".to_owned(),
                ));
            }
        },
        other => {
            return Err((
                Some("hardware"),
                format!(
                    "unknown hardware action `{other}`; expected one of {}",
                    HARDWARE.join(", ")
                ),
            ));
        }
    };
    if e.jack.is_some() && action != "UnplugJack" {
        return Err((Some("jack"), format!("`{action}` takes no `jack`")));
    }
    let then = fail.map_or(Then::Proceed, Then::Fail);
    Ok(fault.hardware_then(hardware, then))
}

fn part_target(names: &Names, text: &str, key: &'static str) -> Result<Target, Problem> {
    let part = names
        .find_part(text)
        .map_err(|e| (Some(key), e.to_string()))?;
    let (device, local) = crate::instrument::quietly(|| {
        Ok::<_, crate::Error>((part.topology()?.device_id()?, part.local_id()?))
    })
    .map_err(|e| (Some(key), e.to_string()))?;
    Ok(Target::part(&device, local))
}

fn device_target(names: &Names, text: &str, key: &'static str) -> Result<Target, Problem> {
    let device = names
        .find_device(text)
        .map_err(|e| (Some(key), e.to_string()))?;
    let id = crate::instrument::quietly(|| device.id()).map_err(|e| (Some(key), e.to_string()))?;
    Ok(Target::device(&id))
}
