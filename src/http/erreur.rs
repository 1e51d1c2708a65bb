//! RFC 9457 `application/problem+json` errors, with the one table mapping each error kind to its
//! status ([`Genre::fiche`]), and the extractors that turn axum's own rejections (bad JSON, wrong
//! content type, body too large) into the same shape.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::search::{RechercheError, RequeteError};

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Kinds of error the API answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// The body is not JSON, or the query string is malformed.
    RequeteMalformee,
    /// A field has a wrong type, an unknown code or a value out of range.
    ChampInvalide,
    /// No such resource or route.
    NonTrouve,
    /// The route exists for other methods.
    MethodeNonPermise,
    /// The body is larger than allowed.
    CorpsTropGros,
    /// The body is not `application/json`.
    TypeNonSupporte,
    /// Missing or wrong admin key.
    NonAutorise,
    /// A reload or import is already running.
    Conflit,
    /// Too many requests from this address.
    TropDeRequetes,
    /// The request took longer than the timeout.
    DelaiDepasse,
    /// No snapshot is loaded yet.
    Indisponible,
    /// A reload or import could not build the new snapshot (the old one keeps serving).
    EchecRechargement,
    /// A failure on our side.
    Interne,
}

/// What the table says about a kind: status, `type` URI suffix, French title.
#[derive(Debug, Clone, Copy)]
pub struct Fiche {
    /// HTTP status.
    pub statut: StatusCode,
    /// Last segment of the `type` URI.
    pub code: &'static str,
    /// Short French title.
    pub titre: &'static str,
}

impl Genre {
    /// The single error → status table.
    pub const fn fiche(self) -> Fiche {
        let (statut, code, titre) = match self {
            Genre::RequeteMalformee => (
                StatusCode::BAD_REQUEST,
                "requete-malformee",
                "Requête malformée",
            ),
            Genre::ChampInvalide => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "champ-invalide",
                "Champ invalide",
            ),
            Genre::NonTrouve => (StatusCode::NOT_FOUND, "non-trouve", "Ressource introuvable"),
            Genre::MethodeNonPermise => (
                StatusCode::METHOD_NOT_ALLOWED,
                "methode-non-permise",
                "Méthode non permise",
            ),
            Genre::CorpsTropGros => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "corps-trop-gros",
                "Corps de requête trop gros",
            ),
            Genre::TypeNonSupporte => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "type-non-supporte",
                "Type de contenu non supporté",
            ),
            Genre::NonAutorise => (
                StatusCode::UNAUTHORIZED,
                "non-autorise",
                "Clé d'administration absente ou invalide",
            ),
            Genre::Conflit => (StatusCode::CONFLICT, "conflit", "Opération déjà en cours"),
            Genre::TropDeRequetes => (
                StatusCode::TOO_MANY_REQUESTS,
                "trop-de-requetes",
                "Trop de requêtes",
            ),
            Genre::DelaiDepasse => (
                StatusCode::SERVICE_UNAVAILABLE,
                "delai-depasse",
                "Délai dépassé",
            ),
            Genre::Indisponible => (
                StatusCode::SERVICE_UNAVAILABLE,
                "indisponible",
                "Service pas encore prêt",
            ),
            Genre::EchecRechargement => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "echec-rechargement",
                "Échec du rechargement",
            ),
            Genre::Interne => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "interne",
                "Erreur interne",
            ),
        };
        Fiche {
            statut,
            code,
            titre,
        }
    }

    /// Every kind, for the OpenAPI document and tests.
    pub const TOUS: [Genre; 13] = [
        Genre::RequeteMalformee,
        Genre::ChampInvalide,
        Genre::NonTrouve,
        Genre::MethodeNonPermise,
        Genre::CorpsTropGros,
        Genre::TypeNonSupporte,
        Genre::NonAutorise,
        Genre::Conflit,
        Genre::TropDeRequetes,
        Genre::DelaiDepasse,
        Genre::Indisponible,
        Genre::EchecRechargement,
        Genre::Interne,
    ];
}

/// One item of a data·inclusion (FastAPI) style error list, for `search/services` clients.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErreurChamp {
    /// Where: `["query", "thematiques"]`.
    pub loc: Vec<String>,
    /// What is wrong.
    pub msg: String,
    /// Kind (`value_error`, `enum`, `missing`…).
    #[serde(rename = "type")]
    pub genre: &'static str,
}

/// An error answered as problem+json.
#[derive(Debug, Clone)]
pub struct ErreurApi {
    /// Its kind (hence its status).
    pub genre: Genre,
    /// What is wrong and what is allowed, in French.
    pub detail: String,
    /// The field at fault, when one is.
    pub champ: Option<String>,
    /// data·inclusion style list (`search/services` only).
    pub erreurs: Vec<ErreurChamp>,
    /// Seconds before retrying (429).
    pub reessayer_dans: Option<u64>,
}

/// The problem+json body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Probleme<'a> {
    /// URI of the kind.
    #[serde(rename = "type")]
    pub type_: String,
    /// Title of the kind.
    pub title: &'static str,
    /// HTTP status.
    pub status: u16,
    /// French detail.
    pub detail: &'a str,
    /// Field at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub champ: Option<&'a str>,
    /// data·inclusion style list.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub errors: &'a [ErreurChamp],
}

impl ErreurApi {
    /// An error of kind `genre`.
    pub fn new(genre: Genre, detail: impl Into<String>) -> Self {
        ErreurApi {
            genre,
            detail: detail.into(),
            champ: None,
            erreurs: Vec::new(),
            reessayer_dans: None,
        }
    }

    /// A field error (422).
    pub fn champ(champ: impl Into<String>, detail: impl Into<String>) -> Self {
        let champ = champ.into();
        let detail = detail.into();
        ErreurApi {
            detail: format!("{champ} : {detail}"),
            champ: Some(champ),
            ..ErreurApi::new(Genre::ChampInvalide, "")
        }
    }

    /// A failure on our side; the cause is logged, not shown.
    pub fn interne(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "erreur interne");
        ErreurApi::new(
            Genre::Interne,
            "erreur interne du serveur ; réessayer plus tard",
        )
    }
}

impl From<RequeteError> for ErreurApi {
    fn from(e: RequeteError) -> Self {
        ErreurApi::champ(e.champ, e.detail)
    }
}

impl From<RechercheError> for ErreurApi {
    fn from(e: RechercheError) -> Self {
        match e {
            RechercheError::Requete(r) => r.into(),
            e @ RechercheError::Index(_) => ErreurApi::interne(e),
        }
    }
}

impl IntoResponse for ErreurApi {
    fn into_response(self) -> Response {
        let fiche = self.genre.fiche();
        let corps = Probleme {
            type_: format!("https://maillage.invalid/problemes/{}", fiche.code),
            title: fiche.titre,
            status: fiche.statut.as_u16(),
            detail: &self.detail,
            champ: self.champ.as_deref(),
            errors: &self.erreurs,
        };
        let octets = serde_json::to_vec(&corps).unwrap_or_default();
        let mut r = (fiche.statut, octets).into_response();
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(s) = self.reessayer_dans {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}

/// The French reading of a JSON body rejection.
pub fn rejet_json(rejet: JsonRejection) -> ErreurApi {
    match rejet {
        JsonRejection::JsonDataError(e) => {
            // serde's message names the field path and the expected type or values.
            let cause = std::error::Error::source(&e)
                .map(ToString::to_string)
                .unwrap_or_else(|| e.body_text());
            ErreurApi::new(
                Genre::ChampInvalide,
                format!("corps JSON invalide : {}", traduire_serde(&cause)),
            )
        }
        JsonRejection::JsonSyntaxError(e) => {
            let cause = std::error::Error::source(&e)
                .map(ToString::to_string)
                .unwrap_or_default();
            ErreurApi::new(
                Genre::RequeteMalformee,
                format!("le corps n'est pas du JSON valide ({cause})"),
            )
        }
        JsonRejection::MissingJsonContentType(_) => ErreurApi::new(
            Genre::TypeNonSupporte,
            "en-tête Content-Type attendu : application/json",
        ),
        JsonRejection::BytesRejection(e) => {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ErreurApi::new(Genre::CorpsTropGros, "corps de requête trop gros")
            } else {
                ErreurApi::new(Genre::RequeteMalformee, "corps de requête illisible")
            }
        }
        _ => ErreurApi::new(Genre::RequeteMalformee, "corps de requête illisible"),
    }
}

/// A few serde phrases in French; the field path and values it names are kept as they are.
fn traduire_serde(message: &str) -> String {
    message
        .replace("unknown field", "champ inconnu")
        .replace("expected one of", "valeurs permises :")
        .replace("unknown variant", "valeur inconnue")
        .replace("invalid type", "type invalide")
        .replace("expected", "attendu")
        .replace("missing field", "champ manquant")
        .replace("at line", "ligne")
        .replace("column", "colonne")
}

/// `axum::Json` whose rejections are problem+json.
#[derive(Debug, Clone, Copy, Default)]
pub struct CorpsJson<T>(pub T);

impl<T, S> FromRequest<S> for CorpsJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ErreurApi;

    async fn from_request(req: Request, etat: &S) -> Result<Self, Self::Rejection> {
        axum::Json::<T>::from_request(req, etat)
            .await
            .map(|axum::Json(v)| CorpsJson(v))
            .map_err(rejet_json)
    }
}

/// Fallback of unknown routes.
pub async fn route_inconnue(uri: axum::http::Uri) -> ErreurApi {
    ErreurApi::new(
        Genre::NonTrouve,
        format!(
            "aucune route {} (voir /api/v1/openapi.json)",
            court(uri.path())
        ),
    )
}

/// Fallback of known routes called with another method.
pub async fn methode_non_permise(methode: axum::http::Method) -> ErreurApi {
    ErreurApi::new(
        Genre::MethodeNonPermise,
        format!("méthode {methode} non permise sur cette route"),
    )
}

/// At most 100 characters of user input in a message.
pub fn court(s: &str) -> String {
    s.chars().take(100).collect()
}
