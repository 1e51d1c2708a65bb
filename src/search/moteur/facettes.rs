//! Facet counts over the gated result set: incremented per code index in the engine's hot loop
//! ([`CompteurFacettes`]), turned into code → count maps ([`Facettes`]) once per query.

use std::collections::BTreeMap;

use serde::Serialize;

use super::colonnes::Colonne;
use crate::referentiel::{Code, Frais, ModeAccueil, Thematique, TypeService};

/// Facet counts over the gated result set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Facettes {
    /// By thematique.
    pub thematiques: BTreeMap<&'static str, usize>,
    /// By type de service.
    pub types: BTreeMap<&'static str, usize>,
    /// By frais.
    pub frais: BTreeMap<&'static str, usize>,
    /// By mode d'accueil.
    pub modes_accueil: BTreeMap<&'static str, usize>,
}

/// Facet counts by code index (array increments in the hot loop), turned into [`Facettes`] once.
pub(super) struct CompteurFacettes {
    thematiques: Vec<usize>,
    types: Vec<usize>,
    frais: Vec<usize>,
    modes_accueil: Vec<usize>,
}

fn par_code<T: Code>(comptes: &[usize]) -> BTreeMap<&'static str, usize> {
    comptes
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| (T::from_index(i).code(), *n))
        .collect()
}

impl CompteurFacettes {
    pub(super) fn new() -> Self {
        CompteurFacettes {
            thematiques: vec![0; Thematique::liste().len()],
            types: vec![0; TypeService::liste().len()],
            frais: vec![0; Frais::liste().len()],
            modes_accueil: vec![0; ModeAccueil::liste().len()],
        }
    }

    pub(super) fn compter(&mut self, s: &Colonne) {
        self.ajouter(s, 1);
    }

    /// Takes back a row counted by [`CompteurFacettes::compter`] (a duplicate left out).
    pub(super) fn decompter(&mut self, s: &Colonne) {
        self.ajouter(s, usize::MAX);
    }

    /// Adds `n` (wrapping: `usize::MAX` takes one back) to the counts of `s`'s codes.
    fn ajouter(&mut self, s: &Colonne, n: usize) {
        let plus = |c: &mut usize| *c = c.wrapping_add(n);
        for t in s.thematiques.iter() {
            plus(&mut self.thematiques[t.index()]);
        }
        if let Some(t) = s.type_ {
            plus(&mut self.types[t.index()]);
        }
        if let Some(f) = s.frais {
            plus(&mut self.frais[f.index()]);
        }
        for m in s.modes_accueil().iter() {
            plus(&mut self.modes_accueil[m.index()]);
        }
    }

    pub(super) fn facettes(&self) -> Facettes {
        Facettes {
            thematiques: par_code::<Thematique>(&self.thematiques),
            types: par_code::<TypeService>(&self.types),
            frais: par_code::<Frais>(&self.frais),
            modes_accueil: par_code::<ModeAccueil>(&self.modes_accueil),
        }
    }
}
