//! Connector controls: [`KsFormatSupport`] (K15), [`KsJackDescription`] (K16) and
//! [`KsJackDescription2`] (K17).

use super::control_handle;
use crate::controls::{ControlSpec, JackDescription, JackDescription2, KsDataFormat};
use crate::error::{IndexKind, Result};
use crate::instrument::{Arg, Hook, Method, no_args};

control_handle! {
    /// `IKsFormatSupport` (K15), on `Software_IO` connectors.
    KsFormatSupport
}

impl KsFormatSupport {
    /// `IKsFormatSupport::IsFormatSupported` (K15): true exactly for a listed format.
    ///
    /// # Errors
    /// [`Error::InvalidFormat`](crate::Error::InvalidFormat) (`E_INVALIDARG`) for an invalid
    /// specifier; [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn is_format_supported(&self, format: &KsDataFormat) -> Result<bool> {
        self.0
            .call(Method::IKsFormatSupport_IsFormatSupported, no_args, || {
                self.0
                    .part
                    .shared
                    .read()
                    .is_format_supported(self.0.part.key, format)
            })
    }

    /// `IKsFormatSupport::GetDevicePreferredFormat` (K15).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn device_preferred_format(&self) -> Result<KsDataFormat> {
        self.0.call(
            Method::IKsFormatSupport_GetDevicePreferredFormat,
            no_args,
            || {
                self.0.state(|s| match s {
                    ControlSpec::FormatSupport(f) => Some(f.preferred),
                    _ => None,
                })
            },
        )
    }
}

control_handle! {
    /// `IKsJackDescription` (K16): the jacks of a connector.
    KsJackDescription
}

impl KsJackDescription {
    /// `IKsJackDescription::GetJackCount` (K16); may be 0.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn jack_count(&self) -> Result<u32> {
        self.0
            .call(Method::IKsJackDescription_GetJackCount, no_args, || {
                self.0.state(|s| match s {
                    ControlSpec::JackDescription(j) => Some(j.len() as u32),
                    _ => None,
                })
            })
    }

    /// `IKsJackDescription::GetJackDescription` (K16): every `KSJACK_DESCRIPTION` field.
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`](crate::Error::IndexOutOfRange) (`E_INVALIDARG`);
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn jack_description(&self, jack: u32) -> Result<JackDescription> {
        self.0.call(
            Method::IKsJackDescription_GetJackDescription,
            |_| vec![Arg::new("jack", jack)],
            || {
                self.0.read(|engine, spec| {
                    let ControlSpec::JackDescription(jacks) = spec else {
                        return Err(self.0.wrong_kind(engine));
                    };
                    let i =
                        engine.check_index(self.0.part.key, IndexKind::Jack, jack, jacks.len())?;
                    Ok(jacks[i])
                })
            },
        )
    }
}

control_handle! {
    /// `IKsJackDescription2` (K17, X16): present only with `IKsJackDescription`, with the same
    /// jack count.
    KsJackDescription2
}

impl KsJackDescription2 {
    /// `IKsJackDescription2::GetJackCount` (K17).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved) (X26).
    pub fn jack_count(&self) -> Result<u32> {
        self.0
            .call(Method::IKsJackDescription2_GetJackCount, no_args, || {
                self.0.state(|s| match s {
                    ControlSpec::JackDescription2(j) => Some(j.len() as u32),
                    _ => None,
                })
            })
    }

    /// `IKsJackDescription2::GetJackDescription2` (K17).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`](crate::Error::IndexOutOfRange) (`E_INVALIDARG`);
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn jack_description2(&self, jack: u32) -> Result<JackDescription2> {
        self.0.call(
            Method::IKsJackDescription2_GetJackDescription2,
            |_| vec![Arg::new("jack", jack)],
            || {
                self.0.read(|engine, spec| {
                    let ControlSpec::JackDescription2(jacks) = spec else {
                        return Err(self.0.wrong_kind(engine));
                    };
                    let i =
                        engine.check_index(self.0.part.key, IndexKind::Jack, jack, jacks.len())?;
                    Ok(jacks[i])
                })
            },
        )
    }
}
