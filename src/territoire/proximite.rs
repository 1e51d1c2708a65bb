//! Nearest commune to a point, and whether a point lies within France's territories.
//!
//! Points are indexed in an R-tree as 3D unit vectors: the straight-line (chord) distance between
//! two unit vectors grows strictly with their great-circle distance, so the Euclidean nearest
//! neighbour in 3D *is* the great-circle nearest neighbour, with no approximation.

use super::{Commune, CommuneId, Point, Territoires};

/// Bounding boxes `(lat_min, lat_max, lon_min, lon_max)` of metropolitan France with Corsica and
/// of each overseas département or collectivity, with a small margin.
const EMPRISES: [(f64, f64, f64, f64); 12] = [
    (41.2, 51.2, -5.3, 9.7),            // métropole et Corse
    (15.8, 16.6, -61.9, -60.9),         // 971 Guadeloupe
    (14.35, 14.95, -61.3, -60.75),      // 972 Martinique
    (2.0, 5.9, -54.7, -51.5),           // 973 Guyane
    (-21.45, -20.8, 55.15, 55.9),       // 974 La Réunion
    (46.7, 47.2, -56.5, -56.0),         // 975 Saint-Pierre-et-Miquelon
    (-13.1, -12.55, 44.95, 45.35),      // 976 Mayotte
    (17.85, 17.99, -62.96, -62.77),     // 977 Saint-Barthélemy
    (18.03, 18.14, -63.17, -62.96),     // 978 Saint-Martin
    (-14.45, -13.15, -178.25, -176.05), // 986 Wallis-et-Futuna
    (-27.8, -7.8, -154.9, -134.3),      // 987 Polynésie française
    (-22.9, -19.0, 163.4, 168.3),       // 988 Nouvelle-Calédonie
];

impl Territoires {
    /// The nearest commune having a point, with its great-circle distance in km. For Paris,
    /// Lyon and Marseille, when their arrondissements have points, the arrondissement is
    /// returned, never the parent commune. `None` for an invalid point.
    pub fn commune_la_plus_proche(&self, p: Point) -> Option<(&Commune, f64)> {
        if !p.is_valid() {
            return None;
        }
        let plus_proche = self.arbre.plus_proche(p)?;
        let commune = self.commune_par_id(CommuneId(plus_proche));
        let point = commune.point?;
        Some((commune, p.distance_km(&point)))
    }

    /// Whether `p` lies within the bounding box of metropolitan France (with Corsica) or of an
    /// overseas département or collectivity (971–978, 986–988). A coarse check that catches
    /// swapped or zero coordinates, not a border test.
    pub fn dans_emprise_france(p: Point) -> bool {
        p.is_valid()
            && EMPRISES
                .iter()
                .any(|&(lat_min, lat_max, lon_min, lon_max)| {
                    (lat_min..=lat_max).contains(&p.lat) && (lon_min..=lon_max).contains(&p.lon)
                })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::territoire::GenreCommune;

    /// Brute force over the same candidates as the index.
    fn force_brute(t: &Territoires, p: Point) -> Option<(&Commune, f64)> {
        let parents_avec_arrondissements: std::collections::HashSet<_> = t
            .communes()
            .iter()
            .filter(|c| c.genre == GenreCommune::ArrondissementMunicipal && c.point.is_some())
            .filter_map(|c| c.parent)
            .collect();
        t.communes()
            .iter()
            .filter(|c| !parents_avec_arrondissements.contains(&c.id))
            .filter_map(|c| c.point.map(|q| (c, p.distance_km(&q))))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    #[test]
    fn roubaix() {
        let t = Territoires::embarques();
        let (c, d) = t
            .commune_la_plus_proche(Point::new(50.6905, 3.1780))
            .expect("commune");
        assert_eq!(c.code.as_str(), "59512");
        assert!(d < 1.0, "{d}");
        assert!(
            t.commune_la_plus_proche(Point::new(f64::NAN, 3.0))
                .is_none()
        );
    }

    #[test]
    fn arrondissement_plutot_que_parent() {
        let t = Territoires::embarques();
        // Vieux-Port de Marseille, Lyon Part-Dieu.
        let (c, _) = t
            .commune_la_plus_proche(Point::new(43.2951, 5.3740))
            .expect("Marseille");
        assert_eq!(c.genre, GenreCommune::ArrondissementMunicipal, "{}", c.nom);
        let (c, _) = t
            .commune_la_plus_proche(Point::new(45.7605, 4.8597))
            .expect("Lyon");
        assert_eq!(
            c.parent
                .map(|p| t.commune_par_id(p).code.to_string())
                .as_deref(),
            Some("69123")
        );
        // Paris arrondissements have no point: Paris itself is found.
        let (c, _) = t
            .commune_la_plus_proche(Point::new(48.8566, 2.3522))
            .expect("Paris");
        assert_eq!(c.code.as_str(), "75056");
    }

    #[test]
    fn emprise() {
        assert!(Territoires::dans_emprise_france(Point::new(
            48.8566, 2.3522
        )));
        assert!(Territoires::dans_emprise_france(Point::new(
            -20.8823, 55.4504
        )));
        assert!(Territoires::dans_emprise_france(Point::new(
            4.9372, -52.3260
        )));
        assert!(Territoires::dans_emprise_france(Point::new(
            41.9192, 8.7386
        )));
        assert!(!Territoires::dans_emprise_france(Point::new(0.0, 0.0)));
        assert!(!Territoires::dans_emprise_france(Point::new(
            2.3522, 48.8566
        )));
        assert!(!Territoires::dans_emprise_france(Point::new(f64::NAN, 2.0)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn egale_la_force_brute(
            zone in 0usize..4,
            u in 0.0f64..1.0,
            v in 0.0f64..1.0,
        ) {
            let (lat_min, lat_max, lon_min, lon_max) = [EMPRISES[0], EMPRISES[1], EMPRISES[4], EMPRISES[3]][zone];
            let p = Point::new(lat_min + u * (lat_max - lat_min), lon_min + v * (lon_max - lon_min));
            let t = Territoires::embarques();
            let (a, da) = t.commune_la_plus_proche(p).expect("index");
            let (b, db) = force_brute(t, p).expect("force brute");
            prop_assert!((da - db).abs() < 1e-9, "{} {da} vs {} {db}", a.code, b.code);
        }
    }
}
