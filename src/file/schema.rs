//! The topology file schema: plain serde structs, one schema for TOML and JSON.
//!
//! Field names are the TOML spelling (`[[device]]`, `[[device.connector]]`, ...); JSON uses
//! the same keys (`"device": [...]`). Every struct denies unknown fields, so a misspelt key
//! is an error with its location.
//!
//! Controls with their initial values, jack descriptions and formats are an optional
//! `control` list on [`ConnectorEntry`] and [`SubunitEntry`] (module `schema_controls`); it
//! defaults to empty.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::limits::{Limit, bounded};
use super::schema_controls::ControlEntry;
use crate::guid::{Guid, guids};
use crate::types::{ConnectorType, DataFlow, DeviceKind, DeviceState, LocalId};

/// A whole topology file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileDoc {
    /// The devices, in the order they are added to the system.
    #[serde(
        default,
        rename = "device",
        deserialize_with = "bounded::devices",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) devices: Vec<DeviceEntry>,
    /// Connections between connectors of two devices.
    #[serde(
        default,
        rename = "connection",
        deserialize_with = "bounded::connections",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) connections: Vec<ConnectionEntry>,
}

/// One device: `[[device]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeviceEntry {
    /// The device ID.
    pub(crate) id: Text,
    /// The friendly name.
    #[serde(default)]
    pub(crate) name: Text,
    /// `render`, `capture` or `adapter`.
    pub(crate) kind: Named<DeviceKind>,
    /// The initial state; default `DEVICE_STATE_ACTIVE`.
    #[serde(default = "active")]
    pub(crate) state: Named<DeviceState>,
    /// Connectors in index order: `[[device.connector]]`.
    #[serde(
        default,
        rename = "connector",
        deserialize_with = "bounded::parts",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) connectors: Vec<ConnectorEntry>,
    /// Subunits in index order: `[[device.subunit]]`.
    #[serde(
        default,
        rename = "subunit",
        deserialize_with = "bounded::parts",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) subunits: Vec<SubunitEntry>,
    /// Links inside the device, in the order they are made: `[[device.link]]`.
    #[serde(
        default,
        rename = "link",
        deserialize_with = "bounded::links",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) links: Vec<LinkEntry>,
}

fn active() -> Named<DeviceState> {
    Named(DeviceState::Active)
}

/// One connector: `[[device.connector]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConnectorEntry {
    /// Explicit local ID; automatic (`0x0001_0000 | index`) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) local_id: Option<LocalIdText>,
    /// The part name.
    #[serde(default)]
    pub(crate) name: Text,
    /// `In` or `Out`.
    pub(crate) flow: Named<DataFlow>,
    /// `Software_Fixed`, `Physical_External`, ...
    #[serde(rename = "type")]
    pub(crate) connector_type: Named<ConnectorType>,
    /// The pin category; default `KSCATEGORY_AUDIO`.
    #[serde(default = "audio")]
    pub(crate) subtype: Subtype,
    /// The control interfaces (`IKsFormatSupport`, `IKsJackDescription`,
    /// `IKsJackDescription2`), in `GetControlInterface` order: `[[device.connector.control]]`.
    #[serde(
        default,
        rename = "control",
        deserialize_with = "bounded::controls",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) controls: Vec<ControlEntry>,
}

fn audio() -> Subtype {
    Subtype(guids::KSCATEGORY_AUDIO)
}

/// One subunit: `[[device.subunit]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubunitEntry {
    /// Explicit local ID; automatic (`0x0002_0000 | index`) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) local_id: Option<LocalIdText>,
    /// The part name.
    #[serde(default)]
    pub(crate) name: Text,
    /// The node type (`KSNODETYPE_VOLUME` or a braced GUID).
    pub(crate) subtype: Subtype,
    /// The control interfaces, in `GetControlInterface` order: `[[device.subunit.control]]`.
    #[serde(
        default,
        rename = "control",
        deserialize_with = "bounded::controls",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) controls: Vec<ControlEntry>,
}

/// One link inside a device: `[[device.link]]`. Parts are named by local ID or part name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkEntry {
    /// The upstream part.
    pub(crate) from: PartText,
    /// The downstream part.
    pub(crate) to: PartText,
}

/// One connection: `[[connection]]`. Ends are `"device/part"` references.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConnectionEntry {
    /// One end.
    pub(crate) a: Text,
    /// The other end.
    pub(crate) b: Text,
    /// A permanent `Software_Fixed` connection (`Disconnect` gives `ERROR_FILE_READ_ONLY`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) permanent: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A string of at most [`Limit::TextBytes`] bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Text(pub(crate) String);

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        if text.len() > Limit::TextBytes.value() {
            return Err(E::custom(Limit::TextBytes.message()));
        }
        Ok(Text(text.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A part inside one device, by local ID (`"0x10001"` or an integer) or by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartText(pub(crate) String);

impl Serialize for PartText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

struct PartVisitor;

impl Visitor<'_> for PartVisitor {
    type Value = PartText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a part: a local ID (\"0x10001\" or an integer) or a part name")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<PartText, E> {
        TextVisitor.visit_str(text).map(|t| PartText(t.0))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<PartText, E> {
        Ok(PartText(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<PartText, E> {
        Ok(PartText(value.to_string()))
    }
}

impl<'de> Deserialize<'de> for PartText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PartText, D::Error> {
        deserializer.deserialize_any(PartVisitor)
    }
}

/// A local ID: `"0x10001"` (hex string), `"65537"` or an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalIdText(pub(crate) LocalId);

impl Serialize for LocalIdText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

struct LocalIdVisitor;

impl Visitor<'_> for LocalIdVisitor {
    type Value = LocalIdText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a local ID: a 32-bit integer or a string such as \"0x10001\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<LocalIdText, E> {
        LocalId::parse(text).map(LocalIdText).ok_or_else(|| {
            E::custom(format_args!(
                "`{}` is not a local ID; expected a 32-bit value such as \"0x10001\" or 65537",
                Shorten(text)
            ))
        })
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<LocalIdText, E> {
        u32::try_from(value)
            .map(|v| LocalIdText(LocalId(v)))
            .map_err(|_| E::custom(format_args!("local ID {value} does not fit in 32 bits")))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<LocalIdText, E> {
        u32::try_from(value)
            .map(|v| LocalIdText(LocalId(v)))
            .map_err(|_| E::custom(format_args!("local ID {value} does not fit in 32 bits")))
    }
}

impl<'de> Deserialize<'de> for LocalIdText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LocalIdText, D::Error> {
        deserializer.deserialize_any(LocalIdVisitor)
    }
}

/// A subtype GUID: a known name (`KSNODETYPE_VOLUME`) or the braced form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Subtype(pub(crate) Guid);

impl Serialize for Subtype {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.display_name())
    }
}

struct SubtypeVisitor;

impl Visitor<'_> for SubtypeVisitor {
    type Value = Subtype;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GUID name such as \"KSNODETYPE_VOLUME\" or a braced GUID")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Subtype, E> {
        text.parse::<Guid>().map(Subtype).map_err(|_| {
            E::custom(format_args!(
                "`{}` is not a GUID ({{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}) nor a known GUID name such as KSNODETYPE_VOLUME",
                Shorten(text)
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Subtype {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Subtype, D::Error> {
        deserializer.deserialize_str(SubtypeVisitor)
    }
}

/// An enum value by its Windows name (`In`, `Software_Fixed`, `DEVICE_STATE_ACTIVE`, `render`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named<T>(pub(crate) T);

impl<T: fmt::Display> Serialize for Named<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

struct NamedVisitor<T>(PhantomData<T>);

impl<T> Visitor<'_> for NamedVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = Named<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let full = std::any::type_name::<T>();
        let short = full.rsplit("::").next().unwrap_or(full);
        write!(f, "a {short} name")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Named<T>, E> {
        if text.len() > Limit::TextBytes.value() {
            return Err(E::custom(Limit::TextBytes.message()));
        }
        text.parse::<T>().map(Named).map_err(E::custom)
    }
}

impl<'de, T> Deserialize<'de> for Named<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Named<T>, D::Error> {
        deserializer.deserialize_str(NamedVisitor(PhantomData))
    }
}

/// Shows at most 64 characters of a user's text in a message.
pub(crate) struct Shorten<'a>(pub(crate) &'a str);

impl fmt::Display for Shorten<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(64) {
            Some((end, _)) => write!(f, "{}...", &self.0[..end]),
            None => f.write_str(self.0),
        }
    }
}
