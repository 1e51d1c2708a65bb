//! # maillage
//!
//! What can this person actually access, near here, for the needs flagged in her diagnostic?
//!
//! The library is organised as one folder per concept, data flowing downward only
//! (see `ARCHITECTURE.md` at the repository root for the code map):
//!
//! - [`referentiel`]: data·inclusion code lists and the diagnostic needs, as typed ids;
//! - [`territoire`]: INSEE codes as types, communes, EPCI, départements, régions, zones;
//! - [`texte`]: French text folding shared by every lookup by name;
//! - [`catalog`]: the data·inclusion v1 model, streaming load, validation and normalisation,
//!   and the synthetic catalog generator.

pub mod catalog;
pub mod referentiel;
pub mod territoire;
pub mod texte;
