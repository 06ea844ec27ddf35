//! Jack query, as PortAudio and Chromium do it (rules W4, W5): from each endpoint, find the
//! adapter connector behind it, read its jack descriptions, and look the adapter device up
//! by the ID `GetDeviceIdConnectedTo` gives.
//!
//! Run with `cargo run --example jack_query`.

use std::error::Error;
use std::fmt::Write;

use devtopo::*;

/// The example's logic; `main` prints what it returns. Tests run it too.
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::sysvad()?;
    let mut out = String::new();
    let mask = DeviceState::Active.value() | DeviceState::Unplugged.value();
    for endpoint in system.endpoints(EDataFlow::All, mask)? {
        writeln!(out, "{} [{}]", endpoint.name()?, endpoint.id()?)?;
        let connector = endpoint.topology()?.connector(0)?;
        // W4: GetConnectedTo; ERROR_PATH_NOT_FOUND means "the adapter is not active".
        let jack_connector = match connector.connected_to() {
            Ok(c) => c,
            Err(e) if e.hresult() == HResult::ERROR_PATH_NOT_FOUND => {
                writeln!(out, "  adapter device not active")?;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        // W5: GetDeviceIdConnectedTo -> IMMDeviceEnumerator::GetDevice(adapter ID).
        let adapter = system.device(&connector.device_id_connected_to()?)?;
        writeln!(out, "  adapter: {}", adapter.name()?)?;
        let jacks = match jack_connector
            .as_part()
            .activate(CLSCTX_INPROC_SERVER, guids::IID_IKsJackDescription)
        {
            Ok(control) => control
                .into_jack_description()
                .ok_or("not a jack description")?,
            Err(e) if e.hresult() == HResult::E_NOINTERFACE => {
                writeln!(out, "  no jack description")?;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        for i in 0..jacks.jack_count()? {
            let d = jacks.jack_description(i)?;
            let (r, g, b) = d.rgb();
            writeln!(
                out,
                "  jack {i}: ChannelMapping {:#x}, Color {:#08x} (red {r}, green {g}, blue {b}), {}, {}, {}, {}, IsConnected {}",
                d.channel_mapping,
                d.color,
                d.connection_type,
                d.geo_location,
                d.gen_location,
                d.port_connection,
                d.is_connected
            )?;
        }
    }
    assert!(out.contains("jack 0: ChannelMapping 0x3, Color 0xb3c98c"));
    assert!(out.contains("eConnTypeOtherDigital, eGeoLocHDMI"));
    assert!(out.contains("adapter: TopologyMicArray1"));
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
