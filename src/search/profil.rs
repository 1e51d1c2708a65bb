//! The person's situation as the referent types it: every field optional (unknown is not "no").
//!
//! Sensitive personal data (RGPD art. 9): a `Profil` lives only for the duration of a request and is
//! never logged nor stored.

use serde::{Deserialize, Serialize};

/// What is known of the person. `None` means unknown; rules treat unknown as "to be confirmed".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Profil {
    /// Age in years.
    pub age: Option<u8>,
    /// Receives the RSA.
    pub rsa: Option<bool>,
    /// Receives the ASS.
    pub ass: Option<bool>,
    /// Receives the AAH.
    pub aah: Option<bool>,
    /// Has an RQTH (or a CDAPH orientation).
    pub rqth: Option<bool>,
    /// Months without work (registered job seeker).
    pub mois_sans_emploi: Option<u16>,
    /// Lives in a QPV or a FRR.
    pub qpv_frr: Option<bool>,
    /// Single parent.
    pub parent_isole: Option<bool>,
    /// Formerly in the care of the ASE.
    pub ancien_ase: Option<bool>,
    /// Without accommodation.
    pub sans_hebergement: Option<bool>,
    /// Refugee or beneficiary of subsidiary protection.
    pub refugie: Option<bool>,
    /// Leaving prison.
    pub sortant_detention: Option<bool>,
    /// Highest qualification level (French nomenclature 1–8; 3 = CAP/BEP).
    pub niveau_qualification: Option<u8>,
    /// Holds a valid driving licence B.
    pub permis_b: Option<bool>,
    /// Has a vehicle.
    pub vehicule: Option<bool>,
    /// Can use digital services alone.
    pub autonomie_numerique: Option<bool>,
}

impl Profil {
    /// Whether nothing at all is known.
    pub fn est_vide(&self) -> bool {
        *self == Profil::default()
    }
}
