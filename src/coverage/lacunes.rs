//! Gap areas: gap cells merged into areas with H3 rings.
//!
//! Demand sits on commune cells (see [`super::grille`]), so the gap cells of two neighbouring
//! communes are seldom adjacent. Two gap cells belong to the same area when one lies in the other's
//! `grid_disk(k)`, with `k` the number of rings spanning [`JONCTION_KM`] at the resolution; with
//! a finer population grid (every inhabited cell), `k = 1` makes areas contiguous in the strict
//! sense.

use std::collections::HashMap;

use h3o::{CellIndex, Resolution};

/// Gap cells closer than this (about, in H3 rings) join the same area.
pub const JONCTION_KM: f64 = 5.0;

/// Number of rings spanning [`JONCTION_KM`] at `resolution` (neighbouring centres are
/// `edge × √3` apart).
pub fn anneaux(resolution: Resolution) -> u32 {
    let pas_km = resolution.edge_length_km() * 3f64.sqrt();
    ((JONCTION_KM / pas_km).ceil() as u32).max(1)
}

/// Groups `cellules` (gap cells) into areas; returns, for each area, the positions of its cells
/// in `cellules`, areas in order of their first cell.
pub fn regrouper(cellules: &[CellIndex], k: u32) -> Vec<Vec<usize>> {
    let position: HashMap<CellIndex, usize> =
        cellules.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut parent: Vec<usize> = (0..cellules.len()).collect();
    fn racine(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, c) in cellules.iter().enumerate() {
        for voisin in c.grid_disk_safe(k) {
            if let Some(&j) = position.get(&voisin)
                && j > i
            {
                let (a, b) = (racine(&mut parent, i), racine(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut zones: Vec<Vec<usize>> = Vec::new();
    let mut numero: HashMap<usize, usize> = HashMap::new();
    for i in 0..cellules.len() {
        let r = racine(&mut parent, i);
        let n = *numero.entry(r).or_insert_with(|| {
            zones.push(Vec::new());
            zones.len() - 1
        });
        zones[n].push(i);
    }
    zones
}
