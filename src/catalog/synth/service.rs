//! One service of a structure: template of its family, thematiques, publics, fees, modes,
//! mobilisation and eligibility zone.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::famille::{ModeleService, PolitiqueZone, Profil};
use super::lieu::Lieu;
use super::structure::{date_maj, lien_source};
use super::texte;
use crate::catalog::brut::{ServiceBrut, StructureBrute};

fn codes(liste: &[&str]) -> Vec<String> {
    liste.iter().map(|c| (*c).to_owned()).collect()
}

/// The eligibility zone of a service of `lieu` under `politique`; `None` is unknown.
fn zone(
    rng: &mut ChaCha8Rng,
    politique: PolitiqueZone,
    distance: bool,
    lieu: &Lieu,
) -> Option<Vec<String>> {
    let commune = || vec![lieu.code_insee.clone()];
    let departement = || vec![lieu.departement.clone()];
    let epci = || lieu.epci.clone().map_or_else(commune, |e| vec![e]);
    let tirage: u32 = rng.random_range(0..100);
    if distance {
        return match tirage {
            0..55 => Some(vec!["france".to_owned()]),
            55..75 => Some(departement()),
            75..80 => Some(lieu.departements_region.to_vec()),
            _ => None,
        };
    }
    match politique {
        PolitiqueZone::Departement => Some(departement()),
        PolitiqueZone::Epci => match tirage {
            0..85 => Some(epci()),
            85..95 => Some(departement()),
            _ => Some(commune()),
        },
        PolitiqueZone::Mixte => match tirage {
            0..35 => Some(commune()),
            35..60 => Some(departement()),
            60..72 => Some(epci()),
            72..78 => Some(lieu.departements_region.to_vec()),
            78..83 => Some(vec!["france".to_owned()]),
            _ => None,
        },
    }
}

/// Up to three thematiques: the template's first, then zero to two others of its list.
fn thematiques(rng: &mut ChaCha8Rng, modele: &ModeleService) -> Vec<String> {
    let mut choisies = vec![modele.thematiques[0].to_owned()];
    let autres = &modele.thematiques[1..];
    let n = rng.random_range(0..=autres.len().min(2));
    for t in autres.choose_multiple(rng, n) {
        choisies.push((*t).to_owned());
    }
    choisies
}

/// A clean service of `structure`, from template `modele` of `profil`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn service(
    rng: &mut ChaCha8Rng,
    profil: &Profil,
    modele: &ModeleService,
    structure: &StructureBrute,
    lieu: &Lieu,
    id: String,
    reference: NaiveDate,
    siao_115: bool,
) -> ServiceBrut {
    let distance = rng.random_bool(modele.distance);
    let nom = texte::remplir(modele.nom, &lieu.nom);
    let nom_structure = structure.nom.clone().unwrap_or_default();
    let description = texte::description(rng, &nom_structure, &lieu.nom, profil.phrases, false);
    let payant = rng.random_bool(modele.payant);
    let usagers = rng.random_bool(profil.usagers);
    let mobilisable_par = if !usagers {
        vec!["professionnels"]
    } else if rng.random_bool(0.2) {
        vec!["usagers"]
    } else {
        vec!["professionnels", "usagers"]
    };
    let modes_accueil = if distance {
        vec!["a-distance"]
    } else if rng.random_bool(0.15) {
        vec!["en-presentiel", "a-distance"]
    } else {
        vec!["en-presentiel"]
    };
    let mut modes_mobilisation: Vec<&str> = Vec::new();
    if siao_115 {
        modes_mobilisation.push("telephoner");
    } else {
        if !distance && rng.random_bool(0.6) {
            modes_mobilisation.push("se-presenter");
        }
        if rng.random_bool(0.7) {
            modes_mobilisation.push("telephoner");
        }
        if rng.random_bool(0.4) {
            modes_mobilisation.push("envoyer-un-courriel");
        }
        if distance || rng.random_bool(0.15) || modes_mobilisation.is_empty() {
            modes_mobilisation.push("utiliser-lien-mobilisation");
        }
    }
    let lien_mobilisation = modes_mobilisation
        .contains(&"utiliser-lien-mobilisation")
        .then(|| {
            let base = structure
                .site_web
                .clone()
                .unwrap_or_else(|| lien_source("dora", "services", &id));
            let chemin = ["inscription", "rendez-vous", "contact", "formulaire"]
                .choose(rng)
                .copied()
                .unwrap_or("contact");
            format!("{}/{chemin}", base.trim_end_matches('/'))
        });
    let publics = modele
        .publics
        .choose(rng)
        .copied()
        .unwrap_or(&["tous-publics"]);
    let type_ = modele.type_;
    let avec_volume = matches!(type_, "formation" | "atelier") && rng.random_bool(0.5);
    let source = structure.source.clone().unwrap_or_default();
    let (adresse, complement, code_postal, code_insee, commune, latitude, longitude) = if distance {
        (None, None, None, None, None, None, None)
    } else {
        (
            structure.adresse.clone(),
            structure.complement_adresse.clone(),
            structure.code_postal.clone(),
            structure.code_insee.clone(),
            structure.commune.clone(),
            structure.latitude,
            structure.longitude,
        )
    };
    let telephone = if siao_115 {
        Some("115".to_owned())
    } else if rng.random_bool(0.7) {
        structure.telephone.clone()
    } else {
        None
    };
    let horaires = if siao_115 {
        Some("24/7".to_owned())
    } else if !distance && rng.random_bool(0.4) {
        Some(
            structure
                .horaires_accueil
                .clone()
                .unwrap_or_else(|| texte::horaires(rng)),
        )
    } else {
        None
    };
    ServiceBrut {
        structure_id: structure.id.clone(),
        nom: Some(nom),
        description: Some(description),
        date_maj: Some(date_maj(rng, reference)),
        type_: Some(type_.to_owned()),
        thematiques: Some(thematiques(rng, modele)),
        frais: Some(if payant { "payant" } else { "gratuit" }.to_owned()),
        frais_precisions: payant.then(|| {
            [
                "Participation selon les ressources.",
                "Adhésion de 10 € par an.",
                "Tarif solidaire sur justificatif.",
            ]
            .choose(rng)
            .map(|s| (*s).to_owned())
            .unwrap_or_default()
        }),
        publics: Some(codes(publics)),
        publics_precisions: rng
            .random_bool(0.1)
            .then(|| "Priorité aux personnes résidant en quartier prioritaire.".to_owned()),
        conditions_acces: if rng.random_bool(0.7) {
            profil.conditions.choose(rng).map(|c| (*c).to_owned())
        } else {
            None
        },
        commune,
        code_postal,
        code_insee,
        adresse,
        complement_adresse: complement,
        longitude,
        latitude,
        telephone,
        courriel: if rng.random_bool(0.6) {
            structure.courriel.clone()
        } else {
            None
        },
        modes_accueil: Some(codes(&modes_accueil)),
        zone_eligibilite: zone(rng, profil.zone, distance, lieu),
        contact_nom_prenom: rng.random_bool(0.3).then(|| texte::contact(rng)),
        lien_mobilisation,
        modes_mobilisation: Some(codes(&modes_mobilisation)),
        mobilisable_par: Some(codes(&mobilisable_par)),
        mobilisation_precisions: rng.random_bool(0.15).then(|| {
            "Orientation par un référent de parcours, fiche de liaison à joindre.".to_owned()
        }),
        volume_horaire_hebdomadaire: avec_volume
            .then(|| f64::from(rng.random_range(2u32..36) / 2 * 2)),
        nombre_semaines: avec_volume.then(|| rng.random_range(1..27)),
        horaires_accueil: horaires,
        lien_source: Some(lien_source(&source, "services", &id)),
        id: Some(id),
        source: Some(source),
    }
}
