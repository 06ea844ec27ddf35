//! The header of a captured file: where and when it was captured, what could not be read
//! and what a client cannot see. TOML gets `#` comments; JSON, which has none, gets the
//! top-level `"comment"` list the loader reads and ignores.

use super::{Note, Warning};

/// The header lines.
pub(crate) fn lines(
    source: &str,
    unix_seconds: u64,
    warnings: &[Warning],
    notes: &[Note],
) -> Vec<String> {
    let mut out = vec![
        format!(
            "Captured by devtopo-com {} from {source} at {} through IMMDeviceEnumerator (COM calls only).",
            env!("CARGO_PKG_VERSION"),
            utc(unix_seconds)
        ),
        "Replay it anywhere: `devtopo check`, `devtopo show`, System::load. What capture cannot see: `devtopo docs capture`.".to_owned(),
        "No client sees devices that no connection from an endpoint reaches, so none are here (X69).".to_owned(),
    ];
    if warnings.is_empty() {
        out.push("Every call succeeded.".to_owned());
    } else {
        out.push(format!(
            "{} call(s) failed (left out of this file):",
            warnings.len()
        ));
        out.extend(warnings.iter().map(|w| format!("  warning: {w}")));
    }
    if !notes.is_empty() {
        out.push(format!("{} thing(s) a client cannot see:", notes.len()));
        out.extend(notes.iter().map(|n| format!("  not visible: {n}")));
    }
    out
}

/// `body` headed by the lines as `#` comments.
pub(crate) fn toml(header: &[String], body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 80 * header.len());
    for line in header {
        // A line break inside a value (a device ID from a real machine) must not end the
        // comment.
        for piece in line.split(['\n', '\r']) {
            out.push_str("# ");
            out.push_str(piece);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(body);
    out
}

/// `body` (a JSON object) with `"comment": [lines]` as its first key.
pub(crate) fn json(header: &[String], body: &str) -> String {
    let list = serde_json::to_string_pretty(header).unwrap_or_else(|_| "[]".to_owned());
    let list = list.replace('\n', "\n  ");
    let trimmed = body.trim_start();
    let Some(rest) = trimmed.strip_prefix('{') else {
        return body.to_owned();
    };
    let separator = if rest.trim_start().starts_with('}') {
        ""
    } else {
        ","
    };
    format!("{{\n  \"comment\": {list}{separator}{rest}")
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970 (UTC; Howard Hinnant's civil-from-days).
pub(crate) fn utc(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let secs = unix_seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_796_122_800), "2026-12-01T11:00:00Z");
    }

    #[test]
    fn json_header_is_the_first_key() {
        let lines = vec!["a \"quoted\" line".to_owned()];
        let text = json(&lines, "{\n  \"device\": []\n}\n");
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["comment"][0], "a \"quoted\" line");
        let empty: serde_json::Value = serde_json::from_str(&json(&lines, "{}")).expect("valid");
        assert!(empty["comment"].is_array());
    }
}
