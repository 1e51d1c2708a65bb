//! The generation loop: SIAO first (one per département), then structures drawn by family and
//! population-weighted place, each followed by its services, streamed to JSON Lines.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::famille::{PROFILS, Profil, SIAO};
use super::lieu::Lieu;
use super::options::{OptionsSynth, ResumeSynth, SynthError};
use super::salete::Salisseur;
use super::service::service;
use super::structure::structure;
use crate::catalog::brut::StructureBrute;

/// Share of structures of the SIAE, EA and generic families republished by a second source.
pub const TAUX_DOUBLONS: f64 = 0.04;

/// How often (in services) the progress callback is called.
const PAS_SUIVI: usize = 4096;

/// A JSON Lines file being written.
struct Jsonl {
    chemin: PathBuf,
    sortie: BufWriter<File>,
    tampon: Vec<u8>,
}

impl Jsonl {
    fn creer(chemin: PathBuf) -> Result<Jsonl, SynthError> {
        let fichier = File::create(&chemin).map_err(|source| SynthError::Ecriture {
            chemin: chemin.clone(),
            source,
        })?;
        Ok(Jsonl {
            chemin,
            sortie: BufWriter::with_capacity(1 << 20, fichier),
            tampon: Vec::with_capacity(4096),
        })
    }

    fn ecrire<T: Serialize>(&mut self, valeur: &T) -> Result<(), SynthError> {
        self.tampon.clear();
        serde_json::to_writer(&mut self.tampon, valeur)?;
        self.tampon.push(b'\n');
        self.sortie
            .write_all(&self.tampon)
            .map_err(|source| SynthError::Ecriture {
                chemin: self.chemin.clone(),
                source,
            })
    }

    fn fermer(mut self) -> Result<(), SynthError> {
        self.sortie.flush().map_err(|source| SynthError::Ecriture {
            chemin: self.chemin.clone(),
            source,
        })
    }
}

/// The second source publishing a duplicate of a record of `source`.
fn autre_source(source: &str) -> &'static str {
    if source == "dora" {
        "emplois-de-linclusion"
    } else {
        "dora"
    }
}

struct Generateur<'a> {
    rng: ChaCha8Rng,
    options: &'a OptionsSynth,
    structures: Jsonl,
    services: Jsonl,
    id_structure: u64,
    id_service: u64,
    salisseur: Salisseur,
    resume: ResumeSynth,
}

impl Generateur<'_> {
    fn reste(&self) -> usize {
        self.options.services - self.resume.services
    }

    /// Writes a structure (maybe damaged) and returns the id its services must reference.
    fn ecrire_structure(
        &mut self,
        profil: &Profil,
        s: &StructureBrute,
    ) -> Result<Option<String>, SynthError> {
        let mut ecrite = s.clone();
        if let Some(sorte) = self.salisseur.structure(&mut self.rng, &mut ecrite) {
            *self.resume.structures_sales.entry(sorte).or_default() += 1;
        }
        self.structures.ecrire(&ecrite)?;
        self.resume.structures += 1;
        *self
            .resume
            .structures_par_famille
            .entry(profil.code)
            .or_default() += 1;
        if let Some(source) = all_sources().find(|src| Some(*src) == s.source.as_deref()) {
            *self.resume.par_source.entry(source).or_default() += 1;
        }
        Ok(ecrite.id)
    }

    fn nouvel_id_structure(&mut self, source: &str) -> String {
        self.id_structure += 1;
        format!("{source}--{}", self.id_structure)
    }

    fn nouvel_id_service(&mut self, source: &str) -> String {
        self.id_service += 1;
        format!("{source}--{}", self.id_service)
    }

    /// One structure of `famille` in `lieu` with its services (and maybe a second-source copy).
    fn structure_et_services(
        &mut self,
        famille: usize,
        lieu: &Lieu,
        suivi: &mut dyn FnMut(usize),
    ) -> Result<(), SynthError> {
        let profil = &PROFILS[famille];
        let source = if rng_premiere(&mut self.rng) {
            profil.sources[0]
        } else {
            profil
                .sources
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("dora")
        };
        let id = self.nouvel_id_structure(source);
        let reference = self.options.date_reference;
        let mut propre = structure(&mut self.rng, profil, lieu, id, source, reference);
        propre.id = self.ecrire_structure(profil, &propre)?;

        let doublon = famille != SIAO
            && matches!(
                profil.code,
                "siae" | "entreprise-adaptee" | "association" | "mobilite"
            )
            && self.rng.random_bool(TAUX_DOUBLONS);
        let mut copie = None;
        if doublon {
            let autre = autre_source(source);
            let mut c = propre.clone();
            let id = self.nouvel_id_structure(autre);
            c.lien_source = Some(super::structure::lien_source(autre, "structures", &id));
            c.id = Some(id);
            c.source = Some(autre.to_owned());
            c.id = self.ecrire_structure(profil, &c)?;
            self.resume.structures_doublons += 1;
            copie = Some(c);
        }

        let (min, max) = profil.nb_services;
        let n = if famille == SIAO {
            profil.services.len()
        } else {
            self.rng.random_range(min..=max)
        };
        for i in 0..n {
            if self.reste() == 0 {
                break;
            }
            let modele = if famille == SIAO {
                &profil.services[i]
            } else {
                match profil.services.choose(&mut self.rng) {
                    Some(m) => m,
                    None => break,
                }
            };
            let id = self.nouvel_id_service(source);
            let siao_115 = famille == SIAO && i == 0;
            let s = service(
                &mut self.rng,
                profil,
                modele,
                &propre,
                lieu,
                id,
                reference,
                siao_115,
            );
            self.ecrire_service(profil, &s, suivi)?;
            if let Some(c) = &copie {
                if self.reste() == 0 {
                    break;
                }
                let autre = autre_source(source);
                let mut d = s.clone();
                let id = self.nouvel_id_service(autre);
                d.lien_source = Some(super::structure::lien_source(autre, "services", &id));
                d.id = Some(id);
                d.source = Some(autre.to_owned());
                d.structure_id = c.id.clone();
                self.ecrire_service(profil, &d, suivi)?;
                self.resume.services_doublons += 1;
            }
        }
        Ok(())
    }

    fn ecrire_service(
        &mut self,
        profil: &Profil,
        s: &crate::catalog::brut::ServiceBrut,
        suivi: &mut dyn FnMut(usize),
    ) -> Result<(), SynthError> {
        let mut ecrit = s.clone();
        if let Some(sorte) = self.salisseur.service(&mut self.rng, &mut ecrit) {
            *self.resume.services_sales.entry(sorte).or_default() += 1;
        }
        self.services.ecrire(&ecrit)?;
        self.resume.services += 1;
        *self
            .resume
            .services_par_famille
            .entry(profil.code)
            .or_default() += 1;
        if let Some(source) = all_sources().find(|src| Some(*src) == s.source.as_deref()) {
            *self.resume.par_source.entry(source).or_default() += 1;
        }
        if self.resume.services % PAS_SUIVI == 0 {
            suivi(self.resume.services);
        }
        Ok(())
    }
}

/// Every source name the generator uses.
fn all_sources() -> impl Iterator<Item = &'static str> {
    PROFILS
        .iter()
        .flat_map(|p| p.sources.iter().copied())
        .chain(["emplois-de-linclusion", "dora"])
}

/// Two times in three the family's main source publishes the structure.
fn rng_premiere(rng: &mut ChaCha8Rng) -> bool {
    rng.random_bool(2.0 / 3.0)
}

/// Writes `structures.jsonl` and `services.jsonl` into `sortie` (created if missing).
///
/// Exactly `options.services` services are written; structures are drawn until then. Same
/// places, options and seed give byte-identical files.
pub fn generer(
    lieux: &[Lieu],
    options: &OptionsSynth,
    sortie: &Path,
) -> Result<ResumeSynth, SynthError> {
    generer_avec_suivi(lieux, options, sortie, &mut |_| {})
}

/// [`generer`], calling `suivi` with the number of services written every few thousand services
/// and at the end (for a progress bar).
pub fn generer_avec_suivi(
    lieux: &[Lieu],
    options: &OptionsSynth,
    sortie: &Path,
    suivi: &mut dyn FnMut(usize),
) -> Result<ResumeSynth, SynthError> {
    let lieux: Vec<&Lieu> = lieux
        .iter()
        .filter(|l| {
            options
                .departements
                .as_ref()
                .is_none_or(|deps| deps.contains(&l.departement))
        })
        .collect();
    if lieux.is_empty() {
        return Err(SynthError::AucunLieu);
    }
    let tirage_lieu = WeightedIndex::new(lieux.iter().map(|l| u64::from(l.population)))
        .map_err(|_| SynthError::PopulationNulle)?;
    let tirage_famille = WeightedIndex::new(PROFILS.iter().map(|p| p.poids))
        .map_err(|_| SynthError::PopulationNulle)?;
    std::fs::create_dir_all(sortie).map_err(|source| SynthError::Ecriture {
        chemin: sortie.to_path_buf(),
        source,
    })?;
    let mut g = Generateur {
        rng: ChaCha8Rng::seed_from_u64(options.graine),
        options,
        structures: Jsonl::creer(sortie.join("structures.jsonl"))?,
        services: Jsonl::creer(sortie.join("services.jsonl"))?,
        id_structure: 0,
        id_service: 0,
        salisseur: Salisseur::new(options.sales, options.date_reference),
        resume: ResumeSynth {
            lieux: lieux.len(),
            ..ResumeSynth::default()
        },
    };

    // One SIAO per département, in its most populated place.
    let departements: BTreeSet<&str> = lieux.iter().map(|l| l.departement.as_str()).collect();
    g.resume.departements = departements.len();
    for dep in &departements {
        if g.reste() == 0 {
            break;
        }
        let chef_lieu = lieux
            .iter()
            .filter(|l| l.departement == *dep)
            .max_by(|a, b| {
                a.population
                    .cmp(&b.population)
                    .then(b.code_insee.cmp(&a.code_insee))
            });
        if let Some(lieu) = chef_lieu {
            g.structure_et_services(SIAO, lieu, suivi)?;
        }
    }

    while g.reste() > 0 {
        let famille = tirage_famille.sample(&mut g.rng);
        let lieu = lieux[tirage_lieu.sample(&mut g.rng)];
        g.structure_et_services(famille, lieu, suivi)?;
    }
    suivi(g.resume.services);
    g.structures.fermer()?;
    g.services.fermer()?;
    Ok(g.resume)
}
