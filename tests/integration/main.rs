//! devtopo's integration tests: one test binary, one module per concern. Tests name the spec
//! rule (`c6_...`) or decision (`x13_...`) they pin.

mod alloc;
#[cfg(feature = "cli")]
mod cli_check;
#[cfg(feature = "cli")]
mod cli_run;
#[cfg(feature = "cli")]
mod cli_show;
#[cfg(feature = "cli")]
mod cli_support;
mod examples;
#[cfg(feature = "cli")]
mod files_bundled;
#[cfg(feature = "cli")]
mod files_errors;
#[cfg(feature = "cli")]
mod files_roundtrip;
