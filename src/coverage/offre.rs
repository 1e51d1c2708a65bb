//! Supply: the offers covering a need, split as the search splits them (`modes`, shared with the
//! candidate lanes): on site with a point, and remote.
//!
//! On-site offers count by distance alone: the map answers "is there an offer near here", the
//! search answers "may this person use it" (zones, publics, profile). Remote offers count for the
//! communes their zone lists (an unknown zone is counted apart: it would cover everything).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::grille::{GrilleNationale, resolution};
use super::requete::{BesoinCouverture, FiltresCouverture, RESOLUTION_MAX, RESOLUTION_MIN};
use crate::catalog::model::{Catalogue, Service, ZoneEligibilite};
use crate::referentiel::Public;
use crate::search::modes;
use crate::territoire::{CodeDepartement, CommuneId, IndexPoints, Point, Territoires, Zone};

/// Per-catalogue structures of the coverage, built once per catalogue (snapshot) and shared by
/// every request: each service's modes, and the national demand grid of each resolution (built
/// on first use).
#[derive(Debug)]
pub struct IndexCouverture {
    /// Per service: (received on site, offered remotely).
    modes: Vec<(bool, bool)>,
    /// Communes of each département, sorted by id.
    par_departement: HashMap<CodeDepartement, Vec<CommuneId>>,
    grilles: [OnceLock<GrilleNationale>; (RESOLUTION_MAX - RESOLUTION_MIN + 1) as usize],
}

impl IndexCouverture {
    /// Indexes `catalogue` (with the referential it was loaded against).
    pub fn new(catalogue: &Catalogue, territoires: &Territoires) -> Self {
        let mut par_departement: HashMap<CodeDepartement, Vec<CommuneId>> = HashMap::new();
        for c in territoires.communes() {
            par_departement.entry(c.departement).or_default().push(c.id);
        }
        IndexCouverture {
            modes: catalogue.services.iter().map(modes).collect(),
            par_departement,
            grilles: Default::default(),
        }
    }

    /// The communes of a zone, from the precomputed département lists where possible.
    fn membres(&self, t: &Territoires, zone: &Zone) -> Vec<CommuneId> {
        match zone {
            Zone::Departement(d) => self.par_departement.get(d).cloned().unwrap_or_default(),
            Zone::Region(r) => t
                .region(r.as_str())
                .map(|r| {
                    r.departements
                        .iter()
                        .filter_map(|d| self.par_departement.get(d))
                        .flatten()
                        .copied()
                        .collect()
                })
                .unwrap_or_default(),
            autre => t.communes_de_zone(autre),
        }
    }

    /// The national grid at resolution `r` (5–9), built on first use.
    pub(crate) fn grille(&self, t: &Territoires, r: u8) -> &GrilleNationale {
        let i = usize::from(r.clamp(RESOLUTION_MIN, RESOLUTION_MAX) - RESOLUTION_MIN);
        self.grilles[i].get_or_init(|| GrilleNationale::new(t, resolution(r)))
    }

    /// The offers of `catalogue` covering `besoin` and passing `filtres`.
    pub(crate) fn offres(
        &self,
        catalogue: &Catalogue,
        besoin: &BesoinCouverture,
        filtres: &FiltresCouverture,
    ) -> Offres {
        let tous_publics = Public::tous_publics();
        let mut sur_place = Vec::new();
        let mut a_distance = Vec::new();
        for (i, s) in catalogue.services.iter().enumerate() {
            if !besoin.thematiques.intersects(&s.thematiques) || !retenu(catalogue, s, filtres) {
                continue;
            }
            if !filtres.publics.is_empty()
                && !s.publics.is_empty()
                && !s.publics.contains(tous_publics)
                && !filtres.publics.intersects(&s.publics)
            {
                continue;
            }
            let (presentiel, distance) = self.modes.get(i).copied().unwrap_or_default();
            if presentiel && let Some(p) = s.point {
                sur_place.push((i as u32, p));
            }
            if distance {
                a_distance.push(i as u32);
            }
        }
        let index = IndexPoints::new(
            sur_place
                .iter()
                .enumerate()
                .map(|(j, (_, p))| (j as u32, *p)),
        );
        Offres {
            sur_place,
            index,
            a_distance,
        }
    }
}

fn retenu(catalogue: &Catalogue, s: &Service, f: &FiltresCouverture) -> bool {
    (f.types.is_empty() || s.type_.is_some_and(|t| f.types.contains(t)))
        && (f.mobilisable_par.is_empty() || f.mobilisable_par.intersects(&s.mobilisable_par))
        && (f.reseaux_porteurs.is_empty()
            || f.reseaux_porteurs
                .intersects(&catalogue.structure(s).reseaux_porteurs))
}

/// The offers of one need.
pub(crate) struct Offres {
    /// On-site offers with a point: (service index, point).
    pub(crate) sur_place: Vec<(u32, Point)>,
    /// Their points, by position in `sur_place`.
    pub(crate) index: IndexPoints,
    /// Remote offers (service indexes).
    pub(crate) a_distance: Vec<u32>,
}

/// Remote coverage of the territory's communes.
pub(crate) struct CouvertureADistance {
    /// Remote offers listing each commune (by [`CommuneId`]; 0 outside the territory).
    pub(crate) par_commune: Vec<u32>,
    /// Remote offers listing at least one commune of the territory.
    pub(crate) offres: usize,
    /// Remote offers with an unknown zone (not counted in `par_commune`).
    pub(crate) zone_inconnue: usize,
}

/// Counts, for each commune of `dans_territoire`, the remote offers whose zone lists it. Each
/// offer's zones are expanded once (France: every commune), with a stamp per commune so that an
/// offer listing a commune twice (its département and itself) counts once.
pub(crate) fn a_distance(
    index: &IndexCouverture,
    catalogue: &Catalogue,
    t: &Territoires,
    offres: &[u32],
    communes: &[CommuneId],
    dans_territoire: &[bool],
) -> CouvertureADistance {
    let mut par_commune = vec![0u32; t.communes().len()];
    let mut tampon = vec![u32::MAX; t.communes().len()];
    let mut nationales = 0u32;
    let mut comptees = 0;
    let mut zone_inconnue = 0;
    for (k, &i) in offres.iter().enumerate() {
        let zones = match &catalogue.services[i as usize].zone {
            ZoneEligibilite::Inconnue => {
                zone_inconnue += 1;
                continue;
            }
            ZoneEligibilite::Zones(z) => z,
        };
        if zones.iter().any(|z| matches!(z, Zone::France)) {
            nationales += 1;
            comptees += 1;
            continue;
        }
        let mut touche = false;
        for z in zones {
            for c in index.membres(t, z) {
                let c = c.0 as usize;
                if dans_territoire[c] && tampon[c] != k as u32 {
                    tampon[c] = k as u32;
                    par_commune[c] += 1;
                    touche = true;
                }
            }
        }
        if touche {
            comptees += 1;
        }
    }
    if nationales > 0 {
        for c in communes {
            par_commune[c.0 as usize] += nationales;
        }
    }
    CouvertureADistance {
        par_commune,
        offres: comptees,
        zone_inconnue,
    }
}
