//! Fixture: the demo catalog's snapshot, built once per test binary, and servers over it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use maillage::catalog::validation::OptionsChargement;
use maillage::http::{Config, Etat};
use maillage::index;
use maillage::territoire::Territoires;
use tokio::sync::oneshot;

/// The demo catalog of the repository (read only).
pub fn catalogue_demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/demo")
}

fn options() -> OptionsChargement {
    OptionsChargement {
        aujourdhui: chrono::Local::now().date_naive(),
    }
}

/// A temporary directory holding `index/`, built once from `catalog/demo`.
static INDEX_DEMO: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("répertoire temporaire");
    index::construire(
        &catalogue_demo(),
        &dir.path().join("index"),
        Territoires::embarques(),
        &options(),
        &mut |_| {},
    )
    .expect("instantané de la démo");
    dir
});

/// The shared index of the demo (never modified by a test).
pub fn index_demo() -> PathBuf {
    INDEX_DEMO.path().join("index")
}

fn copier(de: &Path, vers: &Path) {
    std::fs::create_dir_all(vers).expect("création");
    for e in std::fs::read_dir(de).expect("lecture") {
        let e = e.expect("entrée");
        let cible = vers.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copier(&e.path(), &cible);
        } else {
            std::fs::copy(e.path(), &cible).expect("copie");
        }
    }
}

/// A private copy of the demo catalog and of its index, for tests that change them.
pub struct Copie {
    /// Holds the files.
    pub dir: tempfile::TempDir,
}

impl Copie {
    /// Copies the demo catalog and its built index.
    pub fn new() -> Copie {
        let dir = tempfile::tempdir().expect("répertoire temporaire");
        copier(&catalogue_demo(), &dir.path().join("catalog"));
        copier(&index_demo(), &dir.path().join("index"));
        Copie { dir }
    }

    /// Its catalog directory.
    pub fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalog")
    }

    /// Its index directory.
    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }
}

/// A running server; stopped when dropped.
pub struct Serveur {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its state.
    #[allow(dead_code)]
    pub etat: Arc<Etat>,
    arret: Option<oneshot::Sender<()>>,
}

impl Drop for Serveur {
    fn drop(&mut self) {
        if let Some(a) = self.arret.take() {
            let _ = a.send(());
        }
    }
}

impl Serveur {
    /// The URL of `chemin`.
    pub fn url(&self, chemin: &str) -> String {
        format!("{}{chemin}", self.base)
    }
}

/// The default settings over the shared demo index, without rate limit.
pub fn config_demo() -> Config {
    let mut c = Config::par_defaut(catalogue_demo(), index_demo());
    c.debit_ip = None;
    c
}

/// Starts a server with `config` on an ephemeral port, its snapshot loaded.
pub async fn demarrer(mut config: Config) -> Serveur {
    config.adresse = "127.0.0.1:0".parse().expect("adresse");
    let dossier = config.index.clone();
    let instantane = tokio::task::spawn_blocking(move || index::ouvrir(&dossier))
        .await
        .expect("tâche")
        .expect("ouverture de l'instantané");
    let etat = Arc::new(Etat::new(config));
    let e = Arc::clone(&etat);
    tokio::task::spawn_blocking(move || e.publier(instantane))
        .await
        .expect("publication");
    let ecoute = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("écoute");
    let base = format!("http://{}", ecoute.local_addr().expect("adresse locale"));
    let (arret, recu) = oneshot::channel::<()>();
    let e = Arc::clone(&etat);
    tokio::spawn(async move {
        let _ = maillage::http::servir(ecoute, e, async {
            let _ = recu.await;
        })
        .await;
    });
    Serveur {
        base,
        etat,
        arret: Some(arret),
    }
}

/// The shared client.
pub fn client() -> reqwest::Client {
    reqwest::Client::new()
}
