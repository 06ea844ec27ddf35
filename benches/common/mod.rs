//! Systems the benchmarks share, built through the public builder only (so the same bench
//! files also run against older devtopo versions for before/after figures).

#![allow(dead_code, missing_docs)]

use devtopo::{
    ConnectorSpec, ConnectorType, ControlSpec, DataFlow, DeviceKey, DeviceKind, DeviceSpec,
    LevelSpec, PartKey, Permanence, SubunitSpec, SystemBuilder, guids,
};

/// True under `cargo bench` (criterion passes `--bench`); false under `cargo test --benches`
/// or `-- --test`, where each benchmark runs once (as CI does) and small sizes keep it short.
pub(crate) fn full_run() -> bool {
    std::env::args().any(|a| a == "--bench") && !std::env::args().any(|a| a == "--test")
}

/// `sizes` under a full run, else only the first of them.
pub(crate) fn sizes(sizes: &[usize]) -> Vec<usize> {
    if full_run() {
        sizes.to_vec()
    } else {
        sizes[..1].to_vec()
    }
}

/// Parts per adapter device in [`chain_system`]: 50 connectors and 50 subunits.
pub(crate) const PARTS_PER_ADAPTER: usize = 100;

/// What [`chain_system`] made.
pub(crate) struct Chain {
    pub(crate) builder: SystemBuilder,
    /// The one capture endpoint's connector (unconnected).
    pub(crate) endpoint: PartKey,
    /// Each adapter's Physical_External input jack (unconnected).
    pub(crate) jacks: Vec<PartKey>,
    /// The permanent Software_Fixed Out connectors (each connected to the next adapter).
    pub(crate) permanent: Vec<PartKey>,
    /// The adapters.
    pub(crate) adapters: Vec<DeviceKey>,
}

/// About `parts` parts: adapters of 100 parts each (50 connectors, 50 volume subunits in a
/// chain), chained by permanent Software_Fixed connections, plus one capture endpoint.
pub(crate) fn chain_system(parts: usize) -> Chain {
    let mut b = SystemBuilder::new();
    let ep = b
        .add_device(DeviceSpec::new(
            "ep",
            "Endpoint",
            DeviceKind::CaptureEndpoint,
        ))
        .expect("endpoint");
    let endpoint = b
        .add_connector(
            ep,
            ConnectorSpec::new("", DataFlow::Out, ConnectorType::PhysicalExternal),
        )
        .expect("endpoint connector");
    let mut jacks = Vec::new();
    let mut outs = Vec::new();
    let mut ins = Vec::new();
    let mut adapters = Vec::new();
    for a in 0..(parts / PARTS_PER_ADAPTER).max(2) {
        let dev = b
            .add_device(DeviceSpec::new(
                format!("adapter{a}"),
                format!("Adapter {a}"),
                DeviceKind::Adapter,
            ))
            .expect("adapter");
        adapters.push(dev);
        let mut prev = None;
        for i in 0..PARTS_PER_ADAPTER / 2 {
            let (flow, ty) = match i {
                0 => (DataFlow::In, ConnectorType::PhysicalExternal),
                1 => (DataFlow::Out, ConnectorType::SoftwareFixed),
                2 => (DataFlow::In, ConnectorType::SoftwareFixed),
                _ => (DataFlow::Out, ConnectorType::SoftwareIo),
            };
            let c = b
                .add_connector(dev, ConnectorSpec::new("c", flow, ty))
                .expect("connector");
            let s = b
                .add_subunit(
                    dev,
                    SubunitSpec::new("s", guids::KSNODETYPE_VOLUME)
                        .control(ControlSpec::VolumeLevel(LevelSpec::sysvad_volume(2))),
                )
                .expect("subunit");
            if let Some(p) = prev {
                b.add_link(p, s).expect("link");
            }
            b.add_link(c, s).expect("link");
            prev = Some(s);
            match i {
                0 => jacks.push(c),
                1 => outs.push(c),
                2 => ins.push(c),
                _ => {}
            }
        }
    }
    for (o, i) in outs.iter().zip(ins.iter().skip(1)) {
        b.connect(*o, *i, Permanence::Permanent).expect("permanent");
    }
    Chain {
        builder: b,
        endpoint,
        jacks,
        permanent: outs,
        adapters,
    }
}

/// One adapter with a chain of `n` volume subunits between an In and an Out connector,
/// linked in signal order (`reverse`: the links are added from the end of the chain back).
/// Returns the builder and the two connectors.
pub(crate) fn linear_chain(n: usize, reverse: bool) -> (SystemBuilder, PartKey, PartKey) {
    let mut b = SystemBuilder::new();
    let dev = b
        .add_device(DeviceSpec::new("chain", "Chain", DeviceKind::Adapter))
        .expect("adapter");
    let input = b
        .add_connector(
            dev,
            ConnectorSpec::new("in", DataFlow::In, ConnectorType::SoftwareIo),
        )
        .expect("in");
    let output = b
        .add_connector(
            dev,
            ConnectorSpec::new("out", DataFlow::Out, ConnectorType::SoftwareIo),
        )
        .expect("out");
    let mut nodes = vec![input];
    for _ in 0..n {
        nodes.push(
            b.add_subunit(
                dev,
                SubunitSpec::new("vol", guids::KSNODETYPE_VOLUME)
                    .control(ControlSpec::VolumeLevel(LevelSpec::sysvad_volume(2))),
            )
            .expect("subunit"),
        );
    }
    nodes.push(output);
    let pairs: Vec<(PartKey, PartKey)> = nodes.windows(2).map(|w| (w[0], w[1])).collect();
    if reverse {
        for (a, z) in pairs.into_iter().rev() {
            b.add_link(a, z).expect("link");
        }
    } else {
        for (a, z) in pairs {
            b.add_link(a, z).expect("link");
        }
    }
    (b, input, output)
}
