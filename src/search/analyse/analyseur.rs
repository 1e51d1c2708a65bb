//! The French analysis itself, shared by indexing (as tantivy tokenizers) and by the query
//! builder (as a list of [`Mot`]s), so that both sides always agree.
//!
//! Steps, per word: split on every non-alphanumeric character; drop elisions
//! ([`super::elisions`]); fold accents and case ([`crate::texte::fold`]); drop stop words
//! ([`super::mots_vides`]) unless the word is a protected acronym ([`super::sigles`]); for the
//! stemmed form, apply tantivy's French [`Stemmer`] unless the word is a protected acronym.

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::elisions::est_elision;
use super::mots_vides::est_mot_vide;
use super::sigles::est_sigle_protege;
use crate::texte::fold;

/// One analyzed word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mot {
    /// Folded form (no accents, lower case): the `fr_plie` token.
    pub plie: String,
    /// Folded then stemmed form (equal to `plie` for a protected acronym): the `fr_radical` token.
    pub radical: String,
    /// Whether the word was a protected acronym written in upper case.
    pub protege: bool,
    /// Byte offsets of the word in the source text.
    pub debut: usize,
    /// End byte offset (exclusive).
    pub fin: usize,
}

/// Analyzes French text into words (see the module docs). Stateful only to reuse the stemmer.
#[derive(Clone)]
pub struct AnalyseFr {
    radicaliseur: TextAnalyzer,
}

impl Default for AnalyseFr {
    fn default() -> Self {
        AnalyseFr {
            radicaliseur: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::French))
                .build(),
        }
    }
}

impl AnalyseFr {
    /// The analyzed words of `texte`, in order.
    pub fn mots(&mut self, texte: &str) -> Vec<Mot> {
        let mut mots = Vec::new();
        let mut debut = None;
        for (i, c) in texte
            .char_indices()
            .chain(std::iter::once((texte.len(), ' ')))
        {
            match (c.is_alphanumeric() && i < texte.len(), debut) {
                (true, None) => debut = Some(i),
                (false, Some(d)) => {
                    debut = None;
                    if let Some(mot) = self.mot(&texte[d..i], d, texte[i..].chars().next()) {
                        mots.push(mot);
                    }
                }
                _ => {}
            }
        }
        mots
    }

    /// Analyzes one word `brut` starting at byte `debut`, followed by `suivant` in the text.
    fn mot(&mut self, brut: &str, debut: usize, suivant: Option<char>) -> Option<Mot> {
        let plie = fold(brut);
        if plie.is_empty() || est_elision(&plie, suivant) {
            return None;
        }
        let protege = est_sigle_protege(brut);
        if !protege && est_mot_vide(&plie) {
            return None;
        }
        let radical = if protege {
            plie.clone()
        } else {
            self.radical(&plie)
        };
        Some(Mot {
            plie,
            radical,
            protege,
            debut,
            fin: debut + brut.len(),
        })
    }

    /// The French stem of the folded word `plie`, by tantivy's stemmer.
    fn radical(&mut self, plie: &str) -> String {
        let mut flux = self.radicaliseur.token_stream(plie);
        let mut radical = plie.to_owned();
        if flux.advance() {
            radical.clone_from(&flux.token().text);
        }
        radical
    }
}

/// The tantivy tokenizer behind `fr_plie` (`radical == false`) and `fr_radical` (`true`).
#[derive(Clone)]
pub struct TokenizerFr {
    analyse: AnalyseFr,
    radical: bool,
}

impl TokenizerFr {
    /// The folded (`radical == false`) or folded-and-stemmed (`true`) tokenizer.
    pub fn new(radical: bool) -> Self {
        TokenizerFr {
            analyse: AnalyseFr::default(),
            radical,
        }
    }
}

impl Tokenizer for TokenizerFr {
    type TokenStream<'a> = JetonsFr;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JetonsFr {
        let jetons = self
            .analyse
            .mots(text)
            .into_iter()
            .enumerate()
            .map(|(position, mot)| Token {
                offset_from: mot.debut,
                offset_to: mot.fin,
                position,
                text: if self.radical { mot.radical } else { mot.plie },
                position_length: 1,
            })
            .collect();
        JetonsFr {
            jetons,
            courant: None,
        }
    }
}

/// The tokens of one text, computed eagerly (texts are short service descriptions).
pub struct JetonsFr {
    jetons: Vec<Token>,
    courant: Option<usize>,
}

impl TokenStream for JetonsFr {
    fn advance(&mut self) -> bool {
        let suivant = self.courant.map_or(0, |i| i + 1);
        self.courant = Some(suivant.min(self.jetons.len()));
        suivant < self.jetons.len()
    }

    fn token(&self) -> &Token {
        &self.jetons[self.courant.unwrap_or(0)]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.jetons[self.courant.unwrap_or(0)]
    }
}

#[cfg(test)]
mod tests {
    use super::AnalyseFr;

    fn radicaux(texte: &str) -> Vec<String> {
        AnalyseFr::default()
            .mots(texte)
            .into_iter()
            .map(|m| m.radical)
            .collect()
    }

    fn plies(texte: &str) -> Vec<String> {
        AnalyseFr::default()
            .mots(texte)
            .into_iter()
            .map(|m| m.plie)
            .collect()
    }

    #[test]
    fn elisions_stop_words_and_acronyms() {
        assert_eq!(
            plies("L’accès à l'hébergement d'urgence"),
            ["acces", "hebergement", "urgence"]
        );
        assert_eq!(plies("ai"), ["ai"]);
        assert_eq!(plies("AI de Roubaix"), ["ai", "roubaix"]);
        assert_eq!(plies("le"), Vec::<String>::new());
        assert_eq!(radicaux("Le PLIE"), ["plie"]);
        assert_eq!(radicaux("plie plier"), ["pli", "pli"]);
        assert_eq!(plies("auto-école"), ["auto", "ecole"]);
    }
}
