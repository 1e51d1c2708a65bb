//! Command line: `clap` definitions here, one file per subcommand.

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
enum Commande {}

/// Parses the command line and runs the subcommand; errors are printed, never panicked.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.commande {}
}
