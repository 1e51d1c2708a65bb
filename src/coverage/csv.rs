//! CSV of a coverage result: one row per (need, cell), or per (need, commune).

use std::io::Write;

use super::resultat::Couverture;

fn nombre(x: Option<f64>) -> String {
    x.map(|d| d.to_string()).unwrap_or_default()
}

/// Writes one row per (need, cell).
pub fn ecrire_cellules<W: Write>(couverture: &Couverture, sortie: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(sortie);
    w.write_record([
        "besoin",
        "h3",
        "lat",
        "lon",
        "population",
        "communes",
        "distance_plus_proche_km",
        "offres_dans_rayon",
        "accessibilite",
        "offres_a_distance",
        "population_couverte_a_distance",
        "lacune",
        "zone_lacune",
    ])?;
    for b in &couverture.besoins {
        for c in &b.cellules {
            let communes: Vec<&str> = c.communes.iter().map(|x| x.code.as_str()).collect();
            w.write_record([
                b.besoin.clone(),
                c.h3.clone(),
                c.lat.to_string(),
                c.lon.to_string(),
                c.population.to_string(),
                communes.join(" "),
                nombre(c.distance_plus_proche_km),
                c.offres_dans_rayon.to_string(),
                c.accessibilite.to_string(),
                c.offres_a_distance.to_string(),
                c.population_couverte_a_distance.to_string(),
                c.lacune.to_string(),
                c.zone_lacune.map(|z| z.to_string()).unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes one row per (need, commune); a commune takes its cell's on-site figures and its own
/// remote count.
pub fn ecrire_communes<W: Write>(couverture: &Couverture, sortie: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(sortie);
    w.write_record([
        "besoin",
        "code_commune",
        "nom",
        "population",
        "h3",
        "distance_plus_proche_km",
        "offres_dans_rayon",
        "accessibilite",
        "offres_a_distance",
        "lacune",
        "zone_lacune",
    ])?;
    for b in &couverture.besoins {
        let mut lignes: Vec<_> = b
            .cellules
            .iter()
            .flat_map(|c| c.communes.iter().map(move |x| (x, c)))
            .collect();
        lignes.sort_by_key(|(x, _)| x.code);
        for (x, c) in lignes {
            w.write_record([
                b.besoin.clone(),
                x.code.to_string(),
                x.nom.clone(),
                x.population.to_string(),
                c.h3.clone(),
                nombre(c.distance_plus_proche_km),
                c.offres_dans_rayon.to_string(),
                c.accessibilite.to_string(),
                x.offres_a_distance.to_string(),
                c.lacune.to_string(),
                c.zone_lacune.map(|z| z.to_string()).unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
