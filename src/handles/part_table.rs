//! [`PartTable`]: every part of one device topology read at once, for walks (issue 11).
//!
//! A client walking a large system through the COM-shaped calls pays, per part, one call (and
//! one acquisition of the system's lock) for the part, its name, its type, its control count
//! and each control; and `IPart::GetName` hands out a fresh `String`. [`DeviceTopology::read_parts`]
//! reads the same facts of every part of a topology under one read lock into a reusable table:
//! after the first fill it allocates nothing while the table's buffers are big enough, and it
//! takes one lock per topology instead of about five per part (decision X77).

use super::DeviceTopology;
use crate::controls::ControlKind;
use crate::engine::PartKey;
use crate::error::Result;
use crate::types::{LocalId, PartType};

/// One row of a [`PartTable`]: what the table keeps of a part (its local ID and type are
/// in its key).
#[derive(Debug, Clone, Copy)]
struct Row {
    key: PartKey,
    /// End of the name in [`PartTable::names`].
    name_end: usize,
    /// End of the control kinds in [`PartTable::kinds`].
    kinds_end: usize,
}

/// The parts of one device topology as [`DeviceTopology::read_parts`] read them: for each part
/// its name (`IPart::GetName`), local ID (`GetLocalId`), type (`GetPartType`) and the kinds of
/// its control interfaces (`GetControlInterface`, in order). The connectors come first, in
/// `GetConnector` order, then the subunits in `GetSubunit` order.
///
/// The table is a copy: it does not follow later changes. Reuse one table across reads: its
/// buffers (one `String` for all names, one list of rows, one of control kinds) keep their
/// capacity, so a walk allocates only while they grow.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
///
/// let system = fixtures::four_topologies()?;
/// let mut table = PartTable::new();
/// for device in system.devices() {
///     device.topology()?.read_parts(&mut table)?;
///     for row in &table {
///         // The same facts the IPart calls give, without a call per part.
///         let part = system.part(row.key())?;
///         assert_eq!(row.name(), part.name()?);
///         assert_eq!(row.part_type(), part.part_type()?);
///         assert_eq!(row.controls().len() as u32, part.control_interface_count()?);
///     }
/// }
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct PartTable {
    names: String,
    rows: Vec<Row>,
    kinds: Vec<ControlKind>,
}

/// One part of a [`PartTable`], borrowed from it.
#[derive(Debug, Clone, Copy)]
pub struct PartRow<'a> {
    row: &'a Row,
    name: &'a str,
    controls: &'a [ControlKind],
}

impl<'a> PartRow<'a> {
    /// The part's name, as `IPart::GetName` gave it when the table was read (P1).
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The part's local ID (`IPart::GetLocalId`, P2).
    pub fn local_id(&self) -> LocalId {
        self.row.key.local_id
    }

    /// Connector or subunit (`IPart::GetPartType`, P4).
    pub fn part_type(&self) -> PartType {
        self.row.key.part_type
    }

    /// The kinds of the part's control interfaces, in `GetControlInterface` order (P7);
    /// empty for a part without controls.
    pub fn controls(&self) -> &'a [ControlKind] {
        self.controls
    }

    /// The part's key: [`System::part`](crate::System::part) gives its handle.
    pub fn key(&self) -> PartKey {
        self.row.key
    }
}

impl PartTable {
    /// An empty table.
    pub fn new() -> PartTable {
        PartTable::default()
    }

    /// The number of parts in the table.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table holds no part.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `index`-th part (connectors first, then subunits), or `None` past the end.
    pub fn get(&self, index: usize) -> Option<PartRow<'_>> {
        let row = self.rows.get(index)?;
        let (name_start, kinds_start) = match index.checked_sub(1).and_then(|i| self.rows.get(i)) {
            Some(prev) => (prev.name_end, prev.kinds_end),
            None => (0, 0),
        };
        Some(PartRow {
            row,
            name: self.names.get(name_start..row.name_end).unwrap_or_default(),
            controls: self
                .kinds
                .get(kinds_start..row.kinds_end)
                .unwrap_or_default(),
        })
    }

    /// The parts in order.
    pub fn iter(&self) -> PartTableIter<'_> {
        PartTableIter {
            rows: self.rows.iter(),
            names: &self.names,
            kinds: &self.kinds,
            name_at: 0,
            kinds_at: 0,
        }
    }

    /// Appends the row of graph node `node`, its name to `names` (the table's names as
    /// bytes while it is being filled: [`DeviceTopology::read_parts`]). Inlined into the
    /// read's two loops (issue 11: the walk's inner loop).
    #[inline(always)]
    fn push(
        &mut self,
        engine: &crate::engine::Engine,
        node: petgraph::stable_graph::NodeIndex<u32>,
        names: &mut Vec<u8>,
    ) {
        // A device's index names only its live parts: every node is there.
        let Some(part) = engine.graph.node_weight(node) else {
            return;
        };
        part.name.append_to(names);
        self.kinds.extend(part.controls.iter().map(|c| c.kind()));
        self.rows.push(Row {
            key: PartKey {
                serial: part.serial,
                node,
                device: part.device,
                local_id: part.local_id,
                part_type: part.part_type(),
            },
            name_end: names.len(),
            kinds_end: self.kinds.len(),
        });
    }

    fn clear(&mut self) {
        self.names.clear();
        self.rows.clear();
        self.kinds.clear();
    }
}

/// The rows of a [`PartTable`] in order ([`PartTable::iter`]).
#[derive(Debug, Clone)]
pub struct PartTableIter<'a> {
    rows: std::slice::Iter<'a, Row>,
    /// The names and control kinds not given out yet: each row's are split off the front,
    /// one boundary check each instead of a range's two (issue 11: the walk's inner loop).
    names: &'a str,
    kinds: &'a [ControlKind],
    /// Where `names` and `kinds` start in the table's buffers.
    name_at: usize,
    kinds_at: usize,
}

impl<'a> Iterator for PartTableIter<'a> {
    type Item = PartRow<'a>;

    #[inline]
    fn next(&mut self) -> Option<PartRow<'a>> {
        let row = self.rows.next()?;
        // The ends only grow and lie on character boundaries (`read_parts` wrote them), so
        // the splits succeed; the fallbacks (an empty name, no controls) are unreachable.
        let (name, names) = self
            .names
            .split_at_checked(row.name_end.wrapping_sub(self.name_at))
            .unwrap_or(("", self.names));
        let (controls, kinds) = self
            .kinds
            .split_at_checked(row.kinds_end.wrapping_sub(self.kinds_at))
            .unwrap_or((&[], self.kinds));
        self.names = names;
        self.kinds = kinds;
        self.name_at = row.name_end;
        self.kinds_at = row.kinds_end;
        Some(PartRow {
            row,
            name,
            controls,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl ExactSizeIterator for PartTableIter<'_> {}

impl<'a> IntoIterator for &'a PartTable {
    type Item = PartRow<'a>;
    type IntoIter = PartTableIter<'a>;

    fn into_iter(self) -> PartTableIter<'a> {
        self.iter()
    }
}

impl DeviceTopology {
    /// Reads every part of this topology into `table` (replacing what it held) under one
    /// acquisition of the system's lock: the batch form of `GetConnector`/`GetSubunit` followed
    /// by `GetName`, `GetLocalId`, `GetPartType`, `GetControlInterfaceCount` and
    /// `GetControlInterface` on each part, for clients that walk large systems. O(parts of the
    /// device + their names' length); allocates only when the table's buffers must grow.
    ///
    /// Not a COM method: the call is neither recorded nor faulted by the toolkit (X77).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26); `table` is then empty.
    pub fn read_parts(&self, table: &mut PartTable) -> Result<()> {
        table.clear();
        let engine = self.shared.read();
        let device = engine.device(self.key)?;
        table
            .rows
            .reserve(device.connectors.len() + device.subunits.len());
        // The names are gathered as bytes and checked as UTF-8 once, as one run, instead of
        // once per name (`PartName::as_str` checks its inline bytes on every call): the
        // check of a short name cost a third of the walk (issue 11). The buffer is the
        // table's own `String`'s, so its capacity is kept.
        let mut names = std::mem::take(&mut table.names).into_bytes();
        // Two plain loops, not a chained iterator: this is the walk's inner loop.
        for &node in &device.connectors {
            table.push(&engine, node, &mut names);
        }
        for &node in &device.subunits {
            table.push(&engine, node, &mut names);
        }
        drop(engine);
        // Every name was copied whole from a `str`, so the run is valid UTF-8 and each row's
        // end is a character boundary; the lossy fallback is unreachable.
        table.names = String::from_utf8(names)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Ok(())
    }
}
