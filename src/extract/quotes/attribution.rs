//! Part of quote extraction: the speaker the words around a quote name (`X said`,
//! `said X, a spokesman for Y`, `according to X`), as written.

use super::*;
use crate::text::nouns::is_person_noun;

/// Returns the attribution words and where they stand in the paragraph (a pronoun before
/// the quote refers to someone named before it, not to a name between it and the quote).
pub(super) fn attribute(para: &str, span: &Span) -> Option<(String, usize)> {
    // (The patterns before the quote are checked the same way, on its sentence.)
    let after = &para[span.after..];
    let after = &after[..after.find(['“', '„', '«', '»', '"']).unwrap_or(after.len())];
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
            let words: Vec<&str> = clause.as_str().split_whitespace().collect();
            if let Some(source) = unnamed_source(&words) {
                return Some((source, span.after));
            }
            if let Some(who) = subject_after_verb(clause.as_str().trim_end()) {
                return Some((who, span.after));
            }
            // (A capitalised word counts only as a role: `said Rep. Kevin McCarthy`, `said
            // Sir Bob Geldof` name no role, though `rep` and `sir` are nouns for people.)
            let role = clause.as_str().split_whitespace().any(person_word);
            if role {
                if let Some(n) = THEN_NAME.captures(&after[clause.end()..]) {
                    return Some((clean_name(&n["name"]), span.after));
                }
                // `says the resort’s general manager Garrett Turta`: the name after the
                // role ends the clause.
                // (`said Paul Dergarabedian of box office tracker Exhibitor Relations`: a
                // person named before a preposition is the speaker; the role after it is
                // the body's, named after it.)
                let clause = clause.as_str();
                let named_first = clause
                    .split_whitespace()
                    .next()
                    .is_some_and(crate::text::given_names::is_given_name)
                    && clause
                        .split_whitespace()
                        .any(|w| matches!(w, "of" | "at" | "from" | "with" | "for"));
                let role_then_name = name_after_role(clause).filter(|_| !named_first);
                if let Some(name) = role_then_name {
                    return Some((clean_name(name), span.after));
                }
            }
            if let Some(who) = name_in_clause(clause.as_str()) {
                return Some((who, span.after));
            }
        }
        // `, a senior administration official told CNN`: a source the story does not name.
        if let Some(source) = words_before_verb(after).and_then(|w| unnamed_source(&w)) {
            return Some((source, span.after));
        }
        // `, Secretary of State Marco Rubio said`, `, Sen. Susan Collins of Maine said`: a
        // title of several words before the name, a place after it.
        if let Some(who) = subject_after(after) {
            return Some((who, span.after));
        }
        // `, Harris's campaign said`: what speaks for her.
        if let Some(body) = words_before_verb(after).and_then(|w| possessed_body(&w)) {
            return Some((body, span.after));
        }
        for re in [
            &*AFTER_INVERTED,
            &*AFTER_SUBJECT,
            &*AFTER_TITLED_SUBJECT,
            &*AFTER_ROLE,
            &*AFTER_ORG,
            &*AFTER_SPOKESMAN,
            &*AFTER_TAIL,
            &*AFTER_TAIL_SUBJECT,
            &*AFTER_ROLE_SUBJECT,
            &*AFTER_ROLE_APPOS,
            &*AFTER_ACCORDING,
        ] {
            let found = re.captures(after).filter(|c| {
                noun_is_person(c.name("noun").map(|m| m.as_str())) && author_whole(c, after)
            });
            if let Some(c) = found {
                let appos = c.name("appos").map(|a| a.as_str());
                return Some((subject(&c["who"], appos), span.after));
            }
        }
    }
    let before = &para[..span.open_at];
    let (base, near) = recent(before);
    // (`Robert F. Kennedy Jr. said`, `Texas Gov. Greg Abbott said`: the full stop of an
    // initial, a title or a suffix ends no sentence.)
    let stop = near.char_indices().rev().find(|&(i, c)| match c {
        '.' => !abbreviation_stop(&near[..=i]),
        '!' | '?' | '”' | '»' | '"' => true,
        _ => false,
    });
    let sentence_start = stop.map_or(base, |(i, c)| base + i + c.len_utf8());
    // `... could “look their best” to represent the UK, adding that`: the text since a
    // quote that did not end its sentence is the rest of a clause, not a clause of its own.
    let after_open_quote = stop.is_some_and(|(i, c)| {
        matches!(c, '”' | '»' | '"') && !near[..i].trim_end().ends_with(['.', '!', '?', ','])
    });
    let before = &before[sentence_start..];
    // The patterns end within a few words of the quote: their reporting word too.
    let tail = &before[floor_char_boundary(before, before.len().saturating_sub(240))..];
    let may_report = reports(tail);
    // The patterns with a reporting verb need it within 60 (80) characters of the quote:
    // checked first, the costly patterns run only where they can match.
    let tail = may_report.then(|| verb_tail_chars(before)).flatten();
    let (verb_60, verb_80) = (tail.is_some_and(|n| n <= 60), tail.is_some());
    // (Each pattern names its rare words: `spokes(man|woman|person)`, `press office`,
    // `according to`.)
    let spokesman = (verb_60
        && ["pokes", "press ", "communications", "media "]
            .iter()
            .any(|w| before.contains(w)))
    .then(|| BEFORE_SPOKESMAN.captures(before))
    .flatten();
    let office = spokesman.as_ref().is_some_and(|c| c.name("who").is_some());
    if let Some((at, who)) = spokesman.and_then(|c| c.name("who").or_else(|| c.name("for"))) {
        // (`The Kremlin press service`: the body's name, not `the kremlin`, a role.)
        let who = match who.strip_prefix("The ") {
            Some(name) if name.starts_with(char::is_uppercase) => name,
            _ => who,
        };
        // `Matthew O’Connor from UPS corporate communications said`: the person from the
        // office speaks.
        if let Some(c) = office
            .then(|| PERSON_FROM.captures(&before[..at]))
            .flatten()
        {
            let person = &c["who"];
            let first = person.split(' ').next().unwrap_or("");
            let named =
                HONORIFIC_RE.is_match(person) || crate::text::given_names::is_given_name(first);
            if named && personal(person) {
                return Some((
                    clean_name(person),
                    sentence_start + c.get(0).expect("whole match").start(),
                ));
            }
        }
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
    // `Article 40 puts a cap on her life, she said. “I’ve prepared ...”`: a quote that
    // opens the sentence after one ending in `she said.` goes on with her words.
    // (The pattern ends within 200 bytes of the quote, with a reporting word.)
    let from = floor_char_boundary(para, sentence_start.saturating_sub(200));
    let prev = &para[from..sentence_start];
    if before.trim().is_empty() && prev.trim_end().ends_with('.') && reports(prev) {
        if let Some((at, who)) = SAID_BEFORE
            .captures(prev)
            .and_then(|c| c.name("who"))
            .map(|(at, who)| (from + at, who))
        {
            if matches!(who, "he" | "she") {
                return Some((who.to_string(), at));
            }
            if HONORIFIC_RE.is_match(who) || !is_not_name(who.split(' ').next().unwrap_or(who)) {
                return Some((clean_name(who), at));
            }
        }
    }
    // (Before the check for a reporting word: `According` has a capital.)
    // `According to a senior Democratic aide, "..."`, `A senior official said: "..."`: a
    // source the story does not name.
    if let Some(source) = unnamed_before(before) {
        return Some((source, sentence_start));
    }
    // Without a reporting word, only the participle after the quote could attribute it,
    // or the name a sentence opens with after `According to` (`According to a study by
    // Teri Allery in 2018, street lighting has been around "since ..."`).
    // Only a document's author, and only when the clause that leads to the quote names
    // no one else (`According to a study by Oxford University, researcher Jane Doe found`
    // is Jane Doe's; `According to Wikipedia, the term "fake news"` is no one's words).
    if !may_report {
        let c = LEADING_ACCORDING.captures(before)?;
        let who = c.name("who")?;
        c.name("document")?;
        let rest = &before[who.end()..];
        let clause = rest.find(", ").map(|i| &rest[i + 2..])?;
        if clause
            .split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        return Some((clean_name(who.as_str()), sentence_start + who.start()));
    }
    if let Some((clause_at, clause)) = participle_clause(before).filter(|_| !after_open_quote) {
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
    // A possessor is no subject: `what he made of Mr Lammy’s comments, Sir Keir said:`
    // must not read `Mr Lammy’s comments` as a name and a verb. (A role keeps its
    // possessor: `The band's spokesman said`.)
    let unpossessed = mask_possessives(before);
    for (re, may_match, text) in [
        (&*BEFORE_SUBJECT, verb_60, &*unpossessed),
        (&*BEFORE_ROLE, verb_80, before),
        (&*BEFORE_ORG, verb_60, &*unpossessed),
        (&*BEFORE_ACCORDING, before.contains("ccording to"), before),
    ] {
        if let Some(c) = may_match.then(|| person_match(re, text)).flatten() {
            let (who, who_text) = c.name("who").unwrap_or((0, ""));
            // "the Tory MP for Sleaford and North Hykeham admitted": the place is not
            // the subject; the title before it is.
            let prev = before[..who].trim_end().rsplit(' ').next().unwrap_or("");

            // `Cllr Louise Gittins, Chair of the Local Government Association said:` —
            // a person named with the role the body gives her speaks herself.
            let body_of = before[..who]
                .trim_end()
                .strip_suffix("the")
                .map_or(prev, |b| b.trim_end().rsplit(' ').next().unwrap_or(""));
            if matches!(body_of, "of" | "for" | "at") {
                if let Some(c) = NAME_THEN_ROLE_OF.captures(&before[..who]) {
                    let name = c.name("name").expect("group");
                    return Some((clean_name(name.as_str()), sentence_start + name.start()));
                }
            }
            // ("the chief executive of PwC said" stays PwC: a body speaks through its head.)
            if matches!(prev, "for" | "and" | "in" | "at" | "from") {
                let role = before[..who]
                    .split_whitespace()
                    .rev()
                    .take(8)
                    .map(str::to_lowercase)
                    .find(|w| role_noun(w));
                if let Some(r) = role {
                    return Some((format!("the {r}"), sentence_start + who));
                }
            }
            // `The Conservatives’ letter to Daniel Greenberg, the standards commissioner,
            // said:` — the one written to is no speaker; the letter's author is.
            if prev == "to" {
                if let Some(c) = DOCUMENT_TO.captures(&before[..who]) {
                    let owner = c.name("owner").expect("group");
                    return Some((clean_name(owner.as_str()), sentence_start + owner.start()));
                }
            }
            // `Senate Minority Leader Mitch McConnell of Kentucky said`: the pattern
            // read the place; the whole run names the person.
            if std::ptr::eq(re, &*BEFORE_SUBJECT) {
                let end = sentence_start + who + who_text.len();
                if let Some(person) = subject_before(para, end) {
                    return Some((person, sentence_start + who));
                }
            }
            let appos = c.name("appos").map(|(_, a)| a);
            return Some((subject(who_text, appos), sentence_start + who));
        }
    }
    None
}

/// Whether the author of a document after `according to` is named whole: the name ends
/// the phrase (`a report by Amnesty International.`) or a place or time follows it (`a
/// study by Teri Allery of ...`); `a report published by UK-based research consultancy
/// Analysys` names the author after its description, which the pattern does not read.
fn author_whole(c: &regex::Captures<'_>, text: &str) -> bool {
    if c.name("document").is_none() {
        return true;
    }
    let Some(who) = c.name("who") else {
        return true;
    };
    let rest = &text[who.end()..];
    rest.trim().is_empty()
        || rest.starts_with([',', '.', ';', ':', '!', '?'])
        || [" of ", " at ", " from ", " in ", " on "]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// A sentence that opens with `According to` and a name or a document's author (group
/// `document`), the
/// name ending the phrase (`According to Reuters,`) or followed by where or when
/// (`According to Teri Allery of North Dakota State University`); not a name's modifier
/// (`According to Israeli officials`, `According to Monday's report`).
static LEADING_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^\s*[Aa]ccording to (?P<document>{DOCUMENT_BY})?(?P<who>{HONORIFIC}?{PERSON})(?:,|\s+(?:of|at|from|in|on)\s)"
    ))
});

/// `The Conservatives’ letter to`: a document its author sends, before its addressee.
static DOCUMENT_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?P<owner>\p{Lu}[\p{L}\p{N}&\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}&\-]*)*)(?:'s|’s|’|')\s+(?:open\s+)?(?:letter|statement|complaint|submission|memo|email|e-mail|note|message|response|reply|report)\s+to\s*$".to_string())
});

/// The speaker a subject pattern found: `who`, unless `who` is a title and the clause
/// between commas after it is nothing but a person's name (`Argentina's President, Nestor
/// Kirchner, said`, `The Attorney General, Lord Goldsmith, said`): then that name.
pub(super) fn subject(who: &str, appos: Option<&str>) -> String {
    // (A body before a person's name between commas is the person's: `The Leader of
    // Burnley Council, Councillor Afrasiab Anwar, said`.)
    // (A place there ends a title: `Palestinian Ambassador to the Netherlands, Ammar
    // Hijazi, told the court`.)
    let title = who.contains("'s ")
        || who.contains("’s ")
        || !personal(who)
        || crate::text::places::is_place(who)
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
pub(crate) const TITLES: &[&str] = &[
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
    "sheriff",
    "mp",
    "justice",
];

/// Nouns that stand for a person in `the ... said` (`the England captain`, `the British
/// actor`): the titles, and words for what people do.
pub(super) const PEOPLE_NOUNS: &[&str] = &[
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

/// Whether `word` (lower case) is a role someone holds for a body or a trade: a title or
/// one of the nouns above (`the chief executive of PwC said` speaks for PwC).
pub(super) fn role_noun(word: &str) -> bool {
    TITLES.contains(&word) || PEOPLE_NOUNS.contains(&word)
}

/// Whether `word` (lower case) stands for a person: a role, or any noun whose main sense
/// is a person (`representative`, `fan`, `wife`: the WordNet lexicon on the ground floor).
pub(super) fn people_noun(word: &str) -> bool {
    role_noun(word) || is_person_noun(word)
}

/// Whether `word`, as written, stands for a person: in lower case a role or any noun for
/// a person; capitalised only a role (`Chief`, `Minister`), as WordNet's nouns then start
/// or are names (`Sir`, `Baker`, `Dean`).
pub(super) fn person_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    if word.starts_with(char::is_lowercase) {
        people_noun(&lower)
    } else {
        role_noun(&lower)
    }
}

/// Whether the `noun` group of a pattern's match, if it has one, stands for a person (the
/// patterns match any word there and leave the lexicon to this check).
pub(super) fn noun_is_person(noun: Option<&str>) -> bool {
    noun.is_none_or(person_word)
}

/// The first match of `re` in `text` whose `noun` group, if any, stands for a person: a
/// noun that does not lets the search go on after it (`The report said the minister had
/// warned:` is the minister's).
fn person_match<'h>(re: &EndPattern, text: &'h str) -> Option<EndCaptures<'h>> {
    let mut from = 0;
    loop {
        let c = re.captures_from(text, from)?;
        match c.name("noun") {
            Some((at, noun)) if !person_word(noun) => from = at + noun.len(),
            _ => return Some(c),
        }
    }
}

/// The name that ends `clause` after its last person noun (`Albanian Prime Minister
/// Fatos Nano`: `Fatos Nano`, not the `Prime Minister Fatos Nano` after the demonym).
fn name_after_role(clause: &str) -> Option<&str> {
    let (mut from, mut found) = (0, None);
    while let Some(c) = ROLE_THEN_NAME.captures(&clause[from..]) {
        let name = c.name("name").expect("group");
        if noun_is_person(c.name("noun").map(|m| m.as_str())) {
            found = Some(&clause[from + name.start()..from + name.end()]);
        }
        from += name.start();
    }
    found
}

/// `said the festival's executive director`, `the British actor said`: `the`, up to three
/// words and a person noun (the `noun` group; checked by [`noun_is_person`]). The words
/// before the noun are taken lazily, so the noun is the first word a reporting verb
/// follows (`the minister has said`: `minister`, not `has`).
pub(super) static AFTER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^[\s,—–-]*(?P<who>[Tt]he\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}?(?P<noun>\p{{Ll}}+))\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{VERBS})\b"
    ))
});
pub(super) static BEFORE_ROLE: LazyLock<EndPattern> = LazyLock::new(|| {
    EndPattern::new(format!(
        r"(?:^|[^\p{{L}}])(?P<who>[Tt]he\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}?(?P<noun>\p{{Ll}}+))\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b[^.!?:“”\x22]{{0,80}}[:,]?\s*$"
    ))
});
/// `the resort’s general manager Garrett Turta`: a person noun (the `noun` group), then a
/// name of two words or more that ends the clause.
pub(super) static ROLE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"\b(?P<noun>\p{{L}}+)\s+(?P<name>{HONORIFIC}?\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+){{1,3}})\s*$"
    ))
});

/// `Cllr Louise Gittins, Chair of the` before a body's name: a person, a comma, then a
/// role of the body (a few words ending in `of`, `for` or `at`, `the` after it).
pub(super) static NAME_THEN_ROLE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"(?:^|[\s,(])(?P<name>{HONORIFIC}?{PERSON}),\s+(?:the\s+|a\s+|an\s+)?(?:[\p{{L}}'’\-]+\s+){{0,5}}(?:of|for|at)\s+(?:the\s+)?$"
    ))
});

/// `, Robert Boyle.` after `said BA director of commercial planning`: the name the role
/// clause leads to.
pub(super) static THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^,\s+(?P<name>{HONORIFIC}?{PERSON})\s*(?:[.,;]|$)"
    ))
});

/// A clause that is only a person's name, with an honorific or style before it (`Nestor
/// Kirchner`, `Lord Goldsmith`, `the Most Reverend Peter Smith`); None for anything else.
pub(super) fn bare_name(clause: &str) -> Option<String> {
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
pub(super) fn name_in_clause(clause: &str) -> Option<String> {
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

/// `text` with the space after each possessive `’s` or `'s` before a lower-case word made
/// `_` (the same length, so positions stay): the patterns that end at a quote then never
/// take the possessor for a subject and the thing possessed for a verb (`Mr Lammy’s
/// comments`).
fn mask_possessives(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("’s ") && !text.contains("'s ") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("s ") {
        let possessive =
            rest[..i].ends_with(['’', '\'']) && rest[i + 2..].starts_with(char::is_lowercase);
        out.push_str(&rest[..i + 1]);
        out.push(if possessive { '_' } else { ' ' });
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}
