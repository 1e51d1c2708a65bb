//! `maillage search`: one rich search on a snapshot, printed as a French table or as JSON.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use maillage::search::sortie::{ReponseExposee, ResultatExpose};
use maillage::search::{
    BesoinDemande, FiltresDemandes, LieuDemande, Profil, RechercheError, RequeteDemandee, Statut,
    Tri,
};

use super::index::instantane;

/// Arguments of `maillage search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Index directory holding the snapshot.
    #[arg(long, env = "MAILLAGE_INDEX", default_value = "index")]
    index: PathBuf,
    /// Catalog directory: when given, the snapshot is (re)built first if missing or stale.
    #[arg(long, env = "MAILLAGE_CATALOG")]
    catalog: Option<PathBuf>,
    /// INSEE code of the person's commune.
    #[arg(long)]
    commune: Option<String>,
    /// Latitude (with --lon).
    #[arg(long, allow_hyphen_values = true)]
    lat: Option<f64>,
    /// Longitude (with --lat).
    #[arg(long, allow_hyphen_values = true)]
    lon: Option<f64>,
    /// Postal code.
    #[arg(long)]
    code_postal: Option<String>,
    /// Radius in km (default 20, or 10 without vehicle or licence; at most 200).
    #[arg(long)]
    rayon_km: Option<f64>,
    /// A need, thematique or category, with an optional priority 1 (urgent) … 3: `mobilite:1`.
    #[arg(long = "besoin", value_name = "CODE[:PRIORITE]")]
    besoins: Vec<String>,
    /// A profile field: `age=34`, `rqth=oui`, `vehicule=non` (see the API documentation).
    #[arg(long = "profil", value_name = "CLE=VALEUR")]
    profil: Vec<String>,
    /// Free French text.
    #[arg(long)]
    texte: Option<String>,
    /// Only offers open at this time (RFC 3339, e.g. 2026-12-01T10:00:00+01:00).
    #[arg(long)]
    ouvert_le: Option<String>,
    /// Sort order.
    #[arg(long, value_enum, default_value = "pertinence")]
    tri: TriArg,
    /// Page size (1–100).
    #[arg(long)]
    limite: Option<u16>,
    /// Cursor of the next page, from a previous answer.
    #[arg(long)]
    curseur: Option<String>,
    /// Print the full JSON answer.
    #[arg(long)]
    json: bool,
}

/// `--tri` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum TriArg {
    /// By score.
    Pertinence,
    /// By distance.
    Distance,
    /// The offers the person can mobilise herself first, then by score.
    #[value(name = "par_soi_meme")]
    ParSoiMeme,
}

fn besoin(texte: &str) -> anyhow::Result<BesoinDemande> {
    let (code, priorite) = match texte.rsplit_once(':') {
        Some((c, p)) => {
            let p: u8 = p
                .parse()
                .ok()
                .filter(|p| (1..=3).contains(p))
                .with_context(|| format!("--besoin {texte} : la priorité doit être 1, 2 ou 3"))?;
            (c, Some(p))
        }
        None => (texte, None),
    };
    Ok(BesoinDemande {
        code: code.to_owned(),
        priorite,
        genre: None,
    })
}

/// `CLE=VALEUR` pairs into a [`Profil`]: `oui`/`non`/`true`/`false` are booleans, digits numbers.
fn profil(paires: &[String]) -> anyhow::Result<Option<Profil>> {
    if paires.is_empty() {
        return Ok(None);
    }
    let mut objet = serde_json::Map::new();
    for p in paires {
        let Some((cle, valeur)) = p.split_once('=') else {
            bail!("--profil {p} : attendu CLE=VALEUR (ex. rqth=oui, age=34)");
        };
        let v = match valeur.trim().to_lowercase().as_str() {
            "oui" | "true" | "vrai" => serde_json::Value::Bool(true),
            "non" | "false" | "faux" => serde_json::Value::Bool(false),
            n => match n.parse::<u64>() {
                Ok(n) => n.into(),
                Err(_) => bail!("--profil {p} : valeur attendue oui, non ou un nombre"),
            },
        };
        objet.insert(cle.trim().to_owned(), v);
    }
    serde_json::from_value(serde_json::Value::Object(objet))
        .map(Some)
        .map_err(|e| anyhow::anyhow!("--profil : {e}"))
}

fn requete(args: &SearchArgs) -> anyhow::Result<RequeteDemandee> {
    Ok(RequeteDemandee {
        lieu: Some(LieuDemande {
            code_commune: args.commune.clone(),
            lat: args.lat,
            lon: args.lon,
            code_postal: args.code_postal.clone(),
        })
        .filter(|l| !l.est_vide()),
        rayon_km: args.rayon_km,
        besoins: args
            .besoins
            .iter()
            .map(|b| besoin(b))
            .collect::<Result<_, _>>()?,
        profil: profil(&args.profil)?,
        texte: args.texte.clone(),
        filtres: FiltresDemandes {
            ouvert_le: args.ouvert_le.clone(),
            ..FiltresDemandes::default()
        },
        tri: match args.tri {
            TriArg::Pertinence => Tri::Pertinence,
            TriArg::Distance => Tri::Distance,
            TriArg::ParSoiMeme => Tri::ParSoiMeme,
        },
        limite: args.limite,
        curseur: args.curseur.clone(),
    })
}

/// Runs the command.
pub fn run(args: &SearchArgs) -> anyhow::Result<()> {
    let demande = requete(args)?;
    let instantane = instantane(args.catalog.as_deref(), &args.index)?;
    let moteur = &instantane.moteur;
    let req = demande
        .valider(moteur.territoires())
        .map_err(|e| anyhow::anyhow!("requête invalide : {e}"))?;
    let reponse = match moteur.rechercher(&req, chrono::Local::now().naive_local()) {
        Ok(r) => r,
        Err(RechercheError::Requete(e)) => bail!("requête invalide : {e}"),
        Err(e) => return Err(e.into()),
    };
    let expose = ReponseExposee::de(moteur, reponse);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&expose)?);
        return Ok(());
    }
    let ou = match req.origine {
        Some(o) => {
            let commune = moteur.territoires().commune_par_id(o.commune);
            format!(
                "autour de {} ({}), rayon {} km",
                commune.nom,
                commune.code,
                virgule(req.rayon_km, 0)
            )
        }
        None => "partout (aucun lieu donné)".to_owned(),
    };
    imprimer(&expose, &ou);
    Ok(())
}

fn virgule(x: f64, decimales: usize) -> String {
    format!("{x:.decimales$}").replace('.', ",")
}

fn statut(r: &ResultatExpose<'_>) -> &'static str {
    match r.explication.eligibilite.statut {
        Statut::Eligible => "éligible",
        Statut::AConfirmer => "à confirmer",
        Statut::Exclu(_) => "exclu",
    }
}

fn imprimer(r: &ReponseExposee<'_>, ou: &str) {
    println!(
        "{} résultat{} {ou}",
        r.total,
        if r.total > 1 { "s" } else { "" }
    );
    if r.resultats.is_empty() {
        println!("aucune offre : élargir le rayon (--rayon-km) ou retirer un besoin ou un filtre");
    }
    for (i, x) in r.resultats.iter().enumerate() {
        let s = x.service.expose.service;
        println!(
            "\n{:>3}. {} — {}",
            i + 1,
            s.nom,
            x.service.expose.structure.nom
        );
        println!(
            "     score {} · {} · {} · {}",
            virgule(x.score, 2),
            x.explication.distance,
            statut(x),
            x.explication.ouverture
        );
        if !x.explication.besoins_couverts.is_empty() {
            println!(
                "     couvre : {}",
                x.explication.besoins_couverts.join(", ")
            );
        }
        if !x.explication.besoins_non_couverts.is_empty() {
            println!(
                "     ne couvre pas : {}",
                x.explication.besoins_non_couverts.join(", ")
            );
        }
        for raison in &x.explication.eligibilite.raisons {
            println!("     éligibilité : {raison}");
        }
        for m in &x.explication.mobilisation {
            println!("     {m}");
        }
        let c = &x.explication.composantes;
        println!(
            "     (besoins {} · proximité {} · texte {} · qualité {} · ouverture {})",
            virgule(c.besoins, 2),
            virgule(c.proximite, 2),
            virgule(c.texte, 2),
            virgule(c.qualite, 2),
            virgule(c.ouverture, 2)
        );
    }
    if !r.parcours.is_empty() {
        println!("\nparcours proposé :");
        for e in &r.parcours {
            println!(
                "  {} → {} ({})",
                e.besoin, e.service.nom, e.service.structure
            );
        }
    }
    for b in &r.besoins_sans_offre {
        println!(
            "  {b} : aucune offre parmi ces résultats (élargir le rayon, retirer le texte ou un filtre)"
        );
    }
    if !r.exclus.is_empty() {
        let exclus: Vec<String> = r
            .exclus
            .iter()
            .map(|(raison, n)| {
                let code = serde_json::to_value(raison)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("{code} {n}")
            })
            .collect();
        println!("\noffres exclues : {}", exclus.join(", "));
    }
    if let Some(c) = &r.curseur_suivant {
        println!("\npage suivante : --curseur {c}");
    }
}
