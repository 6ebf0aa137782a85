//! Part of stage 4 (extract): one canonical speaker per person of an article.
//!
//! Attribution ([`super::quotes`]) names a speaker as the text does: `Prime Minister Tony
//! Blair`, `Chancellor Gordon Brown`, `Blair`, and now and then a word that is not a person
//! at all (`government`, `I'm Jewish`, `Should`). [`settle`] runs over an article's quotes
//! once they are attributed: a leading title goes to the quote's `role`, the name keeps
//! the person (`Tony Blair`, role `Prime Minister`); a lone surname or first name becomes
//! the full name the article gives it elsewhere; what cannot be a name is dropped (the
//! quote stays, its speaker unknown). Across the corpus, [`merge_counts`] folds a surname
//! counted alone into the one full name it belongs to.

use super::quotes::{Quote, INDEFINITE, POSSESSED_BODIES, TITLES};

/// Words that end a title before a name, besides the quote code's [`TITLES`]
/// (`Prime Minister`, `Chancellor`, `Shadow Home Secretary`): abbreviated and other ranks
/// that stand before a name. Lower case.
const MORE_TITLE_ENDS: &[&str] = &[
    "sen",
    "rep",
    "cllr",
    "councillor",
    "councilman",
    "councilwoman",
    "representative",
    "congressman",
    "congresswoman",
    "mep",
    "inspector",
    "superintendent",
    "sergeant",
    "constable",
    "detective",
    "professor",
    "prof",
    "dean",
    "attorney",
    "counsel",
    "economist",
    "analyst",
    "gov",
    "lt",
    "gen",
    "col",
    "capt",
    "maj",
    "adm",
    "cmdr",
    "sgt",
];

/// Honorifics written before a name.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady",
];

/// True for a word that ends a title (`Minister`, `Sen.`).
fn ends_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str()) || MORE_TITLE_ENDS.contains(&w.as_str())
}

/// Words that never start a name: pronouns and the verbs and particles a sentence
/// starts with, read as a name when they open a quote's attribution.
const NOT_A_NAME: &[&str] = &[
    "i", "i'm", "i’m", "we", "we're", "you", "he", "she", "they", "it", "it's", "this", "that",
    "there", "should", "would", "could", "must", "will", "shall", "may", "might", "can", "cannot",
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "if", "when", "but",
    "and", "or", "so", "yes", "no", "not", "why", "what", "how", "who", "where", "here", "now",
    "then", "well", "oh", "please", "thanks", "thank", "sorry", "let", "let's", "don't", "don’t",
    "we’re", "under", "in", "on", "at", "for", "from", "with", "by", "to", "of", "after", "before",
    "during", "as", "like", "unlike",
];

/// True for a full name a surname can stand for: two to four words, none of them a
/// possessive (`Screen International's US` is not someone's name).
fn person_like(full: &str) -> bool {
    let n = full.split(' ').count();
    (2..=4).contains(&n) && !full.contains("'s ") && !full.contains("’s ")
}

/// True for a one-word name that may be a surname or first name: not an abbreviation
/// (`US`, `IAAF` name organisations, not the last word of someone's name).
fn surname_like(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

/// A speaker split into the person (or named organisation) and the title the text gave
/// them; an unnamed speaker (`government`) has a role and no name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    pub name: Option<String>,
    pub role: Option<String>,
}

/// The person a speaker string names, with any leading title apart; None when it is no
/// speaker at all (`I'm Jewish`, `Should`).
pub fn canonical(speaker: &str) -> Option<Canonical> {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let first = words.first()?;
    if NOT_A_NAME.contains(&first.to_lowercase().as_str()) {
        return None;
    }
    // `Total Film's Jamie Graham`, `Labour's Mr Livingstone`: a person a body's
    // possessive introduces (a given name or a title first, a name after it) is named
    // without it.
    // (Not after a possessor that may be a person: `Michelle Paver's Wolf Brother` is her
    // book.)
    let possessive = |w: &&str| w.ends_with("'s") || w.ends_with("’s");
    let possessor_named = crate::text::given_names::is_given_name(words[0]);
    if let Some(i) = words[..words.len() - 1].iter().position(possessive) {
        let person = &words[i + 1..];
        let named = !possessor_named
            && person.len() >= 2
            && (crate::text::given_names::is_given_name(person[0])
                || ends_title(person[0])
                || HONORIFICS.contains(&person[0].trim_end_matches('.')));
        if named {
            // (`Mr Livingstone` as `Livingstone`, which the article's full name settles.)
            let honorific = HONORIFICS.contains(&person[0].trim_end_matches('.'));
            return canonical(&person[usize::from(honorific)..].join(" "));
        }
    }
    // `Brown's Budget`, `Sculthorpe's Saints`: a possessor and one word of what is theirs
    // is a thing, no speaker (`India's Sania Mirza`, `Labour's Mr Livingstone` name a
    // person after the possessive; `India's ONGC`, `the Commissioner's Office` a body).
    if let [.., owner, thing] = words.as_slice() {
        let possessive = owner.ends_with("'s") || owner.ends_with("’s");
        let body = thing.chars().all(|c| c.is_uppercase())
            || POSSESSED_BODIES.contains(&thing.to_lowercase().as_str());
        if possessive && !body && !crate::text::given_names::is_given_name(thing) {
            return None;
        }
    }
    // A description with an indefinite article or a number names no one (`a senior
    // administration official`, `two sources briefed on the talks`): it is kept as the
    // role of an unnamed speaker.
    // (`One Music`, `One DDoS`: a capital after a capital is a name.)
    let description = words[1..]
        .iter()
        .all(|w| !w.starts_with(char::is_uppercase))
        || first.starts_with(char::is_lowercase);
    if INDEFINITE.contains(&first.to_lowercase().as_str()) && words.len() >= 2 && description {
        let description = match *first {
            "a" | "an" | "A" | "An" => &words[1..],
            _ => &words[..],
        };
        return Some(Canonical {
            name: None,
            role: Some(description.join(" ")),
        });
    }
    // A name has a capital (`Broadcast magazine`, `British Chambers of Commerce`);
    // `government` or `committee` names no one: it is kept as the role of an unnamed
    // speaker.
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.iter().any(capitalised) {
        return Some(Canonical {
            name: None,
            role: Some(words.join(" ")),
        });
    }
    // The last title word with a name after it splits role from name; a given name
    // further on, after a title of several words, starts the name (`Secretary of State
    // Marco Rubio`, `House Speaker Mike Johnson`: `Speaker` a noun for a person).
    // (`Justice Department`: a body's word alone after a title is the body's name.)
    let split = words[..words.len() - 1]
        .iter()
        .rposition(|w| ends_title(w))
        .filter(|&i| {
            !(i + 2 == words.len()
                && matches!(
                    words[i + 1].to_lowercase().as_str(),
                    "department" | "ministry" | "office" | "committee" | "council" | "court"
                ))
        });
    let split = match given_after_title(&words) {
        Some(k) if split.is_none_or(|i| k > i + 1) => Some(k - 1),
        _ => split,
    };
    Some(match split {
        Some(i) => {
            // (`Boss Sir Alex Ferguson`: the honorific is no part of the role.)
            let mut role = &words[..=i];
            while let [rest @ .., last] = role {
                if !HONORIFICS.contains(&last.trim_end_matches('.')) {
                    break;
                }
                role = rest;
            }
            Canonical {
                name: Some(words[i + 1..].join(" ")),
                role: (!role.is_empty()).then(|| role.join(" ")),
            }
        }
        None => Canonical {
            name: Some(words.join(" ")),
            role: None,
        },
    })
}

/// Where a person's name starts after a title of several words: the first given name
/// after a word that ends a title or is a noun for a person, with one to three more
/// words of the name after it and no title among them.
fn given_after_title(words: &[&str]) -> Option<usize> {
    let titled = |w: &&str| {
        let lower = w.trim_end_matches('.').to_lowercase();
        ends_title(w) || crate::text::nouns::is_person_noun(&lower)
    };
    let first_title = words.iter().position(titled)?;
    (first_title + 1..words.len()).find(|&k| {
        let name = &words[k..];
        let counted = name
            .iter()
            // (Initials and letters after a name, `QC`, `MP`, are no words of it:
            // `Guy Mansfield QC` has no title.)
            .filter(|w| {
                let w = w.trim_end_matches('.');
                w.chars().count() > 1 && !w.chars().all(|c| c.is_uppercase())
            })
            .count();
        // (`Guy Mansfield QC`: a given name before it makes it a name's second word.)
        // (`District of Columbia Jeanine Pirro`: a given name after `of` is what a
        // title is of; `Columbia` then no name's first word.)
        let after_name = crate::text::given_names::is_given_name(words[k - 1])
            && !ends_title(words[k - 1])
            && !(k >= 2 && matches!(words[k - 2], "of" | "for" | "the"));
        crate::text::given_names::is_given_name(words[k])
            && !after_name
            && !matches!(words[k - 1], "of" | "for" | "the")
            && (2..=4).contains(&counted)
            && !name.iter().any(|w| ends_title(w))
    })
}

/// Settles the speakers of one article's quotes: roles apart, non-names dropped, a name
/// of one word replaced by the one full name of the article that ends or starts with it.
pub fn settle(quotes: &mut [Quote]) {
    let mut settled: Vec<Option<Canonical>> = quotes
        .iter()
        .map(|q| q.speaker.as_deref().and_then(canonical))
        .collect();
    let full: Vec<String> = {
        let mut names: Vec<String> = settled
            .iter()
            .flatten()
            .filter_map(|c| c.name.clone())
            .filter(|n| n.contains(' '))
            .collect();
        names.sort();
        names.dedup();
        names
    };
    for name in settled.iter_mut().flatten().filter_map(|c| c.name.as_mut()) {
        if name.contains(' ') || !surname_like(name) {
            continue;
        }
        let mut owners = full.iter().filter(|f| person_like(f)).filter(|f| {
            f.rsplit(' ').next() == Some(name.as_str())
                || f.split(' ').next() == Some(name.as_str())
        });
        if let (Some(owner), None) = (owners.next(), owners.next()) {
            *name = owner.clone();
        }
    }
    // A role the article gave a person once is theirs wherever they speak in it.
    let roles: Vec<(String, String)> = settled
        .iter()
        .flatten()
        .filter_map(|c| Some((c.name.clone()?, c.role.clone()?)))
        .collect();
    for c in settled.iter_mut().flatten() {
        if c.role.is_none() {
            c.role = roles
                .iter()
                .find(|(n, _)| Some(n) == c.name.as_ref())
                .map(|(_, r)| r.clone());
        }
    }
    for (q, c) in quotes.iter_mut().zip(settled) {
        (q.speaker, q.role) = match c {
            Some(c) => (c.name, c.role),
            None => (None, None),
        };
    }
}

/// Folds counts of speakers across articles: a one-word name counted alone goes to the one
/// full name of the list that ends with it (`Blair` into `Tony Blair`); names that more
/// than one full name end with stay as they are. Most frequent first, then by name.
pub fn merge_counts(counts: Vec<(String, u64)>) -> Vec<(String, u64)> {
    let mut merged: Vec<(String, u64)> = Vec::with_capacity(counts.len());
    let full: Vec<&str> = counts
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| person_like(n))
        .collect();
    let mut folded: Vec<(String, u64)> = Vec::new();
    for (name, n) in &counts {
        if !name.contains(' ') && surname_like(name) {
            let mut owners = full
                .iter()
                .filter(|f| f.rsplit(' ').next() == Some(name.as_str()));
            if let (Some(owner), None) = (owners.next(), owners.next()) {
                folded.push((owner.to_string(), *n));
                continue;
            }
        }
        merged.push((name.clone(), *n));
    }
    for (owner, n) in folded {
        if let Some(m) = merged.iter_mut().find(|(name, _)| *name == owner) {
            m.1 += n;
        }
    }
    merged.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_table() {
        let c = |name: &str, role: Option<&str>| {
            Some(Canonical {
                name: (!name.is_empty()).then(|| name.to_string()),
                role: role.map(str::to_string),
            })
        };
        let cases = [
            ("Tony Blair", c("Tony Blair", None)),
            (
                "Prime Minister Tony Blair",
                c("Tony Blair", Some("Prime Minister")),
            ),
            (
                "Chancellor Gordon Brown",
                c("Gordon Brown", Some("Chancellor")),
            ),
            (
                "Shadow Home Secretary David Davis",
                c("David Davis", Some("Shadow Home Secretary")),
            ),
            ("Sen. Elizabeth Warren", c("Elizabeth Warren", Some("Sen."))),
            ("Guy Mansfield QC", c("Guy Mansfield QC", None)),
            ("Justice Department", c("Justice Department", None)),
            (
                "Supreme Court Justice Sonia Sotomayor",
                c("Sonia Sotomayor", Some("Supreme Court Justice")),
            ),
            (
                "Auditor General Sir John Bourn",
                c("John Bourn", Some("Auditor General")),
            ),
            (
                "Secretary of State Marco Rubio",
                c("Marco Rubio", Some("Secretary of State")),
            ),
            (
                "House Speaker Mike Johnson",
                c("Mike Johnson", Some("House Speaker")),
            ),
            (
                "U.S. Attorney for the District of Columbia Jeanine Pirro",
                c(
                    "Jeanine Pirro",
                    Some("U.S. Attorney for the District of Columbia"),
                ),
            ),
            (
                "Texas Gov. Greg Abbott",
                c("Greg Abbott", Some("Texas Gov.")),
            ),
            (
                "Health and Human Services Secretary Robert F. Kennedy Jr",
                c(
                    "Robert F. Kennedy Jr",
                    Some("Health and Human Services Secretary"),
                ),
            ),
            ("Cllr Louise Gittins", c("Louise Gittins", Some("Cllr"))),
            ("Ursula von der Leyen", c("Ursula von der Leyen", None)),
            ("IAAF", c("IAAF", None)),
            ("Falconer", c("Falconer", None)),
            ("government", c("", Some("government"))),
            ("I'm Jewish", None),
            ("Should", None),
            ("Under IAAF", None),
            ("Broadcast magazine", c("Broadcast magazine", None)),
            ("BA", c("BA", None)),
            // A possessor's thing is no one; a person or a body after a possessive is.
            ("Brown's Budget", None),
            ("Sculthorpe’s Saints", None),
            ("India's Sania Mirza", c("India's Sania Mirza", None)),
            ("Total Film's Jamie Graham", c("Jamie Graham", None)),
            ("Labour's Mr Livingstone", c("Livingstone", None)),
            (
                "Michelle Paver's Wolf Brother",
                c("Michelle Paver's Wolf Brother", None),
            ),
            ("India's ONGC", c("India's ONGC", None)),
            (
                "Information Commissioner's Office",
                c("Information Commissioner's Office", None),
            ),
            (
                "a senior administration official",
                c("", Some("senior administration official")),
            ),
            ("two sources", c("", Some("two sources"))),
            ("One Music", c("One Music", None)),
            ("", None),
        ];
        for (speaker, want) in cases {
            assert_eq!(canonical(speaker), want, "{speaker}");
        }
    }

    #[test]
    fn an_article_names_each_person_one_way() {
        let q = |speaker: Option<&str>| Quote {
            text: "words".into(),
            speaker: speaker.map(str::to_string),
            role: None,
        };
        let mut quotes = vec![
            q(Some("Prime Minister Tony Blair")),
            q(Some("Blair")),
            q(Some("Shadow Home Secretary David")),
            q(Some("David Davis")),
            q(Some("government")),
            q(None),
        ];
        settle(&mut quotes);
        let got: Vec<(Option<&str>, Option<&str>)> = quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.role.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Tony Blair"), Some("Prime Minister")),
                (Some("Tony Blair"), Some("Prime Minister")),
                (Some("David Davis"), Some("Shadow Home Secretary")),
                (Some("David Davis"), Some("Shadow Home Secretary")),
                (None, Some("government")),
                (None, None),
            ]
        );
    }

    #[test]
    fn surnames_counted_alone_fold_into_their_one_full_name() {
        let counts = vec![
            ("Tony Blair".to_string(), 53),
            ("Blair".to_string(), 3),
            ("Jack Straw".to_string(), 4),
            ("Straw".to_string(), 4),
            ("Falconer".to_string(), 7),
            ("Ian Smith".to_string(), 2),
            ("Jo Smith".to_string(), 2),
            ("Smith".to_string(), 1),
            ("US".to_string(), 9),
            ("Screen International's US".to_string(), 1),
        ];
        assert_eq!(
            merge_counts(counts),
            [
                ("Tony Blair".to_string(), 56),
                ("US".to_string(), 9),
                ("Jack Straw".to_string(), 8),
                ("Falconer".to_string(), 7),
                ("Ian Smith".to_string(), 2),
                ("Jo Smith".to_string(), 2),
                ("Screen International's US".to_string(), 1),
                ("Smith".to_string(), 1),
            ]
        );
    }
}
