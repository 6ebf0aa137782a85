//! Ground floor: given names. The first names of Faker's person providers, 86 locales
//! (`given_names.txt`, written by `tools/given_names.py`; MIT licence): general knowledge
//! of names, not read off any data set. Quote attribution asks it whether a capitalised
//! phrase starts like a person's name (`Abby Dunn`) or not (`Ocean Florida`, `English
//! Ivy`): a hint that weighs with the others, never a list of who may speak. Faker keeps
//! men's and women's names apart: a name only one kind of list holds tells whom `he` or
//! `she` can stand for (`Gary` is no `she`); one both hold (`Jamie`) tells nothing.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Whom a given name is a name of, when the lexicon tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Each given name, with its gender when only one kind of list holds it.
static GIVEN: LazyLock<FxHashMap<&'static str, Option<Gender>>> = LazyLock::new(|| {
    include_str!("given_names.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('\t') {
            Some((name, "m")) => (name, Some(Gender::Male)),
            Some((name, "f")) => (name, Some(Gender::Female)),
            _ => (l, None),
        })
        .collect()
});

/// Whether `word` is a given name as written (`Abby`, `Radek`, `Mohlomi` is not; `abby`
/// is not: names are capitalised).
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains_key(word)
}

/// The gender of the given name `word` when only lists of men's or only lists of
/// women's names hold it (`Gary`, `Sandra`); `None` for a name of either (`Jamie`,
/// `Alex`) or no given name.
pub fn given_name_gender(word: &str) -> Option<Gender> {
    GIVEN.get(word).copied().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_table() {
        for name in [
            "Abby", "Radek", "Amina", "José", "Olga", "Chinedu", "Hiroshi", "Priya",
        ] {
            assert!(is_given_name(name), "{name}");
        }
        // Places, common words, titles, months and lower case are left out.
        for other in [
            "Georgia", "Will", "May", "King", "Judge", "June", "Ocean", "abby", "",
        ] {
            assert!(!is_given_name(other), "{other}");
        }
    }

    #[test]
    fn given_name_genders_table() {
        for (name, gender) in [
            ("Gary", Some(Gender::Male)),
            ("Tony", Some(Gender::Male)),
            ("Vladimir", Some(Gender::Male)),
            ("Sandra", Some(Gender::Female)),
            ("Aisha", Some(Gender::Female)),
            ("Ursula", Some(Gender::Female)),
            // Names of men and of women, and words that are no given name.
            ("Jamie", None),
            ("Alex", None),
            ("Taylor", None),
            ("Georgia", None),
            ("gary", None),
        ] {
            assert_eq!(given_name_gender(name), gender, "{name}");
        }
    }
}
