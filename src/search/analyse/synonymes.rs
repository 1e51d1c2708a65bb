//! Synonyms of the full-text search, from `catalog/referentiels/synonymes.txt` (embedded).
//!
//! One group per line, comma-separated terms, `#` comments, blank lines ignored. A term may have
//! several words (`logement d'urgence`). Lookup is by the term's analyzed folded words
//! ([`super::AnalyseFr`], `plie` forms joined by one space), so `Hébergement`, `hebergement` and
//! `l'hébergement` all find the same group. A term in several groups belongs to the first.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyseur::AnalyseFr;

/// The embedded synonyms file.
const SOURCE: &str = include_str!("../../../catalog/referentiels/synonymes.txt");

/// The parsed synonym groups.
#[derive(Debug)]
pub struct Synonymes {
    groupes: Vec<Vec<String>>,
    index: HashMap<String, usize>,
}

impl Synonymes {
    /// The groups of the embedded file, parsed once.
    pub fn get() -> &'static Synonymes {
        static SYNONYMES: OnceLock<Synonymes> = OnceLock::new();
        SYNONYMES.get_or_init(|| Synonymes::analyser(SOURCE))
    }

    /// Parses a synonyms file (see the module docs).
    pub fn analyser(source: &str) -> Synonymes {
        let mut analyse = AnalyseFr::default();
        let mut synonymes = Synonymes {
            groupes: Vec::new(),
            index: HashMap::new(),
        };
        for ligne in source.lines() {
            let ligne = ligne.split('#').next().unwrap_or_default();
            let groupe: Vec<String> = ligne
                .split(',')
                .map(str::trim)
                .filter(|terme| !terme.is_empty())
                .map(str::to_owned)
                .collect();
            if groupe.len() < 2 {
                continue;
            }
            let numero = synonymes.groupes.len();
            for terme in &groupe {
                let cle = cle(&mut analyse, terme);
                if !cle.is_empty() {
                    synonymes.index.entry(cle).or_insert(numero);
                }
            }
            synonymes.groupes.push(groupe);
        }
        synonymes
    }

    /// The group of `terme` (itself included, as written in the file), or an empty slice.
    pub fn groupe(&self, terme: &str) -> &[String] {
        self.index
            .get(&cle(&mut AnalyseFr::default(), terme))
            .map_or(&[], |&numero| &self.groupes[numero])
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groupes.len()
    }

    /// Whether there is no group.
    pub fn is_empty(&self) -> bool {
        self.groupes.is_empty()
    }
}

/// The lookup key of a term: its analyzed folded words joined by one space.
fn cle(analyse: &mut AnalyseFr, terme: &str) -> String {
    let mots: Vec<String> = analyse.mots(terme).into_iter().map(|m| m.plie).collect();
    mots.join(" ")
}

#[cfg(test)]
mod tests {
    use super::Synonymes;

    #[test]
    fn embedded_file_parses_and_folds() {
        let synonymes = Synonymes::get();
        assert!(synonymes.len() >= 20);
        assert!(synonymes.groupe("auto-ecole").iter().any(|t| t == "permis"));
        assert!(synonymes.groupe("L'HÉBERGEMENT").iter().any(|t| t == "115"));
        assert!(
            synonymes
                .groupe("Mise à l’abri")
                .iter()
                .any(|t| t == "hébergement")
        );
        assert!(synonymes.groupe("inconnu").is_empty());
    }

    #[test]
    fn comments_and_single_terms_skipped() {
        let synonymes = Synonymes::analyser("# commentaire\n\nseul\nxa, xb # fin\n");
        assert_eq!(synonymes.len(), 1);
        assert_eq!(synonymes.groupe("XB"), ["xa", "xb"]);
    }
}
