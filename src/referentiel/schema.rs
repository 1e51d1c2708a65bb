//! OpenAPI schemas of the referential codes, generated from the embedded code lists: a code type
//! is a string whose allowed values are the list's codes (a `CodeSet` field is documented as an
//! array of them with `#[schema(value_type = Vec<…>)]`). The HTTP API's document
//! (`/api/v1/openapi.json`) reads them, so it cannot drift from the referential.

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

use super::Code;

/// The schema of one code of `T`'s list: a string among its codes.
pub fn schema_code<T: Code>() -> Schema {
    let liste = T::liste();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(liste.entrees().iter().map(|e| e.code.clone())))
        .description(Some(format!(
            "code du référentiel {} (libellés : /api/v1/referentiels/{})",
            liste.nom(),
            liste.nom()
        )))
        .into()
}
