//! Part of quote extraction: pairing quote marks into spans, and whether the words
//! around a span report speech (a reporting verb within reach).

use super::*;

pub(super) fn find_spans(paragraphs: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut open: Option<(char, usize)> = None;
        // Danish, Swedish and German print guillemets pointing inwards (`»Ja,« siger
        // hun.`): a paragraph whose first guillemet is `»`, with a `«` after it.
        let inward = p
            .find(['«', '»'])
            .is_some_and(|j| p[j..].starts_with('»') && p[j..].contains('«'));
        for (i, c) in p.char_indices() {
            // A straight mark opens when it stands before a word after a space (or at the
            // start); otherwise it closes. Papers that lost their paragraph breaks show a new
            // paragraph of a quote only as such an opening mark after an unclosed one.
            let opening_straight = c == '"' && straight_opens(p, i);
            let close_of = |o: char| match o {
                '“' => c == '”',
                '„' => c == '“' || c == '”',
                '«' => c == '»',
                '»' => c == '«',
                '"' => c == '"' && !opening_straight,
                _ => false,
            };
            match open {
                Some(('"', at)) if opening_straight => {
                    spans.push(Span {
                        para: pi,
                        start: at + 1,
                        end: i,
                        after: i,
                        open_at: at,
                        closed: false,
                    });
                    open = Some((c, i));
                }
                None if c == '"' && !opening_straight && straight_closes(p, i) => {
                    // A closing-shaped mark with nothing open: stray, not a quote.
                }
                Some((o, at)) if close_of(o) => {
                    spans.push(Span {
                        para: pi,
                        start: at + o.len_utf8(),
                        end: i,
                        after: i + c.len_utf8(),
                        open_at: at,
                        closed: true,
                    });
                    open = None;
                }
                Some((o, at)) if c == o && c != '"' => {
                    // A new opening mark while one is open: the earlier quote ran on.
                    spans.push(Span {
                        para: pi,
                        start: at + o.len_utf8(),
                        end: i,
                        after: i,
                        open_at: at,
                        closed: false,
                    });
                    open = Some((c, i));
                }
                None if matches!(c, '“' | '„' | '«' | '"') && !(inward && c == '«') => {
                    open = Some((c, i))
                }
                None if inward && c == '»' => open = Some((c, i)),
                _ => {}
            }
        }
        if let Some((o, at)) = open {
            spans.push(Span {
                para: pi,
                start: at + o.len_utf8(),
                end: p.len(),
                after: p.len(),
                open_at: at,
                closed: false,
            });
        }
    }
    spans
}

/// Whether the straight mark at `i` opens a quote: after a space, an opening bracket or
/// a dash (or at the start), and before a word.
pub(super) fn straight_opens(p: &str, i: usize) -> bool {
    let before = p[..i].chars().next_back();
    let after = p[i + 1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | '/'))
        && after.is_some_and(|a| !a.is_whitespace())
}

/// Whether the straight mark at `i` closes a quote: after a word or punctuation, before
/// a space, punctuation or the end.
pub(super) fn straight_closes(p: &str, i: usize) -> bool {
    let before = p[..i].chars().next_back();
    let after = p[i + 1..].chars().next();
    before.is_some_and(|b| !b.is_whitespace())
        && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation())
}

/// The speaker words around a span: after the closing mark, else before the opening one.
/// Whether `text` holds a word any attribution pattern needs: a reporting verb, a
/// participle (`saying`), `according`.
pub(super) fn reports(text: &str) -> bool {
    static WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        let mut words: Vec<&str> = VERBS.split('|').collect();
        words.push("according");
        words.extend(PARTICIPLES);
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(words)
            .expect("word list builds")
    });
    let bytes = text.as_bytes();
    WORDS.find_iter(text).any(|m| {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        !before.is_some_and(|b| b.is_ascii_alphabetic())
            && !after.is_some_and(|b| b.is_ascii_alphabetic())
    })
}

/// The longest tail the patterns before a quote allow after their reporting verb.
pub(super) const LONGEST_VERB_TAIL: usize = 80;

/// How many characters, at fewest, follow a reporting verb ([`VERBS`]) to the end of
/// `text` when they hold no sentence end, colon or quote mark, before an optional colon or
/// comma and white space: the tail `\b[^.!?:“”"]{0,n}[:,]?\s*$` of the patterns before a
/// quote (`None` when no verb ends within [`LONGEST_VERB_TAIL`] characters). Whatever those
/// patterns match has such a tail of at most their `n`, so checking it first only spares
/// them texts they cannot match: their reverse search over such a tail was the largest
/// cost of text extraction.
pub(super) fn verb_tail_chars(text: &str) -> Option<usize> {
    static VERB_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(VERBS.split('|')).expect("word list builds")
    });
    let end = text.trim_end();
    let end = end.strip_suffix([':', ',']).unwrap_or(end);
    // The verbs end at most LONGEST_VERB_TAIL characters (4 bytes each at most) before
    // `end`; the longest is 12 bytes.
    let window = floor_char_boundary(end, end.len().saturating_sub(4 * LONGEST_VERB_TAIL + 16));
    VERB_WORDS
        .find_overlapping_iter(&end[window..])
        .map(|m| &end[window + m.end()..])
        .filter(|tail| {
            !tail.chars().next().is_some_and(char::is_alphanumeric)
                && !tail.contains(['.', '!', '?', ':', '“', '”', '"'])
        })
        .map(|tail| tail.chars().take(LONGEST_VERB_TAIL + 1).count())
        .filter(|&n| n <= LONGEST_VERB_TAIL)
        .min()
}

/// Whether [`verb_tail_chars`] finds a tail of at most `max_chars`.
#[cfg(test)]
pub(super) fn verb_ends_within(text: &str, max_chars: usize) -> bool {
    verb_tail_chars(text).is_some_and(|n| n <= max_chars)
}

/// The largest char boundary of `s` at or below `at`.
pub(super) fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}
