//! Located errors of topology files (issue 4): every case of `files_error_cases` reports its
//! problem at the item itself; rule errors keep their rule id and HRESULT; limits are named.

use devtopo::file::{Format, parse};

use crate::files_error_cases::{cases, with};

/// Every case reports its problem at the item itself, with its path.
#[test]
fn every_error_class_is_located() {
    let mut failures = Vec::new();
    for case in cases() {
        let file = match case.format {
            Format::Toml => "case.toml",
            Format::Json => "case.json",
        };
        let errors = match parse(&case.text, case.format, file) {
            Ok(_) => {
                failures.push(format!("{}: loaded without error", case.name));
                continue;
            }
            Err(errors) => errors,
        };
        let first = &errors[0];
        let text = first.to_string();
        let prefix = format!("{file}:{}:{}: ", case.line, case.column);
        if !text.starts_with(&prefix) || first.path != case.path || !text.contains(case.message) {
            failures.push(format!(
                "{}: got `{text}` (path `{}`), want `{prefix}...{}...` at `{}`",
                case.name, first.path, case.message, case.path
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rule violations keep devtopo's rule ID and the HRESULT in the message.
#[test]
fn rule_errors_keep_rule_and_hresult() -> Result<(), Box<dyn std::error::Error>> {
    let text = with("b = \"Topo/Jack\"", "b = \"Topo/Jack\"\npermanent = true");
    let err = devtopo::System::from_toml_str(&text)
        .err()
        .ok_or("loaded")?;
    let rule = err.rule_error().ok_or("not a rule error")?;
    assert_eq!(rule.hresult(), devtopo::HResult::E_INVALIDARG);
    assert!(
        err.to_string().contains("[E_INVALIDARG 0x80070057]"),
        "{err}"
    );
    assert_eq!(err.class(), "rule");
    Ok(())
}

/// `check` reports every problem of a file, not just the first, sorted by position.
#[test]
fn every_problem_is_reported() -> Result<(), Box<dyn std::error::Error>> {
    let text =
        with("to = \"Vol\"", "to = \"Volume\"").replace("b = \"Topo/Jack\"", "b = \"Topo/Nope\"");
    let errors = parse(&text, Format::Toml, "t.toml").err().ok_or("loaded")?;
    let located: Vec<(u32, u32)> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(located, [(31, 6), (35, 5)]);
    Ok(())
}

/// Limits: the error names the limit hit and its value.
#[test]
fn limits_are_named() -> Result<(), Box<dyn std::error::Error>> {
    use devtopo::file::{FileErrorKind, Limit};
    let mut text = String::new();
    for i in 0..=Limit::Devices.value() {
        text.push_str(&format!("[[device]]\nid = \"d{i}\"\nkind = \"adapter\"\n"));
    }
    let err = devtopo::System::from_toml_str(&text)
        .err()
        .ok_or("loaded")?;
    assert_eq!(err.kind, FileErrorKind::Limit(Limit::Devices, 1024));
    assert!(
        err.to_string()
            .contains("limit max_devices = 1024 exceeded"),
        "{err}"
    );

    let big = " ".repeat(Limit::FileBytes.value() + 1);
    let err = devtopo::System::from_json_str(&big).err().ok_or("loaded")?;
    assert_eq!(err.kind, FileErrorKind::Limit(Limit::FileBytes, 1 << 20));
    assert_eq!((err.line, err.column), (1, 1));

    let mut links = String::from("[[device]]\nid = \"a\"\nkind = \"adapter\"\n");
    for _ in 0..=Limit::LinksPerDevice.value() {
        links.push_str("[[device.link]]\nfrom = 1\nto = 2\n");
    }
    let err = devtopo::System::from_toml_str(&links)
        .err()
        .ok_or("loaded")?;
    assert_eq!(err.kind, FileErrorKind::Limit(Limit::LinksPerDevice, 16384));
    Ok(())
}

/// Deeply nested input is refused by the parsers' own limits, never by a stack overflow.
#[test]
fn deep_nesting_does_not_crash() {
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(devtopo::System::from_json_str(&deep_json).is_err());
    let deep_toml = format!("x = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(devtopo::System::from_toml_str(&deep_toml).is_err());
    let deep_inline = format!("x = {}", "{a = ".repeat(50_000));
    assert!(devtopo::System::from_toml_str(&deep_inline).is_err());
}

/// Issue 13, item 2: errors show whole device IDs. SYSVAD's IDs share their first 64
/// characters (`{2}.\\?\root#media#0000#{6994ad04-...}\`), so a message cut at 64 lost the
/// only part that tells them apart.
#[test]
fn reference_errors_show_whole_device_ids() -> Result<(), Box<dyn std::error::Error>> {
    let prefix = r"{2}.\\?\root#media#0000#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\";
    assert!(prefix.len() > 64 - "wave".len());
    let text = format!(
        r#"
[[device]]
id = '{prefix}topologyspeaker'
kind = "adapter"
connector = [{{ flow = "Out", type = "Software_Fixed" }}]

[[device]]
id = '{prefix}wavespeaker'
kind = "adapter"
connector = [{{ flow = "In", type = "Software_Fixed" }}]

[[connection]]
a = '{prefix}topologyspeaker/0x10000'
b = '{prefix}wavespeaker/0x10007'
"#
    );
    let errors = devtopo::System::from_toml_str(&text)
        .err()
        .ok_or("loaded")?;
    let message = errors.to_string();
    assert!(
        message.contains(&format!("device `{prefix}wavespeaker` has no part")),
        "{message}"
    );
    Ok(())
}

/// Issue 13, item 11: `System::load` and friends return an error that `?` turns into
/// `devtopo::Error` (a file problem is `E_INVALIDARG` with its location; a broken rule keeps
/// its own HRESULT).
#[test]
fn file_errors_convert_into_devtopo_error() {
    fn load(path: &str) -> devtopo::Result<usize> {
        let system = devtopo::System::load(path)?;
        let text = system.to_toml_string()?;
        let again = devtopo::System::from_toml_str(&text)?;
        let json = devtopo::System::from_json_str(&again.to_json_string()?)?;
        Ok(json.devices().len())
    }
    let root = env!("CARGO_MANIFEST_DIR");
    assert_eq!(
        load(&format!("{root}/topologies/four-topologies.toml")).ok(),
        Some(4)
    );
    let missing = load("no/such/file.toml").unwrap_err();
    assert_eq!(missing.hresult(), devtopo::HResult::E_INVALIDARG);
    assert!(
        missing.to_string().contains("no/such/file.toml"),
        "{missing}"
    );
    fn rule() -> devtopo::Result<devtopo::System> {
        Ok(devtopo::System::from_toml_str(
            "[[device]]\nid = 'x'\nkind = 'adapter'\n[[device]]\nid = 'x'\nkind = 'adapter'\n",
        )?)
    }
    assert_eq!(
        rule().unwrap_err().hresult(),
        devtopo::HResult::E_INVALIDARG
    );
}
