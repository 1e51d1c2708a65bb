//! The AND and OR of a text query's parts, with scorers that seek.
//!
//! tantivy's OR scorer buffers its children's documents 4,096 at a time: the right thing to
//! enumerate every match, costly to test a few documents far apart, as
//! [`crate::search::texte::IndexTexte::chercher_parmi`] does (each seek past its window decodes
//! the next 4,096 documents of every child: for a word found in most services, hundreds of
//! thousands of postings read per query to score a few thousand offers within reach).
//! [`Ou`] and [`Et`] seek each child to the document asked for instead, and score as tantivy's
//! boolean queries do: an OR sums its children on the document, an AND sums its children ordered
//! by their size hint (the two smallest first, then the others). The sum's order is the children's
//! (tantivy's OR reorders its children as they run out, so a score may differ from its by a
//! rounding of the last bit of an `f32`); the same query always sums in the same order.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, QueryClone, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The documents matching any of the queries (score: the sum of those matching).
#[derive(Debug)]
pub struct Ou(pub Vec<Box<dyn Query>>);

/// The documents matching every query (score: the sum of their scores).
#[derive(Debug)]
pub struct Et(pub Vec<Box<dyn Query>>);

impl Clone for Ou {
    fn clone(&self) -> Self {
        Ou(self.0.iter().map(|q| q.box_clone()).collect())
    }
}

impl Clone for Et {
    fn clone(&self) -> Self {
        Et(self.0.iter().map(|q| q.box_clone()).collect())
    }
}

/// Which combination a [`Poids`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operateur {
    Ou,
    Et,
}

impl Query for Ou {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(Poids::new(Operateur::Ou, &self.0, scoring)?))
    }

    fn query_terms<'a>(&'a self, visiteur: &mut dyn FnMut(&'a Term, bool)) {
        self.0.iter().for_each(|q| q.query_terms(visiteur));
    }
}

impl Query for Et {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(Poids::new(Operateur::Et, &self.0, scoring)?))
    }

    fn query_terms<'a>(&'a self, visiteur: &mut dyn FnMut(&'a Term, bool)) {
        self.0.iter().for_each(|q| q.query_terms(visiteur));
    }
}

/// The weight of an [`Ou`] or an [`Et`]: its children's weights.
struct Poids {
    operateur: Operateur,
    enfants: Vec<Box<dyn Weight>>,
}

impl Poids {
    fn new(
        operateur: Operateur,
        requetes: &[Box<dyn Query>],
        scoring: EnableScoring<'_>,
    ) -> tantivy::Result<Self> {
        let enfants = requetes
            .iter()
            .map(|q| q.weight(scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Poids { operateur, enfants })
    }
}

impl Weight for Poids {
    fn scorer(&self, lecteur: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut enfants = self
            .enfants
            .iter()
            .map(|w| w.scorer(lecteur, boost))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(match (self.operateur, enfants.len()) {
            (_, 0) => Box::new(EmptyScorer),
            (_, 1) => enfants.remove(0),
            (Operateur::Ou, _) => Box::new(ScoreurOu::new(enfants)),
            (Operateur::Et, _) => Box::new(ScoreurEt::new(enfants)),
        })
    }

    fn explain(&self, lecteur: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scoreur = self.scorer(lecteur, 1.0)?;
        if scoreur.seek(doc) == doc {
            let nom = match self.operateur {
                Operateur::Ou => "Ou",
                Operateur::Et => "Et",
            };
            Ok(Explanation::new(nom, scoreur.score()))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "le document {doc} ne correspond pas"
            )))
        }
    }
}

/// Seeks `enfant` to `cible` unless it is already there or beyond (tantivy's seek wants a target
/// not below the current document).
fn amener(enfant: &mut dyn Scorer, cible: DocId) -> DocId {
    let d = enfant.doc();
    if d < cible { enfant.seek(cible) } else { d }
}

/// The union's scorer: its document is the smallest of its children's, whose documents it keeps
/// (one virtual call per child that moves, not per child and document).
struct ScoreurOu {
    enfants: Vec<Box<dyn Scorer>>,
    /// `enfants[i].doc()`.
    docs: Vec<DocId>,
    doc: DocId,
}

impl ScoreurOu {
    fn new(enfants: Vec<Box<dyn Scorer>>) -> Self {
        let docs: Vec<DocId> = enfants.iter().map(|e| e.doc()).collect();
        let doc = docs.iter().copied().min().unwrap_or(TERMINATED);
        ScoreurOu { enfants, docs, doc }
    }
}

impl DocSet for ScoreurOu {
    /// The children on the document step forward, the others stay.
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        let mut suivant = TERMINATED;
        for (e, d) in self.enfants.iter_mut().zip(&mut self.docs) {
            if *d == doc {
                *d = e.advance();
            }
            suivant = suivant.min(*d);
        }
        self.doc = suivant;
        suivant
    }

    fn seek(&mut self, cible: DocId) -> DocId {
        if self.doc >= cible {
            return self.doc;
        }
        let mut suivant = TERMINATED;
        for (e, d) in self.enfants.iter_mut().zip(&mut self.docs) {
            if *d < cible {
                *d = e.seek(cible);
            }
            suivant = suivant.min(*d);
        }
        self.doc = suivant;
        suivant
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.enfants
            .iter()
            .map(|e| e.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for ScoreurOu {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut somme: Score = 0.0;
        for (e, &d) in self.enfants.iter_mut().zip(&self.docs) {
            if d == doc {
                somme += e.score();
            }
        }
        somme
    }
}

/// The intersection's scorer: children sorted by size hint (the rarest leads), leapfrogging.
struct ScoreurEt {
    enfants: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl ScoreurEt {
    /// At least two children.
    fn new(mut enfants: Vec<Box<dyn Scorer>>) -> Self {
        enfants.sort_by_key(|e| e.size_hint());
        let premier = enfants.iter().map(|e| e.doc()).max().unwrap_or(TERMINATED);
        let mut et = ScoreurEt { enfants, doc: 0 };
        et.doc = et.aligner(premier);
        et
    }

    /// The first document from `cible` on where every child stands.
    fn aligner(&mut self, mut cible: DocId) -> DocId {
        'cible: loop {
            if cible == TERMINATED {
                return TERMINATED;
            }
            for e in &mut self.enfants {
                let d = amener(e.as_mut(), cible);
                if d > cible {
                    cible = d;
                    continue 'cible;
                }
            }
            return cible;
        }
    }
}

impl DocSet for ScoreurEt {
    /// The rarest child steps forward, the others catch up.
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let d = self.enfants[0].advance();
        self.doc = self.aligner(d);
        self.doc
    }

    fn seek(&mut self, cible: DocId) -> DocId {
        if self.doc >= cible {
            return self.doc;
        }
        self.doc = self.aligner(cible);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.enfants.first().map_or(0, |e| e.size_hint())
    }
}

impl Scorer for ScoreurEt {
    /// As tantivy's intersection: the two smallest children, then the sum of the others.
    fn score(&mut self) -> Score {
        let (deux, autres) = self.enfants.split_at_mut(2);
        deux[0].score() + deux[1].score() + autres.iter_mut().map(|e| e.score()).sum::<Score>()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::Searcher;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::{BooleanQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;

    use super::super::index_d_essai;
    use super::*;

    const MOTS: [&str; 5] = ["aide", "emploi", "garage", "permis", "velo"];

    /// An index whose documents hold the words of `docs` (indexes in [`MOTS`]), in segments of
    /// 37 documents.
    fn chercheur(docs: &[Vec<usize>]) -> (Searcher, tantivy::schema::Field) {
        let textes = docs
            .iter()
            .map(|mots| mots.iter().map(|&m| MOTS[m]).collect::<Vec<_>>().join(" "));
        let (index, champ) = index_d_essai(textes, 37);
        (index.reader().expect("reader").searcher(), champ)
    }

    fn poids(chercheur: &Searcher, requete: &dyn Query) -> Box<dyn Weight> {
        requete
            .weight(EnableScoring::enabled_from_searcher(chercheur))
            .expect("weight")
    }

    fn terme(champ: tantivy::schema::Field, m: usize) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(champ, MOTS[m]),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// Every match of `requete` with its score, by (segment, document), enumerated by advance.
    fn tous(chercheur: &Searcher, requete: &dyn Query) -> Vec<(u32, DocId, Score)> {
        let poids = poids(chercheur, requete);
        let mut r = Vec::new();
        for (s, lecteur) in chercheur.segment_readers().iter().enumerate() {
            let mut sc = poids.scorer(lecteur, 1.0).expect("scorer");
            while sc.doc() != TERMINATED {
                r.push((s as u32, sc.doc(), sc.score()));
                sc.advance();
            }
        }
        r
    }

    /// The matches of `requete` among `cibles` (per segment, ascending), found by seeks only.
    fn par_seek(
        chercheur: &Searcher,
        requete: &dyn Query,
        cibles: &[DocId],
    ) -> Vec<(u32, DocId, Score)> {
        let poids = poids(chercheur, requete);
        let mut r = Vec::new();
        for (s, lecteur) in chercheur.segment_readers().iter().enumerate() {
            let mut sc = poids.scorer(lecteur, 1.0).expect("scorer");
            for &c in cibles.iter().filter(|&&c| c < lecteur.max_doc()) {
                if sc.doc() == TERMINATED {
                    break;
                }
                if amener(sc.as_mut(), c) == c {
                    r.push((s as u32, c, sc.score()));
                }
            }
        }
        r
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Same documents and scores as tantivy's boolean queries (to the rounding of an `f32`
        /// sum), nested as the text query nests them (an AND of ORs); the same, to the bit,
        /// whether enumerated or sought.
        #[test]
        fn combinations_match_tantivys_boolean_queries(
            docs in prop::collection::vec(prop::collection::vec(0usize..MOTS.len(), 0..6), 1..120),
            groupes in prop::collection::vec(prop::collection::vec(0usize..MOTS.len(), 1..4), 1..4),
            cibles in prop::collection::btree_set(0u32..120, 0..40),
        ) {
            let (chercheur, champ) = chercheur(&docs);
            let nous = Et(groupes
                .iter()
                .map(|g| -> Box<dyn Query> { Box::new(Ou(g.iter().map(|&m| terme(champ, m)).collect())) })
                .collect());
            let eux = BooleanQuery::intersection(groupes
                .iter()
                .map(|g| -> Box<dyn Query> { Box::new(BooleanQuery::union(g.iter().map(|&m| terme(champ, m)).collect())) })
                .collect());
            let attendus = tous(&chercheur, &eux);
            let trouves = tous(&chercheur, &nous);
            let docs = |v: &[(u32, DocId, Score)]| v.iter().map(|&(s, d, _)| (s, d)).collect::<Vec<_>>();
            prop_assert_eq!(docs(&trouves), docs(&attendus));
            for (&(_, _, a), &(_, _, b)) in trouves.iter().zip(&attendus) {
                prop_assert!((a - b).abs() <= 1e-6 * a.abs().max(1.0), "{} vs {}", a, b);
            }
            let nombre = chercheur.search(&nous, &DocSetCollector).expect("search").len();
            prop_assert_eq!(nombre, attendus.len());
            let cibles: Vec<DocId> = cibles.into_iter().collect();
            let parmi: Vec<_> = trouves.iter().copied().filter(|(_, d, _)| cibles.contains(d)).collect();
            prop_assert_eq!(par_seek(&chercheur, &nous, &cibles), parmi);
        }
    }
}
