//! The fixed reference workload of the search benchmarks (`benches/search.rs` in process,
//! `benches/charge.rs` over HTTP): seeded, so both measure the same 1,000 queries.
//!
//! Places are communes drawn by population; each query has 1–4 needs with priorities, a radius of
//! 5–40 km, a profile one time in two, a text one time in five, `tri=distance` and `ouvert_le`
//! one time in ten.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{BesoinDemande, FiltresDemandes, LieuDemande, Profil, RequeteDemandee, Tri};
use crate::catalog::synth::{Lieu, lieux};
use crate::territoire::Territoires;

/// Seed of the reference workload.
pub const GRAINE_CHARGE: u64 = 42;

const BESOINS: [&str; 10] = [
    "mobilite",
    "mobilite.permis",
    "emploi",
    "logement.hebergement-temporaire",
    "sante",
    "numerique",
    "finances.alimentation",
    "trouver-un-emploi",
    "famille.garde-enfants",
    "lecture-ecriture-calcul.francais",
];

const TEXTES: [&str; 10] = [
    "garage",
    "permis de conduire",
    "hébergement d'urgence",
    "atelier",
    "numérique",
    "aide alimentaire",
    "insertion",
    "emplois",
    "RQTH",
    "accompagnement",
];

/// A commune drawn with probability proportional to its population.
pub fn lieu_par_population<'a>(lieux: &'a [Lieu], total: u64, rng: &mut ChaCha8Rng) -> &'a Lieu {
    let mut x = rng.random_range(0..total.max(1));
    lieux
        .iter()
        .find(|l| {
            let p = u64::from(l.population);
            if x < p {
                true
            } else {
                x -= p;
                false
            }
        })
        .unwrap_or(&lieux[0])
}

/// `n` queries of the reference workload drawn with `graine` (use [`GRAINE_CHARGE`]).
pub fn requetes_de_reference(
    territoires: &Territoires,
    n: usize,
    graine: u64,
) -> Vec<RequeteDemandee> {
    let places = lieux(territoires);
    let total: u64 = places.iter().map(|l| u64::from(l.population)).sum();
    let mut rng = ChaCha8Rng::seed_from_u64(graine);
    (0..n)
        .map(|_| {
            let lieu = lieu_par_population(&places, total, &mut rng);
            let k = rng.random_range(1..=4);
            let besoins = (0..k)
                .map(|_| BesoinDemande {
                    code: BESOINS[rng.random_range(0..BESOINS.len())].to_owned(),
                    priorite: Some(rng.random_range(1..=3)),
                    genre: None,
                })
                .collect();
            let rayon_km = Some(f64::from(rng.random_range(5..40)));
            let profil = rng.random_bool(0.5).then(|| Profil {
                age: Some(rng.random_range(17..65)),
                rqth: Some(rng.random_bool(0.2)),
                rsa: Some(rng.random_bool(0.3)),
                vehicule: Some(rng.random_bool(0.6)),
                ..Profil::default()
            });
            let texte = rng
                .random_bool(0.2)
                .then(|| TEXTES[rng.random_range(0..TEXTES.len())].to_owned());
            let tri = if rng.random_bool(0.1) {
                Tri::Distance
            } else {
                Tri::Pertinence
            };
            let ouvert_le = rng
                .random_bool(0.1)
                .then(|| "2026-12-02T10:00:00+01:00".to_owned());
            RequeteDemandee {
                lieu: Some(LieuDemande {
                    code_commune: Some(lieu.code_insee.clone()),
                    ..LieuDemande::default()
                }),
                rayon_km,
                besoins,
                profil,
                texte,
                filtres: FiltresDemandes {
                    ouvert_le,
                    ..FiltresDemandes::default()
                },
                tri,
                limite: None,
                curseur: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_workload_is_fixed_and_valid() {
        let t = Territoires::embarques();
        let a = requetes_de_reference(t, 50, GRAINE_CHARGE);
        assert_eq!(a, requetes_de_reference(t, 50, GRAINE_CHARGE));
        for q in &a {
            q.valider(t).expect("every query of the workload is valid");
        }
    }
}
