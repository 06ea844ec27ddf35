//! devtopo-cli's tests: they run the built `devtopo` binary in the workspace root over the
//! bundled topologies and scenarios, one module per command. Every test names the spec rule or
//! decision (`x13_...`) it pins, where it pins one.

mod capture;
mod check;
// The table of malformed files is shared with the library's located-error tests.
#[path = "../../../tests/integration/files_error_cases.rs"]
mod files_error_cases;
mod generate;
mod guid_names;
mod list;
mod run;
mod run_notify;
mod show;
mod show_long_chain;
mod show_ranges;
mod show_walk;
mod support;
