//! `maillage couverture` on the demo catalog: summary, GeoJSON file, exit codes, bad input.

use std::process::Command;

use crate::common::index_demo;

/// Runs `maillage` on the shared demo snapshot.
fn maillage(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_maillage"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .arg("--index")
        .arg(index_demo())
        .output()
        .expect("runs")
}

#[test]
fn nord_mobilite_summary_and_geojson() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("nord.geojson");
    let o = maillage(&[
        "couverture",
        "--catalog",
        "catalog/demo",
        "--territoire",
        "59",
        "--besoin",
        "mobilite",
        "--out",
        out.to_str().unwrap_or_default(),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(text.contains("Couverture — Nord (59)"), "{text}");
    assert!(text.contains("Mobilité"), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("file")).expect("GeoJSON");
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().expect("features");
    assert!(features.len() > 100, "{}", features.len());
    let synthese = &json["summary"]["besoins"][0]["synthese"];
    assert!(synthese["population"].as_u64().expect("population") > 2_000_000);
    let ring = &features[0]["geometry"]["coordinates"][0];
    assert_eq!(ring[0], ring[ring.as_array().expect("ring").len() - 1]);
}

#[test]
fn csv_to_stdout_summary_to_stderr() {
    let o = maillage(&[
        "couverture",
        "--territoire",
        "200093201",
        "--besoin",
        "mobilite",
        "--format",
        "csv",
        "--par-commune",
        "--out",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(
        csv.starts_with("besoin,code_commune,nom,population,"),
        "{csv}"
    );
    assert!(csv.contains(",59512,Roubaix,"), "{csv}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("Couverture — Métropole"));
}

#[test]
fn bad_input_is_named_with_allowed_values() {
    let cas: [(&[&str], &str); 5] = [
        (
            &["--territoire", "20", "--besoin", "mobilite"],
            "territoire",
        ),
        (
            &["--territoire", "59", "--besoin", "teleportation"],
            "« teleportation »",
        ),
        (
            &[
                "--territoire",
                "59",
                "--besoin",
                "mobilite",
                "--resolution",
                "12",
            ],
            "5 à 9",
        ),
        (
            &[
                "--territoire",
                "59",
                "--besoin",
                "mobilite",
                "--rayon-km",
                "500",
            ],
            "1 à 50 km",
        ),
        (
            &[
                "--territoire",
                "france",
                "--besoin",
                "mobilite",
                "--resolution",
                "9",
            ],
            "résolutions possibles pour ce territoire : 5 à 7",
        ),
    ];
    for (args, attendu) in cas {
        let mut tout = vec!["couverture"];
        tout.extend_from_slice(args);
        let o = maillage(&tout);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.starts_with("erreur :"), "{err}");
        assert!(err.contains(attendu), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
