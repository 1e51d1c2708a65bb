//! The *parcours*: a small set of offers that together cover every requested need, by greedy
//! weighted set cover over the gated, scored results.
//!
//! At each step the offer covering the largest weight of still uncovered needs is taken; ties
//! prefer the higher score (which already prefers near and open offers), an offer whose
//! eligibility is still to confirm counting for [`FACTEUR_A_CONFIRMER`] of its score and a remote
//! one for [`FACTEUR_A_DISTANCE`], then the daily rotation, then the id (as the result order, so
//! that the storage order of the services never decides). Needs that no
//! result covers are reported apart: the parcours never invents an offer for them.

use std::cmp::Ordering;

use serde::Serialize;

use super::Classe;
use crate::search::{BesoinResolu, Eligibilite, Mode, Statut};

/// Share of its score an offer "à confirmer" counts for when choosing the parcours.
pub const FACTEUR_A_CONFIRMER: f64 = 0.9;
/// Share of its score a remote offer counts for when choosing the parcours (it is not "near").
pub const FACTEUR_A_DISTANCE: f64 = 0.9;

/// One need of the parcours and the offer proposed for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EtapeParcours {
    /// The need's code, as requested.
    pub besoin: String,
    /// Index of the proposed service in the catalogue.
    pub service: u32,
}

/// Greedy cover of `besoins` by `classes`; returns the steps (in request order of the needs) and
/// the codes of the needs no class covers.
pub(super) fn parcours(
    classes: &[Classe],
    besoins: &[BesoinResolu],
    eligibilites: &[Eligibilite],
) -> (Vec<EtapeParcours>, Vec<String>) {
    if besoins.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let tous: u64 = classes.iter().fold(0, |m, c| m | c.couverts);
    // Weights are 1–3: sums of up to 64 of them are exact in u32.
    let poids: Vec<u32> = besoins.iter().map(|b| b.poids as u32).collect();
    let poids_de = |masque: u64| -> u32 {
        let mut m = masque;
        let mut total = 0;
        while m != 0 {
            total += poids[m.trailing_zeros() as usize];
            m &= m - 1;
        }
        total
    };
    // Near and open offers already score higher; an offer whose eligibility is still to confirm
    // counts for a little less (a remote offer certain for her must not beat a near one to confirm).
    let preference = |c: &Classe| {
        let mut p = c.score;
        if eligibilites[c.eligibilite as usize].statut != Statut::Eligible {
            p *= FACTEUR_A_CONFIRMER;
        }
        if c.candidat.mode == Mode::ADistance {
            p *= FACTEUR_A_DISTANCE;
        }
        p
    };
    let mut restants = tous;
    let mut choix: Vec<(u64, u32)> = Vec::new();
    while restants != 0 {
        // The best by (uncovered weight, preference, smaller rotation, smaller id rank), each
        // class's weight computed once, its preference only when its weight ties the best's.
        let mut meilleur: Option<(&Classe, u32, f64)> = None;
        for c in classes.iter().filter(|c| c.couverts & restants != 0) {
            let p = poids_de(c.couverts & restants);
            let preferee = match meilleur {
                None => Some(preference(c)),
                Some((m, mp, mpref)) => match p.cmp(&mp) {
                    Ordering::Greater => Some(preference(c)),
                    Ordering::Less => None,
                    Ordering::Equal => {
                        let pref = preference(c);
                        pref.total_cmp(&mpref)
                            .then(m.rotation.cmp(&c.rotation))
                            .then(m.rang_id.cmp(&c.rang_id))
                            .is_gt()
                            .then_some(pref)
                    }
                },
            };
            if let Some(pref) = preferee {
                meilleur = Some((c, p, pref));
            }
        }
        let Some((c, _, _)) = meilleur else { break };
        choix.push((c.couverts & restants, c.candidat.service));
        restants &= !c.couverts;
    }
    let mut etapes = Vec::new();
    let mut sans_offre = Vec::new();
    for (i, b) in besoins.iter().enumerate() {
        match choix.iter().find(|(m, _)| m & (1 << i) != 0) {
            Some(&(_, service)) => etapes.push(EtapeParcours {
                besoin: b.code.clone(),
                service,
            }),
            None => sans_offre.push(b.code.clone()),
        }
    }
    (etapes, sans_offre)
}
