//! The error type of a coverage request: every variant names the field at fault and carries a
//! French detail listing the allowed values, so the HTTP layer maps it to a 4xx problem+json.

use thiserror::Error;

/// A coverage request that cannot be answered. Never a server fault: every variant is bad input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CouvertureError {
    /// The territory is malformed or unknown.
    #[error("territoire : {0}")]
    Territoire(String),
    /// A need is unknown, or none was given, or too many.
    #[error("besoin : {0}")]
    Besoin(String),
    /// The H3 resolution is out of range.
    #[error("resolution : {0}")]
    Resolution(String),
    /// The radius is out of range.
    #[error("rayon_km : {0}")]
    Rayon(String),
    /// A filter code is unknown.
    #[error("{champ} : {detail}")]
    Filtre {
        /// `publics`, `types`, `reseaux_porteurs`, `mobilisable_par`.
        champ: &'static str,
        /// What is wrong.
        detail: String,
    },
    /// The territory has too many cells at this resolution (or for this many needs): refused
    /// before any computation.
    #[error("territoire : {detail}")]
    TropEtendu {
        /// What is wrong and what is allowed.
        detail: String,
        /// Estimated number of H3 cells (× needs) of the request.
        cellules_estimees: u64,
        /// The cap.
        maximum: u64,
    },
}

impl CouvertureError {
    /// The request field at fault (`territoire`, `besoin`, `resolution`, `rayon_km`, a filter).
    pub fn champ(&self) -> &'static str {
        match self {
            CouvertureError::Territoire(_) | CouvertureError::TropEtendu { .. } => "territoire",
            CouvertureError::Besoin(_) => "besoin",
            CouvertureError::Resolution(_) => "resolution",
            CouvertureError::Rayon(_) => "rayon_km",
            CouvertureError::Filtre { champ, .. } => champ,
        }
    }

    /// The French detail, without the field name.
    pub fn detail(&self) -> &str {
        match self {
            CouvertureError::Territoire(d)
            | CouvertureError::Besoin(d)
            | CouvertureError::Resolution(d)
            | CouvertureError::Rayon(d)
            | CouvertureError::Filtre { detail: d, .. }
            | CouvertureError::TropEtendu { detail: d, .. } => d,
        }
    }
}
