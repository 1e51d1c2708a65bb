//! The search over an in-memory catalogue: lanes → text → explicit filters → eligibility gates →
//! score → deterministic order → page.
//!
//! With a place, the text is scored on the lanes' candidates only
//! ([`IndexTexte::chercher_parmi`]), not on the whole catalogue; without a place, the text's
//! matches are the candidates. A search without text gives every offer a text term of 0.
//!
//! One step per function: `candidats` (pre-filter, lanes, text), `classer` and
//! `regrouper_doublons` (the scoring pass and the duplicates, in `classement.rs`), the parcours
//! (`parcours.rs`), then the order and the page's explained results (`resultat`).
//!
//! Order: for a person without accommodation, the SIAO offers first; then score descending, then
//! the daily rotation key (fair and stable for a day), then id;
//! with [`Tri::Distance`], distance ascending (remote last), then id; with [`Tri::ParSoiMeme`], as
//! by score but the offers the person can mobilise herself before the others. Only the first
//! `offset + limit` results are ordered ([`classement::premiers`]: a bounded heap, or a selection
//! for deep pages), not the whole set.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use opening_hours::OpeningHours;
use serde::Serialize;

use super::fragments::{Fragment, Fragments, StatistiquesFragments};
use super::texte::{Correspondances, IndexTexte, TexteError};
use super::{
    Composantes, ConfianceZone, Eligibilite, IndexCandidats, Lanes, Mode, Ouverture, Poids,
    Prefiltre, RaisonExclusion, Requete, RequeteError, analyser_horaires, couverture, ouverture,
};
use crate::catalog::model::{Catalogue, Service};
use crate::referentiel::CodeSet;
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
    /// Number of distinct eligibility classes ([`Colonne::classe_eligibilite`]).
    classes_eligibilite: usize,
    poids: Poids,
    /// The JSON of the services shown, as they are shown.
    fragments: Fragments,
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
        // The lanes' index and the rows are independent: built side by side (a third of the
        // snapshot's load time on 300,000 services).
        let (index, (horaires_uniques, colonnes)) = std::thread::scope(|portee| {
            let index = portee.spawn(|| IndexCandidats::new(&catalogue, territoires));
            let (horaires_uniques, horaires) = Self::horaires(&catalogue);
            let colonnes = Colonnes::new(&catalogue.services, &horaires);
            let index = index
                .join()
                .unwrap_or_else(|panique| std::panic::resume_unwind(panique));
            (index, (horaires_uniques, colonnes))
        });
        Moteur {
            catalogue,
            territoires,
            texte,
            index,
            horaires_uniques,
            colonnes: colonnes.lignes,
            classes_eligibilite: colonnes.classes_eligibilite,
            poids: Poids::default(),
            fragments: Fragments::default(),
        }
    }

    /// The distinct parsed opening hours of `catalogue`, and each service's index among them.
    fn horaires(catalogue: &Catalogue) -> (Vec<OpeningHours>, Vec<Option<u32>>) {
        let mut par_texte: HashMap<&str, u32> = HashMap::new();
        let mut horaires_uniques = Vec::new();
        let horaires = catalogue
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
        (horaires_uniques, horaires)
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

    /// What an answer shows of service `i` whatever the query (built once, then kept).
    pub fn fragment(&self, i: u32) -> Arc<Fragment> {
        self.fragments.de(&self.catalogue, i)
    }

    /// What the cache of [`Moteur::fragment`] did since this engine was built.
    pub fn statistiques_fragments(&self) -> StatistiquesFragments {
        self.fragments.statistiques()
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
        let (lanes, textes) = self.candidats(req)?;
        let contexte = Contexte::new(req, maintenant, textes.as_ref());
        let mut classement = self.classer(req, &lanes, &contexte);
        let ordre = |a: &Classe, b: &Classe| a.comparer(b, req.tri);
        let doublons_regroupes = self.regrouper_doublons(&mut classement, ordre);
        let Classement {
            classes,
            eligibilites,
            exclus,
            facettes,
            mut ouvertures,
        } = classement;
        let (parcours, besoins_sans_offre) = parcours(&classes, &req.besoins, &eligibilites);
        let total = classes.len();
        let fin = (offset + usize::from(req.limite)).min(total);
        let page = premiers(classes, fin, req.tri)
            .into_iter()
            .skip(offset)
            .map(|k| self.resultat(req, &contexte, &k, &eligibilites, &mut ouvertures))
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

    /// The candidates of `req` and, when it has a text, their text matches: with a place, the
    /// lanes' candidates that match the text (scored on them only); without, the text's matches.
    fn candidats(&self, req: &Requete) -> Result<(Lanes, Option<Correspondances>), RechercheError> {
        let erreur_texte = |e| match e {
            TexteError::Analyse(a) => RechercheError::Requete(RequeteError {
                champ: "texte".into(),
                detail: a.to_string(),
            }),
            e => RechercheError::Index(e),
        };
        // Cheap pre-filter on the thematiques kept in the lanes, before they touch a service:
        // most candidates of a dense area or of the national remote offer cover none of the needs.
        let prefiltre = Prefiltre {
            besoins: req
                .besoins
                .iter()
                .fold(CodeSet::new(), |u, b| u.union(&b.thematiques)),
            filtre: req.filtres.thematiques,
        };
        match (req.origine, &req.texte) {
            (Some(origine), texte) => {
                let mut lanes = self.index.lanes(
                    &self.catalogue,
                    self.territoires,
                    origine,
                    req.rayon_km,
                    prefiltre,
                );
                let Some(t) = texte else {
                    return Ok((lanes, None));
                };
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
                Ok((lanes, Some(textes)))
            }
            (None, Some(t)) => {
                let textes = self.texte.chercher(t).map_err(erreur_texte)?;
                let lanes = self
                    .index
                    .sans_lieu(&self.catalogue, textes.services(), prefiltre);
                Ok((lanes, Some(textes)))
            }
            (None, None) => Err(RechercheError::Requete(RequeteError {
                champ: "lieu".into(),
                detail: "obligatoire sans texte".into(),
            })),
        }
    }

    /// The explained result of a ranked candidate of the page.
    fn resultat(
        &self,
        req: &Requete,
        contexte: &Contexte<'_>,
        k: &Classe,
        eligibilites: &[Eligibilite],
        ouvertures: &mut [Option<Ouverture>],
    ) -> Resultat {
        let col = &self.colonnes[k.candidat.service as usize];
        let (oui, non): (Vec<_>, Vec<_>) = req
            .besoins
            .iter()
            .enumerate()
            .partition(|(i, _)| k.couverts & (1 << i) != 0);
        let ouverture = self.ouverture_de(col, contexte.quand, ouvertures);
        // The terms again, for the page only (the same computation as in the loop).
        let composantes = contexte.composantes(
            req,
            &k.candidat,
            col,
            couverture(col.thematiques, &req.besoins).0,
            contexte.texte(k.candidat.service).unwrap_or(0.0),
            ouverture,
        );
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
    }
}

mod classement;
mod colonnes;
mod facettes;
mod parcours;
#[cfg(test)]
mod tests;

use classement::{Classe, Classement, Contexte, premiers};
use colonnes::{Colonne, Colonnes};
pub use facettes::Facettes;
pub use parcours::EtapeParcours;
use parcours::parcours;
