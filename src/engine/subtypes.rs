//! Part subtypes (P5) interned per system: a part keeps a 4-byte index into its system's
//! table of distinct subtype GUIDs instead of the 16-byte GUID (a system has a few dozen
//! distinct subtypes however many parts it has; issue 11's memory budget: the part's node
//! slot goes from 80 to 72 bytes). Reads are one array index, O(1).

use std::collections::HashMap;

use super::{Engine, PartNode};
use crate::guid::Guid;

/// A subtype's index in its system's [`Subtypes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SubtypeIx(u32);

/// The distinct subtypes of a system's parts, in order of first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Subtypes {
    list: Vec<Guid>,
    index: HashMap<Guid, u32>,
}

impl Subtypes {
    /// The index of a subtype, added on first use.
    pub(crate) fn intern(&mut self, guid: Guid) -> SubtypeIx {
        if let Some(&ix) = self.index.get(&guid) {
            return SubtypeIx(ix);
        }
        // More than 2^32 distinct GUIDs cannot be made in memory; saturate rather than wrap.
        let ix = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.list.push(guid);
        self.index.insert(guid, ix);
        SubtypeIx(ix)
    }

    /// The GUID of an index made by [`Subtypes::intern`] (the nil GUID for another's).
    pub(crate) fn guid(&self, ix: SubtypeIx) -> Guid {
        self.list.get(ix.0 as usize).copied().unwrap_or_default()
    }
}

impl Engine {
    /// A part's subtype (`IPart::GetSubType`).
    #[inline]
    pub(crate) fn subtype(&self, part: &PartNode) -> Guid {
        self.subtypes.guid(part.subtype)
    }
}
