//! Lifetime: every object devtopo-com makes is counted from creation to its last Release;
//! after a client releases everything it obtained (including a registered sink's part, after
//! unregistering), the count is back where it started. One test in its own binary, so no other
//! test's objects run concurrently.

mod common;

use common::com::*;
use common::walk::{activate, com_walk};
use devtopo::fixtures;
use devtopo_com::*;
use windows_core::Interface;

#[test]
fn every_object_goes_when_the_last_reference_is_released() -> Result<(), Box<dyn std::error::Error>> {
    let start = live_objects();
    {
        let system = fixtures::four_topologies()?;
        let topology = topology(&system, fixtures::FOUR_MUX);
        assert_eq!(live_objects(), start + 1);
        let part = unsafe { topology.GetPartById(0x20001)? };
        let vol: IAudioVolumeLevel = activate(&part)?;
        let list = unsafe { part.EnumPartsOutgoing()? };
        let c = unsafe { topology.GetConnector(0)? };
        let p: IPart = c.cast()?; // the same object: no new one
        let peer = unsafe { c.GetConnectedTo()? };
        let control = unsafe { part.GetControlInterface(0)? };
        let owner = unsafe { part.GetTopologyObject()? };
        assert_eq!(live_objects(), start + 8);
        let sink = Recorder::new();
        unsafe { part.RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink).ok()? };
        drop(system); // the objects keep the simulation alive
        unsafe { vol.SetLevelUniform(-1.0, None).ok()? };
        unsafe { part.UnregisterControlChangeCallback(&sink).ok()? };
        drop((vol, list, p, peer, control, owner));
        assert_eq!(live_objects(), start + 3); // topology, part, c
        drop((part, c, topology));
    }
    assert_eq!(live_objects(), start);

    // A whole walk of every bundled topology leaves nothing behind either.
    for (_, system) in common::bundled() {
        let _ = com_walk(&system);
    }
    assert_eq!(live_objects(), start);
    Ok(())
}
