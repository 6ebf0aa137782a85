//! Part of quote extraction: the subject of a reporting verb when it is a long run of
//! capitalised words, as political and business reporting writes them: a title of several
//! words before the name (`Secretary of State Marco Rubio`, `Health and Human Services
//! Secretary Robert F. Kennedy Jr.`, `House Speaker Mike Johnson`), a state or a town
//! after it (`Sen. Susan Collins of Maine`), a party and state tag (`Rep. Jim Jordan,
//! R-Ohio,`, `Sen. Joe Manchin (D-W.Va.)`).
//!
//! The patterns of [`super::patterns`] read a name of up to four words next to the verb;
//! on these runs they take the wrong end (`Kentucky`, `State Marco Rubio`). Here the run
//! is read word by word: the person is the stretch of two to four capitalised words (and
//! initials, and a `Jr.`) that starts at a given name, or after a title, and ends the run
//! or stands before `of` and a place; the words before it are the person's title.

use super::*;
use crate::text::given_names::is_given_name;
use crate::text::nouns::is_person_noun;

/// Lower-case words inside a title or a body's name (`Secretary of State`, `Health and
/// Human Services`).
const JOINING: &[&str] = &["of", "and", "for", "the", "&", "on"];

/// Particles inside a name (`Ursula von der Leyen`); the person pattern of
/// [`super::patterns`] reads the same ones (keep the two in step).
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn", "el",
];

/// A name's suffix after the surname.
const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// The longest run this reads, in words.
const MOST_WORDS: usize = 14;

/// `(D-W.Va.)`, `R-Ohio`, `D-N.Y.`: a member of Congress's party and state, in brackets or
/// between commas after the name.
fn party_tag(word: &str) -> bool {
    let w = word
        .trim_start_matches('(')
        .trim_end_matches([')', ',', '.']);
    let mut parts = w.splitn(2, '-');
    matches!(parts.next(), Some("D" | "R" | "I"))
        && parts
            .next()
            .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// A word of a name or of a title in capitals: a capital first, then letters, hyphens,
/// apostrophes or full stops (`Gov.`, `F.`, `U.S.`, `O'Rourke`).
fn capitalised(word: &str) -> bool {
    // (`ex-Home Secretary`, `then-Gov.`: a prefix before a capitalised word.)
    let word = match word.split_once('-') {
        Some(("ex" | "then" | "former", rest)) => rest,
        _ => word,
    };
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Titles written abbreviated besides [`ABBREVIATED_TITLES`] (`Lt. Gov.`, `Adm.`).
const MORE_ABBREVIATED: &[&str] = &[
    "Lt", "Maj", "Adm", "Cmdr", "Supt", "Atty", "Sec", "Insp", "Det",
];

/// A word with no full stop after it, or one whose full stop ends no sentence: an initial
/// (`F.`), a title (`Sen.`, `Gov.`), a suffix (`Jr.`) or an abbreviation with inner stops
/// (`U.S.`).
fn abbreviation(word: &str) -> bool {
    let Some(base) = word.strip_suffix('.') else {
        return true;
    };
    base.chars().count() == 1
        || base.contains('.')
        || listed_title(base)
        || SUFFIXES.contains(&base)
}

/// Whether the full stop that ends `text` is an abbreviation's (`F.`, `Jr.`, `Gov.`,
/// `U.S.`), which ends no sentence.
pub(super) fn abbreviation_stop(text: &str) -> bool {
    let word = text.rsplit(' ').next().unwrap_or(text);
    word.len() > 1 && capitalised(word) && abbreviation(word)
}

/// A title the lists hold: `Secretary`, `Leader`, `Gov`, `Sen`.
fn listed_title(word: &str) -> bool {
    let base = word.trim_end_matches('.');
    TITLES.contains(&base.to_lowercase().as_str())
        || ABBREVIATED_TITLES.contains(&base)
        || MORE_ABBREVIATED.contains(&base)
}

/// A title word before a name: a listed one or a noun for a person (`Speaker`,
/// `Commandant`).
fn title_word(word: &str) -> bool {
    listed_title(word) || is_person_noun(&word.trim_end_matches('.').to_lowercase())
}

/// A word of a person's name after its first: a capitalised word that is no title, or an
/// initial, or a suffix.
fn name_word(word: &str) -> bool {
    capitalised(word) && !word.ends_with("'s") && !word.ends_with("’s")
}

/// Where the person stands in `words`, a run of capitalised and joining words: the start
/// and end of the stretch, or None when no stretch reads as a name.
fn person_in(words: &[&str]) -> Option<(usize, usize)> {
    let bare = |w: &str| w.trim_end_matches('.').to_string();
    for i in 0..words.len() {
        let first = bare(words[i]);
        let after_title = i > 0 && title_word(words[i - 1]);
        // (`District of Columbia Jeanine Pirro`: a given name after `of` is what a title
        // is of, no one's name.)
        let after_of = i > 0 && JOINING.contains(&words[i - 1]);
        if !name_word(words[i]) || !(is_given_name(&first) && !after_of || after_title) {
            continue;
        }
        // The stretch: capitalised words to the end of the run or to `of`.
        let mut end = i + 1;
        while end < words.len() && name_word(words[end])
            || end + 1 < words.len()
                && PARTICLES.contains(&words[end])
                && (name_word(words[end + 1]) || PARTICLES.contains(&words[end + 1]))
        {
            end += 1;
        }
        // (`of the Guardian`, `of the University of Oxford`: a body after `the`.)
        let tail = words.get(end + 1..).unwrap_or(&[]);
        let tail = tail.strip_prefix(&["the"]).unwrap_or(tail);
        let tail_ok = end == words.len()
            || (words[end] == "of"
                && !tail.is_empty()
                && tail.len() <= 4
                && tail.iter().all(|w| name_word(w) || *w == "of"));
        // Words that count: not initials or suffixes.
        let counted = words[i..end]
            .iter()
            .filter(|w| {
                let b = bare(w);
                b.chars().count() > 1 && !SUFFIXES.contains(&b.as_str())
            })
            .count();
        // A title inside the stretch makes it a title and a name (`Georgia Secretary`).
        let titled = words[i + 1..end].iter().any(|w| listed_title(w));
        if tail_ok && (2..=4).contains(&counted) && !titled {
            return Some((i, end));
        }
    }
    None
}

/// The speaker a long subject run names (`words`, in order, party tags out), or None when
/// the run is a plain name (the patterns read it) or names no one this can tell.
fn speaker_of(words: &[&str]) -> Option<String> {
    let (start, end) = person_in(words)?;
    let name = words[start..end].join(" ");
    let name = name.trim_end_matches('.');
    if start == 0 {
        // A name and a place after it (`Mitch McConnell of Kentucky`): the name.
        return (end < words.len()).then(|| name.to_string());
    }
    // (`Sen. Susan Collins and Sen. Lisa Murkowski`: two people, no one's title.)
    let prefix = &words[..start];
    if prefix.contains(&"and") && prefix.iter().any(|w| is_given_name(w)) {
        return None;
    }
    // The words before the name are the person's title when one of them is a title word
    // (`Secretary of State`, `Texas Gov.`, `House Speaker`), kept with the name (the
    // speaker's role is read from it later); else they may be the name's own first words
    // (`Mary Ann Smith`, `Mary` no given name this knows): no reading.
    words[..start]
        .iter()
        .any(|w| title_word(w))
        .then(|| format!("{} {name}", words[..start].join(" ")))
}

/// Cleans a word of the run: no comma after it, no brackets.
fn word_of_run(word: &str) -> &str {
    word.trim_end_matches(',')
}

/// The subject run at the start of `after` (the text after a quote), ending at a reporting
/// verb: `, Senate Minority Leader Mitch McConnell of Kentucky said.`
pub(super) fn subject_after(after: &str) -> Option<String> {
    let text = after.trim_start_matches([' ', ',', '.', '!', '?', '—', '–', '-']);
    // (Empty between two spaces: the quote code makes the stop of `Gov.` a space.)
    let tokens: Vec<&str> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(MOST_WORDS + 1)
        .collect();
    let mut words: Vec<&str> = Vec::new();
    let mut verb = false;
    let mut n = 0;
    while n < tokens.len() {
        let word = tokens[n];
        let bare = word_of_run(word);
        if is_speech_verb(bare.trim_end_matches(['.', ':', ';']))
            || (matches!(bare, "has" | "had" | "also") && !words.is_empty())
        {
            verb = true;
            break;
        }
        n += 1;
        if party_tag(word) {
            continue;
        }
        let part = capitalised(bare) && abbreviation(bare)
            || JOINING.contains(&bare)
            || PARTICLES.contains(&bare);
        if !part {
            return None;
        }
        words.push(bare);
        if word.ends_with(',') {
            // A comma ends the run unless a party tag (`Jim Jordan, R-Ohio, said`), the
            // verb or an apposition between commas and then the verb follows (`Hakeem
            // Jeffries of New York, the House Democratic leader, said`).
            let next = tokens.get(n).copied().unwrap_or("");
            if party_tag(next) || is_speech_verb(word_of_run(next)) {
                continue;
            }
            let close = tokens[n..].iter().position(|w| w.ends_with(','))?;
            let after_close = tokens.get(n + close + 1).copied().unwrap_or("");
            if !is_speech_verb(word_of_run(after_close).trim_end_matches(['.', ':', ';'])) {
                return None;
            }
            n += close + 1;
        }
    }
    if !verb {
        return None;
    }
    while words.first().is_some_and(|w| JOINING.contains(w)) {
        words.remove(0);
    }
    speaker_of(&words)
}

/// Determiners of an indefinite description: `a senior official`, `two sources`.
pub(crate) const INDEFINITE: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "several", "some", "another",
];

/// Head nouns of an unnamed source besides WordNet's nouns for people.
const SOURCE_NOUNS: &[&str] = &["source", "sources", "person", "people"];

/// An unnamed source (`a senior administration official`, `one Republican aide`, `a
/// person familiar with the talks`, `two sources briefed on the plan`, `officials`): a
/// description that names no one, which a story gives where the source asked not to be
/// named. `words` are the subject's words before the verb (or the clause after it); the
/// description is given back, or None when they are no such description. A body's
/// spokesman (`a Downing Street spokesman`) is the body's and no unnamed source.
pub(super) fn unnamed_source(words: &[&str]) -> Option<String> {
    let first = *words.first()?;
    let indefinite = INDEFINITE.contains(&first.to_lowercase().as_str());
    // (`one of their lawyers`: the head is the noun after `of`.)
    let from = if words.get(1) == Some(&"of") { 2 } else { 0 };
    // The head: the last word before a postmodifier (`familiar with`, `close to`,
    // `briefed on`, `who`) or a preposition (`a motion by Mr Jackson's lawyers` is a
    // motion), else the last word.
    let end = from
        + words[from..]
            .iter()
            .skip(1)
            .position(|w| {
                matches!(
                    *w,
                    "familiar"
                        | "close"
                        | "briefed"
                        | "with"
                        | "who"
                        | "speaking"
                        | "involved"
                        | "by"
                        | "of"
                        | "from"
                        | "at"
                        | "in"
                        | "on"
                        | "to"
                )
            })
            .map_or(words.len() - from, |i| i + 1);
    let head = words[..end].last()?.trim_end_matches(',');
    let singular = head.strip_suffix('s').unwrap_or(head);
    let person = SOURCE_NOUNS.contains(&head)
        || is_person_noun(head)
        || head.ends_with('s') && is_person_noun(singular);
    let bare_plural = !indefinite && words.len() <= 3 && head.ends_with('s') && person;
    // A body's spokesman or official (`a Downing Street spokesman`, `an IMF official`,
    // `a senior source at the club`) speaks for the body, as the attribution reads it
    // otherwise.
    // (A party's or a country's adjective names no body: `one Republican aide`, `a senior
    // Israeli official`.)
    let adjective = |w: &str| {
        ["an", "ic", "ish", "ese", "i", "ch"]
            .iter()
            .any(|e| w.ends_with(e))
            || matches!(
                w,
                "Democrat" | "GOP" | "Tory" | "Labour" | "US" | "U.S." | "UK" | "EU"
            )
    };
    // (Before the head, or in a body's name after a preposition: `a source close to Prince
    // Harry` is unnamed, `a senior source at Manchester United` the club's.)
    let body_after = words
        .get(end)
        .is_some_and(|w| matches!(*w, "at" | "for" | "from" | "in" | "of" | "by"));
    let scanned = if body_after { words.len() } else { end };
    let spokesman = words.iter().any(|w| w.starts_with("spokes"))
        || words[1..scanned]
            .iter()
            .any(|w| w.starts_with(char::is_uppercase) && !adjective(w));
    // (`a person who asked not to be named said`: a clause, read to its own verb.)
    if words
        .last()
        .is_some_and(|w| matches!(*w, "who" | "that" | "which"))
    {
        return None;
    }
    ((indefinite && words.len() >= 2 || bare_plural)
        && person
        && !spokesman
        && words.len() <= MOST_WORDS
        && words[..end]
            .iter()
            .skip(1)
            .all(|w| !w.ends_with([',', ';', ':']) && (!w.ends_with('.') || abbreviation_stop(w))))
    .then(|| words.join(" "))
}

/// What speaks for a person or a body after its possessive (`Harris's campaign`, `Sen.
/// Tim Scott's office`): the words that name it whole, or None.
pub(super) fn possessed_body(words: &[&str]) -> Option<String> {
    let [owner @ .., noun] = words else {
        return None;
    };
    let last = owner.last()?;
    let possessive = last.ends_with("'s") || last.ends_with("’s") || last.ends_with("s'");
    (possessive
        && POSSESSED_BODIES.contains(noun)
        && owner.len() <= 5
        && owner.iter().all(|w| capitalised(w) && abbreviation(w)))
    .then(|| words.join(" "))
}

/// What a person or a body has that speaks for them.
pub(crate) const POSSESSED_BODIES: &[&str] = &[
    "campaign",
    "office",
    "team",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyers",
    "lawyer",
    "attorney",
    "attorneys",
    "family",
    "administration",
    "government",
    "ministry",
    "department",
    "party",
];

/// Whether a speaker as attribution gave it is an unnamed source's description.
pub(super) fn is_unnamed(who: &str) -> bool {
    unnamed_source(&who.split(' ').collect::<Vec<_>>()).is_some()
}

/// The words before the first reporting verb at the start of `after` (the text after a
/// quote), when one comes within [`MOST_WORDS`] words and no comma or stop before it.
pub(super) fn words_before_verb(after: &str) -> Option<Vec<&str>> {
    let text = after.trim_start_matches([' ', ',', '.', '!', '?', '—', '–', '-']);
    let mut words = Vec::new();
    for word in text
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(MOST_WORDS + 1)
    {
        if is_speech_verb(word.trim_end_matches([',', '.', ':', ';'])) {
            return Some(words);
        }
        if word.ends_with([',', ';', ':']) || word.ends_with('.') && !abbreviation_stop(word) {
            return None;
        }
        words.push(word);
    }
    None
}

/// A document whose author is named: `a study by Teri Allery`, `the report published by
/// the UN`.
static DOCUMENT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{DOCUMENT_BY}\p{{Lu}}")).expect("static regex is valid")
});

/// An unnamed source in the sentence before a quote: after `according to` (`According to
/// a senior aide, "..."`), or as the subject of a reporting verb that opens the sentence
/// (`A senior official said: "..."`, `Two sources told CNN that ...`).
pub(super) fn unnamed_before(before: &str) -> Option<String> {
    let text = before.trim().trim_end_matches([',', ':']);
    if let Some(at) = text.rfind("ccording to ") {
        let source = &text[at + "ccording to ".len()..];
        // (`According to a study by Teri Allery`: a document with its author named.)
        if DOCUMENT_AUTHOR.is_match(source) {
            return None;
        }
        let words: Vec<&str> = source.split_whitespace().collect();
        return unnamed_source(&words);
    }
    let words = words_before_verb(text)?;
    // (The verb that leads to the quote: no clause with a verb of its own after it, as in
    // `A senior official said the talks had stalled, but Keir Starmer insisted:`.)
    let rest = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .skip(words.len() + 1);
    if rest.clone().count() > 12
        || rest
            .clone()
            .any(|w| w.ends_with(',') || is_speech_verb(w.trim_end_matches([',', ':'])))
    {
        return None;
    }
    // (Only the sentence's opening words: the subject, not an object before a verb.)
    let first = words.first()?;
    INDEFINITE
        .contains(&first.to_lowercase().as_str())
        .then(|| unnamed_source(&words))
        .flatten()
        .map(|d| {
            let mut d = d;
            d[..1].make_ascii_lowercase();
            d
        })
}

/// The clause after a reporting verb when it is all one run (`said Senate Democratic
/// Leader Chuck Schumer of New York`).
pub(super) fn subject_after_verb(clause: &str) -> Option<String> {
    let mut words: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty()).collect();
    while words.first().is_some_and(|w| JOINING.contains(w)) {
        words.remove(0);
    }
    let run = words.len() <= MOST_WORDS
        && words.iter().all(|w| {
            capitalised(w) && abbreviation(w) || JOINING.contains(w) || PARTICLES.contains(w)
        });
    run.then(|| speaker_of(&words)).flatten()
}

/// The subject run that ends at byte `end` of `text` (where a pattern's name ends, before
/// its verb), read back to the first word that is no part of it: `Sen. Susan Collins of
/// Maine` where the pattern read `Maine`.
pub(super) fn subject_before(text: &str, end: usize) -> Option<String> {
    let head = &text[..end];
    let mut words: Vec<&str> = Vec::new();
    for (n, word) in head.rsplit(' ').filter(|w| !w.is_empty()).enumerate() {
        if n > MOST_WORDS {
            break;
        }
        if party_tag(word) {
            continue;
        }
        // A word with a comma after it belongs to the clause before (`On Tuesday,`).
        let part = (capitalised(word) && abbreviation(word)
            || JOINING.contains(&word)
            || PARTICLES.contains(&word))
            && (n == 0 || !word.ends_with([',', ';', ':']));
        if !part {
            break;
        }
        words.push(word);
    }
    words.reverse();
    while words.first().is_some_and(|w| JOINING.contains(w)) {
        words.remove(0);
    }
    speaker_of(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_runs_table() {
        let cases = [
            (
                ", Secretary of State Marco Rubio said.",
                Some("Secretary of State Marco Rubio"),
            ),
            (
                " Senate Minority Leader Mitch McConnell of Kentucky said.",
                Some("Senate Minority Leader Mitch McConnell"),
            ),
            (
                " Health and Human Services Secretary Robert F. Kennedy Jr. told the panel.",
                Some("Health and Human Services Secretary Robert F. Kennedy Jr"),
            ),
            (
                ", Georgia Secretary of State Brad Raffensperger said.",
                Some("Georgia Secretary of State Brad Raffensperger"),
            ),
            (
                ", House Speaker Mike Johnson said.",
                Some("House Speaker Mike Johnson"),
            ),
            (", Rep. Jim Jordan, R-Ohio, said.", Some("Rep. Jim Jordan")),
            (
                ", Sen. Susan Collins of Maine said.",
                Some("Sen. Susan Collins"),
            ),
            (", Anna Wintour of the Guardian said.", Some("Anna Wintour")),
            // A plain name, a list of people, a body, a clause: none of this reading.
            (", Tony Blair said.", None),
            (", Sen. Susan Collins and Sen. Lisa Murkowski said.", None),
            (
                ", European Commission President Ursula von der Leyen said.",
                Some("European Commission President Ursula von der Leyen"),
            ),
            (
                ", Rep. Hakeem Jeffries of New York, the House Democratic leader, said.",
                Some("Rep. Hakeem Jeffries"),
            ),
            (
                " Ohio Lt. Gov  Jon Husted said.",
                Some("Ohio Lt. Gov Jon Husted"),
            ),
            (", the Bank of England said.", None),
            (", Bank of England Governor said.", None),
            (", Manchester United manager Alex Ferguson said.", None),
            (" On Tuesday, Mike Johnson said.", None),
        ];
        for (after, want) in cases {
            assert_eq!(subject_after(after).as_deref(), want, "{after}");
        }
    }

    #[test]
    fn unnamed_sources_table() {
        let cases = [
            (
                " a senior administration official told CNN.",
                Some("a senior administration official"),
            ),
            (" one Republican aide said.", Some("one Republican aide")),
            (" an IMF official said.", None),
            (" a senior source at Manchester United said.", None),
            (
                " a person familiar with the negotiations told Reuters.",
                Some("a person familiar with the negotiations"),
            ),
            (
                " two sources briefed on the talks said.",
                Some("two sources briefed on the talks"),
            ),
            (" officials said in a statement.", Some("officials")),
            (" an official said.", Some("an official")),
            // A body's spokesman, a named person, a thing: no unnamed source.
            (" a Downing Street spokesman said.", None),
            (" Tony Blair said.", None),
            (" a statement said.", None),
            (" a report said.", None),
            (" the official said.", None),
            (" a motion by Mr Jackson's lawyers stated.", None),
            (
                " a source close to Prince Harry said.",
                Some("a source close to Prince Harry"),
            ),
            (" a person who asked not to be named said.", None),
            (" a U.S. official said.", Some("a U.S. official")),
            (" one of their lawyers said.", Some("one of their lawyers")),
        ];
        let before = [
            ("According to a senior aide, ", Some("a senior aide")),
            ("A senior official said: ", Some("a senior official")),
            ("According to Tony Blair, ", None),
            ("Tony Blair said: ", None),
            (
                "A senior official said the talks had stalled, but Prime Minister Keir Starmer insisted: ",
                None,
            ),
        ];
        for (text, want) in before {
            assert_eq!(unnamed_before(text).as_deref(), want, "{text}");
        }
        for (after, want) in cases {
            let got = words_before_verb(after).and_then(|w| unnamed_source(&w));
            assert_eq!(got.as_deref(), want, "{after}");
        }
    }

    #[test]
    fn possessed_bodies_table() {
        let cases = [
            (
                " Harris's campaign said in a statement.",
                Some("Harris's campaign"),
            ),
            (
                " Sen  Tim Scott's office said.",
                Some("Sen Tim Scott's office"),
            ),
            (" Harris's supporters said.", None),
            (" the campaign said.", None),
        ];
        for (after, want) in cases {
            let got = words_before_verb(after).and_then(|w| possessed_body(&w));
            assert_eq!(got.as_deref(), want, "{after}");
        }
    }

    #[test]
    fn clauses_after_the_verb_table() {
        let cases = [
            (
                "Senate Democratic Leader Chuck Schumer of New York",
                Some("Senate Democratic Leader Chuck Schumer"),
            ),
            ("Tony Blair", None),
            ("the prime minister Tony Blair", None),
            (
                "the Reverend Adrian Rodgers",
                Some("Reverend Adrian Rodgers"),
            ),
        ];
        for (clause, want) in cases {
            assert_eq!(subject_after_verb(clause).as_deref(), want, "{clause}");
        }
    }

    #[test]
    fn subject_runs_read_back_from_a_pattern_name() {
        let cases = [
            (
                "On Tuesday, Sen. Susan Collins of Maine",
                Some("Sen. Susan Collins"),
            ),
            (
                "Democratic National Committee Chair Ken Martin",
                Some("Democratic National Committee Chair Ken Martin"),
            ),
            (
                "Later, Texas Gov. Greg Abbott",
                Some("Texas Gov. Greg Abbott"),
            ),
            (
                "U.S. Attorney for the District of Columbia Jeanine Pirro",
                Some("U.S. Attorney for the District of Columbia Jeanine Pirro"),
            ),
            (
                "suggested ex-Home Secretary David Blunkett",
                Some("ex-Home Secretary David Blunkett"),
            ),
            ("The leader of Georgia", None),
            ("Mary Ann Smith", None),
            ("It happened on Tuesday. Mike Johnson", None),
        ];
        for (text, want) in cases {
            assert_eq!(subject_before(text, text.len()).as_deref(), want, "{text}");
        }
    }
}
