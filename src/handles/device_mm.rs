//! `IMMDevice::Activate`, `IMMDevice::OpenPropertyStore` and `IMMEndpoint::GetDataFlow` on
//! [`Device`] (V18-V28, X42-X46).

use super::{Device, DeviceTopology, KsControl, PropertyStore};
use crate::error::{Error, Result};
use crate::guid::{Guid, guids};
use crate::instrument::{Arg, Hook, Method, no_args};
use crate::properties::{PropVariant, StoreAccess, iids};
use crate::types::{DeviceKind, EDataFlow};

/// What `IMMDevice::Activate` gives (V18).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activated {
    /// `IID_IDeviceTopology` (D10, V19).
    DeviceTopology(DeviceTopology),
    /// `IID_IKsControl`, adapters only (Q1, V10).
    KsControl(KsControl),
}

impl Activated {
    /// The device topology, if that is what was activated.
    pub fn into_topology(self) -> Option<DeviceTopology> {
        match self {
            Activated::DeviceTopology(t) => Some(t),
            Activated::KsControl(_) => None,
        }
    }

    /// The `IKsControl`, if that is what was activated.
    pub fn into_ks_control(self) -> Option<KsControl> {
        match self {
            Activated::KsControl(k) => Some(k),
            Activated::DeviceTopology(_) => None,
        }
    }
}

impl Device {
    /// `IMMDevice::Activate(iid, dwClsCtx, pActivationParams)` (V18-V22, X42, X45, X46).
    /// Serves `IID_IDeviceTopology` on every device in every state (X24, V21) and
    /// `IID_IKsControl` on adapter devices (Q1, V10). `clsctx` is accepted whatever its bits
    /// (V20, X42).
    ///
    /// # Errors
    /// [`Error::DeviceRemoved`] (`AUDCLNT_E_DEVICE_INVALIDATED`, V18, B8);
    /// [`Error::ActivationParameters`] (`E_INVALIDARG`) for `IDeviceTopology` with
    /// parameters (V19); [`Error::UnsupportedActivation`] (`E_NOINTERFACE`) for
    /// `IKsControl` on an endpoint (X46) and for every IID devtopo does not simulate
    /// (`IAudioClient`, `IAudioEndpointVolume`, ..., a documented deviation, V22).
    pub fn activate(
        &self,
        iid: Guid,
        clsctx: u32,
        params: Option<&PropVariant>,
    ) -> Result<Activated> {
        self.call(
            Method::IMMDevice_Activate,
            |_| vec![Arg::new("iid", iid), Arg::new("clsctx", clsctx)],
            || {
                let _ = clsctx;
                let engine = self.shared.read();
                let kind = engine.device(self.key)?.kind;
                let device = engine.device_id(self.key.ix);
                if iid == guids::IID_IDeviceTopology {
                    if params.is_some() {
                        return Err(Error::ActivationParameters { device });
                    }
                    return Ok(Activated::DeviceTopology(DeviceTopology::new(
                        self.shared.clone(),
                        self.key,
                    )));
                }
                if iid == iids::IID_IKsControl && kind == DeviceKind::Adapter {
                    return Ok(Activated::KsControl(KsControl::new(
                        self.shared.clone(),
                        self.key,
                    )));
                }
                Err(Error::UnsupportedActivation { device, iid })
            },
        )
    }

    /// `IMMDevice::OpenPropertyStore(stgmAccess)` (V23, V24, V28, X43, X44): the device's
    /// store, on endpoints and adapters, in every state (X60).
    ///
    /// # Errors
    /// [`Error::InvalidStoreMode`] (`E_INVALIDARG`) for modes other than 0, 1, 2 (X43);
    /// [`Error::StoreAccessDenied`] (`E_ACCESSDENIED`) for `STGM_WRITE`/`STGM_READWRITE`
    /// while the system is not [elevated](crate::System::elevated) (V24, X44);
    /// [`Error::DeviceRemoved`].
    pub fn open_property_store(&self, stgm_access: u32) -> Result<PropertyStore> {
        self.call(
            Method::IMMDevice_OpenPropertyStore,
            |_| vec![Arg::access(stgm_access)],
            || {
                let access = StoreAccess::from_stgm(stgm_access)
                    .ok_or(Error::InvalidStoreMode { mode: stgm_access })?;
                let engine = self.shared.read();
                engine.device(self.key)?;
                if access.can_write() && !engine.mm.elevated {
                    return Err(Error::StoreAccessDenied {
                        device: engine.device_id(self.key.ix),
                        reason: "only an administrator may open it for writing",
                        rule: "V24, X44",
                    });
                }
                Ok(PropertyStore::new(self.shared.clone(), self.key, access))
            },
        )
    }

    /// `IMMEndpoint::GetDataFlow` (V27): `eRender` or `eCapture`, never `eAll`.
    ///
    /// # Errors
    /// [`Error::NotAnEndpoint`] (`E_NOINTERFACE`: the adapter's `QueryInterface(IID_IMMEndpoint)`
    /// fails, X45); [`Error::DeviceRemoved`].
    pub fn data_flow(&self) -> Result<EDataFlow> {
        self.call(Method::IMMEndpoint_GetDataFlow, no_args, || {
            let engine = self.shared.read();
            match engine.device(self.key)?.kind {
                DeviceKind::RenderEndpoint => Ok(EDataFlow::Render),
                DeviceKind::CaptureEndpoint => Ok(EDataFlow::Capture),
                DeviceKind::Adapter => Err(Error::NotAnEndpoint {
                    device: engine.device_id(self.key.ix),
                }),
            }
        })
    }
}
