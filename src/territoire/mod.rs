//! Territories: INSEE codes as types, communes → EPCI → département → région, zones
//! d'éligibilité expanded to communes, and geocoding of places.

mod administratif;
mod build;
mod chargement;
mod code;
mod commune;
mod eligibilite;
mod error;
mod grille_points;
mod index_points;
mod point;
mod proximite;
mod recherche;
mod territoires;
mod zone;

pub use administratif::{Departement, Epci, Region};
pub use build::{Rapport, Sources, construire};
pub use code::{CodeCommune, CodeDepartement, CodeInvalide, CodePostal, CodeRegion, SirenEpci};
pub use commune::{Commune, CommuneId, GenreCommune, PrecisionPoint};
pub use error::TerritoireError;
pub use index_points::{IndexPoints, distance_indexee_km, vers_xyz};
pub use point::Point;
pub use territoires::Territoires;
pub use zone::Zone;
