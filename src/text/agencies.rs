//! Wire services and news agencies: who a byline, a credit or a dateline names when it
//! names an agency rather than a person (`By AP`, `dpa/AFP`, `WASHINGTON (Reuters) -`).
//!
//! The list is general knowledge, not read off any data set: the international wire
//! services and the national agencies of the countries whose press newsidx meets, each
//! under the name it signs with and the other names it goes by. Short upper-case
//! abbreviations (`AP`, `PA`, `AA`) match only as written; longer names ignore case.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

/// (name signed, other names).
const AGENCIES: &[(&str, &[&str])] = &[
    (
        "AP",
        &["Associated Press", "The Associated Press", "AP News"],
    ),
    ("Reuters", &["Thomson Reuters", "REUTERS"]),
    (
        "AFP",
        &["Agence France-Presse", "Agence France Presse", "AFP News"],
    ),
    ("dpa", &["DPA", "Deutsche Presse-Agentur", "dpa-AFX"]),
    (
        "Keystone-SDA",
        &[
            "SDA",
            "Keystone-ATS",
            "ATS",
            "SDA-ATS",
            "Keystone SDA",
            "sda",
        ],
    ),
    ("ANSA", &["Agenzia ANSA"]),
    ("EFE", &["Agencia EFE", "Efe"]),
    ("Anadolu", &["Anadolu Agency", "Anadolu Ajansı", "AA"]),
    (
        "PA",
        &[
            "PA Media",
            "Press Association",
            "PA Wire",
            "PA Media/Press Association",
        ],
    ),
    ("Bloomberg", &["Bloomberg News"]),
    ("Xinhua", &["Xinhua News Agency"]),
    ("TASS", &["ТАСС", "ITAR-TASS"]),
    ("RIA Novosti", &["РИА Новости", "RIA"]),
    ("Interfax", &["Интерфакс", "Interfax-Ukraine"]),
    ("Ukrinform", &["Укрінформ"]),
    ("Kyodo", &["Kyodo News", "共同通信"]),
    ("Jiji", &["Jiji Press", "時事通信"]),
    ("Yonhap", &["Yonhap News Agency", "연합뉴스"]),
    ("UPI", &["United Press International"]),
    ("APA", &["Austria Presse Agentur", "APA-OTS"]),
    ("KNA", &["Katholische Nachrichten-Agentur"]),
    ("epd", &["Evangelischer Pressedienst"]),
    ("AAP", &["Australian Associated Press"]),
    ("The Canadian Press", &["Canadian Press", "CP"]),
    ("PTI", &["Press Trust of India"]),
    ("IANS", &["Indo-Asian News Service"]),
    ("ANI", &["Asian News International"]),
    ("Belga", &[]),
    ("ANP", &[]),
    ("TT", &["TT Nyhetsbyrån"]),
    ("NTB", &[]),
    ("Ritzau", &[]),
    ("STT", &["STT-Info"]),
    ("ČTK", &["CTK", "Česká tisková kancelář"]),
    ("PAP", &["Polska Agencja Prasowa"]),
    ("MTI", &[]),
    ("Europa Press", &[]),
    ("Lusa", &[]),
    ("AGI", &["Agenzia Italia"]),
    ("Adnkronos", &[]),
    ("ANA-MPA", &["AMNA"]),
    ("BTA", &[]),
    ("HINA", &[]),
    ("Tanjug", &[]),
    ("Agência Brasil", &["Agencia Brasil"]),
    ("Télam", &["Telam"]),
    ("Notimex", &[]),
    ("Bernama", &[]),
    ("Antara", &[]),
    ("CNA", &["Central News Agency"]),
    ("WAFA", &[]),
    ("IRNA", &[]),
    ("SPA", &["Saudi Press Agency"]),
    ("MENA", &[]),
    ("KUNA", &[]),
    ("QNA", &[]),
    ("AGERPRES", &[]),
];

/// The agency `name` is (as it signs), when it is one: `Associated Press` -> `AP`.
pub fn agency(name: &str) -> Option<&'static str> {
    let name = name
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '©' | '.' | ',' | ':'))
        .trim();
    if name.is_empty() {
        return None;
    }
    // Abbreviations match as written (`AP` and `PA` are words in other texts), longer
    // names in any case; the first agency of the list that matches wins. (Two tables
    // built once: this runs for many short lines of every article.)
    type Table = FxHashMap<String, (usize, &'static str)>;
    static TABLES: LazyLock<(Table, Table)> = LazyLock::new(|| {
        let (mut exact, mut lower) = (Table::default(), Table::default());
        for (i, (signed, others)) in AGENCIES.iter().enumerate() {
            for alias in std::iter::once(signed).chain(others.iter()) {
                let abbreviation = alias.len() <= 4 && alias.chars().all(|c| !c.is_lowercase());
                let (table, key) = if abbreviation {
                    (&mut exact, alias.to_string())
                } else {
                    (&mut lower, alias.to_lowercase())
                };
                table.entry(key).or_insert((i, *signed));
            }
        }
        (exact, lower)
    });
    let (exact, lower) = &*TABLES;
    let by_case = exact.get(name);
    let any_case = lower.get(&name.to_lowercase());
    [by_case, any_case]
        .into_iter()
        .flatten()
        .min_by_key(|(i, _)| *i)
        .map(|(_, signed)| *signed)
}

/// Every agency a credit names, in order: `dpa/AFP`, `AP and Reuters`, `AFP, dpa`,
/// `Mit Material von dpa`. Empty unless every part is an agency (a byline of people
/// and an agency is split by [`split_people_and_agencies`] instead).
pub fn agencies_in(credit: &str) -> Vec<&'static str> {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:/|,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b)\s*").unwrap());
    let parts: Vec<&str> = SPLIT
        .split(credit.trim())
        .filter(|p| !p.trim().is_empty())
        .collect();
    let found: Vec<&'static str> = parts.iter().filter_map(|p| agency(p)).collect();
    if found.len() == parts.len() {
        let mut out = Vec::new();
        for a in found {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    } else {
        Vec::new()
    }
}

/// Moves the agencies out of a list of credited names: (people, agencies).
pub fn split_people_and_agencies(names: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut people = Vec::new();
    let mut agencies: Vec<String> = Vec::new();
    for n in names {
        match agencies_in(&n).as_slice() {
            [] => people.push(n),
            found => {
                for a in found {
                    if !agencies.iter().any(|x| x == a) {
                        agencies.push(a.to_string());
                    }
                }
            }
        }
    }
    (people, agencies)
}

/// The agencies named in credit strings (bylines, author tags, source lines), each once,
/// as written, in order: every part of a string (split at `,` `/` `;` `&` `and`, a leading `By`,
/// `Source:` or `©` dropped) that is an agency.
pub fn credited<'a>(credits: impl Iterator<Item = &'a str>) -> Vec<String> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:by|von|par|por|door|di|av|source|sources|quelle|fuente|fonte|bron|credit|mit material von|with material from)\b\s*:?\s*|[(\[©]\s*)+")
            .unwrap()
    });
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:/|,|;|&|\+|\||(?i:\band\b|\bund\b|\bet\b|\by\b|\bmit\b|\bwith\b))\s*")
            .unwrap()
    });
    let mut out: Vec<String> = Vec::new();
    for c in credits {
        let c = LEAD.replace(c.trim(), "");
        for part in SPLIT.split(&c) {
            if let Some(a) = agency(part) {
                // Kept as the page writes it (`Associated Press`), once per agency.
                let written =
                    part.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '.' | ':'));
                if !out.iter().any(|x| agency(x) == Some(a)) {
                    out.push(written.trim().to_string());
                }
            }
        }
    }
    out
}

/// The agency a wire dateline credits at the start of a story: `WASHINGTON (Reuters) -`,
/// `KYIV, Ukraine (AP) —`, `Berlin (dpa) -`.
pub fn dateline_agency(first_paragraph: &str) -> Vec<&'static str> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L} .,'’\-]{1,60}?\s*\((?P<a>[^()]{1,40})\)\s*[-—–:]").unwrap()
    });
    DATELINE
        .captures(first_paragraph)
        .and_then(|c| c.name("a"))
        .map(|a| agencies_in(a.as_str()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_table() {
        let cases = [
            ("AP", Some("AP")),
            ("The Associated Press", Some("AP")),
            ("associated press", Some("AP")),
            ("REUTERS", Some("Reuters")),
            ("(dpa)", Some("dpa")),
            ("Agence France-Presse", Some("AFP")),
            ("SDA", Some("Keystone-SDA")),
            ("PA Media", Some("PA")),
            // Abbreviations match only as written.
            ("ap", None),
            ("Pa", None),
            ("Anna Petrova", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(agency(name), want, "{name}");
        }
    }

    #[test]
    fn credits_and_datelines() {
        assert_eq!(agencies_in("dpa/AFP"), ["dpa", "AFP"]);
        assert_eq!(agencies_in("AP and Reuters"), ["AP", "Reuters"]);
        assert!(agencies_in("Anna Petrova and AP").is_empty());
        let (people, agencies) =
            split_people_and_agencies(vec!["Anna Petrova".into(), "AFP".into(), "dpa/AFP".into()]);
        assert_eq!(people, ["Anna Petrova"]);
        assert_eq!(agencies, ["AFP", "dpa"]);
        for (para, want) in [
            (
                "WASHINGTON (Reuters) - The U.S. Senate voted...",
                vec!["Reuters"],
            ),
            ("KYIV, Ukraine (AP) — Russian forces...", vec!["AP"]),
            ("Berlin (dpa) - Die Regierung...", vec!["dpa"]),
            ("The minister (who spoke) - said", vec![]),
            ("LONDON (Jan 3) - Prices rose", vec![]),
        ] {
            assert_eq!(dateline_agency(para), want, "{para}");
        }
    }
}
