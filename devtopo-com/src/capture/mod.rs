//! Capture: record what a client sees through `IMMDeviceEnumerator` as a devtopo [`System`]
//! and a topology file, then replay it anywhere.
//!
//! [`capture`] takes any enumerator (devtopo's own from [`enumerator`](crate::enumerator), or
//! Windows' `CLSID_MMDeviceEnumerator`) and reads it with COM calls only, the way any client
//! reads a machine:
//!
//! 1. every endpoint in every state (`EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL)`, V1,
//!    X24), with its state, data flow (`IMMEndpoint`), property store (S3: `GetCount`,
//!    `GetAt`, `GetValue`) and topology (`Activate(IID_IDeviceTopology)`, W1);
//! 2. every adapter device a connection reaches (`GetConnectedTo`, `GetDeviceIdConnectedTo`,
//!    then `IMMDeviceEnumerator::GetDevice`, V8, X45), breadth first, until no new device
//!    appears;
//! 3. each device's parts by index (`GetConnector(n)`, `GetSubunit(n)`, X11): name, local
//!    ID, subtype, connector type and flow, every control interface with its state (module
//!    `controls`), the links (`EnumPartsOutgoing`, `EnumPartsIncoming`, X12) and the
//!    connections (`Software_Fixed` on both ends: permanent, D15);
//! 4. the default endpoint of each flow and role (`GetDefaultAudioEndpoint`, V6, X38).
//!
//! A call that fails becomes a [`Warning`] naming the device and part, and capture goes on
//! without the item. What a client cannot see (the far side of a `Software_IO` connector, a
//! connection toward a device that is not ACTIVE, a device no connection reaches) is listed
//! as a [`Note`] and in the file's header, never invented. `docs/capture.md` lists what does
//! not round-trip and why (decision X69).
//!
//! ```
//! let original = devtopo::fixtures::four_topologies()?;
//! let before = original.snapshot();
//! let enumerator = devtopo_com::enumerator(&original);
//! let captured = devtopo_com::capture::capture(&enumerator, "the four-topologies fixture")?;
//! assert!(captured.warnings().is_empty());
//! let text = captured.to_toml_string()?;
//! assert!(text.starts_with("# Captured by devtopo-com"));
//! let again = devtopo::System::from_toml_str(&text)?;
//! assert_eq!(again.devices().len(), before.devices.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
#![doc = include_str!("../../../docs/capture.md")]

mod build;
mod controls;
mod formats;
mod gather;
mod header;
mod links;
#[cfg(windows)]
mod machine;
mod store;

use std::fmt;

use devtopo::{
    ConnectorSpec, DeviceKind, DeviceState, EDataFlow, ERole, HResult, LocalId, Permanence,
    PropVariant, PropertyKey, SubunitSpec, System,
    file::{FileError, Format, Limit, Limits},
};

use crate::generated::IMMDeviceEnumerator;

pub use formats::probe_grid;
#[cfg(windows)]
pub use machine::windows_enumerator;

/// Something capture could not read: the call that failed, on which device and part, and its
/// `HRESULT`. Capture went on without the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The device ID, when the call was about one device (empty otherwise).
    pub device: String,
    /// The part's local ID, when the call was about one part.
    pub part: Option<LocalId>,
    /// The call, as `IInterface::Method`.
    pub call: String,
    /// What it returned.
    pub hresult: HResult,
    /// What capture did about it.
    pub consequence: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.device.is_empty() {
            write!(f, "device {}", self.device)?;
            if let Some(part) = self.part {
                write!(f, " part {part}")?;
            }
            f.write_str(": ")?;
        }
        write!(f, "{} failed with {:?}", self.call, self.hresult)?;
        if !self.consequence.is_empty() {
            write!(f, "; {}", self.consequence)?;
        }
        Ok(())
    }
}

/// Something a client cannot see through COM, so the capture does not contain it (it is not
/// a failure: Windows offers no call that would tell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The device ID.
    pub device: String,
    /// The part's local ID, when the note is about one part.
    pub part: Option<LocalId>,
    /// What is not visible.
    pub text: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "device {}", self.device)?;
        if let Some(part) = self.part {
            write!(f, " part {part}")?;
        }
        write!(f, ": {}", self.text)
    }
}

/// The result of [`capture`]: the captured [`System`], what could not be read, and the
/// topology file text ([`Capture::to_toml_string`], [`Capture::to_json_string`]).
#[derive(Debug)]
pub struct Capture {
    system: System,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
    source: String,
    unix_seconds: u64,
}

impl Capture {
    /// The captured system.
    pub fn system(&self) -> &System {
        &self.system
    }

    /// The captured system, owned.
    pub fn into_system(self) -> System {
        self.system
    }

    /// Every call that failed, in capture order.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// What a client cannot see, in capture order.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The header: where and when the capture was made, the warnings and the notes, one line
    /// each (without comment markers).
    pub fn header(&self) -> Vec<String> {
        header::lines(&self.source, self.unix_seconds, &self.warnings, &self.notes)
    }

    /// The topology file (TOML), headed by [`Capture::header`] as `#` comments.
    ///
    /// # Errors
    /// [`FileError`] when the system cannot be written (see [`System::to_toml_string`]).
    pub fn to_toml_string(&self) -> Result<String, FileError> {
        let body = self.system.to_toml_string()?;
        Ok(header::toml(&self.header(), &body))
    }

    /// The topology file (JSON). JSON has no comments: the header is the top-level
    /// `"comment"` list of lines, which the loader reads and ignores.
    ///
    /// # Errors
    /// As [`Capture::to_toml_string`].
    pub fn to_json_string(&self) -> Result<String, FileError> {
        let body = self.system.to_json_string()?;
        Ok(header::json(&self.header(), &body))
    }

    /// The topology file in `format`.
    ///
    /// # Errors
    /// As [`Capture::to_toml_string`].
    pub fn to_text(&self, format: Format) -> Result<String, FileError> {
        match format {
            Format::Toml => self.to_toml_string(),
            Format::Json => self.to_json_string(),
        }
    }
}

/// Captures what `enumerator` shows (see the [module docs](self)); `source` says where it
/// came from ("this machine", a file name) for the header.
///
/// Reading a peak meter consumes its pending peaks (K8): the capture holds the peaks pending
/// when it ran, and the source's meters are read afterwards. Nothing else is changed: capture
/// calls no setter.
///
/// Cost: O(devices + parts + links + controls) COM calls, plus [`probe_grid`]'s formats
/// (`IsFormatSupported`) per `IKsFormatSupport` connector.
///
/// # Errors
/// A [`devtopo::Error`] when what was read cannot be built into a system even after dropping
/// each offending item with a warning (a capture of a real machine whose answers break a rule
/// devtopo enforces; report it, see `docs/capture.md`).
pub fn capture(enumerator: &IMMDeviceEnumerator, source: &str) -> devtopo::Result<Capture> {
    capture_with(enumerator, source, &Limits::default())
}

/// [`capture`] bounded by these file [`Limits`] instead of the defaults: every count a
/// machine reports (devices, parts, controls, channels, jacks) is capped at its limit, with
/// a note, so a bogus count cannot make capture run for ever and the file loads with the
/// same limits. [`Limits::none`] caps nothing.
///
/// # Errors
/// As [`capture`].
pub fn capture_with(
    enumerator: &IMMDeviceEnumerator,
    source: &str,
    limits: &Limits,
) -> devtopo::Result<Capture> {
    let mut log = Log {
        limits: *limits,
        ..Log::default()
    };
    let mut model = gather::gather(enumerator, &mut log);
    let system = build::build(&mut model, &mut log)?;
    let unix_seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(Capture {
        system,
        warnings: log.warnings,
        notes: log.notes,
        source: source.to_owned(),
        unix_seconds,
    })
}

/// What capture read, before it is built into a [`System`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    /// Devices in capture order: endpoints in enumeration order, then adapters as reached.
    pub(crate) devices: Vec<DeviceModel>,
    /// Connections, each once.
    pub(crate) connections: Vec<ConnectionModel>,
    /// `GetDefaultAudioEndpoint` per flow and role: the endpoint ID, if any.
    pub(crate) defaults: Vec<(EDataFlow, ERole, String)>,
}

/// One device as read.
#[derive(Debug, Clone)]
pub(crate) struct DeviceModel {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: DeviceKind,
    pub(crate) state: DeviceState,
    /// The store in `GetAt` order (S3).
    pub(crate) properties: Vec<(PropertyKey, PropVariant)>,
    pub(crate) connectors: Vec<ConnectorSpec>,
    pub(crate) subunits: Vec<SubunitSpec>,
    /// Per part: `EnumPartsOutgoing` (X12), as local IDs.
    pub(crate) outgoing: Vec<(LocalId, Vec<LocalId>)>,
    /// Per part: `EnumPartsIncoming` (X12), as local IDs.
    pub(crate) incoming: Vec<(LocalId, Vec<LocalId>)>,
}

/// One connection as read: two `(device ID, local ID)` ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConnectionModel {
    pub(crate) a: (String, LocalId),
    pub(crate) b: (String, LocalId),
    pub(crate) permanence: Permanence,
}

/// Warnings and notes collected while capturing.
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub(crate) warnings: Vec<Warning>,
    pub(crate) notes: Vec<Note>,
    /// The limits counts are capped at.
    pub(crate) limits: Limits,
}

impl Log {
    pub(crate) fn warn(
        &mut self,
        device: &str,
        part: Option<LocalId>,
        call: &str,
        error: &windows_core::Error,
        consequence: &str,
    ) {
        self.warnings.push(Warning {
            device: device.to_owned(),
            part,
            call: call.to_owned(),
            hresult: HResult(error.code().0),
            consequence: consequence.to_owned(),
        });
    }

    /// `count` bounded by the capture's file [`Limit`] (the captured file must load with the
    /// same limits), with a note when a machine reports more: a bogus count cannot make
    /// capture loop for ever.
    pub(crate) fn cap(
        &mut self,
        device: &str,
        part: Option<LocalId>,
        what: &str,
        count: u32,
        limit: Limit,
    ) -> u32 {
        let max = u32::try_from(self.limits.get(limit)).unwrap_or(u32::MAX);
        if count > max {
            self.note(
                device,
                part,
                format!("{what}: {count} reported, over the file limit {}; the first {max} are captured", limit.name()),
            );
            return max;
        }
        count
    }

    pub(crate) fn note(&mut self, device: &str, part: Option<LocalId>, text: impl Into<String>) {
        self.notes.push(Note {
            device: device.to_owned(),
            part,
            text: text.into(),
        });
    }
}
