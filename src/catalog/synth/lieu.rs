//! The places the generator puts structures in, and the régions needed to write regional zones.
//!
//! [`lieux`] turns the embedded territories into [`Lieu`]s: every current commune with a point and
//! inhabitants (municipal arrondissements are left out, their commune stands for them).

use std::collections::HashMap;
use std::sync::Arc;

use crate::territoire::{GenreCommune, Territoires};

/// A commune where structures may be placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Lieu {
    /// INSEE commune code (`59350`).
    pub code_insee: String,
    /// Commune name (`Lille`).
    pub nom: String,
    /// Main postal code (`59000`).
    pub code_postal: String,
    /// Département code (`59`, `2A`, `971`).
    pub departement: String,
    /// SIREN of its EPCI, when it belongs to one.
    pub epci: Option<String>,
    /// Municipal population: the weight of the place.
    pub population: u32,
    /// WGS84 latitude of the commune point.
    pub lat: f64,
    /// WGS84 longitude of the commune point.
    pub lon: f64,
    /// Région code (`32`).
    pub region: String,
    /// Départements of its région: a regional zone is written as this list (data·inclusion
    /// convention). Shared by every place of the région.
    pub departements_region: Arc<[String]>,
}

/// The first digit of landline numbers in the région `region` (01 Île-de-France, 03 north-east,
/// 04 south-east, 05 south-west, 02 north-west and overseas).
pub(crate) fn prefixe_telephone(region: &str) -> u8 {
    match region {
        "11" => 1,
        "27" | "32" | "44" => 3,
        "84" | "93" | "94" => 4,
        "75" | "76" => 5,
        _ => 2,
    }
}

/// Every current commune of `territoires` with a point and inhabitants, as places.
pub fn lieux(territoires: &Territoires) -> Vec<Lieu> {
    let mut regions: HashMap<String, Arc<[String]>> = HashMap::new();
    for r in territoires.regions() {
        let deps: Vec<String> = r
            .departements
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect();
        regions.insert(r.code.as_str().to_owned(), deps.into());
    }
    territoires
        .communes()
        .iter()
        .filter(|c| c.genre == GenreCommune::Commune && c.population > 0)
        .filter_map(|c| {
            let point = c.point?;
            let region = c.region.as_str().to_owned();
            let departements_region = regions
                .get(&region)
                .cloned()
                .unwrap_or_else(|| vec![c.departement.as_str().to_owned()].into());
            Some(Lieu {
                code_insee: c.code.as_str().to_owned(),
                nom: c.nom.clone(),
                code_postal: c
                    .codes_postaux
                    .first()
                    .map(|cp| cp.as_str().to_owned())
                    .unwrap_or_default(),
                departement: c.departement.as_str().to_owned(),
                epci: c.epci.map(|e| e.as_str().to_owned()),
                population: c.population,
                lat: point.lat,
                lon: point.lon,
                region,
                departements_region,
            })
        })
        .collect()
}

/// The places of the Nord (59) and Ille-et-Vilaine (35), from the embedded territories: the
/// demo catalog's départements, and the tests' places.
pub fn lieux_exemple() -> Vec<Lieu> {
    lieux(Territoires::embarques())
        .into_iter()
        .filter(|l| l.departement == "59" || l.departement == "35")
        .collect()
}
