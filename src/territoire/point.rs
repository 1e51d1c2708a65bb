//! A WGS84 point and great-circle (haversine) distances in kilometres.

use geo::{Distance, Haversine};
use serde::{Deserialize, Serialize};

/// A WGS84 position in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Point {
    /// Latitude, −90…90.
    pub lat: f64,
    /// Longitude, −180…180.
    pub lon: f64,
}

impl Point {
    /// A point from latitude and longitude.
    pub fn new(lat: f64, lon: f64) -> Self {
        Point { lat, lon }
    }

    /// Whether both coordinates are finite and within their ranges.
    pub fn is_valid(&self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }

    /// Great-circle distance to `other`, in kilometres (mean Earth radius 6371.0088 km).
    pub fn distance_km(&self, other: &Point) -> f64 {
        Haversine.distance(self.to_geo(), other.to_geo()) / 1000.0
    }

    /// The `geo` point (x = longitude, y = latitude).
    pub fn to_geo(self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }
}

#[cfg(test)]
mod tests {
    use super::Point;

    #[test]
    fn haversine_lille_roubaix() {
        let lille = Point::new(50.6292, 3.0573);
        let roubaix = Point::new(50.6942, 3.1746);
        let d = lille.distance_km(&roubaix);
        assert!((d - 10.85).abs() < 0.2, "{d}");
        assert_eq!(lille.distance_km(&lille), 0.0);
    }

    #[test]
    fn validity() {
        assert!(Point::new(48.8, 2.3).is_valid());
        assert!(!Point::new(91.0, 2.3).is_valid());
        assert!(!Point::new(f64::NAN, 2.3).is_valid());
    }
}
