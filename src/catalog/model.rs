//! The validated, normalised catalog model: typed codes, resolved territories and points.
//!
//! Field names follow data·inclusion v1, so a [`Service`] serialises in the shape its clients
//! expect; the fields computed by normalisation (`point`, `precision_point`, `zone`,
//! `score_qualite`, `famille`, `doublon`) are ours.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::referentiel::{
    CodeSet, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur,
    Thematique, TypeService,
};
use crate::territoire::{CodeCommune, CodePostal, Point, PrecisionPoint, Zone};

/// Index of a structure in [`Catalogue::structures`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct StructureIdx(pub u32);

/// Opening hours: the text as published, and whether it parses as OSM `opening_hours`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Horaires {
    /// The text as published.
    pub texte: String,
    /// Whether it parses with the `opening-hours` crate.
    #[serde(skip)]
    pub valides: bool,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Adresse {
    /// Street address.
    pub adresse: Option<String>,
    /// Complement.
    pub complement_adresse: Option<String>,
    /// Postal code.
    pub code_postal: Option<CodePostal>,
    /// INSEE code of a known commune (unknown codes are dropped by validation).
    pub code_insee: Option<CodeCommune>,
    /// Commune name as published.
    pub commune: Option<String>,
}

/// A validated structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Structure {
    /// Unique id.
    pub id: String,
    /// Producer.
    pub source: String,
    /// Name.
    pub nom: String,
    /// Last update.
    pub date_maj: NaiveDate,
    /// SIRET, 14 digits.
    pub siret: Option<String>,
    /// Réseaux porteurs.
    #[schema(value_type = Vec<ReseauPorteur>)]
    pub reseaux_porteurs: CodeSet<ReseauPorteur>,
    /// Address.
    #[serde(flatten)]
    pub adresse: Adresse,
    /// Published point, validated (in France, swapped coordinates corrected).
    pub point: Option<Point>,
    /// Phone.
    pub telephone: Option<String>,
    /// E-mail.
    pub courriel: Option<String>,
    /// Web site.
    pub site_web: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Opening hours.
    pub horaires_accueil: Option<Horaires>,
    /// Accessibility sheet URL.
    pub accessibilite_lieu: Option<String>,
    /// Producer URL.
    pub lien_source: Option<String>,
}

/// Where a service's point comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OriginePoint {
    /// The service's own coordinates.
    Service,
    /// Its structure's coordinates.
    Structure,
    /// The point of its commune (service's, else structure's `code_insee`).
    Commune(PrecisionPoint),
    /// No point: the service cannot be placed (it can still be found remotely).
    Aucune,
}

/// The eligibility zone, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "type", content = "zones", rename_all = "snake_case")]
pub enum ZoneEligibilite {
    /// No zone published (data·inclusion treats it as everywhere; we rank it lower).
    Inconnue,
    /// The listed zones (at least one).
    Zones(Vec<Zone>),
}

/// Offer family, from réseaux porteurs, thematiques and names.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Famille {
    /// Atelier et chantier d'insertion.
    SiaeAci,
    /// Association intermédiaire.
    SiaeAi,
    /// Entreprise d'insertion.
    SiaeEi,
    /// Entreprise de travail temporaire d'insertion.
    SiaeEtti,
    /// Entreprise d'insertion par le travail indépendant.
    SiaeEiti,
    /// Entreprise adaptée (incl. EATT).
    EntrepriseAdaptee,
    /// ESAT.
    Esat,
    /// PLIE.
    Plie,
    /// SIAO / 115 and emergency accommodation.
    Siao,
    /// Mission locale.
    MissionLocale,
    /// Cap emploi.
    CapEmploi,
    /// France Travail.
    FranceTravail,
    /// Mobility offers.
    Mobilite,
    /// Health offers.
    Sante,
    /// Housing and accommodation.
    LogementHebergement,
    /// Anything else.
    Autre,
}

impl Famille {
    /// Every family, in order.
    pub const TOUTES: [Famille; 16] = [
        Famille::SiaeAci,
        Famille::SiaeAi,
        Famille::SiaeEi,
        Famille::SiaeEtti,
        Famille::SiaeEiti,
        Famille::EntrepriseAdaptee,
        Famille::Esat,
        Famille::Plie,
        Famille::Siao,
        Famille::MissionLocale,
        Famille::CapEmploi,
        Famille::FranceTravail,
        Famille::Mobilite,
        Famille::Sante,
        Famille::LogementHebergement,
        Famille::Autre,
    ];

    /// Stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Famille::SiaeAci => "siae_aci",
            Famille::SiaeAi => "siae_ai",
            Famille::SiaeEi => "siae_ei",
            Famille::SiaeEtti => "siae_etti",
            Famille::SiaeEiti => "siae_eiti",
            Famille::EntrepriseAdaptee => "entreprise_adaptee",
            Famille::Esat => "esat",
            Famille::Plie => "plie",
            Famille::Siao => "siao",
            Famille::MissionLocale => "mission_locale",
            Famille::CapEmploi => "cap_emploi",
            Famille::FranceTravail => "france_travail",
            Famille::Mobilite => "mobilite",
            Famille::Sante => "sante",
            Famille::LogementHebergement => "logement_hebergement",
            Famille::Autre => "autre",
        }
    }

    /// Whether the family is one of the five SIAE kinds.
    pub fn est_siae(self) -> bool {
        matches!(
            self,
            Famille::SiaeAci
                | Famille::SiaeAi
                | Famille::SiaeEi
                | Famille::SiaeEtti
                | Famille::SiaeEiti
        )
    }
}

/// A validated, normalised service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Service {
    /// Unique id.
    pub id: String,
    /// Producer.
    pub source: String,
    /// Id of its structure.
    pub structure_id: String,
    /// Its structure.
    #[serde(skip)]
    pub structure: StructureIdx,
    /// Name.
    pub nom: String,
    /// Description.
    pub description: String,
    /// Last update.
    pub date_maj: NaiveDate,
    /// Type de service.
    #[serde(rename = "type")]
    pub type_: Option<TypeService>,
    /// Thematiques (unknown codes dropped).
    #[schema(value_type = Vec<Thematique>)]
    pub thematiques: CodeSet<Thematique>,
    /// Frais.
    pub frais: Option<Frais>,
    /// Details on fees.
    pub frais_precisions: Option<String>,
    /// Publics (empty: not specified).
    #[schema(value_type = Vec<Public>)]
    pub publics: CodeSet<Public>,
    /// Details on publics.
    pub publics_precisions: Option<String>,
    /// Access conditions.
    pub conditions_acces: Option<String>,
    /// Address.
    #[serde(flatten)]
    pub adresse: Adresse,
    /// Phone.
    pub telephone: Option<String>,
    /// E-mail.
    pub courriel: Option<String>,
    /// Modes d'accueil.
    #[schema(value_type = Vec<ModeAccueil>)]
    pub modes_accueil: CodeSet<ModeAccueil>,
    /// Zone codes as published (valid ones).
    pub zone_eligibilite: Option<Vec<String>>,
    /// Contact name.
    pub contact_nom_prenom: Option<String>,
    /// Mobilisation URL.
    pub lien_mobilisation: Option<String>,
    /// Modes de mobilisation.
    #[schema(value_type = Vec<ModeMobilisation>)]
    pub modes_mobilisation: CodeSet<ModeMobilisation>,
    /// Who may mobilise it.
    #[schema(value_type = Vec<PersonneMobilisatrice>)]
    pub mobilisable_par: CodeSet<PersonneMobilisatrice>,
    /// Details on mobilisation.
    pub mobilisation_precisions: Option<String>,
    /// Weekly hours.
    pub volume_horaire_hebdomadaire: Option<f64>,
    /// Number of weeks.
    pub nombre_semaines: Option<u32>,
    /// Opening hours (the service's own).
    pub horaires_accueil: Option<Horaires>,
    /// Producer URL.
    pub lien_source: Option<String>,

    /// Normalised: where the service is (service → structure → commune).
    pub point: Option<Point>,
    /// Normalised: where that point comes from.
    pub origine_point: OriginePoint,
    /// Normalised: the zone, resolved.
    pub zone: ZoneEligibilite,
    /// Normalised: data·inclusion quality score, 0–1, two decimals.
    pub score_qualite: f64,
    /// Normalised: offer family.
    pub famille: Famille,
    /// Normalised: duplicate cluster (the index of one of its services), when published twice.
    pub doublon: Option<u32>,
}

/// A loaded catalog: validated and normalised structures and services.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Structures, by [`StructureIdx`].
    pub structures: Vec<Structure>,
    /// Services.
    pub services: Vec<Service>,
}

impl Catalogue {
    /// The structure of a service.
    pub fn structure(&self, service: &Service) -> &Structure {
        &self.structures[service.structure.0 as usize]
    }
}
