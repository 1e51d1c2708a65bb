//! Loading a snapshot, and deciding whether the current one serves a catalog.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::construction::{
    Construction, FICHIER_MANIFEST, FICHIER_STRUCTURES, PARTS_SERVICES, PREFIXE_INSTANTANE,
    Progres, REPERTOIRE_TEXTE, construire, fichier_services,
};
use super::empreinte::{empreinte_catalogue, empreinte_territoires};
use super::{COURANT, IndexError, Manifest, io};
use crate::catalog::model::{Catalogue, Service, Structure, StructureIdx};
use crate::catalog::validation::OptionsChargement;
use crate::search::{IndexTexte, Moteur, analyser_horaires};
use crate::territoire::Territoires;

/// A loaded snapshot: its manifest and the engine over it.
pub struct Instantane {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its directory.
    pub repertoire: PathBuf,
    /// The engine (it owns the catalogue and the text index).
    pub moteur: Moteur<'static>,
}

impl std::fmt::Debug for Instantane {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Instantane")
            .field("repertoire", &self.repertoire)
            .field("services", &self.manifest.comptes.services)
            .finish_non_exhaustive()
    }
}

/// The state of an index directory with respect to a catalog.
#[derive(Debug, Clone, PartialEq)]
pub enum Etat {
    /// No snapshot.
    Absent,
    /// The current snapshot was built from another catalog, or by another layout.
    Perime(Box<Manifest>),
    /// The current snapshot serves this catalog.
    AJour(Box<Manifest>),
}

struct CatalogueLu {
    structures: Vec<Structure>,
    services: Vec<Service>,
}

/// Reads and parses the JSON array in `repertoire/nom`.
fn lire_json<T: serde::de::DeserializeOwned>(
    repertoire: &Path,
    nom: &str,
) -> Result<T, IndexError> {
    // UTF-8 checked once for the whole file, not string by string as `from_slice` does.
    let texte = std::fs::read_to_string(repertoire.join(nom))
        .map_err(|e| corrompu(repertoire, format!("{nom} illisible ({e})")))?;
    serde_json::from_str(&texte).map_err(|e| corrompu(repertoire, format!("{nom} invalide ({e})")))
}

/// Reads the structures and the services files, in parallel (one thread per file).
fn lire_catalogue(repertoire: &Path) -> Result<CatalogueLu, IndexError> {
    std::thread::scope(|portee| {
        let structures =
            portee.spawn(|| lire_json::<Vec<Structure>>(repertoire, FICHIER_STRUCTURES));
        let parts: Vec<_> = (0..PARTS_SERVICES)
            .map(|i| {
                portee.spawn(move || lire_json::<Vec<Service>>(repertoire, &fichier_services(i)))
            })
            .collect();
        let echec = || corrompu(repertoire, "lecture interrompue");
        let structures = structures.join().map_err(|_| echec())??;
        let mut services = Vec::new();
        for p in parts {
            services.extend(p.join().map_err(|_| echec())??);
        }
        Ok(CatalogueLu {
            structures,
            services,
        })
    })
}

fn corrompu(repertoire: &Path, detail: impl Into<String>) -> IndexError {
    IndexError::Corrompu {
        repertoire: repertoire.to_owned(),
        detail: detail.into(),
    }
}

/// The current snapshot directory of `index_dir`, if any.
fn courant(index_dir: &Path) -> Result<Option<PathBuf>, IndexError> {
    let pointeur = index_dir.join(COURANT);
    let nom = match std::fs::read_to_string(&pointeur) {
        Ok(n) => n,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&pointeur)(e)),
    };
    let nom = nom.trim();
    if !nom.starts_with(PREFIXE_INSTANTANE) || nom.contains(['/', '\\']) {
        return Err(corrompu(
            index_dir,
            format!("le fichier {COURANT} ne nomme pas un instantané"),
        ));
    }
    Ok(Some(index_dir.join(nom)))
}

fn lire_manifest(repertoire: &Path) -> Result<Manifest, IndexError> {
    let chemin = repertoire.join(FICHIER_MANIFEST);
    let texte = std::fs::read(&chemin)
        .map_err(|e| corrompu(repertoire, format!("{FICHIER_MANIFEST} illisible ({e})")))?;
    serde_json::from_slice(&texte)
        .map_err(|e| corrompu(repertoire, format!("{FICHIER_MANIFEST} invalide ({e})")))
}

/// The state of `index_dir` for the export in `catalogue_dir`.
pub fn etat(
    catalogue_dir: &Path,
    index_dir: &Path,
    territoires: &Territoires,
) -> Result<Etat, IndexError> {
    let Some(repertoire) = courant(index_dir)? else {
        return Ok(Etat::Absent);
    };
    let manifest = lire_manifest(&repertoire)?;
    let empreinte = empreinte_catalogue(catalogue_dir)?;
    Ok(
        if manifest.correspond(&empreinte, &empreinte_territoires(territoires)) {
            Etat::AJour(Box::new(manifest))
        } else {
            Etat::Perime(Box::new(manifest))
        },
    )
}

/// Opens the current snapshot of `index_dir`.
pub fn ouvrir(index_dir: &Path) -> Result<Instantane, IndexError> {
    let territoires = Territoires::embarques();
    let repertoire = courant(index_dir)?.ok_or_else(|| IndexError::Absent(index_dir.to_owned()))?;
    let manifest = lire_manifest(&repertoire)?;
    if manifest.format != super::FORMAT {
        return Err(corrompu(
            &repertoire,
            format!(
                "format {} alors que ce programme lit le format {}",
                manifest.format,
                super::FORMAT
            ),
        ));
    }
    if manifest.empreinte_territoires != empreinte_territoires(territoires) {
        return Err(corrompu(
            &repertoire,
            "construit avec un autre référentiel territorial",
        ));
    }
    let lu = lire_catalogue(&repertoire)?;
    if lu.structures.len() as u64 != manifest.comptes.structures
        || lu.services.len() as u64 != manifest.comptes.services
    {
        return Err(corrompu(
            &repertoire,
            format!(
                "{} structures et {} services lus, le manifeste en annonce {} et {}",
                lu.structures.len(),
                lu.services.len(),
                manifest.comptes.structures,
                manifest.comptes.services
            ),
        ));
    }
    let catalogue = relier(lu, &repertoire)?;
    let texte = IndexTexte::ouvrir(&repertoire.join(REPERTOIRE_TEXTE))
        .map_err(|e| corrompu(&repertoire, format!("index texte : {e}")))?;
    if texte.nombre_documents() != manifest.comptes.services {
        return Err(corrompu(
            &repertoire,
            format!(
                "l'index texte a {} documents pour {} services",
                texte.nombre_documents(),
                manifest.comptes.services
            ),
        ));
    }
    Ok(Instantane {
        manifest,
        repertoire,
        moteur: Moteur::avec_texte(catalogue, territoires, texte),
    })
}

/// Restores what the file does not hold: each service's structure index, the validity of
/// opening hours.
fn relier(lu: CatalogueLu, repertoire: &Path) -> Result<Catalogue, IndexError> {
    let mut catalogue = Catalogue {
        structures: lu.structures,
        services: lu.services,
    };
    let index: HashMap<&str, u32> = catalogue
        .structures
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i as u32))
        .collect();
    let mut idx = Vec::with_capacity(catalogue.services.len());
    for s in &catalogue.services {
        idx.push(*index.get(s.structure_id.as_str()).ok_or_else(|| {
            corrompu(
                repertoire,
                format!(
                    "le service {} renvoie à une structure absente {}",
                    s.id, s.structure_id
                ),
            )
        })?);
    }
    drop(index);
    let mut valides: HashMap<String, bool> = HashMap::new();
    let mut valider = |h: &mut Option<crate::catalog::model::Horaires>| {
        if let Some(h) = h {
            h.valides = *valides
                .entry(h.texte.clone())
                .or_insert_with(|| analyser_horaires(&h.texte).is_some());
        }
    };
    for s in &mut catalogue.structures {
        valider(&mut s.horaires_accueil);
    }
    for (s, i) in catalogue.services.iter_mut().zip(idx) {
        s.structure = StructureIdx(i);
        valider(&mut s.horaires_accueil);
    }
    Ok(catalogue)
}

/// Opens the snapshot of `index_dir` serving `catalogue_dir`, building it first when it is missing
/// or stale. A corrupt current snapshot is an error (never silently replaced).
pub fn preparer(
    catalogue_dir: &Path,
    index_dir: &Path,
    options: &OptionsChargement,
    progres: &mut dyn FnMut(Progres),
) -> Result<(Instantane, Option<Construction>), IndexError> {
    let territoires = Territoires::embarques();
    match etat(catalogue_dir, index_dir, territoires)? {
        Etat::AJour(_) => Ok((ouvrir(index_dir)?, None)),
        Etat::Absent | Etat::Perime(_) => {
            let construction = construire(catalogue_dir, index_dir, territoires, options, progres)?;
            Ok((ouvrir(index_dir)?, Some(construction)))
        }
    }
}
