//! Demand on the H3 grid: each commune's population sits on the cell of its point.
//!
//! **Limit of this choice.** A commune is one point: its whole population lands in one cell,
//! however large the commune (Arles, 759 km², is one cell like a hamlet), and the cells between
//! commune points stay empty. Distances are measured from cell centres, so they err by up to a
//! cell's radius plus the spread of the commune around its point. The grid is kept behind
//! [`GrilleNationale`]: a finer population source (INSEE 200 m squares, a population raster)
//! would fill the same structure with one entry per inhabited cell and nothing downstream would
//! change.
//!
//! Which entries carry population: a commune with a point, except Lyon and Marseille whose
//! arrondissements have points and carry the population instead (Paris's arrondissements have
//! none: Paris carries it). Communes without a point are counted as *non localisée*.

use std::collections::HashMap;

use h3o::{CellIndex, LatLng, Resolution};

use crate::territoire::{CommuneId, IndexPoints, Point, Territoires};

/// Cap on the estimated number of cells of one request (see [`cellules_estimees`]).
pub const CELLULES_MAX: u64 = 200_000;
/// Cap on estimated cells × needs of one request.
pub const CELLULES_BESOINS_MAX: u64 = 1_600_000;

/// The H3 resolution of a validated request.
pub(crate) fn resolution(r: u8) -> Resolution {
    Resolution::try_from(r).unwrap_or(Resolution::Seven)
}

/// The cell holding `p` at `resolution` (`None` for an invalid point).
pub(crate) fn cellule(p: Point, resolution: Resolution) -> Option<CellIndex> {
    LatLng::new(p.lat, p.lon)
        .ok()
        .map(|ll| ll.to_cell(resolution))
}

/// The centre of a cell.
pub(crate) fn centre(c: CellIndex) -> Point {
    let ll = LatLng::from(c);
    Point::new(ll.lat(), ll.lng())
}

/// Whether the commune carries demand (see the module documentation).
pub(crate) fn porte_population(t: &Territoires, id: CommuneId) -> bool {
    let c = t.commune_par_id(id);
    c.point.is_some()
        && !t
            .arrondissements_de(id)
            .iter()
            .any(|a| t.commune_par_id(*a).point.is_some())
}

/// Every populated cell of France at one resolution, with a spatial index of cell centres (for
/// the catchment population of offers near a territory's border, which includes neighbours).
#[derive(Debug)]
pub struct GrilleNationale {
    /// Resolution.
    pub(crate) resolution: Resolution,
    /// Cells, sorted.
    pub(crate) cellules: Vec<CellIndex>,
    /// Their centres.
    pub(crate) centres: Vec<Point>,
    /// Their populations.
    pub(crate) populations: Vec<u64>,
    /// Position of each commune's cell in `cellules`, by [`CommuneId`] (`None`: no demand).
    pub(crate) cellule_de_commune: Vec<Option<u32>>,
    /// Cell centres, by position.
    pub(crate) index: IndexPoints,
}

impl GrilleNationale {
    /// Places every commune's population on its cell.
    pub(crate) fn new(t: &Territoires, resolution: Resolution) -> Self {
        let mut par_cellule: HashMap<CellIndex, u64> = HashMap::new();
        let mut de_commune: Vec<Option<CellIndex>> = vec![None; t.communes().len()];
        for c in t.communes() {
            if !porte_population(t, c.id) {
                continue;
            }
            let Some(cell) = c.point.and_then(|p| cellule(p, resolution)) else {
                continue;
            };
            *par_cellule.entry(cell).or_default() += u64::from(c.population);
            de_commune[c.id.0 as usize] = Some(cell);
        }
        let mut cellules: Vec<CellIndex> = par_cellule.keys().copied().collect();
        cellules.sort_unstable();
        let position: HashMap<CellIndex, u32> = cellules
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, i as u32))
            .collect();
        let centres: Vec<Point> = cellules.iter().map(|c| centre(*c)).collect();
        let populations = cellules.iter().map(|c| par_cellule[c]).collect();
        let index = IndexPoints::new(centres.iter().enumerate().map(|(i, p)| (i as u32, *p)));
        GrilleNationale {
            resolution,
            cellule_de_commune: de_commune
                .iter()
                .map(|c| c.and_then(|c| position.get(&c).copied()))
                .collect(),
            cellules,
            centres,
            populations,
            index,
        }
    }
}

/// Estimated number of cells covering the communes `ids` at `resolution`: the distinct
/// resolution-5 cells (about 252 km² each) holding one of their points, times 7 per finer level.
/// It measures the territory's extent, not its populated cells, so the cap still holds once a
/// finer population grid fills every inhabited cell.
pub fn cellules_estimees(t: &Territoires, ids: &[CommuneId], resolution: u8) -> u64 {
    let mut grosses: Vec<CellIndex> = ids
        .iter()
        .filter_map(|id| t.commune_par_id(*id).point)
        .filter_map(|p| cellule(p, Resolution::Five))
        .collect();
    grosses.sort_unstable();
    grosses.dedup();
    let facteur = 7u64.pow(u32::from(resolution.saturating_sub(5)));
    grosses.len() as u64 * facteur
}
