//! In-memory caches (moka): search answers and commune lookups, with their hit counts.
//!
//! A search answer is cached as its serialised JSON under a SHA-256 of the normalised request, the
//! snapshot version and the day (the daily rotation of ties), for [`Config::cache_ttl`] (opening
//! hours depend on the time). The request never holds the exact point: a `lat`/`lon` place is
//! snapped to the centre of its H3 cell ([`RESOLUTION_H3`]) *before* the search, whether the answer
//! is cached or not, so a cached answer is exactly the one the search gives, and neither the cache
//! nor the engine ever sees the precise place. A reload changes the version, so old answers are
//! never served for the new snapshot (they expire by TTL or by size).

use axum::body::Bytes;
use h3o::{LatLng, Resolution};
use moka::sync::Cache;
use sha2::{Digest, Sha256};

use super::config::Config;
use super::metriques::{CompteurCache, Metriques};

/// H3 resolution of the coarsened place: res 9 cells are about 0.1 km² (edge ≈ 200 m), so the
/// shift is at most ~200 m, below the one-decimal km shown.
pub const RESOLUTION_H3: Resolution = Resolution::Nine;

/// The centre of the H3 cell holding (`lat`, `lon`); `None` when the point is not valid.
pub fn centre_cellule(lat: f64, lon: f64) -> Option<(f64, f64)> {
    let p = LatLng::new(lat, lon).ok()?;
    let centre = LatLng::from(p.to_cell(RESOLUTION_H3));
    Some((centre.lat(), centre.lng()))
}

/// Key of a cached answer.
pub type Cle = [u8; 32];

/// The caches.
pub struct Caches {
    resultats: Option<Cache<Cle, Bytes>>,
    communes: Option<Cache<String, Bytes>>,
    compteur: CompteurCache,
}

/// The key of `parties` (route, version, day, normalised request).
pub fn cle(parties: &[&[u8]]) -> Cle {
    let mut h = Sha256::new();
    for p in parties {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().into()
}

impl Caches {
    /// Caches sized by `config` (a size of 0 disables one).
    pub fn new(config: &Config, metriques: &Metriques) -> Caches {
        Caches {
            resultats: (config.cache_resultats > 0).then(|| {
                Cache::builder()
                    .max_capacity(config.cache_resultats)
                    .time_to_live(config.cache_ttl)
                    .build()
            }),
            communes: (config.cache_communes > 0)
                .then(|| Cache::builder().max_capacity(config.cache_communes).build()),
            compteur: metriques.compteur_cache(),
        }
    }

    /// A cached answer.
    pub fn resultat(&self, cle: &Cle) -> Option<Bytes> {
        let c = self.resultats.as_ref()?;
        self.compteur.compter("resultats", c.get(cle))
    }

    /// Caches an answer.
    pub fn garder_resultat(&self, cle: Cle, corps: Bytes) {
        if let Some(c) = &self.resultats {
            c.insert(cle, corps);
        }
    }

    /// A cached commune lookup.
    pub fn commune(&self, cle: &str) -> Option<Bytes> {
        let c = self.communes.as_ref()?;
        self.compteur.compter("communes", c.get(cle))
    }

    /// Caches a commune lookup.
    pub fn garder_commune(&self, cle: String, corps: Bytes) {
        if let Some(c) = &self.communes {
            c.insert(cle, corps);
        }
    }

    /// Entries of the answer cache (approximate).
    pub fn taille_resultats(&self) -> u64 {
        self.resultats.as_ref().map_or(0, Cache::entry_count)
    }
}
