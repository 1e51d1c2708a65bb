//! The services' zones, numbered at load and stored in one flat table, so that the on-site lane
//! checks a candidate's zone without touching its [`Service`] (a cache miss per candidate in a
//! dense area).
//!
//! A zone contains the person's commune exactly when it is one of [`zones_contenant`] her commune
//! (the converse of [`Territoires::zone_contient`]): a query numbers those few zones once, then a
//! candidate's check is a comparison of small integers.

use rustc_hash::FxHashMap;

use super::{ConfianceZone, zones_contenant};
use crate::catalog::model::{Service, ZoneEligibilite};
use crate::territoire::{CommuneId, Territoires, Zone};

/// Marks a service without a published zone in [`TableZones`].
const INCONNUE: u32 = u32::MAX;

/// A service's zones in one number, kept with its point in the on-site lane's spatial index so
/// that the zone check of a service with one zone (most of them) reads no table: its zone's
/// number, [`INCONNUE`], or [`PLUSIEURS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ZonesResumees(u32);

/// [`ZonesResumees`] of a service with several zones (read in the table).
const PLUSIEURS: u32 = u32::MAX - 1;

/// Per service, the numbers of its zones.
#[derive(Debug)]
pub(super) struct TableZones {
    numeros: FxHashMap<Zone, u32>,
    /// Service `i`'s zones are `liste[debuts[i]..debuts[i + 1]]`.
    debuts: Vec<u32>,
    liste: Vec<u32>,
}

impl TableZones {
    pub(super) fn new(services: &[Service]) -> Self {
        let mut numeros: FxHashMap<Zone, u32> = FxHashMap::default();
        let mut debuts = Vec::with_capacity(services.len() + 1);
        let mut liste = Vec::with_capacity(services.len());
        debuts.push(0);
        for s in services {
            match &s.zone {
                ZoneEligibilite::Inconnue => liste.push(INCONNUE),
                ZoneEligibilite::Zones(zs) => {
                    for z in zs {
                        let n = numeros.len() as u32;
                        liste.push(*numeros.entry(z.clone()).or_insert(n));
                    }
                }
            }
            debuts.push(liste.len() as u32);
        }
        TableZones {
            numeros,
            debuts,
            liste,
        }
    }

    /// The numbers of the zones that contain `commune` (those no service lists are left out).
    pub(super) fn contenant(&self, territoires: &Territoires, commune: CommuneId) -> Vec<u32> {
        zones_contenant(territoires, commune)
            .iter()
            .filter_map(|z| self.numeros.get(z).copied())
            .collect()
    }

    /// Service `i`'s zones, in one number.
    pub(super) fn resumees(&self, i: u32) -> ZonesResumees {
        match self.zones(i) {
            [z] => ZonesResumees(*z),
            _ => ZonesResumees(PLUSIEURS),
        }
    }

    fn zones(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.liste[self.debuts[i] as usize..self.debuts[i + 1] as usize]
    }

    /// Service `i`'s zone confidence for the person whose containing zones are `contenant`, or
    /// `None` when none of its zones contains her commune, given its [`ZonesResumees`] (the table
    /// is read only for a service with several zones).
    pub(super) fn confiance_resumee(
        &self,
        i: u32,
        resumees: ZonesResumees,
        contenant: &[u32],
    ) -> Option<ConfianceZone> {
        match resumees.0 {
            INCONNUE => Some(ConfianceZone::Inconnue),
            PLUSIEURS => self
                .zones(i)
                .iter()
                .any(|z| contenant.contains(z))
                .then_some(ConfianceZone::Listee),
            z => contenant.contains(&z).then_some(ConfianceZone::Listee),
        }
    }
}
