//! Candidate lanes of DESIGN.md §3, before gates and ranking.
//!
//! - *Sur place*: services received on site (or whose mode is not published) with a point within
//!   `rayon_km` (haversine), plus every such service of the person's own commune, whatever the
//!   distance (a big commune's centroid must not hide offers in it). Same commune means the same
//!   INSEE code, or a municipal arrondissement and its commune.
//! - *À distance*: services offered `a-distance`.
//!
//! Both lanes check the zone: a service is kept when one of its zones contains the person's
//! commune, or when its zone is unknown (kept, with [`ConfianceZone::Inconnue`]). On-site services
//! within reach but outside their zone are listed in `hors_territoire` (the engine counts those
//! that pass the request's filters).

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::catalog::model::{Catalogue, Service, ZoneEligibilite};
use crate::referentiel::{Categorie, Code, CodeSet, ModeAccueil, Referentiels, Thematique};
use crate::territoire::{CommuneId, IndexPoints, Point, Territoires, Zone, distance_indexee_km};

/// How the person would use the offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// On site, within reach.
    SurPlace,
    /// Remotely.
    ADistance,
}

/// Whether the person's commune is listed in the service's zone, or the zone is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConfianceZone {
    /// The zone lists the person's commune (or its EPCI, département, France).
    Listee,
    /// No zone published: eligible, with lower confidence.
    Inconnue,
}

/// One candidate offer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Candidat {
    /// Index of the service in the catalogue.
    pub service: u32,
    /// Lane.
    pub mode: Mode,
    /// Great-circle distance, for on-site candidates.
    pub distance_km: Option<f64>,
    /// Zone confidence.
    pub zone: ConfianceZone,
}

/// Where the person searches from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Origine {
    /// Her point (given, or her commune's).
    pub point: Point,
    /// Her commune (for zones and "same commune").
    pub commune: CommuneId,
}

/// The candidates of one search, and the on-site offers left out by their zone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lanes {
    /// Candidates, on-site first then remote, each service once.
    pub candidats: Vec<Candidat>,
    /// On-site services within reach but outside their zone (indexes in the catalogue).
    pub hors_territoire: Vec<u32>,
}

/// A remote service in the lanes' lists, with its thematiques (for the pre-filter).
type Distant = (u32, CodeSet<Thematique>);
/// An on-site service in the spatial index: with its zones and thematiques.
type SurPlace = (u32, ZonesResumees, CodeSet<Thematique>);

/// The per-catalogue structures the lanes need, built once per snapshot.
#[derive(Debug)]
pub struct IndexCandidats {
    /// Points of on-site services with their zones and thematiques, by thematique category.
    points: Repartition<IndexPoints<SurPlace>>,
    par_commune: FxHashMap<CommuneId, Vec<u32>>,
    /// Remote services (with their thematiques) by each zone they list (a service with several
    /// zones is in several lists).
    a_distance_par_zone: FxHashMap<Zone, Repartition<Vec<Distant>>>,
    /// Remote services without a published zone.
    a_distance_sans_zone: Repartition<Vec<Distant>>,
    sur_place: Vec<bool>,
    /// Every service's zones, numbered.
    zones: TableZones,
}

/// A collection split by thematique category: each service is in `toutes` and in the part of every
/// category of its thematiques, so that a search for some needs only walks the services of their
/// categories (a dense area holds tens of thousands of offers, a few thousand per category).
#[derive(Debug)]
struct Repartition<T> {
    toutes: T,
    par_categorie: Vec<T>,
}

impl<T> Repartition<T> {
    /// The parts to walk: every service, or those of `categories`.
    fn parts(&self, categories: Option<CodeSet<Categorie>>) -> Vec<&T> {
        match categories {
            None => vec![&self.toutes],
            Some(cs) => cs.iter().map(|c| &self.par_categorie[c.index()]).collect(),
        }
    }

    fn transformer<U>(self, f: impl Fn(T) -> U) -> Repartition<U> {
        Repartition {
            toutes: f(self.toutes),
            par_categorie: self.par_categorie.into_iter().map(f).collect(),
        }
    }
}

impl<E> Repartition<Vec<E>> {
    fn vide() -> Self {
        Repartition {
            toutes: Vec::new(),
            par_categorie: (0..Categorie::liste().len()).map(|_| Vec::new()).collect(),
        }
    }

    fn ajouter(&mut self, categories: CodeSet<Categorie>, e: E)
    where
        E: Clone,
    {
        for c in categories.iter() {
            self.par_categorie[c.index()].push(e.clone());
        }
        self.toutes.push(e);
    }
}

/// The categories of a service's thematiques.
pub fn categories_de(thematiques: CodeSet<Thematique>) -> CodeSet<Categorie> {
    let r = Referentiels::get();
    thematiques.iter().map(|t| r.categorie(t)).collect()
}

/// A set of service indexes, one bit each.
struct Vus(Vec<u64>);

impl Vus {
    fn new(n: usize) -> Self {
        Vus(vec![0; n.div_ceil(64)])
    }

    /// Marks `i`; whether it was already marked.
    fn deja(&mut self, i: u32) -> bool {
        let (mot, bit) = ((i / 64) as usize, 1u64 << (i % 64));
        let avant = self.0[mot] & bit != 0;
        self.0[mot] |= bit;
        avant
    }
}

/// The zones that contain `commune`: France, its région, département, EPCI, itself and, for a
/// municipal arrondissement, its commune (the converse of [`Territoires::zone_contient`]).
fn zones_contenant(territoires: &Territoires, commune: CommuneId) -> Vec<Zone> {
    let c = territoires.commune_par_id(commune);
    let mut zones = vec![
        Zone::France,
        Zone::Region(c.region),
        Zone::Departement(c.departement),
        Zone::Commune(c.id),
    ];
    zones.extend(c.epci.map(Zone::Epci));
    zones.extend(c.parent.map(Zone::Commune));
    zones
}

/// Whether a service is received on site (or its mode is not published) and whether it is offered
/// remotely; shared with the coverage.
pub(crate) fn modes(service: &Service) -> (bool, bool) {
    let presentiel = ModeAccueil::parse("en-presentiel");
    let distance = ModeAccueil::parse("a-distance");
    let m = service.modes_accueil;
    let sur_place = m.is_empty() || presentiel.is_some_and(|p| m.contains(p));
    let a_distance = distance.is_some_and(|d| m.contains(d));
    (sur_place, a_distance)
}

/// The commune a service stands in (its own INSEE code, else its structure's), if known.
fn commune_du_service(
    catalogue: &Catalogue,
    service: &Service,
    territoires: &Territoires,
) -> Option<CommuneId> {
    let code = service
        .adresse
        .code_insee
        .or(catalogue.structure(service).adresse.code_insee)?;
    territoires.commune(code.as_str()).map(|c| c.id)
}

impl IndexCandidats {
    /// Indexes `catalogue`'s services.
    pub fn new(catalogue: &Catalogue, territoires: &Territoires) -> Self {
        let mut par_commune: FxHashMap<CommuneId, Vec<u32>> = FxHashMap::default();
        let mut a_distance_par_zone: FxHashMap<Zone, Repartition<Vec<Distant>>> =
            FxHashMap::default();
        let mut a_distance_sans_zone = Repartition::vide();
        let mut sur_place = Vec::with_capacity(catalogue.services.len());
        let mut points = Repartition::vide();
        let zones = TableZones::new(&catalogue.services);
        for (i, s) in catalogue.services.iter().enumerate() {
            let i = i as u32;
            let (presentiel, distance) = modes(s);
            let categories = categories_de(s.thematiques);
            sur_place.push(presentiel);
            if distance {
                match &s.zone {
                    ZoneEligibilite::Inconnue => {
                        a_distance_sans_zone.ajouter(categories, (i, s.thematiques));
                    }
                    ZoneEligibilite::Zones(zs) => {
                        for z in zs {
                            let liste = a_distance_par_zone
                                .entry(z.clone())
                                .or_insert_with(Repartition::vide);
                            if liste.toutes.last().map(|&(j, _)| j) != Some(i) {
                                liste.ajouter(categories, (i, s.thematiques));
                            }
                        }
                    }
                }
            }
            if presentiel {
                if let Some(p) = s.point {
                    points.ajouter(categories, ((i, zones.resumees(i), s.thematiques), p));
                }
                if let Some(c) = commune_du_service(catalogue, s, territoires) {
                    par_commune.entry(c).or_default().push(i);
                }
            }
        }
        IndexCandidats {
            points: points.transformer(IndexPoints::new),
            par_commune,
            a_distance_par_zone,
            a_distance_sans_zone,
            sur_place,
            zones,
        }
    }

    /// The communes counting as "the person's own": hers, her commune's parent, its arrondissements.
    fn memes_communes(territoires: &Territoires, commune: CommuneId) -> Vec<CommuneId> {
        let c = territoires.commune_par_id(commune);
        let parent = c.parent.unwrap_or(c.id);
        let mut ids = vec![parent];
        ids.extend_from_slice(territoires.arrondissements_de(parent));
        ids
    }

    /// The lanes for `origine` and `rayon_km` over `catalogue` (the catalogue this index was built
    /// on), keeping only the services `prefiltre` keeps (checked on the thematiques stored in the
    /// lanes, before anything touches the service itself).
    pub fn lanes(
        &self,
        catalogue: &Catalogue,
        territoires: &Territoires,
        origine: Origine,
        rayon_km: f64,
        prefiltre: Prefiltre,
    ) -> Lanes {
        let categories = prefiltre.categories();
        let contenant = self.zones.contenant(territoires, origine.commune);
        let mut vus = Vus::new(catalogue.services.len());
        let mut lanes = Lanes::default();
        let mut proches: Vec<(SurPlace, f64)> = Vec::new();
        for p in self.points.parts(categories) {
            p.ajouter_dans_le_rayon(origine.point, rayon_km, &mut proches);
        }
        // Each service once (a service of several categories is in several trees), then the
        // pre-filter, in one tight loop: the processor overlaps the memory accesses of successive
        // services. (The pre-filter is deterministic: marking a service it refuses changes nothing.)
        proches.retain(|&((i, _, th), _)| !vus.deja(i) && prefiltre.garde(th));
        // The person's own commune, whatever the distance: only its services not already within
        // reach are measured.
        for c in Self::memes_communes(territoires, origine.commune) {
            for &i in self
                .par_commune
                .get(&c)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                let s = &catalogue.services[i as usize];
                if !vus.deja(i) && prefiltre.garde(s.thematiques) {
                    let d = s
                        .point
                        .map_or(0.0, |p| distance_indexee_km(origine.point, p));
                    proches.push(((i, self.zones.resumees(i), s.thematiques), d));
                }
            }
        }
        lanes.candidats.reserve(proches.len());
        for ((i, zones, _), d) in proches {
            match self.zones.confiance_resumee(i, zones, &contenant) {
                Some(z) => lanes.candidats.push(Candidat {
                    service: i,
                    mode: Mode::SurPlace,
                    distance_km: Some(d),
                    zone: z,
                }),
                None => lanes.hors_territoire.push(i),
            }
        }
        // The remote lists of her zones, then those without a zone: plain loops over the lists
        // (the pre-filter first: most of the national offer fails it, and needs no bitset write).
        let mut distants = |liste: &[Distant], zone: ConfianceZone| {
            for &(i, th) in liste {
                if prefiltre.garde(th) && !vus.deja(i) {
                    lanes.candidats.push(Candidat {
                        service: i,
                        mode: Mode::ADistance,
                        distance_km: None,
                        zone,
                    });
                }
            }
        };
        for z in zones_contenant(territoires, origine.commune) {
            if let Some(r) = self.a_distance_par_zone.get(&z) {
                for liste in r.parts(categories) {
                    distants(liste, ConfianceZone::Listee);
                }
            }
        }
        for liste in self.a_distance_sans_zone.parts(categories) {
            distants(liste, ConfianceZone::Inconnue);
        }
        lanes
    }

    /// The candidates of a search without a place: those of `services` (the text matches) that
    /// `prefiltre` keeps, each in the lane of its reception mode, without distance and without
    /// zone check.
    pub fn sans_lieu(
        &self,
        catalogue: &Catalogue,
        services: impl Iterator<Item = u32>,
        prefiltre: Prefiltre,
    ) -> Lanes {
        let candidats = services
            .filter(|&i| prefiltre.garde(catalogue.services[i as usize].thematiques))
            .map(|i| Candidat {
                service: i,
                mode: if self.est_sur_place(i) {
                    Mode::SurPlace
                } else {
                    Mode::ADistance
                },
                distance_km: None,
                zone: match catalogue.services[i as usize].zone {
                    ZoneEligibilite::Inconnue => ConfianceZone::Inconnue,
                    ZoneEligibilite::Zones(_) => ConfianceZone::Listee,
                },
            })
            .collect();
        Lanes {
            candidats,
            hors_territoire: Vec::new(),
        }
    }

    /// Whether the service is received on site (or its mode is unknown).
    pub fn est_sur_place(&self, service: u32) -> bool {
        self.sur_place
            .get(service as usize)
            .copied()
            .unwrap_or(false)
    }
}

mod prefiltre;
#[cfg(test)]
mod tests;
mod zones;

pub use prefiltre::Prefiltre;

use zones::{TableZones, ZonesResumees};
