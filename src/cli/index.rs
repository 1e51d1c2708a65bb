//! `maillage index --catalog DIR --index DIR`: build a snapshot and make it current.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use maillage::catalog::validation::OptionsChargement;
use maillage::index::{self, Construction, Instantane, Progres};
use maillage::territoire::Territoires;

/// Arguments of `maillage index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Catalog directory (structures.json|jsonl|csv and services.json|jsonl|csv).
    #[arg(long, env = "MAILLAGE_CATALOG")]
    catalog: PathBuf,
    /// Index directory (created if missing); the new snapshot becomes its current one.
    #[arg(long, env = "MAILLAGE_INDEX")]
    index: PathBuf,
    /// Reference date for freshness and future dates (default: today).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    aujourdhui: Option<chrono::NaiveDate>,
}

/// A progress bar fed by [`Progres`] events, shared by `index`, `search` and `serve`.
pub fn barre_de_progression() -> (ProgressBar, impl FnMut(Progres)) {
    let barre = ProgressBar::new_spinner();
    let lecture =
        ProgressStyle::with_template("{spinner} lecture : {pos} enregistrements ({per_sec})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let texte = ProgressStyle::with_template("{bar:30} index texte : {pos}/{len} services ({eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    barre.set_style(lecture);
    let b = barre.clone();
    let mut phase_texte = false;
    let maj = move |p: Progres| match p {
        Progres::Lecture(n) => b.set_position(n),
        Progres::Texte(n, total) => {
            if !phase_texte {
                phase_texte = true;
                b.set_style(texte.clone());
                b.set_length(total as u64);
            }
            b.set_position(n as u64);
        }
        Progres::Publication => b.set_message("écriture et publication"),
    };
    (barre, maj)
}

/// The build summary, in French.
pub fn imprimer_resume(c: &Construction) {
    let m = &c.manifest;
    eprintln!(
        "instantané {} : {} structures, {} services ({} placés), {} enregistrements lus, {} rejetés, en {:.1} s",
        c.repertoire.display(),
        m.comptes.structures,
        m.comptes.services,
        m.comptes.avec_point,
        m.comptes.lus,
        m.comptes.rejetes,
        m.duree_s
    );
    eprintln!("services par famille :");
    for (famille, n) in &m.comptes.par_famille {
        eprintln!("  {famille:<22} {n:>8}");
    }
    if m.comptes.rejetes > 0 {
        eprintln!(
            "({} enregistrements rejetés : `maillage validate --catalog {}` en donne le détail)",
            m.comptes.rejetes, m.catalogue
        );
    }
}

/// The current snapshot of `index_dir`; with `catalogue`, (re)built first when missing or stale.
pub fn instantane(
    catalogue: Option<&std::path::Path>,
    index_dir: &std::path::Path,
) -> anyhow::Result<Instantane> {
    match catalogue {
        None => Ok(index::ouvrir(index_dir)?),
        Some(catalogue) => {
            let options = OptionsChargement {
                aujourdhui: chrono::Local::now().date_naive(),
            };
            let (barre, mut progres) = barre_de_progression();
            let (instantane, construction) =
                index::preparer(catalogue, index_dir, &options, &mut progres)
                    .with_context(|| format!("instantané de {}", catalogue.display()))?;
            barre.finish_and_clear();
            if let Some(c) = construction {
                imprimer_resume(&c);
            }
            Ok(instantane)
        }
    }
}

/// Runs the command.
pub fn run(args: &IndexArgs) -> anyhow::Result<()> {
    let options = OptionsChargement {
        aujourdhui: args
            .aujourdhui
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let (barre, mut progres) = barre_de_progression();
    let construction = index::construire(
        &args.catalog,
        &args.index,
        Territoires::embarques(),
        &options,
        &mut progres,
    )
    .with_context(|| format!("construction de l'instantané de {}", args.catalog.display()))?;
    barre.finish_and_clear();
    imprimer_resume(&construction);
    Ok(())
}
