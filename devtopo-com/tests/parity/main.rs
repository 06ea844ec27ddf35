//! HRESULT parity: each row runs the same call, success or documented failure, once through
//! devtopo's Rust API and once through the COM objects, each on a fresh copy of the fixture,
//! and asserts the same HRESULT (one source of truth: the COM layer only translates).

#[path = "../common/mod.rs"]
mod common;
mod controls;
mod ks;
mod mmdevice;
mod topology;

use common::com::*;
use common::walk::activate;
use devtopo::fixtures::FOUR_MUX;
use devtopo::{
    CLSCTX_ALL, ControlSpec, DeviceKind, DeviceSpec, DeviceSpecificSpec, HResult, PropertyValue,
    SubunitSpec, System, SystemBuilder, fixtures, guids,
};
use devtopo_com::*;
use windows_core::HRESULT;

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) fixture: fn() -> System,
    pub(crate) rust: fn(&System) -> HRESULT,
    pub(crate) com: fn(&System) -> HRESULT,
    /// The HRESULT the spec gives, to keep the table honest.
    pub(crate) expect: HResult,
}

pub(crate) fn four() -> System {
    fixtures::four_topologies().expect("fixture")
}

pub(crate) fn micin() -> System {
    fixtures::sysvad_mic_in().expect("fixture")
}

/// One adapter with a device-specific VT_BOOL property (K13) and a VT_I4 one.
pub(crate) fn properties() -> System {
    let mut b = SystemBuilder::new();
    let d = b
        .add_device(DeviceSpec::new("{2}.props", "props", DeviceKind::Adapter))
        .expect("device");
    for value in [PropertyValue::Bool(true), PropertyValue::I4(3)] {
        let mut spec = SubunitSpec::new("node", guids::KSNODETYPE_DEV_SPECIFIC);
        spec.controls = vec![ControlSpec::DeviceSpecificProperty(DeviceSpecificSpec {
            value,
            range: None,
            read_only: false,
        })];
        b.add_subunit(d, spec).expect("subunit");
    }
    b.build().expect("system")
}

pub(crate) fn rtopo(s: &System, id: &str) -> devtopo::DeviceTopology {
    s.device(id).and_then(|d| d.topology()).expect("topology")
}

pub(crate) fn rcon(s: &System, id: &str, lid: u32) -> devtopo::Connector {
    rust_part(s, id, lid).as_connector().expect("connector")
}

pub(crate) fn level(s: &System) -> devtopo::PerChannelDbLevel {
    rust_part(s, FOUR_MUX, 0x20001)
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)
        .ok()
        .and_then(|c| c.into_level())
        .expect("level")
}

pub(crate) fn clevel(s: &System) -> IAudioVolumeLevel {
    activate(&part(s, FOUR_MUX, 0x20001)).expect("level")
}

pub(crate) fn cprop(s: &System, lid: u32) -> IDeviceSpecificProperty {
    activate(&part(s, "{2}.props", lid)).expect("property")
}

pub(crate) fn rprop(s: &System, lid: u32) -> devtopo::DeviceSpecificProperty {
    rust_part(s, "{2}.props", lid)
        .activate(CLSCTX_ALL, guids::IID_IDeviceSpecificProperty)
        .ok()
        .and_then(|c| c.into_device_specific_property())
        .expect("property")
}

fn cases() -> Vec<Case> {
    let mut cases = topology::cases();
    cases.extend(controls::cases());
    cases.extend(mmdevice::cases());
    cases.extend(ks::cases());
    cases
}

#[test]
fn every_case_gives_the_same_hresult_through_rust_and_com() {
    let mut failures = Vec::new();
    for case in cases() {
        let rust = (case.rust)(&(case.fixture)());
        let com = (case.com)(&(case.fixture)());
        if rust != com || rust.0 != case.expect.0 {
            failures.push(format!(
                "{}: rust 0x{:08X}, com 0x{:08X}, spec 0x{:08X}",
                case.name, rust.0 as u32, com.0 as u32, case.expect.0 as u32
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
