//! Snapshots (DESIGN.md §2): what `serve`, `search` and `couverture` load instead of re-reading a
//! catalog export.
//!
//! A snapshot is a directory `instantane-<date>-<checksum>/` under the index directory, holding
//! - `manifest.json` — [`Manifest`]: format version, catalog checksum, territories fingerprint,
//!   counts, build date;
//! - `structures.json`, `services-0.json`…`services-3.json` — the validated, normalised
//!   structures and services (JSON arrays; the services in parts parsed in parallel on load, in
//!   the spatial order of [`ordre`]);
//! - `texte/` — the tantivy index of [`crate::search::IndexTexte`].
//!
//! The spatial index, the columns and the parsed opening hours are rebuilt in memory on load (a
//! bulk load is faster than reading them back). A build writes into `.construction-<pid>-<n>/`,
//! fsyncs every file and the directory, renames it into place and then atomically replaces the
//! `COURANT` pointer file (temporary file, fsync, rename, fsync of the directory): a build killed at
//! any moment leaves the previous snapshot current. Older snapshots are removed after the switch.
//!
//! One file per step: [`manifest`], [`empreinte`] (checksums), [`ordre`] (the services' order),
//! [`ecriture`] (durable files), [`construction`], [`chargement`].

pub mod chargement;
pub mod construction;
pub mod ecriture;
pub mod empreinte;
pub mod manifest;
pub mod ordre;

use std::path::PathBuf;

pub use chargement::{Etat, Instantane, etat, ouvrir, preparer};
pub use construction::{Construction, Progres, construire};
pub use manifest::{Comptes, FORMAT, Manifest};

/// Name of the pointer file naming the current snapshot directory.
pub const COURANT: &str = "COURANT";

/// Why a snapshot could not be built or loaded.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The catalog could not be read.
    #[error(transparent)]
    Catalogue(#[from] crate::catalog::validation::ChargementError),
    /// A file could not be read or written.
    #[error("{chemin} : {cause}")]
    Io {
        /// The file.
        chemin: PathBuf,
        /// The cause (in the message, not a chained source: printed once).
        cause: std::io::Error,
    },
    /// No snapshot has been built in this directory.
    #[error(
        "aucun instantané dans {0} : le construire avec `maillage index --catalog DIR --index {0}`"
    )]
    Absent(PathBuf),
    /// The snapshot is damaged or incomplete.
    #[error(
        "instantané corrompu dans {repertoire} : {detail} ; le reconstruire avec `maillage index`"
    )]
    Corrompu {
        /// The snapshot directory.
        repertoire: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// The text index failed.
    #[error(transparent)]
    Texte(#[from] crate::search::TexteError),
}

/// An I/O error on `chemin`.
pub(crate) fn io(chemin: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> IndexError {
    let chemin = chemin.into();
    move |cause| IndexError::Io { chemin, cause }
}
