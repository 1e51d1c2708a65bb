//! A word's typo and prefix alternatives as the few index terms they stand for.
//!
//! tantivy answers a fuzzy or prefix term query by walking the term dictionary with an automaton
//! and reading the whole posting list of every term it accepts into a bitset of the segment,
//! whatever the documents wanted: for « accompagnement » (in 234,000 of 300,000 services) that
//! pass costs about a millisecond per query, even when the search only scores the few hundred
//! offers within reach ([`crate::search::texte::IndexTexte::chercher_parmi`]).
//!
//! A French word has few spelling neighbours in a catalogue's vocabulary (`accompagnement`,
//! `accompagnements`): the alternative is then the union of those terms, each a posting cursor
//! that seeks straight to the documents asked for. It matches the same documents with the same
//! constant score (1, like tantivy's automaton scorer), so answers do not change. A short prefix
//! accepting many terms (`a`) keeps the automaton query, cheaper than that many cursors.
//!
//! Finding those terms walks the term dictionary of every segment with the automaton (about
//! 0.1 ms per word); a [`Vocabulaire`] remembers the words already looked up in its index, which
//! never changes (a snapshot is written once).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::combinaison::Ou;
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy::query::{
    ConstScorer, EnableScoring, Explanation, FuzzyTermQuery, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TantivyError, Term};

/// Above this many index terms, an alternative stays an automaton query.
pub const VARIANTES_MAX: usize = 16;

/// Words whose neighbours a [`Vocabulaire`] remembers.
const MOTS_RETENUS: u64 = 20_000;

/// A word looked up in a [`Vocabulaire`]: which neighbours, in which field.
type CleVoisins = (Voisinage, Field, String);

/// One index's searcher and the neighbours of the words already looked up in it.
#[derive(Clone)]
pub struct Vocabulaire {
    chercheur: Searcher,
    /// By (neighbourhood, field, word): its terms, `None` when they are too many.
    voisins: moka::sync::Cache<CleVoisins, Option<Arc<[Term]>>>,
}

impl std::fmt::Debug for Vocabulaire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulaire")
            .field("mots", &self.voisins.entry_count())
            .finish()
    }
}

impl Vocabulaire {
    /// The vocabulary of `chercheur`'s index (which must not change while it is used).
    pub fn new(chercheur: Searcher) -> Self {
        Vocabulaire {
            chercheur,
            voisins: moka::sync::Cache::new(MOTS_RETENUS),
        }
    }

    /// Its searcher.
    pub fn chercheur(&self) -> &Searcher {
        &self.chercheur
    }

    fn voisins(&self, champ: Field, mot: &str, voisinage: Voisinage) -> Option<Arc<[Term]>> {
        self.voisins
            .get_with((voisinage, champ, mot.to_owned()), || {
                termes_voisins(&self.chercheur, champ, mot, voisinage).map(Arc::from)
            })
    }
}

/// Edit distance of the typo alternative; a transposition counts as one edit.
const DISTANCE_FAUTE: u8 = 1;

/// Which neighbours of a word an alternative accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Voisinage {
    /// Words within one edit ([`DISTANCE_FAUTE`], a transposition counting as one).
    Faute,
    /// Words it is a prefix of (no edit).
    Prefixe,
}

impl Voisinage {
    /// tantivy's query for the neighbours of `terme`, matching the same documents with the same
    /// constant score as [`alternative`]'s union.
    fn automate(self, terme: Term) -> FuzzyTermQuery {
        match self {
            Voisinage::Faute => FuzzyTermQuery::new(terme, DISTANCE_FAUTE, true),
            Voisinage::Prefixe => FuzzyTermQuery::new_prefix(terme, 0, false),
        }
    }

    /// The automaton of the neighbours of `mot` (the same as tantivy's for [`Voisinage::automate`]).
    fn dfa(self, mot: &str) -> DFA {
        use std::sync::OnceLock;
        static FAUTE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
        static PREFIXE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
        match self {
            Voisinage::Faute => FAUTE
                .get_or_init(|| LevenshteinAutomatonBuilder::new(DISTANCE_FAUTE, true))
                .build_dfa(mot),
            Voisinage::Prefixe => PREFIXE
                .get_or_init(|| LevenshteinAutomatonBuilder::new(0, false))
                .build_prefix_dfa(mot),
        }
    }
}

/// The alternative of `mot` (a folded word of `champ`) for `voisinage`: the union of the terms it
/// stands for in `vocabulaire`'s segments when they are at most [`VARIANTES_MAX`], else tantivy's
/// automaton query.
pub fn alternative(
    vocabulaire: &Vocabulaire,
    champ: Field,
    mot: &str,
    voisinage: Voisinage,
) -> Box<dyn Query> {
    match vocabulaire.voisins(champ, mot, voisinage) {
        Some(termes) => Box::new(UnionConstante { termes }),
        None => Box::new(voisinage.automate(Term::from_field_text(champ, mot))),
    }
}

/// The terms of `champ` that `voisinage` of `mot` accepts, in any segment of `chercheur`; `None`
/// when they are more than [`VARIANTES_MAX`] or a term dictionary cannot be read (the automaton
/// query then reports the error).
fn termes_voisins(
    chercheur: &Searcher,
    champ: Field,
    mot: &str,
    voisinage: Voisinage,
) -> Option<Vec<Term>> {
    let dfa = voisinage.dfa(mot);
    let mut termes: BTreeSet<Vec<u8>> = BTreeSet::new();
    for segment in chercheur.segment_readers() {
        let index = segment.inverted_index(champ).ok()?;
        let mut flux = index.terms().search(Automate(&dfa)).into_stream().ok()?;
        while flux.advance() {
            termes.insert(flux.key().to_vec());
            if termes.len() > VARIANTES_MAX {
                return None;
            }
        }
    }
    termes
        .into_iter()
        .map(|octets| {
            std::str::from_utf8(&octets)
                .ok()
                .map(|t| Term::from_field_text(champ, t))
        })
        .collect()
}

/// A Levenshtein DFA walking a term dictionary (the automaton tantivy's fuzzy query walks).
struct Automate<'a>(&'a DFA);

impl tantivy_fst::Automaton for Automate<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, etat: &u32) -> bool {
        matches!(self.0.distance(*etat), Distance::Exact(_))
    }

    fn can_match(&self, etat: &u32) -> bool {
        *etat != SINK_STATE
    }

    fn accept(&self, etat: &u32, octet: u8) -> u32 {
        self.0.transition(*etat, octet)
    }
}

/// The documents containing any of `termes`, each scored 1 (times the boost), as tantivy's
/// automaton scorer scores them; the terms' cursors are read without scoring.
#[derive(Debug, Clone)]
struct UnionConstante {
    termes: Arc<[Term]>,
}

impl Query for UnionConstante {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let union = Ou(self
            .termes
            .iter()
            .map(|t| -> Box<dyn Query> {
                Box::new(TermQuery::new(t.clone(), IndexRecordOption::Basic))
            })
            .collect());
        let sans_score = match scoring.searcher() {
            Some(chercheur) => EnableScoring::disabled_from_searcher(chercheur),
            None => scoring,
        };
        Ok(Box::new(PoidsConstant(union.weight(sans_score)?)))
    }

    fn query_terms<'a>(&'a self, visiteur: &mut dyn FnMut(&'a Term, bool)) {
        for t in self.termes.iter() {
            visiteur(t, false);
        }
    }
}

/// [`UnionConstante`]'s weight: the union's documents, each scored the boost.
struct PoidsConstant(Box<dyn Weight>);

impl Weight for PoidsConstant {
    fn scorer(&self, lecteur: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ConstScorer::new(
            self.0.scorer(lecteur, boost)?,
            boost,
        )))
    }

    fn explain(&self, lecteur: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scoreur = self.scorer(lecteur, 1.0)?;
        if scoreur.seek(doc) == doc {
            Ok(Explanation::new("UnionConstante", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} hors de l'union"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::Index;
    use tantivy::collector::DocSetCollector;

    use super::super::index_d_essai;
    use super::*;

    /// An index of one segment whose documents are `mots`, one word each.
    fn index(mots: &[&str]) -> (Index, Field) {
        index_d_essai(mots.iter().map(|m| m.to_string()), usize::MAX)
    }

    /// Documents and scores of `requete`, sorted by document.
    fn resultats(chercheur: &Searcher, requete: &dyn Query) -> Vec<(u32, Score)> {
        let mut docs: Vec<u32> = chercheur
            .search(requete, &DocSetCollector)
            .expect("search")
            .into_iter()
            .map(|a| a.doc_id)
            .collect();
        docs.sort_unstable();
        let poids = requete
            .weight(EnableScoring::enabled_from_searcher(chercheur))
            .expect("weight");
        let lecteur = chercheur.segment_reader(0);
        let mut scoreur = poids.scorer(lecteur, 1.0).expect("scorer");
        docs.into_iter()
            .map(|d| {
                assert_eq!(scoreur.seek(d), d);
                (d, scoreur.score())
            })
            .collect()
    }

    #[test]
    fn the_union_matches_what_the_automaton_matches_with_its_scores() {
        let mots = [
            "accompagnement",
            "accompagnements",
            "acompagnement",
            "accompagner",
            "garage",
            "garages",
            "gare",
            "grange",
            "agrage",
        ];
        let (index, champ) = index(&mots);
        let chercheur = index.reader().expect("reader").searcher();
        let vocabulaire = Vocabulaire::new(chercheur.clone());
        for mot in ["accompagnement", "garage", "gare", "garag", "acc", "zzz"] {
            for voisinage in [Voisinage::Faute, Voisinage::Prefixe] {
                let union = alternative(&vocabulaire, champ, mot, voisinage);
                let automate = voisinage.automate(Term::from_field_text(champ, mot));
                assert_eq!(
                    resultats(&chercheur, union.as_ref()),
                    resultats(&chercheur, &automate),
                    "{mot} {voisinage:?}"
                );
            }
        }
        // Each (word, neighbourhood) looked up once.
        vocabulaire.voisins.run_pending_tasks();
        assert_eq!(vocabulaire.voisins.entry_count(), 12);
        // The typo alternative of « garage » is a union: « garages », « agrage » (transposition).
        let termes = termes_voisins(&chercheur, champ, "garage", Voisinage::Faute).expect("few");
        let textes: Vec<String> = termes
            .iter()
            .filter_map(|t| t.value().as_str().map(str::to_owned))
            .collect();
        assert_eq!(textes, ["agrage", "garage", "garages"]);
    }

    #[test]
    fn many_neighbours_keep_the_automaton() {
        let mots: Vec<String> = (0..=VARIANTES_MAX).map(|i| format!("a{i:03}")).collect();
        let refs: Vec<&str> = mots.iter().map(String::as_str).collect();
        let (index, champ) = index(&refs);
        let chercheur = index.reader().expect("reader").searcher();
        assert!(termes_voisins(&chercheur, champ, "a", Voisinage::Prefixe).is_none());
        assert_eq!(
            termes_voisins(&chercheur, champ, "a01", Voisinage::Prefixe).map(|t| t.len()),
            Some(VARIANTES_MAX - 9)
        );
        let union = alternative(
            &Vocabulaire::new(chercheur.clone()),
            champ,
            "a",
            Voisinage::Prefixe,
        );
        let automate = Voisinage::Prefixe.automate(Term::from_field_text(champ, "a"));
        assert_eq!(
            resultats(&chercheur, union.as_ref()),
            resultats(&chercheur, &automate)
        );
    }
}
