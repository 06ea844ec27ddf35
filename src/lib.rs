//! # devtopo
//!
//! **Test Windows audio code without Windows and without a sound card.** devtopo simulates
//! Core Audio's **DeviceTopology** API (`IDeviceTopology`, `IConnector`, `IPart`, `ISubunit`,
//! `IPartsList` and the control interfaces) in pure Rust, in memory, with the rules and the
//! exact `HRESULT`s of Windows. The code under test walks a simulated topology exactly as it
//! would walk a real one (endpoint -> connector 0 -> adapter -> parts) and meets the real
//! error codes, on any CI machine.
//!
//! ## Your first test
//!
//! Add devtopo for tests only (`cargo add --dev devtopo`), then hand your code a bundled
//! topology: here a function that finds the volume control on a capture endpoint's path,
//! the way audio software does, and a test of it.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use devtopo::*;
//!
//! /// The code under test: the first volume control on the way from a capture endpoint to
//! /// the system bus (the walk of rule W1, then the links downstream).
//! fn mic_volume(endpoint: &Device) -> Result<Option<(Part, PerChannelDbLevel)>> {
//!     let jack = endpoint.topology()?.connector(0)?.connected_to()?;
//!     let mut part = jack.as_part().clone();
//!     loop {
//!         if let Ok(volume) = part.activate_as::<PerChannelDbLevel>(CLSCTX_ALL) {
//!             return Ok(Some((part, volume)));
//!         }
//!         match part.parts_outgoing() {
//!             Ok(next) => part = next.part(0)?,
//!             Err(e) if e.hresult() == HResult::E_NOTFOUND => return Ok(None), // rule P9
//!             Err(e) => return Err(e),
//!         }
//!     }
//! }
//!
//! // The test: the "Device Topologies" page's example system, endpoint B (a microphone).
//! let system = fixtures::four_topologies()?;
//! let mic = system.device(fixtures::FOUR_EPB)?;
//! let (part, volume) = mic_volume(&mic)?.expect("the mic path has a volume");
//! assert_eq!(part.name()?, "Vol (Mic)");
//! volume.set_level_uniform(-12.0, None)?;
//! assert_eq!(volume.level(0)?, -12.0);
//! # }
//! # Ok::<(), devtopo::Error>(())
//! ```
//!
//! ## Faults: unplug a jack, disable or remove a device
//!
//! [`System::hardware`] is the simulated hardware: it pulls plugs, disables and removes
//! devices, turns knobs and feeds peak meters, and every change reaches registered sinks as
//! Windows delivers it. Your code then meets what it would meet on Windows:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use devtopo::*;
//!
//! let system = fixtures::sysvad_hdmi()?;
//! let hdmi = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
//! let jack = hdmi.topology()?.connector(0)?.connected_to()?;
//!
//! system.hardware().unplug_jack(&jack, 0)?;                     // the cable comes out
//! assert_eq!(hdmi.state()?, DeviceState::Unplugged);            // rule X27
//! let err = jack.connected_to().unwrap_err();                   // walking toward it ...
//! assert_eq!(err.hresult(), HResult::ERROR_PATH_NOT_FOUND);     // ... rule C9
//! assert!(system.endpoints(EDataFlow::Render, DeviceState::Active.value())?.is_empty());
//!
//! // A permanent Software_Fixed connection cannot be broken, and a second Disconnect of a
//! // transient one finds nothing (rule C6).
//! let four = fixtures::four_topologies()?;
//! let mux = four.device(fixtures::FOUR_MUX)?.topology()?;
//! assert_eq!(mux.connector(3)?.disconnect().unwrap_err().hresult(), HResult::ERROR_FILE_READ_ONLY);
//! let mic = four.device(fixtures::FOUR_EPB)?.topology()?.connector(0)?;
//! mic.disconnect()?;
//! assert_eq!(mic.disconnect().unwrap_err().hresult(), HResult::E_NOTFOUND);
//! # }
//! # Ok::<(), devtopo::Error>(())
//! ```
//!
//! ## Your own topology
//!
//! Describe the devices your code must handle in a TOML or JSON file (the
//! [Topology files](#topology-files) section) and load it with [`System::load`]; build one in
//! code with [`SystemBuilder`]. The `devtopo` command checks such files (every problem with
//! file, line and column), shows each endpoint's signal chain, draws the system with
//! Graphviz, finds signal paths and runs scenarios of calls with their expected `HRESULT`s;
//! `devtopo docs` prints this reference.
//!
//! ## Who it is for
//!
//! - People unit-testing audio software on any OS with no sound card: their code walks a
//!   simulated topology exactly as it would walk a real one and meets the real error codes.
//! - People modelling topologies: describe devices, check them, walk them.
//!
//! The guide [Testing your audio code with devtopo](crate::testing_guide) goes on from here:
//! faults, callbacks, the event log, recording, property tests, threads and COM code.
//!
//! Windows behaviour is the contract, as numbered rules that the docs, tests and messages cite
//! ("rule C6", "X13"); every rule is listed under
//! [Rules](#rules-the-windows-behaviour-devtopo-follows) below, with what devtopo does and the
//! Windows source it follows.
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
//! 6. `scenario` (feature `scenario`, default): scenario files parsed and run.
//!
//! Above the library, in the same workspace: `devtopo-com` serves a [`System`] as real COM
//! objects (the one crate with `unsafe` code), and `devtopo-cli` is the `devtopo` command
//! (check, show, dot, path, run, list, convert, gen, docs), built on both.
//!
//! Connections are not graph edges but paired peer slots on connectors: rule C5 (symmetric, at
//! most one peer) holds by construction and link walks need no edge filter. This is the one
//! change from the design sketch.
//!
//! ## What a safe Rust API changes
//!
//! A failure is an `Err` that returns nothing else (G1); strings are owned `String`s (G2).
//! A NULL pointer cannot be expressed, so `E_POINTER` (G4) never arises; devtopo has no COM
//! vtables (G7). `IKsControl` exists on adapter devices as a script a test installs
//! ([`KsControl`], Q11), not as a KS driver.
//!
//! ## The MMDevice layer
//!
//! Clients start at `IMMDeviceEnumerator`: [`System::enum_audio_endpoints`],
//! [`System::default_endpoint`] (per role, B10), [`System::device`], endpoint notifications
//! ([`MMNotificationClient`], [`EndpointEventLog`]), property stores ([`PropertyStore`],
//! [`PropVariant`], [`pkey`]), [`Device::activate`] and [`Device::data_flow`]. Endpoint states
//! follow one rule from jacks, connections and device conditions (X27), re-applied after every
//! change; whole devices arrive and leave with [`System::add_devices`] and
//! [`System::remove_device`]. The contract is `shared/spec/mmdevice-semantics.md` (rules V, Y,
//! S, Q, B, X36-X68).
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use devtopo::*;
//! let system = fixtures::sysvad()?;
//! let log = EndpointEventLog::new();
//! system.register_endpoint_notification_callback(log.clone())?;
//! let speakers = system.default_endpoint(EDataFlow::Render, ERole::Console)?;
//! let name = speakers.open_property_store(STGM_READ)?.value(&pkey::PKEY_Device_FriendlyName)?;
//! assert!(name.as_str().is_some_and(|n| n.starts_with("Speakers (")));
//! system.hardware().disable(&speakers)?;                      // Mmsys.cpl: DISABLED (B4)
//! assert_eq!(log.take()[0], EndpointEvent::StateChanged {
//!     device_id: fixtures::SYSVAD_SPEAKER_ENDPOINT.to_owned(),
//!     new_state: DeviceState::Disabled,
//! });
//! // The role moved to the other render endpoint (B10).
//! assert_eq!(system.default_endpoint(EDataFlow::Render, ERole::Console)?.id()?, fixtures::SYSVAD_HDMI_ENDPOINT);
//! # }
//! # Ok::<(), devtopo::Error>(())
//! ```
//!
//! ## Features
//!
//! - `serde`: topology files (`System::load`, `System::to_toml_string`, ...) and the
//!   bundled fixtures;
//! - `scenario` (implies `serde`): [`scenario`], scenario files parsed and run (what
//!   `devtopo run` does, callable from tests and fuzz targets);
//! - `proptest`: [`strategies`](crate::strategies), strategies for property tests of your own
//!   code (arbitrary valid systems and operation sequences).
//!
//! The default is `scenario` (so `serde` too); none pulls in clap: the command line is its
//! own crate, `devtopo-cli`. `default-features = false` gives the bare engine and handles.
//!
//! The test-double toolkit (faults, call recording) needs no feature; with `serde` its record
//! serialises. See [Faults and call recording](#faults-and-call-recording-the-test-double-toolkit).
//!
#![doc = include_str!("../docs/methods.md")]
//!
#![doc = include_str!("../docs/errors.md")]
//!
#![doc = include_str!("../docs/faults-and-recording.md")]
//!
#![doc = include_str!("../docs/decisions.md")]
//!
#![doc = include_str!("../docs/rules.md")]
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
mod instrument;
mod names;
mod properties;
// Named `strategies`, not `proptest`: a public module of that name would clash with the
// proptest crate in every test that does `use devtopo::*; use proptest::prelude::*;`.
#[cfg(feature = "scenario")]
pub mod scenario;
#[cfg(feature = "proptest")]
#[path = "proptest/mod.rs"]
pub mod strategies;
#[doc = include_str!("../docs/testing-guide.md")]
pub mod testing_guide {}
mod system;
mod types;

pub use controls::{
    CLSCTX_ALL, CLSCTX_INPROC_SERVER, ControlChangeNotify, ControlKind, ControlProblem,
    ControlSpec, DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT, DeviceSpecificSpec, EPcxConnectionType,
    EPcxGenLocation, EPcxGeoLocation, EPxcPortConnection, FormatSupportSpec, FourByteRange,
    HARDWARE_INITIATED_CONTEXT, JackDescription, JackDescription2, KsDataFormat, KsDataRange,
    LevelSpec, PeakMeterSpec, PropertyValue, VarType, WaveFormat, format_guids, speaker,
};
pub use engine::{
    Callback, ChangeSource, Conditions, ConnectorSnapshot, ConnectorSpec, DEFAULT_EVENT_CAPACITY,
    DeviceKey, DeviceSnapshot, DeviceSpec, Event, EventKind, EventLogging, PartKey, PartSnapshot,
    PeerSnapshot, RegistrationSnapshot, SinkId, Snapshot, SubunitSpec, SystemBuilder,
};
pub use error::{DeviceId, EndpointProblem, Error, IndexKind, LinkProblem, Owner, PartRef, Result};
pub use generate::{
    CapturePlan, EndpointState, GroupPlan, JackPlan, OutputKind, Presence, RenderPlan, SystemPlan,
    Unit, generate, plan,
};
pub use guid::{Guid, ParseGuidError, guids};
pub use handles::{
    Activated, AudioAutoGainControl, AudioChannelConfig, AudioInputSelector, AudioLoudness,
    AudioMute, AudioOutputSelector, AudioPeakMeter, Connector, Control, ControlHandle,
    ControlInterface, Device, DeviceCollection, DeviceSpecificProperty, DeviceTopology, Hardware,
    KsControl, KsFormatSupport, KsJackDescription, KsJackDescription2, LevelRange, Part, PartRow,
    PartTable, PartTableIter, PartsList, PartsListIter, PerChannelDbLevel, PropertyStore, Subunit,
};
pub use hresult::HResult;
pub use instrument::{
    Action, Arg, ArgValue, CallRecord, Calls, Expectation, Fault, FaultId, FaultState, FaultStatus,
    Faults, HardwareAction, Method, Mismatch, ParseMethodError, Record, Recorder, RecordingMode,
    Target, Then, Trigger, any_call, calls,
};
pub use properties::ks_request::{
    MAX_KS_DATA_BYTES, MAX_KS_DESCRIPTOR_BYTES, ks_identifier, ks_node_property,
};
pub use properties::{
    EndpointEvent, EndpointEventLog, EndpointFormFactor, KsHandler, KsRequest, KsRequestKind,
    MMNotificationClient, ParsePropertyKeyError, PropVarType, PropVariant, PropertyKey, STGM_READ,
    STGM_READWRITE, STGM_WRITE, StoreAccess, iids, ks, pkey,
};
pub use system::{DEFAULT_HARDWARE_PROCESS_ID, System};
pub use types::{
    ConnectorType, DataFlow, DeviceKind, DeviceState, Direction, EDataFlow, ERole, LocalId,
    MixedPaths, ParseEnumError, PartType, Permanence,
};
