//! The streaming loader (issue 11 item 5, X75): `file::load_reader` builds what the text and
//! path loaders build, enforces the byte limit as the bytes arrive, and still names the file,
//! line, column and item of a problem.

use devtopo::System;
use devtopo::file::{FileErrorKind, Format, Limit, Limits, load_reader, parse};

use crate::files_error_cases::cases;

/// A reader that hands out a few bytes at a time, as a socket or pipe might.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(3).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn reader_load_equals_text_load_on_a_generated_system() -> Result<(), Box<dyn std::error::Error>> {
    let system = devtopo::generate(2_000, 4)?;
    let json = system.to_json_string()?;
    let read = load_reader(
        Trickle(json.as_bytes()),
        Format::Json,
        "g.json",
        &Limits::none(),
    )
    .map_err(|e| e[0].to_string())?;
    assert_eq!(read.snapshot(), system.snapshot());
    let text = System::from_json_str_with(&json, &Limits::none())?;
    assert_eq!(text.snapshot(), system.snapshot());
    let toml = system.to_toml_string()?;
    let read = load_reader(toml.as_bytes(), Format::Toml, "g.toml", &Limits::none())
        .map_err(|e| e[0].to_string())?;
    assert_eq!(read.snapshot(), system.snapshot());
    Ok(())
}

/// The byte limit holds on a stream: the load stops once the limit is passed, and the error
/// names the limit and its value (JSON streamed, TOML read within the limit).
#[test]
fn byte_limit_is_enforced_on_a_stream() -> Result<(), Box<dyn std::error::Error>> {
    let system = devtopo::generate(500, 2)?;
    for (format, text) in [
        (Format::Json, system.to_json_string()?),
        (Format::Toml, system.to_toml_string()?),
    ] {
        let mut limits = Limits::none();
        limits.set(Limit::FileBytes, text.len() - 1);
        let errors = load_reader(Trickle(text.as_bytes()), format, "big", &limits)
            .err()
            .ok_or("loaded over the limit")?;
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].kind,
            FileErrorKind::Limit(Limit::FileBytes, text.len() - 1)
        );
        assert_eq!((errors[0].line, errors[0].column), (1, 1));
        assert!(errors[0].to_string().starts_with("big: "), "{}", errors[0]);
        assert!(
            errors[0].to_string().contains("max_file_bytes"),
            "{}",
            errors[0]
        );
        limits.set(Limit::FileBytes, text.len());
        assert!(load_reader(Trickle(text.as_bytes()), format, "big", &limits).is_ok());
    }
    // The default (1 MiB) holds for a reader too.
    let big = devtopo::generate(20_000, 2)?.to_json_string()?;
    let errors = load_reader(big.as_bytes(), Format::Json, "big", &Limits::default())
        .err()
        .ok_or("loaded")?;
    assert_eq!(
        errors[0].kind,
        FileErrorKind::Limit(Limit::FileBytes, 1 << 20)
    );
    Ok(())
}

/// Every malformed JSON case of the error table, read from a stream: the first problem names
/// the file, the item's path and the same message; syntax errors keep the parser's
/// location; build problems sit at the start of their device or connection entry.
#[test]
fn reader_errors_name_file_line_column_and_item() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases().into_iter().filter(|c| c.format == Format::Json) {
        let Err(whole) = parse(&case.text, case.format, "case.json") else {
            continue;
        };
        let streamed = match load_reader(
            Trickle(case.text.as_bytes()),
            case.format,
            "case.json",
            &Limits::default(),
        ) {
            Ok(_) => {
                failures.push(format!("{}: loaded from a reader", case.name));
                continue;
            }
            Err(errors) => errors,
        };
        checked += 1;
        let Some(first) = streamed.iter().find(|e| e.path == case.path) else {
            failures.push(format!(
                "{}: no error at `{}`: {:?}",
                case.name, case.path, streamed
            ));
            continue;
        };
        let text = first.to_string();
        let lines = case.text.lines().count() as u32;
        if first.file != "case.json"
            || !text.contains(case.message)
            || first.line < 1
            || first.line > lines
            || first.line > case.line
        {
            failures.push(format!(
                "{}: got `{text}`, want the message `{}` at or before line {}",
                case.name, case.message, case.line
            ));
        }
        if matches!(first.kind, FileErrorKind::Syntax(_))
            && (first.line, first.column) != (whole[0].line, whole[0].column)
        {
            failures.push(format!(
                "{}: syntax error moved: `{text}` against `{}`",
                case.name, whole[0]
            ));
        }
    }
    assert!(checked >= 3, "the table has JSON cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A reference that names no part is reported at the start of its connection entry.
#[test]
fn reader_reference_error_is_at_its_connection() -> Result<(), Box<dyn std::error::Error>> {
    let text = r#"{
  "device": [
    {"id": "ep", "name": "Mic", "kind": "capture",
     "connector": [{"flow": "Out", "type": "Physical_External"}]},
    {"id": "topo", "name": "Topo", "kind": "adapter",
     "connector": [{"name": "Jack", "flow": "In", "type": "Physical_External"}]}
  ],
  "connection": [
    {"a": "Mic/0x10000", "b": "Topo/Nope"}
  ]
}"#;
    let errors = load_reader(text.as_bytes(), Format::Json, "r.json", &Limits::default())
        .err()
        .ok_or("loaded")?;
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column), (9, 5));
    assert_eq!(errors[0].path, "connection[0].b");
    assert!(matches!(errors[0].kind, FileErrorKind::Reference(_)));
    // The text and path loaders locate the reference itself, as before.
    let whole = parse(text, Format::Json, "r.json").err().ok_or("loaded")?;
    assert_eq!((whole[0].line, whole[0].column), (9, 31));
    // A rule problem of a device sits at the start of that device's entry.
    let bad = text.replace(r#""flow": "Out", "type": "Physical_External"}]},"#, r#""flow": "Out", "type": "Physical_External"}, {"flow": "Out", "type": "Physical_External"}]},"#);
    let errors = load_reader(bad.as_bytes(), Format::Json, "r.json", &Limits::default())
        .err()
        .ok_or("loaded")?;
    let device = errors
        .iter()
        .find(|e| e.path.starts_with("device[0]"))
        .ok_or("no device error")?;
    assert_eq!((device.line, device.column), (3, 5), "{errors:?}");
    assert!(matches!(device.kind, FileErrorKind::Rule(_)));
    Ok(())
}

/// `System::load` streams a JSON file and still reports every problem where it is.
#[test]
fn path_load_streams_and_locates() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("devtopo-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("g.json");
    let system = devtopo::generate(1_000, 5)?;
    system.save(&path)?;
    let loaded = System::load_with(&path, &Limits::none())?;
    assert_eq!(loaded.snapshot(), system.snapshot());
    let json = system.to_json_string()?;
    let broken = json.replacen("\"kind\": \"adapter\"", "\"kind\": \"adaptor\"", 1);
    std::fs::write(&path, &broken)?;
    let err = System::load_with(&path, &Limits::none())
        .err()
        .ok_or("loaded")?;
    let whole = parse(&broken, Format::Json, "x").err().ok_or("parsed")?;
    assert_eq!(
        (err.line, err.column, &err.path),
        (whole[0].line, whole[0].column, &whole[0].path)
    );
    assert_eq!(err.file, path.display().to_string());
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
