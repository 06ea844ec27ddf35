//! How the property stores keep their values: [`Stored`], a [`PropVariant`] in 24 bytes
//! instead of 32, with the GUID strings the endpoint builder derives (S34, X59:
//! `PKEY_AudioEndpoint_Association`, `JackSubType`, `GUID`) kept as the GUID itself and written
//! out when read; and [`Stores`], every device's store by device slot.
//!
//! Only the layout differs: a value reads back exactly as it was given or derived
//! ([`Stored::to_variant`]), and compares as its [`PropVariant`] does (a GUID kept as a GUID
//! equals the same text given as a string). Issue 11's memory budget: a loaded system's stores
//! were the largest part of it after the graph (72 bytes per part of entries, plus three
//! 48-byte strings per endpoint).

use std::borrow::Cow;

use super::stores::Entry;
use crate::guid::Guid;
use crate::properties::PropVariant;

/// A stored property value (see the module docs).
#[derive(Debug, Clone, Eq)]
pub(crate) enum Stored {
    /// `VT_EMPTY`.
    Empty,
    /// `VT_I4`.
    I4(i32),
    /// `VT_BOOL`.
    Bool(bool),
    /// `VT_UI4`.
    Ui4(u32),
    /// `VT_LPWSTR`.
    Text(Box<str>),
    /// `VT_LPWSTR` holding a GUID's braced text (`Guid`'s `Display`), kept as the GUID.
    GuidText(Guid),
    /// `VT_BLOB`.
    Blob(Box<[u8]>),
    /// `VT_CLSID`.
    Clsid(Guid),
}

impl Stored {
    /// The value as the API hands it out.
    pub(crate) fn to_variant(&self) -> PropVariant {
        match self {
            Stored::Empty => PropVariant::Empty,
            Stored::I4(v) => PropVariant::I4(*v),
            Stored::Bool(v) => PropVariant::Bool(*v),
            Stored::Ui4(v) => PropVariant::Ui4(*v),
            Stored::Text(s) => PropVariant::Lpwstr(s.to_string()),
            Stored::GuidText(g) => PropVariant::Lpwstr(g.to_string()),
            Stored::Blob(b) => PropVariant::Blob(b.to_vec()),
            Stored::Clsid(g) => PropVariant::Clsid(*g),
        }
    }

    /// True for `VT_EMPTY`.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Stored::Empty)
    }

    /// The text of a `VT_LPWSTR`.
    pub(crate) fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Stored::Text(s) => Some(Cow::Borrowed(s)),
            Stored::GuidText(g) => Some(Cow::Owned(g.to_string())),
            _ => None,
        }
    }

    /// The number of a `VT_UI4`.
    pub(crate) fn as_u32(&self) -> Option<u32> {
        match self {
            Stored::Ui4(v) => Some(*v),
            _ => None,
        }
    }
}

impl From<PropVariant> for Stored {
    fn from(value: PropVariant) -> Stored {
        match value {
            PropVariant::Empty => Stored::Empty,
            PropVariant::I4(v) => Stored::I4(v),
            PropVariant::Bool(v) => Stored::Bool(v),
            PropVariant::Ui4(v) => Stored::Ui4(v),
            PropVariant::Lpwstr(s) => Stored::Text(s.into_boxed_str()),
            PropVariant::Blob(b) => Stored::Blob(b.into_boxed_slice()),
            PropVariant::Clsid(g) => Stored::Clsid(g),
        }
    }
}

impl PartialEq for Stored {
    /// As the values' [`PropVariant`]s compare.
    fn eq(&self, other: &Stored) -> bool {
        match (self, other) {
            (Stored::GuidText(a), Stored::GuidText(b)) => a == b,
            (Stored::Text(_) | Stored::GuidText(_), Stored::Text(_) | Stored::GuidText(_)) => {
                self.text() == other.text()
            }
            (Stored::Empty, Stored::Empty) => true,
            (Stored::I4(a), Stored::I4(b)) => a == b,
            (Stored::Bool(a), Stored::Bool(b)) => a == b,
            (Stored::Ui4(a), Stored::Ui4(b)) => a == b,
            (Stored::Blob(a), Stored::Blob(b)) => a == b,
            (Stored::Clsid(a), Stored::Clsid(b)) => a == b,
            _ => false,
        }
    }
}

/// Every device's store, by device slot (slots are never reused; a device without a store
/// has an empty one).
#[derive(Debug, Clone, Default)]
pub(crate) struct Stores(Vec<Vec<Entry>>);

impl Stores {
    /// The store of a slot, if it has entries.
    pub(crate) fn get(&self, ix: u32) -> Option<&Vec<Entry>> {
        self.0.get(ix as usize).filter(|s| !s.is_empty())
    }

    /// The store of a slot, made (empty) if need be.
    pub(crate) fn get_or_default(&mut self, ix: u32) -> &mut Vec<Entry> {
        let i = ix as usize;
        if self.0.len() <= i {
            self.0.resize_with(i + 1, Vec::new);
        }
        &mut self.0[i]
    }

    /// Replaces the store of a slot.
    pub(crate) fn insert(&mut self, ix: u32, store: Vec<Entry>) {
        *self.get_or_default(ix) = store;
    }

    /// Empties the store of a slot (its device was removed).
    pub(crate) fn remove(&mut self, ix: u32) {
        if let Some(store) = self.0.get_mut(ix as usize) {
            *store = Vec::new();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guid::guids;

    #[test]
    fn stored_values_read_back_and_compare_as_given() {
        let g = guids::KSNODETYPE_SPEAKER;
        let as_text = Stored::from(PropVariant::Lpwstr(g.to_string()));
        assert_eq!(Stored::GuidText(g), as_text);
        assert_eq!(
            Stored::GuidText(g).to_variant(),
            PropVariant::Lpwstr(g.to_string())
        );
        assert_ne!(Stored::GuidText(g), Stored::Clsid(g));
        assert_ne!(Stored::GuidText(g), Stored::Text("x".into()));
        for v in [
            PropVariant::Empty,
            PropVariant::I4(-3),
            PropVariant::Bool(true),
            PropVariant::Ui4(7),
            PropVariant::Lpwstr("Speakers".into()),
            PropVariant::Blob(vec![1, 2]),
            PropVariant::Clsid(g),
        ] {
            assert_eq!(Stored::from(v.clone()).to_variant(), v);
        }
        assert!(std::mem::size_of::<Stored>() <= 24);
        assert!(std::mem::size_of::<Entry>() <= 48);
    }
}
