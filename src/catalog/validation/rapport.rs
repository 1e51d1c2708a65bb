//! The validation report: every rejected or corrected record with its reason, and totals per file
//! that reconcile (`lus = acceptes + rejetes`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::lecture::Position;

/// Why a record was rejected or corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Motif {
    /// The record could not be decoded (wrong type, bad JSON line, invalid UTF-8).
    Illisible,
    /// A required field is missing or empty.
    ChampObligatoireManquant,
    /// A value is out of its allowed range (name length, date in the future…).
    ValeurInvalide,
    /// An unknown referential code (dropped, record kept).
    CodeInconnu,
    /// Coordinates invalid or outside France (dropped, record kept).
    CoordonneesInvalides,
    /// Latitude and longitude swapped (corrected, record kept).
    CoordonneesInversees,
    /// Unknown INSEE commune code (dropped, record kept).
    CodeInseeInconnu,
    /// Unknown zone code (dropped, record kept).
    ZoneInconnue,
    /// `structure_id` names no accepted structure.
    StructureInconnue,
    /// An id already seen in the file (later record rejected).
    IdentifiantDuplique,
    /// Opening hours do not parse (kept as text, flagged).
    HorairesInvalides,
    /// Malformed e-mail (dropped, record kept).
    CourrielInvalide,
    /// Malformed URL (dropped, record kept).
    UrlInvalide,
}

/// Rejection or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gravite {
    /// The record was not loaded.
    Rejet,
    /// The record was loaded, with this field dropped or corrected.
    Avertissement,
}

/// One finding on one record.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Constat {
    /// Where the record is.
    #[serde(flatten)]
    pub position: Position,
    /// Its id, when known.
    pub id: Option<String>,
    /// The field at fault, when known.
    pub champ: Option<String>,
    /// Why.
    pub motif: Motif,
    /// Rejected or warned.
    pub gravite: Gravite,
    /// What is wrong, in French.
    pub detail: String,
}

/// Totals of one file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TotauxFichier {
    /// File name.
    pub fichier: String,
    /// Records read.
    pub lus: u64,
    /// Records accepted.
    pub acceptes: u64,
    /// Records rejected.
    pub rejetes: u64,
    /// Accepted records that carry at least one warning.
    pub avec_avertissements: u64,
}

/// The full report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rapport {
    /// Totals per file, in reading order.
    pub fichiers: Vec<TotauxFichier>,
    /// Findings by reason and gravity (all of them, even those not kept below).
    pub par_motif: BTreeMap<String, u64>,
    /// The findings, in order, up to [`Rapport::MAX_CONSTATS`].
    pub constats: Vec<Constat>,
    /// Findings not kept in `constats` because of the cap (they are counted in `par_motif`).
    pub constats_omis: u64,
}

impl Rapport {
    /// At most this many findings are kept in detail.
    pub const MAX_CONSTATS: usize = 100_000;

    /// Records one finding.
    pub fn ajouter(&mut self, constat: Constat) {
        let cle = format!(
            "{}:{}",
            match constat.gravite {
                Gravite::Rejet => "rejet",
                Gravite::Avertissement => "avertissement",
            },
            serde_json::to_value(constat.motif)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        );
        *self.par_motif.entry(cle).or_default() += 1;
        if self.constats.len() < Self::MAX_CONSTATS {
            self.constats.push(constat);
        } else {
            self.constats_omis += 1;
        }
    }

    /// Total rejected records over all files.
    pub fn rejetes(&self) -> u64 {
        self.fichiers.iter().map(|f| f.rejetes).sum()
    }

    /// Total accepted records over all files.
    pub fn acceptes(&self) -> u64 {
        self.fichiers.iter().map(|f| f.acceptes).sum()
    }

    /// Whether every file's totals reconcile.
    pub fn reconcilie(&self) -> bool {
        self.fichiers
            .iter()
            .all(|f| f.lus == f.acceptes + f.rejetes)
    }
}
