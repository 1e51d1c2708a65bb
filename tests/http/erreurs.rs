//! Every malformed input is a 4xx problem+json naming what is wrong; never a 500.

use serde_json::Value;

use super::serveur::{client, config_demo, demarrer};

/// (method, path, content type, body, status, field named).
type Cas = (
    &'static str,
    &'static str,
    Option<&'static str>,
    String,
    u16,
    Option<&'static str>,
);

fn cas() -> Vec<Cas> {
    let json = Some("application/json");
    let r = "/api/v1/recherche";
    let mut v: Vec<Cas> = vec![
        ("POST", r, json, "{".into(), 400, None),
        ("POST", r, json, "pas du json".into(), 400, None),
        (
            "POST",
            r,
            None,
            r#"{"lieu":{"code_commune":"59350"}}"#.into(),
            415,
            None,
        ),
        (
            "POST",
            r,
            Some("text/plain"),
            r#"{"lieu":{"code_commune":"59350"}}"#.into(),
            415,
            None,
        ),
        ("POST", r, json, "null".into(), 422, None),
        ("POST", r, json, "[]".into(), 422, None),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":59350}}"#.into(),
            422,
            None,
        ),
        ("POST", r, json, r#"{"inconnu":1}"#.into(), 422, None),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"limite":-1}"#.into(),
            422,
            None,
        ),
        ("POST", r, json, "{}".into(), 422, Some("lieu")),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"00000"}}"#.into(),
            422,
            Some("lieu.code_commune"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_postal":"99999"}}"#.into(),
            422,
            Some("lieu.code_postal"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"lat":95,"lon":3}}"#.into(),
            422,
            Some("lieu"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"lat":50}}"#.into(),
            422,
            Some("lieu"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"rayon_km":250}"#.into(),
            422,
            Some("rayon_km"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"limite":101}"#.into(),
            422,
            Some("limite"),
        ),
        (
            "POST",
            r,
            json,
            format!(
                r#"{{"lieu":{{"code_commune":"59350"}},"texte":"{}"}}"#,
                "a".repeat(201)
            ),
            422,
            Some("texte"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"curseur":"zzz"}"#.into(),
            422,
            Some("curseur"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"besoins":[{"code":"inconnu"}]}"#.into(),
            422,
            Some("besoins[0]"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"besoins":[{"code":"mobilite.permis","genre":"categorie"}]}"#.into(),
            422,
            Some("besoins[0]"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"besoins":[{"code":"mobilite","genre":"rubrique"}]}"#.into(),
            422,
            None,
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"filtres":{"frais":["cher"]}}"#.into(),
            422,
            Some("filtres.frais"),
        ),
        (
            "POST",
            r,
            json,
            r#"{"lieu":{"code_commune":"59350"},"filtres":{"ouvert_le":"demain"}}"#.into(),
            422,
            Some("filtres.ouvert_le"),
        ),
        (
            "POST",
            r,
            json,
            format!(
                r#"{{"lieu":{{"code_commune":"59350"}},"texte":"{}"}}"#,
                "a".repeat(1024 * 1024)
            ),
            413,
            None,
        ),
        ("GET", r, None, String::new(), 405, None),
        ("GET", "/api/v1/inexistant", None, String::new(), 404, None),
        (
            "GET",
            "/api/v1/services/inexistant",
            None,
            String::new(),
            404,
            None,
        ),
        (
            "GET",
            "/api/v1/structures/inexistante",
            None,
            String::new(),
            404,
            None,
        ),
        (
            "GET",
            "/api/v1/referentiels/inexistant",
            None,
            String::new(),
            404,
            None,
        ),
        (
            "GET",
            "/api/v1/communes",
            None,
            String::new(),
            422,
            Some("q"),
        ),
        (
            "GET",
            "/api/v1/communes?q=lille&limite=0",
            None,
            String::new(),
            422,
            Some("limite"),
        ),
        (
            "GET",
            "/api/v1/communes/proche?lat=100&lon=3",
            None,
            String::new(),
            422,
            Some("lat"),
        ),
        (
            "GET",
            "/api/v1/communes/proche?lat=abc&lon=3",
            None,
            String::new(),
            422,
            Some("lat"),
        ),
        (
            "GET",
            "/api/v1/communes/proche?lat=50",
            None,
            String::new(),
            422,
            Some("lon"),
        ),
        (
            "GET",
            "/api/v1/search/services",
            None,
            String::new(),
            422,
            Some("code_commune"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=00000",
            None,
            String::new(),
            422,
            Some("code_commune"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&thematiques=inconnue",
            None,
            String::new(),
            422,
            Some("thematiques"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&frais=cher",
            None,
            String::new(),
            422,
            Some("frais"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&size=101",
            None,
            String::new(),
            422,
            Some("size"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&page=0",
            None,
            String::new(),
            422,
            Some("page"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&page=x",
            None,
            String::new(),
            422,
            Some("page"),
        ),
        (
            "GET",
            "/api/v1/search/services?lat=50.6",
            None,
            String::new(),
            422,
            Some("lat"),
        ),
        (
            "GET",
            "/api/v1/search/services?lat=91&lon=3",
            None,
            String::new(),
            422,
            Some("code_commune"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&rayon_km=500",
            None,
            String::new(),
            422,
            Some("rayon_km"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&score_qualite_minimum=2",
            None,
            String::new(),
            422,
            Some("score_qualite_minimum"),
        ),
        (
            "GET",
            "/api/v1/search/services?code_commune=59350&exclure_doublons=peut-etre",
            None,
            String::new(),
            422,
            Some("exclure_doublons"),
        ),
        (
            "POST",
            "/api/v1/admin/recharger",
            None,
            String::new(),
            404,
            None,
        ),
    ];
    let long = format!("/api/v1/communes?q={}", "a".repeat(101));
    v.push((
        "GET",
        Box::leak(long.into_boxed_str()),
        None,
        String::new(),
        422,
        Some("q"),
    ));
    v
}

#[tokio::test]
async fn entrees_malformees() {
    let s = demarrer(config_demo()).await;
    let c = client();
    for (methode, chemin, type_, corps, attendu, champ) in cas() {
        let mut req = match methode {
            "GET" => c.get(s.url(chemin)),
            _ => c.post(s.url(chemin)).body(corps.clone()),
        };
        if let Some(t) = type_ {
            req = req.header("content-type", t);
        }
        let r = req.send().await.expect("requête");
        let statut = r.status().as_u16();
        let type_reponse = r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let texte = r.text().await.expect("corps");
        let apercu: String = corps.chars().take(80).collect();
        assert_eq!(statut, attendu, "{methode} {chemin} {apercu} → {texte}");
        assert_eq!(
            type_reponse, "application/problem+json",
            "{methode} {chemin}"
        );
        let p: Value = serde_json::from_str(&texte).expect("problem+json");
        assert_eq!(p["status"], attendu);
        assert!(p["type"].is_string() && p["title"].is_string());
        assert!(!p["detail"].as_str().unwrap_or_default().is_empty());
        if let Some(champ) = champ {
            assert_eq!(p["champ"], champ, "{methode} {chemin} {apercu} → {texte}");
        }
        if chemin.starts_with("/api/v1/search/services") && attendu == 422 {
            // data·inclusion (FastAPI) style list.
            assert_eq!(p["errors"][0]["loc"][0], "query", "{texte}");
        }
    }
}
