//! Scale (issue 11): the generator makes valid systems of exactly the size asked, the same
//! for a seed; its files load with `Limits::none()` and `devtopo check --no-limits`; limits
//! are configurable; building and linking in any order stay linear (checked by counting, the
//! timing is in BENCHMARKS.md).

use devtopo::file::{FileErrorKind, Format, Limit, Limits, parse_with};
use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, Error, HResult, LinkProblem,
    Permanence, SubunitSpec, System, SystemBuilder, generate, guids,
};

fn part_count(system: &System) -> usize {
    system
        .snapshot()
        .devices
        .iter()
        .map(|d| d.parts.len())
        .sum()
}

#[test]
fn generator_sizes_are_exact_and_deterministic() -> devtopo::Result<()> {
    for (parts, seed) in [(1, 0), (8, 1), (100, 2), (1_000, 3), (10_000, 4)] {
        let system = generate(parts, seed)?;
        assert_eq!(part_count(&system), parts, "seed {seed}");
        assert_eq!(generate(parts, seed)?.snapshot(), system.snapshot());
    }
    assert_ne!(
        generate(1_000, 1)?.snapshot(),
        generate(1_000, 2)?.snapshot()
    );
    Ok(())
}

#[test]
fn generated_shape_is_realistic() -> devtopo::Result<()> {
    let system = generate(2_000, 11)?;
    let snap = system.snapshot();
    let count = |pred: &dyn Fn(&devtopo::DeviceSnapshot) -> bool| {
        snap.devices.iter().filter(|d| pred(d)).count()
    };
    let endpoints = count(&|d| d.kind != DeviceKind::Adapter);
    assert!(endpoints > 50, "{endpoints} endpoints");
    assert!(count(&|d| d.kind == DeviceKind::RenderEndpoint) > 0);
    assert!(count(&|d| d.kind == DeviceKind::CaptureEndpoint) > 0);
    // Topology filters have 5 to 20 parts.
    for d in snap.devices.iter().filter(|d| d.id.ends_with("\\topo")) {
        assert!(
            (5..=20).contains(&d.parts.len()),
            "{} has {}",
            d.id,
            d.parts.len()
        );
    }
    let parts: Vec<_> = snap.devices.iter().flat_map(|d| &d.parts).collect();
    for subtype in [
        guids::KSNODETYPE_MUX,
        guids::KSNODETYPE_SUM,
        guids::KSNODETYPE_MUTE,
    ] {
        assert!(parts.iter().any(|p| p.subtype == subtype));
    }
    let connectors: Vec<_> = parts.iter().filter_map(|p| p.connector.as_ref()).collect();
    for ty in [
        ConnectorType::SoftwareIo,
        ConnectorType::SoftwareFixed,
        ConnectorType::PhysicalExternal,
    ] {
        assert!(connectors.iter().any(|c| c.connector_type == ty));
    }
    assert!(
        connectors.iter().any(|c| c
            .peer
            .as_ref()
            .is_some_and(|p| p.permanence == Permanence::Permanent)),
        "no permanent connection"
    );
    // Some jacks sense plugs: unplugging one works (E12, X27).
    let hw = system.hardware();
    let mut unplugged = 0;
    for d in system.devices() {
        let t = d.topology()?;
        for i in 0..t.connector_count()? {
            let c = t.connector(i)?;
            if hw.unplug_jack(&c, 0).is_ok() {
                unplugged += 1;
            }
        }
    }
    assert!(unplugged > 0);
    Ok(())
}

#[test]
fn generated_files_load_with_no_limits() -> devtopo::Result<()> {
    let system = generate(5_000, 5)?;
    for (text, format) in [
        (system.to_json_string()?, Format::Json),
        (system.to_toml_string()?, Format::Toml),
    ] {
        let refused = parse_with(&text, format, "gen", &Limits::default()).err();
        let kind = refused.map(|mut e| e.swap_remove(0).kind);
        assert!(
            matches!(
                kind,
                Some(FileErrorKind::Limit(Limit::FileBytes, 1_048_576))
            ),
            "{kind:?}"
        );
        let loaded = parse_with(&text, format, "gen", &Limits::none())
            .map_err(|mut e| Error::from(e.swap_remove(0)))?;
        assert_eq!(loaded.snapshot(), system.snapshot());
    }
    Ok(())
}

#[test]
fn limits_are_configurable() {
    let text = generate(300, 1)
        .and_then(|s| Ok(s.to_json_string()?))
        .unwrap_or_default();
    let mut limits = Limits::default();
    limits.set(Limit::Devices, 10);
    let err = parse_with(&text, Format::Json, "gen", &limits)
        .err()
        .map(|mut e| e.swap_remove(0));
    let err = err.expect("10 devices are too few");
    assert_eq!(err.kind, FileErrorKind::Limit(Limit::Devices, 10));
    assert!(err.message().contains("max_devices = 10 exceeded"), "{err}");
    limits.set(Limit::Devices, 1_000);
    assert!(parse_with(&text, Format::Json, "gen", &limits).is_ok());
}

/// Links added in reverse order, and a cycle refused at the end of a long chain: the cycle
/// check visits only what the new link can reach (issue 11), and still finds every cycle.
#[test]
fn links_in_any_order_and_cycles_still_refused() -> devtopo::Result<()> {
    let mut b = SystemBuilder::new();
    let dev = b.add_device(DeviceSpec::new("{2}.chain", "Chain", DeviceKind::Adapter))?;
    let input = b.add_connector(
        dev,
        ConnectorSpec::new("in", DataFlow::In, ConnectorType::SoftwareIo),
    )?;
    let mut nodes = vec![input];
    for _ in 0..5_000 {
        nodes.push(b.add_subunit(dev, SubunitSpec::new("s", guids::KSNODETYPE_SUM))?);
    }
    for w in nodes.windows(2).rev() {
        b.add_link(w[0], w[1])?;
    }
    let closing = b.add_link(nodes[nodes.len() - 1], nodes[1]).unwrap_err();
    assert!(matches!(
        closing,
        Error::InvalidLink {
            reason: LinkProblem::Cycle,
            ..
        }
    ));
    assert_eq!(closing.hresult(), HResult::E_INVALIDARG);
    b.add_link(nodes[1], nodes[nodes.len() - 1])?;
    assert_eq!(part_count(&b.build()?), 5_001);
    Ok(())
}
