//! data·inclusion's quality score: the mean of the applicable criteria among ten, each in [0, 1],
//! rounded to two decimals (as the `data-inclusion-schema` package computes it).

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::model::Service;
use crate::referentiel::{Code, Frais, ModeAccueil, ModeMobilisation};

/// The ten criteria; `None` where a criterion does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Criteres {
    /// Address present when the service is on site or mobilised by walking in.
    pub adresse_bien_definie: Option<f64>,
    /// Mobilisation modes and `mobilisable_par` both filled (0.5 for one).
    pub modes_mobilisation_bien_definis: Option<f64>,
    /// At least one public.
    pub au_moins_un_public: Option<f64>,
    /// At least one thematique.
    pub au_moins_une_thematique: Option<f64>,
    /// E-mail, mobilisation link or phone.
    pub au_moins_un_moyen_de_contact: Option<f64>,
    /// E-mail present when the mode is `envoyer-un-courriel`.
    pub courriel_bien_defini: Option<f64>,
    /// 1 under 6 months, linear to 0 at 2 years (not for agefiph / france-travail).
    pub date_maj_recente: Option<f64>,
    /// Fees defined (paid: with details).
    pub frais_bien_definis: Option<f64>,
    /// Description length (200–2000 characters ideal).
    pub description_bien_definie: Option<f64>,
    /// Phone present when the mode is `telephoner`.
    pub telephone_bien_defini: Option<f64>,
}

impl Criteres {
    fn all(&self) -> [Option<f64>; 10] {
        [
            self.adresse_bien_definie,
            self.modes_mobilisation_bien_definis,
            self.au_moins_un_public,
            self.au_moins_une_thematique,
            self.au_moins_un_moyen_de_contact,
            self.courriel_bien_defini,
            self.date_maj_recente,
            self.frais_bien_definis,
            self.description_bien_definie,
            self.telephone_bien_defini,
        ]
    }

    /// The score: mean of the applicable criteria (each rounded to 2 decimals), rounded to 2.
    pub fn score(&self) -> f64 {
        let applicable: Vec<f64> = self.all().into_iter().flatten().map(arrondi).collect();
        if applicable.is_empty() {
            return 0.0;
        }
        arrondi(applicable.iter().sum::<f64>() / applicable.len() as f64)
    }
}

fn arrondi(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn un_si(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

fn code<T: Code>(c: &str) -> Option<T> {
    T::parse(c)
}

/// Days in 6 months and 2 years, as calendar durations measured from `date_maj`.
fn fraicheur(date_maj: NaiveDate, aujourdhui: NaiveDate) -> f64 {
    let six_mois = date_maj.checked_add_months(chrono::Months::new(6));
    let deux_ans = date_maj.checked_add_months(chrono::Months::new(24));
    let (Some(six_mois), Some(deux_ans)) = (six_mois, deux_ans) else {
        return 0.0;
    };
    if aujourdhui < six_mois {
        1.0
    } else if aujourdhui < deux_ans {
        let total = (deux_ans - six_mois).num_days() as f64;
        let reste = (deux_ans - aujourdhui).num_days() as f64;
        reste / total
    } else {
        0.0
    }
}

/// Computes the ten criteria for `service` as of `aujourdhui`.
pub fn criteres(service: &Service, aujourdhui: NaiveDate) -> Criteres {
    let mode = |c: &str| {
        code::<ModeMobilisation>(c).is_some_and(|m| service.modes_mobilisation.contains(m))
    };
    let sur_place =
        code::<ModeAccueil>("en-presentiel").is_some_and(|m| service.modes_accueil.contains(m));
    let adresse =
        (sur_place || mode("se-presenter")).then(|| un_si(service.adresse.adresse.is_some()));
    let modes = match (
        service.modes_mobilisation.is_empty(),
        service.mobilisable_par.is_empty(),
    ) {
        (true, true) => 0.0,
        (false, false) => 1.0,
        _ => 0.5,
    };
    let date = (!matches!(service.source.as_str(), "agefiph" | "france-travail"))
        .then(|| fraicheur(service.date_maj, aujourdhui));
    let frais = match service.frais {
        None => 0.0,
        Some(f) if Some(f) == code::<Frais>("payant") => {
            if service
                .frais_precisions
                .as_deref()
                .is_some_and(|p| !p.is_empty())
            {
                1.0
            } else {
                0.5
            }
        }
        Some(_) => 1.0,
    };
    let longueur = service.description.chars().count();
    let description = match longueur {
        0..50 => 0.0,
        50..200 => 0.5,
        200..2000 => 1.0,
        _ => 0.5,
    };
    Criteres {
        adresse_bien_definie: adresse,
        modes_mobilisation_bien_definis: Some(modes),
        au_moins_un_public: Some(un_si(!service.publics.is_empty())),
        au_moins_une_thematique: Some(un_si(!service.thematiques.is_empty())),
        au_moins_un_moyen_de_contact: Some(un_si(
            service.courriel.is_some()
                || service.lien_mobilisation.is_some()
                || service.telephone.is_some(),
        )),
        courriel_bien_defini: mode("envoyer-un-courriel")
            .then(|| un_si(service.courriel.is_some())),
        date_maj_recente: date,
        frais_bien_definis: Some(frais),
        description_bien_definie: Some(description),
        telephone_bien_defini: mode("telephoner").then(|| un_si(service.telephone.is_some())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::normalisation::tests::service_minimal;
    use crate::referentiel::{PersonneMobilisatrice, Public, Thematique};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn bare_service_scores_by_hand() {
        // Nothing filled, fresh, 10-char description: applicable criteria are
        // modes (0), public (0), thematique (0), contact (0), date (1), frais (0), description (0)
        // → 1/7 = 0.142… → 0.14.
        let s = service_minimal("a", date("2026-10-01"));
        let c = criteres(&s, date("2026-11-01"));
        assert_eq!(c.adresse_bien_definie, None);
        assert_eq!(c.courriel_bien_defini, None);
        assert_eq!(c.telephone_bien_defini, None);
        assert_eq!(c.date_maj_recente, Some(1.0));
        assert_eq!(c.score(), 0.14);
    }

    #[test]
    fn complete_service_scores_by_hand() {
        let mut s = service_minimal("b", date("2025-11-01"));
        s.description = "x".repeat(250);
        s.thematiques
            .insert(Thematique::parse("mobilite--preparer-un-permis").expect("t"));
        s.publics.insert(Public::parse("jeunes").expect("p"));
        s.frais = Frais::parse("payant");
        s.modes_accueil
            .insert(ModeAccueil::parse("en-presentiel").expect("m"));
        s.modes_mobilisation
            .insert(ModeMobilisation::parse("telephoner").expect("m"));
        s.modes_mobilisation
            .insert(ModeMobilisation::parse("envoyer-un-courriel").expect("m"));
        s.mobilisable_par
            .insert(PersonneMobilisatrice::parse("usagers").expect("p"));
        s.telephone = Some("0320000000".into());
        // adresse 0 (on site, no address), modes 1, public 1, thematique 1, contact 1,
        // courriel 0, date: 12 months old → (24-12)/(24-6) months in days = 365/549 = 0.66…→0.66,
        // frais 0.5 (payant without details), description 1, telephone 1.
        let c = criteres(&s, date("2026-11-01"));
        assert_eq!(c.adresse_bien_definie, Some(0.0));
        assert_eq!(c.courriel_bien_defini, Some(0.0));
        let fresh = c.date_maj_recente.expect("applies");
        assert!((fresh - 365.0 / 549.0).abs() < 1e-9, "{fresh}");
        // (0 + 1 + 1 + 1 + 1 + 0 + 0.66 + 0.5 + 1 + 1) / 10 = 0.716 → 0.72
        assert_eq!(c.score(), 0.72);
    }

    #[test]
    fn freshness_bounds_and_exempt_sources() {
        assert_eq!(fraicheur(date("2024-01-01"), date("2026-11-01")), 0.0);
        assert_eq!(fraicheur(date("2026-06-01"), date("2026-11-01")), 1.0);
        let mut s = service_minimal("c", date("2020-01-01"));
        s.source = "france-travail".into();
        assert_eq!(criteres(&s, date("2026-11-01")).date_maj_recente, None);
    }
}
