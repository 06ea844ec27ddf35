//! devtopo's one error type: what went wrong in devtopo's words, with the Windows `HRESULT`
//! that the real API returns for the same case.

use crate::controls::{ControlKind, ControlProblem, VarType};
use crate::guid::Guid;
use crate::hresult::HResult;
use crate::instrument::{FaultId, Method};
use crate::types::{
    ConnectorType, DataFlow, DeviceState, Direction, EDataFlow, LocalId, MixedPaths,
};

mod context;
mod device_id;

pub use context::{EndpointProblem, IndexKind, LinkProblem, Owner, PartRef};
pub use device_id::DeviceId;

/// Everything that can go wrong in devtopo.
///
/// Each variant says in devtopo's words what went wrong, names the parts or devices involved
/// and the spec rule; [`Error::hresult`] gives the code Windows returns for the same case.
/// The table of variants, codes and rules is in the crate docs (section "Errors").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // ---- IConnector (rules C3-C12) ----
    /// The connector has no peer: `Disconnect` of an unconnected connector, `GetConnectedTo` and
    /// friends on an unconnected, `Software_IO` or `Network` connector (rules C6, C9, C11, C12, X6).
    #[error("{part} is not connected to another connector (rule C6/C9)")]
    NotConnected {
        /// The connector.
        part: PartRef,
    },
    /// `Disconnect` of a permanent (`Software_Fixed`) connection (rule C6). Nothing changed.
    #[error(
        "the connection of {part} to {peer} is permanent (Software_Fixed) and cannot be broken (rule C6)"
    )]
    PermanentConnection {
        /// The connector `Disconnect` was called on.
        part: PartRef,
        /// Its peer.
        peer: PartRef,
    },
    /// `ConnectTo` between two connectors with the same data flow, including a connector and
    /// itself (rules C3, C4, X2).
    #[error(
        "{part} and {other} both have data flow {flow}; a connection pairs In with Out (rule C3)"
    )]
    SameDataFlow {
        /// The connector `ConnectTo` was called on.
        part: PartRef,
        /// The argument.
        other: PartRef,
        /// Their common data flow.
        flow: DataFlow,
    },
    /// `ConnectTo` when either connector already has a peer (rule C3).
    #[error("{part} is already connected to {peer} (rule C3)")]
    AlreadyAttached {
        /// The connector that already has a peer.
        part: PartRef,
        /// Its current peer.
        peer: PartRef,
    },
    /// An object of another `System` was passed where a part of this one is needed
    /// (`ConnectTo`, rule C3; `GetSignalPath`, rule T7).
    #[error("the object passed to {part} belongs to another System (rule C3/T7)")]
    ForeignObject {
        /// The part whose method received the foreign object.
        part: PartRef,
    },
    /// `ConnectTo` between connectors of different `ConnectorType`s (rule D14, X1).
    #[error(
        "{part} is {part_type} but {other} is {other_type}; connected ends must have the same type (rule D14, X1)"
    )]
    ConnectorTypeMismatch {
        /// The connector `ConnectTo` was called on.
        part: PartRef,
        /// Its type.
        part_type: ConnectorType,
        /// The argument.
        other: PartRef,
        /// The argument's type.
        other_type: ConnectorType,
    },
    /// `ConnectTo` between two connectors of the same device (rule C3, X3).
    #[error(
        "{part} and {other} belong to the same device; a connection joins two devices (rule C3, X3)"
    )]
    SameDevice {
        /// The connector `ConnectTo` was called on.
        part: PartRef,
        /// The argument.
        other: PartRef,
    },
    /// `ConnectTo` between the connectors of two endpoint devices: an endpoint connects to an
    /// adapter device (rule D4).
    #[error(
        "{part} and {other} both belong to endpoint devices; an endpoint connects to an adapter device (rule D4)"
    )]
    EndpointToEndpoint {
        /// The connector `ConnectTo` was called on.
        part: PartRef,
        /// The argument.
        other: PartRef,
    },
    /// `ConnectTo` on a `Software_IO` or `Network` connector: nothing lies beyond it (rule D12, X6).
    #[error("{part} is a {connector_type} connector; no device topology lies beyond it (rule D12)")]
    TopologyEdge {
        /// The connector.
        part: PartRef,
        /// Its type.
        connector_type: ConnectorType,
    },
    /// The device on the other side of the connection is not ACTIVE (rules C9, C10, X22).
    #[error("the device `{device}` on the other side of {part} is {state}, not active (rule C9)")]
    PeerNotActive {
        /// The connector asked for its peer.
        part: PartRef,
        /// The peer's device ID.
        device: DeviceId,
        /// The peer device's state.
        state: DeviceState,
    },

    // ---- IDeviceTopology, IPart, IPartsList ----
    /// An index past the end (rules T2, T4, L2, P7, K2, K16).
    #[error("{} index {index} is out of range for {owner}, which has {count} (rule {})", .what.describe().0, .what.describe().1)]
    IndexOutOfRange {
        /// What the index counts.
        what: IndexKind,
        /// The index given.
        index: u32,
        /// How many there are.
        count: u32,
        /// Where it was looked up.
        owner: Owner,
    },
    /// `GetPartById` with a local ID that no part of this topology has (rule T5).
    #[error("device `{device}` has no part with local ID {local_id} (rule T5)")]
    UnknownLocalId {
        /// The device searched.
        device: DeviceId,
        /// The local ID given.
        local_id: LocalId,
    },
    /// `GetSignalPath` with a part of another topology (rule T9, X13).
    #[error(
        "{part} is not a part of device `{device}`, whose GetSignalPath was called (rule T9, X13)"
    )]
    PartNotInTopology {
        /// The part.
        part: PartRef,
        /// The topology called.
        device: DeviceId,
    },
    /// A subunit queried for `IConnector` (rule G6).
    #[error("{part} is a subunit, not a connector (rule G6)")]
    NotAConnector {
        /// The part.
        part: PartRef,
    },
    /// A connector queried for `ISubunit` (rule G6).
    #[error("{part} is a connector, not a subunit (rule G6)")]
    NotASubunit {
        /// The part.
        part: PartRef,
    },
    /// `EnumPartsIncoming` / `EnumPartsOutgoing` on a part with no such link (rules P8, P9, L3).
    #[error("{part} has no {} links (rule {})", if matches!(.direction, Direction::Incoming) { "incoming" } else { "outgoing" }, if matches!(.direction, Direction::Incoming) { "P8" } else { "P9" })]
    NoLinks {
        /// The part.
        part: PartRef,
        /// Which side was asked for.
        direction: Direction,
    },
    /// `GetSignalPath` found no path (rules T7, T10, T11).
    #[error("no signal path leads from {from} to {to}{} (rule T7)", if matches!(.mixed, MixedPaths::Reject) { " without a mixer" } else { "" })]
    NoSignalPath {
        /// The "from" part.
        from: PartRef,
        /// The "to" part.
        to: PartRef,
        /// Whether mixed paths were rejected.
        mixed: MixedPaths,
    },

    // ---- IPart control methods and control interfaces (P6-P7, P12, K, N) ----
    /// `IPart::Activate` without the `CLSCTX_INPROC_SERVER` bit (rule P12).
    #[error("Activate on {part} needs the CLSCTX_INPROC_SERVER bit, got {clsctx:#x} (rule P12)")]
    InvalidClsctx {
        /// The part.
        part: PartRef,
        /// The context given.
        clsctx: u32,
    },
    /// `IPart::Activate` with an IID the part does not support, or that is no control
    /// interface at all (rules P12, P17, X15).
    #[error("{part} has no control interface {} (rule P12, X15)", .iid.display_name())]
    NoSuchControl {
        /// The part.
        part: PartRef,
        /// The IID asked for.
        iid: Guid,
    },
    /// `IPart::GetControlInterface` on a part with no control interface (rule P7, X14).
    #[error("{part} has no control interfaces (rule P7, X14)")]
    NoControls {
        /// The part.
        part: PartRef,
    },
    /// `RegisterControlChangeCallback` with an IID outside the 14 of rule N1.
    #[error("{} is not a control interface that takes callbacks, on {part} (rule N1)", .iid.display_name())]
    InvalidCallbackIid {
        /// The part.
        part: PartRef,
        /// The IID given.
        iid: Guid,
    },
    /// `UnregisterControlChangeCallback` with a sink that is not registered on the part (N3).
    #[error("the sink is not registered on {part} (rule N3)")]
    CallbackNotRegistered {
        /// The part.
        part: PartRef,
    },
    /// `SetLevelAllChannels` with another number of levels than the part has channels (K2).
    #[error("{control} of {part} has {expected} channels, {given} levels were given (rule K2)")]
    ChannelCountMismatch {
        /// The part.
        part: PartRef,
        /// The control.
        control: ControlKind,
        /// Its channel count.
        expected: u32,
        /// The number given.
        given: u32,
    },
    /// A NaN level or peak (X17, X18).
    #[error("{control} of {part} was given NaN (X17)")]
    NotANumber {
        /// The part.
        part: PartRef,
        /// The control.
        control: ControlKind,
    },
    /// A selector given a local ID that is not linked to it (rules K9, K10).
    #[error(
        "{control} of {part} cannot select {selection}: it is not a part linked to the selector (rule K9/K10)"
    )]
    InvalidSelection {
        /// The selector subunit.
        part: PartRef,
        /// Input or output selector.
        control: ControlKind,
        /// The local ID given.
        selection: LocalId,
    },
    /// `IDeviceSpecificProperty::GetValue` with a buffer smaller than the value, or none (K13).
    #[error("the value of {part} needs {needed} bytes, the buffer has {given} (rule K13)")]
    BufferTooSmall {
        /// The part.
        part: PartRef,
        /// The size needed.
        needed: u32,
        /// The size given.
        given: u32,
    },
    /// `IDeviceSpecificProperty::SetValue` with the wrong number of bytes (K13).
    #[error("the value of {part} is {expected} bytes, {given} were given (rule K13)")]
    WrongValueSize {
        /// The part.
        part: PartRef,
        /// The value's size.
        expected: u32,
        /// The size given.
        given: u32,
    },
    /// `IDeviceSpecificProperty::Get4BRange` on a property that is not `VT_I4`/`VT_UI4` (K13).
    #[error("the property of {part} is {var_type:?}, which has no 4-byte range (rule K13)")]
    NotFourByteProperty {
        /// The part.
        part: PartRef,
        /// Its type.
        var_type: VarType,
    },
    /// `IDeviceSpecificProperty::SetValue` on a read-only property (X33).
    #[error("the property of {part} is read-only (X33)")]
    ReadOnlyProperty {
        /// The part.
        part: PartRef,
    },
    /// `IDeviceSpecificProperty::SetValue` outside the property's range (X33).
    #[error("the value given to {part} is outside its 4-byte range (X33)")]
    PropertyOutOfRange {
        /// The part.
        part: PartRef,
    },
    /// `IKsFormatSupport::IsFormatSupported` with an invalid format specifier (K15).
    #[error("the format given to {part} has an invalid specifier (rule K15)")]
    InvalidFormat {
        /// The part.
        part: PartRef,
    },
    /// A control given to a builder breaks a rule (P13, P14, R4, K2, K9, K13, K15, X16).
    #[error("invalid control on {part}: {problem}")]
    InvalidControl {
        /// The part.
        part: PartRef,
        /// What is wrong.
        problem: ControlProblem,
    },
    /// A simulated plug change on a jack that cannot sense plugs (E12, K18, X27).
    #[error(
        "jack {jack} of {part} has no presence detection, so it is always connected (rule K18, X27)"
    )]
    NoPresenceDetection {
        /// The connector.
        part: PartRef,
        /// The jack index.
        jack: u32,
    },

    // ---- endpoint enumeration (D7, D9) ----
    /// `EnumAudioEndpoints` with state bits above `DEVICE_STATEMASK_ALL` (D7, X25).
    #[error("state mask {mask:#x} has bits outside DEVICE_STATEMASK_ALL (0xF) (rule D7, X25)")]
    InvalidStateMask {
        /// The mask given.
        mask: u32,
    },
    /// `GetDefaultAudioEndpoint` with `eAll` (D9).
    #[error("GetDefaultAudioEndpoint takes eRender or eCapture, not {flow} (rule D9)")]
    InvalidDefaultFlow {
        /// The flow given.
        flow: EDataFlow,
    },
    /// `GetDefaultAudioEndpoint` when no endpoint of that flow is ACTIVE (D9, X25).
    #[error("no {flow} endpoint is active (rule D9, X25)")]
    NoDefaultEndpoint {
        /// The flow asked for.
        flow: EDataFlow,
    },
    /// A caller process ID equal to the hardware process ID, or the reverse (N6, X21).
    #[error(
        "process ID {pid} is already the other sender's; callers and hardware must differ (rule N6, X21)"
    )]
    ProcessIdClash {
        /// The ID given.
        pid: u32,
    },

    // ---- devices ----
    /// The device (or a part of it) was removed from the model (X26).
    #[error("device `{device}` was removed from the system (X26)")]
    DeviceRemoved {
        /// The device ID.
        device: DeviceId,
    },
    /// No device with this ID (`IMMDeviceEnumerator::GetDevice`, rule D11).
    #[error("the system has no device with ID `{device}` (rule D11)")]
    UnknownDevice {
        /// The ID asked for (any text, so not interned).
        device: std::sync::Arc<str>,
    },

    // ---- building ----
    /// Two devices with the same ID (rule I7).
    #[error("a device with ID `{device}` already exists (rule I7)")]
    DuplicateDeviceId {
        /// The ID.
        device: DeviceId,
    },
    /// Two parts of one device with the same local ID (rule I1).
    #[error("device `{device}` already has a part with local ID {local_id} (rule I1)")]
    DuplicateLocalId {
        /// The device.
        device: DeviceId,
        /// The local ID.
        local_id: LocalId,
    },
    /// A link between parts of different devices (rule P10).
    #[error("cannot link {from} to {to}: links join parts of one device (rule P10)")]
    LinkAcrossDevices {
        /// The upstream part.
        from: PartRef,
        /// The downstream part.
        to: PartRef,
    },
    /// A link from a part to itself, a second link between the same two parts, or a link that
    /// would close a cycle (signal flows one way through a KS filter).
    #[error("cannot link {from} to {to}: {reason} (rule P8)")]
    InvalidLink {
        /// The upstream part.
        from: PartRef,
        /// The downstream part.
        to: PartRef,
        /// Why.
        reason: LinkProblem,
    },
    /// An endpoint device with other than one connector, or with a subunit (rule D2).
    #[error(
        "endpoint `{device}` must have exactly one connector and no subunits, but {problem} (rule D2)"
    )]
    EndpointShape {
        /// The endpoint.
        device: DeviceId,
        /// What is wrong.
        problem: EndpointProblem,
    },
    /// An endpoint connector with the wrong data flow (rule D3).
    #[error("the connector of endpoint `{device}` must flow {expected} (rule D3)")]
    EndpointFlow {
        /// The endpoint.
        device: DeviceId,
        /// The flow its kind requires.
        expected: DataFlow,
    },
    /// A permanent connection between connectors that are not both `Software_Fixed` (rule D15, X7).
    #[error(
        "{part} is {connector_type}; only Software_Fixed connectors can be joined permanently (rule D15, X7)"
    )]
    PermanentNotSoftwareFixed {
        /// The connector.
        part: PartRef,
        /// Its type.
        connector_type: ConnectorType,
    },
    /// A builder key that does not belong to this builder.
    #[error("the key {key} does not name a device or part of this builder")]
    UnknownKey {
        /// The key, as text.
        key: String,
    },
    /// An empty device ID.
    #[error("a device ID must not be empty (rule I7)")]
    EmptyDeviceId,
    // ---- MMDevice: enumerator, device, property store, notifications, IKsControl ----
    /// An `EDataFlow` argument outside `eRender`, `eCapture`, `eAll` (rule V1, V2).
    #[error("{value:#x} is not an EDataFlow value (rule V2)")]
    InvalidDataFlow {
        /// The value given.
        value: u32,
    },
    /// An `ERole` argument outside `eConsole`, `eMultimedia`, `eCommunications` (rule V4, X37).
    #[error("{value:#x} is not an ERole value (rule V4, X37)")]
    InvalidRole {
        /// The value given.
        value: u32,
    },
    /// `GetDevice` with a string that has the form of no device ID (rule V9, X39).
    #[error(
        "`{device}` is not a device ID: expected `{{0.0.F.00000000}}.{{guid}}` or `{{2}}.\\?\\...` (rule V9, X39)"
    )]
    MalformedDeviceId {
        /// The string given.
        device: std::sync::Arc<str>,
    },
    /// `IMMDeviceCollection::Item` past the end (rule V16, V17).
    #[error("collection index {index} is out of range; the collection has {count} (rule V16)")]
    CollectionIndexOutOfRange {
        /// The index given.
        index: u32,
        /// The collection's count.
        count: u32,
    },
    /// `UnregisterEndpointNotificationCallback` with a sink that is not registered (rule V13, V14).
    #[error("the endpoint-notification sink is not registered (rule V14)")]
    EndpointSinkNotRegistered,
    /// `Register`/`UnregisterEndpointNotificationCallback` called from inside an endpoint
    /// callback: Windows deadlocks (rule Y3); devtopo refuses and records it (X47).
    #[error(
        "{method} was called from inside an IMMNotificationClient callback; Windows deadlocks here (rule Y3, X47)"
    )]
    CallFromEndpointCallback {
        /// The method called.
        method: &'static str,
    },
    /// `IMMDevice::Activate` with an IID the device does not serve (rule V19, V22, X45, X46).
    #[error("device `{device}` does not serve {} through Activate (rule V22, X46)", .iid.display_name())]
    UnsupportedActivation {
        /// The device.
        device: DeviceId,
        /// The IID asked for.
        iid: Guid,
    },
    /// `IMMDevice::Activate(IID_IDeviceTopology)` with activation parameters (rule V19, D10).
    #[error("Activate of IDeviceTopology on `{device}` takes no activation parameters (rule V19)")]
    ActivationParameters {
        /// The device.
        device: DeviceId,
    },
    /// `QueryInterface(IID_IMMEndpoint)` on an adapter device (rule V27, X45).
    #[error(
        "device `{device}` is an adapter device, not an endpoint: it has no IMMEndpoint (rule V27, X45)"
    )]
    NotAnEndpoint {
        /// The device.
        device: DeviceId,
    },
    /// `OpenPropertyStore` with a mode other than `STGM_READ`, `_WRITE`, `_READWRITE` (rule V23, X43).
    #[error("{mode:#x} is not a property-store access mode (rule V23, X43)")]
    InvalidStoreMode {
        /// The mode given.
        mode: u32,
    },
    /// A write the simulated user may not make: `OpenPropertyStore` for writing without
    /// elevation (V24, X44), `SetValue` on a `STGM_READ` store (S10), or a read-only key (S9).
    #[error("access denied to the property store of `{device}`: {reason} (rule {rule})")]
    StoreAccessDenied {
        /// The device.
        device: DeviceId,
        /// Why.
        reason: &'static str,
        /// The rule.
        rule: &'static str,
    },
    /// `GetValue` on a `STGM_WRITE`-only store, `Commit` on a `STGM_READ` store (X55).
    #[error("the property store of `{device}` was not opened for {needed} (X55)")]
    StoreModeMismatch {
        /// The device.
        device: DeviceId,
        /// "reading" or "writing".
        needed: &'static str,
    },
    /// `SetValue` of a key no client may set, in any mode (rule S9).
    #[error("{key:?} of `{device}` is read-only (rule S9)")]
    ReadOnlyPropertyKey {
        /// The device.
        device: DeviceId,
        /// The key.
        key: crate::properties::PropertyKey,
    },
    /// `IPropertyStore::GetAt` past the end (X53).
    #[error(
        "property index {index} is out of range for `{device}`, whose store has {count} (rule S3, X53)"
    )]
    PropertyIndexOutOfRange {
        /// The device.
        device: DeviceId,
        /// The index given.
        index: u32,
        /// The store's count.
        count: u32,
    },
    /// An `IKsControl` request failed: no handler (X61) or the handler's own `HRESULT` (Q3, Q11).
    #[error("IKsControl request to `{device}` failed with {hresult} ({reason}) (rule Q3, X61)")]
    KsRequestFailed {
        /// The adapter.
        device: DeviceId,
        /// The HRESULT.
        hresult: HResult,
        /// What devtopo found.
        reason: &'static str,
    },
    /// An `IKsControl` size query or a buffer too small for the value: `ERROR_MORE_DATA`
    /// with the size needed, which the COM layer writes to `*BytesReturned` (rule Q4, X61).
    #[error(
        "the IKsControl value of `{device}` needs {needed} bytes, the buffer has {given} (rule Q4)"
    )]
    KsMoreData {
        /// The adapter.
        device: DeviceId,
        /// Bytes needed.
        needed: u32,
        /// `cbData`.
        given: u32,
    },
    /// An `IKsControl` descriptor or data buffer over its limit
    /// ([`MAX_KS_DESCRIPTOR_BYTES`](crate::MAX_KS_DESCRIPTOR_BYTES),
    /// [`MAX_KS_DATA_BYTES`](crate::MAX_KS_DATA_BYTES)): refused before it is read or logged.
    #[error(
        "limit {limit} = {max} exceeded: the IKsControl request to `{device}` has a {size}-byte {} (rule Q3)",
        if limit.contains("descriptor") { "descriptor" } else { "data buffer" }
    )]
    KsLimit {
        /// The adapter.
        device: DeviceId,
        /// The limit's name (`max_ks_descriptor_bytes`, `max_ks_data_bytes`).
        limit: &'static str,
        /// Its value.
        max: usize,
        /// The buffer's size.
        size: usize,
    },
    /// A simulation call that needs an ACTIVE endpoint got one in another state or an adapter.
    #[error("device `{device}` is not an active endpoint (state {state}) (rule V6)")]
    NotAnActiveEndpoint {
        /// The device.
        device: DeviceId,
        /// Its state.
        state: DeviceState,
    },
    /// A simulation call that needs an adapter device got an endpoint (Q1).
    #[error("device `{device}` is an endpoint; IKsControl belongs to adapter devices (rule Q1)")]
    NotAnAdapter {
        /// The device.
        device: DeviceId,
    },

    // ---- the test-double toolkit (docs/faults-and-recording.md) ----
    /// A fault the test set ([`Faults::add`](crate::Faults::add)) made this call fail; the
    /// call changed nothing (G5).
    #[error("{method} failed with {hresult:?}: {fault} injected by the test")]
    Injected {
        /// The method.
        method: Method,
        /// The `HRESULT` the fault returns.
        hresult: HResult,
        /// The fault.
        fault: FaultId,
    },
    /// A fault that could never act as written (a success code as its failure, `nth(0)`).
    #[error("the fault `{fault}` is not valid: {reason}")]
    InvalidFault {
        /// The fault, as text.
        fault: String,
        /// Why not.
        reason: &'static str,
    },
    /// [`Faults::remove`](crate::Faults::remove) or [`Faults::status`](crate::Faults::status)
    /// of a fault not in the table.
    #[error("{id} is not in the fault table")]
    UnknownFault {
        /// The fault asked for.
        id: FaultId,
    },

    /// A topology file that is not valid for a reason other than a rule of the model (syntax,
    /// schema, reference, limit), turned into an `Error` (the `file` module's `FileError`
    /// converts so; a broken rule keeps its own variant).
    #[error("{location}: {message}")]
    InvalidFile {
        /// `file:line:col`.
        location: String,
        /// What is wrong, with the path of the item.
        message: String,
    },
}

impl Error {
    /// The `HRESULT` Windows returns for this case (table in the crate docs).
    ///
    /// ```
    /// use devtopo::{Error, HResult, PartRef, LocalId};
    /// let part = PartRef { device: "dev".into(), local_id: LocalId(0x10000) };
    /// assert_eq!(Error::NotConnected { part }.hresult(), HResult::E_NOTFOUND);
    /// ```
    pub fn hresult(&self) -> HResult {
        match self {
            Error::NotConnected { .. }
            | Error::NoLinks { .. }
            | Error::NoSignalPath { .. }
            | Error::UnknownDevice { .. }
            | Error::NoControls { .. }
            | Error::CallbackNotRegistered { .. }
            | Error::NoDefaultEndpoint { .. }
            | Error::EndpointSinkNotRegistered
            | Error::UnknownFault { .. } => HResult::E_NOTFOUND,
            Error::Injected { hresult, .. } => *hresult,
            Error::UnsupportedActivation { .. } | Error::NotAnEndpoint { .. } => {
                HResult::E_NOINTERFACE
            }
            Error::CallFromEndpointCallback { .. } => HResult::E_ILLEGAL_METHOD_CALL,
            Error::StoreAccessDenied { .. } | Error::ReadOnlyPropertyKey { .. } => {
                HResult::E_ACCESSDENIED
            }
            Error::StoreModeMismatch { .. } => HResult::STG_E_ACCESSDENIED,
            Error::KsRequestFailed { hresult, .. } => *hresult,
            Error::KsMoreData { .. } => HResult::ERROR_MORE_DATA,
            Error::InvalidDataFlow { .. }
            | Error::InvalidRole { .. }
            | Error::MalformedDeviceId { .. }
            | Error::CollectionIndexOutOfRange { .. }
            | Error::ActivationParameters { .. }
            | Error::InvalidStoreMode { .. }
            | Error::PropertyIndexOutOfRange { .. }
            | Error::NotAnActiveEndpoint { .. }
            | Error::KsLimit { .. }
            | Error::NotAnAdapter { .. } => HResult::E_INVALIDARG,
            Error::ReadOnlyProperty { .. } => HResult::ERROR_FILE_READ_ONLY,
            Error::BufferTooSmall { .. } => HResult::ERROR_INSUFFICIENT_BUFFER,
            Error::NotFourByteProperty { .. } => HResult::ERROR_NOT_SUPPORTED,
            Error::NoSuchControl { .. } => HResult::E_NOINTERFACE,
            Error::PermanentConnection { .. } => HResult::ERROR_FILE_READ_ONLY,
            Error::AlreadyAttached { .. } => HResult::ERROR_DEVICE_ALREADY_ATTACHED,
            Error::PeerNotActive { .. } => HResult::ERROR_PATH_NOT_FOUND,
            Error::ForeignObject { .. }
            | Error::NotAConnector { .. }
            | Error::NotASubunit { .. } => HResult::E_NOINTERFACE,
            Error::DeviceRemoved { .. } => HResult::AUDCLNT_E_DEVICE_INVALIDATED,
            Error::SameDataFlow { .. }
            | Error::ConnectorTypeMismatch { .. }
            | Error::SameDevice { .. }
            | Error::EndpointToEndpoint { .. }
            | Error::TopologyEdge { .. }
            | Error::IndexOutOfRange { .. }
            | Error::UnknownLocalId { .. }
            | Error::PartNotInTopology { .. }
            | Error::DuplicateDeviceId { .. }
            | Error::DuplicateLocalId { .. }
            | Error::LinkAcrossDevices { .. }
            | Error::InvalidLink { .. }
            | Error::EndpointShape { .. }
            | Error::EndpointFlow { .. }
            | Error::PermanentNotSoftwareFixed { .. }
            | Error::UnknownKey { .. }
            | Error::EmptyDeviceId
            | Error::InvalidFile { .. }
            | Error::InvalidClsctx { .. }
            | Error::InvalidCallbackIid { .. }
            | Error::ChannelCountMismatch { .. }
            | Error::NotANumber { .. }
            | Error::InvalidSelection { .. }
            | Error::WrongValueSize { .. }
            | Error::PropertyOutOfRange { .. }
            | Error::InvalidFormat { .. }
            | Error::InvalidControl { .. }
            | Error::NoPresenceDetection { .. }
            | Error::InvalidStateMask { .. }
            | Error::InvalidDefaultFlow { .. }
            | Error::ProcessIdClash { .. }
            | Error::InvalidFault { .. } => HResult::E_INVALIDARG,
        }
    }
}

/// devtopo's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn part(local: u32) -> PartRef {
        PartRef {
            device: DeviceId::new("{2}.dev"),
            local_id: LocalId(local),
        }
    }

    #[test]
    fn messages_name_part_and_rule() {
        let e = Error::PermanentConnection {
            part: part(0x10003),
            peer: part(0x10000),
        };
        assert_eq!(e.hresult(), HResult::ERROR_FILE_READ_ONLY);
        let text = e.to_string();
        assert!(text.contains("0x00010003"), "{text}");
        assert!(text.contains("rule C6"), "{text}");
        let e = Error::IndexOutOfRange {
            what: IndexKind::Subunit,
            index: 0,
            count: 0,
            owner: Owner::Device(DeviceId::new("ep")),
        };
        assert_eq!(
            e.to_string(),
            "subunit index 0 is out of range for device `ep`, which has 0 (rule T4)"
        );
        let e = Error::NoLinks {
            part: part(1),
            direction: Direction::Outgoing,
        };
        assert!(e.to_string().contains("no outgoing links (rule P9)"));
    }

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + 'static>() {}
        check::<Error>();
    }
}
