//! [`PartsList`]: `IPartsList` (rules L1-L5).

use std::sync::Arc;

use super::{Part, identity_handle};
use crate::engine::PartKey;
use crate::error::{Error, IndexKind, Owner, Result};
use crate::instrument::{Arg, Hook, Method, Site, no_args};
use crate::system::Shared;

/// A list of parts: `IPartsList`, as returned by `EnumPartsIncoming`, `EnumPartsOutgoing`
/// and `GetSignalPath`. A snapshot taken when the list was made (X12).
#[derive(Clone)]
pub struct PartsList {
    shared: Arc<Shared>,
    /// Exactly sized: made from a `Vec` whose capacity is its length, in one allocation.
    parts: Box<[PartKey]>,
}

impl PartsList {
    pub(crate) fn new(shared: Arc<Shared>, parts: Vec<PartKey>) -> PartsList {
        PartsList {
            shared,
            parts: parts.into_boxed_slice(),
        }
    }

    /// `IPartsList::GetCount` (rule L1).
    ///
    /// # Errors
    /// None of its own; a [fault](crate::Fault) the test set.
    pub fn count(&self) -> Result<u32> {
        self.call(Method::IPartsList_GetCount, no_args, || {
            Ok(self.parts.len() as u32)
        })
    }

    /// The number of parts, not through the toolkit's hook (for iteration and messages).
    pub(crate) fn len(&self) -> u32 {
        self.parts.len() as u32
    }

    /// `IPartsList::GetPart` (rule L2).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] (`E_INVALIDARG`).
    pub fn part(&self, index: u32) -> Result<Part> {
        self.call(
            Method::IPartsList_GetPart,
            |_| vec![Arg::new("index", index)],
            || match self.parts.get(index as usize) {
                Some(&key) => Ok(Part::new(self.shared.clone(), key)),
                None => Err(Error::IndexOutOfRange {
                    what: IndexKind::PartsListEntry,
                    index,
                    count: self.len(),
                    owner: Owner::PartsList,
                }),
            },
        )
    }

    /// The parts in list order.
    pub fn iter(&self) -> PartsListIter<'_> {
        PartsListIter {
            list: self,
            next: 0,
        }
    }
}

/// Iterator over a [`PartsList`].
#[derive(Debug, Clone)]
pub struct PartsListIter<'a> {
    list: &'a PartsList,
    next: usize,
}

impl Iterator for PartsListIter<'_> {
    type Item = Part;

    fn next(&mut self) -> Option<Part> {
        let key = *self.list.parts.get(self.next)?;
        self.next += 1;
        Some(Part::new(self.list.shared.clone(), key))
    }
}

impl<'a> IntoIterator for &'a PartsList {
    type Item = Part;
    type IntoIter = PartsListIter<'a>;

    fn into_iter(self) -> PartsListIter<'a> {
        self.iter()
    }
}

identity_handle!(PartsList, parts);

impl std::fmt::Debug for PartsList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Hook for PartsList {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::System)
    }
}
