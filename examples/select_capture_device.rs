//! `SelectCaptureDevice` from the "Device Topologies" page (rule W2), on the four-topology
//! example: from a capture endpoint, walk toward the system bus and, at the first subunit
//! with `IAudioInputSelector`, select the input the walk came from.
//!
//! Run with `cargo run --example select_capture_device`.

use std::error::Error;
use std::fmt::Write;

use devtopo::*;

/// The sample, transcribed call by call; it returns the HRESULT the C++ code returns.
fn select_capture_device(endpoint: &Device, out: &mut String) -> devtopo::Result<HResult> {
    let topology = endpoint.topology()?;
    let mut connector = topology.connector(0)?;
    if connector.data_flow()? != DataFlow::Out {
        return Ok(HResult::AUDCLNT_E_WRONG_ENDPOINT_TYPE);
    }
    loop {
        // Outer loop: cross into the next device, or stop at the system bus.
        if !connector.is_connected()? {
            return Ok(
                if connector.connector_type()? == ConnectorType::SoftwareIo {
                    HResult::S_OK
                } else {
                    HResult::E_FAIL
                },
            );
        }
        let mut part = connector.connected_to()?.as_part().clone();
        // Inner loop: follow the first outgoing link until a connector.
        loop {
            let next = part.parts_outgoing()?.part(0)?;
            if next.part_type()? == PartType::Connector {
                connector = next.as_connector()?;
                break;
            }
            match next.activate(CLSCTX_ALL, guids::IID_IAudioInputSelector) {
                Ok(control) => {
                    let Some(selector) = control.into_input_selector() else {
                        return Ok(HResult::E_NOINTERFACE);
                    };
                    let id = part.local_id()?;
                    selector.set_selection(id, None)?;
                    writeln!(out, "  {} selects {id}", next.name()?).ok();
                }
                Err(e) if e.hresult() == HResult::E_NOINTERFACE => {
                    writeln!(
                        out,
                        "  {} {:?}: no input selector",
                        next.local_id()?,
                        next.name()?
                    )
                    .ok();
                }
                Err(e) => return Err(e),
            }
            part = next;
        }
    }
}

/// The example's logic; `main` prints what it returns. Tests run it too.
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::four_topologies()?;
    let selector = system
        .device(fixtures::FOUR_MUX)?
        .topology()?
        .part_by_id(LocalId::subunit(6))?
        .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)?
        .into_input_selector()
        .ok_or("the MUX has an input selector")?;
    let mut out = String::new();
    for (id, expected) in [(fixtures::FOUR_EPB, 0x20003), (fixtures::FOUR_EPA, 0x20001)] {
        let endpoint = system.device(id)?;
        writeln!(out, "SelectCaptureDevice({})", endpoint.name()?)?;
        let hr = select_capture_device(&endpoint, &mut out)?;
        writeln!(out, "  -> {hr}, MUX selection {}", selector.selection()?)?;
        assert_eq!(hr, HResult::S_OK); // A10: it stops at the Software_IO DMA connector
        assert_eq!(selector.selection()?, LocalId(expected));
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
