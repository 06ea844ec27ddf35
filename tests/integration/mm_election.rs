//! The default election (V6, V7, B10) kept incrementally by the engine (issue 11: an ordered
//! set of ACTIVE endpoints per flow instead of a scan per state change) against a scan of the
//! rule here: after every ConnectTo and Disconnect of many endpoints, in a shuffled order,
//! the default of every role is the ACTIVE endpoint with the alphabetically first ID (all
//! have the same form factor), or none.

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, EDataFlow, ERole, HResult,
    SystemBuilder,
};

#[test]
fn v7_b10_default_follows_every_connect_and_disconnect() -> devtopo::Result<()> {
    const N: usize = 40;
    let mut b = SystemBuilder::new();
    let mut keys = Vec::new();
    for i in 0..N {
        let ep = b.add_device(DeviceSpec::new(
            format!("{{0.0.1.00000000}}.{{ep{i:02}}}"),
            "Mic",
            DeviceKind::CaptureEndpoint,
        ))?;
        let ep_c = b.add_connector(
            ep,
            ConnectorSpec::new("", DataFlow::Out, ConnectorType::PhysicalExternal),
        )?;
        let dev = b.add_device(DeviceSpec::new(
            format!("adapter{i}"),
            "Adapter",
            DeviceKind::Adapter,
        ))?;
        let jack = b.add_connector(
            dev,
            ConnectorSpec::new("Mic", DataFlow::In, ConnectorType::PhysicalExternal),
        )?;
        keys.push((ep_c, jack));
    }
    let system = b.build()?;
    let pairs: Vec<_> = keys
        .iter()
        .map(|&(e, j)| Ok((system.connector(e)?, system.connector(j)?)))
        .collect::<devtopo::Result<_>>()?;
    let mut connected = [false; N];
    // A fixed pseudo-random order (an LCG), each step toggling one pair.
    let mut x: u64 = 7;
    for _ in 0..400 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = (x >> 33) as usize % N;
        let (ep, jack) = &pairs[i];
        if connected[i] {
            ep.disconnect()?;
        } else {
            ep.connect_to(jack)?;
        }
        connected[i] = !connected[i];
        let expected = connected
            .iter()
            .position(|&c| c)
            .map(|i| format!("{{0.0.1.00000000}}.{{ep{i:02}}}"));
        for role in [ERole::Console, ERole::Multimedia, ERole::Communications] {
            let got = system.default_endpoint(EDataFlow::Capture, role);
            match &expected {
                Some(id) => assert_eq!(&got?.id()?, id, "{role:?}"),
                None => assert_eq!(
                    got.err().map(|e| e.hresult()),
                    Some(HResult::E_NOTFOUND),
                    "{role:?}"
                ),
            }
        }
        assert!(
            system
                .default_endpoint(EDataFlow::Render, ERole::Console)
                .is_err()
        );
    }
    Ok(())
}
