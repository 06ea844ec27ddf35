//! Builds the four-topology example of the "Device Topologies" page and walks it the way real
//! clients do (rules W1, W3): endpoint -> connector 0 -> `GetConnectedTo` ->
//! `GetTopologyObject` -> `EnumPartsOutgoing` (capture) or `EnumPartsIncoming` (render) across
//! each adapter, treating `E_NOTFOUND` as the end of a path, and prints a readable tree.
//!
//! Run it with `cargo run --example device_topologies`.

use std::error::Error;
use std::fmt::Write;

use devtopo::{Connector, DeviceKind, Direction, HResult, Part, PartType, System, fixtures};

/// Walks every endpoint of the four-topology example and returns the printed tree.
pub(crate) fn run() -> Result<String, Box<dyn Error>> {
    let system = fixtures::four_topologies()?;
    walk_system(&system)
}

/// Walks every endpoint of `system` and returns the tree as text.
pub(crate) fn walk_system(system: &System) -> Result<String, Box<dyn Error>> {
    let mut out = String::new();
    for device in system.devices() {
        let kind = device.kind()?;
        if !kind.is_endpoint() {
            continue;
        }
        writeln!(
            out,
            "{} [{}] {} ({})",
            device.name()?,
            kind,
            device.id()?,
            device.state()?
        )?;
        // W1: Activate(IID_IDeviceTopology) -> GetConnector(0).
        let topology = device.topology()?;
        let connector = topology.connector(0)?;
        let direction = match kind {
            DeviceKind::CaptureEndpoint => Direction::Outgoing,
            _ => Direction::Incoming,
        };
        walk_connector(&connector, direction, 1, &mut out)?;
    }
    Ok(out)
}

fn describe(part: &Part) -> Result<String, Box<dyn Error>> {
    let name = part.name()?;
    let subtype = part.subtype()?.display_name();
    Ok(match part.part_type()? {
        PartType::Connector => {
            let c = part.as_connector()?;
            format!(
                "{} connector {:?} {} {} {}",
                part.local_id()?,
                name,
                c.data_flow()?,
                c.connector_type()?,
                subtype
            )
        }
        PartType::Subunit => format!("{} subunit {:?} {}", part.local_id()?, name, subtype),
    })
}

/// Prints a connector, then follows its connection into the next topology (C9 -> P11).
fn walk_connector(
    connector: &Connector,
    direction: Direction,
    depth: usize,
    out: &mut String,
) -> Result<(), Box<dyn Error>> {
    let pad = "  ".repeat(depth);
    writeln!(out, "{pad}{}", describe(connector.as_part())?)?;
    match connector.connected_to() {
        Ok(peer) => {
            let adapter = peer.as_part().topology()?;
            writeln!(
                out,
                "{pad}=> connected to {} ({})",
                adapter.device().name()?,
                adapter.device_id()?
            )?;
            writeln!(out, "{pad}{}", describe(peer.as_part())?)?;
            walk_links(peer.as_part(), direction, depth + 1, out)
        }
        // E_NOTFOUND: not connected, or the bus edge (Software_IO): the end of the path (W2).
        Err(e) if e.hresult() == HResult::E_NOTFOUND => {
            writeln!(out, "{pad}(end: {})", connector.connector_type()?)?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Follows links inside one topology until a connector leads out of it (P8, P9).
fn walk_links(
    part: &Part,
    direction: Direction,
    depth: usize,
    out: &mut String,
) -> Result<(), Box<dyn Error>> {
    let next = match direction {
        Direction::Outgoing => part.parts_outgoing(),
        Direction::Incoming => part.parts_incoming(),
    };
    let list = match next {
        Ok(list) => list,
        Err(e) if e.hresult() == HResult::E_NOTFOUND => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    for next in &list {
        match next.as_connector() {
            Ok(connector) => walk_connector(&connector, direction, depth, out)?,
            Err(e) if e.hresult() == HResult::E_NOINTERFACE => {
                writeln!(out, "{}{}", "  ".repeat(depth), describe(&next)?)?;
                walk_links(&next, direction, depth + 1, out)?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}
