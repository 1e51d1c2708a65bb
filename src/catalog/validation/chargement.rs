//! Loading a catalog directory: read, validate, normalise, and report.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

use super::champs::{Probleme, Verificateur};
use super::rapport::{Constat, Gravite, Motif, Rapport, TotauxFichier};
use crate::catalog::brut::{ServiceBrut, StructureBrute};
use crate::catalog::lecture::{self, EnregistrementIllisible, LectureError, Position};
use crate::catalog::model::{Catalogue, Service, Structure, StructureIdx, ZoneEligibilite};
use crate::catalog::normalisation;
use crate::referentiel::Public;
use crate::territoire::Territoires;

/// Options of a load.
#[derive(Debug, Clone)]
pub struct OptionsChargement {
    /// Reference date: `date_maj` after it is rejected, freshness is measured from it.
    pub aujourdhui: NaiveDate,
}

/// A catalog that cannot be loaded at all.
#[derive(Debug, Error)]
pub enum ChargementError {
    /// No file for `structures` or `services`.
    #[error("{dossier} : aucun fichier {nom}.json, {nom}.jsonl ou {nom}.csv")]
    FichierManquant {
        /// The catalog directory.
        dossier: PathBuf,
        /// `structures` or `services`.
        nom: &'static str,
    },
    /// Several files for the same kind.
    #[error("{dossier} : plusieurs fichiers {nom}.* ({fichiers}) ; n'en garder qu'un")]
    FichiersMultiples {
        /// The catalog directory.
        dossier: PathBuf,
        /// `structures` or `services`.
        nom: &'static str,
        /// The files found.
        fichiers: String,
    },
    /// A file cannot be read.
    #[error(transparent)]
    Lecture(#[from] LectureError),
}

/// Finds the one `nom.{json,jsonl,csv}` file of `dossier`.
pub fn fichier_de(dossier: &Path, nom: &'static str) -> Result<PathBuf, ChargementError> {
    let trouves: Vec<PathBuf> = ["json", "jsonl", "csv"]
        .iter()
        .map(|ext| dossier.join(format!("{nom}.{ext}")))
        .filter(|p| p.is_file())
        .collect();
    match trouves.len() {
        0 => Err(ChargementError::FichierManquant {
            dossier: dossier.into(),
            nom,
        }),
        1 => Ok(trouves.into_iter().next().unwrap_or_default()),
        _ => Err(ChargementError::FichiersMultiples {
            dossier: dossier.into(),
            nom,
            fichiers: trouves
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

struct Compteur<'r> {
    rapport: &'r mut Rapport,
    totaux: TotauxFichier,
}

impl Compteur<'_> {
    fn illisible(&mut self, position: Position, e: EnregistrementIllisible) {
        self.totaux.lus += 1;
        self.totaux.rejetes += 1;
        self.rapport.ajouter(Constat {
            position,
            id: e.id,
            champ: e.champ,
            motif: Motif::Illisible,
            gravite: Gravite::Rejet,
            detail: e.detail,
        });
    }

    /// Records the findings of one decoded record; returns whether it is accepted.
    fn constater(
        &mut self,
        position: &Position,
        id: Option<&str>,
        problemes: Vec<Probleme>,
    ) -> bool {
        self.totaux.lus += 1;
        let rejete = problemes.iter().any(|p| p.gravite == Gravite::Rejet);
        if rejete {
            self.totaux.rejetes += 1;
        } else {
            self.totaux.acceptes += 1;
            if !problemes.is_empty() {
                self.totaux.avec_avertissements += 1;
            }
        }
        for p in problemes {
            self.rapport.ajouter(Constat {
                position: position.clone(),
                id: id.map(str::to_owned),
                champ: Some(p.champ.to_owned()),
                motif: p.motif,
                gravite: p.gravite,
                detail: p.detail,
            });
        }
        !rejete
    }
}

fn doublon(id: &str) -> Probleme {
    Probleme {
        champ: "id",
        motif: Motif::IdentifiantDuplique,
        gravite: Gravite::Rejet,
        detail: format!("identifiant « {id} » déjà vu plus haut dans le fichier"),
    }
}

fn valider_structure(v: &mut Verificateur, b: StructureBrute) -> Option<Structure> {
    let id = v.obligatoire("id", b.id);
    let source = v.obligatoire("source", b.source);
    let nom = v.obligatoire("nom", b.nom);
    let date_maj = v.date_maj(b.date_maj);
    let reseaux_porteurs = v.codes("reseaux_porteurs", b.reseaux_porteurs);
    let adresse = v.adresse(
        b.adresse,
        b.complement_adresse,
        b.code_postal,
        b.code_insee,
        b.commune,
    );
    let point = v.point(b.latitude, b.longitude);
    let structure = Structure {
        id: id?,
        source: source?,
        nom: nom?,
        date_maj: date_maj?,
        siret: v.siret(b.siret),
        reseaux_porteurs,
        adresse,
        point,
        telephone: Verificateur::optionnel(b.telephone),
        courriel: v.courriel(b.courriel),
        site_web: v.url("site_web", b.site_web),
        description: Verificateur::optionnel(b.description),
        horaires_accueil: v.horaires(b.horaires_accueil),
        accessibilite_lieu: v.url("accessibilite_lieu", b.accessibilite_lieu),
        lien_source: v.url("lien_source", b.lien_source),
    };
    Some(structure)
}

fn valider_service(
    v: &mut Verificateur,
    b: ServiceBrut,
    structures: &HashMap<String, StructureIdx>,
) -> Option<Service> {
    let id = v.obligatoire("id", b.id);
    let source = v.obligatoire("source", b.source);
    let structure_id = v.obligatoire("structure_id", b.structure_id);
    let structure = structure_id.as_ref().and_then(|sid| {
        let idx = structures.get(sid).copied();
        if idx.is_none() {
            v.problemes.push(Probleme {
                champ: "structure_id",
                motif: Motif::StructureInconnue,
                gravite: Gravite::Rejet,
                detail: format!(
                    "structure « {} » inconnue ou rejetée",
                    super::champs::tronquer(sid)
                ),
            });
        }
        idx
    });
    let nom = v.texte_borne("nom", b.nom, 3, 150);
    let description = v.texte_borne("description", b.description, 5, 10_000);
    let date_maj = v.date_maj(b.date_maj);
    let mut publics = v.codes::<Public>("publics", b.publics);
    let tous = Public::tous_publics();
    if publics.contains(tous) && publics.len() > 1 {
        publics = publics.iter().filter(|p| *p != tous).collect();
        v.problemes.push(Probleme {
            champ: "publics",
            motif: Motif::ValeurInvalide,
            gravite: Gravite::Avertissement,
            detail: "« tous-publics » ne peut pas accompagner d'autres publics : retiré".into(),
        });
    }
    let adresse = v.adresse(
        b.adresse,
        b.complement_adresse,
        b.code_postal,
        b.code_insee,
        b.commune,
    );
    let point = v.point(b.latitude, b.longitude);
    let (zone_eligibilite, zones) = v.zone(b.zone_eligibilite);
    let service = Service {
        id: id?,
        source: source?,
        structure_id: structure_id?,
        structure: structure?,
        nom: nom?,
        description: description?,
        date_maj: date_maj?,
        type_: v.code("type", b.type_),
        thematiques: v.codes("thematiques", b.thematiques),
        frais: v.code("frais", b.frais),
        frais_precisions: Verificateur::optionnel(b.frais_precisions),
        publics,
        publics_precisions: Verificateur::optionnel(b.publics_precisions),
        conditions_acces: Verificateur::optionnel(b.conditions_acces),
        adresse,
        telephone: Verificateur::optionnel(b.telephone),
        courriel: v.courriel(b.courriel),
        modes_accueil: v.codes("modes_accueil", b.modes_accueil),
        zone: if zones.is_empty() {
            ZoneEligibilite::Inconnue
        } else {
            ZoneEligibilite::Zones(zones)
        },
        zone_eligibilite,
        contact_nom_prenom: Verificateur::optionnel(b.contact_nom_prenom),
        lien_mobilisation: v.url("lien_mobilisation", b.lien_mobilisation),
        modes_mobilisation: v.codes("modes_mobilisation", b.modes_mobilisation),
        mobilisable_par: v.codes("mobilisable_par", b.mobilisable_par),
        mobilisation_precisions: Verificateur::optionnel(b.mobilisation_precisions),
        volume_horaire_hebdomadaire: b
            .volume_horaire_hebdomadaire
            .filter(|h| h.is_finite() && *h >= 0.0),
        nombre_semaines: b.nombre_semaines,
        horaires_accueil: v.horaires(b.horaires_accueil),
        lien_source: v.url("lien_source", b.lien_source),
        point,
        origine_point: crate::catalog::model::OriginePoint::Aucune,
        score_qualite: 0.0,
        famille: crate::catalog::model::Famille::Autre,
        doublon: None,
    };
    Some(service)
}

/// Loads `dossier` (`structures.*` and `services.*`): every record validated, accepted ones
/// normalised. Fails only when a file cannot be read at all; bad records are in the report.
pub fn charger(
    dossier: &Path,
    territoires: &Territoires,
    options: &OptionsChargement,
) -> Result<(Catalogue, Rapport), ChargementError> {
    charger_avec_progres(dossier, territoires, options, &mut |_| {})
}

/// A raw record that has an `id` (to detect duplicates before validating).
trait AvecId {
    fn id(&self) -> Option<&str>;
}

impl AvecId for StructureBrute {
    fn id(&self) -> Option<&str> {
        self.id.as_deref().map(str::trim)
    }
}

impl AvecId for ServiceBrut {
    fn id(&self) -> Option<&str> {
        self.id.as_deref().map(str::trim)
    }
}

/// What one file's pass needs besides its records.
struct Passe<'a> {
    territoires: &'a Territoires,
    aujourdhui: NaiveDate,
    rapport: &'a mut Rapport,
    lus: &'a mut u64,
    progres: &'a mut dyn FnMut(u64),
}

/// Reads `chemin`, validating each record with `valider`; accepted ones go to `accepter` and their
/// ids into `ids` (a later record with one of them is a duplicate). Totals of the file are added
/// to the report.
fn passe<B, T>(
    chemin: &Path,
    p: Passe<'_>,
    ids: &mut HashSet<String>,
    mut valider: impl FnMut(&mut Verificateur, B) -> Option<T>,
    mut accepter: impl FnMut(T),
) -> Result<(), ChargementError>
where
    B: serde::de::DeserializeOwned + AvecId,
{
    let fichier = chemin
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut compteur = Compteur {
        rapport: p.rapport,
        totaux: TotauxFichier {
            fichier,
            ..Default::default()
        },
    };
    let (lus, progres) = (p.lus, p.progres);
    lecture::lire::<B, _>(chemin, |position, record| {
        *lus += 1;
        if *lus % 10_000 == 0 {
            progres(*lus);
        }
        let brut = match record {
            Ok(b) => b,
            Err(e) => return compteur.illisible(position, e),
        };
        let mut v = Verificateur::new(p.territoires, p.aujourdhui);
        let id = brut.id().map(str::to_owned);
        if let Some(id) = id.as_deref().filter(|i| ids.contains(*i)) {
            v.problemes.push(doublon(id));
        }
        let valide = valider(&mut v, brut);
        let problemes = std::mem::take(&mut v.problemes);
        if compteur.constater(&position, id.as_deref(), problemes) {
            if let Some(t) = valide {
                if let Some(id) = &id {
                    ids.insert(id.clone());
                }
                accepter(t);
            }
        }
    })?;
    compteur.rapport.fichiers.push(compteur.totaux);
    Ok(())
}

/// As [`charger`], calling `progres` with the number of records read so far (every 10,000).
pub fn charger_avec_progres(
    dossier: &Path,
    territoires: &Territoires,
    options: &OptionsChargement,
    progres: &mut dyn FnMut(u64),
) -> Result<(Catalogue, Rapport), ChargementError> {
    let chemin_structures = fichier_de(dossier, "structures")?;
    let chemin_services = fichier_de(dossier, "services")?;
    let mut rapport = Rapport::default();
    let mut catalogue = Catalogue::default();
    let mut lus = 0u64;

    let mut index: HashMap<String, StructureIdx> = HashMap::new();
    let mut structures = Vec::new();
    passe(
        &chemin_structures,
        Passe {
            territoires,
            aujourdhui: options.aujourdhui,
            rapport: &mut rapport,
            lus: &mut lus,
            progres,
        },
        &mut HashSet::new(),
        valider_structure,
        |s: Structure| structures.push(s),
    )?;
    for (i, s) in structures.iter().enumerate() {
        index.insert(s.id.clone(), StructureIdx(i as u32));
    }
    catalogue.structures = structures;

    let mut services = Vec::new();
    passe(
        &chemin_services,
        Passe {
            territoires,
            aujourdhui: options.aujourdhui,
            rapport: &mut rapport,
            lus: &mut lus,
            progres,
        },
        &mut HashSet::new(),
        |v, b| valider_service(v, b, &index),
        |s: Service| services.push(s),
    )?;
    catalogue.services = services;

    normalisation::normaliser(&mut catalogue, territoires, options.aujourdhui);
    Ok((catalogue, rapport))
}
