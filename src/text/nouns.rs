//! Ground floor: what an English common noun stands for, from Princeton WordNet 3.0
//! (`person_nouns.txt` and `thing_nouns.txt`, written by `tools/nouns.py`; WordNet
//! licence, kept at the head of both lists): general knowledge of the language, not
//! read off any data set. Quote attribution asks it whether `the <noun> said` is someone
//! (`the Florida fan`, `the exercise representative`) or something (`the report said`),
//! and whether a name ends on a place or a thing (`Brick Lane`, `Super Bowl`) rather than
//! a surname.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

static PEOPLE: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::lexicon(include_str!("person_nouns.txt")));
static THINGS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::lexicon(include_str!("thing_nouns.txt")));

/// Whether `word` (lower case, singular) is a noun whose main sense is a person
/// (`representative`, `fan`, `commandant`; not `report`, `national` or `head`).
pub fn is_person_noun(word: &str) -> bool {
    PEOPLE.contains(word)
}

/// Whether `word` (lower case) is a noun whose main sense is a place or a thing that is
/// not a body of people (`lane`, `bowl`, `year`; not `steel`, `concern` or `patrol`, which
/// may head a body's name, nor a word WordNet also knows as a surname: `wood`, `bush`).
pub fn is_thing_noun(word: &str) -> bool {
    THINGS.contains(word)
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

    #[test]
    fn thing_nouns_table() {
        for noun in ["lane", "bowl", "year", "palace", "stadium", "breakfast"] {
            assert!(is_thing_noun(noun), "{noun}");
        }
        // People, bodies of people, surnames, plurals.
        for other in [
            "fan", "league", "steel", "concern", "wood", "bush", "stadiums", "",
        ] {
            assert!(!is_thing_noun(other), "{other}");
        }
    }
}
