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
