//! A zone d'éligibilité code, resolved against the territorial referential.

use serde::{Deserialize, Serialize};

use super::{CodeDepartement, CodeRegion, CommuneId, SirenEpci};

/// One resolved zone code of `zone_eligibilite` (or a territory given by a user).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "type", content = "code", rename_all = "snake_case")]
pub enum Zone {
    /// All of France (`france`, `99100`).
    France,
    /// A foreign country (`99xxx` other than `99100`): contains no French commune.
    PaysEtranger(String),
    /// A région (data·inclusion writes régions as their départements; users may name one).
    Region(CodeRegion),
    /// A département.
    Departement(CodeDepartement),
    /// An EPCI, by SIREN.
    Epci(SirenEpci),
    /// A commune or municipal arrondissement.
    Commune(CommuneId),
}
