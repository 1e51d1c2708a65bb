//! The search engine (in progress, see the search issue): for now the person's profile, the
//! eligibility gates of DOMAIN.md §5, need resolution and the score formula of DESIGN.md §3.
//! Synchronous, no HTTP types.

pub mod analyse;
mod besoins;
mod eligibilite;
mod profil;
mod score;

pub use besoins::{BesoinError, BesoinResolu, GenreBesoin, poids, resoudre};
pub use eligibilite::{
    Eligibilite, RaisonExclusion, Statut, criteres_niveau_2_requis, eligibilite,
};
pub use profil::Profil;
pub use score::{
    Composantes, Poids, couverture, proximite_a_distance, proximite_sur_place,
    rotation_quotidienne, texte_sature,
};
