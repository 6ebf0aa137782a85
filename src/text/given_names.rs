//! Ground floor: given names. The first names of Faker's person providers, 86 locales
//! (`given_names.txt`, written by `tools/given_names.py`; MIT licence): general knowledge
//! of names, not read off any data set. Quote attribution asks it whether a capitalised
//! phrase starts like a person's name (`Abby Dunn`) or not (`Ocean Florida`, `English
//! Ivy`): a hint that weighs with the others, never a list of who may speak.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

static GIVEN: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::lexicon(include_str!("given_names.txt")));

/// Whether `word` is a given name as written (`Abby`, `Radek`, `Mohlomi` is not; `abby`
/// is not: names are capitalised).
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
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
}
