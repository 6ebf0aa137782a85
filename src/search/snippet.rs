//! Stage 6b: snippets. A passage of the body around the best match, with the matched
//! words' byte ranges, built from the query's own [`Matcher`]s so that prefixes and typo
//! matches are highlighted too (tantivy's generator only knows exact terms).
//!
//! The passage is the window of at most `max_chars` characters holding the most distinct
//! query terms (then the most matches, then the earliest), started at the beginning of
//! its sentence when that is near, so snippets read from a sentence start.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use tantivy::tokenizer::TextAnalyzer;

use super::query::Matcher;

/// A passage and the byte ranges of matched words in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

/// Makes snippets for one query.
pub struct Snippeter {
    analyzer: TextAnalyzer,
    matchers: Vec<Matcher>,
    /// Finds the anchors (leading letters a word must have to possibly match) in a body
    /// at once, in its ASCII-lowercased copy; None when a typo matcher makes every word a
    /// candidate.
    finder: Option<Finder>,
    /// The body being matched, ASCII lower-cased (same byte offsets), reused per body.
    lower: Vec<u8>,
    max_chars: usize,
    /// What each candidate word analysed to, for this query: the shown bodies share most
    /// of their words (`the`, `said`), and analysing (stemming) a word costs far more
    /// than looking it up.
    seen: FxHashMap<Box<str>, Option<(usize, usize, usize)>>,
}

/// How far back (in characters) a window may start to begin at its sentence.
const SENTENCE_LOOKBACK: usize = 80;

impl Snippeter {
    /// `analyzer` must be the body field's, so tokens compare with the matchers' terms.
    pub fn new(analyzer: TextAnalyzer, matchers: Vec<Matcher>, max_chars: usize) -> Self {
        let anchors: Option<Vec<String>> = matchers
            .iter()
            .map(|m| match m {
                Matcher::Term(t) | Matcher::Prefix(t) => Some(anchor(t).to_string()),
                Matcher::Fuzzy(..) => None,
            })
            .collect();
        let finder = anchors.and_then(|a| Finder::new(a.iter().map(|x| x.to_ascii_lowercase())));
        Snippeter {
            analyzer,
            matchers,
            finder,
            max_chars: max_chars.max(20),
            seen: FxHashMap::default(),
            lower: Vec::new(),
        }
    }

    /// The best passage of `body`; its first line (cut to size) when nothing matches.
    pub fn snippet(&mut self, body: &str) -> Snippet {
        self.snippet_and_matches(body).0
    }

    /// [`Self::snippet`], and the byte ranges of every match in the whole body (so callers
    /// can highlight passages of the body, such as its quotes, without matching again).
    pub fn snippet_and_matches(&mut self, body: &str) -> (Snippet, Vec<(usize, usize)>) {
        let found = self.matches(body);
        let all = found.iter().map(|m| (m.0, m.1)).collect();
        (self.snippet_from(body, &found), all)
    }

    fn snippet_from(&mut self, body: &str, found: &[(usize, usize, usize)]) -> Snippet {
        if found.is_empty() {
            return Snippet {
                text: lead(body, self.max_chars),
                highlights: Vec::new(),
            };
        }
        let (start, end) = self.best_window(body, found);
        let start = use_spare_room(body, start, end, self.max_chars);
        let mut text = String::with_capacity(end - start + 8);
        let mut shift = 0usize;
        if start > 0 && !at_sentence_start(body, start) {
            text.push('…');
            shift = '…'.len_utf8();
        }
        // Paragraph breaks become spaces (same length: offsets hold).
        text.push_str(&body[start..end].replace('\n', " "));
        if end < body.len() {
            text.push('…');
        }
        let highlights = found
            .iter()
            .filter(|m| m.0 >= start && m.1 <= end)
            .map(|m| (m.0 - start + shift, m.1 - start + shift))
            .collect();
        Snippet { text, highlights }
    }

    /// Byte ranges of every match in the whole of `text` (for short texts: quotes).
    pub fn highlight_all(&mut self, text: &str) -> Vec<(usize, usize)> {
        self.matches(text)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect()
    }

    /// Whether the query has positive terms to match on this field at all.
    pub fn has_matchers(&self) -> bool {
        !self.matchers.is_empty()
    }

    /// (start, end, matcher index) of every matching token, in text order.
    ///
    /// Fast path: analysing (stemming) every word of every shown body was nine tenths of
    /// the search time. A stem differs from its word only in the last letters (`studies`
    /// -> `studi`, `dying` -> `die`), so an ASCII word can only match a term or prefix
    /// whose first letters but two it starts with. Those anchors are found with one
    /// Aho-Corasick pass over the body; only the words they start, and words with
    /// non-ASCII letters (accents, Cyrillic), are analysed. Typo matchers have no anchor:
    /// with one, every word is analysed.
    fn matches(&mut self, body: &str) -> Vec<(usize, usize, usize)> {
        if self.matchers.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let candidates = match &self.finder {
            Some(finder) => {
                self.lower.clear();
                self.lower.extend_from_slice(body.as_bytes());
                self.lower.make_ascii_lowercase();
                candidate_words(body, &self.lower, finder)
            }
            // Typo matchers: every word may match, but each distinct word is analysed
            // once per query (analysing every token of every shown body was two fifths
            // of a typo query's search).
            None => all_words(body),
        };
        for (start, end) in candidates {
            let word = &body[start..end];
            let found = match self.seen.get(word) {
                Some(found) => *found,
                None => {
                    let found = self.analyse_word(word);
                    self.seen.insert(word.into(), found);
                    found
                }
            };
            if let Some((from, to, i)) = found {
                out.push((start + from, start + to, i));
            }
        }
        out
    }

    /// [`Self::matches`] by analysing the whole text as the index does: what the word
    /// paths must find.
    #[cfg(test)]
    fn matches_by_analysis(&mut self, body: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = self.analyzer.token_stream(body);
        while let Some(t) = stream.next() {
            if let Some(i) = self.matchers.iter().position(|m| matches(m, &t.text)) {
                if out
                    .last()
                    .is_none_or(|l: &(usize, usize, usize)| l.0 != t.offset_from)
                {
                    out.push((t.offset_from, t.offset_to, i));
                }
            }
        }
        out
    }

    /// The first token of one candidate word that a matcher takes: (start, end) in the
    /// word and the matcher's index. A word is one token, or a few at the same offsets (a
    /// Cyrillic word and its stem), so it holds one match at most.
    fn analyse_word(&mut self, word: &str) -> Option<(usize, usize, usize)> {
        let mut stream = self.analyzer.token_stream(word);
        while let Some(t) = stream.next() {
            if let Some(i) = self.matchers.iter().position(|m| matches(m, &t.text)) {
                return Some((t.offset_from, t.offset_to, i));
            }
        }
        None
    }

    /// Byte range of the best window.
    fn best_window(&self, body: &str, found: &[(usize, usize, usize)]) -> (usize, usize) {
        let mut best: Option<((usize, usize), (usize, usize))> = None;
        let mut seen = vec![false; self.matchers.len()];
        for (i, first) in found.iter().enumerate() {
            let start = window_start(body, first.0);
            let end = window_end(body, start, self.max_chars);
            seen.iter_mut().for_each(|s| *s = false);
            let mut count = 0;
            for m in found[i..].iter().take_while(|m| m.1 <= end) {
                seen[m.2] = true;
                count += 1;
            }
            let distinct = seen.iter().filter(|s| **s).count();
            if best.is_none_or(|(score, _)| (distinct, count) > score) {
                best = Some(((distinct, count), (start, end)));
            }
        }
        best.map(|(_, w)| w).unwrap_or((0, 0))
    }
}

/// The letters an ASCII word must start with (lower-cased) to possibly analyse to `term`,
/// or to a stem starting with it. An English stem keeps its word's letters but the last
/// (`happi` <- happy, `hope` <- hoping, `studi` <- studies), except the stems in `ie` of
/// `dying`, `lying`, `tying`, `vying`, which keep one letter fewer. Checked on every word of
/// the BBC corpus by tests/snippet_anchors.rs. At least one letter.
pub fn anchor(term: &str) -> &str {
    let margin = if term.ends_with("ie") { 2 } else { 1 };
    let keep = term.chars().count().saturating_sub(margin).max(1);
    term.char_indices()
        .nth(keep)
        .map_or(term, |(i, _)| &term[..i])
}

/// Byte spans of the words (runs of alphanumeric characters, as tantivy's
/// SimpleTokenizer cuts them) that may match: those starting with an anchor, found by
/// `finder`, and every word with a non-ASCII letter (accents fold, Cyrillic romanises:
/// their analysed form cannot be told from their bytes). Sorted, each once.
fn candidate_words(body: &str, lower: &[u8], finder: &Finder) -> Vec<(usize, usize)> {
    let bytes = body.as_bytes();
    let alnum_before = |at: usize| {
        body[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let word_end = |from: usize| {
        body[from..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(body.len(), |(i, _)| from + i)
    };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut found = |at: usize| {
        // Leftmost matches, not overlapping: an anchor is letters only, so a match lies
        // inside one word and can hide no other word's start.
        if !alnum_before(at) && spans.last().is_none_or(|l| l.0 != at) {
            spans.push((at, word_end(at)));
        }
    };
    match finder {
        Finder::Packed(p) => p.find_iter(lower).for_each(|m| found(m.start())),
        Finder::Automaton(a) => a.find_iter(lower).for_each(|m| found(m.start())),
    }
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0xC0 {
            i = next_lead_byte(bytes, i + 1);
            continue;
        }
        let c = body[i..].chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let mut start = i;
        while let Some(p) = body[..start]
            .chars()
            .next_back()
            .filter(|p| p.is_alphanumeric())
        {
            start -= p.len_utf8();
        }
        let end = word_end(i);
        spans.push((start, end));
        i = end.max(i + 1);
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// Byte spans of every word (run of alphanumeric characters, as tantivy's SimpleTokenizer
/// cuts them), in order.
fn all_words(body: &str) -> Vec<(usize, usize)> {
    crate::index::words::spans(body)
        .map(|(from, to, _)| (from, to))
        .collect()
}

/// The first position from `from` holding the lead byte of a multi-byte character
/// (`bytes.len()` if none). ASCII is skipped 32 bytes at a time (four words OR-ed, which
/// the compiler turns into two vector loads): most of a news body is ASCII, this scan runs
/// over every shown body, and at eight bytes a step it was half of matching a body.
fn next_lead_byte(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from.min(bytes.len());
    loop {
        while let Some(chunk) = bytes.get(i..i + 32) {
            let word =
                |k: usize| u64::from_le_bytes(chunk[k * 8..k * 8 + 8].try_into().unwrap_or([0; 8]));
            if (word(0) | word(1) | word(2) | word(3)) & HIGH != 0 {
                break;
            }
            i += 32;
        }
        // The next 32 bytes (or the rest) hold a non-ASCII byte, or are the end.
        let end = (i + 32).min(bytes.len());
        if let Some(p) = bytes[i..end].iter().position(|&b| b >= 0xC0) {
            return i + p;
        }
        if end == bytes.len() {
            return end;
        }
        i = end;
    }
}

fn matches(m: &Matcher, token: &str) -> bool {
    match m {
        Matcher::Term(t) => token == t,
        Matcher::Prefix(p) => token.starts_with(p.as_str()),
        Matcher::Fuzzy(t, d) => within_distance(t, token, *d as usize),
    }
}

/// A multi-pattern search for the (lower-case) anchors. Teddy, aho-corasick's packed SIMD
/// searcher, builds in well under a microsecond; building the automaton was a tenth of a
/// rare word's search. The automaton serves where Teddy cannot (no SIMD, many patterns).
enum Finder {
    Packed(aho_corasick::packed::Searcher),
    Automaton(AhoCorasick),
}

impl Finder {
    fn new(anchors: impl Iterator<Item = String>) -> Option<Finder> {
        let anchors: Vec<String> = anchors.collect();
        let packed = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(&anchors)
            .build();
        if let Some(p) = packed {
            return Some(Finder::Packed(p));
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&anchors)
            .ok()
            .map(Finder::Automaton)
    }
}

/// Where a window showing a match at `at` starts: its sentence start when near, else a
/// word start a little before the match.
fn window_start(body: &str, at: usize) -> usize {
    let floor = chars_back(body, at, SENTENCE_LOOKBACK + 1).unwrap_or(0);
    // The last sentence end (". ", "? ", "! ", a line break) before the match. These are
    // ASCII bytes, which never occur inside a multi-byte character: bytes can be read.
    let before = &body.as_bytes()[floor..at];
    let sentence = (0..before.len())
        .rev()
        .find(|&i| {
            // A sentence end, and its closing quote marks (`.” `, `?" `), then a space.
            let ends = || {
                let marks = closing_marks_len(&body[floor + i + 1..at]);
                before.get(i + 1 + marks).is_none_or(|&n| n == b' ')
            };
            before[i] == b'\n' || (matches!(before[i], b'.' | b'?' | b'!') && ends())
        })
        .map(|i| floor + i + 1);
    match sentence {
        Some(s) => skip_closing_marks(body, s),
        None if floor == 0 => 0,
        // No sentence start near: begin a few words before the match.
        None => {
            let near = chars_back(body, at, SENTENCE_LOOKBACK / 3 + 1).unwrap_or(0);
            body[near..at].find(' ').map(|i| near + i + 1).unwrap_or(at)
        }
    }
}

/// The first byte from `at` past the quote marks that close a sentence (`.”`, `?"`) and
/// the spaces after them: a snippet never starts with a stray closing mark.
fn skip_closing_marks(body: &str, at: usize) -> usize {
    let marks = closing_marks_len(&body[at..]);
    let rest = &body[at + marks..];
    at + marks + rest.len() - rest.trim_start().len()
}

/// Bytes of closing quote marks and brackets at the start of `s`.
fn closing_marks_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(CLOSING_MARKS).len()
}

/// Marks that close a quotation or an aside, after a sentence's last word.
const CLOSING_MARKS: [char; 6] = ['”', '’', '"', '\'', '»', ')'];

/// The byte offset `n` characters before `at`, if the text before holds that many.
/// Snippet windows are measured in characters, and found for every match of every shown
/// body: ASCII text (most of it) is counted in bytes without decoding.
fn chars_back(body: &str, at: usize, n: usize) -> Option<usize> {
    if n <= at && body.as_bytes()[at - n..at].is_ascii() {
        return Some(at - n);
    }
    body[..at].char_indices().rev().nth(n - 1).map(|(i, _)| i)
}

/// End of a window of at most `max` characters from `start`, cut after a whole word.
fn window_end(body: &str, start: usize, max: usize) -> usize {
    let rest = &body[start..];
    let cut = match rest.as_bytes().get(..=max) {
        // ASCII: the character after the window starts `max` bytes on.
        Some(head) if head.is_ascii() => Some(max),
        _ => rest.char_indices().nth(max).map(|(i, _)| i),
    };
    match cut {
        None => body.len(),
        Some(cut) => {
            let cut_text = &rest[..cut];
            start + cut_text.rfind([' ', '\n']).unwrap_or(cut)
        }
    }
}

/// A window that ends before `max` characters may start at an earlier sentence: the
/// earliest one that still fits.
fn use_spare_room(body: &str, start: usize, end: usize, max: usize) -> usize {
    let room = max.saturating_sub(body[start..end].chars().count());
    if room == 0 || start == 0 {
        return start;
    }
    let floor = body[..start]
        .char_indices()
        .rev()
        .nth(room.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if floor == 0 {
        return 0;
    }
    (floor..start)
        .find(|&i| {
            body.is_char_boundary(i)
                && at_sentence_start(body, i)
                && !body[i..].starts_with([' ', '\n'])
                && closing_marks_len(&body[i..]) == 0
        })
        .unwrap_or(start)
}

fn at_sentence_start(body: &str, start: usize) -> bool {
    let before = body[..start]
        .trim_end_matches(' ')
        .trim_end_matches(CLOSING_MARKS);
    before.is_empty() || before.ends_with(['.', '?', '!', '\n'])
}

/// The first line of `s`, cut to `max` characters at a word boundary.
pub fn lead(s: &str, max: usize) -> String {
    let first = s.lines().next().unwrap_or("");
    // Only the first `max` characters are looked at: a first line can be a long paragraph.
    let Some((end, _)) = first.char_indices().nth(max) else {
        return first.to_string();
    };
    let cut = &first[..end];
    // A cut just before a space keeps its last word whole.
    let word_end = if first[end..].starts_with(' ') {
        Some(end)
    } else {
        cut.rfind(' ')
    };
    match word_end {
        Some(i) => format!("{}…", cut[..i].trim_end_matches([',', ';', ':', '.'])),
        None => cut.to_string(),
    }
}

/// Optimal-string-alignment distance of `a` and `b` is at most `max` (a transposition
/// counts one), as tantivy's fuzzy query matches.
pub fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    /// Window bounds computed character by character, as the byte-wise fast paths must
    /// agree with.
    fn window_by_chars(body: &str, at: usize, max: usize) -> (usize, usize) {
        let back = |n: usize| body[..at].char_indices().rev().nth(n).map(|(i, _)| i);
        let floor = back(SENTENCE_LOOKBACK).unwrap_or(0);
        let before = &body[floor..at];
        let sentence = before
            .char_indices()
            .zip(before.chars().skip(1).chain(std::iter::once(' ')))
            .filter(|((_, c), next)| (matches!(c, '.' | '?' | '!') && *next == ' ') || *c == '\n')
            .map(|((i, c), _)| floor + i + c.len_utf8())
            .last();
        let start = match sentence {
            Some(s) => s + body[s..].len() - body[s..].trim_start().len(),
            None if floor == 0 => 0,
            None => {
                let near = back(SENTENCE_LOOKBACK / 3).unwrap_or(0);
                body[near..at].find(' ').map(|i| near + i + 1).unwrap_or(at)
            }
        };
        let rest = &body[start..];
        let end = match rest.char_indices().nth(max) {
            None => body.len(),
            Some((cut, _)) => start + rest[..cut].rfind([' ', '\n']).unwrap_or(cut),
        };
        (start, end)
    }

    proptest! {
        #[test]
        fn windows_agree_with_counting_characters(
            words in proptest::collection::vec(
                prop_oneof![
                    12 => "[a-z]{1,7},?",
                    1 => "[a-zé]{1,7}",
                    1 => "[a-z]{1,5}[.?!]",
                    1 => Just("Суджа".to_string()),
                    1 => Just("\n".to_string()),
                ],
                0..120,
            ),
            pick in 0usize..1000,
            max in 20usize..120,
        ) {
            let body = words.join(" ");
            let starts: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
            prop_assume!(!starts.is_empty());
            let at = starts[pick % starts.len()];
            let start = window_start(&body, at);
            let want = window_by_chars(&body, at, max);
            prop_assert_eq!((start, window_end(&body, start, max)), want);
        }
    }

    fn snippeter(matchers: Vec<Matcher>, max: usize) -> Snippeter {
        let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        Snippeter::new(analyzer, matchers, max)
    }

    fn marked(s: &Snippet) -> String {
        let mut out = String::new();
        let mut last = 0;
        for &(a, b) in &s.highlights {
            out.push_str(&s.text[last..a]);
            out.push('[');
            out.push_str(&s.text[a..b]);
            out.push(']');
            last = b;
        }
        out.push_str(&s.text[last..]);
        out
    }

    #[test]
    fn snippet_table() {
        let body = "The town was quiet. Troops entered Sudzha on Tuesday, officials said.\nLater, Sudzha's mayor spoke.";
        let cases: Vec<(Vec<Matcher>, usize, &str)> = vec![
            (
                vec![Matcher::Term("sudzha".into())],
                60,
                "Troops entered [Sudzha] on Tuesday, officials said. Later,…",
            ),
            (
                vec![Matcher::Prefix("sud".into())],
                200,
                "The town was quiet. Troops entered [Sudzha] on Tuesday, officials said. Later, [Sudzha]'s mayor spoke.",
            ),
            (
                vec![Matcher::Fuzzy("sudzja".into(), 1), Matcher::Term("mayor".into())],
                40,
                "Later, [Sudzha]'s [mayor] spoke.",
            ),
            (vec![Matcher::Term("absent".into())], 20, "The town was quiet…"),
        ];
        for (m, max, want) in cases {
            let mut s = snippeter(m.clone(), max);
            assert_eq!(marked(&s.snippet(body)), want, "{m:?}");
        }
        // A snippet started with the closing mark of the sentence before it.
        let quoted = "He said: “We will not go.” Officials in Sudzha disagreed. “No,” said one. Troops stayed in Sudzha.";
        for max in [40, 60, 80, 200] {
            let mut s = snippeter(vec![Matcher::Term("sudzha".into())], max);
            let text = s.snippet(quoted).text;
            assert!(!text.starts_with(['”', ' ']), "{max}: {text}");
        }
    }

    /// The anchored fast path must find exactly what analysing every word finds: checked
    /// for every word of the bundled corpus as a term and as a prefix, with the real
    /// analyser (stemming, folding, romanisation).
    #[test]
    fn fast_path_finds_what_full_analysis_finds() {
        use crate::index::schema;
        let index = tantivy::Index::create_in_ram(schema::build().0);
        schema::register_tokenizers(&index);
        let mut analyzer = index.tokenizers().get(schema::TEXT_TOKENIZER).unwrap();
        let mut text = String::from(
            "Studies show dying skies; happy, happier cafés in Sudža and Суджа. Organizations organise.\n",
        );
        let walk = walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .into_iter()
            .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
        for e in walk {
            let e = e.unwrap();
            if e.file_type().is_file() {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap());
            }
        }
        let mut terms: Vec<String> = super::super::query::tokens(&mut analyzer, &text);
        terms.sort();
        terms.dedup();
        let mut checked = 0;
        for chunk in terms.chunks(7) {
            for prefix in [false, true] {
                let matchers: Vec<Matcher> = chunk
                    .iter()
                    .map(|t| {
                        if prefix {
                            Matcher::Prefix(t.chars().take(4).collect())
                        } else {
                            Matcher::Term(t.clone())
                        }
                    })
                    .collect();
                let mut fast = Snippeter::new(analyzer.clone(), matchers.clone(), 200);
                let mut words = Snippeter::new(analyzer.clone(), matchers, 200);
                words.finder = None;
                let want = fast.matches_by_analysis(&text);
                assert!(!want.is_empty(), "{chunk:?}");
                assert_eq!(fast.matches(&text), want, "{chunk:?} prefix={prefix}");
                assert_eq!(
                    words.matches(&text),
                    want,
                    "{chunk:?} prefix={prefix}, every word"
                );
                checked += 1;
            }
            // Typo matchers take the every-word path.
            let typos: Vec<Matcher> = chunk.iter().map(|t| Matcher::Fuzzy(t.clone(), 1)).collect();
            let mut fuzzy = Snippeter::new(analyzer.clone(), typos, 200);
            assert!(fuzzy.finder.is_none());
            let want = fuzzy.matches_by_analysis(&text);
            assert!(!want.is_empty(), "{chunk:?}");
            assert_eq!(fuzzy.matches(&text), want, "{chunk:?} typos");
        }
        assert!(checked > 100, "only {checked} checks");
    }

    #[test]
    fn all_words_table() {
        let cases: [(&str, &[&str]); 6] = [
            ("", &[]),
            ("—, .", &[]),
            ("Kursk", &["Kursk"]),
            ("Troops near Kursk", &["Troops", "near", "Kursk"]),
            (
                "“Суджа”, said Peskov's aide: 2,000",
                &["Суджа", "said", "Peskov", "s", "aide", "2", "000"],
            ),
            ("cafés in Sudža.", &["cafés", "in", "Sudža"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = all_words(text).iter().map(|&(a, b)| &text[a..b]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn lead_table() {
        let cases = [
            ("", 10, ""),
            ("Short line.\nSecond line", 20, "Short line."),
            ("exactly ten", 11, "exactly ten"),
            ("exactly ten", 10, "exactly…"),
            ("Troops near Kursk, again", 18, "Troops near Kursk…"),
            ("Суджа была взята вчера", 12, "Суджа была…"),
            ("Unbrokenwordlongerthanmax", 8, "Unbroken"),
            ("ééééé", 3, "ééé"),
        ];
        for (text, max, want) in cases {
            assert_eq!(lead(text, max), want, "{text:?} at {max}");
        }
    }

    #[test]
    fn next_lead_byte_table() {
        let cases: [(&str, usize, usize); 7] = [
            ("", 0, 0),
            ("plain ascii text, longer than eight bytes", 0, 41),
            ("Sudža", 0, 3),
            ("ab Суджа", 1, 3),
            ("0123456789abcdef “quoted”", 0, 17),
            // Continuation bytes are not lead bytes: from inside `ž` the next is `С`.
            ("žС", 1, 2),
            ("abcdefgh", 8, 8),
        ];
        for (text, from, want) in cases {
            assert_eq!(
                next_lead_byte(text.as_bytes(), from),
                want,
                "{text:?} from {from}"
            );
        }
        // Past the 32-byte steps: a character straddling a step's end, a step whose only
        // high bytes are continuation bytes.
        let x = |n: usize| "x".repeat(n);
        let cases: Vec<(String, usize, usize)> = vec![
            (format!("{}é", x(40)), 0, 40),
            (format!("{}é{}", x(31), x(40)), 0, 31),
            (format!("{}é{}ж", x(30), x(40)), 31, 72),
            (x(100), 3, 100),
            (format!("{}é{}", x(63), x(70)), 0, 63),
            (format!("{}é{}", x(64), x(70)), 1, 64),
            (format!("{}é{}ж", x(62), x(33)), 63, 97),
            (x(10), 11, 10),
        ];
        for (text, from, want) in cases {
            assert_eq!(
                next_lead_byte(text.as_bytes(), from),
                want,
                "{text:?} from {from}"
            );
        }
    }

    proptest! {
        #[test]
        fn next_lead_byte_agrees_with_a_byte_scan(text in "[a-e é“ж]{0,120}", from in 0usize..130) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let want = bytes[from..].iter().position(|&b| b >= 0xC0).map_or(bytes.len(), |k| from + k);
            prop_assert_eq!(next_lead_byte(bytes, from), want);
        }

        /// Long ASCII runs, as in news bodies, with a few characters between them.
        #[test]
        fn next_lead_byte_skips_long_ascii_runs(
            parts in proptest::collection::vec(("[a-z .]{0,90}", "[é“ж]?"), 0..6),
            from in 0usize..600,
        ) {
            let text: String = parts.iter().map(|(a, b)| format!("{a}{b}")).collect();
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let want = bytes[from..].iter().position(|&b| b >= 0xC0).map_or(bytes.len(), |k| from + k);
            prop_assert_eq!(next_lead_byte(bytes, from), want);
        }
    }

    #[test]
    fn edit_distance_table() {
        let cases = [
            ("sudzha", "sudzha", 0, true),
            ("sudzja", "sudzha", 1, true),
            ("sudhza", "sudzha", 1, true),
            ("zelensky", "zelenskyy", 1, true),
            ("zelensky", "zelenskyyy", 1, false),
            ("kursk", "minsk", 2, false),
        ];
        for (a, b, d, want) in cases {
            assert_eq!(within_distance(a, b, d), want, "{a} {b} {d}");
        }
    }
}
