//! # maillage
//!
//! What can this person actually access, near here, for the needs flagged in her diagnostic?
//!
//! ## Code map
//!
//! One folder per concept; data flows downward only (a module uses the ones listed above it,
//! never those below). The engine never imports HTTP types.
//!
//! | module | what it holds |
//! |---|---|
//! | [`texte`] | French text folding (accents, case, punctuation) shared by every lookup by name |
//! | [`referentiel`] | data·inclusion code lists and diagnostic needs, embedded from `catalog/referentiels/`, as typed ids ([`referentiel::Thematique`]…) and 128-bit [`referentiel::CodeSet`]s |
//! | [`territoire`] | INSEE/SIREN codes as types, communes (with arrondissements and historic codes), EPCI, départements, régions, points with precision, zones d'éligibilité, nearest commune; embedded from `catalog/territoires/` |
//! | [`catalog::brut`] | the data·inclusion v1 wire records |
//! | [`catalog::lecture`] | streaming readers: JSON array, JSON Lines, CSV export |
//! | [`catalog::validation`] | field checks, per-record findings, report whose totals reconcile, the load pipeline |
//! | [`catalog::model`] | validated, normalised structures and services |
//! | [`catalog::normalisation`] | service point (service → structure → commune), quality score, offer family, duplicate clusters |
//! | [`catalog::synth`] | deterministic synthetic national catalog for demos and benchmarks |
//! | [`search`] | request validation, profile, eligibility gates, need resolution, score terms, candidate lanes, text index ([`search::IndexTexte`], tantivy), the engine ([`search::Moteur`]: lanes → text on the candidates → filters → gates → score → order → page, facets, exclusions, parcours); [`search::analyse`]: French text analysis; [`search::sortie`]: the answer's JSON shape, with the per-service parts kept per snapshot ([`search::fragments`]) |
//! | [`index`] | snapshots on disk: build from an export, services in spatial order ([`index::ordre`]), manifest, atomic publish, staleness check, load into a [`search::Moteur`] |
//! | [`coverage`] | coverage gaps for coordinators: request validation, commune populations on H3 cells (h3o), on-site and remote supply, E2SFCA accessibility, gap areas, saturation, GeoJSON and CSV |
//! | [`ui`] | the web interface: search page (référent and personne accompagnée modes), coverage map, offer detail, plain search without JavaScript (server-rendered); static HTML (one shared shell), CSS and ES modules embedded in the binary, served by [`http`] |
//! | [`http`] | `maillage serve`: axum router, problem+json errors, snapshot swap, caches, metrics, admin (with [`ui`], the only modules with HTTP types; the engine never imports them; its types derive `utoipa::ToSchema`, a schema description, for the generated OpenAPI document) |
//!
//! The binary (`src/main.rs`, `src/cli/`) only parses arguments and calls the library; each
//! subcommand has its own file there.
//!
//! Errors: `thiserror` types inside the library (French messages naming the problem), `anyhow` in
//! the binary.

pub mod catalog;
pub mod coverage;
pub mod http;
pub mod index;
pub mod referentiel;
pub mod search;
pub mod territoire;
pub mod texte;
pub mod ui;
