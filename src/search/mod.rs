//! The search engine: the person's profile, the eligibility gates of DOMAIN.md §5, need
//! resolution, the score formula and the candidate lanes of DESIGN.md §3, the French text analysis
//! (`analyse`) and the text index (`texte`), the in-memory engine (`moteur`), and the answer's
//! JSON shape (`sortie`, with the per-service parts cached in `fragments`).
//! Synchronous, no HTTP types.

pub mod analyse;
mod besoins;
mod candidats;
pub mod charge;
mod eligibilite;
pub mod fragments;
mod moteur;
mod ouverture;
mod profil;
mod requete;
mod score;
pub mod sortie;
mod texte;

pub use besoins::{BesoinError, BesoinResolu, GenreBesoin, poids, resoudre, resoudre_comme};
pub use candidats::{Candidat, ConfianceZone, IndexCandidats, Lanes, Mode, Origine, Prefiltre};
pub(crate) use candidats::{categories_de, modes};
pub use eligibilite::{
    Eligibilite, RaisonExclusion, Statut, criteres_niveau_2_requis, eligibilite,
};
pub use moteur::{
    EtapeParcours, FACTEUR_ZONE_INCONNUE, Facettes, Moteur, RechercheError, Reponse, Resultat,
};
pub use ouverture::{HORIZON_OUVERTURE_H, Ouverture, analyser_horaires, ouverture};
pub use profil::Profil;
pub use requete::{
    BesoinDemande, Filtres, FiltresDemandes, LieuDemande, Requete, RequeteDemandee, RequeteError,
    Tri,
};
pub use score::{
    Composantes, Poids, SATURATION_TEXTE, cle_service, couverture, proximite_a_distance,
    proximite_sur_place, rotation, rotation_quotidienne, texte_sature,
};
pub use texte::{Correspondances, IndexTexte, TexteError};
