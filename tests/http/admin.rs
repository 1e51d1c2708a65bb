//! Admin routes: key checks, reload while queries run, durable import.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};

use super::serveur::{Copie, catalogue_demo, client, config_demo, demarrer};
use maillage::http::Config;

const CLE: &str = "cle-de-test-assez-longue";

fn config_copie(copie: &Copie) -> Config {
    let mut c = Config::par_defaut(copie.catalogue(), copie.index());
    c.debit_ip = None;
    c.cle_admin = Some(CLE.into());
    c
}

/// A demo structure and a service of it, with new ids.
fn lot(suffixe: &str) -> (Value, Value) {
    let premiere = |fichier: &str| -> Value {
        let texte = std::fs::read_to_string(catalogue_demo().join(fichier)).expect("lecture");
        serde_json::from_str(texte.lines().next().expect("ligne")).expect("JSON")
    };
    let mut structure = premiere("structures.jsonl");
    structure["id"] = json!(format!("test--structure-{suffixe}"));
    structure["nom"] = json!(format!("Structure importée {suffixe}"));
    let mut service = premiere("services.jsonl");
    service["id"] = json!(format!("test--service-{suffixe}"));
    service["structure_id"] = structure["id"].clone();
    service["nom"] = json!(format!("Garage solidaire importé {suffixe}"));
    (structure, service)
}

#[tokio::test]
async fn cle_absente_fausse_ou_bonne() {
    // No key configured: the admin routes do not exist.
    let s = demarrer(config_demo()).await;
    let r = client()
        .post(s.url("/api/v1/admin/recharger"))
        .bearer_auth(CLE)
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 404);
    drop(s);

    let copie = Copie::new();
    let s = demarrer(config_copie(&copie)).await;
    let url = s.url("/api/v1/admin/recharger");
    let sans = client().post(&url).send().await.expect("requête");
    assert_eq!(sans.status(), 401);
    let fausse = client()
        .post(&url)
        .bearer_auth("mauvaise-cle-de-test!")
        .send()
        .await
        .expect("requête");
    assert_eq!(fausse.status(), 401);
    assert_eq!(
        fausse.headers()["content-type"]
            .to_str()
            .unwrap_or_default(),
        "application/problem+json"
    );
    let prefixe = client()
        .post(&url)
        .bearer_auth(&CLE[..10])
        .send()
        .await
        .expect("requête");
    assert_eq!(prefixe.status(), 401);
    let import = client()
        .post(s.url("/api/v1/admin/import"))
        .bearer_auth("mauvaise-cle-de-test!")
        .json(&json!({"structures": [], "services": []}))
        .send()
        .await
        .expect("requête");
    assert_eq!(import.status(), 401);
    let bonne = client()
        .post(&url)
        .bearer_auth(CLE)
        .send()
        .await
        .expect("requête");
    assert_eq!(bonne.status(), 200);
    let r: Value = bonne.json().await.expect("JSON");
    assert_eq!(r["version"], 2);
    assert_eq!(r["construit"], false);
}

#[tokio::test]
async fn rechargement_pendant_les_requetes() {
    let copie = Copie::new();
    let s = demarrer(config_copie(&copie)).await;
    let arret = Arc::new(AtomicBool::new(false));
    let mut taches = Vec::new();
    for i in 0..4 {
        let url = s.url("/api/v1/search/services?code_commune=59350&thematiques=mobilite&size=5");
        let url_r = s.url("/api/v1/recherche");
        let arret = Arc::clone(&arret);
        taches.push(tokio::spawn(async move {
            let c = client();
            let mut statuts = Vec::new();
            let mut n = 0u32;
            while !arret.load(Ordering::Relaxed) || n < 5 {
                n += 1;
                let r = if (n + i) % 2 == 0 {
                    c.get(&url).send().await
                } else {
                    c.post(&url_r)
                        .json(&json!({"lieu": {"code_commune": "35238"}, "besoins": [{"code": "mobilite"}], "limite": 3, "rayon_km": (n % 50) + 1}))
                        .send()
                        .await
                };
                statuts.push(r.map(|r| r.status().as_u16()).unwrap_or(0));
            }
            statuts
        }));
    }
    // A new structure and service appear in the catalog, then a reload.
    let (structure, service) = lot("recharge");
    for (fichier, record) in [
        ("structures.jsonl", &structure),
        ("services.jsonl", &service),
    ] {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(copie.catalogue().join(fichier))
            .expect("ouverture");
        writeln!(f, "{record}").expect("écriture");
    }
    let r = client()
        .post(s.url("/api/v1/admin/recharger"))
        .bearer_auth(CLE)
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 200);
    let corps: Value = r.json().await.expect("JSON");
    assert_eq!(corps["construit"], true, "{corps}");
    assert_eq!(corps["services"], 4001);
    arret.store(true, Ordering::Relaxed);
    let mut total = 0;
    for t in taches {
        let statuts = t.await.expect("tâche");
        total += statuts.len();
        assert!(statuts.iter().all(|&s| s == 200), "{statuts:?}");
    }
    assert!(total >= 20);
    let r = client()
        .get(s.url("/api/v1/services/test--service-recharge"))
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 200);
    let pret: Value = client()
        .get(s.url("/readyz"))
        .send()
        .await
        .expect("r")
        .json()
        .await
        .expect("j");
    assert_eq!(pret["version"], 2);
}

#[tokio::test]
async fn echec_de_construction_garde_l_ancien() {
    let copie = Copie::new();
    let s = demarrer(config_copie(&copie)).await;
    std::fs::remove_file(copie.catalogue().join("services.jsonl")).expect("suppression");
    let r = client()
        .post(s.url("/api/v1/admin/recharger"))
        .bearer_auth(CLE)
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 500);
    let p: Value = r.json().await.expect("JSON");
    assert!(
        p["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("services"),
        "{p}"
    );
    let r = client()
        .get(s.url("/api/v1/services/dora--1"))
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 200);
}

/// Starts the binary on an ephemeral port; returns it and its base URL.
fn lancer(copie: &Copie) -> (Child, String) {
    let mut enfant = Command::new(env!("CARGO_BIN_EXE_maillage"))
        .args(["serve", "--addr", "127.0.0.1:0", "--catalog"])
        .arg(copie.catalogue())
        .arg("--index")
        .arg(copie.index())
        .env("MAILLAGE_ADMIN_KEY", CLE)
        .env("MAILLAGE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lancement");
    let stderr = enfant.stderr.take().expect("stderr");
    let mut lignes = BufReader::new(stderr).lines();
    let base = loop {
        let ligne = lignes
            .next()
            .expect("le serveur s'est arrêté avant d'écouter")
            .expect("lecture");
        if let Some(reste) = ligne.split("écoute sur ").nth(1) {
            break reste.split_whitespace().next().expect("adresse").to_owned();
        }
    };
    // Keep draining its stderr so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lignes {});
    (enfant, base)
}

#[tokio::test]
async fn import_durable_malgre_un_kill() {
    let copie = Copie::new();
    let (mut enfant, base) = lancer(&copie);
    let (structure, service) = lot("durable");
    let mut invalide = service.clone();
    invalide["id"] = json!("test--service-sans-nom");
    invalide["nom"] = Value::Null;
    let r = client()
        .post(format!("{base}/api/v1/admin/import"))
        .bearer_auth(CLE)
        .json(&json!({"structures": [structure], "services": [service, invalide]}))
        .send()
        .await
        .expect("requête");
    let statut = r.status().as_u16();
    let rapport: Value = r.json().await.expect("JSON");
    // Killed right after the 200: no chance to flush anything more.
    enfant.kill().expect("kill");
    let _ = enfant.wait();
    assert_eq!(statut, 200, "{rapport}");
    assert_eq!(rapport["services"]["recus"], 2);
    assert_eq!(rapport["services"]["acceptes"], 1);
    assert_eq!(rapport["services"]["rejetes"], 1);
    assert_eq!(rapport["structures"]["acceptes"], 1);
    assert!(
        rapport["constats"]
            .as_array()
            .expect("constats")
            .iter()
            .any(|c| c["id"] == "test--service-sans-nom"),
        "{rapport}"
    );

    let (mut enfant, base) = lancer(&copie);
    let r = client()
        .get(format!("{base}/api/v1/services/test--service-durable"))
        .send()
        .await
        .expect("requête");
    let statut = r.status().as_u16();
    let corps: Value = r.json().await.expect("JSON");
    enfant.kill().expect("kill");
    let _ = enfant.wait();
    assert_eq!(statut, 200, "{corps}");
    assert_eq!(corps["structure"]["id"], "test--structure-durable");
}
