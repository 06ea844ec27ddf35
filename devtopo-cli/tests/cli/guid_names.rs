//! GUID names a file declares (issue 13, item 6): a vendor's pin category named under
//! `[guids]`, used as a subtype, printed by show, dot, list and scenarios, kept by save; and
//! scenario `state_mask` by DEVICE_STATE_* names.

use crate::support::{devtopo, scratch, write};

const VENDOR: &str = r#"
[guids]
ACME_PIN_CATEGORY_RIBBON = "{8A1B2C3D-0000-4000-8000-000000000001}"

[[device]]
id = "{0.0.0.00000000}.{acme}"
name = "Ribbon Out"
kind = "render"
connector = [{ flow = "In", type = "Physical_External", subtype = "ACME_PIN_CATEGORY_RIBBON" }]

[[device]]
id = "acme-topo"
name = "AcmeTopo"
kind = "adapter"

[[device.connector]]
flow = "Out"
type = "Physical_External"
subtype = "ACME_PIN_CATEGORY_RIBBON"

[[connection]]
a = "Ribbon Out/0x10000"
b = "AcmeTopo/0x10000"
"#;

#[test]
fn declared_guid_names_are_used_everywhere() -> Result<(), Box<dyn std::error::Error>> {
    let dir = scratch("guid-names");
    let file = write(&dir, "acme.toml", VENDOR);
    let guid: devtopo::Guid = "{8A1B2C3D-0000-4000-8000-000000000001}".parse()?;
    let system = devtopo::System::load(&file)?;
    assert_eq!(system.find_part("AcmeTopo/0x10000")?.subtype()?, guid);
    assert_eq!(system.guid_display(guid), "ACME_PIN_CATEGORY_RIBBON");
    // Saving keeps the names and the subtypes by name; loading again gives the same.
    let text = system.to_toml_string()?;
    assert!(
        text.contains("ACME_PIN_CATEGORY_RIBBON = \"{8A1B2C3D-0000-4000-8000-000000000001}\""),
        "{text}"
    );
    assert!(
        text.contains("subtype = \"ACME_PIN_CATEGORY_RIBBON\""),
        "{text}"
    );
    let again = devtopo::System::from_json_str(&system.to_json_string()?)?;
    assert_eq!(again.snapshot(), system.snapshot());
    assert_eq!(again.declared_guid_names(), system.declared_guid_names());
    // Output uses the name.
    for args in [vec!["show", &file], vec!["dot", &file], vec!["list", &file]] {
        let run = devtopo(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            run.stdout.contains("ACME_PIN_CATEGORY_RIBBON"),
            "{args:?}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("8A1B2C3D"), "{args:?}: {}", run.stdout);
    }
    // Scenarios accept and print it.
    let scenario = write(
        &dir,
        "s.toml",
        "topology = \"acme.toml\"\n\n[[step]]\ncall = \"GetSubType\"\npart = \"AcmeTopo/0x10000\"\nvalue = \"ACME_PIN_CATEGORY_RIBBON\"\n\n[[step]]\ncall = \"GetSubType\"\npart = \"AcmeTopo/0x10000\"\nvalue = \"KSNODETYPE_SPEAKER\"\n",
    );
    let run = devtopo(&["run", &scenario]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("-> S_OK 0x00000000 = \"ACME_PIN_CATEGORY_RIBBON\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("got S_OK 0x00000000 = \"ACME_PIN_CATEGORY_RIBBON\""),
        "{}",
        run.stdout
    );
    Ok(())
}

/// Bad `[guids]` entries and undeclared names are located errors.
#[test]
fn guid_name_problems_are_located() {
    let cases = [
        (
            "KSNODETYPE_VOLUME = \"{8A1B2C3D-0000-4000-8000-000000000001}\"",
            "guids.KSNODETYPE_VOLUME",
            "already devtopo's name",
        ),
        (
            "MY_MUTE = \"{02B223C0-C557-11D0-8A2B-00A0C9255AC1}\"",
            "guids.MY_MUTE",
            "already has the name KSNODETYPE_MUTE",
        ),
        (
            "ACME = \"KSNODETYPE_MUTE\"",
            "guids.ACME",
            "is not a braced GUID",
        ),
    ];
    for (line, path, message) in cases {
        let text = VENDOR.replace(
            "ACME_PIN_CATEGORY_RIBBON = \"{8A1B2C3D-0000-4000-8000-000000000001}\"",
            &format!(
                "ACME_PIN_CATEGORY_RIBBON = \"{{8A1B2C3D-0000-4000-8000-000000000001}}\"\n{line}"
            ),
        );
        let errors = devtopo::file::parse(&text, devtopo::file::Format::Toml, "x.toml")
            .err()
            .unwrap_or_default();
        assert!(
            errors
                .iter()
                .any(|e| e.path == path && e.line == 4 && e.message().contains(message)),
            "{line}: {errors:?}"
        );
    }
    let undeclared = VENDOR.replace(
        "[guids]\nACME_PIN_CATEGORY_RIBBON = \"{8A1B2C3D-0000-4000-8000-000000000001}\"\n",
        "",
    );
    let errors = devtopo::file::parse(&undeclared, devtopo::file::Format::Toml, "x.toml")
        .err()
        .unwrap_or_default();
    assert!(
        errors
            .iter()
            .any(|e| e.path == "device[1].connector[0].subtype"
                && e.message().contains("nor a name under [guids]")),
        "{errors:?}"
    );
}

/// Scenario `state_mask`: numbers, `DEVICE_STATE_*` names and `|` combinations.
#[test]
fn state_mask_accepts_names_and_combinations() {
    let dir = scratch("state-mask");
    let four = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/..",
        "/topologies/four-topologies.toml"
    ))
    .unwrap_or_default();
    write(&dir, "four.toml", &four);
    let step = |mask: &str, value: &str| {
        format!(
            "\n[[step]]\ncall = \"EnumAudioEndpoints\"\nflow = \"eCapture\"\nstate_mask = \"{mask}\"\nvalue = {value}\n"
        )
    };
    let both = "[\"Endpoint Device A\", \"Endpoint Device B\"]";
    let text = format!(
        "topology = \"four.toml\"\n{}{}{}{}",
        step("DEVICE_STATE_ACTIVE", both),
        step("DEVICE_STATE_ACTIVE | DEVICE_STATE_UNPLUGGED", both),
        step("DEVICE_STATEMASK_ALL", both),
        step("DEVICE_STATE_DISABLED|DEVICE_STATE_NOTPRESENT", "[]"),
    );
    let path = write(&dir, "s.toml", &text);
    let run = devtopo(&["run", &path]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("mask 0x9"), "{}", run.stdout);
    let bad = write(
        &dir,
        "bad.toml",
        &format!(
            "topology = \"four.toml\"\n{}",
            step("DEVICE_STATE_BOGUS", "[]")
        ),
    );
    let run = devtopo(&["run", &bad]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a state mask"), "{}", run.stderr);
}
