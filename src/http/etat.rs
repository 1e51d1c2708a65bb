//! The server's state ([`Etat`], one behind an `Arc`): settings, the served snapshot in an
//! [`ArcSwapOption`] with its version, the bounded pool of engine calls, caches and metrics.
//!
//! A request takes the current snapshot once ([`Etat::servi`]) and keeps that `Arc` to its end,
//! so a reload swapping in a new snapshot never changes data under a running request; the old
//! snapshot is dropped when its last request ends.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Instant, SystemTime};

use arc_swap::ArcSwapOption;
use tokio::sync::Semaphore;

use super::cache::Caches;
use super::config::Config;
use super::erreur::{ErreurApi, Genre};
use super::metriques::Metriques;
use crate::coverage::IndexCouverture;
use crate::index::Instantane;

/// A snapshot being served, with the lookups by id the API needs.
pub struct Servi {
    /// The snapshot.
    pub instantane: Instantane,
    /// Its version: 1 for the first one loaded, +1 at each swap.
    pub version: u64,
    /// When it was loaded.
    pub charge_le: SystemTime,
    /// Service index by id.
    pub services_par_id: HashMap<String, u32>,
    /// Structure index by id.
    pub structures_par_id: HashMap<String, u32>,
    /// Service indexes of each structure.
    pub services_de_structure: Vec<Vec<u32>>,
    /// The coverage index, built on the first coverage request.
    couverture: std::sync::OnceLock<IndexCouverture>,
}

impl Servi {
    /// Indexes `instantane` by id (blocking work: call off the async runtime).
    pub fn new(instantane: Instantane, version: u64) -> Servi {
        let catalogue = instantane.moteur.catalogue();
        let services_par_id = catalogue
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as u32))
            .collect();
        let structures_par_id = catalogue
            .structures
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as u32))
            .collect();
        let mut services_de_structure = vec![Vec::new(); catalogue.structures.len()];
        for (i, s) in catalogue.services.iter().enumerate() {
            services_de_structure[s.structure.0 as usize].push(i as u32);
        }
        Servi {
            instantane,
            version,
            charge_le: SystemTime::now(),
            services_par_id,
            structures_par_id,
            services_de_structure,
            couverture: std::sync::OnceLock::new(),
        }
    }

    /// The coverage index of this snapshot (blocking the first time: call off the async runtime).
    pub fn couverture(&self) -> &IndexCouverture {
        self.couverture.get_or_init(|| {
            let moteur = &self.instantane.moteur;
            IndexCouverture::new(moteur.catalogue(), moteur.territoires())
        })
    }
}

/// The state shared by every handler.
pub struct Etat {
    /// Settings.
    pub config: Config,
    servi: ArcSwapOption<Servi>,
    version: AtomicU64,
    /// Bounds the engine calls running at once.
    pool: Arc<Semaphore>,
    /// Set while a reload or an import runs.
    occupe: AtomicBool,
    /// Caches.
    pub caches: Caches,
    /// Metrics.
    pub metriques: Metriques,
    /// Start of the process.
    pub demarre: Instant,
}

/// Marks the reload or import as finished when dropped.
pub struct Occupation<'a>(&'a AtomicBool);

impl Drop for Occupation<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl Etat {
    /// A state serving nothing yet.
    pub fn new(config: Config) -> Etat {
        let metriques = Metriques::new();
        let caches = Caches::new(&config, &metriques);
        Etat {
            pool: Arc::new(Semaphore::new(config.concurrence)),
            caches,
            metriques,
            config,
            servi: ArcSwapOption::empty(),
            version: AtomicU64::new(0),
            occupe: AtomicBool::new(false),
            demarre: Instant::now(),
        }
    }

    /// Serves `instantane` from now on (blocking: indexes it by id); returns its version.
    pub fn publier(&self, instantane: Instantane) -> u64 {
        let version = self.version.fetch_add(1, Ordering::AcqRel) + 1;
        let servi = Servi::new(instantane, version);
        self.metriques.instantane(&servi);
        self.servi.store(Some(Arc::new(servi)));
        version
    }

    /// The snapshot being served, if any.
    pub fn servi_optionnel(&self) -> Option<Arc<Servi>> {
        self.servi.load_full()
    }

    /// The snapshot being served, or 503.
    pub fn servi(&self) -> Result<Arc<Servi>, ErreurApi> {
        self.servi_optionnel().ok_or_else(|| {
            ErreurApi::new(
                Genre::Indisponible,
                "aucun instantané chargé pour l'instant ; réessayer dans un moment",
            )
        })
    }

    /// Runs `f` on the current snapshot off the async runtime, at most
    /// [`Config::concurrence`] at once.
    pub async fn moteur<T, F>(&self, f: F) -> Result<T, ErreurApi>
    where
        T: Send + 'static,
        F: FnOnce(&Servi) -> T + Send + 'static,
    {
        let servi = self.servi()?;
        self.bloquant(move || f(&servi)).await
    }

    /// Runs blocking `f` off the async runtime, within the bounded pool.
    pub async fn bloquant<T, F>(&self, f: F) -> Result<T, ErreurApi>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permis = Arc::clone(&self.pool)
            .acquire_owned()
            .await
            .map_err(ErreurApi::interne)?;
        tokio::task::spawn_blocking(move || {
            let r = f();
            drop(permis);
            r
        })
        .await
        .map_err(ErreurApi::interne)
    }

    /// Marks a reload or import as running, or 409 when one already is.
    pub fn occuper(&self) -> Result<Occupation<'_>, ErreurApi> {
        if self
            .occupe
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Err(ErreurApi::new(
                Genre::Conflit,
                "un rechargement ou un import est déjà en cours ; réessayer quand il sera fini",
            ));
        }
        Ok(Occupation(&self.occupe))
    }
}
