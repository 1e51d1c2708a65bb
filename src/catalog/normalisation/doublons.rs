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

/// Grid step (degrees) for the proximity lookup; a cell is larger than [`DISTANCE_DOUBLON_KM`] in
/// both directions at French latitudes, so neighbours are in the 3×3 block around a cell.
const PAS_GRILLE_DEG: f64 = 0.005;

fn cellule(lat: f64, lon: f64) -> (i32, i32) {
    (
        (lat / PAS_GRILLE_DEG).floor() as i32,
        (lon / PAS_GRILLE_DEG).floor() as i32,
    )
}

/// Sets `doublon` on every service that belongs to a cluster of two or more; returns the number of
/// services in clusters. Linear in the number of services: candidates are grouped by
/// (name, SIRET) and by (name, thematiques, grid cell), never compared all against all.
pub fn marquer_doublons(catalogue: &mut Catalogue) -> usize {
    let n = catalogue.services.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let noms: Vec<String> = catalogue.services.iter().map(|s| fold(&s.nom)).collect();

    // Same name and same structure SIRET, from at least two sources.
    let mut par_siret: HashMap<(&str, &str), Vec<u32>> = HashMap::new();
    for (i, s) in catalogue.services.iter().enumerate() {
        if let Some(siret) = catalogue.structure(s).siret.as_deref() {
            par_siret
                .entry((noms[i].as_str(), siret))
                .or_default()
                .push(i as u32);
        }
    }
    for groupe in par_siret.values().filter(|g| g.len() > 1) {
        let source = |i: u32| catalogue.services[i as usize].source.as_str();
        let r0 = groupe[0];
        let Some(r1) = groupe.iter().copied().find(|&m| source(m) != source(r0)) else {
            continue;
        };
        for &m in groupe {
            let rep = if source(m) != source(r0) { r0 } else { r1 };
            unir(&mut parent, m, rep);
        }
    }

    // Same name, same thematiques, within DISTANCE_DOUBLON_KM, different sources.
    type Cle<'a> = (&'a str, u128, (i32, i32));
    let mut par_cellule: HashMap<Cle, Vec<u32>> = HashMap::new();
    for (i, s) in catalogue.services.iter().enumerate() {
        if let Some(p) = s.point {
            let cle = (
                noms[i].as_str(),
                s.thematiques.bits(),
                cellule(p.lat, p.lon),
            );
            par_cellule.entry(cle).or_default().push(i as u32);
        }
    }
    for (i, s) in catalogue.services.iter().enumerate() {
        let Some(p) = s.point else { continue };
        let (la, lo) = cellule(p.lat, p.lon);
        for dla in -1..=1 {
            for dlo in -1..=1 {
                let cle = (noms[i].as_str(), s.thematiques.bits(), (la + dla, lo + dlo));
                for &j in par_cellule.get(&cle).map(Vec::as_slice).unwrap_or_default() {
                    let autre = &catalogue.services[j as usize];
                    if j as usize > i
                        && autre.source != s.source
                        && autre
                            .point
                            .is_some_and(|q| q.distance_km(&p) <= DISTANCE_DOUBLON_KM)
                    {
                        unir(&mut parent, i as u32, j);
                    }
                }
            }
        }
    }

    let mut taille = vec![0u32; n];
    for i in 0..n as u32 {
        taille[racine(&mut parent, i) as usize] += 1;
    }
    let mut marques = 0;
    for i in 0..n as u32 {
        let r = racine(&mut parent, i);
        let in_cluster = taille[r as usize] > 1;
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
