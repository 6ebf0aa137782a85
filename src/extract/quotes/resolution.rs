//! Part of quote extraction: turning what attribution found into a full name: pronouns
//! to the subject they stand for, titles to whom the story gave them, surnames to full
//! names, and quotes without attribution to the speaker of their paragraph.

use super::*;

pub(super) fn resolve(
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
    let quoted = &paragraphs[span.para][span.start..span.end];
    match lower.as_str() {
        "he" | "she" => pronoun(&lower, at, paragraphs, mentions, speakers, quoted),
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
                // (Before the people: `retailer`, `lender` and `publisher` are nouns for
                // people too, but in the news a body's.)
                "firm" | "company" | "group" | "bank" | "club" | "airline" | "retailer"
                | "agency" | "organisation" | "organization" | "charity" | "magazine"
                | "newspaper" | "paper" | "broadcaster" | "network" | "channel" | "website"
                | "lender" | "insurer" | "carrier" | "operator" | "publisher" | "supplier"
                | "manufacturer" | "maker" | "developer" | "builder" | "watchdog" | "regulator"
                | "employer" | "contractor" => {
                    body_called(noun, (span.para, span.open_at), paragraphs)
                        .or_else(|| named_as(noun, (span.para, span.open_at), paragraphs))
                        .or_else(|| organisation_before(span, paragraphs, mentions, false))
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
                        .or_else(|| pronoun("", at, paragraphs, mentions, speakers, quoted))
                        // "the expert explains": a description, not an office, is
                        // whoever has been speaking; "the prime minister" is the story's.
                        .or_else(|| (!TITLES.contains(&noun)).then(last_speaker).flatten())
                        .or_else(|| mentions.names.main.clone())
                }
                // "the committee", "the government": the body the story named so (`the
                // Foreign Affairs Committee`), else the body itself is the speaker.
                _ => body_called(noun, (span.para, span.open_at), paragraphs)
                    .or_else(|| Some(noun.to_string())),
            }
        }
        // "the 34-year-old": the person the story is about, the one named most so far.
        "#main" => main_person((span.para, span.open_at), mentions),
        // "a senior official told CNN": a source the story does not name, as described.
        _ if is_unnamed(who) => Some(who.to_string()),
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
pub(super) fn main_person(at: (usize, usize), mentions: &Mentions) -> Option<String> {
    let most = |people_only| {
        people_counts(at, mentions, people_only)
            .into_iter()
            .max_by_key(|(_, c)| *c)
            .map(|(n, _)| n)
    };
    most(true).or_else(|| most(false))
}

/// The person a story is about when it names them far more than anyone else: three
/// times at least and twice as often as the next. A paragraph of quote that nothing
/// else attributes is theirs (an interview's answers between the writer's paragraphs).
pub(super) fn dominant_person(mentions: &Mentions) -> Option<String> {
    let mut counts = people_counts((usize::MAX, 0), mentions, true);
    counts.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
    let first = counts.first()?;
    let second = counts.get(1).map_or(0, |(_, c)| *c);
    (first.1 >= 3 && first.1 >= 2 * second).then(|| first.0.clone())
}

/// How often each name is given before `at`, in first-seen order (so a tie goes the
/// same way every run); with `people_only`, names that start with a given name, have an
/// honorific or speak (`English Ivy`, named in passing as often as the gardener, is no
/// one's).
fn people_counts(
    at: (usize, usize),
    mentions: &Mentions,
    people_only: bool,
) -> Vec<(String, usize)> {
    let person = |m: &Mention, name: &str| {
        m.speaks
            || m.female.is_some()
            || name
                .split(' ')
                .next()
                .is_some_and(crate::text::given_names::is_given_name)
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for m in mentions.between((0, 0), at) {
        let Some(name) = expand_name(&m.name, &mentions.names) else {
            continue;
        };
        if people_only && !person(m, &name) {
            continue;
        }
        match index.get(&name) {
            Some(&i) => counts[i].1 += 1,
            None => {
                index.insert(name.clone(), counts.len());
                counts.push((name, 1));
            }
        }
    }
    counts
}

/// Whom `he` or `she` at `at` (paragraph, byte) refers to: the first person named in its
/// sentence before it, else in the sentences before (up to three; one led by the same
/// pronoun, or naming no one, passes the reference back; beyond the first only a person
/// leading the sentence counts), else the last person seen speaking or named more than
/// once, else the last one named. Only people can be meant: organisations, places, bare
/// titles, names inside quotes, objects of prepositions, names of the other gender and
/// people the quote's own words `quoted` name ([`named_in`]) are passed over. `""` stands
/// for a title (`the prime minister`): nearby sentences only.
pub(super) fn pronoun(
    pronoun: &str,
    at: (usize, usize),
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
    quoted: &str,
) -> Option<String> {
    resolve_pronoun(pronoun, at, paragraphs, mentions, speakers, quoted, true)
}

/// [`pronoun`], going back along a `He said` account ([`pronoun_chain`]) when `chain`:
/// one step only (a page of alternating `He said X ...` / `X then ...` paragraphs would
/// otherwise recurse once per pair).
fn resolve_pronoun(
    pronoun: &str,
    at: (usize, usize),
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
    quoted: &str,
    chain: bool,
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
        expand_name(&m.name, full_names).or(bare).filter(|n| {
            could_be(n, pronoun, mentions) && !place_alone(&m.name, n) && !named_in(n, quoted)
        })
    };
    // In a window, someone already quoted wins over the first name in it
    // ("City announced ..., but Wardle confirmed .... He said:" is Wardle), and someone
    // whose given name fits the pronoun over one whose does not ("Tracey Lomax told CNN
    // she wanted Gary Heidnik to stay in jail. She said:").
    let first_in_para = |pi: usize, from: usize, to: usize| {
        let named: Vec<(String, Option<bool>)> = mentions
            .between((pi, from), (pi, to))
            .iter()
            .filter_map(|m| person(&m).map(|n| (n, m.female)))
            .collect();
        let names: Vec<String> = named.iter().map(|(n, _)| n.clone()).collect();
        // (The story's own honorific outranks the lexicon: `Mr Jody Williams` is a man.)
        let fits = |n: &&String| match named.iter().find(|(m, _)| m == *n).and_then(|x| x.1) {
            Some(female) => !pronoun.eq_ignore_ascii_case(if female { "he" } else { "she" }),
            None => !named_as_other(n, pronoun),
        };
        names
            .iter()
            .find(|n| fits(n) && speakers.contains(n))
            .or_else(|| names.iter().find(fits))
            .or_else(|| names.iter().find(|n| speakers.contains(n)))
            .or(names.first())
            .cloned()
    };
    let first_in = |from: usize, to: usize| first_in_para(at.0, from, to);
    // The person a sentence has speaking (`On Tuesday, Israel's chief military
    // spokesperson, Rear Admiral Daniel Hagari, said ...`) when no one leads it.
    let speaking_in = |pi: usize, from: usize, to: usize| {
        mentions
            .between((pi, from), (pi, to))
            .iter()
            .filter(|m| m.speaks)
            .find_map(|m| person(&m))
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
            if let Some(name) = speaking_in(at.0, from, to) {
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
    // A pronoun opening its paragraph (`"He's the most wanted man," he said.` after `But
    // Al Saud is aware of ...`): the person the last sentence of the paragraph before
    // leads with.
    if here == 0 && at.0 > 0 && !pronoun.is_empty() {
        let prev = &paragraphs[at.0 - 1];
        let from = sentence_start(prev, prev.len().saturating_sub(2));
        let same = leading_pronoun(&prev[from..]).is_some_and(|p| p.eq_ignore_ascii_case(pronoun));
        if !same {
            let subject_end = prev[from..]
                .match_indices(' ')
                .nth(5)
                .map_or(prev.len(), |(i, _)| from + i);
            if let Some(name) = first_in_para(at.0 - 1, from, subject_end) {
                // ... unless the speaker's own account goes on: `He said Mr Makama later
                // subleased ...` / `Mr Makama then sold the lease ...` / `"...," he said.`
                // A story that reports one man's words calls him `he` and the others it
                // talks about by name; `he` said the paragraph before, and the name
                // leading the one before this has not spoken: `he` is still who said it.
                if chain && !speakers.contains(&name) {
                    if let Some(account) = pronoun_chain(pronoun, at.0 - 1, paragraphs) {
                        if let Some(who) = resolve_pronoun(
                            pronoun,
                            (account, 0),
                            paragraphs,
                            mentions,
                            speakers,
                            "",
                            false,
                        )
                        .filter(|who| *who != name && !named_in(who, quoted))
                        {
                            return Some(who);
                        }
                    }
                }
                return Some(name);
            }
            if let Some(name) = speaking_in(at.0 - 1, from, prev.len()) {
                return Some(name);
            }
        }
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

/// The paragraph just before `para` when it opens with `pronoun` and a reporting verb
/// (`He said Mr Makama later subleased ...`, `She added that ...`), with no quotation in
/// it: whom that pronoun meant is whom a `he said` quote after `para` means.
fn pronoun_chain(pronoun: &str, para: usize, paragraphs: &[String]) -> Option<usize> {
    let before = para.checked_sub(1)?;
    let text = paragraphs[before].trim_start();
    let mut words = text.split(' ');
    if !words.next()?.eq_ignore_ascii_case(pronoun) {
        return None;
    }
    let verb = words.next()?;
    (REPORTING_VERB
        .find(verb)
        .is_some_and(|m| m.start() == 0 && m.end() == verb.len())
        && !text.contains(['"', '“', '”']))
    .then_some(before)
}

/// "US magazine Mobile PC", "the firm, Shell,", "Judge James Kleinberg": the name the
/// story gave this noun (in lower case or capitalised), the last time before the quote.
/// A longer title containing it is another's (`Deputy Prime Minister John Prescott` is not
/// `the prime minister`).
pub(super) fn named_as(noun: &str, at: (usize, usize), paragraphs: &[String]) -> Option<String> {
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

/// The names a story may have given the body it later calls `the <noun>`: the noun itself
/// (`the center` is the `Storm Prediction Center`), and for a few general nouns the words
/// that end such bodies' names (`the force` is a police force, `the agency` a government
/// agency, centre or service).
fn body_heads(noun: &str) -> &'static [&'static str] {
    match noun {
        "force" => &["police", "constabulary", "force"],
        "agency" => &[
            "agency",
            "center",
            "centre",
            "service",
            "administration",
            "bureau",
            "office",
            "authority",
            "commission",
        ],
        "center" | "centre" => &["center", "centre"],
        "organisation" | "organization" => &["organisation", "organization"],
        _ => &[],
    }
}

/// The body a story calls `the <noun>` (`the agency warns`, `wrote the center`, `the force
/// said`): the last name before `at` (in its paragraph and up to 30 before) of two words
/// or more whose head is that noun or one of its kind (`Storm Prediction Center`,
/// `Devon and Cornwall Police`; `Ministry of Defence` for `the ministry`, `Royal College
/// of GPs` for `the college`). A possessive
/// before the name is another body's (`the National Weather Service’s Storm Prediction
/// Center`); names inside quotes are the speaker's words.
pub(super) fn body_called(noun: &str, at: (usize, usize), paragraphs: &[String]) -> Option<String> {
    let noun = noun.rsplit(' ').next().unwrap_or(noun);
    if role_noun(noun) {
        return None;
    }
    let heads = body_heads(noun);
    let is_noun = |w: &str| w.eq_ignore_ascii_case(noun);
    let is_head = |w: &str| is_noun(w) || heads.iter().any(|h| w.eq_ignore_ascii_case(h));
    // The last body headed by the noun itself, else by one of its kind (`the agency` is
    // the `Environment Agency` before the `Met Office` named after it).
    let (mut by_noun, mut by_kind) = (None, None);
    let first = at.0.saturating_sub(30);
    for (pi, p) in paragraphs.iter().enumerate().take(at.0 + 1).skip(first) {
        let text = recent(if pi == at.0 { &p[..at.1] } else { &p[..] }).1;
        let quoted = find_spans(&[text.to_string()]);
        // The name before: where it started and ended, and whether it named a body itself
        // (`Devon and Cornwall Police` is one name; `Citizens Bank and Canal Bank` two).
        let mut prev: Option<(usize, usize, bool)> = None;
        for m in PROPER_NAME.find_iter(text) {
            if quoted.iter().any(|q| (q.start..q.end).contains(&m.start())) {
                continue;
            }
            let start = match prev {
                Some((start, end, false)) if &text[end..m.start()] == " and " => start,
                _ => m.start(),
            };
            let last_is_head = m.as_str().rsplit(' ').next().is_some_and(is_head);
            prev = Some((m.start(), m.end(), last_is_head));
            let name = &text[start..m.end()];
            // (After the last possessive: `Service’s Storm Prediction Center`.)
            let name = ["’s ", "'s "]
                .iter()
                .filter_map(|s| name.rfind(s).map(|i| &name[i + s.len()..]))
                .min_by_key(|n| n.len())
                .unwrap_or(name);
            let name = name.strip_prefix("The ").unwrap_or(name);
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() < 2 || is_not_name(words[0]) {
                continue;
            }
            // (`Royal College of GPs`, `Ministry of Defence`: the noun before `of`.)
            let head = words.last().copied().filter(|w| is_head(w)).or_else(|| {
                words
                    .windows(2)
                    .find(|w| is_head(w[0]) && matches!(w[1], "of" | "for"))
                    .map(|w| w[0])
            });
            match head {
                Some(h) if is_noun(h) => by_noun = Some(name.to_string()),
                Some(_) => by_kind = Some(name.to_string()),
                None => {}
            }
        }
    }
    by_noun.or(by_kind)
}

/// `a spokesman for the Home Office`, `a Home Office spokesman`: the body spoken for.
pub(super) static SPOKESMAN_OF: LazyLock<Regex> = LazyLock::new(|| re(spokesman()));

/// The body a spokesman in `text` speaks for, the last one named there.
pub(super) fn spokesman_in(text: &str) -> Option<String> {
    let last = SPOKESMAN_OF.captures_iter(text).last()?;
    let name = clean_name(last.name("who").or_else(|| last.name("for"))?.as_str());
    (!is_not_name(name.split_whitespace().next().unwrap_or(""))).then_some(name)
}

/// "said the spokesman": the body a spokesman was last said to speak for in the quote's
/// paragraph or the two before it.
pub(super) fn spokesman_of(span: &Span, paragraphs: &[String]) -> Option<String> {
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
pub(super) fn organisation_before(
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
    let mut candidates: Vec<(String, (usize, usize), usize)> = Vec::new();
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
                .map(|m| {
                    (
                        clean_name(m.as_str()),
                        (pi, base + m.start()),
                        base + m.end(),
                    )
                })
                // A country or a state speaks as `it`, never as `the bank` or `the
                // agency`.
                .filter(|(n, _, _)| {
                    let first = n.split_whitespace().next().unwrap_or("");
                    !is_not_name(first)
                        && !HONORIFIC_RE.is_match(n)
                        && !is_person(n)
                        && (nearest || !crate::text::places::is_place(n))
                }),
        );
    }
    if nearest {
        let para = &paragraphs[span.para];
        let own = sentence_start(para, span.open_at);
        let before = sentence_start(para, own.saturating_sub(2));
        let from = if own > 0 { before } else { own };
        // (A quote's sentence that opens its paragraph: the body the last sentence of
        // the paragraph before has speaking, `In its filing, Deutsche Bank said Houston
        // was ...` ¶ `It also said ... “...”`.)
        let prev_sentence = (own == 0 && span.para > 0).then(|| {
            let prev = &paragraphs[span.para - 1];
            let end = prev.trim_end().len();
            (span.para - 1, sentence_start(prev, end.saturating_sub(2)))
        });
        let speaking = |&(pi, at): &(usize, usize), end: usize| {
            prev_sentence.is_some_and(|(p, start)| p == pi && at >= start)
                && speaks_next(&paragraphs[pi][end..])
        };
        let near = candidates
            .iter()
            .rev()
            .find(|(_, at, end)| (at.0 == span.para && at.1 >= from) || speaking(at, *end));
        if let Some((name, _, _)) = near {
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
        .max_by_key(|(i, (n, _, _))| (times(n), *i))
        .map(|(_, (n, _, _))| n.clone())
}

/// Whether `rest`, the text after a name, goes on with a reporting verb, past the rest of
/// a name cut at a plural possessive and an acronym in brackets (`National Police
/// Chiefs` + `’ Council (NPCC) said`).
fn speaks_next(rest: &str) -> bool {
    let mut rest = rest.trim_start_matches(['’', '\'']).trim_start();
    while rest.starts_with(char::is_uppercase) {
        rest = rest.split_once(' ').map_or("", |(_, r)| r).trim_start();
    }
    let rest = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((_, after)) => after.trim_start(),
        None => rest,
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    is_speech_verb(word)
}

/// The pronoun a sentence opens with (`He`, `She`, `It`, `They`; after `But` or `And`).
pub(super) fn leading_pronoun(sentence: &str) -> Option<&str> {
    let s = sentence.trim_start();
    let s = s
        .strip_prefix("But ")
        .or_else(|| s.strip_prefix("And "))
        .unwrap_or(s);
    let first = s.split(' ').next()?;
    (s.len() > first.len() && matches!(first, "He" | "She" | "It" | "They")).then_some(first)
}

/// The first person named in the quote's sentence before the quote, if any.
pub(super) fn sentence_subject(
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let para = &paragraphs[span.para];
    let here = sentence_start(para, span.open_at);
    // "He said Stiller and Jackson would play ... and that the jokes "...": the subject is
    // the pronoun, not the first name after it.
    let head = para[here..span.open_at].trim_start_matches(['"', '“', '”']);
    if let Some(who) = opening_he_or_she(head, span, here, paragraphs, mentions, speakers) {
        return who;
    }
    // `Philippine Marine Corps Commandant Major General Arturo Rojas said at the ceremony
    // that ...`: the capitalised run before the sentence's first reporting verb, read
    // whole (its first words may be a title, not a person).
    let head_at = span.open_at - head.len();
    let verb = head
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .find(|&i| is_speech_verb(head[i..].split([' ', ',']).next().unwrap_or("")));
    if let Some(who) = verb.and_then(|i| subject_before(para, head_at + i - 1)) {
        return Some(who);
    }
    first_person(mentions, (span.para, here), (span.para, span.open_at))
}

/// When `text` (the quote's sentence from `here`) opens with `He` or `She`: whom the
/// pronoun stands for (None inside when no one); None when it opens otherwise.
fn opening_he_or_she(
    text: &str,
    span: &Span,
    here: usize,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<Option<String>> {
    let p = leading_pronoun(text).filter(|p| matches!(*p, "He" | "She"))?;
    let quoted = &paragraphs[span.para][span.start..span.end];
    Some(pronoun(
        p,
        (span.para, here),
        paragraphs,
        mentions,
        speakers,
        quoted,
    ))
}

/// For a fragment too short to stand as a quote alone: the subject of a reporting verb
/// earlier in its sentence, whose reported clause the fragment is part of (`Mr Lammy said
/// the couple had accepted the clothes so they could “look their best”`; `councillor
/// Margaret Clarke, who said those responsible had shown “stone age thinking”`): the name
/// standing just before the verb (past `who`, auxiliaries, adverbs and commas), or the
/// `He`/`She` the sentence opens with. A verb in the passive (`has been described as`)
/// or after a common noun (`film distributors have hailed`) gives no one.
pub(super) fn reported_by(
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let para = &paragraphs[span.para];
    // (The sentence's last REPORTED_REACH bytes: bounded work on a huge paragraph.)
    let reach = floor_char_boundary(para, span.open_at.saturating_sub(REPORTED_REACH));
    let here = sentence_start(para, span.open_at).max(reach);
    let head = &para[here..span.open_at];
    let verb = REPORTING_VERB.find(head)?;
    let before = head[..verb.start()].trim_start_matches(['"', '“', '”']);
    // (`He said`: the pronoun alone before the verb.)
    if before.split_whitespace().count() == 1 {
        if let Some(who) = opening_he_or_she(before, span, here, paragraphs, mentions, speakers) {
            return who;
        }
    }
    // The last word before the verb, past the words that may stand between a subject
    // and its verb.
    let mut end = here + verb.start();
    loop {
        let text = para[here..end].trim_end_matches([' ', ',']);
        let word_at = text.rfind(' ').map_or(0, |i| i + 1);
        let word = &text[word_at..];
        let between =
            matches!(
                word,
                "who" | "has" | "have" | "had" | "also" | "then" | "again" | "once" | "today"
            ) || (word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase));
        if !between || word_at == 0 {
            end = here + text.len();
            break;
        }
        end = here + word_at;
    }
    let last = para[..end].rsplit(' ').next()?;
    if !last.starts_with(char::is_uppercase) {
        return None;
    }
    let m = mentions
        .between((span.para, here), (span.para, end))
        .iter()
        .rev()
        .find(|m| !m.in_quote)?;
    let named = para.get(m.at.1..end)?;
    // The mention must reach the word before the verb (`Tracey Lomax, recently told`).
    if m.oblique || named.split_whitespace().count() > m.name.split_whitespace().count() + 1 {
        return None;
    }
    // Nor be named in a phrase inside the subject (`The study, led by Professor John
    // Smith, said`; `Supporters, including Senator Jane Doe, said`), past any title,
    // unless a relative clause makes it the subject (`pre-empted by Jacques Chirac, who
    // announced`).
    let relative = para
        .get(m.at.1..here + verb.start())
        .is_some_and(|t| t.split_whitespace().any(|w| w == "who"));
    let mut prior = para[here..m.at.1].split_whitespace().rev();
    let mut word = prior.next().unwrap_or("");
    while word.starts_with(char::is_uppercase) && !word.ends_with(',') {
        word = prior.next().unwrap_or("");
    }
    if !relative && (OBLIQUE.contains(&word) || matches!(word, "including" | "as" | "of" | "led")) {
        return None;
    }
    person_named(m, &mentions.names)
}

/// How far back from a fragment [`reported_by`] looks for its reporting verb, in bytes.
const REPORTED_REACH: usize = 400;

/// The first person named from `from` up to `to` (paragraph, byte), outside quotes and
/// not the object of a preposition: a sentence's subject.
fn first_person(mentions: &Mentions, from: (usize, usize), to: (usize, usize)) -> Option<String> {
    mentions
        .between(from, to)
        .iter()
        .filter(|m| !m.in_quote && !m.oblique)
        .find_map(|m| person_named(m, &mentions.names))
}

/// The first person named in the sentence just before `span`'s, when that sentence lies
/// wholly after the quote `prev` and does not start with a pronoun (which would continue
/// `prev`'s speaker).
pub(super) fn narration_subject(
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
    first_person(mentions, (span.para, from), (span.para, here))
}

/// For a paragraph that is all quote, attributed to no one: who speaks in the paragraph
/// before, in reported speech (`Another villager, Lipolelo Potobere, said they often go
/// without water.`: the last person there followed by a reporting verb), or whom it is
/// about when one of its sentences opens with `He` or `She` (`He lamented the fact that
/// ...`). A paragraph before with quote marks of its own is another speech: not read.
pub(super) fn previous_subject(
    span: &Span,
    paragraphs: &[String],
    mentions: &Mentions,
    speakers: &[String],
) -> Option<String> {
    let para = &paragraphs[span.para];
    if span.para == 0 || !para[..span.open_at].trim().is_empty() {
        return None;
    }
    let before = span.para - 1;
    let prev = &paragraphs[before];
    let quoted = &para[span.start..span.end];
    if prev.contains(['“', '”', '"']) {
        return None;
    }
    let speaking = mentions
        .between((before, 0), (before, prev.len()))
        .iter()
        .rev()
        .filter(|m| m.speaks && !m.in_quote && !m.oblique)
        .find_map(|m| person_named(m, &mentions.names));
    if speaking.is_some() {
        return speaking;
    }
    // `Minister of Natural Resources, Mohlomi Moleko, would not confirm ... and only
    // said:`: a colon after a reporting verb introduces the quote, and who says it is the
    // subject of that last sentence, however far from the verb: the first person named in
    // its first words (a sentence led by `He` or `She` is left to the pronoun below).
    let introduces = prev
        .trim_end()
        .strip_suffix(':')
        .and_then(|head| head.rsplit(' ').next())
        .is_some_and(is_speech_verb);
    if introduces {
        let from = sentence_start(prev, prev.len().saturating_sub(2));
        if leading_pronoun(&prev[from..]).is_none() {
            let subject_end = prev[from..]
                .match_indices(' ')
                .nth(5)
                .map_or(prev.len(), |(i, _)| from + i);
            let subject = first_person(mentions, (before, from), (before, subject_end));
            if subject.is_some() {
                return subject;
            }
        }
    }
    let mut at = 0;
    while at < prev.len() {
        let sentence_end = prev[at..].find(". ").map_or(prev.len(), |i| at + i + 2);
        if let Some(p) = leading_pronoun(&prev[at..sentence_end]) {
            if matches!(p, "He" | "She") {
                let offset = at + prev[at..].find(p).unwrap_or(0);
                return pronoun(p, (before, offset), paragraphs, mentions, speakers, quoted);
            }
        }
        at = sentence_end;
    }
    // `Even more concerning, he said, is that the lease was renewed ...`: the last `he`
    // or `she` with a reporting verb anywhere in it.
    let (base, near) = recent(prev);
    let said = PRONOUN_SAYS
        .captures_iter(near)
        .last()
        .and_then(|c| c.get(1))
        .map(|m| (base + m.start(), m.as_str()));
    let (offset, p) = said?;
    pronoun(
        &p.to_lowercase(),
        (before, offset),
        paragraphs,
        mentions,
        speakers,
        quoted,
    )
}

/// For a quote the text attributes to no one: the first person named in its sentence
/// (the sentence's subject), else the person last named before it in its paragraph.
pub(super) fn paragraph_subject(
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
            .find_map(|m| person_named(m, full_names))
    })
}
