//! Unit tests of the coverage on hand-built territories and catalogs with known answers.

use std::path::Path;

use h3o::Resolution;

use super::grille::{cellule, centre};
use super::*;
use crate::catalog::model::{Catalogue, Service, StructureIdx, ZoneEligibilite};
use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};
use crate::referentiel::{Code, CodeSet, ModeAccueil, Thematique};
use crate::territoire::{Point, Territoires};

/// Three communes on the meridian 3° E, in a one-département referential:
/// A (59001, 10,000 inh.) at 50.000° N, B (59002, 5,000) 3 km north of A, C (59003, 20,000)
/// 12 km north of A (9 km north of B).
fn territoires(dossier: &Path) -> Territoires {
    let f = |nom: &str, texte: &str| std::fs::write(dossier.join(nom), texte).expect("écrit");
    f("regions.csv", "code,nom\n32,Région test\n");
    f(
        "departements.csv",
        "code,nom,region,chef_lieu\n59,Département test,32,\n",
    );
    f("epci.csv", "siren,nom,type,population\n");
    f("alias.csv", "ancien,actuel,type\n");
    let km_lat = 1.0 / 111.195; // degrees of latitude per km on the mean sphere
    let ligne = |code: &str, nom: &str, pop: u32, nord_km: f64| {
        format!(
            "{code},{nom},commune,,59,32,,59000,{pop},{:.6},3.000000,exacte\n",
            50.0 + nord_km * km_lat
        )
    };
    let mut communes = String::from(
        "code,nom,genre,parent,departement,region,epci,codes_postaux,population,latitude,longitude,precision\n",
    );
    communes.push_str(&ligne("59001", "Alpha", 10_000, 0.0));
    communes.push_str(&ligne("59002", "Bravo", 5_000, 3.0));
    communes.push_str(&ligne("59003", "Charlie", 20_000, 12.0));
    f("communes.csv", &communes);
    Territoires::depuis_dossier(dossier).expect("référentiel de test")
}

fn mobilite() -> CodeSet<Thematique> {
    [Thematique::parse("mobilite--acceder-a-un-vehicule").expect("thématique")]
        .into_iter()
        .collect()
}

fn offre(id: &str, point: Option<Point>, modes: &[&str], zone: ZoneEligibilite) -> Service {
    let mut s = service_minimal(
        id,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default(),
    );
    s.structure = StructureIdx(0);
    s.thematiques = mobilite();
    s.point = point;
    s.modes_accueil = modes.iter().filter_map(|m| ModeAccueil::parse(m)).collect();
    s.zone = zone;
    s
}

fn catalogue(services: Vec<Service>) -> Catalogue {
    Catalogue {
        structures: vec![structure_minimale("s0")],
        services,
    }
}

/// The centre of the cell of a commune at `resolution`.
fn centre_de(t: &Territoires, code: &str, resolution: Resolution) -> Point {
    let p = t.commune(code).and_then(|c| c.point).expect("point");
    centre(cellule(p, resolution).expect("cellule"))
}

fn demande(territoire: &str, resolution: u8, rayon_km: f64) -> DemandeCouverture {
    DemandeCouverture {
        territoire: territoire.into(),
        besoins: vec!["mobilite".into()],
        resolution: Some(resolution),
        rayon_km: Some(rayon_km),
        ..DemandeCouverture::default()
    }
}

fn calcule(t: &Territoires, c: &Catalogue, d: &DemandeCouverture) -> Couverture {
    let requete = d.valider(t).expect("requête valide");
    couverture(&IndexCouverture::new(c, t), c, t, &requete).expect("couverture")
}

fn cellule_de<'a>(b: &'a CouvertureBesoin, code: &str) -> &'a Cellule {
    b.cellules
        .iter()
        .find(|c| c.communes.iter().any(|x| x.code.as_str() == code))
        .expect("cellule de la commune")
}

#[test]
fn une_cellule_sans_offre_dans_le_rayon_est_une_lacune_et_une_offre_la_ferme() {
    let dir = tempfile::tempdir().expect("tmp");
    let t = territoires(dir.path());
    let r = Resolution::Nine;
    let a = centre_de(&t, "59001", r);
    // One offer at A, radius 5 km: A (0 km) and B (3 km) are covered, C (12 km) is a gap.
    let un = catalogue(vec![offre(
        "a",
        Some(a),
        &["en-presentiel"],
        ZoneEligibilite::Inconnue,
    )]);
    let c = calcule(&t, &un, &demande("59", 9, 5.0));
    let b = &c.besoins[0];
    assert_eq!(b.besoin, "mobilite");
    assert_eq!(b.synthese.population, 35_000);
    assert_eq!(b.synthese.population_couverte, 15_000);
    assert_eq!(b.synthese.population_non_couverte, 20_000);
    assert_eq!(b.synthese.cellules, 3);
    assert_eq!(b.synthese.cellules_lacunes, 1);
    assert_eq!(b.synthese.offres_sur_place, 1);
    let gap = cellule_de(b, "59003");
    assert!(gap.lacune && gap.offres_dans_rayon == 0);
    assert_eq!(gap.population, 20_000);
    assert!((gap.distance_plus_proche_km.expect("offre") - 12.0).abs() < 0.5);
    assert_eq!(b.zones_lacunes.len(), 1);
    assert_eq!(b.zones_lacunes[0].population, 20_000);
    assert_eq!(b.zones_lacunes[0].communes[0].nom, "Charlie");
    assert_eq!(gap.zone_lacune, Some(1));
    assert!(!cellule_de(b, "59002").lacune);
    // Median distance over the population: A 0 (10,000), B ~3 (5,000), C ~12 (20,000) → ~3 km
    // is reached at 15,000 < 17,500, so the median is C's distance.
    assert!((b.synthese.distance_mediane_km.expect("médiane") - 12.0).abs() < 0.5);

    // Adding one offer at C closes the gap.
    let cc = centre_de(&t, "59003", r);
    let deux = catalogue(vec![
        offre("a", Some(a), &["en-presentiel"], ZoneEligibilite::Inconnue),
        offre("c", Some(cc), &[], ZoneEligibilite::Inconnue), // no mode published: on site
    ]);
    let c = calcule(&t, &deux, &demande("59", 9, 5.0));
    let b = &c.besoins[0];
    assert_eq!(b.synthese.population_non_couverte, 0);
    assert_eq!(b.synthese.part_couverte, 100.0);
    assert!(b.zones_lacunes.is_empty());
    assert_eq!(cellule_de(b, "59003").distance_plus_proche_km, Some(0.0));
}

#[test]
fn e2sfca_sur_trois_cellules_calcule_a_la_main() {
    // Offers O1 at A's cell centre, O2 at C's. Centre distances (res 9, cells ~0.2 km):
    // A–B ≈ 3 km (weight 1), B–C ≈ 9 km (0.68), A–C ≈ 12 km (0.22).
    // Step 1: P1 = 10,000·1 + 5,000·1 + 20,000·0.22 = 19,400 ; R1 = 1/19,400
    //         P2 = 20,000·1 + 5,000·0.68 + 10,000·0.22 = 25,600 ; R2 = 1/25,600
    // Step 2 (× 10,000):
    //   A = 10,000·(R1·1 + R2·0.22)    = 0.515464 + 0.085938 = 0.601402 → 0.6014
    //   B = 10,000·(R1·1 + R2·0.68)    = 0.515464 + 0.265625 = 0.781089 → 0.7811
    //   C = 10,000·(R1·0.22 + R2·1)    = 0.113402 + 0.390625 = 0.504027 → 0.5040
    let dir = tempfile::tempdir().expect("tmp");
    let t = territoires(dir.path());
    let r = Resolution::Nine;
    let cat = catalogue(vec![
        offre(
            "o1",
            Some(centre_de(&t, "59001", r)),
            &["en-presentiel"],
            ZoneEligibilite::Inconnue,
        ),
        offre(
            "o2",
            Some(centre_de(&t, "59003", r)),
            &["en-presentiel"],
            ZoneEligibilite::Inconnue,
        ),
    ]);
    let c = calcule(&t, &cat, &demande("59", 9, 10.0));
    let b = &c.besoins[0];
    assert_eq!(cellule_de(b, "59001").accessibilite, 0.6014);
    assert_eq!(cellule_de(b, "59002").accessibilite, 0.7811);
    assert_eq!(cellule_de(b, "59003").accessibilite, 0.5040);
    // Radius 10 km: O1 reaches A and B, O2 reaches B and C.
    assert_eq!(cellule_de(b, "59002").offres_dans_rayon, 2);
    assert_eq!(cellule_de(b, "59001").offres_dans_rayon, 1);
    // Saturation: catchments 19,400 and 25,600, median 22,500: none reaches 3×.
    assert_eq!(b.saturation.population_desservie_mediane, 22_500.0);
    assert_eq!(b.saturation.offres_saturees, 0);
}

#[test]
fn poids_des_bandes() {
    use super::e2sfca::poids_bande;
    assert_eq!(poids_bande(0.0), 1.0);
    assert_eq!(poids_bande(5.0), 1.0);
    assert_eq!(poids_bande(5.01), 0.68);
    assert_eq!(poids_bande(10.0), 0.68);
    assert_eq!(poids_bande(19.9), 0.22);
    assert_eq!(poids_bande(20.01), 0.0);
}

#[test]
fn territoire_a_distance_seulement() {
    let dir = tempfile::tempdir().expect("tmp");
    let t = territoires(dir.path());
    let zone = ZoneEligibilite::Zones(vec![t.zone_eligibilite("59").expect("59")]);
    let cat = catalogue(vec![
        offre("visio", None, &["a-distance"], zone.clone()),
        // Listed twice (département and commune): counted once for Alpha.
        offre(
            "visio-2",
            None,
            &["a-distance"],
            ZoneEligibilite::Zones(vec![
                t.zone_eligibilite("59").expect("59"),
                t.zone_eligibilite("59001").expect("59001"),
            ]),
        ),
        offre(
            "sans-zone",
            None,
            &["a-distance"],
            ZoneEligibilite::Inconnue,
        ),
    ]);
    let c = calcule(&t, &cat, &demande("59", 7, 10.0));
    let b = &c.besoins[0];
    assert_eq!(b.synthese.population_couverte, 0);
    assert_eq!(b.synthese.part_couverte, 0.0);
    assert_eq!(b.synthese.part_couverte_a_distance, 100.0);
    assert_eq!(b.synthese.population_lacune_couverte_a_distance, 35_000);
    assert_eq!(b.synthese.offres_sur_place, 0);
    assert_eq!(b.synthese.offres_a_distance, 2);
    assert_eq!(b.synthese.offres_a_distance_zone_inconnue, 1);
    assert_eq!(b.synthese.distance_mediane_km, None);
    assert!(
        b.cellules
            .iter()
            .all(|c| c.lacune && c.offres_a_distance == 2)
    );
    assert!(
        b.cellules
            .iter()
            .all(|c| c.distance_plus_proche_km.is_none())
    );
}

#[test]
fn geojson_valide_et_instantane() {
    let dir = tempfile::tempdir().expect("tmp");
    let t = territoires(dir.path());
    let cat = catalogue(vec![offre(
        "o1",
        Some(centre_de(&t, "59001", Resolution::Nine)),
        &["en-presentiel"],
        ZoneEligibilite::Inconnue,
    )]);
    let c = calcule(&t, &cat, &demande("59", 9, 5.0));
    let g = vers_geojson(&c);
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().expect("features");
    assert_eq!(features.len(), 3);
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Polygon");
        let anneau: Vec<[f64; 2]> =
            serde_json::from_value(f["geometry"]["coordinates"][0].clone()).expect("anneau");
        assert!(anneau.len() >= 7, "hexagone fermé : {}", anneau.len());
        assert_eq!(anneau.first(), anneau.last(), "anneau fermé");
        for [lon, lat] in &anneau {
            // [lon, lat]: the fixture sits at 3° E, 50° N.
            assert!(
                (lon - 3.0).abs() < 0.05 && (lat - 50.0).abs() < 0.2,
                "{lon} {lat}"
            );
            assert!((-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon));
        }
        assert!(
            geojson::aire_signee(&anneau[..anneau.len() - 1]) > 0.0,
            "anneau extérieur dans le sens trigonométrique"
        );
    }
    assert_eq!(g["summary"]["besoins"][0]["synthese"]["population"], 35_000);
    insta::assert_json_snapshot!("geojson_trois_communes", g);
}

#[test]
fn csv_par_cellule_et_par_commune() {
    let dir = tempfile::tempdir().expect("tmp");
    let t = territoires(dir.path());
    let c = calcule(&t, &catalogue(vec![]), &demande("59001,59003", 7, 10.0));
    let mut cellules = Vec::new();
    ecrire_cellules(&c, &mut cellules).expect("csv");
    let texte = String::from_utf8(cellules).expect("utf8");
    assert_eq!(texte.lines().count(), 3, "{texte}");
    assert!(texte.starts_with("besoin,h3,lat,lon,population,"));
    let mut communes = Vec::new();
    ecrire_communes(&c, &mut communes).expect("csv");
    let texte = String::from_utf8(communes).expect("utf8");
    let lignes: Vec<&str> = texte.lines().collect();
    assert_eq!(lignes.len(), 3);
    assert!(
        lignes[1].starts_with("mobilite,59001,Alpha,10000,"),
        "{}",
        lignes[1]
    );
    assert!(lignes[2].contains(",true,"), "{}", lignes[2]);
}

#[test]
fn mauvaises_entrees_nommees() {
    let t = Territoires::embarques();
    let err = |d: DemandeCouverture| d.valider(t).expect_err("refusée");
    let e = err(demande("59", 10, 10.0));
    assert_eq!(e.champ(), "resolution");
    assert!(e.detail().contains("5 à 9"), "{e}");
    let e = err(demande("59", 4, 10.0));
    assert_eq!(e.champ(), "resolution");
    for rayon in [0.0, 0.5, 51.0, f64::NAN, f64::INFINITY] {
        let e = err(demande("59", 7, rayon));
        assert_eq!(e.champ(), "rayon_km");
        assert!(e.detail().contains("1 à 50 km"), "{e}");
    }
    for territoire in ["", "20", "region:99", "123456789", "lille", "59350,00000"] {
        let e = err(demande(territoire, 7, 10.0));
        assert_eq!(e.champ(), "territoire", "{territoire}");
        assert!(e.detail().contains("region:32"), "{e}");
    }
    let mut d = demande("59", 7, 10.0);
    d.besoins = vec!["teleportation".into()];
    let e = err(d.clone());
    assert_eq!(e.champ(), "besoin");
    assert!(e.detail().contains("« teleportation »"), "{e}");
    d.besoins = vec![];
    assert_eq!(err(d.clone()).champ(), "besoin");
    d.besoins = vec!["mobilite".into()];
    d.publics = vec!["martiens".into()];
    let e = err(d);
    assert_eq!(e.champ(), "publics");
}

#[test]
fn france_entiere_en_resolution_9_est_refusee() {
    let t = Territoires::embarques();
    let cat = catalogue(vec![]);
    let index = IndexCouverture::new(&cat, t);
    let requete = demande("france", 9, 10.0).valider(t).expect("valide");
    let e = couverture(&index, &cat, t, &requete).expect_err("trop grand");
    assert!(matches!(e, CouvertureError::TropEtendu { .. }), "{e}");
    assert_eq!(e.champ(), "territoire");
    assert!(
        e.detail()
            .contains("résolutions possibles pour ce territoire : 5 à 7"),
        "{e}"
    );
    // `tous` on all France at res 7 exceeds cells × needs.
    let mut d = demande("france", 7, 10.0);
    d.besoins = vec!["tous".into()];
    let requete = d.valider(t).expect("valide");
    assert_eq!(requete.besoins.len(), 16);
    let e = couverture(&index, &cat, t, &requete).expect_err("trop de besoins");
    assert!(e.detail().contains("au plus"), "{e}");
}

#[test]
fn requete_normalisee_comme_cle_de_cache() {
    use std::collections::HashSet;
    let t = Territoires::embarques();
    let mut a = demande("region:32", 7, 10.0);
    a.besoins = vec!["mobilite".into(), "trouver-un-emploi".into()];
    let mut b = demande(" region:32 ", 7, 10.0);
    b.besoins = vec![
        "trouver-un-emploi".into(),
        "mobilite".into(),
        "mobilite".into(),
    ];
    b.resolution = None;
    b.rayon_km = None;
    let (a, b) = (a.valider(t).expect("a"), b.valider(t).expect("b"));
    assert_eq!(a, b);
    assert_eq!(a.territoire.to_string(), "region:32");
    let cles: HashSet<RequeteCouverture> = [a, b].into_iter().collect();
    assert_eq!(cles.len(), 1);
    let c1 = demande("59512,59350", 7, 10.0).valider(t).expect("c1");
    let c2 = demande("59350,59512,59350", 7, 10.0)
        .valider(t)
        .expect("c2");
    assert_eq!(c1.territoire, c2.territoire);
    // "32" alone is the Gers (département), not the région.
    assert!(matches!(
        demande("32", 7, 10.0).valider(t).expect("32").territoire,
        TerritoireCouverture::Departement(_)
    ));
}

#[test]
fn lacunes_regroupees_par_anneaux() {
    use super::lacunes::{anneaux, regrouper};
    assert_eq!(anneaux(Resolution::Seven), 3);
    let origine = cellule(Point::new(50.0, 3.0), Resolution::Seven).expect("cellule");
    let loin = cellule(Point::new(50.5, 3.0), Resolution::Seven).expect("cellule");
    let voisin = origine
        .grid_disk::<Vec<_>>(2)
        .into_iter()
        .last()
        .expect("voisin");
    let zones = regrouper(&[origine, loin, voisin], 3);
    assert_eq!(zones, vec![vec![0, 2], vec![1]]);
}

#[test]
fn population_de_lyon_portee_par_ses_arrondissements() {
    let t = Territoires::embarques();
    let cat = catalogue(vec![]);
    let index = IndexCouverture::new(&cat, t);
    let lyon = demande("69123", 7, 10.0).valider(t).expect("Lyon");
    let c = couverture(&index, &cat, t, &lyon).expect("couverture");
    let y = &c.besoins[0].synthese;
    let arrondissements: u64 = t
        .arrondissements_de(t.commune("69123").expect("Lyon").id)
        .iter()
        .map(|a| u64::from(t.commune_par_id(*a).population))
        .sum();
    assert_eq!(y.population + y.population_non_localisee, arrondissements);
    let paris = demande("75056", 7, 10.0).valider(t).expect("Paris");
    let c = couverture(&index, &cat, t, &paris).expect("couverture");
    let y = &c.besoins[0].synthese;
    assert_eq!(y.population_non_localisee, 0);
    assert_eq!(
        y.population,
        u64::from(t.commune("75056").expect("Paris").population)
    );
}
