//! The saturation view: offers whose catchment population (E2SFCA step 1) is much larger than the
//! median of the territory's offers — where one offer serves too many people.

use super::resultat::{OffreSaturee, Saturation};
use crate::catalog::model::Catalogue;

/// Saturated at this multiple of the median catchment.
pub const SEUIL_SATURATION: f64 = 3.0;
/// Saturated offers listed.
pub const OFFRES_SATUREES_MAX: usize = 20;

/// The median of `valeurs` (0 for none).
pub(crate) fn mediane(valeurs: &mut [f64]) -> f64 {
    if valeurs.is_empty() {
        return 0.0;
    }
    valeurs.sort_by(f64::total_cmp);
    let n = valeurs.len();
    if n % 2 == 1 {
        valeurs[n / 2]
    } else {
        (valeurs[n / 2 - 1] + valeurs[n / 2]) / 2.0
    }
}

/// The saturation view over `offres`: (service index, catchment population).
pub(crate) fn saturation(catalogue: &Catalogue, offres: &[(u32, f64)]) -> Saturation {
    let mut valeurs: Vec<f64> = offres.iter().map(|(_, p)| *p).collect();
    let m = mediane(&mut valeurs);
    let mut saturees: Vec<(u32, f64)> = if m > 0.0 {
        offres
            .iter()
            .copied()
            .filter(|(_, p)| *p >= SEUIL_SATURATION * m)
            .collect()
    } else {
        Vec::new()
    };
    saturees.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = saturees.len();
    Saturation {
        seuil: SEUIL_SATURATION,
        population_desservie_mediane: arrondi(m, 1),
        offres_saturees: total,
        offres: saturees
            .into_iter()
            .take(OFFRES_SATUREES_MAX)
            .map(|(i, p)| {
                let s = &catalogue.services[i as usize];
                OffreSaturee {
                    service: s.id.clone(),
                    nom: s.nom.clone(),
                    structure: catalogue.structure(s).nom.clone(),
                    population_desservie: arrondi(p, 1),
                    rapport_mediane: arrondi(p / m, 2),
                }
            })
            .collect(),
    }
}

/// Rounds to `decimales` decimals.
pub(crate) fn arrondi(x: f64, decimales: i32) -> f64 {
    let f = 10f64.powi(decimales);
    (x * f).round() / f
}
