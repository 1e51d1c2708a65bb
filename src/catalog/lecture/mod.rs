//! Streaming readers for a data·inclusion export: JSON arrays, JSON Lines and CSV.
//!
//! Each reader hands records one at a time to a callback, with their [`Position`], so a catalog of
//! 300,000 services is never held twice in memory. A record that cannot be decoded (wrong type,
//! invalid UTF-8 in a line…) is passed to the callback as an error and reading goes on; only a
//! file that cannot be read at all (missing, not JSON, truncated array) is a fatal [`LectureError`].

mod csv_export;
mod json;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use thiserror::Error;

/// The format of one export file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A JSON array of objects (`.json`).
    Json,
    /// One JSON object per line (`.jsonl`).
    JsonLines,
    /// The CSV export with data·inclusion column names (`.csv`).
    Csv,
}

impl Format {
    /// The format of `path`, from its extension.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where a record stands in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Position {
    /// File name (without directory).
    pub fichier: String,
    /// 1-based line, when the format has lines (JSON Lines, CSV).
    pub ligne: Option<u64>,
    /// 0-based index of the record in the file.
    pub index: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ligne {
            Some(l) => write!(f, "{}:{}", self.fichier, l),
            None => write!(f, "{}[{}]", self.fichier, self.index),
        }
    }
}

/// A file that cannot be read at all.
#[derive(Debug, Error)]
pub enum LectureError {
    /// The file could not be opened or read.
    #[error("{chemin} : lecture impossible : {source}")]
    Io {
        /// The file.
        chemin: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a JSON array (or is truncated, or not UTF-8).
    #[error("{chemin} : JSON invalide : {detail}")]
    JsonInvalide {
        /// The file.
        chemin: PathBuf,
        /// What serde_json said, with line and column.
        detail: String,
    },
    /// The CSV header or structure is unusable.
    #[error("{chemin} : CSV invalide : {detail}")]
    CsvInvalide {
        /// The file.
        chemin: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The extension is not one of json, jsonl, csv.
    #[error("{chemin} : format inconnu (extensions acceptées : .json, .jsonl, .csv)")]
    FormatInconnu {
        /// The file.
        chemin: PathBuf,
    },
}

/// A record that could not be decoded; reading goes on.
#[derive(Debug, Clone, PartialEq)]
pub struct EnregistrementIllisible {
    /// The record's `id`, when it could still be read.
    pub id: Option<String>,
    /// The field at fault, when known.
    pub champ: Option<String>,
    /// What is wrong, in French.
    pub detail: String,
}

/// Reads every record of `path` (format from the extension), calling `visite` for each.
pub fn lire<T, F>(path: &Path, mut visite: F) -> Result<u64, LectureError>
where
    T: DeserializeOwned,
    F: FnMut(Position, Result<T, EnregistrementIllisible>),
{
    let format = Format::of(path).ok_or_else(|| LectureError::FormatInconnu {
        chemin: path.into(),
    })?;
    let file = File::open(path).map_err(|source| LectureError::Io {
        chemin: path.into(),
        source,
    })?;
    let nom = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let reader =
        sans_bom(BufReader::with_capacity(1 << 16, file)).map_err(|source| LectureError::Io {
            chemin: path.into(),
            source,
        })?;
    match format {
        Format::Json => json::lire_tableau(reader, path, &nom, &mut visite),
        Format::JsonLines => json::lire_lignes(reader, path, &nom, &mut visite),
        Format::Csv => csv_export::lire(reader, path, &nom, &mut visite),
    }
}

/// Skips a UTF-8 byte-order mark at the start of the stream.
fn sans_bom<R: BufRead>(mut reader: R) -> std::io::Result<R> {
    let buf = reader.fill_buf()?;
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        reader.consume(3);
    }
    Ok(reader)
}

/// Decodes one JSON value into `T`, explaining failures in French and keeping the `id` if it can.
fn decoder<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, EnregistrementIllisible> {
    let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
    if !value.is_object() {
        return Err(EnregistrementIllisible {
            id: None,
            champ: None,
            detail: format!("un objet JSON est attendu, pas {}", genre_json(&value)),
        });
    }
    serde_path_to_error_light(value).map_err(|(champ, detail)| EnregistrementIllisible {
        id,
        champ,
        detail,
    })
}

/// serde_json errors do not name the field for `from_value`; find it by decoding field by field.
fn serde_path_to_error_light<T: DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, (Option<String>, String)> {
    match T::deserialize(&value) {
        Ok(t) => Ok(t),
        Err(e) => {
            let mut champ = None;
            if let serde_json::Value::Object(map) = &value {
                for (k, v) in map {
                    let mut probe = serde_json::Map::new();
                    probe.insert(k.clone(), v.clone());
                    if T::deserialize(&serde_json::Value::Object(probe)).is_err() {
                        champ = Some(k.clone());
                        break;
                    }
                }
            }
            let detail = match &champ {
                Some(c) => format!("champ « {c} » : {}", traduire(&e.to_string())),
                None => traduire(&e.to_string()),
            };
            Err((champ, detail))
        }
    }
}

fn genre_json(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "un booléen",
        serde_json::Value::Number(_) => "un nombre",
        serde_json::Value::String(_) => "une chaîne",
        serde_json::Value::Array(_) => "un tableau",
        serde_json::Value::Object(_) => "un objet",
    }
}

/// Turns serde's English type errors into French.
fn traduire(message: &str) -> String {
    message
        .replace("invalid type: ", "type invalide : ")
        .replace(", expected ", ", attendu : ")
        .replace("a sequence", "une liste")
        .replace("a string", "une chaîne")
        .replace("string", "chaîne")
        .replace("integer", "entier")
        .replace("floating point", "nombre")
        .replace("map", "objet")
}

#[cfg(test)]
mod tests;
