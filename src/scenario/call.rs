//! The methods a scenario step can call, and what each returns.

use super::control_call::{CtlCall, Target};

/// Declares a call enum and its `ALL` table of (call, name in scenario files). A variant is
/// named as it is spelt unless `= "Interface::Name"` follows it; variants after `;` carry a
/// value and are not in `ALL`.
macro_rules! call_enum {
    (@name $variant:ident $name:literal) => { $name };
    (@name $variant:ident) => { stringify!($variant) };
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $( $variant:ident $(= $name:literal)? ),+ $(,)?
            $(; $( $(#[$xmeta:meta])* $extra:ident($inner:ty) ),+ $(,)? )?
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $( $variant, )+
            $($( $(#[$xmeta])* $extra($inner), )+)?
        }

        impl $ty {
            /// Every call without a value, with its name in scenario files.
            pub(crate) const ALL: &'static [($ty, &'static str)] = &[
                $( ($ty::$variant, call_enum!(@name $variant $($name)?)), )+
            ];
        }
    };
}

pub(crate) use call_enum;

call_enum! {
    /// The methods a step can call.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Call {
        GetName,
        GetLocalId,
        GetGlobalId,
        GetPartType,
        GetSubType,
        EnumPartsIncoming,
        EnumPartsOutgoing,
        GetTopologyObject,
        GetType,
        GetDataFlow,
        ConnectTo,
        Disconnect,
        IsConnected,
        GetConnectedTo,
        GetConnectorIdConnectedTo,
        GetDeviceIdConnectedTo,
        GetConnectorCount,
        GetConnector,
        GetSubunitCount,
        GetSubunit,
        GetPartById,
        GetDeviceId,
        GetSignalPath,
        GetState,
        SetState,
        RemoveDevice;
        /// A control, hardware or enumeration call (module `control_call`).
        Control(CtlCall),
    }
}

/// What kind of value a call returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Returns {
    Nothing,
    Text,
    LocalId,
    PartType,
    ConnectorType,
    DataFlow,
    DeviceState,
    Guid,
    Bool,
    Count,
    Part,
    Parts,
    DeviceId,
    /// A control call's value, as JSON (module `control_call`).
    Json,
}

impl Call {
    /// Accepts `Disconnect` and `IConnector::Disconnect`; a control call's qualified name
    /// (`IDeviceSpecificProperty::GetType`) wins over the bare one.
    pub(crate) fn parse(text: &str) -> Option<Call> {
        let qualified = CtlCall::ALL
            .iter()
            .find(|(_, name)| name.contains("::") && *name == text.trim())
            .map(|(c, _)| Call::Control(*c));
        let bare = text.rsplit("::").next().unwrap_or(text).trim();
        qualified
            .or_else(|| {
                Call::ALL
                    .iter()
                    .find(|(_, name)| *name == bare)
                    .map(|(call, _)| *call)
            })
            .or_else(|| CtlCall::parse(text).map(Call::Control))
    }

    /// Every call name, for messages.
    pub(crate) fn names() -> Vec<&'static str> {
        Call::ALL
            .iter()
            .map(|(_, n)| *n)
            .chain(CtlCall::ALL.iter().map(|(_, n)| *n))
            .collect()
    }

    pub(crate) fn name(self) -> &'static str {
        if let Call::Control(c) = self {
            return c.name();
        }
        Call::ALL
            .iter()
            .find(|(call, _)| *call == self)
            .map_or("?", |(_, name)| name)
    }

    pub(crate) fn returns(self) -> Returns {
        match self {
            Call::GetName | Call::GetGlobalId | Call::GetConnectorIdConnectedTo => Returns::Text,
            Call::GetLocalId => Returns::LocalId,
            Call::GetPartType => Returns::PartType,
            Call::GetSubType => Returns::Guid,
            Call::EnumPartsIncoming | Call::EnumPartsOutgoing | Call::GetSignalPath => {
                Returns::Parts
            }
            Call::GetTopologyObject | Call::GetDeviceIdConnectedTo | Call::GetDeviceId => {
                Returns::DeviceId
            }
            Call::GetType => Returns::ConnectorType,
            Call::GetDataFlow => Returns::DataFlow,
            Call::IsConnected => Returns::Bool,
            Call::GetConnectedTo | Call::GetConnector | Call::GetSubunit | Call::GetPartById => {
                Returns::Part
            }
            Call::GetConnectorCount | Call::GetSubunitCount => Returns::Count,
            Call::GetState => Returns::DeviceState,
            Call::ConnectTo | Call::Disconnect | Call::SetState | Call::RemoveDevice => {
                Returns::Nothing
            }
            Call::Control(c) if c.returns_nothing() => Returns::Nothing,
            Call::Control(_) => Returns::Json,
        }
    }

    /// True for methods called on a part (IPart, IConnector); false for device methods.
    pub(crate) fn on_part(self) -> bool {
        if let Call::Control(c) = self {
            return c.target() == Target::Part;
        }
        matches!(
            self,
            Call::GetName
                | Call::GetLocalId
                | Call::GetGlobalId
                | Call::GetPartType
                | Call::GetSubType
                | Call::EnumPartsIncoming
                | Call::EnumPartsOutgoing
                | Call::GetTopologyObject
                | Call::GetType
                | Call::GetDataFlow
                | Call::ConnectTo
                | Call::Disconnect
                | Call::IsConnected
                | Call::GetConnectedTo
                | Call::GetConnectorIdConnectedTo
                | Call::GetDeviceIdConnectedTo
        )
    }
}

impl Call {
    /// True for calls made on the whole system (endpoint enumeration) or on a scenario sink
    /// (`Notifications`): no part, no device.
    pub(crate) fn on_system(self) -> bool {
        matches!(self, Call::Control(c) if matches!(c.target(), Target::System | Target::Sink))
    }
}
