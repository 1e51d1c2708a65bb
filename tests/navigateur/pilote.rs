//! A small WebDriver client (W3C protocol over reqwest, already a dev-dependency): starts
//! `chromedriver` on a free port, opens headless Chromium in a fresh profile, and offers the few
//! commands the scenarios need. Screenshots go to `target/captures/`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The W3C key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Keys of the WebDriver keyboard.
pub mod touche {
    /// Tab.
    pub const TAB: &str = "\u{E004}";
    /// Enter.
    pub const ENTREE: &str = "\u{E007}";
    /// Shift (sticky until [`RELACHER`]).
    pub const MAJ: &str = "\u{E008}";
    /// Releases the modifiers.
    pub const RELACHER: &str = "\u{E000}";
    /// Space.
    pub const ESPACE: &str = "\u{E00D}";
    /// Down arrow.
    pub const BAS: &str = "\u{E015}";
}

/// The message printed when the browser tests cannot run.
pub const NON_EXECUTES: &str = "tests navigateur non exécutés : installer chromium et chromium-driver (apt) ; MAILLAGE_BROWSER_TESTS=1 les rend obligatoires";

fn chercher(noms: &[&str]) -> Option<PathBuf> {
    let chemin = std::env::var_os("PATH")?;
    noms.iter().find_map(|nom| {
        std::env::split_paths(&chemin)
            .map(|d| d.join(nom))
            .find(|p| p.is_file())
    })
}

/// Chromium and chromedriver, from `MAILLAGE_CHROMIUM` / `MAILLAGE_CHROMEDRIVER` or the `PATH`.
pub fn outils() -> Option<(PathBuf, PathBuf)> {
    let navigateur = std::env::var_os("MAILLAGE_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| chercher(&["chromium", "chromium-browser", "google-chrome"]))?;
    let pilote = std::env::var_os("MAILLAGE_CHROMEDRIVER")
        .map(PathBuf::from)
        .or_else(|| chercher(&["chromedriver"]))?;
    Some((navigateur, pilote))
}

/// Whether the browser tests must run (`MAILLAGE_BROWSER_TESTS=1`, set by `.ci/run`).
pub fn obligatoires() -> bool {
    std::env::var("MAILLAGE_BROWSER_TESTS").is_ok_and(|v| v == "1")
}

/// A browser session; chromedriver is killed on drop.
pub struct Navigateur {
    http: reqwest::Client,
    base: String,
    session: String,
    pilote: Child,
    _profil: tempfile::TempDir,
}

impl Drop for Navigateur {
    fn drop(&mut self) {
        let _ = self.pilote.kill();
        let _ = self.pilote.wait();
    }
}

fn port_libre() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port libre")
}

/// `target/captures/`.
pub fn dossier_captures() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/captures");
    std::fs::create_dir_all(&d).expect("dossier des captures");
    d
}

fn base64(texte: &str) -> Vec<u8> {
    let valeur = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let chiffres: Vec<u32> = texte.bytes().filter_map(valeur).collect();
    let mut octets = Vec::with_capacity(chiffres.len() * 3 / 4);
    for bloc in chiffres.chunks(4) {
        let n = bloc
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        octets.push((n >> 16) as u8);
        if bloc.len() > 2 {
            octets.push((n >> 8) as u8);
        }
        if bloc.len() > 3 {
            octets.push(n as u8);
        }
    }
    octets
}

impl Navigateur {
    /// Starts chromedriver and a headless Chromium whose viewport is `largeur`×`hauteur`.
    pub async fn lancer(outils: &(PathBuf, PathBuf), largeur: u32, hauteur: u32) -> Navigateur {
        let (navigateur, pilote) = outils;
        let port = port_libre();
        let enfant = Command::new(pilote)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver démarre");
        let profil = tempfile::tempdir().expect("profil temporaire");
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let debut = Instant::now();
        loop {
            if let Ok(r) = http.get(format!("{base}/status")).send().await
                && r.status().is_success()
            {
                break;
            }
            assert!(
                debut.elapsed() < Duration::from_secs(20),
                "chromedriver ne répond pas"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut nav = Navigateur {
            http,
            base,
            session: String::new(),
            pilote: enfant,
            _profil: profil,
        };
        let args = json!([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--lang=fr-FR",
            format!("--window-size={largeur},{hauteur}"),
            format!("--user-data-dir={}", nav._profil.path().display()),
        ]);
        let mut options = json!({"binary": navigateur, "args": args});
        if largeur < 500 {
            // Below Chromium's smallest window: emulate the phone's viewport instead.
            options["mobileEmulation"] = json!({"deviceMetrics": {
                "width": largeur, "height": hauteur, "pixelRatio": 2.0, "touch": true,
            }});
        }
        let r = nav
            .commande(
                reqwest::Method::POST,
                "/session",
                json!({"capabilities": {"alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": options,
                }}}),
            )
            .await
            .expect("session WebDriver");
        nav.session = r["sessionId"].as_str().expect("sessionId").to_owned();
        nav
    }

    async fn commande(
        &self,
        methode: reqwest::Method,
        chemin: &str,
        corps: Value,
    ) -> Result<Value, String> {
        let url = if chemin == "/session" {
            format!("{}{chemin}", self.base)
        } else {
            format!("{}/session/{}{chemin}", self.base, self.session)
        };
        let mut req = self.http.request(methode.clone(), url);
        if methode == reqwest::Method::POST {
            req = req.json(&corps);
        }
        let r = req.send().await.map_err(|e| e.to_string())?;
        let ok = r.status().is_success();
        let v: Value = r.json().await.map_err(|e| e.to_string())?;
        if ok {
            Ok(v["value"].clone())
        } else {
            Err(format!("{chemin} : {}", v["value"]))
        }
    }

    /// Opens `url`.
    pub async fn aller(&self, url: &str) {
        self.commande(reqwest::Method::POST, "/url", json!({"url": url}))
            .await
            .expect("navigation");
    }

    /// Runs `js` (a function body; `arguments` holds `args`) and returns its value.
    pub async fn script(&self, js: &str, args: Value) -> Value {
        self.commande(
            reqwest::Method::POST,
            "/execute/sync",
            json!({"script": js, "args": args}),
        )
        .await
        .unwrap_or_else(|e| panic!("script « {js} » : {e}"))
    }

    /// Runs an asynchronous `js` (the last argument is the callback).
    pub async fn script_async(&self, js: &str) -> Value {
        self.commande(
            reqwest::Method::POST,
            "/execute/async",
            json!({"script": js, "args": []}),
        )
        .await
        .unwrap_or_else(|e| panic!("script « {js} » : {e}"))
    }

    /// Waits (30 s at most: CI machines are slow) until the expression `js` is truthy in the page.
    pub async fn attendre(&self, js: &str, quoi: &str) {
        let debut = Instant::now();
        loop {
            let v = self
                .commande(
                    reqwest::Method::POST,
                    "/execute/sync",
                    json!({"script": format!("return !!({js});"), "args": []}),
                )
                .await;
            if v == Ok(Value::Bool(true)) {
                return;
            }
            if debut.elapsed() > Duration::from_secs(30) {
                self.capture("echec").await;
                panic!("attendu : {quoi} ({js})");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn element(&self, css: &str) -> String {
        let v = self
            .commande(
                reqwest::Method::POST,
                "/element",
                json!({"using": "css selector", "value": css}),
            )
            .await
            .unwrap_or_else(|e| panic!("élément « {css} » : {e}"));
        v[ELEMENT].as_str().expect("référence d'élément").to_owned()
    }

    /// Clicks the element `css`.
    pub async fn cliquer(&self, css: &str) {
        let id = self.element(css).await;
        self.commande(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            json!({}),
        )
        .await
        .unwrap_or_else(|e| panic!("clic sur « {css} » : {e}"));
    }

    /// Types `texte` into the element `css`.
    pub async fn taper(&self, css: &str, texte: &str) {
        let id = self.element(css).await;
        self.commande(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            json!({"text": texte}),
        )
        .await
        .unwrap_or_else(|e| panic!("saisie dans « {css} » : {e}"));
    }

    /// Sends `touches` to the focused element (the keyboard only).
    pub async fn clavier(&self, touches: &str) {
        let v = self
            .commande(reqwest::Method::GET, "/element/active", json!({}))
            .await
            .expect("élément actif");
        let id = v[ELEMENT].as_str().expect("élément actif").to_owned();
        self.commande(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            json!({"text": touches}),
        )
        .await
        .expect("touches");
    }

    /// The `id` of the focused element.
    pub async fn focus(&self) -> String {
        self.script(
            "return document.activeElement && document.activeElement.id || '';",
            json!([]),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Presses `touche` until the element `id` has the focus (at most `n` times).
    pub async fn tabuler_jusqua(&self, touches: &str, id: &str, n: usize) {
        for _ in 0..n {
            if self.focus().await == id {
                return;
            }
            self.clavier(touches).await;
        }
        assert_eq!(self.focus().await, id, "focus attendu sur #{id}");
    }

    /// The text of the element `css`.
    pub async fn texte(&self, css: &str) -> String {
        self.script(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
            json!([css]),
        )
        .await
        .as_str()
        .unwrap_or_else(|| panic!("pas d'élément « {css} »"))
        .to_owned()
    }

    /// Saves a screenshot of the viewport to `target/captures/{nom}.png`.
    pub async fn capture(&self, nom: &str) {
        if let Ok(v) = self
            .commande(reqwest::Method::GET, "/screenshot", json!({}))
            .await
            && let Some(b) = v.as_str()
        {
            let _ = std::fs::write(dossier_captures().join(format!("{nom}.png")), base64(b));
        }
    }

    /// Prints the page (print stylesheet) to `target/captures/{nom}.pdf`; returns its bytes.
    pub async fn imprimer(&self, nom: &str) -> Vec<u8> {
        let v = self
            .commande(
                reqwest::Method::POST,
                "/print",
                json!({"page": {"width": 21.0, "height": 29.7}, "background": false}),
            )
            .await
            .expect("impression");
        let pdf = base64(v.as_str().expect("PDF en base64"));
        let _ = std::fs::write(dossier_captures().join(format!("{nom}.pdf")), &pdf);
        pdf
    }

    /// Ends the session.
    pub async fn fermer(self) {
        let _ = self.commande(reqwest::Method::DELETE, "", json!({})).await;
    }
}

#[test]
fn base64_decode() {
    assert_eq!(base64("aGVsbG8="), b"hello");
    assert_eq!(base64("aGVsbG8h"), b"hello!");
    assert_eq!(base64("aGk="), b"hi");
}
