//! French full-text analysis (DESIGN.md §3 "French text"): the two tantivy analyzers, the
//! synonyms and the text query builder.
//!
//! Every indexed text goes into two fields: one analyzed by [`NOM_PLIE`] (folded, unstemmed: exact
//! words, typos, prefixes) and one by [`NOM_RADICAL`] (folded and stemmed: `emplois` ~ `emploi`).
//! Both share the same word analysis ([`AnalyseFr`]): split on non-alphanumeric characters,
//! elisions dropped, accents and case folded, custom stop words, protected acronyms.
//! One concept per file: [`sigles`], [`mots_vides`], [`elisions`], [`analyseur`], [`synonymes`],
//! [`variantes`], [`combinaison`], [`requete`].

pub mod analyseur;
pub mod combinaison;
pub mod elisions;
pub mod mots_vides;
pub mod requete;
pub mod sigles;
pub mod synonymes;
pub mod variantes;

#[cfg(test)]
mod tests;

/// A small in-RAM index of one `TEXT` field holding `textes`, committed every `par_segment`
/// documents (one segment each), for the query tests.
#[cfg(test)]
fn index_d_essai(
    textes: impl IntoIterator<Item = String>,
    par_segment: usize,
) -> (Index, tantivy::schema::Field) {
    let mut schema = tantivy::schema::Schema::builder();
    let champ = schema.add_text_field("t", tantivy::schema::TEXT);
    let index = Index::create_in_ram(schema.build());
    let mut ecrivain = index
        .writer_with_num_threads(1, 20_000_000)
        .expect("writer");
    for (i, texte) in textes.into_iter().enumerate() {
        let mut d = tantivy::TantivyDocument::default();
        d.add_text(champ, texte);
        ecrivain.add_document(d).expect("add");
        if i % par_segment == par_segment - 1 {
            ecrivain.commit().expect("commit");
        }
    }
    ecrivain.commit().expect("commit");
    (index, champ)
}

use tantivy::Index;

pub use analyseur::{AnalyseFr, Mot, TokenizerFr};
pub use requete::{AnalyseError, ChampsTexte, requete_texte};
pub use synonymes::Synonymes;
pub use variantes::Vocabulaire;

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
