//! Field-level checks of one raw record, collecting findings; the record-level decision (accept or
//! reject) is taken by the caller from the findings' gravity.

use chrono::NaiveDate;

use super::rapport::{Gravite, Motif};
use crate::catalog::model::{Adresse, Horaires};
use crate::referentiel::{Code, CodeSet};
use crate::territoire::{CodeCommune, CodePostal, Point, Territoires, Zone};

/// A finding on one field of the record being checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Probleme {
    /// The field.
    pub champ: &'static str,
    /// Why.
    pub motif: Motif,
    /// Rejected or warned.
    pub gravite: Gravite,
    /// In French.
    pub detail: String,
}

/// Checks the fields of one record against the referentials and territories.
pub struct Verificateur<'a> {
    /// Territories for INSEE and zone codes.
    pub territoires: &'a Territoires,
    /// Dates after this are in the future.
    pub aujourdhui: NaiveDate,
    /// Findings on the current record.
    pub problemes: Vec<Probleme>,
}

fn vide(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|t| t.trim().is_empty())
}

impl<'a> Verificateur<'a> {
    /// A checker with no findings yet.
    pub fn new(territoires: &'a Territoires, aujourdhui: NaiveDate) -> Self {
        Verificateur {
            territoires,
            aujourdhui,
            problemes: Vec::new(),
        }
    }

    fn signaler(&mut self, champ: &'static str, motif: Motif, gravite: Gravite, detail: String) {
        self.problemes.push(Probleme {
            champ,
            motif,
            gravite,
            detail,
        });
    }

    /// Whether a finding so far rejects the record.
    pub fn rejete(&self) -> bool {
        self.problemes.iter().any(|p| p.gravite == Gravite::Rejet)
    }

    /// A required text field; `None` (and a rejection) when missing.
    pub fn obligatoire(&mut self, champ: &'static str, valeur: Option<String>) -> Option<String> {
        if vide(&valeur) {
            self.signaler(
                champ,
                Motif::ChampObligatoireManquant,
                Gravite::Rejet,
                format!("champ obligatoire « {champ} » manquant ou vide"),
            );
            return None;
        }
        valeur.map(|v| v.trim().to_owned())
    }

    /// A required text whose length in characters must lie in `min..=max`.
    pub fn texte_borne(
        &mut self,
        champ: &'static str,
        valeur: Option<String>,
        min: usize,
        max: usize,
    ) -> Option<String> {
        let v = self.obligatoire(champ, valeur)?;
        let n = v.chars().count();
        if n < min || n > max {
            self.signaler(
                champ,
                Motif::ValeurInvalide,
                Gravite::Rejet,
                format!("« {champ} » fait {n} caractères, attendu entre {min} et {max}"),
            );
            return None;
        }
        Some(v)
    }

    /// An optional free text: trimmed, empty is absent.
    pub fn optionnel(valeur: Option<String>) -> Option<String> {
        valeur
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// `date_maj`: required, `YYYY-MM-DD` (a time part is ignored), from 2000 to today.
    pub fn date_maj(&mut self, valeur: Option<String>) -> Option<NaiveDate> {
        let texte = self.obligatoire("date_maj", valeur)?;
        let jour = texte.get(..10).unwrap_or(&texte);
        let Ok(date) = NaiveDate::parse_from_str(jour, "%Y-%m-%d") else {
            self.signaler(
                "date_maj",
                Motif::ValeurInvalide,
                Gravite::Rejet,
                format!(
                    "date « {} » illisible, attendu AAAA-MM-JJ",
                    tronquer(&texte)
                ),
            );
            return None;
        };
        let debut = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        if date < debut || date > self.aujourdhui {
            self.signaler(
                "date_maj",
                Motif::ValeurInvalide,
                Gravite::Rejet,
                format!(
                    "date {date} hors de l'intervalle 2000-01-01 … {}",
                    self.aujourdhui
                ),
            );
            return None;
        }
        Some(date)
    }

    /// A list of referential codes: unknown ones dropped with a warning.
    pub fn codes<T: Code>(
        &mut self,
        champ: &'static str,
        valeurs: Option<Vec<String>>,
    ) -> CodeSet<T> {
        let mut set = CodeSet::new();
        for v in valeurs.unwrap_or_default() {
            match T::parse(v.trim()) {
                Some(c) => {
                    set.insert(c);
                }
                None => self.signaler(
                    champ,
                    Motif::CodeInconnu,
                    Gravite::Avertissement,
                    format!("code inconnu « {} » retiré de « {champ} »", tronquer(&v)),
                ),
            }
        }
        set
    }

    /// One referential code: unknown dropped with a warning.
    pub fn code<T: Code>(&mut self, champ: &'static str, valeur: Option<String>) -> Option<T> {
        let v = Self::optionnel(valeur)?;
        let code = T::parse(&v);
        if code.is_none() {
            self.signaler(
                champ,
                Motif::CodeInconnu,
                Gravite::Avertissement,
                format!("code inconnu « {} » retiré de « {champ} »", tronquer(&v)),
            );
        }
        code
    }

    /// An e-mail: kept when it looks like `local@domaine.tld`, else dropped with a warning.
    pub fn courriel(&mut self, valeur: Option<String>) -> Option<String> {
        let v = Self::optionnel(valeur)?;
        let ok = match v.split_once('@') {
            Some((local, domaine)) => {
                !local.is_empty()
                    && domaine.contains('.')
                    && !domaine.starts_with('.')
                    && !domaine.ends_with('.')
                    && !domaine.contains('@')
                    && !v.contains(char::is_whitespace)
            }
            None => false,
        };
        if ok {
            return Some(v);
        }
        self.signaler(
            "courriel",
            Motif::CourrielInvalide,
            Gravite::Avertissement,
            format!("courriel « {} » invalide, retiré", tronquer(&v)),
        );
        None
    }

    /// An http(s) URL: kept when it parses, else dropped with a warning.
    pub fn url(&mut self, champ: &'static str, valeur: Option<String>) -> Option<String> {
        let v = Self::optionnel(valeur)?;
        match url::Url::parse(&v) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Some(v),
            _ => {
                self.signaler(
                    champ,
                    Motif::UrlInvalide,
                    Gravite::Avertissement,
                    format!(
                        "URL « {} » invalide dans « {champ} », retirée",
                        tronquer(&v)
                    ),
                );
                None
            }
        }
    }

    /// Opening hours: kept as text; flagged when they do not parse.
    pub fn horaires(&mut self, valeur: Option<String>) -> Option<Horaires> {
        let texte = Self::optionnel(valeur)?;
        let valides = texte.parse::<opening_hours::OpeningHours>().is_ok();
        if !valides {
            self.signaler(
                "horaires_accueil",
                Motif::HorairesInvalides,
                Gravite::Avertissement,
                format!(
                    "horaires « {} » illisibles (syntaxe OSM opening_hours), gardés en texte",
                    tronquer(&texte)
                ),
            );
        }
        Some(Horaires { texte, valides })
    }

    /// SIRET: 14 digits, else dropped with a warning.
    pub fn siret(&mut self, valeur: Option<String>) -> Option<String> {
        let v = Self::optionnel(valeur)?.replace(' ', "");
        if v.len() == 14 && v.bytes().all(|b| b.is_ascii_digit()) {
            return Some(v);
        }
        self.signaler(
            "siret",
            Motif::ValeurInvalide,
            Gravite::Avertissement,
            format!(
                "SIRET « {} » invalide (14 chiffres attendus), retiré",
                tronquer(&v)
            ),
        );
        None
    }

    /// Address fields: postal code shape and INSEE code existence checked.
    pub fn adresse(
        &mut self,
        adresse: Option<String>,
        complement: Option<String>,
        code_postal: Option<String>,
        code_insee: Option<String>,
        commune: Option<String>,
    ) -> Adresse {
        let code_postal =
            Self::optionnel(code_postal).and_then(|cp| match CodePostal::parse(&cp) {
                Ok(c) => Some(c),
                Err(e) => {
                    self.signaler(
                        "code_postal",
                        Motif::ValeurInvalide,
                        Gravite::Avertissement,
                        e.to_string(),
                    );
                    None
                }
            });
        let code_insee =
            Self::optionnel(code_insee).and_then(|code| match self.territoires.commune(&code) {
                Some(c) => Some(c.code),
                None => {
                    let detail = match CodeCommune::parse(&code) {
                        Ok(_) => format!("code INSEE « {code} » : aucune commune connue, retiré"),
                        Err(e) => format!("{e}, retiré"),
                    };
                    self.signaler(
                        "code_insee",
                        Motif::CodeInseeInconnu,
                        Gravite::Avertissement,
                        detail,
                    );
                    None
                }
            });
        Adresse {
            adresse: Self::optionnel(adresse),
            complement_adresse: Self::optionnel(complement),
            code_postal,
            code_insee,
            commune: Self::optionnel(commune),
        }
    }

    /// Coordinates: both or none; inside France (overseas included); swapped ones corrected.
    pub fn point(&mut self, latitude: Option<f64>, longitude: Option<f64>) -> Option<Point> {
        match (latitude, longitude) {
            (None, None) => None,
            (Some(lat), Some(lon)) => {
                let p = Point::new(lat, lon);
                if p.is_valid() && Territoires::dans_emprise_france(p) {
                    return Some(p);
                }
                let inverse = Point::new(lon, lat);
                if inverse.is_valid() && Territoires::dans_emprise_france(inverse) {
                    self.signaler(
                        "latitude",
                        Motif::CoordonneesInversees,
                        Gravite::Avertissement,
                        format!("latitude {lat} et longitude {lon} inversées, corrigées"),
                    );
                    return Some(inverse);
                }
                self.signaler(
                    "latitude",
                    Motif::CoordonneesInvalides,
                    Gravite::Avertissement,
                    format!("coordonnées ({lat}, {lon}) hors de France, retirées"),
                );
                None
            }
            _ => {
                self.signaler(
                    "latitude",
                    Motif::CoordonneesInvalides,
                    Gravite::Avertissement,
                    "latitude sans longitude (ou l'inverse), retirée".into(),
                );
                None
            }
        }
    }

    /// Zone codes: unknown codes dropped with a warning; `None` when none is left (unknown zone).
    pub fn zone(&mut self, valeurs: Option<Vec<String>>) -> (Option<Vec<String>>, Vec<Zone>) {
        let mut codes = Vec::new();
        let mut zones = Vec::new();
        for v in valeurs.unwrap_or_default() {
            let v = v.trim().to_owned();
            match self.territoires.zone_eligibilite(&v) {
                Ok(z) => {
                    if !zones.contains(&z) {
                        zones.push(z);
                        codes.push(v);
                    }
                }
                Err(e) => self.signaler(
                    "zone_eligibilite",
                    Motif::ZoneInconnue,
                    Gravite::Avertissement,
                    format!("{e}, retiré de la zone"),
                ),
            }
        }
        ((!codes.is_empty()).then_some(codes), zones)
    }
}

/// At most 60 characters of a value, for messages.
pub fn tronquer(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
