//! The CSV export: data·inclusion column names, list fields written as the export writes them.
//!
//! List cells are accepted as a JSON array (`["a","b"]`), a PostgreSQL array (`{a,b}`), or codes
//! separated by `,`, `;` or `|`. Number cells are parsed as numbers; an unparsable number is left as
//! text so decoding rejects the record naming the field. Empty cells are absent values.

use std::io::BufRead;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{EnregistrementIllisible, LectureError, Position, decoder};

const CHAMPS_LISTES: &[&str] = &[
    "thematiques",
    "publics",
    "modes_accueil",
    "zone_eligibilite",
    "modes_mobilisation",
    "mobilisable_par",
    "reseaux_porteurs",
];
const CHAMPS_NOMBRES: &[&str] = &[
    "latitude",
    "longitude",
    "volume_horaire_hebdomadaire",
    "nombre_semaines",
];

/// Splits a list cell written in any of the accepted notations.
pub(crate) fn liste(cell: &str) -> Value {
    let cell = cell.trim();
    if cell.starts_with('[') {
        if let Ok(v @ Value::Array(_)) = serde_json::from_str::<Value>(cell) {
            return v;
        }
    }
    let inner = cell
        .strip_prefix('{')
        .and_then(|c| c.strip_suffix('}'))
        .unwrap_or(cell);
    let items = inner
        .split([',', ';', '|'])
        .map(|s| s.trim().trim_matches('"').trim())
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.to_owned()))
        .collect();
    Value::Array(items)
}

fn nombre(cell: &str) -> Value {
    let t = cell.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Value::from(i);
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(f) if f.is_finite() => Value::from(f),
        _ => Value::String(cell.to_owned()),
    }
}

/// Reads the CSV export record by record.
pub(super) fn lire<R, T, F>(
    reader: R,
    path: &Path,
    nom: &str,
    visite: &mut F,
) -> Result<u64, LectureError>
where
    R: BufRead,
    T: DeserializeOwned,
    F: FnMut(Position, Result<T, EnregistrementIllisible>),
{
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers: Vec<String> = csv
        .byte_headers()
        .map_err(|e| LectureError::CsvInvalide {
            chemin: path.into(),
            detail: e.to_string(),
        })?
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    if !headers.iter().any(|h| h == "id") {
        return Err(LectureError::CsvInvalide {
            chemin: path.into(),
            detail: "l'en-tête n'a pas de colonne « id »".into(),
        });
    }
    let mut record = csv::ByteRecord::new();
    let mut index = 0u64;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(LectureError::CsvInvalide {
                        chemin: path.into(),
                        detail: e.to_string(),
                    });
                }
                let ligne = e.position().map(|p| p.line() + 1);
                let position = Position {
                    fichier: nom.to_owned(),
                    ligne,
                    index,
                };
                index += 1;
                visite(
                    position,
                    Err(EnregistrementIllisible {
                        id: None,
                        champ: None,
                        detail: e.to_string(),
                    }),
                );
                continue;
            }
        }
        // The reader counts lines from the first record; the header is line 1 of the file.
        let ligne = record.position().map(|p| p.line() + 1);
        let position = Position {
            fichier: nom.to_owned(),
            ligne,
            index,
        };
        index += 1;
        if record.len() != headers.len() {
            let detail = format!(
                "{} colonnes au lieu des {} de l'en-tête",
                record.len(),
                headers.len()
            );
            visite(
                position,
                Err(EnregistrementIllisible {
                    id: None,
                    champ: None,
                    detail,
                }),
            );
            continue;
        }
        let mut map = Map::new();
        let mut erreur = None;
        for (header, cell) in headers.iter().zip(record.iter()) {
            let Ok(cell) = std::str::from_utf8(cell) else {
                erreur = Some(EnregistrementIllisible {
                    id: None,
                    champ: Some(header.clone()),
                    detail: format!("champ « {header} » : UTF-8 invalide"),
                });
                break;
            };
            if cell.trim().is_empty() {
                continue;
            }
            let value = if CHAMPS_LISTES.contains(&header.as_str()) {
                liste(cell)
            } else if CHAMPS_NOMBRES.contains(&header.as_str()) {
                nombre(cell)
            } else {
                Value::String(cell.to_owned())
            };
            map.insert(header.clone(), value);
        }
        let result = match erreur {
            Some(e) => Err(e),
            None => decoder(Value::Object(map)),
        };
        visite(position, result);
    }
    Ok(index)
}
