//! Départements, régions and EPCI (intercommunal bodies) of the territorial referential.

use serde::Serialize;

use super::{CodeCommune, CodeDepartement, CodeRegion, CommuneId, SirenEpci};

/// A département (or an overseas collectivity listed as one: `975`, `977`, `978`, `984`, `986`…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Departement {
    /// Its code (`59`, `2A`, `974`).
    pub code: CodeDepartement,
    /// Its name.
    pub nom: String,
    /// The région it belongs to.
    pub region: CodeRegion,
    /// Its chef-lieu (prefecture), when the source gives one.
    pub chef_lieu: Option<CodeCommune>,
}

/// A région, with its départements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Its code (`32`, `04`, `975`).
    pub code: CodeRegion,
    /// Its name.
    pub nom: String,
    /// Its départements, sorted by code.
    pub departements: Vec<CodeDepartement>,
}

/// An EPCI à fiscalité propre (CC, CA, CU, métropole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Epci {
    /// Its SIREN.
    pub siren: SirenEpci,
    /// Its name.
    pub nom: String,
    /// Its legal kind as written by the source: `CC`, `CA`, `CU`, `METRO`, `MET69`.
    pub genre: String,
    /// Municipal population.
    pub population: u32,
    /// Member communes, sorted by id. The municipal arrondissements of a member commune are
    /// listed too (they carry their parent's EPCI).
    pub membres: Vec<CommuneId>,
}
