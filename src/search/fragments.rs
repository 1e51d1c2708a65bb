//! The parts of an answer that depend on the service only — its exposed JSON (the service in
//! data·inclusion fields with its structure) and how to mobilise it, in words —, built once per
//! service shown and kept in a cache per snapshot.
//!
//! A result's service is most of an answer (2–4 KB of a 60 KB page, descriptions included):
//! serialising it again for every answer, escaping its text byte by byte, was a tenth of the
//! server's time per uncached search. The cache is bounded by bytes and lives in the engine, so a
//! new snapshot starts with an empty one (nothing stale can be served). It counts its lookups
//! and the fragments it built ([`StatistiquesFragments`], in `/metrics`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use moka::sync::Cache;
use serde_json::value::RawValue;

use super::sortie::{ServiceExpose, mobilisation};
use crate::catalog::model::Catalogue;

/// Bytes of fragments kept per snapshot (about 20,000 services).
pub const OCTETS_FRAGMENTS: u64 = 64 << 20;

/// What an answer shows of one service whatever the query.
#[derive(Debug)]
pub struct Fragment {
    /// [`ServiceExpose`] as JSON; `None` if it could not be written (then written at each answer,
    /// where the error surfaces).
    pub(crate) service: Option<Box<RawValue>>,
    /// How to mobilise it, in words ([`mobilisation`]).
    pub mobilisation: Vec<String>,
}

impl Fragment {
    fn octets(&self) -> usize {
        self.service.as_ref().map_or(0, |s| s.get().len())
            + self.mobilisation.iter().map(String::len).sum::<usize>()
    }
}

/// The fragments of one catalogue's services, by index, as they are asked for.
pub struct Fragments {
    cache: Cache<u32, Arc<Fragment>, rustc_hash::FxBuildHasher>,
    consultations: AtomicU64,
    constructions: AtomicU64,
}

/// What a [`Fragments`] cache did since its snapshot was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatistiquesFragments {
    /// Fragments asked for.
    pub consultations: u64,
    /// Fragments built because they were not kept (the others were found in the cache).
    pub constructions: u64,
}

impl Default for Fragments {
    fn default() -> Self {
        Fragments {
            cache: Cache::builder()
                .max_capacity(OCTETS_FRAGMENTS)
                .weigher(|_, f: &Arc<Fragment>| u32::try_from(f.octets() + 64).unwrap_or(u32::MAX))
                .build_with_hasher(rustc_hash::FxBuildHasher),
            consultations: AtomicU64::new(0),
            constructions: AtomicU64::new(0),
        }
    }
}

impl Fragments {
    /// The fragment of service `i` of `catalogue` (the catalogue these fragments belong to).
    pub fn de(&self, catalogue: &Catalogue, i: u32) -> Arc<Fragment> {
        self.consultations.fetch_add(1, Ordering::Relaxed);
        self.cache.get_with(i, || {
            self.constructions.fetch_add(1, Ordering::Relaxed);
            let s = &catalogue.services[i as usize];
            Arc::new(Fragment {
                service: serde_json::value::to_raw_value(&ServiceExpose::de(catalogue, s)).ok(),
                mobilisation: mobilisation(catalogue, s),
            })
        })
    }
}

impl Fragments {
    /// Its lookups and builds so far.
    pub fn statistiques(&self) -> StatistiquesFragments {
        StatistiquesFragments {
            consultations: self.consultations.load(Ordering::Relaxed),
            constructions: self.constructions.load(Ordering::Relaxed),
        }
    }
}

impl std::fmt::Debug for Fragments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fragments")
            .field("services", &self.cache.entry_count())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::StructureIdx;
    use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};

    #[test]
    fn a_fragment_is_the_service_as_written_directly_and_kept() {
        let mut s = service_minimal("svc-1", chrono::NaiveDate::default());
        s.structure = StructureIdx(0);
        s.telephone = Some("01 02 03 04 05".into());
        s.description = "Aide « au permis », \"guillemets\" et \\ barre".into();
        let catalogue = Catalogue {
            structures: vec![structure_minimale("st")],
            services: vec![s],
        };
        let fragments = Fragments::default();
        let f = fragments.de(&catalogue, 0);
        let direct = serde_json::to_string(&ServiceExpose::de(&catalogue, &catalogue.services[0]))
            .expect("json");
        assert_eq!(f.service.as_ref().map(|r| r.get()), Some(direct.as_str()));
        assert_eq!(
            f.mobilisation,
            mobilisation(&catalogue, &catalogue.services[0])
        );
        assert!(Arc::ptr_eq(&f, &fragments.de(&catalogue, 0)), "kept");
        assert_eq!(
            fragments.statistiques(),
            StatistiquesFragments {
                consultations: 2,
                constructions: 1
            }
        );
    }
}
