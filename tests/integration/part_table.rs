//! `DeviceTopology::read_parts` (issue 11, X77): the batch read of a topology's parts gives
//! exactly what the per-part IPart calls give (P1, P2, P4, P7; T2, T4 order), fails like them
//! on a removed device (X26), and allocates nothing once its table has grown.

use devtopo::{Error, HResult, PartTable, PartType, System, fixtures, generate};

/// Every part of every topology: the table against GetConnector/GetSubunit + the IPart calls.
fn check_against_calls(system: &System, table: &mut PartTable) -> devtopo::Result<usize> {
    let mut rows = 0;
    for device in system.devices() {
        let topology = device.topology()?;
        topology.read_parts(table)?;
        let mut parts = Vec::new();
        for i in 0..topology.connector_count()? {
            parts.push(topology.connector(i)?.as_part().clone());
        }
        for i in 0..topology.subunit_count()? {
            parts.push(topology.subunit(i)?.as_part().clone());
        }
        assert_eq!(table.len(), parts.len(), "{}", device.id()?);
        assert_eq!(table.iter().len(), parts.len());
        for (row, part) in table.iter().zip(&parts) {
            assert_eq!(row.name(), part.name()?);
            assert_eq!(row.local_id(), part.local_id()?);
            assert_eq!(row.part_type(), part.part_type()?);
            let kinds = (0..part.control_interface_count()?)
                .map(|j| part.control_interface(j).map(|c| c.kind()))
                .collect::<devtopo::Result<Vec<_>>>()?;
            assert_eq!(row.controls(), kinds.as_slice());
            assert_eq!(&system.part(row.key())?, part);
            rows += 1;
        }
        assert!(table.get(table.len()).is_none());
    }
    Ok(rows)
}

#[test]
fn x77_read_parts_agrees_with_the_ipart_calls() -> devtopo::Result<()> {
    let mut table = PartTable::new();
    assert!(table.is_empty());
    let mut rows = check_against_calls(&fixtures::four_topologies()?, &mut table)?;
    rows += check_against_calls(&generate(2_000, 5)?, &mut table)?;
    assert!(rows > 2_000);
    // Connectors first, then subunits (T2, T4).
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    mux.read_parts(&mut table)?;
    let n = mux.connector_count()? as usize;
    assert!(
        table
            .iter()
            .take(n)
            .all(|r| r.part_type() == PartType::Connector)
    );
    assert!(
        table
            .iter()
            .skip(n)
            .all(|r| r.part_type() == PartType::Subunit)
    );
    Ok(())
}

#[test]
fn x77_read_parts_of_a_removed_device_is_device_removed() -> devtopo::Result<()> {
    let system = fixtures::four_topologies()?;
    let topology = system.device(fixtures::FOUR_MUX)?.topology()?;
    let mut table = PartTable::new();
    topology.read_parts(&mut table)?;
    assert!(!table.is_empty());
    system.remove_device(fixtures::FOUR_MUX)?;
    let err = topology.read_parts(&mut table).unwrap_err();
    assert!(matches!(err, Error::DeviceRemoved { .. }), "{err}");
    assert_eq!(
        err.hresult(),
        topology.connector_count().unwrap_err().hresult()
    );
    assert_eq!(err.hresult(), HResult::AUDCLNT_E_DEVICE_INVALIDATED);
    assert!(table.is_empty());
    Ok(())
}

#[test]
fn x77_read_parts_reuses_its_table_without_allocating() -> devtopo::Result<()> {
    let system = generate(500, 2)?;
    let topologies = system
        .devices()
        .iter()
        .map(|d| d.topology())
        .collect::<devtopo::Result<Vec<_>>>()?;
    let mut table = PartTable::new();
    for t in &topologies {
        t.read_parts(&mut table)?;
    }
    let info = allocation_counter::measure(|| {
        for t in &topologies {
            assert!(t.read_parts(&mut table).is_ok());
        }
    });
    assert_eq!(info.count_total, 0, "read_parts allocated: {info:?}");
    Ok(())
}
