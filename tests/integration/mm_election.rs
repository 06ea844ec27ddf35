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
    let (system, pairs) = endpoint_pairs(N)?;
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

/// `pairs` capture endpoints, each with an adapter jack it can be connected to.
fn endpoint_pairs(
    n: usize,
) -> devtopo::Result<(
    devtopo::System,
    Vec<(devtopo::Connector, devtopo::Connector)>,
)> {
    let mut b = SystemBuilder::new();
    let mut keys = Vec::new();
    for i in 0..n {
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
    let pairs = keys
        .iter()
        .map(|&(e, j)| Ok((system.connector(e)?, system.connector(j)?)))
        .collect::<devtopo::Result<_>>()?;
    Ok((system, pairs))
}

/// Counts endpoint events, as strings in delivery order.
#[derive(Default)]
struct Log(std::sync::Mutex<Vec<String>>);

impl devtopo::MMNotificationClient for Log {
    fn on_device_state_changed(&self, device_id: &str, new_state: devtopo::DeviceState) {
        if let Ok(mut v) = self.0.lock() {
            v.push(format!("state {device_id} {new_state:?}"));
        }
    }
    fn on_default_device_changed(&self, flow: EDataFlow, role: ERole, device_id: Option<&str>) {
        if let Ok(mut v) = self.0.lock() {
            v.push(format!("default {flow:?} {role:?} {device_id:?}"));
        }
    }
}

impl Log {
    fn take(&self) -> Vec<String> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }
}

/// X78: with nobody listening, ConnectTo/Disconnect defer the state rule; every reader sees
/// what an eager derivation gives (the same system with a sink registered derives at once),
/// and a sink registered after unread changes hears only what happens after it.
#[test]
fn x78_deferred_states_read_like_eager_ones() -> devtopo::Result<()> {
    use std::sync::Arc;
    const N: usize = 12;
    let (lazy, lazy_pairs) = endpoint_pairs(N)?;
    let (eager, eager_pairs) = endpoint_pairs(N)?;
    let heard = Arc::new(Log::default());
    eager.register_endpoint_notification_callback(heard.clone())?;
    let mut connected = [false; N];
    let mut x: u64 = 11;
    for step in 0..300 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = (x >> 33) as usize % N;
        for pairs in [&lazy_pairs, &eager_pairs] {
            let (ep, jack) = &pairs[i];
            if connected[i] {
                ep.disconnect()?;
            } else {
                ep.connect_to(jack)?;
            }
        }
        connected[i] = !connected[i];
        // Read only now and then: several changes stay deferred between reads.
        if step % 7 != 0 {
            continue;
        }
        for ((a, _), (b, _)) in lazy_pairs.iter().zip(&eager_pairs) {
            let (da, db) = (
                a.as_part().topology()?.device(),
                b.as_part().topology()?.device(),
            );
            assert_eq!(da.state()?, db.state()?, "step {step}");
        }
        // DEVICE_STATE_ACTIVE only: the enumeration filters by state.
        let ids = |s: &devtopo::System| -> devtopo::Result<Vec<String>> {
            s.endpoints(EDataFlow::Capture, 1)?
                .iter()
                .map(|d| d.id())
                .collect()
        };
        assert_eq!(ids(&lazy)?, ids(&eager)?, "step {step}");
        for role in [ERole::Console, ERole::Multimedia, ERole::Communications] {
            let (a, b) = (
                lazy.default_endpoint(EDataFlow::Capture, role),
                eager.default_endpoint(EDataFlow::Capture, role),
            );
            assert_eq!(a.and_then(|d| d.id()).ok(), b.and_then(|d| d.id()).ok());
        }
        // A connected endpoint's peer is ACTIVE either way (C9): the lookup reads states.
        for ((a, _), (b, _)) in lazy_pairs.iter().zip(&eager_pairs) {
            assert_eq!(
                a.connected_to().map(|c| c.as_part().local_id().ok()).ok(),
                b.connected_to().map(|c| c.as_part().local_id().ok()).ok()
            );
        }
    }
    // Unread changes, then a sink: it hears only the next change, exactly as the eager one.
    let free = (0..N).find(|&i| !connected[i]).unwrap_or(0);
    let busy = (0..N).find(|&i| connected[i]).unwrap_or(1);
    for pairs in [&lazy_pairs, &eager_pairs] {
        pairs[busy].0.disconnect()?;
    }
    let late = Arc::new(Log::default());
    lazy.register_endpoint_notification_callback(late.clone())?;
    heard.take();
    for pairs in [&lazy_pairs, &eager_pairs] {
        pairs[free].0.connect_to(&pairs[free].1)?;
    }
    let (got, want) = (late.take(), heard.take());
    assert!(!want.is_empty());
    assert_eq!(got, want);
    Ok(())
}
