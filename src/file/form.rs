//! One serde mechanism for the schema's small value types: each type states, through
//! [`TextForm`], what it expects, how it reads from text (and, where allowed, from numbers or
//! booleans) and how it is written; [`serde_by_form!`] then gives it `Serialize` and
//! `Deserialize` through one generic visitor.
//!
//! What a type does not accept gets serde's own "invalid type" error, worded as a visitor
//! without that `visit_*` method would word it, so messages are the same as hand-written
//! visitors'.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Unexpected, Visitor};
use serde::{Deserializer, Serializer};

/// How a schema value reads and writes. Every method but [`TextForm::render`] has a default
/// that rejects that kind of input with serde's "invalid type" error.
pub(crate) trait TextForm: Sized {
    /// What the value should be, for "invalid type" errors: `a local ID: ...`.
    const EXPECTING: &'static str;
    /// `true` when the value may be a number or boolean (the deserializer is asked for any
    /// value), `false` when it is always a string.
    const ANY: bool = false;

    /// Writes [`TextForm::EXPECTING`]; a generic type may say more.
    fn expecting(f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::EXPECTING)
    }

    /// Reads the value from a string.
    fn parse<E: de::Error>(text: &str) -> Result<Self, E> {
        Err(invalid::<Self, E>(Unexpected::Str(text)))
    }

    /// Reads the value from an unsigned integer.
    fn from_u64<E: de::Error>(value: u64) -> Result<Self, E> {
        Err(invalid::<Self, E>(Unexpected::Unsigned(value)))
    }

    /// Reads the value from a signed integer.
    fn from_i64<E: de::Error>(value: i64) -> Result<Self, E> {
        Err(invalid::<Self, E>(Unexpected::Signed(value)))
    }

    /// Reads the value from a float.
    fn from_f64<E: de::Error>(value: f64) -> Result<Self, E> {
        Err(invalid::<Self, E>(Unexpected::Float(value)))
    }

    /// Reads the value from a boolean.
    fn from_bool<E: de::Error>(value: bool) -> Result<Self, E> {
        Err(invalid::<Self, E>(Unexpected::Bool(value)))
    }

    /// Writes the value as it is saved.
    fn render<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// serde's "invalid type" error for `T`, as a visitor that lacks the method would give it.
fn invalid<T: TextForm, E: de::Error>(unexpected: Unexpected<'_>) -> E {
    E::invalid_type(unexpected, &FormVisitor::<T>(PhantomData))
}

/// A 32-bit value from an integer; else "`{what}{value}` does not fit in 32 bits".
pub(crate) fn u32_of<N, E>(value: N, what: &str) -> Result<u32, E>
where
    N: Copy + fmt::Display,
    u32: TryFrom<N>,
    E: de::Error,
{
    u32::try_from(value)
        .map_err(|_| E::custom(format_args!("{what}{value} does not fit in 32 bits")))
}

/// The one visitor behind every [`TextForm`] type.
pub(crate) struct FormVisitor<T>(PhantomData<T>);

impl<T: TextForm> Visitor<'_> for FormVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        T::expecting(f)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        T::parse(text)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        T::from_u64(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        T::from_i64(value)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<T, E> {
        T::from_f64(value)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<T, E> {
        T::from_bool(value)
    }
}

/// Deserializes a [`TextForm`] value (the body of the `Deserialize` impls
/// [`serde_by_form!`] writes).
pub(crate) fn deserialize<'de, T: TextForm, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let visitor = FormVisitor::<T>(PhantomData);
    if T::ANY {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

/// Implements `Serialize` and `Deserialize` for types that implement [`TextForm`]:
/// `serde_by_form!(Text, PartText);`, with generics in brackets first:
/// `serde_by_form!([const W: usize] Hex<W>);`.
macro_rules! serde_by_form {
    ([$($generics:tt)*] $ty:ty) => {
        impl<$($generics)*> serde::Serialize for $ty
        where
            $ty: $crate::file::form::TextForm,
        {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::file::form::TextForm::render(self, serializer)
            }
        }

        impl<'de, $($generics)*> serde::Deserialize<'de> for $ty
        where
            $ty: $crate::file::form::TextForm,
        {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::file::form::deserialize(deserializer)
            }
        }
    };
    ($($ty:ty),+ $(,)?) => {
        $(serde_by_form!([] $ty);)+
    };
}

pub(crate) use serde_by_form;
