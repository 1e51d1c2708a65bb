//! A commune (or municipal arrondissement) of the territorial referential.

use serde::{Deserialize, Serialize};

use super::{CodeCommune, CodeDepartement, CodePostal, CodeRegion, Point, SirenEpci};

/// Index of a commune in [`super::Territoires::communes`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
pub struct CommuneId(pub u32);

/// How a commune's point was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PrecisionPoint {
    /// The commune's own place in GeoNames cities500.
    Exacte,
    /// Borrowed from a commune sharing one of its postal codes.
    CodePostal,
    /// No point could be found: the commune cannot be placed on a map.
    Absente,
}

/// Whether the entry is a current commune or a municipal arrondissement (Paris, Lyon, Marseille).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GenreCommune {
    /// A current commune (`commune-actuelle`).
    Commune,
    /// A municipal arrondissement; [`Commune::parent`] is its commune.
    ArrondissementMunicipal,
}

/// A current commune or municipal arrondissement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commune {
    /// Its index.
    pub id: CommuneId,
    /// INSEE code.
    pub code: CodeCommune,
    /// Official name.
    pub nom: String,
    /// Commune or municipal arrondissement.
    pub genre: GenreCommune,
    /// For an arrondissement, the commune it belongs to (75056, 69123, 13055).
    pub parent: Option<CommuneId>,
    /// Département.
    pub departement: CodeDepartement,
    /// Région.
    pub region: CodeRegion,
    /// EPCI it is a member of (an arrondissement: its parent's).
    pub epci: Option<SirenEpci>,
    /// Postal codes.
    pub codes_postaux: Vec<CodePostal>,
    /// Municipal population.
    pub population: u32,
    /// Representative point, if any.
    pub point: Option<Point>,
    /// How the point was obtained.
    pub precision: PrecisionPoint,
}
