//! Checksums: of a catalog export (the two files the loader reads) and of the territorial
//! referential (whose commune order gives the [`crate::territoire::CommuneId`]s a snapshot stores).

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{IndexError, io};
use crate::catalog::validation::fichier_de;
use crate::territoire::Territoires;

/// SHA-256 (hex) of the catalog files in `dossier`: the structures then the services file, each
/// preceded by its name.
pub fn empreinte_catalogue(dossier: &Path) -> Result<String, IndexError> {
    let mut h = Sha256::new();
    for nom in ["structures", "services"] {
        let chemin = fichier_de(dossier, nom)?;
        let mut fichier = std::fs::File::open(&chemin).map_err(io(&chemin))?;
        h.update(
            chemin
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
                .as_bytes(),
        );
        h.update([0]);
        let mut tampon = vec![0u8; 1 << 20];
        loop {
            let n = fichier.read(&mut tampon).map_err(io(&chemin))?;
            if n == 0 {
                break;
            }
            h.update(&tampon[..n]);
        }
    }
    Ok(hex(&h.finalize()))
}

/// SHA-256 (hex, 16 characters) of the territories' commune codes in id order, plus the counts of
/// the other levels.
pub fn empreinte_territoires(territoires: &Territoires) -> String {
    let mut h = Sha256::new();
    for c in territoires.communes() {
        h.update(c.code.as_str().as_bytes());
        h.update([0]);
    }
    for n in [
        territoires.epcis().len(),
        territoires.departements().len(),
        territoires.regions().len(),
    ] {
        h.update((n as u64).to_le_bytes());
    }
    hex(&h.finalize()[..8])
}

fn hex(octets: &[u8]) -> String {
    octets.iter().map(|b| format!("{b:02x}")).collect()
}
