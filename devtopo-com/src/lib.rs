//! devtopo-com
pub mod generated;
