//! `show` prints a connector's format ranges (issue 13, item 5).

use crate::support::{devtopo, scratch, write};

/// Issue 13, item 5: `show` lists a connector's format ranges.
#[test]
fn show_prints_format_ranges() {
    let dir = scratch("show-ranges");
    let file = write(
        &dir,
        "r.toml",
        "[[device]]\nid = 'wave'\nkind = 'adapter'\n\n[[device.connector]]\nflow = 'In'\ntype = 'Software_IO'\ncontrol = [{ interface = 'IKsFormatSupport', format = [{ channels = 2, samples_per_sec = 48000, bits_per_sample = 16 }], format_range = [{ max_channels = 2, min_bits_per_sample = 16, max_bits_per_sample = 24, min_sample_frequency = 8000, max_sample_frequency = 96000 }] }]\n",
    );
    let run = devtopo(&["show", "--unreached", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("range 0: PCM 1-2 ch 8000..96000 Hz 16..24 bit"),
        "{}",
        run.stdout
    );
}
