//! Normalisation of validated records: each service's point (service → structure → commune), its
//! zone resolved, the data·inclusion quality score, its offer family and duplicate clusters.

pub mod doublons;
pub mod famille;
pub mod qualite;

#[cfg(test)]
pub(crate) mod tests {
    //! Minimal records for the unit tests of this module.
    use chrono::NaiveDate;

    use crate::catalog::model::{
        Adresse, Famille, OriginePoint, Service, Structure, StructureIdx, ZoneEligibilite,
    };
    use crate::referentiel::CodeSet;

    pub(crate) fn structure_minimale(id: &str) -> Structure {
        Structure {
            id: id.into(),
            source: "test".into(),
            nom: format!("Structure {id}"),
            date_maj: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            siret: None,
            reseaux_porteurs: CodeSet::new(),
            adresse: Adresse::default(),
            point: None,
            telephone: None,
            courriel: None,
            site_web: None,
            description: None,
            horaires_accueil: None,
            accessibilite_lieu: None,
            lien_source: None,
        }
    }

    pub(crate) fn service_minimal(id: &str, date_maj: NaiveDate) -> Service {
        Service {
            id: id.into(),
            source: "test".into(),
            structure_id: "s0".into(),
            structure: StructureIdx(0),
            nom: "Service".into(),
            description: "Un service".into(),
            date_maj,
            type_: None,
            thematiques: CodeSet::new(),
            frais: None,
            frais_precisions: None,
            publics: CodeSet::new(),
            publics_precisions: None,
            conditions_acces: None,
            adresse: Adresse::default(),
            telephone: None,
            courriel: None,
            modes_accueil: CodeSet::new(),
            zone_eligibilite: None,
            contact_nom_prenom: None,
            lien_mobilisation: None,
            modes_mobilisation: CodeSet::new(),
            mobilisable_par: CodeSet::new(),
            mobilisation_precisions: None,
            volume_horaire_hebdomadaire: None,
            nombre_semaines: None,
            horaires_accueil: None,
            lien_source: None,
            point: None,
            origine_point: OriginePoint::Aucune,
            zone: ZoneEligibilite::Inconnue,
            score_qualite: 0.0,
            famille: Famille::Autre,
            doublon: None,
        }
    }
}

mod point;

pub use point::point_du_service;

use chrono::NaiveDate;

use crate::catalog::model::Catalogue;
use crate::territoire::Territoires;

/// Computes every normalised field of every service: point and its origin, quality score, family,
/// duplicate clusters (the zone is resolved during validation).
pub fn normaliser(catalogue: &mut Catalogue, territoires: &Territoires, aujourdhui: NaiveDate) {
    for i in 0..catalogue.services.len() {
        let structure = &catalogue.structures[catalogue.services[i].structure.0 as usize];
        let service = &catalogue.services[i];
        let (point, origine) = point_du_service(service, structure, territoires);
        let score = qualite::criteres(service, aujourdhui).score();
        let famille = famille::famille(service, structure);
        let service = &mut catalogue.services[i];
        service.point = point;
        service.origine_point = origine;
        service.score_qualite = score;
        service.famille = famille;
    }
    doublons::marquer_doublons(catalogue);
}
