//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of every route and error.
//!
//! Written with `serde_json` rather than derived (`utoipa`): deriving would put schema derives on
//! the engine's request and answer types (`RequeteDemandee`, `Profil`, `ReponseExposee`, the
//! catalog model), which must stay free of HTTP concerns. The error responses of each route
//! are generated from the error table ([`Genre::fiche`]), so a new kind cannot be forgotten;
//! a test checks that every route of the router is documented.

use axum::body::Bytes;
use axum::response::Response;
use serde_json::{Value, json};

use super::erreur::{Genre, PROBLEM_JSON};
use super::reponse_json;

fn probleme() -> Value {
    json!({
        "type": "object",
        "description": "RFC 9457 problem details; `detail` en français nomme le champ et les valeurs permises.",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "champ": {"type": "string", "description": "Champ ou paramètre en cause"},
            "errors": {
                "type": "array",
                "description": "search/services seulement : liste à la data·inclusion (FastAPI)",
                "items": {"type": "object", "properties": {
                    "loc": {"type": "array", "items": {"type": "string"}},
                    "msg": {"type": "string"},
                    "type": {"type": "string"}
                }}
            }
        }
    })
}

fn erreurs(genres: &[Genre]) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    for g in genres {
        let f = g.fiche();
        let cle = f.statut.as_u16().to_string();
        let description = match m.get(&cle) {
            Some(v) => format!(
                "{} ; {}",
                v["description"].as_str().unwrap_or_default(),
                f.titre
            ),
            None => f.titre.to_owned(),
        };
        m.insert(
            cle,
            json!({
                "description": description,
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Probleme"}}}
            }),
        );
    }
    m
}

fn reponses(ok: Value, genres: &[Genre]) -> Value {
    let mut m = erreurs(genres);
    m.insert("200".into(), ok);
    Value::Object(m)
}

fn ok_json(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn parametre(nom: &str, lieu: &str, description: &str, schema: Value, requis: bool) -> Value {
    json!({"name": nom, "in": lieu, "description": description, "required": requis, "schema": schema})
}

fn liste(description: &str, reference: &str) -> Value {
    json!({"type": "array", "items": {"type": "string"}, "description": format!("{description} (codes de /api/v1/referentiels/{reference})")})
}

fn schemas() -> Value {
    let codes = |r: &str| liste("codes", r);
    json!({
        "Probleme": probleme(),
        "Lieu": {"type": "object", "additionalProperties": false, "description": "code_commune, ou lat et lon (commune gardée pour les zones si donnée), ou code_postal. Le point est ramené au centre de sa cellule H3 de résolution 9.", "properties": {
            "code_commune": {"type": "string", "examples": ["59350"]},
            "lat": {"type": "number", "minimum": -90, "maximum": 90},
            "lon": {"type": "number", "minimum": -180, "maximum": 180},
            "code_postal": {"type": "string"}
        }},
        "Besoin": {"type": "object", "additionalProperties": false, "required": ["code"], "properties": {
            "code": {"type": "string", "description": "besoin du diagnostic (/api/v1/referentiels/besoins), thématique ou catégorie"},
            "priorite": {"type": "integer", "minimum": 1, "maximum": 3, "default": 2}
        }},
        "Profil": {"type": "object", "additionalProperties": false, "description": "Profil de la personne (jamais journalisé) : age, rsa, ass, aah, rqth, mois_sans_emploi, qpv_frr, parent_isole, sans_hebergement, refugie, sortant_detention, niveau_qualification, permis_b, vehicule, autonomie_numerique…"},
        "Filtres": {"type": "object", "additionalProperties": false, "properties": {
            "thematiques": codes("thematiques"), "publics": codes("publics"), "types": codes("types"),
            "frais": codes("frais"), "modes_accueil": codes("modes_accueil"),
            "reseaux_porteurs": codes("reseaux_porteurs"), "mobilisable_par": codes("personnes_mobilisatrices"),
            "sources": {"type": "array", "items": {"type": "string"}},
            "score_qualite_minimum": {"type": "number", "minimum": 0, "maximum": 1},
            "ouvert_le": {"type": "string", "format": "date-time"}
        }},
        "Recherche": {"type": "object", "additionalProperties": false, "required": ["lieu"], "properties": {
            "lieu": {"$ref": "#/components/schemas/Lieu"},
            "rayon_km": {"type": "number", "minimum": 0, "maximum": 200, "description": "défaut 20, ou 10 sans véhicule ou permis"},
            "besoins": {"type": "array", "maxItems": 20, "items": {"$ref": "#/components/schemas/Besoin"}},
            "profil": {"$ref": "#/components/schemas/Profil"},
            "texte": {"type": "string", "maxLength": 200},
            "filtres": {"$ref": "#/components/schemas/Filtres"},
            "tri": {"enum": ["pertinence", "distance", "par_soi_meme"], "default": "pertinence"},
            "limite": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
            "curseur": {"type": "string", "description": "curseur_suivant d'une réponse précédente"}
        }},
        "Service": {"type": "object", "description": "Service aux champs data·inclusion v1 (plus les champs normalisés point, zone, score_qualite, famille, doublon), avec le résumé de sa structure", "properties": {
            "id": {"type": "string"}, "nom": {"type": "string"}, "description": {"type": "string"},
            "thematiques": {"type": "array", "items": {"type": "string"}},
            "structure": {"type": "object", "properties": {"id": {"type": "string"}, "nom": {"type": "string"}, "telephone": {"type": ["string", "null"]}, "courriel": {"type": ["string", "null"]}, "site_web": {"type": ["string", "null"]}, "commune": {"type": ["string", "null"]}}}
        }},
        "Resultat": {"type": "object", "properties": {
            "service": {"$ref": "#/components/schemas/Service"},
            "distance_km": {"type": ["number", "null"], "description": "null à distance"},
            "mode": {"enum": ["sur_place", "a_distance"]},
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "explication": {"type": "object", "properties": {
                "besoins_couverts": {"type": "array", "items": {"type": "string"}},
                "besoins_non_couverts": {"type": "array", "items": {"type": "string"}},
                "eligibilite": {"type": "object", "properties": {"statut": {}, "raisons": {"type": "array", "items": {"type": "string"}}}},
                "distance": {"type": "string"}, "ouverture": {"type": "string"}, "ouverture_etat": {},
                "zone": {"type": "string"}, "mobilisation": {"type": "array", "items": {"type": "string"}},
                "composantes": {"type": "object", "properties": {"besoins": {"type": "number"}, "proximite": {"type": "number"}, "texte": {"type": "number"}, "qualite": {"type": "number"}, "ouverture": {"type": "number"}}}
            }}
        }},
        "Reponse": {"type": "object", "properties": {
            "resultats": {"type": "array", "items": {"$ref": "#/components/schemas/Resultat"}},
            "total": {"type": "integer"},
            "curseur_suivant": {"type": ["string", "null"]},
            "parcours": {"type": "array", "items": {"type": "object", "properties": {"besoin": {"type": "string"}, "service": {"type": "object", "properties": {"id": {"type": "string"}, "nom": {"type": "string"}, "structure": {"type": "string"}}}}}},
            "besoins_sans_offre": {"type": "array", "items": {"type": "string"}},
            "facettes": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}},
            "exclus": {"type": "object", "additionalProperties": {"type": "integer"}},
            "doublons_regroupes": {"type": "integer"}
        }},
        "PageDataInclusion": {"type": "object", "required": ["items", "total", "page", "size", "pages"], "properties": {
            "items": {"type": "array", "items": {"type": "object", "properties": {
                "service": {"$ref": "#/components/schemas/Service"},
                "distance": {"type": ["integer", "null"], "description": "km entiers ; null à distance"}
            }}},
            "total": {"type": "integer"}, "page": {"type": "integer"},
            "size": {"type": "integer", "description": "nombre d'éléments de la page"}, "pages": {"type": "integer"}
        }},
        "Commune": {"type": "object", "properties": {
            "code": {"type": "string"}, "nom": {"type": "string"}, "libelle": {"type": "string", "description": "nom, suivi du département pour les homonymes"},
            "departement": {"type": "object", "properties": {"code": {"type": "string"}, "nom": {"type": "string"}}},
            "codes_postaux": {"type": "array", "items": {"type": "string"}}, "population": {"type": "integer"},
            "lat": {"type": ["number", "null"]}, "lon": {"type": ["number", "null"]}, "distance_km": {"type": "number"}
        }},
        "Import": {"type": "object", "additionalProperties": false, "properties": {
            "structures": {"type": "array", "items": {"type": "object", "required": ["id"], "description": "structure data·inclusion v1"}},
            "services": {"type": "array", "items": {"type": "object", "required": ["id"], "description": "service data·inclusion v1"}}
        }}
    })
}

/// The document.
pub fn document_json() -> Value {
    use Genre::*;
    let publiques = [TropDeRequetes, DelaiDepasse, Indisponible, Interne];
    let avec = |g: &[Genre]| -> Vec<Genre> { g.iter().chain(publiques.iter()).copied().collect() };
    let requete_q = |nom: &str, d: &str, s: Value| parametre(nom, "query", d, s, false);
    let liste_q = |nom: &str, r: &str| {
        requete_q(
            nom,
            &format!("liste en clés répétées ({nom}=a&{nom}=b), codes de /api/v1/referentiels/{r}"),
            json!({"type": "array", "items": {"type": "string"}}),
        )
    };
    let admin = [NonAutorise, NonTrouve, Conflit, EchecRechargement, Interne];
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "maillage",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Offre territoriale d'accompagnement (data·inclusion v1) : recherche riche pour le diagnostic, recherche compatible data·inclusion, communes, référentiels. Erreurs en application/problem+json (RFC 9457)."
        },
        "paths": {
            "/api/v1/recherche": {"post": {
                "summary": "Recherche riche : lieu, rayon, besoins, profil, texte, filtres, curseur",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Recherche"}}}},
                "responses": reponses(ok_json("Résultats expliqués, facettes, exclusions, parcours", json!({"$ref": "#/components/schemas/Reponse"})), &avec(&[RequeteMalformee, ChampInvalide, CorpsTropGros, TypeNonSupporte, MethodeNonPermise]))
            }},
            "/api/v1/search/services": {"get": {
                "summary": "Recherche compatible data·inclusion API v1",
                "parameters": [
                    requete_q("code_commune", "code INSEE (ou lat et lon)", json!({"type": "string"})),
                    requete_q("lat", "latitude (avec lon)", json!({"type": "number"})),
                    requete_q("lon", "longitude (avec lat)", json!({"type": "number"})),
                    requete_q("rayon_km", "rayon, défaut 50", json!({"type": "number", "maximum": 200})),
                    liste_q("thematiques", "thematiques"), liste_q("frais", "frais"), liste_q("types", "types"),
                    liste_q("modes_accueil", "modes_accueil"), liste_q("publics", "publics"),
                    requete_q("sources", "liste en clés répétées", json!({"type": "array", "items": {"type": "string"}})),
                    requete_q("score_qualite_minimum", "0 à 1", json!({"type": "number"})),
                    requete_q("exclure_doublons", "accepté ; les doublons sont toujours regroupés", json!({"type": "boolean"})),
                    requete_q("q", "texte libre (BETA chez data·inclusion)", json!({"type": "string", "maxLength": 200})),
                    requete_q("page", "à partir de 1", json!({"type": "integer", "minimum": 1, "default": 1})),
                    requete_q("size", "taille de page", json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 50}))
                ],
                "responses": reponses(ok_json("Page data·inclusion", json!({"$ref": "#/components/schemas/PageDataInclusion"})), &avec(&[ChampInvalide]))
            }},
            "/api/v1/services/{id}": {"get": {
                "summary": "Un service avec le résumé de sa structure",
                "parameters": [parametre("id", "path", "identifiant", json!({"type": "string"}), true)],
                "responses": reponses(ok_json("Le service", json!({"$ref": "#/components/schemas/Service"})), &avec(&[NonTrouve]))
            }},
            "/api/v1/structures/{id}": {"get": {
                "summary": "Une structure avec ses services",
                "parameters": [parametre("id", "path", "identifiant", json!({"type": "string"}), true)],
                "responses": reponses(ok_json("La structure (champs data·inclusion) et services", json!({"type": "object"})), &avec(&[NonTrouve]))
            }},
            "/api/v1/communes": {"get": {
                "summary": "Saisie assistée : nom (accents ignorés), code postal ou code INSEE ; par population",
                "parameters": [
                    parametre("q", "query", "texte saisi", json!({"type": "string", "maxLength": 100}), true),
                    requete_q("limite", "1 à 50, défaut 10", json!({"type": "integer", "minimum": 1, "maximum": 50}))
                ],
                "responses": reponses(ok_json("Communes", json!({"type": "array", "items": {"$ref": "#/components/schemas/Commune"}})), &avec(&[ChampInvalide]))
            }},
            "/api/v1/communes/proche": {"get": {
                "summary": "La commune la plus proche d'un point",
                "parameters": [
                    parametre("lat", "query", "latitude", json!({"type": "number", "minimum": -90, "maximum": 90}), true),
                    parametre("lon", "query", "longitude", json!({"type": "number", "minimum": -180, "maximum": 180}), true)
                ],
                "responses": reponses(ok_json("Commune et distance", json!({"$ref": "#/components/schemas/Commune"})), &avec(&[ChampInvalide, NonTrouve]))
            }},
            "/api/v1/referentiels/{nom}": {"get": {
                "summary": "Un référentiel (thematiques, categories, publics, types, frais, modes_accueil, modes_mobilisation, personnes_mobilisatrices, reseaux_porteurs, besoins)",
                "parameters": [parametre("nom", "path", "nom du référentiel", json!({"type": "string"}), true)],
                "responses": reponses(ok_json("Le référentiel tel qu'embarqué", json!({"type": "object"})), &avec(&[NonTrouve]))
            }},
            "/api/v1/couverture": {"get": {
                "summary": "Lacunes de couverture d'un territoire pour un ou plusieurs besoins (cellules H3, E2SFCA, zones de lacune, saturation)",
                "parameters": [
                    requete_q("territoire", "france, département (59), EPCI (SIREN), region:CODE ou communes séparées par des virgules", json!({"type": "string"})),
                    requete_q("besoin", "besoin, groupe, thématique, catégorie ou tous (répétable)", json!({"type": "array", "items": {"type": "string"}})),
                    requete_q("resolution", "résolution H3, 5 à 9, défaut 7", json!({"type": "integer", "minimum": 5, "maximum": 9})),
                    requete_q("rayon_km", "1 à 50, défaut 10", json!({"type": "number", "minimum": 1, "maximum": 50})),
                    requete_q("format", "geojson (défaut) ou csv", json!({"type": "string", "enum": ["geojson", "csv"]})),
                    requete_q("par_commune", "csv : une ligne par commune", json!({"type": "boolean"}))
                ],
                "responses": reponses(json!({"description": "GeoJSON RFC 7946 (cellules, membre summary) ou CSV", "content": {"application/geo+json": {"schema": {"type": "object"}}, "text/csv": {"schema": {"type": "string"}}}}), &avec(&[ChampInvalide]))
            }},
            "/api/v1/admin/recharger": {"post": {
                "summary": "Reconstruit l'instantané depuis le catalogue et le substitue (Bearer)",
                "security": [{"cle": []}],
                "responses": reponses(ok_json("Version servie et comptes", json!({"type": "object"})), &admin)
            }},
            "/api/v1/admin/import": {"post": {
                "summary": "Importe un lot data·inclusion, écrit durablement avant la réponse, puis indexé (Bearer)",
                "security": [{"cle": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Import"}}}},
                "responses": reponses(ok_json("Rapport de validation du lot", json!({"type": "object"})), &[&admin[..], &[RequeteMalformee, ChampInvalide, CorpsTropGros, TypeNonSupporte]].concat())
            }},
            "/healthz": {"get": {"summary": "Le processus répond", "responses": {"200": ok_json("ok", json!({"type": "object"}))}}},
            "/readyz": {"get": {"summary": "Un instantané est servi", "responses": reponses(ok_json("prêt", json!({"type": "object"})), &[Indisponible])}},
            "/metrics": {"get": {"summary": "Métriques Prometheus", "responses": {"200": {"description": "format texte Prometheus", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
            "/api/v1/openapi.json": {"get": {"summary": "Ce document", "responses": {"200": ok_json("OpenAPI 3.1", json!({"type": "object"}))}}}
        },
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"cle": {"type": "http", "scheme": "bearer", "description": "clé MAILLAGE_ADMIN_KEY"}}
        }
    })
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Response {
    static DOCUMENT: std::sync::LazyLock<Bytes> = std::sync::LazyLock::new(|| {
        Bytes::from(serde_json::to_vec(&document_json()).unwrap_or_default())
    });
    reponse_json(DOCUMENT.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chaque_genre_d_erreur_est_documente() {
        let doc = document_json();
        let texte = doc.to_string();
        for g in Genre::TOUS {
            let f = g.fiche();
            assert!(texte.contains(f.titre), "{g:?}");
        }
        assert_eq!(doc["openapi"], "3.1.0");
    }
}
