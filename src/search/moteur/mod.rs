//! The search over an in-memory catalogue: lanes → text → explicit filters → eligibility gates →
//! score → deterministic order → page.
//!
//! With a place, the text is scored on the lanes' candidates only
//! ([`IndexTexte::chercher_parmi`]), not on the whole catalogue; without a place, the text's
//! matches are the candidates. A search without text gives every offer a text term of 0.
//!
//! Order: for a person without accommodation, the SIAO offers first; then score descending, then
//! the daily rotation key (fair and stable for a day), then id;
//! with [`Tri::Distance`], distance ascending (remote last), then id; with [`Tri::ParSoiMeme`], as
//! by score but the offers the person can mobilise herself before the others. Only the first
//! `offset + limit` results are ordered ([`slice::select_nth_unstable_by`]), not the whole set.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use opening_hours::OpeningHours;
use serde::Serialize;

use super::candidats::categories_de;
use super::texte::{IndexTexte, TexteError};
use super::{
    Candidat, Composantes, ConfianceZone, Eligibilite, IndexCandidats, Mode, Ouverture, Poids,
    RaisonExclusion, Requete, RequeteError, SATURATION_TEXTE, Statut, Tri, analyser_horaires,
    couverture, eligibilite, ouverture, proximite_a_distance, proximite_sur_place, rotation,
    texte_sature,
};
use crate::catalog::model::{Catalogue, Famille, Service};
use crate::referentiel::{CodeSet, PersonneMobilisatrice, Thematique};
use crate::territoire::Territoires;

/// Confidence factor applied to the quality term of offers whose zone is unknown.
pub const FACTEUR_ZONE_INCONNUE: f64 = 0.5;

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resultat {
    /// Index of the service in the catalogue.
    pub service: u32,
    /// Lane.
    pub mode: Mode,
    /// Distance, on site.
    pub distance_km: Option<f64>,
    /// Score in [0, 1].
    pub score: f64,
    /// Its terms.
    pub composantes: Composantes,
    /// Eligibility.
    pub eligibilite: Eligibilite,
    /// Codes of the requested needs it covers.
    pub besoins_couverts: Vec<String>,
    /// Codes of the requested needs it does not cover.
    pub besoins_non_couverts: Vec<String>,
    /// Opening at the requested time (or now).
    pub ouverture: Ouverture,
    /// Zone confidence.
    pub zone: ConfianceZone,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reponse {
    /// The page.
    pub resultats: Vec<Resultat>,
    /// Results over all pages.
    pub total: usize,
    /// Cursor of the next page, if any.
    pub curseur_suivant: Option<String>,
    /// Offers left out, by reason.
    pub exclus: BTreeMap<RaisonExclusion, usize>,
    /// Counts over every result (all pages), by code.
    pub facettes: Facettes,
    /// A few offers that together cover every requested need that some result covers.
    pub parcours: Vec<EtapeParcours>,
    /// Codes of the requested needs that no result covers.
    pub besoins_sans_offre: Vec<String>,
    /// Copies of offers published by several sources, left out (each offer is shown once).
    pub doublons_regroupes: usize,
}

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
pub enum RechercheError {
    /// The request is invalid (the caller's fault: a 4xx).
    #[error(transparent)]
    Requete(#[from] RequeteError),
    /// The text index failed (the server's fault).
    #[error(transparent)]
    Index(TexteError),
}

/// The engine over one catalogue, which it owns with its text index.
pub struct Moteur<'t> {
    catalogue: Catalogue,
    territoires: &'t Territoires,
    texte: IndexTexte,
    index: IndexCandidats,
    /// Distinct parsed opening hours.
    horaires_uniques: Vec<OpeningHours>,
    /// Per service: what the hot loop reads, in a compact row.
    colonnes: Vec<Colonne>,
    /// Per service: its thematiques (the pre-filter's column).
    thematiques: Vec<CodeSet<Thematique>>,
    /// Number of distinct eligibility classes ([`Colonne::classe_eligibilite`]).
    classes_eligibilite: usize,
    poids: Poids,
}

fn curseur(offset: usize) -> String {
    format!("p{offset:x}")
}

fn lire_curseur(c: &str) -> Result<usize, RequeteError> {
    c.strip_prefix('p')
        .and_then(|h| usize::from_str_radix(h, 16).ok())
        .ok_or_else(|| RequeteError {
            champ: "curseur".into(),
            detail: "curseur invalide : reprendre celui d'une réponse".into(),
        })
}

impl<'t> Moteur<'t> {
    /// Indexes `catalogue` (text in RAM, points, communes, parsed opening hours) with the default
    /// weights.
    pub fn new(catalogue: Catalogue, territoires: &'t Territoires) -> Result<Self, TexteError> {
        let texte = IndexTexte::en_memoire(&catalogue)?;
        Ok(Self::avec_texte(catalogue, territoires, texte))
    }

    /// The engine over `catalogue` and its already built text index.
    pub fn avec_texte(
        catalogue: Catalogue,
        territoires: &'t Territoires,
        texte: IndexTexte,
    ) -> Self {
        let mut par_texte: HashMap<&str, u32> = HashMap::new();
        let mut horaires_uniques = Vec::new();
        let horaires: Vec<Option<u32>> = catalogue
            .services
            .iter()
            .map(|s| {
                let h = s
                    .horaires_accueil
                    .as_ref()
                    .or(catalogue.structure(s).horaires_accueil.as_ref())?;
                if let Some(i) = par_texte.get(h.texte.as_str()) {
                    return Some(*i);
                }
                let oh = analyser_horaires(&h.texte)?;
                horaires_uniques.push(oh);
                let i = (horaires_uniques.len() - 1) as u32;
                par_texte.insert(h.texte.as_str(), i);
                Some(i)
            })
            .collect();
        let index = IndexCandidats::new(&catalogue, territoires);
        let colonnes = Colonnes::new(&catalogue.services, &horaires);
        Moteur {
            catalogue,
            territoires,
            texte,
            index,
            horaires_uniques,
            colonnes: colonnes.lignes,
            thematiques: colonnes.thematiques,
            classes_eligibilite: colonnes.classes_eligibilite,
            poids: Poids::default(),
        }
    }

    /// The catalogue searched.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The territories it searches in.
    pub fn territoires(&self) -> &'t Territoires {
        self.territoires
    }

    /// Its text index.
    pub fn texte(&self) -> &IndexTexte {
        &self.texte
    }

    /// Replaces the score weights.
    pub fn avec_poids(mut self, poids: Poids) -> Self {
        self.poids = poids;
        self
    }

    fn filtre(&self, req: &Requete, s: &Service) -> bool {
        let f = &req.filtres;
        let structure = self.catalogue.structure(s);
        (f.thematiques.is_empty() || f.thematiques.intersects(&s.thematiques))
            && (f.publics.is_empty() || f.publics.intersects(&s.publics))
            && (f.types.is_empty() || s.type_.is_some_and(|t| f.types.contains(t)))
            && (f.frais.is_empty() || s.frais.is_some_and(|x| f.frais.contains(x)))
            && (f.modes_accueil.is_empty() || f.modes_accueil.intersects(&s.modes_accueil))
            && (f.reseaux_porteurs.is_empty()
                || f.reseaux_porteurs.intersects(&structure.reseaux_porteurs))
            && (f.mobilisable_par.is_empty() || f.mobilisable_par.intersects(&s.mobilisable_par))
            && (f.sources.is_empty() || f.sources.contains(&s.source))
            && f.score_qualite_minimum.is_none_or(|m| s.score_qualite >= m)
            && (req.besoins.is_empty()
                || req
                    .besoins
                    .iter()
                    .any(|b| b.thematiques.intersects(&s.thematiques)))
    }

    /// Opening of a distinct set of hours, computed once per query.
    fn ouverture_de(
        &self,
        col: &Colonne,
        quand: chrono::NaiveDateTime,
        cache: &mut [Option<Ouverture>],
    ) -> Ouverture {
        let Some(h) = col.horaires else {
            return Ouverture::Inconnue;
        };
        *cache[h as usize]
            .get_or_insert_with(|| ouverture(Some(&self.horaires_uniques[h as usize]), quand))
    }

    /// Runs `req`; `maintenant` is used for opening when the request has no `ouvert_le`, and its
    /// date for the daily rotation.
    ///
    /// Every candidate gets a numeric score; explanations (French reasons, need codes) are built
    /// for the returned page only, and eligibility is evaluated once per (family, publics) pair.
    pub fn rechercher(
        &self,
        req: &Requete,
        maintenant: chrono::NaiveDateTime,
    ) -> Result<Reponse, RechercheError> {
        let offset = req
            .curseur
            .as_deref()
            .map(lire_curseur)
            .transpose()?
            .unwrap_or(0);
        let quand = req
            .filtres
            .ouvert_le
            .map_or(maintenant, |t| t.naive_local());
        let jour: NaiveDate = maintenant.date();
        let erreur_texte = |e| match e {
            TexteError::Analyse(a) => RechercheError::Requete(RequeteError {
                champ: "texte".into(),
                detail: a.to_string(),
            }),
            e => RechercheError::Index(e),
        };
        // Cheap pre-filter on the compact thematiques column, before the lanes touch a service:
        // most candidates of a dense area or of the national remote offer cover none of the needs.
        let besoins_th = req
            .besoins
            .iter()
            .fold(CodeSet::new(), |u, b| u.union(&b.thematiques));
        let filtre_th = req.filtres.thematiques;
        let garder = |i: u32| {
            let th = &self.thematiques[i as usize];
            (besoins_th.is_empty() || th.intersects(&besoins_th))
                && (filtre_th.is_empty() || th.intersects(&filtre_th))
        };
        // Only the categories of the needs (else of the thematiques filter) can match.
        let categories = if !besoins_th.is_empty() {
            Some(categories_de(besoins_th))
        } else if !filtre_th.is_empty() {
            Some(categories_de(filtre_th))
        } else {
            None
        };
        // With a place, the text scores only the candidates of the lanes; without, the text's
        // matches are the candidates.
        let (lanes, textes) = match (req.origine, &req.texte) {
            (Some(origine), texte) => {
                let mut lanes = self.index.lanes(
                    &self.catalogue,
                    self.territoires,
                    origine,
                    req.rayon_km,
                    categories,
                    &garder,
                );
                let textes = match texte {
                    None => None,
                    Some(t) => {
                        let parmi = lanes
                            .candidats
                            .iter()
                            .map(|c| c.service)
                            .chain(lanes.hors_territoire.iter().copied());
                        let textes = self.texte.chercher_parmi(t, parmi).map_err(erreur_texte)?;
                        lanes
                            .candidats
                            .retain(|c| textes.score(c.service).is_some());
                        lanes.hors_territoire.retain(|&i| textes.score(i).is_some());
                        Some(textes)
                    }
                };
                (lanes, textes)
            }
            (None, Some(t)) => {
                let textes = self.texte.chercher(t).map_err(erreur_texte)?;
                let lanes = self
                    .index
                    .sans_lieu(&self.catalogue, textes.services(), &garder);
                (lanes, Some(textes))
            }
            (None, None) => {
                return Err(RechercheError::Requete(RequeteError {
                    champ: "lieu".into(),
                    detail: "obligatoire sans texte".into(),
                }));
            }
        };
        let correspond_texte = |service: u32| -> Option<f64> {
            match &textes {
                None => Some(0.0),
                Some(t) => t
                    .score(service)
                    .map(|s| texte_sature(f64::from(s), SATURATION_TEXTE)),
            }
        };
        let mut exclus: BTreeMap<RaisonExclusion, usize> = BTreeMap::new();
        // They passed `garder`, which is the whole filter unless there are service filters.
        let hors_territoire = if req.filtres.a_des_filtres_de_service() {
            lanes
                .hors_territoire
                .iter()
                .filter(|&&i| self.filtre(req, &self.catalogue.services[i as usize]))
                .count()
        } else {
            lanes.hors_territoire.len()
        };
        if hors_territoire > 0 {
            exclus.insert(RaisonExclusion::HorsTerritoire, hors_territoire);
        }
        // Without accommodation: the SIAO / 115 offers reachable for her come first.
        let sans_hebergement = req
            .profil
            .as_ref()
            .is_some_and(|p| p.sans_hebergement == Some(true));
        let autonomie = req.profil.as_ref().and_then(|p| p.autonomie_numerique);
        let mut ouvertures: Vec<Option<Ouverture>> = vec![None; self.horaires_uniques.len()];
        let mut eligibilites: Vec<Eligibilite> = Vec::new();
        // Per eligibility class: its index in `eligibilites`, once evaluated.
        let mut par_classe: Vec<u32> = vec![NON_EVALUEE; self.classes_eligibilite];
        let mut facettes = CompteurFacettes::new();
        let mut classes: Vec<Classe> = Vec::with_capacity(lanes.candidats.len());
        let explicites = req.filtres.a_des_filtres_de_service();
        let usagers = PersonneMobilisatrice::usagers();
        let proximite_distance = proximite_a_distance(autonomie);
        // The rows first, in a loop of independent loads: the processor overlaps their cache
        // misses, which the long body below would serialise (one miss per candidate, the main cost
        // of a dense query).
        let lignes: Vec<Colonne> = lanes
            .candidats
            .iter()
            .map(|c| self.colonnes[c.service as usize])
            .collect();
        for (c, col) in lanes.candidats.iter().zip(&lignes) {
            if explicites && !self.filtre(req, &self.catalogue.services[c.service as usize]) {
                continue;
            }
            let Some(texte) = correspond_texte(c.service) else {
                continue;
            };
            let ouverture = self.ouverture_de(col, quand, &mut ouvertures);
            if req.filtres.ouvert_le.is_some() && ouverture == Ouverture::Ferme {
                continue;
            }
            let classe = &mut par_classe[col.classe_eligibilite as usize];
            if *classe == NON_EVALUEE {
                let s = &self.catalogue.services[c.service as usize];
                eligibilites.push(eligibilite(s, req.profil.as_ref()));
                *classe = (eligibilites.len() - 1) as u32;
            }
            let elig = *classe;
            if let Statut::Exclu(raison) = eligibilites[elig as usize].statut {
                *exclus.entry(raison).or_default() += 1;
                continue;
            }
            let (part, couverts) = couverture(col.thematiques, &req.besoins);
            let proximite = match (c.mode, c.distance_km) {
                (Mode::SurPlace, Some(d)) => proximite_sur_place(d, req.rayon_km),
                // No place given: nearness does not rank.
                (Mode::SurPlace, None) => 0.0,
                (Mode::ADistance, _) => proximite_distance,
            };
            let confiance = if c.zone == ConfianceZone::Inconnue {
                FACTEUR_ZONE_INCONNUE
            } else {
                1.0
            };
            let composantes = Composantes {
                besoins: part,
                proximite,
                texte,
                qualite: col.qualite * confiance,
                ouverture: ouverture.composante(),
            };
            facettes.compter(col);
            classes.push(Classe {
                candidat: *c,
                score: composantes.score(&self.poids),
                eligibilite: elig,
                couverts,
                rotation: rotation(col.cle, jour),
                rang_id: col.rang_id,
                urgence: sans_hebergement && col.famille == Famille::Siao,
                par_soi_meme: req.tri == Tri::ParSoiMeme
                    && self.catalogue.services[c.service as usize]
                        .mobilisable_par
                        .contains(usagers),
            });
        }
        let ordre = |a: &Classe, b: &Classe| -> Ordering {
            let par_id = || a.rang_id.cmp(&b.rang_id);
            match req.tri {
                Tri::Pertinence => b
                    .urgence
                    .cmp(&a.urgence)
                    .then(b.score.total_cmp(&a.score))
                    .then(a.rotation.cmp(&b.rotation))
                    .then_with(par_id),
                Tri::ParSoiMeme => b
                    .urgence
                    .cmp(&a.urgence)
                    .then(b.par_soi_meme.cmp(&a.par_soi_meme))
                    .then(b.score.total_cmp(&a.score))
                    .then(a.rotation.cmp(&b.rotation))
                    .then_with(par_id),
                Tri::Distance => {
                    let d = |c: &Classe| c.candidat.distance_km.unwrap_or(f64::INFINITY);
                    d(a).total_cmp(&d(b)).then_with(par_id)
                }
            }
        };
        // The same offer published by several sources is shown once: its best-ranked copy.
        let mut meilleurs: HashMap<u32, usize, HachageEntier> = HashMap::default();
        for (i, k) in classes.iter().enumerate() {
            if let Some(grappe) = self.colonnes[k.candidat.service as usize].doublon {
                meilleurs
                    .entry(grappe)
                    .and_modify(|m| {
                        if ordre(k, &classes[*m]) == Ordering::Less {
                            *m = i;
                        }
                    })
                    .or_insert(i);
            }
        }
        let avant = classes.len();
        if !meilleurs.is_empty() {
            let mut i = 0;
            classes.retain(|k| {
                let col = &self.colonnes[k.candidat.service as usize];
                let garder = col.doublon.is_none_or(|g| meilleurs.get(&g) == Some(&i));
                if !garder {
                    facettes.decompter(col);
                }
                i += 1;
                garder
            });
        }
        let doublons_regroupes = avant - classes.len();
        let (parcours, besoins_sans_offre) = parcours(&classes, &req.besoins, &eligibilites);
        let total = classes.len();
        let fin = (offset + usize::from(req.limite)).min(total);
        if fin < total && fin > 0 {
            classes.select_nth_unstable_by(fin - 1, ordre);
            classes.truncate(fin);
        }
        classes.sort_by(ordre);
        let page = classes
            .into_iter()
            .skip(offset)
            .map(|k| {
                let col = &self.colonnes[k.candidat.service as usize];
                let (oui, non): (Vec<_>, Vec<_>) = req
                    .besoins
                    .iter()
                    .enumerate()
                    .partition(|(i, _)| k.couverts & (1 << i) != 0);
                let ouverture = self.ouverture_de(col, quand, &mut ouvertures);
                // The terms again, for the page only (the same computation as in the loop).
                let proximite = match (k.candidat.mode, k.candidat.distance_km) {
                    (Mode::SurPlace, Some(d)) => proximite_sur_place(d, req.rayon_km),
                    (Mode::SurPlace, None) => 0.0,
                    (Mode::ADistance, _) => proximite_distance,
                };
                let confiance = if k.candidat.zone == ConfianceZone::Inconnue {
                    FACTEUR_ZONE_INCONNUE
                } else {
                    1.0
                };
                let composantes = Composantes {
                    besoins: couverture(col.thematiques, &req.besoins).0,
                    proximite,
                    texte: correspond_texte(k.candidat.service).unwrap_or(0.0),
                    qualite: col.qualite * confiance,
                    ouverture: ouverture.composante(),
                };
                Resultat {
                    service: k.candidat.service,
                    mode: k.candidat.mode,
                    distance_km: k.candidat.distance_km,
                    score: k.score,
                    composantes,
                    eligibilite: eligibilites[k.eligibilite as usize].clone(),
                    besoins_couverts: oui.into_iter().map(|(_, b)| b.code.clone()).collect(),
                    besoins_non_couverts: non.into_iter().map(|(_, b)| b.code.clone()).collect(),
                    ouverture,
                    zone: k.candidat.zone,
                }
            })
            .collect();
        Ok(Reponse {
            resultats: page,
            total,
            curseur_suivant: (fin < total).then(|| curseur(fin)),
            exclus,
            facettes: facettes.facettes(),
            parcours,
            besoins_sans_offre,
            doublons_regroupes,
        })
    }
}

/// A scored candidate before its explanation is built.
pub(super) struct Classe {
    pub(super) candidat: Candidat,
    pub(super) score: f64,
    pub(super) eligibilite: u32,
    pub(super) couverts: u64,
    pub(super) rotation: u64,
    /// [`Colonne::rang_id`]: the last tie-break, the service id's order.
    pub(super) rang_id: u32,
    pub(super) urgence: bool,
    /// The person can mobilise it herself (only computed for [`Tri::ParSoiMeme`]).
    pub(super) par_soi_meme: bool,
}

/// [`Moteur::rechercher`]'s marker of an eligibility class not evaluated yet in this query.
const NON_EVALUEE: u32 = u32::MAX;

mod colonnes;
mod facettes;
mod parcours;
#[cfg(test)]
mod tests;

use colonnes::{Colonne, Colonnes, HachageEntier};
use facettes::CompteurFacettes;
pub use facettes::Facettes;
pub use parcours::EtapeParcours;
use parcours::parcours;
