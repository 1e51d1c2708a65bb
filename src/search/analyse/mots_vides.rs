//! French stop words: the one custom list, in folded form (no accents, lower case).
//!
//! Deliberately *not* tantivy's French list: `ai` (association intermédiaire, and the acronym
//! `AI` once lower-cased) and `est` (a cardinal point: « Lille-Est ») are kept, as are negations
//! and quantities that change the meaning of a need (`sans`, `pas`, `plus`). Elided forms (`l'`,
//! `d'`…) are handled by [`super::elisions`], not here. Protected acronyms are never stop words.

/// The stop words, folded (compare against [`crate::texte::fold`] output).
pub const MOTS_VIDES: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle",
    "elles", "en", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma",
    "mais", "me", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pour",
    "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu",
    "un", "une", "vos", "votre", "vous", "y",
];

/// Whether the folded word `mot` is a stop word.
pub fn est_mot_vide(mot: &str) -> bool {
    MOTS_VIDES.contains(&mot)
}

#[cfg(test)]
mod tests {
    use super::est_mot_vide;

    #[test]
    fn keeps_ai_and_est() {
        assert!(est_mot_vide("le"));
        assert!(est_mot_vide("a"));
        assert!(!est_mot_vide("ai"));
        assert!(!est_mot_vide("est"));
        assert!(!est_mot_vide("sans"));
    }
}
