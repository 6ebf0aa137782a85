//! Known-item search sets, for measuring ranking. Not a pipeline stage: the ranking test,
//! `examples/known_item.rs` and `tools/known_item_xapian.py` use them to measure newsidx
//! and its peers on the same queries.
//!
//! A reader remembers an article by a few of its words and expects it on top. An item is
//! one article and a query of words drawn at random from one part of it: the headline (3
//! words), the first paragraph (2), one later paragraph (5), or one direct quotation (3).
//! Words are drawn as a reader remembers them: content words (3 letters or more, not a
//! stopword, not a number), each once, in the order of the text, lower-cased, joined by
//! spaces (plain words, OR-ed). The same articles, kind, count and seed give the same
//! items. The score is the mean reciprocal rank of the article in the top [`DEPTH`]
//! (MRR@20); articles with the same headline and body (the BBC set repeats a few) are the
//! same item.

use std::collections::HashMap;
use std::path::Path;

/// How deep the rank of the known item is looked for.
pub const DEPTH: usize = 20;

/// Which part of the article the words are remembered from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Headline,
    FirstParagraph,
    LaterParagraph,
    Quote,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Headline,
        Kind::FirstParagraph,
        Kind::LaterParagraph,
        Kind::Quote,
    ];

    /// The kind's name in tables and item files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Headline => "headline",
            Kind::FirstParagraph => "first-paragraph",
            Kind::LaterParagraph => "later-paragraph",
            Kind::Quote => "quote",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Words per query.
    pub fn words(self) -> usize {
        match self {
            Kind::Headline => 3,
            Kind::FirstParagraph => 2,
            Kind::LaterParagraph => 5,
            Kind::Quote => 3,
        }
    }

    /// The passages of `a` a query of this kind may be drawn from.
    fn passages(self, a: &Article) -> Vec<&str> {
        match self {
            Kind::Headline => vec![a.headline.as_str()],
            Kind::FirstParagraph => a.paragraphs.iter().take(1).map(String::as_str).collect(),
            Kind::LaterParagraph => a.paragraphs.iter().skip(1).map(String::as_str).collect(),
            Kind::Quote => a.paragraphs.iter().flat_map(|p| quotations(p)).collect(),
        }
    }
}

/// An article as a plain-text news file holds it: first line the headline, then
/// paragraphs separated by blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Path relative to the corpus root, `/`-separated (as the index's `path`).
    pub path: String,
    pub headline: String,
    pub paragraphs: Vec<String>,
}

impl Article {
    pub fn parse(path: &str, text: &str) -> Article {
        let (headline, rest) = text.split_once('\n').unwrap_or((text, ""));
        let paragraphs = rest
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        Article {
            path: path.to_string(),
            headline: headline.trim().to_string(),
            paragraphs,
        }
    }
}

/// The `.txt` articles under `root`, by path.
pub fn read_corpus(root: &Path) -> std::io::Result<Vec<Article>> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root).sort_by_file_name() {
        let e = e.map_err(std::io::Error::other)?;
        if !e.file_type().is_file() || e.path().extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let rel = e.path().strip_prefix(root).map_err(std::io::Error::other)?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        let text = String::from_utf8_lossy(&std::fs::read(e.path())?).into_owned();
        out.push(Article::parse(&rel, &text));
    }
    Ok(out)
}

/// One known-item query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    /// The article's path.
    pub path: String,
    /// The words, space-separated.
    pub query: String,
}

/// `n` items of `kind` from `articles` (fewer if the articles cannot give that many),
/// articles drawn with replacement, each article's passage and words at random.
pub fn items(articles: &[Article], kind: Kind, n: usize, seed: u64) -> Vec<Item> {
    let mut rng = Rng::new(seed ^ (kind as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut out = Vec::with_capacity(n);
    // Bounded: a corpus with few usable passages gives fewer items, never a hang.
    for _ in 0..n * 50 {
        if out.len() == n || articles.is_empty() {
            break;
        }
        let a = &articles[rng.below(articles.len())];
        let passages: Vec<Vec<String>> = kind
            .passages(a)
            .into_iter()
            .map(content_words)
            .filter(|w| w.len() >= kind.words())
            .collect();
        if passages.is_empty() {
            continue;
        }
        let words = &passages[rng.below(passages.len())];
        let mut picked = rng.sample(words.len(), kind.words());
        picked.sort_unstable();
        out.push(Item {
            kind,
            path: a.path.clone(),
            query: picked
                .iter()
                .map(|&i| words[i].as_str())
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    out
}

/// For each path, every path of an article with the same headline and body.
pub fn twins(articles: &[Article]) -> HashMap<String, Vec<String>> {
    let mut by_text: HashMap<(&str, &[String]), Vec<String>> = HashMap::new();
    for a in articles {
        by_text
            .entry((a.headline.as_str(), a.paragraphs.as_slice()))
            .or_default()
            .push(a.path.clone());
    }
    let mut out = HashMap::new();
    for paths in by_text.into_values() {
        for p in &paths {
            out.insert(p.clone(), paths.clone());
        }
    }
    out
}

/// 1/rank of the first of `relevant` in `ranked` within [`DEPTH`], else 0.
pub fn reciprocal_rank<S: AsRef<str>>(ranked: &[S], relevant: &[String]) -> f64 {
    ranked
        .iter()
        .take(DEPTH)
        .position(|p| relevant.iter().any(|r| r == p.as_ref()))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// MRR@[`DEPTH`] of `items` for an engine: `ranked` gives the paths of a query's best
/// articles, best first; `twins` is [`twins`] of the corpus.
pub fn mrr<E>(
    items: &[Item],
    twins: &HashMap<String, Vec<String>>,
    mut ranked: impl FnMut(&str) -> Result<Vec<String>, E>,
) -> Result<f64, E> {
    let mut scores = Vec::with_capacity(items.len());
    for item in items {
        let relevant = twins
            .get(&item.path)
            .cloned()
            .unwrap_or_else(|| vec![item.path.clone()]);
        scores.push(reciprocal_rank(&ranked(&item.query)?, &relevant));
    }
    Ok(mean(&scores))
}

/// The mean of `scores` (0 for none).
pub fn mean(scores: &[f64]) -> f64 {
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().sum::<f64>() / scores.len() as f64
    }
}

/// Common English words a reader does not remember an article by.
const STOPWORDS: &[&str] = &[
    "about", "after", "again", "all", "also", "and", "any", "are", "because", "been", "before",
    "being", "but", "can", "could", "did", "does", "for", "from", "had", "has", "have", "her",
    "here", "him", "his", "how", "into", "its", "just", "more", "most", "not", "now", "off",
    "only", "other", "our", "out", "over", "said", "says", "she", "should", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "too", "under", "very", "was", "were", "what", "when", "where", "which", "while", "who", "why",
    "will", "with", "would", "you", "your",
];

/// The distinct content words of `text`, lower-cased, in order of first appearance.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_lowercase();
        if w.chars().count() >= 3
            && w.chars().any(char::is_alphabetic)
            && !STOPWORDS.contains(&w.as_str())
            && !out.contains(&w)
        {
            out.push(w);
        }
    }
    out
}

/// The direct quotations of a paragraph: text between straight or curly double quotes.
pub fn quotations(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find(['"', '\u{201C}']) {
        let after = &rest[open..];
        let inner = &after[after.chars().next().map_or(1, char::len_utf8)..];
        let Some(close) = inner.find(['"', '\u{201D}']) else {
            break;
        };
        out.push(&inner[..close]);
        rest = &inner[close..];
        rest = &rest[rest.chars().next().map_or(1, char::len_utf8)..];
    }
    out
}

/// A small seedable generator (SplitMix64): the sets must not change with a crate's
/// version, and the library has no random number dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (> 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// `k` distinct numbers below `n` (`k <= n`), in the order drawn.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k.min(n));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, text: &str) -> Article {
        Article::parse(path, text)
    }

    #[test]
    fn articles_are_a_headline_and_paragraphs() {
        let a = article(
            "b/1.txt",
            "Shell boss paid\n\nFirst one.\n\nSecond\nline.\n\n\n",
        );
        assert_eq!(a.headline, "Shell boss paid");
        assert_eq!(a.paragraphs, vec!["First one.", "Second line."]);
    }

    #[test]
    fn content_words_table() {
        let cases = [
            ("The firm said it would sell", vec!["firm", "sell"]),
            ("£522,000 in 2004 to Ms Boynton's", vec!["boynton"]),
            ("Sell, sell, SELL!", vec!["sell"]),
            ("over-stated reserves", vec!["stated", "reserves"]),
            ("Café société", vec!["café", "société"]),
        ];
        for (text, want) in cases {
            assert_eq!(content_words(text), want, "{text}");
        }
    }

    #[test]
    fn quotations_table() {
        let cases = [
            (
                "He said \"we will win\" and \"soon\".",
                vec!["we will win", "soon"],
            ),
            ("\u{201C}Curly ones\u{201D} too", vec!["Curly ones"]),
            ("An \"unclosed quote", vec![]),
            ("No quotes", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(quotations(text), want, "{text}");
        }
    }

    #[test]
    fn items_are_seeded_and_drawn_from_their_part() {
        let articles = vec![
            article(
                "a.txt",
                "Markets rally strongly today\n\nShares climbed sharply.\n\nTraders cheered the \
                 figures and bought banks, miners, retailers.\n\nHe said \"growth \
                 returns next quarter\".",
            ),
            article("b.txt", "Short\n\nToo few.\n"),
        ];
        for kind in Kind::ALL {
            let one = items(&articles, kind, 5, 7);
            assert_eq!(one, items(&articles, kind, 5, 7), "{kind:?}");
            assert_eq!(one.len(), 5, "{kind:?}");
            for item in &one {
                // b.txt has no passage with enough words.
                assert_eq!(item.path, "a.txt");
                let words: Vec<&str> = item.query.split(' ').collect();
                assert_eq!(words.len(), kind.words(), "{item:?}");
                let source = match kind {
                    Kind::Headline => "markets rally strongly today",
                    Kind::FirstParagraph => "shares climbed sharply",
                    Kind::LaterParagraph => "traders cheered figures bought banks miners retailers",
                    Kind::Quote => "growth returns next quarter",
                };
                let source: Vec<&str> = source.split(' ').collect();
                let at: Vec<usize> = words
                    .iter()
                    .map(|w| {
                        source
                            .iter()
                            .position(|s| s == w)
                            .expect("word of its part")
                    })
                    .collect();
                assert!(
                    at.windows(2).all(|p| p[0] < p[1]),
                    "in text order: {item:?}"
                );
            }
        }
        assert_ne!(
            items(&articles, Kind::LaterParagraph, 5, 1),
            items(&articles, Kind::LaterParagraph, 5, 2)
        );
    }

    #[test]
    fn twins_and_reciprocal_ranks() {
        let articles = vec![
            article("a.txt", "Same\n\nBody."),
            article("b.txt", "Same\n\nBody."),
            article("c.txt", "Other\n\nBody."),
        ];
        let twins = twins(&articles);
        assert_eq!(twins["a.txt"], vec!["a.txt", "b.txt"]);
        assert_eq!(twins["c.txt"], vec!["c.txt"]);
        let ranked = ["c.txt", "b.txt", "a.txt"];
        assert_eq!(reciprocal_rank(&ranked, &twins["a.txt"]), 0.5);
        assert_eq!(reciprocal_rank(&ranked, &twins["c.txt"]), 1.0);
        let deep: Vec<String> = (0..DEPTH).map(|i| i.to_string()).collect();
        assert_eq!(reciprocal_rank(&deep, &["x".to_string()]), 0.0);
        assert_eq!(mean(&[1.0, 0.5, 0.0]), 0.5);
    }
}
