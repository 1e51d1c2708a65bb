//! The embedded assets of the interface (`src/ui/assets/`), by file name, with their content
//! type and a validator computed from their bytes.
//!
//! The three pages share one shell, `gabarit.html` (`<head>`, skip link, banner and navigation):
//! each page file holds only its own content, after a first line
//! `<!-- page : TITLE | SCRIPT | CURRENT PATH -->`, and is put into the shell once, on first use
//! ([`composer`], also used by the server-rendered search page).

use std::sync::LazyLock;

/// One embedded file.
#[derive(Debug, Clone, Copy)]
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
    "app.css" => "text/css; charset=utf-8",
    "commun.js" => "text/javascript; charset=utf-8",
    "recherche.js" => "text/javascript; charset=utf-8",
    "carte.js" => "text/javascript; charset=utf-8",
    "carte-dessin.js" => "text/javascript; charset=utf-8",
    "service.js" => "text/javascript; charset=utf-8",
}

/// The shell of every page.
const GABARIT: &str = include_str!("assets/gabarit.html");

/// The pages: file name and content (first line: the `page` comment).
const PAGES_SOURCES: [(&str, &str); 3] = [
    ("index.html", include_str!("assets/index.html")),
    ("carte.html", include_str!("assets/carte.html")),
    ("service.html", include_str!("assets/service.html")),
];

const HTML: &str = "text/html; charset=utf-8";

/// The page `corps` in the shell: `titre` in `<title>`, `script` (a module under `/ui/`) if any,
/// `courant` the path marked `aria-current="page"` in the navigation.
pub fn composer(titre: &str, script: Option<&str>, courant: &str, corps: &str) -> String {
    let script = script
        .map(|s| format!("<script type=\"module\" src=\"/ui/{s}\"></script>\n"))
        .unwrap_or_default();
    let mut page = GABARIT
        .replace("{titre}", titre)
        .replace("{script}", &script);
    for chemin in ["/carte", "/"] {
        let marque = format!("{{courant:{chemin}}}");
        let valeur = if chemin == courant {
            " aria-current=\"page\""
        } else {
            ""
        };
        page = page.replace(&marque, valeur);
    }
    page.replace("{corps}", corps)
}

/// A page file as (title, script, current path, content); the first line is
/// `<!-- page : TITLE | SCRIPT | CURRENT PATH -->`.
fn lire_page(source: &str) -> (&str, Option<&str>, &str, &str) {
    let (entete, corps) = source.split_once('\n').unwrap_or(("", source));
    let entete = entete
        .trim()
        .trim_start_matches("<!-- page :")
        .trim_end_matches("-->");
    let mut champs = entete.split('|').map(str::trim);
    let titre = champs.next().unwrap_or("maillage");
    let script = champs.next().filter(|s| !s.is_empty());
    let courant = champs.next().unwrap_or("");
    (titre, script, courant, corps)
}

/// A page put into the shell, with its validator.
struct Page {
    nom: &'static str,
    contenu: String,
    etag: String,
}

static PAGES: LazyLock<Vec<Page>> = LazyLock::new(|| {
    PAGES_SOURCES
        .iter()
        .map(|(nom, source)| {
            let (titre, script, courant, corps) = lire_page(source);
            // The search page's <noscript> holds the plain form (see `sans_js`).
            let corps = corps.replace(
                "{formulaire_sans_js}",
                &super::sans_js::formulaire(&super::sans_js::Saisie::default()),
            );
            let contenu = composer(titre, script, courant, &corps);
            let etag = String::from_utf8_lossy(&etiquette(contenu.as_bytes())).into_owned();
            Page { nom, contenu, etag }
        })
        .collect()
});

/// The asset named `nom` (a page or a file).
pub fn actif(nom: &str) -> Option<Actif> {
    if let Some(p) = PAGES.iter().find(|p| p.nom == nom) {
        return Some(Actif {
            nom: p.nom,
            type_mime: HTML,
            contenu: p.contenu.as_bytes(),
            etag: &p.etag,
        });
    }
    ACTIFS.iter().find(|a| a.nom == nom).copied()
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
        assert!(actif("gabarit.html").is_none());
    }

    #[test]
    fn chaque_page_est_mise_dans_le_gabarit() {
        for (nom, courant, script) in [
            ("index.html", "/", "recherche.js"),
            ("carte.html", "/carte", "carte.js"),
            ("service.html", "", "service.js"),
        ] {
            let a = actif(nom).expect("page");
            let t = std::str::from_utf8(a.contenu).expect("UTF-8");
            assert!(
                t.starts_with("<!doctype html>\n<html lang=\"fr\">"),
                "{nom}"
            );
            assert!(t.contains(&format!("src=\"/ui/{script}\"")), "{nom}");
            assert!(t.contains("— maillage</title>"), "{nom}");
            assert!(!t.contains("<!-- page"), "{nom}");
            assert!(!t.contains("{courant:"), "{nom}");
            assert!(t.contains("<main id=\"contenu\""), "{nom}");
            assert_eq!(
                t.matches("aria-current=\"page\"").count(),
                usize::from(!courant.is_empty()),
                "{nom}"
            );
            if !courant.is_empty() {
                assert!(
                    t.contains(&format!("href=\"{courant}\" aria-current=\"page\"")),
                    "{nom}"
                );
            }
            assert!(t.trim_end().ends_with("</html>"), "{nom}");
            assert_eq!(a.etag.len(), 18, "{nom}");
        }
    }
}
