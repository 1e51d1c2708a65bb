//! Where a service is: its own point, else its structure's, else its commune's.

use crate::catalog::model::{OriginePoint, Service, Structure};
use crate::territoire::{Point, PrecisionPoint, Territoires};

/// The service's point and where it comes from. `service.point` holds the validated published
/// point before normalisation.
pub fn point_du_service(
    service: &Service,
    structure: &Structure,
    territoires: &Territoires,
) -> (Option<Point>, OriginePoint) {
    if let Some(p) = service.point {
        return (Some(p), OriginePoint::Service);
    }
    if let Some(p) = structure.point {
        return (Some(p), OriginePoint::Structure);
    }
    let commune = service
        .adresse
        .code_insee
        .or(structure.adresse.code_insee)
        .and_then(|c| territoires.commune(c.as_str()));
    match commune.and_then(|c| c.point.map(|p| (p, c.precision))) {
        Some((p, precision)) if precision != PrecisionPoint::Absente => {
            (Some(p), OriginePoint::Commune(precision))
        }
        _ => (None, OriginePoint::Aucune),
    }
}
