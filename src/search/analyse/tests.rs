//! One test per French-text pitfall of DESIGN.md §3, on a tiny in-RAM index.

use std::collections::BTreeSet;

use tantivy::collector::DocSetCollector;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, TantivyDocument};

use super::{
    AnalyseError, AnalyseFr, ChampsTexte, NOM_PLIE, NOM_RADICAL, Vocabulaire, enregistrer,
    requete_texte,
};

const DOCUMENTS: &[&str] = &[
    "Association intermédiaire (AI) de Roubaix",
    "Le PLIE de Lille : parcours vers l'emploi",
    "Savoir plier le linge, un pli net",
    "Garage solidaire de Tourcoing",
    "Auto-école sociale",
    "Centre d'hébergement d'urgence",
    "Atelier adapté",
    "Aide à la recherche d'emploi",
];

fn options(analyseur: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyseur)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

fn index() -> (Index, ChampsTexte) {
    let mut schema = Schema::builder();
    let champs = ChampsTexte {
        plie: schema.add_text_field("texte_plie", options(NOM_PLIE)),
        radical: schema.add_text_field("texte_radical", options(NOM_RADICAL)),
    };
    let index = Index::create_in_ram(schema.build());
    enregistrer(&index);
    let mut ecrivain = index
        .writer_with_num_threads(1, 20_000_000)
        .expect("index writer");
    for texte in DOCUMENTS {
        let mut document = TantivyDocument::default();
        document.add_text(champs.plie, texte);
        document.add_text(champs.radical, texte);
        ecrivain.add_document(document).expect("add document");
    }
    ecrivain.commit().expect("commit");
    (index, champs)
}

/// Ids (positions in [`DOCUMENTS`]) of the documents matching `texte`.
fn trouves(texte: &str) -> BTreeSet<u32> {
    let (index, champs) = index();
    let vocabulaire = vocabulaire(&index);
    let requete = requete_texte(&vocabulaire, champs, texte).expect("query");
    vocabulaire
        .chercheur()
        .search(requete.as_ref(), &DocSetCollector)
        .expect("search")
        .into_iter()
        .map(|adresse| adresse.doc_id)
        .collect()
}

fn vocabulaire(index: &Index) -> Vocabulaire {
    Vocabulaire::new(index.reader().expect("reader").searcher())
}

fn ids(ids: &[u32]) -> BTreeSet<u32> {
    ids.iter().copied().collect()
}

#[test]
fn plural_finds_singular() {
    assert_eq!(trouves("emplois"), ids(&[1, 7]));
}

#[test]
fn acronym_ai_is_kept_and_found() {
    assert_eq!(trouves("AI"), ids(&[0]));
    let mots = AnalyseFr::default().mots("ai");
    assert_eq!(mots.len(), 1, "`ai` is not a stop word");
    assert_eq!(mots[0].plie, "ai");
}

#[test]
fn acronym_plie_is_not_the_verb() {
    assert_eq!(trouves("PLIE"), ids(&[1]));
    assert_eq!(trouves("le PLIE de Lille"), ids(&[1]));
}

#[test]
fn feminine_finds_masculine() {
    assert_eq!(trouves("adaptée"), ids(&[6]));
}

#[test]
fn elision_is_stripped() {
    assert_eq!(trouves("d'hébergement"), ids(&[5]));
    assert_eq!(trouves("d’hébergement"), ids(&[5]));
}

#[test]
fn typo_on_long_word() {
    assert_eq!(trouves("hebergment"), ids(&[5]));
}

#[test]
fn prefix_on_last_word() {
    assert_eq!(trouves("garag"), ids(&[3]));
    assert_eq!(trouves("garage solid"), ids(&[3]));
}

#[test]
fn synonym_finds_other_term() {
    assert_eq!(trouves("permis"), ids(&[4]));
    assert_eq!(trouves("mise à l'abri"), ids(&[5]));
}

#[test]
fn stop_word_alone_matches_nothing() {
    assert_eq!(trouves("le"), ids(&[]));
    assert_eq!(trouves("le garage"), ids(&[3]));
}

#[test]
fn empty_text_is_an_error() {
    let (index, champs) = index();
    for texte in ["", "   ", " ,; - "] {
        assert_eq!(
            requete_texte(&vocabulaire(&index), champs, texte).err(),
            Some(AnalyseError::TexteVide)
        );
    }
}

#[test]
fn analyzers_must_be_registered() {
    let mut schema = Schema::builder();
    let champs = ChampsTexte {
        plie: schema.add_text_field("p", options(NOM_PLIE)),
        radical: schema.add_text_field("r", options(NOM_RADICAL)),
    };
    let index = Index::create_in_ram(schema.build());
    assert_eq!(
        requete_texte(&vocabulaire(&index), champs, "emploi").err(),
        Some(AnalyseError::AnalyseurAbsent(NOM_PLIE))
    );
}

#[test]
fn words_combine_with_and() {
    assert_eq!(trouves("garage tourcoing"), ids(&[3]));
    assert_eq!(trouves("garage roubaix"), ids(&[]));
}

#[test]
fn swapped_fields_are_an_error() {
    let (index, champs) = index();
    let inverses = ChampsTexte {
        plie: champs.radical,
        radical: champs.plie,
    };
    assert_eq!(
        requete_texte(&vocabulaire(&index), inverses, "emploi").err(),
        Some(AnalyseError::ChampMalAnalyse {
            champ: champs.radical,
            attendu: NOM_PLIE
        })
    );
}
