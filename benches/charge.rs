//! HTTP load generator for `maillage serve` (DESIGN.md §6: ≥ 2,000 req/s, p99 < 20 ms, 0 errors at
//! 16 connections).
//!
//! A fixed workload of 1,000 queries (seed 42): places drawn by population over the communes,
//! 1–3 needs, a profile on half of them, radius 5–40 km. Each connection walks the workload from
//! its own offset, one request at a time over a keep-alive connection.
//!
//! ```sh
//! cargo run --release -- serve --catalog /tmp/s300k --index /tmp/s300k-index --debit-ip 0 &
//! cargo bench --bench charge -- --base http://127.0.0.1:8080 --route recherche --connexions 16 --duree 30
//! cargo bench --bench charge -- --route search_services --duree 30
//! cargo bench --bench charge -- --route recherche --duree 300 --pid $(pgrep -n maillage)   # soak, RSS sampled
//! ```
//!
//! Prints requests per second, p50, p90, p99, max and errors (any status but 200, or a transport
//! error), and with `--pid` the RSS of the server every 10 s.
#![allow(missing_docs)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use maillage::search::charge::{GRAINE_CHARGE, requetes_de_reference};
use maillage::territoire::Territoires;
use rand::{Rng, SeedableRng};

struct Options {
    base: String,
    route: String,
    connexions: usize,
    duree: Duration,
    pid: Option<u32>,
}

fn options() -> Options {
    let mut o = Options {
        base: "http://127.0.0.1:8080".into(),
        route: "recherche".into(),
        connexions: 16,
        duree: Duration::from_secs(30),
        pid: None,
    };
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    while i < args.len() {
        let valeur = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--base" => o.base = valeur,
            "--route" => o.route = valeur,
            "--connexions" => o.connexions = valeur.parse().unwrap_or(16),
            "--duree" => o.duree = Duration::from_secs(valeur.parse().unwrap_or(30)),
            "--pid" => o.pid = valeur.parse().ok(),
            // `cargo bench` passes `--bench`.
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    o
}

/// One request of the workload: a JSON body for `recherche`, a query string for `search/services`.
enum Requete {
    Recherche(String),
    Compat(String),
}

/// The reference workload of `maillage::search::charge`: the rich queries as JSON bodies, or
/// their places with category filters as data·inclusion query strings.
fn charge(route: &str) -> Vec<Requete> {
    let t = Territoires::embarques();
    let categories = [
        "mobilite",
        "trouver-un-emploi",
        "logement-hebergement",
        "sante",
        "numerique",
        "difficultes-financieres",
        "se-former",
    ];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(GRAINE_CHARGE);
    requetes_de_reference(t, 1000, GRAINE_CHARGE)
        .into_iter()
        .map(|q| {
            if route == "recherche" {
                return Requete::Recherche(serde_json::to_string(&q).unwrap_or_default());
            }
            let commune = q.lieu.and_then(|l| l.code_commune).unwrap_or_default();
            let mut s = format!("code_commune={commune}");
            for _ in 0..q.besoins.len() {
                s.push_str("&thematiques=");
                s.push_str(categories[rng.random_range(0..categories.len())]);
            }
            s.push_str(&format!("&size={}", [10, 20, 50][rng.random_range(0..3)]));
            Requete::Compat(s)
        })
        .collect()
}

fn rss_ko(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn percentile(trie: &[Duration], p: f64) -> Duration {
    if trie.is_empty() {
        return Duration::ZERO;
    }
    let i = ((trie.len() as f64 * p).ceil() as usize).clamp(1, trie.len()) - 1;
    trie[i]
}

fn main() {
    let o = options();
    let charge = Arc::new(charge(&o.route));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let fin = Instant::now() + o.duree;
        if let Some(pid) = o.pid {
            tokio::spawn(async move {
                let debut = Instant::now();
                while Instant::now() < fin {
                    if let Some(r) = rss_ko(pid) {
                        println!("t={:>4} s  RSS {:.0} Mo", debut.elapsed().as_secs(), r as f64 / 1024.0);
                    }
                    tokio::time::sleep(Duration::from_secs(10)).await;
                }
            });
        }
        let debut = Instant::now();
        let mut taches = Vec::new();
        for c in 0..o.connexions {
            let charge = Arc::clone(&charge);
            let base = o.base.clone();
            taches.push(tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .pool_max_idle_per_host(1)
                    .build()
                    .expect("client");
                let mut latences = Vec::new();
                let mut erreurs = 0u64;
                let mut i = c * 61;
                while Instant::now() < fin {
                    let req = match &charge[i % charge.len()] {
                        Requete::Recherche(corps) => client
                            .post(format!("{base}/api/v1/recherche"))
                            .header("content-type", "application/json")
                            .body(corps.clone()),
                        Requete::Compat(q) => {
                            client.get(format!("{base}/api/v1/search/services?{q}"))
                        }
                    };
                    i += 1;
                    let t = Instant::now();
                    let ok = match req.send().await {
                        Ok(r) => r.status() == 200 && r.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    latences.push(t.elapsed());
                    if !ok {
                        erreurs += 1;
                    }
                }
                (latences, erreurs)
            }));
        }
        let mut latences = Vec::new();
        let mut erreurs = 0;
        for t in taches {
            let (l, e) = t.await.expect("tâche");
            latences.extend(l);
            erreurs += e;
        }
        let duree = debut.elapsed().as_secs_f64();
        latences.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{} : {} connexions, {:.0} s, {} requêtes, {:.0} req/s, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.1} ms, erreurs {}",
            o.route,
            o.connexions,
            duree,
            latences.len(),
            latences.len() as f64 / duree,
            ms(percentile(&latences, 0.50)),
            ms(percentile(&latences, 0.90)),
            ms(percentile(&latences, 0.99)),
            ms(percentile(&latences, 1.0)),
            erreurs
        );
    });
}
