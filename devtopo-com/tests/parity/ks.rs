//! Parity rows for IKsControl::KsProperty's protocol (Q3, Q4, Q8, X61) on an adapter whose
//! handler table serves a 4-byte property, a NULL-valued one and a failing one: the size
//! query, a short buffer, success, the handler's own failure, unknown ids and verbs, through
//! both paths, and the bytes returned.

use std::sync::Arc;

use crate::Case;
use crate::common::com::*;
use crate::mmdevice::{AUDIO_SET, cdev, ks_property, rdev};
use devtopo::fixtures::HEADSETS_USB_FILTER;
use devtopo::{HResult, KsRequest, KsRequestKind, System, fixtures, iids, ks};
use devtopo_com::*;
use windows_core::HRESULT;

/// The served property (4 bytes), the NULL-valued one (Q8) and the failing one.
const SERVED: u32 = 42;
const EMPTY: u32 = 43;
const FAILING: u32 = 44;

/// The headsets' USB filter with three GET handlers on KSPROPSETID_Audio (Q11).
fn served() -> System {
    let s = fixtures::headsets().expect("fixture");
    let adapter = rdev(&s, HEADSETS_USB_FILTER);
    let answers: [(u32, Result<Vec<u8>, HResult>); 3] = [
        (SERVED, Ok(vec![1, 2, 3, 4])),
        (EMPTY, Ok(Vec::new())),
        (FAILING, Err(HResult::E_FAIL)),
    ];
    for (id, answer) in answers {
        s.hardware()
            .set_ks_handler(
                &adapter,
                KsRequestKind::Property,
                ks::KSPROPSETID_Audio,
                id,
                ks::KSPROPERTY_TYPE_GET,
                Arc::new(move |_: &KsRequest| answer.clone()),
            )
            .expect("handler");
    }
    s
}

/// A KSPROPERTY of KSPROPSETID_Audio with these flags.
fn property(id: u32, flags: u32) -> Vec<u8> {
    let mut p = ks_property(AUDIO_SET, id, 24);
    p[20..24].copy_from_slice(&flags.to_le_bytes());
    p
}

/// KsProperty through COM with a buffer of `capacity` bytes (None: NULL, 0): the HRESULT and
/// `*pBytesReturned`.
fn com_ks(s: &System, descriptor: &[u8], capacity: Option<usize>) -> (HRESULT, u32) {
    // SAFETY: COM calls on live interface pointers; the descriptor and buffer outlive them.
    unsafe {
        let ks: IKsControl = cdev(s, HEADSETS_USB_FILTER)
            .Activate(0x17, None)
            .expect("IKsControl");
        let mut data = vec![0u8; capacity.unwrap_or(0)];
        let ptr = match capacity {
            Some(_) => data.as_mut_ptr().cast(),
            None => std::ptr::null_mut(),
        };
        let mut returned = u32::MAX;
        let hr = ks.KsProperty(
            descriptor.as_ptr().cast(),
            descriptor.len() as u32,
            ptr,
            capacity.unwrap_or(0) as u32,
            &mut returned,
        );
        (hr, returned)
    }
}

/// The same call through the Rust handle: the HRESULT and the bytes returned (or needed, for
/// ERROR_MORE_DATA), as COM reports them.
fn rust_ks(s: &System, descriptor: &[u8], capacity: Option<usize>) -> (HRESULT, u32) {
    let ks = rdev(s, HEADSETS_USB_FILTER)
        .activate(iids::IID_IKsControl, 0x17, None)
        .expect("activate")
        .into_ks_control()
        .expect("ks");
    let mut data = vec![0u8; capacity.unwrap_or(0)];
    let result = ks.ks_property(descriptor, capacity.map(|_| &mut data[..]));
    let returned = match &result {
        Ok(n) => *n,
        Err(devtopo::Error::KsMoreData { needed, .. }) => *needed,
        Err(_) => 0,
    };
    (rust_code(result), returned)
}

const GET: u32 = ks::KSPROPERTY_TYPE_GET;
const SET: u32 = ks::KSPROPERTY_TYPE_SET;

// Each row names its (id, flags, capacity); `rust` and `com` make the same call.
macro_rules! row {
    ($name:expr, $id:expr, $flags:expr, $cap:expr, $expect:expr) => {
        Case {
            name: $name,
            fixture: served,
            rust: |s| rust_ks(s, &property($id, $flags), $cap).0,
            com: |s| com_ks(s, &property($id, $flags), $cap).0,
            expect: $expect,
        }
    };
}

pub(crate) fn cases() -> Vec<Case> {
    vec![
        row!("Q3 KsProperty served", SERVED, GET, Some(8), HResult::S_OK),
        row!(
            "Q4 KsProperty size query (NULL, 0)",
            SERVED,
            GET,
            None,
            HResult::ERROR_MORE_DATA
        ),
        row!(
            "Q4 KsProperty with a short buffer",
            SERVED,
            GET,
            Some(2),
            HResult::ERROR_MORE_DATA
        ),
        row!(
            "Q8 KsProperty of a NULL-valued property (NULL, 0)",
            EMPTY,
            GET,
            None,
            HResult::S_OK
        ),
        row!(
            "Q11 KsProperty whose handler fails",
            FAILING,
            GET,
            Some(8),
            HResult::E_FAIL
        ),
        row!(
            "X61 KsProperty of an unknown id of a served set",
            45,
            GET,
            Some(8),
            HResult::E_NOTFOUND
        ),
        row!(
            "X61 KsProperty with a verb the id does not take",
            SERVED,
            SET,
            Some(8),
            HResult::ERROR_INVALID_FUNCTION
        ),
    ]
}

/// Q4: the size query and a short buffer report the size needed in `*pBytesReturned`, and a
/// served request the bytes written, identically through Rust and COM; a NULL-valued property
/// returns 0 bytes (Q8).
#[test]
fn q4_bytes_returned_match_through_rust_and_com() {
    let s = served();
    for (id, capacity, expected) in [
        (SERVED, None, 4),
        (SERVED, Some(2), 4),
        (SERVED, Some(8), 4),
        (EMPTY, None, 0),
    ] {
        let descriptor = property(id, GET);
        let com = com_ks(&s, &descriptor, capacity);
        let rust = rust_ks(&s, &descriptor, capacity);
        assert_eq!(com, rust, "id {id}, capacity {capacity:?}");
        assert_eq!(com.1, expected, "id {id}, capacity {capacity:?}");
    }
}
