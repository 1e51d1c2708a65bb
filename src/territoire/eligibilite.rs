//! Zones d'éligibilité: resolving a data·inclusion zone code, membership of a commune, and
//! expansion of a zone to its communes.

use super::error::tronque;
use super::{CodeDepartement, CommuneId, SirenEpci, TerritoireError, Territoires, Zone};

impl Territoires {
    /// Resolves a data·inclusion zone code: `france` or `99100` → France; another `99xxx` → a
    /// foreign country; 2–3 characters → a département; 5 → a commune (old codes resolved);
    /// 9 digits → an EPCI. The département, commune or EPCI must exist.
    pub fn zone_eligibilite(&self, code: &str) -> Result<Zone, TerritoireError> {
        let code = code.trim();
        let inconnue = |genre| TerritoireError::ZoneInconnue {
            genre,
            code: tronque(code),
        };
        let invalide = || TerritoireError::ZoneInvalide {
            code: tronque(code),
        };
        if code.eq_ignore_ascii_case("france") || code == "99100" {
            return Ok(Zone::France);
        }
        let chiffres = code.bytes().all(|b| b.is_ascii_digit());
        match code.len() {
            5 if chiffres && code.starts_with("99") => Ok(Zone::PaysEtranger(code.to_owned())),
            2 | 3 => {
                let dep = CodeDepartement::parse(code).map_err(|_| invalide())?;
                if self.par_departement.contains_key(&dep) {
                    Ok(Zone::Departement(dep))
                } else {
                    Err(inconnue("département"))
                }
            }
            5 => {
                if super::CodeCommune::parse(code).is_err() {
                    return Err(invalide());
                }
                self.commune(code)
                    .map(|c| Zone::Commune(c.id))
                    .ok_or_else(|| inconnue("commune"))
            }
            9 if chiffres => {
                let siren = SirenEpci::parse(code).map_err(|_| invalide())?;
                if self.par_epci.contains_key(&siren) {
                    Ok(Zone::Epci(siren))
                } else {
                    Err(inconnue("EPCI"))
                }
            }
            _ => Err(invalide()),
        }
    }

    /// Whether `zone` contains `commune`. A commune zone contains the commune itself and, for
    /// Paris, Lyon and Marseille, their arrondissements; an arrondissement zone does not contain
    /// its parent. A foreign country contains nothing.
    pub fn zone_contient(&self, zone: &Zone, commune: CommuneId) -> bool {
        let Some(c) = self.communes.get(commune.0 as usize) else {
            return false;
        };
        match zone {
            Zone::France => true,
            Zone::PaysEtranger(_) => false,
            Zone::Region(r) => c.region == *r,
            Zone::Departement(d) => c.departement == *d,
            Zone::Epci(s) => c.epci == Some(*s),
            Zone::Commune(z) => c.id == *z || c.parent == Some(*z),
        }
    }

    /// The communes (and arrondissements) of `zone`, sorted by id.
    pub fn communes_de_zone(&self, zone: &Zone) -> Vec<CommuneId> {
        match zone {
            Zone::Commune(z) => {
                if (z.0 as usize) >= self.communes.len() {
                    return Vec::new();
                }
                let mut ids = vec![*z];
                ids.extend(self.arrondissements.get(z).into_iter().flatten().copied());
                ids.sort_unstable();
                ids
            }
            Zone::Epci(s) => self
                .epci(s.as_str())
                .map(|e| e.membres.clone())
                .unwrap_or_default(),
            Zone::PaysEtranger(_) => Vec::new(),
            _ => self
                .communes
                .iter()
                .filter(|c| self.zone_contient(zone, c.id))
                .map(|c| c.id)
                .collect(),
        }
    }
}
