//! Command line: `clap` definitions here, one file per subcommand.

mod synth;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// maillage — l'offre d'accompagnement accessible, près d'ici, pour les besoins du diagnostic.
#[derive(Debug, Parser)]
#[command(name = "maillage", version, about)]
struct Cli {
    #[command(subcommand)]
    commande: Commande,
}

#[derive(Debug, Subcommand)]
enum Commande {
    /// Écrit un catalogue synthétique data·inclusion (structures.jsonl, services.jsonl).
    Synth(synth::SynthArgs),
}

/// Parses the command line and runs the subcommand; errors are printed, never panicked.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let resultat = match &cli.commande {
        Commande::Synth(args) => {
            // INTEGRATION: replace with Territoires (convert communes into `Lieu`s).
            let lieux = maillage::catalog::synth::lieux_exemple();
            synth::run(args, &lieux)
        }
    };
    match resultat {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}
