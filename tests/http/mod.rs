//! The HTTP service over real HTTP: an in-process server on an ephemeral port (or the real
//! binary, for durability), called with reqwest.

mod admin;
mod erreurs;
mod points;
pub mod serveur;
