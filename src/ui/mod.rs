//! The web interface of `maillage serve` (DESIGN.md §1, `ui/`): three pages and their assets,
//! embedded in the binary so that nothing is downloaded at run time.
//!
//! | route | page |
//! |---|---|
//! | `/` | the search: référent mode (diagnostic checklist, profile, explained results, exclusions, parcours, print) and personne accompagnée mode (plain categories, self-mobilisable offers first) |
//! | `/carte` | coverage for coordinators: H3 cells coloured by accessibility, gaps, offers, downloads |
//! | `/services/{id}` | the shareable detail page of one offer |
//! | `/ui/{asset}` | the embedded assets ([`actifs`]) |
//!
//! The pages are static HTML driven by plain ES modules (no build step, no framework): every
//! datum comes from the JSON API (`/api/v1/…`), the need checklist and the category labels from
//! `/api/v1/referentiels/…` (one source per table). The search is a `POST`: the profile and the
//! needs never appear in a URL, a log or the browser's storage. This module is part of the HTTP
//! edge; the engine knows nothing of it.

pub mod actifs;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub use actifs::{ACTIFS, Actif, actif};

/// The security headers of every page: same-origin scripts, styles and data only.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Serves `a` with its content type and cache policy (pages are revalidated, assets kept an hour).
fn servir(a: &Actif) -> Response {
    let mut r = a.contenu.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.type_mime));
    let cache = if a.type_mime.starts_with("text/html") {
        "no-cache"
    } else {
        "public, max-age=3600"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::ETAG, HeaderValue::from_static(a.etag));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if a.type_mime.starts_with("text/html") {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    }
    r
}

fn page(nom: &str) -> Response {
    match actif(nom) {
        Some(a) => servir(a),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn accueil() -> Response {
    page("index.html")
}

async fn carte() -> Response {
    page("carte.html")
}

/// The detail page is the same document for every id: the script reads the id from the path.
async fn service(Path(_id): Path<String>) -> Response {
    page("service.html")
}

async fn fichier(Path(nom): Path<String>) -> Response {
    match actif(&nom) {
        Some(a) => servir(a),
        None => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "ressource inconnue « {} »",
                nom.chars().take(60).collect::<String>()
            ),
        )
            .into_response(),
    }
}

/// The routes of the interface, to merge into the API router (any state).
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(accueil))
        .route("/carte", get(carte))
        .route("/services/{id}", get(service))
        .route("/ui/{asset}", get(fichier))
}
