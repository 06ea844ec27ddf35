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
//! Imports point down: [`HResult`], [`Guid`] and the enums at the bottom; the graph engine
//! (petgraph, private) and [`SystemBuilder`]; [`System`] and the COM-shaped handles
//! ([`DeviceTopology`], [`Connector`], [`Part`], [`Subunit`], [`PartsList`], [`Device`]);
//! [`fixtures`] on top. Every rule is enforced once, in the engine; handles only translate.
//! Connections are not graph edges but paired peer slots on connectors (rule C5 holds by
//! construction; link walks need no filter), a change from the design sketch.
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
pub use error::{EndpointProblem, Error, IndexKind, LinkProblem, Owner, PartRef, Result};
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
