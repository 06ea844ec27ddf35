//! Runs the control examples (W2-W5 and a jack callback); each asserts what it prints.

#[allow(dead_code)]
#[path = "../../examples/jack_query.rs"]
mod jack_query;
#[allow(dead_code)]
#[path = "../../examples/jack_unplug_callback.rs"]
mod jack_unplug_callback;
#[allow(dead_code)]
#[path = "../../examples/select_capture_device.rs"]
mod select_capture_device;
#[allow(dead_code)]
#[path = "../../examples/volume_walk.rs"]
mod volume_walk;

type R = Result<(), Box<dyn std::error::Error>>;

/// W4, W5.
#[test]
fn w4_w5_jack_query_example() -> R {
    let out = jack_query::run()?;
    assert!(out.contains("IsConnected true"));
    Ok(())
}

/// W3.
#[test]
fn w3_volume_walk_example() -> R {
    assert!(volume_walk::run()?.contains("mute false"));
    Ok(())
}

/// W2, A10.
#[test]
fn w2_a10_select_capture_device_example() -> R {
    assert!(select_capture_device::run()?.contains("MUX selects 0x00020003"));
    Ok(())
}

/// N9, X27.
#[test]
fn n9_x27_jack_unplug_callback_example() -> R {
    assert!(jack_unplug_callback::run()?.contains("after unplug: DEVICE_STATE_UNPLUGGED"));
    Ok(())
}
