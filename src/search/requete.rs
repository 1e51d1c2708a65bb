//! The rich search request (DESIGN.md §3) as received, and its validation into typed values with
//! errors that name the field and the allowed range.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{BesoinResolu, GenreBesoin, Origine, Profil, resoudre, resoudre_comme};
use crate::referentiel::{
    Code, CodeSet, Frais, ModeAccueil, PersonneMobilisatrice, Public, ReseauPorteur, Thematique,
    TypeService,
};
use crate::territoire::{Point, Territoires};

/// Default radius, in km.
pub const RAYON_DEFAUT_KM: f64 = 20.0;
/// Default radius when the person has no usable vehicle or licence.
pub const RAYON_REDUIT_KM: f64 = 10.0;
/// Largest radius accepted.
pub const RAYON_MAX_KM: f64 = 200.0;
/// Default and largest page size.
pub const LIMITE_DEFAUT: u16 = 20;
/// Largest page size accepted.
pub const LIMITE_MAX: u16 = 100;
/// Longest free text accepted, in characters.
pub const TEXTE_MAX: usize = 200;
/// Most needs in one request.
pub const BESOINS_MAX: usize = 20;

/// Where the person is: a commune code, a point (with an optional commune), or a postal code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LieuDemande {
    /// INSEE commune code.
    pub code_commune: Option<String>,
    /// Latitude (with `lon`).
    pub lat: Option<f64>,
    /// Longitude (with `lat`).
    pub lon: Option<f64>,
    /// Postal code.
    pub code_postal: Option<String>,
}

impl LieuDemande {
    /// Whether no field is given.
    pub fn est_vide(&self) -> bool {
        self.code_commune.is_none()
            && self.lat.is_none()
            && self.lon.is_none()
            && self.code_postal.is_none()
    }
}

/// One need with its priority (1 urgent … 3 secondary, default 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BesoinDemande {
    /// Need, group, thematique or category code.
    pub code: String,
    /// Priority 1–3.
    pub priorite: Option<u8>,
    /// The kind of code, when the caller means one (`mobilite` is both a group of diagnostic
    /// needs and a data·inclusion category); absent, each kind is tried in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<GenreBesoin>,
}

/// Explicit filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FiltresDemandes {
    /// Thematiques or categories (a category expands to its thematiques).
    #[serde(default)]
    pub thematiques: Vec<String>,
    /// Publics.
    #[serde(default)]
    pub publics: Vec<String>,
    /// Types de services.
    #[serde(default)]
    pub types: Vec<String>,
    /// Frais.
    #[serde(default)]
    pub frais: Vec<String>,
    /// Modes d'accueil.
    #[serde(default)]
    pub modes_accueil: Vec<String>,
    /// Réseaux porteurs.
    #[serde(default)]
    pub reseaux_porteurs: Vec<String>,
    /// Personnes mobilisatrices.
    #[serde(default)]
    pub mobilisable_par: Vec<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Minimum quality score, 0–1.
    pub score_qualite_minimum: Option<f64>,
    /// Open at this time (RFC 3339).
    pub ouvert_le: Option<String>,
}

/// Sort order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// By score (default).
    #[default]
    Pertinence,
    /// By distance, remote last.
    Distance,
    /// The offers the person can mobilise herself (`mobilisable_par` has `usagers`) first, then by
    /// score: the order of the beneficiary mode.
    ParSoiMeme,
}

/// The request as received.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequeteDemandee {
    /// Place.
    pub lieu: Option<LieuDemande>,
    /// Radius in km.
    pub rayon_km: Option<f64>,
    /// Needs.
    #[serde(default)]
    pub besoins: Vec<BesoinDemande>,
    /// Profile.
    pub profil: Option<Profil>,
    /// Free text.
    pub texte: Option<String>,
    /// Filters.
    #[serde(default)]
    pub filtres: FiltresDemandes,
    /// Sort.
    #[serde(default)]
    pub tri: Tri,
    /// Page size.
    pub limite: Option<u16>,
    /// Opaque cursor of the previous page.
    pub curseur: Option<String>,
}

/// Typed filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filtres {
    /// Thematiques (empty: any).
    pub thematiques: CodeSet<Thematique>,
    /// Publics (empty: any).
    pub publics: CodeSet<Public>,
    /// Types (empty: any).
    pub types: CodeSet<TypeService>,
    /// Frais (empty: any).
    pub frais: CodeSet<Frais>,
    /// Modes d'accueil (empty: any).
    pub modes_accueil: CodeSet<ModeAccueil>,
    /// Réseaux porteurs (empty: any).
    pub reseaux_porteurs: CodeSet<ReseauPorteur>,
    /// Personnes mobilisatrices (empty: any).
    pub mobilisable_par: CodeSet<PersonneMobilisatrice>,
    /// Sources (empty: any).
    pub sources: Vec<String>,
    /// Minimum quality.
    pub score_qualite_minimum: Option<f64>,
    /// Open at.
    pub ouvert_le: Option<DateTime<FixedOffset>>,
}

/// A validated request.
#[derive(Debug, Clone, PartialEq)]
pub struct Requete {
    /// Where from; `None` for a text-only search (no distance, no zone check).
    pub origine: Option<Origine>,
    /// Radius in km.
    pub rayon_km: f64,
    /// Needs, resolved.
    pub besoins: Vec<BesoinResolu>,
    /// Profile.
    pub profil: Option<Profil>,
    /// Free text (trimmed, non-empty).
    pub texte: Option<String>,
    /// Filters.
    pub filtres: Filtres,
    /// Sort.
    pub tri: Tri,
    /// Page size.
    pub limite: u16,
    /// Cursor.
    pub curseur: Option<String>,
}

impl Filtres {
    /// Whether a filter other than thematiques and `ouvert_le` is set (those need the service).
    pub fn a_des_filtres_de_service(&self) -> bool {
        !(self.publics.is_empty()
            && self.types.is_empty()
            && self.frais.is_empty()
            && self.modes_accueil.is_empty()
            && self.reseaux_porteurs.is_empty()
            && self.mobilisable_par.is_empty()
            && self.sources.is_empty()
            && self.score_qualite_minimum.is_none())
    }
}

/// A request field that is not acceptable: the field, and what is allowed.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{champ} : {detail}")]
pub struct RequeteError {
    /// The field (`lieu.code_commune`, `rayon_km`, `filtres.thematiques`…).
    pub champ: String,
    /// What is wrong and what is allowed, in French.
    pub detail: String,
}

fn erreur(champ: impl Into<String>, detail: impl Into<String>) -> RequeteError {
    RequeteError {
        champ: champ.into(),
        detail: detail.into(),
    }
}

fn codes<T: Code>(champ: &str, valeurs: &[String]) -> Result<CodeSet<T>, RequeteError> {
    valeurs
        .iter()
        .map(|v| {
            T::parse(v).ok_or_else(|| {
                erreur(
                    format!("filtres.{champ}"),
                    format!(
                        "code inconnu « {} » (voir /api/v1/referentiels/{})",
                        court(v),
                        T::liste().nom()
                    ),
                )
            })
        })
        .collect()
}

fn court(s: &str) -> String {
    s.chars().take(60).collect()
}

fn origine(lieu: &LieuDemande, territoires: &Territoires) -> Result<Origine, RequeteError> {
    let commune_de_code = |code: &str| {
        territoires.commune(code).ok_or_else(|| {
            erreur(
                "lieu.code_commune",
                format!("commune inconnue « {} »", court(code)),
            )
        })
    };
    let point_de = |c: &crate::territoire::Commune| {
        c.point
            .or_else(|| c.parent.and_then(|p| territoires.commune_par_id(p).point))
            .ok_or_else(|| {
                erreur(
                    "lieu",
                    format!(
                        "la commune {} n'a pas de point connu : donner lat et lon",
                        c.code
                    ),
                )
            })
    };
    match (lieu.lat, lieu.lon) {
        (Some(lat), Some(lon)) => {
            let p = Point::new(lat, lon);
            if !p.is_valid() {
                return Err(erreur(
                    "lieu",
                    "lat doit être entre -90 et 90, lon entre -180 et 180",
                ));
            }
            let commune = match &lieu.code_commune {
                Some(code) => commune_de_code(code)?.id,
                None => territoires
                    .commune_la_plus_proche(p)
                    .map(|(c, _)| c.id)
                    .ok_or_else(|| erreur("lieu", "aucune commune connue près de ce point"))?,
            };
            Ok(Origine { point: p, commune })
        }
        (Some(_), None) | (None, Some(_)) => Err(erreur("lieu", "lat et lon vont ensemble")),
        (None, None) => {
            if let Some(code) = &lieu.code_commune {
                let c = commune_de_code(code)?;
                return Ok(Origine {
                    point: point_de(c)?,
                    commune: c.id,
                });
            }
            if let Some(cp) = &lieu.code_postal {
                let c = territoires
                    .communes_par_code_postal(cp)
                    .into_iter()
                    .next()
                    .ok_or_else(|| {
                        erreur(
                            "lieu.code_postal",
                            format!("code postal inconnu « {} »", court(cp)),
                        )
                    })?;
                return Ok(Origine {
                    point: point_de(c)?,
                    commune: c.id,
                });
            }
            Err(erreur(
                "lieu",
                "donner code_commune, lat et lon, ou code_postal",
            ))
        }
    }
}

impl RequeteDemandee {
    /// Validates the request against the referentials and territories.
    pub fn valider(&self, territoires: &Territoires) -> Result<Requete, RequeteError> {
        let profil = self.profil.clone().filter(|p| !p.est_vide());
        let sans_moyen = profil
            .as_ref()
            .is_some_and(|p| p.vehicule == Some(false) || p.permis_b == Some(false));
        let rayon_km = match self.rayon_km {
            None if sans_moyen => RAYON_REDUIT_KM,
            None => RAYON_DEFAUT_KM,
            Some(r) if r.is_finite() && (0.0..=RAYON_MAX_KM).contains(&r) => r,
            Some(r) => {
                return Err(erreur(
                    "rayon_km",
                    format!("{r} hors de l'intervalle 0 à {RAYON_MAX_KM}"),
                ));
            }
        };
        if self.besoins.len() > BESOINS_MAX {
            return Err(erreur(
                "besoins",
                format!("{} besoins, au plus {BESOINS_MAX}", self.besoins.len()),
            ));
        }
        let besoins = self
            .besoins
            .iter()
            .enumerate()
            .map(|(i, b)| {
                resoudre_comme(&b.code, b.priorite.unwrap_or(2), b.genre)
                    .map_err(|e| erreur(format!("besoins[{i}]"), e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let texte = self
            .texte
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if let Some(t) = &texte {
            let n = t.chars().count();
            if n > TEXTE_MAX {
                return Err(erreur(
                    "texte",
                    format!("{n} caractères, au plus {TEXTE_MAX}"),
                ));
            }
        }
        // A place, or a text alone (then no distance, no zone check: the offers matching the text
        // anywhere).
        let origine = match &self.lieu {
            Some(lieu) if !lieu.est_vide() => Some(origine(lieu, territoires)?),
            _ if texte.is_some() => None,
            _ => {
                return Err(erreur(
                    "lieu",
                    "obligatoire sans texte : donner code_commune, lat et lon, ou code_postal",
                ));
            }
        };
        let limite = match self.limite {
            None => LIMITE_DEFAUT,
            Some(l) if (1..=LIMITE_MAX).contains(&l) => l,
            Some(l) => {
                return Err(erreur(
                    "limite",
                    format!("{l} hors de l'intervalle 1 à {LIMITE_MAX}"),
                ));
            }
        };
        let f = &self.filtres;
        let mut thematiques = CodeSet::new();
        for (i, code) in f.thematiques.iter().enumerate() {
            let r = resoudre(code, 2).map_err(|_| {
                erreur(
                    format!("filtres.thematiques[{i}]"),
                    format!("thématique ou catégorie inconnue « {} »", court(code)),
                )
            })?;
            thematiques = thematiques.union(&r.thematiques);
        }
        let score_qualite_minimum = match f.score_qualite_minimum {
            Some(s) if !(0.0..=1.0).contains(&s) => {
                return Err(erreur(
                    "filtres.score_qualite_minimum",
                    format!("{s} hors de l'intervalle 0 à 1"),
                ));
            }
            s => s,
        };
        let ouvert_le = f
            .ouvert_le
            .as_deref()
            .map(|t| {
                DateTime::parse_from_rfc3339(t).map_err(|_| {
                    erreur(
                        "filtres.ouvert_le",
                        format!(
                            "« {} » n'est pas une date RFC 3339 (ex. 2026-12-01T10:00:00+01:00)",
                            court(t)
                        ),
                    )
                })
            })
            .transpose()?;
        let filtres = Filtres {
            thematiques,
            publics: codes("publics", &f.publics)?,
            types: codes("types", &f.types)?,
            frais: codes("frais", &f.frais)?,
            modes_accueil: codes("modes_accueil", &f.modes_accueil)?,
            reseaux_porteurs: codes("reseaux_porteurs", &f.reseaux_porteurs)?,
            mobilisable_par: codes("mobilisable_par", &f.mobilisable_par)?,
            sources: f.sources.clone(),
            score_qualite_minimum,
            ouvert_le,
        };
        Ok(Requete {
            origine,
            rayon_km,
            besoins,
            profil,
            texte,
            filtres,
            tri: self.tri,
            limite,
            curseur: self.curseur.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valider(json: serde_json::Value) -> Result<Requete, RequeteError> {
        let demande: RequeteDemandee = serde_json::from_value(json).expect("shape");
        demande.valider(Territoires::embarques())
    }

    #[test]
    fn design_example_validates() {
        let r = valider(serde_json::json!({
            "lieu": {"code_commune": "59512"}, "rayon_km": 15,
            "besoins": [{"code": "mobilite--acceder-a-un-vehicule", "priorite": 1}, {"code": "trouver-un-emploi", "priorite": 2}],
            "profil": {"age": 34, "rqth": true, "rsa": true, "vehicule": false},
            "texte": "garage", "filtres": {"ouvert_le": "2026-12-01T10:00:00+01:00"}, "limite": 20
        }))
        .expect("valid");
        assert_eq!(r.rayon_km, 15.0);
        assert_eq!(r.besoins.len(), 2);
        assert_eq!(r.besoins[0].poids, 3.0);
        assert!(r.filtres.ouvert_le.is_some());
        assert_eq!(
            Territoires::embarques()
                .commune_par_id(r.origine.expect("place").commune)
                .code
                .as_str(),
            "59512"
        );
    }

    #[test]
    fn defaults_and_reduced_radius() {
        let r = valider(serde_json::json!({"lieu": {"code_postal": "35000"}})).expect("valid");
        assert_eq!((r.rayon_km, r.limite), (RAYON_DEFAUT_KM, LIMITE_DEFAUT));
        let r = valider(
            serde_json::json!({"lieu": {"code_commune": "59512"}, "profil": {"vehicule": false}}),
        )
        .expect("valid");
        assert_eq!(r.rayon_km, RAYON_REDUIT_KM);
        // A point alone finds its commune; a Paris arrondissement borrows its commune's point.
        let r =
            valider(serde_json::json!({"lieu": {"lat": 50.6942, "lon": 3.1746}})).expect("valid");
        assert_eq!(
            Territoires::embarques()
                .commune_par_id(r.origine.expect("place").commune)
                .code
                .as_str(),
            "59512"
        );
        assert!(valider(serde_json::json!({"lieu": {"code_commune": "75112"}})).is_ok());
    }

    #[test]
    fn every_bad_field_is_named() {
        let cas = [
            (serde_json::json!({}), "lieu"),
            (
                serde_json::json!({"lieu": {"code_commune": "99999"}}),
                "lieu.code_commune",
            ),
            (
                serde_json::json!({"lieu": {"lat": 95.0, "lon": 2.0}}),
                "lieu",
            ),
            (serde_json::json!({"lieu": {"lat": 45.0}}), "lieu"),
            (
                serde_json::json!({"lieu": {"code_postal": "00000"}}),
                "lieu.code_postal",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "rayon_km": 250}),
                "rayon_km",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "limite": 101}),
                "limite",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "limite": 0}),
                "limite",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "texte": "x".repeat(201)}),
                "texte",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "besoins": [{"code": "vol"}]}),
                "besoins[0]",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "besoins": [{"code": "mobilite", "priorite": 0}]}),
                "besoins[0]",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "filtres": {"publics": ["martiens"]}}),
                "filtres.publics",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "filtres": {"thematiques": ["x"]}}),
                "filtres.thematiques[0]",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "filtres": {"score_qualite_minimum": 2}}),
                "filtres.score_qualite_minimum",
            ),
            (
                serde_json::json!({"lieu": {"code_commune": "59512"}, "filtres": {"ouvert_le": "demain"}}),
                "filtres.ouvert_le",
            ),
        ];
        for (json, champ) in cas {
            let e = valider(json.clone()).expect_err(&json.to_string());
            assert_eq!(e.champ, champ, "{json}: {e}");
        }
        assert!(
            serde_json::from_value::<RequeteDemandee>(serde_json::json!({"inconnu": 1})).is_err()
        );
    }
}
