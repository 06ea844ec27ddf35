//! The table of malformed topology files (issue 4): one per error class, each with the exact
//! `file:line:col` and path of the offending item, in TOML and in JSON. It drives the
//! library's located-error tests (`files_errors`) and devtopo-cli's `devtopo check` tests,
//! which include this file by path.

use devtopo::file::Format;

/// A valid TOML file the cases below change.
pub(crate) const BASE: &str = r#"[[device]]
id = "ep"
name = "Mic"
kind = "capture"

[[device.connector]]
flow = "Out"
type = "Physical_External"

[[device]]
id = "topo"
name = "Topo"
kind = "adapter"

[[device.connector]]
name = "Jack"
flow = "In"
type = "Physical_External"

[[device.connector]]
name = "Bridge"
flow = "Out"
type = "Software_Fixed"

[[device.subunit]]
name = "Vol"
subtype = "KSNODETYPE_SUM"

[[device.link]]
from = "Jack"
to = "Vol"

[[connection]]
a = "Mic/0x10000"
b = "Topo/Jack"
"#;

/// A second adapter with a Software_Fixed input and a Software_IO output, appended by cases.
const WAVE: &str = r#"
[[device]]
id = "wave"
name = "Wave"
kind = "adapter"

[[device.connector]]
name = "In"
flow = "In"
type = "Software_Fixed"

[[device.connector]]
name = "Stream"
flow = "Out"
type = "Software_IO"
"#;

/// One malformed file: its text, and the expected location, path and message fragment.
pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) format: Format,
    pub(crate) text: String,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) path: &'static str,
    pub(crate) message: &'static str,
}

fn toml(
    name: &'static str,
    text: String,
    (line, column): (u32, u32),
    path: &'static str,
    message: &'static str,
) -> Case {
    Case {
        name,
        format: Format::Toml,
        text,
        line,
        column,
        path,
        message,
    }
}

fn json(
    name: &'static str,
    text: &str,
    (line, column): (u32, u32),
    path: &'static str,
    message: &'static str,
) -> Case {
    Case {
        name,
        format: Format::Json,
        text: text.to_owned(),
        line,
        column,
        path,
        message,
    }
}

pub(crate) fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

fn plus(extra: &str) -> String {
    format!("{BASE}{extra}")
}

/// `BASE` with the subunit "Vol" turned into a volume (or `subtype`) with these extra lines
/// (from line 28 on).
fn vol(subtype: &str, lines: &str) -> String {
    with(
        "subtype = \"KSNODETYPE_SUM\"",
        &format!("subtype = \"{subtype}\"\n{lines}"),
    )
}

const VOLUME: &str =
    "interface = \"IAudioVolumeLevel\", min_db = -96.0, max_db = 0.0, step_db = 0.5";

/// The malformed controls (issue 4): one case per class of control error.
fn control_cases() -> Vec<Case> {
    vec![
        toml(
            "unknown control interface",
            vol(
                "KSNODETYPE_SUM",
                "control = [{ interface = \"IAudioVolume\" }]",
            ),
            (28, 26),
            "device[1].subunit[0].control[0].interface",
            "`IAudioVolume` is not a control interface",
        ),
        toml(
            "key of another interface",
            vol(
                "KSNODETYPE_MUTE",
                "control = [{ interface = \"IAudioMute\", muted = false, min_db = 0.0 }]",
            ),
            (28, 64),
            "device[1].subunit[0].control[0].min_db",
            "`min_db` does not belong to IAudioMute",
        ),
        toml(
            "missing control key",
            vol(
                "KSNODETYPE_MUTE",
                "control = [{ interface = \"IAudioMute\" }]",
            ),
            (28, 12),
            "device[1].subunit[0].control[0]",
            "IAudioMute needs `muted`",
        ),
        toml(
            "required control missing (R4)",
            vol("KSNODETYPE_VOLUME", ""),
            (25, 1),
            "device[1].subunit[0]",
            "a KSNODETYPE_VOLUME subunit requires IAudioVolumeLevel (rules P14, R4)",
        ),
        toml(
            "subunit control on a connector (P13)",
            with(
                "type = \"Physical_External\"\n\n[[device.connector]]\nname = \"Bridge\"",
                "type = \"Physical_External\"\ncontrol = [{ interface = \"IAudioMute\", muted = true }]\n\n[[device.connector]]\nname = \"Bridge\"",
            ),
            (19, 12),
            "device[1].connector[0].control[0]",
            "IAudioMute cannot be on a Connector (rule P13",
        ),
        toml(
            "level outside its range (K3)",
            vol(
                "KSNODETYPE_VOLUME",
                &format!("control = [{{ {VOLUME}, levels_db = [0.0, 6.0] }}]"),
            ),
            (28, 110),
            "device[1].subunit[0].control[0].levels_db[1]",
            "channel 1 starts outside its range (rule K3)",
        ),
        toml(
            "uniform level outside its range (K3)",
            vol(
                "KSNODETYPE_VOLUME",
                &format!(
                    "[[device.subunit.control]]\n{}\nchannels = 2\nlevel_db = -100.0",
                    VOLUME.replace(", ", "\n")
                ),
            ),
            (34, 12),
            "device[1].subunit[0].control[0].level_db",
            "rule K3",
        ),
        toml(
            "level range not in whole steps (K2)",
            vol(
                "KSNODETYPE_VOLUME",
                "control = [{ interface = \"IAudioVolumeLevel\", min_db = -10.0, max_db = 10.0, step_db = 3.0, channels = 1, level_db = 0.0 }]",
            ),
            (28, 12),
            "device[1].subunit[0].control[0]",
            "rule K2",
        ),
        toml(
            "too many channels",
            vol(
                "KSNODETYPE_PEAKMETER",
                "control = [{ interface = \"IAudioPeakMeter\", channels = 5000 }]",
            ),
            (28, 56),
            "device[1].subunit[0].control[0].channels",
            "limit max_channels = 1024 exceeded",
        ),
        toml(
            "selection not linked to the MUX (K9)",
            vol(
                "KSNODETYPE_MUX",
                "control = [{ interface = \"IAudioInputSelector\", selection = \"Bridge\" }]",
            ),
            (28, 61),
            "device[1].subunit[0].control[0].selection",
            "which is not linked to it (rules K9, K10)",
        ),
        toml(
            "selection of an unknown part",
            vol(
                "KSNODETYPE_MUX",
                "control = [{ interface = \"IAudioInputSelector\", selection = \"Nope\" }]",
            ),
            (28, 61),
            "device[1].subunit[0].control[0].selection",
            "has no part with the local ID or name `Nope`",
        ),
        toml(
            "unknown jack enum name",
            with(
                "type = \"Physical_External\"\n\n[[device.connector]]\nname = \"Bridge\"",
                "type = \"Physical_External\"\n\n[[device.connector.control]]\ninterface = \"IKsJackDescription\"\n\n[[device.connector.control.jack]]\nchannel_mapping = \"0x3\"\ncolor = \"0xB3C98C\"\nconnection_type = \"eConnType35mm\"\n\n[[device.connector]]\nname = \"Bridge\"",
            ),
            (26, 19),
            "device[1].connector[0].control[0].jack[0].connection_type",
            "`eConnType35mm` is not an EPcxConnectionType",
        ),
        toml(
            "bad jack colour",
            with(
                "type = \"Physical_External\"\n\n[[device.connector]]\nname = \"Bridge\"",
                "type = \"Physical_External\"\ncontrol = [{ interface = \"IKsJackDescription\", jack = [{ color = \"red\" }] }]\n\n[[device.connector]]\nname = \"Bridge\"",
            ),
            (19, 66),
            "device[1].connector[0].control[0].jack[0].color",
            "`red` is not a 32-bit value",
        ),
        toml(
            "jack missing a field",
            with(
                "type = \"Physical_External\"\n\n[[device.connector]]\nname = \"Bridge\"",
                "type = \"Physical_External\"\ncontrol = [{ interface = \"IKsJackDescription\", jack = [{ color = 0 }] }]\n\n[[device.connector]]\nname = \"Bridge\"",
            ),
            (19, 56),
            "device[1].connector[0].control[0].jack[0]",
            "a KSJACK_DESCRIPTION jack needs `channel_mapping`",
        ),
        toml(
            "jack description 2 without jack description (X16)",
            with(
                "type = \"Physical_External\"\n\n[[device.connector]]\nname = \"Bridge\"",
                "type = \"Physical_External\"\ncontrol = [{ interface = \"IKsJackDescription2\", jack = [{ jack_capabilities = 1 }] }]\n\n[[device.connector]]\nname = \"Bridge\"",
            ),
            (19, 12),
            "device[1].connector[0].control[0]",
            "X16",
        ),
        toml(
            "preferred format out of range",
            with(
                "type = \"Physical_External\"\n\n[[device.connector]]\nname = \"Bridge\"",
                "type = \"Physical_External\"\ncontrol = [{ interface = \"IKsFormatSupport\", format = [{ channels = 2, samples_per_sec = 48000, bits_per_sample = 16 }], preferred = 1 }]\n\n[[device.connector]]\nname = \"Bridge\"",
            ),
            (19, 134),
            "device[1].connector[0].control[0].preferred",
            "`preferred` = 1 is not an index",
        ),
        json(
            "json level outside its range (K3)",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\", \"subunit\": [\n    {\"subtype\": \"KSNODETYPE_VOLUME\", \"control\": [\n      {\"interface\": \"IAudioVolumeLevel\", \"min_db\": -96, \"max_db\": 0, \"step_db\": 0.5,\n       \"levels_db\": [0, -97]}]}]}\n]}",
            (5, 25),
            "device[0].subunit[0].control[0].levels_db[1]",
            "rule K3",
        ),
        json(
            "json unknown jack enum name",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\", \"connector\": [\n    {\"flow\": \"In\", \"type\": \"Physical_External\", \"control\": [\n      {\"interface\": \"IKsJackDescription\", \"jack\": [{\"geo_location\": \"eGeoLocBack\"}]}]}]}\n]}",
            (4, 69),
            "device[0].connector[0].control[0].jack[0].geo_location",
            "`eGeoLocBack` is not an EPcxGeoLocation",
        ),
        json(
            "json missing required control (R4)",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\", \"subunit\": [\n    {\"subtype\": \"KSNODETYPE_MUTE\"}]}\n]}",
            (3, 5),
            "device[0].subunit[0]",
            "rules P14, R4",
        ),
    ]
}

/// Every error class, in TOML and JSON.
pub(crate) fn cases() -> Vec<Case> {
    let mut all = vec![
        toml(
            "toml syntax",
            with("[[device.subunit]]", "[[device.subunit]"),
            (25, 18),
            "",
            "syntax error",
        ),
        toml(
            "unknown key",
            with("name = \"Vol\"", "nmae = \"Vol\""),
            (26, 1),
            "device[1].subunit[0].nmae",
            "unknown field `nmae`",
        ),
        toml(
            "missing key",
            with("flow = \"In\"\n", ""),
            (15, 1),
            "device[1].connector[0]",
            "missing field `flow`",
        ),
        toml(
            "unknown flow",
            with("flow = \"In\"", "flow = \"Inward\""),
            (17, 8),
            "device[1].connector[0].flow",
            "`Inward` is not a DataFlow",
        ),
        toml(
            "unknown connector type",
            with("type = \"Software_Fixed\"", "type = \"Software_Fix\""),
            (23, 8),
            "device[1].connector[1].type",
            "`Software_Fix` is not a ConnectorType",
        ),
        toml(
            "unknown kind",
            with("kind = \"adapter\"", "kind = \"filter\""),
            (13, 8),
            "device[1].kind",
            "`filter` is not a DeviceKind",
        ),
        toml(
            "unknown state",
            with("kind = \"adapter\"", "kind = \"adapter\"\nstate = \"ON\""),
            (14, 9),
            "device[1].state",
            "`ON` is not a DeviceState",
        ),
        toml(
            "bad local id",
            with("name = \"Vol\"", "name = \"Vol\"\nlocal_id = \"0xZZ\""),
            (27, 12),
            "device[1].subunit[0].local_id",
            "is not a local ID",
        ),
        toml(
            "bad subtype",
            with("KSNODETYPE_SUM", "KSNODETYPE_SUMM"),
            (27, 11),
            "device[1].subunit[0].subtype",
            "is not a GUID",
        ),
        toml(
            "wrong type",
            with("name = \"Vol\"", "name = 7"),
            (26, 8),
            "device[1].subunit[0].name",
            "invalid type",
        ),
        toml(
            "duplicate device id (I7)",
            with("id = \"topo\"", "id = \"ep\""),
            (11, 6),
            "device[1].id",
            "rule I7",
        ),
        toml(
            "empty device id (I7)",
            with("id = \"topo\"", "id = \"\""),
            (11, 6),
            "device[1].id",
            "must not be empty",
        ),
        toml(
            "duplicate local id (I1)",
            with(
                "name = \"Bridge\"",
                "name = \"Bridge\"\nlocal_id = \"0x10000\"",
            ),
            (22, 12),
            "device[1].connector[1].local_id",
            "rule I1",
        ),
        toml(
            "endpoint flow (D3)",
            with(
                "flow = \"Out\"\ntype = \"Physical_External\"",
                "flow = \"In\"\ntype = \"Physical_External\"",
            ),
            (7, 8),
            "device[0].connector[0].flow",
            "rule D3",
        ),
        toml(
            "second endpoint connector (D2)",
            with(
                "[[device]]\nid = \"topo\"",
                "[[device.connector]]\nflow = \"Out\"\ntype = \"Physical_External\"\n\n[[device]]\nid = \"topo\"",
            ),
            (10, 1),
            "device[0].connector[1]",
            "rule D2",
        ),
        toml(
            "subunit on an endpoint (D2)",
            with(
                "[[device]]\nid = \"topo\"",
                "[[device.subunit]]\nsubtype = \"KSNODETYPE_VOLUME\"\n\n[[device]]\nid = \"topo\"",
            ),
            (10, 1),
            "device[0].subunit[0]",
            "rule D2",
        ),
        toml(
            "endpoint without connector (D2)",
            plus("\n[[device]]\nid = \"ep2\"\nkind = \"render\"\n"),
            (37, 1),
            "device[2]",
            "has 0 connectors (rule D2)",
        ),
        toml(
            "unknown part in a link",
            with("to = \"Vol\"", "to = \"Volume\""),
            (31, 6),
            "device[1].link[0].to",
            "has no part with the local ID or name `Volume`",
        ),
        toml(
            "self link (P8)",
            with("to = \"Vol\"", "to = \"Jack\""),
            (29, 1),
            "device[1].link[0]",
            "a part cannot link to itself",
        ),
        toml(
            "cycle (P8)",
            plus("\n[[device.link]]\nfrom = \"Vol\"\nto = \"Jack\"\n"),
            (37, 1),
            "device[1].link[1]",
            "would close a cycle",
        ),
        toml(
            "unknown device in a connection",
            with("b = \"Topo/Jack\"", "b = \"Topology/Jack\""),
            (35, 5),
            "connection[0].b",
            "no device has the ID or name `Topology`",
        ),
        toml(
            "unknown part in a connection",
            with("b = \"Topo/Jack\"", "b = \"Topo/0x10009\""),
            (35, 5),
            "connection[0].b",
            "has no part with the local ID or name `0x10009`",
        ),
        toml(
            "malformed reference",
            with("a = \"Mic/0x10000\"", "a = \"Mic\""),
            (34, 5),
            "connection[0].a",
            "expected `device/part`",
        ),
        toml(
            "same-flow connection (C3)",
            with("b = \"Topo/Jack\"", "b = \"Topo/Bridge\""),
            (33, 1),
            "connection[0]",
            "both have data flow Out",
        ),
        toml(
            "mismatched connector types (X1)",
            format!(
                "{}{WAVE}\n[[connection]]\na = \"Wave/Stream\"\nb = \"Topo/Jack\"\n",
                with(
                    "a = \"Mic/0x10000\"\nb = \"Topo/Jack\"\n",
                    "a = \"Mic/0x10000\"\nb = \"Wave/In\"\n"
                )
            ),
            (33, 1),
            "connection[0]",
            "rule D14, X1",
        ),
        toml(
            "second peer (C3)",
            plus(
                "\n[[device]]\nid = \"ep2\"\nkind = \"capture\"\n\n[[device.connector]]\nflow = \"Out\"\ntype = \"Physical_External\"\n\n[[connection]]\na = \"ep2/0x10000\"\nb = \"Topo/Jack\"\n",
            ),
            (45, 1),
            "connection[1]",
            "ERROR_DEVICE_ALREADY_ATTACHED",
        ),
        toml(
            "permanent, not Software_Fixed (D15)",
            with("b = \"Topo/Jack\"", "b = \"Topo/Jack\"\npermanent = true"),
            (33, 1),
            "connection[0]",
            "rule D15, X7",
        ),
        toml(
            "Software_IO connection (D12)",
            format!(
                "{}{WAVE}\n[[connection]]\na = \"Wave/Stream\"\nb = \"Topo/Jack\"\n",
                with("b = \"Topo/Jack\"", "b = \"Topo/Jack\"")
            ),
            (52, 1),
            "connection[1]",
            "rule D12",
        ),
        toml(
            "same device (X3)",
            plus("\n[[connection]]\na = \"Topo/Bridge\"\nb = \"Topo/Jack\"\n"),
            (37, 1),
            "connection[1]",
            "rule C3, X3",
        ),
        toml(
            "ambiguous name",
            with("name = \"Topo\"", "name = \"Mic\""),
            (34, 5),
            "connection[0].a",
            "the name of several devices",
        ),
        toml(
            "text limit",
            with(
                "name = \"Vol\"",
                &format!("name = \"{}\"", "v".repeat(1025)),
            ),
            (26, 8),
            "device[1].subunit[0].name",
            "limit max_text_bytes = 1024 exceeded",
        ),
        json(
            "json syntax",
            "{\"device\": [\n  {\"id\": \"x\",}\n]}",
            (2, 14),
            "",
            "syntax error",
        ),
        json(
            "json unknown key",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\", \"colour\": 1}\n]}",
            (2, 44),
            "device[0].colour",
            "unknown field `colour`",
        ),
        json(
            "json missing key",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\"},\n  {\"id\": \"y\"}\n]}",
            (3, 3),
            "device[1]",
            "missing field `kind`",
        ),
        json(
            "json unknown enum",
            "{\"device\": [\n  {\"id\": \"x\",\n   \"kind\": \"adapter\",\n   \"connector\": [{\"flow\": \"Sideways\", \"type\": \"Network\"}]}\n]}",
            (4, 27),
            "device[0].connector[0].flow",
            "`Sideways` is not a DataFlow",
        ),
        json(
            "json duplicate id (I7)",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\"},\n  {\"id\": \"x\", \"kind\": \"adapter\"}\n]}",
            (3, 10),
            "device[1].id",
            "rule I7",
        ),
        json(
            "json unknown part in a connection",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\"}\n],\n \"connection\": [\n  {\"a\": \"x/0x10000\", \"b\": \"x/0x10001\"}\n]}",
            (5, 9),
            "connection[0].a",
            "has no part",
        ),
        json(
            "json same flow (C3)",
            "{\"device\": [\n  {\"id\": \"x\", \"kind\": \"adapter\", \"connector\": [{\"flow\": \"In\", \"type\": \"Network\"}]},\n  {\"id\": \"y\", \"kind\": \"adapter\", \"connector\": [{\"flow\": \"In\", \"type\": \"Network\"}]}\n],\n \"connection\": [\n  {\"a\": \"x/0x10000\", \"b\": \"y/0x10000\"}\n]}",
            (6, 3),
            "connection[0]",
            "rule C3",
        ),
        json(
            "json trailing characters",
            "{}\n{}",
            (2, 1),
            "",
            "trailing characters",
        ),
    ];
    all.extend(control_cases());
    all
}
