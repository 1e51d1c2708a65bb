//! Integration tests: one binary, shared fixtures under `tests/fixtures/`.

mod common;
mod http;
mod loaders_fuzz;
mod validate_cli;
mod validation;
