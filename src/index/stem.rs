//! Stage 5 (analysis): English stemming with a cache. The same Snowball stems as
//! tantivy's `Stemmer` (the same `frostem` crate and algorithm), remembered per analyzer
//! instance: news text repeats a small vocabulary, so most tokens are a hash lookup
//! instead of a run of the stemmer. Profiled on a generated 20k-article corpus, stemming
//! was a third of the tantivy indexing thread, the bottleneck of `index`.

use std::hash::Hasher;

use rustc_hash::FxHasher;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Longest word (and stem) a cache slot holds, in bytes; longer words are stemmed each time.
const SLOT_BYTES: usize = 24;
/// Slots of the cache: 16,384 x 50 bytes, about 800 KB, so it stays in the CPU cache. A
/// hash map of boxed strings was tried first: its lookups missed memory twice and cost
/// half of what stemming had.
const SLOTS: usize = 1 << 14;

/// One remembered word and its stem (direct-mapped: a word has exactly one slot).
#[derive(Clone, Copy)]
struct Slot {
    key_len: u8,
    stem_len: u8,
    key: [u8; SLOT_BYTES],
    stem: [u8; SLOT_BYTES],
}

const EMPTY: Slot = Slot {
    key_len: 0,
    stem_len: 0,
    key: [0; SLOT_BYTES],
    stem: [0; SLOT_BYTES],
};

/// English stemming, cached. A drop-in for `Stemmer::new(Language::English)`.
#[derive(Clone, Default)]
pub struct CachedEnglishStemmer;

impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: vec![EMPTY; SLOTS].into_boxed_slice(),
        }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: Box<[Slot]>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    cache: &'a mut [Slot],
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let word = token.text.as_bytes();
        if word.len() > SLOT_BYTES {
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        }
        let mut h = FxHasher::default();
        h.write(word);
        let slot = &mut self.cache[h.finish() as usize & (SLOTS - 1)];
        if slot.key_len as usize == word.len() && &slot.key[..word.len()] == word {
            let stem = &slot.stem[..slot.stem_len as usize];
            token.text.clear();
            // The slot holds bytes copied from a `str` stem: valid UTF-8.
            token
                .text
                .push_str(std::str::from_utf8(stem).expect("stem is UTF-8"));
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if stem.len() <= SLOT_BYTES {
            slot.key_len = word.len() as u8;
            slot.key[..word.len()].copy_from_slice(word);
            slot.stem_len = stem.len() as u8;
            slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    /// The cache changes nothing: every word of the project's corpus and a table of
    /// hard cases stem exactly as tantivy's own `Stemmer` stems them, twice over (the
    /// second pass is served from the cache).
    #[test]
    fn cached_stems_equal_tantivys_stems() {
        let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedEnglishStemmer)
            .build();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let corpus = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect::<Vec<_>>()
            .join("\n");
        let table = "running runs ran generously generalizations caresses ponies ties \
            agreed feed disabled matting mating meeting milling messing meetings news \
            internationalisation internationalizationsandmorewordsthanacachekeyholds";
        for text in [corpus.as_str(), table, corpus.as_str(), table] {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text));
        }
        assert!(tokens(&mut ours, table).contains(&"poni".to_string()));
    }
}
