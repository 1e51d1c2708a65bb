//! The manifest of a snapshot: what it was built from, and what it holds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Version of the snapshot layout; a snapshot of another version is rebuilt, never read.
/// 3: services stored in spatial order ([`super::ordre`]); 2 answered the same, more slowly.
pub const FORMAT: u32 = 3;

/// Counts of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comptes {
    /// Structures accepted.
    pub structures: u64,
    /// Services accepted.
    pub services: u64,
    /// Records read in the export (structures and services).
    pub lus: u64,
    /// Records rejected by validation.
    pub rejetes: u64,
    /// Services per offer family (family code → count).
    pub par_famille: BTreeMap<String, u64>,
    /// Services that can be placed (with a point).
    pub avec_point: u64,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`] at build time.
    pub format: u32,
    /// Version of maillage that built it.
    pub version: String,
    /// Schema of the catalog.
    pub schema: String,
    /// The catalog directory, as given.
    pub catalogue: String,
    /// SHA-256 of the catalog files read (see [`super::empreinte`]).
    pub empreinte_catalogue: String,
    /// Fingerprint of the territorial referential the zones and communes refer to.
    pub empreinte_territoires: String,
    /// Reference date of the quality score's freshness.
    pub aujourdhui: chrono::NaiveDate,
    /// Build end, RFC 3339.
    pub construit_le: String,
    /// Build duration, in seconds.
    pub duree_s: f64,
    /// Counts.
    pub comptes: Comptes,
}

impl Manifest {
    /// Whether a snapshot with this manifest serves the catalog with `empreinte_catalogue`,
    /// built by this binary's layout over `empreinte_territoires`.
    pub fn correspond(&self, empreinte_catalogue: &str, empreinte_territoires: &str) -> bool {
        self.format == FORMAT
            && self.empreinte_catalogue == empreinte_catalogue
            && self.empreinte_territoires == empreinte_territoires
    }
}
