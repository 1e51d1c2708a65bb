use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;
use crate::catalog::validation::{OptionsChargement, charger};
use crate::territoire::Territoires;

/// The bundled demo catalogue and its text index, built once for the module.
fn demo() -> &'static (Catalogue, IndexTexte) {
    static DEMO: OnceLock<(Catalogue, IndexTexte)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dossier = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/demo");
        let options = OptionsChargement {
            aujourdhui: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
        };
        let (catalogue, _) =
            charger(&dossier, Territoires::embarques(), &options).expect("demo catalogue");
        let index = IndexTexte::en_memoire(&catalogue).expect("text index");
        (catalogue, index)
    })
}

const TEXTES: [&str; 6] = [
    "accompagnement",
    "permis de conduire",
    "garage solidaire",
    "hébergement d'urgence",
    "RQTH",
    "atelier numérique",
];

/// Scores equal up to the order of the f32 sum of several terms.
fn proches(a: f32, b: f32) -> bool {
    (a - b).abs() <= 1e-5 * a.abs().max(b.abs())
}

fn matches(c: &Correspondances) -> Vec<(u32, f32)> {
    c.services()
        .map(|s| (s, c.score(s).unwrap_or(f32::NAN)))
        .collect()
}

#[test]
fn searching_among_every_service_finds_what_the_full_search_finds() {
    let (catalogue, index) = demo();
    for texte in TEXTES {
        let tout = index.chercher(texte).expect("search");
        assert!(!tout.is_empty(), "{texte}: the demo catalogue has matches");
        let parmi = index
            .chercher_parmi(texte, 0..catalogue.services.len() as u32)
            .expect("search among");
        let (a, b) = (matches(&tout), matches(&parmi));
        assert_eq!(a.len(), b.len(), "{texte}");
        assert_eq!(tout.len(), parmi.len(), "{texte}");
        for ((sa, xa), (sb, xb)) in a.iter().zip(&b) {
            assert_eq!(sa, sb, "{texte}");
            assert!(
                proches(*xa, *xb),
                "{texte}: service {sa} scored {xa} and {xb}"
            );
        }
    }
}

#[test]
fn a_bad_text_is_refused_as_by_the_full_search() {
    let (_, index) = demo();
    assert!(matches!(
        index.chercher_parmi(" ,; ", [0, 1, 2]),
        Err(TexteError::Analyse(AnalyseError::TexteVide))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Among any candidates, exactly the candidates the full search finds, with its scores.
    #[test]
    fn searching_among_candidates_is_the_full_search_restricted_to_them(
        texte in 0..TEXTES.len(),
        candidats in proptest::collection::vec(0u32..4_000, 0..600),
    ) {
        let (catalogue, index) = demo();
        let n = catalogue.services.len() as u32;
        let candidats: Vec<u32> = candidats.into_iter().filter(|&c| c < n).collect();
        let tout = index.chercher(TEXTES[texte]).expect("search");
        let parmi = index.chercher_parmi(TEXTES[texte], candidats.iter().copied()).expect("among");
        let mut attendus: Vec<u32> = candidats.iter().copied().filter(|&c| tout.score(c).is_some()).collect();
        attendus.sort_unstable();
        attendus.dedup();
        prop_assert_eq!(parmi.services().collect::<Vec<_>>(), attendus.clone());
        prop_assert_eq!(parmi.len(), attendus.len());
        for s in attendus {
            let (a, b) = (tout.score(s).unwrap_or(f32::NAN), parmi.score(s).unwrap_or(f32::NAN));
            prop_assert!(proches(a, b), "service {} scored {} and {}", s, a, b);
        }
    }
}
