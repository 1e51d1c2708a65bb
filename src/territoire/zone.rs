//! A zone d'éligibilité code, resolved against the territorial referential.

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::Territoires;
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
    /// A commune or municipal arrondissement, written as its INSEE code (`59350`).
    #[schema(value_type = String)]
    Commune(#[serde(with = "par_code")] CommuneId),
}

/// A [`CommuneId`] in a zone is written as its INSEE code, never as its index in the embedded
/// referential (meaningless to an API client); reading takes the code, or an index as written by
/// snapshots built before (their territory fingerprint is checked, so the index is the same).
mod par_code {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::CommuneId;
    use crate::territoire::Territoires;

    pub fn serialize<S: Serializer>(id: &CommuneId, s: S) -> Result<S::Ok, S::Error> {
        match Territoires::embarques().communes().get(id.0 as usize) {
            Some(c) => s.serialize_str(c.code.as_str()),
            None => Err(serde::ser::Error::custom(format!(
                "commune d'index {} absente du référentiel",
                id.0
            ))),
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Lu {
        Code(String),
        Index(u32),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CommuneId, D::Error> {
        let t = Territoires::embarques();
        match Lu::deserialize(d)? {
            Lu::Code(code) => t
                .commune(&code)
                .map(|c| c.id)
                .ok_or_else(|| serde::de::Error::custom(format!("commune inconnue « {code} »"))),
            Lu::Index(i) if (i as usize) < t.communes().len() => Ok(CommuneId(i)),
            Lu::Index(i) => Err(serde::de::Error::custom(format!(
                "commune d'index {i} absente du référentiel"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn une_commune_de_zone_s_ecrit_par_son_code_insee() {
        let t = Territoires::embarques();
        let id = t.commune("59350").map(|c| c.id).expect("Lille");
        let zone = Zone::Commune(id);
        let json = serde_json::to_value(&zone).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"type": "commune", "code": "59350"})
        );
        let relu: Zone = serde_json::from_value(json).expect("relu");
        assert_eq!(relu, zone);
        let ancien: Zone =
            serde_json::from_value(serde_json::json!({"type": "commune", "code": id.0}))
                .expect("index");
        assert_eq!(ancien, zone);
        assert!(
            serde_json::from_value::<Zone>(serde_json::json!({"type": "commune", "code": "00000"}))
                .is_err()
        );
    }
}
