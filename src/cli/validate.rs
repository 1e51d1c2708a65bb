//! `maillage validate --catalog DIR [--json]`: load a data·inclusion export and report.
//!
//! Exit status: 0 when every record loaded, 2 when some were rejected, 1 on a fatal error.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use maillage::catalog::model::Famille;
use maillage::catalog::validation::{self, OptionsChargement, Rapport};
use maillage::territoire::Territoires;

/// Arguments of `maillage validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Catalog directory (structures.json|jsonl|csv and services.json|jsonl|csv).
    #[arg(long, env = "MAILLAGE_CATALOG")]
    catalog: PathBuf,
    /// Print the full report as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Reference date for freshness and future dates (default: today).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    aujourdhui: Option<chrono::NaiveDate>,
    /// Findings printed in the text report.
    #[arg(long, default_value_t = 20)]
    details: usize,
}

/// Runs the command.
pub fn run(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let debut = Instant::now();
    let territoires = Territoires::embarques();
    let options = OptionsChargement {
        aujourdhui: args
            .aujourdhui
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let barre = ProgressBar::new_spinner();
    barre.set_style(
        ProgressStyle::with_template("{spinner} {msg} enregistrements lus ({per_sec})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let (catalogue, rapport) =
        validation::charger_avec_progres(&args.catalog, territoires, &options, &mut |n| {
            barre.set_message(n.to_string());
            barre.set_position(n);
        })
        .with_context(|| format!("catalogue {}", args.catalog.display()))?;
    barre.finish_and_clear();
    let duree = debut.elapsed();

    if args.json {
        let mut familles = std::collections::BTreeMap::new();
        for s in &catalogue.services {
            *familles.entry(s.famille.code()).or_insert(0u64) += 1;
        }
        let sortie = serde_json::json!({
            "rapport": rapport,
            "familles": familles,
            "doublons": catalogue.services.iter().filter(|s| s.doublon.is_some()).count(),
            "duree_ms": duree.as_millis() as u64,
        });
        println!("{}", serde_json::to_string_pretty(&sortie)?);
    } else {
        imprimer(&rapport, &catalogue, args.details, duree);
    }
    Ok(if rapport.rejetes() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn imprimer(
    rapport: &Rapport,
    catalogue: &maillage::catalog::model::Catalogue,
    details: usize,
    duree: std::time::Duration,
) {
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>14}",
        "fichier", "lus", "acceptés", "rejetés", "avertissements"
    );
    for f in &rapport.fichiers {
        println!(
            "{:<22} {:>10} {:>10} {:>10} {:>14}",
            f.fichier, f.lus, f.acceptes, f.rejetes, f.avec_avertissements
        );
    }
    if !rapport.par_motif.is_empty() {
        println!("\nconstats par motif :");
        for (motif, n) in &rapport.par_motif {
            println!("  {motif:<45} {n:>8}");
        }
    }
    println!("\nservices par famille :");
    for famille in Famille::TOUTES {
        let n = catalogue
            .services
            .iter()
            .filter(|s| s.famille == famille)
            .count();
        if n > 0 {
            println!("  {:<22} {n:>8}", famille.code());
        }
    }
    let doublons = catalogue
        .services
        .iter()
        .filter(|s| s.doublon.is_some())
        .count();
    println!("  services publiés en double : {doublons}");
    if details > 0 && !rapport.constats.is_empty() {
        println!("\npremiers constats :");
        for c in rapport.constats.iter().take(details) {
            println!(
                "  {} {} [{}] {}",
                c.position,
                c.id.as_deref().unwrap_or("-"),
                c.champ.as_deref().unwrap_or("-"),
                c.detail
            );
        }
    }
    println!(
        "\n{} enregistrements acceptés, {} rejetés, en {:.1} s",
        rapport.acceptes(),
        rapport.rejetes(),
        duree.as_secs_f64()
    );
}
