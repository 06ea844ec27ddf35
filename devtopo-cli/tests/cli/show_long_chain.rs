//! `devtopo show` on a long chain (issue 12, defects 1 and 2; fixed by the show rewrite of
//! issue 13): a valid file whose walk is 9,000 parts deep neither overflows the stack nor
//! prints output that grows with the square of the depth.

use crate::support::{devtopo, scratch, write};

/// A render endpoint fed by `adapters` adapter devices in a row, each a chain of `per`
/// volume subunits between its input and output connectors.
fn long_chain(adapters: usize, per: usize) -> String {
    let mut text = String::from(
        "[[device]]\nid = \"{0.0.0.00000000}.{long-chain-endpoint}\"\nname = \"Speakers\"\n\
         kind = \"render\"\nstate = \"DEVICE_STATE_ACTIVE\"\nconnector = [{ local_id = \"0x10000\", \
         name = \"\", flow = \"In\", type = \"Physical_External\", subtype = \"KSNODETYPE_SPEAKER\" }]\n\n",
    );
    for a in 0..adapters {
        let out_type = if a == 0 {
            "Physical_External"
        } else {
            "Software_Fixed"
        };
        text.push_str(&format!(
            "[[device]]\nid = \"{{2}}.adapter{a}\"\nname = \"Adapter {a}\"\nkind = \"adapter\"\n\
             state = \"DEVICE_STATE_ACTIVE\"\nconnector = [\n\
             {{ local_id = \"0x10000\", name = \"\", flow = \"In\", type = \"Software_Fixed\", subtype = \"KSCATEGORY_AUDIO\" }},\n\
             {{ local_id = \"0x10001\", name = \"\", flow = \"Out\", type = \"{out_type}\", subtype = \"KSNODETYPE_SPEAKER\" }},\n]\nsubunit = [\n"
        ));
        for i in 0..per {
            text.push_str(&format!(
                "{{local_id=\"0x{:x}\",name=\"\",subtype=\"KSNODETYPE_SUM\"}},\n",
                0x20000 + i
            ));
        }
        text.push_str("]\nlink = [\n{from=\"0x10000\",to=\"0x20000\"},\n");
        for i in 1..per {
            text.push_str(&format!(
                "{{from=\"0x{:x}\",to=\"0x{:x}\"}},\n",
                0x20000 + i - 1,
                0x20000 + i
            ));
        }
        text.push_str(&format!(
            "{{from=\"0x{:x}\",to=\"0x10001\"}},\n]\n\n",
            0x20000 + per - 1
        ));
    }
    text.push_str("[[connection]]\na = \"Speakers/0x10000\"\nb = \"Adapter 0/0x10001\"\n\n");
    for a in 1..adapters {
        text.push_str(&format!(
            "[[connection]]\na = \"Adapter {}/0x10000\"\nb = \"Adapter {a}/0x10001\"\npermanent = true\n\n",
            a - 1
        ));
    }
    text
}

#[test]
fn show_walks_a_long_chain_without_overflow_and_with_linear_output() {
    let (adapters, per) = (3, 3000);
    let parts = adapters * (per + 2) + 1;
    let dir = scratch("long-chain");
    let file = write(&dir, "long.toml", &long_chain(adapters, per));
    let check = devtopo(&["check", &file]);
    assert_eq!(check.code, 0, "the file is valid: {}", check.stderr);
    for format in ["text", "json"] {
        let run = devtopo(&["show", "--format", format, &file]);
        assert_eq!(run.code, 0, "show --format {format}: {}", run.stderr);
        // Linear: a bounded number of bytes per part shown (quadratic output would be
        // hundreds of megabytes here).
        assert!(
            run.stdout.len() < 2_000 * parts,
            "show --format {format} printed {} bytes for {parts} parts",
            run.stdout.len()
        );
        assert!(run.stdout.matches("0x0002").count() >= adapters * per);
    }
}
