//! Deliberate defects (`sales: true`): about 2 % of structures and of services get exactly one,
//! drawn among the kinds that apply to the record, so the summary counts can be reconciled with
//! the files.

use chrono::Duration;
use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::options::Salete;
use super::texte::HORAIRES_INVALIDES;
use crate::catalog::brut::{ServiceBrut, StructureBrute};

/// Share of records that get a defect.
pub const TAUX_SALETE: f64 = 0.02;

const THEMATIQUES_INCONNUES: &[&str] = &[
    "mobilite--teleportation",
    "emploi--trouver-un-job",
    "sante",
    "logement-hebergement--logement",
];
const COURRIELS_INVALIDES: &[&str] = &[
    "contact@",
    "accueil.mairie.fr",
    "contact@@asso.fr",
    "contact @asso.fr",
    "secretariat@asso",
];
const URLS_INVALIDES: &[&str] = &[
    "www.asso-exemple.fr",
    "htp//asso.fr",
    "http://",
    "https//inscription",
];
const HORS_FRANCE: &[(f64, f64)] = &[
    (40.7128, -74.006),
    (-33.8688, 151.2093),
    (35.6762, 139.6503),
    (0.0, 0.0),
];

/// Where the defects stand: what they may copy, and the reference date.
#[derive(Debug)]
pub(crate) struct Salisseur {
    actif: bool,
    reference: NaiveDate,
    derniere_structure: Option<String>,
    dernier_service: Option<String>,
    orphelines: u64,
}

impl Salisseur {
    pub(crate) fn new(actif: bool, reference: NaiveDate) -> Salisseur {
        Salisseur {
            actif,
            reference,
            derniere_structure: None,
            dernier_service: None,
            orphelines: 0,
        }
    }

    fn date_future(&self, rng: &mut ChaCha8Rng) -> String {
        let jours: i64 = rng.random_range(1..400);
        (self.reference + Duration::days(jours))
            .format("%Y-%m-%d")
            .to_string()
    }

    /// Maybe damages a structure; remembers its id for later duplicates.
    pub(crate) fn structure(
        &mut self,
        rng: &mut ChaCha8Rng,
        s: &mut StructureBrute,
    ) -> Option<Salete> {
        let precedente = self
            .derniere_structure
            .replace(s.id.clone().unwrap_or_default());
        if !self.actif || !rng.random_bool(TAUX_SALETE) {
            return None;
        }
        let mut sortes: Vec<Salete> = Salete::TOUTES
            .iter()
            .copied()
            .filter(|k| !k.service_seulement())
            .collect();
        if precedente.is_none() {
            sortes.retain(|k| *k != Salete::IdDuplique);
        }
        let sorte = sortes.choose(rng).copied()?;
        match sorte {
            Salete::ChampObligatoireManquant => {
                if rng.random_bool(0.5) {
                    s.nom = None;
                } else {
                    s.date_maj = None;
                }
            }
            Salete::CoordonneesInversees => std::mem::swap(&mut s.latitude, &mut s.longitude),
            Salete::CoordonneesHorsFrance => {
                let (lat, lon) = HORS_FRANCE.choose(rng).copied().unwrap_or((0.0, 0.0));
                s.latitude = Some(lat);
                s.longitude = Some(lon);
            }
            Salete::CodeInseeInconnu => {
                s.code_insee = Some(format!("00{:03}", rng.random_range(0..1000)))
            }
            Salete::IdDuplique => {
                s.id = precedente;
                self.derniere_structure = s.id.clone();
            }
            Salete::HorairesInvalides => {
                s.horaires_accueil = HORAIRES_INVALIDES.choose(rng).map(|h| (*h).to_owned());
            }
            Salete::CourrielInvalide => {
                s.courriel = COURRIELS_INVALIDES.choose(rng).map(|c| (*c).to_owned());
            }
            Salete::UrlInvalide => s.site_web = URLS_INVALIDES.choose(rng).map(|u| (*u).to_owned()),
            Salete::DateFuture => s.date_maj = Some(self.date_future(rng)),
            Salete::ThematiqueInconnue | Salete::StructureInexistante => return None,
        }
        Some(sorte)
    }

    /// Maybe damages a service; remembers its id for later duplicates.
    pub(crate) fn service(&mut self, rng: &mut ChaCha8Rng, s: &mut ServiceBrut) -> Option<Salete> {
        let precedent = self
            .dernier_service
            .replace(s.id.clone().unwrap_or_default());
        if !self.actif || !rng.random_bool(TAUX_SALETE) {
            return None;
        }
        let avec_point = s.latitude.is_some() && s.longitude.is_some();
        let sortes: Vec<Salete> = Salete::TOUTES
            .iter()
            .copied()
            .filter(|k| match k {
                Salete::IdDuplique => precedent.is_some(),
                Salete::CoordonneesInversees | Salete::CoordonneesHorsFrance => avec_point,
                _ => true,
            })
            .collect();
        let sorte = sortes.choose(rng).copied()?;
        match sorte {
            Salete::ChampObligatoireManquant => match rng.random_range(0..3) {
                0 => s.nom = None,
                1 => s.description = None,
                _ => s.date_maj = None,
            },
            Salete::ThematiqueInconnue => {
                let code = THEMATIQUES_INCONNUES
                    .choose(rng)
                    .map(|c| (*c).to_owned())
                    .unwrap_or_default();
                s.thematiques.get_or_insert_with(Vec::new).push(code);
            }
            Salete::CoordonneesInversees => std::mem::swap(&mut s.latitude, &mut s.longitude),
            Salete::CoordonneesHorsFrance => {
                let (lat, lon) = HORS_FRANCE.choose(rng).copied().unwrap_or((0.0, 0.0));
                s.latitude = Some(lat);
                s.longitude = Some(lon);
            }
            Salete::CodeInseeInconnu => {
                s.code_insee = Some(format!("00{:03}", rng.random_range(0..1000)))
            }
            Salete::StructureInexistante => {
                self.orphelines += 1;
                let source = s.source.clone().unwrap_or_default();
                s.structure_id = Some(format!("{source}--inexistante-{}", self.orphelines));
            }
            Salete::IdDuplique => {
                s.id = precedent;
                self.dernier_service = s.id.clone();
            }
            Salete::HorairesInvalides => {
                s.horaires_accueil = HORAIRES_INVALIDES.choose(rng).map(|h| (*h).to_owned());
            }
            Salete::CourrielInvalide => {
                s.courriel = COURRIELS_INVALIDES.choose(rng).map(|c| (*c).to_owned());
            }
            Salete::UrlInvalide => {
                s.lien_mobilisation = URLS_INVALIDES.choose(rng).map(|u| (*u).to_owned());
            }
            Salete::DateFuture => s.date_maj = Some(self.date_future(rng)),
        }
        Some(sorte)
    }
}
