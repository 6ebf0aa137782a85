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
/// Slots of the cache at first: 16,384 x 50 bytes, about 800 KB. A hash map of boxed
/// strings was tried first: its lookups missed memory twice and cost half of what
/// stemming had.
const SLOTS: usize = 1 << 14;
/// Slots once an analyzer has stemmed [`LARGE_AFTER`] tokens (3.3 MB): indexing's
/// vocabulary outgrows 16,384 slots (on 20,000 generated articles 9.4% of tokens missed
/// the cache and ran the stemmer; with 65,536 slots 3.3%), while the analyzers of a query
/// and its snippets, which stem a few thousand words at most, keep the small table.
const LARGE_SLOTS: usize = 1 << 16;
const LARGE_AFTER: usize = 1 << 17;

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
            cache: Vec::new(),
            stemmed: 0,
        }
    }
}

/// Tokens stemmed before the cache is made: analysing a query (a few words) never pays
/// for the 800 KB table; indexing makes it once per analyzer (and grows it, below).
const CACHE_AFTER: usize = 1024;

pub struct CachedStemmerFilter<T> {
    inner: T,
    /// Empty until [`CACHE_AFTER`] tokens were stemmed; [`LARGE_SLOTS`] after
    /// [`LARGE_AFTER`].
    cache: Vec<Slot>,
    stemmed: usize,
}

/// A clone starts with no cache: tantivy clones the registered analyzer for every query
/// and every indexing thread, and copying the table each time cost a query more than
/// searching did (measured: 30% of the hot path).
impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        CachedStemmerFilter {
            inner: self.inner.clone(),
            cache: Vec::new(),
            stemmed: 0,
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() < LARGE_SLOTS && self.stemmed >= LARGE_AFTER {
            self.cache = vec![EMPTY; LARGE_SLOTS];
        } else if self.cache.is_empty() && self.stemmed >= CACHE_AFTER {
            self.cache = vec![EMPTY; SLOTS];
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
            stemmed: &mut self.stemmed,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    cache: &'a mut Vec<Slot>,
    stemmed: &'a mut usize,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let word = token.text.as_bytes();
        *self.stemmed += 1;
        if self.cache.is_empty() {
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        }
        if word.len() > SLOT_BYTES {
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        }
        let mut h = FxHasher::default();
        h.write(word);
        let slots = self.cache.len();
        let slot = &mut self.cache[h.finish() as usize & (slots - 1)];
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
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer};

    fn tokens<T: Tokenizer>(t: &mut T, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = t.token_stream(text);
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    /// The cache changes nothing: every word of the project's corpus and a table of
    /// hard cases stem exactly as tantivy's own `Stemmer` stems them, before the cache is
    /// made and from it (the later passes), and a clone starts empty.
    #[test]
    fn cached_stems_equal_tantivys_stems() {
        let mut ours =
            CachedEnglishStemmer.transform(LowerCaser.transform(SimpleTokenizer::default()));
        let mut theirs = Stemmer::new(Language::English)
            .transform(LowerCaser.transform(SimpleTokenizer::default()));
        let corpus = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect::<Vec<_>>()
            .join("\n");
        let table = "running runs ran generously generalizations caresses ponies ties \
            agreed feed disabled matting mating meeting milling messing meetings news \
            internationalisation internationalizationsandmorewordsthanacachekeyholds";
        let mut passes = 0;
        while ours.cache.is_empty() || passes < 3 {
            for text in [corpus.as_str(), table] {
                assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text));
            }
            passes += 1;
            assert!(passes < 100, "the cache was never made");
        }
        assert!(ours.cache.iter().any(|s| s.key_len > 0));
        assert!(tokens(&mut ours, table).contains(&"poni".to_string()));
        assert!(ours.clone().cache.is_empty());
        // ... and from the large table, once made.
        while ours.cache.len() < LARGE_SLOTS {
            assert_eq!(tokens(&mut ours, &corpus), tokens(&mut theirs, &corpus));
            passes += 1;
            assert!(passes < 1000, "the large cache was never made");
        }
        for text in [corpus.as_str(), table] {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text));
        }
    }
}
