//! The typed ids of each data·inclusion referential.

use super::{Code, CodeList, Referentiels};

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $field:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        impl Code for $name {
            fn liste() -> &'static CodeList {
                &Referentiels::get().$field
            }
            fn from_index(index: usize) -> Self {
                $name(index as u8)
            }
            fn index(self) -> usize {
                usize::from(self.0)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.code())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                super::schema::schema_code::<$name>().into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$name as Code>::parse(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "code inconnu « {} » pour {}",
                        code,
                        <$name as Code>::liste().nom()
                    ))
                })
            }
        }
    };
}

code_type!(
    /// A category of thematiques (`mobilite`).
    Categorie, categories
);
code_type!(
    /// A thematique (`mobilite--preparer-un-permis`).
    Thematique, thematiques
);
code_type!(
    /// A public (`jeunes`, `tous-publics`).
    Public, publics
);
code_type!(
    /// A type de service (`accompagnement`).
    TypeService, types
);
code_type!(
    /// Frais (`gratuit`, `payant`).
    Frais, frais
);
code_type!(
    /// A mode d'accueil (`en-presentiel`, `a-distance`).
    ModeAccueil, modes_accueil
);
code_type!(
    /// A mode de mobilisation (`telephoner`, …).
    ModeMobilisation, modes_mobilisation
);
code_type!(
    /// Who may mobilise a service (`usagers`, `professionnels`).
    PersonneMobilisatrice, personnes_mobilisatrices
);
code_type!(
    /// A réseau porteur (`aci`, `siao`, `mission-locale`).
    ReseauPorteur, reseaux_porteurs
);

impl PersonneMobilisatrice {
    /// The `usagers` code: the person can mobilise the service herself.
    pub fn usagers() -> PersonneMobilisatrice {
        #[allow(clippy::expect_used)]
        PersonneMobilisatrice::parse("usagers").expect("usagers is in the schema")
    }
}

impl Public {
    /// The `tous-publics` code: alone, it means everyone.
    pub fn tous_publics() -> Public {
        #[allow(clippy::expect_used)]
        Public::parse("tous-publics").expect("tous-publics is in the schema")
    }
}
