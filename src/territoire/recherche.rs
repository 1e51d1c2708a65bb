//! Finding communes by postal code, by name (accent-, case- and hyphen-insensitive) and as the
//! user types (typeahead).

use super::{CodeCommune, Commune, CommuneId, Territoires};
use crate::texte::fold;

impl Territoires {
    /// The communes (and arrondissements) having postal code `cp`, most populous first.
    pub fn communes_par_code_postal(&self, cp: &str) -> Vec<&Commune> {
        self.par_code_postal
            .get(cp.trim())
            .into_iter()
            .flatten()
            .map(|&id| self.commune_par_id(id))
            .collect()
    }

    /// The communes whose folded name equals the folded `nom` (« saint etienne » finds
    /// Saint-Étienne), homonyms of every département included, most populous first.
    pub fn communes_par_nom(&self, nom: &str) -> Vec<&Commune> {
        let cle = fold(nom);
        if cle.is_empty() {
            return Vec::new();
        }
        let debut = self
            .noms
            .partition_point(|(n, _)| n.as_str() < cle.as_str());
        self.noms[debut..]
            .iter()
            .take_while(|(n, _)| *n == cle)
            .map(|&(_, id)| self.commune_par_id(id))
            .collect()
    }

    /// Typeahead: `requete` is an INSEE code (old codes resolved), a postal code or its prefix,
    /// or the beginning of a name (folded; a leading « st »/« ste » reads « saint »/« sainte »).
    /// At most `limite` communes, most populous first, then by code.
    pub fn rechercher_communes(&self, requete: &str, limite: usize) -> Vec<&Commune> {
        let requete = requete.trim();
        if requete.is_empty() || limite == 0 {
            return Vec::new();
        }
        let mut ids: Vec<CommuneId> = Vec::new();
        let numerique = requete.bytes().all(|b| b.is_ascii_digit());
        if CodeCommune::parse(requete).is_ok()
            && let Some(c) = self.commune(requete)
        {
            ids.push(c.id);
        }
        if numerique && requete.len() <= 5 {
            for (_, communes) in self
                .par_code_postal
                .range(requete.to_owned()..)
                .take_while(|(cp, _)| cp.starts_with(requete))
            {
                ids.extend(communes.iter().copied());
            }
        }
        if !numerique {
            let mut cle = fold(requete);
            for (abrege, complet) in [("st ", "saint "), ("ste ", "sainte ")] {
                if let Some(reste) = cle.strip_prefix(abrege) {
                    cle = format!("{complet}{reste}");
                }
            }
            if !cle.is_empty() {
                let debut = self
                    .noms
                    .partition_point(|(n, _)| n.as_str() < cle.as_str());
                ids.extend(
                    self.noms[debut..]
                        .iter()
                        .take_while(|(n, _)| n.starts_with(cle.as_str()))
                        .map(|&(_, id)| id),
                );
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let mut communes: Vec<&Commune> =
            ids.into_iter().map(|id| self.commune_par_id(id)).collect();
        communes.sort_by_key(|c| (std::cmp::Reverse(c.population), c.code));
        communes.truncate(limite);
        communes
    }
}

#[cfg(test)]
mod tests {
    use crate::territoire::Territoires;

    fn codes(v: &[&crate::territoire::Commune]) -> Vec<String> {
        v.iter().map(|c| c.code.to_string()).collect()
    }

    #[test]
    fn nom_sans_accents() {
        let t = Territoires::embarques();
        let r = t.communes_par_nom("saint etienne");
        assert_eq!(r[0].code.as_str(), "42218");
        assert_eq!(codes(&t.communes_par_nom("SAINT-ÉTIENNE"))[0], "42218");
        assert!(t.communes_par_nom("").is_empty());
        assert!(t.communes_par_nom("zzzz").is_empty());
    }

    #[test]
    fn homonymes() {
        let t = Territoires::embarques();
        let r = t.communes_par_nom("Saint-Denis");
        let deps: std::collections::BTreeSet<&str> =
            r.iter().map(|c| c.departement.as_str()).collect();
        assert!(deps.len() >= 3, "{deps:?}");
        assert!(deps.contains("974") && deps.contains("93"));
        assert!(r.windows(2).all(|w| w[0].population >= w[1].population));
    }

    #[test]
    fn code_postal() {
        let t = Territoires::embarques();
        assert_eq!(codes(&t.communes_par_code_postal("59100")), ["59512"]);
        assert!(t.communes_par_code_postal("00000").is_empty());
        let paris12 = codes(&t.communes_par_code_postal("75012"));
        assert_eq!(paris12, ["75056", "75112"]);
    }

    #[test]
    fn saisie_progressive() {
        let t = Territoires::embarques();
        assert_eq!(codes(&t.rechercher_communes("roub", 3))[0], "59512");
        assert_eq!(codes(&t.rechercher_communes("59512", 3)), ["59512"]);
        assert_eq!(codes(&t.rechercher_communes("5910", 1)), ["59512"]);
        assert_eq!(codes(&t.rechercher_communes("50602", 1)), ["50129"]);
        assert_eq!(codes(&t.rechercher_communes("st etienne", 1)), ["42218"]);
        assert_eq!(
            codes(&t.rechercher_communes("Paris", 2)),
            ["75056", "75115"]
        );
        assert_eq!(t.rechercher_communes("sa", 10).len(), 10);
        assert!(t.rechercher_communes("  ", 10).is_empty());
        assert!(t.rechercher_communes("roubaix", 0).is_empty());
        let r = t.rechercher_communes("lille", 20);
        assert!(r.windows(2).all(|w| w[0].population >= w[1].population));
    }
}
