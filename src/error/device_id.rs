//! [`DeviceId`]: a device ID that errors can carry by copy.
//!
//! Device IDs are interned: the text of each distinct ID is stored once per process and
//! never freed, and a [`DeviceId`] is a pointer to it. So an error names a device without
//! cloning or reference-counting a string (an error path costs what the success path costs),
//! the text is there when the error is displayed, and systems that reuse the same IDs (every
//! fixture a test suite loads) share one copy. The price: a process that makes many distinct
//! device IDs keeps their text until it exits (docs/decisions.md).

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// Every device ID interned so far.
static INTERNED: LazyLock<Mutex<HashSet<&'static str>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// A device ID (rules I7-I10) as errors carry it: `Copy`, the size of a `&str`, displayed as
/// the ID's text. Dereferences to `str`; compares and hashes as its text.
///
/// ```
/// use devtopo::DeviceId;
/// let id = DeviceId::new("{2}.topo");
/// assert_eq!(id, "{2}.topo");
/// assert_eq!(id.to_string(), "{2}.topo");
/// assert_eq!(&*id, DeviceId::from("{2}.topo").as_str());
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeviceId(&'static str);

impl DeviceId {
    /// The interned ID with this text (interning it on first use).
    pub fn new(id: &str) -> DeviceId {
        let mut set = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = set.get(id) {
            return DeviceId(found);
        }
        let text: &'static str = Box::leak(Box::from(id));
        set.insert(text);
        DeviceId(text)
    }

    /// The ID's text.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl Deref for DeviceId {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for DeviceId {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for DeviceId {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl From<&str> for DeviceId {
    fn from(id: &str) -> DeviceId {
        DeviceId::new(id)
    }
}

impl From<String> for DeviceId {
    fn from(id: String) -> DeviceId {
        DeviceId::new(&id)
    }
}

impl From<Arc<str>> for DeviceId {
    fn from(id: Arc<str>) -> DeviceId {
        DeviceId::new(&id)
    }
}

impl From<DeviceId> for String {
    fn from(id: DeviceId) -> String {
        id.0.to_owned()
    }
}

impl PartialEq<str> for DeviceId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for DeviceId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_once() {
        let a = DeviceId::new("{2}.interned");
        let b = DeviceId::from(String::from("{2}.interned"));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, b);
        assert_ne!(a, DeviceId::new("{2}.other"));
    }
}
