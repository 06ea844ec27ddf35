//! Lifetime: every object devtopo-com makes is counted from creation to its last Release;
//! after a client releases everything it obtained (including a registered sink's part, after
//! unregistering), the count is back where it started. One test in its own binary, so no other
//! test's objects run concurrently.

mod common;

use common::com::*;
use common::walk::{activate, com_enumerator_walk, com_walk};
use devtopo::fixtures;
use devtopo_com::*;
use windows_core::Interface;

#[test]
fn every_object_goes_when_the_last_reference_is_released() -> Result<(), Box<dyn std::error::Error>>
{
    let start = live_objects();
    {
        let system = fixtures::four_topologies()?;
        let topology = topology(&system, fixtures::FOUR_MUX);
        assert_eq!(live_objects(), start + 1);
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let part = unsafe { topology.GetPartById(0x20001)? };
        let vol: IAudioVolumeLevel = activate(&part)?;
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let list = unsafe { part.EnumPartsOutgoing()? };
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let c = unsafe { topology.GetConnector(0)? };
        let p: IPart = c.cast()?; // the same object: no new one
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let peer = unsafe { c.GetConnectedTo()? };
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let control = unsafe { part.GetControlInterface(0)? };
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let owner = unsafe { part.GetTopologyObject()? };
        assert_eq!(live_objects(), start + 8);
        let sink = Recorder::sink();
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        unsafe {
            part.RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
                .ok()?
        };
        drop(system); // the objects keep the simulation alive
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        unsafe { vol.SetLevelUniform(-1.0, None).ok()? };
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        unsafe { part.UnregisterControlChangeCallback(&sink).ok()? };
        drop((vol, list, p, peer, control, owner));
        assert_eq!(live_objects(), start + 3); // topology, part, c
        drop((part, c, topology));
    }
    assert_eq!(live_objects(), start);

    // A whole walk of every bundled topology leaves nothing behind either, also from the
    // enumerator (collections, devices, property stores, PROPVARIANTs cleared).
    for (_, system) in common::bundled() {
        let _ = com_walk(&system);
        let _ = com_enumerator_walk(&enumerator(&system));
    }
    assert_eq!(live_objects(), start);

    // The MMDevice objects: enumerator, collection, device (IMMEndpoint on the same object),
    // property store, IKsControl, and a registered IMMNotificationClient's adapter.
    {
        let system = fixtures::headsets()?;
        let e = enumerator(&system);
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        let all = unsafe { e.EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL as u32)? };
        // SAFETY: as above.
        let device = unsafe { all.Item(0)? };
        let endpoint: IMMEndpoint = device.cast()?; // the same object
        // SAFETY: as above.
        let store = unsafe { device.OpenPropertyStore(0)? };
        let wide: Vec<u16> = fixtures::HEADSETS_USB_FILTER
            .encode_utf16()
            .chain([0])
            .collect();
        // SAFETY: as above; `wide` outlives the call.
        let adapter = unsafe { e.GetDevice(windows_core::PCWSTR(wide.as_ptr()))? };
        // SAFETY: as above.
        let ks: IKsControl = unsafe { adapter.Activate(0x17, None)? };
        assert_eq!(live_objects(), start + 6);
        drop(system);
        drop((endpoint, store, ks, adapter, all, device, e));
    }
    assert_eq!(live_objects(), start);
    Ok(())
}
