//! Settings of `maillage serve`: the raw flags and `MAILLAGE_*` environment variables
//! ([`Parametres`], parsed by clap) and their validated form ([`Config`]).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use thiserror::Error;

/// Raw settings, as typed on the command line or set in the environment.
#[derive(Debug, Clone, clap::Args)]
pub struct Parametres {
    /// Catalog directory served (structures.* and services.*).
    #[arg(long, env = "MAILLAGE_CATALOG", default_value = "catalog/demo")]
    pub catalog: PathBuf,
    /// Index directory: the snapshot is built there when missing or stale.
    #[arg(long, env = "MAILLAGE_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// Listening address.
    #[arg(long, env = "MAILLAGE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Bearer key of the admin routes; without it, the admin routes answer 404.
    #[arg(long, env = "MAILLAGE_ADMIN_KEY", hide_env_values = true)]
    pub admin_key: Option<String>,
    /// Cached search answers (entries; 0 disables the cache).
    #[arg(long, env = "MAILLAGE_CACHE_RESULTATS", default_value_t = 10_000)]
    pub cache_resultats: u64,
    /// Lifetime of a cached search answer, in seconds (opening hours depend on the time).
    #[arg(long, env = "MAILLAGE_CACHE_TTL_S", default_value_t = 60)]
    pub cache_ttl_s: u64,
    /// Cached commune lookups (entries; 0 disables the cache).
    #[arg(long, env = "MAILLAGE_CACHE_COMMUNES", default_value_t = 10_000)]
    pub cache_communes: u64,
    /// Engine calls running at once (default: number of cores + 2, so that a core does not wait
    /// while a finished call hands its place to the next one).
    #[arg(long, env = "MAILLAGE_CONCURRENCE")]
    pub concurrence: Option<usize>,
    /// Request timeout in milliseconds (admin routes excepted).
    #[arg(long, env = "MAILLAGE_DELAI_MS", default_value_t = 10_000)]
    pub delai_ms: u64,
    /// Largest request body, in bytes (admin import excepted).
    #[arg(long, env = "MAILLAGE_CORPS_MAX", default_value_t = 1024 * 1024)]
    pub corps_max: usize,
    /// Largest admin import body, in bytes.
    #[arg(long, env = "MAILLAGE_IMPORT_MAX", default_value_t = 256 * 1024 * 1024)]
    pub import_max: usize,
    /// Requests per second allowed per client IP on public routes (0: no limit).
    #[arg(long, env = "MAILLAGE_DEBIT_IP", default_value_t = 50)]
    pub debit_ip: u32,
    /// Burst allowed per client IP above the rate.
    #[arg(long, env = "MAILLAGE_RAFALE_IP", default_value_t = 100)]
    pub rafale_ip: u32,
    /// Allowed CORS origins, comma-separated; `*` for any; empty: no CORS headers.
    #[arg(long, env = "MAILLAGE_CORS", default_value = "")]
    pub cors: String,
    /// Logs as JSON lines (default: human-readable).
    #[arg(long, env = "MAILLAGE_LOG_JSON")]
    pub log_json: bool,
}

/// Which origins may call the API from a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cors {
    /// No CORS headers.
    Aucun,
    /// Any origin.
    Tous,
    /// These origins.
    Origines(Vec<String>),
}

/// Validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Catalog directory.
    pub catalogue: PathBuf,
    /// Index directory.
    pub index: PathBuf,
    /// Listening address.
    pub adresse: SocketAddr,
    /// Admin key (None: admin disabled).
    pub cle_admin: Option<String>,
    /// Cached search answers.
    pub cache_resultats: u64,
    /// Lifetime of a cached answer.
    pub cache_ttl: Duration,
    /// Cached commune lookups.
    pub cache_communes: u64,
    /// Engine calls at once.
    pub concurrence: usize,
    /// Request timeout.
    pub delai: Duration,
    /// Largest body.
    pub corps_max: usize,
    /// Largest import body.
    pub import_max: usize,
    /// Per-IP rate (None: unlimited) and burst.
    pub debit_ip: Option<(u32, u32)>,
    /// CORS.
    pub cors: Cors,
    /// JSON logs.
    pub log_json: bool,
}

/// A setting that is not acceptable.
#[derive(Debug, Error)]
#[error("{parametre} : {detail}")]
pub struct ConfigError {
    /// The flag.
    pub parametre: &'static str,
    /// What is wrong.
    pub detail: String,
}

fn erreur(parametre: &'static str, detail: impl Into<String>) -> ConfigError {
    ConfigError {
        parametre,
        detail: detail.into(),
    }
}

/// Shortest admin key accepted.
pub const CLE_ADMIN_MIN: usize = 16;

impl Config {
    /// Checks `p`.
    pub fn depuis(p: &Parametres) -> Result<Config, ConfigError> {
        let adresse: SocketAddr = p.addr.parse().map_err(|_| {
            erreur(
                "--addr",
                format!(
                    "« {} » n'est pas une adresse HOTE:PORT (ex. 127.0.0.1:8080)",
                    p.addr
                ),
            )
        })?;
        let cle_admin = match p.admin_key.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) if c.len() < CLE_ADMIN_MIN => {
                return Err(erreur(
                    "--admin-key",
                    format!("au moins {CLE_ADMIN_MIN} caractères"),
                ));
            }
            Some(c) => Some(c.to_owned()),
        };
        let concurrence = match p.concurrence {
            Some(0) => return Err(erreur("--concurrence", "au moins 1")),
            Some(n) => n,
            None => concurrence_par_defaut(),
        };
        if p.delai_ms == 0 {
            return Err(erreur("--delai-ms", "au moins 1"));
        }
        if p.corps_max < 1024 {
            return Err(erreur("--corps-max", "au moins 1024 octets"));
        }
        let debit_ip = match (p.debit_ip, p.rafale_ip) {
            (0, _) => None,
            (_, 0) => return Err(erreur("--rafale-ip", "au moins 1")),
            (d, r) => Some((d, r)),
        };
        let cors = match p.cors.trim() {
            "" => Cors::Aucun,
            "*" => Cors::Tous,
            liste => Cors::Origines(
                liste
                    .split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(|o| {
                        if o.starts_with("http://") || o.starts_with("https://") {
                            Ok(o.trim_end_matches('/').to_owned())
                        } else {
                            Err(erreur(
                                "--cors",
                                format!("« {o} » : une origine commence par http:// ou https://"),
                            ))
                        }
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        Ok(Config {
            catalogue: p.catalog.clone(),
            index: p.index.clone(),
            adresse,
            cle_admin,
            cache_resultats: p.cache_resultats,
            cache_ttl: Duration::from_secs(p.cache_ttl_s.max(1)),
            cache_communes: p.cache_communes,
            concurrence,
            delai: Duration::from_millis(p.delai_ms),
            corps_max: p.corps_max,
            import_max: p.import_max.max(p.corps_max),
            debit_ip,
            cors,
            log_json: p.log_json,
        })
    }

    /// The defaults (those of `maillage serve` without flags), for `catalogue` and `index`.
    pub fn par_defaut(catalogue: PathBuf, index: PathBuf) -> Config {
        Config {
            catalogue,
            index,
            adresse: SocketAddr::from(([127, 0, 0, 1], 8080)),
            cle_admin: None,
            cache_resultats: 10_000,
            cache_ttl: Duration::from_secs(60),
            cache_communes: 10_000,
            concurrence: concurrence_par_defaut(),
            delai: Duration::from_secs(10),
            corps_max: 1024 * 1024,
            import_max: 256 * 1024 * 1024,
            debit_ip: Some((50, 100)),
            cors: Cors::Aucun,
            log_json: false,
        }
    }
}

/// Engine calls at once by default: two more than the cores. Measured on 2 cores (300,000
/// services, 16 connections): as many calls as cores left a third of a core idle between calls
/// (809 req/s); one more gave 1,191 req/s. Once a call took about half a millisecond, a core still
/// waited at hand-offs: two more gave 2–10 % more answers than one more in five interleaved pairs
/// (up to 2,076 against 1,858 req/s), p99 up by 0.2–1.8 ms; six or eight lengthened the tail
/// (p99 20–28 ms) for no more answers.
fn concurrence_par_defaut() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) + 2
}
