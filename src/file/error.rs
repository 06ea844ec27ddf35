//! [`FileError`]: a problem in a topology or scenario file, with its location.

use std::fmt;

use super::limits::Limit;
use crate::error::Error;

/// A problem in a file: where it is (`file:line:col` and the path of the offending item, like
/// `device[2].connector[1]`) and what it is.
///
/// `Display` gives `file:line:col: message (at path)`.
///
/// ```
/// let err = devtopo::System::from_toml_str("[[device]]\nid = 'x'\nkind = 'sideways'\n").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "<toml>:3:8: `sideways` is not a DeviceKind; expected one of render, capture, adapter (at device[0].kind)"
/// );
/// ```
///
/// A problem of the whole file (it cannot be read, has an unknown extension, or is over
/// [`Limit::FileBytes`]) has no position: `file: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {kind}{}", Location(self), AtPath(path))]
pub struct FileError {
    /// The file name as given (`<toml>` or `<json>` for text without a file).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// The path of the offending item (`device[2].connector[1]`); empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub kind: FileErrorKind,
}

/// `file:line:col`, or just `file` for a problem of the whole file.
struct Location<'a>(&'a FileError);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        match e.position() {
            Some((line, column)) => write!(f, "{}:{line}:{column}", e.file),
            None => f.write_str(&e.file),
        }
    }
}

struct AtPath<'a>(&'a str);

impl fmt::Display for AtPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            Ok(())
        } else {
            write!(f, " (at {})", self.0)
        }
    }
}

/// What is wrong in a [`FileError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FileErrorKind {
    /// The file could not be read or written.
    #[error("{0}")]
    Io(String),
    /// The file is neither `.toml` nor `.json`.
    #[error("unknown file format: expected a .toml or .json file")]
    UnknownFormat,
    /// The text is not valid TOML or JSON.
    #[error("syntax error: {0}")]
    Syntax(String),
    /// The text is valid TOML or JSON but not a valid topology (a missing or unknown key, a
    /// wrong type, an unknown enum name, a malformed local ID or GUID).
    #[error("{0}")]
    Schema(String),
    /// A limit was hit: which, and its value in effect ([`Limit`], [`Limits`](super::Limits)).
    #[error("{}", .0.message(*.1))]
    Limit(Limit, usize),
    /// A reference to a device or part that does not exist or is ambiguous.
    #[error("{0}")]
    Reference(String),
    /// A rule of the model was broken; the message keeps devtopo's rule ID and the `HRESULT`.
    #[error("{0} [{hr}]", hr = HrText(.0))]
    Rule(Error),
    /// The system could not be written out.
    #[error("cannot serialize: {0}")]
    Serialize(String),
}

struct HrText<'a>(&'a Error);

impl fmt::Display for HrText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hr = self.0.hresult();
        match hr.name() {
            Some(name) => write!(f, "{name} {hr}"),
            None => write!(f, "{hr}"),
        }
    }
}

impl FileError {
    /// A short machine-readable class of the problem: `io`, `format`, `syntax`, `schema`,
    /// `limit`, `reference`, `rule` or `serialize`.
    pub fn class(&self) -> &'static str {
        match self.kind {
            FileErrorKind::Io(_) => "io",
            FileErrorKind::UnknownFormat => "format",
            FileErrorKind::Syntax(_) => "syntax",
            FileErrorKind::Schema(_) => "schema",
            FileErrorKind::Limit(..) => "limit",
            FileErrorKind::Reference(_) => "reference",
            FileErrorKind::Rule(_) => "rule",
            FileErrorKind::Serialize(_) => "serialize",
        }
    }

    /// The line and column of the problem; `None` for a problem of the whole file (it
    /// cannot be read or written, its extension is unknown, it is over
    /// [`Limit::FileBytes`]).
    pub fn position(&self) -> Option<(u32, u32)> {
        match self.kind {
            FileErrorKind::Io(_)
            | FileErrorKind::UnknownFormat
            | FileErrorKind::Serialize(_)
            | FileErrorKind::Limit(Limit::FileBytes, _) => None,
            _ => Some((self.line, self.column)),
        }
    }

    /// The message without the location.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }

    /// The rule error inside, for a [`FileErrorKind::Rule`].
    pub fn rule_error(&self) -> Option<&Error> {
        match &self.kind {
            FileErrorKind::Rule(e) => Some(e),
            _ => None,
        }
    }
}

/// A [`FileError`] as an [`Error`]: the rule error inside for a broken rule (with its own
/// `HRESULT`), else [`Error::InvalidFile`] (`E_INVALIDARG`).
impl From<FileError> for Error {
    fn from(e: FileError) -> Error {
        let location = Location(&e).to_string();
        match e.kind {
            FileErrorKind::Rule(rule) => rule,
            kind => Error::InvalidFile {
                location,
                message: if e.path.is_empty() {
                    kind.to_string()
                } else {
                    format!("{kind} (at {})", e.path)
                },
            },
        }
    }
}
