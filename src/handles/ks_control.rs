//! [`KsControl`]: `IKsControl` on an adapter device (Q1-Q11, X61).

use std::sync::Arc;

use crate::engine::DeviceKey;
use crate::error::{Error, Result};
use crate::guid::Guid;
use crate::hresult::HResult;
use crate::instrument::{Arg, Hook, Method, Site};
use crate::properties::ks_request::{
    MAX_KS_DATA_BYTES, MAX_KS_DESCRIPTOR_BYTES, parse_identifier, parse_node_id,
};
use crate::properties::{KsRequest, KsRequestKind, ks};
use crate::system::Shared;

/// `IKsControl` of one adapter device (a KS filter), from
/// [`Device::activate`](crate::Device::activate) with `IID_IKsControl` (Q1).
///
/// devtopo models the driver as a script (Q11): a test installs handlers per (method, set,
/// id, verb) with [`Hardware::set_ks_handler`](crate::Hardware::set_ks_handler); every
/// request, answered or not, is appended to the adapter's request log
/// ([`Hardware::ks_requests`](crate::Hardware::ks_requests)) in order. Descriptors and
/// buffers are the bytes a C client passes (`KSPROPERTY`, `KSNODEPROPERTY`: see
/// [`ks_identifier`](crate::ks_identifier), [`ks_node_property`](crate::ks_node_property)).
///
/// Buffer protocol (Q4, X61): the handler's value is copied into `data`; a value that does
/// not fit (including the size query `data = None`) gives [`Error::KsMoreData`]
/// (`ERROR_MORE_DATA`) carrying the size needed; an empty value (Q8's NULL-valued
/// properties) succeeds with 0 bytes.
#[derive(Clone)]
pub struct KsControl {
    shared: Arc<Shared>,
    key: DeviceKey,
}

impl KsControl {
    pub(crate) fn new(shared: Arc<Shared>, key: DeviceKey) -> KsControl {
        KsControl { shared, key }
    }

    /// `IKsControl::KsProperty(Property, PropertyLength, PropertyData, DataLength,
    /// BytesReturned)` (Q3-Q5, Q8): returns `*BytesReturned`.
    ///
    /// # Errors
    /// [`Error::KsRequestFailed`] with `E_INVALIDARG` for a descriptor shorter than a
    /// `KSPROPERTY` (24 bytes), or a `KSPROPERTY_TYPE_TOPOLOGY` request shorter than a
    /// `KSNODEPROPERTY` or naming no subunit of the filter (Q5); with
    /// `E_PROP_SET_UNSUPPORTED` (0x80070492) for a set no handler serves,
    /// `E_PROP_ID_UNSUPPORTED` (0x80070490) for an unknown id of a served set,
    /// `ERROR_INVALID_FUNCTION` (0x80070001) for a verb the (set, id) does not take (X61);
    /// with the handler's own code when it fails. [`Error::KsMoreData`] (Q4).
    /// [`Error::KsLimit`] (`E_INVALIDARG`) for a descriptor over
    /// [`MAX_KS_DESCRIPTOR_BYTES`](crate::MAX_KS_DESCRIPTOR_BYTES) or a data buffer over
    /// [`MAX_KS_DATA_BYTES`](crate::MAX_KS_DATA_BYTES): refused before anything is read,
    /// copied or logged. [`Error::DeviceRemoved`].
    pub fn ks_property(&self, property: &[u8], data: Option<&mut [u8]>) -> Result<u32> {
        let capacity = data.as_ref().map(|d| d.len());
        self.call(
            Method::IKsControl_KsProperty,
            |_| Arg::ks(Some(property), capacity),
            || self.request(KsRequestKind::Property, Some(property), data),
        )
    }

    /// `IKsControl::KsMethod` (Q4, Q6): as [`KsControl::ks_property`], for `KSMETHOD`s.
    ///
    /// # Errors
    /// As [`KsControl::ks_property`].
    pub fn ks_method(&self, method: &[u8], data: Option<&mut [u8]>) -> Result<u32> {
        let capacity = data.as_ref().map(|d| d.len());
        self.call(
            Method::IKsControl_KsMethod,
            |_| Arg::ks(Some(method), capacity),
            || self.request(KsRequestKind::Method, Some(method), data),
        )
    }

    /// `IKsControl::KsEvent` (Q6): `event = None` disables the event `data` describes
    /// (a `KSEVENTDATA`); the request is logged with `set: None` and answered by a handler
    /// installed for `Guid::NULL`, id 0, verb 0.
    ///
    /// # Errors
    /// As [`KsControl::ks_property`].
    pub fn ks_event(&self, event: Option<&[u8]>, data: Option<&mut [u8]>) -> Result<u32> {
        let capacity = data.as_ref().map(|d| d.len());
        self.call(
            Method::IKsControl_KsEvent,
            |_| Arg::ks(event, capacity),
            || self.request(KsRequestKind::Event, event, data),
        )
    }

    fn request(
        &self,
        kind: KsRequestKind,
        descriptor: Option<&[u8]>,
        data: Option<&mut [u8]>,
    ) -> Result<u32> {
        let over = [
            (
                descriptor.map_or(0, <[u8]>::len),
                MAX_KS_DESCRIPTOR_BYTES,
                "max_ks_descriptor_bytes",
            ),
            (
                data.as_ref().map_or(0, |d| d.len()),
                MAX_KS_DATA_BYTES,
                "max_ks_data_bytes",
            ),
        ]
        .into_iter()
        .find(|&(size, max, _)| size > max);
        if let Some((size, max, limit)) = over {
            let engine = self.shared.read();
            engine.device(self.key)?;
            return Err(Error::KsLimit {
                device: engine.device_id(self.key.ix),
                limit,
                max,
                size,
            });
        }
        let capacity = data.as_ref().map_or(0, |d| d.len() as u32);
        let (set, id, flags) = match descriptor {
            Some(d) => match parse_identifier(d) {
                Some((set, id, flags)) => (Some(set), id, flags),
                None => (None, 0, 0),
            },
            None => (None, 0, 0),
        };
        let mut request = KsRequest {
            kind,
            set,
            id,
            flags,
            node_id: None,
            descriptor: descriptor.map(<[u8]>::to_vec).unwrap_or_default(),
            data: data.as_deref().map(<[u8]>::to_vec).unwrap_or_default(),
            data_capacity: capacity,
            result: HResult::S_OK,
        };
        let looked_up = {
            let engine = self.shared.read();
            engine.device(self.key)?;
            let device = engine.device_id(self.key.ix);
            let fail = |hresult, reason| Error::KsRequestFailed {
                device,
                hresult,
                reason,
            };
            if descriptor.is_some() && set.is_none() {
                Err(fail(
                    HResult::E_INVALIDARG,
                    "the descriptor is shorter than a KSIDENTIFIER",
                ))
            } else if flags & ks::KSPROPERTY_TYPE_TOPOLOGY != 0 && kind == KsRequestKind::Property {
                match descriptor.and_then(parse_node_id) {
                    None => Err(fail(
                        HResult::E_INVALIDARG,
                        "a node request needs a KSNODEPROPERTY",
                    )),
                    Some(node) => {
                        request.node_id = Some(node);
                        let has_node = engine.device(self.key).is_ok_and(|d| {
                            d.subunits.iter().any(|&n| {
                                engine
                                    .graph
                                    .node_weight(n)
                                    .is_some_and(|p| u32::from(p.local_id.ks_id()) == node)
                            })
                        });
                        if has_node {
                            engine
                                .ks_handler(self.key.ix, kind, set.unwrap_or(Guid::NULL), id, flags)
                                .map_err(|h| fail(h, "no handler"))
                        } else {
                            Err(fail(
                                HResult::E_INVALIDARG,
                                "the node ID names no subunit (Q5)",
                            ))
                        }
                    }
                }
            } else {
                engine
                    .ks_handler(self.key.ix, kind, set.unwrap_or(Guid::NULL), id, flags)
                    .map_err(|h| {
                        fail(
                            h,
                            if h == HResult::E_PROP_SET_UNSUPPORTED {
                                "no handler serves this property set"
                            } else if h == HResult::E_NOTFOUND {
                                "no handler serves this id of the set"
                            } else {
                                "no handler takes this verb"
                            },
                        )
                    })
            }
        };
        // The handler runs with no lock held: it may call back into the system (Q8).
        let outcome = looked_up.and_then(|handler| {
            let device = self.shared.read().device_id(self.key.ix);
            match handler.handle(&request) {
                Err(hresult) => Err(Error::KsRequestFailed {
                    device,
                    hresult,
                    reason: "the handler failed",
                }),
                Ok(value) if value.is_empty() => Ok(0),
                Ok(value) => match data {
                    Some(buf) if buf.len() >= value.len() => {
                        buf[..value.len()].copy_from_slice(&value);
                        Ok(value.len() as u32)
                    }
                    _ => Err(Error::KsMoreData {
                        device,
                        needed: value.len() as u32,
                        given: capacity,
                    }),
                },
            }
        });
        request.result = match &outcome {
            Ok(_) => HResult::S_OK,
            Err(e) => e.hresult(),
        };
        self.shared.write().log_ks_request(self.key.ix, request);
        outcome
    }
}

impl PartialEq for KsControl {
    fn eq(&self, other: &KsControl) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared) && self.key == other.key
    }
}

impl Eq for KsControl {}

impl std::fmt::Debug for KsControl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = self.shared.read().device_id(self.key.ix);
        f.debug_tuple("KsControl").field(&id).finish()
    }
}

impl Hook for KsControl {
    fn site(&self) -> (&Arc<Shared>, Site<'_>) {
        (&self.shared, Site::Device(self.key))
    }
}
