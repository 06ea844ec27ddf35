//! [`DeviceSpecificProperty`]: `IDeviceSpecificProperty` (K13, K14, X33).

use super::control_handle;
use crate::controls::{ControlSpec, DeviceSpecificSpec, FourByteRange, PropertyValue, VarType};
use crate::engine::Change;
use crate::error::{Error, Result};
use crate::guid::Guid;
use crate::instrument::{Arg, ArgValue, Hook, Method, no_args};

control_handle! {
    /// `IDeviceSpecificProperty` (K13, X33): a `VT_I4`, `VT_UI4` or `VT_BOOL` value, 4 bytes
    /// each (a `VT_BOOL` travels as a 4-byte `BOOL`).
    ///
    /// ```
    /// use devtopo::*;
    /// # let mut b = SystemBuilder::new();
    /// # let d = b.add_device(DeviceSpec::new("{2}.x", "x", DeviceKind::Adapter))?;
    /// # let p = b.add_subunit(d, SubunitSpec::new("Gain", guids::KSNODETYPE_DEV_SPECIFIC)
    /// #     .control(ControlSpec::DeviceSpecificProperty(DeviceSpecificSpec {
    /// #         value: PropertyValue::I4(3),
    /// #         range: Some(FourByteRange { min: 0, max: 10, step: 1 }),
    /// #         read_only: false })))?;
    /// # let system = b.build()?;
    /// # let part = system.part(p)?;
    /// let prop = part.activate(CLSCTX_ALL, guids::IID_IDeviceSpecificProperty)?
    ///     .into_device_specific_property().expect("asked for it");
    /// // The size query of GetValue: no buffer gives ERROR_INSUFFICIENT_BUFFER (K13).
    /// assert_eq!(prop.value(None).unwrap_err().hresult(), HResult::ERROR_INSUFFICIENT_BUFFER);
    /// let mut buf = [0u8; 4];
    /// assert_eq!(prop.value(Some(&mut buf))?, 4);
    /// assert_eq!(i32::from_le_bytes(buf), 3);
    /// prop.set_value(&7i32.to_le_bytes(), None)?;
    /// assert_eq!(prop.typed_value()?, PropertyValue::I4(7));
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    DeviceSpecificProperty
}

impl DeviceSpecificProperty {
    fn spec(&self) -> Result<DeviceSpecificSpec> {
        self.0.state(|s| match s {
            ControlSpec::DeviceSpecificProperty(d) => Some(*d),
            _ => None,
        })
    }

    /// Runs `f` on the property's state under one read lock (each call is atomic, X35).
    fn read_spec<T>(
        &self,
        f: impl FnOnce(&crate::engine::Engine, &DeviceSpecificSpec) -> Result<T>,
    ) -> Result<T> {
        self.0.read(|engine, spec| match spec {
            ControlSpec::DeviceSpecificProperty(d) => f(engine, d),
            _ => Err(self.0.wrong_kind(engine)),
        })
    }

    /// `IDeviceSpecificProperty::GetType` (K13): the `VARTYPE`.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn var_type(&self) -> Result<VarType> {
        self.0
            .call(Method::IDeviceSpecificProperty_GetType, no_args, || {
                Ok(self.spec()?.value.var_type())
            })
    }

    /// `IDeviceSpecificProperty::GetValue` (K13): writes the value into `buffer` and returns
    /// the number of bytes written (4). `None` stands for a NULL `pv`: every type devtopo
    /// supports has a fixed size, so that is `ERROR_INSUFFICIENT_BUFFER` like a buffer that
    /// is too small; the error carries the size needed and the buffer is left untouched.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] (`ERROR_INSUFFICIENT_BUFFER`); [`Error::DeviceRemoved`].
    pub fn value(&self, buffer: Option<&mut [u8]>) -> Result<u32> {
        let capacity = buffer.as_ref().map(|b| b.len());
        self.0.call(
            Method::IDeviceSpecificProperty_GetValue,
            |_| vec![Arg::new("buffer", ArgValue::from_len(capacity))],
            || {
                self.read_spec(|engine, spec| {
                    let bytes = spec.value.to_bytes();
                    match buffer {
                        Some(buf) if buf.len() >= bytes.len() => {
                            buf[..bytes.len()].copy_from_slice(&bytes);
                            Ok(bytes.len() as u32)
                        }
                        other => Err(Error::BufferTooSmall {
                            part: engine.part_ref(self.0.part.key.node),
                            needed: bytes.len() as u32,
                            given: other.map_or(0, |b| b.len()) as u32,
                        }),
                    }
                })
            },
        )
    }

    /// The value, typed: `GetType` and `GetValue` in one call. Not a COM method.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn typed_value(&self) -> Result<PropertyValue> {
        Ok(self.spec()?.value)
    }

    /// `IDeviceSpecificProperty::SetValue` (K13, X33, N5): exactly 4 bytes, little-endian
    /// (use [`PropertyValue::to_bytes`]).
    ///
    /// # Errors
    /// [`Error::WrongValueSize`] (`E_INVALIDARG`); [`Error::ReadOnlyProperty`]
    /// (`ERROR_FILE_READ_ONLY`, X33); [`Error::PropertyOutOfRange`] (`E_INVALIDARG`, X33);
    /// [`Error::DeviceRemoved`].
    pub fn set_value(&self, value: &[u8], context: Option<Guid>) -> Result<()> {
        self.0.call(
            Method::IDeviceSpecificProperty_SetValue,
            |_| {
                vec![
                    Arg::new("value", ArgValue::Bytes(value.len())),
                    Arg::new("context", context),
                ]
            },
            || self.0.change(Change::Value(value), context),
        )
    }

    /// `IDeviceSpecificProperty::Get4BRange` (K13): the range of a `VT_I4` or `VT_UI4`
    /// property; without a range in its spec, the whole range of the type with step 1 (X33).
    ///
    /// # Errors
    /// [`Error::NotFourByteProperty`] (`ERROR_NOT_SUPPORTED`) for `VT_BOOL`;
    /// [`Error::DeviceRemoved`].
    pub fn four_byte_range(&self) -> Result<FourByteRange> {
        self.0
            .call(Method::IDeviceSpecificProperty_Get4BRange, no_args, || {
                self.read_spec(|engine, spec| {
                    let full = match spec.value {
                        PropertyValue::I4(_) => FourByteRange {
                            min: i32::MIN,
                            max: i32::MAX,
                            step: 1,
                        },
                        PropertyValue::Ui4(_) => FourByteRange {
                            min: 0,
                            max: u32::MAX as i32,
                            step: 1,
                        },
                        PropertyValue::Bool(_) => {
                            return Err(Error::NotFourByteProperty {
                                part: engine.part_ref(self.0.part.key.node),
                                var_type: VarType::Bool,
                            });
                        }
                    };
                    Ok(spec.range.unwrap_or(full))
                })
            })
    }
}
