//! Direct quotations and who said them (baseline; issue 4 measures it at scale).
//!
//! Quote marks are paired per paragraph: curly “…”, low „…“, guillemets «…» and straight
//! "…". An opening mark left open at the end of a paragraph continues the quote into the
//! next one (the convention for multi-paragraph quotes); its speaker is the one attributed
//! where the quote finally closes. The speaker comes from the words around the quote
//! (`X said`, `said X`, `X told reporters`, `X added:`, `according to X`); a pronoun resolves
//! to the subject of its sentence or the one before (a person: not an organisation, a
//! place, a bare title, an object of a preposition or someone of the other gender where an
//! honorific says), a title (`the judge`, `said the spokesman`) to whom the story gave it,
//! a surname or `Mr Brown` to the full name given earlier, and a quote with no attribution
//! of its own inherits the speaker of the quote before it in the same paragraph.

use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Full name of the speaker, when the text says who.
    pub speaker: Option<String>,
    /// The title the text gave the speaker (`Prime Minister`), apart from the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Position of a quote span: paragraph, byte range of the words inside the marks.
#[derive(Debug, Clone)]
struct Span {
    para: usize,
    start: usize,
    end: usize,
    /// Byte offset just past the closing mark (or the paragraph end).
    after: usize,
    /// Byte offset of the opening mark.
    open_at: usize,
    /// False when the quote runs on into the next paragraph.
    closed: bool,
}

const VERBS: &str = r"said|says|say|told|tells|added|adds|asked|asks|explained|explains|stressed|stresses|insisted|insists|warned|warns|noted|notes|wrote|writes|continued|argued|argues|claimed|claims|replied|declared|admitted|admits|acknowledged|recalled|remarked|observed|commented|announced|suggested|conceded|confirmed|insisted|urged|tweeted|posted|pointed out|went on|concluded|agreed|responded|answered|joked|boasted|complained|predicted|promised|vowed|cautioned|emphasised|emphasized|maintained|revealed|exclaimed|shouted|whispered|mused|read|likened|compared|defines|defined|apologised|apologized|described|called|denied|accused|criticised|criticized|praised|welcomed|dismissed|hailed|labelled|labeled|branded";
const HONORIFIC: &str =
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Gen|Col|Capt|Sgt|Sen|Rep|Gov)\.?\s+)";
/// A name: capitalised words, with particles (`van`, `bin`) and middle initials
/// (`Samuel L Jackson`, `George W. Bush`) between them.
const PERSON: &str = r"\p{Lu}[\p{L}'’\-]+(?:\s+(?:(?:van|von|de|der|da|di|du|del|la|le|al|bin|ibn|el)\s+|\p{Lu}\.?\s+)?\p{Lu}[\p{L}'’\-]+){0,3}";

/// The attribution patterns repeat Unicode classes a bounded number of times, so their
/// lazy DFAs have many states: with the regex crate's default cache (2 MiB) the cache
/// filled, was cleared and rebuilt over and over, a quarter of text extraction time.
/// A larger cache is filled once per thread and kept. (The patterns that end at a quote
/// do not use the lazy DFA at all: [`EndPattern`].)
fn re(p: String) -> Regex {
    regex::RegexBuilder::new(&p)
        .dfa_size_limit(32 << 20)
        .build()
        .expect("static regex is valid")
}

/// A pattern of the text before a quote: it ends where the quote opens (`...\s*$`).
///
/// The regex crate runs such a pattern backwards from the end with its lazy DFA, and the
/// patterns' bounded tail (`[^.!?:“”"]{0,60}` after the verb) makes almost every text a
/// path of new DFA states to build: 10-20 µs for a 50-byte sentence, the largest cost of
/// text extraction, however large the cache. The bounded backtracker gives the same
/// matches and groups (the same regex semantics) in about 2 µs, so the lazy DFA is off.
struct EndPattern {
    re: meta::Regex,
    #[cfg(test)]
    pattern: String,
}

impl EndPattern {
    fn new(pattern: String) -> EndPattern {
        let re = meta::Regex::builder()
            .configure(meta::Config::new().hybrid(false))
            .build(&pattern)
            .expect("static regex is valid");
        EndPattern {
            re,
            #[cfg(test)]
            pattern,
        }
    }

    fn captures<'h>(&self, haystack: &'h str) -> Option<EndCaptures<'h>> {
        let mut caps = self.re.create_captures();
        self.re.captures(haystack, &mut caps);
        caps.is_match().then_some(EndCaptures { haystack, caps })
    }

    #[cfg(test)]
    fn is_match(&self, haystack: &str) -> bool {
        self.re.is_match(haystack)
    }
}

/// The groups of an [`EndPattern`] match.
struct EndCaptures<'h> {
    haystack: &'h str,
    caps: regex_automata::util::captures::Captures,
}

impl<'h> EndCaptures<'h> {
    /// Where group `name` starts and what it matched, when it took part in the match.
    fn name(&self, name: &str) -> Option<(usize, &'h str)> {
        let span = self.caps.get_group_by_name(name)?;
        Some((span.start, &self.haystack[span.range()]))
    }
}

static AFTER_INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*(?:{VERBS})\s+(?P<who>he|she|{HONORIFIC}?{PERSON})"
    ))
});
static AFTER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*(?P<who>[Hh]e|[Ss]he|{HONORIFIC}?{PERSON})(?:,(?P<appos>[^,]{{1,80}}),)?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+|once\s+)?(?:{VERBS})\b"
    ))
});
/// `said LSE chief executive Clara Furse`, `declared Wallabies coach Eddie Jones on ...`,
/// `said the 34-year-old`: the clause after the verb, where a name is looked for.
static AFTER_VERB_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,!?—–-]*(?:{VERBS})\s+(?P<clause>[^.,;:!?“”\x22]{{1,120}})"
    ))
});
/// `chairman and chief executive Richard Parsons said`: roles in lower case before a name.
static AFTER_ROLE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?:\p{{Lu}}[\p{{L}}'’\-]*\s+){{0,3}}(?:(?:\p{{Ll}}[\p{{Ll}}\-]*),?\s+){{1,6}}(?P<who>{HONORIFIC}?{PERSON})(?:,[^,]{{1,60}},|,)?\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"
    ))
});
/// Words for an organisation speaking: `it said`, `the firm said`, `the committee added`.
const ORG: &str = r"(?:\p{Lu}[\p{L}'’&\-]+(?:\s+\p{Lu}[\p{L}'’&\-]+){0,2}\s+(?:magazine|newspaper|firm|company|group|bank|airline|agency|charity|union|website|network|channel|broadcaster)|[Ii]t|[Tt]he (?:firm|company|group|bank|club|airline|retailer|agency|organisation|organization|charity|union|committee|council|government|ministry|department|board|regulator|watchdog|report|survey|statement|complaint|lawsuit|letter|ruling|study|magazine|newspaper|paper|broadcaster|network|channel|website|league|federation|association|commission|authority|police|court|spokesman|spokeswoman|spokesperson))";
static AFTER_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?P<who>{ORG})\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"
    ))
});
static BEFORE_ORG: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"(?:^|[^\p{{L}}])(?P<who>{ORG})\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,60}}[:,]?\s*$"
    ))
});
static AFTER_ORG_CLAUSE: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{ORG}\b")));
/// A capitalised name of any kind (organisations included), for `the firm said`.
/// (`of` may join its words: `British Chambers of Commerce`, `Bank of England`.)
static PROPER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\p{Lu}[\p{L}\p{N}'’&\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}'’&\-]*)*".to_string())
});

/// `Mr Blair's spokesman said:`, `An Ajax spokesman told BBC Sport:`, `A spokesman for the LSE said:`.
static BEFORE_SPOKESMAN: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"{}\s+(?:has\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,60}}[:,]?\s*$",
        spokesman()
    ))
});
/// `Mr Blair's spokesman`, `a spokesman for the LSE`: the body or person spoken for, in
/// group `who` or `for`.
fn spokesman() -> String {
    format!(
        r"(?:(?P<who>{HONORIFIC}?{PERSON})(?:'s|’s)?\s+spokes(?:man|woman|person)|[Ss]pokes(?:man|woman|person) for (?:the )?(?P<for>{HONORIFIC}?{PERSON}))"
    )
}
static AFTER_SPOKESMAN: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?:a|an|the)\s+(?P<who>{PERSON})\s+spokes(?:man|woman|person)\s+(?:has\s+)?(?:{VERBS})\b"
    ))
});
/// `"..." once he realised it, said Mr Blair.`: an inverted attribution ending the
/// sentence the quote is in.
static AFTER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r#"^[^.!?:“”"]{{1,100}},\s+(?:said|says|added|adds)\s+(?P<who>{HONORIFIC}?{PERSON})\s*\."#
    ))
});
static AFTER_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*according to (?P<who>{HONORIFIC}?{PERSON})"
    ))
});
static BEFORE_SUBJECT: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"(?:^|[^\p{{L}}])(?P<who>[Hh]e|[Ss]he|{HONORIFIC}?{PERSON})(?:,(?P<appos>[^,]{{1,160}}),)?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,60}}[:,]?\s*$"
    ))
});
/// Participles that attribute speech (`..., saying`, `, adding:`).
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "warning",
    "insisting",
    "arguing",
    "claiming",
    "calling",
    "describing",
    "telling",
];

/// `Tony Blair attacked the plans, saying they are a "...`: the clause before a participle
/// that leads up to the quote (at most 80 bytes, no sentence end between). Plain string
/// search: as a regex, the bounded clause made a costly automaton.
fn participle_clause(before: &str) -> Option<(usize, &str)> {
    let (at, _) = before.rmatch_indices(", ").find(|&(i, _)| {
        let rest = &before[i + 2..];
        PARTICIPLES.iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ':', ',']))
        })
    })?;
    let tail = &before[at..];
    let clause = before[..at].trim_start();
    let start = before.len() - before.trim_start().len();
    (tail.len() <= 100
        && !tail[2..].contains(['.', '!', '?', '“', '”', '"'])
        && clause.len() <= 200)
        .then_some((start, clause))
}
static BEFORE_ACCORDING: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"[Aa]ccording to (?P<who>{HONORIFIC}?{PERSON}),?\s*$"
    ))
});
/// Capitalised runs that may name a person (`Mr Blair`, `George W. Bush`, `Sir Ian
/// McKellen`); [`person_runs`] finds what this pattern finds (the tests hold it to it).
#[cfg(test)]
static PERSON_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"(?:{HONORIFIC})?\p{{Lu}}[\p{{L}}'’\-]+(?:\s+(?:\p{{Lu}}\.?\s+)?\p{{Lu}}[\p{{L}}'’\-]+){{0,3}}"
    ))
});

/// The honorifics of [`HONORIFIC`], in its order.
static HONORIFIC_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let words = HONORIFIC.trim_start_matches("(?:(?:");
    words[..words.find(')').unwrap_or(0)].split('|').collect()
});

/// The byte ranges `PERSON_MENTION.find_iter(text)` gives: leftmost runs of an optional
/// honorific (`Mr`, `Dr.`) and one to four capitalised words (`\p{Lu}` and letters, `'`,
/// `’` or `-`), a middle initial allowed before each word after the first. Written out:
/// on every paragraph of every article, the regex took 60 instructions a byte (a forward
/// and a backward pass per match), a tenth of text extraction.
fn person_runs(text: &str) -> Vec<Run<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // Most text is ASCII: only its capitals, and other letters, need a look.
        if b < 0x80 {
            if !b.is_ascii_uppercase() {
                at += 1;
                continue;
            }
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            if !is_upper_letter(c) {
                at += c.len_utf8();
                continue;
            }
        }
        match person_run_at(text, at) {
            Some(end) => {
                out.push(Run {
                    text,
                    start: at,
                    end,
                });
                at = end;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// A run [`person_runs`] found: what its callers read of a `regex::Match`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Run<'a> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'a str {
        &self.text[self.start..self.end]
    }
}

/// The end of the run starting at `start`, as the pattern's first choices take it: with
/// the honorific when one leads to a name, else without.
fn person_run_at(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let first = rest.as_bytes()[0];
    let honorific = HONORIFIC_WORDS
        .iter()
        .filter(|h| h.as_bytes()[0] == first)
        .find_map(|h| {
            let mut i = start + rest.starts_with(h).then_some(h.len())?;
            if text[i..].starts_with('.') && spaces_end(text, i + 1) > i + 1 {
                i += 1;
            }
            let after = spaces_end(text, i);
            (after > i).then_some(after)
        });
    honorific
        .and_then(|after| name_words_end(text, after))
        .or_else(|| name_words_end(text, start))
}

/// The end of one to four capitalised words from `at` (`\p{Lu}[\p{L}'’\-]+`, each after
/// the first led by white space and perhaps an initial: `\p{Lu}\.?\s+`).
fn name_words_end(text: &str, at: usize) -> Option<usize> {
    let mut end = name_word_end(text, at)?;
    for _ in 0..3 {
        let next = spaces_end(text, end);
        if next == end {
            break;
        }
        match initial_then_word_end(text, next).or_else(|| name_word_end(text, next)) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// `\p{Lu}\.?\s+` and a capitalised word, from `at`.
fn initial_then_word_end(text: &str, at: usize) -> Option<usize> {
    let c = text[at..].chars().next().filter(|&c| is_upper_letter(c))?;
    let after = at + c.len_utf8();
    if text[after..].starts_with('.') {
        let spaces = spaces_end(text, after + 1);
        if let Some(e) = (spaces > after + 1)
            .then(|| name_word_end(text, spaces))
            .flatten()
        {
            return Some(e);
        }
    }
    let spaces = spaces_end(text, after);
    (spaces > after)
        .then(|| name_word_end(text, spaces))
        .flatten()
}

/// `\p{Lu}[\p{L}'’\-]+` from `at`: its end.
fn name_word_end(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].char_indices();
    let (_, first) = chars.next().filter(|&(_, c)| is_upper_letter(c))?;
    let end = chars
        .find(|&(_, c)| !(is_letter(c) || matches!(c, '\'' | '’' | '-')))
        .map_or(text.len(), |(i, _)| at + i);
    (end > at + first.len_utf8()).then_some(end)
}

/// Past the white space (`\s`: Unicode `White_Space`, as `char::is_whitespace`) at `at`.
fn spaces_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i)
}

/// `\p{Lu}`: ASCII directly, other characters by the regex crate's own tables.
fn is_upper_letter(c: char) -> bool {
    static UPPER: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Lu}$".to_string()));
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        UPPER.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// `\p{L}`: ASCII directly, other characters by the regex crate's own tables.
fn is_letter(c: char) -> bool {
    static LETTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{L}$".to_string()));
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        LETTER.is_match(c.encode_utf8(&mut [0; 4]))
    }
}
/// Whether the text after a name makes it a speaker: a reporting verb, past an appositive
/// (`, vice president of ..., said`) and `has`/`had`/`also`/`later`, or a relative `who`.
/// Runs for every name, so plain string steps, no pattern.
fn speaks_after(rest: &str) -> bool {
    if rest.starts_with(", who ") {
        return true;
    }
    let mut rest = rest;
    if let Some(r) = rest.strip_prefix(',') {
        // An appositive of at most 80 bytes, closed by a comma, with no sentence end.
        match r.find([',', '.']) {
            Some(i) if i <= 80 && r.as_bytes()[i] == b',' => rest = &r[i + 1..],
            _ => return false,
        }
    }
    let mut words = rest.split_whitespace();
    let mut w = words.next().unwrap_or("");
    if matches!(w, "has" | "had" | "also" | "later") {
        w = words.next().unwrap_or("");
    }
    is_speech_verb(w.trim_end_matches([',', '.', ':', ';']))
}

static HONORIFIC_RE: LazyLock<Regex> = LazyLock::new(|| re(format!("^{HONORIFIC}")));

/// Capitalised words that start a sentence or name a time, never a person.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "We",
    "They",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "As",
    "After",
    "Before",
    "During",
    "Meanwhile",
    "However",
    "According",
    "Some",
    "Many",
    "Most",
    "Last",
    "Next",
    "For",
    "From",
    "With",
    "Without",
    "By",
    "To",
    "Of",
    "So",
    "Yet",
    "Still",
    "Also",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Now",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Responding",
    "Former",
    "Ex",
    "Earlier",
    "Later",
    "Speaking",
    "Asked",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Words after which a capitalised phrase names a place or a thing.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "from", "to", "of", "near", "into", "across", "via", "towards", "outside",
    "inside", "around", "through", "the",
];

/// Extracts the direct quotations of an article from its paragraphs.
///
/// An article with no double-quoted span that quotes speech in single marks (`‘We will
/// fight on,’ she said.`, a style some papers use) is read with its single marks as
/// double ones; apostrophes inside words (`don’t`, `it's`) stay apostrophes.
pub fn quotes(paragraphs: &[String]) -> Vec<Quote> {
    let spans = find_spans(paragraphs);
    if spans.is_empty() && paragraphs.iter().any(|p| p.contains(['‘', '\''])) {
        let doubled: Vec<String> = paragraphs.iter().map(|p| singles_as_doubles(p)).collect();
        let spans = find_spans(&doubled);
        return quotes_in(&doubled, paragraphs, spans, true);
    }
    quotes_in(paragraphs, paragraphs, spans, false)
}

/// `p` with single quote marks that open or close a quotation replaced by double ones of
/// the same byte length (‘ -> “, ’ -> ”, ' -> "), so every offset stays valid in `p`.
fn singles_as_doubles(p: &str) -> String {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = String::with_capacity(p.len());
    for (k, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '‘' | '’' | '\'') {
            out.push(c);
            continue;
        }
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        // An apostrophe between letters (don't, O'Neill) or ending a word before a
        // letter is no quote mark.
        let inside_word =
            before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
        // ("isn ‘t": a stray apostrophe before a one-letter word other than I or A.)
        let next_word: String = chars[k + 1..]
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let opens = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
            && after.is_some_and(|a| a.is_alphanumeric() || matches!(a, '(' | '[' | '.' | '…'))
            && (next_word.chars().count() != 1 || matches!(next_word.as_str(), "I" | "A"));
        let closes = before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| {
                a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')')
            });
        out.push(match c {
            '‘' if !inside_word && opens => '“',
            '’' if !inside_word && closes => '”',
            '\'' if !inside_word && opens => '"',
            '\'' if !inside_word && closes => '"',
            c => c,
        });
    }
    out
}

/// The quotations of `paragraphs`, their words taken from `display` (the same text, or
/// the text whose single marks `paragraphs` shows as double ones). `attributed_only`: a
/// closed span with no attribution of its own is dropped (single marks name titles and
/// themes more often than double ones: `the theme ‘The Medium is the Message’`).
fn quotes_in(
    paragraphs: &[String],
    display: &[String],
    spans: Vec<Span>,
    attributed_only: bool,
) -> Vec<Quote> {
    let mut list = person_mentions(paragraphs);
    // Both are in text order: one pass marks the names inside quotes.
    let mut k = 0;
    for m in &mut list {
        while spans
            .get(k)
            .is_some_and(|s| (s.para, s.end) <= (m.at.0, m.at.1))
        {
            k += 1;
        }
        m.in_quote = spans
            .get(k)
            .is_some_and(|s| s.para == m.at.0 && (s.start..s.end).contains(&m.at.1));
    }
    let mentions = Mentions::new(list);
    let mut out: Vec<(Span, Option<String>)> = Vec::new();
    // Speakers named so far: a pronoun prefers someone already speaking in the story.
    let mut speakers: Vec<String> = Vec::new();
    // Where the run of quote marks a span ends started: `"A. "B," he said` is one speech,
    // and `he` refers to someone named before "A".
    let mut run_start: Option<(usize, usize)> = None;
    let mut prev_open: Option<&Span> = None;
    for span in &spans {
        let continues = prev_open.is_some_and(|p| p.para == span.para || p.para + 1 == span.para);
        if !continues {
            run_start = Some((span.para, span.open_at));
        }
        prev_open = (!span.closed).then_some(span);
        let span = span.clone();
        let para = &paragraphs[span.para];
        let text = para[span.start..span.end].trim();
        let anchor = run_start.unwrap_or((span.para, span.open_at));
        let attributed = attribute(para, &span).map(|(who, at)| {
            // A pronoun after the quote: look before the run the quote belongs to.
            let at = if at >= span.after {
                anchor
            } else {
                (span.para, at)
            };
            resolve(&who, at, &span, paragraphs, &mentions, &speakers)
        });
        if let Some(Some(who)) = &attributed {
            if !speakers.contains(who) {
                speakers.push(who.clone());
            }
        }
        let words = text.split_whitespace().count();
        // A fragment in the same sentence as an attributed quote ("said the entrants had
        // been of "outstanding quality" and that judging had been "enormously difficult"")
        // reports the same speaker.
        let same_sentence = out.last().filter(|(prev, who)| {
            who.is_some()
                && prev.para == span.para
                && prev.after <= span.open_at
                && !para[prev.after..span.open_at].contains(['.', '!', '?'])
        });
        let attributed = match (attributed, same_sentence) {
            (None, Some((_, who))) => Some(who.clone()),
            (a, _) => a,
        };
        // Short unattributed spans are titles, nicknames and scare quotes; a single word
        // ("scorching", "gossip") is a label even where someone is named as using it.
        let short = words < 4 || attributed_only;
        // (An unclosed span is a quote running on only when the next paragraph opens one.)
        let runs_on = paragraphs
            .get(span.para + 1)
            .is_some_and(|n| n.trim_start().starts_with(['“', '"', '„', '«']));
        let unsure = attributed.is_none() && attributed_only && !span.closed && !runs_on;
        if words == 0 || unsure || (span.closed && (words == 1 || (attributed.is_none() && short)))
        {
            continue;
        }
        out.push((span, attributed.flatten()));
    }
    // A quote continued from the previous paragraph takes the speaker where it ends;
    // an unattributed quote takes the speaker of the quote before it in the paragraph.
    for i in (0..out.len()).rev() {
        if !out[i].0.closed && out[i].1.is_none() {
            if let Some(next) = out.get(i + 1) {
                if next.0.para == out[i].0.para + 1 || next.0.para == out[i].0.para {
                    out[i].1 = next.1.clone();
                }
            }
        }
    }
    for i in 1..out.len() {
        let prev = &out[i - 1].0;
        let same_para = prev.para == out[i].0.para;
        let runs_on = !prev.closed && prev.para + 1 == out[i].0.para;
        if out[i].1.is_none() && (same_para || runs_on) {
            // A person named earlier in the quote's own sentence ("Mr Kennedy said he had
            // ... but advances mean "...") is its speaker, not the previous quote's.
            // A sentence of narration between the two quotes that names someone ("Best
            // actor Foxx could not come, but Helen Mirren read out his speech.") hands the
            // next quote to its subject.
            let narrated = same_para
                .then(|| narration_subject(prev, &out[i].0, paragraphs, &mentions))
                .flatten();
            out[i].1 = sentence_subject(&out[i].0, paragraphs, &mentions, &speakers)
                .or(narrated)
                .or_else(|| out[i - 1].1.clone());
        }
    }
    // Still no one: the person the paragraph is about, else the speaker of the quote
    // before in this paragraph or the one before (a paragraph of quote continues the
    // last speaker).
    for i in 0..out.len() {
        if out[i].1.is_some() {
            continue;
        }
        out[i].1 = paragraph_subject(&out[i].0, paragraphs, &mentions, &speakers).or_else(|| {
            let prev = i.checked_sub(1).map(|p| &out[p])?;
            (prev.0.para + 1 >= out[i].0.para)
                .then(|| prev.1.clone())
                .flatten()
        });
    }
    out.into_iter()
        .map(|(s, speaker)| Quote {
            text: display[s.para][s.start..s.end].trim().to_string(),
            speaker,
            role: None,
        })
        .collect()
}

fn find_spans(paragraphs: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut open: Option<(char, usize)> = None;
        for (i, c) in p.char_indices() {
            // A straight mark opens when it stands before a word after a space (or at the
            // start); otherwise it closes. Papers that lost their paragraph breaks show a new
            // paragraph of a quote only as such an opening mark after an unclosed one.
            let opening_straight = c == '"' && straight_opens(p, i);
            let close_of = |o: char| match o {
                '“' => c == '”',
                '„' => c == '“' || c == '”',
                '«' => c == '»',
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
                None if matches!(c, '“' | '„' | '«' | '"') => open = Some((c, i)),
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
fn straight_opens(p: &str, i: usize) -> bool {
    let before = p[..i].chars().next_back();
    let after = p[i + 1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | '/'))
        && after.is_some_and(|a| !a.is_whitespace())
}

/// Whether the straight mark at `i` closes a quote: after a word or punctuation, before
/// a space, punctuation or the end.
fn straight_closes(p: &str, i: usize) -> bool {
    let before = p[..i].chars().next_back();
    let after = p[i + 1..].chars().next();
    before.is_some_and(|b| !b.is_whitespace())
        && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation())
}

/// The speaker words around a span: after the closing mark, else before the opening one.
/// Whether `text` holds a word any attribution pattern needs: a reporting verb, a
/// participle (`saying`), `according`.
fn reports(text: &str) -> bool {
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
const LONGEST_VERB_TAIL: usize = 80;

/// How many characters, at fewest, follow a reporting verb ([`VERBS`]) to the end of
/// `text` when they hold no sentence end, colon or quote mark, before an optional colon or
/// comma and white space: the tail `\b[^.!?:“”"]{0,n}[:,]?\s*$` of the patterns before a
/// quote (`None` when no verb ends within [`LONGEST_VERB_TAIL`] characters). Whatever those
/// patterns match has such a tail of at most their `n`, so checking it first only spares
/// them texts they cannot match: their reverse search over such a tail was the largest
/// cost of text extraction.
fn verb_tail_chars(text: &str) -> Option<usize> {
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
fn verb_ends_within(text: &str, max_chars: usize) -> bool {
    verb_tail_chars(text).is_some_and(|n| n <= max_chars)
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Returns the attribution words and where they stand in the paragraph (a pronoun before
/// the quote refers to someone named before it, not to a name between it and the quote).
fn attribute(para: &str, span: &Span) -> Option<(String, usize)> {
    // (The patterns before the quote are checked the same way, on its sentence.)
    let after = &para[span.after..];
    let after = &after[..after.find(['“', '„', '«', '"']).unwrap_or(after.len())];
    // `"...strikers". Rinaldi told BBC Sport:` and `"... to 20." All three parties say`
    // start a new sentence: what follows introduces the next quote, not this one.
    let quoted = para[span.start..span.end].trim_end();
    let rest = after.trim_start();
    // An ellipsis trails off ("... nine years... " Hailey later recalled): no full stop.
    let full_stop = quoted.ends_with('.') && !quoted.ends_with("..");
    let new_sentence =
        rest.starts_with('.') || (full_stop && rest.chars().next().is_some_and(char::is_uppercase));
    // Every pattern after the quote needs a reporting word within its first words: most
    // quotes have none there, and the patterns are costly to run (a third of extraction).
    let head = &after[..floor_char_boundary(after, 240)];
    if !new_sentence && reports(head) {
        if let Some(c) = AFTER_VERB_CLAUSE.captures(after) {
            let clause = c.name("clause").expect("group");
            let role = clause
                .as_str()
                .split_whitespace()
                .any(|w| people_noun(&w.to_lowercase()));
            if role {
                if let Some(n) = THEN_NAME.captures(&after[clause.end()..]) {
                    return Some((clean_name(&n["name"]), span.after));
                }
            }
            if let Some(who) = name_in_clause(clause.as_str()) {
                return Some((who, span.after));
            }
        }
        for re in [
            &*AFTER_INVERTED,
            &*AFTER_SUBJECT,
            &*AFTER_ROLE,
            &*AFTER_ORG,
            &*AFTER_SPOKESMAN,
            &*AFTER_TAIL,
            &*AFTER_ROLE_SUBJECT,
            &*AFTER_ACCORDING,
        ] {
            if let Some(c) = re.captures(after) {
                let appos = c.name("appos").map(|a| a.as_str());
                return Some((subject(&c["who"], appos), span.after));
            }
        }
    }
    let before = &para[..span.open_at];
    let (base, near) = recent(before);
    let sentence_start = near
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '”' | '»' | '"'))
        .map_or(base, |(i, c)| base + i + c.len_utf8());
    let before = &before[sentence_start..];
    // The patterns end within a few words of the quote: their reporting word too.
    let tail = &before[floor_char_boundary(before, before.len().saturating_sub(240))..];
    let may_report = reports(tail);
    // The patterns with a reporting verb need it within 60 (80) characters of the quote:
    // checked first, the costly patterns run only where they can match.
    let tail = may_report.then(|| verb_tail_chars(before)).flatten();
    let (verb_60, verb_80) = (tail.is_some_and(|n| n <= 60), tail.is_some());
    // (Each pattern names its rare word: `spokes(man|woman|person)`, `according to`.)
    let spokesman = (verb_60 && before.contains("pokes"))
        .then(|| BEFORE_SPOKESMAN.captures(before))
        .flatten();
    if let Some((at, who)) = spokesman.and_then(|c| c.name("who").or_else(|| c.name("for"))) {
        return Some((who.to_string(), sentence_start + at));
    }
    // `sent Mr Bush his "warmest congratulations", saying:` — the participle after the
    // quote belongs to the clause before it.
    let participle_after = PARTICIPLES
        .iter()
        .any(|w| after.trim_start_matches([',', ' ']).starts_with(w));
    if participle_after && after.trim_start().starts_with(',') {
        if let Some(who) = name_in_clause(before.trim()) {
            if !matches!(who.as_str(), "he" | "she") {
                return Some((who, sentence_start));
            }
        }
    }
    // Without a reporting word, only the participle after the quote could attribute it.
    if !may_report {
        return None;
    }
    if let Some((clause_at, clause)) = participle_clause(before) {
        // "X is a member, but Turkey, which ..., had insisted ..., calling": the clause
        // the participle hangs on starts after the last `but` or `;`.
        let cut = [", but ", " but ", "; "]
            .iter()
            .filter_map(|b| clause.rfind(b).map(|i| i + b.len()))
            .max()
            .unwrap_or(0);
        if let Some(who) = name_in_clause(&clause[cut..]) {
            if !matches!(who.as_str(), "he" | "she") {
                return Some((who, sentence_start + clause_at + cut));
            }
        }
    }
    for (re, may_match) in [
        (&*BEFORE_SUBJECT, verb_60),
        (&*BEFORE_ROLE, verb_80),
        (&*BEFORE_ORG, verb_60),
        (&*BEFORE_ACCORDING, before.contains("ccording to")),
    ] {
        if let Some(c) = may_match.then(|| re.captures(before)).flatten() {
            let (who, who_text) = c.name("who").unwrap_or((0, ""));
            // "the Tory MP for Sleaford and North Hykeham admitted": the place is not
            // the subject; the title before it is.
            let prev = before[..who].trim_end().rsplit(' ').next().unwrap_or("");
            // ("the chief executive of PwC said" stays PwC: a body speaks through its head.)
            if matches!(prev, "for" | "and" | "in" | "at" | "from") {
                let role = before[..who]
                    .split_whitespace()
                    .rev()
                    .take(8)
                    .map(str::to_lowercase)
                    .find(|w| people_noun(w));
                if let Some(r) = role {
                    return Some((format!("the {r}"), sentence_start + who));
                }
            }
            let appos = c.name("appos").map(|(_, a)| a);
            return Some((subject(who_text, appos), sentence_start + who));
        }
    }
    None
}

/// The speaker a subject pattern found: `who`, unless `who` is a title and the clause
/// between commas after it is nothing but a person's name (`Argentina's President, Nestor
/// Kirchner, said`, `The Attorney General, Lord Goldsmith, said`): then that name.
fn subject(who: &str, appos: Option<&str>) -> String {
    let title = who.contains("'s ")
        || who.contains("’s ")
        || who
            .rsplit(' ')
            .next()
            .is_some_and(|w| TITLES.contains(&w.to_lowercase().as_str()));
    if title {
        if let Some(name) = appos.and_then(bare_name) {
            return name;
        }
    }
    who.to_string()
}

/// Words that end a title rather than a name (`Attorney General`, `Prime Minister`); a
/// possessive (`Argentina's President`) marks a title too.
const TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "general",
    "archbishop",
    "bishop",
    "governor",
    "mayor",
    "ambassador",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "judge",
    "prosecutor",
    "coach",
    "manager",
    "captain",
    "executive",
    "officer",
    "head",
    "editor",
    "founder",
    "senator",
    "mp",
];

/// Nouns that stand for a person in `the ... said` (`the England captain`, `the British
/// actor`): the titles, and words for what people do.
const PEOPLE_NOUNS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "star",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "writer",
    "author",
    "novelist",
    "producer",
    "boss",
    "winner",
    "champion",
    "analyst",
    "economist",
    "lawyer",
    "expert",
    "researcher",
    "scientist",
    "designer",
    "musician",
    "rapper",
    "comedian",
    "presenter",
    "veteran",
    "teenager",
    "youngster",
    "frontman",
    "skipper",
    "international",
    "agent",
    "owner",
    "campaigner",
    "activist",
];

/// Whether `word` (lower case) is a title or a noun that stands for a person.
fn people_noun(word: &str) -> bool {
    TITLES.contains(&word) || PEOPLE_NOUNS.contains(&word)
}

/// The alternation of all person nouns, for the attribution patterns.
fn people_nouns_alternation() -> String {
    TITLES
        .iter()
        .chain(PEOPLE_NOUNS)
        .copied()
        .collect::<Vec<_>>()
        .join("|")
}

/// `said the festival's executive director`, `the British actor said`: `the`, up to three
/// words and a person noun.
static AFTER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?P<who>[Tt]he\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}(?:{}))\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{VERBS})\b",
        people_nouns_alternation()
    ))
});
static BEFORE_ROLE: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"(?:^|[^\p{{L}}])(?P<who>[Tt]he\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}(?:{}))\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,80}}[:,]?\s*$",
        people_nouns_alternation()
    ))
});
/// `, Robert Boyle.` after `said BA director of commercial planning`: the name the role
/// clause leads to.
static THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^,\s+(?P<name>{HONORIFIC}?{PERSON})\s*(?:[.,;]|$)"
    ))
});

/// A clause that is only a person's name, with an honorific or style before it (`Nestor
/// Kirchner`, `Lord Goldsmith`, `the Most Reverend Peter Smith`); None for anything else.
fn bare_name(clause: &str) -> Option<String> {
    static NAME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        re(format!(
            r"^(?:{HONORIFIC}|(?:Lord|Lady|Baroness|Baron|Cardinal)\s+)?{PERSON}$"
        ))
    });
    let mut s = clause.trim();
    for style in [
        "the ",
        "The ",
        "Most Reverend ",
        "Right Reverend ",
        "Rt Hon ",
        "Reverend ",
    ] {
        s = s.strip_prefix(style).unwrap_or(s).trim_start();
    }
    let words = s.split_whitespace().count();
    let styled = s.split_whitespace().next().is_some_and(|w| {
        matches!(w, "Lord" | "Lady" | "Baroness" | "Baron" | "Cardinal") || HONORIFIC_RE.is_match(s)
    });
    (NAME_ONLY.is_match(s) && (words >= 2 || styled) && !is_not_name(s.split(' ').next()?))
        .then(|| clean_name(s))
}

/// The speaker named in the clause after a speech verb: the first capitalised name not
/// followed by a role ("Wallabies coach Eddie Jones" -> "Eddie Jones"); `he`, `she` and
/// `the 34-year-old` stand for the person named last.
fn name_in_clause(clause: &str) -> Option<String> {
    let clause = clause.trim();
    let first = clause.split_whitespace().next()?;
    if matches!(first, "he" | "she") {
        return Some(first.to_string());
    }
    if first == "the"
        && clause
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.ends_with("-year-old"))
    {
        return Some("#main".to_string());
    }
    if let Some(m) = AFTER_ORG_CLAUSE.find(clause) {
        return Some(m.as_str().to_string());
    }
    // "the Spurs sporting director", "the club's new manager": a title and no name after
    // it stands for the person who holds it.
    if matches!(first, "the" | "The") {
        let words: Vec<&str> = clause.split_whitespace().collect();
        if let Some(k) = words
            .iter()
            .take(5)
            .position(|w| TITLES.contains(&w.to_lowercase().as_str()))
        {
            let named_after = words
                .get(k + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            if !named_after {
                return Some(format!("the {}", words[k].to_lowercase()));
            }
        }
    }
    // "union leader Vincenzo Lilliu": a few lower-case role words may come first.
    let lead = clause
        .split_whitespace()
        .take_while(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        .count();
    if lead > 4 {
        return None;
    }
    let runs: Vec<Run> = person_runs(clause)
        .into_iter()
        .filter(|m| {
            let name = m.as_str();
            let first = name.split_whitespace().next().unwrap_or("");
            HONORIFIC_RE.is_match(name) || !is_not_name(first)
        })
        .collect();
    for (k, m) in runs.iter().enumerate() {
        // "Spanish teenager Nadal", "Wallabies coach Eddie Jones": a name followed by
        // lower-case words and another name is a modifier of that name.
        let gap = match runs.get(k + 1) {
            Some(next) => &clause[m.end()..next.start()],
            None => "",
        };
        // The words between are a role ("coach", "foreign affairs spokesman"), not a
        // verb ("Michael Howard sent Mr Bush").
        let verb = |w: &str| {
            is_speech_verb(w)
                || w.ends_with("ed")
                || matches!(
                    w,
                    "sent"
                        | "gave"
                        | "met"
                        | "made"
                        | "took"
                        | "has"
                        | "had"
                        | "was"
                        | "is"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "won"
                        | "lost"
                        | "beat"
                )
        };
        let modifier = !gap.is_empty()
            && gap.split_whitespace().count() <= 4
            && gap.split_whitespace().all(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !PREPOSITIONS.contains(&w)
                    && !verb(w)
            });
        if !modifier {
            return Some(m.as_str().to_string());
        }
    }
    None
}

/// A named person in the text, at (paragraph, byte offset).
#[derive(Debug)]
struct Mention {
    at: (usize, usize),
    name: String,
    /// Inside a quotation: the speaker's words, not the story's narration.
    in_quote: bool,
    /// The object of a preposition (`Labour MP for West Ham`, `comments about Thierry
    /// Henry`) or a name given with its acronym (`the Assistive Mouse Adapter (AMA)`):
    /// kept for full names, never what a pronoun or a sentence's subject is.
    oblique: bool,
    /// The subject of a speech verb or of a relative clause (`Jim Lanzone, vice president
    /// of ..., said`, `DiCaprio, who lost out`): a person, even when named by one word.
    speaks: bool,
    /// From the honorific: `Some(true)` for Ms, Mrs, Miss, Lady, Dame, Baroness;
    /// `Some(false)` for Mr, Sir, Lord.
    female: Option<bool>,
}

/// Prepositions whose object is kept as a name (it may be a person's full name) but is
/// not the subject a pronoun refers to.
const OBLIQUE: &[&str] = &[
    "for", "about", "against", "with", "by", "between", "among", "like", "than", "over", "under",
    "behind", "beside",
];

/// Last words of an organisation's or a place's name: not who `he` or `she` is.
const ORG_WORDS: &[&str] = &[
    "international",
    "association",
    "council",
    "ministry",
    "office",
    "board",
    "committee",
    "commission",
    "party",
    "group",
    "bank",
    "union",
    "league",
    "federation",
    "corporation",
    "company",
    "agency",
    "institute",
    "university",
    "college",
    "trust",
    "foundation",
    "society",
    "court",
    "department",
    "service",
    "services",
    "authority",
    "club",
    "fc",
    "united",
    "city",
    "times",
    "news",
    "post",
    "journal",
    "inc",
    "ltd",
    "plc",
    "airways",
    "airlines",
    "network",
    "organisation",
    "organization",
    "campaign",
    "government",
    "parliament",
    "assembly",
    "senate",
    "congress",
    "street",
    "house",
    "europe",
    "pc",
    "amendment",
    "regiments",
    "army",
    "police",
    "school",
    "hospital",
    "centre",
    "center",
    "exchange",
    "fund",
    "forum",
    "radio",
    "television",
    "tv",
    "magazine",
    "online",
    "stadium",
    "park",
    "road",
    "ground",
    "arena",
    "hall",
    "square",
    "island",
    "airport",
    "awards",
    "festival",
    "theatre",
    "theater",
    "museum",
    "gallery",
    "prize",
    "cup",
    "labour",
    "conservatives",
    "tories",
    "democrats",
    "republicans",
    // "Best British film": a name does not end in a nationality.
    "british",
    "american",
    "english",
    "scottish",
    "welsh",
    "irish",
    "french",
    "german",
    "european",
    "spanish",
    "italian",
    "australian",
    "chinese",
    "japanese",
    "indian",
];

/// Whether `name` can be a person's: not ending in an organisation's or a place's word
/// or in a title (`Attorney General`, `Labour MPs`).
fn personal(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    let singular = last.strip_suffix('s').unwrap_or(&last);
    !(ORG_WORDS.contains(&last.as_str())
        || TITLES.contains(&last.as_str())
        || TITLES.contains(&singular))
}

/// Whether `name` can be who `pronoun` (he or she) stands for: a person's name (not an
/// organisation, a place or a bare title like `Attorney General`) of a matching gender
/// where an honorific tells it.
fn could_be(name: &str, pronoun: &str, mentions: &Mentions) -> bool {
    if !personal(name) {
        return false;
    }
    if !(pronoun.eq_ignore_ascii_case("he") || pronoun.eq_ignore_ascii_case("she")) {
        return true;
    }
    let female = pronoun.eq_ignore_ascii_case("she");
    let (as_woman, as_man) = mentions
        .names
        .gender
        .get(surname_of(name))
        .copied()
        .unwrap_or_default();
    !(if female { as_man } else { as_woman })
}

fn person_mentions(paragraphs: &[String]) -> Vec<Mention> {
    let mut out = Vec::new();
    // Where the last object of a preposition ended (paragraph, byte).
    let mut prev_object: Option<(usize, usize)> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        for m in person_runs(p) {
            // After a preposition a capitalised phrase is a place ("on Mill Lane"), not a person.
            let before = p[..m.start()].trim_end();
            let prev_word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            // ... unless a role follows it ("came from Brian Gammage, vice-president of").
            // A pronoun or a verb after the comma starts a clause ("of Lords, he has
            // said", "for West Ham, said"): no role there.
            let appositive = p[m.end()..]
                .strip_prefix(", ")
                .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
                .is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        && !is_speech_verb(w)
                        && !matches!(
                            w,
                            "he" | "she"
                                | "it"
                                | "they"
                                | "we"
                                | "i"
                                | "and"
                                | "but"
                                | "or"
                                | "which"
                                | "where"
                                | "when"
                                | "while"
                                | "as"
                                | "so"
                        )
                });
            if PREPOSITIONS.contains(&prev_word) && !appositive {
                // "competition from Bernal, Jamie Foxx and ...": the list is objects too.
                prev_object = Some((pi, m.end()));
                continue;
            }
            // "The Assistive Mouse Adapter (AMA)": a name with its acronym is a thing's.
            let acronym = p[m.end()..]
                .strip_prefix(" (")
                .and_then(|r| r.split_once(')'))
                .is_some_and(|(a, _)| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()));
            // "met with Stiller and Jackson": a name joined to an object is one too.
            let joined = prev_object
                .filter(|&(pj, end)| pj == pi && end <= m.start())
                .is_some_and(|(_, end)| {
                    // A comma joins only inside a list ("Bernal, Jamie Foxx, Jim Carrey and"),
                    // not after an opening phrase ("in the Independent, Mr Abbas said").
                    let rest = &p[m.end()..];
                    match &p[end..m.start()] {
                        " and " | " or " => true,
                        ", " => rest.starts_with(", ") || rest.starts_with(" and "),
                        _ => false,
                    }
                });
            let oblique = (OBLIQUE.contains(&prev_word) && !appositive) || acronym || joined;
            prev_object = oblique.then_some((pi, m.end()));
            let speaks = speaks_after(&p[m.end()..]);
            let name = clean_name(m.as_str());
            let tokens: Vec<&str> = name.split_whitespace().collect();
            let honorific = HONORIFIC_RE.is_match(m.as_str());
            let female = match m.as_str().split([' ', '.']).next() {
                Some("Ms" | "Mrs" | "Miss" | "Lady" | "Dame" | "Baroness") => Some(true),
                Some("Mr" | "Sir" | "Lord") => Some(false),
                _ => None,
            };
            if tokens.is_empty()
                || is_not_name(tokens[0])
                || is_speech_verb(&tokens[0].to_lowercase())
            {
                continue;
            }
            if tokens.len() >= 2 || honorific {
                out.push(Mention {
                    at: (pi, m.start()),
                    name,
                    in_quote: false,
                    oblique,
                    speaks,
                    female,
                });
            } else {
                // A lone capitalised word is a person only if it is the surname of one named earlier.
                out.push(Mention {
                    at: (pi, m.start()),
                    name: format!("?{name}"),
                    in_quote: false,
                    oblique,
                    speaks,
                    female,
                });
            }
        }
    }
    out
}

fn is_speech_verb(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| VERBS.split('|').collect());
    SET.contains(word)
}

/// Capitalised words that are never a person (checked for every capitalised word).
fn is_not_name(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| NOT_NAMES.iter().copied().collect());
    SET.contains(word)
}

/// Drops honorifics and a possessive ending.
fn clean_name(s: &str) -> String {
    // "But Serena" -> "Serena": a sentence word run into a name.
    let mut s = s.trim();
    while let Some((first, rest)) = s.split_once(' ') {
        if is_not_name(first) && !HONORIFIC_RE.is_match(s) {
            s = rest.trim_start();
        } else {
            break;
        }
    }
    let s = HONORIFIC_RE.replace(s, "");
    let s = s.trim_end_matches("’s").trim_end_matches("'s");
    // "Ricky Gervais'": the possessive of a name ending in s.
    let s = match s.strip_suffix(['\'', '’']) {
        Some(base) if base.ends_with('s') => base,
        _ => s,
    };
    s.trim().to_string()
}

/// Turns the attribution words into a full name: pronouns to the person named last,
/// surnames to the full name given earlier.
/// A mention as a full name: as it stands when it has several words, else the full name
/// whose surname it is, else (for "Sir Paul", "Serena") the one full name it is the first
/// name of. `?`-marked single words that match no one are not people.
fn expand_name(name: &str, names: &Names) -> Option<String> {
    let name = name.trim_start_matches('?');
    if name.contains(' ') {
        return Some(name.to_string());
    }
    // Multi-word names only: "Sir Paul" cleaned to "Paul" is not a full name of itself.
    // ("DiCaprio" is the surname of "Leonardo diCaprio" too: surnames match in any case.)
    names
        .by_surname
        .get(&name.to_ascii_lowercase())
        .cloned()
        .or_else(|| names.by_first.get(name).cloned().flatten())
}

/// Where the sentence holding byte `at` of `para` starts: after a `.`, `!` or `?`
/// (and any closing quote marks) followed by a space and a capital or an opening mark.
/// A "sentence" longer than [`LOOKBACK`] starts that far back (bounded work on text with
/// no sentence ends).
fn sentence_start(para: &str, at: usize) -> usize {
    // Callers step back by bytes ("the sentence before"): land on a character boundary.
    let at = floor_char_boundary(para, at);
    let floor = floor_char_boundary(para, at.saturating_sub(LOOKBACK));
    let head = &para[..at];
    for (i, c) in head[floor..].char_indices().rev() {
        let i = floor + i;
        if c != ' ' {
            continue;
        }
        let next = para[i + 1..].chars().next();
        if !next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“')) {
            continue;
        }
        let end = head[..i]
            .chars()
            .rev()
            .find(|c| !matches!(c, '"' | '”' | '’' | '\''));
        if matches!(end, Some('.' | '!' | '?')) {
            return i + 1;
        }
    }
    floor
}

/// How far back (bytes) the resolution steps look in a paragraph: sentences, names given
/// to a title, organisations near an `it said`. News sentences and paragraphs are far
/// shorter; a dump with megabyte paragraphs then stays linear.
const LOOKBACK: usize = 16 * 1024;

/// The last [`LOOKBACK`] bytes of `text` (at a character boundary), with where they start.
fn recent(text: &str) -> (usize, &str) {
    let start = floor_char_boundary(text, text.len().saturating_sub(LOOKBACK));
    (start, &text[start..])
}

fn resolve(
    who: &str,
    at: (usize, usize),
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let full_names = &mentions.names;
    let expand = |name: &str| expand_name(name, full_names);
    let lower = who.to_lowercase();
    match lower.as_str() {
        "he" | "she" => pronoun(&lower, at, paragraphs, mentions, speakers),
        w if w == "it" || w.starts_with("the ") => {
            let noun = w.trim_start_matches("the ");
            let last_speaker = || speakers.last().cloned();
            match noun {
                "it" => organisation_before(span, paragraphs, mentions, true),
                "statement" | "report" | "survey" | "complaint" | "lawsuit" | "letter"
                | "ruling" | "study" => organisation_before(span, paragraphs, mentions, false),
                // "said the spokesman": whose spokesman the story said he is.
                "spokesman" | "spokeswoman" | "spokesperson" => {
                    spokesman_of(span, paragraphs).or_else(last_speaker)
                }
                // "The Judge wrote", "said the Spurs sporting director": the person the
                // story gave that title, else the one speaking so far.
                // (then whom the sentences before are about, then the last speaker, then
                // the person the whole story names most: "the prime minister told ...").
                role if people_noun(role.rsplit(' ').next().unwrap_or(role)) => {
                    // "the prime minister": the whole title; "the Spurs sporting director":
                    // the title after the names, then its noun alone.
                    let title: Vec<&str> = role
                        .split(' ')
                        .skip_while(|w| !w.starts_with(char::is_lowercase))
                        .collect();
                    let whole = title.join(" ");
                    let noun = role.rsplit(' ').next().unwrap_or(role);
                    let qualified = title.len() > 1
                        && matches!(
                            title[0],
                            "prime"
                                | "home"
                                | "foreign"
                                | "deputy"
                                | "vice"
                                | "shadow"
                                | "attorney"
                        );
                    let here = (span.para, span.open_at);
                    named_as(&whole, here, paragraphs)
                        .or_else(|| {
                            (!qualified)
                                .then(|| named_as(noun, here, paragraphs))
                                .flatten()
                        })
                        .map(|n| expand(&n).unwrap_or(n))
                        .or_else(|| pronoun("", at, paragraphs, mentions, speakers))
                        .or_else(|| mentions.names.main.clone())
                }
                "firm" | "company" | "group" | "bank" | "club" | "airline" | "retailer"
                | "agency" | "organisation" | "organization" | "charity" | "magazine"
                | "newspaper" | "paper" | "broadcaster" | "network" | "channel" | "website" => {
                    named_as(noun, (span.para, span.open_at), paragraphs)
                        .or_else(|| organisation_before(span, paragraphs, mentions, false))
                }
                // "the committee", "the government": the body itself is the speaker.
                _ => Some(noun.to_string()),
            }
        }
        // "the 34-year-old": the person the story is about, the one named most so far.
        "#main" => main_person((span.para, span.open_at), mentions),
        _ => {
            let name = clean_name(who);
            // "They said": a plural, no one in particular.
            if is_not_name(&name) {
                return None;
            }
            expand(&name).or(Some(name))
        }
    }
}

/// The person named most before `at` (`(usize::MAX, 0)`: in the whole story): whom "the
/// 34-year-old" means.
fn main_person(at: (usize, usize), mentions: &Mentions) -> Option<String> {
    // (Counted in first-seen order, so a tie goes the same way every run.)
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for m in mentions.between((0, 0), at) {
        if let Some(name) = expand_name(&m.name, &mentions.names) {
            match index.get(&name) {
                Some(&i) => counts[i].1 += 1,
                None => {
                    index.insert(name.clone(), counts.len());
                    counts.push((name, 1));
                }
            }
        }
    }
    counts.into_iter().max_by_key(|(_, c)| *c).map(|(n, _)| n)
}

/// Whom `he` or `she` at `at` (paragraph, byte) refers to: the first person named in its
/// sentence before it, else in the sentences before (up to three; one led by the same
/// pronoun, or naming no one, passes the reference back; beyond the first only a person
/// leading the sentence counts), else the last person seen speaking or named more than
/// once, else the last one named. Only people can be meant: organisations, places, bare
/// titles, names inside quotes, objects of prepositions and names of the other gender
/// are passed over. `""` stands for a title (`the prime minister`): nearby sentences only.
fn pronoun(
    pronoun: &str,
    at: (usize, usize),
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let full_names = &mentions.names;
    let para = &paragraphs[at.0];
    let here = sentence_start(para, at.1);
    let person = |m: &&Mention| -> Option<String> {
        if m.in_quote || m.oblique {
            return None;
        }
        // "Lord Goldsmith" is a person even when no full name is given, and so is
        // "DiCaprio, who lost out" or "Rasheed said".
        let bare = (!m.name.starts_with('?') || m.speaks)
            .then(|| m.name.trim_start_matches('?').to_string());
        expand_name(&m.name, full_names)
            .or(bare)
            .filter(|n| could_be(n, pronoun, mentions))
    };
    // In a window, someone already quoted wins over the first name in it
    // ("City announced ..., but Wardle confirmed .... He said:" is Wardle).
    let first_in = |from: usize, to: usize| {
        let names: Vec<String> = mentions
            .between((at.0, from), (at.0, to))
            .iter()
            .filter_map(|m| person(&m))
            .collect();
        names
            .iter()
            .find(|n| speakers.contains(n))
            .or(names.first())
            .cloned()
    };
    // A person is named more than once (full name, then surname); a club or a place
    // named once in passing is not who "he" is.
    let repeated = |name: &str| {
        mentions
            .names
            .surname_count
            .get(surname_of(name))
            .is_some_and(|&n| n > 1)
    };
    if let Some(name) = first_in(here, at.1) {
        return Some(name);
    }
    // The sentences before, nearest first: the first person named in one; a sentence
    // whose subject is the same pronoun ("She thanked the woman she played, Katharine
    // Hepburn, ...") or that names no one passes the reference back.
    let mut to = here;
    for _ in 0..3 {
        if to == 0 {
            break;
        }
        let from = sentence_start(para, to.saturating_sub(2));
        // (A sentence led by a quote ("He was shaken," said Ian Ross.) is not about "he".)
        let same = !pronoun.is_empty()
            && leading_pronoun(&para[from..to]).is_some_and(|p| p.eq_ignore_ascii_case(pronoun));
        if !same {
            // The sentence just before: its first person; further back only a person
            // leading the sentence ("DiCaprio faces ..."), not "The book ... starring X".
            let subject_end = if to == here {
                to
            } else {
                para[from..to]
                    .match_indices(' ')
                    .nth(5)
                    .map_or(to, |(i, _)| from + i)
            };
            if let Some(name) = first_in(from, subject_end) {
                return Some(name);
            }
            // "A spokesman for the Oxford University Press said ...": he speaks for it.
            if let Some(body) = spokesman_in(&para[from..to]) {
                return Some(body);
            }
            // "The home secretary has already admitted ...": whom the story gave the title.
            let head = para[from..to].trim_start();
            let words: Vec<String> = head.split(' ').take(4).map(str::to_lowercase).collect();
            if words.first().is_some_and(|w| w == "the") {
                if let Some(title) = words.iter().find(|w| TITLES.contains(&w.as_str())) {
                    let name = named_as(title, (at.0, from), paragraphs)
                        .map(|n| expand_name(&n, full_names).unwrap_or(n));
                    if name.is_some() {
                        return name;
                    }
                }
            }
        }
        to = from;
    }
    // A title ("the prime minister") with no one near is not the last name in passing.
    if pronoun.is_empty() {
        return None;
    }
    // (Lazily, nearest first: most articles stop at the first few names.)
    let mut named = mentions
        .between((0, 0), at)
        .iter()
        .rev()
        .filter_map(|m| person(&m).map(|n| (n, m.speaks)));
    let nearest = named.next()?;
    if nearest.1 || repeated(&nearest.0) {
        return Some(nearest.0);
    }
    named
        .find(|(n, speaks)| *speaks || repeated(n))
        .map_or(Some(nearest.0), |(n, _)| Some(n))
}

/// "US magazine Mobile PC", "the firm, Shell,", "Judge James Kleinberg": the name the
/// story gave this noun (in lower case or capitalised), the last time before the quote.
/// A longer title containing it is another's (`Deputy Prime Minister John Prescott` is not
/// `the prime minister`).
fn named_as(noun: &str, at: (usize, usize), paragraphs: &[String]) -> Option<String> {
    let noun = noun.to_ascii_lowercase();
    let mut found = None;
    // (The last 30 paragraphs, the last LOOKBACK bytes of each.)
    let first = at.0.saturating_sub(30);
    for (pi, p) in paragraphs.iter().enumerate().take(at.0 + 1).skip(first) {
        let text = recent(if pi == at.0 { &p[..at.1] } else { &p[..] }).1;
        // (ASCII lower-casing keeps byte offsets.)
        let lower = text.to_ascii_lowercase();
        let hits: Vec<usize> = lower.match_indices(noun.as_str()).map(|(i, _)| i).collect();
        for at in hits {
            let from = at + noun.len();
            let prev_word = text[..at].trim_end().rsplit(' ').next().unwrap_or("");
            let longer = matches!(
                prev_word.to_ascii_lowercase().as_str(),
                "deputy" | "vice" | "shadow" | "assistant" | "junior" | "former" | "ex"
            );
            let before_ok = !longer
                && text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            let rest = text[from..].trim_start_matches([',', ' ']);
            if !before_ok || !rest.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if let Some(m) = PROPER_NAME.find(rest) {
                let name = clean_name(m.as_str());
                if !is_not_name(name.split_whitespace().next().unwrap_or("")) {
                    found = Some(name);
                }
            }
        }
    }
    found
}

/// `a spokesman for the Home Office`, `a Home Office spokesman`: the body spoken for.
static SPOKESMAN_OF: LazyLock<Regex> = LazyLock::new(|| re(spokesman()));

/// The body a spokesman in `text` speaks for, the last one named there.
fn spokesman_in(text: &str) -> Option<String> {
    let last = SPOKESMAN_OF.captures_iter(text).last()?;
    let name = clean_name(last.name("who").or_else(|| last.name("for"))?.as_str());
    (!is_not_name(name.split_whitespace().next().unwrap_or(""))).then_some(name)
}

/// "said the spokesman": the body a spokesman was last said to speak for in the quote's
/// paragraph or the two before it.
fn spokesman_of(span: &Span, paragraphs: &[String]) -> Option<String> {
    (span.para.saturating_sub(2)..=span.para)
        .rev()
        .find_map(|pi| {
            let p = &paragraphs[pi];
            spokesman_in(
                recent(if pi == span.para {
                    &p[..span.open_at]
                } else {
                    p
                })
                .1,
            )
        })
}

/// The organisation an `it said` or `the firm said` refers to: the last capitalised name
/// before the quote, in its paragraph or the one before, that is not a person's.
///
/// For `it said` (`nearest`), a body named in the quote's sentence or the one before wins
/// ("The British Chambers of Commerce welcomed the proposal. "...," it said.").
fn organisation_before(
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    nearest: bool,
) -> Option<String> {
    // People: names whose surname the story gives with Mr, Ms, Sir... ("British Chambers"
    // and "Lycos Europe" are two capitalised words too, but not people's names).
    let is_person = |name: &str| mentions.names.gender.contains_key(surname_of(name));
    let upto = |pi: usize| -> &str {
        if pi == span.para {
            &paragraphs[pi][..span.open_at]
        } else {
            &paragraphs[pi][..]
        }
    };
    // Candidates in the quote's paragraph and the one before, nearest last, with where
    // they stand.
    let mut candidates: Vec<(String, (usize, usize))> = Vec::new();
    for pi in span.para.saturating_sub(1)..=span.para {
        let (base, text) = recent(upto(pi));
        // Names inside quotes are the speaker's words ("Make Love, Not Spam").
        let quoted = find_spans(&[text.to_string()]);
        candidates.extend(
            PROPER_NAME
                .find_iter(text)
                .filter(|m| !quoted.iter().any(|q| (q.start..q.end).contains(&m.start())))
                // "Indonesia's northern province": a possessive is not who speaks.
                .filter(|m| !m.as_str().ends_with("'s") && !m.as_str().ends_with("’s"))
                // "the conference in San Francisco", "the province of Aceh": a place; a
                // name after `and` is the second of a pair. (`a statement from X`, `to X`
                // can still name who speaks.)
                .filter(|m| {
                    let prev = text[..m.start()]
                        .trim_end()
                        .rsplit(' ')
                        .next()
                        .unwrap_or("");
                    let place =
                        PREPOSITIONS.contains(&prev) && !matches!(prev, "from" | "to" | "via");
                    !(place || prev == "and")
                })
                .map(|m| (clean_name(m.as_str()), (pi, base + m.start())))
                .filter(|(n, _)| {
                    let first = n.split_whitespace().next().unwrap_or("");
                    !is_not_name(first) && !HONORIFIC_RE.is_match(n) && !is_person(n)
                }),
        );
    }
    if nearest {
        let para = &paragraphs[span.para];
        let own = sentence_start(para, span.open_at);
        let before = sentence_start(para, own.saturating_sub(2));
        let from = if own > 0 { before } else { own };
        let near = candidates
            .iter()
            .rev()
            .find(|(_, at)| at.0 == span.para && at.1 >= from);
        if let Some((name, _)) = near {
            return Some(name.clone());
        }
    }
    // The one the story has named most so far (the report's, the statement's author is
    // the body the story is about), the nearest on a tie.
    // (The last LOOKBACK bytes of the story: bounded work on huge pages.)
    let mut story = String::new();
    for pi in (0..=span.para).rev() {
        if story.len() >= LOOKBACK {
            break;
        }
        story.insert_str(0, recent(upto(pi)).1);
        story.insert(0, '\n');
    }
    let times = |name: &str| story.match_indices(name).count();
    candidates
        .iter()
        .enumerate()
        .max_by_key(|(i, (n, _))| (times(n), *i))
        .map(|(_, (n, _))| n.clone())
}

/// The pronoun a sentence opens with (`He`, `She`, `It`, `They`; after `But` or `And`).
fn leading_pronoun(sentence: &str) -> Option<&str> {
    let s = sentence.trim_start();
    let s = s
        .strip_prefix("But ")
        .or_else(|| s.strip_prefix("And "))
        .unwrap_or(s);
    let first = s.split(' ').next()?;
    (s.len() > first.len() && matches!(first, "He" | "She" | "It" | "They")).then_some(first)
}

/// The first person named in the quote's sentence before the quote, if any.
fn sentence_subject(
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let full_names = &mentions.names;
    let para = &paragraphs[span.para];
    let here = sentence_start(para, span.open_at);
    // "He said Stiller and Jackson would play ... and that the jokes "...": the subject is
    // the pronoun, not the first name after it.
    let head = para[here..span.open_at].trim_start_matches(['"', '“', '”']);
    if let Some(p) = leading_pronoun(head).filter(|p| matches!(*p, "He" | "She")) {
        return pronoun(p, (span.para, here), paragraphs, mentions, speakers);
    }
    mentions
        .between((span.para, here), (span.para, span.open_at))
        .iter()
        .filter(|m| !m.in_quote && !m.oblique)
        .find_map(|m| expand_name(&m.name, full_names).filter(|n| personal(n)))
}

/// The first person named in the sentence just before `span`'s, when that sentence lies
/// wholly after the quote `prev` and does not start with a pronoun (which would continue
/// `prev`'s speaker).
fn narration_subject(
    prev: &Span,
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
) -> Option<String> {
    let para = &paragraphs[span.para];
    let here = sentence_start(para, span.open_at);
    let from = sentence_start(para, here.saturating_sub(2));
    if here == 0 || from < prev.after {
        return None;
    }
    if leading_pronoun(&para[from..here]).is_some() {
        return None;
    }
    let full_names = &mentions.names;
    mentions
        .between((span.para, from), (span.para, here))
        .iter()
        .filter(|m| !m.in_quote && !m.oblique)
        .find_map(|m| expand_name(&m.name, full_names).filter(|n| personal(n)))
}

/// For a quote the text attributes to no one: the first person named in its sentence
/// (the sentence's subject), else the person last named before it in its paragraph.
fn paragraph_subject(
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let full_names = &mentions.names;
    sentence_subject(span, paragraphs, mentions, speakers).or_else(|| {
        mentions
            .between((span.para, 0), (span.para, span.open_at))
            .iter()
            .filter(|m| !m.oblique)
            .rev()
            .find_map(|m| expand_name(&m.name, full_names).filter(|n| personal(n)))
    })
}

/// The article's names, in text order, with an index built once: looking a name up is
/// then constant time, so an 8 MB article with tens of thousands of names and quotes stays
/// linear (it took minutes when each lookup scanned every name).
struct Mentions {
    list: Vec<Mention>,
    names: Names,
}

/// Full names (several words) by surname (lower-case; the first given wins) and by first
/// name (when only one full name has it); how often each surname is named outside quotes;
/// which genders honorifics give each surname; the person the whole story names most.
#[derive(Default)]
struct Names {
    by_surname: FxHashMap<String, String>,
    by_first: FxHashMap<String, Option<String>>,
    surname_count: FxHashMap<String, usize>,
    /// (named as a woman, named as a man)
    gender: FxHashMap<String, (bool, bool)>,
    main: Option<String>,
}

/// The last word of a mention's name, without the `?` of a lone capitalised word.
fn surname_of(name: &str) -> &str {
    let name = name.trim_start_matches('?');
    name.rsplit(' ').next().unwrap_or(name)
}

impl Mentions {
    fn new(list: Vec<Mention>) -> Mentions {
        let mut names = Names::default();
        for m in &list {
            let surname = surname_of(&m.name);
            if !m.in_quote {
                *names.surname_count.entry(surname.to_string()).or_default() += 1;
            }
            if let Some(f) = m.female {
                let g = names.gender.entry(surname.to_string()).or_default();
                if f {
                    g.0 = true;
                } else {
                    g.1 = true;
                }
            }
            if m.name.starts_with('?') || !m.name.contains(' ') {
                continue;
            }
            names
                .by_surname
                .entry(surname.to_ascii_lowercase())
                .or_insert_with(|| m.name.clone());
            let first = m.name.split(' ').next().unwrap_or("").to_string();
            match names.by_first.get_mut(&first) {
                Some(one) if one.as_deref() != Some(m.name.as_str()) => *one = None,
                Some(_) => {}
                None => {
                    names.by_first.insert(first, Some(m.name.clone()));
                }
            }
        }
        let mut mentions = Mentions { list, names };
        mentions.names.main = main_person((usize::MAX, 0), &mentions);
        mentions
    }

    /// The names from `from` up to (not including) `to`, both (paragraph, byte).
    fn between(&self, from: (usize, usize), to: (usize, usize)) -> &[Mention] {
        let a = self.list.partition_point(|m| m.at < from);
        let b = self.list.partition_point(|m| m.at < to);
        &self.list[a..b.max(a)]
    }
}

impl std::ops::Deref for Mentions {
    type Target = [Mention];
    fn deref(&self) -> &[Mention] {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let paras: Vec<String> = text.lines().map(str::to_string).collect();
        quotes(&paras)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Paragraphs made of quote marks of every style, names, speech verbs, pronouns,
        /// punctuation and multi-byte letters: extraction never panics.
        #[test]
        fn quotes_never_panic_on_arbitrary_paragraphs(
            text in crate::testing::text_of(
                vec![
                    "\"", "“", "”", "«", "»", "„", "’", "'", " ", ". ", ", ", ": ", "? ",
                    "said", "told", "he", "she", "it", "the firm", "Mr ", "Sir ", "Anna Lee",
                    "Lee", "Ça", "é", "Ž", "Москва", "—", "\n", "the 34-year-old", "spokesman for",
                    "magazine", "Paul", "according to", "'s", "A", "words here", ".” ", "He said: “",
                    "she added. “", "’. ",
                ],
                0..60,
            )
        ) {
            let paras: Vec<String> = text.split('\n').map(str::to_string).collect();
            let _ = quotes(&paras);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The verb check before the quote patterns skips only texts they cannot match.
        #[test]
        fn verb_check_passes_every_text_the_patterns_before_a_quote_match(
            text in crate::testing::text_of(
                vec![
                    " ", "  ", ". ", ", ", ",", ":", ": ", "? ", "“", "\"", "said", "saidx",
                    "pointed out", "told", "he", "She", "the firm", "The company", "Mr ",
                    "Anna Lee", "spokesman for", "the prime minister", "it", "has ",
                    "according to", "words here", "é", "Ž", "Москва", "\n", "a long clause of many words",
                ],
                0..30,
            )
        ) {
            for (re, n) in [
                (&*BEFORE_SPOKESMAN, 60),
                (&*BEFORE_SUBJECT, 60),
                (&*BEFORE_ORG, 60),
                (&*BEFORE_ROLE, 80),
            ] {
                if re.is_match(&text) {
                    proptest::prop_assert!(verb_ends_within(&text, n), "{:?}", text);
                }
            }
        }
    }

    fn runs_by_regex(text: &str) -> Vec<(usize, usize)> {
        PERSON_MENTION
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    fn runs(text: &str) -> Vec<(usize, usize)> {
        person_runs(text)
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect()
    }

    #[test]
    fn person_runs_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr Blair said", &["Mr Blair"]),
            ("Mr. Blair and Mrs Thatcher", &["Mr. Blair", "Mrs Thatcher"]),
            ("Mr.Blair", &["Mr", "Blair"]),
            (
                "George W. Bush met Samuel L Jackson",
                &["George W. Bush", "Samuel L Jackson"],
            ),
            (
                "Sir Ian McKellen O'Brien-Smith Jr Fifth",
                &["Sir Ian McKellen O'Brien-Smith Jr", "Fifth"],
            ),
            ("Dr 123 and Dr", &["Dr", "Dr"]),
            ("a BBC report", &["BBC"]),
            ("aBc Smith", &["Bc Smith"]),
            ("Émile Zola in Łódź, Ödön", &["Émile Zola", "Łódź", "Ödön"]),
            ("Anna\u{a0}Lee", &["Anna\u{a0}Lee"]),
            ("I A", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = person_runs(text).iter().map(|r| r.as_str()).collect();
            assert_eq!(&got, want, "{text:?}");
            assert_eq!(runs(text), runs_by_regex(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The written-out scan finds the runs the pattern finds, on any text.
        #[test]
        fn person_runs_are_the_patterns_matches(
            text in crate::testing::text_of(
                vec![
                    " ", "  ", "\u{a0}", "\n", ".", ". ", ",", "'", "’", "-", "Mr", "Mrs", "Ms",
                    "Dr", "Sir", "Capt", "A", "B.", "W", "Anna", "Lee", "bin", "van", "O'Brien",
                    "McKellen", "x", "said", "É", "émile", "Ödön", "ß", "Σ", "ǅ", "Ⅻ", "Ⓐ", "9",
                ],
                0..30,
            )
        ) {
            proptest::prop_assert_eq!(runs(&text), runs_by_regex(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The patterns before a quote, run without the lazy DFA, find what the regex
        /// crate finds with it: the same match and the same groups.
        #[test]
        fn patterns_before_a_quote_match_as_the_regex_crate_does(
            text in crate::testing::text_of(
                vec![
                    " ", ", ", ",", ":", "“", "said", "told reporters", "has ", "he", "She",
                    "the firm", "It", "Mr ", "Anna Lee", "Jean de la Fontaine", "Ajax",
                    "spokesman for", "’s spokeswoman", "the prime minister", "According to",
                    "according to ", "the chief executive", ", the minister,", "é", "Москва",
                    "a long clause of many words",
                ],
                0..24,
            )
        ) {
            static PAIRS: LazyLock<Vec<(&EndPattern, Regex)>> = LazyLock::new(|| {
                [
                    &*BEFORE_SPOKESMAN,
                    &*BEFORE_SUBJECT,
                    &*BEFORE_ORG,
                    &*BEFORE_ROLE,
                    &*BEFORE_ACCORDING,
                ]
                .into_iter()
                .map(|p| (p, Regex::new(&p.pattern).expect("valid")))
                .collect()
            });
            for (p, reference) in PAIRS.iter() {
                let groups = |name: &str| {
                    reference
                        .captures(&text)
                        .and_then(|c| c.name(name).map(|m| (m.start(), m.as_str())))
                };
                let ours = p.captures(&text);
                proptest::prop_assert_eq!(ours.is_some(), reference.is_match(&text), "{:?}", text);
                for name in ["who", "appos", "for"] {
                    proptest::prop_assert_eq!(
                        ours.as_ref().and_then(|c| c.name(name)),
                        groups(name),
                        "{} in {:?}",
                        name,
                        text
                    );
                }
            }
        }
    }

    #[test]
    fn verb_ends_within_table() {
        let cases = [
            ("Anna Lee said", 60, true),
            ("Anna Lee said:  ", 60, true),
            ("Anna Lee told reporters on Monday,", 60, true),
            ("Mr Blair pointed out", 60, true),
            (
                "He said the plan, which the board approved in March after long talks, was",
                60,
                false,
            ),
            (
                "He said the plan, which the board approved in March after long talks, was",
                80,
                true,
            ),
            ("He said. Then he left and", 60, false),
            ("He saidx", 60, false),
            ("The weather was fine", 60, false),
            ("", 60, false),
            ("Он said Москва", 60, true),
        ];
        for (text, n, want) in cases {
            assert_eq!(verb_ends_within(text, n), want, "{text:?} within {n}");
        }
    }

    #[test]
    fn sentence_start_inside_a_multibyte_character_does_not_panic() {
        // "the sentence before" is looked up two bytes before a sentence start, which can
        // fall inside "’" or "é": this panicked on real pages (meta-dev).
        let para = "Le président a parlé. “Ça va,” a-t-il dit. Il l’a répété: “Non.”";
        for at in 0..=para.len() {
            let s = sentence_start(para, at);
            assert!(para.is_char_boundary(s) && s <= at.max(s));
        }
        let got = run("Marie Curie spoke first. Elle a dit: “Très bien, nous continuerons demain.” Puis «Oui, c’est ça», a-t-elle ajouté.");
        assert!(
            got.iter().any(|(q, _)| q.starts_with("Très bien")),
            "{got:?}"
        );
    }

    #[test]
    fn seed_quotes() {
        let seed = include_str!("../../corpus/guardian-kremlin-rejects-territory-swap.txt");
        let got = run(seed);
        let speakers: Vec<_> = got
            .iter()
            .map(|(_, s)| s.as_deref().unwrap_or("-"))
            .collect();
        assert_eq!(
            speakers,
            [
                "Volodymyr Zelenskyy",
                "Volodymyr Zelenskyy",
                "Dmitry Peskov",
                "Dmitry Peskov",
                "Dmitry Peskov"
            ],
            "{got:#?}"
        );
        assert_eq!(got[0].0, "We will swap one territory for another,");
        assert!(got[4].0.starts_with("Ukrainian units will be expelled"));
    }

    /// Regression: a dump with one enormous paragraph of names and quotes (an 8 MB JSONL
    /// record can be one) took minutes: every name lookup scanned every name, and every
    /// title fell back to a count over the whole story (a 300 KB paragraph: 16 s in a
    /// release build; 3.5 MB: over two minutes). Now the work is linear (3.5 MB: 2 s);
    /// these 2,000 sentences of quotes take about a second in a debug build.
    #[test]
    fn a_megabyte_paragraph_of_quotes_does_not_take_minutes() {
        // Distinct surnames: Leea, Leeb, ..., Leeba, ...
        let surname = |mut i: usize| {
            let mut s = String::from("Lee");
            loop {
                s.push((b'a' + (i % 26) as u8) as char);
                i /= 26;
                if i == 0 {
                    break s;
                }
            }
        };
        let sentence = |i: usize| {
            format!(
                "Anna {} met the minister in Paris. \"We will go on with the plan,\" he said. \
                 The prime minister said \"it is a good day for us\". \"Nothing changes,\" said \
                 the spokesman. ",
                surname(i)
            )
        };
        let para: String = (0..2000).map(sentence).collect();
        let started = std::time::Instant::now();
        let got = run(&para);
        let took = started.elapsed();
        assert_eq!(got.len(), 6000);
        assert_eq!(got[0].1.as_deref(), Some("Anna Leea"));
        assert_eq!(got[3 * 1999].1, Some(format!("Anna {}", surname(1999))));
        assert!(took.as_secs() < 20, "{took:?}");
    }

    #[test]
    fn attribution_table() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            (
                "Gordon Brown spoke on Monday.\n\"We will not waver on this,\" Mr Brown said.",
                &[("We will not waver on this,", Some("Gordon Brown"))],
            ),
            (
                "\"It is a good day for the town,\" said Maria Lopez, the mayor.",
                &[("It is a good day for the town,", Some("Maria Lopez"))],
            ),
            (
                "Kremlin spokesman Dmitry Peskov told reporters: «We see no basis for talks.»",
                &[("We see no basis for talks.", Some("Dmitry Peskov"))],
            ),
            (
                "Argentina's President, Nestor Kirchner, said on Friday: \"The best deal in history.\"",
                &[("The best deal in history.", Some("Nestor Kirchner"))],
            ),
            (
                "The Attorney General, Lord Goldsmith, said he would act \"in the near future\" on it.",
                &[("in the near future", Some("Goldsmith"))],
            ),
            // Not a title before the commas: the subject stays the speaker.
            (
                "Ann Lee, Acme Corp, said: \"Sales are up and we are hiring.\"",
                &[("Sales are up and we are hiring.", Some("Ann Lee"))],
            ),
            (
                "Ann Lee arrived late. „Wir sind bereit“, she said.",
                &[("Wir sind bereit", Some("Ann Lee"))],
            ),
            (
                "“We are ready,” he said, “and we will go on.”",
                &[("We are ready,", None), ("and we will go on.", None)],
            ),
            ("The film \"Jaws\" was shown.", &[]),
            // Papers that quote speech in single marks; apostrophes are not marks.
            (
                "Ann Lee spoke at the rally. ‘We will fight on and we won’t stop,’ she said.\n'It is not over for us yet,' said Ann Lee.",
                &[
                    ("We will fight on and we won’t stop,", Some("Ann Lee")),
                    ("It is not over for us yet,", Some("Ann Lee")),
                ],
            ),
            ("It's John's car and the Jones' house, isn't it? Rock 'n' roll.", &[]),
            // Themes and titles in single marks are not speech; nor is a stray `isn ‘t`.
            (
                "The theme is ‘The Medium is the Message ‘, the famous statement by Marshall McLuhan. The automaker isn ‘t slowing down.",
                &[],
            ),
            // Pronouns pass over bare titles, places after `for` and the other gender.
            (
                "The Attorney General, Lord Goldsmith, has issued no orders. He said he will act \"in the near future\" on it.",
                &[("in the near future", Some("Goldsmith"))],
            ),
            (
                "Tony Banks, Labour MP for West Ham, said it would pass. He said the ban was late. \"Let the election decide this,\" he said.",
                &[("Let the election decide this,", Some("Tony Banks"))],
            ),
            (
                "Irene Khan leads Amnesty International. Ms Khan spoke first.\nThe Amnesty secretary-general said the gap grew. \"Public passivity is the problem,\" she said.",
                &[("Public passivity is the problem,", Some("Irene Khan"))],
            ),
            // `he` after a run of quote marks refers to someone named before the run.
            (
                "Nigel Yeo said most would obey.\nBut Simon Hart has questioned it. \"The rules are blurred. \"You can hunt a rat,\" he said.",
                &[
                    ("The rules are blurred.", Some("Simon Hart")),
                    ("You can hunt a rat,", Some("Simon Hart")),
                ],
            ),
            // "met with Stiller and Jackson": objects, not who `He` is.
            (
                "Ricky Gervais has met with Stiller and Jackson.\n\"It is all sorted now,\" Gervais said.\nHe said Stiller and Jackson would play \"twisted versions of themselves\" on screen.",
                &[
                    ("It is all sorted now,", Some("Ricky Gervais")),
                    ("twisted versions of themselves", Some("Ricky Gervais")),
                ],
            ),
            // An ellipsis is no full stop: the name after it still attributes.
            (
                "Arthur Hailey wrote books.\n\"I was a rusty pilot who hadn't flown for nine years... \" Hailey later recalled.",
                &[("I was a rusty pilot who hadn't flown for nine years...", Some("Arthur Hailey"))],
            ),
            // One quoted word is a label, whoever is named with it.
            ("Paul Flynn said they had a \"scorching\" from MPs.", &[]),
            // A sentence whose subject is the same pronoun passes the reference back.
            (
                "Blanchett, who won in 1999, said: \"It means a lot to me.\" She thanked the woman she played, Katharine Hepburn, for paving the way. \"Thank you, I'm sure you're pleased,\" she said.",
                &[
                    ("It means a lot to me.", Some("Blanchett")),
                    ("Thank you, I'm sure you're pleased,", Some("Blanchett")),
                ],
            ),
            // Narration naming someone between two quotes hands over the next one.
            (
                "\"It was a surprise,\" said Mike Leigh. Best actor Jamie Foxx could not come, but Helen Mirren read out his speech. \"I'm honoured and proud to receive this.\"",
                &[
                    ("It was a surprise,", Some("Mike Leigh")),
                    ("I'm honoured and proud to receive this.", Some("Jamie Foxx")),
                ],
            ),
            // A place after `for ... and` is not the subject; the title before it is.
            (
                "Douglas Hogg said the Bill was \"largely unnecessary and expensive\". But the Tory MP for Sleaford and North Hykeham admitted the role \"cannot be frozen in aspic\".",
                &[
                    ("largely unnecessary and expensive", Some("Douglas Hogg")),
                    ("cannot be frozen in aspic", Some("Douglas Hogg")),
                ],
            ),
            // `the report said`: the body the story names most, not the place beside it.
            (
                "The Asian Development Bank (ADB) said growth would slow. The ADB warned of poverty. The province of Aceh suffered most, but its gas fields \"have survived intact\", the report said.",
                &[("have survived intact", Some("ADB"))],
            ),
            // A participle after the clause that names the speaker.
            (
                "Earlier Tory leader Michael Howard sent Mr Bush his \"warmest congratulations\", saying: \"We look to the president.\"",
                &[
                    ("warmest congratulations", Some("Michael Howard")),
                    ("We look to the president.", Some("Michael Howard")),
                ],
            ),
            // `read the statement`: the body the story names most nearby.
            (
                "Valve shut down the accounts. In a statement Valve said the system worked. \"The method used was easy to trace,\" read the statement.",
                &[("The method used was easy to trace,", Some("Valve"))],
            ),
            // A second fragment in the attributed sentence has the same speaker.
            (
                "Grant Dean said the entrants had been of \"outstanding quality\" and that judging had been \"enormously difficult\".",
                &[
                    ("outstanding quality", Some("Grant Dean")),
                    ("enormously difficult", Some("Grant Dean")),
                ],
            ),
            // A list after `from` is objects; the person leading an earlier sentence is `he`.
            (
                "Leonardo DiCaprio is nominated. DiCaprio faces competition from Bernal, Jamie Foxx, Jim Carrey and Johnny Depp. The crowd screamed when he arrived. \"It's unlike anything I've ever seen,\" he told the BBC.",
                &[("It's unlike anything I've ever seen,", Some("Leonardo DiCaprio"))],
            ),
            // `the <person noun>`: whom the story gave the title, else whom it is about.
            (
                "Real Madrid midfielder David Beckham has no plans to coach.\n\"I am not interested in being a coach,\" the England captain said on Canal Plus.",
                &[("I am not interested in being a coach,", Some("David Beckham"))],
            ),
            (
                "\"The decision was a difficult one to make,\" said BA director of commercial planning, Robert Boyle.",
                &[("The decision was a difficult one to make,", Some("Robert Boyle"))],
            ),
            // A named publication speaks; `according to the magazine` is it.
            (
                "Broadcast magazine said: \"British TV never realised how low it could go.\" Baywatch topped the list for \"mind-numbingly predictable scripts,\" according to the magazine.",
                &[
                    ("British TV never realised how low it could go.", Some("Broadcast magazine")),
                    ("mind-numbingly predictable scripts,", Some("Broadcast magazine")),
                ],
            ),
            // A participle hangs on the clause after `but`.
            (
                "Cyprus is an EU member, but Turkey had insisted it would not bow to demands, calling the issue a \"red line\".",
                &[("red line", Some("Turkey"))],
            ),
            // Roles: whose spokesman, which judge, a role before a name between commas.
            (
                "A spokesman for the Home Office said it was wrong. \"We are developing a programme,\" said the spokesman.",
                &[("We are developing a programme,", Some("Home Office"))],
            ),
            (
                "Judge James Kleinberg ruled on Friday. The Judge wrote: \"An interested public is not the public interest.\"",
                &[("An interested public is not the public interest.", Some("James Kleinberg"))],
            ),
            (
                "\"We are not going away,\" hunt master, Captain Ian Farquhar, said.",
                &[("We are not going away,", Some("Captain Ian Farquhar"))],
            ),
            (
                "Sam Hill said: “The first part of it runs on\n“and the second part ends here.”",
                &[
                    ("The first part of it runs on", Some("Sam Hill")),
                    ("and the second part ends here.", Some("Sam Hill")),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = run(text);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(q, s)| (q.to_string(), s.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
