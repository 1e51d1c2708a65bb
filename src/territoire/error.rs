//! The error type of the territorial referential, with French messages.

use std::path::PathBuf;

use thiserror::Error;

use super::CodeInvalide;

/// What can go wrong when loading, generating or querying the territorial referential.
#[derive(Debug, Error)]
pub enum TerritoireError {
    /// A file could not be read or written.
    #[error("fichier « {chemin} » illisible ou impossible à écrire")]
    Fichier {
        /// The file.
        chemin: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A line of one of the referential files is malformed.
    #[error("{fichier}, ligne {ligne} : {message}")]
    Ligne {
        /// File name (`communes.csv`, `cities500.txt`…).
        fichier: String,
        /// Line number, 1-based (0 when unknown).
        ligne: u64,
        /// What is wrong.
        message: String,
    },
    /// A source file is malformed as a whole (JSON that does not parse, missing header…).
    #[error("{fichier} : {message}")]
    Source {
        /// File name.
        fichier: String,
        /// What is wrong.
        message: String,
    },
    /// A code does not have the expected shape.
    #[error(transparent)]
    Code(#[from] CodeInvalide),
    /// A zone code is neither `france`, `99xxx`, a département, a commune nor an EPCI SIREN.
    #[error(
        "code de zone « {code} » invalide : attendu « france », un pays (99xxx), un département, \
         une commune (code INSEE) ou un EPCI (SIREN à 9 chiffres)"
    )]
    ZoneInvalide {
        /// The code received (truncated to 40 characters).
        code: String,
    },
    /// A zone code has the right shape but names nothing in the referential.
    #[error("code de zone « {code} » inconnu : aucun(e) {genre} de ce code dans le référentiel")]
    ZoneInconnue {
        /// `commune`, `département`, `EPCI`.
        genre: &'static str,
        /// The code received.
        code: String,
    },
}

/// Truncates user-supplied text before echoing it in an error.
pub(crate) fn tronque(texte: &str) -> String {
    texte.chars().take(40).collect()
}
