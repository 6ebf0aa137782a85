//! Part of quote extraction: the vocabulary and patterns attribution reads (reporting
//! verbs, honorifics, the person and organisation grammars, the end-anchored patterns
//! `X said:`), and the capitalised runs that may name a person.

use super::*;

pub(super) const VERBS: &str = r"said|says|say|told|tells|added|adds|asked|asks|explained|explains|stressed|stresses|insisted|insists|warned|warns|noted|notes|wrote|writes|continued|argued|argues|claimed|claims|replied|declared|admitted|admits|acknowledged|recalled|remarked|observed|commented|announced|suggested|conceded|confirmed|insisted|urged|tweeted|posted|pointed out|went on|concluded|agreed|responded|answered|joked|boasted|complained|predicted|promised|vowed|cautioned|emphasised|emphasized|maintained|revealed|exclaimed|shouted|whispered|mused|read|likened|compared|defines|defined|apologised|apologized|described|called|denied|accused|criticised|criticized|praised|welcomed|dismissed|hailed|labelled|labeled|branded|snapped|snaps|quipped|quips|laughed|laughs|sighed|sighs|retorted|countered|interjected|reiterated|reiterates|testified|asserted|asserts|contended|contends|stated|wondered|wonders|enthused|enthuses|lamented|laments|pleaded|demanded|recounted|recounts|reflected|reflects|recalls|remarks|observes|concedes|confirms|announces|suggests|urges|predicts|promises|vows|cautions|reveals|complains|comments|continues|replies|declares|acknowledges|concludes|agrees|responds|jokes|boasts|emphasises|emphasizes|maintains|exclaims|shouts|whispers|muses|describes|apologises|apologizes|likens|denies|accuses|criticises|criticizes|praises|welcomes|dismisses|hails|testifies|pleads|retorts|interjects";
/// Titles written abbreviated before a name, with or without a full stop (the short ones
/// of [`HONORIFIC`], which reads them either way; keep the two in step).
pub(super) const ABBREVIATED_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Gen", "Col", "Capt", "Sgt", "Sen", "Rep", "Gov",
];
pub(super) const HONORIFIC: &str =
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Gen|Col|Capt|Sgt|Sen|Rep|Gov)\.?\s+)";
/// A name: capitalised words, with particles (`van`, `bin`) and middle initials
/// (`Samuel L Jackson`, `George W. Bush`) between them, and a suffix after them
/// (`Robert F. Kennedy Jr.`).
pub(super) const PERSON: &str = r"\p{Lu}[\p{L}'’\-]+(?:\s+(?:(?:van|von|de|der|da|di|du|del|la|le|al|bin|ibn|el)\s+|\p{Lu}\.?\s+)?\p{Lu}[\p{L}'’\-]+){0,3}(?:\s+(?:Jr|Sr)\.)?";

/// The attribution patterns repeat Unicode classes a bounded number of times, so their
/// lazy DFAs have many states: with the regex crate's default cache (2 MiB) the cache
/// filled, was cleared and rebuilt over and over, a quarter of text extraction time.
/// A larger cache is filled once per thread and kept. (The patterns that end at a quote
/// do not use the lazy DFA at all: [`EndPattern`].)
pub(super) fn re(p: String) -> Regex {
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
pub(super) struct EndPattern {
    pub(super) re: meta::Regex,
    #[cfg(test)]
    pub(super) pattern: String,
}

impl EndPattern {
    pub(super) fn new(pattern: String) -> EndPattern {
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

    pub(super) fn captures<'h>(&self, haystack: &'h str) -> Option<EndCaptures<'h>> {
        let mut caps = self.re.create_captures();
        self.re.captures(haystack, &mut caps);
        caps.is_match().then_some(EndCaptures { haystack, caps })
    }

    /// As [`EndPattern::captures`], for a match starting at `start` or after (what comes
    /// before still counts for the pattern's look-behind).
    pub(super) fn captures_from<'h>(
        &self,
        haystack: &'h str,
        start: usize,
    ) -> Option<EndCaptures<'h>> {
        let mut caps = self.re.create_captures();
        self.re.captures(
            regex_automata::Input::new(haystack).range(start..),
            &mut caps,
        );
        caps.is_match().then_some(EndCaptures { haystack, caps })
    }

    #[cfg(test)]
    pub(super) fn is_match(&self, haystack: &str) -> bool {
        self.re.is_match(haystack)
    }
}

/// The groups of an [`EndPattern`] match.
pub(super) struct EndCaptures<'h> {
    pub(super) haystack: &'h str,
    pub(super) caps: regex_automata::util::captures::Captures,
}

impl<'h> EndCaptures<'h> {
    /// Where group `name` starts and what it matched, when it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<(usize, &'h str)> {
        let span = self.caps.get_group_by_name(name)?;
        Some((span.start, &self.haystack[span.range()]))
    }
}

pub(super) static AFTER_INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*(?:{VERBS})\s+(?P<who>he|she|{HONORIFIC}?{PERSON})"
    ))
});
pub(super) static AFTER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*(?P<who>[Hh]e|[Ss]he|{HONORIFIC}?{PERSON})(?:,(?P<appos>[^,]{{1,80}}),)?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+|once\s+)?(?:{VERBS})\b"
    ))
});
/// As [`AFTER_SUBJECT`], for a name after a title in capitals longer than a name is
/// read (`Senate Majority Leader Chuck Schumer, D-N.Y., told`, `Jefferson Parish Sheriff
/// Harry Lee said`): up to two capitalised words and a title word ([`TITLES`]) before
/// the name. (`London Ambulance Service NHS Trust said` has no title word: a body.)
pub(super) static AFTER_TITLED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*(?:\p{{Lu}}[\p{{L}}\-]+\s+){{0,2}}(?i:{})\s+(?P<who>{PERSON})(?:,(?P<appos>[^,]{{1,80}}),)?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+|once\s+)?(?:{VERBS})\b",
        TITLES.join("|")
    ))
});
/// `said LSE chief executive Clara Furse`, `declared Wallabies coach Eddie Jones on ...`,
/// `said the 34-year-old`: the clause after the verb, where a name is looked for.
pub(super) static AFTER_VERB_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,!?—–-]*(?:{VERBS})\s+(?P<clause>[^.,;:!?“”\x22]{{1,120}})"
    ))
});
/// `chairman and chief executive Richard Parsons said`: roles in lower case before a name.
pub(super) static AFTER_ROLE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?:\p{{Lu}}[\p{{L}}'’\-]*\s+){{0,3}}(?:(?:\p{{Ll}}[\p{{Ll}}\-]*),?\s+){{1,6}}(?P<who>{HONORIFIC}?{PERSON})(?:,[^,]{{1,60}},|,)?\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"
    ))
});
/// `the UN undersecretary general for legal affairs, Elinor Hammarskjöld, told the
/// court`: a role led by an article, then the name between commas, then the verb.
pub(super) static AFTER_ROLE_APPOS: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?:the|a|an|its|their|his|her)\s+[^,.;:!?“”\x22]{{1,80}},\s+(?P<who>{HONORIFIC}?{PERSON}),\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"
    ))
});
/// Words for an organisation speaking: `it said`, `the firm said`, `the committee added`.
pub(super) const ORG: &str = r"(?:\p{Lu}[\p{L}'’&\-]+(?:\s+\p{Lu}[\p{L}'’&\-]+){0,2}\s+(?:magazine|newspaper|firm|company|group|bank|airline|agency|charity|union|website|network|channel|broadcaster)|[Ii]t|[Tt]he (?:firm|company|group|bank|club|airline|retailer|agency|organisation|organization|charity|union|committee|council|government|ministry|department|board|regulator|watchdog|report|survey|statement|complaint|lawsuit|letter|ruling|study|magazine|newspaper|paper|broadcaster|network|channel|website|league|federation|association|commission|authority|police|force|court|center|centre|bureau|college|institute|foundation|service|administration|party|university|trust|society|campaign|coalition|alliance|army|military|spokesman|spokeswoman|spokesperson))";
pub(super) static AFTER_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?P<who>{ORG})\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"
    ))
});
pub(super) static BEFORE_ORG: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"(?:^|[^\p{{L}}])(?P<who>{ORG})\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,60}}[:,]?\s*$"
    ))
});
pub(super) static AFTER_ORG_CLAUSE: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{ORG}\b")));
/// A capitalised name of any kind (organisations included), for `the firm said`.
/// (`of` may join its words: `British Chambers of Commerce`, `Bank of England`.)
pub(super) static PROPER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\p{Lu}[\p{L}\p{N}'’&\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}'’&\-]*)*".to_string())
});

/// `Mr Blair's spokesman said:`, `An Ajax spokesman told BBC Sport:`, `A spokesman for the LSE said:`.
pub(super) static BEFORE_SPOKESMAN: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"{}\s+(?:has\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,60}}[:,]?\s*$",
        spokesman()
    ))
});
/// `Mr Blair's spokesman`, `a spokesman for the LSE`, `UPS corporate communications`, `the
/// Kremlin press service`, `A Department for Constitutional Affairs spokeswoman`: the body
/// or person spoken for, in group `who` or `for`.
pub(super) fn spokesman() -> String {
    format!(
        r"(?:(?P<who>{HONORIFIC}?{PERSON}(?:\s+(?:of|for)\s+(?:the\s+)?{PERSON})?)(?:'s|’s)?\s+(?:spokes(?:man|woman|person)|press\s+(?:office|service|team)|(?:corporate\s+)?communications(?:\s+(?:team|office|department))?|media\s+(?:office|team))|[Ss]pokes(?:man|woman|person) for (?:the )?(?P<for>{HONORIFIC}?{PERSON}))"
    )
}
pub(super) static AFTER_SPOKESMAN: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?:a|an|the)\s+(?P<who>{PERSON})\s+spokes(?:man|woman|person)\s+(?:has\s+)?(?:{VERBS})\b"
    ))
});
/// `"..." once he realised it, said Mr Blair.`: an inverted attribution ending the
/// sentence the quote is in.
pub(super) static AFTER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r#"^[^.!?:“”"]{{1,100}},\s+(?:said|says|added|adds)\s+(?P<who>{HONORIFIC}?{PERSON})\s*\."#
    ))
});
/// `“...” of the boat, which was on patrol, the bureau said.`: the subject and its verb
/// ending the sentence the quote is in.
pub(super) static AFTER_TAIL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r#"^[^.!?:“”"]{{1,100}},\s+(?P<who>[Hh]e|[Ss]he|{HONORIFIC}?{PERSON}|{ORG})\s+(?:has\s+|had\s+)?(?:said|says|added|adds|told)\b[^.!?:“”"]{{0,40}}\."#
    ))
});
/// `he said`, `she added`: a pronoun and a reporting verb, anywhere in a sentence
/// (`Even more concerning, he said, is that ...`); group 1 is the pronoun.
pub(super) static PRONOUN_SAYS: LazyLock<Regex> =
    LazyLock::new(|| re(format!(r"\b([Hh]e|[Ss]he),?\s+(?:{VERBS})\b")));
/// A reporting verb anywhere (`Mr Lammy said the couple could “look their best”`).
pub(super) static REPORTING_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(format!(r"\b(?:{VERBS})\b")));
/// `Matthew O’Connor from` before `UPS corporate communications said`: a person from the
/// press office.
pub(super) static PERSON_FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"(?P<who>{HONORIFIC}?{PERSON})(?:,[^,]{{1,60}},)?\s+(?:from|of|at)\s+(?:the\s+)?$"
    ))
});
/// A document and its author after `according to` (`a study by`, `a new report
/// published by the`, `the lawsuit filed by`): its words are the author's, a person's or a
/// body's.
pub(super) const DOCUMENT_BY: &str = r"(?:(?:(?:a|an|the)\s+)?(?:[\p{Ll}\-]+\s+){0,2}?(?:study|report|survey|analysis|paper|poll|review|investigation|audit|book|lawsuit|complaint|filing|statement|letter)\s+(?:(?:conducted|published|carried\s+out|commissioned|led|written|released|issued|compiled|prepared|filed|sent|signed)\s+)?by\s+(?:the\s+)?)";
pub(super) static AFTER_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,.!?—–-]*according to (?P<document>{DOCUMENT_BY})?(?P<who>{HONORIFIC}?{PERSON})"
    ))
});
pub(super) static BEFORE_SUBJECT: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"(?:^|[^\p{{L}}])(?P<who>[Hh]e|[Ss]he|{HONORIFIC}?{PERSON})(?:,(?P<appos>[^,]{{1,160}}),)?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,60}}[:,]?\s*$"
    ))
});
/// `..., she said.` ending the sentence before a quote that opens the next one (with a
/// time or place after the verb: `, he told reporters on Monday.`).
pub(super) static SAID_BEFORE: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r",\s+(?P<who>he|she|{HONORIFIC}?{PERSON})\s+(?:said|says|added|adds|explained|explains|recalled|recalls|noted|notes|told\s+(?:me|us|reporters|journalists|\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+){{0,3}}))(?:\s+(?:on|in|at|last|this|earlier|later)(?:\s+[\p{{L}}\p{{N}}]+){{1,3}})?\.\s*$"
    ))
});
/// Participles that attribute speech (`..., saying`, `, adding:`).
pub(super) const PARTICIPLES: &[&str] = &[
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
pub(super) fn participle_clause(before: &str) -> Option<(usize, &str)> {
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
pub(super) static BEFORE_ACCORDING: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"[Aa]ccording to {DOCUMENT_BY}?(?P<who>{HONORIFIC}?{PERSON}),?\s*$"
    ))
});
/// Capitalised runs that may name a person (`Mr Blair`, `George W. Bush`, `Sir Ian
/// McKellen`); [`person_runs`] finds what this pattern finds (the tests hold it to it).
#[cfg(test)]
pub(super) static PERSON_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"(?:{HONORIFIC})?\p{{Lu}}[\p{{L}}'’\-]+(?:\s+(?:\p{{Lu}}\.?\s+)?\p{{Lu}}[\p{{L}}'’\-]+){{0,3}}"
    ))
});

/// The honorifics of [`HONORIFIC`], in its order.
pub(super) static HONORIFIC_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let words = HONORIFIC.trim_start_matches("(?:(?:");
    words[..words.find(')').unwrap_or(0)].split('|').collect()
});

/// The byte ranges `PERSON_MENTION.find_iter(text)` gives: leftmost runs of an optional
/// honorific (`Mr`, `Dr.`) and one to four capitalised words (`\p{Lu}` and letters, `'`,
/// `’` or `-`), a middle initial allowed before each word after the first. Written out:
/// on every paragraph of every article, the regex took 60 instructions a byte (a forward
/// and a backward pass per match), a tenth of text extraction.
pub(super) fn person_runs(text: &str) -> Vec<Run<'_>> {
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
pub(super) struct Run<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl<'a> Run<'a> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &'a str {
        &self.text[self.start..self.end]
    }
}

/// The end of the run starting at `start`, as the pattern's first choices take it: with
/// the honorific when one leads to a name, else without.
pub(super) fn person_run_at(text: &str, start: usize) -> Option<usize> {
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
pub(super) fn name_words_end(text: &str, at: usize) -> Option<usize> {
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
pub(super) fn initial_then_word_end(text: &str, at: usize) -> Option<usize> {
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
pub(super) fn name_word_end(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].char_indices();
    let (_, first) = chars.next().filter(|&(_, c)| is_upper_letter(c))?;
    let end = chars
        .find(|&(_, c)| !(is_letter(c) || matches!(c, '\'' | '’' | '-')))
        .map_or(text.len(), |(i, _)| at + i);
    (end > at + first.len_utf8()).then_some(end)
}

/// Past the white space (`\s`: Unicode `White_Space`, as `char::is_whitespace`) at `at`.
pub(super) fn spaces_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i)
}

/// `\p{Lu}`: ASCII directly, other characters by the regex crate's own tables.
pub(super) fn is_upper_letter(c: char) -> bool {
    static UPPER: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Lu}$".to_string()));
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        UPPER.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// `\p{L}`: ASCII directly, other characters by the regex crate's own tables.
pub(super) fn is_letter(c: char) -> bool {
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
pub(super) fn speaks_after(rest: &str) -> bool {
    if rest.starts_with(", who ") {
        return true;
    }
    let mut rest = rest;
    if let Some(r) = rest.strip_prefix(',') {
        // `Lipolelo Potobere, said`: the verb after the comma closing an appositive
        // before the name.
        let next = r.split_whitespace().next().unwrap_or("");
        if is_speech_verb(next.trim_end_matches([',', '.', ':', ';'])) {
            return true;
        }
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

pub(super) static HONORIFIC_RE: LazyLock<Regex> = LazyLock::new(|| re(format!("^{HONORIFIC}")));

/// Capitalised words that start a sentence or name a time, never a person.
pub(super) const NOT_NAMES: &[&str] = &[
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
    // The rest of English's closed classes that open a sentence: conjunctions,
    // prepositions, determiners and sentence adverbs (`Although Lindi ...`, `Given ...`).
    "Although",
    "Though",
    "Because",
    "Since",
    "Unless",
    "Until",
    "Whereas",
    "Whether",
    "Once",
    "Beyond",
    "Despite",
    "Among",
    "Amid",
    "Against",
    "Under",
    "Over",
    "About",
    "Above",
    "Below",
    "Between",
    "Behind",
    "Beside",
    "Besides",
    "Throughout",
    "Upon",
    "Within",
    "Along",
    "Toward",
    "Towards",
    "Into",
    "Across",
    "Around",
    "Through",
    "Like",
    "Unlike",
    "Given",
    "Considering",
    "Regarding",
    "Following",
    "Including",
    "Instead",
    "Even",
    "Just",
    "Only",
    "Perhaps",
    "Indeed",
    "Thus",
    "Hence",
    "Therefore",
    "Moreover",
    "Furthermore",
    "Nevertheless",
    "Nonetheless",
    "Otherwise",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Tonight",
    "Every",
    "Each",
    "All",
    "Both",
    "Either",
    "Neither",
    "No",
    "Not",
    "Another",
    "Other",
    "Such",
    "Several",
    "Few",
    "Any",
    "Which",
    "Whose",
    "Whom",
    "Your",
    "Us",
    "Them",
    "Him",
];

/// Words after which a capitalised phrase names a place or a thing.
pub(super) const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "from", "to", "of", "near", "into", "across", "via", "towards", "outside",
    "inside", "around", "through", "the",
];
