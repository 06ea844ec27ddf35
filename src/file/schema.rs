//! The topology file schema: plain serde structs, one schema for TOML and JSON.
//!
//! Field names are the TOML spelling (`[[device]]`, `[[device.connector]]`, ...); JSON uses
//! the same keys (`"device": [...]`). Every struct denies unknown fields, so a misspelt key
//! is an error with its location.
//!
//! Controls with their initial values, jack descriptions and formats are an optional
//! `control` list on [`ConnectorEntry`] and [`SubunitEntry`] (module `schema_controls`); it
//! defaults to empty.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::de;
use serde::{Deserialize, Serialize, Serializer};

use super::form::{TextForm, serde_by_form, u32_of};
use super::limits::{Limit, bounded};
use super::schema_controls::ControlEntry;
use super::schema_properties::PropertiesTable;
use crate::guid::{Guid, guids};
use crate::types::{ConnectorType, DataFlow, DeviceKind, DeviceState, ERole, LocalId};

/// A whole topology file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileDoc {
    /// Free text, one line per entry, read and ignored: JSON's stand-in for comments
    /// (`devtopo capture` writes its header here in JSON files). Never written back.
    #[serde(default, skip_serializing)]
    pub(crate) comment: Vec<Text>,
    /// Names for GUIDs devtopo does not know (`[guids]`: `ACME_PIN_RIBBON = "{...}"`), usable
    /// as subtypes below and printed by every command.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) guids: BTreeMap<String, BracedGuid>,
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
    /// The roles this endpoint is the chosen default for (X38): `default_for = ["eConsole"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) default_for: Vec<Named<ERole>>,
    /// Property-store values (S13): `[device.properties]`.
    #[serde(default, skip_serializing_if = "PropertiesTable::is_empty")]
    pub(crate) properties: PropertiesTable,
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
    Subtype::Guid(guids::KSCATEGORY_AUDIO)
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

/// `text` when it is at most [`Limit::TextBytes`] bytes long.
fn bounded_text<E: de::Error>(text: &str) -> Result<&str, E> {
    let max = super::limits::active_value(Limit::TextBytes);
    if text.len() > max {
        return Err(E::custom(Limit::TextBytes.message(max)));
    }
    Ok(text)
}

impl TextForm for Text {
    const EXPECTING: &'static str = "a string";

    fn parse<E: de::Error>(text: &str) -> Result<Text, E> {
        bounded_text(text).map(|t| Text(t.to_owned()))
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A part inside one device, by local ID (`"0x10001"` or an integer) or by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartText(pub(crate) String);

impl TextForm for PartText {
    const EXPECTING: &'static str = "a part: a local ID (\"0x10001\" or an integer) or a part name";
    const ANY: bool = true;

    fn parse<E: de::Error>(text: &str) -> Result<PartText, E> {
        bounded_text(text).map(|t| PartText(t.to_owned()))
    }

    fn from_u64<E: de::Error>(value: u64) -> Result<PartText, E> {
        Ok(PartText(value.to_string()))
    }

    fn from_i64<E: de::Error>(value: i64) -> Result<PartText, E> {
        Ok(PartText(value.to_string()))
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A local ID: `"0x10001"` (hex string), `"65537"` or an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalIdText(pub(crate) LocalId);

impl TextForm for LocalIdText {
    const EXPECTING: &'static str = "a local ID: a 32-bit integer or a string such as \"0x10001\"";
    const ANY: bool = true;

    fn parse<E: de::Error>(text: &str) -> Result<LocalIdText, E> {
        LocalId::parse(text).map(LocalIdText).ok_or_else(|| {
            E::custom(format_args!(
                "`{}` is not a local ID; expected a 32-bit value such as \"0x10001\" or 65537",
                Shorten(text)
            ))
        })
    }

    fn from_u64<E: de::Error>(value: u64) -> Result<LocalIdText, E> {
        u32_of(value, "local ID ").map(|v| LocalIdText(LocalId(v)))
    }

    fn from_i64<E: de::Error>(value: i64) -> Result<LocalIdText, E> {
        u32_of(value, "local ID ").map(|v| LocalIdText(LocalId(v)))
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

/// A subtype GUID: a known name (`KSNODETYPE_VOLUME`), the braced form, or a name the file
/// declares under `[guids]` (resolved when the file is loaded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subtype {
    /// A GUID, given braced or by a name devtopo knows.
    Guid(Guid),
    /// A name, to be found under `[guids]`.
    Name(String),
}

/// Whether a text can be a GUID name: a letter or `_`, then letters, digits and `_`.
pub(crate) fn is_guid_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl TextForm for Subtype {
    const EXPECTING: &'static str = "a GUID name such as \"KSNODETYPE_VOLUME\" or a braced GUID";

    fn parse<E: de::Error>(text: &str) -> Result<Subtype, E> {
        match text.parse::<Guid>() {
            Ok(guid) => Ok(Subtype::Guid(guid)),
            Err(_) if is_guid_name(text) => Ok(Subtype::Name(text.to_owned())),
            Err(_) => Err(E::custom(format_args!(
                "`{}` is not a GUID ({{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}) nor a GUID name such as KSNODETYPE_VOLUME",
                Shorten(text)
            ))),
        }
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Subtype::Guid(guid) => serializer.serialize_str(&guid.display_name()),
            Subtype::Name(name) => serializer.serialize_str(name),
        }
    }
}

/// A GUID in braced form only (the values of `[guids]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BracedGuid(pub(crate) Guid);

impl TextForm for BracedGuid {
    const EXPECTING: &'static str =
        "a braced GUID such as \"{8A1B2C3D-0000-4000-8000-000000000001}\"";

    fn parse<E: de::Error>(text: &str) -> Result<BracedGuid, E> {
        match text.parse::<Guid>() {
            Ok(guid) if text.trim_start().starts_with('{') => Ok(BracedGuid(guid)),
            _ => Err(E::custom(format_args!(
                "`{}` is not a braced GUID ({{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}})",
                Shorten(text)
            ))),
        }
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

/// An enum value by its Windows name (`In`, `Software_Fixed`, `DEVICE_STATE_ACTIVE`, `render`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named<T>(pub(crate) T);

impl<T> TextForm for Named<T>
where
    T: FromStr + fmt::Display,
    T::Err: fmt::Display,
{
    /// Unused: [`TextForm::expecting`] names the type.
    const EXPECTING: &'static str = "a name";

    fn expecting(f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let full = std::any::type_name::<T>();
        let short = full.rsplit("::").next().unwrap_or(full);
        let article = if short.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        write!(f, "{article} {short} name")
    }

    fn parse<E: de::Error>(text: &str) -> Result<Named<T>, E> {
        bounded_text(text)?
            .parse::<T>()
            .map(Named)
            .map_err(E::custom)
    }

    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

serde_by_form!(Text, PartText, LocalIdText, Subtype, BracedGuid);
serde_by_form!([T] Named<T>);

/// A user's text in a message: whole up to 1024 characters (so every ID or name a valid file
/// can hold prints whole: device IDs that share a long prefix differ only at the end), else
/// its first 256 and last 256 characters around `...`, so the end that tells IDs apart stays.
pub(crate) struct Shorten<'a>(pub(crate) &'a str);

impl Shorten<'_> {
    /// Texts up to this many characters print whole.
    const WHOLE: usize = 1024;
    /// Characters kept at each end of a longer text.
    const ENDS: usize = 256;
}

impl fmt::Display for Shorten<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.chars().count();
        if count <= Self::WHOLE {
            return f.write_str(self.0);
        }
        let head: String = self.0.chars().take(Self::ENDS).collect();
        let tail: String = self.0.chars().skip(count - Self::ENDS).collect();
        write!(f, "{head}...{tail} ({count} characters)")
    }
}
