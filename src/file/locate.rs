//! Locations: item paths (`device[2].connector[1]`) and where they are in a file's text.
//!
//! Syntax errors carry the parser's own location. Every other error carries the path of the
//! offending item; [`locate`] finds that item in the (already valid) text: for TOML through
//! the spans of `toml`'s document parser, for JSON with a small scanner. Both give the start
//! of the item itself, so `file:line:col` points at the entry at fault, not at the file start.

use std::fmt;

use super::Format;

/// One step of an [`ItemPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A key of a table (object).
    Key(String),
    /// An index into a list.
    Index(usize),
}

/// The path of an item in a file: `device[2].connector[1].flow`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemPath(pub Vec<PathSegment>);

impl ItemPath {
    /// The empty path (the whole file).
    pub fn root() -> ItemPath {
        ItemPath(Vec::new())
    }

    /// This path with a key appended.
    pub fn key(&self, key: &str) -> ItemPath {
        let mut segs = self.0.clone();
        segs.push(PathSegment::Key(key.to_owned()));
        ItemPath(segs)
    }

    /// This path with an index appended.
    pub fn index(&self, index: usize) -> ItemPath {
        let mut segs = self.0.clone();
        segs.push(PathSegment::Index(index));
        ItemPath(segs)
    }

    /// `key[index]`.
    pub fn item(&self, key: &str, index: usize) -> ItemPath {
        self.key(key).index(index)
    }

    /// Converts serde_path_to_error's path.
    pub(crate) fn from_serde(path: &serde_path_to_error::Path) -> ItemPath {
        use serde_path_to_error::Segment;
        ItemPath(
            path.iter()
                .filter_map(|seg| match seg {
                    Segment::Seq { index } => Some(PathSegment::Index(*index)),
                    Segment::Map { key } => Some(PathSegment::Key(key.clone())),
                    Segment::Enum { variant } => Some(PathSegment::Key(variant.clone())),
                    Segment::Unknown => None,
                })
                .collect(),
        )
    }
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSegment::Key(key) if i == 0 => f.write_str(key)?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (clamp(line), clamp(column))
}

fn clamp(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The byte offset of the item at `path` in valid text: of the deepest part of the path that
/// exists. `None` when the text does not parse.
pub(crate) fn locate(text: &str, format: Format, path: &ItemPath) -> Option<usize> {
    match format {
        Format::Toml => locate_toml(text, path),
        Format::Json => locate_json(text.as_bytes(), path),
    }
}

fn locate_toml(text: &str, path: &ItemPath) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let root = DeTable::parse(text).ok()?;
    let mut offset = root.span().start;
    let mut table = Some(root.get_ref());
    let mut array = None;
    for seg in &path.0 {
        let value = match (seg, table, array) {
            (PathSegment::Key(key), Some(t), _) => t
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == key.as_str())
                .map(|(_, v)| v),
            (PathSegment::Index(index), _, Some(a)) => {
                let a: &toml::de::DeArray<'_> = a;
                a.get(*index)
            }
            _ => None,
        };
        let Some(value) = value else { break };
        offset = value.span().start;
        table = None;
        array = None;
        match value.get_ref() {
            DeValue::Table(t) => table = Some(t),
            DeValue::Array(a) => array = Some(a),
            _ => {}
        }
    }
    Some(offset)
}

/// A minimal scanner over valid JSON: follows `path` and returns the start of the value it
/// names. Never recurses, so deep nesting cannot overflow the stack.
fn locate_json(bytes: &[u8], path: &ItemPath) -> Option<usize> {
    let mut pos = skip_ws(bytes, 0);
    for seg in &path.0 {
        match (seg, bytes.get(pos)) {
            (PathSegment::Key(key), Some(b'{')) => match find_member(bytes, pos, key)? {
                Some(value) => pos = value,
                None => break,
            },
            (PathSegment::Index(index), Some(b'[')) => match find_element(bytes, pos, *index)? {
                Some(value) => pos = value,
                None => break,
            },
            _ => break,
        }
    }
    Some(pos)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The end of the string starting at `pos` (which holds `"`).
fn skip_string(bytes: &[u8], mut pos: usize) -> Option<usize> {
    pos += 1;
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            b'"' => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

/// The end of the value starting at `pos`.
fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut p = pos;
            loop {
                match bytes.get(p)? {
                    b'"' => {
                        p = skip_string(bytes, p)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(p + 1);
                        }
                    }
                    _ => {}
                }
                p += 1;
            }
        }
        _ => {
            let mut p = pos;
            while !matches!(
                bytes.get(p),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                p += 1;
            }
            Some(p)
        }
    }
}

/// `Some(Some(value start))` for the member `key` of the object at `pos`, `Some(None)` when
/// it has no such member, `None` for malformed text.
fn find_member(bytes: &[u8], pos: usize, key: &str) -> Option<Option<usize>> {
    let mut p = skip_ws(bytes, pos + 1);
    if bytes.get(p) == Some(&b'}') {
        return Some(None);
    }
    loop {
        let key_end = skip_string(bytes, p)?;
        let raw = std::str::from_utf8(bytes.get(p..key_end)?).ok()?;
        let name: String = serde_json::from_str(raw).ok()?;
        p = skip_ws(bytes, key_end);
        if bytes.get(p) != Some(&b':') {
            return None;
        }
        let value = skip_ws(bytes, p + 1);
        if name == key {
            return Some(Some(value));
        }
        p = skip_ws(bytes, skip_value(bytes, value)?);
        match bytes.get(p)? {
            b',' => p = skip_ws(bytes, p + 1),
            _ => return Some(None),
        }
    }
}

/// As [`find_member`], for the element `index` of the array at `pos`.
fn find_element(bytes: &[u8], pos: usize, index: usize) -> Option<Option<usize>> {
    let mut p = skip_ws(bytes, pos + 1);
    if bytes.get(p) == Some(&b']') {
        return Some(None);
    }
    let mut i = 0;
    loop {
        if i == index {
            return Some(Some(p));
        }
        p = skip_ws(bytes, skip_value(bytes, p)?);
        match bytes.get(p)? {
            b',' => p = skip_ws(bytes, p + 1),
            _ => return Some(None),
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segs: &[PathSegment]) -> ItemPath {
        ItemPath(segs.to_vec())
    }

    #[test]
    fn json_paths() {
        let text = "{\n  \"device\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"kind\": \"x\"}\n  ]\n}";
        let p = path(&[
            PathSegment::Key("device".into()),
            PathSegment::Index(1),
            PathSegment::Key("kind".into()),
        ]);
        let at = locate(text, Format::Json, &p).map(|o| line_col(text, o));
        assert_eq!(at, Some((4, 25)));
        assert_eq!(p.to_string(), "device[1].kind");
        let missing = path(&[PathSegment::Key("device".into()), PathSegment::Index(7)]);
        let at = locate(text, Format::Json, &missing).map(|o| line_col(text, o));
        assert_eq!(at, Some((2, 13)));
    }

    #[test]
    fn toml_paths() {
        let text = "[[device]]\nid = \"a\"\n\n[[device]]\nid = \"b\"\nkind = \"x\"\n";
        let p = path(&[
            PathSegment::Key("device".into()),
            PathSegment::Index(1),
            PathSegment::Key("kind".into()),
        ]);
        let at = locate(text, Format::Toml, &p).map(|o| line_col(text, o));
        assert_eq!(at, Some((6, 8)));
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("é\nab", 4), (2, 2));
        assert_eq!(line_col("", 10), (1, 1));
    }
}
