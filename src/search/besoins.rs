//! Resolving the needs of a query: each code is a diagnostic need (`mobilite.permis`), a need
//! group (`mobilite`), a thematique (`mobilite--preparer-un-permis`) or a thematique category
//! (`trouver-un-emploi`), tried in that order unless the caller names the kind (five codes are both
//! a group and a category: `mobilite`, `sante`, `famille`, `numerique`, `lecture-ecriture-calcul`;
//! the group adds a few thematiques of other categories, e.g. confidence-building offers for the
//! psychological side of mobility); priority 1 (urgent) … 3 (secondary) weighs 3/2/1.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::referentiel::{Categorie, Code, CodeSet, Referentiels, ReseauPorteur, Thematique};

/// A need code that is none of the accepted kinds, or a priority out of range.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BesoinError {
    /// Unknown code.
    #[error(
        "besoin inconnu « {0} » : attendu un besoin du diagnostic (ex. mobilite.permis), un groupe (ex. mobilite), une thématique ou une catégorie data·inclusion"
    )]
    Inconnu(String),
    /// The code is not of the kind asked for.
    #[error("« {0} » n'est pas {1}")]
    PasDeCeGenre(String, &'static str),
    /// Priority outside 1–3.
    #[error(
        "priorité {0} invalide pour le besoin « {1} » : attendu 1 (urgent), 2 ou 3 (secondaire)"
    )]
    Priorite(u8, String),
}

/// What kind of code a need was given as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GenreBesoin {
    /// A diagnostic need.
    Besoin,
    /// A group of diagnostic needs.
    Groupe,
    /// A data·inclusion thematique.
    Thematique,
    /// A data·inclusion category.
    Categorie,
}

/// One need of a query, resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BesoinResolu {
    /// The code as given.
    pub code: String,
    /// Its French label.
    pub libelle: String,
    /// What kind of code it is.
    pub genre: GenreBesoin,
    /// An offer covers the need when it has one of these thematiques.
    pub thematiques: CodeSet<Thematique>,
    /// Kinds of structure that typically carry such offers.
    pub reseaux_porteurs: CodeSet<ReseauPorteur>,
    /// Priority 1–3.
    pub priorite: u8,
    /// Weight from the priority: 3, 2, 1.
    pub poids: f64,
}

/// Weight of a priority (1 → 3, 2 → 2, 3 → 1).
pub fn poids(priorite: u8) -> f64 {
    f64::from(4 - priorite.clamp(1, 3))
}

impl GenreBesoin {
    /// The kind in words, with its article.
    pub fn en_mots(self) -> &'static str {
        match self {
            GenreBesoin::Besoin => "un besoin du diagnostic",
            GenreBesoin::Groupe => "un groupe de besoins du diagnostic",
            GenreBesoin::Thematique => "une thématique data·inclusion",
            GenreBesoin::Categorie => "une catégorie data·inclusion",
        }
    }
}

/// Resolves `code` with `priorite`, trying each kind in order.
pub fn resoudre(code: &str, priorite: u8) -> Result<BesoinResolu, BesoinError> {
    resoudre_comme(code, priorite, None)
}

/// Resolves `code` with `priorite` as a code of kind `genre` (every kind in order when `None`).
pub fn resoudre_comme(
    code: &str,
    priorite: u8,
    genre: Option<GenreBesoin>,
) -> Result<BesoinResolu, BesoinError> {
    if !(1..=3).contains(&priorite) {
        return Err(BesoinError::Priorite(
            priorite,
            code.chars().take(80).collect(),
        ));
    }
    let r = Referentiels::get();
    let resolu = |libelle: &str, genre, thematiques, reseaux_porteurs| BesoinResolu {
        code: code.to_owned(),
        libelle: libelle.to_owned(),
        genre,
        thematiques,
        reseaux_porteurs,
        priorite,
        poids: poids(priorite),
    };
    let essayer = |g: GenreBesoin| genre.is_none_or(|voulu| voulu == g);
    if let Some(b) = r
        .besoins
        .besoin(code)
        .filter(|_| essayer(GenreBesoin::Besoin))
    {
        return Ok(resolu(
            &b.libelle,
            GenreBesoin::Besoin,
            b.thematiques,
            b.reseaux_porteurs,
        ));
    }
    if let Some(g) = r
        .besoins
        .groupe(code)
        .filter(|_| essayer(GenreBesoin::Groupe))
    {
        let tous = r.besoins.tous();
        let (t, rs) = g
            .besoins
            .iter()
            .fold((CodeSet::new(), CodeSet::new()), |(t, rs), i| {
                (
                    t.union(&tous[*i].thematiques),
                    rs.union(&tous[*i].reseaux_porteurs),
                )
            });
        return Ok(resolu(&g.libelle, GenreBesoin::Groupe, t, rs));
    }
    if let Some(t) = Thematique::parse(code).filter(|_| essayer(GenreBesoin::Thematique)) {
        return Ok(resolu(
            t.libelle(),
            GenreBesoin::Thematique,
            [t].into_iter().collect(),
            CodeSet::new(),
        ));
    }
    if let Some(c) = Categorie::parse(code).filter(|_| essayer(GenreBesoin::Categorie)) {
        return Ok(resolu(
            c.libelle(),
            GenreBesoin::Categorie,
            r.thematiques_de(c),
            CodeSet::new(),
        ));
    }
    let code = code.chars().take(80).collect();
    Err(match genre {
        Some(g) => BesoinError::PasDeCeGenre(code, g.en_mots()),
        None => BesoinError::Inconnu(code),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_code_resolves() {
        let b = resoudre("mobilite.permis", 1).expect("need");
        assert_eq!((b.genre, b.poids), (GenreBesoin::Besoin, 3.0));
        assert_eq!(b.thematiques.len(), 1);
        let g = resoudre("mobilite", 2).expect("group");
        assert_eq!(g.genre, GenreBesoin::Groupe);
        assert!(
            g.thematiques.len() >= 6,
            "mobility group covers every mobility thematique"
        );
        assert_eq!(g.poids, 2.0);
        let t = resoudre("mobilite--acceder-a-un-vehicule", 3).expect("thematique");
        assert_eq!((t.genre, t.poids), (GenreBesoin::Thematique, 1.0));
        let c = resoudre("trouver-un-emploi", 2).expect("category");
        assert_eq!((c.genre, c.thematiques.len()), (GenreBesoin::Categorie, 5));
    }

    #[test]
    fn bad_codes_and_priorities_are_named() {
        let e = resoudre("teleportation", 1).expect_err("unknown");
        assert!(e.to_string().contains("« teleportation »"));
        let e = resoudre("mobilite", 4).expect_err("priority");
        assert!(e.to_string().contains("priorité 4"));
    }

    #[test]
    fn a_code_both_group_and_category_resolves_as_the_kind_asked_for() {
        let groupe = resoudre("mobilite", 2).expect("group");
        assert_eq!(groupe.genre, GenreBesoin::Groupe);
        let categorie =
            resoudre_comme("mobilite", 2, Some(GenreBesoin::Categorie)).expect("category");
        assert_eq!(categorie.genre, GenreBesoin::Categorie);
        let bien_etre = Thematique::parse("remobilisation--bien-etre-confiance-en-soi").expect("t");
        assert!(groupe.thematiques.contains(bien_etre));
        assert!(!categorie.thematiques.contains(bien_etre));
        assert!(
            categorie
                .thematiques
                .iter()
                .all(|t| t.code().starts_with("mobilite--"))
        );
        let e = resoudre_comme("mobilite.permis", 2, Some(GenreBesoin::Categorie))
            .expect_err("not a category");
        assert_eq!(
            e.to_string(),
            "« mobilite.permis » n'est pas une catégorie data·inclusion"
        );
    }
}
