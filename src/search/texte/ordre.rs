//! The order in which a catalogue's services become documents of the text index: near each other
//! in space, near each other in document order.
//!
//! A search with a place scores the text of its candidates only, seeking from one document to the
//! next ([`super::IndexTexte::chercher_parmi`]); the candidates of one place are then a few runs of
//! close documents instead of a scatter over the whole index, and the scorers skip the rest.
//! On-site services go first, by the H3 cell (resolution 7) of their point (cells of one parent
//! are contiguous in index order); then the remote-only services, by the first category of their
//! thematiques (a search walks the categories of its needs); then the rest. Ties keep catalogue
//! order, so the order is deterministic.

use h3o::{LatLng, Resolution};

use crate::catalog::model::Service;
use crate::referentiel::Code;
use crate::search::candidats::{categories_de, modes};

/// Resolution of the cells that order on-site services (about 5 km² each).
const RESOLUTION: Resolution = Resolution::Seven;

/// Groups of the order, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Groupe {
    /// Received on site, with a point: by cell.
    SurPlace,
    /// Offered remotely only: by category.
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

/// The indexes of `services` in document order.
pub(super) fn ordre_des_documents(services: &[Service]) -> Vec<u32> {
    let mut cles: Vec<((Groupe, u64), u32)> = services
        .iter()
        .enumerate()
        .map(|(i, s)| (cle(s), i as u32))
        .collect();
    cles.sort_unstable();
    cles.into_iter().map(|(_, i)| i).collect()
}
