//! Command line: `clap` definitions here, one file per subcommand.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod couverture;
mod index;
mod search;
mod serve;
mod synth;
mod territoires;
mod validate;

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
    /// Valide un export data·inclusion v1 (JSON, JSON Lines, CSV) et affiche le rapport.
    ///
    /// Code de sortie : 0 si tout est chargé, 2 si des enregistrements sont rejetés, 1 en cas
    /// d'erreur fatale.
    Validate(validate::ValidateArgs),
    /// Construit l'instantané (index texte, catalogue normalisé, manifeste) d'un catalogue.
    Index(index::IndexArgs),
    /// Cherche les offres accessibles près d'un lieu pour les besoins d'une personne.
    Search(Box<search::SearchArgs>),
    /// Lacunes de couverture d'un territoire pour un ou plusieurs besoins (résumé, GeoJSON, CSV).
    Couverture(couverture::CouvertureArgs),
    /// Sert l'API HTTP (construit d'abord l'instantané s'il manque ou est périmé).
    Serve(Box<maillage::http::Parametres>),
    /// Écrit un catalogue synthétique data·inclusion (structures.jsonl, services.jsonl).
    Synth(synth::SynthArgs),
}

/// Parses the command line and runs the subcommand; errors are printed, never panicked.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let resultat = match &cli.commande {
        Commande::Territoires(args) => territoires::run(args).map(|()| ExitCode::SUCCESS),
        Commande::Validate(args) => validate::run(args),
        Commande::Index(args) => index::run(args).map(|()| ExitCode::SUCCESS),
        Commande::Search(args) => search::run(args).map(|()| ExitCode::SUCCESS),
        Commande::Couverture(args) => couverture::run(args).map(|()| ExitCode::SUCCESS),
        Commande::Synth(args) => synth::run(args).map(|()| ExitCode::SUCCESS),
        Commande::Serve(args) => serve::run(args).map(|()| ExitCode::SUCCESS),
    };
    match resultat {
        Ok(code) => code,
        Err(e) => {
            eprintln!("erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}
