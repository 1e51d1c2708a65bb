//! French full-text analysis (DESIGN.md §3 "French text"): the two tantivy analyzers, the
//! synonyms and the text query builder.
//!
//! Every indexed text goes into two fields: one analyzed by [`NOM_PLIE`] (folded, unstemmed: exact
//! words, typos, prefixes) and one by [`NOM_RADICAL`] (folded and stemmed: `emplois` ~ `emploi`).
//! Both share the same word analysis ([`AnalyseFr`]): split on non-alphanumeric characters,
//! elisions dropped, accents and case folded, custom stop words, protected acronyms.
//! One concept per file: [`sigles`], [`mots_vides`], [`elisions`], [`analyseur`], [`synonymes`],
//! [`requete`].

pub mod analyseur;
pub mod elisions;
pub mod mots_vides;
pub mod requete;
pub mod sigles;
pub mod synonymes;

#[cfg(test)]
mod tests;

use tantivy::Index;

pub use analyseur::{AnalyseFr, Mot, TokenizerFr};
pub use requete::{AnalyseError, ChampsTexte, requete_texte};
pub use synonymes::Synonymes;

/// Name of the folded, unstemmed analyzer on an index's `TokenizerManager`.
pub const NOM_PLIE: &str = "fr_plie";
/// Name of the folded and stemmed analyzer on an index's `TokenizerManager`.
pub const NOM_RADICAL: &str = "fr_radical";

/// Registers [`NOM_PLIE`] and [`NOM_RADICAL`] on `index` (to do before indexing or querying).
pub fn enregistrer(index: &Index) {
    let gestionnaire = index.tokenizers();
    gestionnaire.register(NOM_PLIE, TokenizerFr::new(false));
    gestionnaire.register(NOM_RADICAL, TokenizerFr::new(true));
}
