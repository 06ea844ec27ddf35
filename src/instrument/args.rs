//! [`Arg`] and [`ArgValue`]: the arguments of a recorded call that matter for assertions.

use std::fmt;

use super::Target;
use crate::guid::Guid;
use crate::properties::{PropertyKey, StoreAccess};
use crate::types::{EDataFlow, ERole, LocalId, MixedPaths};

/// One argument of a recorded call: its name (as the COM method's parameter, in
/// snake case: `index`, `iid`, `access`, `other`, `channel`, `level_db`, ...) and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// The parameter's name.
    pub name: &'static str,
    /// Its value.
    pub value: ArgValue,
}

impl Arg {
    pub(crate) fn new(name: &'static str, value: impl Into<ArgValue>) -> Arg {
        Arg {
            name,
            value: value.into(),
        }
    }
}

impl Arg {
    /// `OpenPropertyStore`'s mode: [`ArgValue::Access`], or the raw value when invalid.
    pub(crate) fn access(stgm: u32) -> Arg {
        let value = StoreAccess::from_stgm(stgm).map_or(ArgValue::Int(stgm), ArgValue::Access);
        Arg {
            name: "access",
            value,
        }
    }

    /// An `IKsControl` request: the descriptor's set, id and flags (when it is long enough
    /// to hold a `KSIDENTIFIER`) and the data buffer's size.
    pub(crate) fn ks(descriptor: Option<&[u8]>, data: Option<usize>) -> Vec<Arg> {
        let mut args = Vec::with_capacity(4);
        match descriptor.map(crate::properties::ks_request::parse_identifier) {
            Some(Some((set, id, flags))) => {
                args.push(Arg::new("set", set));
                args.push(Arg::new("id", id));
                args.push(Arg::new("flags", flags));
            }
            Some(None) => args.push(Arg {
                name: "descriptor",
                value: ArgValue::Bytes(descriptor.map_or(0, <[u8]>::len)),
            }),
            None => args.push(Arg {
                name: "descriptor",
                value: ArgValue::None,
            }),
        }
        args.push(Arg {
            name: "data",
            value: data.map_or(ArgValue::None, ArgValue::Bytes),
        });
        args
    }

    /// A part argument: its target, or text for a part of another system.
    pub(crate) fn part(
        name: &'static str,
        engine: &crate::engine::Engine,
        shared: &std::sync::Arc<crate::system::Shared>,
        part: &crate::handles::Part,
    ) -> Arg {
        let value = if std::sync::Arc::ptr_eq(shared, &part.shared) {
            ArgValue::Part(super::part_target(engine, part.key))
        } else {
            ArgValue::Text("a part of another System".to_owned())
        };
        Arg { name, value }
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.value)
    }
}

/// The value of a recorded argument.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ArgValue {
    /// An index, count, mask, flag word or ID.
    Int(u32),
    /// A level in dB.
    Level(f32),
    /// Levels in dB, one per channel.
    Levels(Vec<f32>),
    /// A BOOL.
    Bool(bool),
    /// An IID, property set or context GUID.
    Guid(Guid),
    /// A local ID.
    LocalId(LocalId),
    /// Text: a device ID asked for.
    Text(String),
    /// A part passed as an argument (`ConnectTo`'s connector, `GetSignalPath`'s ends).
    Part(Target),
    /// A property key.
    Key(PropertyKey),
    /// An `EDataFlow`.
    Flow(EDataFlow),
    /// An `ERole`.
    Role(ERole),
    /// A property store's access mode (`OpenPropertyStore`); an invalid `stgmAccess` is
    /// recorded as [`ArgValue::Int`].
    Access(StoreAccess),
    /// `GetSignalPath`'s `bRejectMixedPaths`.
    Mixed(MixedPaths),
    /// A buffer, by its length in bytes.
    Bytes(usize),
    /// No value (a NULL context GUID, a NULL buffer).
    None,
}

impl ArgValue {
    /// A buffer by its length; `None` for a NULL buffer.
    pub(crate) fn from_len(len: Option<usize>) -> ArgValue {
        len.map_or(ArgValue::None, ArgValue::Bytes)
    }

    /// True for a property store opened for writing (`STGM_WRITE` or `STGM_READWRITE`).
    ///
    /// ```
    /// use devtopo::{ArgValue, StoreAccess};
    /// assert!(ArgValue::Access(StoreAccess::ReadWrite).is_write_access());
    /// assert!(!ArgValue::Access(StoreAccess::Read).is_write_access());
    /// ```
    pub fn is_write_access(&self) -> bool {
        matches!(self, ArgValue::Access(a) if a.can_write())
    }
}

impl fmt::Display for ArgValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgValue::Int(v) => write!(f, "{v}"),
            ArgValue::Level(v) => write!(f, "{v}"),
            ArgValue::Levels(v) => write!(f, "{v:?}"),
            ArgValue::Bool(v) => write!(f, "{v}"),
            ArgValue::Guid(g) => write!(f, "{g}"),
            ArgValue::LocalId(l) => write!(f, "{l}"),
            ArgValue::Text(t) => write!(f, "{t:?}"),
            ArgValue::Part(t) => write!(f, "{t}"),
            ArgValue::Key(k) => write!(f, "{k}"),
            ArgValue::Flow(v) => write!(f, "{v}"),
            ArgValue::Role(v) => write!(f, "{v}"),
            ArgValue::Access(a) => write!(f, "{a:?}"),
            ArgValue::Mixed(m) => write!(f, "{m:?}"),
            ArgValue::Bytes(n) => write!(f, "{n} bytes"),
            ArgValue::None => f.write_str("NULL"),
        }
    }
}

macro_rules! arg_from {
    ($($ty:ty => $variant:ident),* $(,)?) => {
        $(impl From<$ty> for ArgValue {
            fn from(value: $ty) -> ArgValue {
                ArgValue::$variant(value)
            }
        })*
    };
}

arg_from! {
    u32 => Int, f32 => Level, Vec<f32> => Levels, bool => Bool, Guid => Guid, LocalId => LocalId,
    String => Text, Target => Part, PropertyKey => Key, EDataFlow => Flow, ERole => Role,
    StoreAccess => Access, MixedPaths => Mixed,
}

impl From<&str> for ArgValue {
    fn from(value: &str) -> ArgValue {
        ArgValue::Text(value.to_owned())
    }
}

impl From<Option<Guid>> for ArgValue {
    fn from(value: Option<Guid>) -> ArgValue {
        value.map_or(ArgValue::None, ArgValue::Guid)
    }
}
