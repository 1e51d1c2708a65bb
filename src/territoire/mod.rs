//! Territories: INSEE codes as types, communes → EPCI → département → région, zones
//! d'éligibilité expanded to communes, and geocoding of places.

mod code;
mod commune;
mod point;
mod zone;

pub use code::{CodeCommune, CodeDepartement, CodeInvalide, CodePostal, CodeRegion, SirenEpci};
pub use commune::{Commune, CommuneId, GenreCommune, PrecisionPoint};
pub use point::Point;
pub use zone::Zone;
