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

/// A copy of fixture `name` in a fresh temporary directory (so a test may change it).
pub fn copie_de(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entree in std::fs::read_dir(fixture(name)).expect("fixture") {
        let entree = entree.expect("entry");
        std::fs::copy(entree.path(), dir.path().join(entree.file_name())).expect("copy");
    }
    dir
}

/// Runs the `maillage` binary.
pub fn maillage(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_maillage"))
        .args(args)
        .output()
        .expect("runs")
}
