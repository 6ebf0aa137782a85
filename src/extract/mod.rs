//! Stage 4: turn a cleaned raw article into an [`Article`]: title, authors, date,
//! source, url, body and direct quotations with their speakers.
//!
//! Metadata a format states explicitly (JSON keys, HTML meta tags) wins over what is
//! found in the text (byline and date lines, a headline line).

pub mod lang;
pub mod quotes;
pub mod speakers;

use serde::{Deserialize, Serialize};

use crate::clean::{self, ends_sentence, word_count};
use crate::formats::{Markup, RawArticle};
use crate::furniture::{Furniture, Lines};
pub use quotes::Quote;

/// A news article as newsidx indexes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Never empty: the stated title, a headline line, or the opening words of the body.
    pub title: String,
    pub authors: Vec<String>,
    /// Wire services, agencies and newsrooms the story is credited to (`AP`, `dpa`), by
    /// its byline, credit lines or dateline (`WASHINGTON (Reuters) -`); never people.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Publication date, RFC 3339 at the offset the source stated (`Z` when none).
    pub date: Option<String>,
    pub source: Option<String>,
    /// The page's canonical URL as it states it; for a page from a web archive that
    /// states none, the URL it was fetched from.
    pub url: Option<String>,
    /// The URL a web archive's record says the page was fetched from; None for files.
    #[serde(default)]
    pub fetched_url: Option<String>,
    pub lang: Option<String>,
    /// Paragraphs separated by newlines, residue removed.
    pub body: String,
    pub quotes: Vec<Quote>,
}

/// Longest title made from a first sentence, in words.
const SHORT_TITLE_WORDS: usize = 12;

/// Cleans and extracts one raw article. `name` (a file name) is the title of last resort.
pub fn extract(raw: RawArticle, name: &str) -> Article {
    extract_with(raw, name, &Furniture::default()).0
}

/// What an article tells the furniture table (cleaning it without furniture).
pub fn lines(raw: &RawArticle) -> Lines {
    let c = clean::clean(&raw.body, raw.markup, &Furniture::default());
    Lines::new(c.keys, c.first_long, &raw.body, raw.site())
}

/// [`extract`], cleaning with the furniture of the article's source; with the article's
/// [`Lines`] (as [`lines`] gives them, whatever the furniture).
pub fn extract_with(raw: RawArticle, name: &str, furniture: &Furniture) -> (Article, Lines) {
    let mut cleaned = clean::clean(&raw.body, raw.markup, furniture);
    let lines = Lines::new(
        std::mem::take(&mut cleaned.keys),
        cleaned.first_long,
        &raw.body,
        raw.site(),
    );
    let mut title = raw.title.filter(|t| !t.trim().is_empty());
    let stated = title.is_some();
    if title.is_none() && raw.markup != Markup::Html && is_headline(&cleaned) {
        title = Some(cleaned.paragraphs.remove(0));
        cleaned.blank_after.remove(0);
    }
    let title = title
        .or_else(|| cleaned.paragraphs.first().map(|p| short_title(p)))
        .unwrap_or_else(|| name.to_string());
    // Pages repeat the headline as the first line of the article.
    if stated
        && cleaned.paragraphs.len() > 1
        && cleaned.paragraphs[0].eq_ignore_ascii_case(title.trim())
    {
        cleaned.paragraphs.remove(0);
    }
    let mut authors = if raw.authors.is_empty() {
        cleaned.authors
    } else {
        raw.authors
    };
    // No byline: the sign-off closing the story (`(Ann Lee aus Berlin, 3.5.2024)`).
    let mut raw_agencies = raw.agencies;
    if authors.is_empty() && raw_agencies.is_empty() {
        if let Some((people, credited)) = cleaned.paragraphs.last().and_then(|p| clean::sign_off(p))
        {
            authors = people;
            raw_agencies = credited;
        }
    }
    // Credit lines and a wire dateline in the text credit agencies where the text is all
    // there is; a web page's byline (people or agencies) is its credit, and the text's
    // `Mit Material von dpa` or photo credits are not read as the story's.
    let mut agencies = raw_agencies;
    let page_credits = raw.markup == Markup::Html && !(authors.is_empty() && agencies.is_empty());
    if !page_credits {
        let dateline = cleaned
            .paragraphs
            .first()
            .map(|p| crate::text::agencies::dateline_agency(p))
            .unwrap_or_default();
        for a in cleaned.agencies.iter().map(String::as_str).chain(dateline) {
            let same = crate::text::agencies::agency(a);
            if !agencies
                .iter()
                .any(|x| crate::text::agencies::agency(x) == same)
            {
                agencies.push(a.to_string());
            }
        }
    }
    // A newsroom named as the author is the credit when there is no other.
    if authors.is_empty() && agencies.is_empty() {
        agencies.extend(raw.newsroom);
    }
    let date = raw
        .date
        .as_deref()
        .and_then(crate::text::dates::parse_date)
        .or(cleaned.date)
        // An archived page that states no date: when it was fetched.
        .or_else(|| {
            raw.fetched_date
                .as_deref()
                .and_then(crate::text::dates::parse_date)
        });
    let mut quotes = quotes::quotes(&cleaned.paragraphs);
    speakers::settle(&mut quotes);
    let title = crate::text::squash(&title);
    let body = cleaned.paragraphs.join("\n");
    let article = Article {
        lang: lang::language(raw.lang.as_deref(), &title, &body),
        title,
        authors,
        agencies,
        date,
        source: raw.source,
        url: raw.url,
        fetched_url: raw.fetched_url,
        body,
        quotes,
    };
    (article, lines)
}

/// The first line reads as a headline: short, not a sentence, standing alone above the body.
fn is_headline(c: &clean::Cleaned) -> bool {
    let (Some(first), true) = (c.paragraphs.first(), c.paragraphs.len() > 1) else {
        return false;
    };
    let words = word_count(first);
    c.blank_after[0] && (1..=20).contains(&words) && (!ends_sentence(first) || first.ends_with('?'))
}

/// The first sentence, cut to a dozen words.
fn short_title(p: &str) -> String {
    let sentence = p
        .split_inclusive(". ")
        .next()
        .unwrap_or(p)
        .trim()
        .trim_end_matches('.');
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= SHORT_TITLE_WORDS {
        words.join(" ")
    } else {
        format!("{}…", words[..SHORT_TITLE_WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_table() {
        let cases = [
            ("Storm hits coast\n\nWaves rose on Monday.\n", "Storm hits coast"),
            ("Is this the end?\n\nMaybe not.\n", "Is this the end?"),
            (
                "The Kremlin has said that Russia will never consider exchanging occupied land for parts of Kursk. More.\nNext.\n",
                "The Kremlin has said that Russia will never consider exchanging occupied land…",
            ),
            ("Short first line\nnext line without a blank.\n", "Short first line"),
            ("", "fallback.txt"),
        ];
        for (text, want) in cases {
            let a = extract(
                RawArticle::new(Markup::Plain, text.to_string()),
                "fallback.txt",
            );
            assert_eq!(a.title, want, "{text:?}");
        }
    }

    #[test]
    fn stated_metadata_wins_over_text() {
        let mut raw = RawArticle::new(
            Markup::Plain,
            "By Ann Lee\nPublished: 3 January 2025\nBody text here.\n".into(),
        );
        raw.authors = vec!["Bo Kim".into()];
        raw.date = Some("2024-02-02".into());
        let a = extract(raw, "x");
        assert_eq!(a.authors, ["Bo Kim"]);
        assert_eq!(a.date.as_deref(), Some("2024-02-02T00:00:00Z"));
        assert_eq!(a.body, "Body text here.");
    }

    #[test]
    fn seed_article() {
        let seed = include_str!("../../corpus/guardian-kremlin-rejects-territory-swap.txt");
        let a = extract(RawArticle::new(Markup::Plain, seed.to_string()), "seed.txt");
        assert_eq!(a.authors, ["Pjotr Sauer"]);
        assert!(a.title.starts_with("The Kremlin has said"));
        assert!(a.body.contains("Sudzha"));
        assert_eq!(a.quotes.len(), 5);
    }
}
