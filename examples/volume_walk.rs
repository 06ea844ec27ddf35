//! Volume walk, in the style of van Eerde's devicetopology.exe walker, NAudio's demo and VA.ahk (rule W3): from each
//! endpoint, follow the signal path across devices, find every volume and mute subunit, and
//! set each volume per channel (channel n to -6(n+1) dB) and unmute.
//!
//! Run with `cargo run --example volume_walk`.

use std::collections::HashSet;
use std::error::Error;
use std::fmt::Write;

use devtopo::*;

/// `Activate`, with `E_NOINTERFACE` meaning "not this kind of control" (W3).
fn probe(part: &Part, iid: Guid) -> devtopo::Result<Option<Control>> {
    match part.activate(CLSCTX_ALL, iid) {
        Ok(control) => Ok(Some(control)),
        Err(e) if e.hresult() == HResult::E_NOINTERFACE => Ok(None),
        Err(e) => Err(e),
    }
}

/// Walks from one part away from the endpoint, recursing into connected devices.
fn walk(
    part: Part,
    render: bool,
    seen: &mut HashSet<String>,
    out: &mut String,
) -> Result<(), Box<dyn Error>> {
    // Global IDs are unique across the system (I5).
    if !seen.insert(part.global_id()?) {
        return Ok(());
    }
    if let Some(volume) = probe(&part, guids::IID_IAudioVolumeLevel)?.and_then(Control::into_level)
    {
        for channel in 0..volume.channel_count()? {
            volume.set_level(channel, -6.0 * (channel + 1) as f32, None)?;
        }
        let levels: Vec<f32> = (0..volume.channel_count()?)
            .map(|c| volume.level(c))
            .collect::<devtopo::Result<_>>()?;
        writeln!(
            out,
            "  {} {:?}: volume {levels:?} dB",
            part.local_id()?,
            part.name()?
        )?;
    }
    if let Some(mute) = probe(&part, guids::IID_IAudioMute)?.and_then(Control::into_mute) {
        mute.set_mute(false, None)?;
        writeln!(
            out,
            "  {} {:?}: mute {}",
            part.local_id()?,
            part.name()?,
            mute.mute()?
        )?;
    }
    // A connector leads into the device on its other side (E_NOTFOUND: not connected).
    if let Ok(connector) = part.as_connector() {
        match connector.connected_to() {
            Ok(peer) => walk(peer.as_part().clone(), render, seen, out)?,
            Err(e) if e.hresult() == HResult::E_NOTFOUND => {}
            Err(e) => return Err(e.into()),
        }
    }
    let next = if render {
        part.parts_incoming()
    } else {
        part.parts_outgoing()
    };
    match next {
        Ok(list) => {
            for p in &list {
                walk(p, render, seen, out)?;
            }
        }
        Err(e) if e.hresult() == HResult::E_NOTFOUND => {}
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// The example's logic; `main` prints what it returns. Tests run it too.
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::sysvad()?;
    let mut out = String::new();
    let mask = DeviceState::Active.value() | DeviceState::Unplugged.value();
    let mut volumes = 0;
    for endpoint in system.endpoints(EDataFlow::All, mask)? {
        let render = endpoint.kind()? == DeviceKind::RenderEndpoint;
        writeln!(out, "{}", endpoint.name()?)?;
        let start = endpoint.topology()?.connector(0)?.as_part().clone();
        let mut seen = HashSet::new();
        walk(start, render, &mut seen, &mut out)?;
    }
    for line in out.lines() {
        if line.contains("volume [") {
            volumes += 1;
            assert!(line.contains("[-6.0") && !line.contains("[-6.0, -6.0"));
        }
    }
    assert_eq!(volumes, 3); // MIC-IN, HDMI and MICARRAY1; the speaker has none (B1-1)
    assert!(out.contains("volume [-6.0, -12.0] dB"));
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
