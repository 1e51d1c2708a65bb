//! The JSON shape of a search answer (DESIGN.md §4 "rich search"), shared by `maillage search
//! --json` and `POST /api/v1/recherche`: each result with its service in data·inclusion fields, its
//! structure, and the explanation in French a referent can read out.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::fragments::Fragment;
use super::{
    Composantes, ConfianceZone, Eligibilite, Facettes, Mode, Moteur, Ouverture, RaisonExclusion,
    Reponse, Resultat,
};
use crate::catalog::model::{Catalogue, Service, Structure};
use crate::referentiel::Code;

/// A service with a summary of its structure.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ServiceExpose<'a> {
    /// The service, in data·inclusion fields (plus the normalised ones).
    #[serde(flatten)]
    pub service: &'a Service,
    /// Its structure.
    pub structure: StructureResumee<'a>,
}

/// The fields of a structure shown with each of its services.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StructureResumee<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub nom: &'a str,
    /// Phone.
    pub telephone: Option<&'a str>,
    /// E-mail.
    pub courriel: Option<&'a str>,
    /// Web site.
    pub site_web: Option<&'a str>,
    /// Commune.
    pub commune: Option<&'a str>,
}

impl<'a> ServiceExpose<'a> {
    /// `service` of `catalogue` with its structure.
    pub fn de(catalogue: &'a Catalogue, service: &'a Service) -> Self {
        let s: &'a Structure = catalogue.structure(service);
        ServiceExpose {
            service,
            structure: StructureResumee {
                id: &s.id,
                nom: &s.nom,
                telephone: s.telephone.as_deref(),
                courriel: s.courriel.as_deref(),
                site_web: s.site_web.as_deref(),
                commune: s.adresse.commune.as_deref(),
            },
        }
    }
}

/// A result's service: its exposed form, written as the JSON the engine keeps for it (the same
/// bytes, see [`super::fragments`]).
#[derive(Debug, Clone)]
pub struct ServiceEnJson<'a> {
    /// The service with its structure.
    pub expose: ServiceExpose<'a>,
    fragment: Arc<Fragment>,
}

impl<'a> ServiceEnJson<'a> {
    /// Service `i` of `moteur`'s catalogue, with its kept JSON.
    pub fn de(moteur: &'a Moteur<'_>, i: u32) -> Self {
        let catalogue = moteur.catalogue();
        ServiceEnJson {
            expose: ServiceExpose::de(catalogue, &catalogue.services[i as usize]),
            fragment: moteur.fragment(i),
        }
    }
}

impl Serialize for ServiceEnJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.fragment.service {
            Some(json) => json.serialize(s),
            None => self.expose.serialize(s),
        }
    }
}

/// Why a result is where it is, in words and figures.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Explication {
    /// Requested needs it covers.
    pub besoins_couverts: Vec<String>,
    /// Requested needs it does not cover.
    pub besoins_non_couverts: Vec<String>,
    /// Eligibility status and reasons.
    pub eligibilite: Eligibilite,
    /// Distance, in words.
    pub distance: String,
    /// Opening, in words.
    pub ouverture: String,
    /// Opening, as data.
    pub ouverture_etat: Ouverture,
    /// Whether the zone lists her commune or is unknown.
    pub zone: ConfianceZone,
    /// How to mobilise the offer, in words (modes, contacts, who may mobilise it).
    pub mobilisation: Vec<String>,
    /// The score's terms.
    pub composantes: Composantes,
}

/// One result.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ResultatExpose<'a> {
    /// The service.
    #[schema(value_type = ServiceExpose)]
    pub service: ServiceEnJson<'a>,
    /// Great-circle distance, on site (km, one decimal); null when remote.
    pub distance_km: Option<f64>,
    /// Lane.
    pub mode: Mode,
    /// Score, 0–1 (three decimals).
    pub score: f64,
    /// Explanation.
    pub explication: Explication,
}

/// One step of the parcours.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EtapeExposee<'a> {
    /// The need's code.
    pub besoin: String,
    /// The proposed service (id and name).
    pub service: ServiceCourt<'a>,
}

/// Id and name of a service.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ServiceCourt<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub nom: &'a str,
    /// Its structure's name.
    pub structure: &'a str,
}

/// The whole answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReponseExposee<'a> {
    /// This page.
    pub resultats: Vec<ResultatExpose<'a>>,
    /// Results over all pages.
    pub total: usize,
    /// Cursor of the next page.
    pub curseur_suivant: Option<String>,
    /// Offers covering every need some result covers.
    pub parcours: Vec<EtapeExposee<'a>>,
    /// Needs no result covers.
    pub besoins_sans_offre: Vec<String>,
    /// Counts over every result.
    pub facettes: Facettes,
    /// Offers left out, by reason.
    pub exclus: BTreeMap<RaisonExclusion, usize>,
    /// Copies of offers published by several sources, shown once.
    pub doublons_regroupes: usize,
}

fn arrondi(x: f64, decimales: i32) -> f64 {
    let f = 10f64.powi(decimales);
    (x * f).round() / f
}

/// The distance in words.
pub fn distance_en_mots(mode: Mode, distance_km: Option<f64>) -> String {
    match (mode, distance_km) {
        (Mode::ADistance, _) => "à distance (téléphone, visio ou en ligne)".to_owned(),
        (Mode::SurPlace, None) => "sur place, distance inconnue (aucun lieu donné)".to_owned(),
        (Mode::SurPlace, Some(d)) if d < 1.0 => "à moins d'un kilomètre".to_owned(),
        (Mode::SurPlace, Some(d)) => format!("à {} km", format!("{d:.1}").replace('.', ",")),
    }
}

/// The opening in words.
pub fn ouverture_en_mots(o: Ouverture) -> String {
    const JOURS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    match o {
        Ouverture::Ouvert => "ouvert".to_owned(),
        Ouverture::OuvreBientot(t) => ouvre_le(t, &JOURS),
        Ouverture::Ferme => "fermé dans les 48 heures".to_owned(),
        Ouverture::Inconnue => "horaires non renseignés".to_owned(),
    }
}

fn ouvre_le(t: NaiveDateTime, jours: &[&str; 7]) -> String {
    use chrono::Datelike;
    format!(
        "ouvre {} {} à {}",
        jours[t.weekday().num_days_from_monday() as usize],
        t.format("%d/%m"),
        t.format("%Hh%M")
    )
}

/// How to mobilise `service`, in words.
pub fn mobilisation(catalogue: &Catalogue, service: &Service) -> Vec<String> {
    let mut lignes = Vec::new();
    let modes: Vec<&str> = service
        .modes_mobilisation
        .iter()
        .map(|m| m.libelle())
        .collect();
    if !modes.is_empty() {
        lignes.push(format!("comment : {}", modes.join(", ")));
    }
    let structure = catalogue.structure(service);
    if let Some(t) = service
        .telephone
        .as_deref()
        .or(structure.telephone.as_deref())
    {
        lignes.push(format!("téléphone : {t}"));
    }
    if let Some(c) = service
        .courriel
        .as_deref()
        .or(structure.courriel.as_deref())
    {
        lignes.push(format!("courriel : {c}"));
    }
    if let Some(l) = &service.lien_mobilisation {
        lignes.push(format!("en ligne : {l}"));
    }
    let qui: Vec<&str> = service
        .mobilisable_par
        .iter()
        .map(|m| m.libelle())
        .collect();
    if !qui.is_empty() {
        lignes.push(format!("mobilisable par : {}", qui.join(", ")));
    }
    if let Some(p) = &service.mobilisation_precisions {
        lignes.push(p.clone());
    }
    lignes
}

fn resultat<'a>(moteur: &'a Moteur<'_>, r: &Resultat) -> ResultatExpose<'a> {
    let service_en_json = ServiceEnJson::de(moteur, r.service);
    let mobilisation = service_en_json.fragment.mobilisation.clone();
    ResultatExpose {
        service: service_en_json,
        distance_km: r.distance_km.map(|d| arrondi(d, 1)),
        mode: r.mode,
        score: arrondi(r.score, 3),
        explication: Explication {
            besoins_couverts: r.besoins_couverts.clone(),
            besoins_non_couverts: r.besoins_non_couverts.clone(),
            eligibilite: r.eligibilite.clone(),
            distance: distance_en_mots(r.mode, r.distance_km),
            ouverture: ouverture_en_mots(r.ouverture),
            ouverture_etat: r.ouverture,
            zone: r.zone,
            mobilisation,
            composantes: Composantes {
                besoins: arrondi(r.composantes.besoins, 3),
                proximite: arrondi(r.composantes.proximite, 3),
                texte: arrondi(r.composantes.texte, 3),
                qualite: arrondi(r.composantes.qualite, 3),
                ouverture: arrondi(r.composantes.ouverture, 3),
            },
        },
    }
}

impl<'a> ReponseExposee<'a> {
    /// The exposed form of `reponse`, computed by `moteur`.
    pub fn de(moteur: &'a Moteur<'_>, reponse: Reponse) -> Self {
        let catalogue = moteur.catalogue();
        ReponseExposee {
            resultats: reponse
                .resultats
                .iter()
                .map(|r| resultat(moteur, r))
                .collect(),
            total: reponse.total,
            curseur_suivant: reponse.curseur_suivant,
            parcours: reponse
                .parcours
                .into_iter()
                .map(|e| {
                    let s = &catalogue.services[e.service as usize];
                    EtapeExposee {
                        besoin: e.besoin,
                        service: ServiceCourt {
                            id: &s.id,
                            nom: &s.nom,
                            structure: &catalogue.structure(s).nom,
                        },
                    }
                })
                .collect(),
            besoins_sans_offre: reponse.besoins_sans_offre,
            facettes: reponse.facettes,
            exclus: reponse.exclus,
            doublons_regroupes: reponse.doublons_regroupes,
        }
    }
}
