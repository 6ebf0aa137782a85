//! Part of cleaning (stage 3): the lines that credit a story, read for its people and
//! agencies: bylines (`By A and B, Reuters`, `A, political correspondent`), wire credit
//! lines (`(Reporting by A; Editing by B)`), agency credits (`By AP`, `Source: dpa`), two
//! people either side of a slash, and the sign-off closing a story's last paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::{words_up_to, Class};
use crate::text::dates;
use crate::text::names::{split_names, NAME};

static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:by|written by|words by|story by|reporting by|reported by|text by|authors?|byline|article by)\s*:?\s*(?i:source\s*:\s*)?(?P<names>{NAME}(?:\s*(?:,|&|\band\b)\s*{NAME})*)(?:\s*(?:,|\||–|—|-|/)\s*(?P<tail>[^.!?]{{1,60}}))?$"
    ))
    .expect("static regex is valid")
});
static BYLINE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<names>{NAME}(?:\s*(?:&|\band\b)\s*{NAME})*)(?:\s*[,|–—]\s*|\s+-\s+)(?P<role>[\p{{L}} ]{{0,40}}\b(?i:correspondent|editor|reporter|writer|journalist|columnist|contributor|analyst|producer|critic|commentator|bureau chief|staff)s?)$"
    ))
    .expect("static regex is valid")
});

/// A wire service's credit line: `(Reporting by A in Kyiv; Editing by B)`, `Writing by D;
/// Additional reporting by C`. The reporters and writers are the story's authors (not its
/// editors, nor those who added reporting); the line is not body.
pub(super) fn wire_credit(line: &str) -> Option<Class> {
    static KINDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b((?i:additional reporting|reporting|writing|compiled|editing|edited|translation|graphics|fact-checking|fact checking))\s+by\s+(\p{Lu}[^;().!?]{0,100})").unwrap()
    });
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\(?\s*(?i:additional reporting|reporting|writing|compiled|editing|edited|translation|graphics|fact-checking|fact checking)\s+by\s").unwrap()
    });
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?:in|from|at)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?").unwrap()
    });
    if line.len() > 400
        || !line.contains(" by ")
        || !START.is_match(line)
        || words_up_to(line, 40) > 40
    {
        return None;
    }
    // Every part of the line is a credit: `; Editing by B)` and nothing else.
    let credited: usize = KINDS.find_iter(line).map(|m| m.len()).sum();
    let rest = line.len() - credited;
    if rest > 8 + line.matches(';').count() * 2 {
        return None;
    }
    let mut authors = Vec::new();
    for c in KINDS.captures_iter(line) {
        let kind = c[1].to_ascii_lowercase();
        if matches!(kind.as_str(), "reporting" | "writing" | "compiled") {
            let names = PLACE.replace_all(c[2].trim(), "");
            for n in split_names(&names) {
                if !authors.contains(&n) {
                    authors.push(n);
                }
            }
        }
    }
    Some(Class::Credits {
        authors,
        agencies: Vec::new(),
    })
}

/// A segment of a byline crediting the pictures to someone: `Photos: Sam Reed`,
/// `Pictures by Sam Reed`, `Photography Sam Reed`, `Illustration: ...`.
static PICTURE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:photos?|photograph(?:s|y)?|pictures?|pics|images?|illustrations?|graphics?|video)\s*(?:by\b|:)?\s*\p{Lu}").expect("static regex is valid")
});

/// Words of a picture's credit (`Getty Images`, `AP Photo`, `AFP/FILE`).
const PICTURES: &[&str] = &[
    "images",
    "image",
    "photo",
    "photos",
    "pictures",
    "picture",
    "stock",
    "features",
    "getty",
    "shutterstock",
    "alamy",
    "istock",
    "imago",
    "picture-alliance",
    "epa",
    "file",
    "pool",
    "handout",
    "video",
];

/// `Mathatisi Sebusi/Mohalenyane Phakela`: two people's names of two words or more
/// either side of a slash, a byline in the way `Jane Doe/Getty Images` is a photo's
/// credit: none of them an agency, a picture service or a newsroom.
pub(super) fn people_by_slash(line: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for part in line.split('/') {
        let part = part.trim();
        let one = split_names(part);
        let pictures = part
            .split_whitespace()
            .any(|w| PICTURES.contains(&w.to_lowercase().as_str()));
        if one.len() != 1
            || one[0] != part
            || !part.contains(' ')
            || pictures
            || crate::text::agencies::agency(part).is_some()
        {
            return None;
        }
        names.push(part.to_string());
    }
    (names.len() >= 2).then_some(names)
}

/// When a short line names agencies and nothing else (`By AP`, `(dpa)`, `Source:
/// Reuters/AFP`, `Mit Material von dpa`, `Associated Press`): whether it credits them
/// in words (`By`, `Source:`, `©`, brackets) rather than naming them bare. An agency with
/// the city it filed from in capitals (`AFP, MANILA`) credits it.
pub(super) fn only_agencies(line: &str) -> Option<bool> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:by|von|par|por|door|source|sources|quelle|fuente|fonte|bron|credit|mit material von|with material from|agencies|wires)\b\s*:?\s*|[(\[©]\s*)+").unwrap()
    });
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:/|,|;|&|\||\band\b|\bund\b|\bet\b|\by\b)\s*").unwrap());
    let rest = LEAD.replace(line.trim(), "");
    let parts: Vec<&str> = SPLIT
        .split(&rest)
        .map(|p| p.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ':' | '.' | ' ')))
        .filter(|p| !p.is_empty())
        .collect();
    let agencies = parts
        .iter()
        .filter(|p| crate::text::agencies::agency(p).is_some())
        .count();
    // `AFP, MANILA`: an agency with the city it filed from, in capitals, credits it
    // (`AFP/GETTY IMAGES`, `AP, FILE` are a picture's credits).
    let dateline = parts.len() == 2
        && agencies == 1
        && rest.contains(',')
        && !rest.contains('/')
        && parts.iter().any(|p| {
            crate::text::agencies::agency(p).is_none()
                && p.chars().any(char::is_alphabetic)
                && p.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-')
                && !p
                    .split_whitespace()
                    .any(|w| PICTURES.contains(&w.to_lowercase().as_str()))
        });
    if dateline {
        return Some(true);
    }
    let all = !parts.is_empty() && agencies == parts.len();
    all.then(|| rest.len() < line.trim().len())
}

/// The sign-off that ends a story's last paragraph in many papers: `... umgekehrt."
/// (Birgit Baumann aus Berlin, Anna Giulia Fink, 3.5.2024)`, `(Ann Lee, AFP)`. It
/// follows a sentence's end and holds nothing but people (of two words or more, with
/// where they wrote from), agencies and a date. Returns (authors, agencies).
pub fn sign_off(paragraph: &str) -> Option<(Vec<String>, Vec<String>)> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s+(?:aus|in|from|de|desde|da|uit|z)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?$",
        )
        .unwrap()
    });
    let inner = paragraph.trim_end().strip_suffix(')')?;
    let (before, inner) = inner.rsplit_once('(')?;
    let before = before.trim_end();
    if inner.len() > 200
        || inner.contains(['(', '!', '?'])
        || !before.ends_with(['.', '!', '?', '"', '”', '“', '»', '«'])
    {
        return None;
    }
    let (mut authors, mut agencies) = (Vec::new(), Vec::new());
    for part in inner.split([',', ';']).map(str::trim) {
        if part.is_empty() || is_date(part) {
            continue;
        }
        if let Some(a) = crate::text::agencies::agency(part) {
            agencies.push(a.to_string());
            continue;
        }
        let name = PLACE.replace(part, "");
        match split_names(&name).as_slice() {
            [one] if *one == name && one.contains(' ') => authors.push(one.clone()),
            _ => return None,
        }
    }
    (!authors.is_empty() || !agencies.is_empty()).then_some((authors, agencies))
}

/// A date as a sign-off gives it: `3.5.2024`, `2024-05-03`, `3 May 2024`.
fn is_date(part: &str) -> bool {
    let part = part.trim();
    part.chars().any(|c| c.is_ascii_digit()) && dates::parse_date(part).is_some()
}

/// Author names if the line is a byline: `By NAME`, `Written by NAME`,
/// `Article by:Source: NAME`, `NAME, political correspondent`, `By A and B, Agency`.
pub fn byline(line: &str) -> Option<Vec<String>> {
    if words_up_to(line, 14) > 14 {
        return None;
    }
    let caps = BYLINE_PREFIX
        .captures(line)
        .or_else(|| BYLINE_ROLE.captures(line))?;
    let names = split_names(caps.name("names")?.as_str());
    (!names.is_empty()).then_some(names)
}

/// Words that end a staff role (`Staff Writer`, `Asia correspondent`, `Chief Reporter`).
const ROLE_NOUNS: &[&str] = &[
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "reporter",
    "reporters",
    "writer",
    "writers",
    "journalist",
    "columnist",
    "contributor",
    "analyst",
    "producer",
    "critic",
    "commentator",
    "staff",
    "desk",
    "team",
    "chief",
];
/// Words that may stand before such a noun in a role (`Senior Political Correspondent`).
const ROLE_MODIFIERS: &[&str] = &[
    "staff",
    "senior",
    "chief",
    "deputy",
    "associate",
    "assistant",
    "managing",
    "executive",
    "contributing",
    "special",
    "political",
    "business",
    "economics",
    "health",
    "science",
    "technology",
    "foreign",
    "home",
    "sports",
    "sport",
    "news",
    "investigations",
    "investigative",
    "data",
    "legal",
    "education",
    "environment",
    "culture",
    "arts",
    "court",
    "crime",
    "security",
    "defence",
    "defense",
    "diplomatic",
    "our",
];

/// Whether `words` is a staff role: role words ending in a role noun, or any words before
/// a lower-case role noun (`Asia correspondent`, `our Foreign Staff`).
fn is_role(words: &[&str]) -> bool {
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    let noun = last.to_lowercase();
    ROLE_NOUNS.contains(&noun.as_str())
        && (last.starts_with(char::is_lowercase)
            || before
                .iter()
                .all(|w| ROLE_MODIFIERS.contains(&w.to_lowercase().as_str())))
}

/// A segment after a byline's names that dates the story or says how long it reads:
/// `March 4, 2024`, `Updated 2 hours ago`, `2 hours ago`, `Published 10:30 GMT`, `5 min
/// read` (a bare number, `6 titles`, `3 nights at the O2`, is none of these).
fn dated(seg: &str) -> bool {
    static WHEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:last\s+)?updated|published|posted|modified|first\s+published)\b|^(?i:\d+\s*(?:min|mins|minutes?)\s+read)$|^(?i:(?:an?|\d+)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+ago|just\s+now|yesterday|today)$").unwrap()
    });
    WHEN.is_match(seg)
        || (seg.contains(|c: char| c.is_alphabetic() || matches!(c, '-' | '/' | '.'))
            && dates::parse_date(seg).is_some())
}

/// `Posted on March 4, 2024 by NAME`, `2 hours ago by NAME`: when, then who. The rest
/// after `by`.
fn when_then_by(line: &str) -> Option<&str> {
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:(?:last|first)\s+)?(?:updated|published|posted|modified)\s*:?\s*)?(?i:(?:on|at)\s+)?").unwrap()
    });
    static AGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:an?|\d+)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+ago|just\s+now|yesterday|today)$").unwrap()
    });
    let i = line.find(" by ").or_else(|| line.find(" By "))?;
    // (All of what comes before `by` says when: `Updated guidance was issued by ...` is a
    // sentence. A date is short: longer clauses are not parsed.)
    let when = line[..i]
        .trim()
        .trim_end_matches(['|', '·', '•', '-', '–'])
        .trim_end();
    if words_up_to(when, 7) > 7 {
        return None;
    }
    let when = &when[VERB.find(when).map_or(0, |m| m.end())..];
    let dated = AGO.is_match(when)
        || (when.contains(|c: char| c.is_ascii_digit()) && dates::parse_date(when).is_some());
    dated.then(|| &line[i + 4..])
}

/// `Reporter Ann Lee`, `Senior Correspondent Ann Lee`: a staff role in capitals, then a
/// person's name (a given name first). The rest after the role.
fn role_then_name(line: &str) -> Option<&str> {
    let mut at = 0;
    for (k, word) in line.split(' ').take(3).enumerate() {
        at += word.len() + usize::from(k > 0);
        let role: Vec<&str> = line[..at].split(' ').collect();
        let rest = line.get(at + 1..)?;
        // (A role in capitals, as a byline sets it: `News industry analyst Ken Doctor`
        // introduces someone in a story.)
        if role
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && is_role(&role)
            && rest
                .split_whitespace()
                .next()
                .is_some_and(crate::text::given_names::is_given_name)
        {
            return Some(rest);
        }
    }
    None
}

/// A line that is a person's name alone (`Maria Lopez`: a given name first, two to four
/// words, nothing else) next to a dateline in an article's header (after its title,
/// before its first paragraph of more than twelve words) is the story's byline, as
/// scrapers lay out a page's header (`Maria Lopez` then `March 4, 2024`). Once per
/// article; elsewhere such a line stays (a list of people, a caption, a subheading, the
/// subject of an obituary named as its title).
pub(super) fn byline_beside_dateline(lines: &[&str], classes: &mut [Option<Class>]) {
    let dated = |c: Option<&Option<Class>>| matches!(c, Some(Some(Class::Date(_))));
    let mut seen = 0;
    let mut found = None;
    for (i, line) in lines.iter().enumerate() {
        if classes[i].is_none() {
            continue;
        }
        seen += 1;
        let keep = matches!(classes[i], Some(Class::Keep));
        if keep && words_up_to(line, 12) > 12 {
            break;
        }
        if seen == 1 || !keep || !(2..=4).contains(&words_up_to(line, 4)) {
            continue;
        }
        let prev = classes[..i].iter().rposition(Option::is_some);
        let next = classes[i + 1..]
            .iter()
            .position(Option::is_some)
            .map(|k| i + 1 + k);
        if !(dated(prev.map(|p| &classes[p])) || dated(next.map(|n| &classes[n]))) {
            continue;
        }
        let first_given = line
            .split_whitespace()
            .next()
            .is_some_and(crate::text::given_names::is_given_name);
        if let [name] = split_names(line).as_slice() {
            if first_given && name == line {
                found = Some((i, name.clone()));
                break;
            }
        }
    }
    if let Some((i, name)) = found {
        classes[i] = Some(Class::Byline(vec![name]));
    }
}

/// A byline read part by part, for the forms [`byline`]'s patterns do not take: what
/// follows the name in its part (` in Kyiv`, ` for The Guardian`, ` Special to The Globe`,
/// ` on March 4, 2024`, ` @handle`, a role without a comma: `Staff Writer`), parts that are
/// roles (`, Business Reporter,`), agencies, a newsroom (`, BBC News`) or a place, an agency
/// or a handle in brackets, and segments after a separator that give the date, the reading
/// time or the newsroom (`| Updated 2 hours ago`, `· 5 min read`, `– BBC News`, `. Updated
/// March 4, 2024`; a spaced slash only before a role). Every part must be one of these or
/// a person's name. Besides `By` and its kin: a kind of piece (`Opinion by`) before a
/// given name, when before who (`Posted on March 4, 2024 by`), a staff role in capitals
/// before a given name (`Senior Correspondent`). A line with none of these (`Tom Hughes ·
/// March 4, 2024`) must start with a given name and give a role, an agency or such a
/// segment too. `with` joins people after a plain `By`; who added reporting is no author.
/// Returns the people and the agencies credited.
pub(super) fn byline_by_parts(line: &str) -> Option<(Vec<String>, Vec<String>)> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:by|written by|words by|story by|reporting by|reported by|with reporting by|text by|text and photos by|photos and text by|interview by|interviewed by|posted by|published by|compiled by|contributed by|article by)\s*:?\s+|(?i:words|text|story|report|reporter|reporters|reporting|author|authors|byline|contributors?|writer|writers|columnist|correspondent)\s*:\s*)").unwrap()
    });
    static SEGMENTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+[·•|—–-]\s+|\s*\|\s*").unwrap());
    // A kind of piece before `by` (`Opinion by`, `Analysis by`): a person's, not a
    // body's (`Analysis by Pew Research Center` is a chart's note).
    static KIND_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:opinion|analysis|commentary|column|essay|review|feature|profile|explainer|report|newsletter|blog|letter|dispatch)\s+by)\s*:?\s+").unwrap()
    });
    static PARTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:,|;|&|\b(?:and|AND|And)\b)\s*").unwrap());
    static PARTS_WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:,|;|&|\b(?:and|AND|And|with|With|WITH)\b)\s*").unwrap()
    });
    static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?:(?:in|from)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?|(?:for|(?i:special\s+to))\s+(?:[Tt]he\s+)?\p{Lu}\S*(?:\s+(?:and\s+)?\p{Lu}\S*)*|on\s+.*\d.*|@\w+)$").unwrap()
    });
    static HONORIFIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Rev)\.?\s+").unwrap());
    const NEWSROOM: &[&str] = &[
        "news",
        "times",
        "post",
        "press",
        "herald",
        "journal",
        "telegraph",
        "guardian",
        "tribune",
        "gazette",
        "chronicle",
        "daily",
        "radio",
        "tv",
        "television",
        "online",
        "magazine",
        "wire",
        "agency",
    ];
    if line.len() > 200 || words_up_to(line, 24) > 24 {
        return None;
    }
    // (`By Ann Lee. Updated March 4, 2024`: a full stop before when, as a separator.)
    let joined;
    // (Only a segment that opens with when is looked at: parsing every sentence after a
    // full stop as a date was a tenth of cleaning.)
    static WHEN_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:last\s+|first\s+)?(?:updated|published|posted|modified)\b)").unwrap()
    });
    // (`By Ann Lee Published 3:14 PM EST, Tue March 5, 2024`: a capitalised when word
    // right after the name, as a page's two fields run together.)
    static GLUED_WHEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r" (?:Last updated|Updated|Published|Posted|Modified|UPDATED|PUBLISHED)\b")
            .unwrap()
    });
    let line = match line.find(". ") {
        Some(i)
            if WHEN_WORD.is_match(line[i + 2..].trim_start()) && dated(line[i + 2..].trim()) =>
        {
            joined = format!("{} | {}", &line[..i], &line[i + 2..]);
            joined.as_str()
        }
        _ => match GLUED_WHEN.find(line) {
            // (After `By` only: `Alice Walker Published Her First Novel In 1970` is a
            // headline.)
            Some(m)
                if line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
                    && line[..m.start()].ends_with(char::is_alphanumeric)
                    && dated(line[m.start()..].trim()) =>
            {
                joined = format!("{} | {}", &line[..m.start()], &line[m.start() + 1..]);
                joined.as_str()
            }
            _ => line,
        },
    };
    // (`Ann Lee / Staff Writer`: a spaced slash before a role only; `Ann Lee / AFP` is a
    // picture's credit.)
    let slashed;
    let line = match line.split_once(" / ") {
        Some((names, role)) if is_role(&role.split_whitespace().collect::<Vec<_>>()) => {
            slashed = format!("{names} | {role}");
            slashed.as_str()
        }
        _ => line,
    };
    let starts_given = |rest: &str| {
        rest.split_whitespace()
            .next()
            .is_some_and(crate::text::given_names::is_given_name)
    };
    let rest = PREFIX
        .find(line)
        .map(|m| &line[m.end()..])
        .or_else(|| {
            KIND_BY
                .find(line)
                .map(|m| &line[m.end()..])
                .filter(|r| starts_given(r))
        })
        .or_else(|| when_then_by(line))
        .or_else(|| role_then_name(line));
    // (`with` joins people after a plain `By` only: `Interview by A with B` names whom A
    // spoke to.)
    let plain_by = line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "));
    let prefixed = rest.is_some();
    // (Most lines are neither: a line without `By` must start with a given name.)
    let given = || {
        line.split_whitespace()
            .next()
            .is_some_and(crate::text::given_names::is_given_name)
    };
    if !prefixed && !given() {
        return None;
    }
    let rest = rest.unwrap_or(line).trim();
    // `By Staff Writer Jane Hollis`: a staff role between `By` and the name.
    let rest = if prefixed {
        role_then_name(rest).unwrap_or(rest)
    } else {
        rest
    };
    let mut segments = SEGMENTS.split(rest);
    let names_part = segments.next()?;
    // Segments after the names: a date, an update time or a reading time ([`dated`]), a
    // role, an agency (credited) or a newsroom; anything else is no byline's.
    let mut said_more = false;
    let (mut people, mut agencies) = (Vec::new(), Vec::new());
    for seg in segments {
        let seg = seg.trim();
        let words: Vec<&str> = seg.split_whitespace().collect();
        let newsroom = words
            .last()
            .is_some_and(|w| NEWSROOM.contains(&w.to_lowercase().as_str()));
        // `Words: Peter Mallory | Photos: Sam Reed`: who took the pictures (no author).
        let pictures = PICTURE_CREDIT.is_match(seg);
        let tail = dated(seg)
            || is_role(&words)
            || newsroom
            || pictures
            || crate::text::agencies::agency(seg).is_some();
        if !tail {
            return None;
        }
        if crate::text::agencies::agency(seg).is_some() {
            agencies.push(seg.to_string());
        }
        said_more = true;
    }
    // `By Ann Lee (Reuters)`, `Ann Lee (@annlee)`: an agency or a handle in brackets.
    let names_part = match names_part
        .strip_suffix(')')
        .and_then(|p| p.rsplit_once('('))
    {
        Some((names, inside)) => {
            let inside = inside.trim();
            if crate::text::agencies::agency(inside).is_some() {
                agencies.push(inside.to_string());
            } else if !inside.starts_with('@') {
                return None;
            }
            said_more = true;
            names.trim_end()
        }
        None => names_part,
    };
    let parts = if plain_by { &PARTS_WITH } else { &PARTS };
    for (i, part) in parts.split(names_part).enumerate() {
        let mut part = part.trim();
        // `with additional reporting by Tom Hughes`: who added reporting is no author (as
        // in a wire credit).
        const MORE: &str = "additional reporting by ";
        if part
            .get(..MORE.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(MORE))
        {
            said_more = true;
            continue;
        }
        if part.is_empty() {
            continue;
        }
        // (Kept as the line writes it, as [`crate::text::agencies::credited`] keeps them.)
        if crate::text::agencies::agency(part).is_some() {
            agencies.push(part.trim_end_matches('.').to_string());
            said_more = true;
            continue;
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        if is_role(&words) {
            // (`Reuters staff`: the agency's people.)
            let whose = words[..words.len() - 1].join(" ");
            if crate::text::agencies::agency(&whose).is_some() {
                agencies.push(whose);
            }
            said_more = true;
            continue;
        }
        // `, BBC News`: the newsroom the people wrote for (`and Emily Post` is a person);
        // `, USA TODAY`: a newsroom's name in capitals after names that are not (in a
        // line all in capitals they tell nothing: `BY JANE DOE AND JOHN ROE`).
        // (Of two words at least: `Serena Williams, USA`, `Ted Cruz, R-TX` name a country
        // or a seat.)
        let capitals = words.len() >= 2
            && !part.chars().any(char::is_lowercase)
            && names_part.chars().any(char::is_lowercase);
        if i > 0
            && !people.is_empty()
            && (capitals
                || words
                    .last()
                    .is_some_and(|w| NEWSROOM.contains(&w.to_lowercase().as_str())))
            && !starts_given(part)
        {
            said_more = true;
            continue;
        }
        // `, in Beijing`: where the people wrote from.
        if i > 0 && AFTER_NAME.is_match(&format!(" {part}")) && part.starts_with("in ") {
            continue;
        }
        // (What follows a name in its part does not make a line without `By` a byline:
        // `Love Song for Tough Guys` is a film's title.)
        while let Some(m) = AFTER_NAME.find(part) {
            part = &part[..m.start()];
        }
        let part = HONORIFIC.replace(part, "");
        let words: Vec<&str> = part.split_whitespace().collect();
        // `Fiona MacLeod Staff Writer`: the role after the name, without a comma.
        let cut = (2..words.len())
            .find(|&k| is_role(&words[k..]))
            .unwrap_or(words.len());
        said_more |= cut < words.len();
        let name = words[..cut].join(" ");
        match split_names(&name).as_slice() {
            // (`Ann Lee.`: the full stop is not the name's; `Jr.` keeps its own.)
            [one]
                if one.contains(' ')
                    && name
                        .strip_prefix(one.as_str())
                        .is_some_and(|r| r.is_empty() || r == ".") =>
            {
                people.push(one.clone())
            }
            // A place after the people: `By Grace Liu, Reuters, Beijing`.
            _ if i > 0 && !people.is_empty() && words.len() == 1 => {}
            _ => return None,
        }
    }
    let first = people.first().and_then(|p| p.split(' ').next());
    let unprefixed_ok = said_more && first.is_some_and(crate::text::given_names::is_given_name);
    (prefixed || unprefixed_ok).then_some(())?;
    (!people.is_empty() || !agencies.is_empty() || prefixed).then_some((people, agencies))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_by_parts_table() {
        let people = |line: &str| byline_by_parts(line).map(|(p, _)| p);
        let some = |names: &[&str]| Some(names.iter().map(|n| n.to_string()).collect());
        for (line, want) in [
            ("By Elena Petrova in Kyiv", some(&["Elena Petrova"])),
            (
                "By Grace Liu, Business Reporter, and Omar Said, Economics Editor",
                some(&["Grace Liu", "Omar Said"]),
            ),
            (
                "By Tom Hughes | Published March 4, 2024",
                some(&["Tom Hughes"]),
            ),
            ("Tom Hughes · March 4, 2024", some(&["Tom Hughes"])),
            ("Fiona MacLeod Staff Writer", some(&["Fiona MacLeod"])),
            ("By Dr. Alan Whitfield", some(&["Alan Whitfield"])),
            ("By our Foreign Staff", some(&[])),
            // Not bylines: a title, a publisher, a place, a match.
            ("Love Song for Tough Guys", None),
            ("Published by Penguin in 1999", None),
            ("From New York to Paris", None),
            ("Manchester United – Arsenal", None),
            ("Tom Hughes", None),
            // A heading with a dash and a number is no byline.
            ("Taylor Swift – Eras Tour 2024", None),
            ("Billie Eilish — 3 nights at the O2", None),
            ("Michael Jordan – 6 titles", None),
            ("Kylie Minogue - 2024", None),
            ("By Tom Hughes · 5 min read", some(&["Tom Hughes"])),
            // A relative time, a kind of piece, a label, a newsroom after a comma, `AND`.
            ("By Tom Hughes • 2 hours ago", some(&["Tom Hughes"])),
            ("Opinion by Grace Liu", some(&["Grace Liu"])),
            ("Analysis by Grace Liu, BBC News", some(&["Grace Liu"])),
            ("Text: Grace Liu", some(&["Grace Liu"])),
            (
                "BY GRACE LIU AND TOM HUGHES",
                some(&["GRACE LIU", "TOM HUGHES"]),
            ),
            ("Tom Hughes • 2 hours", None),
            // When, then who; a role in capitals before the name; brackets; `with`.
            ("Posted on March 4, 2024 by Grace Liu", some(&["Grace Liu"])),
            ("2 hours ago by Grace Liu", some(&["Grace Liu"])),
            ("Senior Correspondent Grace Liu", some(&["Grace Liu"])),
            // A role between `By` and the name; who took the pictures is no author.
            ("By Staff Writer Grace Liu", some(&["Grace Liu"])),
            (
                "Words: Grace Liu | Photos: Tom Hughes",
                some(&["Grace Liu"]),
            ),
            (
                "Words by Grace Liu · Pictures by Tom Hughes",
                some(&["Grace Liu"]),
            ),
            (
                "Words: Grace Liu · Photos: Tom Hughes",
                some(&["Grace Liu"]),
            ),
            (
                "By Grace Liu | Pictures by Tom Hughes",
                some(&["Grace Liu"]),
            ),
            ("Words: Grace Liu | Tom Hughes", None),
            ("News industry analyst Grace Liu", None),
            ("Grace Liu / Staff Writer", some(&["Grace Liu"])),
            ("By Grace Liu (@graceliu)", some(&["Grace Liu"])),
            ("Grace Liu (Tom Hughes)", None),
            (
                "By Grace Liu with additional reporting by Tom Hughes",
                some(&["Grace Liu"]),
            ),
            (
                "By Grace Liu with Tom Hughes",
                some(&["Grace Liu", "Tom Hughes"]),
            ),
            // Found by review: a sentence before `by`, a body after a kind of piece, whom
            // an interview was with, a surname like a newsroom's, a picture's credit.
            ("Updated guidance was issued by Chris Whitty", None),
            ("Posted to Instagram by Taylor Swift", None),
            ("Analysis by Pew Research Center", None),
            ("Interview by Grace Liu with Tom Hanks", None),
            // (`Post` read as a newspaper's name by `split_names`: no byline rather than a
            // wrong one.)
            ("By Grace Liu and Emily Post", None),
            ("Louisa Gouliamaki / AFP", None),
            ("March 4, 2024 | By Grace Liu", some(&["Grace Liu"])),
            ("By Grace Liu. Updated March 4, 2024", some(&["Grace Liu"])),
            ("Published in 1999 by Penguin", None),
            ("Posted on Monday by the council", None),
        ] {
            assert_eq!(people(line), want, "{line:?}");
        }
        assert_eq!(
            byline_by_parts("By Grace Liu (Reuters)"),
            Some((vec!["Grace Liu".to_string()], vec!["Reuters".to_string()]))
        );
        assert_eq!(
            byline_by_parts("By Grace Liu and The Associated Press"),
            Some((
                vec!["Grace Liu".to_string()],
                vec!["The Associated Press".to_string()]
            ))
        );
    }
}
