//! The `IDeviceTopology` object (rules T1-T11): one per activation, wrapping a
//! [`devtopo::DeviceTopology`] handle.

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;

use devtopo::{DeviceTopology, LocalId, MixedPaths};
use windows_core::{BOOL, GUID, HRESULT, Interface, PWSTR};

use super::part::PartObject;
use super::parts_list::parts_list_object;
use crate::generated::{IDeviceTopology, IDeviceTopology_Vtbl};
use crate::memory::co_string;
use crate::object::{
    ComObject, E_NOINTERFACE, E_POINTER, com, into_raw, object, out_ptr, out_value, unknown, wrap,
};

#[repr(C)]
pub(crate) struct TopologyObject {
    vtbl: &'static IDeviceTopology_Vtbl,
    refs: AtomicU32,
    topology: DeviceTopology,
}

// SAFETY: repr(C), made only by `into_raw`, and `interface` returns the vtable field.
unsafe impl ComObject for TopologyObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IDeviceTopology::IID {
            Ok(std::ptr::from_ref(&self.vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

/// A new `IDeviceTopology` object (one reference) for `topology`.
pub(crate) fn topology_raw(topology: DeviceTopology) -> *mut c_void {
    into_raw(TopologyObject {
        vtbl: &VTBL,
        refs: AtomicU32::new(1),
        topology,
    })
}

/// The `IDeviceTopology` of a devtopo topology, for injecting into code under test. The
/// object keeps the topology's system alive; every method answers what the matching
/// [`DeviceTopology`] method answers (plus `E_POINTER` for NULL out-pointers).
///
/// ```
/// use devtopo_com::{IDeviceTopology, device_topology};
/// let system = devtopo::fixtures::four_topologies()?;
/// let topology: IDeviceTopology =
///     device_topology(&system.device(devtopo::fixtures::FOUR_EPB)?.topology()?);
/// drop(system); // the COM object keeps the simulation alive
/// assert_eq!(unsafe { topology.GetConnectorCount() }?, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn device_topology(topology: &DeviceTopology) -> IDeviceTopology {
    // SAFETY: `topology_raw` returns a fresh IDeviceTopology pointer with one reference.
    unsafe { wrap(topology_raw(topology.clone())) }
}

/// The devtopo part behind an `IPart` pointer, if it is one of devtopo's objects.
///
/// # Safety
/// `ptr` must be NULL or a valid `IPart` pointer.
unsafe fn own_part<'a>(ptr: *mut c_void) -> Result<&'a PartObject, HRESULT> {
    if ptr.is_null() {
        return Err(E_POINTER);
    }
    // SAFETY: a valid IPart pointer; `from_ipart` checks the vtable before casting.
    unsafe { PartObject::from_ipart(ptr) }.ok_or(E_NOINTERFACE)
}

type This = *mut c_void;

unsafe extern "system" fn get_connector_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: `this` came through VTBL (a TopologyObject at offset 0); `out` is NULL or
    // writable (COM contract).
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_value(out, || obj.topology.connector_count())
    }
}

unsafe extern "system" fn get_connector(this: This, index: u32, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_connector_count`.
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_ptr(out, || {
            com(obj.topology.connector(index)).map(PartObject::connector_raw)
        })
    }
}

unsafe extern "system" fn get_subunit_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: as in `get_connector_count`.
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_value(out, || obj.topology.subunit_count())
    }
}

unsafe extern "system" fn get_subunit(this: This, index: u32, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_connector_count`.
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_ptr(out, || {
            com(obj.topology.subunit(index)).map(PartObject::subunit_raw)
        })
    }
}

unsafe extern "system" fn get_part_by_id(this: This, id: u32, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_connector_count`.
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_ptr(out, || {
            com(obj.topology.part_by_id(LocalId(id))).map(PartObject::part_raw)
        })
    }
}

unsafe extern "system" fn get_device_id(this: This, out: *mut PWSTR) -> HRESULT {
    // SAFETY: as in `get_connector_count`; a PWSTR is one pointer.
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_ptr(out.cast::<*mut u16>(), || {
            co_string(&com(obj.topology.device_id())?)
        })
    }
}

unsafe extern "system" fn get_signal_path(
    this: This,
    from: This,
    to: This,
    reject_mixed: BOOL,
    out: *mut This,
) -> HRESULT {
    // SAFETY: as in `get_connector_count`; `from` and `to` are NULL or IPart pointers.
    unsafe {
        let obj = object::<TopologyObject, 0>(this);
        out_ptr(out, || {
            // T7: E_POINTER for NULL parts, E_NOINTERFACE for objects that are not devtopo's.
            let (from, to) = (own_part(from)?, own_part(to)?);
            let mixed = if reject_mixed.as_bool() {
                MixedPaths::Reject
            } else {
                MixedPaths::Allow
            };
            com(obj.topology.signal_path(&from.part, &to.part, mixed)).map(parts_list_object)
        })
    }
}

static VTBL: IDeviceTopology_Vtbl = IDeviceTopology_Vtbl {
    base__: unknown::<TopologyObject, 0>(),
    GetConnectorCount: get_connector_count,
    GetConnector: get_connector,
    GetSubunitCount: get_subunit_count,
    GetSubunit: get_subunit,
    GetPartById: get_part_by_id,
    GetDeviceId: get_device_id,
    GetSignalPath: get_signal_path,
};
