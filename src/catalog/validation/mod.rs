//! Validation of a data·inclusion export: each record checked field by field, rejected with a
//! reason or accepted (unknown codes, bad contacts and bad coordinates dropped or corrected with a
//! warning, as data·inclusion does), and totals that reconcile.

mod champs;
mod chargement;
mod rapport;

pub use champs::{Probleme, Verificateur};
pub use chargement::{
    ChargementError, OptionsChargement, charger, charger_avec_progres, fichier_de,
};
pub use rapport::{Constat, Gravite, Motif, Rapport, TotauxFichier};
