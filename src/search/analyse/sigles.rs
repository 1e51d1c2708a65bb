//! Protected acronyms: the one list of sigles that the analysis never stems nor drops.
//!
//! Many acronyms of the field collide with French words once lower-cased (`PLIE` and the verb
//! *plier*, `AI` and *avoir*, `PASS` and *passer*, `EST`…). A token written in UPPER CASE in the
//! source text (document or query) and listed here is only folded: its stemmed form is its folded
//! form, it is never a stop word, and the query builder matches it exactly (no typo tolerance, no
//! prefix). The same word written in lower case is an ordinary word.

/// The protected acronyms, in upper case (the form they must be written in to be protected).
pub const SIGLES_PROTEGES: &[&str] = &[
    "AAH", "ACI", "AI", "ASS", "CAF", "CCAS", "CEJ", "CHRS", "CHU", "CIAS", "CMP", "CPAM", "CSAPA",
    "EA", "EATT", "EI", "EITI", "ESAT", "ETTI", "FLE", "IAE", "MDPH", "ML", "PASS", "PLIE",
    "PMSMP", "QPV", "RQTH", "RSA", "SIAE", "SIAO",
];

/// Whether `mot` (one word as written in the source, before any folding) is a protected acronym:
/// written without any lower-case letter and listed in [`SIGLES_PROTEGES`].
pub fn est_sigle_protege(mot: &str) -> bool {
    !mot.chars().any(char::is_lowercase) && SIGLES_PROTEGES.contains(&mot)
}

#[cfg(test)]
mod tests {
    use super::{SIGLES_PROTEGES, est_sigle_protege};

    #[test]
    fn upper_case_only_and_no_duplicates() {
        assert!(est_sigle_protege("PLIE"));
        assert!(!est_sigle_protege("plie"));
        assert!(!est_sigle_protege("Plie"));
        assert!(!est_sigle_protege("LILLE"));
        let mut tries = SIGLES_PROTEGES.to_vec();
        tries.sort_unstable();
        tries.dedup();
        assert_eq!(tries.len(), SIGLES_PROTEGES.len());
    }
}
