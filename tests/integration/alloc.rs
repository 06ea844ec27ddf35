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
