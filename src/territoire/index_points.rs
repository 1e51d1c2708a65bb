//! A spatial index of ids by point with exact great-circle queries: nearest point and every point
//! within a radius. Shared by the commune referential, the coverage and the search's on-site lane.
//!
//! Points are kept as 3D unit vectors: the chord between two unit vectors grows strictly with
//! their great-circle distance, so Euclidean queries in 3D answer great-circle questions with no
//! approximation. A point's distance comes from the same chord: the haversine formula's
//! `sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)` is the squared half-chord, so the great-circle distance
//! is `2R·asin(chord/2)`, the haversine distance without a trigonometric call per point.
//!
//! The radius query reads runs of a latitude-band grid ([`GrillePoints`]), the hot path of the
//! on-site lane; the nearest-point query walks an R*-tree (rstar) over the same points, built on
//! its first use (the lane's indexes never ask it).

use std::sync::OnceLock;

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::Point;
use super::grille_points::GrillePoints;

/// Mean Earth radius used by [`Point::distance_km`] (the `geo` crate's haversine), in km.
pub(super) const RAYON_TERRE_KM: f64 = 6371.0088;

/// A point as a unit vector (x, y, z).
pub fn vers_xyz(p: Point) -> [f64; 3] {
    let (lat, lon) = (p.lat.to_radians(), p.lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// Ids (`u32` by default, or any small `Copy` data kept with each point) indexed by point.
#[derive(Debug, Clone)]
pub struct IndexPoints<D = u32> {
    grille: GrillePoints<D>,
    arbre: OnceLock<RTree<GeomWithData<[f64; 3], D>>>,
}

impl<D: Copy> IndexPoints<D> {
    /// Indexes `(id, point)` pairs; invalid points are skipped.
    pub fn new(points: impl IntoIterator<Item = (D, Point)>) -> Self {
        IndexPoints {
            grille: GrillePoints::new(points.into_iter().filter(|(_, p)| p.is_valid())),
            arbre: OnceLock::new(),
        }
    }

    /// Number of indexed points.
    pub fn len(&self) -> usize {
        self.grille.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.grille.len() == 0
    }

    /// The id of the point nearest to `p` (great-circle).
    pub fn plus_proche(&self, p: Point) -> Option<D> {
        if !p.is_valid() {
            return None;
        }
        let arbre = self.arbre.get_or_init(|| {
            RTree::bulk_load(
                self.grille
                    .points()
                    .map(|(xyz, id)| GeomWithData::new(xyz, id))
                    .collect(),
            )
        });
        arbre.nearest_neighbor(&vers_xyz(p)).map(|e| e.data)
    }

    /// Every id whose point lies within `rayon_km` of `centre` (haversine, bound included), with
    /// its distance in km, in no particular order.
    pub fn dans_le_rayon(&self, centre: Point, rayon_km: f64) -> Vec<(D, f64)> {
        let mut trouves = Vec::new();
        self.ajouter_dans_le_rayon(centre, rayon_km, &mut trouves);
        trouves
    }

    /// [`IndexPoints::dans_le_rayon`], appended to `trouves` (one buffer for several indexes).
    pub fn ajouter_dans_le_rayon(&self, centre: Point, rayon_km: f64, trouves: &mut Vec<(D, f64)>) {
        if !centre.is_valid() || rayon_km.is_nan() || rayon_km < 0.0 {
            return;
        }
        self.grille.dans_le_rayon(centre, rayon_km, trouves);
    }
}

/// The distance between two points as [`IndexPoints::dans_le_rayon`] measures it (the chord's
/// great-circle distance): for distances compared with the index's, so that a point reached both
/// ways gets the same distance to the last bit.
pub fn distance_indexee_km(a: Point, b: Point) -> f64 {
    distance_corde_km(&vers_xyz(a), &vers_xyz(b))
}

/// The great-circle distance between two unit vectors, in km: `2R·asin(chord/2)`, the same
/// distance as [`Point::distance_km`] (haversine) up to rounding.
pub(super) fn distance_corde_km(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let carre: f64 = a.iter().zip(b).map(|(u, v)| (u - v) * (u - v)).sum();
    2.0 * RAYON_TERRE_KM * (carre.sqrt() / 2.0).min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn grille() -> Vec<(u32, Point)> {
        (0..400u32)
            .map(|i| {
                (
                    i,
                    Point::new(
                        42.0 + f64::from(i % 20) * 0.4,
                        -4.0 + f64::from(i / 20) * 0.6,
                    ),
                )
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn chord_distance_is_the_haversine_distance(
            lat1 in -90.0f64..90.0, lon1 in -180.0f64..180.0,
            lat2 in -90.0f64..90.0, lon2 in -180.0f64..180.0,
            proche in proptest::bool::ANY,
        ) {
            let a = Point::new(lat1, lon1);
            // Half the cases a few metres to a few km away, where rounding matters most.
            let b = if proche {
                Point::new((lat1 + lat2 / 1000.0).clamp(-90.0, 90.0), lon1 + lon2 / 1000.0)
            } else {
                Point::new(lat2, lon2)
            };
            let corde = distance_corde_km(&vers_xyz(a), &vers_xyz(b));
            prop_assert!((corde - a.distance_km(&b)).abs() < 1e-7, "{} vs {}", corde, a.distance_km(&b));
        }

        #[test]
        fn radius_query_equals_brute_force(lat in 41.0f64..51.5, lon in -5.0f64..9.5, rayon in 0.0f64..150.0) {
            let points = grille();
            let index = IndexPoints::new(points.iter().copied());
            let centre = Point::new(lat, lon);
            let mut trouves: Vec<u32> = index.dans_le_rayon(centre, rayon).into_iter().map(|(i, _)| i).collect();
            trouves.sort_unstable();
            let attendus: Vec<u32> = points
                .iter()
                .filter(|(_, p)| centre.distance_km(p) <= rayon)
                .map(|(i, _)| *i)
                .collect();
            prop_assert_eq!(trouves, attendus);
        }
    }

    #[test]
    fn nearest_and_degenerate_inputs() {
        let index = IndexPoints::new(grille());
        assert_eq!(index.len(), 400);
        assert_eq!(index.plus_proche(Point::new(42.01, -3.99)), Some(0));
        assert!(
            index
                .dans_le_rayon(Point::new(f64::NAN, 0.0), 10.0)
                .is_empty()
        );
        assert!(index.dans_le_rayon(Point::new(42.0, -4.0), -1.0).is_empty());
        assert_eq!(index.dans_le_rayon(Point::new(42.0, -4.0), 0.0).len(), 1);
        assert!(IndexPoints::<u32>::new(std::iter::empty()).is_empty());
    }
}
