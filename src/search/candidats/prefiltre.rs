//! The lanes' pre-filter: a service can only be a result when its thematiques meet those of the
//! requested needs (if any) and the thematiques filter (if any). The lanes keep each service's
//! thematiques beside it (in the spatial index and the remote lists), so that this test reads no
//! other memory: most services of a dense area or of the national remote offer fail it.

use crate::referentiel::{Categorie, CodeSet, Thematique};

use super::categories_de;

/// Which thematiques a candidate must have; the default keeps every service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefiltre {
    /// The union of the needs' thematiques (empty: no need).
    pub besoins: CodeSet<Thematique>,
    /// The thematiques filter (empty: none).
    pub filtre: CodeSet<Thematique>,
}

impl Prefiltre {
    /// Whether a service with `thematiques` passes.
    #[inline]
    pub fn garde(&self, thematiques: CodeSet<Thematique>) -> bool {
        (self.besoins.is_empty() || thematiques.intersects(&self.besoins))
            && (self.filtre.is_empty() || thematiques.intersects(&self.filtre))
    }

    /// The only categories whose services can pass (those of the needs, else of the filter), or
    /// `None` when every category can.
    pub fn categories(&self) -> Option<CodeSet<Categorie>> {
        if !self.besoins.is_empty() {
            Some(categories_de(self.besoins))
        } else if !self.filtre.is_empty() {
            Some(categories_de(self.filtre))
        } else {
            None
        }
    }
}
