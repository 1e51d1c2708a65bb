//! The compact per-service rows the engine's hot loop reads, built once per snapshot: the loop
//! touches a [`Service`] only when an explicit filter or a new eligibility class needs it.
//!
//! Eligibility depends on a service's family and publics only, so the distinct (family, publics)
//! pairs are numbered at load ([`Colonne::classe_eligibilite`]): a query evaluates each class at
//! most once and looks it up by index, without hashing.

use std::collections::HashMap;

use crate::catalog::model::{Famille, Service};
use crate::referentiel::{Code, CodeSet, Frais, ModeAccueil, Public, Thematique, TypeService};
use crate::search::cle_service;

/// The fields of a service the hot loop reads, packed into one cache line (a candidate costs one
/// memory access, not two straddled lines).
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
pub(super) struct Colonne {
    pub(super) thematiques: CodeSet<Thematique>,
    /// Bits of its [`CodeSet<ModeAccueil>`] (the referential has fewer than 8 codes).
    modes_accueil: u8,
    pub(super) qualite: f64,
    /// [`cle_service`] of its id.
    pub(super) cle: u64,
    pub(super) doublon: Option<u32>,
    /// Index into the engine's distinct opening hours.
    pub(super) horaires: Option<u32>,
    /// Number of its (family, publics) pair among the catalogue's distinct pairs.
    pub(super) classe_eligibilite: u32,
    /// Its rank in the order of the services' ids (ties of the order compare these, not strings).
    pub(super) rang_id: u32,
    pub(super) type_: Option<TypeService>,
    pub(super) frais: Option<Frais>,
    pub(super) famille: Famille,
}

impl Colonne {
    /// Its modes d'accueil.
    pub(super) fn modes_accueil(&self) -> CodeSet<ModeAccueil> {
        CodeSet::from_bits(u128::from(self.modes_accueil))
    }
}

/// The rows of a catalogue and the number of distinct eligibility classes.
pub(super) struct Colonnes {
    pub(super) lignes: Vec<Colonne>,
    pub(super) classes_eligibilite: usize,
}

impl Colonnes {
    /// The rows of `services`, with the index of their distinct opening hours.
    pub(super) fn new(services: &[Service], horaires: &[Option<u32>]) -> Self {
        assert!(
            ModeAccueil::liste().len() <= 8,
            "the modes d'accueil no longer fit in a byte"
        );
        let mut par_id: Vec<u32> = (0..services.len() as u32).collect();
        par_id.sort_unstable_by(|&a, &b| services[a as usize].id.cmp(&services[b as usize].id));
        let mut rangs = vec![0u32; services.len()];
        for (rang, &i) in par_id.iter().enumerate() {
            rangs[i as usize] = rang as u32;
        }
        let mut classes: HashMap<(Famille, CodeSet<Public>), u32> = HashMap::new();
        let lignes = services
            .iter()
            .zip(horaires)
            .zip(rangs)
            .map(|((s, &h), rang_id)| {
                let n = classes.len() as u32;
                let classe_eligibilite = *classes.entry((s.famille, s.publics)).or_insert(n);
                Colonne {
                    thematiques: s.thematiques,
                    modes_accueil: s.modes_accueil.bits() as u8,
                    qualite: s.score_qualite,
                    cle: cle_service(&s.id),
                    doublon: s.doublon,
                    horaires: h,
                    classe_eligibilite,
                    rang_id,
                    type_: s.type_,
                    frais: s.frais,
                    famille: s.famille,
                }
            })
            .collect();
        Colonnes {
            lignes,
            classes_eligibilite: classes.len(),
        }
    }
}
