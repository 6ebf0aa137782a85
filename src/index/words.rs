//! Stage 5 (analysis): cutting text into words, with an ASCII fast path.
//!
//! newsidx's analysers are chains of tantivy token filters: words cut as tantivy's
//! `SimpleTokenizer` cuts them (runs of alphanumeric characters), words of 60 bytes or
//! more dropped, lower-casing, Cyrillic stems, romanisation, accent folding (then English
//! stemming, for text). For an ASCII word all but the cutting, the length check and the
//! lower-casing leave it as it is, yet each filter looked at every word again (each checks
//! that it is ASCII): the chain before stemming was a quarter of tantivy's indexing
//! thread, the bottleneck of `index`. [`Words`] cuts and lower-cases ASCII words in one
//! pass over the text and sends only the other words (accents, Cyrillic, other scripts)
//! through the chain, one word at a time: the same tokens, offsets and positions
//! (`words_are_the_chains_tokens` compares them on every kind of text).

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Words of this many bytes or more are dropped (tantivy's `RemoveLongFilter` limit, as
/// the chain sets it); they still take a position.
pub const LONGEST_WORD: usize = 60;

/// Cuts text into words; ASCII words are lower-cased here, the others go through `chain`.
///
/// Invariant: `chain` must begin with `SimpleTokenizer` and `RemoveLongFilter::limit(`
/// [`LONGEST_WORD`]`)`, and its filters after them must leave lower-case ASCII words as
/// they are; then `Words::new(chain)` gives exactly the tokens `chain` gives.
#[derive(Clone)]
pub struct Words {
    chain: TextAnalyzer,
}

impl Words {
    pub fn new(chain: TextAnalyzer) -> Words {
        Words { chain }
    }
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            text,
            words: spans(text),
            position: usize::MAX,
            token: Token::default(),
            chain: &mut self.chain,
            pending: Vec::new(),
        }
    }
}

pub struct WordStream<'a> {
    text: &'a str,
    words: Spans<'a>,
    /// Position of the last word cut (`usize::MAX` before the first, as in tantivy).
    position: usize,
    token: Token,
    chain: &'a mut TextAnalyzer,
    /// The chain's tokens of the current non-ASCII word not yet emitted, last first.
    pending: Vec<Token>,
}

/// The words of a text as tantivy's `SimpleTokenizer` cuts them (runs of alphanumeric
/// characters), in order: each word's byte range and whether it is all ASCII. The one
/// definition of a word for indexing and for finding words in shown text (snippets).
pub fn spans(text: &str) -> Spans<'_> {
    Spans { text, at: 0 }
}

/// The iterator of [`spans`].
pub struct Spans<'a> {
    text: &'a str,
    /// Where the next word is looked for (a byte offset).
    at: usize,
}

impl Iterator for Spans<'_> {
    type Item = (usize, usize, bool);

    fn next(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        // Skip to the next alphanumeric character.
        let from = loop {
            let &b = bytes.get(i)?;
            match BYTE_CLASS[b as usize] {
                ALNUM => break i,
                OTHER => i += 1,
                _ => {
                    let c = self.text[i..].chars().next()?;
                    if c.is_alphanumeric() {
                        break i;
                    }
                    i += c.len_utf8();
                }
            }
        };
        let mut ascii = true;
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASS[b as usize] {
                ALNUM => i += 1,
                OTHER => break,
                _ => match self.text[i..].chars().next() {
                    Some(c) if c.is_alphanumeric() => {
                        ascii = false;
                        i += c.len_utf8();
                    }
                    _ => break,
                },
            }
        }
        self.at = i;
        Some((from, i, ascii))
    }
}

/// What a byte is to the word cutter: an ASCII letter or digit, other ASCII, or part of
/// a longer character (decoded to tell).
const ALNUM: u8 = 0;
const OTHER: u8 = 1;
const MULTI_BYTE: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut table = [MULTI_BYTE; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(t) = self.pending.pop() {
            self.token = t;
            return true;
        }
        for (from, to, ascii) in self.words.by_ref() {
            self.position = self.position.wrapping_add(1);
            if ascii {
                if to - from >= LONGEST_WORD {
                    continue;
                }
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.position = self.position;
                self.token.position_length = 1;
                self.token.text.clear();
                self.token.text.push_str(&self.text[from..to]);
                self.token.text.make_ascii_lowercase();
                return true;
            }
            // The chain on the word alone: one word (the chain's tokenizer cuts it the
            // same way), at position 0, perhaps with a second token there (a stem).
            let mut stream = self.chain.token_stream(&self.text[from..to]);
            while let Some(t) = stream.next() {
                self.pending.push(Token {
                    offset_from: from + t.offset_from,
                    offset_to: from + t.offset_to,
                    position: self.position.wrapping_add(t.position),
                    text: t.text.clone(),
                    position_length: t.position_length,
                });
            }
            self.pending.reverse();
            if let Some(t) = self.pending.pop() {
                self.token = t;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::{name_chain, text_chain};

    type Tok = (usize, usize, usize, String, usize);

    fn collect(mut s: impl TokenStream) -> Vec<Tok> {
        let mut out = Vec::new();
        while let Some(t) = s.next() {
            out.push((
                t.position,
                t.offset_from,
                t.offset_to,
                t.text.clone(),
                t.position_length,
            ));
        }
        out
    }

    fn assert_same(text: &str) {
        for chain in [text_chain(), name_chain()] {
            let mut words = Words::new(chain.clone());
            let mut chain = chain;
            let (ours, theirs) = (words.token_stream(text), chain.token_stream(text));
            assert_eq!(collect(ours), collect(theirs), "{text:?}");
        }
    }

    #[test]
    fn words_table() {
        let long_ascii = "a".repeat(LONGEST_WORD);
        let just_short = "b".repeat(LONGEST_WORD - 1);
        let long_cyrillic = "ж".repeat(LONGEST_WORD / 2);
        for text in [
            "",
            "Hello, happy tax payer!",
            "  Café naïve ÉCOLE  ",
            "у Суджи Kursk",
            "İstanbul ΣΟΦΟΣ Straße ﬁnal",
            "中文 ٣٤ x1 9",
            "e\u{301}t\u{301}e",
            long_ascii.as_str(),
            just_short.as_str(),
            long_cyrillic.as_str(),
            &format!("{long_ascii} after {long_cyrillic} end"),
        ] {
            assert_same(text);
        }
        // Positions count dropped words: `after` is the second word.
        let mut words = Words::new(text_chain());
        let text = format!("{long_ascii} After");
        let got = collect(words.token_stream(&text));
        assert_eq!(
            got,
            [(1, LONGEST_WORD + 1, LONGEST_WORD + 6, "after".into(), 1)]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The fast path gives the chain's tokens, offsets and positions on any text.
        #[test]
        fn words_are_the_chains_tokens(
            text in crate::testing::text_of(
                vec![
                    "Hello", "WORLD", "a", "9", "x1", " ", ",", ".", "-", "_", "’", "“", "\n",
                    "é", "É", "Café", "naïve", "Суджа", "СУДЖИ", "ёлка", "İ", "ΣΟΦΟΣ", "ß",
                    "ﬁ", "中文", "٣", "ǅ", "\u{301}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "жжжжжжжжжжжжжжж",
                ],
                0..40,
            )
        ) {
            for chain in [text_chain(), name_chain()] {
                let mut words = Words::new(chain.clone());
                let mut chain = chain;
                let (ours, theirs) = (collect(words.token_stream(&text)), collect(chain.token_stream(&text)));
                proptest::prop_assert_eq!(ours, theirs, "{:?}", text);
            }
        }
    }
}
