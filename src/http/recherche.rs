//! `POST /api/v1/recherche`: the rich search of DESIGN.md §3 (place, radius, needs, profile,
//! text, filters, cursor), answered with explanations, facets, exclusions and parcours in the
//! exact shape of [`ReponseExposee`]. POST only: the body may hold health and social data, which
//! must not end up in URLs, logs or proxies.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;

use super::cache;
use super::erreur::{CorpsJson, ErreurApi};
use super::etat::Etat;
use super::openapi::erreurs;
use super::reponse_json;
use crate::search::sortie::ReponseExposee;
use crate::search::{LieuDemande, Moteur, Reponse, RequeteDemandee};

/// Snaps a `lat`/`lon` place to the centre of its H3 cell (see [`cache`]); an invalid point is
/// left as it is for validation to reject.
pub fn grossir_lieu(lieu: &mut LieuDemande) {
    if let (Some(lat), Some(lon)) = (lieu.lat, lieu.lon)
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && let Some((la, lo)) = cache::centre_cellule(lat, lon)
    {
        lieu.lat = Some(la);
        lieu.lon = Some(lo);
    }
}

/// Bytes reserved per result for an answer's JSON (a result with its service, description
/// included, takes 2–4 KB), so that the body is written without regrowing its buffer.
const OCTETS_PAR_RESULTAT: usize = 4096;

/// `valeur` as JSON, written into a buffer sized for `resultats` results (then shrunk in place to
/// its length: answers are kept in the cache).
pub fn json_pour<T: serde::Serialize>(
    valeur: &T,
    resultats: usize,
) -> Result<Vec<u8>, serde_json::Error> {
    let mut corps = Vec::with_capacity(OCTETS_PAR_RESULTAT * (resultats + 1));
    serde_json::to_writer(&mut corps, valeur)?;
    corps.shrink_to_fit();
    Ok(corps)
}

/// The body of a `recherche` answer (also the cached body the plain form reads).
pub fn corps_recherche(
    moteur: &Moteur<'_>,
    reponse: Reponse,
) -> Result<Vec<u8>, serde_json::Error> {
    let r = ReponseExposee::de(moteur, reponse);
    json_pour(&r, r.resultats.len())
}

/// Runs `demande` on the current snapshot, through the answer cache; `route` separates the
/// cache entries of the two search routes, `exposer` turns the engine's answer into the body
/// (each route builds only what it shows).
pub async fn chercher<F>(
    etat: &Etat,
    route: &'static str,
    mut demande: RequeteDemandee,
    exposer: F,
) -> Result<Bytes, ErreurApi>
where
    F: FnOnce(&Moteur<'_>, Reponse) -> Result<Vec<u8>, serde_json::Error> + Send + 'static,
{
    if let Some(lieu) = &mut demande.lieu {
        grossir_lieu(lieu);
    }
    let maintenant = chrono::Local::now().naive_local();
    let servi = etat.servi()?;
    let normalisee = serde_json::to_vec(&demande).map_err(ErreurApi::interne)?;
    let jour = maintenant.date().to_string();
    let cle = cache::cle(&[
        route.as_bytes(),
        &servi.version.to_le_bytes(),
        jour.as_bytes(),
        &normalisee,
    ]);
    if let Some(corps) = etat.caches.resultat(&cle) {
        return Ok(corps);
    }
    let corps = etat
        .bloquant(move || -> Result<Bytes, ErreurApi> {
            let moteur = &servi.instantane.moteur;
            let requete = demande.valider(moteur.territoires())?;
            let reponse = moteur.rechercher(&requete, maintenant)?;
            Ok(Bytes::from(
                exposer(moteur, reponse).map_err(ErreurApi::interne)?,
            ))
        })
        .await??;
    etat.caches.garder_resultat(cle, corps.clone());
    Ok(corps)
}

erreurs!(
    /// The errors of `recherche`.
    ErreursRecherche: publiques, RequeteMalformee, ChampInvalide, CorpsTropGros, TypeNonSupporte,
    MethodeNonPermise
);

/// `POST /api/v1/recherche`.
#[utoipa::path(post, path = "/api/v1/recherche", tag = "recherche",
    summary = "Recherche riche : lieu, rayon, besoins, profil, texte, filtres, curseur",
    description = "Le lieu est ramené au centre de sa cellule H3 de résolution 9 avant la recherche. \
                   POST seulement : le profil est une donnée sensible, jamais journalisée.",
    request_body = RequeteDemandee,
    responses(
        (status = 200, description = "Résultats expliqués, facettes, exclusions, parcours", body = ReponseExposee),
        ErreursRecherche
    ))]
pub async fn recherche(
    State(etat): State<Arc<Etat>>,
    CorpsJson(demande): CorpsJson<RequeteDemandee>,
) -> Result<Response, ErreurApi> {
    let corps = chercher(&etat, "recherche", demande, corps_recherche).await?;
    Ok(reponse_json(corps))
}
