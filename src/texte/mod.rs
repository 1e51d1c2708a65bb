//! French text helpers shared by every lookup by name (communes, codes, later the search analyzers).
//!
//! One concept per file: [`fold`] turns any French text into a comparison key.

mod fold;

pub use fold::{fold, fold_into};
