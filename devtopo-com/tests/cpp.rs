//! C++ through the header: `cpp/devtopo_test.cpp` is compiled with the system C++ compiler
//! (`$CXX`, else `c++`, else `g++`) against `include/devtopo_com.h` and linked with this
//! crate's cdylib. Its walk of every bundled topology must equal the Rust walks of the same
//! System, its IControlChangeNotify must receive a jack unplug made through the C ABI, and
//! the header's layouts and constants must equal the generated bindings'.
//!
//! Under `tools/valgrind.sh` (DEVTOPO_COM_VALGRIND=1) the C++ program itself runs under
//! valgrind memcheck too.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use devtopo_com::*;

/// The directory holding a fresh libdevtopo_com cdylib.
///
/// `cargo test` builds only the rlib of a library its tests use, so on a fresh clone there is
/// no cdylib to link, and an older one may be stale. The tests therefore build the cdylib
/// themselves, once per test process, with the cargo that runs them, into a target directory
/// of their own (the outer `cargo test` holds the lock of the main one): a no-op when it is
/// up to date.
fn lib_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cdylib-target");
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "-p", "devtopo-com", "--lib"])
            .arg("--manifest-path")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
            .arg("--target-dir")
            .arg(&target)
            .status()
            .expect("run cargo to build the devtopo-com cdylib");
        assert!(status.success(), "building the devtopo-com cdylib failed");
        target.join("debug")
    })
    .clone()
}

fn compiler() -> String {
    if let Ok(cxx) = std::env::var("CXX") {
        return cxx;
    }
    for candidate in ["c++", "g++", "clang++"] {
        if Command::new(candidate).arg("--version").output().is_ok() {
            return candidate.to_string();
        }
    }
    panic!("no C++ compiler (c++, g++ or clang++, or $CXX): install g++ to run the C++ tests");
}

/// Compiles the C++ client once per test process.
fn program() -> &'static Path {
    static PROGRAM: OnceLock<PathBuf> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("devtopo-com-cpp");
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let out = dir.join(format!("devtopo_test-{}", std::process::id()));
        let root = env!("CARGO_MANIFEST_DIR");
        let lib = lib_dir();
        let status = Command::new(compiler())
            .args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-g", "-I"])
            .arg(format!("{root}/include"))
            .arg(format!("{root}/tests/cpp/devtopo_test.cpp"))
            .arg("-o")
            .arg(&out)
            .arg(format!("-L{}", lib.display()))
            .arg("-ldevtopo_com")
            .arg(format!("-Wl,-rpath,{}", lib.display()))
            .status()
            .expect("run the C++ compiler");
        assert!(
            status.success(),
            "compiling tests/cpp/devtopo_test.cpp failed"
        );
        out
    })
}

/// Compiles the C client (`cpp/walk_c.c`, the header's C vtable structs) once.
fn c_program() -> &'static Path {
    static PROGRAM: OnceLock<PathBuf> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("devtopo-com-cpp");
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let out = dir.join(format!("walk_c-{}", std::process::id()));
        let root = env!("CARGO_MANIFEST_DIR");
        let lib = lib_dir();
        let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
        let status = Command::new(cc)
            .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-I"])
            .arg(format!("{root}/include"))
            .arg(format!("{root}/tests/cpp/walk_c.c"))
            .arg("-o")
            .arg(&out)
            .arg(format!("-L{}", lib.display()))
            .arg("-ldevtopo_com")
            .arg(format!("-Wl,-rpath,{}", lib.display()))
            .status()
            .expect("run the C compiler");
        assert!(status.success(), "compiling tests/cpp/walk_c.c failed");
        out
    })
}

/// Puts the fresh cdylib ([`lib_dir`]) before any other copy on cargo's library path
/// (which the loader searches before the program's RUNPATH).
fn with_lib_path(command: &mut Command) {
    let mut path = std::env::split_paths(&std::env::var_os("LD_LIBRARY_PATH").unwrap_or_default())
        .collect::<Vec<_>>();
    path.insert(0, lib_dir());
    command.env(
        "LD_LIBRARY_PATH",
        std::env::join_paths(path).expect("library path"),
    );
}

/// Runs the C++ client (under valgrind when asked) and returns its stdout.
fn run(args: &[&str]) -> String {
    run_program(program(), args)
}

fn run_program(program: &Path, args: &[&str]) -> String {
    let mut command = if std::env::var_os("DEVTOPO_COM_VALGRIND").is_some() {
        let mut c = Command::new("valgrind");
        c.args([
            "--quiet",
            "--error-exitcode=99",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
        ])
        .arg(program);
        c
    } else {
        Command::new(program)
    };
    with_lib_path(&mut command);
    let output = command.args(args).output().expect("run the C++ client");
    assert!(
        output.status.success(),
        "C++ client {args:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn cpp_walk_equals_the_rust_walks_on_every_bundled_topology() {
    for (path, system) in common::bundled() {
        let cpp = run(&["walk", path.to_str().expect("UTF-8 path")]);
        let com = common::walk::com_walk(&system);
        assert_eq!(cpp, com, "{}: C++ walk vs COM walk", path.display());
        assert_eq!(cpp, common::walk::rust_walk(&system), "{}", path.display());
    }
}

/// C through the vtable structs (`lpVtbl`): the devices, counts and connectors of every
/// bundled topology, as the Rust handles give them.
#[test]
fn c_client_walks_every_bundled_topology_through_lpvtbl() {
    for (path, system) in common::bundled() {
        let c = run_program(c_program(), &[path.to_str().expect("UTF-8 path")]);
        let mut rust = String::new();
        for device in system.devices() {
            let topology = device.topology().expect("topology");
            let (n, m) = (
                topology.connector_count().expect("count"),
                topology.subunit_count().expect("count"),
            );
            rust += &format!("{} {n} {m}\n", device.id().expect("id"));
            for i in 0..n {
                let connector = topology.connector(i).expect("connector");
                let name: String = connector
                    .as_part()
                    .name()
                    .expect("name")
                    .chars()
                    .map(|ch| if ch.is_ascii() { ch } else { '?' })
                    .collect();
                rust += &format!(
                    "  0x{:08x} {} {name}\n",
                    connector.as_part().local_id().expect("id").0,
                    i32::from(connector.is_connected().expect("connected"))
                );
            }
        }
        assert_eq!(c, rust, "{}", path.display());
    }
}

#[test]
fn cpp_sink_receives_a_jack_unplug_made_through_the_c_abi() {
    let file = common::topologies_dir().join("four-topologies.toml");
    let out = run(&[
        "notify",
        file.to_str().expect("UTF-8 path"),
        devtopo::fixtures::FOUR_MUX,
        "0x00010000",
    ]);
    let pid = devtopo::DEFAULT_HARDWARE_PROCESS_ID;
    let expected = format!(
        "registered refs 2\n\
         unplug calls 1 pid {pid} context yes data1 0x64726148\n\
         jack 0 connected 0\n\
         second unplug calls 1\n\
         plug calls 2\n\
         unregistered refs 1\n\
         second unregister 0x80070490 null 0x80070057\n"
    );
    // N1 (AddRef on register), N9 (hardware-initiated jack notification), X21 (the hardware
    // context), N5 (no change, no call), N3 (Release on unregister; E_NOTFOUND, then
    // E_INVALIDARG for NULL).
    assert!(out.starts_with(&expected), "got:\n{out}");
    let last = out.lines().last().expect("a last line");
    assert!(last.starts_with("bad jack 0x80070057 error \""), "{last}");
    assert!(
        last.len() > "bad jack 0x80070057 error \"\"".len(),
        "no error text: {last}"
    );
}

#[test]
fn header_layouts_and_constants_equal_the_generated_bindings() {
    let out = run(&["layout"]);
    let mut expected = vec![
        format!("sizeof GUID {}", size_of::<windows_core::GUID>()),
        format!("sizeof PROPERTYKEY {}", size_of::<PROPERTYKEY>()),
        format!("sizeof PROPVARIANT {}", size_of::<PROPVARIANT>()),
        format!(
            "sizeof KSJACK_DESCRIPTION {}",
            size_of::<KSJACK_DESCRIPTION>()
        ),
        format!(
            "sizeof KSJACK_DESCRIPTION2 {}",
            size_of::<KSJACK_DESCRIPTION2>()
        ),
        format!("sizeof KSDATAFORMAT {}", size_of::<KSDATARANGE>()),
        format!("sizeof KSIDENTIFIER {}", size_of::<KSIDENTIFIER>()),
        "offsetof PROPVARIANT.pwszVal 8".to_string(),
        format!(
            "offsetof KSJACK_DESCRIPTION.IsConnected {}",
            std::mem::offset_of!(KSJACK_DESCRIPTION, IsConnected)
        ),
        "offsetof KSDATAFORMAT.Specifier 48".to_string(),
    ];
    let constants: &[(&str, i64)] = &[
        ("eRender", eRender.into()),
        ("eCapture", eCapture.into()),
        ("eAll", eAll.into()),
        ("eConsole", eConsole.into()),
        ("eMultimedia", eMultimedia.into()),
        ("eCommunications", eCommunications.into()),
        ("Unknown_Connector", Unknown_Connector.into()),
        ("Physical_Internal", Physical_Internal.into()),
        ("Physical_External", Physical_External.into()),
        ("Software_IO", Software_IO.into()),
        ("Software_Fixed", Software_Fixed.into()),
        ("Network", Network.into()),
        ("In", In.into()),
        ("Out", Out.into()),
        ("Connector", Connector.into()),
        ("Subunit", Subunit.into()),
        ("DEVICE_STATE_ACTIVE", DEVICE_STATE_ACTIVE.into()),
        ("DEVICE_STATE_DISABLED", DEVICE_STATE_DISABLED.into()),
        ("DEVICE_STATE_NOTPRESENT", DEVICE_STATE_NOTPRESENT.into()),
        ("DEVICE_STATE_UNPLUGGED", DEVICE_STATE_UNPLUGGED.into()),
        ("DEVICE_STATEMASK_ALL", DEVICE_STATEMASK_ALL.into()),
        ("CLSCTX_INPROC_SERVER", CLSCTX_INPROC_SERVER.into()),
        ("eConnTypeUnknown", eConnTypeUnknown.into()),
        ("eConnTypeCombination", eConnTypeCombination.into()),
        ("eGeoLocRear", eGeoLocRear.into()),
        ("eGeoLocHDMI", eGeoLocHDMI.into()),
        ("eGeoLocReserved6", eGeoLocReserved6.into()),
        ("eGenLocPrimaryBox", eGenLocPrimaryBox.into()),
        ("eGenLocOther", eGenLocOther.into()),
        ("ePortConnJack", ePortConnJack.into()),
        ("ePortConnUnknown", ePortConnUnknown.into()),
        (
            "JACKDESC2_PRESENCE_DETECT_CAPABILITY",
            JACKDESC2_PRESENCE_DETECT_CAPABILITY.into(),
        ),
        (
            "JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY",
            JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY.into(),
        ),
    ];
    expected.extend(constants.iter().map(|(n, v)| format!("const {n} {v}")));
    use windows_core::Interface;
    expected.push(format!(
        "iid IDeviceTopology {}",
        common::walk::guid_text(&IDeviceTopology::IID)
    ));
    expected.push(format!(
        "iid ISubunit {}",
        common::walk::guid_text(&ISubunit::IID)
    ));
    // The PKEY_* symbols the header declares carry devtopo's pkey values.
    for name in devtopo_com::pkeys::NAMES {
        let (key, _) = devtopo::pkey::NAMED
            .iter()
            .find(|(_, n)| n == name)
            .unwrap_or_else(|| panic!("{name} is not a devtopo::pkey constant"));
        expected.push(format!(
            "pkey {name} {} {}",
            common::walk::guid_text(&common::com::to_guid(key.fmtid)),
            key.pid
        ));
    }
    let expected = expected.join("\n") + "\n";
    assert_eq!(out, expected);
}

/// The C++ example of docs/testing-com.md compiles against the header and passes.
#[test]
fn the_documented_cpp_example_compiles_and_passes() {
    let root = env!("CARGO_MANIFEST_DIR");
    let doc = std::fs::read_to_string(format!("{root}/../docs/testing-com.md")).expect("doc");
    let start = doc.find("```cpp\n").expect("a cpp block") + "```cpp\n".len();
    let source = &doc[start..start + doc[start..].find("```").expect("closed block")];
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("devtopo-com-cpp");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let src = dir.join(format!("doc_example-{}.cpp", std::process::id()));
    std::fs::write(&src, source).expect("write example");
    let exe = src.with_extension("");
    let lib = lib_dir();
    let status = Command::new(compiler())
        .args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(format!("{root}/include"))
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .arg(format!("-L{}", lib.display()))
        .arg("-ldevtopo_com")
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        .status()
        .expect("run the C++ compiler");
    assert!(status.success(), "the documented example does not compile");
    let mut command = Command::new(&exe);
    with_lib_path(&mut command);
    let status = command
        .current_dir(format!("{root}/.."))
        .status()
        .expect("run the example");
    assert!(status.success(), "the documented example failed: {status}");
}

/// The header declares exactly the `PKEY_*` symbols devtopo-com defines.
#[test]
fn header_declares_the_defined_pkeys() {
    let header = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/include/devtopo_com.h"
    ))
    .expect("header");
    let declared: Vec<&str> = header
        .lines()
        .filter_map(|l| l.strip_prefix("DEVTOPO_EXTERN_C const PROPERTYKEY "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    assert_eq!(declared, devtopo_com::pkeys::NAMES);
}

/// The devicetopology.exe-style walk in C++ starting from the IMMDeviceEnumerator the C ABI
/// gives (every endpoint in every state, then the adapters reached through connector 0)
/// equals the Rust walks of the same System, for every bundled topology.
#[test]
fn cpp_enumerator_walk_equals_the_rust_walks_on_every_bundled_topology() {
    // Under valgrind (tools/valgrind.sh) each run costs seconds: memcheck walks the two
    // topologies with the most kinds of device (adapters shared by several endpoints,
    // Bluetooth, USB, disconnected endpoints); the plain run walks all of them.
    let valgrind = std::env::var_os("DEVTOPO_COM_VALGRIND").is_some();
    for (path, system) in common::bundled() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if valgrind && !["headsets.toml", "four-topologies.toml"].contains(&name) {
            continue;
        }
        let cpp = run(&["enumerate", path.to_str().expect("UTF-8 path")]);
        let rust = common::walk::rust_enumerator_walk(&system);
        assert!(cpp.contains("endpoint "), "{}", path.display());
        assert_eq!(cpp, rust, "{}: C++ vs Rust", path.display());
        let com = common::walk::com_enumerator_walk(&devtopo_com::enumerator(&system));
        assert_eq!(cpp, com, "{}: C++ vs COM", path.display());
    }
}

/// V13, Y1, Y5: a C++ IMMNotificationClient receives the events of a jack unplug made through
/// the C ABI (OnDeviceStateChanged with the endpoint's ID and DEVICE_STATE_UNPLUGGED), exactly
/// the events a Rust sink receives; AddRef on register, Release on unregister, E_NOTFOUND for
/// a second unregister and E_POINTER for NULL.
#[test]
fn cpp_endpoint_client_receives_a_jack_unplug_made_through_the_c_abi() {
    let file = common::topologies_dir().join("four-topologies.toml");
    let out = run(&[
        "mmnotify",
        file.to_str().expect("UTF-8 path"),
        devtopo::fixtures::FOUR_MUX,
        "0x00010000",
    ]);
    let system = devtopo::System::load(&file).expect("load");
    let log = devtopo::EndpointEventLog::new();
    system
        .register_endpoint_notification_callback(log.clone())
        .expect("register");
    let connector = common::com::rust_part(&system, devtopo::fixtures::FOUR_MUX, 0x0001_0000)
        .as_connector()
        .expect("connector");
    system
        .hardware()
        .unplug_jack(&connector, 0)
        .expect("unplug");
    let mut expected = String::from("registered refs 2\n");
    let mut unplugged = false;
    for event in log.events() {
        use devtopo::EndpointEvent as E;
        let line = match event {
            E::StateChanged {
                device_id,
                new_state,
            } => {
                unplugged |= new_state == devtopo::DeviceState::Unplugged;
                format!("state {device_id} 0x{:x}", new_state.value())
            }
            E::Added { device_id } => format!("added {device_id}"),
            E::Removed { device_id } => format!("removed {device_id}"),
            E::DefaultChanged {
                flow,
                role,
                device_id,
            } => format!(
                "default {} {} {}",
                flow.value(),
                role.value(),
                device_id.as_deref().unwrap_or("NULL")
            ),
            E::PropertyChanged { device_id, key } => format!(
                "property {device_id} {} {}",
                common::walk::guid_text(&common::com::to_guid(key.fmtid)),
                key.pid
            ),
        };
        expected += &line;
        expected.push('\n');
    }
    assert!(unplugged, "the unplug makes an endpoint UNPLUGGED (X27)");
    expected += "unregistered refs 1\nsecond unregister 0x80070490 null 0x80004003\n";
    assert_eq!(out, expected);
}
