//! Benchmark of the coverage on a fixed synthetic catalogue (300,000 services, seed 7), with the
//! three cases of the issue: one département, one need, res 8; all France, one need, res 7;
//! `tous` for one département (res 7). The index (national grids) is warmed before timing, as a
//! server holds it per snapshot.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use maillage::catalog::model::Catalogue;
use maillage::catalog::synth::{OptionsSynth, generer, lieux};
use maillage::catalog::validation::{OptionsChargement, charger};
use maillage::coverage::{DemandeCouverture, IndexCouverture, couverture};
use maillage::territoire::Territoires;

fn charge() -> Catalogue {
    let territoires = Territoires::embarques();
    let dir = tempfile::tempdir().expect("temp dir");
    let date = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let options = OptionsSynth {
        services: 300_000,
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
    catalogue
}

fn bench(c: &mut Criterion) {
    let t = Territoires::embarques();
    let catalogue = charge();
    let index = IndexCouverture::new(&catalogue, t);
    let cas = [
        ("departement_59_mobilite_res8", "59", "mobilite", 8u8),
        ("france_mobilite_res7", "france", "mobilite", 7),
        ("departement_59_tous_res7", "59", "tous", 7),
    ];
    let mut groupe = c.benchmark_group("couverture");
    groupe.sample_size(10);
    for (nom, territoire, besoin, resolution) in cas {
        let requete = DemandeCouverture {
            territoire: territoire.into(),
            besoins: vec![besoin.into()],
            resolution: Some(resolution),
            ..DemandeCouverture::default()
        }
        .valider(t)
        .expect("valid request");
        // Warm the national grid of the resolution (built once per snapshot).
        let r = couverture(&index, &catalogue, t, &requete).expect("coverage");
        eprintln!(
            "{nom}: {} cellules, {} offres sur place, {:.1} % couverts",
            r.besoins[0].synthese.cellules,
            r.besoins[0].synthese.offres_sur_place,
            r.besoins[0].synthese.part_couverte
        );
        groupe.bench_function(nom, |b| {
            b.iter(|| black_box(couverture(&index, &catalogue, t, black_box(&requete))))
        });
    }
    groupe.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
