//! Opening at a given time: open now, opening within 48 h, closed, or unknown (no or unreadable
//! hours). Hours are local wall-clock times (OSM `opening_hours` syntax, parsed by the
//! `opening-hours` crate); the requested time is read in its own offset's local time.

use chrono::{NaiveDateTime, TimeDelta};
use opening_hours::OpeningHours;
use serde::Serialize;

/// How far ahead "opens soon" looks.
pub const HORIZON_OUVERTURE_H: i64 = 48;

/// Opening state of an offer at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "etat", content = "a", rename_all = "snake_case")]
pub enum Ouverture {
    /// Open at that time.
    Ouvert,
    /// Closed, opening at this local time, within [`HORIZON_OUVERTURE_H`] hours.
    OuvreBientot(NaiveDateTime),
    /// Closed for the next 48 hours.
    Ferme,
    /// No hours published, or unreadable.
    Inconnue,
}

impl Ouverture {
    /// The `ouverture` score term: 1 when open or opening within 48 h, else 0.
    pub fn composante(self) -> f64 {
        match self {
            Ouverture::Ouvert | Ouverture::OuvreBientot(_) => 1.0,
            Ouverture::Ferme | Ouverture::Inconnue => 0.0,
        }
    }
}

/// Parses published hours once (to be kept in the snapshot); `None` when unreadable.
pub fn analyser_horaires(texte: &str) -> Option<OpeningHours> {
    texte.parse().ok()
}

/// The opening state of `horaires` at local time `quand`.
pub fn ouverture(horaires: Option<&OpeningHours>, quand: NaiveDateTime) -> Ouverture {
    let Some(oh) = horaires else {
        return Ouverture::Inconnue;
    };
    if oh.is_open(quand) {
        return Ouverture::Ouvert;
    }
    let limite = quand + TimeDelta::hours(HORIZON_OUVERTURE_H);
    let mut t = quand;
    // Walk the state changes up to the horizon (a handful per day).
    for _ in 0..64 {
        match oh.next_change(t) {
            Some(change) if change <= limite => {
                if oh.is_open(change) {
                    return Ouverture::OuvreBientot(change);
                }
                t = change;
            }
            _ => break,
        }
    }
    Ouverture::Ferme
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn open_soon_closed_unknown() {
        let oh = analyser_horaires("Mo-Fr 09:00-12:00,14:00-17:00").expect("valid");
        // 2026-12-01 is a Tuesday.
        assert_eq!(
            ouverture(Some(&oh), at("2026-12-01 10:00")),
            Ouverture::Ouvert
        );
        assert_eq!(
            ouverture(Some(&oh), at("2026-12-01 12:30")),
            Ouverture::OuvreBientot(at("2026-12-01 14:00"))
        );
        // Saturday noon: next opening Monday 09:00, within 48 h.
        assert_eq!(
            ouverture(Some(&oh), at("2026-12-05 12:00")),
            Ouverture::OuvreBientot(at("2026-12-07 09:00"))
        );
        // Friday 18:00: Monday 09:00 is 63 h away.
        assert_eq!(
            ouverture(Some(&oh), at("2026-12-04 18:00")),
            Ouverture::Ferme
        );
        assert_eq!(ouverture(None, at("2026-12-01 10:00")), Ouverture::Inconnue);
        assert!(analyser_horaires("tous les jours").is_none());
        assert_eq!(Ouverture::Ouvert.composante(), 1.0);
        assert_eq!(Ouverture::Ferme.composante(), 0.0);
    }

    #[test]
    fn always_open_hours() {
        let oh = analyser_horaires("24/7").expect("valid");
        assert_eq!(
            ouverture(Some(&oh), at("2026-12-25 03:00")),
            Ouverture::Ouvert
        );
    }
}
