//! The devicetopology.exe-style walk over every bundled topology, through the generated COM
//! interfaces only (rule W1), equals the same walk through devtopo's Rust handles.

mod common;

#[test]
fn com_walk_equals_rust_walk_on_every_bundled_topology() {
    for (path, system) in common::bundled() {
        let com = common::walk::com_walk(&system);
        let rust = common::walk::rust_walk(&system);
        assert!(
            com.lines().count() > 3,
            "{}: walk too short",
            path.display()
        );
        assert_eq!(com, rust, "{}", path.display());
    }
}

/// The walk reaches what devicetopology.exe prints: jacks, volume levels, mutes, cross-device
/// peers and the path beyond connector 0.
#[test]
fn the_walk_covers_jacks_levels_peers_and_paths() {
    let all: String = common::bundled()
        .iter()
        .map(|(_, s)| common::walk::com_walk(s))
        .collect();
    for needle in [
        "    jack 0 ",
        "    volume 0 ",
        "    mute ",
        " peer {",
        "  path from 0x",
    ] {
        assert!(all.contains(needle), "no {needle:?} in the walk");
    }
    if let Ok(dir) = std::env::var("DEVTOPO_COM_WALK_OUT") {
        std::fs::write(format!("{dir}/walk.txt"), &all).expect("write walk");
    }
}

/// The same walk starting where client code starts, at `IMMDeviceEnumerator`: every endpoint
/// in every state (`eAll`, `DEVICE_STATEMASK_ALL`, V1, X24), each `Activate`d to its
/// `IDeviceTopology` (W1), and the adapters reached through connector 0, found again with
/// `GetDevice` (V8) and read through their property stores (S21, X57).
#[test]
fn enumerator_walk_equals_rust_walk_on_every_bundled_topology() {
    for (path, system) in common::bundled() {
        let enumerator = devtopo_com::enumerator(&system);
        let com = common::walk::com_enumerator_walk(&enumerator);
        let rust = common::walk::rust_enumerator_walk(&system);
        assert!(com.contains("endpoint "), "{}: no endpoint", path.display());
        assert!(
            com.contains("adapter "),
            "{}: no adapter reached",
            path.display()
        );
        assert_eq!(com, rust, "{}", path.display());
    }
}
