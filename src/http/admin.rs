//! Admin routes, behind `Authorization: Bearer <key>` (the key comes from `MAILLAGE_ADMIN_KEY`;
//! without one, these routes answer 404 as if they did not exist).
//!
//! - `POST /api/v1/admin/recharger`: rebuilds the snapshot from the catalog directory when it
//!   changed (else reopens it) and swaps it in; requests keep being served by the old snapshot
//!   until then, and a failed build leaves the old one serving and says why.
//! - `POST /api/v1/admin/import`: `{"structures": [...], "services": [...]}` in data·inclusion v1
//!   fields. Records replace those of the same id (an upsert, so replaying an import is harmless)
//!   in the catalog's `structures.jsonl` and `services.jsonl`, each rewritten to a temporary file,
//!   fsynced, renamed over the old one, the directory fsynced: the data is on disk before the
//!   200. Then the snapshot is rebuilt and swapped; the answer is the validation report of the
//!   batch. An import killed before its answer may be partly applied (structures before
//!   services): replay it.
//!
//! One reload or import at a time (409 otherwise).

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{FromRequest, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::erreur::{CorpsJson, ErreurApi, Genre};
use super::etat::Etat;
use super::openapi::erreurs;
use super::reponse_json;
use crate::catalog::validation::{Constat, OptionsChargement, TotauxFichier, fichier_de};
use crate::index::{self, Instantane};
use crate::territoire::Territoires;

/// Checks the bearer key: SHA-256 of both sides compared in constant time (`subtle`), so neither
/// the content nor the length of the key leaks through timing.
pub fn verifier_cle(etat: &Etat, entetes: &HeaderMap) -> Result<(), ErreurApi> {
    let Some(cle) = etat.config.cle_admin.as_deref() else {
        return Err(ErreurApi::new(
            Genre::NonTrouve,
            "administration désactivée : aucune clé MAILLAGE_ADMIN_KEY configurée",
        ));
    };
    let donnee = entetes
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(donnee) = donnee else {
        return Err(ErreurApi::new(
            Genre::NonAutorise,
            "en-tête Authorization: Bearer <clé> attendu",
        ));
    };
    let a = Sha256::digest(cle.as_bytes());
    let b = Sha256::digest(donnee.as_bytes());
    if bool::from(a.as_slice().ct_eq(b.as_slice())) {
        Ok(())
    } else {
        Err(ErreurApi::new(
            Genre::NonAutorise,
            "clé d'administration invalide",
        ))
    }
}

fn options() -> OptionsChargement {
    OptionsChargement {
        aujourdhui: chrono::Local::now().date_naive(),
    }
}

/// The answer of a reload.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Rechargement {
    /// Version now served.
    pub version: u64,
    /// Whether a new snapshot was built (else the current one was reopened).
    pub construit: bool,
    /// Structures served.
    pub structures: u64,
    /// Services served.
    pub services: u64,
    /// Records rejected by validation.
    pub rejetes: u64,
    /// Duration, seconds.
    pub duree_s: f64,
}

fn charger(etat: &Etat) -> Result<(Instantane, bool), ErreurApi> {
    let c = &etat.config;
    index::preparer(&c.catalogue, &c.index, &options(), &mut |_| {})
        .map(|(i, construction)| (i, construction.is_some()))
        .map_err(|e| {
            ErreurApi::new(
                Genre::EchecRechargement,
                format!("l'instantané servi reste le précédent : {e}"),
            )
        })
}

erreurs!(
    /// The errors of `admin/recharger`.
    ErreursRecharger: NonAutorise, NonTrouve, Conflit, EchecRechargement, Interne
);
erreurs!(
    /// The errors of `admin/import`.
    ErreursImport: NonAutorise, NonTrouve, Conflit, EchecRechargement, Interne, RequeteMalformee,
    ChampInvalide, CorpsTropGros, TypeNonSupporte
);

/// `POST /api/v1/admin/recharger`.
#[utoipa::path(post, path = "/api/v1/admin/recharger", tag = "admin",
    summary = "Reconstruit l'instantané depuis le catalogue et le substitue",
    description = "L'instantané servi continue de répondre jusqu'à ce que le nouveau soit prêt ; \
                   un échec garde l'ancien et dit pourquoi. Désactivé sans clé configurée (404).",
    security(("cle" = [])),
    responses((status = 200, description = "Version servie et comptes", body = Rechargement), ErreursRecharger))]
pub async fn recharger(
    State(etat): State<Arc<Etat>>,
    entetes: HeaderMap,
) -> Result<Response, ErreurApi> {
    verifier_cle(&etat, &entetes)?;
    let _occupation = etat.occuper()?;
    let debut = Instant::now();
    let e = Arc::clone(&etat);
    let resultat = tokio::task::spawn_blocking(move || {
        let (instantane, construit) = charger(&e)?;
        let comptes = instantane.manifest.comptes.clone();
        let version = e.publier(instantane);
        Ok::<_, ErreurApi>(Rechargement {
            version,
            construit,
            structures: comptes.structures,
            services: comptes.services,
            rejetes: comptes.rejetes,
            duree_s: debut.elapsed().as_secs_f64(),
        })
    })
    .await
    .map_err(ErreurApi::interne)?;
    etat.metriques
        .rechargement(if resultat.is_ok() { "succes" } else { "echec" });
    let r = resultat?;
    tracing::info!(
        version = r.version,
        construit = r.construit,
        "instantané rechargé"
    );
    serde_json::to_vec(&r)
        .map(|v| reponse_json(v.into()))
        .map_err(ErreurApi::interne)
}

/// The body of an import.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Lot {
    /// Structures (data·inclusion v1 fields).
    #[serde(default)]
    pub structures: Vec<serde_json::Map<String, serde_json::Value>>,
    /// Services (data·inclusion v1 fields).
    #[serde(default)]
    pub services: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// Counts of one kind in the batch.
#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct TotauxLot {
    /// Records received.
    pub recus: usize,
    /// Records now served.
    pub acceptes: usize,
    /// Records rejected.
    pub rejetes: usize,
}

/// The answer of an import: the validation report of the batch.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RapportImport {
    /// Structures of the batch.
    pub structures: TotauxLot,
    /// Services of the batch.
    pub services: TotauxLot,
    /// Findings on the batch's records (rejections and warnings), as `maillage validate` gives.
    pub constats: Vec<Constat>,
    /// Totals of the whole catalog after the import.
    pub catalogue: Vec<TotauxFichier>,
    /// Version now served.
    pub version: u64,
}

fn ids(
    records: &[serde_json::Map<String, serde_json::Value>],
    nom: &str,
) -> Result<Vec<String>, ErreurApi> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| match r.get("id") {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            _ => Err(ErreurApi::champ(
                format!("{nom}[{i}].id"),
                "identifiant obligatoire (chaîne non vide)",
            )),
        })
        .collect()
}

#[derive(Deserialize)]
struct IdSeul {
    id: Option<String>,
}

fn io(chemin: &Path) -> impl FnOnce(std::io::Error) -> ErreurApi + '_ {
    move |e| ErreurApi::interne(format!("{} : {e}", chemin.display()))
}

/// Rewrites `nom.jsonl` of `dossier` with `records` replacing those of the same id; durable
/// when it returns.
fn fusionner(
    dossier: &Path,
    nom: &'static str,
    records: &[serde_json::Map<String, serde_json::Value>],
    ids: &HashSet<&str>,
) -> Result<(), ErreurApi> {
    let chemin = match fichier_de(dossier, nom) {
        Ok(c) => c,
        Err(crate::catalog::validation::ChargementError::FichierManquant { .. }) => {
            dossier.join(format!("{nom}.jsonl"))
        }
        Err(e) => return Err(ErreurApi::new(Genre::Conflit, e.to_string())),
    };
    if chemin.extension().and_then(|e| e.to_str()) != Some("jsonl") {
        return Err(ErreurApi::new(
            Genre::Conflit,
            format!(
                "import possible seulement dans un catalogue JSON Lines ({nom}.jsonl), pas dans {}",
                chemin.display()
            ),
        ));
    }
    let temporaire: PathBuf = dossier.join(format!(".{nom}.jsonl.import-{}", std::process::id()));
    {
        let mut sortie = BufWriter::new(File::create(&temporaire).map_err(io(&temporaire))?);
        match File::open(&chemin) {
            Ok(f) => {
                for ligne in BufReader::new(f).lines() {
                    let ligne = ligne.map_err(io(&chemin))?;
                    let remplacee = serde_json::from_str::<IdSeul>(&ligne)
                        .ok()
                        .and_then(|r| r.id)
                        .is_some_and(|id| ids.contains(id.trim()));
                    if !remplacee && !ligne.trim().is_empty() {
                        sortie
                            .write_all(ligne.as_bytes())
                            .map_err(io(&temporaire))?;
                        sortie.write_all(b"\n").map_err(io(&temporaire))?;
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&chemin)(e)),
        }
        for r in records {
            serde_json::to_writer(&mut sortie, r).map_err(ErreurApi::interne)?;
            sortie.write_all(b"\n").map_err(io(&temporaire))?;
        }
        let f = sortie
            .into_inner()
            .map_err(|e| io(&temporaire)(e.into_error()))?;
        f.sync_all().map_err(io(&temporaire))?;
    }
    fs::rename(&temporaire, &chemin).map_err(io(&chemin))?;
    Ok(())
}

fn synchroniser_dossier(dossier: &Path) -> Result<(), ErreurApi> {
    File::open(dossier)
        .and_then(|d| d.sync_all())
        .map_err(io(dossier))
}

fn importer_bloquant(etat: &Etat, lot: Lot) -> Result<RapportImport, ErreurApi> {
    let ids_structures = ids(&lot.structures, "structures")?;
    let ids_services = ids(&lot.services, "services")?;
    let dossier = &etat.config.catalogue;
    let s: HashSet<&str> = ids_structures.iter().map(String::as_str).collect();
    let v: HashSet<&str> = ids_services.iter().map(String::as_str).collect();
    if !lot.structures.is_empty() {
        fusionner(dossier, "structures", &lot.structures, &s)?;
    }
    if !lot.services.is_empty() {
        fusionner(dossier, "services", &lot.services, &v)?;
    }
    synchroniser_dossier(dossier)?;
    tracing::info!(
        structures = lot.structures.len(),
        services = lot.services.len(),
        "lot importé et écrit sur disque"
    );
    let construction = index::construire(
        dossier,
        &etat.config.index,
        Territoires::embarques(),
        &options(),
        &mut |_| {},
    )
    .map_err(|e| {
        ErreurApi::new(
            Genre::EchecRechargement,
            format!(
                "lot écrit dans le catalogue, mais l'instantané n'a pas pu être construit (le précédent reste servi) : {e}"
            ),
        )
    })?;
    let instantane = index::ouvrir(&etat.config.index).map_err(|e| {
        ErreurApi::new(
            Genre::EchecRechargement,
            format!("lot écrit dans le catalogue, mais l'instantané ne s'ouvre pas : {e}"),
        )
    })?;
    let version = etat.publier(instantane);
    let servi = etat.servi()?;
    let totaux = |ids: &[String], servis: &std::collections::HashMap<String, u32>| {
        let acceptes = ids.iter().filter(|i| servis.contains_key(*i)).count();
        TotauxLot {
            recus: ids.len(),
            acceptes,
            rejetes: ids.len() - acceptes,
        }
    };
    let rapport = construction.rapport;
    Ok(RapportImport {
        structures: totaux(&ids_structures, &servi.structures_par_id),
        services: totaux(&ids_services, &servi.services_par_id),
        constats: rapport
            .constats
            .into_iter()
            .filter(|c| {
                c.id.as_deref().is_some_and(|id| {
                    if c.position.fichier.starts_with("structures") {
                        s.contains(id)
                    } else {
                        v.contains(id)
                    }
                })
            })
            .collect(),
        catalogue: rapport.fichiers,
        version,
    })
}

/// `POST /api/v1/admin/import`.
#[utoipa::path(post, path = "/api/v1/admin/import", tag = "admin",
    summary = "Importe un lot data·inclusion, écrit durablement avant la réponse, puis indexé",
    security(("cle" = [])),
    request_body = Lot,
    responses((status = 200, description = "Rapport de validation du lot", body = RapportImport), ErreursImport))]
pub async fn importer(
    State(etat): State<Arc<Etat>>,
    req: axum::extract::Request,
) -> Result<Response, ErreurApi> {
    verifier_cle(&etat, req.headers())?;
    let CorpsJson(lot) = CorpsJson::<Lot>::from_request(req, &()).await?;
    let _occupation = etat.occuper()?;
    let e = Arc::clone(&etat);
    let resultat = tokio::task::spawn_blocking(move || importer_bloquant(&e, lot))
        .await
        .map_err(ErreurApi::interne)?;
    etat.metriques
        .rechargement(if resultat.is_ok() { "succes" } else { "echec" });
    serde_json::to_vec(&resultat?)
        .map(|v| reponse_json(v.into()))
        .map_err(ErreurApi::interne)
}
