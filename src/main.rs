//! `devtopo`: check, show, draw and exercise DeviceTopology files from a shell.
//!
//! Exit codes: 0 success, 1 a file is invalid or a scenario step failed (or `path` found no
//! path), 2 usage, input or I/O errors. `devtopo --help` lists the subcommands.
#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
