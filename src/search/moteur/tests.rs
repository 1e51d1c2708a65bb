use proptest::prelude::*;

use super::*;
use crate::catalog::model::{Famille, StructureIdx, ZoneEligibilite};
use crate::catalog::normalisation::tests::{service_minimal, structure_minimale};
use crate::referentiel::{Code, ModeAccueil, PersonneMobilisatrice, Thematique};
use crate::search::{RequeteDemandee, Statut, eligibilite};
use crate::territoire::{CodeCommune, Point};

fn t() -> &'static Territoires {
    Territoires::embarques()
}

fn point_de(code: &str) -> Option<Point> {
    t().commune(code).and_then(|c| c.point)
}

struct Offre<'a> {
    id: &'a str,
    famille: Famille,
    commune: Option<&'a str>,
    thematiques: &'a [&'a str],
    modes: &'a [&'a str],
    zone: &'a str,
}

fn service(o: &Offre) -> Service {
    let mut s = service_minimal(
        o.id,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default(),
    );
    s.structure = StructureIdx(0);
    s.famille = o.famille;
    s.adresse.code_insee = o.commune.map(|c| CodeCommune::parse(c).expect("code"));
    s.point = o.commune.and_then(point_de);
    s.thematiques = o
        .thematiques
        .iter()
        .map(|c| Thematique::parse(c).expect(c))
        .collect();
    s.modes_accueil = o
        .modes
        .iter()
        .filter_map(|c| ModeAccueil::parse(c))
        .collect();
    s.zone = ZoneEligibilite::Zones(vec![t().zone_eligibilite(o.zone).expect("zone")]);
    s.score_qualite = 0.8;
    s
}

fn catalogue() -> Catalogue {
    let emploi = "trouver-un-emploi--repondre-a-des-offres-demploi";
    let offres = [
        Offre {
            id: "ea-roubaix",
            famille: Famille::EntrepriseAdaptee,
            commune: Some("59512"),
            thematiques: &[emploi],
            modes: &["en-presentiel"],
            zone: "59",
        },
        Offre {
            id: "garage-tourcoing",
            famille: Famille::Mobilite,
            commune: Some("59599"),
            thematiques: &[
                "mobilite--acceder-a-un-vehicule",
                "mobilite--entretenir-reparer-son-vehicule",
            ],
            modes: &["en-presentiel"],
            zone: "59",
        },
        Offre {
            id: "national-distance",
            famille: Famille::Autre,
            commune: None,
            thematiques: &[emploi],
            modes: &["a-distance"],
            zone: "france",
        },
        Offre {
            id: "mission-locale-roubaix",
            famille: Famille::MissionLocale,
            commune: Some("59512"),
            thematiques: &[emploi],
            modes: &["en-presentiel"],
            zone: "59",
        },
        Offre {
            id: "plie-arras",
            famille: Famille::Plie,
            commune: Some("59599"),
            thematiques: &[emploi],
            modes: &["en-presentiel"],
            zone: "62041",
        },
        Offre {
            id: "atelier-sans-rapport",
            famille: Famille::Autre,
            commune: Some("59512"),
            thematiques: &["famille--garde-denfants"],
            modes: &["en-presentiel"],
            zone: "59",
        },
    ];
    Catalogue {
        structures: vec![structure_minimale("s0")],
        services: offres.iter().map(service).collect(),
    }
}

fn requete(json: serde_json::Value) -> Requete {
    serde_json::from_value::<RequeteDemandee>(json)
        .expect("shape")
        .valider(t())
        .expect("valid")
}

fn maintenant() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default()
}

fn ids(cat: &Catalogue, r: &Reponse) -> Vec<String> {
    r.resultats
        .iter()
        .map(|x| cat.services[x.service as usize].id.clone())
        .collect()
}

#[test]
fn roubaix_with_rqth_gets_the_ea_and_the_garage_before_the_remote_offer() {
    let cat = catalogue();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = requete(serde_json::json!({
        "lieu": {"code_commune": "59512"}, "rayon_km": 15,
        "besoins": [{"code": "mobilite.acceder-vehicule", "priorite": 1}, {"code": "trouver-un-emploi", "priorite": 2}],
        "profil": {"age": 34, "rqth": true, "rsa": true, "vehicule": false}
    }));
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    let ids = ids(&cat, &r);
    // EA in her commune: 0.45·2/5 + 0.25·1 + 0.10·0.8 = 0.51; garage ~3.5 km away:
    // 0.45·3/5 + 0.25·exp(−3.5/5) + 0.08 ≈ 0.47; remote: 0.45·2/5 + 0.25·0.5 + 0.08 = 0.385.
    assert_eq!(
        ids,
        ["ea-roubaix", "garage-tourcoing", "national-distance"],
        "{r:#?}"
    );
    assert!((r.resultats[0].score - 0.51).abs() < 1e-9);
    assert!((r.resultats[2].score - 0.385).abs() < 1e-9);
    assert_eq!(
        r.exclus.get(&RaisonExclusion::Age),
        Some(&1),
        "the mission locale, for a 34-year-old"
    );
    assert_eq!(
        r.exclus.get(&RaisonExclusion::HorsTerritoire),
        Some(&1),
        "the PLIE of another territory"
    );
    assert_eq!(r.total, 3);
    assert_eq!(
        r.facettes
            .thematiques
            .get("trouver-un-emploi--repondre-a-des-offres-demploi"),
        Some(&2)
    );
    assert_eq!(r.facettes.modes_accueil.get("a-distance"), Some(&1));
    let garage = &r.resultats[1];
    assert_eq!(garage.besoins_couverts, ["mobilite.acceder-vehicule"]);
    assert_eq!(garage.besoins_non_couverts, ["trouver-un-emploi"]);
    assert_eq!(r.resultats[0].eligibilite.statut, Statut::Eligible);
}

#[test]
fn without_rqth_the_ea_is_excluded_and_counted_and_a_17_year_old_sees_the_mission_locale() {
    let cat = catalogue();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = requete(serde_json::json!({
        "lieu": {"code_commune": "59512"}, "besoins": [{"code": "trouver-un-emploi"}],
        "profil": {"age": 17, "rqth": false}
    }));
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    let ids = ids(&cat, &r);
    assert!(!ids.contains(&"ea-roubaix".to_owned()));
    assert!(ids.contains(&"mission-locale-roubaix".to_owned()));
    assert_eq!(r.exclus.get(&RaisonExclusion::RqthRequise), Some(&1));
}

#[test]
fn a_homeless_person_gets_the_siao_of_her_departement_first() {
    let mut cat = catalogue();
    let hebergement = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
    let mut siao = service(&Offre {
        id: "siao-59",
        famille: Famille::Siao,
        commune: Some("59350"),
        thematiques: &[hebergement],
        modes: &["en-presentiel", "a-distance"],
        zone: "59",
    });
    siao.score_qualite = 0.2;
    let mut foyer = service(&Offre {
        id: "foyer-roubaix",
        famille: Famille::Autre,
        commune: Some("59512"),
        thematiques: &[hebergement],
        modes: &["en-presentiel"],
        zone: "59",
    });
    foyer.score_qualite = 1.0;
    cat.services.push(foyer);
    cat.services.push(siao);
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let base = serde_json::json!({"lieu": {"code_commune": "59512"}, "besoins": [{"code": "logement.hebergement-temporaire"}]});
    let r = moteur
        .rechercher(&requete(base.clone()), maintenant())
        .expect("search");
    assert_eq!(
        ids(&cat, &r),
        ["foyer-roubaix", "siao-59"],
        "nearer and better without the signal"
    );
    let mut sdf = base;
    sdf["profil"] = serde_json::json!({"sans_hebergement": true});
    let r = moteur
        .rechercher(&requete(sdf), maintenant())
        .expect("search");
    assert_eq!(ids(&cat, &r), ["siao-59", "foyer-roubaix"]);
}

#[test]
fn bad_cursor_is_a_named_error() {
    let cat = catalogue();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = requete(serde_json::json!({"lieu": {"code_commune": "59512"}, "curseur": "zzz"}));
    match moteur.rechercher(&req, maintenant()) {
        Err(RechercheError::Requete(e)) => assert_eq!(e.champ, "curseur"),
        autre => panic!("expected a request error, got {autre:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Paging through every cursor returns the single-page list exactly: complete, no duplicate,
    /// same deterministic order.
    #[test]
    fn pagination_is_complete_without_duplicates(
        specs in proptest::collection::vec((-0.3f64..0.3, -0.4f64..0.4, 0usize..3, 0.0f64..1.0), 0..80),
        limite in 1u16..7,
        tri in proptest::sample::select(vec!["pertinence", "distance", "par_soi_meme"]),
    ) {
        let themes = ["mobilite--acceder-a-un-vehicule", "trouver-un-emploi--repondre-a-des-offres-demploi", "sante--acces-aux-soins"];
        let services: Vec<Service> = specs.iter().enumerate().map(|(i, (dlat, dlon, th, q))| {
            let mut s = service_minimal(&format!("s{i:03}"), chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default());
            s.point = Some(Point::new(50.69 + dlat, 3.17 + dlon));
            s.thematiques = [Thematique::parse(themes[*th]).expect("t")].into_iter().collect();
            s.score_qualite = (q * 4.0).round() / 4.0; // many ties
            if i % 3 == 0 {
                s.mobilisable_par = [PersonneMobilisatrice::usagers()].into_iter().collect();
            }
            s
        }).collect();
        let cat = Catalogue { structures: vec![structure_minimale("s0")], services };
        let moteur = Moteur::new(cat.clone(), t()).expect("engine");
        let base = serde_json::json!({"lieu": {"code_commune": "59512"}, "rayon_km": 30, "tri": tri,
            "besoins": [{"code": "mobilite"}, {"code": "trouver-un-emploi", "priorite": 1}]});
        let mut tout = base.clone();
        tout["limite"] = serde_json::json!(100);
        let reference = moteur.rechercher(&requete(tout), maintenant()).expect("search");
        prop_assume!(reference.total <= 100);
        let mut pages = Vec::new();
        let mut curseur: Option<String> = None;
        for _ in 0..200 {
            let mut q = base.clone();
            q["limite"] = serde_json::json!(limite);
            if let Some(c) = &curseur { q["curseur"] = serde_json::json!(c); }
            let r = moteur.rechercher(&requete(q), maintenant()).expect("page");
            prop_assert_eq!(r.total, reference.total);
            pages.extend(r.resultats.iter().map(|x| x.service));
            curseur = r.curseur_suivant;
            if curseur.is_none() { break; }
        }
        let attendu: Vec<u32> = reference.resultats.iter().map(|x| x.service).collect();
        prop_assert_eq!(pages, attendu);
    }
}

#[test]
fn a_40_year_old_does_not_see_the_mission_locale() {
    let cat = catalogue();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = requete(serde_json::json!({
        "lieu": {"code_commune": "59512"}, "besoins": [{"code": "trouver-un-emploi"}],
        "profil": {"age": 40, "rqth": true}
    }));
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    assert!(!ids(&cat, &r).contains(&"mission-locale-roubaix".to_owned()));
    assert_eq!(r.exclus.get(&RaisonExclusion::Age), Some(&1));
}

#[test]
fn a_national_remote_offer_does_not_drown_local_offers() {
    let mut cat = catalogue();
    let emploi = "trouver-un-emploi--repondre-a-des-offres-demploi";
    for i in 0..30 {
        let mut s = service(&Offre {
            id: &format!("national-{i:02}"),
            famille: Famille::Autre,
            commune: None,
            thematiques: &[emploi],
            modes: &["a-distance"],
            zone: "france",
        });
        s.score_qualite = 1.0;
        cat.services.push(s);
    }
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = requete(serde_json::json!({
        "lieu": {"code_commune": "59512"}, "besoins": [{"code": "trouver-un-emploi"}],
        "profil": {"age": 34, "rqth": true}, "limite": 2
    }));
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    assert_eq!(ids(&cat, &r)[0], "ea-roubaix", "the local offer first");
    assert_eq!(r.resultats[0].mode, Mode::SurPlace);
    assert_eq!(r.resultats[1].mode, Mode::ADistance);
    assert_eq!(r.total, 32);
}

#[test]
fn text_filters_and_scores_the_results() {
    let mut cat = catalogue();
    cat.services[1].nom = "Garage solidaire de Tourcoing".into();
    cat.services[0].description = "Entreprise adaptée : emplois en atelier".into();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let base = serde_json::json!({"lieu": {"code_commune": "59512"}, "rayon_km": 15});
    let mut q = base.clone();
    q["texte"] = serde_json::json!("garage");
    let r = moteur
        .rechercher(&requete(q), maintenant())
        .expect("search");
    assert_eq!(ids(&cat, &r), ["garage-tourcoing"]);
    assert!(r.resultats[0].composantes.texte > 0.0);
    let mut q = base.clone();
    q["texte"] = serde_json::json!("adapté emploi");
    let r = moteur
        .rechercher(&requete(q), maintenant())
        .expect("search");
    assert_eq!(ids(&cat, &r), ["ea-roubaix"], "stemmed and folded");
    let mut q = base;
    q["texte"] = serde_json::json!("?!");
    match moteur.rechercher(&requete(q), maintenant()) {
        Err(RechercheError::Requete(e)) => assert_eq!(e.champ, "texte"),
        autre => panic!("expected a request error, got {autre:?}"),
    }
}

#[test]
fn the_parcours_covers_every_need_with_few_offers_and_names_the_uncovered() {
    let cat = catalogue();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = requete(serde_json::json!({
        "lieu": {"code_commune": "59512"}, "rayon_km": 15,
        "besoins": [{"code": "mobilite", "priorite": 1}, {"code": "trouver-un-emploi"}, {"code": "sante.acces-droits-soins"}],
        "profil": {"age": 34, "rqth": true}
    }));
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    let etapes: Vec<(String, String)> = r
        .parcours
        .iter()
        .map(|e| {
            (
                e.besoin.clone(),
                cat.services[e.service as usize].id.clone(),
            )
        })
        .collect();
    assert_eq!(
        etapes,
        [
            ("mobilite".to_owned(), "garage-tourcoing".to_owned()),
            ("trouver-un-emploi".to_owned(), "ea-roubaix".to_owned()),
        ]
    );
    assert_eq!(r.besoins_sans_offre, ["sante.acces-droits-soins"]);
}

/// A copy of `cat`'s first service (the EA of Roubaix) published by another source: both now
/// belong to duplicate cluster 0.
fn copie_de_la_premiere(cat: &mut Catalogue, id: &str, qualite: f64) {
    let mut copie = cat.services[0].clone();
    copie.id = id.into();
    copie.score_qualite = qualite;
    copie.doublon = Some(0);
    cat.services[0].doublon = Some(0);
    cat.services.push(copie);
}

/// A search in Roubaix for a job, with an RQTH: the EA of Roubaix is eligible.
fn emploi_a_roubaix_avec_rqth() -> Requete {
    requete(serde_json::json!({
        "lieu": {"code_commune": "59512"}, "besoins": [{"code": "trouver-un-emploi"}],
        "profil": {"age": 34, "rqth": true}
    }))
}

#[test]
fn an_offer_published_twice_is_shown_once() {
    let mut cat = catalogue();
    copie_de_la_premiere(&mut cat, "ea-roubaix-copie", 0.3);
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let req = emploi_a_roubaix_avec_rqth();
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    let ids = ids(&cat, &r);
    assert!(ids.contains(&"ea-roubaix".to_owned()));
    assert!(!ids.contains(&"ea-roubaix-copie".to_owned()));
    assert_eq!(r.doublons_regroupes, 1);
}

#[test]
fn of_three_copies_the_best_is_kept_wherever_it_comes_and_the_counts_are_those_of_one() {
    let mut cat = catalogue();
    let req = emploi_a_roubaix_avec_rqth();
    let seul = Moteur::new(cat.clone(), t())
        .expect("engine")
        .rechercher(&req, maintenant())
        .expect("search");
    // The original first, a worse copy, then the best one: the original is set aside when the
    // best is met, after the worse one was.
    copie_de_la_premiere(&mut cat, "ea-roubaix-copie-1", 0.1);
    copie_de_la_premiere(&mut cat, "ea-roubaix-copie-2", 1.0);
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let r = moteur.rechercher(&req, maintenant()).expect("search");
    let ids = ids(&cat, &r);
    assert!(ids.contains(&"ea-roubaix-copie-2".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"ea-roubaix".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"ea-roubaix-copie-1".to_owned()), "{ids:?}");
    assert_eq!(r.doublons_regroupes, 2);
    assert_eq!(r.total, seul.total);
    assert_eq!(r.facettes, seul.facettes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Against a brute-force oracle over random catalogs and profiles: the result set is exactly
    /// the services that are in reach (radius, own commune or remote and entitled), match the need
    /// and are not excluded by the gates; the order does not depend on the catalogue's order.
    #[test]
    fn results_equal_brute_force_and_order_is_deterministic(
        specs in proptest::collection::vec((0usize..4, -0.4f64..0.4, -0.5f64..0.5, 0usize..3, 0usize..5, 0usize..3), 0..50),
        age in 15u8..60,
        rqth in any::<bool>(),
        rayon in 1.0f64..40.0,
        graine in any::<u64>(),
    ) {
        let familles = [Famille::Autre, Famille::EntrepriseAdaptee, Famille::MissionLocale, Famille::Mobilite];
        let themes = ["mobilite--acceder-a-un-vehicule", "trouver-un-emploi--repondre-a-des-offres-demploi", "sante--acces-aux-soins"];
        let modes: [&[&str]; 3] = [&["en-presentiel"], &["a-distance"], &[]];
        let zones = ["59", "france", "62", "59512", "35"];
        let services: Vec<Service> = specs.iter().enumerate().map(|(i, (f, dlat, dlon, th, z, m))| {
            let mut s = service_minimal(&format!("s{i:03}"), chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default());
            s.famille = familles[*f];
            s.point = Some(Point::new(50.69 + dlat, 3.17 + dlon));
            s.thematiques = [Thematique::parse(themes[*th]).expect("t")].into_iter().collect();
            s.modes_accueil = modes[*m].iter().filter_map(|c| ModeAccueil::parse(c)).collect();
            s.zone = ZoneEligibilite::Zones(vec![t().zone_eligibilite(zones[*z]).expect("zone")]);
            s.score_qualite = 0.5;
            s
        }).collect();
        let cat = Catalogue { structures: vec![structure_minimale("s0")], services };
        let req = requete(serde_json::json!({
            "lieu": {"code_commune": "59512"}, "rayon_km": rayon, "limite": 100,
            "besoins": [{"code": "mobilite"}, {"code": "trouver-un-emploi"}],
            "profil": {"age": age, "rqth": rqth}
        }));
        let moteur = Moteur::new(cat.clone(), t()).expect("engine");
        let r = moteur.rechercher(&req, maintenant()).expect("search");

        let o = req.origine.expect("place");
        let profil = req.profil.clone();
        let mut attendus: Vec<String> = cat.services.iter().filter(|s| {
            let presentiel = s.modes_accueil.is_empty() || s.modes_accueil.iter().any(|m| m.code() == "en-presentiel");
            let distance = s.modes_accueil.iter().any(|m| m.code() == "a-distance");
            let entitled = match &s.zone {
                ZoneEligibilite::Inconnue => true,
                ZoneEligibilite::Zones(zs) => zs.iter().any(|z| t().zone_contient(z, o.commune)),
            };
            let proche = s.point.is_some_and(|p| o.point.distance_km(&p) <= rayon);
            let accessible = entitled && ((presentiel && proche) || distance);
            let besoin = req.besoins.iter().any(|b| b.thematiques.intersects(&s.thematiques));
            let gate = !matches!(eligibilite(s, profil.as_ref()).statut, Statut::Exclu(_));
            accessible && besoin && gate
        }).map(|s| s.id.clone()).collect();
        attendus.sort();
        // Counts over the whole result set and the exclusions, by brute force too.
        prop_assert_eq!(r.total, attendus.len());
        let mut thematiques: std::collections::BTreeMap<&'static str, usize> = Default::default();
        let mut exclus: std::collections::BTreeMap<RaisonExclusion, usize> = Default::default();
        for s in &cat.services {
            if attendus.binary_search(&s.id).is_ok() {
                for th in s.thematiques.iter() {
                    *thematiques.entry(th.code()).or_default() += 1;
                }
            }
            let entitled = match &s.zone {
                ZoneEligibilite::Inconnue => true,
                ZoneEligibilite::Zones(zs) => zs.iter().any(|z| t().zone_contient(z, o.commune)),
            };
            let presentiel = s.modes_accueil.is_empty() || s.modes_accueil.iter().any(|m| m.code() == "en-presentiel");
            let distance = s.modes_accueil.iter().any(|m| m.code() == "a-distance");
            let proche = s.point.is_some_and(|p| o.point.distance_km(&p) <= rayon);
            let besoin = req.besoins.iter().any(|b| b.thematiques.intersects(&s.thematiques));
            if entitled && ((presentiel && proche) || distance) && besoin {
                if let Statut::Exclu(raison) = eligibilite(s, profil.as_ref()).statut {
                    *exclus.entry(raison).or_default() += 1;
                }
            }
        }
        prop_assert_eq!(&r.facettes.thematiques, &thematiques);
        let exclus_par_les_regles: std::collections::BTreeMap<RaisonExclusion, usize> = r
            .exclus
            .iter()
            .filter(|(raison, _)| **raison != RaisonExclusion::HorsTerritoire)
            .map(|(raison, n)| (*raison, *n))
            .collect();
        prop_assert_eq!(exclus_par_les_regles, exclus);
        let mut trouves = ids(&cat, &r);
        let ordre = trouves.clone();
        trouves.sort();
        prop_assert_eq!(trouves, attendus);
        let dans_le_rayon = r.resultats.iter().all(|x| match x.mode {
            Mode::SurPlace => x.distance_km.is_some_and(|d| d <= rayon),
            Mode::ADistance => x.distance_km.is_none(),
        });
        prop_assert!(dans_le_rayon, "on site within the radius, remote without distance");

        // Same catalogue in another order: same answer, same order.
        let mut melange = cat.clone();
        let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(graine);
        rand::seq::SliceRandom::shuffle(melange.services.as_mut_slice(), &mut rng);
        let moteur2 = Moteur::new(melange.clone(), t()).expect("engine");
        let r2 = moteur2.rechercher(&req, maintenant()).expect("search");
        prop_assert_eq!(ids(&melange, &r2), ordre);
    }
}

#[test]
fn a_text_alone_searches_everywhere_without_distance() {
    let mut cat = catalogue();
    cat.services[1].nom = "Garage solidaire de Tourcoing".into();
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let r = moteur
        .rechercher(
            &requete(serde_json::json!({"texte": "garage"})),
            maintenant(),
        )
        .expect("search");
    assert_eq!(ids(&cat, &r), ["garage-tourcoing"]);
    assert_eq!(r.resultats[0].distance_km, None);
    assert_eq!(r.resultats[0].composantes.proximite, 0.0);
    let sans_rien = serde_json::from_value::<RequeteDemandee>(
        serde_json::json!({"besoins": [{"code": "mobilite"}]}),
    )
    .expect("shape")
    .valider(t())
    .expect_err("a place or a text");
    assert_eq!(sans_rien.champ, "lieu");
}

#[test]
fn par_soi_meme_puts_the_offers_she_can_mobilise_herself_first() {
    let mut cat = catalogue();
    let demande = |tri: &str| {
        requete(serde_json::json!({
            "lieu": {"code_commune": "59512"}, "rayon_km": 30, "tri": tri,
            "besoins": [{"code": "mobilite"}, {"code": "trouver-un-emploi"}]
        }))
    };
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let par_score = ids(
        &cat,
        &moteur
            .rechercher(&demande("pertinence"), maintenant())
            .expect("search"),
    );
    assert!(par_score.len() >= 2, "{par_score:?}");
    // The last offer by score is the only one she can mobilise herself: it comes first.
    let dernier = par_score.last().cloned().unwrap_or_default();
    for s in &mut cat.services {
        s.mobilisable_par = if s.id == dernier {
            [PersonneMobilisatrice::usagers()].into_iter().collect()
        } else {
            CodeSet::default()
        };
    }
    let moteur = Moteur::new(cat.clone(), t()).expect("engine");
    let r = ids(
        &cat,
        &moteur
            .rechercher(&demande("par_soi_meme"), maintenant())
            .expect("search"),
    );
    assert_eq!(r.first(), Some(&dernier));
    // The others keep their order by score.
    assert_eq!(&r[1..], &par_score[..par_score.len() - 1]);
}
