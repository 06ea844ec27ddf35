//! The streaming loader: a file's devices are deserialized one at a time and built straight
//! into the [`SystemBuilder`], so neither the whole text (for JSON read from a file or a
//! reader) nor the whole deserialized document is ever held; connections are kept (two
//! references each) and resolved through the device index at the end.
//!
//! Peak memory of a successful load: the system being built, one device entry, the file's
//! connections and, per device, a few words (its key and whether it had problems). Time:
//! O(n) in the file's size (every reference resolves in O(1) on average).
//!
//! What a streamed load reports when the file has problems (X75): loads from text or from a
//! path (`System::load`, [`read_with`](super::read_with), [`parse_with`](super::parse_with))
//! stop using the stream at the first problem and load the file again the whole-document way,
//! so they report every problem with exactly the positions they always did. A load from a
//! reader ([`load_reader`](super::load_reader)) cannot read its input twice: it reports the
//! syntax or schema error that ends the stream (at the parser's line and column, with the
//! item's path), or every problem found while building, each at the start of the device or
//! connection entry it is in.
//!
//! Never recurses beyond serde's own (bounded) descent into one entry.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read};
use std::rc::Rc;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::error::FileErrorKind;
use super::limits::{Limit, active_value};
use super::load::{Guids, Problem, add_device, name_guids};
use super::locate::ItemPath;
use super::refs::{ByName, DeviceIndex, NameIndex, RefError, part_answer, split};
use super::schema::{ConnectionEntry, DeviceEntry, Text};
use crate::engine::{DeviceKey, PartKey, SystemBuilder};
use crate::error::Error;
use crate::system::System;
use crate::types::{LocalId, Permanence};
use petgraph::stable_graph::NodeIndex;

/// A 1-based line and column (in characters).
pub(crate) type Pos = (u32, u32);

/// Where the reader is, shared between a [`Tracked`] reader and the visitors: serde_json's
/// reader takes one byte at a time, so when a visitor starts an entry the last byte handed
/// out is the entry's first (`{`, peeked). Lines and columns are worked out only when asked
/// (once per entry), from the newlines of the current chunk noted when it was read.
#[derive(Debug, Default)]
pub(crate) struct Cursor {
    /// Bytes of the current chunk handed out.
    at: Cell<usize>,
    chunk: std::cell::RefCell<Chunk>,
    /// Set once more than [`Limit::FileBytes`] bytes were read.
    over_limit: Cell<bool>,
}

/// What a position inside the current chunk needs.
#[derive(Debug, Default)]
struct Chunk {
    /// The line the chunk starts on (1-based) and the characters before it on that line.
    line: u32,
    column: u32,
    /// Offsets of the chunk's `\n` bytes and of its UTF-8 continuation bytes.
    newlines: Vec<usize>,
    continuations: Vec<usize>,
}

impl Cursor {
    fn new() -> Cursor {
        let cursor = Cursor::default();
        cursor.chunk.borrow_mut().line = 1;
        cursor
    }

    /// The line and column of the last byte handed out (1:1 before the first).
    pub(crate) fn pos(&self) -> Pos {
        let chunk = self.chunk.borrow();
        let Some(last) = self.at.get().checked_sub(1) else {
            return (chunk.line, chunk.column.max(1));
        };
        // Newlines before the last byte (a `\n` itself ends its line).
        let lines = chunk.newlines.partition_point(|&n| n < last);
        let (line, from, base) = match lines.checked_sub(1).and_then(|i| chunk.newlines.get(i)) {
            Some(&n) => (chunk.line as usize + lines, n + 1, 0),
            None => (chunk.line as usize, 0, chunk.column as usize),
        };
        let cont = chunk.continuations.partition_point(|&c| c <= last)
            - chunk.continuations.partition_point(|&c| c < from);
        let column = base + (last + 1 - from) - cont;
        (clamp(line), clamp(column.max(1)))
    }

    pub(crate) fn over_limit(&self) -> bool {
        self.over_limit.get()
    }

    /// A new chunk replaces one handed out whole.
    fn next_chunk(&self, old: &[u8], new: &[u8]) {
        let mut chunk = self.chunk.borrow_mut();
        // Move the start past the old chunk.
        match chunk.newlines.last().copied() {
            Some(n) => {
                chunk.line = clamp(chunk.line as usize + chunk.newlines.len());
                let tail = old.get(n + 1..).unwrap_or_default();
                chunk.column = clamp(chars(tail));
            }
            None => chunk.column = clamp(chunk.column as usize + chars(old)),
        }
        chunk.newlines.clear();
        chunk.continuations.clear();
        for (i, &b) in new.iter().enumerate() {
            if b == b'\n' {
                chunk.newlines.push(i);
            } else if b & 0xC0 == 0x80 {
                chunk.continuations.push(i);
            }
        }
        self.at.set(0);
    }
}

fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn clamp(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A buffered reader that counts what it reads against [`Limit::FileBytes`] (an error once
/// the input is longer) and lets [`Cursor`] say where it is. Its one-byte reads (serde_json's
/// way) cost a bounds check and a copy.
pub(crate) struct Tracked<R> {
    inner: R,
    cursor: Rc<Cursor>,
    buf: Box<[u8]>,
    at: usize,
    end: usize,
    total: u64,
    max: u64,
}

impl<R: Read> Tracked<R> {
    /// Chunk size: big enough that refills are rare, small enough to stay in cache.
    const CHUNK: usize = 1 << 16;

    pub(crate) fn new(inner: R, max: usize) -> (Tracked<R>, Rc<Cursor>) {
        let cursor = Rc::new(Cursor::new());
        let reader = Tracked {
            inner,
            cursor: Rc::clone(&cursor),
            buf: vec![0; Self::CHUNK].into_boxed_slice(),
            at: 0,
            end: 0,
            total: 0,
            max: u64::try_from(max).unwrap_or(u64::MAX),
        };
        (reader, cursor)
    }

    fn refill(&mut self) -> io::Result<()> {
        let mut next = vec![0; Self::CHUNK].into_boxed_slice();
        let n = loop {
            match self.inner.read(&mut next) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        self.total = self.total.saturating_add(n as u64);
        if self.total > self.max {
            self.cursor.over_limit.set(true);
            return Err(io::Error::other("the input is over the byte limit"));
        }
        let old = std::mem::replace(&mut self.buf, next);
        self.cursor.next_chunk(
            old.get(..self.end).unwrap_or_default(),
            self.buf.get(..n).unwrap_or_default(),
        );
        self.at = 0;
        self.end = n;
        Ok(())
    }
}

impl<R: Read> Read for Tracked<R> {
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.at == self.end {
            self.refill()?;
        }
        let available = self.buf.get(self.at..self.end).unwrap_or_default();
        let n = available.len().min(out.len());
        if let (Some(to), Some(from)) = (out.get_mut(..n), available.get(..n)) {
            to.copy_from_slice(from);
        }
        self.at += n;
        self.cursor.at.set(self.at);
        Ok(n)
    }
}

/// One device entry as the stream left it: 8 bytes, as it is kept for every device of the
/// file until the end (an added device's ID and name are the builder's; the ID and name of
/// one that could not be added are in [`Stream::lost`]).
#[derive(Clone, Copy)]
struct Entry {
    /// The builder's device slot, [`Entry::NONE`] if the device was not added.
    slot: u32,
    broken: bool,
}

impl Entry {
    const NONE: u32 = u32::MAX;

    /// The key of the added device.
    fn key(self, b: &SystemBuilder) -> Option<DeviceKey> {
        (self.slot != Entry::NONE).then(|| b.engine.device_key(self.slot))
    }
}

/// The loader's state while the file streams by.
pub(crate) struct Stream {
    b: SystemBuilder,
    pub(crate) problems: Vec<(Problem, Option<Pos>)>,
    guids: Guids,
    guids_seen: bool,
    entries: Vec<Entry>,
    /// The ID and name of each entry that could not be added, by entry (so references still
    /// resolve, or fail, as they would against the file's list).
    lost: HashMap<usize, (String, String)>,
    /// Devices that use a GUID name before the `guids` table came: built, in order, once it
    /// has (or at the end).
    pending: Vec<(usize, Option<Pos>, DeviceEntry)>,
    connections: Vec<(Option<Pos>, ConnectionEntry)>,
    cursor: Option<Rc<Cursor>>,
}

impl Stream {
    pub(crate) fn new(cursor: Option<Rc<Cursor>>) -> Stream {
        Stream {
            b: SystemBuilder::new(),
            problems: Vec::new(),
            guids: Guids::new(),
            guids_seen: false,
            entries: Vec::new(),
            lost: HashMap::new(),
            pending: Vec::new(),
            connections: Vec::new(),
            cursor,
        }
    }

    fn note(&mut self, from: usize, at: Option<Pos>) {
        for p in self.problems.iter_mut().skip(from) {
            p.1 = p.1.or(at);
        }
    }

    fn take_guids(&mut self, guids: Guids) {
        let before = self.problems.len();
        let mut found = Vec::new();
        name_guids(&mut self.b, &guids, &mut found);
        self.problems.extend(found.into_iter().map(|p| (p, None)));
        self.note(before, Some((1, 1)));
        self.guids = guids;
        self.guids_seen = true;
        for (i, at, dev) in std::mem::take(&mut self.pending) {
            self.add(i, at, dev);
        }
    }

    /// Whether a device must wait for the `guids` table: it names a subtype that is no GUID
    /// and the table has not come yet.
    fn must_wait(&self, dev: &DeviceEntry) -> bool {
        use super::schema::Subtype;
        !self.guids_seen
            && (!self.pending.is_empty()
                || dev
                    .connectors
                    .iter()
                    .map(|c| &c.subtype)
                    .chain(dev.subunits.iter().map(|s| &s.subtype))
                    .any(|s| matches!(s, Subtype::Name(_))))
    }

    fn device(&mut self, i: usize, at: Option<Pos>, dev: DeviceEntry) {
        // Keep the entries in file order while some wait for `guids`.
        self.entries.push(Entry {
            slot: Entry::NONE,
            broken: true,
        });
        if self.must_wait(&dev) {
            self.pending.push((i, at, dev));
        } else {
            self.add(i, at, dev);
        }
    }

    fn add(&mut self, i: usize, at: Option<Pos>, dev: DeviceEntry) {
        let path = ItemPath::root().item("device", i);
        let before = self.problems.len();
        let mut found = Vec::new();
        let built = add_device(&mut self.b, &self.guids, &dev, &path, &mut found);
        let (key, broken) = (built.key, built.broken);
        drop(built);
        self.problems.extend(found.into_iter().map(|p| (p, None)));
        self.note(before, at);
        let entry = Entry {
            slot: key.map_or(Entry::NONE, |k| k.ix),
            broken,
        };
        if key.is_none() {
            self.lost.insert(i, (dev.id.0, dev.name.0));
        }
        if let Some(slot) = self.entries.get_mut(i) {
            *slot = entry;
        }
    }

    /// Resolves the connections and builds the system.
    pub(crate) fn finish(mut self) -> Result<System, Vec<(Problem, Option<Pos>)>> {
        if !self.guids_seen {
            self.take_guids(Guids::new());
        }
        let ends = self.resolve_connections();
        for (k, (at, a, z, permanent)) in ends.into_iter().enumerate() {
            if a == NodeIndex::end() || z == NodeIndex::end() {
                continue;
            }
            let (a, z) = (self.b.engine.key_of(a), self.b.engine.key_of(z));
            let permanence = if permanent {
                Permanence::Permanent
            } else {
                Permanence::Transient
            };
            if let Err(e) = self.b.connect(a, z, permanence) {
                let path = ItemPath::root().item("connection", k);
                self.problems
                    .push((Problem::new(path, FileErrorKind::Rule(e)), at));
            }
        }
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let entries = std::mem::take(&mut self.entries);
        self.b.build_placed().map_err(|(e, slot)| {
            // The entry of the device an endpoint-shape error names.
            let device = match (&e, slot) {
                (Error::EndpointShape { .. }, Some(slot)) => {
                    entries.iter().position(|e| e.slot == slot)
                }
                _ => None,
            };
            let path = device.map_or_else(ItemPath::root, |i| ItemPath::root().item("device", i));
            vec![(Problem::new(path, FileErrorKind::Rule(e)), None)]
        })
    }

    /// Both ends of every connection, as graph nodes (`NodeIndex::end()` where a reference
    /// failed: the problem is recorded, or the end is in a device that had problems): 24
    /// bytes a connection. Each connection's text is freed once it is resolved.
    fn resolve_connections(&mut self) -> Vec<ResolvedEnds> {
        let connections = std::mem::take(&mut self.connections);
        let b = &self.b;
        let entries = &self.entries;
        let lost = &self.lost;
        let devices = DeviceIndex::new(
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| device_texts(b, lost.get(&i), *e)),
        );
        let mut names: HashMap<usize, NameIndex<'_>> = HashMap::new();
        let mut out = Vec::with_capacity(connections.len());
        let mut problems = Vec::new();
        for (k, (at, c)) in connections.into_iter().enumerate() {
            let path = ItemPath::root().item("connection", k);
            let mut end =
                |key: &str, text: &str| match resolve(b, &devices, entries, &mut names, text) {
                    Ok(found) => found,
                    Err(e) => {
                        problems.push((
                            Problem::new(path.key(key), FileErrorKind::Reference(e.to_string())),
                            at,
                        ));
                        None
                    }
                };
            let node = |key: Option<PartKey>| key.map_or(NodeIndex::end(), |k| k.node);
            let (a, z) = (node(end("a", &c.a.0)), node(end("b", &c.b.0)));
            out.push((at, a, z, c.permanent));
        }
        self.problems.append(&mut problems);
        out
    }
}

/// A connection once resolved: where it is in the file, its two ends (`NodeIndex::end()`
/// for an end that did not resolve) and whether it is permanent.
type ResolvedEnds = (Option<Pos>, NodeIndex<u32>, NodeIndex<u32>, bool);

/// The ID and name an entry answers references with.
fn device_texts<'a>(
    b: &'a SystemBuilder,
    lost: Option<&'a (String, String)>,
    e: Entry,
) -> (&'a str, &'a str) {
    if let Some(lost) = lost {
        return (lost.0.as_str(), lost.1.as_str());
    }
    let Some(key) = e.key(b) else {
        return ("", "");
    };
    let node = b.engine.device(key).ok();
    (
        b.engine.device_id(key.ix).as_str(),
        node.map_or("", |d| &*d.name),
    )
}

/// Parts of a device with at most this many are searched by name; larger ones get an index.
const SCAN_PARTS: usize = 32;

/// As the whole-document loader's `resolve`, over the builder's parts.
fn resolve<'a>(
    b: &'a SystemBuilder,
    devices: &DeviceIndex<'_>,
    entries: &[Entry],
    names: &mut HashMap<usize, NameIndex<'a>>,
    text: &str,
) -> Result<Option<PartKey>, RefError> {
    let (device, part) = split(text)?;
    let ix = devices.pick(device)?;
    let Some(entry) = entries.get(ix) else {
        return Ok(None);
    };
    let Some(key) = entry.key(b) else {
        return Ok(None);
    };
    let found = find_part(b, key, ix, names, device, part);
    match found {
        Ok(key) => Ok(Some(key)),
        Err(_) if entry.broken => Ok(None),
        Err(e) => Err(e),
    }
}

/// A part of an added device, by local ID first, else by unique name (as `Built::find`).
fn find_part<'a>(
    b: &'a SystemBuilder,
    key: DeviceKey,
    ix: usize,
    names: &mut HashMap<usize, NameIndex<'a>>,
    device: &str,
    wanted: &str,
) -> Result<PartKey, RefError> {
    if let Some(id) = LocalId::parse(wanted) {
        if let Some(part) = b.part_by_local_id(key, id) {
            return Ok(part);
        }
    }
    let dev = b
        .engine
        .device(key)
        .map_err(|e| RefError::new(e.to_string()))?;
    let nodes = || dev.connectors.iter().chain(dev.subunits.iter());
    let name_of = |n: &petgraph::graph::NodeIndex<u32>| {
        b.engine.graph.node_weight(*n).map_or("", |p| &*p.name)
    };
    let answer = if dev.connectors.len() + dev.subunits.len() <= SCAN_PARTS {
        let mut hits = nodes().enumerate().filter(|(_, n)| name_of(n) == wanted);
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => ByName::One(i),
            (Some(_), Some(_)) => ByName::Several,
            _ => ByName::Missing,
        }
    } else {
        names
            .entry(ix)
            .or_insert_with(|| NameIndex::new(nodes().map(name_of)))
            .get(wanted)
    };
    let i = part_answer(answer, device, wanted)?;
    nodes()
        .nth(i)
        .map(|n| b.engine.key_of(*n))
        .ok_or_else(|| RefError::new(String::new()))
}

const FIELDS: &[&str] = &["comment", "guids", "device", "connection"];

/// The whole file: a map whose `device` and `connection` lists are streamed.
pub(crate) struct FileSeed<'s>(pub(crate) &'s mut Stream);

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("FileDoc", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct FileDoc")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 4];
        while let Some(key) = map.next_key::<String>()? {
            let Some(field) = FIELDS.iter().position(|f| *f == key) else {
                return Err(de::Error::unknown_field(&key, FIELDS));
            };
            if std::mem::replace(&mut seen[field], true) {
                return Err(de::Error::duplicate_field(FIELDS[field]));
            }
            match field {
                0 => {
                    map.next_value::<Vec<Text>>()?;
                }
                1 => {
                    let guids: Guids = map.next_value()?;
                    self.0.take_guids(guids);
                }
                2 => map.next_value_seed(ListSeed {
                    stream: &mut *self.0,
                    list: List::Devices,
                })?,
                _ => map.next_value_seed(ListSeed {
                    stream: &mut *self.0,
                    list: List::Connections,
                })?,
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // A file is a table; say so as the derived schema would.
        let _ = seq.next_element::<IgnoredAny>()?;
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
}

#[derive(Clone, Copy)]
enum List {
    Devices,
    Connections,
}

struct ListSeed<'s> {
    stream: &'s mut Stream,
    list: List,
}

impl ListSeed<'_> {
    fn limit(&self) -> Limit {
        match self.list {
            List::Devices => Limit::Devices,
            List::Connections => Limit::Connections,
        }
    }
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a list of at most {} entries",
            active_value(self.limit())
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let max = active_value(self.limit());
        let mut count = 0usize;
        let cursor = self.stream.cursor.clone();
        loop {
            match self.list {
                List::Devices => {
                    let Some((at, dev)) = seq.next_element_seed(At::<DeviceEntry>::new(&cursor))?
                    else {
                        break;
                    };
                    if count == max {
                        return Err(de::Error::custom(self.limit().message(max)));
                    }
                    let i = self.stream.entries.len();
                    self.stream.device(i, at, dev);
                }
                List::Connections => {
                    let Some((at, c)) =
                        seq.next_element_seed(At::<ConnectionEntry>::new(&cursor))?
                    else {
                        break;
                    };
                    if count == max {
                        return Err(de::Error::custom(self.limit().message(max)));
                    }
                    self.stream.connections.push((at, c));
                }
            }
            count += 1;
        }
        Ok(())
    }
}

/// One entry with the position it starts at: when serde_json begins an entry, the last byte
/// its reader handed out is the entry's first (`{`, peeked).
struct At<'c, T> {
    cursor: &'c Option<Rc<Cursor>>,
    marker: std::marker::PhantomData<T>,
}

impl<'c, T> At<'c, T> {
    fn new(cursor: &'c Option<Rc<Cursor>>) -> At<'c, T> {
        At {
            cursor,
            marker: std::marker::PhantomData,
        }
    }
}

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for At<'_, T> {
    type Value = (Option<Pos>, T);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let at = self.cursor.as_ref().map(|c| c.pos());
        T::deserialize(deserializer).map(|value| (at, value))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Limits, limits, load_reader, stream_text, whole_text};
    use crate::system::System;

    fn bundled() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/topologies");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        assert!(files.len() >= 8, "the bundled topologies");
        files
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                (p.display().to_string(), text)
            })
            .collect()
    }

    /// The stream builds exactly what the whole-document loader builds, in both formats.
    fn same(text: &str, format: Format, what: &str) -> System {
        let none = Limits::none();
        let old = limits::scoped(&none, || whole_text(text, format, what))
            .unwrap_or_else(|e| panic!("{what}: {}", e[0]));
        let new = limits::scoped(&none, || stream_text(text, format))
            .unwrap_or_else(|| panic!("{what}: the stream failed"));
        assert_eq!(new.snapshot(), old.snapshot(), "{what}");
        let read = load_reader(text.as_bytes(), format, what, &none)
            .unwrap_or_else(|e| panic!("{what}: {}", e[0]));
        assert_eq!(read.snapshot(), old.snapshot(), "{what} (reader)");
        old
    }

    #[test]
    fn stream_equals_whole_document_on_bundled_topologies() {
        for (name, toml) in bundled() {
            let system = same(&toml, Format::Toml, &name);
            let json = system.to_json_string().unwrap_or_default();
            same(&json, Format::Json, &name);
        }
    }

    #[test]
    fn stream_equals_whole_document_on_generated_systems() {
        for (parts, seed) in [(100, 1), (1_000, 2), (5_000, 3)] {
            let system = crate::generate(parts, seed).unwrap_or_else(|e| panic!("{e}"));
            let what = format!("generate({parts}, {seed})");
            let json = system.to_json_string().unwrap_or_default();
            let loaded = same(&json, Format::Json, &what);
            assert_eq!(loaded.snapshot(), system.snapshot(), "{what}");
            let toml = system.to_toml_string().unwrap_or_default();
            same(&toml, Format::Toml, &what);
        }
    }

    /// A device that uses a `[guids]` name before the table comes waits for it (JSON keeps
    /// key order), and the system is the same as with the table first.
    #[test]
    fn guids_after_devices() {
        let device = r#""device": [{"id": "{2}.a", "name": "A", "kind": "adapter",
            "subunit": [{"name": "S", "subtype": "ACME_NODE"}]},
            {"id": "{2}.b", "name": "B", "kind": "adapter"}]"#;
        let guids = r#""guids": {"ACME_NODE": "{8A1B2C3D-0000-4000-8000-000000000001}"}"#;
        let first = format!("{{{guids}, {device}}}");
        let last = format!("{{{device}, {guids}}}");
        let a = same(&first, Format::Json, "first");
        let b = same(&last, Format::Json, "last");
        assert_eq!(a.snapshot(), b.snapshot());
    }

    /// Connections before devices resolve too (they are resolved at the end).
    #[test]
    fn connections_before_devices() {
        let system = crate::generate(300, 9).unwrap_or_else(|e| panic!("{e}"));
        let json = system.to_json_string().unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let mut map = serde_json::Map::new();
        for key in ["connection", "device"] {
            if let Some(v) = value.get(key) {
                map.insert(key.to_owned(), v.clone());
            }
        }
        let reordered = serde_json::Value::Object(map).to_string();
        assert!(reordered.find("\"connection\"") < reordered.find("\"device\""));
        let loaded = same(&reordered, Format::Json, "reordered");
        assert_eq!(loaded.snapshot(), system.snapshot());
    }

    /// Across chunks, the cursor agrees with the text loader's `line_col` at every character.
    #[test]
    fn cursor_agrees_with_line_col_across_chunks() {
        use std::io::Read;
        let mut text = String::new();
        for i in 0..60_000u32 {
            text.push(match i % 7 {
                0 => '\n',
                3 => 'é',
                5 if i % 3 == 0 => '€',
                _ => 'a',
            });
        }
        let (mut r, cursor) = super::Tracked::new(text.as_bytes(), usize::MAX);
        let mut one = [0u8; 1];
        let mut offset = 0;
        while r.read(&mut one).unwrap_or(0) == 1 {
            if offset % 97 == 0 && text.is_char_boundary(offset) {
                assert_eq!(
                    cursor.pos(),
                    super::super::locate::line_col(&text, offset),
                    "at {offset}"
                );
            }
            offset += 1;
        }
        assert_eq!(offset, text.len());
    }

    #[test]
    fn cursor_counts_lines_and_characters() {
        use std::io::Read;
        let (mut r, cursor) = super::Tracked::new("é\nab".as_bytes(), 100);
        let mut one = [0u8; 1];
        let mut seen = Vec::new();
        while r.read(&mut one).unwrap_or(0) == 1 {
            seen.push(cursor.pos());
        }
        assert_eq!(seen, vec![(1, 1), (1, 1), (1, 2), (2, 1), (2, 2)]);
        let (mut r, cursor) = super::Tracked::new("abc".as_bytes(), 2);
        let mut all = Vec::new();
        assert!(r.read_to_end(&mut all).is_err());
        assert!(cursor.over_limit());
    }
}
