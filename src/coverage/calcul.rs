//! [`couverture`]: the whole computation for a validated request.

use std::collections::BTreeMap;

use super::e2sfca::{PORTEE_KM, accessibilite, population_desservie, ratio};
use super::grille::{CELLULES_BESOINS_MAX, CELLULES_MAX, GrilleNationale, cellules_estimees};
use super::lacunes::{anneaux, regrouper};
use super::offre::{IndexCouverture, a_distance};
use super::requete::{BesoinCouverture, RESOLUTION_MIN, RequeteCouverture, TerritoireCouverture};
use super::resultat::{
    Cellule, CommuneCellule, CommuneZone, Couverture, CouvertureBesoin, Synthese, ZoneLacune,
};
use super::saturation::{arrondi, saturation};
use super::{CouvertureError, grille};
use crate::catalog::model::Catalogue;
use crate::territoire::{CommuneId, GenreCommune, Territoires, Zone};

/// Gap areas listed per need.
pub const ZONES_LACUNES_MAX: usize = 20;

/// The communes of a territory, sorted by id, and its name.
fn communes(t: &Territoires, territoire: &TerritoireCouverture) -> (Vec<CommuneId>, String) {
    let zone = |z: Zone| t.communes_de_zone(&z);
    match territoire {
        TerritoireCouverture::France => (zone(Zone::France), "France".into()),
        TerritoireCouverture::Region(r) => (
            zone(Zone::Region(*r)),
            t.region(r.as_str())
                .map(|x| x.nom.clone())
                .unwrap_or_default(),
        ),
        TerritoireCouverture::Departement(d) => (
            zone(Zone::Departement(*d)),
            t.departement(d.as_str())
                .map(|x| x.nom.clone())
                .unwrap_or_default(),
        ),
        TerritoireCouverture::Epci(s) => (
            zone(Zone::Epci(*s)),
            t.epci(s.as_str())
                .map(|x| x.nom.clone())
                .unwrap_or_default(),
        ),
        TerritoireCouverture::Communes(codes) => {
            let mut ids: Vec<CommuneId> = codes
                .iter()
                .filter_map(|c| t.commune(c.as_str()))
                .flat_map(|c| zone(Zone::Commune(c.id)))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let nom = match codes.as_slice() {
                [c] => t
                    .commune(c.as_str())
                    .map(|x| x.nom.clone())
                    .unwrap_or_default(),
                _ => format!("{} communes", codes.len()),
            };
            (ids, nom)
        }
    }
}

/// Refuses a request whose grid would be too large, naming the resolutions that fit.
fn verifier_taille(
    t: &Territoires,
    ids: &[CommuneId],
    requete: &RequeteCouverture,
) -> Result<(), CouvertureError> {
    // The footprint is computed once; each finer level multiplies it by 7.
    let base = cellules_estimees(t, ids, RESOLUTION_MIN);
    let a = |r: u8| base * 7u64.pow(u32::from(r - RESOLUTION_MIN));
    let estimees = a(requete.resolution);
    let possibles = (RESOLUTION_MIN..=requete.resolution)
        .filter(|r| a(*r) <= CELLULES_MAX)
        .max();
    let conseil = match possibles {
        Some(r) => format!("résolutions possibles pour ce territoire : {RESOLUTION_MIN} à {r}"),
        None => "choisissez un territoire plus petit".into(),
    };
    if estimees > CELLULES_MAX {
        return Err(CouvertureError::TropEtendu {
            detail: format!(
                "territoire « {} » trop étendu pour la résolution {} : environ {estimees} \
                 cellules H3, au plus {CELLULES_MAX} ; {conseil}",
                requete.territoire, requete.resolution
            ),
            cellules_estimees: estimees,
            maximum: CELLULES_MAX,
        });
    }
    let n = requete.besoins.len() as u64;
    if estimees * n > CELLULES_BESOINS_MAX {
        let max_besoins = CELLULES_BESOINS_MAX / estimees.max(1);
        return Err(CouvertureError::TropEtendu {
            detail: format!(
                "{n} besoins sur le territoire « {} » à la résolution {} : environ {} \
                 cellules × besoins, au plus {CELLULES_BESOINS_MAX} ; demandez au plus \
                 {max_besoins} besoins, ou une résolution plus grossière",
                requete.territoire,
                requete.resolution,
                estimees * n
            ),
            cellules_estimees: estimees * n,
            maximum: CELLULES_BESOINS_MAX,
        });
    }
    Ok(())
}

/// A populated cell of the territory, before any need.
struct CelluleTerritoire {
    /// Position in the national grid.
    position: u32,
    /// The territory's communes in it, by decreasing population.
    communes: Vec<CommuneId>,
    /// Their population.
    population: u64,
}

/// The coverage of `requete` over `catalogue` (indexed by `index`). Synchronous and bounded: a
/// territory too large for the resolution is refused before any work.
pub fn couverture(
    index: &IndexCouverture,
    catalogue: &Catalogue,
    t: &Territoires,
    requete: &RequeteCouverture,
) -> Result<Couverture, CouvertureError> {
    let (ids, nom_territoire) = communes(t, &requete.territoire);
    if ids.is_empty() {
        return Err(CouvertureError::Territoire(format!(
            "le territoire « {} » ne contient aucune commune",
            requete.territoire
        )));
    }
    verifier_taille(t, &ids, requete)?;
    let g = index.grille(t, requete.resolution);

    let mut dans_territoire = vec![false; t.communes().len()];
    let mut par_cellule: BTreeMap<u32, Vec<CommuneId>> = BTreeMap::new();
    let mut non_localisee = 0u64;
    for &id in &ids {
        dans_territoire[id.0 as usize] = true;
        let c = t.commune_par_id(id);
        match g.cellule_de_commune[id.0 as usize] {
            Some(pos) => par_cellule.entry(pos).or_default().push(id),
            None => {
                let porte_par_parent = c.genre == GenreCommune::ArrondissementMunicipal
                    && c.parent.is_some_and(|p| grille::porte_population(t, p));
                let porte_par_arrondissements = c.point.is_some();
                if !porte_par_parent && !porte_par_arrondissements {
                    non_localisee += u64::from(c.population);
                }
            }
        }
    }
    let cellules: Vec<CelluleTerritoire> = par_cellule
        .into_iter()
        .map(|(position, mut communes)| {
            communes.sort_by_key(|c| {
                let x = t.commune_par_id(*c);
                (std::cmp::Reverse(x.population), x.code)
            });
            let population = communes
                .iter()
                .map(|c| u64::from(t.commune_par_id(*c).population))
                .sum();
            CelluleTerritoire {
                position,
                communes,
                population,
            }
        })
        .collect();

    let besoins = requete
        .besoins
        .iter()
        .map(|b| {
            par_besoin(
                index,
                catalogue,
                t,
                requete,
                b,
                g,
                &cellules,
                &ids,
                &dans_territoire,
                non_localisee,
            )
        })
        .collect();
    Ok(Couverture {
        territoire: requete.territoire.to_string(),
        nom_territoire,
        resolution: requete.resolution,
        rayon_km: requete.rayon_km(),
        besoins,
    })
}

fn part(n: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        arrondi(100.0 * n as f64 / total as f64, 2)
    }
}

#[allow(clippy::too_many_arguments)]
fn par_besoin(
    index: &IndexCouverture,
    catalogue: &Catalogue,
    t: &Territoires,
    requete: &RequeteCouverture,
    besoin: &BesoinCouverture,
    g: &GrilleNationale,
    territoire: &[CelluleTerritoire],
    ids: &[CommuneId],
    dans_territoire: &[bool],
    non_localisee: u64,
) -> CouvertureBesoin {
    let rayon_km = requete.rayon_km();
    let portee_km = PORTEE_KM.max(rayon_km);
    let offres = index.offres(catalogue, besoin, &requete.filtres);
    let n_offres = offres.sur_place.len();

    // Offers near each cell, and which offers matter to the territory.
    let mut proches: Vec<Vec<(u32, f64)>> = Vec::with_capacity(territoire.len());
    let mut dans_rayon = vec![false; n_offres];
    let mut dans_portee = vec![false; n_offres];
    for c in territoire {
        let centre = g.centres[c.position as usize];
        let liste = offres.index.dans_le_rayon(centre, portee_km);
        for &(j, d) in &liste {
            dans_rayon[j as usize] |= d <= rayon_km;
            dans_portee[j as usize] |= d <= PORTEE_KM;
        }
        proches.push(liste);
    }

    // E2SFCA step 1, for the offers within reach of the territory.
    let mut ratios = vec![0.0; n_offres];
    let mut desservies: Vec<(u32, f64)> = Vec::new();
    for (j, &(service, point)) in offres.sur_place.iter().enumerate() {
        if !dans_portee[j] && !dans_rayon[j] {
            continue;
        }
        let p = population_desservie(
            g.index
                .dans_le_rayon(point, PORTEE_KM)
                .into_iter()
                .map(|(k, d)| (g.populations[k as usize], d)),
        );
        ratios[j] = ratio(p);
        if dans_rayon[j] {
            desservies.push((service, p));
        }
    }

    // Remote coverage of the communes.
    let distance = a_distance(
        index,
        catalogue,
        t,
        &offres.a_distance,
        ids,
        dans_territoire,
    );

    // Cells.
    let mut cellules: Vec<Cellule> = territoire
        .iter()
        .zip(&proches)
        .map(|(c, liste)| {
            let centre = g.centres[c.position as usize];
            let offres_dans_rayon = liste.iter().filter(|(_, d)| *d <= rayon_km).count() as u32;
            let plus_proche = liste
                .iter()
                .map(|(_, d)| *d)
                .min_by(f64::total_cmp)
                .or_else(|| {
                    offres
                        .index
                        .plus_proche(centre)
                        .map(|j| centre.distance_km(&offres.sur_place[j as usize].1))
                });
            let a = accessibilite(
                liste
                    .iter()
                    .map(|(j, d)| (ratios[*j as usize], *d))
                    .filter(|(_, d)| *d <= PORTEE_KM),
            );
            let communes: Vec<CommuneCellule> = c
                .communes
                .iter()
                .map(|id| {
                    let x = t.commune_par_id(*id);
                    CommuneCellule {
                        code: x.code,
                        nom: x.nom.clone(),
                        population: x.population,
                        offres_a_distance: distance.par_commune[id.0 as usize],
                    }
                })
                .collect();
            let population_couverte_a_distance = communes
                .iter()
                .filter(|x| x.offres_a_distance > 0)
                .map(|x| u64::from(x.population))
                .sum();
            Cellule {
                cellule: g.cellules[c.position as usize],
                h3: g.cellules[c.position as usize].to_string(),
                lat: arrondi(centre.lat, 6),
                lon: arrondi(centre.lon, 6),
                population: c.population,
                offres_a_distance: communes
                    .iter()
                    .map(|x| x.offres_a_distance)
                    .min()
                    .unwrap_or(0),
                communes,
                distance_plus_proche_km: plus_proche.map(|d| arrondi(d, 3)),
                offres_dans_rayon,
                accessibilite: arrondi(a, 4),
                population_couverte_a_distance,
                lacune: c.population > 0 && offres_dans_rayon == 0,
                zone_lacune: None,
            }
        })
        .collect();

    // Gap areas.
    let lacunes: Vec<usize> = (0..cellules.len())
        .filter(|i| cellules[*i].lacune)
        .collect();
    let k = anneaux(g.resolution);
    let indices: Vec<_> = lacunes.iter().map(|i| cellules[*i].cellule).collect();
    let mut zones: Vec<(u64, Vec<usize>)> = regrouper(&indices, k)
        .into_iter()
        .map(|z| {
            let membres: Vec<usize> = z.into_iter().map(|i| lacunes[i]).collect();
            (
                membres.iter().map(|i| cellules[*i].population).sum(),
                membres,
            )
        })
        .collect();
    zones.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let nb_zones = zones.len();
    let mut zones_lacunes = Vec::new();
    for (rang, (population, membres)) in zones.iter().enumerate() {
        let rang = rang as u32 + 1;
        for &i in membres {
            cellules[i].zone_lacune = Some(rang);
        }
        if zones_lacunes.len() < ZONES_LACUNES_MAX {
            let mut communes: Vec<CommuneZone> = membres
                .iter()
                .flat_map(|i| &cellules[*i].communes)
                .map(|c| CommuneZone {
                    code: c.code,
                    nom: c.nom.clone(),
                    population: c.population,
                })
                .collect();
            communes.sort_by(|a, b| b.population.cmp(&a.population).then(a.code.cmp(&b.code)));
            let principale = membres.iter().max_by_key(|i| cellules[**i].population);
            zones_lacunes.push(ZoneLacune {
                rang,
                population: *population,
                cellules: membres.len(),
                communes,
                distance_plus_proche_km: principale
                    .and_then(|i| cellules[*i].distance_plus_proche_km),
            });
        }
    }

    // Summary.
    let population: u64 = cellules.iter().map(|c| c.population).sum();
    let couverte: u64 = cellules
        .iter()
        .filter(|c| !c.lacune)
        .map(|c| c.population)
        .sum();
    let a_distance_pop: u64 = cellules
        .iter()
        .map(|c| c.population_couverte_a_distance)
        .sum();
    let lacune_a_distance: u64 = cellules
        .iter()
        .filter(|c| c.lacune)
        .map(|c| c.population_couverte_a_distance)
        .sum();
    let synthese = Synthese {
        population,
        population_non_localisee: non_localisee,
        population_couverte: couverte,
        part_couverte: part(couverte, population),
        population_non_couverte: population - couverte,
        part_non_couverte: part(population - couverte, population),
        population_couverte_a_distance: a_distance_pop,
        part_couverte_a_distance: part(a_distance_pop, population),
        population_lacune_couverte_a_distance: lacune_a_distance,
        offres_sur_place: dans_rayon.iter().filter(|x| **x).count(),
        offres_sur_place_portee: dans_portee.iter().filter(|x| **x).count(),
        offres_a_distance: distance.offres,
        offres_a_distance_zone_inconnue: distance.zone_inconnue,
        distance_mediane_km: distance_mediane(&cellules),
        cellules: cellules.len(),
        cellules_lacunes: lacunes.len(),
        zones_lacunes: nb_zones,
    };
    let saturation = saturation(catalogue, &desservies);
    CouvertureBesoin {
        besoin: besoin.code.clone(),
        libelle: besoin.libelle.clone(),
        synthese,
        zones_lacunes,
        saturation,
        cellules,
    }
}

/// Population-weighted median of the nearest-offer distance (cells without any offer count as
/// infinitely far).
fn distance_mediane(cellules: &[Cellule]) -> Option<f64> {
    let mut paires: Vec<(f64, u64)> = cellules
        .iter()
        .filter(|c| c.population > 0)
        .map(|c| {
            (
                c.distance_plus_proche_km.unwrap_or(f64::INFINITY),
                c.population,
            )
        })
        .collect();
    paires.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: u64 = paires.iter().map(|p| p.1).sum();
    let mut cumul = 0u64;
    for (d, p) in paires {
        cumul += p;
        if 2 * cumul >= total {
            return d.is_finite().then_some(d);
        }
    }
    None
}
