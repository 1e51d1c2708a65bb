//! The order of the services in a snapshot: near each other in space, near each other in memory.
//!
//! A search walks the candidates of one place: with the services stored in this order, they are a
//! few runs of neighbouring indexes, and every per-service column the engine reads (thematiques,
//! rows, zones, text documents) is read in runs instead of at random across the catalogue.
//! On-site services go first, by the H3 cell (resolution 7, about 5 km²) of their point, cells
//! of one parent being contiguous in index order; then the services offered remotely (candidates
//! wherever the person is), by the first category of their thematiques, since a search walks the
//! categories of its needs; then the rest. Ties keep the order of reading, so the order is
//! deterministic and a structure's services stay in their order.

use h3o::{LatLng, Resolution};

use crate::catalog::model::{Catalogue, Service};
use crate::referentiel::Code;
use crate::search::{categories_de, modes};

/// Resolution of the cells that order on-site services.
const RESOLUTION: Resolution = Resolution::Seven;

/// Groups of the order, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Groupe {
    /// Received on site only, with a point: by cell.
    SurPlace,
    /// Offered remotely: by category.
    ADistance,
    /// No point and not remote.
    Autres,
}

/// The sort key of `service`.
fn cle(service: &Service) -> (Groupe, u64) {
    let (sur_place, a_distance) = modes(service);
    if a_distance {
        let categorie = categories_de(service.thematiques)
            .iter()
            .next()
            .map_or(u64::MAX, |c| c.index() as u64);
        return (Groupe::ADistance, categorie);
    }
    let cellule = service
        .point
        .filter(|_| sur_place)
        .and_then(|p| LatLng::new(p.lat, p.lon).ok())
        .map(|ll| u64::from(ll.to_cell(RESOLUTION)));
    match cellule {
        Some(c) => (Groupe::SurPlace, c),
        None => (Groupe::Autres, 0),
    }
}

/// Puts `catalogue`'s services in this module's order; duplicate clusters
/// ([`Service::doublon`]) follow their services.
pub fn ordonner(catalogue: &mut Catalogue) {
    let mut cles: Vec<((Groupe, u64), u32)> = catalogue
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (cle(s), i as u32))
        .collect();
    cles.sort_unstable();
    let mut nouvel_index = vec![0u32; cles.len()];
    for (nouveau, (_, ancien)) in cles.iter().enumerate() {
        nouvel_index[*ancien as usize] = nouveau as u32;
    }
    let mut anciens: Vec<Option<Service>> = std::mem::take(&mut catalogue.services)
        .into_iter()
        .map(Some)
        .collect();
    catalogue.services = cles
        .iter()
        .filter_map(|(_, ancien)| anciens[*ancien as usize].take())
        .map(|mut s| {
            s.doublon = s.doublon.map(|g| nouvel_index[g as usize]);
            s
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::StructureIdx;
    use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};
    use crate::referentiel::ModeAccueil;
    use crate::territoire::Point;

    fn service(id: &str, point: Option<(f64, f64)>, modes: &[&str]) -> Service {
        let mut s = service_minimal(id, chrono::NaiveDate::default());
        s.structure = StructureIdx(0);
        s.point = point.map(|(lat, lon)| Point { lat, lon });
        s.modes_accueil = modes.iter().filter_map(|m| ModeAccueil::parse(m)).collect();
        s
    }

    #[test]
    fn on_site_by_place_then_remote_then_the_rest() {
        let lille = Some((50.63, 3.06));
        let marseille = Some((43.30, 5.37));
        let mut catalogue = Catalogue {
            structures: vec![structure_minimale("s")],
            services: vec![
                service("distance", lille, &["a-distance"]),
                service("lille-1", lille, &["en-presentiel"]),
                service("sans-point", None, &["en-presentiel"]),
                service("marseille", marseille, &[]),
                service("lille-2", lille, &["en-presentiel"]),
            ],
        };
        catalogue.services[1].doublon = Some(4);
        catalogue.services[4].doublon = Some(4);
        ordonner(&mut catalogue);
        let ids: Vec<&str> = catalogue.services.iter().map(|s| s.id.as_str()).collect();
        let lille = ids.iter().position(|i| *i == "lille-1").unwrap_or(9);
        assert_eq!(
            ids[lille + 1],
            "lille-2",
            "same place, reading order: {ids:?}"
        );
        assert!(ids[..3].contains(&"marseille"), "{ids:?}");
        assert_eq!(&ids[3..], ["distance", "sans-point"]);
        // The cluster still names one of its services, and only them.
        let grappe: Vec<Option<u32>> = catalogue.services.iter().map(|s| s.doublon).collect();
        let g = grappe[lille].expect("cluster");
        assert_eq!(grappe[lille + 1], Some(g));
        assert!(g as usize == lille || g as usize == lille + 1);
        assert_eq!(grappe.iter().flatten().count(), 2);
    }
}
