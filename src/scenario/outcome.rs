//! Running one step and comparing its result with what the step expects.

use super::names::Names;
use super::{Step, Value, execute};
use crate::{HResult, System};

/// `E_NOTFOUND 0x80070490`, or just the hex value for a code devtopo does not name.
pub fn hr_text(hr: HResult) -> String {
    match hr.name() {
        Some(name) => format!("{name} {hr}"),
        None => hr.to_string(),
    }
}

/// What one step did, compared with what it expects.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Outcome {
    /// True when the HRESULT and, for a getter with an expected value, the value matched.
    pub ok: bool,
    /// One line for people: `ok   file:line:col: step 3: ... -> S_OK 0x00000000`, or
    /// `FAIL ...: expected ..., got ...`.
    pub line: String,
    /// The same as a JSON object (`step`, `line`, `column`, `name`, `call`, `text`, `ok`,
    /// `expected`, `actual`), as `devtopo run --format json` prints it.
    pub json: serde_json::Value,
}

/// Runs `step` and compares: O(the call) plus O(its output).
pub(super) fn outcome(file: &str, system: &System, names: &Names, step: &Step) -> Outcome {
    let result = execute(system, step);
    let (actual_hr, actual_value, message) = match &result {
        Ok(value) => (HResult::S_OK, value.clone(), None),
        Err(e) => (e.hresult(), None, Some(e.to_string())),
    };
    let hr_ok = actual_hr == step.expect;
    let value_ok = match (&step.value, &actual_value) {
        (Some(want), Some(got)) => want == got,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let ok = hr_ok && value_ok;
    let show = |v: &Option<Value>| v.as_ref().map(|v| v.show(names));
    let location = format!("{file}:{}:{}", step.line, step.column);
    let label = match &step.name {
        Some(name) => format!("step {} ({name}): {}", step.index + 1, step.text),
        None => format!("step {}: {}", step.index + 1, step.text),
    };
    let (expected_shown, actual_shown) = (show(&step.value), show(&actual_value));
    let line = if ok {
        match &actual_shown {
            Some(v) if step.value.is_some() => {
                format!("ok   {location}: {label} -> {} = {v}", hr_text(actual_hr))
            }
            _ => format!("ok   {location}: {label} -> {}", hr_text(actual_hr)),
        }
    } else {
        let mut text = format!(
            "FAIL {location}: {label}: expected {}",
            hr_text(step.expect)
        );
        if let Some(v) = &expected_shown {
            text.push_str(&format!(" = {v}"));
        }
        text.push_str(&format!(", got {}", hr_text(actual_hr)));
        // The value a call returned, also when an error was expected instead (issue 13).
        if let Some(v) = &actual_shown {
            text.push_str(&format!(" = {v}"));
        }
        if let Some(m) = &message {
            text.push_str(&format!(" ({m})"));
        }
        text
    };
    let json = serde_json::json!({
        "step": step.index + 1,
        "line": step.line,
        "column": step.column,
        "name": step.name,
        "call": step.call.name(),
        "text": step.text,
        "ok": ok,
        "expected": { "hresult": hr_text(step.expect), "value": expected_shown },
        "actual": { "hresult": hr_text(actual_hr), "value": actual_shown, "message": message },
    });
    Outcome { ok, line, json }
}
