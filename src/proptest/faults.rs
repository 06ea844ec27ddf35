//! Arbitrary [`Fault`]s over a given system (issue 10, item 4): any method or every method,
//! anywhere, on a device or on a part of the system, on any trigger, failing with one of the
//! `HRESULT`s a Windows audio client meets or changing the hardware first.

use ::proptest::collection::{SizeRange, vec};
use ::proptest::prelude::*;
use ::proptest::sample::select;

use crate::hresult::HResult;
use crate::instrument::{Fault, HardwareAction, Method, Target, Then, Trigger};
use crate::system::System;

/// The failures [`fault`] draws: what real drivers and the audio service answer (the
/// toolkit's one-liners, docs/faults-and-recording.md). Shrinks toward `E_FAIL`.
pub const FAULT_HRESULTS: [HResult; 7] = [
    HResult::E_FAIL,
    HResult::E_OUTOFMEMORY,
    HResult::E_NOINTERFACE,
    HResult::E_INVALIDARG,
    HResult::E_ACCESSDENIED,
    HResult::ERROR_PATH_NOT_FOUND,
    HResult::AUDCLNT_E_DEVICE_INVALIDATED,
];

/// One fault over `system` (its devices and parts now, read from a snapshot): a method of
/// [`Method::ALL`] or any method; anywhere, a device or a part; once, the nth call (1-5),
/// always, or the next 1-3 calls; failing with one of [`FAULT_HRESULTS`], or removing,
/// disabling or unplugging a device first and then proceeding or failing. Every fault drawn
/// is one [`Faults::add`](crate::Faults::add) accepts (X71). Shrinks toward "the next call
/// of any method, anywhere, fails with `E_FAIL`".
pub fn fault(system: &System) -> BoxedStrategy<Fault> {
    let snapshot = system.snapshot();
    let mut targets = vec![Target::System];
    let mut devices = Vec::new();
    for d in &snapshot.devices {
        targets.push(Target::device(&d.id));
        devices.push(d.id.clone());
        targets.extend(d.parts.iter().map(|p| Target::part(&d.id, p.local_id)));
    }
    let method = prop_oneof![Just(None), select(Method::ALL.to_vec()).prop_map(Some)];
    let trigger = prop_oneof![
        Just(Trigger::Once),
        (1u64..=5).prop_map(Trigger::Nth),
        Just(Trigger::Always),
        (1u64..=3).prop_map(Trigger::Next),
    ];
    let failure = select(FAULT_HRESULTS.to_vec());
    let then = prop_oneof![
        Just(Then::Proceed),
        select(FAULT_HRESULTS.to_vec()).prop_map(Then::Fail)
    ];
    let action: BoxedStrategy<Result<HResult, (HardwareAction, Then)>> = if devices.is_empty() {
        failure.prop_map(Ok).boxed()
    } else {
        let hardware = (0u8..3, select(devices)).prop_map(|(kind, id)| match kind {
            0 => HardwareAction::remove(&id),
            1 => HardwareAction::Disable(crate::DeviceId::new(&id)),
            _ => HardwareAction::Unplug(crate::DeviceId::new(&id)),
        });
        prop_oneof![
            3 => failure.prop_map(Ok),
            1 => (hardware, then).prop_map(Err),
        ]
        .boxed()
    };
    (method, select(targets), trigger, action)
        .prop_map(|(method, target, trigger, action)| {
            let fault = method
                .map_or_else(Fault::on_any_method, Fault::on)
                .at(target)
                .trigger(trigger);
            match action {
                Ok(hresult) => fault.fail(hresult),
                Err((hardware, then)) => fault.hardware_then(hardware, then),
            }
        })
        .boxed()
}

/// A list of faults over `system`, each as [`fault`] draws it.
pub fn faults(system: &System, len: impl Into<SizeRange>) -> BoxedStrategy<Vec<Fault>> {
    vec(fault(system), len).boxed()
}
