//! The result of a coverage request: per need, a summary, the cells, the largest gap areas and the
//! saturated offers. Serialises as plain JSON; [`super::geojson`] and [`super::csv`] give the map
//! and table forms.

use h3o::CellIndex;
use serde::Serialize;

use crate::territoire::CodeCommune;

/// The coverage of a territory for one or more needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Couverture {
    /// The territory, as the request names it (`59`, `region:32`, `france`…).
    pub territoire: String,
    /// Its name (`Nord`, `Hauts-de-France`, `3 communes`…).
    pub nom_territoire: String,
    /// H3 resolution.
    pub resolution: u8,
    /// Radius within which an on-site offer closes a gap, in km.
    pub rayon_km: f64,
    /// One entry per need, sorted by code.
    pub besoins: Vec<CouvertureBesoin>,
}

/// The coverage of one need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CouvertureBesoin {
    /// Need code.
    pub besoin: String,
    /// Its label.
    pub libelle: String,
    /// Totals.
    pub synthese: Synthese,
    /// The largest gap areas (at most [`super::ZONES_LACUNES_MAX`]), by population.
    pub zones_lacunes: Vec<ZoneLacune>,
    /// Offers serving a much larger population than the territory's median.
    pub saturation: Saturation,
    /// Every populated cell of the territory, sorted by H3 index.
    pub cellules: Vec<Cellule>,
}

/// Totals for one need over the territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Synthese {
    /// Population placed on the grid.
    pub population: u64,
    /// Population of communes without a point (not on the grid).
    pub population_non_localisee: u64,
    /// Population of cells with an on-site offer within the radius.
    pub population_couverte: u64,
    /// The same, in % of `population`.
    pub part_couverte: f64,
    /// Population of gap cells.
    pub population_non_couverte: u64,
    /// The same, in %.
    pub part_non_couverte: f64,
    /// Population of communes listed by at least one remote offer's zone.
    pub population_couverte_a_distance: u64,
    /// The same, in %.
    pub part_couverte_a_distance: f64,
    /// Population of gap cells whose commune has a remote offer (a partial answer only: remote
    /// does not help someone without digital autonomy).
    pub population_lacune_couverte_a_distance: u64,
    /// On-site offers within the radius of at least one cell.
    pub offres_sur_place: usize,
    /// On-site offers within 20 km of at least one cell (those of the accessibility index).
    pub offres_sur_place_portee: usize,
    /// Remote offers whose zone lists at least one commune of the territory.
    pub offres_a_distance: usize,
    /// Remote offers with no published zone (not counted as coverage).
    pub offres_a_distance_zone_inconnue: usize,
    /// Median, over the population, of the distance to the nearest on-site offer (km); `None`
    /// when more than half of the population has no offer at all.
    pub distance_mediane_km: Option<f64>,
    /// Populated cells.
    pub cellules: usize,
    /// Gap cells.
    pub cellules_lacunes: usize,
    /// Gap areas (all of them, not only the listed ones).
    pub zones_lacunes: usize,
}

/// A commune of a cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommuneCellule {
    /// INSEE code.
    pub code: CodeCommune,
    /// Name.
    pub nom: String,
    /// Population.
    pub population: u32,
    /// Remote offers whose zone lists it.
    pub offres_a_distance: u32,
}

/// One populated H3 cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cellule {
    /// The cell.
    #[serde(skip)]
    pub cellule: CellIndex,
    /// Its index, hexadecimal.
    pub h3: String,
    /// Latitude of its centre.
    pub lat: f64,
    /// Longitude of its centre.
    pub lon: f64,
    /// Population (of the territory's communes in it).
    pub population: u64,
    /// Its communes, by decreasing population.
    pub communes: Vec<CommuneCellule>,
    /// Distance from its centre to the nearest on-site offer, km (`None`: no offer at all).
    pub distance_plus_proche_km: Option<f64>,
    /// On-site offers within the radius.
    pub offres_dans_rayon: u32,
    /// E2SFCA accessibility: distance-weighted offers per 10,000 inhabitants.
    pub accessibilite: f64,
    /// Remote offers available to all of its communes (the minimum over them).
    pub offres_a_distance: u32,
    /// Population of its communes having a remote offer.
    pub population_couverte_a_distance: u64,
    /// No on-site offer within the radius, and people live here.
    pub lacune: bool,
    /// Rank of its gap area (1 = most populated), for gap cells.
    pub zone_lacune: Option<u32>,
}

/// A commune of a gap area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommuneZone {
    /// INSEE code.
    pub code: CodeCommune,
    /// Name.
    pub nom: String,
    /// Population.
    pub population: u32,
}

/// Gap cells merged into one area (see [`super::lacunes`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneLacune {
    /// Rank by population, from 1.
    pub rang: u32,
    /// Population.
    pub population: u64,
    /// Number of cells.
    pub cellules: usize,
    /// Its communes, by decreasing population.
    pub communes: Vec<CommuneZone>,
    /// Distance from its most populated cell to the nearest on-site offer, km.
    pub distance_plus_proche_km: Option<f64>,
}

/// The saturation view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saturation {
    /// An offer is saturated when its catchment population reaches this multiple of the median.
    pub seuil: f64,
    /// Median catchment population of the offers counted (`offres_sur_place`).
    pub population_desservie_mediane: f64,
    /// Number of saturated offers.
    pub offres_saturees: usize,
    /// The most saturated ones (at most [`super::OFFRES_SATUREES_MAX`]).
    pub offres: Vec<OffreSaturee>,
}

/// An offer whose catchment is much larger than the median.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OffreSaturee {
    /// Service id.
    pub service: String,
    /// Service name.
    pub nom: String,
    /// Its structure's name.
    pub structure: String,
    /// Distance-weighted population within 20 km (E2SFCA step 1).
    pub population_desservie: f64,
    /// `population_desservie` / median.
    pub rapport_mediane: f64,
}
