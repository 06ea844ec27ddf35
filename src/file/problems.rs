//! Every schema problem of a file, not only the first.
//!
//! serde stops at the first problem. When a file has one, the file is read again as a plain
//! value tree and checked item by item: each device, part, link, connection and control on
//! its own (with its lists of children set aside, and checked in turn), and within an item
//! the offending key is set aside after each problem, so three misspelt keys give three
//! errors, each with its own path. O(items + problems x item size).

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::Format;
use super::locate::{ItemPath, PathSegment};
use super::schema::{ConnectionEntry, ConnectorEntry, DeviceEntry, LinkEntry, SubunitEntry};
use super::schema_controls::ControlEntry;

/// At most this many problems are collected from one item (a guard, far above real files).
const PER_ITEM: usize = 64;

/// Checks one item of a value tree, adding its problems to a list.
type Check = fn(Value, &ItemPath, &mut Vec<(ItemPath, String)>);

/// Every schema problem of a text that parses as TOML or JSON (none when it does not).
pub(crate) fn all(text: &str, format: Format) -> Vec<(ItemPath, String)> {
    let value: Option<Value> = match format {
        Format::Toml => toml::from_str(text).ok(),
        Format::Json => serde_json::from_str(text).ok(),
    };
    let mut out = Vec::new();
    if let Some(value) = value {
        let children: &[(&str, Check)] = &[("device", device), ("connection", connection)];
        item::<Root>(value, &ItemPath::root(), children, &mut out);
    }
    out
}

/// The file's top level without its lists (which are checked item by item).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Root {
    #[serde(default, rename = "guids")]
    _guids: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "device")]
    _devices: Vec<serde::de::IgnoredAny>,
    #[serde(default, rename = "connection")]
    _connections: Vec<serde::de::IgnoredAny>,
}

fn device(value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    let children: &[(&str, Check)] = &[
        ("connector", connector),
        ("subunit", subunit),
        ("link", link),
    ];
    item::<DeviceEntry>(value, at, children, out);
}

fn connector(value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    item::<ConnectorEntry>(value, at, &[("control", control)], out);
}

fn subunit(value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    item::<SubunitEntry>(value, at, &[("control", control)], out);
}

fn link(value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    item::<LinkEntry>(value, at, &[], out);
}

fn connection(value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    item::<ConnectionEntry>(value, at, &[], out);
}

fn control(value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    item::<ControlEntry>(value, at, &[], out);
}

/// Checks an item with its child lists set aside (emptied), then each child.
fn item<T: DeserializeOwned>(
    mut value: Value,
    at: &ItemPath,
    children: &[(&str, Check)],
    out: &mut Vec<(ItemPath, String)>,
) {
    let mut taken = Vec::new();
    if let Value::Object(map) = &mut value {
        for &(key, check) in children {
            if let Some(Value::Array(list)) = map.get_mut(key) {
                taken.push((key, check, std::mem::take(list)));
            }
        }
    }
    fields::<T>(value, at, out);
    for (key, check, list) in taken {
        for (i, child) in list.into_iter().enumerate() {
            check(child, &at.item(key, i), out);
        }
    }
}

/// Every problem of one item: after each, the key at fault is set aside and the item is
/// checked again. A "missing field" for a key set aside is not reported again.
fn fields<T: DeserializeOwned>(mut value: Value, at: &ItemPath, out: &mut Vec<(ItemPath, String)>) {
    let mut set_aside = HashSet::new();
    for _ in 0..PER_ITEM {
        let error = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(_) => return,
            Err(e) => e,
        };
        let relative = ItemPath::from_serde(error.path());
        let message = error.into_inner().to_string();
        if let Some(field) = missing_field(&message)
            && set_aside.contains(field)
        {
            return;
        }
        let mut path = at.clone();
        path.0.extend(relative.0.iter().cloned());
        out.push((path, message));
        let (Some(PathSegment::Key(key)), Value::Object(map)) = (relative.0.first(), &mut value)
        else {
            return;
        };
        if map.remove(key).is_none() {
            return;
        }
        set_aside.insert(key.clone());
    }
}

/// The field of serde's "missing field `x`" message.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}
