//! Part of quote extraction: the people an article mentions, in order, with what it says
//! of them (full names, surnames, first names, gender from honorifics), for resolution.

use super::*;

/// A named person in the text, at (paragraph, byte offset).
#[derive(Debug)]
pub(super) struct Mention {
    pub(super) at: (usize, usize),
    pub(super) name: String,
    /// Inside a quotation: the speaker's words, not the story's narration.
    pub(super) in_quote: bool,
    /// The object of a preposition (`Labour MP for West Ham`, `comments about Thierry
    /// Henry`) or a name given with its acronym (`the Assistive Mouse Adapter (AMA)`):
    /// kept for full names, never what a pronoun or a sentence's subject is.
    pub(super) oblique: bool,
    /// The subject of a speech verb or of a relative clause (`Jim Lanzone, vice president
    /// of ..., said`, `DiCaprio, who lost out`): a person, even when named by one word.
    pub(super) speaks: bool,
    /// From the honorific: `Some(true)` for Ms, Mrs, Miss, Lady, Dame, Baroness;
    /// `Some(false)` for Mr, Sir, Lord.
    pub(super) female: Option<bool>,
}

/// Prepositions whose object is kept as a name (it may be a person's full name) but is
/// not the subject a pronoun refers to.
pub(super) const OBLIQUE: &[&str] = &[
    "for", "about", "against", "with", "by", "between", "among", "like", "than", "over", "under",
    "behind", "beside",
];

/// Last words of an organisation's or a place's name: not who `he` or `she` is.
pub(super) const ORG_WORDS: &[&str] = &[
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
pub(super) fn personal(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    let singular = last.strip_suffix('s').unwrap_or(&last);
    !(ORG_WORDS.contains(&last.as_str())
        || TITLES.contains(&last.as_str())
        || TITLES.contains(&singular))
}

/// Whether the full name `name` names a thing ([`thing_headed`]): not when the story
/// gives its last word an honorific (`Mr Pin` makes `Kang Shao Pin` a person).
pub(super) fn thing_named(name: &str, names: &Names) -> bool {
    let name = name.trim_start_matches('?');
    let last = surname_of(name);
    thing_headed(name, &last.to_lowercase()) && !names.gender.contains_key(last)
}

/// Whether `name`, of two words or more with no given name, honorific or title before
/// its last word (`Chancellor Gordon Brown` has `Gordon`), ends on a noun whose main sense
/// is a place or a thing (`Brick Lane`, `Super Bowl`, `New Year`; not a body, which may
/// speak: `Mittal Steel`; the list has no noun for a person).
fn thing_headed(name: &str, last: &str) -> bool {
    let mut words = name.split(' ');
    words.next_back();
    name.contains(' ')
        && !HONORIFIC_RE.is_match(name)
        && !words.any(|w| {
            crate::text::given_names::is_given_name(w)
                || ABBREVIATED_TITLES.contains(&w)
                || attribution::person_word(w)
        })
        && crate::text::nouns::is_thing_noun(last)
}

/// Whether `name` can be who `pronoun` (he or she) stands for: a person's name (not an
/// organisation, a place or a bare title like `Attorney General`) of a matching gender
/// where an honorific tells it.
pub(super) fn could_be(name: &str, pronoun: &str, mentions: &Mentions) -> bool {
    if !personal(name) || thing_named(name, &mentions.names) {
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
    // A surname the story gives both a man and a woman (`Sir Keir` and `Lady Starmer`,
    // `Mr and Mrs Smith`) is a family's: it tells no one's gender.
    as_woman == as_man || !(if female { as_man } else { as_woman })
}

/// Whether `name`'s given name is only ever a name of the other gender than `pronoun`'s
/// (`Gary Heidnik` for `she`): a hint, weaker than what the story says (a `Jody` may be a
/// man), so it only ranks the people of one sentence.
pub(super) fn named_as_other(name: &str, pronoun: &str) -> bool {
    use crate::text::given_names::{given_name_gender, Gender};
    let gender = name.split(' ').next().and_then(given_name_gender);
    if pronoun.eq_ignore_ascii_case("he") {
        gender == Some(Gender::Female)
    } else if pronoun.eq_ignore_ascii_case("she") {
        gender == Some(Gender::Male)
    } else {
        false
    }
}

/// Whether the text after a name makes it the possessor of someone the sentence names
/// next (`Sandra Lindsay's sister, Tracey Lomax, told CNN`, `Scoggins' daughter Jane
/// Kelly Misel said`): the one named next is who the sentence is about.
fn possessor_of_named(name: &str, after: &str) -> bool {
    // (`Gerrard's view that Rafael Benitez's team`: no noun names him.)
    const FUNCTION_WORDS: &[&str] = &[
        "that", "who", "which", "and", "or", "but", "the", "a", "an", "to", "of", "in", "on",
        "for", "with", "as", "at", "by", "from", "is", "was", "has", "had", "will",
    ];
    // (A name's words may hold an apostrophe: `O'Brien`, and so `Lindsay's`.)
    let possessive = ["'s", "’s", "'", "’"].iter().any(|s| name.ends_with(s));
    let Some(rest) = after.strip_prefix(' ').filter(|_| possessive) else {
        return false;
    };
    // One or two words of a common noun (`sister`, `eldest son`), then the name.
    let mut words = rest.split(' ');
    for _ in 0..2 {
        let Some(word) = words.next() else {
            return false;
        };
        let noun = word.trim_end_matches(',');
        if !noun.chars().all(|c| c.is_lowercase() || c == '-')
            || noun.is_empty()
            || FUNCTION_WORDS.contains(&noun)
            || is_speech_verb(noun)
        {
            return false;
        }
        if let Some(next) = words.clone().next() {
            let given = next.trim_end_matches(',');
            // (A noun for a person: `Peter Kay's new show Phoenix Nights` is a show's.)
            if given.starts_with(char::is_uppercase)
                && crate::text::nouns::is_person_noun(noun)
                && (crate::text::given_names::is_given_name(given) || HONORIFIC_RE.is_match(next))
            {
                return true;
            }
        }
    }
    false
}

pub(super) fn person_mentions(paragraphs: &[String]) -> Vec<Mention> {
    let mut out = Vec::new();
    // Where the last object of a preposition ended (paragraph, byte).
    let mut prev_object: Option<(usize, usize)> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        for (m, body) in person_runs(p).into_iter().flat_map(body_then_person) {
            // (The body's name before a person's is no one.)
            if body {
                continue;
            }
            // "Liberal Democrat leader Charles Kennedy", "Apple chief executive Tim Cook":
            // the name before a role is the person's party, body or team, not a person;
            // unless it starts with a given name or an honorific ("Philippe Sella believes
            // coach Bernard Laporte": a person, then a verb).
            if role_then_name(&p[m.end()..])
                && !HONORIFIC_RE.is_match(m.as_str())
                && !m
                    .as_str()
                    .split(' ')
                    .next()
                    .is_some_and(crate::text::given_names::is_given_name)
            {
                continue;
            }
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
            // An age in apposition (`to Amina Salum, 34,`) is said of a person.
            let aged = p[m.end()..].strip_prefix(", ").is_some_and(|r| {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                (1..=3).contains(&digits) && r[digits..].starts_with(", ")
            });
            if PREPOSITIONS.contains(&prev_word) && !appositive && !aged {
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
                    // A comma joins only inside a list ("Bernal, Jamie Foxx, Jim Carrey and":
                    // another name, `and` or `or` after the next comma), not after an
                    // opening phrase ("in the Independent, Mr Abbas said") nor in an
                    // apposition (`Minister of Natural Resources, Mohlomi Moleko, would not
                    // confirm`: the minister's name).
                    let rest = &p[m.end()..];
                    let listed = rest.strip_prefix(", ").is_some_and(|next| {
                        next.starts_with(char::is_uppercase)
                            || next.starts_with("and ")
                            || next.starts_with("or ")
                    });
                    match &p[end..m.start()] {
                        " and " | " or " => true,
                        ", " => listed || rest.starts_with(" and "),
                        _ => false,
                    }
                });
            // "The Florida fan explained": a name between `the` and a common noun is the
            // noun's modifier (`the Chelsea manager`, `the Labour leader`), not a person.
            let article = if m.as_str().starts_with("The ") {
                "the"
            } else {
                prev_word
            };
            if modifies_a_noun(article, &p[m.end()..]) && !HONORIFIC_RE.is_match(m.as_str()) {
                continue;
            }
            let oblique = (OBLIQUE.contains(&prev_word) && !appositive)
                || acronym
                || joined
                || possessor_of_named(m.as_str(), &p[m.end()..]);
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

/// Whether `rest`, the text after a capitalised run, is a role of one to three lower-case
/// words ending in a noun for a person (a title, a trade, or any of WordNet's: ` controller
/// Roly`, ` daughter Jill`), then a capitalised word: ` leader Charles`, ` chief executive
/// Tim`, ` press secretary Karine`. The words before the noun must read as modifiers, not
/// as a verb or a clause (` slated comedian Sacha`, ` believes coach Bernard`, ` and singer
/// Harry`): no function word, reporting verb, or word ending in `-ed` or in a single `-s`.
/// (An irregular past tense is not told from a modifier: `met host Jacques` reads as a
/// role.)
pub(super) fn role_then_name(rest: &str) -> bool {
    let mut words = rest.strip_prefix(' ').unwrap_or("").splitn(5, ' ');
    let mut role = false;
    for _ in 0..4 {
        let Some(w) = words.next() else {
            return false;
        };
        if w.starts_with(|c: char| c.is_uppercase()) {
            return role
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        }
        if w.is_empty() || !w.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        role = attribution::people_noun(w);
        let modifier = !FUNCTION_WORDS.contains(&w)
            && !is_speech_verb(w)
            && !w.ends_with("ed")
            && (!w.ends_with('s') || w.ends_with("ss"));
        if !role && !modifier {
            return false;
        }
    }
    false
}

/// Words that join or open a clause: never part of a role.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "the", "a", "an", "of", "to", "for", "with", "by", "from", "at", "in",
    "on", "as", "who", "which", "that", "while", "when", "is", "was", "has", "had", "will",
    "would", "can", "could", "may", "might", "must", "should", "be", "been", "not",
];

/// A run of capitalised words that names a body and then a person (`Marketing Manager at
/// Ocean Florida Abby Dunn`): split where a given name starts after the first word and
/// is followed by one or two more words, the surname. A run that starts with a given
/// name is one name (`Mary Ann Smith`), and so is one whose given name follows a title
/// (`Prime Minister Tony Blair`, `UPS CEO Carol Tomé`: the role is read from it later).
/// Each part comes with whether it is the body's name.
pub(super) fn body_then_person(run: Run<'_>) -> impl Iterator<Item = (Run<'_>, bool)> {
    // (Most runs are one or two words: nothing to split, nothing to look up.)
    if run.as_str().matches(' ').count() < 2 {
        return std::iter::once((run, false)).chain(None);
    }
    let words: Vec<(usize, &str)> = run
        .as_str()
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let given = |w: &str| crate::text::given_names::is_given_name(w);
    let split = (words.len() >= 3 && !given(words[0].1))
        .then(|| {
            // A title before the name is the person's role, kept with the name
            // (`Prime Minister Tony Blair`: the speaker's role is read from it later).
            let title = |w: &str| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str());
            (1..words.len() - 1).find(|&i| {
                given(words[i].1)
                    && words.len() - i <= 3
                    && !is_not_name(words[i - 1].1)
                    && !title(words[i - 1].1)
            })
        })
        .flatten();
    let (first, second) = match split {
        Some(i) => {
            let cut = run.start + words[i].0;
            let head_end = run.start + words[i - 1].0 + words[i - 1].1.len();
            let head = Run {
                text: run.text,
                start: run.start,
                end: head_end,
            };
            let person = Run {
                text: run.text,
                start: cut,
                end: run.end,
            };
            ((head, true), Some((person, false)))
        }
        None => ((run, false), None),
    };
    std::iter::once(first).chain(second)
}

/// Whether a name after `prev_word` and before `rest` stands as a noun's modifier: `the`
/// before it, a lower-case word after it that reads as a noun: no function word, reporting
/// verb or adverb a subject takes, no word ending in `-ed` or a single `-s` (`the Smiths
/// also said`, `the Beatles were`, `The Queen visited`, `the Beckhams arrives`).
fn modifies_a_noun(prev_word: &str, rest: &str) -> bool {
    if !prev_word.eq_ignore_ascii_case("the") {
        return false;
    }
    let Some(next) = rest.strip_prefix(' ').and_then(|r| r.split(' ').next()) else {
        return false;
    };
    let next = next.trim_end_matches([',', '.', ':', ';']);
    let verb_like = next.ends_with("ed")
        || next.ends_with("ly")
        || (next.ends_with('s') && !next.ends_with("ss"));
    !next.is_empty()
        && next.chars().all(|c| c.is_lowercase())
        && !verb_like
        && !is_speech_verb(next)
        && !FUNCTION_WORDS.contains(&next)
        && !matches!(
            next,
            "have" | "are" | "were" | "did" | "do" | "also" | "then" | "now" | "still"
        )
}

pub(super) fn is_speech_verb(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| VERBS.split('|').collect());
    SET.contains(word)
}

/// Capitalised words that are never a person (checked for every capitalised word).
pub(super) fn is_not_name(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| NOT_NAMES.iter().copied().collect());
    SET.contains(word)
}

/// Drops honorifics and a possessive ending.
pub(super) fn clean_name(s: &str) -> String {
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
pub(super) fn expand_name(name: &str, names: &Names) -> Option<String> {
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

/// Who a mention names, as a full name ([`expand_name`]): not an organisation or a title
/// ([`personal`]). A place named alone is the place itself, which may speak (`Israel ...
/// rejected the questions as "..."`), not the last word of another name (`Florida` is not
/// `Ocean Florida`), unless that name starts with a given name (`Washington` of `Denzel
/// Washington`).
pub(super) fn person_named(m: &Mention, names: &Names) -> Option<String> {
    let full = expand_name(&m.name, names)?;
    if place_alone(&m.name, &full) {
        return Some(m.name.trim_start_matches('?').to_string());
    }
    (personal(&full) && !thing_named(&full, names)).then_some(full)
}

/// Whether the one-word mention `name`, taken for `full`, is a place's name rather
/// than a person's surname.
pub(super) fn place_alone(name: &str, full: &str) -> bool {
    let name = name.trim_start_matches('?');
    !name.contains(' ')
        && crate::text::places::is_place(name)
        && !full
            .split(' ')
            .next()
            .is_some_and(crate::text::given_names::is_given_name)
}

/// Whether a quote's words `quoted` name the person `name` (a full name) in full or by a
/// given first name, as whole words: someone the quote talks about is not its speaker
/// (`“Leslie’s insight was ...,” he told me` is not Leslie Field's, `“... a book by
/// Piers Morgan?” he said` not Piers Morgan's). A surname alone may be a relative's and
/// does not count, nor does a name of one word.
pub(super) fn named_in(name: &str, quoted: &str) -> bool {
    let Some((first, _)) = name.split_once(' ') else {
        return false;
    };
    let words: Vec<&str> = quoted
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let parts: Vec<&str> = name.split(' ').collect();
    words.windows(parts.len()).any(|w| w == parts.as_slice())
        || (crate::text::given_names::is_given_name(first) && words.contains(&first))
}

/// Where the sentence holding byte `at` of `para` starts: after a `.`, `!` or `?`
/// (and any closing quote marks) followed by a space and a capital or an opening mark.
/// A "sentence" longer than [`LOOKBACK`] starts that far back (bounded work on text with
/// no sentence ends).
pub(super) fn sentence_start(para: &str, at: usize) -> usize {
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
pub(super) const LOOKBACK: usize = 16 * 1024;

/// The last [`LOOKBACK`] bytes of `text` (at a character boundary), with where they start.
pub(super) fn recent(text: &str) -> (usize, &str) {
    let start = floor_char_boundary(text, text.len().saturating_sub(LOOKBACK));
    (start, &text[start..])
}

/// The article's names, in text order, with an index built once: looking a name up is
/// then constant time, so an 8 MB article with tens of thousands of names and quotes stays
/// linear (it took minutes when each lookup scanned every name).
pub(super) struct Mentions {
    pub(super) list: Vec<Mention>,
    pub(super) names: Names,
}

/// Full names (several words) by surname (lower-case; the first given wins) and by first
/// name (when only one full name has it); how often each surname is named outside quotes;
/// which genders honorifics give each surname; the person the whole story names most.
#[derive(Default)]
pub(super) struct Names {
    pub(super) by_surname: FxHashMap<String, String>,
    pub(super) by_first: FxHashMap<String, Option<String>>,
    pub(super) surname_count: FxHashMap<String, usize>,
    /// (named as a woman, named as a man)
    pub(super) gender: FxHashMap<String, (bool, bool)>,
    pub(super) main: Option<String>,
}

/// The last word of a mention's name, without the `?` of a lone capitalised word.
pub(super) fn surname_of(name: &str) -> &str {
    let name = name.trim_start_matches('?');
    name.rsplit(' ').next().unwrap_or(name)
}

impl Mentions {
    pub(super) fn new(list: Vec<Mention>) -> Mentions {
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
    pub(super) fn between(&self, from: (usize, usize), to: (usize, usize)) -> &[Mention] {
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
