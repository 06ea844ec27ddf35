//! Topology files: one schema in TOML and JSON (feature `serde`).
//!
//! A file describes devices (ID, name, kind, state), their parts (connectors with type, flow
//! and subtype; subunits with subtype; explicit or automatic local IDs; control interfaces with
//! their initial values and jack descriptions), the links inside each device and the
//! connections between devices. The complete annotated format, with an example
//! and the [`Limit`]s, is in `docs/topology-files.md`. A short one:
//!
//! ```
//! use devtopo::*;
//!
//! let text = r#"
//! [[device]]
//! id = "{0.0.1.00000000}.{mic}"
//! name = "Mic"
//! kind = "capture"
//!
//! [[device.connector]]
//! flow = "Out"
//! type = "Physical_External"
//!
//! [[device]]
//! id = "{2}.topo"
//! name = "Topology"
//! kind = "adapter"
//!
//! [[device.connector]]
//! local_id = "0x10000"
//! name = "Mic"
//! flow = "In"
//! type = "Physical_External"
//! subtype = "KSNODETYPE_MICROPHONE"
//!
//! [[device.subunit]]
//! name = "Volume"
//! subtype = "KSNODETYPE_VOLUME"
//! control = [{ interface = "IAudioVolumeLevel", min_db = -96.0, max_db = 0.0, step_db = 0.5, channels = 2, level_db = 0.0 }]
//!
//! [[device.link]]
//! from = "Mic"
//! to = "0x20000"
//!
//! [[connection]]
//! a = "Mic/0x10000"
//! b = "Topology/Mic"
//! "#;
//! let system = System::from_toml_str(text)?;
//! let jack = system.find_part("Topology/0x10000")?;
//! assert_eq!(jack.parts_outgoing()?.count()?, 1);
//!
//! // Saving and loading again gives an equal system, in either format.
//! let again = System::from_json_str(&system.to_json_string()?)?;
//! assert_eq!(again.snapshot(), system.snapshot());
//!
//! // Problems point at the offending item.
//! let bad = text.replace("b = \"Topology/Mic\"", "b = \"Topology/Line\"");
//! let err = System::from_toml_str(&bad).unwrap_err();
//! assert_eq!((err.line, err.column, err.path.as_str()), (34, 5, "connection[0].b"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::Path;

use serde::de::DeserializeOwned;

mod controls;
mod controls_save;
mod error;
mod form;
mod limits;
mod load;
mod locate;
mod problems;
mod refs;
mod save;
mod schema;
mod schema_controls;
mod schema_properties;
mod stream;

pub use error::{FileError, FileErrorKind};
pub use limits::{Limit, Limits};
pub use locate::{ItemPath, PathSegment};
pub use refs::RefError;

use crate::system::System;

/// The two file formats: one schema, two syntaxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML (`.toml`).
    Toml,
    /// JSON (`.json`).
    Json,
}

impl Format {
    /// The format a file name's extension says (`.toml`, `.json`, any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    fn default_name(self) -> &'static str {
        match self {
            Format::Toml => "<toml>",
            Format::Json => "<json>",
        }
    }
}

/// Deserializes a list of at most `limit.value()` entries, counting while it reads, for a
/// `#[serde(deserialize_with = ...)]` wrapper (devtopo's scenario files bound their steps so).
///
/// # Errors
/// The deserializer's error; the [`Limit`]'s message once the list is too long (reported
/// as [`FileErrorKind::Limit`] by [`from_text`]).
pub fn deserialize_limited<'de, D, T>(deserializer: D, limit: Limit) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    limits::bounded::seq(deserializer, limit)
}

fn error_at(
    file: &str,
    (line, column): (u32, u32),
    path: String,
    kind: FileErrorKind,
) -> FileError {
    FileError {
        file: file.to_owned(),
        line,
        column,
        path,
        kind,
    }
}

/// Reads a file whole, refusing one over [`Limit::FileBytes`] before reading it.
///
/// # Errors
/// [`FileErrorKind::Io`], [`FileErrorKind::Limit`].
pub fn read_text(path: &Path) -> Result<String, FileError> {
    read_text_with(path, &limits::active())
}

/// [`read_text`] with these [`Limits`].
///
/// # Errors
/// As [`read_text`].
pub fn read_text_with(path: &Path, limits: &Limits) -> Result<String, FileError> {
    use std::io::Read;
    let file = path.display().to_string();
    let io = |e: std::io::Error| {
        error_at(
            &file,
            (1, 1),
            String::new(),
            FileErrorKind::Io(e.to_string()),
        )
    };
    let handle = std::fs::File::open(path).map_err(io)?;
    let max = limits.get(Limit::FileBytes);
    let mut bytes = Vec::new();
    handle
        .take((max as u64).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > max {
        return Err(error_at(
            &file,
            (1, 1),
            String::new(),
            FileErrorKind::Limit(Limit::FileBytes, max),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        error_at(
            &file,
            locate::line_col(&text, offset),
            String::new(),
            FileErrorKind::Syntax("the file is not valid UTF-8".to_owned()),
        )
    })
}

/// The 1-based line and column of the item at `path` in valid `text` (of the deepest part of
/// the path that exists; `(1, 1)` when the text does not parse).
pub fn position(text: &str, format: Format, path: &ItemPath) -> (u32, u32) {
    let offset = locate::locate(text, format, path).unwrap_or(0);
    locate::line_col(text, offset)
}

/// Deserializes any serde type from TOML or JSON text with the errors of topology files:
/// [`Limit::FileBytes`], syntax errors at the parser's location, and schema errors at the
/// offending item with its path. `file` names the text in errors. (devtopo's scenario files
/// use it too.)
///
/// # Errors
/// [`FileErrorKind::Limit`], [`FileErrorKind::Syntax`], [`FileErrorKind::Schema`].
pub fn from_text<T: DeserializeOwned>(
    text: &str,
    format: Format,
    file: &str,
) -> Result<T, FileError> {
    from_text_with(text, format, file, &limits::active())
}

/// [`from_text`] with these [`Limits`].
///
/// # Errors
/// As [`from_text`].
pub fn from_text_with<T: DeserializeOwned>(
    text: &str,
    format: Format,
    file: &str,
    limits: &Limits,
) -> Result<T, FileError> {
    limits::scoped(limits, || deserialize_text(text, format, file))
}

fn deserialize_text<T: DeserializeOwned>(
    text: &str,
    format: Format,
    file: &str,
) -> Result<T, FileError> {
    let max = limits::active_value(Limit::FileBytes);
    if text.len() > max {
        return Err(error_at(
            file,
            (1, 1),
            String::new(),
            FileErrorKind::Limit(Limit::FileBytes, max),
        ));
    }
    let schema = |message: String, path: ItemPath, fallback: Option<(u32, u32)>| {
        let kind = match Limit::from_message(&message) {
            Some((limit, value)) => FileErrorKind::Limit(limit, value),
            None => FileErrorKind::Schema(message),
        };
        let at = fallback.unwrap_or_else(|| position(text, format, &path));
        error_at(file, at, path.to_string(), kind)
    };
    match format {
        Format::Toml => {
            let de = toml::Deserializer::parse(text).map_err(|e| {
                let at = e.span().map_or((1, 1), |s| locate::line_col(text, s.start));
                error_at(
                    file,
                    at,
                    String::new(),
                    FileErrorKind::Syntax(e.message().trim().to_owned()),
                )
            })?;
            serde_path_to_error::deserialize(de).map_err(|e| {
                let path = ItemPath::from_serde(e.path());
                let inner = e.into_inner();
                let fallback = inner.span().map(|s| locate::line_col(text, s.start));
                schema(inner.message().trim().to_owned(), path, fallback)
            })
        }
        Format::Json => {
            let mut de = serde_json::Deserializer::from_str(text);
            let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let path = ItemPath::from_serde(e.path());
                let inner = e.into_inner();
                json_error(file, text, inner, path, &schema)
            })?;
            de.end()
                .map_err(|e| json_error(file, text, e, ItemPath::root(), &schema))?;
            Ok(value)
        }
    }
}

fn json_error(
    file: &str,
    text: &str,
    e: serde_json::Error,
    path: ItemPath,
    schema: &dyn Fn(String, ItemPath, Option<(u32, u32)>) -> FileError,
) -> FileError {
    let at = (clamp(e.line()), clamp(e.column()));
    let mut message = e.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let _ = text;
    match e.classify() {
        serde_json::error::Category::Data => schema(message, path, None),
        _ => error_at(file, at, String::new(), FileErrorKind::Syntax(message)),
    }
}

fn clamp(value: usize) -> u32 {
    u32::try_from(value.max(1)).unwrap_or(u32::MAX)
}

/// Loads a system from TOML or JSON text, reporting every problem found (sorted by
/// position). `file` names the text in errors.
///
/// # Errors
/// One [`FileError`] per problem: syntax, schema, limits, references and rule violations
/// (the builder's [`Error`](crate::Error)s, with their rule ID and `HRESULT`).
pub fn parse(text: &str, format: Format, file: &str) -> Result<System, Vec<FileError>> {
    parse_with(text, format, file, &Limits::default())
}

/// [`parse`] with these [`Limits`] ([`Limits::none`] for a generated file of any size).
///
/// # Errors
/// As [`parse`].
pub fn parse_with(
    text: &str,
    format: Format,
    file: &str,
    limits: &Limits,
) -> Result<System, Vec<FileError>> {
    limits::scoped(limits, || parse_text(text, format, file))
}

fn parse_text(text: &str, format: Format, file: &str) -> Result<System, Vec<FileError>> {
    if let Some(system) = stream_text(text, format) {
        return Ok(system);
    }
    whole_text(text, format, file)
}

/// The streaming loader over text: `None` at the first problem (the caller loads the file
/// again the whole-document way, which reports every problem where it is: X75).
fn stream_text(text: &str, format: Format) -> Option<System> {
    use serde::de::DeserializeSeed;
    if text.len() > limits::active_value(Limit::FileBytes) {
        return None;
    }
    let mut stream = stream::Stream::new(None);
    match format {
        Format::Json => {
            let mut de = serde_json::Deserializer::from_str(text);
            stream::FileSeed(&mut stream).deserialize(&mut de).ok()?;
            de.end().ok()?;
        }
        Format::Toml => {
            let de = toml::Deserializer::parse(text).ok()?;
            stream::FileSeed(&mut stream).deserialize(de).ok()?;
        }
    }
    stream.finish().ok()
}

/// The whole-document loader: the document, then the system; every problem, located.
fn whole_text(text: &str, format: Format, file: &str) -> Result<System, Vec<FileError>> {
    let doc: schema::FileDoc = deserialize_text(text, format, file)
        .map_err(|e| every_schema_problem(text, format, file, e))?;
    load::build(&doc).map_err(|problems| locate_problems(problems, text, format, file))
}

/// Places the loader's problems in the text (sorted by position).
fn locate_problems(
    problems: Vec<load::Problem>,
    text: &str,
    format: Format,
    file: &str,
) -> Vec<FileError> {
    let mut errors: Vec<FileError> = problems
        .into_iter()
        .map(|p| {
            error_at(
                file,
                position(text, format, &p.path),
                p.path.to_string(),
                p.kind,
            )
        })
        .collect();
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

/// The first schema problem serde found, and every other one of the file (module
/// `problems`), sorted by position; syntax errors and limits stay alone.
fn every_schema_problem(
    text: &str,
    format: Format,
    file: &str,
    first: FileError,
) -> Vec<FileError> {
    if !matches!(first.kind, FileErrorKind::Schema(_)) {
        return vec![first];
    }
    let mut errors = vec![first];
    for (path, message) in problems::all(text, format) {
        let path_text = path.to_string();
        if errors.iter().any(|e| e.path == path_text) {
            continue;
        }
        let kind = match Limit::from_message(&message) {
            Some((limit, value)) => FileErrorKind::Limit(limit, value),
            None => FileErrorKind::Schema(message),
        };
        errors.push(error_at(
            file,
            position(text, format, &path),
            path_text,
            kind,
        ));
    }
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

/// Loads a system from a `.toml` or `.json` file, reporting every problem found.
///
/// # Errors
/// As [`parse`], plus [`FileErrorKind::Io`], [`FileErrorKind::UnknownFormat`] and
/// [`Limit::FileBytes`].
pub fn read(path: &Path) -> Result<System, Vec<FileError>> {
    read_with(path, &Limits::default())
}

/// [`read`] with these [`Limits`].
///
/// A JSON file is streamed (X75, as [`load_reader`]): O(n) in the file's size, and the peak
/// memory is the system plus one device entry and the file's connections, never the text or
/// the whole document. A TOML file is read whole and parsed by the `toml` crate (its table
/// is the peak). A file with problems is read again whole to report every problem at its
/// item.
///
/// # Errors
/// As [`read`].
pub fn read_with(path: &Path, limits: &Limits) -> Result<System, Vec<FileError>> {
    let file = path.display().to_string();
    let format = Format::from_path(path).ok_or_else(|| {
        vec![error_at(
            &file,
            (1, 1),
            String::new(),
            FileErrorKind::UnknownFormat,
        )]
    })?;
    if format == Format::Json {
        // Stream the file (X75): on success neither its text nor its document is held.
        if let Ok(handle) = std::fs::File::open(path) {
            let reader = std::io::BufReader::with_capacity(1 << 16, handle);
            let streamed = limits::scoped(limits, || stream_json(reader, false));
            if let Ok(system) = streamed {
                return Ok(system);
            }
        }
    }
    let text = read_text_with(path, limits).map_err(|e| vec![e])?;
    if format == Format::Toml {
        if let Some(system) = limits::scoped(limits, || stream_text(&text, format)) {
            return Ok(system);
        }
    }
    limits::scoped(limits, || {
        let doc: schema::FileDoc = deserialize_text(&text, format, &file)
            .map_err(|e| every_schema_problem(&text, format, &file, e))?;
        // The text is not needed to build: free it first, so that the peak of a load holds
        // the document and the system but not the text too. Problems (rare) read it again
        // to say where they are.
        drop(text);
        load::build(&doc).map_err(|problems| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            locate_problems(problems, &text, format, &file)
        })
    })
}

/// Loads a system from a reader of TOML or JSON (any [`Read`](std::io::Read): a file, a
/// socket, stdin), naming it `file` in errors.
///
/// JSON is streamed (X75): devices are read one at a time and built straight into the
/// system, so the peak memory is that of the system plus one device entry and the file's
/// connections (a few dozen bytes each), never the text or the whole document; time is O(n)
/// in the input's size. Wrap an unbuffered reader in a [`BufReader`](std::io::BufReader):
/// the parser reads one byte at a time. [`Limit::FileBytes`] is enforced as the bytes arrive.
/// TOML is read whole first (the `toml` parser needs the document), within
/// [`Limit::FileBytes`].
///
/// Problems: JSON input cannot be read twice, so a load from a reader reports the syntax or
/// schema error that ends the stream (at the parser's line and column, with the item path)
/// or every problem found while building, each at the start of its device or connection
/// entry. [`read_with`] (a path) and [`parse_with`] (text) report every problem where it is.
///
/// ```
/// use devtopo::file::{Format, Limits, load_reader};
///
/// let json = br#"{"device": [{"id": "{0.0.0.00000000}.{spk}", "name": "Speakers",
///   "kind": "render", "connector": [{"flow": "In", "type": "Software_Fixed"}]}]}"#;
/// let system = load_reader(&json[..], Format::Json, "spk.json", &Limits::default())
///     .map_err(|e| e[0].to_string())?;
/// assert_eq!(system.snapshot().devices.len(), 1);
///
/// // A byte limit holds on a stream too.
/// let mut small = Limits::default();
/// small.set(devtopo::file::Limit::FileBytes, 20);
/// let errors = load_reader(&json[..], Format::Json, "spk.json", &small).unwrap_err();
/// assert_eq!(errors[0].kind, devtopo::file::FileErrorKind::Limit(devtopo::file::Limit::FileBytes, 20));
/// # Ok::<(), String>(())
/// ```
///
/// # Errors
/// As [`parse`], plus [`FileErrorKind::Io`] for a failed read and [`Limit::FileBytes`].
pub fn load_reader(
    reader: impl std::io::Read,
    format: Format,
    file: &str,
    limits: &Limits,
) -> Result<System, Vec<FileError>> {
    use std::io::Read;
    match format {
        Format::Json => limits::scoped(limits, || {
            stream_json(reader, true).map_err(|failure| match failure {
                Some(errors) => errors
                    .into_iter()
                    .map(|mut e| {
                        e.file = file.to_owned();
                        e
                    })
                    .collect(),
                None => Vec::new(),
            })
        }),
        Format::Toml => {
            let max = limits.get(Limit::FileBytes);
            let mut bytes = Vec::new();
            reader
                .take((max as u64).saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    vec![error_at(
                        file,
                        (1, 1),
                        String::new(),
                        FileErrorKind::Io(e.to_string()),
                    )]
                })?;
            if bytes.len() > max {
                return Err(vec![error_at(
                    file,
                    (1, 1),
                    String::new(),
                    FileErrorKind::Limit(Limit::FileBytes, max),
                )]);
            }
            let text = String::from_utf8(bytes).map_err(|e| {
                let offset = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes());
                vec![error_at(
                    file,
                    locate::line_col(&text, offset),
                    String::new(),
                    FileErrorKind::Syntax("the file is not valid UTF-8".to_owned()),
                )]
            })?;
            parse_with(&text, format, file, limits)
        }
    }
}

/// Streams JSON from `reader` into a system (limits in effect). `Err(None)` at the first
/// problem when `report` is false (the caller reloads the whole-document way); with
/// `report`, the problems (file names left empty).
fn stream_json(reader: impl std::io::Read, report: bool) -> Result<System, Option<Vec<FileError>>> {
    use serde::de::DeserializeSeed;
    let (reader, cursor) = stream::Tracked::new(reader, limits::active_value(Limit::FileBytes));
    let mut stream = stream::Stream::new(Some(std::rc::Rc::clone(&cursor)));
    let mut de = serde_json::Deserializer::from_reader(reader);
    let parsed = if report {
        let mut track = serde_path_to_error::Track::new();
        let result = stream::FileSeed(&mut stream)
            .deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
        result.map_err(|e| (e, ItemPath::from_serde(&track.path())))
    } else {
        stream::FileSeed(&mut stream)
            .deserialize(&mut de)
            .map_err(|e| (e, ItemPath::root()))
    };
    let parsed = parsed.and_then(|()| de.end().map_err(|e| (e, ItemPath::root())));
    if let Err((e, path)) = parsed {
        if !report {
            return Err(None);
        }
        return Err(Some(vec![stream_error(&cursor, e, path)]));
    }
    stream.finish().map_err(|problems| {
        report.then(|| {
            let mut errors: Vec<FileError> = problems
                .into_iter()
                .map(|(p, at)| error_at("", at.unwrap_or((1, 1)), p.path.to_string(), p.kind))
                .collect();
            errors.sort_by_key(|e| (e.line, e.column));
            errors
        })
    })
}

/// The error that ended a JSON stream, as a [`FileError`] (file name left empty).
fn stream_error(cursor: &stream::Cursor, e: serde_json::Error, path: ItemPath) -> FileError {
    if cursor.over_limit() {
        let max = limits::active_value(Limit::FileBytes);
        return error_at(
            "",
            (1, 1),
            String::new(),
            FileErrorKind::Limit(Limit::FileBytes, max),
        );
    }
    let at = (clamp(e.line()), clamp(e.column()));
    let mut message = e.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    match e.classify() {
        serde_json::error::Category::Data => {
            let kind = match Limit::from_message(&message) {
                Some((limit, value)) => FileErrorKind::Limit(limit, value),
                None => FileErrorKind::Schema(message),
            };
            error_at("", at, path.to_string(), kind)
        }
        serde_json::error::Category::Io => {
            error_at("", at, String::new(), FileErrorKind::Io(message))
        }
        _ => error_at("", at, String::new(), FileErrorKind::Syntax(message)),
    }
}

fn first(mut errors: Vec<FileError>) -> FileError {
    if errors.is_empty() {
        error_at(
            "",
            (1, 1),
            String::new(),
            FileErrorKind::Schema("unknown problem".to_owned()),
        )
    } else {
        errors.swap_remove(0)
    }
}

impl System {
    /// Loads a system from TOML text (module [`file`](crate::file)); errors name the file
    /// `<toml>`.
    ///
    /// # Errors
    /// The first problem, by position; [`file::parse`](parse) gives them all.
    pub fn from_toml_str(text: &str) -> Result<System, FileError> {
        parse(text, Format::Toml, Format::Toml.default_name()).map_err(first)
    }

    /// Loads a system from JSON text; errors name the file `<json>`.
    ///
    /// # Errors
    /// As [`System::from_toml_str`].
    pub fn from_json_str(text: &str) -> Result<System, FileError> {
        parse(text, Format::Json, Format::Json.default_name()).map_err(first)
    }

    /// Loads a system from a `.toml` or `.json` file, choosing the format by extension.
    ///
    /// # Errors
    /// The first problem, by position; [`file::read`](read) gives them all.
    pub fn load(path: impl AsRef<Path>) -> Result<System, FileError> {
        read(path.as_ref()).map_err(first)
    }

    /// [`System::load`] with these [`Limits`]: `System::load_with(path, &Limits::none())`
    /// loads a generated file of any size.
    ///
    /// # Errors
    /// As [`System::load`].
    pub fn load_with(path: impl AsRef<Path>, limits: &Limits) -> Result<System, FileError> {
        read_with(path.as_ref(), limits).map_err(first)
    }

    /// [`System::from_toml_str`] with these [`Limits`].
    ///
    /// # Errors
    /// As [`System::from_toml_str`].
    pub fn from_toml_str_with(text: &str, limits: &Limits) -> Result<System, FileError> {
        parse_with(text, Format::Toml, Format::Toml.default_name(), limits).map_err(first)
    }

    /// [`System::from_json_str`] with these [`Limits`].
    ///
    /// # Errors
    /// As [`System::from_json_str`].
    pub fn from_json_str_with(text: &str, limits: &Limits) -> Result<System, FileError> {
        parse_with(text, Format::Json, Format::Json.default_name(), limits).map_err(first)
    }

    /// The system as a TOML topology file.
    ///
    /// # Errors
    /// [`FileErrorKind::Serialize`] (not expected: every system can be written).
    pub fn to_toml_string(&self) -> Result<String, FileError> {
        toml::to_string_pretty(&save::document(self)).map_err(|e| serialize_error(e.to_string()))
    }

    /// The system as a JSON topology file.
    ///
    /// # Errors
    /// [`FileErrorKind::Serialize`] (not expected).
    pub fn to_json_string(&self) -> Result<String, FileError> {
        serde_json::to_string_pretty(&save::document(self))
            .map(|mut text| {
                text.push('\n');
                text
            })
            .map_err(|e| serialize_error(e.to_string()))
    }

    /// Writes the system to a `.toml` or `.json` file, choosing the format by extension.
    ///
    /// # Errors
    /// [`FileErrorKind::UnknownFormat`], [`FileErrorKind::Io`].
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), FileError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = match Format::from_path(path) {
            Some(Format::Toml) => self.to_toml_string()?,
            Some(Format::Json) => self.to_json_string()?,
            None => {
                return Err(error_at(
                    &file,
                    (1, 1),
                    String::new(),
                    FileErrorKind::UnknownFormat,
                ));
            }
        };
        std::fs::write(path, text).map_err(|e| {
            error_at(
                &file,
                (1, 1),
                String::new(),
                FileErrorKind::Io(e.to_string()),
            )
        })
    }
}

fn serialize_error(message: String) -> FileError {
    error_at("", (1, 1), String::new(), FileErrorKind::Serialize(message))
}
