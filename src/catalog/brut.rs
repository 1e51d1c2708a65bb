//! The data·inclusion v1 records as they arrive on the wire (JSON, JSON Lines, CSV): lenient
//! optional fields, codes as strings. Validation turns them into [`crate::catalog::model::Structure`] and
//! [`crate::catalog::model::Service`]; the synthetic generator writes them.

use serde::{Deserialize, Serialize};

/// A structure as exported by data·inclusion (schema v1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StructureBrute {
    /// Unique id (`dora--42`). Required.
    pub id: Option<String>,
    /// Producer of the record. Required.
    pub source: Option<String>,
    /// Name. Required.
    pub nom: Option<String>,
    /// Date of last update (`YYYY-MM-DD`). Required.
    pub date_maj: Option<String>,
    /// SIRET (14 digits).
    pub siret: Option<String>,
    /// Réseaux porteurs codes.
    pub reseaux_porteurs: Option<Vec<String>>,
    /// Street address.
    pub adresse: Option<String>,
    /// Address complement.
    pub complement_adresse: Option<String>,
    /// Postal code.
    pub code_postal: Option<String>,
    /// INSEE commune code.
    pub code_insee: Option<String>,
    /// Commune name.
    pub commune: Option<String>,
    /// WGS84 latitude.
    pub latitude: Option<f64>,
    /// WGS84 longitude.
    pub longitude: Option<f64>,
    /// Phone.
    pub telephone: Option<String>,
    /// E-mail.
    pub courriel: Option<String>,
    /// Web site URL.
    pub site_web: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Opening hours, OSM `opening_hours` syntax.
    pub horaires_accueil: Option<String>,
    /// URL of the accessibility sheet.
    pub accessibilite_lieu: Option<String>,
    /// URL of the record at its producer.
    pub lien_source: Option<String>,
}

/// A service as exported by data·inclusion (schema v1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceBrut {
    /// Unique id. Required.
    pub id: Option<String>,
    /// Producer of the record. Required.
    pub source: Option<String>,
    /// Id of its structure. Required.
    pub structure_id: Option<String>,
    /// Name (3–150 characters). Required.
    pub nom: Option<String>,
    /// Description. Required.
    pub description: Option<String>,
    /// Date of last update. Required.
    pub date_maj: Option<String>,
    /// Type de service code.
    #[serde(rename = "type")]
    pub type_: Option<String>,
    /// Thematiques codes.
    pub thematiques: Option<Vec<String>>,
    /// Frais code.
    pub frais: Option<String>,
    /// Details on fees.
    pub frais_precisions: Option<String>,
    /// Publics codes.
    pub publics: Option<Vec<String>>,
    /// Details on publics.
    pub publics_precisions: Option<String>,
    /// Access conditions.
    pub conditions_acces: Option<String>,
    /// Commune name.
    pub commune: Option<String>,
    /// Postal code.
    pub code_postal: Option<String>,
    /// INSEE commune code.
    pub code_insee: Option<String>,
    /// Street address.
    pub adresse: Option<String>,
    /// Address complement.
    pub complement_adresse: Option<String>,
    /// WGS84 longitude.
    pub longitude: Option<f64>,
    /// WGS84 latitude.
    pub latitude: Option<f64>,
    /// Phone.
    pub telephone: Option<String>,
    /// E-mail.
    pub courriel: Option<String>,
    /// Modes d'accueil codes.
    pub modes_accueil: Option<Vec<String>>,
    /// Zone d'éligibilité: INSEE codes (commune, département, EPCI, country) or `france`.
    pub zone_eligibilite: Option<Vec<String>>,
    /// Contact name.
    pub contact_nom_prenom: Option<String>,
    /// Mobilisation URL.
    pub lien_mobilisation: Option<String>,
    /// Modes de mobilisation codes.
    pub modes_mobilisation: Option<Vec<String>>,
    /// Personnes mobilisatrices codes.
    pub mobilisable_par: Option<Vec<String>>,
    /// Details on mobilisation.
    pub mobilisation_precisions: Option<String>,
    /// Weekly hours.
    pub volume_horaire_hebdomadaire: Option<f64>,
    /// Number of weeks.
    pub nombre_semaines: Option<u32>,
    /// Opening hours, OSM `opening_hours` syntax.
    pub horaires_accueil: Option<String>,
    /// URL of the record at its producer.
    pub lien_source: Option<String>,
}
