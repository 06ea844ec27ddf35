//! [`Part`] (`IPart`) and [`Subunit`] (`ISubunit`): rules P1-P11, P16, G6.

use std::sync::Arc;

use super::control::{Control, ControlHandle, ControlInterface};
use super::{Connector, DeviceTopology, PartsList, identity_handle};
use crate::controls::ControlChangeNotify;
use crate::engine::{DeviceKey, PartKey};
use crate::error::{Error, Result};
use crate::guid::Guid;
use crate::instrument::{Arg, Hook, Method, Site, no_args};
use crate::system::Shared;
use crate::types::{Direction, LocalId, PartType};

/// A part of a device topology, connector or subunit: `IPart`.
///
/// Querying for `IConnector` or `ISubunit` is [`Part::as_connector`] / [`Part::as_subunit`],
/// which fail with `E_NOINTERFACE` on the other kind (G6).
///
/// Handles compare and hash by identity (system + part), never by mutable state, so they are
/// sound keys for `HashSet`/`HashMap`; clippy's `mutable_key_type` lint cannot see that
/// through the shared lock and may need an `#[allow]` at such a use.
#[derive(Clone)]
pub struct Part {
    pub(crate) shared: Arc<Shared>,
    pub(crate) key: PartKey,
}

impl Part {
    pub(crate) fn new(shared: Arc<Shared>, key: PartKey) -> Part {
        Part { shared, key }
    }

    /// `IPart::GetName` (rule P1); may be empty (I13).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn name(&self) -> Result<String> {
        self.call(Method::IPart_GetName, no_args, || {
            // `str::to_owned`, one allocation and a copy: `Box<str>::to_string` goes through the
            // formatting machinery (a fifth of a client walk's instructions, issue 11).
            Ok(self.shared.read().part(self.key)?.name.as_str().to_owned())
        })
    }

    /// `IPart::GetLocalId` (rule P2, I1-I4).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn local_id(&self) -> Result<LocalId> {
        self.call(Method::IPart_GetLocalId, no_args, || {
            Ok(self.shared.read().part(self.key)?.local_id)
        })
    }

    /// `IPart::GetGlobalId` (rule P3, I5): unique across the system; opaque. devtopo's format
    /// (X10) is `<device ID>/<local ID as 8 hex digits>`, stable across a reload of the same
    /// model. Do not parse it.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn global_id(&self) -> Result<String> {
        self.call(Method::IPart_GetGlobalId, no_args, || {
            let engine = self.shared.read();
            let part = engine.part(self.key)?;
            Ok(global_id(&engine.device_id(part.device), part.local_id))
        })
    }

    /// `IPart::GetPartType` (rule P4).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn part_type(&self) -> Result<PartType> {
        self.call(Method::IPart_GetPartType, no_args, || {
            Ok(self.shared.read().part(self.key)?.part_type())
        })
    }

    /// `IPart::GetSubType` (rule P5): the pin category of a connector, the node type of a
    /// subunit.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn subtype(&self) -> Result<Guid> {
        self.call(Method::IPart_GetSubType, no_args, || {
            let engine = self.shared.read();
            Ok(engine.subtype(engine.part(self.key)?))
        })
    }

    /// `IPart::EnumPartsIncoming` (rule P8): the parts linked directly into this one, in the
    /// order the links were made (X12). The list is a snapshot. Never empty (L3).
    ///
    /// # Errors
    /// [`Error::NoLinks`] (`E_NOTFOUND`) when no link enters the part; [`Error::DeviceRemoved`].
    pub fn parts_incoming(&self) -> Result<PartsList> {
        self.call(Method::IPart_EnumPartsIncoming, no_args, || {
            self.linked(Direction::Incoming)
        })
    }

    /// `IPart::EnumPartsOutgoing` (rule P9): the parts this one links to directly, in link
    /// order (X12). A snapshot; never empty (L3).
    ///
    /// # Errors
    /// [`Error::NoLinks`] (`E_NOTFOUND`) when no link leaves the part; [`Error::DeviceRemoved`].
    pub fn parts_outgoing(&self) -> Result<PartsList> {
        self.call(Method::IPart_EnumPartsOutgoing, no_args, || {
            self.linked(Direction::Outgoing)
        })
    }

    fn linked(&self, direction: Direction) -> Result<PartsList> {
        let engine = self.shared.read();
        engine.part(self.key)?;
        let keys = engine.linked_keys(self.key.node, direction);
        if keys.is_empty() {
            return Err(Error::NoLinks {
                part: engine.part_ref(self.key.node),
                direction,
            });
        }
        Ok(PartsList::new(self.shared.clone(), keys))
    }

    /// `IPart::GetTopologyObject` (rule P11): the topology that owns this part.
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn topology(&self) -> Result<DeviceTopology> {
        self.call(Method::IPart_GetTopologyObject, no_args, || {
            let engine = self.shared.read();
            let part = engine.part(self.key)?;
            let key: DeviceKey = engine.device_key(part.device);
            Ok(DeviceTopology::new(self.shared.clone(), key))
        })
    }

    /// `QueryInterface(IID_IConnector)` (rule G6).
    ///
    /// Answers from the part's type, fixed when the part was made ([`PartKey::part_type`]),
    /// so the answer never changes, not even once the part's device was removed: COM
    /// requires an object's set of interfaces to be static (X73). The [`Connector`] of a
    /// removed part then answers [`Error::DeviceRemoved`] from every method (X26).
    ///
    /// # Errors
    /// [`Error::NotAConnector`] (`E_NOINTERFACE`) on a subunit.
    pub fn as_connector(&self) -> Result<Connector> {
        match self.key.part_type {
            PartType::Connector => Ok(Connector::from_part(self.clone())),
            PartType::Subunit => Err(Error::NotAConnector {
                part: self.shared.read().key_ref(self.key),
            }),
        }
    }

    /// `QueryInterface(IID_ISubunit)` (rule G6).
    ///
    /// Like [`Part::as_connector`], answers from the part's type, before and after its
    /// device's removal (X73).
    ///
    /// # Errors
    /// [`Error::NotASubunit`] (`E_NOINTERFACE`) on a connector.
    pub fn as_subunit(&self) -> Result<Subunit> {
        match self.key.part_type {
            PartType::Subunit => Ok(Subunit::from_part(self.clone())),
            PartType::Connector => Err(Error::NotASubunit {
                part: self.shared.read().key_ref(self.key),
            }),
        }
    }

    /// `IPart::GetControlInterfaceCount` (rule P6, X14): the number of function-specific
    /// control interfaces, jack descriptions and format support included (X14).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (X26).
    pub fn control_interface_count(&self) -> Result<u32> {
        self.call(Method::IPart_GetControlInterfaceCount, no_args, || {
            Ok(self.shared.read().part(self.key)?.controls.len() as u32)
        })
    }

    /// `IPart::GetControlInterface` (rule P7, X14): the `index`-th control, in the order the
    /// part's controls were given.
    ///
    /// # Errors
    /// [`Error::NoControls`] (`E_NOTFOUND`) when the part has no control at all (X14);
    /// [`Error::IndexOutOfRange`] (`E_INVALIDARG`) when it has some and `index` is past the
    /// end; [`Error::DeviceRemoved`].
    pub fn control_interface(&self, index: u32) -> Result<ControlInterface> {
        self.call(
            Method::IPart_GetControlInterface,
            |_| vec![Arg::new("index", index)],
            || {
                let kind = self.shared.read().control_interface(self.key, index)?;
                Ok(ControlInterface {
                    part: self.clone(),
                    kind,
                })
            },
        )
    }

    /// `IPart::Activate` (rules P12, P15, P17, X15): the function-specific control interface
    /// `iid` of this part. `clsctx` must include `CLSCTX_INPROC_SERVER`
    /// ([`CLSCTX_ALL`](crate::CLSCTX_ALL) does). Works in every device state.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::four_topologies()?;
    /// let adc = system.device(fixtures::FOUR_WAV)?.topology()?.subunit(0)?;
    /// let err = adc.as_part().activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel).unwrap_err();
    /// assert_eq!(err.hresult(), HResult::E_NOINTERFACE);            // rule P17
    /// # }
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    ///
    /// # Errors
    /// In this order: [`Error::InvalidClsctx`] (`E_INVALIDARG`) without the
    /// `CLSCTX_INPROC_SERVER` bit; [`Error::NoSuchControl`] (`E_NOINTERFACE`) when the part
    /// lacks the interface or `iid` is not one of the 15 of R2 (X15); [`Error::DeviceRemoved`]
    /// first of all.
    pub fn activate(&self, clsctx: u32, iid: Guid) -> Result<Control> {
        self.call(
            Method::IPart_Activate,
            |_| vec![Arg::new("clsctx", clsctx), Arg::new("iid", iid)],
            || {
                let kind = self.shared.read().activate(self.key, clsctx, iid)?;
                Ok(Control::new(self.clone(), kind))
            },
        )
    }

    /// `IPart::Activate` with the interface named by the handle type, as windows-rs's
    /// `Activate::<T>()` reads: the typed control, no `into_*` step (rule P12).
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::four_topologies()?;
    /// let mute = system.find_part("Input Multiplexer Device/Mute (Mic)")?;
    /// let control = mute.activate_as::<AudioMute>(CLSCTX_ALL)?;
    /// assert!(!control.mute()?);
    /// let volume = system.find_part("Input Multiplexer Device/Vol (Mic)")?;
    /// assert_eq!(volume.activate_as::<PerChannelDbLevel>(CLSCTX_ALL)?.channel_count()?, 2);
    /// // A part without that interface: E_NOINTERFACE, as from `activate`.
    /// let err = mute.activate_as::<AudioPeakMeter>(CLSCTX_ALL).unwrap_err();
    /// assert_eq!(err.hresult(), HResult::E_NOINTERFACE);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Part::activate`] with `T::IID`.
    pub fn activate_as<T: ControlHandle>(&self, clsctx: u32) -> Result<T> {
        let control = self.activate(clsctx, T::IID)?;
        T::from_control(control).ok_or_else(|| Error::NoSuchControl {
            part: self.shared.read().part_ref(self.key.node),
            iid: T::IID,
        })
    }

    /// `IPart::RegisterControlChangeCallback` (rules N1, N2, N4, X19): `sink` is notified of
    /// every effective change of control `iid` of this part until it is unregistered. The part
    /// keeps `sink` alive until then (N4): a sink that holds a handle of this system forms a
    /// cycle that only unregistering breaks, as on Windows.
    ///
    /// X19: `iid` may name a control the part lacks (S_OK; it never fires); registering the
    /// same sink again for the same `iid` changes nothing; for another `iid` it adds a
    /// registration. Any device state is fine.
    ///
    /// # Errors
    /// [`Error::InvalidCallbackIid`] (`E_INVALIDARG`) when `iid` is not one of the 14 of N1
    /// (`IID_IKsJackDescription2` is not); [`Error::DeviceRemoved`].
    pub fn register_control_change_callback(
        &self,
        iid: Guid,
        sink: Arc<dyn ControlChangeNotify>,
    ) -> Result<()> {
        self.call(
            Method::IPart_RegisterControlChangeCallback,
            |_| vec![Arg::new("iid", iid)],
            || {
                // The registry takes its own reference only on success; the caller's `sink` is
                // dropped here, after the lock, so a refused sink's `Drop` may call back in (X20).
                let result = self.shared.write().register(self.key, iid, &sink);
                drop(sink);
                result
            },
        )
    }

    /// `IPart::UnregisterControlChangeCallback` (rules N3, X19): removes every registration
    /// of `sink` on this part and drops the part's references to it. A sink is identified by
    /// its address (the object inside the `Arc` given to
    /// [`Part::register_control_change_callback`]), so pass `&*arc`, or `self` from inside
    /// `on_notify` to unregister itself.
    ///
    /// # Errors
    /// [`Error::CallbackNotRegistered`] (`E_NOTFOUND`) when `sink` is not registered on this
    /// part (so a second call fails); [`Error::DeviceRemoved`].
    pub fn unregister_control_change_callback<S: ControlChangeNotify + ?Sized>(
        &self,
        sink: &S,
    ) -> Result<()> {
        self.call(
            Method::IPart_UnregisterControlChangeCallback,
            no_args,
            || {
                // The registry's references are dropped after the lock is released: the last one
                // may be the registry's, and the sink's `Drop` may call back in (X20).
                let released = self.shared.write().unregister(self.key, sink);
                released.map(drop)
            },
        )
    }

    /// The builder key of this part.
    pub fn key(&self) -> PartKey {
        self.key
    }
}

impl Hook for Part {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::Part(self.key))
    }
}

/// devtopo's global ID format (X10).
pub(crate) fn global_id(device: &str, local_id: LocalId) -> String {
    format!("{device}/{:08x}", local_id.0)
}

impl AsRef<Part> for Part {
    fn as_ref(&self) -> &Part {
        self
    }
}

identity_handle!(Part, key);

impl std::fmt::Debug for Part {
    /// `Part("<device id>", LocalId(..))`, or `Part("<device id>", "removed")` once its device
    /// was removed (X26).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let engine = self.shared.read();
        let device = engine.device_id(self.key.device);
        let mut t = f.debug_tuple("Part");
        t.field(&device);
        match engine.part(self.key) {
            Ok(part) => t.field(&part.local_id),
            Err(_) => t.field(&"removed"),
        };
        t.finish()
    }
}

/// A subunit: `ISubunit`, which has no methods of its own (P16). Use [`Subunit::as_part`]
/// (or `AsRef<Part>`) for the `IPart` methods.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Subunit(Part);

impl Subunit {
    pub(crate) fn from_part(part: Part) -> Subunit {
        Subunit(part)
    }

    /// `QueryInterface(IID_IPart)`: always succeeds (G6).
    pub fn as_part(&self) -> &Part {
        &self.0
    }
}

impl AsRef<Part> for Subunit {
    fn as_ref(&self) -> &Part {
        &self.0
    }
}

impl From<Subunit> for Part {
    fn from(value: Subunit) -> Part {
        value.0
    }
}

impl std::fmt::Debug for Subunit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.0.shared.read().part_ref(self.0.key.node);
        f.debug_tuple("Subunit")
            .field(&r.device)
            .field(&r.local_id)
            .finish()
    }
}
