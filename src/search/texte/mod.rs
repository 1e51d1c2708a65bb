//! The full-text side of a catalogue: a tantivy index of every service's words, in RAM (tests,
//! benches) or in a directory (snapshots), and the query that turns free French text into
//! `(service, BM25)` matches.
//!
//! One document per service: its index in the catalogue as a fast field, and one text (the
//! service's name, its structure's name, its type and thematique labels, its description) in the
//! two analyzed fields of [`super::analyse`]. The fast field maps a match back to its service.
//! Documents are written in catalogue order, which a snapshot makes spatial
//! ([`crate::index::ordre`]): a place's candidates are then a few runs of documents, which
//! [`IndexTexte::chercher_parmi`] seeks through quickly (an index in any order answers the same).

use std::path::Path;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{EnableScoring, Scorer};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{
    DocId, DocSet, Index, IndexReader, ReloadPolicy, Score, SegmentOrdinal, SegmentReader,
    TERMINATED,
};
use tantivy::{TantivyDocument, directory::MmapDirectory};

use super::analyse::{
    self, AnalyseError, ChampsTexte, NOM_PLIE, NOM_RADICAL, Vocabulaire, requete_texte,
};
use crate::catalog::model::{Catalogue, Service};
use crate::referentiel::Code;

/// Name of the fast field holding the service's index in the catalogue.
const CHAMP_SERVICE: &str = "service";
/// Memory budget of the index writer, per thread.
const BUDGET_ECRITURE_OCTETS: usize = 100_000_000;

/// Why the text index could not be built, opened or queried.
#[derive(Debug, thiserror::Error)]
pub enum TexteError {
    /// The query text could not be analysed.
    #[error(transparent)]
    Analyse(#[from] AnalyseError),
    /// The index does not have this crate's schema.
    #[error("index texte sans le schéma attendu : champ {0} absent")]
    Schema(&'static str),
    /// tantivy failed (I/O, corrupt files).
    #[error("index texte : {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The directory could not be opened.
    #[error("index texte : {0}")]
    Repertoire(#[from] tantivy::directory::error::OpenDirectoryError),
}

/// The text index of one catalogue.
pub struct IndexTexte {
    lecteur: IndexReader,
    /// The reader's searcher (never reloaded) and the typo and prefix neighbours looked up in it.
    vocabulaire: Vocabulaire,
    champs: ChampsTexte,
    /// Per segment (by ordinal; the reader is never reloaded), the service of each document:
    /// read once, instead of through the fast-field column for every match of every query.
    services: Arc<Vec<Vec<u32>>>,
    /// By service: its segment ordinal and document (the converse of `services`), or `None` when
    /// the index has no document for it.
    documents: Vec<Option<(u32, DocId)>>,
    /// One more than the largest service index in `services` (the length of a score table).
    etendue: usize,
}

impl std::fmt::Debug for IndexTexte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexTexte")
            .field("documents", &self.nombre_documents())
            .finish()
    }
}

fn schema() -> (Schema, ChampsTexte, Field) {
    let options = |analyseur: &str, positions: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyseur)
                .set_index_option(positions),
        )
    };
    let mut schema = Schema::builder();
    let service = schema.add_u64_field(CHAMP_SERVICE, NumericOptions::default().set_fast());
    let champs = ChampsTexte {
        plie: schema.add_text_field(
            "texte_plie",
            options(NOM_PLIE, IndexRecordOption::WithFreqsAndPositions),
        ),
        radical: schema.add_text_field(
            "texte_radical",
            options(NOM_RADICAL, IndexRecordOption::WithFreqs),
        ),
    };
    (schema.build(), champs, service)
}

/// The text indexed for `service`.
fn texte_du_service(catalogue: &Catalogue, service: &Service) -> String {
    let mut texte = String::with_capacity(service.nom.len() + service.description.len() + 128);
    let mut ajouter = |morceau: &str| {
        texte.push_str(morceau);
        texte.push('\n');
    };
    ajouter(&service.nom);
    ajouter(&catalogue.structure(service).nom);
    if let Some(t) = service.type_ {
        ajouter(t.libelle());
    }
    for t in service.thematiques.iter() {
        ajouter(t.libelle());
    }
    ajouter(&service.description);
    texte
}

impl IndexTexte {
    /// Indexes `catalogue` in RAM.
    pub fn en_memoire(catalogue: &Catalogue) -> Result<Self, TexteError> {
        let (schema, _, _) = schema();
        Self::construire(Index::create_in_ram(schema), catalogue, &mut |_| {})
    }

    /// Indexes `catalogue` into the empty directory `dir`; `progres` receives the number of
    /// services indexed so far.
    pub fn construire_dans(
        dir: &Path,
        catalogue: &Catalogue,
        progres: &mut dyn FnMut(usize),
    ) -> Result<Self, TexteError> {
        let (schema, _, _) = schema();
        let index = Index::create(MmapDirectory::open(dir)?, schema, Default::default())?;
        Self::construire(index, catalogue, progres)
    }

    fn construire(
        index: Index,
        catalogue: &Catalogue,
        progres: &mut dyn FnMut(usize),
    ) -> Result<Self, TexteError> {
        analyse::enregistrer(&index);
        let (champs, service) = Self::champs(&index)?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut ecrivain =
            index.writer_with_num_threads(threads, threads * BUDGET_ECRITURE_OCTETS)?;
        for (i, s) in catalogue.services.iter().enumerate() {
            let texte = texte_du_service(catalogue, s);
            let mut document = TantivyDocument::default();
            document.add_u64(service, i as u64);
            document.add_text(champs.plie, &texte);
            document.add_text(champs.radical, &texte);
            ecrivain.add_document(document)?;
            if i % 10_000 == 0 {
                progres(i);
            }
        }
        ecrivain.commit()?;
        ecrivain.wait_merging_threads()?;
        progres(catalogue.services.len());
        Self::avec_index(index)
    }

    /// Opens the index written by [`IndexTexte::construire_dans`] in `dir`.
    pub fn ouvrir(dir: &Path) -> Result<Self, TexteError> {
        let index = Index::open(MmapDirectory::open(dir)?)?;
        analyse::enregistrer(&index);
        Self::avec_index(index)
    }

    fn champs(index: &Index) -> Result<(ChampsTexte, Field), TexteError> {
        let schema = index.schema();
        let champ = |nom: &'static str| schema.get_field(nom).map_err(|_| TexteError::Schema(nom));
        Ok((
            ChampsTexte {
                plie: champ("texte_plie")?,
                radical: champ("texte_radical")?,
            },
            champ(CHAMP_SERVICE)?,
        ))
    }

    fn avec_index(index: Index) -> Result<Self, TexteError> {
        let (champs, _) = Self::champs(&index)?;
        let lecteur: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let services = lecteur
            .searcher()
            .segment_readers()
            .iter()
            .map(|segment| {
                let colonne = segment.fast_fields().u64(CHAMP_SERVICE)?;
                Ok((0..segment.max_doc())
                    .map(|doc| colonne.first(doc).map_or(u32::MAX, |s| s as u32))
                    .collect())
            })
            .collect::<tantivy::Result<Vec<Vec<u32>>>>()?;
        let etendue = services
            .iter()
            .flatten()
            .filter(|&&s| s != u32::MAX)
            .map(|&s| s as usize + 1)
            .max()
            .unwrap_or(0);
        let mut documents = vec![None; etendue];
        for (segment, docs) in services.iter().enumerate() {
            for (doc, &s) in docs.iter().enumerate() {
                if s != u32::MAX {
                    documents[s as usize] = Some((segment as u32, doc as DocId));
                }
            }
        }
        Ok(IndexTexte {
            vocabulaire: Vocabulaire::new(lecteur.searcher()),
            lecteur,
            champs,
            services: Arc::new(services),
            documents,
            etendue,
        })
    }

    /// Number of indexed services.
    pub fn nombre_documents(&self) -> u64 {
        self.lecteur.searcher().num_docs()
    }

    /// Every service matching `texte` with its BM25 score, as a table indexed by service.
    pub fn chercher(&self, texte: &str) -> Result<Correspondances, TexteError> {
        let chercheur = self.vocabulaire.chercheur();
        let requete = requete_texte(&self.vocabulaire, self.champs, texte)?;
        let mut scores = vec![f32::NAN; self.etendue];
        let mut nombre = 0;
        let trouves = chercheur.search(requete.as_ref(), &Collecte(Arc::clone(&self.services)))?;
        for segment in trouves {
            for (service, score) in segment {
                let case = &mut scores[service as usize];
                if case.is_nan() {
                    nombre += 1;
                }
                *case = score;
            }
        }
        Ok(Correspondances { scores, nombre })
    }
}

impl IndexTexte {
    /// Those of `services` matching `texte`, with the same BM25 scores as [`IndexTexte::chercher`]
    /// gives them, without scoring the rest of the catalogue: each segment's scorer seeks from one
    /// candidate document to the next (cheap when they are few, or close together in document
    /// order). The index is written once per snapshot and never deletes a document, so no
    /// alive-documents check is needed.
    pub fn chercher_parmi(
        &self,
        texte: &str,
        services: impl IntoIterator<Item = u32>,
    ) -> Result<Correspondances, TexteError> {
        let chercheur = self.vocabulaire.chercheur();
        let requete = requete_texte(&self.vocabulaire, self.champs, texte)?;
        let poids = requete.weight(EnableScoring::enabled_from_searcher(chercheur))?;
        let lecteurs = chercheur.segment_readers();
        let mut par_segment: Vec<Vec<DocId>> = vec![Vec::new(); lecteurs.len()];
        for s in services {
            if let Some(Some((segment, doc))) = self.documents.get(s as usize) {
                par_segment[*segment as usize].push(*doc);
            }
        }
        let mut scores = vec![f32::NAN; self.etendue];
        let mut nombre = 0;
        for (ordinal, (lecteur, docs)) in lecteurs.iter().zip(&mut par_segment).enumerate() {
            if docs.is_empty() {
                continue;
            }
            docs.sort_unstable();
            docs.dedup();
            let services = &self.services[ordinal];
            let mut scoreur = poids.scorer(lecteur, 1.0)?;
            // Leapfrog: the scorer seeks the next candidate, the candidates skip to the scorer's
            // next match; either side may be the sparse one.
            let mut k = 0;
            while let Some(&doc) = docs.get(k) {
                let mut courant = scoreur.doc();
                if courant < doc {
                    courant = scoreur.seek(doc);
                }
                if courant == TERMINATED {
                    break;
                }
                if courant == doc {
                    let case = &mut scores[services[doc as usize] as usize];
                    if case.is_nan() {
                        nombre += 1;
                    }
                    *case = scoreur.score();
                    k += 1;
                } else {
                    k += docs[k..].partition_point(|&d| d < courant);
                }
            }
        }
        Ok(Correspondances { scores, nombre })
    }
}

/// The services matching a text query and their BM25 scores.
#[derive(Debug, Clone)]
pub struct Correspondances {
    /// By service index: its score, NaN when it does not match (a score is never NaN).
    scores: Vec<f32>,
    /// Number of matching services.
    nombre: usize,
}

impl Correspondances {
    /// The score of `service`, if it matches.
    #[inline]
    pub fn score(&self, service: u32) -> Option<f32> {
        self.scores
            .get(service as usize)
            .copied()
            .filter(|s| !s.is_nan())
    }

    /// The matching services, in ascending order.
    pub fn services(&self) -> impl Iterator<Item = u32> + '_ {
        self.scores
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_nan())
            .map(|(i, _)| i as u32)
    }

    /// Number of matching services.
    pub fn len(&self) -> usize {
        self.nombre
    }

    /// Whether nothing matches.
    pub fn is_empty(&self) -> bool {
        self.nombre == 0
    }
}

/// Collects every match as `(service, score)`, with the services of each segment's documents.
struct Collecte(Arc<Vec<Vec<u32>>>);

struct CorrespondancesSegment {
    services: Arc<Vec<Vec<u32>>>,
    segment: usize,
    trouves: Vec<(u32, f32)>,
}

impl Collector for Collecte {
    type Fruit = Vec<Vec<(u32, f32)>>;
    type Child = CorrespondancesSegment;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<CorrespondancesSegment> {
        Ok(CorrespondancesSegment {
            services: Arc::clone(&self.0),
            segment: ordinal as usize,
            trouves: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u32, f32)>>) -> tantivy::Result<Vec<Vec<(u32, f32)>>> {
        Ok(fruits)
    }
}

impl SegmentCollector for CorrespondancesSegment {
    type Fruit = Vec<(u32, f32)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let service = self
            .services
            .get(self.segment)
            .and_then(|docs| docs.get(doc as usize))
            .copied()
            .unwrap_or(u32::MAX);
        if service != u32::MAX {
            self.trouves.push((service, score));
        }
    }

    fn harvest(self) -> Vec<(u32, f32)> {
        self.trouves
    }
}
#[cfg(test)]
mod tests;
