//! The web interface in a real browser: headless Chromium driven through WebDriver (`fantoccini`,
//! see [`pilote`]) against the in-process server on the demo catalog. Runs whenever `chromium`
//! and `chromedriver` are on the `PATH`; under `MAILLAGE_BROWSER_TESTS=1` (set by `.ci/run`) their absence is a failure.
//! Screenshots of every step: `target/captures/*.png`.

mod pilote;

use pilote::{JavaScript, Key, NON_EXECUTES, Navigateur};
use serde_json::json;

use crate::http::serveur::{Serveur, config_demo, demarrer};

/// The tools, or `None` after saying why the tests did not run.
fn outils() -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    match pilote::outils() {
        Some(o) => Some(o),
        None if pilote::obligatoires() => {
            panic!("MAILLAGE_BROWSER_TESTS=1 mais chromium ou chromedriver est absent du PATH")
        }
        None => {
            // Straight to the standard error handle: the test harness captures `println!` of
            // passing tests, and this line must be seen in a plain `cargo test`.
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "{NON_EXECUTES}");
            None
        }
    }
}

async fn nombre(nav: &Navigateur, css: &str) -> u64 {
    nav.script(
        "return document.querySelectorAll(arguments[0]).length;",
        json!([css]),
    )
    .await
    .as_u64()
    .unwrap_or(0)
}

/// Picks Roubaix from the typeahead with the mouse.
async fn choisir_roubaix(nav: &Navigateur) {
    nav.taper("#lieu", "Roubaix").await;
    nav.attendre(
        "document.querySelector('#lieu-liste li[data-code=\"59512\"]')",
        "Roubaix proposée",
    )
    .await;
    nav.cliquer("#lieu-liste li[data-code=\"59512\"]").await;
    nav.attendre(
        "document.getElementById('lieu').value.startsWith('Roubaix')",
        "Roubaix retenue",
    )
    .await;
}

async fn referent(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    let nav = Navigateur::lancer(o, 1280, 1000).await;
    nav.aller(&s.url("/")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "page prête")
        .await;
    assert_eq!(
        nav.script("return document.documentElement.lang;", json!([]))
            .await,
        "fr"
    );
    nav.capture("referent-01-accueil").await;

    nav.taper("#lieu", "Roubaix").await;
    nav.attendre(
        "document.querySelector('#lieu-liste li[data-code=\"59512\"]')",
        "Roubaix proposée",
    )
    .await;
    nav.capture("referent-02-saisie-assistee").await;
    nav.cliquer("#lieu-liste li[data-code=\"59512\"]").await;
    nav.attendre(
        "document.getElementById('lieu').value.startsWith('Roubaix')",
        "Roubaix retenue",
    )
    .await;

    nav.cliquer("#g-mobilite").await;
    nav.cliquer("#g-emploi").await;
    nav.cliquer("#p-rqth").await;
    nav.capture("referent-03-diagnostic").await;

    nav.cliquer("#chercher").await;
    nav.attendre(
        "document.querySelectorAll('#liste li.resultat').length > 0",
        "des résultats",
    )
    .await;
    let premier = nav.texte("#liste li.resultat").await;
    for attendu in [
        "Besoins couverts",
        "Distance",
        "Éligibilité",
        "Ouverture",
        "Mobiliser",
    ] {
        assert!(premier.contains(attendu), "« {attendu} » dans {premier}");
    }
    let etat = nav.texte("#etat").await;
    assert!(etat.contains("offres trouvées"), "{etat}");
    let exclus = nav.texte("#exclus h3").await;
    assert!(exclus.contains("exclue"), "{exclus}");
    assert!(nombre(&nav, "#parcours li").await > 0, "parcours proposé");
    assert!(
        nombre(&nav, "#carte svg circle").await > 0,
        "carte des résultats"
    );
    assert!(
        nombre(&nav, "#facettes input[type=checkbox]").await > 0,
        "facettes"
    );
    let debordent = nav
        .script(
            "return [...document.querySelectorAll('body *')].filter(e => !e.closest('svg') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
            json!([]),
        )
        .await;
    assert_eq!(debordent, json!([]), "rien ne déborde à droite");
    nav.capture("referent-04-resultats").await;
    let avant = nombre(&nav, "#liste li.resultat").await;
    assert!(
        nav.vrai("!document.getElementById('plus').hidden").await,
        "« charger plus » proposé"
    );
    nav.cliquer("#plus").await;
    nav.attendre(
        &format!("document.querySelectorAll('#liste li.resultat').length > {avant}"),
        "résultats suivants",
    )
    .await;
    nav.capture("referent-05-charger-plus").await;

    let affichage = nav
        .script(
            "return getComputedStyle(document.getElementById('impression')).display;",
            json!([]),
        )
        .await;
    assert_eq!(affichage, "none", "synthèse cachée à l'écran");
    let synthese = nav
        .script(
            "return document.getElementById('impression').textContent;",
            json!([]),
        )
        .await;
    assert!(
        synthese
            .as_str()
            .is_some_and(|t| t.contains("Parcours proposé")),
        "{synthese}"
    );

    let pdf = nav.imprimer("referent-synthese").await;
    assert!(pdf.starts_with(b"%PDF"), "synthèse imprimée en PDF");
    assert!(
        pdf.windows(8).any(|w| w == b"/Count 1"),
        "synthèse sur une seule page"
    );

    // A facet filter re-runs the search and stays ticked.
    nav.cliquer("#facettes input[data-facette=frais]").await;
    nav.attendre(
        "!document.getElementById('chercher').disabled && document.querySelector('#facettes input[data-facette=frais]:checked') && document.querySelectorAll('#liste li.resultat').length > 0",
        "filtre appliqué",
    )
    .await;
    nav.capture("referent-06-filtre").await;

    let lien = nav
        .script(
            "return document.querySelector('#liste li.resultat h3 a').href;",
            json!([]),
        )
        .await;
    nav.aller(lien.as_str().expect("lien de la fiche")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "fiche prête")
        .await;
    let fiche = nav.texte("#fiche").await;
    assert!(fiche.contains("Porté par"), "{fiche}");
    nav.capture("referent-07-fiche").await;
    nav.fermer().await;
}

async fn beneficiaire(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    let nav = Navigateur::lancer(o, 360, 800).await;
    nav.aller(&s.url("/")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "page prête")
        .await;
    nav.cliquer("input[name=mode][value=beneficiaire]").await;
    nav.attendre(
        "document.getElementById('zone-referent').hidden",
        "mode personne accompagnée",
    )
    .await;
    choisir_roubaix(&nav).await;
    nav.cliquer("input[data-categorie][value=mobilite]").await;
    nav.capture("beneficiaire-01-formulaire-360px").await;
    nav.cliquer("#chercher").await;
    nav.attendre(
        "document.querySelectorAll('#liste li.resultat').length > 0",
        "des résultats",
    )
    .await;
    let largeur = nav
        .script("return document.documentElement.scrollWidth;", json!([]))
        .await;
    let debordent = nav
        .script(
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
            json!([]),
        )
        .await;
    assert!(
        largeur.as_u64().is_some_and(|l| l <= 360),
        "pas de défilement horizontal à 360 px : {largeur} ; {debordent}"
    );
    let premier = nav.texte("#liste li.resultat").await;
    assert!(
        premier.contains("Accès direct") || premier.contains("Avec un professionnel"),
        "{premier}"
    );
    let tout = nav.texte("#liste").await;
    assert!(
        !tout.contains("[object"),
        "éléments imbriqués rendus : {tout}"
    );
    assert!(
        !premier.contains("Éligibilité"),
        "pas de critère sensible : {premier}"
    );
    assert!(
        nav.vrai("document.getElementById('champ-tri').hidden")
            .await,
        "pas de choix d'ordre en mode personne accompagnée"
    );
    nav.capture("beneficiaire-02-resultats-360px").await;
    // Self-mobilisable offers first, across "charger plus": load pages until an offer that needs a
    // professional shows up (the demo has 63 direct-access offers for mobility around Roubaix).
    for _ in 0..8 {
        if nombre(&nav, "#liste .pastille.pro").await > 0
            || !nav.vrai("!document.getElementById('plus').hidden").await
        {
            break;
        }
        let avant = nombre(&nav, "#liste li.resultat").await;
        nav.cliquer("#plus").await;
        nav.attendre(
            &format!("document.querySelectorAll('#liste li.resultat').length > {avant}"),
            "résultats suivants",
        )
        .await;
    }
    let ordre = nav
        .script(
            "return [...document.querySelectorAll('#liste .pastille')].map(p => p.classList.contains('soi-meme'));",
            json!([]),
        )
        .await;
    let ordre: Vec<bool> = serde_json::from_value(ordre).unwrap_or_default();
    assert!(
        ordre.len() > 20 && ordre.contains(&true) && ordre.contains(&false),
        "plusieurs pages, des deux sortes : {ordre:?}"
    );
    assert!(
        ordre.windows(2).all(|w| w[0] || !w[1]),
        "accès direct d'abord, d'une page à l'autre : {ordre:?}"
    );
    nav.capture("beneficiaire-03-charger-plus-360px").await;
    nav.fermer().await;
}

async fn carte(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    let nav = Navigateur::lancer(o, 1280, 1000).await;
    nav.aller(&s.url("/carte")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "page prête")
        .await;
    // Two needs for the Nord: the mobility group (ticked by default) and the employment group.
    assert!(
        nav.vrai("document.getElementById('c-mobilite').checked")
            .await,
        "un besoin coché d'office"
    );
    nav.cliquer("#c-emploi").await;
    assert!(
        nav.texte("#besoins-compte")
            .await
            .contains("2 besoins choisis")
    );
    nav.capture("carte-01-formulaire").await;
    nav.cliquer("#afficher").await;
    nav.attendre(
        "document.body.dataset.vue === '*' && document.querySelectorAll('#carte path.cellule').length > 0",
        "des cellules",
    )
    .await;
    let par_besoin = nav
        .script(
            "return JSON.parse(document.body.dataset.cellulesParBesoin);",
            json!([]),
        )
        .await;
    for b in ["emploi", "mobilite"] {
        assert!(
            par_besoin[b].as_u64().is_some_and(|n| n > 0),
            "des cellules pour {b} : {par_besoin}"
        );
    }
    assert_eq!(
        nombre(&nav, "#synthese-besoins tbody tr").await,
        2,
        "une ligne de synthèse par besoin"
    );
    assert!(nav.texte("#legende").await.contains("lacune"));
    assert!(nav.texte("#legende-vue").await.contains("moins accessible"));
    nav.cliquer("#carte path.cellule").await;
    nav.attendre(
        "document.querySelectorAll('#cellule-besoins [data-besoin]').length === 2",
        "chiffres de la cellule pour les deux besoins",
    )
    .await;
    nav.capture("carte-02-nord-deux-besoins").await;
    // One need at a time.
    for b in ["emploi", "mobilite"] {
        nav.script(
            "const v = document.getElementById('vue-besoin'); v.value = arguments[0]; v.dispatchEvent(new Event('change')); return 1;",
            json!([b]),
        )
        .await;
        nav.attendre(
            &format!("document.body.dataset.vue === '{b}' && document.querySelectorAll('#carte path.cellule').length > 0"),
            "la vue d'un besoin",
        )
        .await;
    }
    nav.capture("carte-03-nord-un-besoin").await;
    let csv = nav
        .script_async(
            "const fin = arguments[arguments.length - 1];
             fetch(document.getElementById('telecharger-csv').href)
               .then(r => r.text().then(t => fin({statut: r.status, type: r.headers.get('content-type'),
                 besoins: [...new Set(t.split('\\n').slice(1).filter(l => l).map(l => l.split(',')[0]))].sort()})))
               .catch(e => fin({erreur: String(e)}));",
        )
        .await;
    assert_eq!(csv["statut"], 200, "{csv}");
    assert!(
        csv["type"].as_str().is_some_and(|t| t.contains("csv")),
        "{csv}"
    );
    assert_eq!(csv["besoins"], json!(["emploi", "mobilite"]), "{csv}");
    nav.fermer().await;
}

async fn clavier(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    let nav = Navigateur::lancer(o, 1280, 1000).await;
    nav.aller(&s.url("/")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "page prête")
        .await;
    nav.tabuler_jusqua(&Key::Tab, "lieu", 12).await;
    nav.clavier("Roubaix").await;
    nav.attendre(
        "document.querySelector('#lieu-liste li[data-code=\"59512\"]')",
        "Roubaix proposée",
    )
    .await;
    // Roubaix is the first proposal.
    nav.clavier(&Key::Down).await;
    nav.clavier(&Key::Enter).await;
    nav.attendre(
        "document.getElementById('lieu').value.startsWith('Roubaix')",
        "Roubaix retenue au clavier",
    )
    .await;
    nav.tabuler_jusqua(&Key::Tab, "g-mobilite", 8).await;
    let contour = nav
        .script(
            "return getComputedStyle(document.activeElement).outlineStyle;",
            json!([]),
        )
        .await;
    assert_ne!(contour, "none", "focus visible");
    nav.clavier(&Key::Space).await;
    nav.capture("clavier-01-besoin-coche").await;
    let arriere = format!("{}{}{}", &*Key::Shift, &*Key::Tab, &*Key::Null);
    nav.tabuler_jusqua(&arriere, "lieu", 8).await;
    nav.clavier(&Key::Enter).await;
    nav.attendre(
        "document.querySelectorAll('#liste li.resultat').length > 0",
        "résultats au clavier",
    )
    .await;
    nav.capture("clavier-02-resultats").await;
    nav.fermer().await;
}

/// Empty typeahead, API error, no result (with the way out).
async fn etats(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    let nav = Navigateur::lancer(o, 1280, 1000).await;
    nav.aller(&s.url("/")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "page prête")
        .await;
    nav.taper("#lieu", "xqzw").await;
    nav.attendre(
        "document.getElementById('lieu-aide').textContent.includes('Aucune commune')",
        "saisie assistée vide",
    )
    .await;
    nav.capture("etats-01-saisie-vide").await;
    nav.script("document.getElementById('lieu').value = '';", json!([]))
        .await;
    nav.taper("#lieu", "00000").await;
    nav.cliquer("#g-mobilite").await;
    nav.cliquer("#chercher").await;
    nav.attendre(
        "document.getElementById('etat').textContent.includes('n’a pas abouti')",
        "erreur d'API dite",
    )
    .await;
    assert!(nav.texte("#etat").await.contains("code postal inconnu"));
    nav.capture("etats-02-erreur-api").await;
    nav.script("document.getElementById('lieu').value = '';", json!([]))
        .await;
    choisir_roubaix(&nav).await;
    // Unticks the need: a text-only search for a word no offer has.
    nav.cliquer("#g-mobilite").await;
    nav.script(
        "document.getElementById('rayon').value = '5'; return 1;",
        json!([]),
    )
    .await;
    nav.taper("#texte", "zzqxwv").await;
    nav.cliquer("#chercher").await;
    nav.attendre(
        "document.getElementById('etat').textContent.includes('Aucune offre')",
        "aucun résultat",
    )
    .await;
    let pourquoi = nav.texte("#synthese").await;
    assert!(pourquoi.contains("Élargir à 10 km"), "{pourquoi}");
    nav.capture("etats-03-aucun-resultat").await;

    // Exclusions by the profile, listed on demand.
    nav.script("document.getElementById('texte').value = ''; document.getElementById('rayon').value = '20'; return 1;", json!([]))
        .await;
    nav.cliquer("#g-emploi").await;
    nav.taper("#p-age", "70").await;
    nav.cliquer("#chercher").await;
    nav.attendre(
        "document.getElementById('voir-exclus')",
        "bouton des offres exclues",
    )
    .await;
    assert!(nav.texte("#exclus").await.contains("tranche d’âge"));
    nav.cliquer("#voir-exclus").await;
    nav.attendre(
        "document.querySelectorAll('#liste-exclus li').length > 0",
        "offres exclues listées",
    )
    .await;
    nav.capture("etats-04-offres-exclues").await;
    nav.fermer().await;
}

/// The plain search in Chromium with the pages' JavaScript off.
async fn sans_javascript(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    let nav = Navigateur::lancer_avec(o, 1280, 1000, JavaScript::Coupe).await;
    nav.aller(&s.url("/")).await;
    nav.attendre_element("#sj-lieu").await;
    assert!(nav.visible("#sj-lieu").await, "recherche simple affichée");
    assert!(
        !nav.visible("#recherche").await,
        "formulaire complet caché sans JavaScript"
    );
    nav.taper("#sj-lieu", "Roubaix").await;
    nav.cliquer("#sj-categorie option[value=mobilite]").await;
    nav.capture("sans-js-01-formulaire").await;
    nav.cliquer("form.sans-js button[type=submit]").await;
    nav.attendre_element("ol.resultats li.resultat").await;
    let etat = nav.texte_element("#titre-resultats + p").await;
    assert!(etat.contains("offres trouvées"), "{etat}");
    nav.capture("sans-js-02-resultats").await;
    nav.cliquer("form[action='/recherche'] button.secondaire")
        .await;
    nav.attendre_element("ol.resultats[start='21']").await;
    nav.capture("sans-js-03-suivants").await;
    nav.fermer().await;
}

fn mediane(valeurs: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = valeurs.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    (!v.is_empty()).then(|| v[v.len() / 2])
}

fn serie(valeurs: &[f64]) -> serde_json::Value {
    let dixieme = |x: f64| (x * 10.0).round() / 10.0;
    let arrondies: Vec<f64> = valeurs.iter().map(|&x| dixieme(x)).collect();
    json!({"mediane_ms": mediane(valeurs).map(dixieme), "valeurs_ms": arrondies})
}

/// First contentful paint of `chemin`, `fois` loads (the first with an empty cache).
async fn premier_affichage(nav: &Navigateur, s: &Serveur, chemin: &str, fois: usize) -> Vec<f64> {
    let mut v = Vec::new();
    for _ in 0..fois {
        nav.aller(&s.url(chemin)).await;
        nav.attendre(
            "document.body.dataset.pret === 'oui' && performance.getEntriesByName('first-contentful-paint').length > 0",
            "premier affichage",
        )
        .await;
        let fcp = nav
            .script(
                "return performance.getEntriesByName('first-contentful-paint')[0].startTime;",
                json!([]),
            )
            .await;
        v.extend(fcp.as_f64());
    }
    v
}

/// The durations of the measure `nom` (ms), once it exists.
async fn mesure(nav: &Navigateur, nom: &str) -> f64 {
    nav.attendre(
        &format!("performance.getEntriesByName('{nom}').length > 0"),
        "une mesure de rendu",
    )
    .await;
    nav.script(
        "const m = performance.getEntriesByName(arguments[0]); return m[m.length - 1].duration;",
        json!([nom]),
    )
    .await
    .as_f64()
    .unwrap_or(f64::NAN)
}

/// First paint of `/` and `/carte`, and the rendering of the results after the API answers,
/// written to `target/captures/mesures.json` and printed; never asserted (machines differ).
async fn mesures(s: &Serveur, o: &(std::path::PathBuf, std::path::PathBuf)) {
    const FOIS: usize = 5;
    let nav = Navigateur::lancer(o, 1280, 1000).await;
    let accueil = premier_affichage(&nav, s, "/", FOIS).await;
    let carte = premier_affichage(&nav, s, "/carte", FOIS).await;
    nav.aller(&s.url("/")).await;
    nav.attendre("document.body.dataset.pret === 'oui'", "page prête")
        .await;
    choisir_roubaix(&nav).await;
    nav.cliquer("#g-mobilite").await;
    nav.cliquer("#g-emploi").await;
    let (mut dom, mut affiche) = (Vec::new(), Vec::new());
    for _ in 0..FOIS {
        nav.script("performance.clearMeasures(); return 1;", json!([]))
            .await;
        nav.cliquer("#chercher").await;
        dom.push(mesure(&nav, "rendu-resultats").await);
        affiche.push(mesure(&nav, "rendu-resultats-affiche").await);
    }
    let resultats = nombre(&nav, "#liste li.resultat").await;
    nav.cliquer("#plus").await;
    let suite = mesure(&nav, "rendu-suite-affiche").await;
    let agent = nav.script("return navigator.userAgent;", json!([])).await;
    let processeur = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_default();
    let m = json!({
        "machine": {
            "coeurs": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
            "processeur": processeur,
            "navigateur": agent,
            "serveur": "serveur de test (profil test), catalogue de démonstration",
        },
        "premier_affichage": {"/": serie(&accueil), "/carte": serie(&carte)},
        "rendu_resultats": {
            "resultats": resultats,
            "jusqu_au_dom": serie(&dom),
            "jusqu_a_l_image": serie(&affiche),
            "charger_plus_jusqu_a_l_image_ms": (suite * 10.0).round() / 10.0,
        },
        "budgets_ms": {"premier_affichage": 1000, "rendu_resultats": 100},
    });
    let texte = serde_json::to_string_pretty(&m).unwrap_or_default();
    let _ = std::fs::write(pilote::dossier_captures().join("mesures.json"), &texte);
    println!("mesures du navigateur (target/captures/mesures.json) : {texte}");
    nav.fermer().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interface_web_dans_chromium() {
    let Some(o) = outils() else { return };
    let s = demarrer(config_demo()).await;
    referent(&s, &o).await;
    beneficiaire(&s, &o).await;
    clavier(&s, &o).await;
    etats(&s, &o).await;
    carte(&s, &o).await;
    sans_javascript(&s, &o).await;
    mesures(&s, &o).await;
}

#[tokio::test]
async fn pages_et_actifs_servis() {
    let s = demarrer(config_demo()).await;
    let c = crate::http::serveur::client();
    for (chemin, type_) in [
        ("/", "text/html"),
        ("/carte", "text/html"),
        ("/services/dora--1", "text/html"),
        ("/ui/app.css", "text/css"),
        ("/ui/recherche.js", "text/javascript"),
        ("/ui/carte-dessin.js", "text/javascript"),
    ] {
        let r = c.get(s.url(chemin)).send().await.expect("requête");
        assert_eq!(r.status(), 200, "{chemin}");
        let t = r.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .to_owned();
        assert!(t.starts_with(type_), "{chemin} : {t}");
        assert!(r.headers().contains_key("etag"), "{chemin}");
    }
    let r = c
        .get(s.url("/ui/inconnu.js"))
        .send()
        .await
        .expect("requête");
    assert_eq!(r.status(), 404);
    let page = c
        .get(s.url("/"))
        .send()
        .await
        .expect("requête")
        .text()
        .await
        .expect("texte");
    assert!(page.contains("<html lang=\"fr\">"));
}

/// The plain search without JavaScript, with plain HTTP requests.
#[tokio::test]
async fn recherche_sans_javascript() {
    let s = demarrer(config_demo()).await;
    let c = crate::http::serveur::client();
    let poster = |corps: &'static str| {
        c.post(s.url("/recherche"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(corps)
            .send()
    };
    let accueil = c
        .get(s.url("/"))
        .send()
        .await
        .expect("requête")
        .text()
        .await
        .expect("texte");
    let bruit = accueil
        .split("<noscript>")
        .nth(1)
        .expect("un <noscript> sur la page de recherche");
    assert!(bruit.contains("<form method=\"post\" action=\"/recherche\""));
    assert!(bruit.contains("<option value=\"mobilite\">"));
    assert!(!accueil.contains("{formulaire_sans_js}"));

    let vide = c.get(s.url("/recherche")).send().await.expect("requête");
    assert_eq!(vide.status(), 200);
    let vide = vide.text().await.expect("texte");
    assert!(vide.contains("<html lang=\"fr\">") && vide.contains("name=\"lieu\""));
    assert!(!vide.contains("<script"), "aucun script");

    let r = poster("lieu=Roubaix&rayon=20&categorie=mobilite")
        .await
        .expect("requête");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let page = r.text().await.expect("texte");
    assert!(
        page.contains("offres trouvées à moins de 20 km de Roubaix"),
        "{page}"
    );
    assert!(
        page.matches("<li class=\"resultat\">").count() == 20,
        "{page}"
    );
    assert!(page.contains("<option value=\"mobilite\" selected>"));
    assert!(page.contains("Résultats suivants"));
    // The subject is the data·inclusion category, not the diagnostic group of the same code (which
    // also covers confidence-building offers such as a psychologist's consultations).
    assert!(!page.contains("Consultations de psychologue"), "{page}");
    // The next page, from the hidden fields of "résultats suivants".
    let curseur = page
        .split("name=\"curseur\" value=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("curseur")
        .to_owned();
    let suite = c
        .post(s.url("/recherche"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "lieu=Roubaix&rayon=20&categorie=mobilite&curseur={curseur}&debut=21"
        ))
        .send()
        .await
        .expect("requête")
        .text()
        .await
        .expect("texte");
    assert!(
        suite.contains("<ol class=\"resultats\" start=\"21\">"),
        "{suite}"
    );

    // Postal code, keywords only.
    let r = poster("lieu=59100&texte=mobilit%C3%A9")
        .await
        .expect("requête");
    assert_eq!(r.status(), 200);
    assert!(r.text().await.expect("texte").contains("Roubaix"));

    // Errors are said in the page, values escaped.
    let r = poster("lieu=%3Cscript%3Exqzw&categorie=mobilite")
        .await
        .expect("requête");
    assert_eq!(r.status(), 422);
    let page = r.text().await.expect("texte");
    assert!(page.contains("Aucune commune ne correspond à « &lt;script&gt;xqzw »"));
    assert!(!page.contains("<script>xqzw"));
    // A radius the form does not offer is refused with the list, not replaced.
    let r = poster("lieu=Roubaix&rayon=7&categorie=mobilite")
        .await
        .expect("requête");
    assert_eq!(r.status(), 422);
    let page = r.text().await.expect("texte");
    assert!(
        page.contains("Distance « 7 » non proposée : choisissez 5, 10, 20, 30, 50, 100 km."),
        "{page}"
    );
    // Too long keywords are refused with the limit, not cut silently.
    let long: &'static str =
        Box::leak(format!("lieu=Roubaix&texte={}", "a".repeat(250)).into_boxed_str());
    let r = poster(long).await.expect("requête");
    assert_eq!(r.status(), 422);
    let page = r.text().await.expect("texte");
    assert!(page.contains("250 caractères, au plus 200"), "{page}");
    let r = poster("lieu=Roubaix").await.expect("requête");
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .expect("texte")
            .contains("Choisissez un sujet")
    );
}
