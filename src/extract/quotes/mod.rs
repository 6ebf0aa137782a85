//! Direct quotations and who said them.
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

mod attribution;
pub(crate) use attribution::TITLES;
pub(crate) use subject_run::{INDEFINITE, POSSESSED_BODIES};
mod mentions;
mod patterns;
mod resolution;
mod spans;
mod subject_run;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_words;

use attribution::*;
use mentions::*;
use patterns::*;
use resolution::*;
use spans::*;
use subject_run::*;

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
pub(super) struct Span {
    pub(super) para: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Byte offset just past the closing mark (or the paragraph end).
    pub(super) after: usize,
    /// Byte offset of the opening mark.
    pub(super) open_at: usize,
    /// False when the quote runs on into the next paragraph.
    pub(super) closed: bool,
}

/// Most paragraphs between a quote and an unattributed paragraph of quote that still
/// answers for its speaker, and the longest such paragraph (in bytes): an interviewer's
/// question or a line of narration.
const INTERVIEW_GAP: usize = 3;
const INTERVIEW_QUESTION: usize = 400;

/// For a paragraph that opens with a quote: the attribution of the paragraph before when
/// that paragraph introduces it with a colon (`Financial Times reported:`, `In an update
/// on X, the force said:`), read by the same grammar as an attribution before a quote in
/// one paragraph, with where it stands.
fn introduced(span: &Span, paragraphs: &[String]) -> Option<(String, (usize, usize))> {
    let para = &paragraphs[span.para];
    if span.para == 0 || !para[..span.open_at].trim().is_empty() {
        return None;
    }
    let prev = paragraphs[span.para - 1].trim_end();
    if !prev.ends_with(':') || prev.contains(['“', '”', '"']) {
        return None;
    }
    // The paragraph before, then a quote of one letter: `... said: “x”`. (`reported` is
    // a reporting verb only here: `The News of the World reports that Anelka told a
    // French magazine: "..."` is Anelka's.)
    // `has issued the following statement:` says what `said:` does.
    static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
        re(r"\s+(?:has\s+|have\s+|had\s+)?(?:issued|released|published|put\s+out|shared|posted|sent)\s+(?:the\s+following|a|this|the|an)\s+(?:\w+\s+)?(?:statement|message|post|note|letter|update|response|reply)(?:\s+\w+){0,4}:$".to_string())
    });
    let prev = match prev.strip_suffix("reported:") {
        Some(head) if head.ends_with(' ') => format!("{head}said:"),
        _ => ISSUED.replace(prev, " said:").into_owned(),
    };
    let joined = format!("{prev} “x”");
    let open_at = prev.len() + 1;
    let start = open_at + '“'.len_utf8();
    let quote = Span {
        para: span.para - 1,
        start,
        end: start + 1,
        after: joined.len(),
        open_at,
        closed: true,
    };
    let (who, at) = attribute(&joined, &quote)?;
    Some((who, (span.para - 1, at.min(prev.len()))))
}

/// Extracts the direct quotations of an article from its paragraphs.
///
/// An article with no double-quoted span that quotes speech in single marks (`‘We will
/// fight on,’ she said.`, a style some papers use) is read with its single marks as
/// double ones; apostrophes inside words (`don’t`, `it's`) stay apostrophes.
pub fn quotes(paragraphs: &[String]) -> Vec<Quote> {
    let spans = find_spans(paragraphs);
    if spans.is_empty() && paragraphs.iter().any(|p| p.contains(['‘', '\''])) {
        let doubled: Vec<String> = paragraphs
            .iter()
            .map(|p| abbreviations_unstopped(&singles_as_doubles(p)))
            .collect();
        let spans = find_spans(&doubled);
        return quotes_in(&doubled, paragraphs, spans, true);
    }
    let read: Vec<String> = paragraphs
        .iter()
        .map(|p| abbreviations_unstopped(p))
        .collect();
    quotes_in(&read, paragraphs, spans, false)
}

/// `p` with the full stop of a title abbreviated before a name (`Rep. Kevin McCarthy`,
/// `Mr. Smith`, `Sen. Warren`) made a space, the same length: the attribution then reads
/// no sentence end there (`said Rep. Kevin McCarthy, R-Calif.` had given `Rep`).
pub(super) fn abbreviations_unstopped(p: &str) -> String {
    let mut out = p.to_string();
    for (i, _) in p.match_indices(". ") {
        let word_at = p[..i]
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |j| j + p[j..].chars().next().map_or(1, char::len_utf8));
        let next_upper = p[i + 2..].starts_with(char::is_uppercase);
        if next_upper && ABBREVIATED_TITLES.contains(&&p[word_at..i]) {
            out.replace_range(i..i + 1, " ");
        }
    }
    out
}

/// `p` with single quote marks that open or close a quotation replaced by double ones of
/// the same byte length (‘ -> “, ’ -> ”, ' -> "), so every offset stays valid in `p`.
pub(super) fn singles_as_doubles(p: &str) -> String {
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
pub(super) fn quotes_in(
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
        let attributed = attribute(para, &span)
            .map(|(who, at)| {
                // A pronoun after the quote: look before the run the quote belongs to.
                let at = if at >= span.after {
                    anchor
                } else {
                    (span.para, at)
                };
                (who, at)
            })
            .or_else(|| introduced(&span, paragraphs))
            .map(|(who, at)| resolve(&who, at, &span, paragraphs, &mentions, &speakers));
        // (A source the story does not name is no one a later `he said` or title stands
        // for.)
        if let Some(Some(who)) = &attributed {
            if !speakers.contains(who) && !is_unnamed(who) {
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
        // A short fragment inside what a reporting verb reports is its subject's words.
        let attributed = attributed.or_else(|| {
            (span.closed && (2..4).contains(&words))
                .then(|| reported_by(&span, paragraphs, &mentions, &speakers).map(Some))
                .flatten()
        });
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
    let dominant = dominant_person(&mentions);
    // Still no one: the person the paragraph is about, else the speaker of the quote
    // before in this paragraph or the one before (a paragraph of quote continues the
    // last speaker). A paragraph that is all quote answers for the last speaker across
    // a few short paragraphs between (an interview's questions: `Is he a good leader?`).
    for i in 0..out.len() {
        if out[i].1.is_some() {
            continue;
        }
        out[i].1 = paragraph_subject(&out[i].0, paragraphs, &mentions, &speakers)
            .or_else(|| previous_subject(&out[i].0, paragraphs, &mentions, &speakers))
            .or_else(|| {
                let prev = i.checked_sub(1).map(|p| &out[p])?;
                let span = &out[i].0;
                let answers = prev.0.para < span.para
                    && paragraphs[span.para][..span.open_at].trim().is_empty()
                    && span.para <= prev.0.para + INTERVIEW_GAP
                    && paragraphs[prev.0.para + 1..span.para]
                        .iter()
                        .all(|p| p.len() <= INTERVIEW_QUESTION && !p.contains(['“', '"']));
                (prev.0.para + 1 >= span.para || answers)
                    .then(|| prev.1.clone())
                    .flatten()
                    .filter(|who| !is_unnamed(who))
            })
            .or_else(|| {
                let span = &out[i].0;
                let whole = paragraphs[span.para][..span.open_at].trim().is_empty();
                whole.then(|| dominant.clone()).flatten()
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
