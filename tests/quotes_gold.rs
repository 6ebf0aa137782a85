//! Quote extraction scored against the hand-made gold sets `tests/quotes_gold.tsv` (678
//! quotes in 150 articles of ../shared/corpus/bbc and the seed; the file's header gives the
//! annotation rules) and `tests/quotes_heldout.tsv` (171 quotes in 40 more articles,
//! annotated after the rules were written and scored blind). Each held-out set was scored blind first
//! (README: the first figures); fixing rules with its misses makes it a development set. Scoring:
//! - a gold quote is found when one extracted quote of its article holds >= 80% of its words;
//! - an extracted quote is right when >= 50% of its words lie in its article's gold quotes;
//! - precision = right / extracted, recall = found / gold;
//! - speaker accuracy = found quotes (with a named gold speaker) whose extracted speaker
//!   contains the gold name's surname, or the organisation's last word.
//!
//! Prints the three figures and asserts floors a little under what newsidx measures.
//! `NEWSIDX_SHOW_WORST=1` lists every miss.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use newsidx::app::extract_one;
use newsidx::formats::Limits;

#[derive(Clone)]
struct Gold {
    text: String,
    /// Alternatives (`|` in the file); empty when the text names no one (`?`).
    speakers: Vec<String>,
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How many of `part`'s words `whole` holds (each word of `whole` used once).
fn held(part: &[String], whole: &[String]) -> usize {
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for w in whole {
        *bag.entry(w.as_str()).or_default() += 1;
    }
    part.iter()
        .filter(|w| match bag.get_mut(w.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

fn speaker_right(gold: &[String], extracted: Option<&str>) -> bool {
    let Some(got) = extracted else {
        return false;
    };
    let got = words(got);
    gold.iter().any(|name| {
        words(name)
            .last()
            .is_some_and(|surname| got.contains(surname))
    })
}

/// The three figures over one gold file, with the numbers of articles and gold quotes.
struct Figures {
    articles: usize,
    quotes: usize,
    precision: f64,
    recall: f64,
    speaker: f64,
}

/// The gold quotes of a file of the BBC sets (byte offsets into the articles), by file.
fn load_offsets(tsv_name: &str, bbc: &Path) -> BTreeMap<String, Vec<Gold>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tsv = std::fs::read_to_string(root.join("tests").join(tsv_name)).unwrap();
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad gold line {line:?}");
        let entry = gold.entry(cols[0].to_string()).or_default();
        if cols[1] == "-" {
            continue;
        }
        let text = std::fs::read_to_string(locate_bbc(cols[0], bbc)).unwrap();
        let (start, end): (usize, usize) = (cols[1].parse().unwrap(), cols[2].parse().unwrap());
        entry.push(Gold {
            text: text[start..end].to_string(),
            speakers: speakers(cols[3]),
        });
    }
    gold
}

fn locate_bbc(file: &str, bbc: &Path) -> PathBuf {
    match file.strip_prefix("bbc/") {
        Some(_) => bbc.join(file),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file),
    }
}

fn speakers(col: &str) -> Vec<String> {
    match col {
        "?" => Vec::new(),
        s => s.split('|').map(str::to_string).collect(),
    }
}

fn score(tsv_name: &str, bbc: &Path) -> Figures {
    // The held-out set's misses are never listed: read, they would make it a tuning set.
    // (An earlier version of this scorer listed them once by mistake.)
    let show = tsv_name != "quotes_heldout.tsv" && std::env::var_os("NEWSIDX_SHOW_WORST").is_some();
    score_articles(
        tsv_name,
        &load_offsets(tsv_name, bbc),
        |file| locate_bbc(file, bbc),
        show,
    )
}

/// Precision, recall and speaker accuracy of the quotes newsidx extracts from each file
/// of `gold` (found at `locate(file)`), printed under `name`.
fn score_articles(
    name: &str,
    gold: &BTreeMap<String, Vec<Gold>>,
    locate: impl Fn(&str) -> PathBuf,
    show: bool,
) -> Figures {
    let (mut extracted, mut right) = (0usize, 0usize);
    let (mut gold_total, mut found) = (0usize, 0usize);
    let (mut named_found, mut speakers_right) = (0usize, 0usize);
    for (file, quotes) in gold {
        let article = &extract_one(&locate(file), Limits::default()).unwrap()[0].article;
        let gold_words: Vec<String> = quotes.iter().flat_map(|g| words(&g.text)).collect();
        for q in &article.quotes {
            let w = words(&q.text);
            extracted += 1;
            if !w.is_empty() && held(&w, &gold_words) * 2 >= w.len() {
                right += 1;
            } else if show {
                println!("  WRONG {file}: {:?} ({:?})", q.text, q.speaker);
            }
        }
        for g in quotes {
            gold_total += 1;
            let gw = words(&g.text);
            let hit = article
                .quotes
                .iter()
                .find(|q| held(&gw, &words(&q.text)) * 5 >= gw.len() * 4);
            match hit {
                Some(q) => {
                    found += 1;
                    if !g.speakers.is_empty() {
                        named_found += 1;
                        if speaker_right(&g.speakers, q.speaker.as_deref()) {
                            speakers_right += 1;
                        } else if show {
                            println!(
                                "  SPEAKER {file}: {:?} by {:?}, want {:?}",
                                q.text, q.speaker, g.speakers
                            );
                        }
                    }
                }
                None if show => println!("  MISSED {file}: {:?} ({:?})", g.text, g.speakers),
                None => {}
            }
        }
    }
    let f = Figures {
        articles: gold.len(),
        quotes: gold_total,
        precision: right as f64 / extracted.max(1) as f64,
        recall: found as f64 / gold_total.max(1) as f64,
        speaker: speakers_right as f64 / named_found.max(1) as f64,
    };
    println!(
        "{name} ({} articles, {} quotes): precision {:.3} ({right}/{extracted}), recall {:.3} ({found}/{gold_total}), speaker {:.3} ({speakers_right}/{named_found})",
        f.articles, f.quotes, f.precision, f.recall, f.speaker
    );
    f
}

#[test]
fn quotes_precision_recall_speakers_on_the_gold_set() {
    let Some(bbc) = common::shared("corpus") else {
        return;
    };
    let f = score("quotes_gold.tsv", &bbc);
    assert_eq!(
        (f.articles, f.quotes),
        (151, 678),
        "150 BBC articles and the seed"
    );
    assert!(
        f.precision >= PRECISION_NOW - 0.02,
        "precision {:.3}",
        f.precision
    );
    assert!(f.recall >= RECALL_NOW - 0.02, "recall {:.3}", f.recall);
    assert!(f.speaker >= SPEAKER_NOW - 0.02, "speaker {:.3}", f.speaker);
}

/// The same scoring on the held-out articles (blind when first scored; see the module doc).
#[test]
fn quotes_on_the_held_out_set() {
    let Some(bbc) = common::shared("corpus") else {
        return;
    };
    let f = score("quotes_heldout.tsv", &bbc);
    assert_eq!((f.articles, f.quotes), (40, 171));
    assert!(
        f.precision >= HELD_OUT_PRECISION_NOW - 0.03,
        "precision {:.3}",
        f.precision
    );
    assert!(
        f.recall >= HELD_OUT_RECALL_NOW - 0.03,
        "recall {:.3}",
        f.recall
    );
    assert!(
        f.speaker >= HELD_OUT_SPEAKER_NOW - 0.03,
        "speaker {:.3}",
        f.speaker
    );
}

/// Which half of the fundus-dev pages a page is in, by the fixed hash of its id that
/// tests/fundus_dev.rs uses: rules are written from half 1's misses (the larger half, and
/// the only one `NEWSIDX_SHOW_WORST` lists); half 0 is scored blind.
fn half(id: &str) -> usize {
    (xxhash_rust::xxh3::xxh3_64(id.as_bytes()) % 2) as usize
}

/// The gold quotes of `tests/quotes_fundus.tsv` (quoted words as text), by page id.
fn load_fundus() -> BTreeMap<String, Vec<Gold>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tsv = std::fs::read_to_string(root.join("tests/quotes_fundus.tsv")).unwrap();
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad gold line {line:?}");
        let entry = gold.entry(cols[0].to_string()).or_default();
        if cols[1] != "-" {
            entry.push(Gold {
                text: cols[1].to_string(),
                speakers: speakers(cols[2]),
            });
        }
    }
    gold
}

/// Quotes of real news from 2023-26, other publishers and countries than the BBC sets:
/// the English pages of ../shared/extraction/fundus-dev, read from their HTML through
/// the whole pipeline, each half apart.
#[test]
fn quotes_on_the_english_pages_of_fundus_dev() {
    let Some(dir) = common::shared("extraction/fundus-dev") else {
        return;
    };
    let gold = load_fundus();
    let locate = |id: &str| dir.join("html").join(format!("{id}.html.gz"));
    let show = std::env::var_os("NEWSIDX_SHOW_WORST").is_some();
    let all = score_articles("quotes_fundus.tsv", &gold, locate, false);
    assert_eq!((all.articles, all.quotes), (46, 566));
    for (h, floors) in [(0, FUNDUS_HALF_0_NOW), (1, FUNDUS_HALF_1_NOW)] {
        let part: BTreeMap<String, Vec<Gold>> = gold
            .iter()
            .filter(|(id, _)| half(id) == h)
            .map(|(id, q)| (id.clone(), q.clone()))
            .collect();
        let f = score_articles(&format!("  half {h}"), &part, locate, show && h == 1);
        let (precision, recall, speaker) = floors;
        assert!(
            f.precision >= precision - 0.02,
            "half {h} precision {:.3}",
            f.precision
        );
        assert!(f.recall >= recall - 0.02, "half {h} recall {:.3}", f.recall);
        assert!(
            f.speaker >= speaker - 0.02,
            "half {h} speaker {:.3}",
            f.speaker
        );
    }
}

/// (precision, recall, speaker) measured on each half of the fundus-dev quote gold.
/// First scored blind (before any rule was written from it): half 0 0.836, 0.925, 0.705;
/// half 1 0.988, 0.945, 0.663.
const FUNDUS_HALF_0_NOW: (f64, f64, f64) = (0.834, 0.932, 0.846);
const FUNDUS_HALF_1_NOW: (f64, f64, f64) = (0.988, 0.954, 0.922);

const PRECISION_NOW: f64 = 0.994;
const RECALL_NOW: f64 = 0.987;
const SPEAKER_NOW: f64 = 0.947;
// The 31st-38th articles of each section, scored blind (annotated before
// newsidx ran on them, after the rules written from the 1st-30th): 1.000, 0.959, 0.919
// (the 31st-34th alone 1.000, 0.976, 0.938; the 35th-38th 1.000, 0.944, 0.901). Scored
// again after the rule for short fragments in reported clauses (written from fundus-dev
// half 1): 1.000, 0.971, 0.914 (two fragments found, one with the right speaker). Earlier
// blind sets, each scored before rules were written from it: the 27th-30th 1.000, 0.982,
// 0.836; the 23rd-26th 0.978, 0.978, 0.778; the 19th-22nd 0.946, 0.935, 0.874; the
// 15th-18th 0.966, 0.966, 0.750.
const HELD_OUT_PRECISION_NOW: f64 = 1.0;
const HELD_OUT_RECALL_NOW: f64 = 0.971;
const HELD_OUT_SPEAKER_NOW: f64 = 0.914;
