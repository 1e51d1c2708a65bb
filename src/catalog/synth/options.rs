//! What the caller asks for ([`OptionsSynth`]), what it gets back ([`ResumeSynth`]), the kinds of
//! deliberate defects ([`Salete`]) and the errors ([`SynthError`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

/// Parameters of a generation run.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionsSynth {
    /// Exact number of service records to write.
    pub services: usize,
    /// Seed of the random generator: same inputs and seed give byte-identical files.
    pub graine: u64,
    /// When true, about 2 % of structures and of services carry exactly one deliberate defect.
    pub sales: bool,
    /// `date_maj` values are spread over the three years before this date.
    pub date_reference: NaiveDate,
    /// Restrict places to these département codes.
    pub departements: Option<Vec<String>>,
}

/// One kind of deliberate defect, for testing validation (`sales: true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Salete {
    /// A required field (`nom`, `description` or `date_maj`) is null.
    ChampObligatoireManquant,
    /// A thematique code that is not in the referential (services only).
    ThematiqueInconnue,
    /// Latitude and longitude swapped.
    CoordonneesInversees,
    /// Coordinates far outside France.
    CoordonneesHorsFrance,
    /// A `code_insee` that is no commune.
    CodeInseeInconnu,
    /// A `structure_id` that no structure has (services only).
    StructureInexistante,
    /// The id of an earlier record of the same kind.
    IdDuplique,
    /// `horaires_accueil` not in OSM syntax.
    HorairesInvalides,
    /// A malformed e-mail address.
    CourrielInvalide,
    /// A malformed URL (`site_web` or `lien_mobilisation`).
    UrlInvalide,
    /// `date_maj` after the reference date.
    DateFuture,
}

impl Salete {
    /// Every kind, in order.
    pub const TOUTES: [Salete; 11] = [
        Salete::ChampObligatoireManquant,
        Salete::ThematiqueInconnue,
        Salete::CoordonneesInversees,
        Salete::CoordonneesHorsFrance,
        Salete::CodeInseeInconnu,
        Salete::StructureInexistante,
        Salete::IdDuplique,
        Salete::HorairesInvalides,
        Salete::CourrielInvalide,
        Salete::UrlInvalide,
        Salete::DateFuture,
    ];

    /// Whether this defect applies to services only.
    pub fn service_seulement(self) -> bool {
        matches!(
            self,
            Salete::ThematiqueInconnue | Salete::StructureInexistante
        )
    }
}

/// What was written, so tests and the integrator can reconcile.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResumeSynth {
    /// Structure records written (duplicates from a second source included).
    pub structures: usize,
    /// Service records written (always `OptionsSynth::services`).
    pub services: usize,
    /// Structures by offer family code (`siae`, `siao`, …).
    pub structures_par_famille: BTreeMap<&'static str, usize>,
    /// Services by offer family code.
    pub services_par_famille: BTreeMap<&'static str, usize>,
    /// Structures republished by a second source (same SIRET, name, address; other id).
    pub structures_doublons: usize,
    /// Services republished by a second source.
    pub services_doublons: usize,
    /// Records by source (structures and services together).
    pub par_source: BTreeMap<&'static str, usize>,
    /// Defective structures by kind of defect.
    pub structures_sales: BTreeMap<Salete, usize>,
    /// Defective services by kind of defect.
    pub services_sales: BTreeMap<Salete, usize>,
    /// Départements covered (one SIAO each).
    pub departements: usize,
    /// Places the structures were drawn from.
    pub lieux: usize,
}

/// Why a generation failed.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// No place left (empty list, or the département filter matched nothing).
    #[error(
        "aucun lieu où placer les structures (liste vide ou filtre de départements sans correspondance)"
    )]
    AucunLieu,
    /// Every place has a zero population.
    #[error("la population totale des lieux est nulle")]
    PopulationNulle,
    /// Writing a file failed.
    #[error("écriture de {chemin} impossible")]
    Ecriture {
        /// The file.
        chemin: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Serialising a record failed.
    #[error("sérialisation JSON impossible")]
    Json(#[from] serde_json::Error),
}
