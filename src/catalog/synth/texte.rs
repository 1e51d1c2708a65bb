//! French text pieces: « de Lille », slugs, street addresses, descriptions assembled from
//! sentence fragments, opening hours in OSM syntax, phone numbers, SIRET, contact names.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::texte::fold;

/// « de Lille », « d'Acigné », « du Cateau-Cambrésis », « des Sables-d'Olonne ».
pub(crate) fn de_commune(nom: &str) -> String {
    if let Some(reste) = nom.strip_prefix("Le ") {
        format!("du {reste}")
    } else if let Some(reste) = nom.strip_prefix("Les ") {
        format!("des {reste}")
    } else if nom.starts_with(['A', 'E', 'I', 'O', 'U', 'Y', 'É', 'È', 'Ê', 'Î', 'Ô', 'H']) {
        format!("d'{nom}")
    } else {
        format!("de {nom}")
    }
}

/// Fills `{de}` and `{commune}` in a name template.
pub(crate) fn remplir(modele: &str, commune: &str) -> String {
    if modele.contains("{de}") {
        modele.replace("{de}", &de_commune(commune))
    } else {
        modele.replace("{commune}", commune)
    }
}

/// `mission-locale-de-lille`.
pub(crate) fn slug(texte: &str) -> String {
    fold(texte).replace(' ', "-")
}

const VOIES: &[&str] = &[
    "rue",
    "rue",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "allée",
    "impasse",
    "chemin",
    "quai",
];
const NOMS_VOIES: &[&str] = &[
    "de la République",
    "Jean Jaurès",
    "Victor Hugo",
    "du Général de Gaulle",
    "Pasteur",
    "des Écoles",
    "de la Gare",
    "Gambetta",
    "Jules Ferry",
    "du Moulin",
    "de l'Église",
    "des Tilleuls",
    "Émile Zola",
    "Jean Moulin",
    "de la Liberté",
    "du 8 Mai 1945",
    "Anatole France",
    "Paul Bert",
    "Voltaire",
    "Louise Michel",
    "des Martyrs de la Résistance",
    "Nationale",
    "de Paris",
    "Léon Blum",
    "du Marché",
    "Saint-Exupéry",
    "Simone Veil",
    "des Peupliers",
    "Lamartine",
    "Aristide Briand",
];
const COMPLEMENTS: &[&str] = &[
    "Bâtiment B",
    "2e étage",
    "Entrée par la cour",
    "Rez-de-chaussée",
    "Bureau 12",
    "Résidence Les Lilas",
    "Porte 3",
    "Au fond du couloir",
];

/// A street address (`12 rue Jean Jaurès`) and sometimes a complement.
pub(crate) fn adresse(rng: &mut ChaCha8Rng) -> (String, Option<String>) {
    let numero: u32 = if rng.random_bool(0.85) {
        rng.random_range(1..180)
    } else {
        0
    };
    let voie = VOIES.choose(rng).copied().unwrap_or("rue");
    let nom = NOMS_VOIES.choose(rng).copied().unwrap_or("de la Mairie");
    let ligne = if numero == 0 {
        format!("{voie} {nom}")
    } else if rng.random_bool(0.05) {
        format!("{numero} bis {voie} {nom}")
    } else {
        format!("{numero} {voie} {nom}")
    };
    let complement = if rng.random_bool(0.2) {
        COMPLEMENTS.choose(rng).map(|c| (*c).to_owned())
    } else {
        None
    };
    (ligne, complement)
}

/// Valid OSM opening hours, from office hours to 24/7.
pub(crate) const HORAIRES: &[&str] = &[
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 08:30-12:30,13:30-17:00; PH off",
    "Mo,Tu,Th 08:30-12:30; PH off",
    "Mo-Th 09:00-12:00,13:30-17:30; Fr 09:00-12:00",
    "Tu-Sa 10:00-18:00",
    "Mo-Fr 09:00-17:00; Sa 09:00-12:00; PH off",
    "We 14:00-17:00",
    "Mo 14:00-17:00; Tu-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 08:00-12:00",
    "Tu,Th 09:00-12:00; PH off",
    "Mo-Fr 09:00-12:30,13:30-16:30",
    "Mo,We,Fr 13:30-17:00",
    "Mo-Fr 08:45-12:15,13:45-17:15; PH off",
    "Sa 09:00-12:00",
    "Tu 09:00-12:00; Th 14:00-18:00",
];

/// Strings that look like opening hours but are not in OSM syntax.
pub(crate) const HORAIRES_INVALIDES: &[&str] = &[
    "Lu-Ve 9h-12h / 14h-17h",
    "du lundi au vendredi de 9h à 17h",
    "Mo-Fr 09:00-",
    "Mo-Xx 09:00-12:00",
    "sur rendez-vous uniquement",
];

/// Opening hours drawn from [`HORAIRES`].
pub(crate) fn horaires(rng: &mut ChaCha8Rng) -> String {
    HORAIRES
        .choose(rng)
        .copied()
        .unwrap_or("Mo-Fr 09:00-17:00")
        .to_owned()
}

/// A French phone number in one of the usual spellings.
pub(crate) fn telephone(rng: &mut ChaCha8Rng, prefixe: u8) -> String {
    let d: [u32; 4] = [
        rng.random_range(10..100),
        rng.random_range(0..100),
        rng.random_range(0..100),
        rng.random_range(0..100),
    ];
    match rng.random_range(0..10) {
        0 => format!("0{prefixe}{:02}{:02}{:02}{:02}", d[0], d[1], d[2], d[3]),
        1 => format!(
            "+33 {prefixe} {:02} {:02} {:02} {:02}",
            d[0], d[1], d[2], d[3]
        ),
        2 => format!("0{prefixe}.{:02}.{:02}.{:02}.{:02}", d[0], d[1], d[2], d[3]),
        _ => format!("0{prefixe} {:02} {:02} {:02} {:02}", d[0], d[1], d[2], d[3]),
    }
}

/// A SIRET: 14 digits with a valid Luhn key.
pub(crate) fn siret(rng: &mut ChaCha8Rng) -> String {
    let mut chiffres: Vec<u32> = (0..13).map(|_| rng.random_range(0..10)).collect();
    chiffres[0] = rng.random_range(1..10);
    // Luhn: double every second digit from the right, the key being the rightmost.
    let somme: u32 = chiffres
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &c)| {
            if i % 2 == 0 {
                let d = c * 2;
                if d > 9 { d - 9 } else { d }
            } else {
                c
            }
        })
        .sum();
    chiffres.push((10 - somme % 10) % 10);
    chiffres
        .iter()
        .filter_map(|c| char::from_digit(*c, 10))
        .collect()
}

const PRENOMS: &[&str] = &[
    "Marie", "Nathalie", "Isabelle", "Sophie", "Camille", "Léa", "Fatima", "Aïcha", "Julie",
    "Claire", "Jean", "Pierre", "Nicolas", "Thomas", "Karim", "Mehdi", "Julien", "Laurent",
    "Olivier", "Yannick",
];
const NOMS: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Lefebvre",
    "Leroy",
    "Moreau",
    "Lambert",
    "Dupont",
    "Benali",
    "Le Gall",
    "Le Goff",
    "Diallo",
    "Vandenbussche",
    "Delattre",
    "Fontaine",
    "Guérin",
    "Rousseau",
];

/// `Marie Lefebvre`.
pub(crate) fn contact(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}",
        PRENOMS.choose(rng).copied().unwrap_or("Marie"),
        NOMS.choose(rng).copied().unwrap_or("Martin")
    )
}

/// Opening sentences: at least 50 characters each, `{nom}` and `{de}` filled.
const OUVERTURES: &[&str] = &[
    "{nom} accueille et accompagne les habitants {de} dans leurs démarches.",
    "Ce service est proposé par {nom} aux personnes qui en ont besoin, sans jugement.",
    "Implanté au cœur {de} depuis de nombreuses années, {nom} est un acteur reconnu du territoire.",
    "{nom} propose ce service aux habitants {de} et des communes voisines.",
    "Service de proximité proposé par {nom}, en lien avec les partenaires locaux de l'insertion.",
];

/// Opening sentences of a structure description.
const OUVERTURES_STRUCTURE: &[&str] = &[
    "{nom} accueille et accompagne les habitants {de} et des communes voisines.",
    "Implanté au cœur {de} depuis de nombreuses années, {nom} est un acteur reconnu du territoire.",
    "{nom} est un lieu d'accueil, d'information et d'accompagnement ouvert à tous.",
    "Structure de proximité, {nom} travaille en lien avec les partenaires locaux de l'insertion.",
];

/// Generic sentences, drawn without repetition.
const PHRASES: &[&str] = &[
    "Un premier entretien permet de faire le point sur votre situation et vos besoins.",
    "L'accompagnement est individualisé et adapté au rythme de chaque personne.",
    "Les conseillers travaillent en lien étroit avec France Travail, le département et les associations du secteur.",
    "Des permanences sont organisées dans plusieurs quartiers, notamment en quartier prioritaire de la politique de la ville.",
    "Pensez à apporter une pièce d'identité et, si possible, vos derniers justificatifs de ressources.",
    "L'équipe peut vous orienter vers d'autres partenaires si votre demande ne relève pas de ce service.",
    "Les locaux sont accessibles aux personnes à mobilité réduite.",
    "Un interprétariat peut être organisé pour les personnes qui ne parlent pas français.",
    "Les rendez-vous sont fixés dans un délai de une à deux semaines.",
    "Les ateliers collectifs alternent apports pratiques, mises en situation et échanges entre participants.",
    "Le service est financé par l'État, la région et le Fonds social européen.",
    "Un bilan est réalisé à la fin de l'accompagnement pour mesurer le chemin parcouru.",
    "Les personnes peuvent être orientées par un travailleur social, un conseiller emploi ou venir d'elles-mêmes.",
    "La structure est desservie par les transports en commun ; un parking est disponible à proximité.",
    "Les informations échangées restent confidentielles et ne sont pas transmises sans votre accord.",
    "Le nombre de places étant limité, l'inscription préalable est recommandée.",
    "Un suivi téléphonique est proposé entre les rendez-vous.",
    "Les horaires peuvent varier pendant les vacances scolaires ; renseignez-vous avant de vous déplacer.",
    "L'objectif est de lever les freins qui empêchent l'accès ou le retour à l'emploi.",
    "Le service s'adresse en priorité aux personnes résidant sur le territoire d'intervention.",
    "Des ordinateurs sont mis à disposition pour les démarches en ligne.",
    "L'équipe est composée de professionnels de l'action sociale et de bénévoles formés.",
    "Les participants bénéficient d'un accompagnement pendant six mois, renouvelable une fois.",
    "Une attestation de participation peut être délivrée sur demande.",
];

/// A description of 50–1500 characters built from an opening, family sentences and generic ones;
/// `de_structure` picks openings describing a structure rather than one of its services.
pub(crate) fn description(
    rng: &mut ChaCha8Rng,
    nom: &str,
    commune: &str,
    propres: &[&str],
    de_structure: bool,
) -> String {
    let cible: usize = match rng.random_range(0..10) {
        0..=1 => rng.random_range(50..200),
        2..=7 => rng.random_range(200..700),
        _ => rng.random_range(700..1500),
    };
    let ouvertures = if de_structure {
        OUVERTURES_STRUCTURE
    } else {
        OUVERTURES
    };
    let ouverture = ouvertures.choose(rng).copied().unwrap_or(OUVERTURES[0]);
    let mut texte = ouverture
        .replace("{nom}", nom)
        .replace("{de}", &de_commune(commune));
    let mut candidates: Vec<&str> = propres.iter().chain(PHRASES.iter()).copied().collect();
    // Family sentences first, then generic ones in random order.
    let (debut, fin) = candidates.split_at_mut(propres.len());
    debut.shuffle(rng);
    fin.shuffle(rng);
    for phrase in candidates {
        if texte.chars().count() >= cible {
            break;
        }
        if texte.chars().count() + phrase.chars().count() + 1 > 1500 {
            break;
        }
        texte.push(' ');
        texte.push_str(phrase);
    }
    texte
}
