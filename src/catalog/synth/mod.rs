//! Synthetic catalog generator: realistic data·inclusion v1 structures and services, written as
//! JSON Lines, for load tests, demos and validation tests.
//!
//! - [`lieu`]: the places (communes) structures are put in, given by the caller;
//! - [`famille`](self): offer families (SIAE, EA, ESAT, PLIE, SIAO, missions locales, mobility,
//!   health, food aid, budget, digital, housing, family, associations) and their services;
//! - structures and services are drawn from them, population-weighted, with French names,
//!   addresses, descriptions and valid OSM opening hours;
//! - a few percent are republished by a second source (same SIRET, name, address; other id);
//! - with `sales: true`, about 2 % of records carry exactly one deliberate defect ([`Salete`]).
//!
//! Output is deterministic: the same places, options and seed give byte-identical files
//! (`ChaCha8Rng`, no hash-map iteration). Services are streamed: memory does not grow with their
//! number.

mod famille;
mod generateur;
pub mod lieu;
mod options;
mod salete;
mod service;
mod structure;
mod texte;

#[cfg(test)]
mod tests;

pub use generateur::{TAUX_DOUBLONS, generer, generer_avec_suivi};
pub use lieu::{Lieu, lieux, lieux_exemple};
pub use options::{OptionsSynth, ResumeSynth, Salete, SynthError};
pub use salete::TAUX_SALETE;

/// Codes of the offer families, in the order of the summary.
pub fn familles() -> impl Iterator<Item = &'static str> {
    famille::PROFILS.iter().map(|p| p.code)
}
