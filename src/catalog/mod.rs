//! The offer catalog: the data·inclusion v1 model, streaming load (JSON, JSON Lines, CSV),
//! validation report, normalisation, and the synthetic catalog generator.

pub mod brut;
pub mod lecture;
pub mod model;
pub mod normalisation;
pub mod synth;
pub mod validation;
