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

#[cfg(test)]
mod tests {
    use crate::territoire::{TerritoireError, Territoires, Zone};

    fn id(code: &str) -> crate::territoire::CommuneId {
        Territoires::embarques().commune(code).expect(code).id
    }

    #[test]
    fn codes_de_zone() {
        let t = Territoires::embarques();
        assert_eq!(t.zone_eligibilite("france").expect("fr"), Zone::France);
        assert_eq!(t.zone_eligibilite("France").expect("fr"), Zone::France);
        assert_eq!(t.zone_eligibilite("99100").expect("fr"), Zone::France);
        assert_eq!(
            t.zone_eligibilite("99134").expect("Espagne"),
            Zone::PaysEtranger("99134".into())
        );
        assert!(matches!(t.zone_eligibilite("59"), Ok(Zone::Departement(d)) if d.as_str() == "59"));
        assert!(matches!(t.zone_eligibilite("2A"), Ok(Zone::Departement(_))));
        assert!(matches!(
            t.zone_eligibilite("974"),
            Ok(Zone::Departement(_))
        ));
        assert_eq!(
            t.zone_eligibilite("59512").expect("Roubaix"),
            Zone::Commune(id("59512"))
        );
        assert_eq!(
            t.zone_eligibilite("50602").expect("alias"),
            Zone::Commune(id("50129"))
        );
        assert!(matches!(t.zone_eligibilite("200093201"), Ok(Zone::Epci(_))));
    }

    #[test]
    fn codes_de_zone_invalides() {
        let t = Territoires::embarques();
        for code in [
            "",
            "x",
            "5951",
            "lille",
            "2C",
            "1234567890",
            "59 512",
            "20009320A",
        ] {
            let e = t.zone_eligibilite(code).expect_err(code);
            assert!(
                matches!(e, TerritoireError::ZoneInvalide { .. }),
                "{code}: {e}"
            );
            assert!(
                e.to_string().contains(&format!("« {} »", code.trim())),
                "{e}"
            );
        }
        for code in ["20", "979", "00000", "123456789"] {
            let e = t.zone_eligibilite(code).expect_err(code);
            assert!(
                matches!(e, TerritoireError::ZoneInconnue { .. }),
                "{code}: {e}"
            );
            assert!(e.to_string().contains(code), "{e}");
        }
    }

    #[test]
    fn appartenance() {
        let t = Territoires::embarques();
        let paris = Zone::Commune(id("75056"));
        assert!(t.zone_contient(&paris, id("75112")));
        assert!(t.zone_contient(&paris, id("75056")));
        assert!(!t.zone_contient(&Zone::Commune(id("69381")), id("69123")));
        assert!(!t.zone_contient(&paris, id("59512")));
        let mel = t.zone_eligibilite("200093201").expect("MEL");
        assert!(t.zone_contient(&mel, id("59512")));
        assert!(!t.zone_contient(&mel, id("75056")));
        let nord = t.zone_eligibilite("59").expect("Nord");
        assert!(t.zone_contient(&nord, id("59512")));
        assert!(!t.zone_contient(&nord, id("62041")));
        let hdf = Zone::Region(t.region("32").expect("32").code);
        assert!(t.zone_contient(&hdf, id("62041")));
        assert!(t.zone_contient(&Zone::France, id("97411")));
        assert!(!t.zone_contient(&Zone::PaysEtranger("99134".into()), id("59512")));
        assert!(!t.zone_contient(&Zone::France, crate::territoire::CommuneId(u32::MAX)));
    }

    #[test]
    fn communes_des_zones() {
        let t = Territoires::embarques();
        let paris = t.communes_de_zone(&Zone::Commune(id("75056")));
        assert_eq!(paris.len(), 21);
        assert!(paris.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            t.communes_de_zone(&Zone::Commune(id("75112"))),
            [id("75112")]
        );
        assert_eq!(t.communes_de_zone(&Zone::France).len(), t.communes().len());
        let mel = t.communes_de_zone(&t.zone_eligibilite("200093201").expect("MEL"));
        assert!(mel.contains(&id("59512")) && mel.len() > 90);
        let nord = t.communes_de_zone(&t.zone_eligibilite("59").expect("59"));
        assert!(nord.len() > 600 && nord.windows(2).all(|w| w[0] < w[1]));
        assert!(
            t.communes_de_zone(&Zone::PaysEtranger("99134".into()))
                .is_empty()
        );
        for zone in [
            Zone::Epci(t.epci("200093201").expect("MEL").siren),
            Zone::Region(t.region("32").expect("32").code),
        ] {
            let attendu: Vec<_> = t
                .communes()
                .iter()
                .filter(|c| t.zone_contient(&zone, c.id))
                .map(|c| c.id)
                .collect();
            assert_eq!(t.communes_de_zone(&zone), attendu);
        }
    }
}
