//! Shared fixtures.

use std::path::PathBuf;

use chrono::NaiveDate;
use maillage::catalog::validation::OptionsChargement;

/// A fixture directory under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The reference date every fixture is written against.
pub fn options() -> OptionsChargement {
    OptionsChargement {
        aujourdhui: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
    }
}
