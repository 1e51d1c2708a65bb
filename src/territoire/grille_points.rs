//! Points in bands of latitude, sorted by longitude within a band: the radius query of
//! [`super::IndexPoints`].
//!
//! A disc of angular radius δ around (φ₀, λ₀) lies between latitudes φ₀ ± δ and, when it does not
//! reach a pole, between longitudes λ₀ ± asin(sin δ / cos φ₀) (the meridians tangent to it). A
//! query reads, in each band crossing the disc, the run of points between those longitudes (two
//! binary searches), then tests each point exactly: a few contiguous runs instead of a tree walk,
//! and nothing missed, since the box contains the disc (with a margin against rounding).

use std::f64::consts::PI;

use super::Point;
use super::index_points::{RAYON_TERRE_KM, distance_corde_km, vers_xyz};

/// Height of a band, in degrees (about 11 km).
const PAS_DEGRES: f64 = 0.1;
/// Number of bands from the south pole to the north pole.
const BANDES: usize = (180.0 / PAS_DEGRES) as usize;
/// Margin of the box around the disc, in degrees (about 1 mm): rounding never leaves a point out.
const MARGE_DEGRES: f64 = 1e-8;

/// One indexed point.
#[derive(Debug, Clone, Copy)]
struct Element<D> {
    lon: f64,
    xyz: [f64; 3],
    donnee: D,
}

/// Points with their data, by band of latitude then longitude.
#[derive(Debug, Clone)]
pub(super) struct GrillePoints<D> {
    elements: Vec<Element<D>>,
    /// Band `b` holds `elements[debuts[b]..debuts[b + 1]]`.
    debuts: Vec<u32>,
}

/// The band of a latitude.
fn bande(lat: f64) -> usize {
    (((lat + 90.0) / PAS_DEGRES).floor().max(0.0) as usize).min(BANDES - 1)
}

impl<D: Copy> GrillePoints<D> {
    /// The grid of `points` (valid points only: the caller filters).
    pub(super) fn new(points: impl IntoIterator<Item = (D, Point)>) -> Self {
        let mut par_bande: Vec<(usize, Element<D>)> = points
            .into_iter()
            .map(|(donnee, p)| {
                let element = Element {
                    lon: p.lon,
                    xyz: vers_xyz(p),
                    donnee,
                };
                (bande(p.lat), element)
            })
            .collect();
        par_bande.sort_unstable_by(|(b1, e1), (b2, e2)| b1.cmp(b2).then(e1.lon.total_cmp(&e2.lon)));
        let mut debuts = Vec::with_capacity(BANDES + 1);
        let mut i = 0;
        for b in 0..=BANDES {
            while i < par_bande.len() && par_bande[i].0 < b {
                i += 1;
            }
            debuts.push(i as u32);
        }
        GrillePoints {
            elements: par_bande.into_iter().map(|(_, e)| e).collect(),
            debuts,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.elements.len()
    }

    /// Every point with its unit vector and data.
    pub(super) fn points(&self) -> impl Iterator<Item = ([f64; 3], D)> + '_ {
        self.elements.iter().map(|e| (e.xyz, e.donnee))
    }

    /// Appends to `trouves` every point within `rayon_km` of `centre` (bound included), with its
    /// distance ([`distance_corde_km`]). `centre` is valid and `rayon_km` a number ≥ 0.
    pub(super) fn dans_le_rayon(&self, centre: Point, rayon_km: f64, trouves: &mut Vec<(D, f64)>) {
        let angle = (rayon_km / RAYON_TERRE_KM).min(PI);
        // Chord of the angle, with a margin against rounding; the exact test is on the distance.
        let corde = 2.0 * (angle / 2.0).sin() + 1e-9;
        let corde_carre = corde * corde;
        let c = vers_xyz(centre);
        let dlat = angle.to_degrees() + MARGE_DEGRES;
        let (sud, nord) = (centre.lat - dlat, centre.lat + dlat);
        // The longitudes to read: one range, or two across the antimeridian, or all of them
        // when the disc reaches a pole (or half the sphere).
        let etendue = angle.sin() / centre.lat.to_radians().cos();
        let mut longitudes = [(-180.0, 180.0), (1.0, 0.0)];
        if sud > -90.0 && nord < 90.0 && angle < PI / 2.0 && etendue < 1.0 {
            let dlon = etendue.asin().to_degrees() + MARGE_DEGRES;
            let (ouest, est) = (centre.lon - dlon, centre.lon + dlon);
            longitudes = if ouest < -180.0 {
                [(-180.0, est), (ouest + 360.0, 180.0)]
            } else if est > 180.0 {
                [(ouest, 180.0), (-180.0, est - 360.0)]
            } else {
                [(ouest, est), (1.0, 0.0)]
            };
        }
        for b in bande(sud)..=bande(nord) {
            let rangee = &self.elements[self.debuts[b] as usize..self.debuts[b + 1] as usize];
            for &(ouest, est) in longitudes.iter().filter(|(o, e)| o <= e) {
                let debut = rangee.partition_point(|e| e.lon < ouest);
                let fin = rangee.partition_point(|e| e.lon <= est);
                for e in &rangee[debut..fin.max(debut)] {
                    let carre: f64 = c.iter().zip(&e.xyz).map(|(u, v)| (u - v) * (u - v)).sum();
                    if carre <= corde_carre {
                        let d = distance_corde_km(&c, &e.xyz);
                        if d <= rayon_km {
                            trouves.push((e.donnee, d));
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Points all over the sphere, denser near the poles and the antimeridian.
    fn semis() -> Vec<(u32, Point)> {
        let mut points = Vec::new();
        for i in 0..60 {
            for j in 0..72 {
                let lat = -89.9 + f64::from(i) * 3.0;
                let lon = -179.99 + f64::from(j) * 5.0;
                points.push((points.len() as u32, Point::new(lat, lon)));
            }
        }
        for k in 0..200 {
            let f = f64::from(k);
            points.push((
                points.len() as u32,
                Point::new(89.0 + f / 250.0, f * 1.8 - 180.0),
            ));
            points.push((
                points.len() as u32,
                Point::new(-60.0 + f * 0.6, 179.5 + f / 400.0),
            ));
            points.push((
                points.len() as u32,
                Point::new(-60.0 + f * 0.6, -179.9 + f / 400.0),
            ));
        }
        points
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Nothing within the radius missed, nothing outside returned, anywhere on the sphere:
        /// poles, antimeridian, radii up to beyond half the Earth.
        #[test]
        fn radius_query_equals_brute_force_everywhere(
            lat in -90.0f64..=90.0,
            lon in -180.0f64..=180.0,
            rayon in prop_oneof![0.0f64..50.0, 0.0f64..3000.0, 0.0f64..25000.0],
        ) {
            let points = semis();
            let grille = GrillePoints::new(points.iter().copied());
            let centre = Point::new(lat, lon);
            let mut trouves = Vec::new();
            grille.dans_le_rayon(centre, rayon, &mut trouves);
            let mut ids: Vec<u32> = trouves.iter().map(|(i, _)| *i).collect();
            ids.sort_unstable();
            let c = vers_xyz(centre);
            let attendus: Vec<u32> = points
                .iter()
                .filter(|(_, p)| distance_corde_km(&c, &vers_xyz(*p)) <= rayon)
                .map(|(i, _)| *i)
                .collect();
            prop_assert_eq!(ids, attendus);
        }
    }

    #[test]
    fn bands_cover_every_latitude() {
        assert_eq!(bande(-90.0), 0);
        assert_eq!(bande(90.0), BANDES - 1);
        assert_eq!(bande(48.85), 1388);
        let grille =
            GrillePoints::new([(7u32, Point::new(90.0, 0.0)), (8, Point::new(-90.0, 0.0))]);
        assert_eq!(grille.len(), 2);
        let mut trouves = Vec::new();
        grille.dans_le_rayon(Point::new(89.99, 45.0), 2.0, &mut trouves);
        assert_eq!(trouves.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [7]);
    }
}
