//! The places the generator puts structures in, and the régions needed to write regional zones.
//!
//! The generator does not depend on the territory module: the caller converts its communes into
//! [`Lieu`]s. [`lieux_exemple`] is a small hand-written list of real communes (Nord and
//! Ille-et-Vilaine) for tests and for the command line until real territories are wired in.

/// A commune where structures may be placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Lieu {
    /// INSEE commune code (`59350`).
    pub code_insee: String,
    /// Commune name (`Lille`).
    pub nom: String,
    /// Main postal code (`59000`).
    pub code_postal: String,
    /// Département code (`59`, `2A`, `971`).
    pub departement: String,
    /// SIREN of its EPCI, when it belongs to one.
    pub epci: Option<String>,
    /// Municipal population: the weight of the place.
    pub population: u32,
    /// WGS84 latitude of the commune point.
    pub lat: f64,
    /// WGS84 longitude of the commune point.
    pub lon: f64,
}

/// The départements of the région containing `departement` (itself alone when unknown).
///
/// A regional zone is written as the list of its départements (data·inclusion convention).
pub fn departements_de_la_region(departement: &str) -> Vec<String> {
    REGIONS
        .iter()
        .find(|r| r.contains(&departement))
        .map(|r| r.iter().map(|d| (*d).to_owned()).collect())
        .unwrap_or_else(|| vec![departement.to_owned()])
}

/// The first digit of landline numbers in the région of `departement` (01 Île-de-France, …).
pub(crate) fn prefixe_telephone(departement: &str) -> u8 {
    match REGIONS.iter().position(|r| r.contains(&departement)) {
        Some(7) => 1,
        Some(1 | 5 | 6) => 3,
        Some(0 | 4 | 11) => 4,
        Some(9 | 10) => 5,
        _ => 2,
    }
}

/// Metropolitan régions as lists of départements (overseas ones are single-département).
const REGIONS: &[&[&str]] = &[
    // 0 Auvergne-Rhône-Alpes
    &[
        "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
    ],
    // 1 Bourgogne-Franche-Comté
    &["21", "25", "39", "58", "70", "71", "89", "90"],
    // 2 Bretagne
    &["22", "29", "35", "56"],
    // 3 Centre-Val de Loire
    &["18", "28", "36", "37", "41", "45"],
    // 4 Corse
    &["2A", "2B"],
    // 5 Grand Est
    &["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
    // 6 Hauts-de-France
    &["02", "59", "60", "62", "80"],
    // 7 Île-de-France
    &["75", "77", "78", "91", "92", "93", "94", "95"],
    // 8 Normandie
    &["14", "27", "50", "61", "76"],
    // 9 Nouvelle-Aquitaine
    &[
        "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
    ],
    // 10 Occitanie
    &[
        "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
    ],
    // 11 Provence-Alpes-Côte d'Azur
    &["04", "05", "06", "13", "83", "84"],
    // 12 Pays de la Loire
    &["44", "49", "53", "72", "85"],
];

/// About twenty real communes of the Nord (59) and Ille-et-Vilaine (35), with their EPCI.
pub fn lieux_exemple() -> Vec<Lieu> {
    const MEL: &str = "245900410";
    const CUD: &str = "245900428";
    const CAPH: &str = "200041960";
    const RENNES: &str = "243500139";
    const STMALO: &str = "243500741";
    const VITRE: &str = "200039022";
    const FOUGERES: &str = "200072452";
    type Ligne = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        u32,
        f64,
        f64,
    );
    let rows: &[Ligne] = &[
        (
            "59350",
            "Lille",
            "59000",
            "59",
            Some(MEL),
            236_710,
            50.6292,
            3.0573,
        ),
        (
            "59512",
            "Roubaix",
            "59100",
            "59",
            Some(MEL),
            98_828,
            50.6942,
            3.1746,
        ),
        (
            "59599",
            "Tourcoing",
            "59200",
            "59",
            Some(MEL),
            99_011,
            50.7239,
            3.1612,
        ),
        (
            "59009",
            "Villeneuve-d'Ascq",
            "59650",
            "59",
            Some(MEL),
            62_727,
            50.6233,
            3.1450,
        ),
        (
            "59183",
            "Dunkerque",
            "59140",
            "59",
            Some(CUD),
            86_279,
            51.0344,
            2.3768,
        ),
        (
            "59271",
            "Grande-Synthe",
            "59760",
            "59",
            Some(CUD),
            20_352,
            51.0139,
            2.3028,
        ),
        (
            "59606",
            "Valenciennes",
            "59300",
            "59",
            Some(CAPH),
            43_405,
            50.3570,
            3.5235,
        ),
        (
            "59178",
            "Douai",
            "59500",
            "59",
            Some("245901160"),
            39_700,
            50.3714,
            3.0800,
        ),
        (
            "59122",
            "Cambrai",
            "59400",
            "59",
            Some("200068500"),
            31_600,
            50.1761,
            3.2356,
        ),
        (
            "59392",
            "Maubeuge",
            "59600",
            "59",
            Some("200043396"),
            29_400,
            50.2775,
            3.9734,
        ),
        (
            "59043",
            "Bailleul",
            "59270",
            "59",
            Some("200040947"),
            14_900,
            50.7392,
            2.7350,
        ),
        (
            "59088",
            "Le Cateau-Cambrésis",
            "59360",
            "59",
            None,
            6_800,
            50.1039,
            3.5428,
        ),
        (
            "35238",
            "Rennes",
            "35000",
            "35",
            Some(RENNES),
            227_830,
            48.1113,
            -1.6800,
        ),
        (
            "35288",
            "Saint-Malo",
            "35400",
            "35",
            Some(STMALO),
            47_255,
            48.6493,
            -2.0257,
        ),
        (
            "35115",
            "Fougères",
            "35300",
            "35",
            Some(FOUGERES),
            20_500,
            48.3524,
            -1.1986,
        ),
        (
            "35360",
            "Vitré",
            "35500",
            "35",
            Some(VITRE),
            18_900,
            48.1236,
            -1.2086,
        ),
        (
            "35047",
            "Bruz",
            "35170",
            "35",
            Some(RENNES),
            18_900,
            48.0247,
            -1.7458,
        ),
        (
            "35051",
            "Cesson-Sévigné",
            "35510",
            "35",
            Some(RENNES),
            18_200,
            48.1211,
            -1.6031,
        ),
        (
            "35236",
            "Redon",
            "35600",
            "35",
            Some("243500725"),
            9_300,
            47.6519,
            -2.0847,
        ),
        (
            "35093",
            "Dinard",
            "35800",
            "35",
            Some("243500782"),
            10_000,
            48.6325,
            -2.0617,
        ),
        (
            "35001",
            "Acigné",
            "35690",
            "35",
            Some(RENNES),
            7_200,
            48.1333,
            -1.5347,
        ),
    ];
    rows.iter()
        .map(|&(code, nom, cp, dep, epci, population, lat, lon)| Lieu {
            code_insee: code.to_owned(),
            nom: nom.to_owned(),
            code_postal: cp.to_owned(),
            departement: dep.to_owned(),
            epci: epci.map(str::to_owned),
            population,
            lat,
            lon,
        })
        .collect()
}
