//! The `IMMDevice` object with `IMMEndpoint` on the same object (V18-V28, X42-X46, G6), and
//! the `IMMDeviceCollection` object (V16, V17).

use std::ffi::c_void;
use std::mem::offset_of;
use std::sync::atomic::AtomicU32;

use devtopo::{Activated, Device, DeviceCollection, DeviceKind};
use windows_core::{GUID, HRESULT, Interface, PWSTR};

use super::ks_control::ks_control_raw;
use super::part::guid;
use super::property_store::{from_propvariant, store_raw};
use super::topology::topology_raw;
use crate::generated::{
    EDataFlow, IMMDevice, IMMDevice_Vtbl, IMMDeviceCollection, IMMDeviceCollection_Vtbl,
    IMMEndpoint, IMMEndpoint_Vtbl, PROPVARIANT,
};
use crate::memory::co_string;
use crate::object::{
    ComObject, E_NOINTERFACE, E_POINTER, com, error_hr, into_raw, object, out_ptr, out_value,
    unknown,
};

#[repr(C)]
pub(crate) struct DeviceObject {
    device_vtbl: &'static IMMDevice_Vtbl,
    endpoint_vtbl: &'static IMMEndpoint_Vtbl,
    refs: AtomicU32,
    device: Device,
    /// What `QueryInterface(IID_IMMEndpoint)` answers for the object's whole life, decided at
    /// creation from the device's kind (`DeviceKey::kind`, which survives removal; X45, X73).
    endpoint: Result<(), HRESULT>,
}

const ENDPOINT: usize = offset_of!(DeviceObject, endpoint_vtbl);

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns vtable fields.
unsafe impl ComObject for DeviceObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IMMDevice::IID {
            return Ok(std::ptr::from_ref(&self.device_vtbl).cast_mut().cast());
        }
        if *iid == IMMEndpoint::IID {
            // X45: an adapter has no IMMEndpoint (`Device::data_flow` says NotAnEndpoint);
            // every endpoint has one, also once removed (its GetDataFlow then says so). Fixed
            // at creation, so neither a removal nor a fault on GetDataFlow changes it (X73).
            self.endpoint?;
            return Ok(std::ptr::from_ref(&self.endpoint_vtbl).cast_mut().cast());
        }
        Err(E_NOINTERFACE)
    }
}

/// A new `IMMDevice` object (one reference).
pub(crate) fn device_raw(device: Device) -> *mut c_void {
    let endpoint = match device.key().kind() {
        DeviceKind::Adapter => Err(E_NOINTERFACE),
        DeviceKind::RenderEndpoint | DeviceKind::CaptureEndpoint => Ok(()),
    };
    into_raw(DeviceObject {
        device_vtbl: &DEVICE_VTBL,
        endpoint_vtbl: &ENDPOINT_VTBL,
        refs: AtomicU32::new(1),
        device,
        endpoint,
    })
}

type This = *mut c_void;

unsafe extern "system" fn activate(
    this: This,
    iid: *const GUID,
    clsctx: u32,
    params: *const PROPVARIANT,
    out: *mut This,
) -> HRESULT {
    // SAFETY: `this` came through DEVICE_VTBL (offset 0); `iid` and `params` are NULL or
    // readable; `out` is NULL or writable (COM contract).
    unsafe {
        let obj = object::<DeviceObject, 0>(this);
        out_ptr(out, || {
            let iid = guid(iid.as_ref().ok_or(E_POINTER)?);
            let params = match params.as_ref() {
                None => None,
                Some(var) => Some(from_propvariant(var)?),
            };
            Ok(
                match com(obj.device.activate(iid, clsctx, params.as_ref()))? {
                    Activated::DeviceTopology(topology) => topology_raw(topology),
                    Activated::KsControl(control) => ks_control_raw(control),
                },
            )
        })
    }
}

unsafe extern "system" fn open_property_store(this: This, mode: u32, out: *mut This) -> HRESULT {
    // SAFETY: as in `activate`.
    unsafe {
        let obj = object::<DeviceObject, 0>(this);
        out_ptr(out, || {
            com(obj.device.open_property_store(mode)).map(store_raw)
        })
    }
}

unsafe extern "system" fn get_id(this: This, out: *mut PWSTR) -> HRESULT {
    // SAFETY: as in `activate`; a PWSTR is one pointer.
    unsafe {
        let obj = object::<DeviceObject, 0>(this);
        out_ptr(out.cast::<*mut u16>(), || co_string(&com(obj.device.id())?))
    }
}

unsafe extern "system" fn get_state(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: as in `activate`.
    unsafe {
        let obj = object::<DeviceObject, 0>(this);
        out_value(out, || obj.device.state().map(|s| s.value()))
    }
}

unsafe extern "system" fn get_data_flow(this: This, out: *mut EDataFlow) -> HRESULT {
    // SAFETY: `this` came through ENDPOINT_VTBL (offset ENDPOINT); `out` NULL or writable.
    unsafe {
        let obj = object::<DeviceObject, ENDPOINT>(this);
        out_value(out, || {
            obj.device.data_flow().map(|f| f.value() as EDataFlow)
        })
    }
}

static DEVICE_VTBL: IMMDevice_Vtbl = IMMDevice_Vtbl {
    base__: unknown::<DeviceObject, 0>(),
    Activate: activate,
    OpenPropertyStore: open_property_store,
    GetId: get_id,
    GetState: get_state,
};

static ENDPOINT_VTBL: IMMEndpoint_Vtbl = IMMEndpoint_Vtbl {
    base__: unknown::<DeviceObject, ENDPOINT>(),
    GetDataFlow: get_data_flow,
};

// --- IMMDeviceCollection ---

#[repr(C)]
pub(crate) struct CollectionObject {
    vtbl: &'static IMMDeviceCollection_Vtbl,
    refs: AtomicU32,
    devices: DeviceCollection,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for CollectionObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IMMDeviceCollection::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IMMDeviceCollection` object (one reference).
pub(crate) fn collection_raw(devices: DeviceCollection) -> *mut c_void {
    into_raw(CollectionObject {
        vtbl: &COLLECTION_VTBL,
        refs: AtomicU32::new(1),
        devices,
    })
}

unsafe extern "system" fn collection_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through COLLECTION_VTBL (offset 0); `out` NULL or writable.
    unsafe {
        let obj = object::<CollectionObject, 0>(this);
        out_value(out, || obj.devices.count())
    }
}

unsafe extern "system" fn collection_item(this: This, index: u32, out: *mut This) -> HRESULT {
    // SAFETY: as in `collection_count`.
    unsafe {
        let obj = object::<CollectionObject, 0>(this);
        out_ptr(out, || {
            obj.devices
                .item(index)
                .map(device_raw)
                .map_err(|e| error_hr(&e))
        })
    }
}

static COLLECTION_VTBL: IMMDeviceCollection_Vtbl = IMMDeviceCollection_Vtbl {
    base__: unknown::<CollectionObject, 0>(),
    GetCount: collection_count,
    Item: collection_item,
};
