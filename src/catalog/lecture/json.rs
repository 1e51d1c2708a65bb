//! JSON array and JSON Lines readers.

use std::fmt;
use std::io::BufRead;
use std::path::Path;

use serde::Deserializer;
use serde::de::{DeserializeOwned, SeqAccess, Visitor};

use super::{EnregistrementIllisible, LectureError, Position, decoder};

/// Reads a JSON array element by element (never the whole array at once).
pub(super) fn lire_tableau<R, T, F>(
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
    struct Elements<'a, T, F> {
        nom: &'a str,
        visite: &'a mut F,
        marker: std::marker::PhantomData<T>,
    }

    impl<'de, T, F> Visitor<'de> for Elements<'_, T, F>
    where
        T: DeserializeOwned,
        F: FnMut(Position, Result<T, EnregistrementIllisible>),
    {
        type Value = u64;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("un tableau JSON d'objets")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<u64, A::Error> {
            let mut index = 0u64;
            while let Some(value) = seq.next_element::<serde_json::Value>()? {
                let position = Position {
                    fichier: self.nom.to_owned(),
                    ligne: None,
                    index,
                };
                (self.visite)(position, decoder(value));
                index += 1;
            }
            Ok(index)
        }
    }

    let mut de = serde_json::Deserializer::from_reader(reader);
    let visitor = Elements {
        nom,
        visite,
        marker: std::marker::PhantomData,
    };
    let count = de
        .deserialize_seq(visitor)
        .and_then(|n| de.end().map(|()| n))
        .map_err(|e| LectureError::JsonInvalide {
            chemin: path.into(),
            detail: e.to_string(),
        })?;
    Ok(count)
}

/// Reads one JSON object per line; blank lines are skipped, a bad line is a bad record.
pub(super) fn lire_lignes<R, T, F>(
    mut reader: R,
    path: &Path,
    nom: &str,
    visite: &mut F,
) -> Result<u64, LectureError>
where
    R: BufRead,
    T: DeserializeOwned,
    F: FnMut(Position, Result<T, EnregistrementIllisible>),
{
    let mut line = Vec::new();
    let mut numero = 0u64;
    let mut index = 0u64;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|source| LectureError::Io {
                chemin: path.into(),
                source,
            })?;
        if n == 0 {
            break;
        }
        numero += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let position = Position {
            fichier: nom.to_owned(),
            ligne: Some(numero),
            index,
        };
        index += 1;
        let record = match std::str::from_utf8(&line) {
            Err(e) => Err(EnregistrementIllisible {
                id: None,
                champ: None,
                detail: format!("UTF-8 invalide à l'octet {}", e.valid_up_to()),
            }),
            Ok(text) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(value) => decoder(value),
                Err(e) => Err(EnregistrementIllisible {
                    id: None,
                    champ: None,
                    detail: format!("JSON invalide : {e}"),
                }),
            },
        };
        visite(position, record);
    }
    Ok(index)
}
