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
        Regex::new(r"\b((?i:additional reporting|reporting|writing|editing|edited|compiled|translation|graphics|fact-checking|fact checking))\s+by\s+(\p{Lu}[^;().!?]{0,100})").unwrap()
    });
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\(?\s*(?i:additional reporting|reporting|writing|editing|edited|compiled|translation|graphics|fact-checking|fact checking)\s+by\s").unwrap()
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
        if kind == "reporting" || kind == "writing" {
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

/// `Mathatisi Sebusi/Mohalenyane Phakela`: two people's names of two words or more
/// either side of a slash, a byline in the way `Jane Doe/Getty Images` is a photo's
/// credit: none of them an agency, a picture service or a newsroom.
pub(super) fn people_by_slash(line: &str) -> Option<Vec<String>> {
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
    ];
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
/// in words (`By`, `Source:`, `©`, brackets) rather than naming them bare.
pub(super) fn only_agencies(line: &str) -> Option<bool> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:by|von|par|por|door|source|sources|quelle|fuente|fonte|bron|credit|mit material von|with material from|agencies|wires)\b\s*:?\s*|[(\[©]\s*)+").unwrap()
    });
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:/|,|;|&|\||\band\b|\bund\b|\bet\b|\by\b)\s*").unwrap());
    let rest = LEAD.replace(line.trim(), "");
    let mut parts = SPLIT
        .split(&rest)
        .map(|p| p.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ':' | '.' | ' ')))
        .filter(|p| !p.is_empty())
        .peekable();
    let all = parts.peek().is_some() && parts.all(|p| crate::text::agencies::agency(p).is_some());
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
