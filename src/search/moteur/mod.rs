//! The search over an in-memory catalogue: lanes → explicit filters → eligibility gates → score →
//! deterministic order → page. The text term is 0 until the text index is wired in.
//!
//! Order: for a person without accommodation, the SIAO offers first; then score descending, then
//! the daily rotation key (fair and stable for a day), then id;
//! with [`Tri::Distance`], distance ascending (remote last), then id. Only the first
//! `offset + limit` results are ordered ([`slice::select_nth_unstable_by`]), not the whole set.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use opening_hours::OpeningHours;
use serde::Serialize;

use super::{
    Candidat, Composantes, ConfianceZone, Eligibilite, IndexCandidats, Mode, Ouverture, Poids,
    RaisonExclusion, Requete, RequeteError, Statut, Tri, analyser_horaires, couverture,
    eligibilite, ouverture, proximite_a_distance, proximite_sur_place, rotation_quotidienne,
};
use crate::catalog::model::{Catalogue, Famille, Service};
use crate::referentiel::Code;
use crate::territoire::Territoires;

/// Confidence factor applied to the quality term of offers whose zone is unknown.
pub const FACTEUR_ZONE_INCONNUE: f64 = 0.5;

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resultat {
    /// Index of the service in the catalogue.
    pub service: u32,
    /// Lane.
    pub mode: Mode,
    /// Distance, on site.
    pub distance_km: Option<f64>,
    /// Score in [0, 1].
    pub score: f64,
    /// Its terms.
    pub composantes: Composantes,
    /// Eligibility.
    pub eligibilite: Eligibilite,
    /// Codes of the requested needs it covers.
    pub besoins_couverts: Vec<String>,
    /// Codes of the requested needs it does not cover.
    pub besoins_non_couverts: Vec<String>,
    /// Opening at the requested time (or now).
    pub ouverture: Ouverture,
    /// Zone confidence.
    pub zone: ConfianceZone,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reponse {
    /// The page.
    pub resultats: Vec<Resultat>,
    /// Results over all pages.
    pub total: usize,
    /// Cursor of the next page, if any.
    pub curseur_suivant: Option<String>,
    /// Offers left out, by reason.
    pub exclus: BTreeMap<RaisonExclusion, usize>,
    /// Counts over every result (all pages), by code.
    pub facettes: Facettes,
}

/// Facet counts over the gated result set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facettes {
    /// By thematique.
    pub thematiques: BTreeMap<&'static str, usize>,
    /// By type de service.
    pub types: BTreeMap<&'static str, usize>,
    /// By frais.
    pub frais: BTreeMap<&'static str, usize>,
    /// By mode d'accueil.
    pub modes_accueil: BTreeMap<&'static str, usize>,
}

impl Facettes {
    fn compter(&mut self, s: &Service) {
        for t in s.thematiques.iter() {
            *self.thematiques.entry(t.code()).or_default() += 1;
        }
        if let Some(t) = s.type_ {
            *self.types.entry(t.code()).or_default() += 1;
        }
        if let Some(f) = s.frais {
            *self.frais.entry(f.code()).or_default() += 1;
        }
        for m in s.modes_accueil.iter() {
            *self.modes_accueil.entry(m.code()).or_default() += 1;
        }
    }
}

/// The engine over one catalogue.
pub struct Moteur<'a> {
    catalogue: &'a Catalogue,
    territoires: &'a Territoires,
    index: IndexCandidats,
    horaires: Vec<Option<OpeningHours>>,
    poids: Poids,
}

fn curseur(offset: usize) -> String {
    format!("p{offset:x}")
}

fn lire_curseur(c: &str) -> Result<usize, RequeteError> {
    c.strip_prefix('p')
        .and_then(|h| usize::from_str_radix(h, 16).ok())
        .ok_or_else(|| RequeteError {
            champ: "curseur".into(),
            detail: "curseur invalide : reprendre celui d'une réponse".into(),
        })
}

impl<'a> Moteur<'a> {
    /// Indexes `catalogue` (points, communes, parsed opening hours) with the default weights.
    pub fn new(catalogue: &'a Catalogue, territoires: &'a Territoires) -> Self {
        let horaires = catalogue
            .services
            .iter()
            .map(|s| {
                s.horaires_accueil
                    .as_ref()
                    .or(catalogue.structure(s).horaires_accueil.as_ref())
                    .filter(|h| h.valides)
                    .and_then(|h| analyser_horaires(&h.texte))
            })
            .collect();
        Moteur {
            catalogue,
            territoires,
            index: IndexCandidats::new(catalogue, territoires),
            horaires,
            poids: Poids::default(),
        }
    }

    /// Replaces the score weights.
    pub fn avec_poids(mut self, poids: Poids) -> Self {
        self.poids = poids;
        self
    }

    fn filtre(&self, req: &Requete, s: &Service) -> bool {
        let f = &req.filtres;
        let structure = self.catalogue.structure(s);
        (f.thematiques.is_empty() || f.thematiques.intersects(&s.thematiques))
            && (f.publics.is_empty() || f.publics.intersects(&s.publics))
            && (f.types.is_empty() || s.type_.is_some_and(|t| f.types.contains(t)))
            && (f.frais.is_empty() || s.frais.is_some_and(|x| f.frais.contains(x)))
            && (f.modes_accueil.is_empty() || f.modes_accueil.intersects(&s.modes_accueil))
            && (f.reseaux_porteurs.is_empty()
                || f.reseaux_porteurs.intersects(&structure.reseaux_porteurs))
            && (f.mobilisable_par.is_empty() || f.mobilisable_par.intersects(&s.mobilisable_par))
            && (f.sources.is_empty() || f.sources.contains(&s.source))
            && f.score_qualite_minimum.is_none_or(|m| s.score_qualite >= m)
            && (req.besoins.is_empty()
                || req
                    .besoins
                    .iter()
                    .any(|b| b.thematiques.intersects(&s.thematiques)))
    }

    fn noter(&self, req: &Requete, c: &Candidat, quand: chrono::NaiveDateTime) -> Option<Resultat> {
        let s = &self.catalogue.services[c.service as usize];
        let ouverture = ouverture(self.horaires[c.service as usize].as_ref(), quand);
        if req.filtres.ouvert_le.is_some() && ouverture == Ouverture::Ferme {
            return None;
        }
        let (part, couverts) = couverture(s.thematiques, &req.besoins);
        let proximite = match (c.mode, c.distance_km) {
            (Mode::SurPlace, Some(d)) => proximite_sur_place(d, req.rayon_km),
            _ => proximite_a_distance(req.profil.as_ref().and_then(|p| p.autonomie_numerique)),
        };
        let confiance = if c.zone == ConfianceZone::Inconnue {
            FACTEUR_ZONE_INCONNUE
        } else {
            1.0
        };
        let composantes = Composantes {
            besoins: part,
            proximite,
            texte: 0.0,
            qualite: s.score_qualite * confiance,
            ouverture: ouverture.composante(),
        };
        let (besoins_couverts, besoins_non_couverts) = req.besoins.iter().enumerate().fold(
            (Vec::new(), Vec::new()),
            |(mut oui, mut non), (i, b)| {
                if couverts.contains(&i) {
                    oui.push(b.code.clone())
                } else {
                    non.push(b.code.clone())
                }
                (oui, non)
            },
        );
        Some(Resultat {
            service: c.service,
            mode: c.mode,
            distance_km: c.distance_km,
            score: composantes.score(&self.poids),
            composantes,
            eligibilite: eligibilite(s, req.profil.as_ref()),
            besoins_couverts,
            besoins_non_couverts,
            ouverture,
            zone: c.zone,
        })
    }

    /// Runs `req`; `maintenant` is used for opening when the request has no `ouvert_le`, and its
    /// date for the daily rotation.
    pub fn rechercher(
        &self,
        req: &Requete,
        maintenant: chrono::NaiveDateTime,
    ) -> Result<Reponse, RequeteError> {
        let offset = req
            .curseur
            .as_deref()
            .map(lire_curseur)
            .transpose()?
            .unwrap_or(0);
        let quand = req
            .filtres
            .ouvert_le
            .map_or(maintenant, |t| t.naive_local());
        let jour: NaiveDate = maintenant.date();
        let lanes = self
            .index
            .lanes(self.catalogue, self.territoires, req.origine, req.rayon_km);
        let mut exclus: BTreeMap<RaisonExclusion, usize> = BTreeMap::new();
        if lanes.hors_territoire > 0 {
            exclus.insert(RaisonExclusion::HorsTerritoire, lanes.hors_territoire);
        }
        let mut resultats: Vec<(Resultat, u64, bool)> = Vec::new();
        let mut facettes = Facettes::default();
        // Without accommodation: the SIAO / 115 offers reachable for her come first.
        let sans_hebergement = req
            .profil
            .as_ref()
            .is_some_and(|p| p.sans_hebergement == Some(true));
        for c in &lanes.candidats {
            let s = &self.catalogue.services[c.service as usize];
            if !self.filtre(req, s) {
                continue;
            }
            let Some(r) = self.noter(req, c, quand) else {
                continue;
            };
            if let Statut::Exclu(raison) = r.eligibilite.statut {
                *exclus.entry(raison).or_default() += 1;
                continue;
            }
            facettes.compter(s);
            let urgence = sans_hebergement && s.famille == Famille::Siao;
            resultats.push((r, rotation_quotidienne(&s.id, jour), urgence));
        }
        let services = &self.catalogue.services;
        let ordre = |a: &(Resultat, u64, bool), b: &(Resultat, u64, bool)| -> Ordering {
            let par_id = || {
                services[a.0.service as usize]
                    .id
                    .cmp(&services[b.0.service as usize].id)
            };
            match req.tri {
                Tri::Pertinence => {
                    b.2.cmp(&a.2)
                        .then(b.0.score.total_cmp(&a.0.score))
                        .then(a.1.cmp(&b.1))
                        .then_with(par_id)
                }
                Tri::Distance => {
                    let d = |r: &Resultat| r.distance_km.unwrap_or(f64::INFINITY);
                    d(&a.0).total_cmp(&d(&b.0)).then_with(par_id)
                }
            }
        };
        let total = resultats.len();
        let fin = (offset + usize::from(req.limite)).min(total);
        if fin < total && fin > 0 {
            resultats.select_nth_unstable_by(fin - 1, ordre);
            resultats.truncate(fin);
        }
        resultats.sort_by(ordre);
        let page: Vec<Resultat> = resultats
            .into_iter()
            .skip(offset)
            .map(|(r, _, _)| r)
            .collect();
        Ok(Reponse {
            resultats: page,
            total,
            curseur_suivant: (fin < total).then(|| curseur(fin)),
            exclus,
            facettes,
        })
    }
}

#[cfg(test)]
mod tests;
