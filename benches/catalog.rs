//! Benchmarks of the catalog foundation, on fixed inputs:
//! - loading (read + validate + normalise) a 20,000-service synthetic catalog (seed 7, dirty);
//! - territory lookups: nearest commune, commune by code, typeahead.
//!
//! The 300,000-service figure of the README is measured with the release binary:
//! `maillage synth --services 300000 --seed 7 --sales --out /tmp/s && maillage validate --catalog /tmp/s`.

#![allow(missing_docs)] // criterion_group! generates undocumented functions

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use maillage::catalog::synth::{OptionsSynth, generer, lieux};
use maillage::catalog::validation::{OptionsChargement, charger};
use maillage::territoire::{Point, Territoires};

fn chargement(c: &mut Criterion) {
    let territoires = Territoires::embarques();
    let dir = tempfile::tempdir().expect("temp dir");
    let date = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let options = OptionsSynth {
        services: 20_000,
        graine: 7,
        sales: true,
        date_reference: date,
        departements: None,
    };
    generer(&lieux(territoires), &options, dir.path()).expect("synthetic catalog");
    let chargement = OptionsChargement { aujourdhui: date };
    let mut group = c.benchmark_group("catalogue");
    group.sample_size(10);
    group.bench_function("charger_20000_services", |b| {
        b.iter(|| charger(black_box(dir.path()), territoires, &chargement).expect("loads"))
    });
    group.finish();
}

fn territoires(c: &mut Criterion) {
    let t = Territoires::embarques();
    let points: Vec<Point> = (0..64)
        .map(|i| Point::new(43.0 + f64::from(i % 8) * 0.7, -1.0 + f64::from(i / 8) * 0.9))
        .collect();
    c.bench_function("commune_la_plus_proche_x64", |b| {
        b.iter(|| {
            for p in &points {
                black_box(t.commune_la_plus_proche(*p));
            }
        })
    });
    c.bench_function("commune_par_code", |b| {
        b.iter(|| black_box(t.commune(black_box("59512"))))
    });
    c.bench_function("rechercher_communes_saint", |b| {
        b.iter(|| black_box(t.rechercher_communes(black_box("saint"), 10)))
    });
}

criterion_group!(benches, chargement, territoires);
criterion_main!(benches);
