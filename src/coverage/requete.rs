//! A coverage request: as received ([`DemandeCouverture`], strings) and validated
//! ([`RequeteCouverture`], typed and normalised so that it can key a cache).
//!
//! Territory syntax (`territoire`): `france`; a département code (`59`, `2A`, `974`); an EPCI
//! SIREN (`200093201`); a région prefixed with `region:` (`region:32` — région and département
//! codes overlap, `32` alone is the Gers); one or more commune INSEE codes separated by commas
//! (`59350,59512`).

use serde::{Deserialize, Serialize};

use super::CouvertureError;
use crate::referentiel::{
    Categorie, Code, CodeSet, PersonneMobilisatrice, Public, ReseauPorteur, Thematique, TypeService,
};
use crate::search::resoudre;
use crate::territoire::{CodeCommune, CodeDepartement, CodeRegion, SirenEpci, Territoires};

/// Default H3 resolution (cells of about 5 km²).
pub const RESOLUTION_DEFAUT: u8 = 7;
/// Lowest accepted H3 resolution.
pub const RESOLUTION_MIN: u8 = 5;
/// Highest accepted H3 resolution.
pub const RESOLUTION_MAX: u8 = 9;
/// Default radius within which an on-site offer closes a gap, in km.
pub const RAYON_DEFAUT_KM: f64 = 10.0;
/// Smallest accepted radius, in km.
pub const RAYON_MIN_KM: f64 = 1.0;
/// Largest accepted radius, in km.
pub const RAYON_MAX_KM: f64 = 50.0;
/// Most needs in one request (`tous` expands to the 16 categories).
pub const BESOINS_MAX: usize = 20;
/// The need code that stands for every thematique category.
pub const TOUS: &str = "tous";

/// A coverage request as received (CLI arguments, query string).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DemandeCouverture {
    /// Territory (see the module documentation for the syntax).
    pub territoire: String,
    /// Need codes: diagnostic needs, need groups, thematiques, categories, or `tous`.
    pub besoins: Vec<String>,
    /// H3 resolution, 5–9 (default 7).
    pub resolution: Option<u8>,
    /// Radius in km, 1–50 (default 10).
    pub rayon_km: Option<f64>,
    /// Publics filter (any of them).
    pub publics: Vec<String>,
    /// Service types filter.
    pub types: Vec<String>,
    /// Réseaux porteurs filter (of the service's structure).
    pub reseaux_porteurs: Vec<String>,
    /// Who may mobilise the offer (`usagers`, `professionnels`).
    pub mobilisable_par: Vec<String>,
}

/// A validated territory.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "code", rename_all = "snake_case")]
pub enum TerritoireCouverture {
    /// All of France.
    France,
    /// A région.
    Region(CodeRegion),
    /// A département.
    Departement(CodeDepartement),
    /// An EPCI.
    Epci(SirenEpci),
    /// A list of communes, sorted, without duplicates.
    Communes(Vec<CodeCommune>),
}

impl std::fmt::Display for TerritoireCouverture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TerritoireCouverture::France => f.write_str("france"),
            TerritoireCouverture::Region(r) => write!(f, "region:{r}"),
            TerritoireCouverture::Departement(d) => write!(f, "{d}"),
            TerritoireCouverture::Epci(s) => write!(f, "{s}"),
            TerritoireCouverture::Communes(cs) => {
                let codes: Vec<&str> = cs.iter().map(CodeCommune::as_str).collect();
                f.write_str(&codes.join(","))
            }
        }
    }
}

/// One need, resolved to the thematiques that cover it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct BesoinCouverture {
    /// The code (as given, or a category code for `tous`).
    pub code: String,
    /// French label.
    pub libelle: String,
    /// An offer covers the need when it has one of these thematiques.
    pub thematiques: CodeSet<Thematique>,
}

/// Profile-free filters on the offers (empty: any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct FiltresCouverture {
    /// Publics (an offer matches when it lists one of them, `tous-publics`, or none).
    pub publics: CodeSet<Public>,
    /// Service types.
    pub types: CodeSet<TypeService>,
    /// Réseaux porteurs of the structure.
    pub reseaux_porteurs: CodeSet<ReseauPorteur>,
    /// Who may mobilise the offer.
    pub mobilisable_par: CodeSet<PersonneMobilisatrice>,
}

/// A validated coverage request. Normalised (needs sorted by code, radius in metres) so that two
/// equivalent requests are equal and hash alike: it is the cache key of the HTTP layer (with the
/// snapshot version).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct RequeteCouverture {
    /// Territory.
    pub territoire: TerritoireCouverture,
    /// Needs, sorted by code.
    pub besoins: Vec<BesoinCouverture>,
    /// H3 resolution, 5–9.
    pub resolution: u8,
    /// Radius, in metres (an integer, so the request is `Eq` and `Hash`).
    pub rayon_m: u32,
    /// Filters.
    pub filtres: FiltresCouverture,
}

impl RequeteCouverture {
    /// The radius in km.
    pub fn rayon_km(&self) -> f64 {
        f64::from(self.rayon_m) / 1000.0
    }
}

fn court(s: &str) -> String {
    s.chars().take(60).collect()
}

fn codes<T: Code>(champ: &'static str, valeurs: &[String]) -> Result<CodeSet<T>, CouvertureError> {
    valeurs
        .iter()
        .map(|v| {
            T::parse(v.trim()).ok_or_else(|| CouvertureError::Filtre {
                champ,
                detail: format!(
                    "code inconnu « {} » (voir le référentiel {})",
                    court(v),
                    T::liste().nom()
                ),
            })
        })
        .collect()
}

/// Parses and checks a territory against the referential.
pub fn territoire(
    texte: &str,
    territoires: &Territoires,
) -> Result<TerritoireCouverture, CouvertureError> {
    const ATTENDU: &str = "attendu « france », un département (59, 2A, 974), un EPCI (SIREN à 9 \
                           chiffres), une région préfixée (region:32) ou des codes commune \
                           séparés par des virgules (59350,59512)";
    let texte = texte.trim();
    let erreur = |quoi: String| CouvertureError::Territoire(format!("{quoi} ; {ATTENDU}"));
    if texte.is_empty() {
        return Err(erreur("aucun territoire donné".into()));
    }
    if texte.eq_ignore_ascii_case("france") {
        return Ok(TerritoireCouverture::France);
    }
    if let Some(code) = texte
        .strip_prefix("region:")
        .or_else(|| texte.strip_prefix("région:"))
    {
        return territoires
            .region(code)
            .map(|r| TerritoireCouverture::Region(r.code))
            .ok_or_else(|| erreur(format!("région « {} » inconnue", court(code))));
    }
    match texte.len() {
        2 | 3 => territoires
            .departement(texte)
            .map(|d| TerritoireCouverture::Departement(d.code))
            .ok_or_else(|| erreur(format!("département « {} » inconnu", court(texte)))),
        9 if texte.bytes().all(|b| b.is_ascii_digit()) => territoires
            .epci(texte)
            .map(|e| TerritoireCouverture::Epci(e.siren))
            .ok_or_else(|| erreur(format!("EPCI « {texte} » inconnu"))),
        _ => {
            let mut communes = Vec::new();
            for code in texte.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                let c = territoires
                    .commune(code)
                    .ok_or_else(|| erreur(format!("territoire « {} » inconnu", court(code))))?;
                communes.push(c.code);
            }
            if communes.is_empty() {
                return Err(erreur(format!("territoire « {} » inconnu", court(texte))));
            }
            communes.sort_unstable();
            communes.dedup();
            Ok(TerritoireCouverture::Communes(communes))
        }
    }
}

/// Resolves need codes (`tous` expands to every category), sorted by code, without duplicates.
pub fn besoins(codes: &[String]) -> Result<Vec<BesoinCouverture>, CouvertureError> {
    let mut besoins = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if code == TOUS {
            let r = crate::referentiel::Referentiels::get();
            for c in Categorie::tous() {
                besoins.push(BesoinCouverture {
                    code: c.code().to_owned(),
                    libelle: c.libelle().to_owned(),
                    thematiques: r.thematiques_de(c),
                });
            }
            continue;
        }
        let b = resoudre(code, 1).map_err(|e| CouvertureError::Besoin(e.to_string()))?;
        besoins.push(BesoinCouverture {
            code: b.code,
            libelle: b.libelle,
            thematiques: b.thematiques,
        });
    }
    if besoins.is_empty() {
        return Err(CouvertureError::Besoin(
            "aucun besoin donné : attendu un besoin du diagnostic (ex. mobilite.permis), un \
             groupe (ex. mobilite), une thématique, une catégorie, ou « tous »"
                .into(),
        ));
    }
    besoins.sort_by(|a, b| a.code.cmp(&b.code));
    besoins.dedup_by(|a, b| a.code == b.code);
    if besoins.len() > BESOINS_MAX {
        return Err(CouvertureError::Besoin(format!(
            "{} besoins demandés : au plus {BESOINS_MAX} par requête",
            besoins.len()
        )));
    }
    Ok(besoins)
}

impl DemandeCouverture {
    /// Checks every field against the referentials and the allowed ranges. The size of the
    /// territory for the resolution is checked by [`super::couverture`] (it needs the grid).
    pub fn valider(&self, territoires: &Territoires) -> Result<RequeteCouverture, CouvertureError> {
        let territoire = territoire(&self.territoire, territoires)?;
        let besoins = besoins(&self.besoins)?;
        let resolution = self.resolution.unwrap_or(RESOLUTION_DEFAUT);
        if !(RESOLUTION_MIN..=RESOLUTION_MAX).contains(&resolution) {
            return Err(CouvertureError::Resolution(format!(
                "résolution H3 {resolution} hors limites : attendu {RESOLUTION_MIN} à \
                 {RESOLUTION_MAX} (défaut {RESOLUTION_DEFAUT})"
            )));
        }
        let rayon_km = self.rayon_km.unwrap_or(RAYON_DEFAUT_KM);
        if !rayon_km.is_finite() || !(RAYON_MIN_KM..=RAYON_MAX_KM).contains(&rayon_km) {
            return Err(CouvertureError::Rayon(format!(
                "rayon {rayon_km} km hors limites : attendu {RAYON_MIN_KM} à {RAYON_MAX_KM} km \
                 (défaut {RAYON_DEFAUT_KM})"
            )));
        }
        let filtres = FiltresCouverture {
            publics: codes("publics", &self.publics)?,
            types: codes("types", &self.types)?,
            reseaux_porteurs: codes("reseaux_porteurs", &self.reseaux_porteurs)?,
            mobilisable_par: codes("mobilisable_par", &self.mobilisable_par)?,
        };
        Ok(RequeteCouverture {
            territoire,
            besoins,
            resolution,
            // In range 1,000–50,000: the cast cannot truncate.
            rayon_m: (rayon_km * 1000.0).round() as u32,
            filtres,
        })
    }
}
