//! `maillage couverture`: coverage gaps of a territory for one or more needs.
//!
//! The French summary goes to stdout; the GeoJSON or CSV goes to `--out FILE`. With `--out -`
//! the data goes to stdout and the summary to stderr (for pipes).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use maillage::coverage::{
    Couverture, DemandeCouverture, IndexCouverture, couverture, ecrire_cellules, ecrire_communes,
    vers_geojson,
};
use maillage::territoire::Territoires;

use super::index::instantane;

/// Output format of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// GeoJSON (RFC 7946): one polygon per cell, and a `summary` member.
    Geojson,
    /// CSV: one row per cell (or per commune with `--par-commune`).
    Csv,
}

/// Arguments of `maillage couverture`.
#[derive(Debug, Args)]
#[command(
    after_help = "Le résumé en français s'affiche sur la sortie standard ; les données \
    (GeoJSON ou CSV) s'écrivent dans --out FICHIER. Avec --out -, les données vont sur la \
    sortie standard et le résumé sur la sortie d'erreur. Sans --out, seul le résumé est affiché.\n\n\
    Territoire : france, un département (59, 2A, 974), un EPCI (SIREN), region:CODE (region:32), \
    ou des codes commune séparés par des virgules (59350,59512)."
)]
pub struct CouvertureArgs {
    /// Catalog directory (data·inclusion v1 export); its snapshot is (re)built when missing or
    /// stale.
    #[arg(long, env = "MAILLAGE_CATALOG", default_value = "catalog/demo")]
    catalog: PathBuf,
    /// Index directory holding the snapshot.
    #[arg(long, env = "MAILLAGE_INDEX", default_value = "index")]
    index: PathBuf,
    /// Territory: france, département, EPCI SIREN, region:CODE, or communes (comma-separated).
    #[arg(long)]
    territoire: String,
    /// Need: diagnostic need, group, thematique, category, or `tous` (every category). Repeatable.
    #[arg(long = "besoin", required = true)]
    besoins: Vec<String>,
    /// H3 resolution, 5–9.
    #[arg(long, default_value_t = 7)]
    resolution: u8,
    /// Radius within which an on-site offer closes a gap, km (1–50).
    #[arg(long, default_value_t = 10.0)]
    rayon_km: f64,
    /// Publics filter (repeatable).
    #[arg(long = "public")]
    publics: Vec<String>,
    /// Service types filter (repeatable).
    #[arg(long = "type")]
    types: Vec<String>,
    /// Réseaux porteurs filter (repeatable).
    #[arg(long = "reseau-porteur")]
    reseaux_porteurs: Vec<String>,
    /// Who may mobilise the offer: usagers, professionnels (repeatable).
    #[arg(long)]
    mobilisable_par: Vec<String>,
    /// Data format.
    #[arg(long, value_enum, default_value_t = Format::Geojson)]
    format: Format,
    /// CSV: one row per commune instead of per cell.
    #[arg(long)]
    par_commune: bool,
    /// Where to write the data (`-`: stdout).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Gap areas listed in the summary.
    #[arg(long, default_value_t = 10)]
    zones: usize,
}

/// Runs the command.
pub fn run(args: &CouvertureArgs) -> anyhow::Result<()> {
    let territoires = Territoires::embarques();
    let demande = DemandeCouverture {
        territoire: args.territoire.clone(),
        besoins: args.besoins.clone(),
        resolution: Some(args.resolution),
        rayon_km: Some(args.rayon_km),
        publics: args.publics.clone(),
        types: args.types.clone(),
        reseaux_porteurs: args.reseaux_porteurs.clone(),
        mobilisable_par: args.mobilisable_par.clone(),
    };
    // Validate before loading the catalog: bad input fails fast.
    let requete = demande.valider(territoires)?;
    let instantane = instantane(Some(&args.catalog), &args.index)?;
    let catalogue = instantane.moteur.catalogue();
    let index = IndexCouverture::new(catalogue, territoires);
    let resultat = couverture(&index, catalogue, territoires, &requete)?;

    let resume = resume(&resultat, args.zones);
    match args.out.as_deref() {
        Some(p) if p == Path::new("-") => {
            eprint!("{resume}");
            let stdout = std::io::stdout();
            ecrire(&resultat, args, stdout.lock())?;
        }
        Some(p) => {
            let fichier = std::fs::File::create(p)
                .with_context(|| format!("impossible d'écrire {}", p.display()))?;
            let mut w = std::io::BufWriter::new(fichier);
            ecrire(&resultat, args, &mut w)?;
            w.flush()
                .with_context(|| format!("impossible d'écrire {}", p.display()))?;
            print!("{resume}");
            println!("données écrites dans {}", p.display());
        }
        None => print!("{resume}"),
    }
    Ok(())
}

fn ecrire<W: Write>(c: &Couverture, args: &CouvertureArgs, mut w: W) -> anyhow::Result<()> {
    match (args.format, args.par_commune) {
        (Format::Geojson, _) => {
            serde_json::to_writer(&mut w, &vers_geojson(c))?;
            writeln!(w)?;
        }
        (Format::Csv, false) => ecrire_cellules(c, &mut w)?,
        (Format::Csv, true) => ecrire_communes(c, &mut w)?,
    }
    Ok(())
}

/// French number formatting with narrow no-break spaces between thousands.
fn milliers(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(ch);
    }
    out
}

fn km(d: Option<f64>) -> String {
    d.map_or_else(|| "—".into(), |d| format!("{d:.1} km").replace('.', ","))
}

fn pct(x: f64) -> String {
    format!("{x:.1} %").replace('.', ",")
}

/// The summary table, in French.
fn resume(c: &Couverture, zones: usize) -> String {
    let mut s = format!(
        "Couverture — {} ({}), résolution H3 {}, rayon {} km\n\n",
        c.nom_territoire,
        c.territoire,
        c.resolution,
        c.rayon_km.to_string().replace('.', ",")
    );
    s.push_str(&format!(
        "{:<40} {:>12} {:>8} {:>12} {:>8} {:>8} {:>8} {:>10} {:>8}\n",
        "besoin",
        "couverte",
        "%",
        "non couverte",
        "%",
        "à dist. %",
        "offres",
        "dist. méd.",
        "lacunes"
    ));
    for b in &c.besoins {
        let y = &b.synthese;
        let libelle: String = b.libelle.chars().take(40).collect();
        s.push_str(&format!(
            "{:<40} {:>12} {:>8} {:>12} {:>8} {:>8} {:>8} {:>10} {:>8}\n",
            libelle,
            milliers(y.population_couverte),
            pct(y.part_couverte),
            milliers(y.population_non_couverte),
            pct(y.part_non_couverte),
            pct(y.part_couverte_a_distance),
            y.offres_sur_place,
            km(y.distance_mediane_km),
            y.zones_lacunes
        ));
    }
    for b in &c.besoins {
        let y = &b.synthese;
        s.push_str(&format!(
            "\n{} — population {} sur {} cellules{} ; {} offres sur place à moins de {} km, {} \
             à distance (+ {} sans zone publiée) ; {} offres saturées (≥ {}× la médiane de {} \
             habitants desservis)\n",
            b.libelle,
            milliers(y.population),
            y.cellules,
            if y.population_non_localisee > 0 {
                format!(" ({} non localisés)", milliers(y.population_non_localisee))
            } else {
                String::new()
            },
            y.offres_sur_place,
            c.rayon_km,
            y.offres_a_distance,
            y.offres_a_distance_zone_inconnue,
            b.saturation.offres_saturees,
            b.saturation.seuil,
            milliers(b.saturation.population_desservie_mediane.round() as u64),
        ));
        if b.zones_lacunes.is_empty() {
            s.push_str("  aucune zone sans offre sur place dans le rayon\n");
            continue;
        }
        s.push_str(&format!(
            "  {:>3} {:>10} {:>8} {:>10}  communes\n",
            "n°", "population", "cellules", "plus proche"
        ));
        for z in b.zones_lacunes.iter().take(zones) {
            let mut noms: Vec<String> = z
                .communes
                .iter()
                .take(5)
                .map(|x| format!("{} ({})", x.nom, x.code))
                .collect();
            if z.communes.len() > 5 {
                noms.push(format!("et {} autres", z.communes.len() - 5));
            }
            s.push_str(&format!(
                "  {:>3} {:>10} {:>8} {:>10}  {}\n",
                z.rang,
                milliers(z.population),
                z.cellules,
                km(z.distance_plus_proche_km),
                noms.join(", ")
            ));
        }
    }
    s
}
