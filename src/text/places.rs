//! Ground floor: place names. Countries and their first-level divisions (states,
//! provinces, nations) as stories write them, from the ISO 3166 names of Debian's
//! iso-codes package (`places.txt`, written by `tools/places.py`): general knowledge, not
//! read off any data set. Quote attribution asks it whether a name that speaks is a
//! place (`Kansas`, `Israel`) rather than a person or a body.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

static PLACES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::lexicon(include_str!("places.txt")));

/// Whether `name` is a country or a first-level division of one, as written
/// (`Kansas`, `South Korea`, `UK`).
pub fn is_place(name: &str) -> bool {
    PLACES.contains(name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_table() {
        for place in [
            "Kansas",
            "Israel",
            "US",
            "UK",
            "Wales",
            "South Korea",
            "Texas",
        ] {
            assert!(is_place(place), "{place}");
        }
        for other in ["Goldman Sachs", "Ann Lee", "Reuters", "kansas", ""] {
            assert!(!is_place(other), "{other}");
        }
    }
}
