//! The values an [`Error`](super::Error) carries to name what went wrong: parts, index kinds,
//! owners, link and endpoint problems. Each displays in devtopo's words.

use std::fmt;

use super::DeviceId;
use crate::types::LocalId;

/// Names one part in an error: the device ID and the part's local ID.
///
/// `Copy`: the device ID is interned ([`DeviceId`]), so making, moving and dropping a
/// `PartRef` on an error path costs no allocation, no reference count; text is only built
/// when the error is displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartRef {
    /// The ID of the device that owns the part.
    pub device: DeviceId,
    /// The part's local ID.
    pub local_id: LocalId,
}

impl fmt::Display for PartRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "part {} of device `{}`", self.local_id, self.device)
    }
}

/// What an index counts, in [`Error::IndexOutOfRange`](super::Error::IndexOutOfRange).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexKind {
    /// `IDeviceTopology::GetConnector` (rule T2).
    Connector,
    /// `IDeviceTopology::GetSubunit` (rule T4).
    Subunit,
    /// `IPartsList::GetPart` (rule L2).
    PartsListEntry,
    /// `IPart::GetControlInterface` (rule P7).
    ControlInterface,
    /// A channel of a per-channel control (rules K2, K8).
    Channel,
    /// A jack of a jack description (rules K16, K17).
    Jack,
}

impl IndexKind {
    pub(crate) fn describe(self) -> (&'static str, &'static str) {
        match self {
            IndexKind::Connector => ("connector", "T2"),
            IndexKind::Subunit => ("subunit", "T4"),
            IndexKind::PartsListEntry => ("parts-list entry", "L2"),
            IndexKind::ControlInterface => ("control interface", "P7"),
            IndexKind::Channel => ("channel", "K2"),
            IndexKind::Jack => ("jack", "K16"),
        }
    }
}

/// Where an index was looked up, in [`Error::IndexOutOfRange`](super::Error::IndexOutOfRange).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A device topology, by device ID.
    Device(DeviceId),
    /// A part.
    Part(PartRef),
    /// A parts list.
    PartsList,
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Device(device) => write!(f, "device `{device}`"),
            Owner::Part(part) => part.fmt(f),
            Owner::PartsList => f.write_str("the parts list"),
        }
    }
}

/// Why a link was refused, in [`Error::InvalidLink`](super::Error::InvalidLink).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkProblem {
    /// A part linked to itself.
    SelfLink,
    /// The two parts are already linked in this direction.
    Duplicate,
    /// The link would close a cycle.
    Cycle,
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkProblem::SelfLink => "a part cannot link to itself",
            LinkProblem::Duplicate => "the parts are already linked",
            LinkProblem::Cycle => "the link would close a cycle",
        })
    }
}

/// What is wrong with an endpoint's shape, in [`Error::EndpointShape`](super::Error::EndpointShape).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndpointProblem {
    /// It has this many connectors.
    Connectors(usize),
    /// A subunit was added.
    Subunit,
}

impl fmt::Display for EndpointProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointProblem::Connectors(n) => write!(f, "it has {n} connectors"),
            EndpointProblem::Subunit => f.write_str("a subunit was added to it"),
        }
    }
}
