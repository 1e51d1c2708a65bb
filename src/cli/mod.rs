//! Command line: `clap` definitions here, one file per subcommand.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod territoires;

/// maillage — l'offre d'accompagnement accessible, près d'ici, pour les besoins du diagnostic.
#[derive(Debug, Parser)]
#[command(name = "maillage", version, about)]
struct Cli {
    #[command(subcommand)]
    commande: Commande,
}

#[derive(Debug, Subcommand)]
enum Commande {
    /// Régénère le référentiel territorial `catalog/territoires/` depuis ses sources.
    Territoires(territoires::TerritoiresArgs),
}

/// Parses the command line and runs the subcommand; errors are printed, never panicked.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let resultat = match &cli.commande {
        Commande::Territoires(args) => territoires::run(args),
    };
    match resultat {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}
