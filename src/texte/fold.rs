//! Accent- and case-insensitive folding of French text.
//!
//! `fold("Saint-Étienne-du-Rouvray")` is `"saint etienne du rouvray"`: Unicode canonical
//! decomposition, combining marks dropped, ligatures `œ`/`æ` expanded, letters lower-cased, every
//! run of other characters (hyphens, apostrophes, spaces, punctuation) collapsed to one space.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `text` into a new string (see the module docs).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folds `text`, appending to `out` (which is not cleared), so hot loops can reuse a buffer.
pub fn fold_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let expanded: &[char] = match c {
            'œ' | 'Œ' => &['o', 'e'],
            'æ' | 'Æ' => &['a', 'e'],
            'ß' => &['s', 's'],
            _ => &[],
        };
        if !expanded.is_empty() || c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            if expanded.is_empty() {
                out.extend(c.to_lowercase());
            } else {
                out.extend(expanded.iter());
            }
        } else {
            pending_space = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn strips_accents_case_and_punctuation() {
        assert_eq!(fold("Saint-Étienne-du-Rouvray"), "saint etienne du rouvray");
        assert_eq!(fold("  L'Haÿ-les-Roses "), "l hay les roses");
        assert_eq!(fold("ŒUVRE Cœur"), "oeuvre coeur");
        assert_eq!(fold("Ille-et-Vilaine"), fold("ille et vilaine"));
        assert_eq!(fold(""), "");
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn keeps_digits() {
        assert_eq!(
            fold("Marseille 1er Arrondissement"),
            "marseille 1er arrondissement"
        );
    }
}
