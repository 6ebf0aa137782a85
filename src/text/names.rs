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
        let part = without_credentials(part);
        if NAME_FULL.is_match(part) && !is_organisation(part) && !out.iter().any(|n| n == part) {
            out.push(part.to_string());
        }
    }
    out
}

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
            ("https://example.org/ann", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(split_names(s), *want, "{s}");
        }
    }
}
