//! GeoJSON (RFC 7946) of a coverage result: a FeatureCollection with one Polygon feature per
//! (need, cell), its properties flat (GIS tools read flat attributes), and a foreign `summary`
//! member carrying the territory, the parameters and each need's summary, gap areas and
//! saturated offers.
//!
//! Rings are closed, positions are `[longitude, latitude]` rounded to 6 decimals (~0.1 m), and
//! exterior rings run counter-clockwise as RFC 7946 §3.1.6 asks (h3o gives them so; the order is
//! checked and fixed anyway). Cells crossing the antimeridian (none in France but near Wallis-et-
//! Futuna at coarse resolutions) are not split.

use h3o::CellIndex;
use serde_json::{Value, json};

use super::resultat::{Cellule, Couverture, CouvertureBesoin};
use super::saturation::arrondi;

/// The closed exterior ring of a cell, counter-clockwise, `[lon, lat]`.
pub fn anneau(cellule: CellIndex) -> Vec<[f64; 2]> {
    let mut anneau: Vec<[f64; 2]> = cellule
        .boundary()
        .iter()
        .map(|ll| [arrondi(ll.lng(), 6), arrondi(ll.lat(), 6)])
        .collect();
    if aire_signee(&anneau) < 0.0 {
        anneau.reverse();
    }
    if let Some(&premier) = anneau.first() {
        anneau.push(premier);
    }
    anneau
}

/// Twice the signed area of a ring in the lon/lat plane (positive: counter-clockwise).
pub fn aire_signee(anneau: &[[f64; 2]]) -> f64 {
    let n = anneau.len();
    (0..n)
        .map(|i| {
            let (a, b) = (anneau[i], anneau[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum()
}

fn feature(besoin: &CouvertureBesoin, c: &Cellule) -> Value {
    let communes: Vec<&str> = c.communes.iter().map(|x| x.code.as_str()).collect();
    let noms: Vec<&str> = c.communes.iter().map(|x| x.nom.as_str()).collect();
    json!({
        "type": "Feature",
        "id": format!("{}:{}", besoin.besoin, c.h3),
        "geometry": {"type": "Polygon", "coordinates": [anneau(c.cellule)]},
        "properties": {
            "besoin": besoin.besoin,
            "h3": c.h3,
            "population": c.population,
            "communes": communes.join(" "),
            "noms_communes": noms.join(", "),
            "distance_plus_proche_km": c.distance_plus_proche_km,
            "offres_dans_rayon": c.offres_dans_rayon,
            "accessibilite": c.accessibilite,
            "offres_a_distance": c.offres_a_distance,
            "population_couverte_a_distance": c.population_couverte_a_distance,
            "lacune": c.lacune,
            "zone_lacune": c.zone_lacune,
        }
    })
}

/// The GeoJSON document of `couverture`.
pub fn vers_geojson(couverture: &Couverture) -> Value {
    let features: Vec<Value> = couverture
        .besoins
        .iter()
        .flat_map(|b| b.cellules.iter().map(move |c| feature(b, c)))
        .collect();
    let besoins: Vec<Value> = couverture
        .besoins
        .iter()
        .map(|b| {
            json!({
                "besoin": b.besoin,
                "libelle": b.libelle,
                "synthese": b.synthese,
                "zones_lacunes": b.zones_lacunes,
                "saturation": b.saturation,
            })
        })
        .collect();
    json!({
        "type": "FeatureCollection",
        "summary": {
            "territoire": couverture.territoire,
            "nom_territoire": couverture.nom_territoire,
            "resolution": couverture.resolution,
            "rayon_km": couverture.rayon_km,
            "besoins": besoins,
        },
        "features": features,
    })
}
