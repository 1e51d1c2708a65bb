//! The browser of the scenarios: starts `chromedriver` on a free port and opens headless Chromium
//! in a fresh profile through [`fantoccini`] (WebDriver over plain HTTP: the driver is local, so
//! no TLS stack is compiled in), with the few helpers the scenarios need (wait for a condition,
//! click, type, keyboard only, screenshots to `target/captures/`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, PrintConfiguration, PrintSize};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

pub use fantoccini::key::Key;

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

/// `target/captures/`.
pub fn dossier_captures() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/captures");
    std::fs::create_dir_all(&d).expect("dossier des captures");
    d
}

fn port_libre() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port libre")
}

/// A browser session; chromedriver is killed on drop.
pub struct Navigateur {
    client: Client,
    pilote: Child,
    _profil: tempfile::TempDir,
}

impl Drop for Navigateur {
    fn drop(&mut self) {
        let _ = self.pilote.kill();
        let _ = self.pilote.wait();
    }
}

/// Whether the pages' own JavaScript runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JavaScript {
    /// On, as for every user.
    Actif,
    /// Off, to check the pages that must work without it.
    Coupe,
}

impl Navigateur {
    /// Starts chromedriver and a headless Chromium whose viewport is `largeur`×`hauteur`.
    pub async fn lancer(outils: &(PathBuf, PathBuf), largeur: u32, hauteur: u32) -> Navigateur {
        Navigateur::lancer_avec(outils, largeur, hauteur, JavaScript::Actif).await
    }

    /// The same, with the pages' JavaScript on or off (WebDriver's own scripts still run).
    pub async fn lancer_avec(
        outils: &(PathBuf, PathBuf),
        largeur: u32,
        hauteur: u32,
        javascript: JavaScript,
    ) -> Navigateur {
        let (navigateur, pilote) = outils;
        let port = port_libre();
        let pilote = Command::new(pilote)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver démarre");
        let profil = tempfile::tempdir().expect("profil temporaire");
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
            format!("--user-data-dir={}", profil.path().display()),
        ]);
        let mut options = json!({"binary": navigateur, "args": args});
        if largeur < 500 {
            // Below Chromium's smallest window: emulate the phone's viewport instead.
            options["mobileEmulation"] = json!({"deviceMetrics": {
                "width": largeur, "height": hauteur, "pixelRatio": 2.0, "touch": true,
            }});
        }
        if javascript == JavaScript::Coupe {
            options["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2});
        }
        let mut capacites = Capabilities::new();
        capacites.insert("browserName".into(), json!("chrome"));
        capacites.insert("goog:chromeOptions".into(), options);
        let mut constructeur =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        constructeur.capabilities(capacites);
        // chromedriver takes a moment to listen.
        let url = format!("http://127.0.0.1:{port}");
        let debut = Instant::now();
        let client = loop {
            match constructeur.connect(&url).await {
                Ok(c) => break c,
                Err(e) if debut.elapsed() > Duration::from_secs(20) => {
                    panic!("session WebDriver impossible : {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Navigateur {
            client,
            pilote,
            _profil: profil,
        }
    }

    /// Opens `url`.
    pub async fn aller(&self, url: &str) {
        self.client.goto(url).await.expect("navigation");
    }

    /// Runs `js` (a function body; `arguments` holds `args`) and returns its value.
    pub async fn script(&self, js: &str, args: Value) -> Value {
        let args = match args {
            Value::Array(a) => a,
            autre => vec![autre],
        };
        self.client
            .execute(js, args)
            .await
            .unwrap_or_else(|e| panic!("script « {js} » : {e}"))
    }

    /// Whether the expression `js` is true in the page (a boolean expected: anything else fails).
    pub async fn vrai(&self, js: &str) -> bool {
        let valeur = self
            .script(&format!("return {js};"), Value::Array(Vec::new()))
            .await;
        valeur
            .as_bool()
            .unwrap_or_else(|| panic!("« {js} » : booléen attendu, {valeur} obtenu"))
    }

    /// Runs an asynchronous `js` (the last argument is the callback).
    pub async fn script_async(&self, js: &str) -> Value {
        self.client
            .execute_async(js, vec![])
            .await
            .unwrap_or_else(|e| panic!("script « {js} » : {e}"))
    }

    /// Waits (30 s at most: CI machines are slow) until the expression `js` is truthy in the page.
    pub async fn attendre(&self, js: &str, quoi: &str) {
        let debut = Instant::now();
        let script = format!("return !!({js});");
        loop {
            if let Ok(Value::Bool(true)) = self.client.execute(&script, vec![]).await {
                return;
            }
            if debut.elapsed() > Duration::from_secs(30) {
                self.capture("echec").await;
                panic!("attendu : {quoi} ({js})");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (30 s at most) for an element `css`, without running a script in the page.
    pub async fn attendre_element(&self, css: &str) {
        let trouve = self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await;
        if trouve.is_err() {
            self.capture("echec").await;
            panic!("attendu : un élément « {css} »");
        }
    }

    /// The rendered text of the element `css`, without running a script in the page.
    pub async fn texte_element(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("élément « {css} » : {e}"))
            .text()
            .await
            .unwrap_or_else(|e| panic!("texte de « {css} » : {e}"))
    }

    /// Whether the element `css` is displayed.
    pub async fn visible(&self, css: &str) -> bool {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("élément « {css} » : {e}"))
            .is_displayed()
            .await
            .unwrap_or(false)
    }

    /// Clicks the element `css`.
    pub async fn cliquer(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("élément « {css} » : {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("clic sur « {css} » : {e}"));
    }

    /// Types `texte` into the element `css`.
    pub async fn taper(&self, css: &str, texte: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("élément « {css} » : {e}"))
            .send_keys(texte)
            .await
            .unwrap_or_else(|e| panic!("saisie dans « {css} » : {e}"));
    }

    /// Sends `touches` to the focused element (the keyboard only).
    pub async fn clavier(&self, touches: &str) {
        self.client
            .active_element()
            .await
            .expect("élément actif")
            .send_keys(touches)
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

    /// Presses `touches` until the element `id` has the focus (at most `n` times).
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
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dossier_captures().join(format!("{nom}.png")), png);
        }
    }

    /// Prints the page (print stylesheet, A4) to `target/captures/{nom}.pdf`; returns its bytes.
    pub async fn imprimer(&self, nom: &str) -> Vec<u8> {
        let config = PrintConfiguration::builder()
            .size(PrintSize::A4)
            .background(false)
            .build()
            .expect("configuration d'impression");
        let pdf = self.client.print(config).await.expect("impression");
        let _ = std::fs::write(dossier_captures().join(format!("{nom}.pdf")), &pdf);
        pdf
    }

    /// Ends the session.
    pub async fn fermer(self) {
        let _ = self.client.clone().close().await;
    }
}
