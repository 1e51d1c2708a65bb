//! Coverage gaps for coordinators (DESIGN.md §5): where does a need have no reachable offer, for
//! how many inhabitants, and which offers serve too many people.
//!
//! - [`requete`]: the request as received and validated (hashable: a cache key);
//! - [`grille`]: demand — commune populations on H3 cells (h3o), and the size cap;
//! - [`offre`]: supply — on-site offers with a point, remote offers by zone; [`IndexCouverture`];
//! - [`e2sfca`]: the accessibility index (bands 0–5/5–10/10–20 km weighted 1/0.68/0.22);
//! - [`lacunes`]: gap cells merged into areas;
//! - [`saturation`]: offers whose catchment is far above the median;
//! - [`calcul`]: [`couverture`], the whole computation; [`resultat`]: what it returns;
//! - [`geojson`] and [`csv`]: the map and table outputs.
//!
//! Synchronous, over an immutable catalogue and referential; no HTTP types. A handler validates a
//! [`DemandeCouverture`] into a [`RequeteCouverture`], calls [`couverture`] (off the async
//! runtime), then [`vers_geojson`] or [`ecrire_cellules`]; every [`CouvertureError`] is a 4xx.

pub mod calcul;
pub mod csv;
pub mod e2sfca;
mod erreur;
pub mod geojson;
pub mod grille;
pub mod lacunes;
pub mod offre;
pub mod requete;
pub mod resultat;
pub mod saturation;

pub use calcul::{ZONES_LACUNES_MAX, couverture};
pub use csv::{ecrire_cellules, ecrire_communes};
pub use erreur::CouvertureError;
pub use geojson::vers_geojson;
pub use grille::{CELLULES_BESOINS_MAX, CELLULES_MAX};
pub use offre::IndexCouverture;
pub use requete::{
    BesoinCouverture, DemandeCouverture, FiltresCouverture, RequeteCouverture, TerritoireCouverture,
};
pub use resultat::{
    Cellule, CommuneCellule, CommuneZone, Couverture, CouvertureBesoin, OffreSaturee, Saturation,
    Synthese, ZoneLacune,
};
pub use saturation::{OFFRES_SATUREES_MAX, SEUIL_SATURATION};

#[cfg(test)]
mod tests;
