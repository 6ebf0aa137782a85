//! Benchmark queries drawn from a corpus, in the classes of the BBC development set of
//! benchmark queries (`../shared/queries/bbc-dev.txt` beside the repository).
//!
//! `cargo run --release --example gen_queries -- CORPUS SEED > queries.txt` reads every
//! `.txt` file under CORPUS (sorted walk) and prints 60 queries in Lucene syntax, 10 of
//! each class: rare words (in 2 to max(3, N/2000) of the N articles), mid words (N/500
//! to N/50), common words (N/10 and more), phrases (two words side by side in a line of
//! at least two articles), AND (`+a +b`, two mid words) and OR (`a b`, a mid word and any
//! other). Words are ASCII letters, three or more, lower-cased. The same corpus and seed
//! give the same queries; other seeds give other sets of the same kind, so a speed
//! figure can be checked on queries nobody tuned for. A corpus too small for a class
//! (fewer than ten words in its band) is an error.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// splitmix64, as `gen_corpus` uses.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `k` distinct items of `from` (all of them when there are fewer).
    fn pick<'a>(&mut self, from: &[&'a str], k: usize) -> Vec<&'a str> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        while out.len() < k.min(from.len()) {
            let w = from[self.below(from.len())];
            if seen.insert(w) {
                out.push(w);
            }
        }
        out
    }
}

/// The words of a line: runs of ASCII letters, three or more, lower-cased.
fn words(line: &str) -> impl Iterator<Item = String> + '_ {
    tokens(line).filter(|w| is_word(w))
}

/// Every token of a line (runs of letters and digits), lower-cased: two words are side by
/// side only when no token stands between them.
fn tokens(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

fn is_word(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| c.is_ascii_alphabetic())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(corpus), Some(seed)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<u64>().ok()),
    ) else {
        anyhow::bail!("usage: gen_queries CORPUS SEED");
    };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .follow_links(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let n = texts.len();
    if n < 20 {
        anyhow::bail!("{corpus}: {n} text files; the classes need at least 20");
    }
    let mut df: HashMap<String, usize> = HashMap::new();
    for t in &texts {
        let distinct: HashSet<String> = t.lines().flat_map(words).collect();
        for w in distinct {
            *df.entry(w).or_default() += 1;
        }
    }
    // Sorted by word, so that the picks depend on the seed only.
    let vocab: BTreeMap<&str, usize> = df.iter().map(|(w, c)| (w.as_str(), *c)).collect();
    let band = |lo: usize, hi: usize| -> Vec<&str> {
        vocab
            .iter()
            .filter(|(_, c)| (lo..=hi).contains(*c))
            .map(|(w, _)| *w)
            .collect()
    };
    let rare = band(2, (n / 2000).max(3));
    let mid = band((n / 500).max(4), (n / 50).max(8));
    let common = band((n / 10).max(9), n);
    for (name, class) in [("rare", &rare), ("mid", &mid), ("common", &common)] {
        if class.len() < 10 {
            anyhow::bail!(
                "{corpus}: {} {name} words, fewer than the 10 a set needs; give a larger corpus",
                class.len()
            );
        }
    }
    let mut rng = Rng(seed ^ 0x0071_7565_7269_6573);
    let mut queries: Vec<String> = Vec::new();
    for class in [&rare, &mid, &common] {
        queries.extend(rng.pick(class, 10).into_iter().map(str::to_string));
    }
    // Phrases: two words side by side at a random place of a random article's line, kept
    // when another article has them side by side too.
    let mut phrases: Vec<String> = Vec::new();
    let mut tries = 0;
    while phrases.len() < 10 && tries < 10_000 {
        tries += 1;
        let lines: Vec<&str> = texts[rng.below(n)]
            .lines()
            .filter(|l| l.len() > 40)
            .collect();
        if lines.is_empty() {
            continue;
        }
        let ts: Vec<String> = tokens(lines[rng.below(lines.len())]).collect();
        if ts.len() < 2 {
            continue;
        }
        let i = rng.below(ts.len() - 1);
        let pair = [ts[i].as_str(), ts[i + 1].as_str()];
        if !pair.iter().all(|t| is_word(t)) {
            continue;
        }
        let phrase = pair.join(" ");
        if phrases.contains(&phrase) {
            continue;
        }
        let side_by_side = |line: &str| {
            let ts: Vec<String> = tokens(line).collect();
            ts.windows(2).any(|w| w[0] == pair[0] && w[1] == pair[1])
        };
        let in_articles = texts
            .iter()
            .filter(|t| t.lines().any(side_by_side))
            .take(2)
            .count();
        if in_articles == 2 {
            phrases.push(phrase);
        }
    }
    queries.extend(phrases.iter().map(|p| format!("\"{p}\"")));
    for _ in 0..10 {
        let pair = rng.pick(&mid, 2);
        queries.push(format!("+{} +{}", pair[0], pair[1]));
    }
    let any: Vec<&str> = vocab.keys().copied().filter(|w| df[*w] >= 2).collect();
    for _ in 0..10 {
        let (a, b) = (rng.pick(&mid, 1)[0], rng.pick(&any, 1)[0]);
        queries.push(format!("{a} {b}"));
    }
    for q in queries {
        println!("{q}");
    }
    Ok(())
}
