//! Tests of the synthetic generator: determinism, counts, valid codes, opening hours, SIAO,
//! reconciliation of deliberate defects with the files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use super::famille::PROFILS;
use super::texte::{HORAIRES, HORAIRES_INVALIDES, de_commune, siret};
use super::*;
use crate::catalog::brut::{ServiceBrut, StructureBrute};
use crate::referentiel::{
    Code, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur,
    Thematique, TypeService,
};

fn horaires_ok(h: &str) -> bool {
    h.parse::<opening_hours::OpeningHours>().is_ok()
}

fn reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

fn options(services: usize, graine: u64, sales: bool) -> OptionsSynth {
    OptionsSynth {
        services,
        graine,
        sales,
        date_reference: reference(),
        departements: None,
    }
}

fn lire(dossier: &Path) -> (Vec<StructureBrute>, Vec<ServiceBrut>) {
    let structures = std::fs::read_to_string(dossier.join("structures.jsonl")).unwrap();
    let services = std::fs::read_to_string(dossier.join("services.jsonl")).unwrap();
    (
        structures
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        services
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

fn generer_dans(opts: &OptionsSynth) -> (tempfile::TempDir, ResumeSynth) {
    let dir = tempfile::tempdir().unwrap();
    let resume = generer(&lieux_exemple(), opts, dir.path()).unwrap();
    (dir, resume)
}

fn octets(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    (
        std::fs::read(dir.join("structures.jsonl")).unwrap(),
        std::fs::read(dir.join("services.jsonl")).unwrap(),
    )
}

#[test]
fn meme_graine_memes_octets_autre_graine_autres_octets() {
    let (a, _) = generer_dans(&options(3000, 7, true));
    let (b, _) = generer_dans(&options(3000, 7, true));
    let (c, _) = generer_dans(&options(3000, 8, true));
    assert_eq!(octets(a.path()), octets(b.path()));
    assert_ne!(octets(a.path()).1, octets(c.path()).1);
}

#[test]
fn nombre_de_services_exact_et_structures_existantes() {
    for n in [0, 1, 2, 5, 2500] {
        let (dir, resume) = generer_dans(&options(n, 1, false));
        let (structures, services) = lire(dir.path());
        assert_eq!(services.len(), n);
        assert_eq!(resume.services, n);
        assert_eq!(resume.structures, structures.len());
        assert_eq!(resume.services_par_famille.values().sum::<usize>(), n);
        assert_eq!(
            resume.structures_par_famille.values().sum::<usize>(),
            structures.len()
        );
        let ids: HashSet<&str> = structures.iter().filter_map(|s| s.id.as_deref()).collect();
        assert_eq!(ids.len(), structures.len(), "structure ids are unique");
        let ids_services: HashSet<&str> = services.iter().filter_map(|s| s.id.as_deref()).collect();
        assert_eq!(ids_services.len(), services.len(), "service ids are unique");
        for s in &services {
            assert!(ids.contains(s.structure_id.as_deref().unwrap()));
            let id = s.id.as_deref().unwrap();
            assert!(id.starts_with(&format!("{}--", s.source.as_deref().unwrap())));
        }
    }
}

#[test]
fn codes_valides_quand_propre() {
    let (dir, _) = generer_dans(&options(5000, 3, false));
    let (structures, services) = lire(dir.path());
    for s in &structures {
        for r in s.reseaux_porteurs.iter().flatten() {
            assert!(ReseauPorteur::parse(r).is_some(), "réseau {r}");
        }
        let siret = s.siret.as_deref().unwrap_or("00000000000000");
        assert_eq!(siret.len(), 14);
        assert!(siret.bytes().all(|b| b.is_ascii_digit()));
    }
    for s in &services {
        let th = s.thematiques.as_ref().unwrap();
        assert!((1..=3).contains(&th.len()));
        for t in th {
            assert!(Thematique::parse(t).is_some(), "thématique {t}");
        }
        for p in s.publics.iter().flatten() {
            assert!(Public::parse(p).is_some(), "public {p}");
        }
        assert!(TypeService::parse(s.type_.as_deref().unwrap()).is_some());
        assert!(Frais::parse(s.frais.as_deref().unwrap()).is_some());
        for m in s.modes_accueil.iter().flatten() {
            assert!(ModeAccueil::parse(m).is_some());
        }
        for m in s.modes_mobilisation.iter().flatten() {
            assert!(ModeMobilisation::parse(m).is_some());
        }
        for m in s.mobilisable_par.iter().flatten() {
            assert!(PersonneMobilisatrice::parse(m).is_some());
        }
        let nom = s.nom.as_deref().unwrap();
        assert!((3..=150).contains(&nom.chars().count()), "{nom}");
        let d = s.description.as_deref().unwrap().chars().count();
        assert!((50..=1500).contains(&d), "description de {d} caractères");
        if s.modes_accueil.as_ref().unwrap() == &["a-distance"] {
            assert!(s.latitude.is_none());
        } else {
            assert!(s.latitude.is_some() && s.code_insee.is_some());
        }
        if s.modes_mobilisation
            .iter()
            .flatten()
            .any(|m| m == "utiliser-lien-mobilisation")
        {
            url::Url::parse(s.lien_mobilisation.as_deref().unwrap()).unwrap();
        }
    }
}

#[test]
fn tous_les_codes_des_familles_sont_au_referentiel() {
    for p in PROFILS {
        for (r, _) in p.reseaux {
            if let Some(r) = r {
                assert!(ReseauPorteur::parse(r).is_some(), "{r}");
            }
        }
        for m in p.services {
            assert!(TypeService::parse(m.type_).is_some(), "{}", m.type_);
            for t in m.thematiques {
                assert!(Thematique::parse(t).is_some(), "{t}");
            }
            for publics in m.publics {
                for pu in *publics {
                    assert!(Public::parse(pu).is_some(), "{pu}");
                }
            }
        }
    }
}

#[test]
fn horaires_valides_quand_propre_et_invalides_sinon() {
    for h in HORAIRES {
        assert!(horaires_ok(h), "{h}");
    }
    for h in HORAIRES_INVALIDES {
        assert!(!horaires_ok(h), "{h}");
    }
    let (dir, _) = generer_dans(&options(3000, 4, false));
    let (structures, services) = lire(dir.path());
    let horaires = structures
        .iter()
        .filter_map(|s| s.horaires_accueil.as_deref())
        .chain(
            services
                .iter()
                .filter_map(|s| s.horaires_accueil.as_deref()),
        );
    let mut n = 0;
    for h in horaires {
        assert!(horaires_ok(h), "{h}");
        n += 1;
    }
    assert!(n > 100);
}

#[test]
fn un_siao_par_departement_avec_115() {
    let (dir, resume) = generer_dans(&options(4000, 5, false));
    let (structures, services) = lire(dir.path());
    let mut siao: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for s in &structures {
        if s.reseaux_porteurs.as_deref() == Some(&["siao".to_owned()]) {
            let dep = s.code_insee.as_deref().unwrap()[..2].to_owned();
            siao.entry(dep).or_default().push(s.id.as_deref().unwrap());
        }
    }
    assert_eq!(siao.len(), 2);
    assert_eq!(resume.departements, 2);
    for (dep, ids) in &siao {
        assert_eq!(ids.len(), 1, "un seul SIAO dans le {dep}");
        let n115 = services
            .iter()
            .filter(|s| s.structure_id.as_deref() == Some(ids[0]))
            .filter(|s| s.telephone.as_deref() == Some("115"))
            .inspect(|s| {
                assert_eq!(s.zone_eligibilite.as_deref(), Some(&[dep.clone()][..]));
                assert_eq!(s.horaires_accueil.as_deref(), Some("24/7"));
            })
            .count();
        assert_eq!(n115, 1);
    }
}

#[test]
fn zones_bien_formees_et_variees() {
    let lieux = lieux_exemple();
    let communes: HashSet<&str> = lieux.iter().map(|l| l.code_insee.as_str()).collect();
    let epcis: HashSet<&str> = lieux.iter().filter_map(|l| l.epci.as_deref()).collect();
    let (dir, _) = generer_dans(&options(5000, 6, false));
    let (_, services) = lire(dir.path());
    let mut sortes: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &services {
        let Some(zone) = &s.zone_eligibilite else {
            *sortes.entry("inconnue").or_default() += 1;
            continue;
        };
        let sorte = if zone.len() > 1 {
            "region"
        } else if zone[0] == "france" {
            "france"
        } else if communes.contains(zone[0].as_str()) {
            "commune"
        } else if epcis.contains(zone[0].as_str()) {
            "epci"
        } else if lieux
            .iter()
            .any(|l| l.departements_region.contains(&zone[0]))
        {
            "departement"
        } else {
            panic!("zone inattendue {zone:?}");
        };
        *sortes.entry(sorte).or_default() += 1;
        if s.nom
            .as_deref()
            .unwrap()
            .starts_with("Accompagnement renforcé PLIE")
        {
            assert_ne!(sorte, "france");
        }
    }
    for sorte in [
        "commune",
        "departement",
        "epci",
        "region",
        "france",
        "inconnue",
    ] {
        assert!(
            sortes.get(sorte).copied().unwrap_or(0) > 20,
            "{sorte}: {sortes:?}"
        );
    }
    let distance = services
        .iter()
        .filter(|s| s.modes_accueil.as_deref() == Some(&["a-distance".to_owned()]))
        .count();
    assert!(
        distance > 100 && distance < 1500,
        "{distance} services à distance"
    );
}

#[test]
fn doublons_inter_sources_meme_siret_autres_ids() {
    let (dir, resume) = generer_dans(&options(20_000, 9, false));
    let (structures, _) = lire(dir.path());
    assert!(resume.structures_doublons > 0 && resume.services_doublons > 0);
    let part = resume.services_doublons as f64 / resume.services as f64;
    assert!((0.005..0.08).contains(&part), "{part}");
    let mut par_cle: HashMap<(String, String, String), Vec<&str>> = HashMap::new();
    for s in structures.iter().filter(|s| s.siret.is_some()) {
        let cle = (
            s.siret.clone().unwrap(),
            s.nom.clone().unwrap(),
            s.adresse.clone().unwrap(),
        );
        par_cle
            .entry(cle)
            .or_default()
            .push(s.source.as_deref().unwrap());
    }
    let paires = par_cle.values().filter(|v| v.len() == 2).count();
    assert!(paires > 0);
    assert!(
        par_cle
            .values()
            .filter(|v| v.len() == 2)
            .all(|v| v[0] != v[1])
    );
}

#[test]
fn population_ponderee() {
    let (dir, _) = generer_dans(&options(20_000, 10, false));
    let (structures, _) = lire(dir.path());
    let lille = structures
        .iter()
        .filter(|s| s.code_insee.as_deref() == Some("59350"))
        .count();
    let acigne = structures
        .iter()
        .filter(|s| s.code_insee.as_deref() == Some("35001"))
        .count();
    assert!(lille > 10 * acigne, "Lille {lille}, Acigné {acigne}");
}

#[test]
fn filtre_departements() {
    let mut opts = options(500, 2, false);
    opts.departements = Some(vec!["35".to_owned()]);
    let (dir, resume) = generer_dans(&opts);
    let (structures, _) = lire(dir.path());
    assert_eq!(resume.departements, 1);
    assert!(
        structures
            .iter()
            .all(|s| s.code_insee.as_deref().unwrap().starts_with("35"))
    );
    opts.departements = Some(vec!["2A".to_owned()]);
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        generer(&lieux_exemple(), &opts, dir.path()),
        Err(SynthError::AucunLieu)
    ));
}

fn courriel_valide(c: &str) -> bool {
    let mut parties = c.split('@');
    match (parties.next(), parties.next(), parties.next()) {
        (Some(l), Some(d), None) => {
            !l.is_empty() && d.contains('.') && !c.contains(' ') && !d.ends_with('.')
        }
        _ => false,
    }
}

fn dans_la_france_des_tests(lat: f64, lon: f64) -> bool {
    (41.0..51.5).contains(&lat) && (-5.5..10.0).contains(&lon)
}

fn inversees(lat: f64, lon: f64) -> bool {
    dans_la_france_des_tests(lon, lat)
}

#[test]
fn saletes_comptees_comme_dans_les_fichiers() {
    let (dir, resume) = generer_dans(&options(30_000, 11, true));
    let (structures, services) = lire(dir.path());
    let communes: HashSet<String> = lieux_exemple().into_iter().map(|l| l.code_insee).collect();
    let date_ref = reference();
    let futur = |d: &Option<String>| {
        d.as_deref()
            .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap() > date_ref)
    };
    let point = |lat: Option<f64>, lon: Option<f64>, compte: &mut BTreeMap<Salete, usize>| {
        if let (Some(lat), Some(lon)) = (lat, lon) {
            if inversees(lat, lon) {
                *compte.entry(Salete::CoordonneesInversees).or_default() += 1;
            } else if !dans_la_france_des_tests(lat, lon) {
                *compte.entry(Salete::CoordonneesHorsFrance).or_default() += 1;
            }
        }
    };
    let vu = |id: &Option<String>, ids: &mut HashSet<String>| !ids.insert(id.clone().unwrap());

    let mut st: BTreeMap<Salete, usize> = BTreeMap::new();
    let mut ids = HashSet::new();
    for s in &structures {
        let mut k = |sorte| *st.entry(sorte).or_default() += 1;
        if s.nom.is_none() || s.date_maj.is_none() {
            k(Salete::ChampObligatoireManquant);
        }
        if s.code_insee.as_ref().is_some_and(|c| !communes.contains(c)) {
            k(Salete::CodeInseeInconnu);
        }
        if vu(&s.id, &mut ids) {
            k(Salete::IdDuplique);
        }
        if s.horaires_accueil
            .as_deref()
            .is_some_and(|h| !horaires_ok(h))
        {
            k(Salete::HorairesInvalides);
        }
        if s.courriel.as_deref().is_some_and(|c| !courriel_valide(c)) {
            k(Salete::CourrielInvalide);
        }
        if s.site_web
            .as_deref()
            .is_some_and(|u| url::Url::parse(u).is_err())
        {
            k(Salete::UrlInvalide);
        }
        if futur(&s.date_maj) {
            k(Salete::DateFuture);
        }
        point(s.latitude, s.longitude, &mut st);
    }
    assert_eq!(st, resume.structures_sales);

    let ids_structures: HashSet<String> = structures.iter().filter_map(|s| s.id.clone()).collect();
    let mut se: BTreeMap<Salete, usize> = BTreeMap::new();
    let mut ids = HashSet::new();
    for s in &services {
        let mut k = |sorte| *se.entry(sorte).or_default() += 1;
        if s.nom.is_none() || s.date_maj.is_none() || s.description.is_none() {
            k(Salete::ChampObligatoireManquant);
        }
        if s.thematiques
            .iter()
            .flatten()
            .any(|t| Thematique::parse(t).is_none())
        {
            k(Salete::ThematiqueInconnue);
        }
        if s.code_insee.as_ref().is_some_and(|c| !communes.contains(c)) {
            k(Salete::CodeInseeInconnu);
        }
        if !ids_structures.contains(s.structure_id.as_deref().unwrap()) {
            k(Salete::StructureInexistante);
        }
        if vu(&s.id, &mut ids) {
            k(Salete::IdDuplique);
        }
        if s.horaires_accueil
            .as_deref()
            .is_some_and(|h| !horaires_ok(h))
        {
            k(Salete::HorairesInvalides);
        }
        if s.courriel.as_deref().is_some_and(|c| !courriel_valide(c)) {
            k(Salete::CourrielInvalide);
        }
        if s.lien_mobilisation
            .as_deref()
            .is_some_and(|u| url::Url::parse(u).is_err())
        {
            k(Salete::UrlInvalide);
        }
        if futur(&s.date_maj) {
            k(Salete::DateFuture);
        }
        point(s.latitude, s.longitude, &mut se);
    }
    assert_eq!(se, resume.services_sales);

    // About 2 % of each kind of record, every kind of defect present among services.
    let total: usize = se.values().sum();
    let part = total as f64 / services.len() as f64;
    assert!((0.015..0.025).contains(&part), "{part}");
    assert_eq!(se.len(), Salete::TOUTES.len(), "{se:?}");
    assert!(st.values().sum::<usize>() > 0);
}

#[test]
fn sans_saletes_aucun_defaut_compte() {
    let (_, resume) = generer_dans(&options(2000, 12, false));
    assert!(resume.structures_sales.is_empty() && resume.services_sales.is_empty());
}

#[test]
fn textes() {
    assert_eq!(de_commune("Lille"), "de Lille");
    assert_eq!(de_commune("Acigné"), "d'Acigné");
    assert_eq!(de_commune("Le Cateau-Cambrésis"), "du Cateau-Cambrésis");
    assert_eq!(de_commune("Les Sables-d'Olonne"), "des Sables-d'Olonne");
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    for _ in 0..100 {
        let s = siret(&mut rng);
        assert_eq!(s.len(), 14);
        let somme: u32 = s
            .chars()
            .rev()
            .enumerate()
            .map(|(i, c)| {
                let d = c.to_digit(10).unwrap();
                if i % 2 == 1 {
                    let d = d * 2;
                    if d > 9 { d - 9 } else { d }
                } else {
                    d
                }
            })
            .sum();
        assert_eq!(somme % 10, 0, "Luhn {s}");
    }
    let rennes = lieux_exemple()
        .into_iter()
        .find(|l| l.code_insee == "35238")
        .expect("Rennes");
    assert_eq!(&rennes.departements_region[..], ["22", "29", "35", "56"]);
    let reunion = lieux(crate::territoire::Territoires::embarques())
        .into_iter()
        .find(|l| l.code_insee == "97411")
        .expect("Saint-Denis");
    assert_eq!(&reunion.departements_region[..], ["974"]);
    assert!(familles().any(|f| f == "siao"));
    let _: BTreeSet<&str> = familles().collect();
}
