//! A part's name, stored inline when short.
//!
//! Most part names are a few bytes ("Volume", "Speaker", "c"). A `Box<str>` costs 16 bytes in
//! the node plus a heap chunk of at least 32 bytes (malloc's minimum) however short the name;
//! [`PartName`] is 24 bytes and keeps names of up to [`INLINE`] bytes in place, so a short name
//! costs no allocation (issue 11's memory budget). Longer names are boxed as before.

use std::fmt;
use std::ops::Deref;

/// The longest name kept inline, in bytes.
pub(crate) const INLINE: usize = 22;

/// A part's name: a `str` that is inline up to [`INLINE`] bytes.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum PartName {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl PartName {
    /// The name as a `str`. O(1) for a boxed name, O(length) (a UTF-8 check of at most
    /// [`INLINE`] bytes) for an inline one.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            // The bytes were copied from a `str` whole, so they are valid UTF-8; the fallback
            // is unreachable.
            PartName::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            PartName::Heap(s) => s,
        }
    }
}

impl PartName {
    /// Appends the name's bytes to `out` without the UTF-8 check of [`PartName::as_str`]: for
    /// callers that collect many names and check them once (`DeviceTopology::read_parts`).
    /// An inline name is copied as its whole fixed-size array and the tail cut off, so the
    /// copy is a few moves, not a call to `memcpy` (issue 11: the client walk).
    #[inline]
    pub(crate) fn append_to(&self, out: &mut Vec<u8>) {
        match self {
            PartName::Inline { len, bytes } => {
                let end = out.len() + usize::from(*len);
                out.extend_from_slice(bytes);
                out.truncate(end);
            }
            PartName::Heap(s) => out.extend_from_slice(s.as_bytes()),
        }
    }
}

impl From<String> for PartName {
    fn from(s: String) -> PartName {
        if s.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            PartName::Inline {
                len: s.len() as u8,
                bytes,
            }
        } else {
            PartName::Heap(s.into_boxed_str())
        }
    }
}

impl Deref for PartName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for PartName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_names_round_trip() {
        for s in [
            "",
            "c",
            "Volume",
            "0123456789012345678901",
            "01234567890123456789012",
            "Lautstärke Kopfhörer ♪♪",
        ] {
            let n = PartName::from(s.to_string());
            assert_eq!(&*n, s);
            let mut out = b"x".to_vec();
            n.append_to(&mut out);
            assert_eq!(&out[1..], s.as_bytes());
            assert_eq!(matches!(n, PartName::Inline { .. }), s.len() <= INLINE);
        }
        assert_eq!(std::mem::size_of::<PartName>(), 24);
    }
}
