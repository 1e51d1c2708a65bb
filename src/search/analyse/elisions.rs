//! French elisions: the article, pronoun or conjunction glued to the next word by an apostrophe
//! (`l'hébergement`, `d'urgence`, `jusqu'à`, with `'` or `’`), dropped before any other step.

/// The elided forms, folded, without their apostrophe.
pub const ELISIONS: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "s", "t",
];

/// The apostrophes that mark an elision: ASCII `'` and typographic `’`.
pub const APOSTROPHES: &[char] = &['\'', '’'];

/// Whether the folded word `mot`, immediately followed in the text by `suivant`, is an elision.
pub fn est_elision(mot: &str, suivant: Option<char>) -> bool {
    suivant.is_some_and(|c| APOSTROPHES.contains(&c)) && ELISIONS.contains(&mot)
}

#[cfg(test)]
mod tests {
    use super::est_elision;

    #[test]
    fn needs_the_apostrophe() {
        assert!(est_elision("l", Some('\'')));
        assert!(est_elision("jusqu", Some('’')));
        assert!(!est_elision("l", Some(' ')));
        assert!(!est_elision("l", None));
        assert!(!est_elision("aujourd", Some('\'')));
    }
}
