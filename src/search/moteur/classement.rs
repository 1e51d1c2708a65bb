//! The scoring phase of a search: every candidate filtered, gated and scored into a [`Classe`]
//! (with the exclusions and facets it counts), duplicates grouped, and the order of the results.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;

use super::colonnes::Colonne;
use super::facettes::CompteurFacettes;
use super::{FACTEUR_ZONE_INCONNUE, Moteur};
use crate::catalog::model::Famille;
use crate::referentiel::PersonneMobilisatrice;
use crate::search::texte::Correspondances;
use crate::search::{
    Candidat, Composantes, ConfianceZone, Eligibilite, Lanes, Mode, Ouverture, RaisonExclusion,
    Requete, SATURATION_TEXTE, Statut, Tri, couverture, eligibilite, proximite_a_distance,
    proximite_sur_place, rotation, texte_sature,
};

impl Moteur<'_> {
    /// Filters, gates and scores every candidate of `lanes`; counts the exclusions and facets.
    pub(super) fn classer(
        &self,
        req: &Requete,
        lanes: &Lanes,
        contexte: &Contexte<'_>,
    ) -> Classement {
        let mut classement = Classement {
            classes: Vec::with_capacity(lanes.candidats.len()),
            eligibilites: Vec::new(),
            exclus: BTreeMap::new(),
            facettes: CompteurFacettes::new(),
            ouvertures: vec![None; self.horaires_uniques.len()],
        };
        let explicites = req.filtres.a_des_filtres_de_service();
        // They passed the pre-filter, which is the whole filter unless there are service filters.
        let hors_territoire = if explicites {
            lanes
                .hors_territoire
                .iter()
                .filter(|&&i| self.filtre(req, &self.catalogue.services[i as usize]))
                .count()
        } else {
            lanes.hors_territoire.len()
        };
        if hors_territoire > 0 {
            classement
                .exclus
                .insert(RaisonExclusion::HorsTerritoire, hors_territoire);
        }
        // Without accommodation: the SIAO / 115 offers reachable for her come first.
        let sans_hebergement = req
            .profil
            .as_ref()
            .is_some_and(|p| p.sans_hebergement == Some(true));
        // Per eligibility class: its index in `eligibilites`, once evaluated.
        let mut par_classe: Vec<u32> = vec![NON_EVALUEE; self.classes_eligibilite];
        let usagers = PersonneMobilisatrice::usagers();
        // The rows of a block of candidates first, in a loop of independent loads: the processor
        // overlaps their cache misses, which the long body below would serialise (one miss per
        // candidate, the main cost of a dense query). A block at a time, so that the copies stay
        // in the first-level cache instead of streaming a copy of every row through memory.
        let mut lignes: Vec<Colonne> = Vec::with_capacity(BLOC_LIGNES);
        for bloc in lanes.candidats.chunks(BLOC_LIGNES) {
            lignes.clear();
            lignes.extend(bloc.iter().map(|c| self.colonnes[c.service as usize]));
            for (c, col) in bloc.iter().zip(&lignes) {
                if explicites && !self.filtre(req, &self.catalogue.services[c.service as usize]) {
                    continue;
                }
                let Some(texte) = contexte.texte(c.service) else {
                    continue;
                };
                let ouverture = self.ouverture_de(col, contexte.quand, &mut classement.ouvertures);
                if req.filtres.ouvert_le.is_some() && ouverture == Ouverture::Ferme {
                    continue;
                }
                let classe = &mut par_classe[col.classe_eligibilite as usize];
                if *classe == NON_EVALUEE {
                    let s = &self.catalogue.services[c.service as usize];
                    classement
                        .eligibilites
                        .push(eligibilite(s, req.profil.as_ref()));
                    *classe = (classement.eligibilites.len() - 1) as u32;
                }
                let elig = *classe;
                if let Statut::Exclu(raison) = classement.eligibilites[elig as usize].statut {
                    *classement.exclus.entry(raison).or_default() += 1;
                    continue;
                }
                let (part, couverts) = couverture(col.thematiques, &req.besoins);
                let composantes = contexte.composantes(req, c, col, part, texte, ouverture);
                classement.facettes.compter(col);
                classement.classes.push(Classe {
                    candidat: *c,
                    score: composantes.score(&self.poids),
                    eligibilite: elig,
                    couverts,
                    rotation: rotation(col.cle, contexte.jour),
                    rang_id: col.rang_id,
                    doublon: col.doublon,
                    urgence: sans_hebergement && col.famille == Famille::Siao,
                    par_soi_meme: req.tri == Tri::ParSoiMeme
                        && self.catalogue.services[c.service as usize]
                            .mobilisable_par
                            .contains(usagers),
                });
            }
        }
        classement
    }

    /// Keeps the best-ranked copy (by `ordre`) of an offer published by several sources (each
    /// offer is shown once); returns the number of copies left out.
    ///
    /// The copies left out are swapped out, which changes the order of the others: what follows
    /// (the page's selection, the parcours, the counts) does not depend on it, every order there
    /// being total.
    pub(super) fn regrouper_doublons(
        &self,
        classement: &mut Classement,
        ordre: impl Fn(&Classe, &Classe) -> Ordering,
    ) -> usize {
        let classes = &mut classement.classes;
        let mut meilleurs: FxHashMap<u32, usize> = FxHashMap::default();
        let mut ecartes: Vec<usize> = Vec::new();
        for (i, k) in classes.iter().enumerate() {
            if let Some(grappe) = k.doublon {
                match meilleurs.entry(grappe) {
                    Entry::Vacant(v) => {
                        v.insert(i);
                    }
                    Entry::Occupied(mut o) => {
                        let meilleur = o.get_mut();
                        if ordre(k, &classes[*meilleur]) == Ordering::Less {
                            ecartes.push(std::mem::replace(meilleur, i));
                        } else {
                            ecartes.push(i);
                        }
                    }
                }
            }
        }
        // From the last, so that each index still points at its class when it is swapped out.
        ecartes.sort_unstable_by(|a, b| b.cmp(a));
        for &i in &ecartes {
            let k = classes.swap_remove(i);
            let col = &self.colonnes[k.candidat.service as usize];
            classement.facettes.decompter(col);
        }
        ecartes.len()
    }
}

/// What every candidate's terms of one query share.
pub(super) struct Contexte<'a> {
    /// The time at which opening is evaluated.
    pub(super) quand: chrono::NaiveDateTime,
    /// The day of the rotation.
    pub(super) jour: NaiveDate,
    /// The text matches, when the query has a text.
    pub(super) textes: Option<&'a Correspondances>,
    /// Nearness of a remote offer for this person.
    pub(super) proximite_distance: f64,
}

impl<'a> Contexte<'a> {
    pub(super) fn new(
        req: &Requete,
        maintenant: chrono::NaiveDateTime,
        textes: Option<&'a Correspondances>,
    ) -> Self {
        let autonomie = req.profil.as_ref().and_then(|p| p.autonomie_numerique);
        Contexte {
            quand: req
                .filtres
                .ouvert_le
                .map_or(maintenant, |t| t.naive_local()),
            jour: maintenant.date(),
            textes,
            proximite_distance: proximite_a_distance(autonomie),
        }
    }

    /// The text term of `service`: 0 without text, `None` when it does not match the text.
    pub(super) fn texte(&self, service: u32) -> Option<f64> {
        match self.textes {
            None => Some(0.0),
            Some(t) => t
                .score(service)
                .map(|s| texte_sature(f64::from(s), SATURATION_TEXTE)),
        }
    }

    /// A candidate's score terms, given its needs part, text term and opening.
    pub(super) fn composantes(
        &self,
        req: &Requete,
        c: &Candidat,
        col: &Colonne,
        besoins: f64,
        texte: f64,
        ouverture: Ouverture,
    ) -> Composantes {
        let proximite = match (c.mode, c.distance_km) {
            (Mode::SurPlace, Some(d)) => proximite_sur_place(d, req.rayon_km),
            // No place given: nearness does not rank.
            (Mode::SurPlace, None) => 0.0,
            (Mode::ADistance, _) => self.proximite_distance,
        };
        let confiance = if c.zone == ConfianceZone::Inconnue {
            FACTEUR_ZONE_INCONNUE
        } else {
            1.0
        };
        Composantes {
            besoins,
            proximite,
            texte,
            qualite: col.qualite * confiance,
            ouverture: ouverture.composante(),
        }
    }
}

/// The scored candidates of one query, with what scoring them counted.
pub(super) struct Classement {
    pub(super) classes: Vec<Classe>,
    /// The eligibility classes evaluated ([`Classe::eligibilite`] indexes it).
    pub(super) eligibilites: Vec<Eligibilite>,
    pub(super) exclus: BTreeMap<RaisonExclusion, usize>,
    pub(super) facettes: CompteurFacettes,
    /// Per distinct opening hours, its opening, once computed.
    pub(super) ouvertures: Vec<Option<Ouverture>>,
}

/// A scored candidate before its explanation is built.
#[derive(Debug, Clone, Copy)]
pub(super) struct Classe {
    pub(super) candidat: Candidat,
    pub(super) score: f64,
    pub(super) eligibilite: u32,
    pub(super) couverts: u64,
    pub(super) rotation: u64,
    /// [`Colonne::rang_id`]: the last tie-break, the service id's order.
    pub(super) rang_id: u32,
    /// [`Colonne::doublon`], copied so that grouping the duplicates reads no row again.
    pub(super) doublon: Option<u32>,
    pub(super) urgence: bool,
    /// The person can mobilise it herself (only computed for [`Tri::ParSoiMeme`]).
    pub(super) par_soi_meme: bool,
}

impl Classe {
    /// The order of the results for `tri` (see the module docs); ids break every tie.
    pub(super) fn comparer(&self, autre: &Classe, tri: Tri) -> Ordering {
        let (a, b) = (self, autre);
        let par_id = || a.rang_id.cmp(&b.rang_id);
        match tri {
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
    }
}

/// Up to this many first results, they are chosen with a bounded heap; beyond (deep pages), by a
/// selection.
const TAS_MAX: usize = 256;

/// The first `n` of `classes` in the order of `tri`, sorted. For a page (small `n`), a heap of
/// the best `n` so far: most classes cost one comparison with the worst kept, and none is moved;
/// for deep pages, a selection then a sort of the first `n`. The order is total (ids break every
/// tie), so both give the same list.
pub(super) fn premiers(mut classes: Vec<Classe>, n: usize, tri: Tri) -> Vec<Classe> {
    let ordre = |a: &Classe, b: &Classe| a.comparer(b, tri);
    if n == 0 {
        return Vec::new();
    }
    if n >= classes.len() {
        classes.sort_unstable_by(ordre);
        return classes;
    }
    if n <= TAS_MAX {
        let mut tas: BinaryHeap<Rang<'_>> = BinaryHeap::with_capacity(n);
        for classe in &classes {
            if tas.len() < n {
                tas.push(Rang { classe, tri });
            } else if let Some(mut pire) = tas.peek_mut()
                && ordre(classe, pire.classe) == Ordering::Less
            {
                *pire = Rang { classe, tri };
            }
        }
        return tas
            .into_sorted_vec()
            .into_iter()
            .map(|r| *r.classe)
            .collect();
    }
    classes.select_nth_unstable_by(n - 1, ordre);
    classes.truncate(n);
    classes.sort_unstable_by(ordre);
    classes
}

/// A class in [`premiers`]'s heap, ordered as the results (the worst on top).
struct Rang<'a> {
    classe: &'a Classe,
    tri: Tri,
}

impl PartialEq for Rang<'_> {
    fn eq(&self, autre: &Self) -> bool {
        self.cmp(autre) == Ordering::Equal
    }
}

impl Eq for Rang<'_> {}

impl PartialOrd for Rang<'_> {
    fn partial_cmp(&self, autre: &Self) -> Option<Ordering> {
        Some(self.cmp(autre))
    }
}

impl Ord for Rang<'_> {
    fn cmp(&self, autre: &Self) -> Ordering {
        self.classe.comparer(autre.classe, self.tri)
    }
}

/// Candidates whose rows are copied at once (32 KB of rows).
const BLOC_LIGNES: usize = 512;

/// [`Moteur::rechercher`]'s marker of an eligibility class not evaluated yet in this query.
const NON_EVALUEE: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn classe(i: u32, score: u8, rotation: u8, urgence: bool, distance: Option<u8>) -> Classe {
        Classe {
            candidat: Candidat {
                service: i,
                mode: if distance.is_some() {
                    Mode::SurPlace
                } else {
                    Mode::ADistance
                },
                distance_km: distance.map(f64::from),
                zone: ConfianceZone::Listee,
            },
            score: f64::from(score) / 10.0,
            eligibilite: 0,
            couverts: 0,
            rotation: u64::from(rotation),
            rang_id: i.wrapping_mul(7919) % 1000,
            doublon: None,
            urgence,
            par_soi_meme: i % 3 == 0,
        }
    }

    proptest! {
        /// The first n by the heap or the selection are the first n of the whole sorted list
        /// (many ties on score and rotation: the id rank decides).
        #[test]
        fn the_first_n_are_those_of_the_full_sort(
            tirages in proptest::collection::vec((0u8..5, 0u8..3, proptest::bool::weighted(0.1), proptest::option::of(0u8..4)), 0..700),
            n in 0usize..600,
            tri in prop_oneof![Just(Tri::Pertinence), Just(Tri::Distance), Just(Tri::ParSoiMeme)],
        ) {
            let classes: Vec<Classe> = tirages
                .iter()
                .enumerate()
                .map(|(i, &(s, r, u, d))| classe(i as u32, s, r, u, d))
                .collect();
            let mut tous = classes.clone();
            tous.sort_by(|a, b| a.comparer(b, tri));
            tous.truncate(n);
            let ids = |v: &[Classe]| v.iter().map(|c| c.candidat.service).collect::<Vec<_>>();
            prop_assert_eq!(ids(&premiers(classes, n, tri)), ids(&tous));
        }
    }
}
