//! The diagnostic needs (`catalog/referentiels/besoins.json`, ours): France Travail contraintes
//! 23–29 with their situations and objectives, professional besoins 1–21 and the carnet de bord's
//! numérique needs, each mapped to data·inclusion thematiques and réseaux porteurs.
//!
//! A need code is `groupe.besoin` (`mobilite.permis`); a group code (`mobilite`) stands for all of
//! its needs. Situations carry *signals* (`rayon_reduit`, `urgence_hebergement`, …) that the search
//! turns into ranking and eligibility rules.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Code, CodeList, CodeSet, ReseauPorteur, Thematique};

/// Where a need comes from in the national referentials.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrigineBesoin {
    /// `france-travail` or `carnet-de-bord`.
    pub referentiel: String,
    /// France Travail contrainte number (23–29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contrainte: Option<u16>,
    /// France Travail objective number within the contrainte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objectif: Option<u16>,
    /// France Travail situation number, for needs derived from a situation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub situation: Option<u16>,
    /// Professional besoin number (1–21) or carnet de bord need name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub besoin: Option<serde_json::Value>,
}

/// A ranking/eligibility signal carried by a situation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// No usable vehicle or licence: smaller default radius.
    RayonReduit,
    /// Remote offers boosted.
    ADistanceFavorise,
    /// Homeless: SIAO/115 of the département first, public `personnes-en-situation-durgence`.
    UrgenceHebergement,
    /// Health coverage to update: CPAM, PASS, accès aux droits boosted.
    CouvertureSante,
    /// Food support boosted.
    AideAlimentaire,
    /// No equipment or connection: offers reachable only by link demoted.
    SansEquipementNumerique,
}

/// A situation of the diagnostic (a fact about the person, not a need).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Situation {
    /// Stable code within its group (`sans-moyen-de-transport`).
    pub code: String,
    /// France Travail situation number, when it has one.
    pub id_france_travail: Option<u16>,
    /// French label.
    pub libelle: String,
    /// Signals it raises.
    pub signaux: Vec<Signal>,
}

#[derive(Deserialize)]
struct BesoinBrut {
    code: String,
    libelle: String,
    origine: OrigineBesoin,
    thematiques: Vec<String>,
    reseaux_porteurs: Vec<String>,
}

#[derive(Deserialize)]
struct GroupeBrut {
    code: String,
    libelle: String,
    situations: Vec<Situation>,
    besoins: Vec<BesoinBrut>,
}

#[derive(Deserialize)]
struct FichierBrut {
    groupes: Vec<GroupeBrut>,
}

/// One need: what the person must work on, and where the offer for it is.
#[derive(Debug, Clone)]
pub struct Besoin {
    /// Stable code `groupe.besoin`.
    pub code: String,
    /// French label.
    pub libelle: String,
    /// Index of its group in [`Besoins::groupes`].
    pub groupe: usize,
    /// Where it comes from.
    pub origine: OrigineBesoin,
    /// Thematiques an offer must have (one of) to cover the need.
    pub thematiques: CodeSet<Thematique>,
    /// Kinds of structure that typically carry the offer.
    pub reseaux_porteurs: CodeSet<ReseauPorteur>,
}

/// A theme of the diagnostic with its situations and needs.
#[derive(Debug, Clone)]
pub struct GroupeBesoins {
    /// Stable code (`mobilite`).
    pub code: String,
    /// French label.
    pub libelle: String,
    /// Situations of the theme.
    pub situations: Vec<Situation>,
    /// Indexes of its needs in [`Besoins::tous`].
    pub besoins: Vec<usize>,
}

/// Every need and group, with lookups by code.
#[derive(Debug)]
pub struct Besoins {
    besoins: Vec<Besoin>,
    groupes: Vec<GroupeBesoins>,
    par_code: HashMap<String, usize>,
}

impl Besoins {
    pub(super) fn from_json(
        text: &str,
        thematiques: &CodeList,
        reseaux: &CodeList,
    ) -> Result<Besoins, String> {
        let brut: FichierBrut =
            serde_json::from_str(text).map_err(|e| format!("referential besoins: {e}"))?;
        let mut besoins = Vec::new();
        let mut groupes = Vec::new();
        let mut par_code = HashMap::new();
        for (gi, g) in brut.groupes.into_iter().enumerate() {
            let mut indexes = Vec::new();
            for b in g.besoins {
                if !b.code.starts_with(&format!("{}.", g.code)) {
                    return Err(format!(
                        "besoin {} is not prefixed by its group {}",
                        b.code, g.code
                    ));
                }
                let mut ts = CodeSet::new();
                for t in &b.thematiques {
                    let i = thematiques
                        .index_of(t)
                        .ok_or_else(|| format!("besoin {}: unknown thematique {t}", b.code))?;
                    ts.insert(Thematique::from_index(i));
                }
                if ts.is_empty() {
                    return Err(format!("besoin {} maps to no thematique", b.code));
                }
                let mut rs = CodeSet::new();
                for r in &b.reseaux_porteurs {
                    let i = reseaux
                        .index_of(r)
                        .ok_or_else(|| format!("besoin {}: unknown réseau porteur {r}", b.code))?;
                    rs.insert(ReseauPorteur::from_index(i));
                }
                if par_code.insert(b.code.clone(), besoins.len()).is_some() {
                    return Err(format!("duplicate besoin {}", b.code));
                }
                indexes.push(besoins.len());
                besoins.push(Besoin {
                    code: b.code,
                    libelle: b.libelle,
                    groupe: gi,
                    origine: b.origine,
                    thematiques: ts,
                    reseaux_porteurs: rs,
                });
            }
            groupes.push(GroupeBesoins {
                code: g.code,
                libelle: g.libelle,
                situations: g.situations,
                besoins: indexes,
            });
        }
        Ok(Besoins {
            besoins,
            groupes,
            par_code,
        })
    }

    /// Every need, in file order.
    pub fn tous(&self) -> &[Besoin] {
        &self.besoins
    }

    /// Every group, in file order.
    pub fn groupes(&self) -> &[GroupeBesoins] {
        &self.groupes
    }

    /// The need with this exact code.
    pub fn besoin(&self, code: &str) -> Option<&Besoin> {
        self.par_code.get(code).map(|i| &self.besoins[*i])
    }

    /// The group with this code.
    pub fn groupe(&self, code: &str) -> Option<&GroupeBesoins> {
        self.groupes.iter().find(|g| g.code == code)
    }

    /// The situation `code` of any group (`groupe.situation` or the bare situation code).
    pub fn situation(&self, code: &str) -> Option<&Situation> {
        let (groupe, situation) = match code.split_once('.') {
            Some((g, s)) => (Some(g), s),
            None => (None, code),
        };
        self.groupes
            .iter()
            .filter(|g| groupe.is_none_or(|c| c == g.code))
            .flat_map(|g| g.situations.iter())
            .find(|s| s.code == situation)
    }
}

#[cfg(test)]
mod tests {
    use crate::referentiel::{Code, Referentiels, Signal, Thematique};

    #[test]
    fn needs_cover_every_theme_of_the_diagnostic() {
        let b = &Referentiels::get().besoins;
        let groups: Vec<_> = b.groupes().iter().map(|g| g.code.as_str()).collect();
        assert_eq!(
            groups,
            [
                "mobilite",
                "famille",
                "sante",
                "lecture-ecriture-calcul",
                "logement",
                "finances",
                "administratif",
                "numerique",
                "emploi"
            ]
        );
        // Professional besoins 1–21 map one-to-one onto thematiques.
        assert_eq!(b.groupe("emploi").map(|g| g.besoins.len()), Some(21));
        for i in &b.groupe("emploi").expect("emploi").besoins {
            assert_eq!(b.tous()[*i].thematiques.len(), 1);
        }
    }

    #[test]
    fn vehicle_need_maps_to_mobility_thematiques() {
        let b = &Referentiels::get().besoins;
        let need = b.besoin("mobilite.acceder-vehicule").expect("known");
        let t = Thematique::parse("mobilite--acceder-a-un-vehicule").expect("known");
        assert!(need.thematiques.contains(t));
        assert_eq!(need.origine.contrainte, Some(23));
        assert_eq!(need.origine.objectif, Some(26));
    }

    #[test]
    fn homeless_situation_raises_the_urgency_signal() {
        let b = &Referentiels::get().besoins;
        let s = b.situation("logement.sans-logement").expect("known");
        assert_eq!(s.id_france_travail, Some(24));
        assert_eq!(s.signaux, [Signal::UrgenceHebergement]);
        assert!(b.situation("sans-moyen-de-transport").is_some());
        assert!(b.situation("inconnue").is_none());
    }
}
