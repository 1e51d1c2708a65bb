//! The search engine (in progress, see the search issue): for now the person's profile and the
//! eligibility gates of DOMAIN.md §5. Synchronous, no HTTP types.

mod eligibilite;
mod profil;

pub use eligibilite::{
    Eligibilite, RaisonExclusion, Statut, criteres_niveau_2_requis, eligibilite,
};
pub use profil::Profil;
