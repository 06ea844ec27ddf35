//! [`Method`]: every COM method a handle serves, by its COM name (docs/methods.md).

use std::fmt;
use std::str::FromStr;

/// Declares the enum, its `ALL` table and the name lookups.
macro_rules! method_enum {
    ($( $variant:ident = $interface:literal, $name:literal; )+) => {
        /// A COM method that devtopo's handles serve, by its COM name: the unit that faults
        /// target and that the call record names. `Display` prints `IConnector::Disconnect`;
        /// `FromStr` reads the same.
        ///
        /// Every `IInterface::Method` row of the methods table (docs/methods.md) that devtopo
        /// serves has one variant, named `IInterface_Method`; the client-implemented callbacks
        /// (`IMMNotificationClient`, `IControlChangeNotify`) and `QueryInterface` have none.
        /// The four level interfaces (`IAudioVolumeLevel`, `IAudioBass`, `IAudioMidrange`,
        /// `IAudioTreble`) share the `IPerChannelDbLevel_*` methods, as their vtables do.
        ///
        /// ```
        /// use devtopo::Method;
        /// assert_eq!(Method::IConnector_Disconnect.to_string(), "IConnector::Disconnect");
        /// assert_eq!("IPart::Activate".parse::<Method>(), Ok(Method::IPart_Activate));
        /// assert_eq!(Method::IConnector_Disconnect.interface(), "IConnector");
        /// ```
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Method {
            $(
                #[doc = concat!("`", $interface, "::", $name, "`.")]
                $variant,
            )+
        }

        impl Method {
            /// Every method, in the order of the methods table.
            pub const ALL: &'static [Method] = &[$(Method::$variant,)+];

            /// The interface: `"IConnector"`.
            pub const fn interface(self) -> &'static str {
                match self { $(Method::$variant => $interface,)+ }
            }

            /// The method's name within its interface: `"Disconnect"`.
            pub const fn name(self) -> &'static str {
                match self { $(Method::$variant => $name,)+ }
            }
        }
    };
}

method_enum! {
    IMMDeviceEnumerator_EnumAudioEndpoints = "IMMDeviceEnumerator", "EnumAudioEndpoints";
    IMMDeviceEnumerator_GetDefaultAudioEndpoint = "IMMDeviceEnumerator", "GetDefaultAudioEndpoint";
    IMMDeviceEnumerator_GetDevice = "IMMDeviceEnumerator", "GetDevice";
    IMMDeviceEnumerator_RegisterEndpointNotificationCallback = "IMMDeviceEnumerator", "RegisterEndpointNotificationCallback";
    IMMDeviceEnumerator_UnregisterEndpointNotificationCallback = "IMMDeviceEnumerator", "UnregisterEndpointNotificationCallback";
    IMMDeviceCollection_GetCount = "IMMDeviceCollection", "GetCount";
    IMMDeviceCollection_Item = "IMMDeviceCollection", "Item";
    IMMDevice_Activate = "IMMDevice", "Activate";
    IMMDevice_OpenPropertyStore = "IMMDevice", "OpenPropertyStore";
    IMMDevice_GetId = "IMMDevice", "GetId";
    IMMDevice_GetState = "IMMDevice", "GetState";
    IMMEndpoint_GetDataFlow = "IMMEndpoint", "GetDataFlow";
    IPropertyStore_GetCount = "IPropertyStore", "GetCount";
    IPropertyStore_GetAt = "IPropertyStore", "GetAt";
    IPropertyStore_GetValue = "IPropertyStore", "GetValue";
    IPropertyStore_SetValue = "IPropertyStore", "SetValue";
    IPropertyStore_Commit = "IPropertyStore", "Commit";
    IKsControl_KsProperty = "IKsControl", "KsProperty";
    IKsControl_KsMethod = "IKsControl", "KsMethod";
    IKsControl_KsEvent = "IKsControl", "KsEvent";
    IDeviceTopology_GetConnectorCount = "IDeviceTopology", "GetConnectorCount";
    IDeviceTopology_GetConnector = "IDeviceTopology", "GetConnector";
    IDeviceTopology_GetSubunitCount = "IDeviceTopology", "GetSubunitCount";
    IDeviceTopology_GetSubunit = "IDeviceTopology", "GetSubunit";
    IDeviceTopology_GetPartById = "IDeviceTopology", "GetPartById";
    IDeviceTopology_GetDeviceId = "IDeviceTopology", "GetDeviceId";
    IDeviceTopology_GetSignalPath = "IDeviceTopology", "GetSignalPath";
    IConnector_GetType = "IConnector", "GetType";
    IConnector_GetDataFlow = "IConnector", "GetDataFlow";
    IConnector_ConnectTo = "IConnector", "ConnectTo";
    IConnector_Disconnect = "IConnector", "Disconnect";
    IConnector_IsConnected = "IConnector", "IsConnected";
    IConnector_GetConnectedTo = "IConnector", "GetConnectedTo";
    IConnector_GetConnectorIdConnectedTo = "IConnector", "GetConnectorIdConnectedTo";
    IConnector_GetDeviceIdConnectedTo = "IConnector", "GetDeviceIdConnectedTo";
    IPart_GetName = "IPart", "GetName";
    IPart_GetLocalId = "IPart", "GetLocalId";
    IPart_GetGlobalId = "IPart", "GetGlobalId";
    IPart_GetPartType = "IPart", "GetPartType";
    IPart_GetSubType = "IPart", "GetSubType";
    IPart_EnumPartsIncoming = "IPart", "EnumPartsIncoming";
    IPart_EnumPartsOutgoing = "IPart", "EnumPartsOutgoing";
    IPart_GetTopologyObject = "IPart", "GetTopologyObject";
    IPart_GetControlInterfaceCount = "IPart", "GetControlInterfaceCount";
    IPart_GetControlInterface = "IPart", "GetControlInterface";
    IPart_Activate = "IPart", "Activate";
    IPart_RegisterControlChangeCallback = "IPart", "RegisterControlChangeCallback";
    IPart_UnregisterControlChangeCallback = "IPart", "UnregisterControlChangeCallback";
    IPartsList_GetCount = "IPartsList", "GetCount";
    IPartsList_GetPart = "IPartsList", "GetPart";
    IControlInterface_GetName = "IControlInterface", "GetName";
    IControlInterface_GetIID = "IControlInterface", "GetIID";
    IPerChannelDbLevel_GetChannelCount = "IPerChannelDbLevel", "GetChannelCount";
    IPerChannelDbLevel_GetLevelRange = "IPerChannelDbLevel", "GetLevelRange";
    IPerChannelDbLevel_GetLevel = "IPerChannelDbLevel", "GetLevel";
    IPerChannelDbLevel_SetLevel = "IPerChannelDbLevel", "SetLevel";
    IPerChannelDbLevel_SetLevelUniform = "IPerChannelDbLevel", "SetLevelUniform";
    IPerChannelDbLevel_SetLevelAllChannels = "IPerChannelDbLevel", "SetLevelAllChannels";
    IAudioMute_GetMute = "IAudioMute", "GetMute";
    IAudioMute_SetMute = "IAudioMute", "SetMute";
    IAudioLoudness_GetEnabled = "IAudioLoudness", "GetEnabled";
    IAudioLoudness_SetEnabled = "IAudioLoudness", "SetEnabled";
    IAudioAutoGainControl_GetEnabled = "IAudioAutoGainControl", "GetEnabled";
    IAudioAutoGainControl_SetEnabled = "IAudioAutoGainControl", "SetEnabled";
    IAudioPeakMeter_GetChannelCount = "IAudioPeakMeter", "GetChannelCount";
    IAudioPeakMeter_GetLevel = "IAudioPeakMeter", "GetLevel";
    IAudioInputSelector_GetSelection = "IAudioInputSelector", "GetSelection";
    IAudioInputSelector_SetSelection = "IAudioInputSelector", "SetSelection";
    IAudioOutputSelector_GetSelection = "IAudioOutputSelector", "GetSelection";
    IAudioOutputSelector_SetSelection = "IAudioOutputSelector", "SetSelection";
    IAudioChannelConfig_GetChannelConfig = "IAudioChannelConfig", "GetChannelConfig";
    IAudioChannelConfig_SetChannelConfig = "IAudioChannelConfig", "SetChannelConfig";
    IDeviceSpecificProperty_GetType = "IDeviceSpecificProperty", "GetType";
    IDeviceSpecificProperty_GetValue = "IDeviceSpecificProperty", "GetValue";
    IDeviceSpecificProperty_SetValue = "IDeviceSpecificProperty", "SetValue";
    IDeviceSpecificProperty_Get4BRange = "IDeviceSpecificProperty", "Get4BRange";
    IKsFormatSupport_IsFormatSupported = "IKsFormatSupport", "IsFormatSupported";
    IKsFormatSupport_GetDevicePreferredFormat = "IKsFormatSupport", "GetDevicePreferredFormat";
    IKsJackDescription_GetJackCount = "IKsJackDescription", "GetJackCount";
    IKsJackDescription_GetJackDescription = "IKsJackDescription", "GetJackDescription";
    IKsJackDescription2_GetJackCount = "IKsJackDescription2", "GetJackCount";
    IKsJackDescription2_GetJackDescription2 = "IKsJackDescription2", "GetJackDescription2";
}

impl Method {
    /// The method named `Interface::Method` (exact spelling), if devtopo serves it.
    /// O(number of methods).
    pub fn from_com_name(text: &str) -> Option<Method> {
        let (interface, name) = text.trim().split_once("::")?;
        Method::ALL
            .iter()
            .copied()
            .find(|m| m.interface() == interface && m.name() == name)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::{}", self.interface(), self.name())
    }
}

/// Why a string is not a [`Method`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a COM method devtopo serves (write `IInterface::Method`, as `IConnector::Disconnect`)"
)]
pub struct ParseMethodError {
    /// The text given.
    pub text: String,
}

impl FromStr for Method {
    type Err = ParseMethodError;

    fn from_str(text: &str) -> Result<Method, ParseMethodError> {
        Method::from_com_name(text).ok_or_else(|| ParseMethodError {
            text: text.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Method;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &m in Method::ALL {
            assert_eq!(m.to_string().parse::<Method>(), Ok(m));
            assert!(seen.insert(m.to_string()), "{m} twice");
        }
    }
}
