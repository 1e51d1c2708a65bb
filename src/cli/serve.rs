//! `maillage serve`: build the snapshot when missing or stale (with progress), then serve the
//! HTTP API until Ctrl-C or SIGTERM.

use std::sync::Arc;

use anyhow::Context;
use maillage::catalog::validation::OptionsChargement;
use maillage::http::{self, Config, Etat, Parametres};
use maillage::index;

use super::index::{barre_de_progression, imprimer_resume};

fn journaux(config: &Config) {
    let filtre = tracing_subscriber::EnvFilter::try_from_env("MAILLAGE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let base = tracing_subscriber::fmt()
        .with_env_filter(filtre)
        .with_writer(std::io::stderr);
    // A second initialisation (never in the binary) is ignored.
    let _ = if config.log_json {
        base.json().try_init()
    } else {
        base.try_init()
    };
}

/// Runs the command.
pub fn run(args: &Parametres) -> anyhow::Result<()> {
    let config = Config::depuis(args).context("configuration")?;
    journaux(&config);
    let options = OptionsChargement {
        aujourdhui: chrono::Local::now().date_naive(),
    };
    let (barre, mut progres) = barre_de_progression();
    let (instantane, construction) =
        index::preparer(&config.catalogue, &config.index, &options, &mut progres).with_context(
            || {
                format!(
                    "préparation de l'instantané de {} dans {}",
                    config.catalogue.display(),
                    config.index.display()
                )
            },
        )?;
    barre.finish_and_clear();
    if let Some(c) = &construction {
        imprimer_resume(c);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("démarrage du runtime tokio")?;
    runtime.block_on(async move {
        let adresse = config.adresse;
        let admin = config.cle_admin.is_some();
        let etat = Arc::new(Etat::new(config));
        let e = Arc::clone(&etat);
        tokio::task::spawn_blocking(move || e.publier(instantane))
            .await
            .context("chargement de l'instantané")?;
        let ecoute = tokio::net::TcpListener::bind(adresse)
            .await
            .with_context(|| format!("écoute sur {adresse}"))?;
        let locale = ecoute.local_addr()?;
        tracing::info!(adresse = %locale, admin, "maillage sert l'API");
        eprintln!("maillage écoute sur http://{locale} (Ctrl-C pour arrêter)");
        http::servir(ecoute, etat, http::signal_arret())
            .await
            .context("service HTTP")
    })
}
