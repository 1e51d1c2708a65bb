//! Profiling harness (not part of the product): loads the bench snapshot built by
//! `cargo bench --bench search` (`target/bench-data/index-300000-7`), runs the reference workload,
//! prints min-of-passes percentiles and writes every answer to a file, so that two builds can be
//! compared with `cmp` (an optimisation must not change any answer). Services are written by id,
//! so that snapshots storing them in another order compare too.
//!
//! `cargo bench --bench profil -- /tmp/reponses.jsonl 3` (file, passes); `DETAIL=1` lists the
//! slowest queries; `INDEX=dir` measures another snapshot directory; `SEULEMENT_TEXTE=1` runs the
//! queries with a text only.
#![allow(missing_docs, clippy::unwrap_used)]

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use maillage::index;
use maillage::search::charge::{GRAINE_CHARGE, requetes_de_reference};
use maillage::territoire::Territoires;

fn main() {
    // `cargo bench` adds `--bench`: only the positional arguments count.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let sortie = args
        .first()
        .cloned()
        .unwrap_or("/tmp/reponses.jsonl".into());
    let passes: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let racine = std::env::var_os("INDEX").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/index-300000-7"),
        PathBuf::from,
    );
    let d = Instant::now();
    let inst = index::ouvrir(&racine).unwrap();
    eprintln!("chargement {:.2} s", d.elapsed().as_secs_f64());
    let m = &inst.moteur;
    let t = Territoires::embarques();
    let demandes = requetes_de_reference(t, 1000, GRAINE_CHARGE);
    let mut reqs: Vec<_> = demandes.iter().map(|q| q.valider(t).unwrap()).collect();
    if std::env::var("SEULEMENT_TEXTE").is_ok() {
        reqs.retain(|r| r.texte.is_some());
    }
    let maintenant = NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(&sortie).unwrap());
    let mut durees = vec![f64::INFINITY; reqs.len()];
    for p in 0..passes {
        for (i, r) in reqs.iter().enumerate() {
            let d = Instant::now();
            let rep = m.rechercher(r, maintenant).unwrap();
            let ms = d.elapsed().as_secs_f64() * 1e3;
            durees[i] = durees[i].min(ms);
            if p == 0 {
                writeln!(f, "{}", par_identifiant(&rep, m.catalogue())).unwrap();
            }
        }
    }
    let mut tri = durees.clone();
    tri.sort_by(f64::total_cmp);
    let pc = |p: f64| tri[((tri.len() as f64 - 1.0) * p).round() as usize];
    let somme: f64 = durees.iter().sum();
    eprintln!(
        "min de {passes} passes : p50 {:.3} p90 {:.3} p99 {:.3} max {:.3} moyenne {:.3} ms",
        pc(0.5),
        pc(0.9),
        pc(0.99),
        tri[tri.len() - 1],
        somme / durees.len() as f64
    );
    let texte: f64 = reqs
        .iter()
        .zip(&durees)
        .filter(|(r, _)| r.texte.is_some())
        .map(|(_, d)| d)
        .sum();
    eprintln!(
        "part des requêtes avec texte : {:.1} %",
        100.0 * texte / somme
    );
    if std::env::var("TEXTES").is_ok() {
        let mut textes: Vec<&str> = reqs.iter().filter_map(|r| r.texte.as_deref()).collect();
        textes.sort_unstable();
        textes.dedup();
        for t in textes {
            let mut meilleure = f64::INFINITY;
            let mut n = 0;
            for _ in 0..passes {
                let d = Instant::now();
                n = m.texte().chercher(t).unwrap().len();
                meilleure = meilleure.min(d.elapsed().as_secs_f64() * 1e3);
            }
            let mut fixe = f64::INFINITY;
            for _ in 0..passes {
                let d = Instant::now();
                m.texte().chercher_parmi(t, [0u32, 150_000]).unwrap();
                fixe = fixe.min(d.elapsed().as_secs_f64() * 1e3);
            }
            eprintln!(
                "texte {t:?} : {n} correspondances, {meilleure:.3} ms, coût fixe (parmi deux) {fixe:.3} ms"
            );
        }
    }
    if std::env::var("DETAIL").is_ok() {
        let mut idx: Vec<usize> = (0..reqs.len()).collect();
        idx.sort_by(|&a, &b| durees[b].total_cmp(&durees[a]));
        for &i in idx.iter().take(20) {
            let r = &reqs[i];
            let rep = m.rechercher(r, maintenant).unwrap();
            eprintln!(
                "{:3} {:.2} ms texte={:?} rayon={} besoins={} profil={} tri={:?} total={} exclus={:?}",
                i,
                durees[i],
                r.texte,
                r.rayon_km,
                r.besoins.len(),
                r.profil.is_some(),
                r.tri,
                rep.total,
                rep.exclus
            );
        }
    }
}

/// `rep` as JSON, each service index replaced by the service's id.
fn par_identifiant(
    rep: &maillage::search::Reponse,
    catalogue: &maillage::catalog::model::Catalogue,
) -> String {
    let mut v = serde_json::to_value(rep).unwrap();
    for liste in ["resultats", "parcours"] {
        for r in v[liste].as_array_mut().unwrap() {
            let i = r["service"].as_u64().unwrap() as usize;
            r["service"] = catalogue.services[i].id.clone().into();
        }
    }
    serde_json::to_string(&v).unwrap()
}
