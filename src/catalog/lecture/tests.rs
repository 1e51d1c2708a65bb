use std::io::Write;
use std::path::PathBuf;

use super::*;
use crate::catalog::brut::ServiceBrut;

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    let mut f = std::fs::File::create(&path).expect("create");
    f.write_all(bytes).expect("write");
    path
}

type Lu = Vec<(Position, Result<ServiceBrut, EnregistrementIllisible>)>;

fn read(path: &Path) -> Result<Lu, LectureError> {
    let mut out = Vec::new();
    lire::<ServiceBrut, _>(path, |p, r| out.push((p, r)))?;
    Ok(out)
}

#[test]
fn json_array_streams_records_and_isolates_bad_ones() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = file(
        &dir,
        "services.json",
        "\u{feff}[{\"id\":\"a\",\"nom\":\"Atelier\"}, 3, {\"id\":\"b\",\"latitude\":\"nord\"}]"
            .as_bytes(),
    );
    let out = read(&p).expect("readable");
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].1.as_ref().expect("ok").id.as_deref(), Some("a"));
    let bad = out[1].1.as_ref().expect_err("number");
    assert!(bad.detail.contains("objet JSON"), "{}", bad.detail);
    let bad = out[2].1.as_ref().expect_err("wrong type");
    assert_eq!(bad.id.as_deref(), Some("b"));
    assert_eq!(bad.champ.as_deref(), Some("latitude"));
    assert_eq!(out[2].0.to_string(), "services.json[2]");
}

#[test]
fn truncated_or_non_json_is_fatal_with_a_message() {
    let dir = tempfile::tempdir().expect("tmp");
    for (name, content) in [
        ("services.json", &b"[{\"id\":\"a\"}, {\"id\":"[..]),
        ("services.json", b"not json"),
        ("services.json", b""),
        ("services.json", b"{\"id\":\"a\"}"),
        ("services.json", b"[\"\xff\"]"),
    ] {
        let p = file(&dir, name, content);
        let err = read(&p).expect_err("fatal");
        assert!(err.to_string().contains("JSON invalide"), "{err}");
    }
}

#[test]
fn json_lines_skip_blank_lines_and_report_line_numbers() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = file(
        &dir,
        "services.jsonl",
        b"{\"id\":\"a\"}\r\n\n{\"id\":\n\xff\xfe\n{\"id\":\"d\",\"thematiques\":[\"x\"]}",
    );
    let out = read(&p).expect("readable");
    assert_eq!(out.len(), 4);
    assert_eq!(out[0].0.ligne, Some(1));
    assert!(out[1].1.is_err());
    assert_eq!(out[1].0.ligne, Some(3));
    assert!(
        out[2]
            .1
            .as_ref()
            .expect_err("utf8")
            .detail
            .contains("UTF-8")
    );
    assert_eq!(
        out[3].1.as_ref().expect("ok").thematiques.as_deref(),
        Some(&["x".to_owned()][..])
    );
}

#[test]
fn csv_lists_numbers_crlf_and_bad_rows() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = file(
        &dir,
        "services.csv",
        b"id,nom,thematiques,latitude,nombre_semaines,zone_eligibilite\r\n\
a,Atelier,\"[\"\"mobilite--preparer-un-permis\"\"]\",50.1,3,59\r\n\
b,Garage,\"{mobilite--acceder-a-un-vehicule,mobilite--financer-ma-mobilite}\",\"50,2\",,59;62\r\n\
c,Bad,,nord,,\r\n\
d,Short\r\n",
    );
    let out = read(&p).expect("readable");
    assert_eq!(out.len(), 4);
    let a = out[0].1.as_ref().expect("a");
    assert_eq!(a.thematiques.as_ref().map(Vec::len), Some(1));
    assert_eq!(a.latitude, Some(50.1));
    assert_eq!(a.nombre_semaines, Some(3));
    let b = out[1].1.as_ref().expect("b");
    assert_eq!(b.thematiques.as_ref().map(Vec::len), Some(2));
    assert_eq!(b.latitude, Some(50.2));
    assert_eq!(b.zone_eligibilite.as_ref().map(Vec::len), Some(2));
    let c = out[2].1.as_ref().expect_err("c");
    assert_eq!(c.champ.as_deref(), Some("latitude"));
    assert_eq!(c.id.as_deref(), Some("c"));
    assert!(
        out[3]
            .1
            .as_ref()
            .expect_err("d")
            .detail
            .contains("colonnes")
    );
    let lignes: Vec<_> = out.iter().map(|(p, _)| p.ligne).collect();
    assert_eq!(lignes, [Some(2), Some(3), Some(4), Some(5)]);
}

#[test]
fn csv_without_id_column_and_unknown_extension_are_fatal() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = file(&dir, "services.csv", b"nom\nx\n");
    assert!(read(&p).expect_err("no id").to_string().contains("id"));
    let p = file(&dir, "services.xml", b"<x/>");
    assert!(matches!(read(&p), Err(LectureError::FormatInconnu { .. })));
    let missing = dir.path().join("absent.json");
    assert!(matches!(read(&missing), Err(LectureError::Io { .. })));
}
