//! Stage 3, beside [`crate::clean`]: what the corpus knows. A short line that recurs in
//! many articles of one source that are not copies of one another is page furniture
//! (a section label, a prompt to keep reading), whatever its words.
//!
//! Each article gives its [`Lines`]: the keys of the short lines the rules of
//! [`crate::clean`] keep (a byline or a dateline is read as such however often it recurs)
//! and an identity that copies of it share ([`crate::extract::extract_with`] gives them). A [`Table`] is learned over the articles of a corpus (at index
//! time from the manifest, for `extract` across the files given) and hands
//! [`crate::clean::clean`] the [`Furniture`] of an article's source. A key is the xxh3 of
//! the line's words, case-folded, punctuation and spacing dropped; digits are kept, as
//! folding them made the kick-off times of sport reports ("2000 GMT", "1945 GMT") one
//! line recurring in 8 articles. See `docs/extraction.md` for the figures.

use std::collections::{BTreeMap, HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// Longest line, in words, that can be furniture; longer lines are text.
pub const MAX_WORDS: usize = 12;
/// Fewest distinct articles of a source a line must recur in to be furniture.
pub const MIN_ARTICLES: usize = 3;
/// Smallest share of a source's distinct articles, in per mille, a line must recur in
/// to be furniture: in a large source a line in a handful of articles is content.
pub const MIN_PER_MILLE: usize = 20;
/// The rule's parameters: an index learned under another rule re-reads its files.
pub const RULE: &str = "furniture 1: up to 12 words, in 3 articles and 2% of a source";

/// The furniture keys of one source; [`Furniture::default`] is empty and changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture(FxHashSet<u64>);

impl Furniture {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the (trimmed) line is furniture here.
    pub fn contains_line(&self, line: &str) -> bool {
        !self.0.is_empty() && line_key(line).is_some_and(|k| self.0.contains(&k))
    }

    pub fn contains_key(&self, key: u64) -> bool {
        self.0.contains(&key)
    }
}

impl FromIterator<u64> for Furniture {
    fn from_iter<I: IntoIterator<Item = u64>>(iter: I) -> Self {
        Furniture(iter.into_iter().collect())
    }
}

/// The key of a line that could be furniture: short (at most [`MAX_WORDS`] words) and with
/// a letter in it (a `___` rule or a lone number carries no words). None for other lines.
pub fn line_key(line: &str) -> Option<u64> {
    let line = line.trim();
    if line.is_empty() || is_long(line) {
        return None;
    }
    let mut norm = String::with_capacity(line.len());
    let mut letter = false;
    let mut gap = false;
    for c in line.chars() {
        if c.is_alphanumeric() {
            if gap && !norm.is_empty() {
                norm.push(' ');
            }
            gap = false;
            letter |= c.is_alphabetic();
            norm.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    letter.then(|| xxhash_rust::xxh3::xxh3_64(norm.as_bytes()))
}

/// What one article tells the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lines {
    /// The source the article states (a JSON `source`, a page's site name), lowercased;
    /// None: its folder is its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// What copies share: the hash of the first line longer than [`MAX_WORDS`] words, or
    /// of the whole text when there is none.
    pub id: u64,
    /// Keys of its short lines, sorted, each once.
    pub keys: Vec<u64>,
}

/// True for a line too long to be furniture.
pub fn is_long(line: &str) -> bool {
    line.split_whitespace().nth(MAX_WORDS).is_some()
}

impl Lines {
    /// The lines of an article from the keys of its kept short lines, the hash of its
    /// first long one (else of its whole `text`) and its stated source.
    pub fn new(
        mut keys: Vec<u64>,
        first_long: Option<u64>,
        text: &str,
        site: Option<&str>,
    ) -> Lines {
        keys.sort_unstable();
        keys.dedup();
        Lines {
            site: site
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty()),
            id: first_long.unwrap_or_else(|| xxhash_rust::xxh3::xxh3_64(text.trim().as_bytes())),
            keys,
        }
    }
}

/// The [`Lines`] of every line of a text, the rules aside: what recurrence alone sees
/// (for measures and tests; the index and `extract` learn from the lines the rules keep).
pub fn lines(text: &str, site: Option<&str>) -> Lines {
    let mut keys = Vec::new();
    let mut id = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line_key(line) {
            Some(k) => keys.push(k),
            None if id.is_none() && is_long(line) => {
                id = Some(xxhash_rust::xxh3::xxh3_64(line.as_bytes()));
            }
            None => {}
        }
    }
    Lines::new(keys, id, text, site)
}

/// The source an article counts in: its stated site, else its folder (`folder`, as the
/// caller names folders: relative to the corpus root, or a path).
pub fn source_of(lines: &Lines, folder: &str) -> String {
    match &lines.site {
        Some(s) => format!("site:{s}"),
        None => source_of_dir(folder),
    }
}

/// The source of an article that states `site` (as [`Lines::site`] keeps it).
pub fn source_of_site(site: &str) -> String {
    format!("site:{}", site.trim().to_lowercase())
}

/// The source of an article that states none: its folder.
pub fn source_of_dir(folder: &str) -> String {
    format!("dir:{folder}")
}

/// Furniture per source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    sources: HashMap<String, Furniture>,
}

static EMPTY: std::sync::LazyLock<Furniture> = std::sync::LazyLock::new(Furniture::default);

impl Table {
    /// Learns the table from articles, each with its source (see [`source_of`]). Copies
    /// (same id in one source) count once; a line counts once per article.
    pub fn learn<'a>(articles: impl IntoIterator<Item = (String, &'a Lines)>) -> Table {
        // source -> id -> the keys of the articles with that id.
        let mut by_source: BTreeMap<String, FxHashMap<u64, FxHashSet<u64>>> = BTreeMap::new();
        for (source, lines) in articles {
            by_source
                .entry(source)
                .or_default()
                .entry(lines.id)
                .or_default()
                .extend(lines.keys.iter().copied());
        }
        let mut sources = HashMap::new();
        for (source, ids) in by_source {
            let need = MIN_ARTICLES.max((ids.len() * MIN_PER_MILLE).div_ceil(1000));
            if ids.len() < need {
                continue;
            }
            let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
            for keys in ids.values() {
                for k in keys {
                    *counts.entry(*k).or_default() += 1;
                }
            }
            let furniture: Furniture = counts
                .into_iter()
                .filter(|&(_, n)| n >= need)
                .map(|(k, _)| k)
                .collect();
            if !furniture.is_empty() {
                sources.insert(source, furniture);
            }
        }
        Table { sources }
    }

    /// The furniture of a source (empty when it has none).
    pub fn of(&self, source: &str) -> &Furniture {
        self.sources.get(source).unwrap_or(&EMPTY)
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Per source, the keys that are furniture in one table and not in the other: the
    /// lines whose cleaning differs between them.
    pub fn changed(&self, other: &Table) -> HashMap<String, HashSet<u64>> {
        let mut out: HashMap<String, HashSet<u64>> = HashMap::new();
        for (a, b) in [(self, other), (other, self)] {
            for (source, f) in &a.sources {
                let g = b.of(source);
                let diff: Vec<u64> =
                    f.0.iter()
                        .filter(|k| !g.contains_key(**k))
                        .copied()
                        .collect();
                if !diff.is_empty() {
                    out.entry(source.clone()).or_default().extend(diff);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Lines {
        lines(body, None)
    }

    const LONG: [&str; 5] = [
        "The council voted on Tuesday to close the old bridge to lorries from next spring onwards.",
        "Farmers in the valley say the dry summer has cut their harvest by a third this year.",
        "A new museum of maritime history opens its doors to visitors in the harbour town today.",
        "The striker scored twice in the second half as the home side came back to win the match.",
        "Engineers have found a crack in the reactor's cooling pipe during a routine inspection.",
    ];

    fn learn(bodies: &[String]) -> Table {
        let lines: Vec<Lines> = bodies.iter().map(|b| article(b)).collect();
        Table::learn(lines.iter().map(|l| ("dir:x".to_string(), l)))
    }

    #[test]
    fn line_key_table() {
        let k = |s| line_key(s);
        assert_eq!(k("Keep reading below"), k("  keep   READING below. "));
        assert_eq!(k("Keep reading below"), k("## Keep reading below »"));
        assert_ne!(k("Keep reading below"), k("Keep reading above"));
        assert_ne!(k("2000 GMT"), k("1945 GMT"));
        for none in [
            "",
            "___",
            "2024",
            "* * *",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
        ] {
            assert_eq!(k(none), None, "{none:?}");
        }
        assert!(k("one two three four five six seven eight nine ten eleven twelve").is_some());
    }

    #[test]
    fn a_line_is_furniture_once_it_recurs_in_three_articles() {
        let key = line_key("Keep reading below").unwrap();
        for (with, want) in [(1, false), (2, false), (3, true), (5, true)] {
            let bodies: Vec<String> = (0..5)
                .map(|i| {
                    let extra = if i < with { "Keep reading below\n" } else { "" };
                    format!("Headline {i}\n{}\n{extra}{}\n", LONG[i], LONG[(i + 1) % 5])
                })
                .collect();
            let t = learn(&bodies);
            assert_eq!(t.of("dir:x").contains_key(key), want, "{with} articles");
            assert!(t.of("dir:other").is_empty());
        }
    }

    #[test]
    fn copies_count_once_and_a_line_once_per_article() {
        let key = line_key("Keep reading below").unwrap();
        // One story republished three times: its subheading is not furniture.
        let copies: Vec<String> = (0..3)
            .map(|_| format!("{}\nKeep reading below\n{}\n", LONG[0], LONG[1]))
            .collect();
        assert!(!learn(&copies).of("dir:x").contains_key(key));
        // Twice in each of two articles is two articles.
        let twice: Vec<String> = (0..2)
            .map(|i| format!("{}\nKeep reading below\nKeep reading below\n", LONG[i]))
            .collect();
        assert!(learn(&twice).is_empty());
    }

    #[test]
    fn sources_are_learned_apart_and_large_sources_need_a_share() {
        let key = line_key("Keep reading below").unwrap();
        let a: Vec<Lines> = (0..3)
            .map(|i| article(&format!("{}\nKeep reading below\n", LONG[i])))
            .collect();
        // Three articles, but in three folders.
        let t = Table::learn(a.iter().enumerate().map(|(i, l)| (format!("dir:{i}"), l)));
        assert!(t.is_empty());
        // Three of 200 articles is under 2%: content, not furniture.
        let mut many: Vec<Lines> = a.clone();
        many.extend((0..197).map(|i| Lines {
            site: None,
            id: 1000 + i,
            keys: vec![],
        }));
        let t = Table::learn(many.iter().map(|l| ("dir:x".to_string(), l)));
        assert!(!t.of("dir:x").contains_key(key));
        // A stated site is the source, whatever the folder.
        let site = lines("Keep reading below\n", Some(" The Ledger "));
        assert_eq!(source_of(&site, "a/b"), "site:the ledger");
        assert_eq!(source_of(&a[0], "a/b"), "dir:a/b");
    }

    #[test]
    fn changed_is_the_difference_both_ways() {
        let l: Vec<Lines> = (0..3)
            .map(|i| article(&format!("{}\nKeep reading below\n", LONG[i])))
            .collect();
        let t = Table::learn(l.iter().map(|l| ("dir:x".to_string(), l)));
        let empty = Table::default();
        let key = line_key("Keep reading below").unwrap();
        let want: HashMap<String, HashSet<u64>> =
            [("dir:x".to_string(), HashSet::from([key]))].into();
        assert_eq!(t.changed(&empty), want);
        assert_eq!(empty.changed(&t), want);
        assert!(t.changed(&t.clone()).is_empty());
    }
}
