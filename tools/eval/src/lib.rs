//! Scoring of extraction against gold sets. Not a pipeline stage: the tests, the
//! extraction bench and `tools/extract-eval` use it to measure newsidx's readers and
//! extraction (and other extractors) the same way.
//!
//! Body text: the word 4-gram F1 of the public article-extraction benchmarks (words are
//! Unicode `\w+` runs, case kept; per page precision and recall over 4-gram multisets;
//! precision and recall averaged over pages; F1 of the two averages).
//! Metadata: title equality after folding case, spaces and curly apostrophes; author
//! names pooled over pages into one precision/recall; dates compared on `YYYY-MM-DD`.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("static regex"));

/// Precision and recall of one page's body against its gold text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Matched 4-grams / predicted 4-grams (1 when both texts have none).
    pub precision: f64,
    /// Matched 4-grams / gold 4-grams (1 when both texts have none).
    pub recall: f64,
}

impl PageScore {
    /// The page's own F1 (used to rank the worst pages, not for the corpus figure).
    pub fn f1(&self) -> f64 {
        f1(self.precision, self.recall)
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn shingles(text: &str) -> HashMap<[&str; 4], u32> {
    let words: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    for w in words.windows(4) {
        *out.entry([w[0], w[1], w[2], w[3]]).or_insert(0) += 1;
    }
    out
}

/// Scores one extracted body against the gold body.
pub fn score_body(predicted: &str, gold: &str) -> PageScore {
    let pred = shingles(predicted);
    let truth = shingles(gold);
    let n_pred: u32 = pred.values().sum();
    let n_truth: u32 = truth.values().sum();
    if n_pred == 0 && n_truth == 0 {
        return PageScore {
            precision: 1.0,
            recall: 1.0,
        };
    }
    let matched: u32 = pred
        .iter()
        .filter_map(|(k, c)| truth.get(k).map(|t| (*c).min(*t)))
        .sum();
    let ratio = |n: u32| {
        if n == 0 {
            0.0
        } else {
            f64::from(matched) / f64::from(n)
        }
    };
    PageScore {
        precision: ratio(n_pred),
        recall: ratio(n_truth),
    }
}

/// Corpus figure from per-page scores: mean precision, mean recall, F1 of the means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyScore {
    /// Mean of per-page precision.
    pub precision: f64,
    /// Mean of per-page recall.
    pub recall: f64,
    /// F1 of the two means.
    pub f1: f64,
}

/// Averages page scores into the corpus figure (all zero for no pages).
pub fn body_score(pages: &[PageScore]) -> BodyScore {
    if pages.is_empty() {
        return BodyScore {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let n = pages.len() as f64;
    let precision = pages.iter().map(|p| p.precision).sum::<f64>() / n;
    let recall = pages.iter().map(|p| p.recall).sum::<f64>() / n;
    BodyScore {
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// Title comparison key: case folded, whitespace collapsed, curly apostrophes straight.
pub fn title_key(title: &str) -> String {
    title
        .replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an extracted title equals the gold title under [`title_key`].
pub fn title_matches(predicted: Option<&str>, gold: &str) -> bool {
    predicted.is_some_and(|p| title_key(p) == title_key(gold))
}

/// Whether an extracted date has the gold `YYYY-MM-DD` day (the first ten characters).
pub fn date_matches(predicted: Option<&str>, gold: &str) -> bool {
    match predicted {
        Some(p) => !gold.is_empty() && p.get(..10) == gold.get(..10),
        None => gold.is_empty(),
    }
}

/// Pooled author-name counts over pages.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct AuthorCounts {
    /// Predicted names that are gold names of the same page.
    pub right: usize,
    /// All predicted names.
    pub predicted: usize,
    /// All gold names.
    pub gold: usize,
}

impl AuthorCounts {
    /// Adds one page: `gold` is the comma-separated gold list ("" when none).
    pub fn add(&mut self, predicted: &[String], gold: &str) {
        let gold: Vec<String> = gold
            .split(',')
            .map(title_key)
            .filter(|g| !g.is_empty())
            .collect();
        let mut pred: Vec<String> = predicted.iter().map(|p| title_key(p)).collect();
        pred.sort();
        pred.dedup();
        self.predicted += pred.len();
        self.gold += gold.len();
        self.right += pred.iter().filter(|p| gold.contains(p)).count();
    }

    /// Name-level precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.right as f64 / self.predicted as f64
        }
    }

    /// Name-level recall (1 when there is no gold name).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.right as f64 / self.gold as f64
        }
    }

    /// F1 of name precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_score_table() {
        let gold = "one two three four five six";
        let cases = [
            // (predicted, gold, precision, recall)
            (gold, gold, 1.0, 1.0),
            ("", "", 1.0, 1.0),
            ("", gold, 0.0, 0.0),
            (gold, "", 0.0, 0.0),
            ("one two three four", gold, 1.0, 1.0 / 3.0),
            ("Menu one two three four five six", gold, 3.0 / 4.0, 1.0),
            // Case is kept: a change of case is a different word.
            ("One two three four five six", gold, 2.0 / 3.0, 2.0 / 3.0),
            // Punctuation and line breaks are not words.
            ("one, two\nthree -- four: five six!", gold, 1.0, 1.0),
            // Counts: a repeated 4-gram matches as often as the gold has it.
            ("a b c d a b c d", "a b c d", 1.0 / 5.0, 1.0),
        ];
        for (pred, gold, p, r) in cases {
            let s = score_body(pred, gold);
            assert!(
                (s.precision - p).abs() < 1e-9 && (s.recall - r).abs() < 1e-9,
                "{pred:?} vs {gold:?}: {s:?}, want p={p} r={r}"
            );
        }
    }

    #[test]
    fn corpus_f1_is_f1_of_means() {
        let pages = [
            PageScore {
                precision: 1.0,
                recall: 0.5,
            },
            PageScore {
                precision: 0.5,
                recall: 1.0,
            },
        ];
        let s = body_score(&pages);
        assert_eq!((s.precision, s.recall), (0.75, 0.75));
        assert!((s.f1 - 0.75).abs() < 1e-9);
        assert_eq!(body_score(&[]).f1, 0.0);
    }

    #[test]
    fn metadata_comparisons() {
        assert!(title_matches(Some("It’s  Here"), "it's here"));
        assert!(!title_matches(Some("It's here | Site"), "it's here"));
        assert!(!title_matches(None, "x"));
        assert!(date_matches(Some("2023-04-05T10:00:00Z"), "2023-04-05"));
        assert!(!date_matches(Some("2023-04-06"), "2023-04-05"));
        assert!(!date_matches(None, "2023-04-05"));
        let mut a = AuthorCounts::default();
        a.add(&["Ann Lee".into(), "Staff".into()], "ann lee, Bo Chen");
        a.add(&["The Associated Press".into()], "");
        assert_eq!((a.right, a.predicted, a.gold), (1, 3, 2));
        assert!((a.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((a.recall() - 0.5).abs() < 1e-9);
    }
}
