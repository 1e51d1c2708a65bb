//! Loading the dirty fixture: every validation reason, exact totals, and normalisation across
//! Corsica, overseas, arrondissements, merged communes, EPCI and département zones.

use maillage::catalog::model::{Famille, OriginePoint, ZoneEligibilite};
use maillage::catalog::validation::{Gravite, Motif, charger};
use maillage::territoire::{PrecisionPoint, Territoires, Zone};

use crate::common::{fixture, options};

#[test]
fn dirty_catalog_reports_every_reason_and_reconciles() {
    let (catalogue, rapport) = charger(
        &fixture("catalogue_sale"),
        Territoires::embarques(),
        &options(),
    )
    .expect("loads");
    assert!(rapport.reconcilie());
    let totaux: Vec<_> = rapport
        .fichiers
        .iter()
        .map(|f| (f.fichier.as_str(), f.lus, f.acceptes, f.rejetes))
        .collect();
    assert_eq!(
        totaux,
        [("structures.json", 5, 3, 2), ("services.jsonl", 9, 5, 4)]
    );
    assert_eq!(catalogue.structures.len(), 3);
    assert_eq!(catalogue.services.len(), 5);

    let count = |motif: Motif, gravite: Gravite| {
        rapport
            .constats
            .iter()
            .filter(|c| c.motif == motif && c.gravite == gravite)
            .count()
    };
    use Gravite::{Avertissement as A, Rejet as R};
    assert_eq!(count(Motif::ChampObligatoireManquant, R), 1);
    assert_eq!(count(Motif::IdentifiantDuplique, R), 2);
    assert_eq!(count(Motif::StructureInconnue, R), 1);
    assert_eq!(count(Motif::ValeurInvalide, R), 1, "date in the future");
    assert_eq!(count(Motif::Illisible, R), 1, "truncated last line");
    assert_eq!(count(Motif::CodeInconnu, A), 2);
    assert_eq!(count(Motif::CoordonneesInversees, A), 1);
    assert_eq!(count(Motif::CoordonneesInvalides, A), 1);
    assert_eq!(count(Motif::CourrielInvalide, A), 1);
    assert_eq!(count(Motif::UrlInvalide, A), 1);
    assert_eq!(count(Motif::HorairesInvalides, A), 1);
    assert_eq!(count(Motif::ZoneInconnue, A), 1);
    assert_eq!(count(Motif::CodeInseeInconnu, A), 1);
    let dangling = rapport
        .constats
        .iter()
        .find(|c| c.motif == Motif::StructureInconnue)
        .expect("one");
    assert_eq!(dangling.id.as_deref(), Some("sv2"));
    assert_eq!(dangling.position.ligne, Some(2));

    // Swapped coordinates are corrected, bad contacts dropped, bad hours kept as text.
    let s2 = &catalogue.structures[1];
    assert_eq!(s2.point.map(|p| (p.lat, p.lon)), Some((50.6942, 3.1746)));
    assert_eq!(s2.courriel, None);
    assert_eq!(
        s2.horaires_accueil
            .as_ref()
            .map(|h| (h.texte.as_str(), h.valides)),
        Some(("tous les jours", false))
    );
}

#[test]
fn normalisation_resolves_points_zones_and_families() {
    let t = Territoires::embarques();
    let (catalogue, _) = charger(&fixture("catalogue_sale"), t, &options()).expect("loads");
    let service = |id: &str| catalogue.services.iter().find(|s| s.id == id).expect(id);

    // sv1: structure's point, département + EPCI zone, EA family from the structure's réseau.
    let sv1 = service("sv1");
    assert_eq!(sv1.origine_point, OriginePoint::Structure);
    assert_eq!(sv1.famille, Famille::EntrepriseAdaptee);
    let mel = t.epci("200093201").expect("MEL");
    let roubaix = t.commune("59512").expect("Roubaix");
    let ZoneEligibilite::Zones(zones) = &sv1.zone else {
        panic!("zones expected")
    };
    assert_eq!(zones.len(), 2);
    assert!(zones.iter().all(|z| t.zone_contient(z, roubaix.id)));
    assert!(zones.contains(&Zone::Epci(mel.siren)));
    assert_eq!(
        sv1.zone_eligibilite.as_deref(),
        Some(&["59".to_owned(), "200093201".to_owned()][..])
    );

    // sv4 (Corsica): coordinates out of France dropped → the point of Ajaccio's commune.
    let sv4 = service("sv4");
    assert_eq!(
        sv4.origine_point,
        OriginePoint::Commune(PrecisionPoint::Exacte)
    );
    let ajaccio = t.commune("2A004").expect("Ajaccio");
    assert_eq!(sv4.point, ajaccio.point);
    assert_eq!(ajaccio.departement.as_str(), "2A");

    // sv5: an arrondissement of Lyon; zone = Lyon, which contains its arrondissements.
    let sv5 = service("sv5");
    assert_eq!(
        sv5.adresse.code_insee.map(|c| c.to_string()).as_deref(),
        Some("69383")
    );
    let lyon3 = t.commune("69383").expect("Lyon 3e");
    assert_eq!(sv5.point, lyon3.point);
    let ZoneEligibilite::Zones(zones) = &sv5.zone else {
        panic!("zones expected")
    };
    assert!(t.zone_contient(&zones[0], lyon3.id));

    // sv6: overseas.
    let sv6 = service("sv6");
    assert!(sv6.point.is_some());
    let ZoneEligibilite::Zones(zones) = &sv6.zone else {
        panic!("zones expected")
    };
    assert_eq!(
        zones[0],
        Zone::Departement(t.commune("97411").expect("Saint-Denis").departement)
    );

    // sv7: a merged commune's old code resolves to the current commune; national zone.
    let sv7 = service("sv7");
    assert_eq!(
        sv7.adresse.code_insee.map(|c| c.to_string()).as_deref(),
        Some("50129")
    );
    assert_eq!(sv7.zone, ZoneEligibilite::Zones(vec![Zone::France]));

    // Quality score is computed for every service, within [0, 1].
    assert!(
        catalogue
            .services
            .iter()
            .all(|s| (0.0..=1.0).contains(&s.score_qualite))
    );
}

#[test]
fn csv_export_loads_and_duplicates_across_sources_cluster() {
    let (catalogue, rapport) = charger(
        &fixture("catalogue_csv"),
        Territoires::embarques(),
        &options(),
    )
    .expect("loads");
    assert_eq!(rapport.rejetes(), 0, "{:?}", rapport.constats);
    assert_eq!(rapport.constats.len(), 0);
    assert_eq!(catalogue.services.len(), 2);
    assert!(
        catalogue
            .services
            .iter()
            .all(|s| s.famille == Famille::Mobilite)
    );
    assert_eq!(catalogue.services[0].doublon, Some(0));
    assert_eq!(catalogue.services[1].doublon, Some(0));
    assert_eq!(
        catalogue.services[1]
            .zone_eligibilite
            .as_ref()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn missing_or_ambiguous_files_are_fatal() {
    let dir = tempfile::tempdir().expect("tmp");
    let err = charger(dir.path(), Territoires::embarques(), &options()).expect_err("empty dir");
    assert!(err.to_string().contains("structures.json"), "{err}");
    std::fs::write(dir.path().join("structures.json"), "[]").expect("write");
    std::fs::write(dir.path().join("structures.jsonl"), "").expect("write");
    let err = charger(dir.path(), Territoires::embarques(), &options()).expect_err("two files");
    assert!(err.to_string().contains("plusieurs"), "{err}");
}

#[test]
fn report_json_shape() {
    let (_, rapport) = charger(
        &fixture("catalogue_sale"),
        Territoires::embarques(),
        &options(),
    )
    .expect("loads");
    insta::assert_json_snapshot!("rapport_catalogue_sale", rapport);
}
