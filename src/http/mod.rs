//! The HTTP service of `maillage serve` (DESIGN.md §4): axum on tokio over the synchronous
//! engine, which never sees an HTTP type.
//!
//! | file | concern |
//! |---|---|
//! | [`config`] | flags and `MAILLAGE_*` variables → validated [`Config`] |
//! | [`etat`] | [`Etat`]: the served snapshot in an `ArcSwapOption` with its version, the bounded pool of engine calls |
//! | [`erreur`] | problem+json errors and the one error → status table |
//! | [`recherche`] | `POST /api/v1/recherche` |
//! | [`compat`] | `GET /api/v1/search/services` (data·inclusion compatible) |
//! | [`ressources`] | services, structures, communes, referentials, health probes |
//! | [`admin`] | reload and import, behind the bearer key |
//! | [`cache`] | answer and commune caches (moka), place coarsened to an H3 cell |
//! | [`metriques`] | Prometheus metrics and the request log |
//! | [`openapi`] | the OpenAPI 3.1 document |
//!
//! The web pages (`/`, `/carte`, `/services/{id}`, `/ui/…`) come from [`crate::ui`], merged here.
//!
//! Handlers are thin: validate, run the engine with [`Etat::moteur`] / [`Etat::bloquant`]
//! (`spawn_blocking` behind a semaphore), map the result. Public routes have a per-IP rate limit
//! and a timeout; every route is counted and timed; every error is problem+json, axum's own
//! rejections and fallbacks included.

pub mod admin;
pub mod cache;
pub mod compat;
pub mod config;
pub mod couverture;
pub mod erreur;
pub mod etat;
pub mod metriques;
pub mod openapi;
pub mod recherche;
pub mod ressources;

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tower_http::cors::{AllowOrigin, Any, CorsLayer};

pub use config::{Config, Parametres};
pub use erreur::{ErreurApi, Genre};
pub use etat::Etat;

/// A JSON body already serialised.
pub fn reponse_json(corps: Bytes) -> Response {
    let mut r = corps.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// Per-IP limiter of the public routes.
struct Limiteur(DefaultKeyedRateLimiter<IpAddr>);

async fn limiter(
    State(limiteur): State<Arc<Limiteur>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    match limiteur.0.check_key(&client.ip()) {
        Ok(()) => next.run(req).await,
        Err(_) => {
            let mut e = ErreurApi::new(
                Genre::TropDeRequetes,
                "trop de requêtes depuis cette adresse ; réessayer dans une seconde",
            );
            e.reessayer_dans = Some(1);
            e.into_response()
        }
    }
}

async fn delai(State(delai): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(delai, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ErreurApi::new(
            Genre::DelaiDepasse,
            format!("réponse non prête en {} ms ; réessayer", delai.as_millis()),
        )
        .into_response(),
    }
}

fn cors(config: &Config) -> Option<CorsLayer> {
    let base = || {
        CorsLayer::new()
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
            .max_age(Duration::from_secs(3600))
    };
    match &config.cors {
        config::Cors::Aucun => None,
        config::Cors::Tous => Some(base().allow_origin(Any)),
        config::Cors::Origines(o) => Some(base().allow_origin(AllowOrigin::list(
            o.iter().filter_map(|x| HeaderValue::from_str(x).ok()),
        ))),
    }
}

/// The router: every route of DESIGN.md §4 that exists yet, with its middleware.
pub fn routeur(etat: Arc<Etat>) -> Router {
    let config = &etat.config;
    let mut publiques = Router::new()
        .route("/api/v1/recherche", post(recherche::recherche))
        .route("/api/v1/search/services", get(compat::search_services))
        .route("/api/v1/services/{id}", get(ressources::service))
        .route("/api/v1/structures/{id}", get(ressources::structure))
        .route("/api/v1/communes", get(ressources::communes))
        .route("/api/v1/communes/proche", get(ressources::commune_proche))
        .route("/api/v1/referentiels/{nom}", get(ressources::referentiel))
        .route("/api/v1/couverture", get(couverture::couverture))
        // The plain search page without JavaScript runs the engine: same limits as the API.
        .route(
            "/recherche",
            get(crate::ui::sans_js::formulaire_vide).post(crate::ui::sans_js::recherche),
        )
        .route_layer(from_fn_with_state(config.delai, delai));
    if let Some((debit, rafale)) = config.debit_ip {
        let quota = Quota::per_second(NonZeroU32::new(debit).unwrap_or(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(rafale).unwrap_or(NonZeroU32::MIN));
        let limiteur = Arc::new(Limiteur(RateLimiter::keyed(quota)));
        let l = Arc::clone(&limiteur);
        // Forget idle addresses now and then, so the table does not grow without bound.
        tokio::spawn(async move {
            let mut tic = tokio::time::interval(Duration::from_secs(60));
            loop {
                tic.tick().await;
                if Arc::strong_count(&l) == 1 {
                    break;
                }
                l.0.retain_recent();
                l.0.shrink_to_fit();
            }
        });
        publiques = publiques.route_layer(from_fn_with_state(limiteur, limiter));
    }
    let admin = Router::new()
        .route("/api/v1/admin/recharger", post(admin::recharger))
        .route(
            "/api/v1/admin/import",
            post(admin::importer).layer(DefaultBodyLimit::max(config.import_max)),
        );
    let sondes = Router::new()
        .route("/healthz", get(ressources::healthz))
        .route("/readyz", get(ressources::readyz))
        .route("/metrics", get(metriques::metriques))
        .route("/api/v1/openapi.json", get(openapi::document));
    let mut r = Router::new()
        .merge(publiques)
        .merge(admin)
        .merge(sondes)
        .merge(crate::ui::routes())
        .fallback(erreur::route_inconnue)
        .method_not_allowed_fallback(erreur::methode_non_permise)
        .layer(DefaultBodyLimit::max(config.corps_max))
        .layer(from_fn_with_state(Arc::clone(&etat), metriques::mesurer));
    if let Some(c) = cors(config) {
        r = r.layer(c);
    }
    r.with_state(etat)
}

/// Serves `etat` on `ecoute` until `arret` completes, then lets running requests finish.
pub async fn servir(
    ecoute: tokio::net::TcpListener,
    etat: Arc<Etat>,
    arret: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = routeur(etat).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(ecoute, app).with_graceful_shutdown(arret).await
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn signal_arret() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terme = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terme = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terme => {},
    }
    tracing::info!("arrêt demandé : fin des requêtes en cours");
}
