//! The text query builder: free French text to a tantivy query over the two analyzed fields.
//!
//! Each query word (after the same analysis as the documents, [`super::AnalyseFr`]) matches
//! through any of its alternatives:
//! - its folded form in the `plie` field, its stem in the `radical` field;
//! - words of 5+ letters: its folded form within edit distance 1 in `plie` (typos);
//! - the last word: any `plie` term it is a prefix of (search as you type);
//!   (these two as the few index terms they stand for, [`super::variantes`]);
//! - every term of its synonym group (a phrase in `plie` for multi-word terms).
//!
//! Protected acronyms get neither typo tolerance nor prefix matching (`PLIE` must not find
//! `plier`). **Words combine with AND**: each word must match through one of its alternatives
//! (precise, and the score already ranks by needs and distance; a Should-with-minimum would let
//! `garage solidaire` find every `solidaire`). When the whole text is itself a synonym term
//! (`mise à l'abri`), the group's terms are alternatives to the whole conjunction.
//!
//! Empty input (no alphanumeric character) is an error, [`AnalyseError::TexteVide`]: the caller
//! must not search text it does not have (its `texte` score term is then 0). Text made only of
//! stop words (`le`) is *not* an error: it gives a query that matches nothing.

use tantivy::query::{EmptyQuery, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, FieldType, IndexRecordOption};
use tantivy::{Index, Term};

use super::analyseur::{AnalyseFr, Mot};
use super::combinaison::{Et, Ou};
use super::synonymes::Synonymes;
use super::variantes::{Vocabulaire, Voisinage, alternative};
use super::{NOM_PLIE, NOM_RADICAL};

/// The two fields holding the same text, analyzed by `fr_plie` and `fr_radical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChampsTexte {
    /// Field analyzed by [`NOM_PLIE`] (indexed with positions, for phrase synonyms).
    pub plie: Field,
    /// Field analyzed by [`NOM_RADICAL`].
    pub radical: Field,
}

/// Why a text query could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnalyseError {
    /// The text has no word at all (empty, blanks or punctuation only).
    #[error("texte de recherche vide : aucun mot à chercher")]
    TexteVide,
    /// The index does not know one of the analyzers (call `analyse::enregistrer` first).
    #[error("analyseur {0} non enregistré sur l'index")]
    AnalyseurAbsent(&'static str),
    /// A field of [`ChampsTexte`] is not a text field of the index analyzed by the expected
    /// analyzer (the fields were swapped, or the schema is not the search's).
    #[error("le champ {champ:?} n'est pas un champ texte analysé par {attendu}")]
    ChampMalAnalyse {
        /// The offending field.
        champ: Field,
        /// The analyzer it should use.
        attendu: &'static str,
    },
}

/// Minimal length (in characters of the folded word) for typo tolerance.
pub const LONGUEUR_FLOUE: usize = 5;

/// Builds the query for `texte` over `champs` of `vocabulaire`'s index (see the module docs).
pub fn requete_texte(
    vocabulaire: &Vocabulaire,
    champs: ChampsTexte,
    texte: &str,
) -> Result<Box<dyn Query>, AnalyseError> {
    let index = vocabulaire.chercheur().index();
    for (champ, nom) in [(champs.plie, NOM_PLIE), (champs.radical, NOM_RADICAL)] {
        if index.tokenizers().get(nom).is_none() {
            return Err(AnalyseError::AnalyseurAbsent(nom));
        }
        if analyseur_du_champ(index, champ) != Some(nom) {
            return Err(AnalyseError::ChampMalAnalyse {
                champ,
                attendu: nom,
            });
        }
    }
    if !texte.chars().any(char::is_alphanumeric) {
        return Err(AnalyseError::TexteVide);
    }
    let mut analyse = AnalyseFr::default();
    let mots = analyse.mots(texte);
    let Some(dernier) = mots.len().checked_sub(1) else {
        return Ok(Box::new(EmptyQuery));
    };
    let conjonction: Vec<Box<dyn Query>> = mots
        .iter()
        .enumerate()
        .map(|(i, mot)| alternatives_mot(vocabulaire, &mut analyse, champs, mot, i == dernier))
        .collect();
    let mut alternatives: Vec<Box<dyn Query>> = vec![Box::new(Et(conjonction))];
    if mots.len() > 1 {
        alternatives.extend(synonymes(&mut analyse, champs, texte));
    }
    Ok(union(alternatives))
}

/// The analyzer name of `champ` in `index`'s schema, if it is an indexed text field.
fn analyseur_du_champ(index: &Index, champ: Field) -> Option<&str> {
    let schema = index.schema();
    let (_, entree) = schema.fields().find(|(f, _)| *f == champ)?;
    match entree.field_type() {
        FieldType::Str(options) => options
            .get_indexing_options()
            .map(|indexation| indexation.tokenizer())
            .and_then(|nom| [NOM_PLIE, NOM_RADICAL].into_iter().find(|n| *n == nom)),
        _ => None,
    }
}

/// The alternatives of one word, as one disjunction.
fn alternatives_mot(
    vocabulaire: &Vocabulaire,
    analyse: &mut AnalyseFr,
    champs: ChampsTexte,
    mot: &Mot,
    dernier: bool,
) -> Box<dyn Query> {
    let plie = Term::from_field_text(champs.plie, &mot.plie);
    let mut alternatives: Vec<Box<dyn Query>> = vec![
        terme(plie.clone()),
        terme(Term::from_field_text(champs.radical, &mot.radical)),
    ];
    if !mot.protege {
        if mot.plie.chars().count() >= LONGUEUR_FLOUE {
            alternatives.push(alternative(
                vocabulaire,
                champs.plie,
                &mot.plie,
                Voisinage::Faute,
            ));
        }
        if dernier {
            alternatives.push(alternative(
                vocabulaire,
                champs.plie,
                &mot.plie,
                Voisinage::Prefixe,
            ));
        }
    }
    alternatives.extend(synonymes(analyse, champs, &mot.plie));
    union(alternatives)
}

/// One query per other term of the synonym group of `terme` (empty without a group).
fn synonymes(analyse: &mut AnalyseFr, champs: ChampsTexte, terme: &str) -> Vec<Box<dyn Query>> {
    let soi: Vec<String> = analyse.mots(terme).into_iter().map(|m| m.plie).collect();
    let mut requetes = Vec::new();
    for synonyme in Synonymes::get().groupe(terme) {
        let mots = analyse.mots(synonyme);
        if mots.iter().map(|m| &m.plie).eq(soi.iter()) {
            continue;
        }
        match mots.as_slice() {
            [] => {}
            [mot] => {
                requetes.push(terme_query(champs.plie, &mot.plie));
                requetes.push(terme_query(champs.radical, &mot.radical));
            }
            _ => requetes.push(Box::new(PhraseQuery::new(
                mots.iter()
                    .map(|m| Term::from_field_text(champs.plie, &m.plie))
                    .collect(),
            ))),
        }
    }
    requetes
}

fn terme_query(champ: Field, texte: &str) -> Box<dyn Query> {
    terme(Term::from_field_text(champ, texte))
}

fn terme(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn union(mut requetes: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if requetes.len() == 1 {
        requetes.remove(0)
    } else {
        Box::new(Ou(requetes))
    }
}
