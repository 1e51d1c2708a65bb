//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document (to come).

use axum::body::Bytes;
use axum::response::Response;

use super::reponse_json;

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Response {
    reponse_json(Bytes::from_static(
        br#"{"openapi":"3.1.0","info":{"title":"maillage","version":"0.1.0"},"paths":{}}"#,
    ))
}
