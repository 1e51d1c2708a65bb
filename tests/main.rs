//! Integration tests: one binary, shared fixtures under `tests/fixtures/`.

mod common;
mod couverture;
mod http;
mod instantane;
mod loaders_fuzz;
mod navigateur;
mod validate_cli;
mod validation;
