//! Eligibility gates of DOMAIN.md §5 for one service and one profile.
//!
//! Each rule answers [`Statut::Eligible`], [`Statut::AConfirmer`] (the profile does not say
//! enough, or a prescriber must confirm) or [`Statut::Exclu`] with a [`RaisonExclusion`], and the
//! French reasons that decided. Without a profile nothing is gated: every offer is "à confirmer".
//! Zones are not checked here (the search lanes do it for every offer).

use serde::Serialize;

use super::Profil;
use crate::catalog::model::{Famille, Service};
use crate::referentiel::{Code, Public};

/// Why an offer is excluded for this person (the keys of the response's `exclus` counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RaisonExclusion {
    /// EA, EATT, ESAT, Cap emploi without RQTH.
    RqthRequise,
    /// Mission locale outside 16–25.
    Age,
    /// SIAE without enough IAE criteria.
    CriteresIae,
    /// None of the service's publics matches the person.
    Public,
    /// Outside the service's zone.
    HorsTerritoire,
}

/// The outcome of the gates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    /// Every rule is met.
    Eligible,
    /// Not excluded, but something must be checked.
    AConfirmer,
    /// Excluded, for this reason.
    Exclu(RaisonExclusion),
}

/// Status and the reasons that decided it, in French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Eligibilite {
    /// Outcome.
    pub statut: Statut,
    /// Why, in French.
    pub raisons: Vec<String>,
}

impl Eligibilite {
    fn eligible() -> Self {
        Eligibilite {
            statut: Statut::Eligible,
            raisons: Vec::new(),
        }
    }

    /// Folds another rule's outcome in: exclusion wins, then "to confirm".
    fn et(mut self, autre: Eligibilite) -> Self {
        self.statut = match (self.statut, autre.statut) {
            (Statut::Exclu(r), _) => Statut::Exclu(r),
            (_, Statut::Exclu(r)) => Statut::Exclu(r),
            (Statut::AConfirmer, _) | (_, Statut::AConfirmer) => Statut::AConfirmer,
            _ => Statut::Eligible,
        };
        self.raisons.extend(autre.raisons);
        self
    }
}

fn regle(statut: Statut, raison: impl Into<String>) -> Eligibilite {
    Eligibilite {
        statut,
        raisons: vec![raison.into()],
    }
}

/// Minimum number of level-2 IAE criteria for a SIAE family (2 for AI/ETTI, 3 for ACI/EI/EITI).
pub fn criteres_niveau_2_requis(famille: Famille) -> Option<usize> {
    match famille {
        Famille::SiaeAi | Famille::SiaeEtti => Some(2),
        Famille::SiaeAci | Famille::SiaeEi | Famille::SiaeEiti => Some(3),
        _ => None,
    }
}

/// IAE eligibility: one level-1 criterion, or `requis` level-2 criteria.
fn iae(profil: &Profil, requis: usize) -> Eligibilite {
    let oui = |b: Option<bool>| b == Some(true);
    let mois = profil.mois_sans_emploi;
    let niveau_1: Vec<&str> = [
        (oui(profil.rsa), "bénéficiaire du RSA"),
        (oui(profil.ass), "bénéficiaire de l'ASS"),
        (oui(profil.aah), "bénéficiaire de l'AAH"),
        (
            mois.is_some_and(|m| m >= 24),
            "demandeur d'emploi depuis 24 mois ou plus",
        ),
    ]
    .into_iter()
    .filter_map(|(ok, libelle)| ok.then_some(libelle))
    .collect();
    if !niveau_1.is_empty() {
        return regle(
            Statut::Eligible,
            format!(
                "IAE : critère de niveau 1 ({}) ; diagnostic d'un prescripteur habilité",
                niveau_1.join(", ")
            ),
        );
    }
    let age = profil.age;
    let mobilite = match (profil.vehicule, profil.permis_b) {
        (Some(false), _) | (_, Some(false)) => Some(true),
        (Some(true), Some(true)) => Some(false),
        _ => None,
    };
    // (known to hold, unknown, label)
    let criteres: [(Option<bool>, &str); 12] = [
        (
            mois.map(|m| (12..24).contains(&m)),
            "demandeur d'emploi depuis 12 à 24 mois",
        ),
        (age.map(|a| a < 26), "moins de 26 ans"),
        (age.map(|a| a > 50), "plus de 50 ans"),
        (profil.rqth, "RQTH"),
        (profil.qpv_frr, "résident QPV/FRR"),
        (profil.parent_isole, "parent isolé"),
        (profil.ancien_ase, "ancien de l'ASE"),
        (profil.sans_hebergement, "sans hébergement"),
        (profil.refugie, "réfugié"),
        (profil.sortant_detention, "sortant de détention"),
        (
            profil.niveau_qualification.map(|n| n <= 3),
            "niveau de qualification infra-bac",
        ),
        (mobilite, "problème de mobilité"),
    ];
    let remplis: Vec<&str> = criteres
        .iter()
        .filter(|(v, _)| *v == Some(true))
        .map(|(_, l)| *l)
        .collect();
    let inconnus = criteres.iter().filter(|(v, _)| v.is_none()).count();
    let level_1_possible = [profil.rsa, profil.ass, profil.aah]
        .iter()
        .any(Option::is_none)
        || mois.is_none();
    if remplis.len() >= requis {
        regle(
            Statut::Eligible,
            format!(
                "IAE : {} critères de niveau 2 sur {requis} requis ({}) ; diagnostic d'un prescripteur habilité",
                remplis.len(),
                remplis.join(", ")
            ),
        )
    } else if level_1_possible || remplis.len() + inconnus >= requis {
        regle(
            Statut::AConfirmer,
            format!(
                "IAE : {} critère(s) de niveau 2 connus sur {requis} requis ; à confirmer par un prescripteur",
                remplis.len()
            ),
        )
    } else {
        regle(
            Statut::Exclu(RaisonExclusion::CriteresIae),
            format!(
                "IAE : aucun critère de niveau 1 et {} critère(s) de niveau 2 sur {requis} requis",
                remplis.len()
            ),
        )
    }
}

/// Whether the person belongs to `public`: `Some(true)`, `Some(false)`, or `None` (cannot tell).
fn appartient(profil: &Profil, public: Public) -> Option<bool> {
    match public.code() {
        "tous-publics" => Some(true),
        "jeunes" => profil.age.map(|a| a < 26),
        "seniors" => profil.age.map(|a| a >= 50),
        "personnes-en-situation-de-handicap" => match (profil.rqth, profil.aah) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        },
        "beneficiaires-des-minimas-sociaux" => match (profil.rsa, profil.ass, profil.aah) {
            (Some(true), _, _) | (_, Some(true), _) | (_, _, Some(true)) => Some(true),
            (Some(false), Some(false), Some(false)) => Some(false),
            _ => None,
        },
        "demandeurs-emploi" => profil.mois_sans_emploi.map(|m| m > 0),
        "personnes-en-situation-durgence" => profil.sans_hebergement,
        "personnes-exilees" => profil.refugie,
        "residents-qpv-frr" => profil.qpv_frr,
        // Leaving prison is one such situation; not leaving prison says nothing of the others.
        "personnes-en-situation-juridique-specifique" => profil.sortant_detention.filter(|v| *v),
        // actifs, etudiants, familles, femmes: the profile does not say.
        _ => None,
    }
}

/// The gates for `service` (with its offer family) and `profil`.
pub fn eligibilite(service: &Service, profil: Option<&Profil>) -> Eligibilite {
    let Some(profil) = profil.filter(|p| !p.est_vide()) else {
        return regle(Statut::AConfirmer, "à vérifier : aucun profil renseigné");
    };
    let mut resultat = Eligibilite::eligible();
    match service.famille {
        Famille::EntrepriseAdaptee | Famille::Esat | Famille::CapEmploi => {
            resultat = resultat.et(match profil.rqth {
                Some(true) => regle(Statut::Eligible, "RQTH : condition remplie"),
                Some(false) => regle(Statut::Exclu(RaisonExclusion::RqthRequise), "RQTH requise"),
                None => regle(Statut::AConfirmer, "RQTH requise : à vérifier"),
            });
        }
        Famille::MissionLocale => {
            resultat = resultat.et(match profil.age {
                Some(a) if (16..=25).contains(&a) => {
                    regle(Statut::Eligible, "âge entre 16 et 25 ans")
                }
                Some(a) => regle(
                    Statut::Exclu(RaisonExclusion::Age),
                    format!("mission locale : 16 à 25 ans ({a} ans)"),
                ),
                None => regle(
                    Statut::AConfirmer,
                    "mission locale : 16 à 25 ans, âge à vérifier",
                ),
            });
        }
        f => {
            if let Some(requis) = criteres_niveau_2_requis(f) {
                resultat = resultat.et(iae(profil, requis));
            }
        }
    }
    let publics = service.publics;
    if !publics.is_empty() && !publics.contains(Public::tous_publics()) {
        let reponses: Vec<(Public, Option<bool>)> =
            publics.iter().map(|p| (p, appartient(profil, p))).collect();
        resultat = resultat.et(
            if let Some((p, _)) = reponses.iter().find(|(_, r)| *r == Some(true)) {
                regle(Statut::Eligible, format!("public : {}", p.libelle()))
            } else if reponses.iter().all(|(_, r)| *r == Some(false)) {
                regle(
                    Statut::Exclu(RaisonExclusion::Public),
                    "aucun des publics du service ne correspond",
                )
            } else {
                regle(Statut::AConfirmer, "public du service à vérifier")
            },
        );
    }
    resultat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::normalisation::tests::service_minimal;

    fn service(famille: Famille, publics: &[&str]) -> Service {
        let mut s = service_minimal(
            "s",
            chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default(),
        );
        s.famille = famille;
        s.publics = publics.iter().filter_map(|p| Public::parse(p)).collect();
        s
    }

    #[test]
    fn without_profile_everything_is_to_confirm() {
        let e = eligibilite(&service(Famille::EntrepriseAdaptee, &[]), None);
        assert_eq!(e.statut, Statut::AConfirmer);
        let e = eligibilite(&service(Famille::Autre, &[]), Some(&Profil::default()));
        assert_eq!(e.statut, Statut::AConfirmer);
    }

    #[test]
    fn rqth_gates_ea_esat_cap_emploi() {
        let avec = Profil {
            rqth: Some(true),
            ..Profil::default()
        };
        let sans = Profil {
            rqth: Some(false),
            ..Profil::default()
        };
        let inconnu = Profil {
            age: Some(34),
            ..Profil::default()
        };
        for f in [
            Famille::EntrepriseAdaptee,
            Famille::Esat,
            Famille::CapEmploi,
        ] {
            assert_eq!(
                eligibilite(&service(f, &[]), Some(&avec)).statut,
                Statut::Eligible
            );
            assert_eq!(
                eligibilite(&service(f, &[]), Some(&sans)).statut,
                Statut::Exclu(RaisonExclusion::RqthRequise)
            );
            assert_eq!(
                eligibilite(&service(f, &[]), Some(&inconnu)).statut,
                Statut::AConfirmer
            );
        }
    }

    #[test]
    fn mission_locale_is_for_16_to_25() {
        let ml = service(Famille::MissionLocale, &[]);
        let age = |a| Profil {
            age: Some(a),
            ..Profil::default()
        };
        assert_eq!(eligibilite(&ml, Some(&age(17))).statut, Statut::Eligible);
        assert_eq!(eligibilite(&ml, Some(&age(25))).statut, Statut::Eligible);
        assert_eq!(
            eligibilite(&ml, Some(&age(40))).statut,
            Statut::Exclu(RaisonExclusion::Age)
        );
        assert_eq!(
            eligibilite(&ml, Some(&age(15))).statut,
            Statut::Exclu(RaisonExclusion::Age)
        );
    }

    #[test]
    fn iae_levels_depend_on_the_siae_type() {
        let rsa = Profil {
            rsa: Some(true),
            ..Profil::default()
        };
        assert_eq!(
            eligibilite(&service(Famille::SiaeAci, &[]), Some(&rsa)).statut,
            Statut::Eligible
        );
        // Two level-2 criteria, everything else known to be false: enough for AI, not for ACI.
        let deux = Profil {
            age: Some(23),
            rsa: Some(false),
            ass: Some(false),
            aah: Some(false),
            mois_sans_emploi: Some(14),
            rqth: Some(false),
            qpv_frr: Some(false),
            parent_isole: Some(false),
            ancien_ase: Some(false),
            sans_hebergement: Some(false),
            refugie: Some(false),
            sortant_detention: Some(false),
            niveau_qualification: Some(5),
            permis_b: Some(true),
            vehicule: Some(true),
            autonomie_numerique: Some(true),
        };
        assert_eq!(
            eligibilite(&service(Famille::SiaeAi, &[]), Some(&deux)).statut,
            Statut::Eligible
        );
        assert_eq!(
            eligibilite(&service(Famille::SiaeEtti, &[]), Some(&deux)).statut,
            Statut::Eligible
        );
        let aci = eligibilite(&service(Famille::SiaeAci, &[]), Some(&deux));
        assert_eq!(aci.statut, Statut::Exclu(RaisonExclusion::CriteresIae));
        assert!(
            aci.raisons[0].contains("2 critère(s) de niveau 2 sur 3"),
            "{:?}",
            aci.raisons
        );
        // The same person with unknown housing could still qualify: to confirm.
        let peut_etre = Profil {
            sans_hebergement: None,
            ..deux
        };
        assert_eq!(
            eligibilite(&service(Famille::SiaeEi, &[]), Some(&peut_etre)).statut,
            Statut::AConfirmer
        );
    }

    #[test]
    fn publics_or_semantics() {
        let jeune = Profil {
            age: Some(20),
            ..Profil::default()
        };
        let adulte = Profil {
            age: Some(40),
            ..Profil::default()
        };
        let s = service(Famille::Autre, &["jeunes", "seniors"]);
        assert_eq!(eligibilite(&s, Some(&jeune)).statut, Statut::Eligible);
        assert_eq!(
            eligibilite(&s, Some(&adulte)).statut,
            Statut::Exclu(RaisonExclusion::Public)
        );
        let femmes = service(Famille::Autre, &["femmes"]);
        assert_eq!(
            eligibilite(&femmes, Some(&adulte)).statut,
            Statut::AConfirmer
        );
        let tous = service(Famille::Autre, &["tous-publics"]);
        assert_eq!(eligibilite(&tous, Some(&adulte)).statut, Statut::Eligible);
    }
}
