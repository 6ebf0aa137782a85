//! Stage 5 (analysis): English stemming with a cache. The same Snowball stems as
//! tantivy's `Stemmer` (the same `frostem` crate and algorithm), remembered per analyzer
//! instance: news text repeats a small vocabulary, so most tokens are a hash lookup
//! instead of a run of the stemmer. Profiled on a generated 20k-article corpus, stemming
//! was a third of the tantivy indexing thread, the bottleneck of `index`.

use std::hash::Hasher;

use rustc_hash::FxHasher;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Longest word a cache slot holds, in bytes; longer words are stemmed each time.
const KEY_BYTES: usize = 24;
/// Longest ending a stem adds to the part of its word it keeps (`i` of `studi`, `e` of
/// `hope`, `ble` of `possibl`... from `possibility`); stems adding more are not cached.
const TAIL_BYTES: usize = 5;
/// Slots of the cache at first: 16,384 x 32 bytes, 512 KB.
const SLOTS: usize = 1 << 14;
/// Slots once an analyzer has stemmed [`LARGE_AFTER`] tokens (2 MB): indexing's
/// vocabulary outgrows 16,384 slots (on 20,000 generated articles 9.4% of tokens missed
/// the cache and ran the stemmer; with 65,536 slots 3.3%), while the analyzers of a query
/// and its snippets, which stem a few thousand words at most, keep the small table.
const LARGE_SLOTS: usize = 1 << 16;
const LARGE_AFTER: usize = 1 << 17;

/// One remembered word and its stem (direct-mapped: a word has exactly one slot). A stem
/// is its word's first `keep` bytes and a short `tail`, so a slot is 32 bytes and
/// aligned: a lookup touches one cache line (a slot holding the whole stem was 50 bytes
/// and crossed a line three times in four; its lookups were a fifth of the indexing
/// thread, nearly all of it waiting on memory), and a hit truncates the word in place
/// instead of copying the stem over it.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key_len: u8,
    keep: u8,
    tail_len: u8,
    tail: [u8; TAIL_BYTES],
    key: [u8; KEY_BYTES],
}

const EMPTY: Slot = Slot {
    key_len: 0,
    keep: 0,
    tail_len: 0,
    tail: [0; TAIL_BYTES],
    key: [0; KEY_BYTES],
};

/// Words of this many bytes or fewer are their own stem (Snowball's English stemmer
/// leaves words of one or two letters alone): they skip the stemmer and the cache.
const OWN_STEM_BYTES: usize = 2;

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
        if word.len() <= OWN_STEM_BYTES {
            return true;
        }
        if self.cache.is_empty() || word.len() > KEY_BYTES {
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        }
        let mut h = FxHasher::default();
        h.write(word);
        let slots = self.cache.len();
        let slot = &mut self.cache[h.finish() as usize & (slots - 1)];
        if slot.key_len as usize == word.len() && &slot.key[..word.len()] == word {
            token.text.truncate(slot.keep as usize);
            // The tail was cut from a `str` stem at a character boundary: valid UTF-8.
            let tail = std::str::from_utf8(&slot.tail[..slot.tail_len as usize]);
            token.text.push_str(tail.expect("stem tail is UTF-8"));
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        let mut keep = word
            .iter()
            .zip(stem.as_bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !stem.is_char_boundary(keep) {
            keep -= 1;
        }
        let tail = &stem.as_bytes()[keep..];
        if tail.len() <= TAIL_BYTES {
            slot.key_len = word.len() as u8;
            slot.key[..word.len()].copy_from_slice(word);
            slot.keep = keep as u8;
            slot.tail_len = tail.len() as u8;
            slot.tail[..tail.len()].copy_from_slice(tail);
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
            internationalisation internationalizationsandmorewordsthanacachekeyholds \
            possibility skies dying naïvetés résumés façades ñandúes ÿes œuvres ıi";
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
        assert!(ours
            .cache
            .iter()
            .any(|s| s.keep as usize != s.key_len as usize));
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

    /// [`OWN_STEM_BYTES`]: every word that short skips the stemmer, so it must be its
    /// own stem.
    #[test]
    fn short_words_are_their_own_stems() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let chars = ('a'..='z')
            .chain('0'..='9')
            .chain(['é', 'ß', 'ı', 'α', 'ж']);
        let mut words: Vec<String> = chars.clone().map(String::from).collect();
        for a in chars.clone() {
            for b in chars.clone() {
                words.push(format!("{a}{b}"));
            }
        }
        for w in words.iter().filter(|w| w.len() <= OWN_STEM_BYTES) {
            assert_eq!(stemmer.stem(w), w.as_str());
        }
        assert!(words.iter().filter(|w| w.len() == OWN_STEM_BYTES).count() > 1000);
    }
}
