//! Enums and small value types of the API (spec section E), with Windows' values and names.

use std::fmt;
use std::str::FromStr;

/// Declares a fieldless enum whose variants carry Windows' own names and values, with
/// `ALL`, `name()`, `value()`, `from_value()`, `Display` and `FromStr` (which also accepts the
/// older spellings listed after `|`).
macro_rules! windows_enum {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident : $repr:ty {
            $( $(#[$doc:meta])* $variant:ident = $value:expr, $name:literal $(| $alias:literal)* ; )*
        }
    ) => {
        $(#[$meta])*
        pub enum $ty {
            $( $(#[$doc])* $variant, )*
        }

        impl $ty {
            /// Every value, in the order of the Windows header.
            pub const ALL: &'static [$ty] = &[ $( $ty::$variant, )* ];

            /// Windows' name of the value (as in the SDK header).
            pub const fn name(self) -> &'static str {
                match self { $( $ty::$variant => $name, )* }
            }

            /// The numeric value in the Windows header.
            pub const fn value(self) -> $repr {
                match self { $( $ty::$variant => $value, )* }
            }

            /// The value with this numeric value in the Windows header.
            pub fn from_value(value: $repr) -> Option<$ty> {
                match value { $( v if v == $value => Some($ty::$variant), )* _ => None }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl FromStr for $ty {
            type Err = ParseEnumError;

            /// Accepts Windows' name (and the older spellings the header kept).
            fn from_str(text: &str) -> Result<$ty, ParseEnumError> {
                match text.trim() {
                    $( $name $(| $alias)* => Ok($ty::$variant), )*
                    _ => Err(ParseEnumError {
                        type_name: stringify!($ty),
                        text: text.to_owned(),
                        expected: &[ $( $name, )* ],
                    }),
                }
            }
        }
    };
}

pub(crate) use windows_enum;

/// A name that is not one of an enum's Windows names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not {} {type_name}; expected one of {}",
    article(type_name),
    expected.join(", ")
)]
pub struct ParseEnumError {
    pub(crate) type_name: &'static str,
    pub(crate) text: String,
    pub(crate) expected: &'static [&'static str],
}

/// `an` before a vowel (`an EDataFlow`), else `a`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

windows_enum! {
    /// `DataFlow` (E1): the direction of data through a connector, seen from its device.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum DataFlow: u32 {
        /// The stream enters the device through the connector.
        In = 0, "In";
        /// The stream leaves the device through the connector.
        Out = 1, "Out";
    }
}

impl DataFlow {
    /// The other direction.
    pub const fn opposite(self) -> DataFlow {
        match self {
            DataFlow::In => DataFlow::Out,
            DataFlow::Out => DataFlow::In,
        }
    }
}

windows_enum! {
    /// `ConnectorType` (E3).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ConnectorType: u32 {
        /// `Unknown_Connector`: the type is not known.
        UnknownConnector = 0, "Unknown_Connector";
        /// `Physical_Internal`: a physical link to something inside the chassis.
        PhysicalInternal = 1, "Physical_Internal";
        /// `Physical_External`: a physical link through a jack the user can reach.
        PhysicalExternal = 2, "Physical_External";
        /// `Software_IO`: software-configured I/O (DMA); nothing lies beyond it (D12).
        SoftwareIo = 3, "Software_IO";
        /// `Software_Fixed`: a permanent connection software cannot reconfigure (D15).
        SoftwareFixed = 4, "Software_Fixed";
        /// `Network`: a connection to a network; no device topology on the other side.
        Network = 5, "Network";
    }
}

impl ConnectorType {
    /// True for the types whose far end lies outside every device topology
    /// (`Software_IO`, `Network`; rules C9 and D12).
    pub const fn is_topology_edge(self) -> bool {
        matches!(self, ConnectorType::SoftwareIo | ConnectorType::Network)
    }
}

windows_enum! {
    /// `PartType` (E2).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PartType: u32 {
        /// A connector (a KS pin).
        Connector = 0, "Connector";
        /// A subunit (a KS node).
        Subunit = 1, "Subunit";
    }
}

windows_enum! {
    /// A device state (E5, D6): the `DEVICE_STATE_*` values.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum DeviceState: u32 {
        /// `DEVICE_STATE_ACTIVE` (0x1).
        Active = 0x1, "DEVICE_STATE_ACTIVE" | "ACTIVE" | "Active";
        /// `DEVICE_STATE_DISABLED` (0x2).
        Disabled = 0x2, "DEVICE_STATE_DISABLED" | "DISABLED" | "Disabled";
        /// `DEVICE_STATE_NOTPRESENT` (0x4).
        NotPresent = 0x4, "DEVICE_STATE_NOTPRESENT" | "NOTPRESENT" | "NotPresent";
        /// `DEVICE_STATE_UNPLUGGED` (0x8).
        Unplugged = 0x8, "DEVICE_STATE_UNPLUGGED" | "UNPLUGGED" | "Unplugged";
    }
}

impl DeviceState {
    /// `DEVICE_STATEMASK_ALL` (0xF).
    pub const MASK_ALL: u32 = 0xF;
}

windows_enum! {
    /// `EDataFlow` (E4, mmdeviceapi.h): which endpoints `EnumAudioEndpoints` lists (D7).
    /// Not the same enum as [`DataFlow`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EDataFlow: u32 {
        /// `eRender`: render endpoints.
        Render = 0, "eRender";
        /// `eCapture`: capture endpoints.
        Capture = 1, "eCapture";
        /// `eAll`: both.
        All = 2, "eAll";
    }
}

impl EDataFlow {
    /// True when an endpoint of this kind is listed for this flow.
    pub const fn matches(self, kind: DeviceKind) -> bool {
        matches!(
            (self, kind),
            (EDataFlow::Render, DeviceKind::RenderEndpoint)
                | (EDataFlow::Capture, DeviceKind::CaptureEndpoint)
                | (
                    EDataFlow::All,
                    DeviceKind::RenderEndpoint | DeviceKind::CaptureEndpoint
                )
        )
    }
}

windows_enum! {
    /// `ERole` (mmdeviceapi.h): the role argument of `GetDefaultAudioEndpoint` (D9).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ERole: u32 {
        /// `eConsole`.
        Console = 0, "eConsole";
        /// `eMultimedia`.
        Multimedia = 1, "eMultimedia";
        /// `eCommunications`.
        Communications = 2, "eCommunications";
    }
}

windows_enum! {
    /// What kind of device a topology describes (D1).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum DeviceKind: u32 {
        /// A render endpoint (`eRender`): its one connector flows `In` (D3).
        RenderEndpoint = 0, "render" | "eRender";
        /// A capture endpoint (`eCapture`): its one connector flows `Out` (D3).
        CaptureEndpoint = 1, "capture" | "eCapture";
        /// An adapter device: one KS filter of an audio driver.
        Adapter = 2, "adapter";
    }
}

impl DeviceKind {
    /// True for the two endpoint kinds.
    pub const fn is_endpoint(self) -> bool {
        !matches!(self, DeviceKind::Adapter)
    }

    /// The data flow an endpoint's connector must have (D3); `None` for adapters.
    pub const fn endpoint_flow(self) -> Option<DataFlow> {
        match self {
            DeviceKind::RenderEndpoint => Some(DataFlow::In),
            DeviceKind::CaptureEndpoint => Some(DataFlow::Out),
            DeviceKind::Adapter => None,
        }
    }
}

/// Whether a connection can be broken by `Disconnect` (D15, C6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Permanence {
    /// An ordinary connection: `Disconnect` breaks it.
    #[default]
    Transient,
    /// A permanent `Software_Fixed` connection: `Disconnect` gives `ERROR_FILE_READ_ONLY`.
    Permanent,
}

/// The `bRejectMixedPaths` argument of `GetSignalPath` (T10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MixedPaths {
    /// `FALSE`: any path will do.
    #[default]
    Allow,
    /// `TRUE`: ignore every path that contains a mixer (X13 says what a mixer is).
    Reject,
}

/// The direction of a link walk (`EnumPartsIncoming` or `EnumPartsOutgoing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Against the signal: the parts linked into a part.
    Incoming,
    /// With the signal: the parts a part links to.
    Outgoing,
}

/// A part's local ID (I1-I4): unique among the parts of one device topology.
///
/// devtopo follows the form seen on real systems (I3): connectors `0x0001_xxxx`, subunits
/// `0x0002_xxxx` (X9), the KS pin or node ID in the low 16 bits (I2).
///
/// ```
/// use devtopo::LocalId;
/// assert_eq!(LocalId::connector(1), LocalId(0x10001));
/// assert_eq!(LocalId::subunit(6).to_string(), "0x00020006");
/// assert_eq!(LocalId(0x20006).ks_id(), 6);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct LocalId(pub u32);

impl LocalId {
    /// The local ID of the connector for KS pin `pin`: `0x0001_0000 | pin`.
    pub const fn connector(pin: u16) -> LocalId {
        LocalId(0x0001_0000 | pin as u32)
    }

    /// The local ID of the subunit for KS node `node`: `0x0002_0000 | node` (X9).
    pub const fn subunit(node: u16) -> LocalId {
        LocalId(0x0002_0000 | node as u32)
    }

    /// The KS pin or node ID: the low 16 bits (I2).
    pub const fn ks_id(self) -> u16 {
        (self.0 & 0xFFFF) as u16
    }

    /// Parses `0x10001` (hex) or `65537` (decimal).
    pub fn parse(text: &str) -> Option<LocalId> {
        let text = text.trim();
        match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok().map(LocalId),
            None => text.parse().ok().map(LocalId),
        }
    }
}

impl fmt::Display for LocalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#010x}", self.0)
    }
}

impl fmt::Debug for LocalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LocalId({self})")
    }
}

impl From<u32> for LocalId {
    fn from(value: u32) -> LocalId {
        LocalId(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// E1, E2, E3, E5: Windows values and names.
    #[test]
    fn e_enum_values() {
        assert_eq!(DataFlow::In.value(), 0);
        assert_eq!(DataFlow::Out.value(), 1);
        assert_eq!(PartType::Connector.value(), 0);
        assert_eq!(PartType::Subunit.value(), 1);
        let types: Vec<(u32, &str)> = ConnectorType::ALL
            .iter()
            .map(|t| (t.value(), t.name()))
            .collect();
        assert_eq!(
            types,
            [
                (0, "Unknown_Connector"),
                (1, "Physical_Internal"),
                (2, "Physical_External"),
                (3, "Software_IO"),
                (4, "Software_Fixed"),
                (5, "Network")
            ]
        );
        let states: Vec<u32> = DeviceState::ALL.iter().map(|s| s.value()).collect();
        assert_eq!(states, [1, 2, 4, 8]);
        assert_eq!(DeviceState::MASK_ALL, 0xF);
        for t in ConnectorType::ALL {
            assert_eq!(t.name().parse::<ConnectorType>(), Ok(*t));
            assert_eq!(ConnectorType::from_value(t.value()), Some(*t));
        }
        assert_eq!("ACTIVE".parse::<DeviceState>(), Ok(DeviceState::Active));
        let err = "Sideways".parse::<DataFlow>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("`Sideways` is not a DataFlow; expected one of In, Out")
        );
    }

    /// D3: render endpoints flow In, capture endpoints Out.
    #[test]
    fn d3_endpoint_flows() {
        assert_eq!(
            DeviceKind::RenderEndpoint.endpoint_flow(),
            Some(DataFlow::In)
        );
        assert_eq!(
            DeviceKind::CaptureEndpoint.endpoint_flow(),
            Some(DataFlow::Out)
        );
        assert_eq!(DeviceKind::Adapter.endpoint_flow(), None);
    }

    /// I2, I3, X9: local ID forms.
    #[test]
    fn i2_i3_x9_local_ids() {
        assert_eq!(LocalId::connector(0), LocalId(0x10000));
        assert_eq!(LocalId::subunit(3), LocalId(0x20003));
        assert_eq!(LocalId(0x10001).ks_id(), 1);
        assert_eq!(LocalId::parse("0x20006"), Some(LocalId(0x20006)));
        assert_eq!(LocalId::parse("65536"), Some(LocalId(0x10000)));
        assert_eq!(LocalId::parse("zz"), None);
    }
}
