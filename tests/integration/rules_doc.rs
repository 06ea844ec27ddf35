//! docs/rules.md is the contract users can read (issue 13, item 10): every rule id cited
//! anywhere in src/, tests/, examples/, docs/ and README.md (the CLI's messages live in src/)
//! has an entry there.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The rule ids docs/rules.md defines: its `- **ID**` entries.
fn defined() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("docs/rules.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- **")?.split_once("**"))
        .map(|(id, _)| id.to_owned())
        .collect()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Rule ids in a text: an upper-case letter and one or two digits (`C6`, `X13`), optionally
/// `-digits` (`B2-4`), or `C-` and one digit, standing alone (not inside a word, a GUID or a hex
/// number).
fn cited(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let word = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    let digits = |mut i: usize| {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i - start, i)
    };
    let mut found = Vec::new();
    for i in 0..bytes.len() {
        if !bytes[i].is_ascii_uppercase() || (i > 0 && word(i - 1)) {
            continue;
        }
        let (n, mut end) = digits(i + 1);
        if n == 0 && bytes[i] == b'C' && bytes.get(i + 1) == Some(&b'-') {
            let (m, e) = digits(i + 2);
            if m == 1 && !word(e) {
                found.push(text[i..e].to_owned());
            }
            continue;
        }
        if !(1..=2).contains(&n) {
            continue;
        }
        if bytes.get(end) == Some(&b'-') {
            let (m, e) = digits(end + 1);
            if (1..=2).contains(&m) && !word(e) && bytes.get(e) != Some(&b'-') {
                end = e;
            }
        }
        if !word(end) {
            found.push(text[i..end].to_owned());
        }
    }
    found
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "md" || e == "toml")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_cited_rule_id_is_in_rules_md() {
    let defined = defined();
    assert!(defined.len() > 400, "{} entries", defined.len());
    let mut paths = vec![root().join("README.md")];
    for dir in [
        "src",
        "tests",
        "examples",
        "docs",
        "scenarios",
        "topologies",
    ] {
        files(&root().join(dir), &mut paths);
    }
    let mut missing = BTreeSet::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for id in cited(&text) {
            if !defined.contains(&id) {
                let shown = path
                    .strip_prefix(root())
                    .unwrap_or(path)
                    .display()
                    .to_string();
                missing.insert(format!("{id} ({shown})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "rule ids without an entry in docs/rules.md: {missing:?}"
    );
}

/// The scanner finds ids and nothing inside GUIDs, hex numbers or words.
#[test]
fn rule_id_scanner() {
    assert_eq!(
        cited("rule C6, X13; (B2-4) C-5 {6994AD04-93EF} 0xB3C98C KSNODETYPE_X1 AC-3 A123"),
        ["C6", "X13", "B2-4", "C-5"]
    );
}

/// The rules are in the crate docs too (rustdoc includes docs/rules.md).
#[test]
fn rules_md_is_in_the_crate_docs() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap_or_default();
    assert!(lib.contains("include_str!(\"../docs/rules.md\")"));
}
