//! Code lists loaded once into typed ids.
//!
//! Every data·inclusion v1 referential (`catalog/referentiels/*.json`, derived from the PyPI package
//! `data-inclusion-schema` by `catalog/referentiels/regenerer.py`) and the diagnostic needs
//! (`catalog/referentiels/besoins.json`, ours) are embedded in the binary and parsed once into
//! [`Referentiels`]. Codes are handled as small typed ids ([`Thematique`], [`Public`], …) that know
//! their code and label, and as bitsets ([`CodeSet`]) in columns: a `Thematique` is not a `String`.
//!
//! The same JSON files are what the API serves under `/api/v1/referentiels/{nom}` and what the UI
//! reads: one source.

mod besoin;
mod code_list;
mod code_set;
mod codes;
mod schema;

pub use besoin::{Besoin, Besoins, GroupeBesoins, OrigineBesoin, Signal, Situation};
pub use code_list::{Code, CodeList, Entree};
pub use code_set::CodeSet;
pub use codes::{
    Categorie, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur,
    Thematique, TypeService,
};
pub use schema::schema_code;

use std::sync::OnceLock;

/// Every referential, parsed once from the embedded JSON files.
#[derive(Debug)]
pub struct Referentiels {
    /// The 16 categories of thematiques.
    pub categories: CodeList,
    /// The 69 thematiques (`categorie--sous-thematique`).
    pub thematiques: CodeList,
    /// Publics (14).
    pub publics: CodeList,
    /// Types de services (6).
    pub types: CodeList,
    /// Frais (2).
    pub frais: CodeList,
    /// Modes d'accueil (2).
    pub modes_accueil: CodeList,
    /// Modes de mobilisation (4).
    pub modes_mobilisation: CodeList,
    /// Personnes mobilisatrices (2).
    pub personnes_mobilisatrices: CodeList,
    /// Réseaux porteurs (108).
    pub reseaux_porteurs: CodeList,
    /// Diagnostic needs, ours.
    pub besoins: Besoins,
    /// Category of each thematique, by thematique index.
    categorie_de_thematique: Vec<Categorie>,
}

/// The raw embedded files, by the name the API serves them under.
pub const FICHIERS: &[(&str, &str)] = &[
    (
        "categories",
        include_str!("../../catalog/referentiels/categories.json"),
    ),
    (
        "thematiques",
        include_str!("../../catalog/referentiels/thematiques.json"),
    ),
    (
        "publics",
        include_str!("../../catalog/referentiels/publics.json"),
    ),
    (
        "types",
        include_str!("../../catalog/referentiels/types.json"),
    ),
    (
        "frais",
        include_str!("../../catalog/referentiels/frais.json"),
    ),
    (
        "modes_accueil",
        include_str!("../../catalog/referentiels/modes_accueil.json"),
    ),
    (
        "modes_mobilisation",
        include_str!("../../catalog/referentiels/modes_mobilisation.json"),
    ),
    (
        "personnes_mobilisatrices",
        include_str!("../../catalog/referentiels/personnes_mobilisatrices.json"),
    ),
    (
        "reseaux_porteurs",
        include_str!("../../catalog/referentiels/reseaux_porteurs.json"),
    ),
    (
        "besoins",
        include_str!("../../catalog/referentiels/besoins.json"),
    ),
];

/// The embedded JSON text of the referential `nom` (as served by the API), if it exists.
pub fn fichier(nom: &str) -> Option<&'static str> {
    FICHIERS
        .iter()
        .find(|(n, _)| *n == nom)
        .map(|(_, text)| *text)
}

impl Referentiels {
    /// The referentials embedded in the binary, parsed on first use.
    ///
    /// The embedded files are checked by the test suite, so parsing them cannot fail at run time.
    pub fn get() -> &'static Referentiels {
        static CELL: OnceLock<Referentiels> = OnceLock::new();
        CELL.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Self::parse().expect("embedded referentials are valid (checked by tests)")
        })
    }

    fn parse() -> Result<Referentiels, String> {
        let list = |nom: &str| -> Result<CodeList, String> {
            let text = fichier(nom).ok_or_else(|| format!("referential {nom} missing"))?;
            CodeList::from_json(nom, text)
        };
        let categories = list("categories")?;
        let thematiques = list("thematiques")?;
        let mut categorie_de_thematique = Vec::with_capacity(thematiques.len());
        for entree in thematiques.entrees() {
            let prefix = entree.code.split("--").next().unwrap_or_default();
            let index = categories
                .index_of(prefix)
                .ok_or_else(|| format!("thematique {} has no category", entree.code))?;
            categorie_de_thematique.push(Categorie::from_index(index));
        }
        let reseaux_porteurs = list("reseaux_porteurs")?;
        let besoins = Besoins::from_json(
            fichier("besoins").unwrap_or_default(),
            &thematiques,
            &reseaux_porteurs,
        )?;
        Ok(Referentiels {
            categories,
            thematiques,
            publics: list("publics")?,
            types: list("types")?,
            frais: list("frais")?,
            modes_accueil: list("modes_accueil")?,
            modes_mobilisation: list("modes_mobilisation")?,
            personnes_mobilisatrices: list("personnes_mobilisatrices")?,
            reseaux_porteurs,
            besoins,
            categorie_de_thematique,
        })
    }

    /// The category a thematique belongs to.
    pub fn categorie(&self, thematique: Thematique) -> Categorie {
        self.categorie_de_thematique[thematique.index()]
    }

    /// Every thematique of a category.
    pub fn thematiques_de(&self, categorie: Categorie) -> CodeSet<Thematique> {
        self.categorie_de_thematique
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == categorie)
            .map(|(i, _)| Thematique::from_index(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_referentials_parse_with_expected_sizes() {
        let r = Referentiels::get();
        assert_eq!(r.categories.len(), 16);
        assert_eq!(r.thematiques.len(), 69);
        assert_eq!(r.publics.len(), 14);
        assert_eq!(r.types.len(), 6);
        assert_eq!(r.frais.len(), 2);
        assert_eq!(r.modes_accueil.len(), 2);
        assert_eq!(r.modes_mobilisation.len(), 4);
        assert_eq!(r.personnes_mobilisatrices.len(), 2);
        assert_eq!(r.reseaux_porteurs.len(), 108);
    }

    #[test]
    fn thematique_knows_its_category() {
        let t = Thematique::parse("mobilite--preparer-un-permis").expect("known");
        assert_eq!(t.code(), "mobilite--preparer-un-permis");
        assert_eq!(t.libelle(), "Préparer un permis");
        let c = Referentiels::get().categorie(t);
        assert_eq!(c.code(), "mobilite");
        let all = Referentiels::get().thematiques_de(c);
        assert_eq!(all.len(), 6);
        assert!(all.contains(t));
    }

    #[test]
    fn unknown_codes_are_none() {
        assert!(Thematique::parse("mobilite--teleportation").is_none());
        assert!(Public::parse("").is_none());
    }

    #[test]
    fn every_file_is_served_by_name() {
        for (nom, _) in FICHIERS {
            assert!(fichier(nom).is_some());
        }
        assert!(fichier("inconnu").is_none());
    }
}
