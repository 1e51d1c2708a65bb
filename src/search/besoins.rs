//! Resolving the needs of a query: each code is a diagnostic need (`mobilite.permis`), a need
//! group (`mobilite`), a thematique (`mobilite--preparer-un-permis`) or a thematique category
//! (`trouver-un-emploi`), tried in that order; priority 1 (urgent) … 3 (secondary) weighs 3/2/1.

use serde::Serialize;
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
    /// Priority outside 1–3.
    #[error(
        "priorité {0} invalide pour le besoin « {1} » : attendu 1 (urgent), 2 ou 3 (secondaire)"
    )]
    Priorite(u8, String),
}

/// What kind of code a need was given as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// Resolves `code` with `priorite`.
pub fn resoudre(code: &str, priorite: u8) -> Result<BesoinResolu, BesoinError> {
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
    if let Some(b) = r.besoins.besoin(code) {
        return Ok(resolu(
            &b.libelle,
            GenreBesoin::Besoin,
            b.thematiques,
            b.reseaux_porteurs,
        ));
    }
    if let Some(g) = r.besoins.groupe(code) {
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
    if let Some(t) = Thematique::parse(code) {
        return Ok(resolu(
            t.libelle(),
            GenreBesoin::Thematique,
            [t].into_iter().collect(),
            CodeSet::new(),
        ));
    }
    if let Some(c) = Categorie::parse(code) {
        return Ok(resolu(
            c.libelle(),
            GenreBesoin::Categorie,
            r.thematiques_de(c),
            CodeSet::new(),
        ));
    }
    Err(BesoinError::Inconnu(code.chars().take(80).collect()))
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
}
