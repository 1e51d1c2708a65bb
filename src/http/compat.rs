//! `GET /api/v1/search/services`: the data·inclusion API v1 search, on our engine.
//!
//! Same parameters as theirs (`code_commune`, `lat`, `lon`, `thematiques`, `frais`, `types`,
//! `modes_accueil`, `publics`, `sources`, `score_qualite_minimum`, `exclure_doublons`, `q`,
//! `page`, `size`; lists as repeated keys `thematiques=a&thematiques=b`; a category code expands
//! to its thematiques), plus `rayon_km` (default 50 km, their fixed radius). Same envelope
//! `{items, total, page, size, pages}` where `size` is the number of items returned, each item
//! `{service, distance}` with `distance` in whole km, null for remote offers. Sorted by distance,
//! remote last, as theirs. Unknown parameters are ignored (as FastAPI does); an unknown code or a
//! bad value is a 422, whose problem+json body also carries their `loc`/`msg`/`type` list under
//! `errors`.
//!
//! Differences: a place (`code_commune` or `lat`+`lon`) is required (they list the whole country
//! without one); `size` is at most 100 (default 50); duplicates published by several sources are
//! always shown once (`exclure_doublons` is accepted, and has no further effect);
//! `recherche_public` is accepted and ignored.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use serde::Serialize;

use super::erreur::{ErreurApi, ErreurChamp, Genre, court};
use super::etat::Etat;
use super::openapi::erreurs;
use super::recherche::{chercher, json_pour};
use super::reponse_json;
use crate::referentiel::{
    Categorie, Code, Frais, ModeAccueil, Public, Referentiels, Thematique, TypeService,
};
use crate::search::sortie::{ServiceEnJson, ServiceExpose};
use crate::search::{FiltresDemandes, LieuDemande, Moteur, Reponse, RequeteDemandee, Tri};

/// Default radius of this route, in km (data·inclusion's fixed radius).
pub const RAYON_COMPAT_KM: f64 = 50.0;
/// Default page size.
pub const TAILLE_DEFAUT: u16 = 50;
/// Largest page size.
pub const TAILLE_MAX: u16 = 100;
/// Last page reachable (bounds the work of deep pages).
pub const PAGE_MAX: u32 = 10_000;

/// One item.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Element<'a> {
    /// The service with its structure.
    #[schema(value_type = ServiceExpose)]
    pub service: ServiceEnJson<'a>,
    /// Distance in whole km; null when remote.
    pub distance: Option<i64>,
}

/// The page.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Page<'a> {
    /// The items.
    pub items: Vec<Element<'a>>,
    /// Results over all pages.
    pub total: usize,
    /// This page (from 1).
    pub page: u32,
    /// Items on this page.
    pub size: usize,
    /// Number of pages.
    pub pages: usize,
}

/// A distance in whole km, rounded once from the engine's distance (1.46 km is 1 km).
fn km_entiers(distance_km: Option<f64>) -> Option<i64> {
    distance_km.map(|d| d.round() as i64)
}

fn invalide(parametre: &str, genre: &'static str, detail: String) -> ErreurApi {
    let mut e = ErreurApi::champ(parametre, detail.clone());
    e.erreurs.push(ErreurChamp {
        loc: vec!["query".into(), parametre.into()],
        msg: detail,
        genre,
    });
    e
}

fn nombre<T: std::str::FromStr>(
    parametre: &str,
    valeur: &str,
    attendu: &str,
) -> Result<T, ErreurApi> {
    valeur.trim().parse().map_err(|_| {
        invalide(
            parametre,
            "type_error",
            format!("« {} » n'est pas {attendu}", court(valeur)),
        )
    })
}

fn booleen(parametre: &str, valeur: &str) -> Result<bool, ErreurApi> {
    match valeur.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" | "oui" => Ok(true),
        "false" | "0" | "no" | "off" | "non" => Ok(false),
        _ => Err(invalide(
            parametre,
            "bool_parsing",
            format!("« {} » : valeurs permises true ou false", court(valeur)),
        )),
    }
}

/// A thematique, or a category expanded to its thematiques (as data·inclusion does; the rich
/// search would also read a diagnostic need here, which this route does not accept).
fn thematiques(code: &str, sortie: &mut Vec<String>) -> Result<(), ErreurApi> {
    let code = code.trim();
    if Thematique::parse(code).is_some() {
        sortie.push(code.to_owned());
    } else if let Some(c) = Categorie::parse(code) {
        sortie.extend(
            Referentiels::get()
                .thematiques_de(c)
                .iter()
                .map(|t| t.code().to_owned()),
        );
    } else {
        return Err(invalide(
            "thematiques",
            "enum",
            format!(
                "thématique ou catégorie inconnue « {} » (voir /api/v1/referentiels/thematiques et /api/v1/referentiels/categories)",
                court(code)
            ),
        ));
    }
    Ok(())
}

/// The parsed parameters.
#[derive(Debug, Default)]
struct Parametres {
    demande: RequeteDemandee,
    page: u32,
    taille: u16,
}

fn lire(query: &str) -> Result<Parametres, ErreurApi> {
    let mut lieu = LieuDemande::default();
    let mut f = FiltresDemandes::default();
    let mut rayon = None;
    let mut texte = None;
    let mut page = 1u32;
    let mut taille = TAILLE_DEFAUT;
    for (cle, valeur) in url::form_urlencoded::parse(query.as_bytes()) {
        let v = valeur.as_ref();
        match cle.as_ref() {
            "code_commune" => lieu.code_commune = Some(v.trim().to_owned()),
            "lat" => lieu.lat = Some(nombre("lat", v, "un nombre")?),
            "lon" => lieu.lon = Some(nombre("lon", v, "un nombre")?),
            "rayon_km" => rayon = Some(nombre("rayon_km", v, "un nombre")?),
            "thematiques" => thematiques(v, &mut f.thematiques)?,
            "frais" => f.frais.push(v.to_owned()),
            "types" => f.types.push(v.to_owned()),
            "modes_accueil" => f.modes_accueil.push(v.to_owned()),
            "publics" => f.publics.push(v.to_owned()),
            "sources" => f.sources.push(v.to_owned()),
            "score_qualite_minimum" => {
                f.score_qualite_minimum = Some(nombre(
                    "score_qualite_minimum",
                    v,
                    "un nombre entre 0 et 1",
                )?);
            }
            "exclure_doublons" => {
                booleen("exclure_doublons", v)?;
            }
            "q" => texte = Some(v.to_owned()).filter(|t| !t.trim().is_empty()),
            "page" => {
                page = nombre("page", v, "un entier")?;
                if !(1..=PAGE_MAX).contains(&page) {
                    return Err(invalide(
                        "page",
                        "greater_than_equal",
                        format!("{page} hors de l'intervalle 1 à {PAGE_MAX}"),
                    ));
                }
            }
            "size" => {
                taille = nombre("size", v, "un entier")?;
                if !(1..=TAILLE_MAX).contains(&taille) {
                    return Err(invalide(
                        "size",
                        "less_than_equal",
                        format!("{taille} hors de l'intervalle 1 à {TAILLE_MAX}"),
                    ));
                }
            }
            _ => {}
        }
    }
    if lieu.lat.is_some() != lieu.lon.is_some() {
        return Err(invalide(
            "lat",
            "value_error",
            "lat et lon doivent être donnés ensemble".into(),
        ));
    }
    if lieu.code_commune.is_none() && lieu.lat.is_none() {
        return Err(invalide(
            "code_commune",
            "missing",
            "donner code_commune, ou lat et lon".into(),
        ));
    }
    let offset = u64::from(page - 1) * u64::from(taille);
    Ok(Parametres {
        demande: RequeteDemandee {
            lieu: Some(lieu),
            rayon_km: Some(rayon.unwrap_or(RAYON_COMPAT_KM)),
            texte,
            filtres: f,
            tri: Tri::Distance,
            limite: Some(taille),
            // The engine's cursor is the offset of the page, in hexadecimal after a `p`.
            curseur: (offset > 0).then(|| format!("p{offset:x}")),
            ..RequeteDemandee::default()
        },
        page,
        taille,
    })
}

/// The query parameter a request field comes from.
fn parametre(champ: &str) -> String {
    let sans_index = champ.split('[').next().unwrap_or(champ);
    let nom = sans_index
        .strip_prefix("filtres.")
        .or_else(|| sans_index.strip_prefix("lieu."))
        .unwrap_or(sans_index);
    match nom {
        "lieu" => "code_commune".into(),
        "texte" => "q".into(),
        "limite" => "size".into(),
        "curseur" => "page".into(),
        n => n.into(),
    }
}

erreurs!(
    /// The errors of `search/services`.
    ErreursSearchServices: publiques, ChampInvalide, RequeteMalformee
);

/// `GET /api/v1/search/services`.
#[utoipa::path(get, path = "/api/v1/search/services", tag = "data·inclusion",
    summary = "Recherche compatible avec l'API data·inclusion v1",
    description = "Mêmes noms de paramètres, listes en clés répétées (`thematiques=a&thematiques=b`), \
                   une catégorie vaut ses thématiques ; tri par distance, à distance en dernier ; \
                   les erreurs portent aussi la liste `errors` à la FastAPI.",
    params(
        ("code_commune" = Option<String>, Query, description = "code INSEE (ou lat et lon)"),
        ("lat" = Option<f64>, Query, description = "latitude, avec lon"),
        ("lon" = Option<f64>, Query, description = "longitude, avec lat"),
        ("rayon_km" = Option<f64>, Query, description = "rayon, défaut 50, au plus 200"),
        ("thematiques" = Option<Vec<String>>, Query, description = "thématiques ou catégories (référentiels thematiques, categories)"),
        ("frais" = Option<Vec<Frais>>, Query),
        ("types" = Option<Vec<TypeService>>, Query),
        ("modes_accueil" = Option<Vec<ModeAccueil>>, Query),
        ("publics" = Option<Vec<Public>>, Query),
        ("sources" = Option<Vec<String>>, Query),
        ("score_qualite_minimum" = Option<f64>, Query, description = "0 à 1"),
        ("exclure_doublons" = Option<bool>, Query, description = "accepté ; les doublons sont toujours regroupés"),
        ("q" = Option<String>, Query, description = "texte libre, au plus 200 caractères"),
        ("page" = Option<u32>, Query, description = "à partir de 1"),
        ("size" = Option<u16>, Query, description = "taille de page, 1 à 100, défaut 50"),
    ),
    responses(
        (status = 200, description = "Page à la data·inclusion", body = Page),
        ErreursSearchServices
    ))]
pub async fn search_services(
    State(etat): State<Arc<Etat>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ErreurApi> {
    let p = lire(query.as_deref().unwrap_or(""))?;
    let (page, taille) = (p.page, p.taille);
    let corps = chercher(
        &etat,
        "search/services",
        p.demande,
        move |moteur: &Moteur<'_>, r: Reponse| {
            // Only the services and their distances: no explanation is built.
            let items: Vec<Element<'_>> = r
                .resultats
                .iter()
                .map(|x| Element {
                    service: ServiceEnJson::de(moteur, x.service),
                    distance: km_entiers(x.distance_km),
                })
                .collect();
            let resultats = items.len();
            json_pour(
                &Page {
                    size: items.len(),
                    items,
                    total: r.total,
                    page,
                    pages: r.total.div_ceil(usize::from(taille)),
                },
                resultats,
            )
        },
    )
    .await
    .map_err(|e| match (e.genre, &e.champ) {
        (Genre::ChampInvalide, Some(champ)) if e.erreurs.is_empty() => {
            let nom = parametre(champ);
            let genre = if e.detail.contains("inconnu") {
                "enum"
            } else {
                "value_error"
            };
            let cause = e
                .detail
                .split_once(" : ")
                .map_or(e.detail.as_str(), |(_, c)| c);
            invalide(&nom, genre, cause.to_owned())
        }
        _ => e,
    })?;
    Ok(reponse_json(corps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listes_en_cles_repetees_et_pages() {
        let p = lire("code_commune=59350&thematiques=mobilite&thematiques=sante&page=3&size=10")
            .expect("valide");
        let t = &p.demande.filtres.thematiques;
        assert!(
            t.len() > 2
                && t.iter()
                    .all(|t| t.starts_with("mobilite--") || t.starts_with("sante--")),
            "{t:?}"
        );
        assert_eq!(p.demande.curseur.as_deref(), Some("p14"));
        assert_eq!(p.demande.limite, Some(10));
        assert_eq!(p.demande.rayon_km, Some(RAYON_COMPAT_KM));
    }

    #[test]
    fn distances_rounded_once_to_whole_km() {
        // Not through the one-decimal distance of the rich answer (1.46 → 1.5 → 2).
        assert_eq!(km_entiers(Some(1.46)), Some(1));
        assert_eq!(km_entiers(Some(1.5)), Some(2));
        assert_eq!(km_entiers(Some(0.2)), Some(0));
        assert_eq!(km_entiers(None), None);
    }

    #[test]
    fn erreurs_nomment_le_parametre() {
        for (q, champ) in [
            ("code_commune=59350&size=101", "size"),
            ("code_commune=59350&page=0", "page"),
            ("lat=50", "lat"),
            ("", "code_commune"),
            ("code_commune=59350&lat=abc&lon=3", "lat"),
        ] {
            let e = lire(q).expect_err(q);
            assert_eq!(e.champ.as_deref(), Some(champ), "{q}");
            assert_eq!(e.genre, Genre::ChampInvalide);
        }
        assert_eq!(parametre("filtres.thematiques[0]"), "thematiques");
        assert_eq!(parametre("lieu.code_commune"), "code_commune");
    }
}
