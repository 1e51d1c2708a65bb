use proptest::prelude::*;

use super::*;
use crate::catalog::model::{Catalogue, StructureIdx, ZoneEligibilite};
use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};
use crate::referentiel::CodeSet;
use crate::territoire::{CodeCommune, Zone};

fn t() -> &'static Territoires {
    Territoires::embarques()
}

fn zone(code: Option<&str>) -> ZoneEligibilite {
    match code {
        None => ZoneEligibilite::Inconnue,
        Some(c) => ZoneEligibilite::Zones(vec![t().zone_eligibilite(c).expect("zone")]),
    }
}

fn modes(codes: &[&str]) -> CodeSet<ModeAccueil> {
    codes.iter().filter_map(|c| ModeAccueil::parse(c)).collect()
}

fn service(
    id: &str,
    commune: Option<&str>,
    point: Option<Point>,
    m: &[&str],
    z: Option<&str>,
) -> Service {
    let mut s = service_minimal(
        id,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default(),
    );
    s.structure = StructureIdx(0);
    s.adresse.code_insee = commune.map(|c| CodeCommune::parse(c).expect("code"));
    s.point = point;
    s.modes_accueil = modes(m);
    s.zone = zone(z);
    s
}

fn origine(code: &str) -> Origine {
    let c = t().commune(code).expect("commune");
    Origine {
        point: c.point.expect("point"),
        commune: c.id,
    }
}

fn point_de(code: &str) -> Option<Point> {
    t().commune(code).and_then(|c| c.point)
}

#[test]
fn roubaix_lanes() {
    let far_in_roubaix = Point::new(50.60, 3.40); // published ~17 km away, address in Roubaix
    let services = vec![
        service(
            "tourcoing",
            Some("59599"),
            point_de("59599"),
            &["en-presentiel"],
            Some("59"),
        ),
        service(
            "lille",
            Some("59350"),
            point_de("59350"),
            &["en-presentiel"],
            Some("59"),
        ),
        service(
            "roubaix-loin",
            Some("59512"),
            Some(far_in_roubaix),
            &["en-presentiel"],
            Some("59512"),
        ),
        service("national", None, None, &["a-distance"], Some("france")),
        service("bretagne", None, None, &["a-distance"], Some("35")),
        service(
            "pas-de-calais",
            Some("59599"),
            point_de("59599"),
            &["en-presentiel"],
            Some("62"),
        ),
        service("zone-inconnue", Some("59599"), point_de("59599"), &[], None),
        service(
            "les-deux",
            Some("59599"),
            point_de("59599"),
            &["en-presentiel", "a-distance"],
            Some("59"),
        ),
    ];
    let catalogue = Catalogue {
        structures: vec![structure_minimale("s0")],
        services,
    };
    let index = IndexCandidats::new(&catalogue, t());
    let lanes = index.lanes(&catalogue, t(), origine("59512"), 5.0, Prefiltre::default());
    let mut vus: Vec<(&str, Mode, ConfianceZone)> = lanes
        .candidats
        .iter()
        .map(|c| {
            (
                catalogue.services[c.service as usize].id.as_str(),
                c.mode,
                c.zone,
            )
        })
        .collect();
    vus.sort_by_key(|(id, _, _)| *id);
    assert_eq!(
        vus,
        [
            ("les-deux", Mode::SurPlace, ConfianceZone::Listee),
            ("national", Mode::ADistance, ConfianceZone::Listee),
            ("roubaix-loin", Mode::SurPlace, ConfianceZone::Listee),
            ("tourcoing", Mode::SurPlace, ConfianceZone::Listee),
            ("zone-inconnue", Mode::SurPlace, ConfianceZone::Inconnue),
        ]
    );
    assert_eq!(lanes.hors_territoire.len(), 1);
    let loin = lanes
        .candidats
        .iter()
        .find(|c| c.service == 2)
        .expect("roubaix-loin");
    assert!(loin.distance_km.is_some_and(|d| d > 5.0));
    // A wider radius reaches Lille.
    let lanes = index.lanes(
        &catalogue,
        t(),
        origine("59512"),
        15.0,
        Prefiltre::default(),
    );
    assert!(lanes.candidats.iter().any(|c| c.service == 1));
}

#[test]
fn arrondissement_and_parent_count_as_the_same_commune() {
    let services = vec![service(
        "lyon-3",
        Some("69383"),
        Some(Point::new(45.9, 4.5)),
        &[],
        Some("69123"),
    )];
    let catalogue = Catalogue {
        structures: vec![structure_minimale("s0")],
        services,
    };
    let index = IndexCandidats::new(&catalogue, t());
    let lanes = index.lanes(&catalogue, t(), origine("69387"), 1.0, Prefiltre::default());
    assert_eq!(
        lanes.candidats.len(),
        1,
        "a person in Lyon 7e sees an offer of Lyon 3e"
    );
}

const COMMUNES: [&str; 5] = ["59512", "59350", "59599", "62041", "35238"];
const ZONES: [Option<&str>; 8] = [
    None,
    Some("france"),
    Some("59"),
    Some("62"),
    Some("59512"),
    Some("200093201"),
    Some("32"),
    Some("75056"),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Against a brute-force oracle: nothing eligible within the radius (or in her commune) is
    /// missed, every result is within the radius, in her commune or remote and entitled, once.
    #[test]
    fn lanes_equal_brute_force(
        specs in proptest::collection::vec((0usize..5, -0.6f64..0.6, -0.9f64..0.9, 0usize..4, 0usize..8), 0..60),
        personne in 0usize..4,
        rayon in 0.0f64..60.0,
    ) {
        let lille = Point::new(50.63, 3.06);
        let mode_sets: [&[&str]; 4] = [&[], &["en-presentiel"], &["a-distance"], &["en-presentiel", "a-distance"]];
        let services: Vec<Service> = specs
            .iter()
            .enumerate()
            .map(|(i, (commune, dlat, dlon, m, z))| {
                let p = Point::new(lille.lat + dlat, lille.lon + dlon);
                service(&format!("s{i}"), Some(COMMUNES[*commune]), Some(p), mode_sets[*m], ZONES[*z])
            })
            .collect();
        let catalogue = Catalogue { structures: vec![structure_minimale("s0")], services };
        let index = IndexCandidats::new(&catalogue, t());
        let o = origine(COMMUNES[personne]);
        let lanes = index.lanes(&catalogue, t(), o, rayon, Prefiltre::default());

        let mut trouves: Vec<(u32, Mode)> = lanes.candidats.iter().map(|c| (c.service, c.mode)).collect();
        trouves.sort_by_key(|(i, _)| *i);
        let uniques: std::collections::HashSet<u32> = trouves.iter().map(|(i, _)| *i).collect();
        prop_assert_eq!(uniques.len(), trouves.len(), "each service once");

        let mut attendus = Vec::new();
        let mut hors = 0;
        for (i, s) in catalogue.services.iter().enumerate() {
            let (presentiel, distance) = super::modes(s);
            let entitled = match &s.zone {
                ZoneEligibilite::Inconnue => true,
                ZoneEligibilite::Zones(zs) => zs.iter().any(|z: &Zone| t().zone_contient(z, o.commune)),
            };
            let meme_commune = s.adresse.code_insee.map(|c| c.to_string()) == Some(COMMUNES[personne].to_owned());
            let proche = s.point.is_some_and(|p| o.point.distance_km(&p) <= rayon);
            if presentiel && (proche || meme_commune) {
                if entitled { attendus.push((i as u32, Mode::SurPlace)); } else { hors += 1; }
            } else if distance && entitled {
                attendus.push((i as u32, Mode::ADistance));
            }
        }
        prop_assert_eq!(trouves, attendus);
        prop_assert_eq!(lanes.hors_territoire.len(), hors);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The numbered zone table answers like [`Territoires::zone_contient`] on the services' zones.
    #[test]
    fn the_zone_table_agrees_with_zone_contient(
        zones_services in proptest::collection::vec(proptest::collection::vec(0usize..9, 0..4), 1..20),
        commune in 0usize..6,
    ) {
        let codes = ["france", "59", "62", "59512", "69123", "69387", "84", "200093201", "75"];
        let communes = ["59512", "59350", "69387", "69123", "62041", "75056"];
        let services: Vec<Service> = zones_services.iter().enumerate().map(|(i, zs)| {
            let mut s = service(&format!("s{i}"), None, None, &[], None);
            if !zs.is_empty() {
                s.zone = ZoneEligibilite::Zones(
                    zs.iter().map(|&z| t().zone_eligibilite(codes[z]).expect("zone")).collect(),
                );
            }
            s
        }).collect();
        let table = zones::TableZones::new(&services);
        let c = t().commune(communes[commune]).expect("commune").id;
        let contenant = table.contenant(t(), c);
        for (i, s) in services.iter().enumerate() {
            let attendu = match &s.zone {
                ZoneEligibilite::Inconnue => Some(ConfianceZone::Inconnue),
                ZoneEligibilite::Zones(zs) => zs
                    .iter()
                    .any(|z| t().zone_contient(z, c))
                    .then_some(ConfianceZone::Listee),
            };
            let i = i as u32;
            prop_assert_eq!(table.confiance_resumee(i, table.resumees(i), &contenant), attendu);
        }
    }
}
