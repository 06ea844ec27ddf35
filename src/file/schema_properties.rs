//! The `properties` table of a device (S13, S18-S33): `[device.properties]` with one entry
//! per key, named by `PKEY_*` (or `DEVPKEY_*`) name or as `"{fmtid},pid"`, and a typed value.
//!
//! A plain value takes the key's documented type (a string for `VT_LPWSTR`, a GUID string for
//! `VT_CLSID`, an integer for `VT_UI4`, hex bytes for `VT_BLOB`); any value can be written as
//! `{ type = "VT_UI4", value = 3 }`. An unknown key name and a value of the wrong type are
//! schema errors located at the key. The values enter the store in key order (fmtid, then
//! pid): a TOML table has no order of its own.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::guid::Guid;
use crate::properties::keys_documented_type;
use crate::properties::{PropVarType, PropVariant, PropertyKey};

/// The properties of one device, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PropertiesTable(pub(crate) Vec<(PropertyKey, PropVariant)>);

impl PropertiesTable {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn parse_hex<E: de::Error>(text: &str) -> Result<Vec<u8>, E> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() % 2 != 0 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(E::custom(format_args!(
            "`{text}` is not hex bytes (VT_BLOB): expected pairs of hex digits such as \"fe ff 02 00\""
        )));
    }
    (0..digits.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&digits[i..i + 2], 16).map_err(E::custom))
        .collect()
}

/// The key's spelling in a file.
fn key_text(key: PropertyKey) -> String {
    key.name().map_or_else(|| key.to_string(), str::to_owned)
}

/// One value, read with the key's documented type (if any).
struct ValueSeed {
    key: String,
    expected: Option<PropVarType>,
}

impl ValueSeed {
    fn mismatch<E: de::Error>(&self, got: &str) -> E {
        E::custom(format_args!(
            "{} is {}, not {got}",
            self.key,
            self.expected.map_or("untyped", |v| v.name())
        ))
    }

    fn read_str<E: de::Error>(
        &self,
        vt: Option<PropVarType>,
        text: &str,
    ) -> Result<PropVariant, E> {
        match vt {
            None | Some(PropVarType::Lpwstr) => Ok(PropVariant::Lpwstr(text.to_owned())),
            Some(PropVarType::Clsid) => Guid::parse_hex(text).map(PropVariant::Clsid).ok_or_else(|| {
                E::custom(format_args!("`{text}` is not a GUID (VT_CLSID): expected {{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}}"))
            }),
            Some(PropVarType::Blob) => parse_hex(text).map(PropVariant::Blob),
            Some(_) => Err(self.mismatch("a string")),
        }
    }

    fn read_int<E: de::Error>(&self, vt: Option<PropVarType>, v: i64) -> Result<PropVariant, E> {
        match vt {
            None | Some(PropVarType::Ui4) => u32::try_from(v)
                .map(PropVariant::Ui4)
                .map_err(|_| E::custom(format_args!("{v} does not fit in VT_UI4"))),
            Some(PropVarType::I4) => i32::try_from(v)
                .map(PropVariant::I4)
                .map_err(|_| E::custom(format_args!("{v} does not fit in VT_I4"))),
            Some(_) => Err(self.mismatch("an integer")),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = PropVariant;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<PropVariant, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = PropVariant;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property value: a string, an integer, a boolean or { type, value }")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<PropVariant, E> {
        self.read_str(self.expected, text)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<PropVariant, E> {
        self.read_int(self.expected, v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<PropVariant, E> {
        let v =
            i64::try_from(v).map_err(|_| E::custom(format_args!("{v} does not fit in 32 bits")))?;
        self.read_int(self.expected, v)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<PropVariant, E> {
        match self.expected {
            None | Some(PropVarType::Bool) => Ok(PropVariant::Bool(v)),
            Some(_) => Err(self.mismatch("a boolean")),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PropVariant, A::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Int(i64),
            Text(String),
        }
        let mut vt: Option<PropVarType> = None;
        let mut raw: Option<Raw> = None;
        while let Some(k) = map.next_key::<String>()? {
            match k.as_str() {
                "type" => {
                    let name: String = map.next_value()?;
                    vt = Some(name.parse::<PropVarType>().map_err(de::Error::custom)?);
                }
                "value" => raw = Some(map.next_value()?),
                other => {
                    return Err(de::Error::unknown_field(other, &["type", "value"]));
                }
            }
        }
        let vt = vt.ok_or_else(|| de::Error::missing_field("type"))?;
        if let Some(expected) = self.expected {
            if expected != vt {
                return Err(de::Error::custom(format_args!(
                    "{} is {}, not {}",
                    self.key,
                    expected.name(),
                    vt.name()
                )));
            }
        }
        match (vt, raw) {
            (PropVarType::Empty, None) => Ok(PropVariant::Empty),
            (PropVarType::Empty, Some(_)) => Err(de::Error::custom("VT_EMPTY takes no value")),
            (_, None) => Err(de::Error::missing_field("value")),
            (PropVarType::Bool, Some(Raw::Bool(b))) => Ok(PropVariant::Bool(b)),
            (vt, Some(Raw::Int(i))) => self.read_int(Some(vt), i),
            (vt, Some(Raw::Text(t))) => self.read_str(Some(vt), &t),
            (vt, Some(Raw::Bool(_))) => Err(de::Error::custom(format_args!(
                "{} takes no boolean",
                vt.name()
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for PropertiesTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PropertiesTable, D::Error> {
        struct Table;
        impl<'de> Visitor<'de> for Table {
            type Value = PropertiesTable;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of property keys and values")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PropertiesTable, A::Error> {
                let mut out: Vec<(PropertyKey, PropVariant)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    let key: PropertyKey = name.parse().map_err(de::Error::custom)?;
                    let value = map.next_value_seed(ValueSeed {
                        key: name.clone(),
                        expected: keys_documented_type(key),
                    })?;
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!(
                            "the key {name} is given twice"
                        )));
                    }
                    out.push((key, value));
                }
                // TOML tables carry no order: file values enter the store in key order.
                out.sort_by_key(|(k, _)| *k);
                Ok(PropertiesTable(out))
            }
        }
        d.deserialize_map(Table)
    }
}

/// A value as it is written.
struct ValueOut<'a>(PropertyKey, &'a PropVariant);

impl Serialize for ValueOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let plain = keys_documented_type(self.0) == Some(self.1.var_type())
            || matches!(self.1, PropVariant::Lpwstr(_));
        let text = |v: &PropVariant| match v {
            PropVariant::Clsid(g) => Some(g.to_string()),
            PropVariant::Blob(b) => Some(hex(b)),
            PropVariant::Lpwstr(t) => Some(t.clone()),
            _ => None,
        };
        if plain {
            return match self.1 {
                PropVariant::Ui4(v) => s.serialize_u32(*v),
                PropVariant::I4(v) => s.serialize_i32(*v),
                PropVariant::Bool(v) => s.serialize_bool(*v),
                v => s.serialize_str(&text(v).unwrap_or_default()),
            };
        }
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", self.1.var_type().name())?;
        match self.1 {
            PropVariant::Empty => {}
            PropVariant::Ui4(v) => m.serialize_entry("value", v)?,
            PropVariant::I4(v) => m.serialize_entry("value", v)?,
            PropVariant::Bool(v) => m.serialize_entry("value", v)?,
            v => m.serialize_entry("value", &text(v).unwrap_or_default())?,
        }
        m.end()
    }
}

impl Serialize for PropertiesTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(&key_text(*k), &ValueOut(*k, v))?;
        }
        m.end()
    }
}
