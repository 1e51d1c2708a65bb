//! Property tests: whatever bytes a catalog file holds, loading answers a clear error or rejected
//! records — never a panic — and the totals reconcile.

use maillage::catalog::validation::charger;
use maillage::territoire::Territoires;
use proptest::prelude::*;

use crate::common::options;

const VALIDE: &str = r#"{"id":"sv1","source":"dora","structure_id":"s1","nom":"Atelier CV","description":"Atelier pour écrire son CV.","date_maj":"2026-10-01","thematiques":["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"]}"#;
const STRUCTURE: &str =
    r#"[{"id":"s1","source":"dora","nom":"Structure","date_maj":"2026-09-01"}]"#;

fn load(
    services_name: &str,
    services: &[u8],
) -> Result<maillage::catalog::validation::Rapport, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("structures.json"), STRUCTURE).map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join(services_name), services).map_err(|e| e.to_string())?;
    charger(dir.path(), Territoires::embarques(), &options())
        .map(|(_, rapport)| rapport)
        .map_err(|e| e.to_string())
}

proptest! {
    // Failing seeds are kept beside this file (tests/loaders_fuzz.regressions), not in a
    // top-level folder.
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn truncated_json_lines_never_panic(cut in 0usize..VALIDE.len(), crlf in any::<bool>(), bom in any::<bool>()) {
        let mut bytes = Vec::new();
        if bom { bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]); }
        let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        bytes.extend_from_slice(VALIDE.as_bytes());
        bytes.extend_from_slice(eol);
        bytes.extend_from_slice(&VALIDE.as_bytes()[..cut]);
        let rapport = load("services.jsonl", &bytes).expect("JSON Lines never fatal");
        prop_assert!(rapport.reconcilie());
        prop_assert_eq!(rapport.fichiers[1].acceptes, 1);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in 0usize..3) {
        let name = ["services.json", "services.jsonl", "services.csv"][ext];
        if let Ok(rapport) = load(name, &bytes) {
            prop_assert!(rapport.reconcilie());
        }
    }

    #[test]
    fn wrong_types_and_huge_strings_are_rejected_records(field in "[a-z_]{2,12}", len in 0usize..20_000) {
        let huge = "é".repeat(len);
        let line = format!(r#"{{"id":"x","source":"s","structure_id":"s1","nom":"{huge}","description":"{huge}","date_maj":"2026-10-01","{field}":[1,{{}}]}}"#);
        let rapport = load("services.jsonl", line.as_bytes()).expect("never fatal");
        prop_assert!(rapport.reconcilie());
        prop_assert_eq!(rapport.fichiers[1].lus, 1);
    }

    #[test]
    fn truncated_json_array_is_a_clear_fatal_error(cut in 1usize..VALIDE.len()) {
        let mut bytes = b"[".to_vec();
        bytes.extend_from_slice(&VALIDE.as_bytes()[..cut]);
        let err = load("services.json", &bytes).expect_err("truncated");
        prop_assert!(err.contains("JSON invalide"), "{}", err);
    }
}

#[test]
fn empty_files() {
    assert!(
        load("services.json", b"")
            .expect_err("empty JSON")
            .contains("JSON invalide")
    );
    let r = load("services.jsonl", b"").expect("empty JSON Lines is zero records");
    assert_eq!(r.fichiers[1].lus, 0);
    assert!(load("services.csv", b"").is_err());
}
