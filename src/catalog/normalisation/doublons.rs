//! Duplicate clusters: the same service published by two sources.
//!
//! Two services from different sources are duplicates when their folded names are equal and either
//! their structures share a SIRET, or they share their thematiques and stand within
//! [`DISTANCE_DOUBLON_KM`] of each other. Clusters are closed transitively (union–find); each member
//! gets the index of the cluster's first service.

use std::collections::HashMap;

use crate::catalog::model::Catalogue;
use crate::texte::fold;

/// Two points closer than this are "the same address".
pub const DISTANCE_DOUBLON_KM: f64 = 0.2;

fn racine(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        let p = parent[i as usize];
        parent[i as usize] = parent[p as usize];
        i = p;
    }
    i
}

fn unir(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (racine(parent, a), racine(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi as usize] = lo;
    }
}

/// Sets `doublon` on every service that belongs to a cluster of two or more; returns the number of
/// services in clusters.
pub fn marquer_doublons(catalogue: &mut Catalogue) -> usize {
    let n = catalogue.services.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut par_nom: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, s) in catalogue.services.iter().enumerate() {
        par_nom.entry(fold(&s.nom)).or_default().push(i as u32);
    }
    for groupe in par_nom.values().filter(|g| g.len() > 1) {
        for (k, &a) in groupe.iter().enumerate() {
            for &b in &groupe[k + 1..] {
                let (sa, sb) = (
                    &catalogue.services[a as usize],
                    &catalogue.services[b as usize],
                );
                if sa.source == sb.source {
                    continue;
                }
                let siret = |s| catalogue.structure(s).siret.as_deref();
                let meme_siret = siret(sa).is_some() && siret(sa) == siret(sb);
                let proches = match (sa.point, sb.point) {
                    (Some(pa), Some(pb)) => pa.distance_km(&pb) <= DISTANCE_DOUBLON_KM,
                    _ => false,
                };
                if meme_siret || (proches && sa.thematiques == sb.thematiques) {
                    unir(&mut parent, a, b);
                }
            }
        }
    }
    let mut taille: HashMap<u32, usize> = HashMap::new();
    for i in 0..n as u32 {
        *taille.entry(racine(&mut parent, i)).or_default() += 1;
    }
    let mut marques = 0;
    for i in 0..n as u32 {
        let r = racine(&mut parent, i);
        let in_cluster = taille.get(&r).is_some_and(|t| *t > 1);
        catalogue.services[i as usize].doublon = in_cluster.then_some(r);
        marques += usize::from(in_cluster);
    }
    marques
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::StructureIdx;
    use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};
    use crate::territoire::Point;

    #[test]
    fn same_name_and_siret_or_place_across_sources() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let mut s0 = structure_minimale("s0");
        s0.siret = Some("12345678900011".into());
        let mut s1 = structure_minimale("s1");
        s1.siret = Some("12345678900011".into());
        let s2 = structure_minimale("s2");
        let mut a = service_minimal("dora--1", today);
        a.nom = "Garage solidaire".into();
        a.source = "dora".into();
        let mut b = a.clone();
        b.id = "emplois--1".into();
        b.source = "emplois".into();
        b.nom = "GARAGE  Solidaire".into();
        b.structure = StructureIdx(1);
        // Third: other structure without SIRET, 100 m away, same thematiques → same cluster.
        let mut c = a.clone();
        c.id = "soliguide--1".into();
        c.source = "soliguide".into();
        c.structure = StructureIdx(2);
        a.point = Some(Point::new(50.0, 3.0));
        c.point = Some(Point::new(50.0009, 3.0));
        // Fourth: same source as a → never a duplicate of it by itself.
        let mut d = a.clone();
        d.id = "dora--2".into();
        d.point = Some(Point::new(45.0, 3.0));
        d.structure = StructureIdx(2);
        let mut cat = Catalogue {
            structures: vec![s0, s1, s2],
            services: vec![a, b, c, d],
        };
        assert_eq!(marquer_doublons(&mut cat), 3);
        let clusters: Vec<_> = cat.services.iter().map(|s| s.doublon).collect();
        assert_eq!(clusters, [Some(0), Some(0), Some(0), None]);
    }
}
