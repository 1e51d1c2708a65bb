//! The embedded assets of the interface (`src/ui/assets/`), by file name, with their content
//! type and a validator computed from their bytes.

/// One embedded file.
#[derive(Debug)]
pub struct Actif {
    /// File name, as in `/ui/{nom}`.
    pub nom: &'static str,
    /// `Content-Type`.
    pub type_mime: &'static str,
    /// Bytes.
    pub contenu: &'static [u8],
    /// Strong `ETag` (FNV-1a of the bytes, computed at compile time).
    pub etag: &'static str,
}

/// FNV-1a 64 of `octets`.
const fn fnv(octets: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < octets.len() {
        h ^= octets[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// `"` + 16 hex digits + `"`.
const fn etiquette(octets: &[u8]) -> [u8; 18] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let h = fnv(octets);
    let mut e = [b'"'; 18];
    let mut i = 0;
    while i < 16 {
        e[1 + i] = HEX[((h >> (60 - 4 * i)) & 0xf) as usize];
        i += 1;
    }
    e
}

macro_rules! actifs {
    ($($nom:literal => $mime:literal),* $(,)?) => {
        /// Every embedded asset.
        pub static ACTIFS: &[Actif] = &[$(
            Actif {
                nom: $nom,
                type_mime: $mime,
                contenu: include_bytes!(concat!("assets/", $nom)),
                etag: {
                    const E: [u8; 18] = etiquette(include_bytes!(concat!("assets/", $nom)));
                    match std::str::from_utf8(&E) {
                        Ok(s) => s,
                        Err(_) => "\"0\"",
                    }
                },
            },
        )*];
    };
}

actifs! {
    "index.html" => "text/html; charset=utf-8",
    "carte.html" => "text/html; charset=utf-8",
    "service.html" => "text/html; charset=utf-8",
    "app.css" => "text/css; charset=utf-8",
    "commun.js" => "text/javascript; charset=utf-8",
    "recherche.js" => "text/javascript; charset=utf-8",
    "carte.js" => "text/javascript; charset=utf-8",
    "carte-dessin.js" => "text/javascript; charset=utf-8",
    "service.js" => "text/javascript; charset=utf-8",
}

/// The asset named `nom`.
pub fn actif(nom: &str) -> Option<&'static Actif> {
    ACTIFS.iter().find(|a| a.nom == nom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chaque_actif_a_un_etag_et_un_contenu() {
        for a in ACTIFS {
            assert!(!a.contenu.is_empty(), "{}", a.nom);
            assert_eq!(a.etag.len(), 18, "{}", a.nom);
        }
        assert!(actif("index.html").is_some());
        assert!(actif("../Cargo.toml").is_none());
    }
}
