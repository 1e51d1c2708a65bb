//! `maillage validate`: exit codes and JSON report.

use crate::common::{fixture, maillage};

#[test]
fn exit_codes_follow_the_contract() {
    let sale = fixture("catalogue_sale");
    let out = maillage(&[
        "validate",
        "--catalog",
        sale.to_str().unwrap_or_default(),
        "--aujourdhui",
        "2026-11-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("services.jsonl"), "{text}");

    let propre = fixture("catalogue_csv");
    let out = maillage(&[
        "validate",
        "--catalog",
        propre.to_str().unwrap_or_default(),
        "--json",
        "--aujourdhui",
        "2026-11-01",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["rapport"]["fichiers"][1]["acceptes"], 2);
    assert_eq!(json["familles"]["mobilite"], 2);

    let out = maillage(&["validate", "--catalog", "/nonexistent/catalog"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("erreur :"), "{err}");
}
