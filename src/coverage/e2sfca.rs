//! Enhanced two-step floating catchment area (E2SFCA, Luo & Qi 2009) with three distance bands.
//!
//! Step 1, per offer *j*: its catchment population `P_j = Σ_k pop_k · W(d_kj)` over every
//! populated cell *k* within 20 km (in the territory or not: an offer near a border also serves
//! its neighbours), and its supply ratio `R_j = 1 / P_j` (each offer counts as one unit of
//! supply: the catalog publishes no capacity). Step 2, per cell *i*:
//! `A_i = 10 000 · Σ_j R_j · W(d_ij)` over the offers within 20 km — offers per 10,000
//! inhabitants, distance-weighted.

/// Outer limit of the catchment, in km.
pub const PORTEE_KM: f64 = 20.0;

/// Upper bounds (km) and weights of the distance bands: 0–5, 5–10, 10–20 km.
pub const BANDES: [(f64, f64); 3] = [(5.0, 1.0), (10.0, 0.68), (20.0, 0.22)];

/// Accessibility is expressed per this many inhabitants.
pub const PAR_HABITANTS: f64 = 10_000.0;

/// The weight of a distance (0 beyond [`PORTEE_KM`]); a bound belongs to the nearer band.
pub fn poids_bande(distance_km: f64) -> f64 {
    BANDES
        .iter()
        .find(|(borne, _)| distance_km <= *borne)
        .map_or(0.0, |(_, w)| *w)
}

/// Step 1: the weighted catchment population of an offer, from (population, distance km) pairs.
pub fn population_desservie(demande: impl IntoIterator<Item = (u64, f64)>) -> f64 {
    demande
        .into_iter()
        .map(|(pop, d)| pop as f64 * poids_bande(d))
        .sum()
}

/// Step 1: the supply ratio of an offer (0 when nobody lives within reach).
pub fn ratio(population_desservie: f64) -> f64 {
    if population_desservie > 0.0 {
        1.0 / population_desservie
    } else {
        0.0
    }
}

/// Step 2: accessibility of a cell from (offer ratio, distance km) pairs, per
/// [`PAR_HABITANTS`].
pub fn accessibilite(offres: impl IntoIterator<Item = (f64, f64)>) -> f64 {
    PAR_HABITANTS
        * offres
            .into_iter()
            .map(|(r, d)| r * poids_bande(d))
            .sum::<f64>()
}
