//! Every public endpoint answers with the documented shape.

use serde_json::{Value, json};

use super::serveur::{client, config_demo, demarrer};

async fn get(url: &str) -> (u16, Value) {
    let r = client().get(url).send().await.expect("requête");
    let s = r.status().as_u16();
    (s, r.json().await.expect("JSON"))
}

async fn post(url: &str, corps: &Value) -> (u16, Value) {
    let r = client()
        .post(url)
        .json(corps)
        .send()
        .await
        .expect("requête");
    let s = r.status().as_u16();
    (s, r.json().await.expect("JSON"))
}

#[tokio::test]
async fn sondes_et_referentiels() {
    let s = demarrer(config_demo()).await;
    assert_eq!(
        get(&s.url("/healthz")).await,
        (200, json!({"statut": "ok"}))
    );
    let (statut, pret) = get(&s.url("/readyz")).await;
    assert_eq!(statut, 200);
    assert_eq!(pret["version"], 1);
    assert_eq!(pret["services"], 4000);
    for nom in [
        "thematiques",
        "categories",
        "publics",
        "types",
        "frais",
        "besoins",
    ] {
        let (statut, corps) = get(&s.url(&format!("/api/v1/referentiels/{nom}"))).await;
        assert_eq!(statut, 200, "{nom}");
        assert!(corps.is_object() || corps.is_array(), "{nom}");
    }
    let (statut, doc) = get(&s.url("/api/v1/openapi.json")).await;
    assert_eq!(statut, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    for route in [
        "/api/v1/recherche",
        "/api/v1/search/services",
        "/api/v1/services/{id}",
        "/api/v1/structures/{id}",
        "/api/v1/communes",
        "/api/v1/communes/proche",
        "/api/v1/referentiels/{nom}",
        "/api/v1/couverture",
        "/api/v1/admin/recharger",
        "/api/v1/admin/import",
        "/healthz",
        "/readyz",
        "/metrics",
        "/api/v1/openapi.json",
    ] {
        assert!(doc["paths"].get(route).is_some(), "{route} non documentée");
    }
    assert_eq!(
        doc["paths"]["/api/v1/recherche"]["post"]["responses"]["422"]["content"]["application/problem+json"]
            ["schema"]["$ref"],
        "#/components/schemas/Probleme"
    );
}

#[tokio::test]
async fn search_services_comme_data_inclusion() {
    let s = demarrer(config_demo()).await;
    let (statut, page) = get(&s.url(
        "/api/v1/search/services?code_commune=59350&thematiques=mobilite&thematiques=sante&size=5",
    ))
    .await;
    assert_eq!(statut, 200, "{page}");
    let cles: Vec<&str> = page
        .as_object()
        .expect("objet")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(cles, ["items", "page", "pages", "size", "total"]);
    let total = page["total"].as_u64().expect("total");
    assert!(total > 5, "{total}");
    assert_eq!(page["page"], 1);
    assert_eq!(page["size"], 5);
    assert_eq!(page["pages"].as_u64(), Some(total.div_ceil(5)));
    let mut precedente = 0i64;
    for item in page["items"].as_array().expect("items") {
        let service = &item["service"];
        assert!(service["id"].is_string());
        assert!(service["structure"]["nom"].is_string());
        // A category code expands to its thematiques.
        assert!(
            service["thematiques"]
                .as_array()
                .expect("thematiques")
                .iter()
                .any(|t| {
                    let t = t.as_str().unwrap_or_default();
                    t.starts_with("mobilite--") || t.starts_with("sante--")
                }),
            "{service}"
        );
        // Integer km, ascending, remote (null) last.
        match &item["distance"] {
            Value::Null => precedente = i64::MAX,
            d => {
                let d = d.as_i64().expect("distance entière");
                assert!(d >= precedente && d <= 50, "{d}");
                precedente = d;
            }
        }
    }
    let (_, page2) = get(&s.url(
        "/api/v1/search/services?code_commune=59350&thematiques=mobilite&thematiques=sante&size=5&page=2",
    ))
    .await;
    assert_eq!(page2["total"], page["total"]);
    assert_eq!(page2["page"], 2);
    assert_ne!(
        page2["items"][0]["service"]["id"],
        page["items"][0]["service"]["id"]
    );
    // lat/lon instead of the commune.
    let (statut, p) = get(&s.url("/api/v1/search/services?lat=50.63&lon=3.06&frais=gratuit")).await;
    assert_eq!(statut, 200, "{p}");
    assert!(p["total"].as_u64().expect("total") > 0);
}

#[tokio::test]
async fn recherche_expliquee_et_paginee() {
    let s = demarrer(config_demo()).await;
    let demande = json!({
        "lieu": {"code_commune": "59512"}, "rayon_km": 15,
        "besoins": [{"code": "mobilite", "priorite": 1}, {"code": "trouver-un-emploi", "priorite": 2}],
        "profil": {"age": 34, "rqth": true, "rsa": true, "vehicule": false},
        "limite": 5
    });
    let (statut, r) = post(&s.url("/api/v1/recherche"), &demande).await;
    assert_eq!(statut, 200, "{r}");
    for cle in [
        "resultats",
        "total",
        "curseur_suivant",
        "parcours",
        "facettes",
        "exclus",
    ] {
        assert!(r.get(cle).is_some(), "{cle} absent : {r}");
    }
    let premier = &r["resultats"][0];
    assert!(premier["service"]["id"].is_string());
    assert!(premier["score"].as_f64().expect("score") > 0.0);
    for cle in [
        "besoins_couverts",
        "besoins_non_couverts",
        "eligibilite",
        "distance",
        "ouverture",
        "composantes",
    ] {
        assert!(premier["explication"].get(cle).is_some(), "{cle}");
    }
    assert_eq!(r["resultats"].as_array().map(Vec::len), Some(5));
    let mut suite = demande.clone();
    suite["curseur"] = r["curseur_suivant"].clone();
    let (statut, r2) = post(&s.url("/api/v1/recherche"), &suite).await;
    assert_eq!(statut, 200);
    assert_eq!(r2["total"], r["total"]);
    assert_ne!(
        r2["resultats"][0]["service"]["id"],
        premier["service"]["id"]
    );
    // The same request again: same answer (from the cache).
    let (_, r3) = post(&s.url("/api/v1/recherche"), &demande).await;
    assert_eq!(r3, r);
    // Another page size: the engine again, its four services already kept as fragments.
    let mut quatre = demande.clone();
    quatre["limite"] = json!(4);
    let (statut, r4) = post(&s.url("/api/v1/recherche"), &quatre).await;
    assert_eq!(statut, 200);
    assert_eq!(r4["resultats"][3], r["resultats"][3]);
    let metriques = client()
        .get(s.url("/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("texte");
    assert!(
        metriques.contains(r#"maillage_cache_total{cache="resultats",resultat="succes"} 1"#),
        "{metriques}"
    );
    assert!(metriques.contains(r#"route="/api/v1/recherche""#));
    // Ten services shown on two pages, built once each; the four of the last answer found kept.
    assert!(
        metriques.contains("maillage_fragments_consultations 14\n")
            && metriques.contains("maillage_fragments_constructions 10\n"),
        "{metriques}"
    );
    // Metrics never carry what was asked.
    for secret in ["59512", "rqth", "mobilite", "trouver-un-emploi"] {
        assert!(!metriques.contains(secret), "{secret} dans /metrics");
    }
}

#[tokio::test]
async fn lieu_arrondi_a_la_cellule_h3() {
    let s = demarrer(config_demo()).await;
    // Two points a few metres apart, in the same res-9 cell: the same answer.
    let a = json!({"lieu": {"lat": 50.63012, "lon": 3.06321}, "limite": 3});
    let b = json!({"lieu": {"lat": 50.63013, "lon": 3.06322}, "limite": 3});
    let (sa, ra) = post(&s.url("/api/v1/recherche"), &a).await;
    let (sb, rb) = post(&s.url("/api/v1/recherche"), &b).await;
    assert_eq!((sa, sb), (200, 200));
    assert_eq!(ra, rb);
}

#[tokio::test]
async fn services_structures_communes() {
    let s = demarrer(config_demo()).await;
    let (statut, service) = get(&s.url("/api/v1/services/dora--1")).await;
    assert_eq!(statut, 200, "{service}");
    assert_eq!(service["id"], "dora--1");
    let structure_id = service["structure"]["id"]
        .as_str()
        .expect("structure")
        .to_owned();
    let (statut, structure) = get(&s.url(&format!("/api/v1/structures/{structure_id}"))).await;
    assert_eq!(statut, 200);
    assert_eq!(structure["id"], structure_id.as_str());
    assert!(
        structure["services"]
            .as_array()
            .expect("services")
            .iter()
            .any(|x| x["id"] == "dora--1")
    );
    // Typeahead: accents ignored, ranked by population, homonyms with their département.
    let (statut, communes) = get(&s.url("/api/v1/communes?q=saint%20etienne&limite=5")).await;
    assert_eq!(statut, 200);
    assert_eq!(communes[0]["code"], "42218");
    let (_, homonymes) = get(&s.url("/api/v1/communes?q=saint-denis&limite=2")).await;
    assert_eq!(homonymes[0]["libelle"], "Saint-Denis (974)");
    assert_eq!(homonymes[1]["libelle"], "Saint-Denis (93)");
    let (_, par_cp) = get(&s.url("/api/v1/communes?q=59000")).await;
    assert_eq!(par_cp[0]["code"], "59350");
    let (_, par_insee) = get(&s.url("/api/v1/communes?q=35238")).await;
    assert_eq!(par_insee[0]["nom"], "Rennes");
    let (statut, proche) = get(&s.url("/api/v1/communes/proche?lat=50.6365&lon=3.0635")).await;
    assert_eq!(statut, 200);
    assert_eq!(proche["code"], "59350");
    assert!(proche["distance_km"].as_f64().expect("distance") < 3.0);
}

#[tokio::test]
async fn limite_par_adresse() {
    let mut c = config_demo();
    c.debit_ip = Some((1, 2));
    let s = demarrer(c).await;
    let mut statuts = Vec::new();
    for _ in 0..4 {
        let r = client()
            .get(s.url("/api/v1/referentiels/frais"))
            .send()
            .await
            .expect("requête");
        statuts.push(r.status().as_u16());
        if r.status() == 429 {
            assert!(r.headers().get("retry-after").is_some());
        }
    }
    assert_eq!(&statuts[..2], [200, 200]);
    assert!(statuts.contains(&429), "{statuts:?}");
    // Probes are not limited.
    let r = client()
        .get(s.url("/healthz"))
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn couverture_geojson_csv_et_erreurs() {
    let s = demarrer(config_demo()).await;
    let r = client()
        .get(s.url("/api/v1/couverture?territoire=59&besoin=mobilite"))
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        r.headers()["content-type"].to_str().unwrap_or_default(),
        "application/geo+json"
    );
    let geo: Value = r.json().await.expect("GeoJSON");
    assert_eq!(geo["type"], "FeatureCollection");
    let cellules = geo["features"].as_array().map_or(0, Vec::len);
    assert!(cellules > 0, "des cellules pour le Nord");
    assert_eq!(geo["features"][0]["geometry"]["type"], "Polygon");
    assert!(geo["summary"].is_object() || geo["summary"].is_array());

    let r = client()
        .get(s.url("/api/v1/couverture?territoire=59&besoin=mobilite&format=csv"))
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    let texte = r.text().await.expect("CSV");
    assert_eq!(
        texte.lines().count(),
        cellules + 1,
        "une ligne par cellule et l'en-tête"
    );

    for (requete, champ) in [
        ("territoire=59&besoin=mobilite&resolution=12", "resolution"),
        ("territoire=59&besoin=mobilite&rayon_km=500", "rayon_km"),
        ("territoire=59&besoin=voler", "besoin"),
        ("territoire=00&besoin=mobilite", "territoire"),
        ("territoire=59&besoin=mobilite&format=pdf", "format"),
        ("territoire=59&besoin=mobilite&rayn_km=5", "rayn_km"),
        (
            "territoire=france&besoin=mobilite&resolution=9",
            "territoire",
        ),
    ] {
        let (statut, corps) = get(&s.url(&format!("/api/v1/couverture?{requete}"))).await;
        assert_eq!(statut, 422, "{requete}: {corps}");
        assert!(
            corps["champ"]
                .as_str()
                .unwrap_or_default()
                .starts_with(champ),
            "{requete}: {corps}"
        );
    }
}

/// Checks `valeur` against the schema `nom` of the served OpenAPI document (JSON Schema 2020-12,
/// `$ref`s resolved within the document).
fn conforme(doc: &Value, nom: &str, valeur: &Value) {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"],
        "$ref": format!("#/components/schemas/{nom}"),
    });
    let validateur = jsonschema::validator_for(&schema).expect("schéma valide");
    let erreurs: Vec<String> = validateur
        .iter_errors(valeur)
        .map(|e| format!("{} à {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(erreurs.is_empty(), "{nom} : {erreurs:#?}");
}

/// The answers of every JSON route match the schemas the document generates from the types, and
/// the request the web page sends matches the request schema.
#[tokio::test]
async fn les_reponses_suivent_le_document_openapi() {
    let s = demarrer(config_demo()).await;
    let (_, doc) = get(&s.url("/api/v1/openapi.json")).await;
    let demande = json!({
        "lieu": {"code_commune": "59512"}, "rayon_km": 30,
        "besoins": [{"code": "mobilite", "priorite": 1}, {"code": "trouver-un-emploi"}],
        "profil": {"rqth": true, "vehicule": false, "age": 34},
        "filtres": {"frais": ["gratuit"]}, "tri": "par_soi_meme", "limite": 5
    });
    conforme(&doc, "RequeteDemandee", &demande);
    let (statut, reponse) = post(&s.url("/api/v1/recherche"), &demande).await;
    assert_eq!(statut, 200, "{reponse}");
    assert!(
        !reponse["resultats"]
            .as_array()
            .expect("resultats")
            .is_empty()
    );
    conforme(&doc, "ReponseExposee", &reponse);

    let (statut, page) =
        get(&s.url("/api/v1/search/services?code_commune=59350&thematiques=mobilite&size=5")).await;
    assert_eq!(statut, 200);
    conforme(&doc, "Page", &page);

    let service = &reponse["resultats"][0]["service"];
    let id = service["id"].as_str().expect("id");
    let (statut, detail) = get(&s.url(&format!("/api/v1/services/{id}"))).await;
    assert_eq!(statut, 200);
    conforme(&doc, "ServiceExpose", &detail);
    let structure = service["structure"]["id"].as_str().expect("structure");
    let (statut, detail) = get(&s.url(&format!("/api/v1/structures/{structure}"))).await;
    assert_eq!(statut, 200);
    conforme(&doc, "StructureDetaillee", &detail);

    let (_, communes) = get(&s.url("/api/v1/communes?q=roubaix")).await;
    for c in communes.as_array().expect("liste") {
        conforme(&doc, "CommuneExposee", c);
    }
    let (_, proche) = get(&s.url("/api/v1/communes/proche?lat=50.69&lon=3.18")).await;
    conforme(&doc, "CommuneExposee", &proche);
    let (_, pret) = get(&s.url("/readyz")).await;
    conforme(&doc, "Pret", &pret);

    let (statut, probleme) = post(&s.url("/api/v1/recherche"), &json!({"rayon_km": 900})).await;
    assert_eq!(statut, 422);
    conforme(&doc, "Probleme", &probleme);
    // And the checker does reject what the schema forbids.
    let schema =
        json!({"components": doc["components"], "$ref": "#/components/schemas/ReponseExposee"});
    let validateur = jsonschema::validator_for(&schema).expect("schéma valide");
    let mut fausse = reponse.clone();
    fausse["total"] = json!("beaucoup");
    assert!(!validateur.is_valid(&fausse));
}
