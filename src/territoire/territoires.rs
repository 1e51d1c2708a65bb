//! [`Territoires`]: the territorial referential in memory with its lookup indexes (loaded by
//! [`super::chargement`] from `catalog/territoires/*.csv`).

use std::collections::{BTreeMap, HashMap};

use super::IndexPoints;
use super::{
    CodeCommune, CodeDepartement, CodeRegion, Commune, CommuneId, Departement, Epci, Region,
    SirenEpci,
};

/// Every commune, municipal arrondissement, EPCI, département and région, with indexes by code,
/// alias code, postal code, folded name and position.
pub struct Territoires {
    pub(super) communes: Vec<Commune>,
    pub(super) par_code: HashMap<CodeCommune, CommuneId>,
    pub(super) alias: HashMap<CodeCommune, CommuneId>,
    pub(super) departements: Vec<Departement>,
    pub(super) par_departement: HashMap<CodeDepartement, usize>,
    pub(super) regions: Vec<Region>,
    pub(super) par_region: HashMap<CodeRegion, usize>,
    pub(super) epcis: Vec<Epci>,
    pub(super) par_epci: HashMap<SirenEpci, usize>,
    /// Postal code (text, for prefix ranges) → communes, ranked.
    pub(super) par_code_postal: BTreeMap<String, Vec<CommuneId>>,
    /// (folded name, rank) sorted: exact and prefix lookups by binary search.
    pub(super) noms: Vec<(String, CommuneId)>,
    /// Parent commune → its arrondissements.
    pub(super) arrondissements: HashMap<CommuneId, Vec<CommuneId>>,
    /// Communes with a point on the unit sphere (parents of arrondissements having points
    /// excluded).
    pub(super) arbre: IndexPoints,
}

impl std::fmt::Debug for Territoires {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Territoires")
            .field("communes", &self.communes.len())
            .field("departements", &self.departements.len())
            .field("regions", &self.regions.len())
            .field("epcis", &self.epcis.len())
            .finish_non_exhaustive()
    }
}

impl Territoires {
    /// Every commune and municipal arrondissement, indexed by [`CommuneId`], sorted by code.
    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    /// The commune of an id obtained from this referential.
    ///
    /// # Panics
    ///
    /// If the id does not come from this referential (out of range).
    pub fn commune_par_id(&self, id: CommuneId) -> &Commune {
        &self.communes[id.0 as usize]
    }

    /// The municipal arrondissements of a commune (Paris, Lyon, Marseille); empty for others.
    pub fn arrondissements_de(&self, id: CommuneId) -> &[CommuneId] {
        self.arrondissements
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// A commune by INSEE code. Old, delegated and associated codes resolve to the current
    /// commune; an arrondissement code returns the arrondissement. `None` for an unknown or
    /// malformed code.
    pub fn commune(&self, code: &str) -> Option<&Commune> {
        let code = CodeCommune::parse(code.trim()).ok()?;
        self.par_code
            .get(&code)
            .or_else(|| self.alias.get(&code))
            .map(|&id| self.commune_par_id(id))
    }

    /// A département by code (`59`, `2a`, `974`).
    pub fn departement(&self, code: &str) -> Option<&Departement> {
        let code = CodeDepartement::parse(code.trim()).ok()?;
        self.par_departement
            .get(&code)
            .map(|&i| &self.departements[i])
    }

    /// Every département, sorted by code.
    pub fn departements(&self) -> &[Departement] {
        &self.departements
    }

    /// A région by code (`32`, `04`).
    pub fn region(&self, code: &str) -> Option<&Region> {
        let code = CodeRegion::parse(code.trim()).ok()?;
        self.par_region.get(&code).map(|&i| &self.regions[i])
    }

    /// Every région, sorted by code.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// An EPCI by SIREN.
    pub fn epci(&self, siren: &str) -> Option<&Epci> {
        let siren = SirenEpci::parse(siren.trim()).ok()?;
        self.par_epci.get(&siren).map(|&i| &self.epcis[i])
    }

    /// Every EPCI, sorted by SIREN.
    pub fn epcis(&self) -> &[Epci] {
        &self.epcis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::territoire::{GenreCommune, PrecisionPoint};

    fn t() -> &'static Territoires {
        Territoires::embarques()
    }

    #[test]
    fn corse() {
        let ajaccio = t().commune("2A004").expect("Ajaccio");
        assert_eq!(ajaccio.nom, "Ajaccio");
        assert_eq!(ajaccio.departement.as_str(), "2A");
        assert_eq!(ajaccio.region.as_str(), "94");
        assert_eq!(t().commune("2a004").map(|c| c.id), Some(ajaccio.id));
        assert_eq!(t().departement("2A").expect("2A").nom, "Corse-du-Sud");
    }

    #[test]
    fn outre_mer() {
        let sd = t().commune("97411").expect("Saint-Denis");
        assert_eq!(sd.nom, "Saint-Denis");
        assert_eq!(sd.departement.as_str(), "974");
        assert_eq!(sd.region.as_str(), "04");
        assert_eq!(sd.precision, PrecisionPoint::Exacte);
        assert_eq!(t().region("04").expect("04").nom, "La Réunion");
    }

    #[test]
    fn arrondissements() {
        let a = t().commune("75112").expect("Paris 12e");
        assert_eq!(a.genre, GenreCommune::ArrondissementMunicipal);
        let paris = t().commune("75056").expect("Paris");
        assert_eq!(a.parent, Some(paris.id));
        assert_eq!(a.epci, paris.epci);
        for parent in ["75056", "69123", "13055"] {
            let c = t().commune(parent).expect(parent);
            assert_eq!(c.precision, PrecisionPoint::Exacte, "{parent}");
        }
        let lyon3 = t().commune("69383").expect("Lyon 3e");
        assert_eq!(lyon3.precision, PrecisionPoint::Exacte);
    }

    #[test]
    fn commune_fusionnee() {
        // Cherbourg-Octeville (50129) is now a commune déléguée of Cherbourg-en-Cotentin.
        let c = t().commune("50129").expect("Cherbourg-en-Cotentin");
        assert_eq!(c.nom, "Cherbourg-en-Cotentin");
        assert_eq!(t().commune("50602").map(|x| x.code), Some(c.code));
        // Annecy-le-Vieux → Annecy.
        assert_eq!(t().commune("74011").map(|x| x.code.as_str()), Some("74010"));
        assert!(t().commune("00000").is_none());
        assert!(t().commune("n'importe quoi").is_none());
    }

    #[test]
    fn regions_et_departements() {
        let hdf = t().region("32").expect("Hauts-de-France");
        let codes: Vec<&str> = hdf.departements.iter().map(|d| d.as_str()).collect();
        assert_eq!(codes, ["02", "59", "60", "62", "80"]);
        let nord = t().departement("59").expect("Nord");
        assert_eq!(nord.region.as_str(), "32");
        assert_eq!(
            nord.chef_lieu.map(|c| c.to_string()).as_deref(),
            Some("59350")
        );
        assert!(t().departement("20").is_none());
        assert!(t().region("99").is_none());
    }

    #[test]
    fn epci() {
        let mel = t().epci("200093201").expect("MEL");
        assert_eq!(mel.nom, "Métropole Européenne de Lille");
        let roubaix = t().commune("59512").expect("Roubaix");
        assert!(mel.membres.contains(&roubaix.id));
        assert!(t().epci("123").is_none());
    }

    #[test]
    fn precision_coherente() {
        for c in t().communes() {
            assert_eq!(c.point.is_none(), c.precision == PrecisionPoint::Absente);
            if let Some(p) = c.point {
                assert!(Territoires::dans_emprise_france(p), "{} {p:?}", c.code);
            }
        }
    }
}
