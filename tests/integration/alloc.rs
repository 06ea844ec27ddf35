//! The hot paths and the error paths of ConnectTo/Disconnect do not allocate: errors carry ids
//! and codes, and text is only built when an error is displayed (issue 2, item 8).

use devtopo::{HResult, fixtures};

#[test]
fn c6_error_paths_and_round_trip_do_not_allocate() -> devtopo::Result<()> {
    let system = fixtures::four_topologies()?;
    let epb = system
        .device(fixtures::FOUR_EPB)?
        .topology()?
        .connector(0)?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let (mic, permanent, cd) = (mux.connector(1)?, mux.connector(3)?, mux.connector(2)?);
    // Warm up once so lazily created state (if any) does not count.
    epb.disconnect()?;
    epb.connect_to(&mic)?;

    let info = allocation_counter::measure(|| {
        let not_found = cd.disconnect();
        let read_only = permanent.disconnect();
        assert_eq!(not_found.map_err(|e| e.hresult()), Err(HResult::E_NOTFOUND));
        assert_eq!(
            read_only.map_err(|e| e.hresult()),
            Err(HResult::ERROR_FILE_READ_ONLY)
        );
    });
    assert_eq!(info.count_total, 0, "error paths allocated: {info:?}");

    let info = allocation_counter::measure(|| {
        let round_trip = epb.disconnect().and_then(|()| epb.connect_to(&mic));
        assert!(round_trip.is_ok());
    });
    assert_eq!(
        info.count_total, 0,
        "ConnectTo + Disconnect allocated: {info:?}"
    );

    // Displaying the error is where text is made.
    let err = cd
        .disconnect()
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("rule C6"), "{err}");
    Ok(())
}

/// SetLevel allocates nothing when no callback is registered, and with callbacks only to
/// call them (issue 11): the state is checked and written in place, and the sinks are one
/// shared list, not a copy per change.
#[test]
fn k2_set_level_does_not_allocate() -> devtopo::Result<()> {
    use devtopo::{CLSCTX_ALL, Guid, guids};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    let system = fixtures::four_topologies()?;
    let volume = system
        .find_part("Input Multiplexer Device/Vol (Line)")
        .expect("part")
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .expect("a volume level");
    volume.set_level(0, -6.0, None)?;
    let info = allocation_counter::measure(|| {
        volume.set_level(0, -12.0, None).expect("set");
        volume.set_level(0, -12.0, None).expect("same value");
        assert!(volume.set_level(0, f32::NAN, None).is_err());
        assert!(volume.set_level(99, 0.0, None).is_err());
    });
    assert_eq!(info.count_total, 0, "SetLevel allocated: {info:?}");

    let calls = Arc::new(AtomicU32::new(0));
    let seen = calls.clone();
    let sink = Arc::new(move |_: u32, _: Option<Guid>| {
        seen.fetch_add(1, Ordering::Relaxed);
    });
    volume
        .part()
        .register_control_change_callback(guids::IID_IAudioVolumeLevel, sink)?;
    let info = allocation_counter::measure(|| {
        volume.set_level(0, -6.0, None).expect("set");
    });
    assert_eq!(calls.load(Ordering::Relaxed), 1);
    assert_eq!(
        info.count_total, 0,
        "SetLevel with a callback allocated: {info:?}"
    );
    Ok(())
}

/// GetName and EnumPartsOutgoing: one allocation each (the name's `String`, the list's
/// exactly sized slice), down from four together (issue 11).
#[test]
fn p1_p9_name_and_outgoing_allocate_once_each() -> devtopo::Result<()> {
    let system = fixtures::four_topologies()?;
    let mic = system
        .find_part("Input Multiplexer Device/Microphone")
        .expect("part");
    let info = allocation_counter::measure(|| {
        let name = mic.name().expect("name");
        let list = mic.parts_outgoing().expect("outgoing");
        assert!(!name.is_empty() && list.count().expect("count") > 0);
    });
    assert_eq!(info.count_total, 2, "{info:?}");
    Ok(())
}

/// Fixtures are parsed once per process and handed out as independent deep copies.
#[test]
fn fixtures_are_independent_copies() -> devtopo::Result<()> {
    let a = fixtures::four_topologies()?;
    let b = fixtures::four_topologies()?;
    assert!(!a.same_system(&b));
    assert_eq!(a.snapshot(), b.snapshot());
    let epb = a.device(fixtures::FOUR_EPB)?.topology()?.connector(0)?;
    epb.disconnect()?;
    assert_ne!(
        a.snapshot(),
        b.snapshot(),
        "a change to one copy shows in the other"
    );
    // A key of one copy names nothing of the other.
    assert!(b.part(epb.as_part().key()).is_err());
    Ok(())
}
