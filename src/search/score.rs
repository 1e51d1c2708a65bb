//! The ranking formula of DESIGN.md §3, with its weights in one place:
//! `score = 0.45·besoins + 0.25·proximité + 0.15·texte + 0.10·qualité + 0.05·ouverture`,
//! every term in [0, 1]; ties broken by a daily rotation (hash of id mixed with the day), then id.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::BesoinResolu;
use crate::referentiel::{CodeSet, Thematique};

/// Weights of the score terms; overridable by configuration, they should sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Poids {
    /// Share of the person's weighted needs the offer covers.
    pub besoins: f64,
    /// Nearness, relative to the radius.
    pub proximite: f64,
    /// Text relevance.
    pub texte: f64,
    /// data·inclusion quality score.
    pub qualite: f64,
    /// Open at the requested time or within 48 h.
    pub ouverture: f64,
}

impl Default for Poids {
    fn default() -> Self {
        Poids {
            besoins: 0.45,
            proximite: 0.25,
            texte: 0.15,
            qualite: 0.10,
            ouverture: 0.05,
        }
    }
}

/// The five terms of one result's score, each in [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Composantes {
    /// Σ weights of covered needs / Σ all weights.
    pub besoins: f64,
    /// `exp(−d / (rayon/3))` on site; 0.5 remote (0.25 without digital autonomy).
    pub proximite: f64,
    /// Saturated BM25 `s / (s + k)`; 0 without text.
    pub texte: f64,
    /// Quality score.
    pub qualite: f64,
    /// 1 when open at the requested time or within 48 h.
    pub ouverture: f64,
}

impl Composantes {
    /// The weighted sum.
    pub fn score(&self, poids: &Poids) -> f64 {
        poids.besoins * self.besoins
            + poids.proximite * self.proximite
            + poids.texte * self.texte
            + poids.qualite * self.qualite
            + poids.ouverture * self.ouverture
    }
}

/// The needs term and the needs the offer covers, as a bit mask over `besoins` (bit `i` for
/// `besoins[i]`; at most 64 needs). Without needs the term is 0 for everyone (it does not
/// discriminate).
pub fn couverture(thematiques: CodeSet<Thematique>, besoins: &[BesoinResolu]) -> (f64, u64) {
    let mut total = 0.0;
    let mut couvert = 0.0;
    let mut masque = 0u64;
    for (i, b) in besoins.iter().enumerate().take(64) {
        total += b.poids;
        if b.thematiques.intersects(&thematiques) {
            couvert += b.poids;
            masque |= 1 << i;
        }
    }
    if total <= 0.0 {
        return (0.0, masque);
    }
    (couvert / total, masque)
}

/// Nearness of an on-site offer at `distance_km` for a search radius of `rayon_km`.
pub fn proximite_sur_place(distance_km: f64, rayon_km: f64) -> f64 {
    if rayon_km <= 0.0 {
        return if distance_km <= 0.0 { 1.0 } else { 0.0 };
    }
    (-distance_km.max(0.0) / (rayon_km / 3.0)).exp()
}

/// Nearness of a remote offer: 0.5, or 0.25 when the person is known to lack digital autonomy.
pub fn proximite_a_distance(autonomie_numerique: Option<bool>) -> f64 {
    if autonomie_numerique == Some(false) {
        0.25
    } else {
        0.5
    }
}

/// The `k` of [`texte_sature`] in the search: a BM25 of 4 (a rare word matched once in a short
/// text) gives 0.5.
pub const SATURATION_TEXTE: f64 = 4.0;

/// BM25 score saturated into [0, 1).
pub fn texte_sature(bm25: f64, k: f64) -> f64 {
    if bm25 <= 0.0 { 0.0 } else { bm25 / (bm25 + k) }
}

/// A service's stable 64-bit key: the first 8 bytes of SHA-256 of its id (identical on every
/// machine, unlike the process-seeded std hasher). Computed once per snapshot.
pub fn cle_service(id: &str) -> u64 {
    let digest = Sha256::digest(id.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(bytes)
}

/// The daily rotation key from a service key: a splitmix64 mix of the key and the day number,
/// so ties rotate every day, stay stable within a day, and cost a few instructions per candidate.
pub fn rotation(cle: u64, date: NaiveDate) -> u64 {
    let jour = u64::try_from(date.num_days_from_ce()).unwrap_or_default();
    let mut z = cle ^ jour.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The daily rotation key of a service id ([`cle_service`] then [`rotation`]).
pub fn rotation_quotidienne(id: &str, date: NaiveDate) -> u64 {
    rotation(cle_service(id), date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referentiel::Code;
    use crate::search::resoudre;

    #[test]
    fn default_weights_sum_to_one() {
        let p = Poids::default();
        let c = Composantes {
            besoins: 1.0,
            proximite: 1.0,
            texte: 1.0,
            qualite: 1.0,
            ouverture: 1.0,
        };
        assert!((c.score(&p) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn one_offer_covering_two_needs_beats_one_covering_one() {
        let besoins = [
            resoudre("mobilite.acceder-vehicule", 1).expect("need"),
            resoudre("emploi.repondre-a-des-offres-demploi", 2).expect("need"),
        ];
        let vehicule = Thematique::parse("mobilite--acceder-a-un-vehicule").expect("t");
        let emploi =
            Thematique::parse("trouver-un-emploi--repondre-a-des-offres-demploi").expect("t");
        let (deux, couverts) = couverture([vehicule, emploi].into_iter().collect(), &besoins);
        assert_eq!((deux, couverts), (1.0, 0b11));
        let (un, _) = couverture([vehicule].into_iter().collect(), &besoins);
        assert!((un - 3.0 / 5.0).abs() < 1e-12);
        assert_eq!(couverture(CodeSet::new(), &[]).0, 0.0);
    }

    #[test]
    fn proximity_and_text_terms() {
        assert_eq!(proximite_sur_place(0.0, 15.0), 1.0);
        assert!((proximite_sur_place(5.0, 15.0) - (-1.0f64).exp()).abs() < 1e-12);
        assert_eq!(proximite_a_distance(None), 0.5);
        assert_eq!(proximite_a_distance(Some(false)), 0.25);
        assert_eq!(texte_sature(0.0, 2.0), 0.0);
        assert_eq!(texte_sature(2.0, 2.0), 0.5);
    }

    #[test]
    fn rotation_is_stable_per_day_and_changes_across_days() {
        let d1 = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let d2 = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(
            rotation_quotidienne("dora--1", d1),
            rotation_quotidienne("dora--1", d1)
        );
        assert_ne!(
            rotation_quotidienne("dora--1", d1),
            rotation_quotidienne("dora--1", d2)
        );
        assert_ne!(
            rotation_quotidienne("dora--1", d1),
            rotation_quotidienne("dora--2", d1)
        );
    }
}
