//! Ground floor: nouns that stand for a person. The English common nouns whose main
//! sense in Princeton WordNet 3.0 is a person (`person_nouns.txt`, written by
//! `tools/person_nouns.py`; WordNet licence, kept at the head of the list): general
//! knowledge of the language, not read off any data set. Quote attribution asks it
//! whether `the <noun> said` is someone (`the Florida fan`, `the exercise
//! representative`) or something (`the report said`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

static NOUNS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::lexicon(include_str!("person_nouns.txt")));

/// Whether `word` (lower case, singular) is a noun for a person (`representative`,
/// `fan`, `commandant`; not `report`, `national` or `head`, whose main senses are not).
pub fn is_person_noun(word: &str) -> bool {
    NOUNS.contains(word)
}

/// Every noun of the list, in its order (for patterns built from it).
pub fn person_nouns() -> impl Iterator<Item = &'static str> {
    include_str!("person_nouns.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_nouns_table() {
        for noun in [
            "representative",
            "fan",
            "official",
            "commandant",
            "resident",
            "host",
            "spokesman",
            "teacher",
            "liberal",
        ] {
            assert!(is_person_noun(noun), "{noun}");
        }
        // Other main senses, words used more as adjectives or verbs, participles, plurals
        // and names.
        for other in [
            "report",
            "witness",
            "accused",
            "head",
            "source",
            "national",
            "native",
            "residents",
            "Fan",
            "churchill",
            "",
        ] {
            assert!(!is_person_noun(other), "{other}");
        }
    }
}
