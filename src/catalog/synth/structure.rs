//! One structure: placed near its commune point, with address, SIRET, contacts, opening hours
//! and réseau porteur.

use chrono::{Duration, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::famille::Profil;
use super::lieu::{Lieu, prefixe_telephone};
use super::texte;
use crate::catalog::brut::StructureBrute;

/// A `date_maj` in the three years before `reference`.
pub(crate) fn date_maj(rng: &mut ChaCha8Rng, reference: NaiveDate) -> String {
    let jours: i64 = rng.random_range(0..3 * 365);
    (reference - Duration::days(jours))
        .format("%Y-%m-%d")
        .to_string()
}

/// Rounds a coordinate to 6 decimals (about 10 cm), as producers publish them.
fn arrondi(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A point a few hundred metres around the commune point; further in big communes.
pub(crate) fn point_autour(rng: &mut ChaCha8Rng, lieu: &Lieu) -> (f64, f64) {
    let rayon_max = 300.0 + 2500.0 * (f64::from(lieu.population) / 1e6).sqrt();
    let r = rayon_max * rng.random::<f64>().sqrt();
    let angle = rng.random::<f64>() * std::f64::consts::TAU;
    let dlat = r * angle.cos() / 111_320.0;
    let dlon = r * angle.sin() / (111_320.0 * lieu.lat.to_radians().cos().max(0.1));
    (arrondi(lieu.lat + dlat), arrondi(lieu.lon + dlon))
}

/// A web domain from a name (`mission-locale-de-lille.fr`).
pub(crate) fn domaine(rng: &mut ChaCha8Rng, nom: &str) -> String {
    let mut base = texte::slug(nom);
    if base.len() > 40 {
        base.truncate(40);
        while base.ends_with('-') {
            base.pop();
        }
    }
    let tld = ["fr", "fr", "org", "asso.fr", "com"]
        .choose(rng)
        .copied()
        .unwrap_or("fr");
    format!("{base}.{tld}")
}

/// The page of a record at its producer.
pub(crate) fn lien_source(source: &str, genre: &str, id: &str) -> String {
    let hote = match source {
        "dora" => "dora.inclusion.beta.gouv.fr",
        "emplois-de-linclusion" => "emplois.inclusion.beta.gouv.fr",
        "france-travail" => "www.francetravail.fr",
        "soliguide" => "soliguide.fr",
        "mes-aides" => "mes-aides.francetravail.fr",
        "mediation-numerique" => "cartographie.societenumerique.gouv.fr",
        _ => "data.inclusion.beta.gouv.fr",
    };
    let court = id.rsplit("--").next().unwrap_or(id);
    format!("https://{hote}/{genre}/{court}")
}

/// A clean structure of family `profil` in `lieu`; returns it with its réseau index.
pub(crate) fn structure(
    rng: &mut ChaCha8Rng,
    profil: &Profil,
    lieu: &Lieu,
    id: String,
    source: &'static str,
    reference: NaiveDate,
) -> StructureBrute {
    let (reseau, noms) = profil.reseaux.choose(rng).copied().unwrap_or((None, &[]));
    let modele = noms.choose(rng).copied().unwrap_or("Association {de}");
    let nom = texte::remplir(modele, &lieu.nom);
    let (latitude, longitude) = point_autour(rng, lieu);
    let (adresse, complement_adresse) = texte::adresse(rng);
    let domaine = domaine(rng, &nom);
    let description = rng
        .random_bool(0.6)
        .then(|| texte::description(rng, &nom, &lieu.nom, profil.phrases, true));
    StructureBrute {
        siret: rng.random_bool(0.85).then(|| texte::siret(rng)),
        reseaux_porteurs: reseau.map(|r| vec![r.to_owned()]),
        adresse: Some(adresse),
        complement_adresse,
        code_postal: Some(lieu.code_postal.clone()),
        code_insee: Some(lieu.code_insee.clone()),
        commune: Some(lieu.nom.clone()),
        latitude: Some(latitude),
        longitude: Some(longitude),
        telephone: rng
            .random_bool(0.85)
            .then(|| texte::telephone(rng, prefixe_telephone(&lieu.region))),
        courriel: rng.random_bool(0.75).then(|| {
            let local = ["contact", "accueil", "secretariat", "info"]
                .choose(rng)
                .copied()
                .unwrap_or("contact");
            format!("{local}@{domaine}")
        }),
        site_web: rng
            .random_bool(0.5)
            .then(|| format!("https://www.{domaine}")),
        description,
        horaires_accueil: rng.random_bool(0.7).then(|| texte::horaires(rng)),
        accessibilite_lieu: rng
            .random_bool(0.15)
            .then(|| format!("https://acceslibre.beta.gouv.fr/app/{}/", texte::slug(&nom))),
        lien_source: Some(lien_source(source, "structures", &id)),
        date_maj: Some(date_maj(rng, reference)),
        id: Some(id),
        source: Some(source.to_owned()),
        nom: Some(nom),
    }
}
