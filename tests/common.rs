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

/// A snapshot of the bundled demo catalog, built once per test run (reused across runs while the
/// catalog is unchanged) under Cargo's test temporary directory.
pub fn index_demo() -> &'static std::path::Path {
    static INDEX: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("index-demo");
        let catalogue = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/demo");
        maillage::index::preparer(&catalogue, &dir, &options(), &mut |_| {})
            .expect("demo snapshot");
        dir
    })
}
