//! Search benchmark (issue "Search", DESIGN.md §6): a `synth` catalogue of 300,000 services
//! (seed 7; `MAILLAGE_BENCH_SERVICES` overrides the size) built into a snapshot, then the fixed
//! reference workload of 1,000 queries of `maillage::search::charge` (the HTTP load uses it too).
//!
//! Prints the snapshot build time (when the cached one is missing or stale), the load time, the RSS, and the latency distribution of one pass
//! over the workload (p50, p90, p99, max); criterion then measures the mean over the workload.
//! The synthetic catalogue and its snapshot are cached under `target/bench-data/`.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use maillage::catalog::synth::{OptionsSynth, generer, lieux};
use maillage::catalog::validation::OptionsChargement;
use maillage::index;
use maillage::search::Requete;
use maillage::search::charge::{GRAINE_CHARGE, requetes_de_reference};
use maillage::territoire::Territoires;

fn services() -> usize {
    std::env::var("MAILLAGE_BENCH_SERVICES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300_000)
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
}

/// Peak and current resident set size, from `/proc/self/status` (Linux).
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let champ = |nom: &str| {
        status
            .lines()
            .find(|l| l.starts_with(nom))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|k| k.parse::<u64>().ok())
            .map_or("?".to_owned(), |k| format!("{:.0} MB", k as f64 / 1024.0))
    };
    format!("RSS {} (pic {})", champ("VmRSS:"), champ("VmHWM:"))
}

/// The cached catalogue directory and a freshly built snapshot directory.
fn donnees() -> (PathBuf, PathBuf) {
    let n = services();
    let racine = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let catalogue = racine.join(format!("synth-{n}-7"));
    if !catalogue.join("services.jsonl").exists() {
        std::fs::create_dir_all(&catalogue).expect("mkdir");
        let options = OptionsSynth {
            services: n,
            graine: 7,
            sales: false,
            date_reference: date(),
            departements: None,
        };
        generer(&lieux(Territoires::embarques()), &options, &catalogue).expect("synthetic catalog");
    }
    let index_dir = racine.join(format!("index-{n}-7"));
    let debut = Instant::now();
    let (instantane, construction) = index::preparer(
        &catalogue,
        &index_dir,
        &OptionsChargement { aujourdhui: date() },
        &mut |_| {},
    )
    .expect("snapshot");
    if construction.is_some() {
        eprintln!(
            "construction et chargement de l'instantané ({n} services) : {:.1} s ; {}",
            debut.elapsed().as_secs_f64(),
            rss()
        );
    }
    drop(instantane);
    (catalogue, index_dir)
}

/// The fixed reference workload, validated.
fn requetes(n: usize) -> Vec<Requete> {
    let t = Territoires::embarques();
    requetes_de_reference(t, n, GRAINE_CHARGE)
        .iter()
        .map(|q| q.valider(t).expect("valid"))
        .collect()
}

fn percentile(tries: &[f64], p: f64) -> f64 {
    let i = ((tries.len() as f64 - 1.0) * p).round() as usize;
    tries[i.min(tries.len() - 1)]
}

fn recherche(c: &mut Criterion) {
    let (_catalogue, index_dir) = donnees();
    let debut = Instant::now();
    let instantane = index::ouvrir(&index_dir).expect("load");
    eprintln!(
        "chargement de l'instantané : {:.2} s ; {}",
        debut.elapsed().as_secs_f64(),
        rss()
    );
    let moteur = &instantane.moteur;
    let requetes = requetes(1_000);
    let maintenant = NaiveDate::from_ymd_opt(2026, 12, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time");
    for r in &requetes {
        black_box(moteur.rechercher(r, maintenant).expect("search"));
    }
    let mut durees: Vec<f64> = requetes
        .iter()
        .map(|r| {
            let debut = Instant::now();
            black_box(moteur.rechercher(r, maintenant).expect("search"));
            debut.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    durees.sort_by(f64::total_cmp);
    eprintln!(
        "1000 requêtes : p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms ; {}",
        percentile(&durees, 0.5),
        percentile(&durees, 0.9),
        percentile(&durees, 0.99),
        durees[durees.len() - 1],
        rss()
    );
    let mut i = 0;
    c.bench_function(&format!("rechercher_{}_services", services()), |b| {
        b.iter(|| {
            i = (i + 1) % requetes.len();
            black_box(moteur.rechercher(&requetes[i], maintenant).expect("search"))
        })
    });
}

criterion_group!(benches, recherche);
criterion_main!(benches);
