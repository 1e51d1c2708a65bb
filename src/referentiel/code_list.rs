//! A code list (`{code, libelle, description}` rows) and the [`Code`] trait of typed ids into it.

use std::collections::HashMap;

use serde::Deserialize;

/// One row of a code list.
#[derive(Debug, Clone, Deserialize)]
pub struct Entree {
    /// The code, as data·inclusion writes it (`mobilite--preparer-un-permis`).
    pub code: String,
    /// The French label.
    pub libelle: String,
    /// A longer French description, when the schema gives one.
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Deserialize)]
struct Fichier {
    valeurs: Vec<Entree>,
}

/// An ordered code list with an index from code to position.
#[derive(Debug)]
pub struct CodeList {
    nom: String,
    entrees: Vec<Entree>,
    index: HashMap<String, u8>,
}

impl CodeList {
    /// Parses a referential file `{"valeurs": [{code, libelle, description}…]}`.
    pub fn from_json(nom: &str, text: &str) -> Result<CodeList, String> {
        let fichier: Fichier =
            serde_json::from_str(text).map_err(|e| format!("referential {nom}: {e}"))?;
        Self::new(nom, fichier.valeurs)
    }

    /// Builds a list from rows; codes must be unique and at most 128 (they index bitsets).
    pub fn new(nom: &str, entrees: Vec<Entree>) -> Result<CodeList, String> {
        if entrees.len() > 128 {
            return Err(format!(
                "referential {nom}: {} codes, at most 128",
                entrees.len()
            ));
        }
        let mut index = HashMap::with_capacity(entrees.len());
        for (i, e) in entrees.iter().enumerate() {
            let i = u8::try_from(i).map_err(|_| format!("referential {nom}: too many codes"))?;
            if index.insert(e.code.clone(), i).is_some() {
                return Err(format!("referential {nom}: duplicate code {}", e.code));
            }
        }
        Ok(CodeList {
            nom: nom.to_owned(),
            entrees,
            index,
        })
    }

    /// The referential's name (`thematiques`).
    pub fn nom(&self) -> &str {
        &self.nom
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.entrees.len()
    }

    /// True when the list has no code.
    pub fn is_empty(&self) -> bool {
        self.entrees.is_empty()
    }

    /// Rows in order.
    pub fn entrees(&self) -> &[Entree] {
        &self.entrees
    }

    /// Position of `code`, if known.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.index.get(code).map(|i| usize::from(*i))
    }

    /// Row at `index`.
    pub fn entree(&self, index: usize) -> &Entree {
        &self.entrees[index]
    }
}

/// A typed id into one of the embedded code lists.
pub trait Code: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + 'static {
    /// The list this id indexes.
    fn liste() -> &'static CodeList;
    /// The id at `index` (must be below the list length).
    fn from_index(index: usize) -> Self;
    /// Position in the list.
    fn index(self) -> usize;

    /// Parses a code; `None` when unknown.
    fn parse(code: &str) -> Option<Self> {
        Self::liste().index_of(code).map(Self::from_index)
    }
    /// The code, as data·inclusion writes it.
    fn code(self) -> &'static str {
        &Self::liste().entree(self.index()).code
    }
    /// The French label.
    fn libelle(self) -> &'static str {
        &Self::liste().entree(self.index()).libelle
    }
    /// Every id of the list, in order.
    fn tous() -> impl Iterator<Item = Self> {
        (0..Self::liste().len()).map(Self::from_index)
    }
}
