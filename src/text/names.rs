//! Ground floor: personal names as bylines write them. [`NAME`] is the grammar of a
//! name (2-4 capitalised words, particles and initials allowed); [`split_names`] turns an
//! author string into the people it names, dropping roles and newsrooms.

use std::sync::LazyLock;

use regex::Regex;

// A person's name: 2-4 capitalised tokens, particles (van, de, al, ...) and initials allowed.
// A token is a word or initials (`C.J.`).
pub const NAME: &str = r"\p{Lu}(?:\.\p{Lu})*[\p{L}'’\-]*\.?(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|al|bin|ibn|ter|ten|el|dos|das|y)\s+)*\p{Lu}(?:\.\p{Lu})*[\p{L}'’\-]*\.?){1,3}";
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Lu}\.)+$").expect("static regex is valid"));
static NAME_FULL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{NAME}$")).expect("static regex is valid"));

/// Splits an author string into person names: drops "By", roles and organisations-looking
/// parts ("Staff", "Reuters"), splits on commas, `and`, `&`, `;`.
pub fn split_names(s: &str) -> Vec<String> {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:,|;|&|\||\band\b|\bund\b|\bet\b|\by\b)\s*").unwrap());
    static BY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?i:by|von|par|por|door)\s+").unwrap());
    let s = crate::text::squash(s);
    let s = BY.replace(&s, "");
    // `Amie Mock as told to Heather Eastman`: the writer is the one told.
    let s = s
        .rsplit_once(" as told to ")
        .map_or(&*s, |(_, writer)| writer);
    let mut out: Vec<String> = Vec::new();
    for part in SPLIT.split(s) {
        let part = part.trim();
        // A full stop ends the name unless it ends an initial (`Nelson C.J.`).
        let part = match part.rsplit_once(' ') {
            Some((_, last)) if INITIALS.is_match(last) => part,
            _ => part.trim_end_matches('.'),
        };
        let part = without_title_after(without_credentials(without_note(part)));
        let name = NAME_FULL.is_match(part) && !is_organisation(part);
        if (name || caseless_name(part)) && !out.iter().any(|n| n == part) {
            out.push(part.to_string());
        }
    }
    out
}

/// The name without a note in brackets after it: the author's short sign (`Elena
/// Oberholzer (obe)`) or an agency (`Ann Lee (Reuters)`: agencies are read from the
/// credit as a whole, not from the name). Other notes stay, and a newsroom with its
/// address (`Deutsche Welle (www.dw.com)`) is no name.
fn without_note(name: &str) -> &str {
    match name.strip_suffix(')').and_then(|n| n.rsplit_once('(')) {
        Some((before, note))
            if !before.trim().is_empty()
                && ((1..=6).contains(&note.chars().count())
                    && note.chars().all(char::is_alphabetic)
                    || crate::text::agencies::agency(note).is_some()) =>
        {
            before.trim_end()
        }
        _ => name,
    }
}

/// A name written in a script without capitals (Chinese, Japanese, Korean, Thai,
/// Arabic, Hebrew, Devanagari...), where the grammar of capitalised words cannot tell a
/// name: one to three words of such letters, short as names are (`大渡 美咲`, `구현모`),
/// not a newsroom (`中日新聞Web`
/// has Latin letters, `朝日新聞` names a newspaper).
fn caseless_name(part: &str) -> bool {
    let caseless = |c: char| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase();
    // Chinese, Japanese and Korean write a name as one word; other scripts space its
    // parts (a single Arabic word is as likely a section's name).
    let cjk = part.chars().any(|c| {
        matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF)
    });
    let words = part.split_whitespace().count();
    let chars = part.chars().filter(|c| !c.is_whitespace()).count();
    (if cjk { 1..=3 } else { 2..=4 }).contains(&words)
        && (2..=24).contains(&chars)
        && part
            .chars()
            .all(|c| c.is_whitespace() || caseless(c) || c == '·' || c == '・')
        && !NEWSROOM_WORDS.iter().any(|w| part.contains(w))
}

/// The name without a reporter's title written after it, as Korean, Japanese and
/// Chinese bylines do (`구현모 기자`, `山田太郎記者`).
fn without_title_after(name: &str) -> &str {
    const TITLES: &[&str] = &[
        "기자",
        "특파원",
        "記者",
        "特派員",
        "特派员",
        "编辑",
        "編集委員",
    ];
    TITLES
        .iter()
        .find_map(|t| name.strip_suffix(t))
        .map_or(name, str::trim_end)
}

/// Words for newspaper, news agency, broadcaster, news and editorial office in Chinese,
/// Japanese and Korean: a caseless name holding one names a newsroom.
const NEWSROOM_WORDS: &[&str] = &[
    "新聞",
    "新闻",
    "通信",
    "放送",
    "ニュース",
    "デジタル",
    "編集",
    "编辑",
    "日報",
    "日报",
    "電視",
    "电视",
    "時報",
    "时报",
    "신문",
    "뉴스",
    "방송",
    "일보",
    "통신",
    "편집",
];

/// The name without academic and professional letters after it ("Lauren Manaker MS",
/// "Ann Lee PhD RD"): they are not part of the name. Two words at least stay.
fn without_credentials(name: &str) -> &str {
    const LETTERS: &[&str] = &[
        "MD", "PhD", "DPhil", "MS", "MSc", "MA", "BA", "BSc", "MBA", "MPH", "RD", "RDN", "LD",
        "LDN", "CDN", "CPT", "RN", "NP", "DVM", "JD", "Esq", "CFA", "CPA", "DDS", "FRCP",
    ];
    let mut name = name;
    while let Some((rest, last)) = name.rsplit_once(' ') {
        let last = last
            .trim_matches(|c: char| c == ',' || c == '.')
            .replace('.', "");
        if rest.split_whitespace().count() < 2 || !LETTERS.contains(&last.as_str()) {
            break;
        }
        name = rest.trim_end_matches([',', ' ']);
    }
    name
}

/// A capitalised name that is a newsroom, a role or a publication, not a person:
/// "TMZ Staff", "Tech Digest Correspondent", "The Independent", "Reuters Editors".
fn is_organisation(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "staff",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "team",
        "desk",
        "newsroom",
        "reporter",
        "reporters",
        "contributor",
        "contributors",
        "writer",
        "writers",
        "agency",
        "press",
        "news",
        "media",
        "wire",
        "reports",
        "bureau",
        "service",
        "services",
        "online",
        "magazine",
        "times",
        "post",
        "daily",
        "journal",
        "chief",
        "officer",
        "director",
        "president",
        "manager",
        "founder",
        "redazione",
    ];
    name.starts_with("The ")
        || name
            .split_whitespace()
            .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names_table() {
        let cases: &[(&str, &[&str])] = &[
            ("By Ann Lee", &["Ann Lee"]),
            (
                "Ann Lee, Bo Kim and Cy Young",
                &["Ann Lee", "Bo Kim", "Cy Young"],
            ),
            ("Ann Lee, political correspondent", &["Ann Lee"]),
            ("Lauren Manaker MS", &["Lauren Manaker"]),
            ("Ann Lee, PhD, R.D.", &["Ann Lee"]),
            ("By Jo Ma MD and Bo Kim", &["Jo Ma", "Bo Kim"]),
            // A two-word name keeps its second word even when it looks like letters.
            ("Ann MA", &["Ann MA"]),
            ("Nelson C.J.", &["Nelson C.J."]),
            ("By J.R.R. Tolkien.", &["J.R.R. Tolkien"]),
            ("Ann Lee.", &["Ann Lee"]),
            ("Amie Mock as told to Heather Eastman", &["Heather Eastman"]),
            ("Staff", &[]),
            ("Reuters", &[]),
            // The author's sign in brackets is not part of the name.
            ("Elena Oberholzer (obe)", &["Elena Oberholzer"]),
            ("Ann Lee (Reuters) and Bo Kim", &["Ann Lee", "Bo Kim"]),
            ("Deutsche Welle (www.dw.com)", &[]),
            // Names in scripts without capitals, with a reporter's title after them.
            ("大渡 美咲", &["大渡 美咲"]),
            ("By 배윤경,이상현", &["배윤경", "이상현"]),
            ("구현모 기자", &["구현모"]),
            // Newsrooms and sentences in those scripts are not names.
            ("朝日新聞デジタル", &[]),
            ("毎日新聞", &[]),
            ("منوعات", &[]),
            ("محمد عبد الله", &["محمد عبد الله"]),
            ("気象庁は13日に発表した地震の規模について", &[]),
            ("https://example.org/ann", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(split_names(s), *want, "{s}");
        }
    }
}
