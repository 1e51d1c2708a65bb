//! `maillage synth`: writes a synthetic data·inclusion catalog (JSON Lines).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use maillage::catalog::synth::{OptionsSynth, generer_avec_suivi, lieux};
use maillage::territoire::Territoires;

/// Options of `maillage synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Nombre de services à écrire.
    #[arg(long, default_value_t = 10_000)]
    pub services: usize,
    /// Graine du générateur aléatoire (mêmes options et graine : fichiers identiques).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Dossier de sortie (structures.jsonl, services.jsonl).
    #[arg(long)]
    pub out: PathBuf,
    /// Ajoute environ 2 % d'enregistrements volontairement défectueux.
    #[arg(long)]
    pub sales: bool,
    /// Restreint les lieux à ces départements (ex. 59,35).
    #[arg(long, value_delimiter = ',')]
    pub departements: Option<Vec<String>>,
    /// Date de référence : les date_maj sont réparties sur les trois années précédentes.
    #[arg(long, default_value = "2026-11-01")]
    pub date_reference: NaiveDate,
}

/// Generates the catalog over every commune of the embedded territories and prints a short
/// French summary.
pub fn run(args: &SynthArgs) -> anyhow::Result<()> {
    let lieux = lieux(Territoires::embarques());
    let lieux = &lieux;
    let options = OptionsSynth {
        services: args.services,
        graine: args.seed,
        sales: args.sales,
        date_reference: args.date_reference,
        departements: args.departements.clone(),
    };
    let barre =
        ProgressBar::with_draw_target(Some(args.services as u64), ProgressDrawTarget::stderr());
    barre.set_style(
        ProgressStyle::with_template(
            "{spinner} {bar:40} {pos}/{len} services ({per_sec}, reste {eta})",
        )
        .context("modèle de barre de progression")?,
    );
    let debut = Instant::now();
    let resume = generer_avec_suivi(lieux, &options, &args.out, &mut |n| {
        barre.set_position(n as u64);
    })
    .with_context(|| format!("génération dans {}", args.out.display()))?;
    barre.finish_and_clear();
    let duree = debut.elapsed();
    println!(
        "{} structures et {} services écrits dans {} en {:.1} s ({} lieux, {} départements).",
        resume.structures,
        resume.services,
        args.out.display(),
        duree.as_secs_f64(),
        resume.lieux,
        resume.departements
    );
    println!(
        "Doublons inter-sources : {} structures, {} services.",
        resume.structures_doublons, resume.services_doublons
    );
    let familles: Vec<String> = resume
        .services_par_famille
        .iter()
        .map(|(f, n)| format!("{f} {n}"))
        .collect();
    println!("Services par famille : {}.", familles.join(", "));
    if args.sales {
        let total = |m: &std::collections::BTreeMap<_, usize>| m.values().sum::<usize>();
        println!(
            "Enregistrements défectueux : {} structures, {} services.",
            total(&resume.structures_sales),
            total(&resume.services_sales)
        );
    }
    Ok(())
}
