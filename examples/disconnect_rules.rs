//! Shows the `IConnector::Disconnect` and `ConnectTo` rules returning their real HRESULTs
//! (rules C3, C4, C6, C9; decisions X2, X4, X5), on the four-topology example.
//!
//! Run it with `cargo run --example disconnect_rules`.

use std::error::Error;
use std::fmt::Write;

use devtopo::{DeviceState, HResult, fixtures};

/// Formats one call's result as `S_OK` or `NAME (0x........): message`.
fn outcome(result: devtopo::Result<()>) -> String {
    match result {
        Ok(()) => format!("{:?}", HResult::S_OK),
        Err(e) => format!("{:?}: {e}", e.hresult()),
    }
}

/// Runs the calls and returns what they printed; every line is also checked here.
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::four_topologies()?;
    let mut out = String::new();
    let epa = system
        .device(fixtures::FOUR_EPA)?
        .topology()?
        .connector(0)?;
    let epb = system
        .device(fixtures::FOUR_EPB)?
        .topology()?
        .connector(0)?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let wav = system.device(fixtures::FOUR_WAV)?.topology()?;
    let (mux_mic, mux_out) = (mux.connector(1)?, mux.connector(3)?);
    let mut step = |call: &str, result: devtopo::Result<()>, expected: HResult| {
        let got = result.as_ref().err().map_or(HResult::S_OK, |e| e.hresult());
        assert_eq!(got, expected, "{call}");
        writeln!(out, "{call:<40} -> {}", outcome(result))
    };

    // C6: an ordinary connection breaks once; the second Disconnect finds nothing.
    step("EPB.c0.Disconnect()", epb.disconnect(), HResult::S_OK)?;
    step(
        "EPB.c0.Disconnect() again",
        epb.disconnect(),
        HResult::E_NOTFOUND,
    )?;
    // X5: the peer is unconnected too.
    step(
        "MUX.c1.Disconnect()",
        mux_mic.disconnect(),
        HResult::E_NOTFOUND,
    )?;
    step(
        "EPB.c0.ConnectTo(MUX.c1)",
        epb.connect_to(&mux_mic),
        HResult::S_OK,
    )?;

    // C6: a permanent Software_Fixed connection cannot be broken, from either end.
    let before = system.snapshot();
    step(
        "MUX.c3.Disconnect()",
        mux_out.disconnect(),
        HResult::ERROR_FILE_READ_ONLY,
    )?;
    step(
        "WAV.c0.Disconnect()",
        wav.connector(0)?.disconnect(),
        HResult::ERROR_FILE_READ_ONLY,
    )?;
    assert_eq!(before, system.snapshot(), "rule G5: nothing changed");

    // C3, X4: same data flow wins over "already attached"; then the attached check.
    step(
        "EPA.c0.ConnectTo(EPB.c0)",
        epa.connect_to(&epb),
        HResult::E_INVALIDARG,
    )?;
    step(
        "EPB.c0.ConnectTo(MUX.c0)",
        epb.connect_to(&mux.connector(0)?),
        HResult::ERROR_DEVICE_ALREADY_ATTACHED,
    )?;
    // C4, X2: a connector and itself have the same data flow.
    step(
        "EPB.c0.ConnectTo(EPB.c0)",
        epb.connect_to(&epb),
        HResult::E_INVALIDARG,
    )?;
    // C9: a Software_IO connector has no peer in any topology.
    step(
        "WAV.c1.GetConnectedTo()",
        wav.connector(1)?.connected_to().map(drop),
        HResult::E_NOTFOUND,
    )?;
    // C9, C10: toward an endpoint that is not ACTIVE, the path is not found.
    system
        .device(fixtures::FOUR_EPA)?
        .set_state(DeviceState::Unplugged)?;
    step(
        "(EPA unplugged) MUX.c0.GetConnectedTo()",
        mux.connector(0)?.connected_to().map(drop),
        HResult::ERROR_PATH_NOT_FOUND,
    )?;
    step(
        "(EPA unplugged) EPA.c0.GetConnectedTo()",
        epa.connected_to().map(drop),
        HResult::S_OK,
    )?;
    Ok(out)
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
