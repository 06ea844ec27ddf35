//! # devtopo
//!
//! An in-memory simulation of the Windows Core Audio **DeviceTopology** API
//! (`IDeviceTopology`, `IConnector`, `IPart`, `ISubunit`, `IPartsList`), in pure Rust, with
//! the rules and the exact `HRESULT`s of Windows. Test and model audio device topologies
//! without Windows and without audio hardware.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use devtopo::*;
//!
//! // The four-topology example of the "Device Topologies" page.
//! let system = fixtures::four_topologies()?;
//!
//! // Walk as real clients do (rule W1): endpoint -> connector 0 -> peer -> adapter topology.
//! let endpoint = system.device(fixtures::FOUR_EPB)?.topology()?;
//! let jack = endpoint.connector(0)?.connected_to()?;
//! let adapter = jack.as_part().topology()?;
//! assert_eq!(adapter.device_id()?, fixtures::FOUR_MUX);
//! assert_eq!(jack.as_part().name()?, "Microphone");
//!
//! // A second Disconnect gives E_NOTFOUND (rule C6) ...
//! let mic = endpoint.connector(0)?;
//! mic.disconnect()?;
//! let err = mic.disconnect().unwrap_err();
//! assert_eq!(err.hresult(), HResult::E_NOTFOUND);
//! assert_eq!(err.hresult().to_string(), "0x80070490");
//!
//! // ... and a permanent Software_Fixed link cannot be broken (rule C6).
//! let to_wave = adapter.connector(3)?;
//! assert_eq!(to_wave.disconnect().unwrap_err().hresult(), HResult::ERROR_FILE_READ_ONLY);
//! # }
//! # Ok::<(), devtopo::Error>(())
//! ```
//!
//! ## Who it is for
//!
//! - People unit-testing audio software on any OS with no sound card: their code walks a
//!   simulated topology exactly as it would walk a real one and meets the real error codes.
//! - People modelling topologies: describe devices, check them, walk them.
//!
//! Windows behaviour is the contract: `shared/spec/windows-semantics.md` lists it as numbered
//! rules, which the docs and tests cite ("rule C6", "X13").
//!
//! ## Layers
//!
//! Imports point down, one module per concept:
//!
//! 1. bottom: [`HResult`], [`Guid`] (IIDs, `KSNODETYPE_*`), the Windows enums, the one
//!    [`Error`] type;
//! 2. `engine` (private): the petgraph graph of parts and links, connections, signal paths,
//!    control state, hot-plug, [`Snapshot`]s, and the validating [`SystemBuilder`]; every rule
//!    is enforced here once;
//! 3. `controls`: control specs ([`ControlSpec`]), level stepping, the callback registry;
//! 4. [`System`] and the COM-shaped handles ([`Device`], [`DeviceTopology`], [`Connector`],
//!    [`Part`], [`Subunit`], [`PartsList`], the control handles, [`Hardware`] for the simulated
//!    hardware); handles only translate;
//! 5. `file` (feature `serde`): TOML/JSON topology files with located errors; `fixtures`
//!    (feature `serde`): the bundled reference topologies of `topologies/`;
//! 6. the `devtopo` binary (feature `cli`, default): check, show, dot, path, run.
//!
//! Connections are not graph edges but paired peer slots on connectors: rule C5 (symmetric, at
//! most one peer) holds by construction and link walks need no edge filter. This is the one
//! change from the design sketch.
//!
//! ## What a safe Rust API changes
//!
//! A failure is an `Err` that returns nothing else (G1); strings are owned `String`s (G2).
//! A NULL pointer cannot be expressed, so `E_POINTER` (G4) never arises; devtopo has no COM
//! vtables (G7) and no `IKsControl` (N10, K19): it models the DeviceTopology API itself.
//!
//! ## Features
//!
//! - `serde`: topology files (`System::load`, `System::to_toml_string`, ...) and the
//!   bundled fixtures;
//! - `cli` (default, implies `serde`): the `devtopo` command-line tool.
//!
#![doc = include_str!("../docs/methods.md")]
//!
#![doc = include_str!("../docs/errors.md")]
//!
#![doc = include_str!("../docs/decisions.md")]
//!
#![cfg_attr(feature = "serde", doc = include_str!("../docs/topology-files.md"))]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod controls;
mod engine;
mod error;
#[cfg(feature = "serde")]
pub mod file;
#[cfg(feature = "serde")]
pub mod fixtures;
mod generate;
mod guid;
mod handles;
mod hresult;
mod system;
mod types;

pub use controls::{
    CLSCTX_ALL, CLSCTX_INPROC_SERVER, ControlChangeNotify, ControlKind, ControlProblem,
    ControlSpec, DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT, DeviceSpecificSpec, EPcxConnectionType,
    EPcxGenLocation, EPcxGeoLocation, EPxcPortConnection, FormatSupportSpec, FourByteRange,
    HARDWARE_INITIATED_CONTEXT, JackDescription, JackDescription2, KsDataFormat, LevelSpec,
    PeakMeterSpec, PropertyValue, VarType, WaveFormat, format_guids, speaker,
};
pub use engine::{
    ConnectorSnapshot, ConnectorSpec, DeviceKey, DeviceSnapshot, DeviceSpec, PartKey, PartSnapshot,
    PeerSnapshot, Snapshot, SubunitSpec, SystemBuilder,
};
pub use error::{DeviceId, EndpointProblem, Error, IndexKind, LinkProblem, Owner, PartRef, Result};
pub use generate::generate;
pub use guid::{Guid, ParseGuidError, guids};
pub use handles::{
    AudioAutoGainControl, AudioChannelConfig, AudioInputSelector, AudioLoudness, AudioMute,
    AudioOutputSelector, AudioPeakMeter, Connector, Control, ControlInterface, Device,
    DeviceSpecificProperty, DeviceTopology, Hardware, KsFormatSupport, KsJackDescription,
    KsJackDescription2, LevelRange, Part, PartsList, PartsListIter, PerChannelDbLevel, Subunit,
};
pub use hresult::HResult;
pub use system::{DEFAULT_HARDWARE_PROCESS_ID, System};
pub use types::{
    ConnectorType, DataFlow, DeviceKind, DeviceState, Direction, EDataFlow, ERole, LocalId,
    MixedPaths, ParseEnumError, PartType, Permanence,
};
