//! The part object: one object per part implementing `IPart` and, as the part is, `IConnector`
//! (rules C1-C12) or `ISubunit`, so `QueryInterface` between them keeps one `IUnknown`
//! identity (G6). Which of the two is decided when the object is made, from the part's type
//! (`Part::as_connector` / `as_subunit`, which answer from it), and never changes: COM's
//! `QueryInterface` rules require a static interface set, also once the part's device was
//! removed (X73).

use std::ffi::c_void;
use std::mem::offset_of;
use std::sync::atomic::AtomicU32;

use devtopo::{Connector, Guid, Part, Subunit};
use windows_core::{BOOL, GUID, HRESULT, Interface, PWSTR};

use super::control::control_raw;
use super::control_interface::control_interface_raw;
use super::parts_list::parts_list_object;
use super::sink;
use super::topology::topology_raw;
use crate::generated::{
    ConnectorType, DataFlow, IConnector, IConnector_Vtbl, IPart, IPart_Vtbl, ISubunit,
    ISubunit_Vtbl, PartType,
};
use crate::memory::co_string;
use crate::object::{
    ComObject, E_NOINTERFACE, E_POINTER, com, into_raw, object, out_ptr, out_value, status,
    unknown, vtable_of,
};

/// One part. `part_vtbl` is the identity (`IPart`); `connector_vtbl` answers `IConnector`
/// when the part is a connector, `subunit_vtbl` answers `ISubunit` when it is a subunit.
#[repr(C)]
pub(crate) struct PartObject {
    part_vtbl: &'static IPart_Vtbl,
    connector_vtbl: &'static IConnector_Vtbl,
    subunit_vtbl: &'static ISubunit_Vtbl,
    refs: AtomicU32,
    pub(crate) part: Part,
    /// What `QueryInterface(IID_IConnector)` answers for the object's whole life, decided at
    /// creation by `Part::as_connector` (X73): the connector handle, or the code refusing it
    /// (`E_NOINTERFACE` for a subunit, G6).
    connector: Result<Connector, HRESULT>,
    /// What `QueryInterface(IID_ISubunit)` answers, decided at creation by `Part::as_subunit`
    /// (X73).
    subunit: Result<(), HRESULT>,
}

const CONNECTOR: usize = offset_of!(PartObject, connector_vtbl);
const SUBUNIT: usize = offset_of!(PartObject, subunit_vtbl);

// SAFETY: repr(C), made only by `into_raw`; `interface` returns vtable fields.
unsafe impl ComObject for PartObject {
    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn interface(&self, iid: &GUID) -> Result<*mut c_void, HRESULT> {
        if *iid == IPart::IID {
            Ok(std::ptr::from_ref(&self.part_vtbl).cast_mut().cast())
        } else if *iid == IConnector::IID {
            // G6, X73: decided when the object was made, the same before and after removal.
            self.connector()?;
            Ok(std::ptr::from_ref(&self.connector_vtbl).cast_mut().cast())
        } else if *iid == ISubunit::IID {
            // G6, X73: as for IConnector.
            self.subunit?;
            Ok(std::ptr::from_ref(&self.subunit_vtbl).cast_mut().cast())
        } else {
            Err(E_NOINTERFACE)
        }
    }
}

impl PartObject {
    /// The object for `part`; its interface set is fixed here, from the handles (X73).
    fn new(part: Part) -> PartObject {
        PartObject {
            part_vtbl: &PART_VTBL,
            connector_vtbl: &CONNECTOR_VTBL,
            subunit_vtbl: &SUBUNIT_VTBL,
            refs: AtomicU32::new(1),
            connector: com(part.as_connector()),
            subunit: com(part.as_subunit()).map(drop),
            part,
        }
    }

    /// A new object for `part`, returned as its `IPart` pointer.
    pub(crate) fn part_raw(part: Part) -> *mut c_void {
        into_raw(PartObject::new(part))
    }

    /// A new object for `connector`, returned as its `IConnector` pointer (a connector's
    /// part always answers `IConnector`, X73).
    pub(crate) fn connector_raw(connector: Connector) -> *mut c_void {
        into_raw(PartObject::new(Part::from(connector))).wrapping_byte_add(CONNECTOR)
    }

    /// A new object for `subunit`, returned as its `ISubunit` pointer.
    pub(crate) fn subunit_raw(subunit: Subunit) -> *mut c_void {
        into_raw(PartObject::new(Part::from(subunit))).wrapping_byte_add(SUBUNIT)
    }

    /// The object behind an `IPart` pointer, when it is devtopo's (its vtable is ours).
    ///
    /// # Safety
    /// `ptr` must be a valid `IPart` pointer.
    pub(crate) unsafe fn from_ipart<'a>(ptr: *mut c_void) -> Option<&'a PartObject> {
        // SAFETY: a valid interface pointer starts with its vtable pointer; when that is
        // PART_VTBL, `ptr` is the identity field of a PartObject.
        unsafe {
            (vtable_of(ptr) == std::ptr::from_ref(&PART_VTBL).cast())
                .then(|| object::<PartObject, 0>(ptr))
        }
    }

    /// The object behind an `IConnector` pointer, when it is devtopo's.
    ///
    /// # Safety
    /// `ptr` must be a valid `IConnector` pointer.
    unsafe fn from_iconnector<'a>(ptr: *mut c_void) -> Option<&'a PartObject> {
        // SAFETY: as in `from_ipart`, for the connector field.
        unsafe {
            (vtable_of(ptr) == std::ptr::from_ref(&CONNECTOR_VTBL).cast())
                .then(|| object::<PartObject, CONNECTOR>(ptr))
        }
    }

    /// The connector handle; the IConnector pointer is handed out only when it is `Ok`.
    fn connector(&self) -> Result<&Connector, HRESULT> {
        self.connector.as_ref().map_err(|code| *code)
    }
}

type This = *mut c_void;

/// `this` as a part object reached through `IPart`.
///
/// # Safety
/// `this` must have come through `PART_VTBL`.
unsafe fn part<'a>(this: This) -> &'a Part {
    // SAFETY: by the contract.
    unsafe { &object::<PartObject, 0>(this).part }
}

/// `this` as a part object reached through `IConnector`.
///
/// # Safety
/// `this` must have come through `CONNECTOR_VTBL`.
unsafe fn connector<'a>(this: This) -> Result<&'a Connector, HRESULT> {
    // SAFETY: by the contract.
    unsafe { object::<PartObject, CONNECTOR>(this).connector() }
}

pub(crate) fn guid(g: &GUID) -> Guid {
    Guid {
        data1: g.data1,
        data2: g.data2,
        data3: g.data3,
        data4: g.data4,
    }
}

pub(crate) fn com_guid(g: Guid) -> GUID {
    GUID {
        data1: g.data1,
        data2: g.data2,
        data3: g.data3,
        data4: g.data4,
    }
}

// --- IPart (P1-P17, N1-N4) ---

unsafe extern "system" fn get_name(this: This, out: *mut PWSTR) -> HRESULT {
    // SAFETY: `this` came through PART_VTBL; `out` is NULL or writable (COM contract).
    unsafe {
        out_ptr(out.cast::<*mut u16>(), || {
            co_string(&com(part(this).name())?)
        })
    }
}

unsafe extern "system" fn get_local_id(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe { out_value(out, || part(this).local_id().map(|id| id.0)) }
}

unsafe extern "system" fn get_global_id(this: This, out: *mut PWSTR) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe {
        out_ptr(out.cast::<*mut u16>(), || {
            co_string(&com(part(this).global_id())?)
        })
    }
}

unsafe extern "system" fn get_part_type(this: This, out: *mut PartType) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe {
        out_value(out, || {
            part(this).part_type().map(|t| t.value() as PartType)
        })
    }
}

unsafe extern "system" fn get_sub_type(this: This, out: *mut GUID) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe { out_value(out, || part(this).subtype().map(com_guid)) }
}

unsafe extern "system" fn get_control_interface_count(this: This, out: *mut u32) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe { out_value(out, || part(this).control_interface_count()) }
}

unsafe extern "system" fn get_control_interface(this: This, index: u32, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe {
        out_ptr(out, || {
            com(part(this).control_interface(index)).map(control_interface_raw)
        })
    }
}

unsafe extern "system" fn enum_parts_incoming(this: This, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe {
        out_ptr(out, || {
            com(part(this).parts_incoming()).map(parts_list_object)
        })
    }
}

unsafe extern "system" fn enum_parts_outgoing(this: This, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe {
        out_ptr(out, || {
            com(part(this).parts_outgoing()).map(parts_list_object)
        })
    }
}

unsafe extern "system" fn get_topology_object(this: This, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_name`.
    unsafe { out_ptr(out, || com(part(this).topology()).map(topology_raw)) }
}

unsafe extern "system" fn activate(
    this: This,
    clsctx: u32,
    iid: *const GUID,
    out: *mut This,
) -> HRESULT {
    // SAFETY: as in `get_name`; `iid` is NULL or readable.
    unsafe {
        out_ptr(out, || {
            let iid = iid.as_ref().ok_or(E_POINTER)?;
            com(part(this).activate(clsctx, guid(iid))).map(control_raw)
        })
    }
}

unsafe extern "system" fn register_control_change_callback(
    this: This,
    iid: *const GUID,
    notify: This,
) -> HRESULT {
    // SAFETY: as in `get_name`; `iid` is NULL or readable, `notify` NULL or a valid
    // IControlChangeNotify pointer.
    unsafe {
        let Some(iid) = iid.as_ref() else {
            return E_POINTER;
        };
        if notify.is_null() {
            return E_POINTER; // N1
        }
        let sink = sink::sink_for(notify);
        // The engine drops its copy on failure while holding its lock; keeping ours means the
        // last reference (and so the client's Release) goes only after the call returns.
        let keep = sink.clone();
        let code = status(part(this).register_control_change_callback(guid(iid), sink));
        drop(keep);
        code
    }
}

unsafe extern "system" fn unregister_control_change_callback(this: This, notify: This) -> HRESULT {
    if notify.is_null() {
        return crate::object::E_INVALIDARG; // N3: E_INVALIDARG, not E_POINTER
    }
    // SAFETY: `this` came through PART_VTBL.
    let part = unsafe { part(this) };
    status(sink::unregister(part, notify))
}

static PART_VTBL: IPart_Vtbl = IPart_Vtbl {
    base__: unknown::<PartObject, 0>(),
    GetName: get_name,
    GetLocalId: get_local_id,
    GetGlobalId: get_global_id,
    GetPartType: get_part_type,
    GetSubType: get_sub_type,
    GetControlInterfaceCount: get_control_interface_count,
    GetControlInterface: get_control_interface,
    EnumPartsIncoming: enum_parts_incoming,
    EnumPartsOutgoing: enum_parts_outgoing,
    GetTopologyObject: get_topology_object,
    Activate: activate,
    RegisterControlChangeCallback: register_control_change_callback,
    UnregisterControlChangeCallback: unregister_control_change_callback,
};

// --- IConnector (C1-C12) ---

unsafe extern "system" fn get_type(this: This, out: *mut ConnectorType) -> HRESULT {
    // SAFETY: `this` came through CONNECTOR_VTBL; `out` is NULL or writable (COM contract).
    unsafe {
        if out.is_null() {
            return E_POINTER;
        }
        match connector(this) {
            Ok(c) => out_value(out, || {
                c.connector_type().map(|t| t.value() as ConnectorType)
            }),
            Err(code) => code,
        }
    }
}

unsafe extern "system" fn get_data_flow(this: This, out: *mut DataFlow) -> HRESULT {
    // SAFETY: as in `get_type`.
    unsafe {
        if out.is_null() {
            return E_POINTER;
        }
        match connector(this) {
            Ok(c) => out_value(out, || c.data_flow().map(|f| f.value() as DataFlow)),
            Err(code) => code,
        }
    }
}

unsafe extern "system" fn connect_to(this: This, other: This) -> HRESULT {
    if other.is_null() {
        return E_POINTER; // C3
    }
    // SAFETY: `this` came through CONNECTOR_VTBL; `other` is a valid IConnector pointer
    // (COM contract), recognised as devtopo's by its vtable before it is used as one.
    unsafe {
        let Some(other) = PartObject::from_iconnector(other) else {
            return E_NOINTERFACE; // C3: not a devtopo connector
        };
        match (connector(this), other.connector()) {
            (Ok(c), Ok(o)) => status(c.connect_to(o)),
            (Err(code), _) | (_, Err(code)) => code,
        }
    }
}

unsafe extern "system" fn disconnect(this: This) -> HRESULT {
    // SAFETY: `this` came through CONNECTOR_VTBL.
    match unsafe { connector(this) } {
        Ok(c) => status(c.disconnect()),
        Err(code) => code,
    }
}

unsafe extern "system" fn is_connected(this: This, out: *mut BOOL) -> HRESULT {
    // SAFETY: as in `get_type`.
    unsafe {
        if out.is_null() {
            return E_POINTER;
        }
        match connector(this) {
            Ok(c) => out_value(out, || c.is_connected().map(BOOL::from)),
            Err(code) => code,
        }
    }
}

unsafe extern "system" fn get_connected_to(this: This, out: *mut This) -> HRESULT {
    // SAFETY: as in `get_type`.
    unsafe {
        out_ptr(out, || {
            com(connector(this)?.connected_to()).map(PartObject::connector_raw)
        })
    }
}

unsafe extern "system" fn get_connector_id_connected_to(this: This, out: *mut PWSTR) -> HRESULT {
    // SAFETY: as in `get_type`.
    unsafe {
        out_ptr(out.cast::<*mut u16>(), || {
            co_string(&com(connector(this)?.connector_id_connected_to())?)
        })
    }
}

unsafe extern "system" fn get_device_id_connected_to(this: This, out: *mut PWSTR) -> HRESULT {
    // SAFETY: as in `get_type`.
    unsafe {
        out_ptr(out.cast::<*mut u16>(), || {
            co_string(&com(connector(this)?.device_id_connected_to())?)
        })
    }
}

static CONNECTOR_VTBL: IConnector_Vtbl = IConnector_Vtbl {
    base__: unknown::<PartObject, CONNECTOR>(),
    GetType: get_type,
    GetDataFlow: get_data_flow,
    ConnectTo: connect_to,
    Disconnect: disconnect,
    IsConnected: is_connected,
    GetConnectedTo: get_connected_to,
    GetConnectorIdConnectedTo: get_connector_id_connected_to,
    GetDeviceIdConnectedTo: get_device_id_connected_to,
};

// --- ISubunit: no methods of its own ---

static SUBUNIT_VTBL: ISubunit_Vtbl = ISubunit_Vtbl {
    base__: unknown::<PartObject, SUBUNIT>(),
};
