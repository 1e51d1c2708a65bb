//! The web interface of `maillage serve` (DESIGN.md §1, `ui/`): three pages and their assets,
//! embedded in the binary so that nothing is downloaded at run time.
//!
//! | route | page |
//! |---|---|
//! | `/` | the search: référent mode (diagnostic checklist, profile, explained results, exclusions, parcours, print) and personne accompagnée mode (plain categories, self-mobilisable offers first) |
//! | `/carte` | coverage for coordinators: H3 cells coloured by accessibility, gaps, offers, downloads |
//! | `/services/{id}` | the shareable detail page of one offer |
//! | `/recherche` | the plain search without JavaScript ([`sans_js`], routed with the API's limits) |
//! | `/ui/{asset}` | the embedded assets ([`actifs`]) |
//! | `/ui/fond.json` | the optional raster background of the maps ([`Fond`]) |
//!
//! The pages are static HTML (one shared shell, see [`actifs`]) driven by plain ES modules (no
//! build step, no framework): every
//! datum comes from the JSON API (`/api/v1/…`), the need checklist and the category labels from
//! `/api/v1/referentiels/…` (one source per table). The search is a `POST`: the profile and the
//! needs never appear in a URL, a log or the browser's storage. This module is part of the HTTP
//! edge; the engine knows nothing of it.

pub mod actifs;
pub mod sans_js;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub use actifs::{ACTIFS, Actif, actif};

/// The optional raster tile background of the maps, off by default: `MAILLAGE_TUILES` is a URL
/// template with `{z}`, `{x}`, `{y}` (e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`),
/// `MAILLAGE_TUILES_ATTRIBUTION` the text shown under the map. The data layers never depend on it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Fond {
    /// URL template.
    pub modele: String,
    /// Attribution text.
    pub attribution: String,
}

impl Fond {
    /// From the environment; `None` unless `MAILLAGE_TUILES` is an `http(s)` template with
    /// `{z}`, `{x}` and `{y}`.
    pub fn depuis_env() -> Option<Fond> {
        let modele = std::env::var("MAILLAGE_TUILES").ok()?;
        let valide = (modele.starts_with("https://") || modele.starts_with("http://"))
            && ["{z}", "{x}", "{y}"].iter().all(|m| modele.contains(m));
        if !valide {
            tracing::warn!(
                "MAILLAGE_TUILES ignoré : attendu une URL http(s) avec {{z}}, {{x}}, {{y}}"
            );
            return None;
        }
        let attribution = std::env::var("MAILLAGE_TUILES_ATTRIBUTION")
            .unwrap_or_else(|_| "Fond de carte : voir le fournisseur de tuiles".to_owned());
        Some(Fond {
            modele,
            attribution,
        })
    }

    /// `scheme://host[:port]` of the template, for the page's `img-src`.
    fn origine(&self) -> &str {
        let apres = self.modele.find("://").map_or(0, |i| i + 3);
        let fin = self.modele[apres..]
            .find('/')
            .map_or(self.modele.len(), |i| apres + i);
        &self.modele[..fin]
    }
}

static FOND: std::sync::LazyLock<Option<Fond>> = std::sync::LazyLock::new(Fond::depuis_env);

/// The security policy of every page: same-origin scripts, styles and data only (plus the tile
/// server's images when a background is configured).
static CSP: std::sync::LazyLock<HeaderValue> = std::sync::LazyLock::new(|| {
    let tuiles = FOND
        .as_ref()
        .map(|f| f.origine().to_owned())
        .unwrap_or_default();
    let csp = format!(
        "default-src 'self'; img-src 'self' data: {tuiles}; style-src 'self'; script-src 'self'; \
         connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    );
    HeaderValue::from_str(&csp).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
});

/// Serves `a` with its content type and cache policy (pages are revalidated, assets kept an hour).
fn servir(a: Actif) -> Response {
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
        h.insert(header::CONTENT_SECURITY_POLICY, CSP.clone());
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

/// `{"modele", "attribution"}`, or `{}` when no background is configured.
async fn fond() -> Response {
    let corps = match FOND.as_ref() {
        Some(f) => serde_json::to_string(f).unwrap_or_else(|_| "{}".to_owned()),
        None => "{}".to_owned(),
    };
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        corps,
    )
        .into_response()
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
        .route("/ui/fond.json", get(fond))
        .route("/ui/{asset}", get(fichier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origine_du_modele_de_tuiles() {
        let f = Fond {
            modele: "https://tuiles.exemple.fr:8443/{z}/{x}/{y}.png".to_owned(),
            attribution: String::new(),
        };
        assert_eq!(f.origine(), "https://tuiles.exemple.fr:8443");
    }
}
