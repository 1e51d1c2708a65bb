//! Benchmark of the in-memory search engine on a fixed synthetic catalogue (100,000 services,
//! seed 7) and a fixed workload of 200 queries: places drawn by population (seeded), 1–3 needs,
//! some profiles. Text is not part of the engine yet.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use maillage::catalog::synth::{OptionsSynth, generer, lieux};
use maillage::catalog::validation::{OptionsChargement, charger};
use maillage::search::{Moteur, Requete, RequeteDemandee};
use maillage::territoire::Territoires;
use rand::{Rng, SeedableRng};

fn charge() -> (maillage::catalog::model::Catalogue, tempfile::TempDir) {
    let territoires = Territoires::embarques();
    let dir = tempfile::tempdir().expect("temp dir");
    let date = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let options = OptionsSynth {
        services: 100_000,
        graine: 7,
        sales: false,
        date_reference: date,
        departements: None,
    };
    generer(&lieux(territoires), &options, dir.path()).expect("synthetic catalog");
    let (catalogue, _) = charger(
        dir.path(),
        territoires,
        &OptionsChargement { aujourdhui: date },
    )
    .expect("loads");
    (catalogue, dir)
}

fn requetes() -> Vec<Requete> {
    let t = Territoires::embarques();
    let places = lieux(t);
    let total: u64 = places.iter().map(|l| u64::from(l.population)).sum();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    let besoins = [
        "mobilite",
        "emploi",
        "logement.hebergement-temporaire",
        "sante",
        "numerique",
        "finances.alimentation",
        "trouver-un-emploi",
    ];
    (0..200)
        .map(|_| {
            let mut x = rng.random_range(0..total);
            let lieu = places
                .iter()
                .find(|l| {
                    let p = u64::from(l.population);
                    if x < p { true } else { x -= p; false }
                })
                .unwrap_or(&places[0]);
            let n = rng.random_range(1..=3);
            let b: Vec<_> = (0..n)
                .map(|_| serde_json::json!({"code": besoins[rng.random_range(0..besoins.len())], "priorite": rng.random_range(1..=3)}))
                .collect();
            let mut q = serde_json::json!({"lieu": {"code_commune": lieu.code_insee}, "besoins": b, "rayon_km": rng.random_range(5..40)});
            if rng.random_bool(0.5) {
                q["profil"] = serde_json::json!({"age": rng.random_range(17..65), "rqth": rng.random_bool(0.2), "rsa": rng.random_bool(0.3)});
            }
            serde_json::from_value::<RequeteDemandee>(q).expect("shape").valider(t).expect("valid")
        })
        .collect()
}

fn recherche(c: &mut Criterion) {
    let (catalogue, _dir) = charge();
    let moteur = Moteur::new(catalogue, Territoires::embarques()).expect("engine");
    let requetes = requetes();
    let maintenant = NaiveDate::from_ymd_opt(2026, 12, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time");
    let mut i = 0;
    c.bench_function("rechercher_100000_services", |b| {
        b.iter(|| {
            i = (i + 1) % requetes.len();
            black_box(moteur.rechercher(&requetes[i], maintenant).expect("search"))
        })
    });
}

criterion_group!(benches, recherche);
criterion_main!(benches);
