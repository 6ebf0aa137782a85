//! Ground floor: text knowledge every stage may use (formats, cleaning, extraction,
//! indexing) and that uses none of them.

pub mod agencies;
pub mod dates;
pub mod given_names;
pub mod minhash;
pub mod names;
pub mod nouns;
pub mod places;
pub mod spaces;

pub use spaces::squash;

/// The entries of a compiled-in word list: one per line, `#` lines and empty ones left out.
pub(crate) fn lexicon(text: &'static str) -> rustc_hash::FxHashSet<&'static str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}
