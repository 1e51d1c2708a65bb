//! Snapshots: round trip, staleness, corruption, interrupted builds, and the `index` / `search`
//! commands.

use std::io::Write;
use std::path::Path;

use maillage::catalog::model::Catalogue;
use maillage::catalog::validation::charger;
use maillage::index::{self, Etat, IndexError};
use maillage::search::{BesoinDemande, LieuDemande, Moteur, Profil, Reponse, RequeteDemandee, Tri};
use maillage::territoire::Territoires;

use crate::common::{copie_de, index_demo, maillage, options};

fn construire(catalogue: &Path, index_dir: &Path) -> index::Construction {
    index::construire(
        catalogue,
        index_dir,
        Territoires::embarques(),
        &options(),
        &mut |_| {},
    )
    .expect("build")
}

fn courant(index_dir: &Path) -> String {
    std::fs::read_to_string(index_dir.join(index::COURANT)).expect("COURANT")
}

#[test]
fn a_snapshot_reloads_the_catalogue_exactly_and_its_counts_reconcile() {
    let catalogue = copie_de("catalogue_sale");
    let index_dir = tempfile::tempdir().expect("temp");
    let c = construire(catalogue.path(), index_dir.path());
    let (mut attendu, rapport) =
        charger(catalogue.path(), Territoires::embarques(), &options()).expect("load");
    // The snapshot stores the services in its spatial order.
    index::ordre::ordonner(&mut attendu);
    let m = &c.manifest;
    assert_eq!(m.comptes.services, attendu.services.len() as u64);
    assert_eq!(m.comptes.structures, attendu.structures.len() as u64);
    assert_eq!(m.comptes.rejetes, rapport.rejetes());
    assert_eq!(
        m.comptes.lus,
        m.comptes.services + m.comptes.structures + m.comptes.rejetes,
        "read = accepted + rejected"
    );
    assert_eq!(
        m.comptes.par_famille.values().sum::<u64>(),
        m.comptes.services
    );

    let instantane = index::ouvrir(index_dir.path()).expect("open");
    let lu = instantane.moteur.catalogue();
    assert_eq!(lu.structures, attendu.structures);
    assert_eq!(lu.services, attendu.services);
    assert_eq!(
        instantane.moteur.texte().nombre_documents(),
        attendu.services.len() as u64
    );
    assert_eq!(instantane.manifest, c.manifest);
}

#[test]
fn a_changed_catalogue_makes_the_snapshot_stale_and_it_is_rebuilt() {
    let catalogue = copie_de("catalogue_sale");
    let index_dir = tempfile::tempdir().expect("temp");
    construire(catalogue.path(), index_dir.path());
    let t = Territoires::embarques();
    assert!(matches!(
        index::etat(catalogue.path(), index_dir.path(), t).expect("state"),
        Etat::AJour(_)
    ));
    let (_, rien) = index::preparer(catalogue.path(), index_dir.path(), &options(), &mut |_| {})
        .expect("up to date");
    assert!(rien.is_none(), "an up-to-date snapshot is not rebuilt");
    let avant = courant(index_dir.path());

    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(catalogue.path().join("services.jsonl"))
        .expect("open");
    writeln!(
        f,
        r#"{{"id":"nouveau","source":"dora","structure_id":"s1","nom":"Nouveau service","description":"Ajouté après coup.","date_maj":"2026-10-01"}}"#
    )
    .expect("append");
    drop(f);
    assert!(matches!(
        index::etat(catalogue.path(), index_dir.path(), t).expect("state"),
        Etat::Perime(_)
    ));
    let (instantane, construction) =
        index::preparer(catalogue.path(), index_dir.path(), &options(), &mut |_| {})
            .expect("rebuilt");
    assert!(construction.is_some());
    assert_ne!(courant(index_dir.path()), avant);
    assert!(
        instantane
            .moteur
            .catalogue()
            .services
            .iter()
            .any(|s| s.id == "nouveau")
    );
}

#[test]
fn a_corrupt_snapshot_is_refused_with_a_clear_message() {
    let catalogue = copie_de("catalogue_sale");
    let index_dir = tempfile::tempdir().expect("temp");
    let c = construire(catalogue.path(), index_dir.path());
    let fichier = c.repertoire.join("services-0.json");
    let contenu = std::fs::read(&fichier).expect("read");
    std::fs::write(&fichier, &contenu[..contenu.len() / 2]).expect("truncate");
    let erreur = index::ouvrir(index_dir.path()).expect_err("corrupt");
    assert!(matches!(erreur, IndexError::Corrompu { .. }), "{erreur}");
    let message = erreur.to_string();
    assert!(
        message.contains("corrompu") && message.contains("services-0.json"),
        "{message}"
    );
    assert!(
        index::preparer(catalogue.path(), index_dir.path(), &options(), &mut |_| {}).is_err(),
        "never silently replaced"
    );

    std::fs::write(index_dir.path().join(index::COURANT), "../ailleurs").expect("write");
    let erreur = index::ouvrir(index_dir.path()).expect_err("bad pointer");
    assert!(matches!(erreur, IndexError::Corrompu { .. }), "{erreur}");

    let vide = tempfile::tempdir().expect("temp");
    let erreur = index::ouvrir(vide.path()).expect_err("absent");
    assert!(matches!(erreur, IndexError::Absent(_)), "{erreur}");
}

#[test]
fn an_interrupted_build_leaves_the_current_snapshot_and_is_cleaned_up() {
    let catalogue = copie_de("catalogue_sale");
    let index_dir = tempfile::tempdir().expect("temp");
    construire(catalogue.path(), index_dir.path());
    let avant = courant(index_dir.path());
    // What a build killed midway leaves: a half-written directory of a dead process.
    let reste = index_dir.path().join(".construction-4000000000-1");
    std::fs::create_dir_all(reste.join("texte")).expect("mkdir");
    std::fs::write(reste.join("catalogue.json"), "{\"structures\": [").expect("write");
    assert!(index::ouvrir(index_dir.path()).is_ok());
    assert_eq!(courant(index_dir.path()), avant);

    construire(catalogue.path(), index_dir.path());
    assert!(!reste.exists(), "leftover removed by the next build");
    let instantanes = std::fs::read_dir(index_dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("instantane-"))
        .count();
    assert!(
        instantanes <= 2,
        "only the current and the previous one are kept"
    );
}

#[test]
fn index_then_search_from_the_command_line() {
    let catalogue = copie_de("catalogue_sale");
    let index_dir = tempfile::tempdir().expect("temp");
    let cat = catalogue.path().to_str().unwrap_or_default();
    let idx = index_dir.path().to_str().unwrap_or_default();

    let out = maillage(&["search", "--index", idx, "--commune", "59512"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("aucun instantané"), "{err}");

    let out = maillage(&[
        "index",
        "--catalog",
        cat,
        "--index",
        idx,
        "--aujourdhui",
        "2026-11-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("services par famille"), "{err}");

    let out = maillage(&[
        "search",
        "--index",
        idx,
        "--commune",
        "59350",
        "--rayon-km",
        "200",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let total = json["total"].as_u64().expect("total");
    assert_eq!(
        json["resultats"].as_array().map(Vec::len),
        Some(total.min(20) as usize)
    );
    for r in json["resultats"].as_array().into_iter().flatten() {
        assert!(r["explication"]["distance"].is_string());
        assert!(r["service"]["structure"]["nom"].is_string());
    }

    let out = maillage(&[
        "search",
        "--index",
        idx,
        "--commune",
        "59350",
        "--rayon-km",
        "200",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("autour de Lille (59350)"), "{text}");

    for (args, attendu) in [
        (vec!["--commune", "00000"], "lieu.code_commune"),
        (vec!["--commune", "59350", "--rayon-km", "500"], "rayon_km"),
        (
            vec!["--commune", "59350", "--besoin", "voler"],
            "besoins[0]",
        ),
        (
            vec!["--commune", "59350", "--besoin", "mobilite:7"],
            "priorité",
        ),
        (
            vec!["--commune", "59350", "--profil", "taille=180"],
            "taille",
        ),
        (vec!["--lat", "95", "--lon", "3"], "lat"),
    ] {
        let mut tout = vec!["search", "--index", idx];
        tout.extend(args);
        let out = maillage(&tout);
        assert_eq!(out.status.code(), Some(1), "{tout:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(attendu), "{tout:?}: {err}");
    }
}

/// The results (id, score) and the parcours (need, id) of an answer, by service id: the snapshot
/// stores the services in another order than the export.
struct ParId {
    resultats: Vec<(String, f64)>,
    parcours: Vec<(String, String)>,
}

fn par_id(r: &Reponse, catalogue: &Catalogue) -> ParId {
    let id = |i: u32| catalogue.services[i as usize].id.clone();
    ParId {
        resultats: r
            .resultats
            .iter()
            .map(|x| (id(x.service), x.score))
            .collect(),
        parcours: r
            .parcours
            .iter()
            .map(|e| (e.besoin.clone(), id(e.service)))
            .collect(),
    }
}

#[test]
fn a_snapshot_answers_as_the_export_it_was_built_from() {
    let t = Territoires::embarques();
    let export = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/demo");
    let (catalogue, _) = charger(&export, t, &options()).expect("load");
    let en_memoire = Moteur::new(catalogue, t).expect("engine");
    let instantane = index::ouvrir(index_demo()).expect("open");
    let sur_disque = &instantane.moteur;
    let ordre = |m: &Moteur<'_>| -> Vec<String> {
        m.catalogue()
            .services
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    assert_ne!(
        ordre(&en_memoire),
        ordre(sur_disque),
        "the snapshot stores the services in its own (spatial) order"
    );
    let maintenant = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("date");
    let besoins: [&[&str]; 3] = [
        &["mobilite"],
        &["emploi", "logement.hebergement-temporaire"],
        &["sante", "numerique", "mobilite.permis"],
    ];
    let mut compares = 0;
    for commune in ["59350", "59512", "35238", "59183"] {
        for codes in besoins {
            for texte in [None, Some("accompagnement"), Some("permis de conduire")] {
                for (rayon, tri, profil) in [
                    (10.0, Tri::Pertinence, None),
                    (30.0, Tri::Distance, None),
                    (
                        20.0,
                        Tri::ParSoiMeme,
                        Some(Profil {
                            age: Some(23),
                            rqth: Some(true),
                            ..Profil::default()
                        }),
                    ),
                ] {
                    let mut demande = RequeteDemandee {
                        lieu: Some(LieuDemande {
                            code_commune: Some(commune.to_owned()),
                            ..LieuDemande::default()
                        }),
                        rayon_km: Some(rayon),
                        besoins: codes
                            .iter()
                            .map(|c| BesoinDemande {
                                code: (*c).to_owned(),
                                priorite: None,
                                genre: None,
                            })
                            .collect(),
                        profil,
                        texte: texte.map(str::to_owned),
                        tri,
                        limite: Some(7),
                        ..RequeteDemandee::default()
                    };
                    // Two pages.
                    for _ in 0..2 {
                        let requete = demande.valider(t).expect("valid");
                        let a = en_memoire.rechercher(&requete, maintenant).expect("search");
                        let b = sur_disque.rechercher(&requete, maintenant).expect("search");
                        let contexte = format!("{commune} {codes:?} {texte:?} {rayon} {tri:?}");
                        assert_eq!(a.total, b.total, "{contexte}");
                        assert_eq!(a.exclus, b.exclus, "{contexte}");
                        assert_eq!(a.facettes, b.facettes, "{contexte}");
                        assert_eq!(a.besoins_sans_offre, b.besoins_sans_offre, "{contexte}");
                        assert_eq!(a.doublons_regroupes, b.doublons_regroupes, "{contexte}");
                        assert_eq!(a.curseur_suivant, b.curseur_suivant, "{contexte}");
                        let (pa, pb) = (
                            par_id(&a, en_memoire.catalogue()),
                            par_id(&b, sur_disque.catalogue()),
                        );
                        assert_eq!(pa.parcours, pb.parcours, "{contexte}");
                        assert_eq!(pa.resultats.len(), pb.resultats.len(), "{contexte}");
                        for ((ia, sa), (ib, sb)) in pa.resultats.iter().zip(&pb.resultats) {
                            assert_eq!(ia, ib, "{contexte}");
                            // Up to the order of tantivy's f32 sum of three or more terms.
                            assert!((sa - sb).abs() < 1e-6, "{contexte}: {ia} {sa} {sb}");
                        }
                        compares += 1;
                        match b.curseur_suivant {
                            Some(c) => demande.curseur = Some(c),
                            None => break,
                        }
                    }
                }
            }
        }
    }
    assert!(compares >= 108, "{compares} answers compared");
}
