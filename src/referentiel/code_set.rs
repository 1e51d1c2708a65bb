//! A set of codes of one referential as a 128-bit bitset: the column type of the index.

use std::fmt;
use std::marker::PhantomData;

use serde::ser::SerializeSeq;

use super::Code;

/// A set of typed codes, stored as one `u128` (every referential has at most 128 codes).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeSet<T> {
    bits: u128,
    marker: PhantomData<T>,
}

impl<T> Default for CodeSet<T> {
    fn default() -> Self {
        CodeSet {
            bits: 0,
            marker: PhantomData,
        }
    }
}

impl<T: Code> CodeSet<T> {
    /// The empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `code`; returns whether it was new.
    pub fn insert(&mut self, code: T) -> bool {
        let bit = 1u128 << code.index();
        let new = self.bits & bit == 0;
        self.bits |= bit;
        new
    }

    /// Whether `code` is in the set.
    pub fn contains(&self, code: T) -> bool {
        self.bits & (1u128 << code.index()) != 0
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// Whether the two sets share a code.
    pub fn intersects(&self, other: &CodeSet<T>) -> bool {
        self.bits & other.bits != 0
    }

    /// The codes in both sets.
    pub fn intersection(&self, other: &CodeSet<T>) -> CodeSet<T> {
        CodeSet {
            bits: self.bits & other.bits,
            marker: PhantomData,
        }
    }

    /// The codes in either set.
    pub fn union(&self, other: &CodeSet<T>) -> CodeSet<T> {
        CodeSet {
            bits: self.bits | other.bits,
            marker: PhantomData,
        }
    }

    /// The raw bits (bit `i` is the code at index `i`).
    pub fn bits(&self) -> u128 {
        self.bits
    }

    /// A set from raw bits (bits beyond the list length are ignored by iteration only if unset:
    /// callers pass bits produced by [`CodeSet::bits`]).
    pub fn from_bits(bits: u128) -> Self {
        CodeSet {
            bits,
            marker: PhantomData,
        }
    }

    /// Codes in referential order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        let mut bits = self.bits;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(T::from_index(i))
        })
    }
}

impl<T: Code> FromIterator<T> for CodeSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = CodeSet::new();
        for code in iter {
            set.insert(code);
        }
        set
    }
}

impl<T: Code> fmt::Debug for CodeSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|c| c.code()))
            .finish()
    }
}

impl<T: Code> serde::Serialize for CodeSet<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for code in self.iter() {
            seq.serialize_element(code.code())?;
        }
        seq.end()
    }
}

impl<'de, T: Code> serde::Deserialize<'de> for CodeSet<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let codes = Vec::<std::borrow::Cow<'de, str>>::deserialize(d)?;
        codes
            .iter()
            .map(|c| {
                T::parse(c).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "code inconnu « {c} » pour {}",
                        T::liste().nom()
                    ))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referentiel::ReseauPorteur;

    #[test]
    fn set_operations() {
        let all: CodeSet<ReseauPorteur> = ReseauPorteur::tous().collect();
        assert_eq!(all.len(), 108);
        let siao = ReseauPorteur::parse("siao").expect("known");
        let wimoov = ReseauPorteur::parse("wimoov").expect("known");
        let mut s = CodeSet::new();
        assert!(s.insert(wimoov));
        assert!(!s.insert(wimoov));
        assert!(s.insert(siao));
        assert_eq!(s.len(), 2);
        assert!(s.contains(siao));
        let codes: Vec<_> = s.iter().map(|c| c.code()).collect();
        assert_eq!(codes, ["siao", "wimoov"]);
        assert_eq!(
            serde_json::to_string(&s).expect("serialises"),
            r#"["siao","wimoov"]"#
        );
        let only: CodeSet<_> = [siao].into_iter().collect();
        assert!(s.intersects(&only));
        assert_eq!(s.intersection(&only), only);
        assert_eq!(only.union(&s), s);
    }
}
