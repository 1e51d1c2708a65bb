//! `maillage index`: catalog export → validated, normalised catalogue → snapshot directory,
//! published atomically (see the module docs of [`super`]).

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::ecriture::{remplacer, synchroniser, synchroniser_repertoire};
use super::empreinte::{empreinte_catalogue, empreinte_territoires};
use super::{COURANT, Comptes, FORMAT, IndexError, Manifest, io};
use crate::catalog::model::Catalogue;
use crate::catalog::validation::{OptionsChargement, Rapport, charger_avec_progres};
use crate::search::IndexTexte;
use crate::territoire::Territoires;

/// Name of the structures file in a snapshot (a JSON array).
pub const FICHIER_STRUCTURES: &str = "structures.json";
/// Number of services files (`services-0.json`…), parsed in parallel on load.
pub const PARTS_SERVICES: usize = 4;

/// Name of the `i`-th services file in a snapshot (a JSON array).
pub fn fichier_services(i: usize) -> String {
    format!("services-{i}.json")
}
/// Name of the manifest file in a snapshot.
pub const FICHIER_MANIFEST: &str = "manifest.json";
/// Name of the text index directory in a snapshot.
pub const REPERTOIRE_TEXTE: &str = "texte";
/// Prefix of snapshot directories.
pub const PREFIXE_INSTANTANE: &str = "instantane-";
/// Prefix of directories being built.
pub const PREFIXE_CONSTRUCTION: &str = ".construction-";

/// Progress of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progres {
    /// Records of the export read so far.
    Lecture(u64),
    /// Services indexed so far, out of the total.
    Texte(usize, usize),
    /// Writing and publishing.
    Publication,
}

/// A finished build.
#[derive(Debug)]
pub struct Construction {
    /// The published snapshot directory.
    pub repertoire: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
    /// The validation report of the export.
    pub rapport: Rapport,
}

fn comptes(catalogue: &Catalogue, rapport: &Rapport) -> Comptes {
    let mut par_famille: BTreeMap<String, u64> = BTreeMap::new();
    for s in &catalogue.services {
        *par_famille.entry(s.famille.code().to_owned()).or_default() += 1;
    }
    Comptes {
        structures: catalogue.structures.len() as u64,
        services: catalogue.services.len() as u64,
        lus: rapport.fichiers.iter().map(|f| f.lus).sum(),
        rejetes: rapport.rejetes(),
        par_famille,
        avec_point: catalogue
            .services
            .iter()
            .filter(|s| s.point.is_some())
            .count() as u64,
    }
}

/// Whether process `pid` is alive, when the system can tell (Linux `/proc`).
fn processus_vivant(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes leftovers of builds killed midway (their process is gone).
fn nettoyer_constructions(index: &Path) {
    let Ok(entrees) = std::fs::read_dir(index) else {
        return;
    };
    for e in entrees.flatten() {
        let nom = e.file_name().to_string_lossy().into_owned();
        let Some(reste) = nom.strip_prefix(PREFIXE_CONSTRUCTION) else {
            continue;
        };
        let pid = reste.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !processus_vivant(p)) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Removes the snapshots other than `garder` (the new and the previous current one).
fn nettoyer_instantanes(index: &Path, garder: &[&str]) {
    let Ok(entrees) = std::fs::read_dir(index) else {
        return;
    };
    for e in entrees.flatten() {
        let nom = e.file_name().to_string_lossy().into_owned();
        if nom.starts_with(PREFIXE_INSTANTANE) && !garder.contains(&nom.as_str()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Builds a snapshot of the export in `catalogue_dir` into `index_dir` (created if missing) and
/// makes it current. A failure leaves the current snapshot untouched.
pub fn construire(
    catalogue_dir: &Path,
    index_dir: &Path,
    territoires: &Territoires,
    options: &OptionsChargement,
    progres: &mut dyn FnMut(Progres),
) -> Result<Construction, IndexError> {
    let debut = Instant::now();
    let empreinte = empreinte_catalogue(catalogue_dir)?;
    let (mut catalogue, rapport) =
        charger_avec_progres(catalogue_dir, territoires, options, &mut |n| {
            progres(Progres::Lecture(n))
        })?;
    super::ordre::ordonner(&mut catalogue);
    std::fs::create_dir_all(index_dir).map_err(io(index_dir))?;
    nettoyer_constructions(index_dir);
    let temporaire = index_dir.join(format!(
        "{PREFIXE_CONSTRUCTION}{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    let resultat = ecrire(
        &temporaire,
        &catalogue,
        &rapport,
        catalogue_dir,
        &empreinte,
        territoires,
        options,
        debut,
        progres,
    )
    .and_then(|manifest| publier(&temporaire, index_dir, manifest));
    match resultat {
        Ok((repertoire, manifest)) => Ok(Construction {
            repertoire,
            manifest,
            rapport,
        }),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&temporaire);
            Err(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn ecrire(
    dir: &Path,
    catalogue: &Catalogue,
    rapport: &Rapport,
    catalogue_dir: &Path,
    empreinte: &str,
    territoires: &Territoires,
    options: &OptionsChargement,
    debut: Instant,
    progres: &mut dyn FnMut(Progres),
) -> Result<Manifest, IndexError> {
    std::fs::create_dir_all(dir.join(REPERTOIRE_TEXTE)).map_err(io(dir))?;
    let total = catalogue.services.len();
    IndexTexte::construire_dans(&dir.join(REPERTOIRE_TEXTE), catalogue, &mut |n| {
        progres(Progres::Texte(n, total))
    })?;
    progres(Progres::Publication);
    let taille_part = catalogue.services.len().div_ceil(PARTS_SERVICES).max(1);
    let mut parts = catalogue.services.chunks(taille_part);
    ecrire_json(&dir.join(FICHIER_STRUCTURES), &catalogue.structures)?;
    for i in 0..PARTS_SERVICES {
        ecrire_json(
            &dir.join(fichier_services(i)),
            parts.next().unwrap_or_default(),
        )?;
    }
    let manifest = Manifest {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        schema: "data·inclusion v1".to_owned(),
        catalogue: catalogue_dir.display().to_string(),
        empreinte_catalogue: empreinte.to_owned(),
        empreinte_territoires: empreinte_territoires(territoires),
        aujourdhui: options.aujourdhui,
        construit_le: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        duree_s: debut.elapsed().as_secs_f64(),
        comptes: comptes(catalogue, rapport),
    };
    let texte = serde_json::to_vec_pretty(&manifest).map_err(|e| IndexError::Io {
        chemin: dir.join(FICHIER_MANIFEST),
        cause: e.into(),
    })?;
    std::fs::write(dir.join(FICHIER_MANIFEST), texte).map_err(io(dir.join(FICHIER_MANIFEST)))?;
    synchroniser(dir)?;
    Ok(manifest)
}

/// Writes `valeur` as JSON into the new file `chemin`.
fn ecrire_json<T: Serialize + ?Sized>(chemin: &Path, valeur: &T) -> Result<(), IndexError> {
    let fichier = std::fs::File::create(chemin).map_err(io(chemin))?;
    let mut w = BufWriter::with_capacity(1 << 20, fichier);
    serde_json::to_writer(&mut w, valeur).map_err(|e| IndexError::Io {
        chemin: chemin.to_owned(),
        cause: e.into(),
    })?;
    w.flush().map_err(io(chemin))
}

/// Renames the built directory into place and points `COURANT` at it.
fn publier(
    temporaire: &Path,
    index_dir: &Path,
    manifest: Manifest,
) -> Result<(PathBuf, Manifest), IndexError> {
    let horodatage = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
    let nom = format!(
        "{PREFIXE_INSTANTANE}{horodatage}-{}",
        &manifest.empreinte_catalogue[..12]
    );
    let destination = index_dir.join(&nom);
    std::fs::rename(temporaire, &destination).map_err(io(&destination))?;
    synchroniser_repertoire(index_dir)?;
    let precedent = std::fs::read_to_string(index_dir.join(COURANT)).unwrap_or_default();
    remplacer(&index_dir.join(COURANT), nom.as_bytes())?;
    nettoyer_instantanes(index_dir, &[nom.as_str(), precedent.trim()]);
    Ok((destination, manifest))
}
