//! The limits of scenario files (docs/scenarios.md, "Limits"). The scenario text is held to
//! [`Limit::FileBytes`] (by `read_text` for files, by `Scenario::parse` for text), its steps
//! to [`Limit::ScenarioSteps`] (counted while they are read), and every string in a step,
//! nested ones included, to [`Limit::TextBytes`], as in topology files. Lists inside a step
//! are bounded by the file size and nesting by the parsers.

use super::StepEntry;
use crate::file::{Format, ItemPath, position};

/// The line and column of each of the `count` steps. TOML: one parse and one line index for
/// all steps (O(text + steps log lines)), so a scenario at `max_scenario_steps` loads in
/// linear time; JSON: located one by one (O(text) each).
pub(super) fn step_positions(text: &str, format: Format, count: usize) -> Vec<(u32, u32)> {
    let one = |i: usize| position(text, format, &ItemPath::root().item("step", i));
    if format == Format::Toml {
        if let Some(offsets) = toml_step_offsets(text) {
            let lines: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            return (0..count)
                .map(|i| match offsets.get(i) {
                    Some(&offset) => line_col(text, &lines, offset),
                    None => one(i),
                })
                .collect();
        }
    }
    (0..count).map(one).collect()
}

/// The byte offset of each element of the top-level `step` array.
fn toml_step_offsets(text: &str) -> Option<Vec<usize>> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let table = root.get_ref();
    let (_, steps) = table.iter().find(|(k, _)| k.get_ref().as_ref() == "step")?;
    match steps.get_ref() {
        toml::de::DeValue::Array(a) => Some(a.iter().map(|v| v.span().start).collect()),
        _ => None,
    }
}

/// The 1-based line and column (in characters) of a byte offset, from the line starts.
fn line_col(text: &str, lines: &[usize], offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = lines.partition_point(|&start| start <= offset).max(1);
    let start = lines[line - 1];
    let column = text[start..offset].chars().count() + 1;
    let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    (clamp(line), clamp(column))
}

/// The step keys whose string value is longer than `max`, the [`Limit::TextBytes`] in force (the limit of every
/// string of topology files holds for scenarios too): strings at the top level of a key, and
/// inside list and table arguments.
pub(super) fn long_strings(steps: &[StepEntry], max: usize) -> Vec<ItemPath> {
    let long_json = |v: &serde_json::Value| -> bool {
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::String(s) if s.len() > max => {
                    return true;
                }
                serde_json::Value::Array(a) => stack.extend(a),
                serde_json::Value::Object(o) => {
                    if o.keys().any(|k| k.len() > max) {
                        return true;
                    }
                    stack.extend(o.values());
                }
                _ => {}
            }
        }
        false
    };
    let mut found = Vec::new();
    for (i, e) in steps.iter().enumerate() {
        let texts = [
            ("name", e.name.as_deref()),
            ("call", Some(e.call.as_str())),
            ("part", e.part.as_deref()),
            ("device", e.device.as_deref()),
            ("other", e.other.as_deref()),
            ("from", e.from.as_deref()),
            ("to", e.to.as_deref()),
            ("state", e.state.as_deref()),
            ("expect", e.expect.as_deref()),
            ("sink", e.sink.as_deref()),
        ];
        let raw = e.raw_args();
        let values = [
            ("local_id", e.local_id.as_ref()),
            ("value", e.value.as_ref()),
            ("interface", raw.interface),
            ("channel", raw.channel),
            ("level", raw.level),
            ("levels", raw.levels),
            ("muted", raw.muted),
            ("enabled", raw.enabled),
            ("selection", raw.selection),
            ("config", raw.config),
            ("jack", raw.jack),
            ("clsctx", raw.clsctx),
            ("property", raw.property),
            ("format", raw.format),
            ("flow", raw.flow),
            ("state_mask", raw.state_mask),
            ("role", raw.role),
            ("context", raw.context),
        ];
        let at = ItemPath::root().item("step", i);
        found.extend(
            texts
                .into_iter()
                .filter(|(_, t)| t.is_some_and(|t| t.len() > max))
                .map(|(key, _)| at.key(key)),
        );
        found.extend(
            values
                .into_iter()
                .filter(|(_, v)| v.is_some_and(long_json))
                .map(|(key, _)| at.key(key)),
        );
    }
    found
}
