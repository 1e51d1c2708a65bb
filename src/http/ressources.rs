//! Read-only resources: a service or a structure by id, communes (typeahead and nearest),
//! referentials, and the health probes.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde::Serialize;

use super::erreur::{ErreurApi, Genre, court};
use super::etat::Etat;
use super::openapi::erreurs;
use super::reponse_json;
use crate::catalog::model::{Service, Structure};
use crate::search::sortie::ServiceExpose;
use crate::territoire::{Commune, Point, Territoires};

fn json<T: Serialize>(valeur: &T) -> Result<Response, ErreurApi> {
    serde_json::to_vec(valeur)
        .map(|v| reponse_json(Bytes::from(v)))
        .map_err(ErreurApi::interne)
}

fn non_trouve(quoi: &str, id: &str) -> ErreurApi {
    ErreurApi::new(
        Genre::NonTrouve,
        format!("aucun(e) {quoi} d'identifiant « {} »", court(id)),
    )
}

erreurs!(
    /// The errors of the routes reading one resource.
    ErreursRessource: publiques, NonTrouve
);
erreurs!(
    /// The errors of the commune routes.
    ErreursCommunes: publiques, ChampInvalide, NonTrouve
);

/// `GET /api/v1/services/{id}`: the service with its structure summary.
#[utoipa::path(get, path = "/api/v1/services/{id}", tag = "ressources",
    summary = "Un service avec le résumé de sa structure",
    params(("id" = String, Path, description = "identifiant du service")),
    responses((status = 200, description = "Le service", body = ServiceExpose), ErreursRessource))]
pub async fn service(
    State(etat): State<Arc<Etat>>,
    Path(id): Path<String>,
) -> Result<Response, ErreurApi> {
    let servi = etat.servi()?;
    let Some(&i) = servi.services_par_id.get(&id) else {
        return Err(non_trouve("service", &id));
    };
    let catalogue = servi.instantane.moteur.catalogue();
    json(&ServiceExpose::de(
        catalogue,
        &catalogue.services[i as usize],
    ))
}

/// A structure with its services.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StructureDetaillee<'a> {
    /// The structure.
    #[serde(flatten)]
    pub structure: &'a Structure,
    /// Its services.
    pub services: Vec<&'a Service>,
}

/// `GET /api/v1/structures/{id}`.
#[utoipa::path(get, path = "/api/v1/structures/{id}", tag = "ressources",
    summary = "Une structure avec ses services",
    params(("id" = String, Path, description = "identifiant de la structure")),
    responses((status = 200, description = "La structure et ses services", body = StructureDetaillee), ErreursRessource))]
pub async fn structure(
    State(etat): State<Arc<Etat>>,
    Path(id): Path<String>,
) -> Result<Response, ErreurApi> {
    let servi = etat.servi()?;
    let Some(&i) = servi.structures_par_id.get(&id) else {
        return Err(non_trouve("structure", &id));
    };
    let catalogue = servi.instantane.moteur.catalogue();
    json(&StructureDetaillee {
        structure: &catalogue.structures[i as usize],
        services: servi.services_de_structure[i as usize]
            .iter()
            .map(|&s| &catalogue.services[s as usize])
            .collect(),
    })
}

/// A département, named.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DepartementCourt<'a> {
    /// Code.
    pub code: &'a str,
    /// Name.
    pub nom: &'a str,
}

/// A commune as the typeahead shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CommuneExposee<'a> {
    /// INSEE code.
    pub code: &'a str,
    /// Name.
    pub nom: &'a str,
    /// What to show: the name, with the département when other communes bear it.
    pub libelle: String,
    /// Its département.
    pub departement: DepartementCourt<'a>,
    /// Postal codes.
    pub codes_postaux: Vec<&'a str>,
    /// Population.
    pub population: u32,
    /// Latitude of its point.
    pub lat: Option<f64>,
    /// Longitude of its point.
    pub lon: Option<f64>,
    /// Distance from the point asked (`/communes/proche` only), km.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

fn exposer<'a>(t: &'a Territoires, c: &'a Commune, distance_km: Option<f64>) -> CommuneExposee<'a> {
    let dep = t.departement(c.departement.as_str());
    let homonymes = t.communes_par_nom(&c.nom).len() > 1;
    CommuneExposee {
        code: c.code.as_str(),
        nom: &c.nom,
        libelle: if homonymes {
            format!("{} ({})", c.nom, c.departement.as_str())
        } else {
            c.nom.clone()
        },
        departement: DepartementCourt {
            code: c.departement.as_str(),
            nom: dep.map_or("", |d| d.nom.as_str()),
        },
        codes_postaux: c.codes_postaux.iter().map(|cp| cp.as_str()).collect(),
        population: c.population,
        lat: c.point.map(|p| p.lat),
        lon: c.point.map(|p| p.lon),
        distance_km: distance_km.map(|d| (d * 10.0).round() / 10.0),
    }
}

/// Longest typeahead query.
pub const Q_MAX: usize = 100;
/// Default and largest number of communes returned.
pub const COMMUNES_DEFAUT: usize = 10;
/// Largest number of communes returned.
pub const COMMUNES_MAX: usize = 50;

fn parametres(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn valeur<'a>(p: &'a [(String, String)], cle: &str) -> Option<&'a str> {
    p.iter().find(|(k, _)| k == cle).map(|(_, v)| v.as_str())
}

fn flottant(p: &[(String, String)], cle: &str, min: f64, max: f64) -> Result<f64, ErreurApi> {
    let v = valeur(p, cle).ok_or_else(|| ErreurApi::champ(cle, "obligatoire"))?;
    let x: f64 = v
        .trim()
        .parse()
        .map_err(|_| ErreurApi::champ(cle, format!("« {} » n'est pas un nombre", court(v))))?;
    if !x.is_finite() || x < min || x > max {
        return Err(ErreurApi::champ(
            cle,
            format!("{x} hors de l'intervalle {min} à {max}"),
        ));
    }
    Ok(x)
}

/// `GET /api/v1/communes?q=&limite=`: typeahead on names (accents and case ignored), postal and
/// INSEE codes, most populous first.
#[utoipa::path(get, path = "/api/v1/communes", tag = "ressources",
    summary = "Saisie assistée des communes : nom (accents ignorés), code postal ou code INSEE, par population",
    params(
        ("q" = String, Query, description = "texte saisi, au plus 100 caractères"),
        ("limite" = Option<usize>, Query, description = "1 à 50, défaut 10"),
    ),
    responses((status = 200, description = "Communes", body = Vec<CommuneExposee>), ErreursCommunes))]
pub async fn communes(
    State(etat): State<Arc<Etat>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ErreurApi> {
    let p = parametres(query.as_deref());
    let q = valeur(&p, "q").ok_or_else(|| ErreurApi::champ("q", "obligatoire"))?;
    let n = q.chars().count();
    if n > Q_MAX {
        return Err(ErreurApi::champ(
            "q",
            format!("{n} caractères, au plus {Q_MAX}"),
        ));
    }
    let limite = match valeur(&p, "limite") {
        None => COMMUNES_DEFAUT,
        Some(v) => match v.trim().parse::<usize>() {
            Ok(l) if (1..=COMMUNES_MAX).contains(&l) => l,
            _ => {
                return Err(ErreurApi::champ(
                    "limite",
                    format!("« {} » : un entier de 1 à {COMMUNES_MAX}", court(v)),
                ));
            }
        },
    };
    let cle = format!("{limite}\u{0}{}", crate::texte::fold(q));
    if let Some(corps) = etat.caches.commune(&cle) {
        return Ok(reponse_json(corps));
    }
    let q = q.to_owned();
    let corps = etat
        .bloquant(move || {
            let t = Territoires::embarques();
            let trouvees: Vec<CommuneExposee<'_>> = t
                .rechercher_communes(&q, limite)
                .into_iter()
                .map(|c| exposer(t, c, None))
                .collect();
            serde_json::to_vec(&trouvees).map(Bytes::from)
        })
        .await?
        .map_err(ErreurApi::interne)?;
    etat.caches.garder_commune(cle, corps.clone());
    Ok(reponse_json(corps))
}

/// `GET /api/v1/communes/proche?lat=&lon=`: the nearest commune.
#[utoipa::path(get, path = "/api/v1/communes/proche", tag = "ressources",
    summary = "La commune la plus proche d'un point",
    params(
        ("lat" = f64, Query, description = "latitude, -90 à 90"),
        ("lon" = f64, Query, description = "longitude, -180 à 180"),
    ),
    responses((status = 200, description = "La commune et sa distance", body = CommuneExposee), ErreursCommunes))]
pub async fn commune_proche(RawQuery(query): RawQuery) -> Result<Response, ErreurApi> {
    let p = parametres(query.as_deref());
    let lat = flottant(&p, "lat", -90.0, 90.0)?;
    let lon = flottant(&p, "lon", -180.0, 180.0)?;
    let t = Territoires::embarques();
    match t.commune_la_plus_proche(Point::new(lat, lon)) {
        Some((c, d)) => json(&exposer(t, c, Some(d))),
        None => Err(ErreurApi::new(
            Genre::NonTrouve,
            "aucune commune connue près de ce point",
        )),
    }
}

/// `GET /api/v1/referentiels/{nom}`: a code list, or the diagnostic needs (`besoins`).
#[utoipa::path(get, path = "/api/v1/referentiels/{nom}", tag = "ressources",
    summary = "Un référentiel tel qu'embarqué",
    description = "thematiques, categories, publics, types, frais, modes_accueil, modes_mobilisation, \
                   personnes_mobilisatrices, reseaux_porteurs : `{valeurs: [{code, libelle, description}]}` ; \
                   besoins : les besoins du diagnostic, leurs groupes et signaux.",
    params(("nom" = String, Path, description = "nom du référentiel")),
    responses((status = 200, description = "Le référentiel", body = Object), ErreursRessource))]
pub async fn referentiel(Path(nom): Path<String>) -> Result<Response, ErreurApi> {
    match crate::referentiel::fichier(&nom) {
        Some(texte) => Ok(reponse_json(Bytes::from_static(texte.as_bytes()))),
        None => {
            let noms: Vec<&str> = crate::referentiel::FICHIERS
                .iter()
                .map(|(n, _)| *n)
                .collect();
            Err(ErreurApi::new(
                Genre::NonTrouve,
                format!(
                    "référentiel inconnu « {} » ; référentiels : {}",
                    court(&nom),
                    noms.join(", ")
                ),
            ))
        }
    }
}

/// `GET /healthz`: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "sondes", summary = "Le processus répond",
    responses((status = 200, description = "`{\"statut\":\"ok\"}`", body = Object)))]
pub async fn healthz() -> Response {
    reponse_json(Bytes::from_static(br#"{"statut":"ok"}"#))
}

erreurs!(
    /// The errors of `readyz`.
    ErreursPret: Indisponible
);

/// Readiness.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Pret<'a> {
    /// `pret`.
    pub statut: &'static str,
    /// Version of the snapshot served.
    pub version: u64,
    /// Its directory name.
    pub instantane: String,
    /// Its build time.
    pub construit_le: &'a str,
    /// Its structures.
    pub structures: u64,
    /// Its services.
    pub services: u64,
}

/// `GET /readyz`: 200 once a snapshot is served, 503 before.
#[utoipa::path(get, path = "/readyz", tag = "sondes", summary = "Un instantané est servi",
    responses((status = 200, description = "Prêt", body = Pret), ErreursPret))]
pub async fn readyz(State(etat): State<Arc<Etat>>) -> Result<Response, ErreurApi> {
    let servi = etat.servi()?;
    let m = &servi.instantane.manifest;
    json(&Pret {
        statut: "pret",
        version: servi.version,
        instantane: servi
            .instantane
            .repertoire
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        construit_le: &m.construit_le,
        structures: m.comptes.structures,
        services: m.comptes.services,
    })
}
