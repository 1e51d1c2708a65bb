//! Offer family of a service: from its structure's réseaux porteurs first, then words of its names,
//! then the category most of its thematiques belong to.

use crate::catalog::model::{Famille, Service, Structure};
use crate::referentiel::{Code, Referentiels, ReseauPorteur};
use crate::texte::fold;

/// Réseaux porteurs that decide the family, in priority order.
const PAR_RESEAU: &[(&str, Famille)] = &[
    ("aci", Famille::SiaeAci),
    ("ai", Famille::SiaeAi),
    ("ei", Famille::SiaeEi),
    ("etti", Famille::SiaeEtti),
    ("eiti", Famille::SiaeEiti),
    ("ea", Famille::EntrepriseAdaptee),
    ("eatt", Famille::EntrepriseAdaptee),
    ("esat", Famille::Esat),
    ("plie", Famille::Plie),
    ("siao", Famille::Siao),
    ("chu", Famille::Siao),
    ("chrs", Famille::Siao),
    ("hup", Famille::Siao),
    ("mission-locale", Famille::MissionLocale),
    ("cap-emploi-reseau-cheops", Famille::CapEmploi),
    ("france-travail", Famille::FranceTravail),
    ("wimoov", Famille::Mobilite),
    ("mobin", Famille::Mobilite),
    ("cmp", Famille::Sante),
    ("csapa", Famille::Sante),
    ("caarud", Famille::Sante),
    ("cms", Famille::Sante),
    ("cpam", Famille::Sante),
    ("action-logement", Famille::LogementHebergement),
    ("residences-fjt", Famille::LogementHebergement),
];

/// Phrases (folded) in a service or structure name that decide the family, in priority order.
const PAR_NOM: &[(&str, Famille)] = &[
    ("atelier chantier d insertion", Famille::SiaeAci),
    ("atelier et chantier d insertion", Famille::SiaeAci),
    ("chantier d insertion", Famille::SiaeAci),
    ("aci", Famille::SiaeAci),
    ("association intermediaire", Famille::SiaeAi),
    (
        "entreprise de travail temporaire d insertion",
        Famille::SiaeEtti,
    ),
    ("etti", Famille::SiaeEtti),
    ("eiti", Famille::SiaeEiti),
    ("entreprise d insertion", Famille::SiaeEi),
    ("entreprise adaptee", Famille::EntrepriseAdaptee),
    ("esat", Famille::Esat),
    ("plie", Famille::Plie),
    ("siao", Famille::Siao),
    ("115", Famille::Siao),
    ("mission locale", Famille::MissionLocale),
    ("cap emploi", Famille::CapEmploi),
    ("france travail", Famille::FranceTravail),
    ("pole emploi", Famille::FranceTravail),
    ("garage solidaire", Famille::Mobilite),
    ("auto ecole sociale", Famille::Mobilite),
    ("plateforme mobilite", Famille::Mobilite),
];

/// Thematique categories that decide the family when nothing else does.
const PAR_CATEGORIE: &[(&str, Famille)] = &[
    ("mobilite", Famille::Mobilite),
    ("sante", Famille::Sante),
    ("logement-hebergement", Famille::LogementHebergement),
];

fn contient_phrase(folded: &str, phrase: &str) -> bool {
    // Whole words only: "plie" must not match "pliage".
    folded.match_indices(phrase).any(|(i, _)| {
        let avant = folded[..i].chars().next_back();
        let apres = folded[i + phrase.len()..].chars().next();
        avant.is_none_or(|c| c == ' ') && apres.is_none_or(|c| c == ' ')
    })
}

/// The family of `service`, published by `structure`.
pub fn famille(service: &Service, structure: &Structure) -> Famille {
    for (code, famille) in PAR_RESEAU {
        if ReseauPorteur::parse(code).is_some_and(|r| structure.reseaux_porteurs.contains(r)) {
            return *famille;
        }
    }
    let noms = [fold(&service.nom), fold(&structure.nom)];
    for (phrase, famille) in PAR_NOM {
        if noms.iter().any(|n| contient_phrase(n, phrase)) {
            return *famille;
        }
    }
    let referentiels = Referentiels::get();
    let mut meilleure: Option<(usize, Famille)> = None;
    for (categorie, famille) in PAR_CATEGORIE {
        let n = service
            .thematiques
            .iter()
            .filter(|t| referentiels.categorie(*t).code() == *categorie)
            .count();
        if n > 0 && meilleure.is_none_or(|(m, _)| n > m) {
            meilleure = Some((n, *famille));
        }
    }
    meilleure.map_or(Famille::Autre, |(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};
    use crate::referentiel::Thematique;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
    }

    #[test]
    fn reseau_decides_first() {
        let mut st = structure_minimale("s");
        st.reseaux_porteurs
            .insert(ReseauPorteur::parse("etti").expect("r"));
        let sv = service_minimal("a", today());
        assert_eq!(famille(&sv, &st), Famille::SiaeEtti);
        st.reseaux_porteurs
            .insert(ReseauPorteur::parse("aci").expect("r"));
        assert_eq!(famille(&sv, &st), Famille::SiaeAci);
    }

    #[test]
    fn names_decide_with_whole_words() {
        let st = structure_minimale("s");
        let mut sv = service_minimal("a", today());
        sv.nom = "Mission Locale de Roubaix".into();
        assert_eq!(famille(&sv, &st), Famille::MissionLocale);
        sv.nom = "Atelier pliage et couture".into();
        assert_eq!(famille(&sv, &st), Famille::Autre);
        sv.nom = "Le PLIE de la Métropole".into();
        assert_eq!(famille(&sv, &st), Famille::Plie);
        sv.nom = "Garage solidaire".into();
        assert_eq!(famille(&sv, &st), Famille::Mobilite);
    }

    #[test]
    fn thematiques_decide_last() {
        let st = structure_minimale("s");
        let mut sv = service_minimal("a", today());
        sv.nom = "Accueil".into();
        sv.thematiques
            .insert(Thematique::parse("sante--acces-aux-soins").expect("t"));
        sv.thematiques
            .insert(Thematique::parse("sante--addictions").expect("t"));
        sv.thematiques
            .insert(Thematique::parse("mobilite--preparer-un-permis").expect("t"));
        assert_eq!(famille(&sv, &st), Famille::Sante);
    }
}
