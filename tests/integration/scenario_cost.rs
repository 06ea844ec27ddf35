//! `devtopo run` on large files (issue 12, defect 3): each step costs what its call costs plus
//! O(its output). Counted, not timed: the allocations of 100 `GetSignalPath` steps on a
//! 1,024-device, 4,096-part system are compared with the same steps on a 16-device system.
//! Labelling a part by scanning every device (the old code) made them grow with the device
//! count (about 2 allocations per device per part shown).

use devtopo::file::Format;
use devtopo::scenario::Scenario;

/// A topology of `devices` adapter devices named `Device k`, each a chain of four parts:
/// connector 0x10000 -> subunit 0x20000 -> subunit 0x20001 -> connector 0x10001.
fn chains(devices: usize) -> String {
    let mut text = String::new();
    for k in 0..devices {
        text.push_str(&format!(
            r#"[[device]]
id = "{{2}}.\\?\root#chain#{k:04}"
name = "Device {k}"
kind = "adapter"
state = "DEVICE_STATE_ACTIVE"
connector = [
  {{ local_id = "0x10000", name = "In {k}", flow = "In", type = "Physical_External", subtype = "KSNODETYPE_LINE_CONNECTOR" }},
  {{ local_id = "0x10001", name = "Out {k}", flow = "Out", type = "Physical_External", subtype = "KSNODETYPE_SPEAKER" }},
]
subunit = [
  {{ local_id = "0x20000", name = "Sum {k}", subtype = "KSNODETYPE_SUM" }},
  {{ local_id = "0x20001", name = "Dac {k}", subtype = "KSNODETYPE_DAC" }},
]
link = [
  {{ from = "0x10000", to = "0x20000" }},
  {{ from = "0x20000", to = "0x20001" }},
  {{ from = "0x20001", to = "0x10001" }},
]

"#
        ));
    }
    text
}

/// 100 GetSignalPath steps spread over the devices, each with its expected path, naming parts
/// by part name (resolved through the index) and by local ID.
fn steps(devices: usize) -> String {
    let mut text = String::from("topology = \"generated\"\n");
    for i in 0..100 {
        let k = (i * 37) % devices;
        text.push_str(&format!(
            "[[step]]\ncall = \"GetSignalPath\"\nfrom = \"Device {k}/In {k}\"\nto = \"Device {k}/0x10001\"\n\
             value = [\"Device {k}/0x10001\", \"Device {k}/Dac {k}\", \"Device {k}/0x20000\", \"Device {k}/0x10000\"]\n\n"
        ));
    }
    text
}

/// Loads the scenario for `devices` devices and counts the allocations of running its 100
/// steps.
fn run_allocations(devices: usize) -> u64 {
    let topology = chains(devices);
    let mut scenario = Scenario::parse(&steps(devices), Format::Toml, "cost.toml", |_| {
        let system = devtopo::file::parse(&topology, Format::Toml, "generated.toml")?;
        Ok(("generated.toml".to_owned(), system))
    })
    .unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!(scenario.system().devices().len(), devices);
    let mut outcomes = Vec::new();
    let info = allocation_counter::measure(|| outcomes.extend(scenario.run()));
    assert_eq!(outcomes.len(), 100);
    for o in &outcomes {
        assert!(o.ok, "{}", o.line);
    }
    info.count_total
}

#[test]
fn run_step_cost_does_not_grow_with_the_system() {
    let small = run_allocations(16);
    let large = run_allocations(1024);
    // The same 100 steps with the same outputs: the same work, give or take the length of
    // the device numbers in the text. The old code: ~2,048 allocations per part label, so
    // over 2.4 M for the large system.
    assert!(
        large <= small + small / 10,
        "100 steps allocated {small} times on 16 devices but {large} times on 1,024"
    );
}
