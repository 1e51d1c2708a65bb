//! INSEE and SIREN codes as small copyable types. Codes are strings, never numbers: Corsica is
//! `2A`/`2B`, overseas départements are `971`…`976`, overseas communes `97xxx`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

/// A code that does not have the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("code {genre} invalide « {valeur} » : {attendu}")]
pub struct CodeInvalide {
    /// What kind of code was expected (`commune`, `département`…).
    pub genre: &'static str,
    /// The value received (truncated to 40 characters).
    pub valeur: String,
    /// The expected shape, in French.
    pub attendu: &'static str,
}

fn invalide(genre: &'static str, valeur: &str, attendu: &'static str) -> CodeInvalide {
    CodeInvalide {
        genre,
        valeur: valeur.chars().take(40).collect(),
        attendu,
    }
}

/// Debug, Display, serde, OpenAPI schema (a string) and FromStr for a code type with `as_str` and `parse`.
macro_rules! code_traits {
    ($name:ident) => {
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.as_str())
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .into()
            }
        }
        impl utoipa::ToSchema for $name {}
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&text).map_err(serde::de::Error::custom)
            }
        }
        impl std::str::FromStr for $name {
            type Err = CodeInvalide;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s)
            }
        }
    };
}
macro_rules! fixed_code {
    ($(#[$doc:meta])* $name:ident, $len:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name([u8; $len]);

        impl $name {
            /// The code as text.
            pub fn as_str(&self) -> &str {
                // Only ASCII alphanumerics are ever stored.
                std::str::from_utf8(&self.0).unwrap_or_default()
            }
        }

        code_traits!($name);
    };
}

fixed_code!(
    /// An INSEE commune code (`59512`, `2A004`, `97411`, `75112`).
    CodeCommune, 5
);
fixed_code!(
    /// A postal code (`59100`).
    CodePostal, 5
);
fixed_code!(
    /// The SIREN of an EPCI (9 digits).
    SirenEpci, 9
);

fn all_digits(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_digit)
}

impl CodeCommune {
    /// Parses a commune code: 5 digits, or `2A`/`2B` followed by 3 digits.
    pub fn parse(text: &str) -> Result<Self, CodeInvalide> {
        const ATTENDU: &str = "5 chiffres, ou 2A/2B suivi de 3 chiffres";
        let b = text.as_bytes();
        let ok = b.len() == 5
            && (all_digits(b)
                || (b[0] == b'2'
                    && matches!(b[1], b'A' | b'B' | b'a' | b'b')
                    && all_digits(&b[2..])));
        if !ok {
            return Err(invalide("commune", text, ATTENDU));
        }
        let mut code = [0u8; 5];
        code.copy_from_slice(b);
        code[1] = code[1].to_ascii_uppercase();
        Ok(CodeCommune(code))
    }

    /// The département the code belongs to (`97411` → `974`, `2A004` → `2A`).
    pub fn departement(&self) -> CodeDepartement {
        let len = if self.0.starts_with(b"97") || self.0.starts_with(b"98") {
            3
        } else {
            2
        };
        CodeDepartement::from_bytes(&self.0[..len])
    }
}

impl CodePostal {
    /// Parses a postal code: 5 digits.
    pub fn parse(text: &str) -> Result<Self, CodeInvalide> {
        let b = text.as_bytes();
        if b.len() != 5 || !all_digits(b) {
            return Err(invalide("postal", text, "5 chiffres"));
        }
        let mut code = [0u8; 5];
        code.copy_from_slice(b);
        Ok(CodePostal(code))
    }
}

impl SirenEpci {
    /// Parses a SIREN: 9 digits.
    pub fn parse(text: &str) -> Result<Self, CodeInvalide> {
        let b = text.as_bytes();
        if b.len() != 9 || !all_digits(b) {
            return Err(invalide("EPCI", text, "SIREN à 9 chiffres"));
        }
        let mut code = [0u8; 9];
        code.copy_from_slice(b);
        Ok(SirenEpci(code))
    }
}

/// A département code: 2 characters (`01`…`95`, `2A`, `2B`) or 3 (`971`…`976`, COM `975`…`988`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CodeDepartement {
    bytes: [u8; 3],
    len: u8,
}

impl CodeDepartement {
    fn from_bytes(b: &[u8]) -> Self {
        let mut bytes = [0u8; 3];
        bytes[..b.len()].copy_from_slice(b);
        bytes[1] = bytes[1].to_ascii_uppercase();
        CodeDepartement {
            bytes,
            len: b.len() as u8,
        }
    }

    /// Parses a département code.
    pub fn parse(text: &str) -> Result<Self, CodeInvalide> {
        const ATTENDU: &str = "2 chiffres, 2A, 2B, ou 3 chiffres commençant par 97 ou 98";
        let b = text.as_bytes();
        let ok = match b.len() {
            2 => all_digits(b) || (b[0] == b'2' && matches!(b[1], b'A' | b'B' | b'a' | b'b')),
            3 => all_digits(b) && (b.starts_with(b"97") || b.starts_with(b"98")),
            _ => false,
        };
        if !ok {
            return Err(invalide("département", text, ATTENDU));
        }
        Ok(Self::from_bytes(b))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// A région code: 2 digits (`32`, `53`), or 3 for overseas collectivities listed as their own
/// région by the source (`975`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CodeRegion {
    bytes: [u8; 3],
    len: u8,
}

impl CodeRegion {
    /// Parses a région code.
    pub fn parse(text: &str) -> Result<Self, CodeInvalide> {
        let b = text.as_bytes();
        if !(2..=3).contains(&b.len()) || !all_digits(b) {
            return Err(invalide("région", text, "2 ou 3 chiffres"));
        }
        let mut bytes = [0u8; 3];
        bytes[..b.len()].copy_from_slice(b);
        Ok(CodeRegion {
            bytes,
            len: b.len() as u8,
        })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

code_traits!(CodeDepartement);
code_traits!(CodeRegion);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commune_codes_are_strings() {
        let c = CodeCommune::parse("2A004").expect("Corsica");
        assert_eq!(c.as_str(), "2A004");
        assert_eq!(c.departement().as_str(), "2A");
        assert_eq!(
            CodeCommune::parse("2b033").expect("lower").as_str(),
            "2B033"
        );
        assert_eq!(
            CodeCommune::parse("97411")
                .expect("overseas")
                .departement()
                .as_str(),
            "974"
        );
        assert_eq!(
            CodeCommune::parse("01001")
                .expect("leading zero")
                .departement()
                .as_str(),
            "01"
        );
        for bad in ["5951", "595120", "2C004", "59 12", "", "ABCDE"] {
            assert!(CodeCommune::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn departement_codes() {
        for ok in ["01", "59", "2A", "2B", "971", "976", "988"] {
            assert_eq!(CodeDepartement::parse(ok).expect(ok).as_str(), ok);
        }
        for bad in ["1", "123", "2C", "9999", "A1"] {
            assert!(CodeDepartement::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn serde_round_trip_and_errors() {
        let c: CodeCommune = serde_json::from_str("\"59512\"").expect("valid");
        assert_eq!(serde_json::to_string(&c).expect("ser"), "\"59512\"");
        let err = serde_json::from_str::<CodeCommune>("\"595\"").expect_err("invalid");
        assert!(err.to_string().contains("code commune invalide"));
        assert!(SirenEpci::parse("200093201").is_ok());
        assert!(SirenEpci::parse("20009320").is_err());
        assert!(CodePostal::parse("59100").is_ok());
        assert!(CodeRegion::parse("32").is_ok());
    }
}
