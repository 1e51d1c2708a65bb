//! Prometheus metrics (`GET /metrics`) and the request log.
//!
//! `prometheus-client` rather than the `metrics` facade: its registry is a plain value owned by
//! the server state, not a process-wide recorder, so several servers in one process (the test
//! suite) keep separate counts, and it has no dependency beyond the encoder.
//!
//! Labels are the route *template* (`/api/v1/services/{id}`), the method and the status: never an
//! id, a query string, a body, a profile, a need or a place. The request log carries the same.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::erreur::ErreurApi;
use super::etat::{Etat, Servi};
use super::openapi::erreurs;

/// Labels of a request count.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LabelsRequete {
    /// Route template.
    pub route: String,
    /// Method.
    pub methode: String,
    /// Status.
    pub statut: u16,
}

/// Labels of a latency.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LabelsRoute {
    /// Route template.
    pub route: String,
}

/// Labels of a cache lookup.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LabelsCache {
    /// `resultats` or `communes`.
    pub cache: &'static str,
    /// `succes` or `echec`.
    pub resultat: &'static str,
}

/// Counts cache hits and misses.
#[derive(Clone)]
pub struct CompteurCache(Family<LabelsCache, Counter>);

impl CompteurCache {
    /// Counts the lookup `v` in `cache`, and passes it on.
    pub fn compter<T>(&self, cache: &'static str, v: Option<T>) -> Option<T> {
        let resultat = if v.is_some() { "succes" } else { "echec" };
        self.0.get_or_create(&LabelsCache { cache, resultat }).inc();
        v
    }
}

type FamilleHistogrammes = Family<LabelsRoute, Histogram, fn() -> Histogram>;

/// The metrics.
pub struct Metriques {
    registre: Mutex<Registry>,
    requetes: Family<LabelsRequete, Counter>,
    latence: FamilleHistogrammes,
    cache: Family<LabelsCache, Counter>,
    age: Gauge<f64, AtomicU64>,
    services: Gauge,
    structures: Gauge,
    version: Gauge,
    rechargements: Family<LabelsRoute, Counter>,
    fragments_consultations: Gauge,
    fragments_constructions: Gauge,
    charge_le: AtomicU64,
}

fn histogramme() -> Histogram {
    // 0.25 ms … ~4 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

impl Default for Metriques {
    fn default() -> Self {
        Self::new()
    }
}

impl Metriques {
    /// Registers every metric.
    pub fn new() -> Metriques {
        let mut registre = Registry::default();
        let requetes = Family::<LabelsRequete, Counter>::default();
        let latence: FamilleHistogrammes = Family::new_with_constructor(histogramme);
        let cache = Family::<LabelsCache, Counter>::default();
        let age = Gauge::<f64, AtomicU64>::default();
        let services = Gauge::default();
        let structures = Gauge::default();
        let version = Gauge::default();
        let rechargements = Family::<LabelsRoute, Counter>::default();
        let fragments_consultations = Gauge::default();
        let fragments_constructions = Gauge::default();
        registre.register(
            "maillage_requetes",
            "Requêtes HTTP par route, méthode et statut",
            requetes.clone(),
        );
        registre.register(
            "maillage_requete_duree_secondes",
            "Durée des requêtes HTTP par route",
            latence.clone(),
        );
        registre.register(
            "maillage_cache",
            "Consultations des caches (succes, echec)",
            cache.clone(),
        );
        registre.register(
            "maillage_instantane_age_secondes",
            "Âge de l'instantané servi depuis son chargement",
            age.clone(),
        );
        registre.register(
            "maillage_instantane_services",
            "Services de l'instantané servi",
            services.clone(),
        );
        registre.register(
            "maillage_instantane_structures",
            "Structures de l'instantané servi",
            structures.clone(),
        );
        registre.register(
            "maillage_instantane_version",
            "Version de l'instantané servi (1, puis +1 à chaque rechargement)",
            version.clone(),
        );
        registre.register(
            "maillage_rechargements",
            "Rechargements et imports par issue (succes, echec)",
            rechargements.clone(),
        );
        registre.register(
            "maillage_fragments_consultations",
            "Services de résultats demandés au cache des fragments de l'instantané servi, depuis son chargement",
            fragments_consultations.clone(),
        );
        registre.register(
            "maillage_fragments_constructions",
            "Fragments construits faute d'être dans ce cache (les autres consultations sont des succès)",
            fragments_constructions.clone(),
        );
        Metriques {
            registre: Mutex::new(registre),
            requetes,
            latence,
            cache,
            age,
            services,
            structures,
            version,
            rechargements,
            fragments_consultations,
            fragments_constructions,
            charge_le: AtomicU64::new(0),
        }
    }

    /// The cache counter.
    pub fn compteur_cache(&self) -> CompteurCache {
        CompteurCache(self.cache.clone())
    }

    /// A new snapshot is served.
    pub fn instantane(&self, servi: &Servi) {
        let c = &servi.instantane.manifest.comptes;
        self.services.set(c.services as i64);
        self.structures.set(c.structures as i64);
        self.version.set(servi.version as i64);
        let t = servi
            .charge_le
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        self.charge_le.store(t, Ordering::Relaxed);
    }

    /// A reload or import ended (`issue`: `succes` or `echec`).
    pub fn rechargement(&self, issue: &str) {
        self.rechargements
            .get_or_create(&LabelsRoute {
                route: issue.to_owned(),
            })
            .inc();
    }

    /// The text exposition; `servi`, the snapshot being served, gives its cache's figures.
    pub fn encoder(&self, servi: Option<&Servi>) -> Result<String, ErreurApi> {
        if let Some(servi) = servi {
            let f = servi.instantane.moteur.statistiques_fragments();
            self.fragments_consultations
                .set(i64::try_from(f.consultations).unwrap_or(i64::MAX));
            self.fragments_constructions
                .set(i64::try_from(f.constructions).unwrap_or(i64::MAX));
        }
        let charge = self.charge_le.load(Ordering::Relaxed);
        if charge > 0 {
            let maintenant = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64);
            self.age
                .set(maintenant.saturating_sub(charge) as f64 / 1000.0);
        }
        let mut texte = String::new();
        let registre = self
            .registre
            .lock()
            .map_err(|_| ErreurApi::interne("registre"))?;
        prometheus_client::encoding::text::encode(&mut texte, &registre)
            .map_err(ErreurApi::interne)?;
        Ok(texte)
    }
}

/// Middleware: counts and times every request by route template, and logs route, status and
/// duration (nothing else).
pub async fn mesurer(State(etat): State<Arc<Etat>>, req: Request, next: Next) -> Response {
    let debut = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "inconnue".to_owned(), |m| m.as_str().to_owned());
    let methode = req.method().as_str().to_owned();
    let reponse = next.run(req).await;
    let duree = debut.elapsed();
    let statut = reponse.status().as_u16();
    let m = &etat.metriques;
    m.requetes
        .get_or_create(&LabelsRequete {
            route: route.clone(),
            methode: methode.clone(),
            statut,
        })
        .inc();
    m.latence
        .get_or_create(&LabelsRoute {
            route: route.clone(),
        })
        .observe(duree.as_secs_f64());
    tracing::info!(
        route = %route,
        methode = %methode,
        statut,
        duree_ms = duree.as_secs_f64() * 1000.0,
        "requête"
    );
    reponse
}

erreurs!(
    /// The errors of `metrics`.
    ErreursMetriques: Interne
);

/// `GET /metrics`.
#[utoipa::path(get, path = "/metrics", tag = "sondes", summary = "Métriques Prometheus",
    description = "Requêtes et latences par route, âge et taille de l'instantané, taux de succès des caches.",
    responses((status = 200, description = "Format texte Prometheus", content_type = "text/plain", body = String), ErreursMetriques))]
pub async fn metriques(State(etat): State<Arc<Etat>>) -> Result<Response, ErreurApi> {
    let texte = etat.metriques.encoder(etat.servi_optionnel().as_deref())?;
    let mut r = texte.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    Ok(r)
}
