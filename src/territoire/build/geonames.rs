//! Reading GeoNames `cities500` places and choosing the best place for a commune (see the parent
//! module's docs for how a commune gets its point).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use super::{Ligne, Rapport};
use crate::territoire::error::TerritoireError;
use crate::texte::fold;

/// A GeoNames place tied to a commune code.
#[derive(Debug, Clone)]
pub(super) struct Lieu {
    pub(super) nom_plie: String,
    pub(super) lat: f64,
    pub(super) lon: f64,
    siege: bool,
    population: u32,
}

/// Département(s) of an overseas GeoNames country code, for places without an INSEE code.
fn departement_du_pays(pays: &str) -> Option<&'static str> {
    Some(match pays {
        "GP" => "971",
        "MQ" => "972",
        "GF" => "973",
        "RE" => "974",
        "PM" => "975",
        "YT" => "976",
        "BL" => "977",
        "MF" => "978",
        "TF" => "984",
        "WF" => "986",
        "PF" => "987",
        "NC" => "988",
        _ => return None,
    })
}
/// The best place among `lieux` satisfying `filtre`: seat first, then population, then the
/// smallest name (for determinism).
pub(super) fn meilleur(lieux: Option<&[Lieu]>, filtre: impl Fn(&Lieu) -> bool) -> Option<Lieu> {
    lieux?
        .iter()
        .filter(|l| filtre(l))
        .max_by(|a, b| {
            (a.siege, a.population, std::cmp::Reverse(&a.nom_plie)).cmp(&(
                b.siege,
                b.population,
                std::cmp::Reverse(&b.nom_plie),
            ))
        })
        .cloned()
}

/// The best place for a commune named `nom` (folded): seat, then same name, then population.
pub(super) fn meilleur_pour<'a>(lieux: &'a [Lieu], nom: &str) -> Option<&'a Lieu> {
    lieux.iter().max_by(|a, b| {
        let cle = |l: &'a Lieu| {
            (
                l.siege,
                l.nom_plie == nom,
                l.population,
                std::cmp::Reverse(l.nom_plie.as_str()),
                std::cmp::Reverse(l.lat.to_bits()),
            )
        };
        cle(a).cmp(&cle(b))
    })
}

pub(super) fn lire_geonames(
    chemin: &Path,
    lignes: &BTreeMap<String, Ligne>,
    alias: &BTreeMap<String, (String, &'static str)>,
    rapport: &mut Rapport,
) -> Result<HashMap<String, Vec<Lieu>>, TerritoireError> {
    let texte = fs::read_to_string(chemin).map_err(|source| TerritoireError::Fichier {
        chemin: chemin.to_path_buf(),
        source,
    })?;
    let connu = |code: &str| lignes.contains_key(code) || alias.contains_key(code);
    // Folded names of current communes per overseas département, and single-commune ones.
    let mut par_nom: HashMap<(&str, String), &str> = HashMap::new();
    let mut par_dep: HashMap<&str, Vec<&str>> = HashMap::new();
    for l in lignes.values().filter(|l| !l.arrondissement) {
        par_nom.insert((l.departement.as_str(), fold(&l.nom)), &l.code);
        par_dep.entry(&l.departement).or_default().push(&l.code);
    }
    let mut lieux: HashMap<String, Vec<Lieu>> = HashMap::new();
    for (i, ligne) in texte.lines().enumerate() {
        let champs: Vec<&str> = ligne.split('\t').collect();
        if champs.len() < 15 {
            return Err(TerritoireError::Ligne {
                fichier: "cities500.txt".into(),
                ligne: i as u64 + 1,
                message: format!("{} colonnes au lieu de 19", champs.len()),
            });
        }
        let pays = champs[8];
        let dep_pays = departement_du_pays(pays);
        if pays != "FR" && dep_pays.is_none() {
            continue;
        }
        rapport.lieux_geonames += 1;
        let erreur = |message: String| TerritoireError::Ligne {
            fichier: "cities500.txt".into(),
            ligne: i as u64 + 1,
            message,
        };
        let lat: f64 = champs[4]
            .parse()
            .map_err(|_| erreur(format!("latitude « {} » illisible", champs[4])))?;
        let lon: f64 = champs[5]
            .parse()
            .map_err(|_| erreur(format!("longitude « {} » illisible", champs[5])))?;
        let nom_plie = fold(champs[1]);
        let code = [13, 12, 11, 10]
            .iter()
            .map(|&k| champs[k])
            .find(|c| connu(c))
            .map(str::to_owned)
            .or_else(|| {
                let dep = dep_pays?;
                if let Some(c) = par_nom.get(&(dep, nom_plie.clone())) {
                    return Some((*c).to_owned());
                }
                match par_dep.get(dep).map(Vec::as_slice) {
                    Some([seul]) => Some((*seul).to_owned()),
                    _ => None,
                }
            });
        let Some(code) = code else {
            rapport.lieux_sans_commune += 1;
            continue;
        };
        let fcode = champs[7];
        lieux.entry(code).or_default().push(Lieu {
            nom_plie,
            lat,
            lon,
            siege: fcode.starts_with("PPLA") || fcode == "PPLC",
            population: champs[14].parse().unwrap_or(0),
        });
    }
    Ok(lieux)
}
