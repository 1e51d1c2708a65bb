//! Loading [`Territoires`] from the five CSV files of `catalog/territoires/` (embedded in the
//! binary, or read from a folder): parsing with line-numbered errors, then the lookup indexes.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use super::IndexPoints;
use super::error::TerritoireError;
use super::{
    CodeCommune, CodeDepartement, CodePostal, CodeRegion, Commune, CommuneId, Departement, Epci,
    GenreCommune, Point, PrecisionPoint, Region, SirenEpci, Territoires,
};
use crate::texte::fold;

/// The five files of the referential, as text.
struct Fichiers<'a> {
    communes: &'a str,
    alias: &'a str,
    epci: &'a str,
    departements: &'a str,
    regions: &'a str,
}

const NOMS_FICHIERS: [&str; 5] = [
    "communes.csv",
    "alias.csv",
    "epci.csv",
    "departements.csv",
    "regions.csv",
];

static EMBARQUES: OnceLock<Territoires> = OnceLock::new();

impl Territoires {
    /// The referential committed in `catalog/territoires/`, embedded in the binary and parsed on
    /// first use (no I/O).
    pub fn embarques() -> &'static Territoires {
        EMBARQUES.get_or_init(|| {
            let fichiers = Fichiers {
                communes: include_str!("../../catalog/territoires/communes.csv"),
                alias: include_str!("../../catalog/territoires/alias.csv"),
                epci: include_str!("../../catalog/territoires/epci.csv"),
                departements: include_str!("../../catalog/territoires/departements.csv"),
                regions: include_str!("../../catalog/territoires/regions.csv"),
            };
            // The embedded files are generated and tested with the crate: failing here is a
            // build defect, not bad input.
            Territoires::depuis_fichiers(&fichiers)
                .expect("référentiel territorial embarqué illisible (catalog/territoires)")
        })
    }

    /// Loads the referential from a folder holding the five CSV files.
    pub fn depuis_dossier(dossier: &Path) -> Result<Territoires, TerritoireError> {
        let mut textes = Vec::with_capacity(NOMS_FICHIERS.len());
        for nom in NOMS_FICHIERS {
            let chemin = dossier.join(nom);
            let texte = std::fs::read_to_string(&chemin)
                .map_err(|source| TerritoireError::Fichier { chemin, source })?;
            textes.push(texte);
        }
        Territoires::depuis_fichiers(&Fichiers {
            communes: &textes[0],
            alias: &textes[1],
            epci: &textes[2],
            departements: &textes[3],
            regions: &textes[4],
        })
    }

    fn depuis_fichiers(f: &Fichiers<'_>) -> Result<Territoires, TerritoireError> {
        // Régions.
        let mut regions = Vec::new();
        lire("regions.csv", f.regions, &["code", "nom"], |r| {
            regions.push(Region {
                code: CodeRegion::parse(&r[0]).map_err(|e| e.to_string())?,
                nom: r[1].to_owned(),
                departements: Vec::new(),
            });
            Ok(())
        })?;
        regions.sort_by_key(|r| r.code);
        let par_region = positions(&regions, |r| r.code);

        // Départements.
        let mut departements = Vec::new();
        lire(
            "departements.csv",
            f.departements,
            &["code", "nom", "region", "chef_lieu"],
            |r| {
                let code = CodeDepartement::parse(&r[0]).map_err(|e| e.to_string())?;
                let region = CodeRegion::parse(&r[2]).map_err(|e| e.to_string())?;
                let chef_lieu = optionnel(&r[3], CodeCommune::parse)?;
                departements.push(Departement {
                    code,
                    nom: r[1].to_owned(),
                    region,
                    chef_lieu,
                });
                Ok(())
            },
        )?;
        departements.sort_by_key(|d| d.code);
        for d in &departements {
            let i = match par_region.get(&d.region) {
                Some(&i) => i,
                None => {
                    return Err(TerritoireError::Source {
                        fichier: "departements.csv".into(),
                        message: format!(
                            "le département {} a une région inconnue {}",
                            d.code, d.region
                        ),
                    });
                }
            };
            regions[i].departements.push(d.code);
        }
        let par_departement = positions(&departements, |d| d.code);

        // EPCI.
        let mut epcis = Vec::new();
        lire(
            "epci.csv",
            f.epci,
            &["siren", "nom", "type", "population"],
            |r| {
                epcis.push(Epci {
                    siren: SirenEpci::parse(&r[0]).map_err(|e| e.to_string())?,
                    nom: r[1].to_owned(),
                    genre: r[2].to_owned(),
                    population: entier(&r[3])?,
                    membres: Vec::new(),
                });
                Ok(())
            },
        )?;
        epcis.sort_by_key(|e| e.siren);
        let par_epci = positions(&epcis, |e| e.siren);

        // Communes; parents resolved once every code is known.
        let mut communes: Vec<Commune> = Vec::new();
        let mut parents: Vec<(usize, CodeCommune)> = Vec::new();
        lire(
            "communes.csv",
            f.communes,
            &[
                "code",
                "nom",
                "genre",
                "parent",
                "departement",
                "region",
                "epci",
                "codes_postaux",
                "population",
                "latitude",
                "longitude",
                "precision",
            ],
            |r| {
                let id = CommuneId(u32::try_from(communes.len()).map_err(|e| e.to_string())?);
                let genre = match &r[2] {
                    "commune" => GenreCommune::Commune,
                    "arrondissement_municipal" => GenreCommune::ArrondissementMunicipal,
                    autre => return Err(format!("genre de commune inconnu « {autre} »")),
                };
                let departement = CodeDepartement::parse(&r[4]).map_err(|e| e.to_string())?;
                let region = CodeRegion::parse(&r[5]).map_err(|e| e.to_string())?;
                if !par_departement.contains_key(&departement) {
                    return Err(format!("département inconnu {departement}"));
                }
                if !par_region.contains_key(&region) {
                    return Err(format!("région inconnue {region}"));
                }
                let epci = optionnel(&r[6], SirenEpci::parse)?;
                if let Some(s) = epci
                    && !par_epci.contains_key(&s)
                {
                    return Err(format!("EPCI inconnu {s}"));
                }
                let codes_postaux = r[7]
                    .split_whitespace()
                    .map(CodePostal::parse)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| e.to_string())?;
                let precision = match &r[11] {
                    "exacte" => PrecisionPoint::Exacte,
                    "code_postal" => PrecisionPoint::CodePostal,
                    "absente" => PrecisionPoint::Absente,
                    autre => return Err(format!("précision inconnue « {autre} »")),
                };
                let point = match (&r[9], &r[10]) {
                    ("", "") => None,
                    (lat, lon) => {
                        let p = Point::new(
                            lat.parse()
                                .map_err(|_| format!("latitude illisible « {lat} »"))?,
                            lon.parse()
                                .map_err(|_| format!("longitude illisible « {lon} »"))?,
                        );
                        if !p.is_valid() {
                            return Err(format!("point hors limites {lat},{lon}"));
                        }
                        Some(p)
                    }
                };
                if point.is_none() != (precision == PrecisionPoint::Absente) {
                    return Err("précision incohérente avec la présence d'un point".into());
                }
                if let Some(p) = optionnel(&r[3], CodeCommune::parse)? {
                    parents.push((communes.len(), p));
                }
                communes.push(Commune {
                    id,
                    code: CodeCommune::parse(&r[0]).map_err(|e| e.to_string())?,
                    nom: r[1].to_owned(),
                    genre,
                    parent: None,
                    departement,
                    region,
                    epci,
                    codes_postaux,
                    population: entier(&r[8])?,
                    point,
                    precision,
                });
                Ok(())
            },
        )?;
        let mut par_code = HashMap::with_capacity(communes.len());
        for c in &communes {
            if par_code.insert(c.code, c.id).is_some() {
                return Err(TerritoireError::Source {
                    fichier: "communes.csv".into(),
                    message: format!("code commune {} en double", c.code),
                });
            }
        }
        let mut arrondissements: HashMap<CommuneId, Vec<CommuneId>> = HashMap::new();
        for (i, code) in parents {
            let Some(&parent) = par_code.get(&code) else {
                return Err(TerritoireError::Source {
                    fichier: "communes.csv".into(),
                    message: format!("parent inconnu {code} pour {}", communes[i].code),
                });
            };
            communes[i].parent = Some(parent);
            arrondissements
                .entry(parent)
                .or_default()
                .push(communes[i].id);
        }

        // Alias.
        let mut alias = HashMap::new();
        lire("alias.csv", f.alias, &["ancien", "actuel", "type"], |r| {
            let ancien = CodeCommune::parse(&r[0]).map_err(|e| e.to_string())?;
            let actuel = CodeCommune::parse(&r[1]).map_err(|e| e.to_string())?;
            let id = par_code
                .get(&actuel)
                .ok_or_else(|| format!("commune actuelle inconnue {actuel}"))?;
            alias.insert(ancien, *id);
            Ok(())
        })?;

        // Indexes.
        let rang = |id: &CommuneId| {
            let c = &communes[id.0 as usize];
            (std::cmp::Reverse(c.population), c.code)
        };
        for c in &communes {
            if let Some(s) = c.epci
                && let Some(&i) = par_epci.get(&s)
            {
                epcis[i].membres.push(c.id);
            }
        }
        let mut par_code_postal: BTreeMap<String, Vec<CommuneId>> = BTreeMap::new();
        for c in &communes {
            for cp in &c.codes_postaux {
                par_code_postal
                    .entry(cp.as_str().to_owned())
                    .or_default()
                    .push(c.id);
            }
        }
        for ids in par_code_postal.values_mut() {
            ids.sort_by_key(rang);
        }
        let mut noms: Vec<(String, CommuneId)> =
            communes.iter().map(|c| (fold(&c.nom), c.id)).collect();
        noms.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| rang(&a.1).cmp(&rang(&b.1))));

        let exclus = |c: &Commune| {
            arrondissements
                .get(&c.id)
                .is_some_and(|a| a.iter().any(|x| communes[x.0 as usize].point.is_some()))
        };
        let arbre = IndexPoints::new(
            communes
                .iter()
                .filter(|c| !exclus(c))
                .filter_map(|c| c.point.map(|p| (c.id.0, p))),
        );

        Ok(Territoires {
            communes,
            par_code,
            alias,
            departements,
            par_departement,
            regions,
            par_region,
            epcis,
            par_epci,
            par_code_postal,
            noms,
            arrondissements,
            arbre,
        })
    }
}

/// Reads a CSV text whose header must be `entete`, calling `ligne` on every record; errors carry
/// the file name and line number.
fn lire(
    fichier: &str,
    texte: &str,
    entete: &[&str],
    mut ligne: impl FnMut(&csv::StringRecord) -> Result<(), String>,
) -> Result<(), TerritoireError> {
    let mut lecteur = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(texte.as_bytes());
    let erreur = |ligne: u64, message: String| TerritoireError::Ligne {
        fichier: fichier.to_owned(),
        ligne,
        message,
    };
    let lu = lecteur.headers().map_err(|e| erreur(1, e.to_string()))?;
    if lu.iter().ne(entete.iter().copied()) {
        return Err(erreur(
            1,
            format!("en-tête attendu « {} »", entete.join(",")),
        ));
    }
    let mut record = csv::StringRecord::new();
    loop {
        let numero = lecteur.position().line();
        match lecteur.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                if record.len() != entete.len() {
                    return Err(erreur(
                        numero,
                        format!("{} colonnes au lieu de {}", record.len(), entete.len()),
                    ));
                }
                ligne(&record).map_err(|m| erreur(numero, m))?;
            }
            Err(e) => return Err(erreur(numero, e.to_string())),
        }
    }
}

/// Each key's position in `elements` (sorted and unique by that key).
fn positions<T, K: std::hash::Hash + Eq>(
    elements: &[T],
    cle: impl Fn(&T) -> K,
) -> HashMap<K, usize> {
    elements
        .iter()
        .enumerate()
        .map(|(i, e)| (cle(e), i))
        .collect()
}

fn optionnel<T>(
    texte: &str,
    parse: impl Fn(&str) -> Result<T, super::CodeInvalide>,
) -> Result<Option<T>, String> {
    if texte.is_empty() {
        Ok(None)
    } else {
        parse(texte).map(Some).map_err(|e| e.to_string())
    }
}

fn entier(texte: &str) -> Result<u32, String> {
    texte
        .parse()
        .map_err(|_| format!("entier illisible « {texte} »"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> &'static Territoires {
        Territoires::embarques()
    }

    #[test]
    fn charge_le_referentiel_embarque() {
        let t = t();
        assert!(t.communes().len() > 34_000, "{}", t.communes().len());
        for (i, c) in t.communes().iter().enumerate() {
            assert_eq!(c.id, CommuneId(i as u32));
        }
        assert!(t.epcis().len() > 1_200);
        assert_eq!(t.regions().len(), 26);
        assert!(t.departements().len() >= 101);
    }

    #[test]
    fn depuis_dossier_egale_embarques() {
        let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/territoires");
        let lu = Territoires::depuis_dossier(&dossier).expect("dossier");
        assert_eq!(lu.communes(), t().communes());
        assert_eq!(lu.epcis(), t().epcis());
        let absent = Territoires::depuis_dossier(Path::new("/nexiste/pas"));
        assert!(matches!(absent, Err(TerritoireError::Fichier { .. })));
    }

    #[test]
    fn erreurs_de_format_nommees() {
        let f = Fichiers {
            communes: "code,nom\n",
            alias: "",
            epci: "siren,nom,type,population\n",
            departements: "code,nom,region,chef_lieu\n",
            regions: "code,nom\n32,Hauts-de-France\nXX,Y\n",
        };
        let e = Territoires::depuis_fichiers(&f).expect_err("région invalide");
        assert!(e.to_string().starts_with("regions.csv, ligne 3 :"), "{e}");
    }
}
