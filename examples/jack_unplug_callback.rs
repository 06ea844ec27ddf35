//! Reacting to a jack being unplugged: a client registers an `IControlChangeNotify` sink for
//! `IKsJackDescription` on the HDMI jack connector (rules N1, N9); the simulated hardware
//! pulls the plug; the sink reads the jack state from inside its callback and sees the
//! endpoint become UNPLUGGED (X27).
//!
//! Run with `cargo run --example jack_unplug_callback`.

use std::error::Error;
use std::fmt::Write;
use std::sync::{Arc, Mutex};

use devtopo::*;

/// A client's sink: on each jack notification it reads the jack and the endpoint state.
struct JackWatcher {
    jack: KsJackDescription,
    endpoint: Device,
    log: Mutex<Vec<String>>,
}

impl ControlChangeNotify for JackWatcher {
    fn on_notify(&self, sender_process_id: u32, event_context: Option<Guid>) {
        let hardware =
            event_context.is_some_and(|c| c.data1 == DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT);
        let connected = self.jack.jack_description(0).map(|d| d.is_connected);
        let state = self.endpoint.state();
        if let Ok(mut log) = self.log.lock() {
            log.push(format!(
                "OnNotify(pid {sender_process_id}, hardware-initiated {hardware}): IsConnected {connected:?}, endpoint {state:?}"
            ));
        }
    }
}

/// The example's logic; `main` prints what it returns. Tests run it too.
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::sysvad_hdmi()?;
    let endpoint = system.device(fixtures::SYSVAD_HDMI_ENDPOINT)?;
    let connector = endpoint.topology()?.connector(0)?.connected_to()?;
    let jack = connector
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsJackDescription)?
        .into_jack_description()
        .ok_or("jack description")?;
    let watcher = Arc::new(JackWatcher {
        jack,
        endpoint: endpoint.clone(),
        log: Mutex::default(),
    });
    connector
        .as_part()
        .register_control_change_callback(guids::IID_IKsJackDescription, watcher.clone())?;

    let mut out = String::new();
    writeln!(out, "{}: {}", endpoint.name()?, endpoint.state()?)?;
    system.hardware().unplug_jack(&connector, 0)?;
    writeln!(out, "after unplug: {}", endpoint.state()?)?;
    let active = system.endpoints(EDataFlow::Render, DeviceState::Active.value())?;
    writeln!(out, "active render endpoints: {}", active.len())?;
    system.hardware().plug_jack(&connector, 0)?;
    writeln!(out, "after plug: {}", endpoint.state()?)?;
    // N4: unregister before letting go (the watcher holds handles of the system).
    connector
        .as_part()
        .unregister_control_change_callback(&*watcher)?;

    let log = watcher.log.lock().map_err(|_| "poisoned")?.clone();
    for line in &log {
        writeln!(out, "{line}")?;
    }
    assert_eq!(log.len(), 2);
    assert!(
        log[0].contains("hardware-initiated true): IsConnected Ok(false), endpoint Ok(Unplugged)")
    );
    assert!(log[1].contains("IsConnected Ok(true), endpoint Ok(Active)"));
    assert_eq!(active.len(), 0);
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
