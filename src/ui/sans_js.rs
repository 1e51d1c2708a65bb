//! The plain search without JavaScript: `POST /recherche` (an HTML form: commune by name, postal
//! or INSEE code, radius, category, keywords) answered with the results as server-rendered HTML,
//! through the same engine path as `POST /api/v1/recherche` ([`crate::http::recherche::chercher`]:
//! answer cache, engine off the async runtime). `GET /recherche` shows the empty form.
//!
//! A `POST` like the API's: the place and the subject never appear in a URL; "résultats suivants"
//! is a small form carrying the same fields and the cursor. Every value written into the page is
//! escaped by [`echapper`].

use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::actifs::composer;
use crate::http::erreur::ErreurApi;
use crate::http::etat::Etat;
use crate::http::recherche;
use crate::search::{BesoinDemande, GenreBesoin, LieuDemande, RequeteDemandee};
use crate::territoire::Territoires;

/// Radii offered, km.
const RAYONS: [u16; 6] = [5, 10, 20, 30, 50, 100];
/// Default radius.
const RAYON_DEFAUT: u16 = 20;
/// Results per page.
const LIMITE: u16 = 20;
/// Longest field kept (characters).
const CHAMP_MAX: usize = 200;

/// `s` with `&`, `<`, `>`, `"` and `'` replaced by their character references: safe in text and in
/// quoted attribute values.
pub fn echapper(s: &str) -> String {
    let mut sortie = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => sortie.push_str("&amp;"),
            '<' => sortie.push_str("&lt;"),
            '>' => sortie.push_str("&gt;"),
            '"' => sortie.push_str("&quot;"),
            '\'' => sortie.push_str("&#39;"),
            _ => sortie.push(c),
        }
    }
    sortie
}

/// The categories of the form (code, label), from the embedded referential.
static CATEGORIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    crate::referentiel::fichier("categories")
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .and_then(|v| v["valeurs"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|v| {
            Some((
                v["code"].as_str()?.to_owned(),
                v["libelle"].as_str()?.to_owned(),
            ))
        })
        .collect()
});

/// The fields of the form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saisie {
    /// Commune: name, postal code or INSEE code.
    pub lieu: String,
    /// Radius, km.
    pub rayon: u16,
    /// The radius sent when it is not one of the form's (refused, with the list).
    pub rayon_refuse: Option<String>,
    /// Category code (empty: none).
    pub categorie: String,
    /// Keywords.
    pub texte: String,
    /// Cursor of the next page.
    pub curseur: Option<String>,
    /// Rank of the first result of the page (1 on the first page).
    pub debut: usize,
}

impl Saisie {
    /// From an `application/x-www-form-urlencoded` body; unknown fields are ignored, values are
    /// trimmed and cut to `CHAMP_MAX` (200) characters except the keywords (too long keywords are
    /// refused by the engine with a message naming the limit, not cut silently); a radius that is
    /// not one of the form's fixed list is kept in `rayon_refuse` (the search refuses it).
    pub fn lire(corps: &[u8]) -> Saisie {
        let mut s = Saisie {
            rayon: RAYON_DEFAUT,
            debut: 1,
            ..Saisie::default()
        };
        for (cle, valeur) in url::form_urlencoded::parse(corps) {
            if cle == "texte" {
                s.texte = valeur.trim().to_owned();
                continue;
            }
            let v: String = valeur.trim().chars().take(CHAMP_MAX).collect();
            match cle.as_ref() {
                "lieu" => s.lieu = v,
                "rayon" => match v.parse().ok().filter(|r| RAYONS.contains(r)) {
                    Some(r) => s.rayon = r,
                    None => s.rayon_refuse = Some(v),
                },
                "categorie" => s.categorie = v,
                "curseur" if !v.is_empty() => s.curseur = Some(v),
                "debut" => s.debut = v.parse().ok().filter(|&d| d >= 1).unwrap_or(1),
                _ => {}
            }
        }
        s
    }
}

/// The plain form, filled with `s` (also placed in the search page's `<noscript>`).
pub fn formulaire(s: &Saisie) -> String {
    let mut h = String::new();
    let rayon = if s.rayon == 0 { RAYON_DEFAUT } else { s.rayon };
    h.push_str(
        "<form method=\"post\" action=\"/recherche\" class=\"sans-js\">\n\
         <fieldset>\n<legend>Recherche simple</legend>\n<div class=\"ligne\">\n",
    );
    let _ = writeln!(
        h,
        "<div class=\"champ\"><label for=\"sj-lieu\">Commune ou code postal</label>\
         <input id=\"sj-lieu\" name=\"lieu\" type=\"text\" required maxlength=\"{CHAMP_MAX}\" \
         value=\"{}\" placeholder=\"ex. Roubaix ou 59100\"></div>",
        echapper(&s.lieu)
    );
    h.push_str(
        "<div class=\"champ\"><label for=\"sj-rayon\">Distance maximale</label>\
         <select id=\"sj-rayon\" name=\"rayon\">",
    );
    for r in RAYONS {
        let choisi = if r == rayon { " selected" } else { "" };
        let _ = write!(h, "<option value=\"{r}\"{choisi}>{r} km</option>");
    }
    h.push_str("</select></div>\n");
    h.push_str(
        "<div class=\"champ\"><label for=\"sj-categorie\">Sujet</label>\
         <select id=\"sj-categorie\" name=\"categorie\"><option value=\"\">Tous les sujets</option>",
    );
    for (code, libelle) in CATEGORIES.iter() {
        let choisi = if *code == s.categorie {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<option value=\"{}\"{choisi}>{}</option>",
            echapper(code),
            echapper(libelle)
        );
    }
    h.push_str("</select></div>\n");
    let _ = writeln!(
        h,
        "<div class=\"champ\"><label for=\"sj-texte\">Mots-clés (facultatif)</label>\
         <input id=\"sj-texte\" name=\"texte\" type=\"search\" maxlength=\"{CHAMP_MAX}\" value=\"{}\"></div>",
        echapper(&s.texte)
    );
    h.push_str(
        "</div>\n<p class=\"aide\">Choisissez un sujet ou tapez un mot-clé. Rien de ce que vous \
         saisissez n’est conservé ni placé dans l’adresse de la page.</p>\n\
         <button type=\"submit\">Rechercher</button>\n</fieldset>\n</form>\n",
    );
    h
}

/// The page: the form, then `resultats` (HTML), in the shared shell; no script.
fn page(statut: StatusCode, s: &Saisie, resultats: &str) -> Response {
    let corps = format!(
        "<main id=\"contenu\" tabindex=\"-1\">\n<h2>Recherche d’offres d’accompagnement</h2>\n\
         <p class=\"aide\">Version sans JavaScript. <a href=\"/\">La recherche complète</a> \
         (diagnostic, carte, filtres) demande JavaScript.</p>\n{}{resultats}</main>\n\
         <footer class=\"pied\">Données : offre d’insertion publiée par data·inclusion (Licence \
         Ouverte 2.0). Rien de ce que vous saisissez n’est conservé par le service.</footer>\n",
        formulaire(s)
    );
    let html = composer("Recherche simple", None, "/", &corps);
    let mut r = (statut, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CONTENT_SECURITY_POLICY, super::CSP.clone());
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

/// A message in the results area (`alerte`: announced at once by screen readers).
fn message(texte: &str, alerte: bool) -> String {
    let (role, classe) = if alerte {
        ("alert", "etat erreur")
    } else {
        ("status", "etat")
    };
    format!(
        "<section aria-labelledby=\"titre-resultats\">\n<h2 id=\"titre-resultats\">Résultats</h2>\n\
         <p class=\"{classe}\" role=\"{role}\">{}</p>\n</section>\n",
        echapper(texte)
    )
}

/// `GET /recherche`: the empty form.
pub async fn formulaire_vide() -> Response {
    page(
        StatusCode::OK,
        &Saisie {
            rayon: RAYON_DEFAUT,
            debut: 1,
            ..Saisie::default()
        },
        "",
    )
}

/// The commune of `lieu` (INSEE code, postal code or name; the most populous match) and the other
/// matches, as (code, label).
type Commune = (String, String);

fn communes(lieu: &str) -> Vec<Commune> {
    let t = Territoires::embarques();
    t.rechercher_communes(lieu, 6)
        .into_iter()
        .map(|c| {
            let cp = c
                .codes_postaux
                .first()
                .map(|p| p.to_string())
                .unwrap_or_else(|| c.departement.to_string());
            (c.code.to_string(), format!("{} ({cp})", c.nom))
        })
        .collect()
}

/// `POST /recherche`: the results of the plain form.
pub async fn recherche(State(etat): State<Arc<Etat>>, corps: Bytes) -> Response {
    let s = Saisie::lire(&corps);
    if s.lieu.is_empty() {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &s,
            &message("Indiquez une commune ou un code postal.", true),
        );
    }
    if let Some(r) = &s.rayon_refuse {
        let proposes: Vec<String> = RAYONS.iter().map(u16::to_string).collect();
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &s,
            &message(
                &format!(
                    "Distance « {r} » non proposée : choisissez {} km.",
                    proposes.join(", ")
                ),
                true,
            ),
        );
    }
    if s.categorie.is_empty() && s.texte.is_empty() {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &s,
            &message("Choisissez un sujet ou tapez un mot-clé.", true),
        );
    }
    let lieu = s.lieu.clone();
    let trouvees = match etat.bloquant(move || communes(&lieu)).await {
        Ok(t) => t,
        Err(e) => return erreur(&s, &e),
    };
    let Some((code, libelle)) = trouvees.first().cloned() else {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &s,
            &message(
                &format!(
                    "Aucune commune ne correspond à « {} ». Vérifiez l’orthographe ou essayez le code postal.",
                    s.lieu
                ),
                true,
            ),
        );
    };
    let demande = RequeteDemandee {
        lieu: Some(LieuDemande {
            code_commune: Some(code),
            ..LieuDemande::default()
        }),
        rayon_km: Some(f64::from(s.rayon)),
        besoins: if s.categorie.is_empty() {
            Vec::new()
        } else {
            vec![BesoinDemande {
                code: s.categorie.clone(),
                priorite: None,
                // The form lists data·inclusion categories: `mobilite` is the category, not
                // the group of diagnostic needs of the same code.
                genre: Some(GenreBesoin::Categorie),
            }]
        },
        texte: (!s.texte.is_empty()).then(|| s.texte.clone()),
        limite: Some(LIMITE),
        curseur: s.curseur.clone(),
        ..RequeteDemandee::default()
    };
    // The same route key as the API: the plain form shares its cached answers.
    let reponse = recherche::chercher(&etat, "recherche", demande, recherche::corps_recherche)
        .await
        .and_then(|b| serde_json::from_slice::<Value>(&b).map_err(ErreurApi::interne));
    match reponse {
        Ok(r) => {
            let autres = &trouvees[1..];
            page(StatusCode::OK, &s, &resultats(&s, &libelle, autres, &r))
        }
        Err(e) => erreur(&s, &e),
    }
}

fn erreur(s: &Saisie, e: &ErreurApi) -> Response {
    page(
        e.genre.fiche().statut,
        s,
        &message(&format!("La recherche n’a pas abouti : {}", e.detail), true),
    )
}

const RAISONS: [(&str, &str); 5] = [
    ("rqth_requise", "réservées aux personnes ayant une RQTH"),
    ("age", "hors de la tranche d’âge"),
    ("criteres_iae", "critères IAE non remplis"),
    ("public", "réservées à un autre public"),
    ("hors_territoire", "hors de leur zone d’intervention"),
];

/// `n offre(s)`.
fn offres(n: u64) -> String {
    if n > 1 {
        format!("{n} offres")
    } else {
        format!("{n} offre")
    }
}

/// The results of `r` (the API's JSON answer) as HTML.
fn resultats(s: &Saisie, libelle: &str, autres: &[Commune], r: &Value) -> String {
    let mut h = String::from(
        "<section aria-labelledby=\"titre-resultats\">\n<h2 id=\"titre-resultats\">Résultats</h2>\n",
    );
    let total = r["total"].as_u64().unwrap_or(0);
    let liste = r["resultats"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let _ = writeln!(
        h,
        "<p class=\"etat\" role=\"status\">{} à moins de {} km de {}.</p>",
        if total == 0 {
            "Aucune offre trouvée".to_owned()
        } else {
            format!(
                "{} trouvée{}",
                offres(total),
                if total > 1 { "s" } else { "" }
            )
        },
        s.rayon,
        echapper(libelle)
    );
    if !autres.is_empty() {
        h.push_str("<p class=\"aide\">Ce n’est pas la bonne commune ? Précisez le code postal ; autres communes possibles : ");
        let noms: Vec<String> = autres.iter().map(|(_, l)| echapper(l)).collect();
        h.push_str(&noms.join(", "));
        h.push_str(".</p>\n");
    }
    if total == 0 {
        h.push_str("<ul class=\"vide\">");
        let exclus = r["exclus"].as_object();
        for (raison, texte) in RAISONS {
            if let Some(n) = exclus.and_then(|e| e[raison].as_u64()).filter(|&n| n > 0) {
                let _ = write!(h, "<li>{} écartée(s) : {texte}.</li>", offres(n));
            }
        }
        let _ = writeln!(
            h,
            "<li>Élargissez la distance (au-delà de {} km), choisissez un autre sujet ou retirez les mots-clés.</li></ul>",
            s.rayon
        );
    }
    let depart = s.debut.max(1);
    if !liste.is_empty() {
        let _ = writeln!(h, "<ol class=\"resultats\" start=\"{depart}\">");
        for x in liste {
            resultat(&mut h, x);
        }
        h.push_str("</ol>\n");
    }
    if let Some(c) = r["curseur_suivant"].as_str() {
        let _ = writeln!(
            h,
            "<form method=\"post\" action=\"/recherche\">\
             <input type=\"hidden\" name=\"lieu\" value=\"{}\">\
             <input type=\"hidden\" name=\"rayon\" value=\"{}\">\
             <input type=\"hidden\" name=\"categorie\" value=\"{}\">\
             <input type=\"hidden\" name=\"texte\" value=\"{}\">\
             <input type=\"hidden\" name=\"curseur\" value=\"{}\">\
             <input type=\"hidden\" name=\"debut\" value=\"{}\">\
             <button type=\"submit\" class=\"secondaire\">Résultats suivants</button></form>",
            echapper(&s.lieu),
            s.rayon,
            echapper(&s.categorie),
            echapper(&s.texte),
            echapper(c),
            depart + liste.len()
        );
    }
    h.push_str("</section>\n");
    h
}

/// One result: name (link to its page), structure, distance, opening, how to mobilise, contact.
fn resultat(h: &mut String, x: &Value) {
    let s = &x["service"];
    let e = &x["explication"];
    let texte = |v: &Value| v.as_str().map(echapper);
    let id = s["id"].as_str().unwrap_or_default();
    let _ = write!(
        h,
        "<li class=\"resultat\"><h3><a href=\"/services/{}\">{}</a></h3>",
        echapper(&url::form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>()),
        texte(&s["nom"]).unwrap_or_default()
    );
    let _ = write!(
        h,
        "<p class=\"structure\">{}{}</p><dl>",
        texte(&s["structure"]["nom"]).unwrap_or_default(),
        texte(&s["structure"]["commune"])
            .map(|c| format!(" — {c}"))
            .unwrap_or_default()
    );
    let soi = s["mobilisable_par"]
        .as_array()
        .is_some_and(|m| m.iter().any(|p| p == "usagers"));
    let _ = write!(
        h,
        "<dt>Comment y aller</dt><dd>{}</dd>",
        if soi {
            "Vous pouvez y aller ou les contacter directement."
        } else {
            "Demandez à votre conseiller ou conseillère de vous orienter."
        }
    );
    for (titre, v) in [("Distance", &e["distance"]), ("Horaires", &e["ouverture"])] {
        if let Some(t) = texte(v) {
            let _ = write!(h, "<dt>{titre}</dt><dd>{t}</dd>");
        }
    }
    let adresse: Vec<String> = ["adresse", "code_postal", "commune"]
        .iter()
        .filter_map(|k| texte(&s[*k]))
        .collect();
    if !adresse.is_empty() {
        let _ = write!(h, "<dt>Adresse</dt><dd>{}</dd>", adresse.join(" "));
    }
    if let Some(t) = s["telephone"]
        .as_str()
        .or_else(|| s["structure"]["telephone"].as_str())
    {
        let _ = write!(
            h,
            "<dt>Téléphone</dt><dd><a href=\"tel:{}\">{}</a></dd>",
            echapper(&t.replace(' ', "")),
            echapper(t)
        );
    }
    if let Some(c) = s["courriel"]
        .as_str()
        .or_else(|| s["structure"]["courriel"].as_str())
    {
        let _ = write!(
            h,
            "<dt>Courriel</dt><dd><a href=\"mailto:{0}\">{0}</a></dd>",
            echapper(c)
        );
    }
    h.push_str("</dl></li>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echappe_le_html() {
        assert_eq!(
            echapper(r#"<a href="x">l'été & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn lit_la_saisie() {
        let s = Saisie::lire(b"lieu=+Roubaix+&rayon=30&categorie=mobilite&texte=&inconnu=1");
        assert_eq!(s.lieu, "Roubaix");
        assert_eq!(s.rayon, 30);
        assert_eq!(s.categorie, "mobilite");
        assert!(s.texte.is_empty() && s.curseur.is_none());
        let autre = Saisie::lire(b"rayon=7");
        assert_eq!(autre.rayon_refuse.as_deref(), Some("7"));
        assert_eq!(
            autre.rayon, RAYON_DEFAUT,
            "the form shows the default again"
        );
        assert_eq!(Saisie::lire(b"rayon=").rayon_refuse.as_deref(), Some(""));
    }

    #[test]
    fn le_formulaire_echappe_les_valeurs() {
        let f = formulaire(&Saisie {
            lieu: "\"><script>".into(),
            rayon: 10,
            ..Saisie::default()
        });
        assert!(!f.contains("<script>"));
        assert!(f.contains("value=\"&quot;&gt;&lt;script&gt;\""));
        assert!(f.contains("<option value=\"10\" selected>"));
        assert!(f.contains("<option value=\"mobilite\">"), "{f}");
    }
}
