//! `GET /api/v1/couverture`: coverage gaps of a territory for one or more needs (DESIGN.md §5),
//! as GeoJSON (default) or CSV, computed by [`crate::coverage`] off the async runtime and cached
//! per (validated request, format, snapshot version).
//!
//! Query: `territoire` (required), `besoin` (repeated, required; `besoins` accepted), `resolution`
//! (5–9), `rayon_km` (1–50), `format` (`geojson` | `csv`), `par_commune` (`true`: one CSV row per
//! commune), and the repeated filters `publics`, `types`, `reseaux_porteurs`, `mobilisable_par`.
//! An unknown parameter is refused (a typo must not silently give the whole territory).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::cache;
use super::erreur::{ErreurApi, court};
use super::etat::Etat;
use super::openapi::erreurs;
use super::reponse_json;
use crate::coverage::{
    CouvertureError, DemandeCouverture, couverture as calculer, ecrire_cellules, ecrire_communes,
    vers_geojson,
};
use crate::referentiel::{PersonneMobilisatrice, Public, ReseauPorteur, TypeService};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    GeoJson,
    Csv,
    CsvParCommune,
}

impl From<CouvertureError> for ErreurApi {
    fn from(e: CouvertureError) -> Self {
        ErreurApi::champ(e.champ(), e.detail())
    }
}

fn nombre<T: std::str::FromStr>(cle: &str, valeur: &str) -> Result<T, ErreurApi> {
    valeur.trim().parse().map_err(|_| {
        ErreurApi::champ(
            cle.to_owned(),
            format!("« {} » n'est pas un nombre", court(valeur)),
        )
    })
}

/// The query string as a request and a format.
fn lire(query: Option<&str>) -> Result<(DemandeCouverture, Format), ErreurApi> {
    let mut d = DemandeCouverture::default();
    let mut format = Format::GeoJson;
    let mut par_commune = false;
    for (cle, valeur) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        let v = valeur.into_owned();
        match cle.as_ref() {
            "territoire" => d.territoire = v,
            "besoin" | "besoins" => d.besoins.push(v),
            "resolution" => d.resolution = Some(nombre("resolution", &v)?),
            "rayon_km" => d.rayon_km = Some(nombre("rayon_km", &v)?),
            "publics" => d.publics.push(v),
            "types" => d.types.push(v),
            "reseaux_porteurs" => d.reseaux_porteurs.push(v),
            "mobilisable_par" => d.mobilisable_par.push(v),
            "format" => {
                format = match v.as_str() {
                    "geojson" => Format::GeoJson,
                    "csv" => Format::Csv,
                    autre => {
                        return Err(ErreurApi::champ(
                            "format",
                            format!("« {} » : valeurs permises geojson, csv", court(autre)),
                        ));
                    }
                }
            }
            "par_commune" => {
                par_commune = match v.as_str() {
                    "true" | "1" | "oui" => true,
                    "false" | "0" | "non" => false,
                    autre => {
                        return Err(ErreurApi::champ(
                            "par_commune",
                            format!("« {} » : valeurs permises true, false", court(autre)),
                        ));
                    }
                }
            }
            autre => {
                return Err(ErreurApi::champ(
                    autre.to_owned(),
                    "paramètre inconnu ; permis : territoire, besoin, resolution, rayon_km, \
                     format, par_commune, publics, types, reseaux_porteurs, mobilisable_par",
                ));
            }
        }
    }
    if format == Format::Csv && par_commune {
        format = Format::CsvParCommune;
    }
    Ok((d, format))
}

erreurs!(
    /// The errors of `couverture`.
    ErreursCouverture: publiques, ChampInvalide, RequeteMalformee
);

/// `GET /api/v1/couverture`.
#[utoipa::path(get, path = "/api/v1/couverture", tag = "couverture",
    summary = "Lacunes de couverture d'un territoire pour un ou plusieurs besoins",
    description = "Cellules H3 avec accessibilité E2SFCA, zones de lacune classées par population, \
                   saturation ; GeoJSON RFC 7946 (une entité par besoin et cellule, membre `summary`) ou CSV.",
    params(
        ("territoire" = String, Query, description = "france, département (59), EPCI (SIREN), region:CODE ou codes de communes séparés par des virgules"),
        ("besoin" = Vec<String>, Query, description = "besoin, groupe, thématique, catégorie ou tous ; répétable"),
        ("resolution" = Option<u8>, Query, description = "résolution H3, 5 à 9, défaut 7"),
        ("rayon_km" = Option<f64>, Query, description = "1 à 50, défaut 10"),
        ("format" = Option<String>, Query, description = "geojson (défaut) ou csv"),
        ("par_commune" = Option<bool>, Query, description = "csv : une ligne par commune"),
        ("publics" = Option<Vec<Public>>, Query),
        ("types" = Option<Vec<TypeService>>, Query),
        ("reseaux_porteurs" = Option<Vec<ReseauPorteur>>, Query),
        ("mobilisable_par" = Option<Vec<PersonneMobilisatrice>>, Query),
    ),
    responses(
        (status = 200, description = "GeoJSON RFC 7946 ou CSV",
            content((Object = "application/geo+json"), (String = "text/csv"))),
        ErreursCouverture
    ))]
pub async fn couverture(
    State(etat): State<Arc<Etat>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ErreurApi> {
    let (demande, format) = lire(query.as_deref())?;
    let servi = etat.servi()?;
    let requete = demande.valider(servi.instantane.moteur.territoires())?;
    let cle = cache::cle(&[
        b"couverture",
        &servi.version.to_le_bytes(),
        format!("{format:?} {requete:?}").as_bytes(),
    ]);
    let corps = match etat.caches.resultat(&cle) {
        Some(corps) => corps,
        None => {
            let corps = etat
                .bloquant(move || -> Result<Bytes, ErreurApi> {
                    let moteur = &servi.instantane.moteur;
                    let index = servi.couverture();
                    let c = calculer(index, moteur.catalogue(), moteur.territoires(), &requete)?;
                    let mut octets = Vec::new();
                    match format {
                        Format::GeoJson => serde_json::to_writer(&mut octets, &vers_geojson(&c))
                            .map_err(ErreurApi::interne)?,
                        Format::Csv => {
                            ecrire_cellules(&c, &mut octets).map_err(ErreurApi::interne)?
                        }
                        Format::CsvParCommune => {
                            ecrire_communes(&c, &mut octets).map_err(ErreurApi::interne)?
                        }
                    }
                    Ok(Bytes::from(octets))
                })
                .await??;
            etat.caches.garder_resultat(cle, corps.clone());
            corps
        }
    };
    Ok(match format {
        Format::GeoJson => {
            let mut r = reponse_json(corps);
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            );
            r
        }
        Format::Csv | Format::CsvParCommune => {
            let mut r = corps.into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            r.headers_mut().insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"couverture.csv\""),
            );
            r
        }
    })
}
