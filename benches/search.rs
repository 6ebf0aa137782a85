//! Search hot path, measured with criterion (indexing and extraction: benches/index.rs).
//!
//! `cargo bench --bench search`. Corpus: ../shared/corpus/bbc when present, else corpus/.
//! Queries: ../shared/queries/bbc-dev.txt by class (10 each: rare, mid, common, phrase,
//! AND, OR), else a built-in set. Peers in the same run: raw tantivy doing the least work
//! (parse, top 10, stored fields, no snippets) against newsidx's full path (parse, top 10,
//! stored fields, snippets). Index building and file reading happen outside the timed part.
//! The query-language classes (prefix, fuzzy, field, date-sorted, facets) are measured
//! against raw tantivy running the same words as plain terms, the least work it can do:
//! the ratio is the price of the feature on the hot path. The `peers` group puts SQLite
//! FTS5 and a brute-force regex scan beside newsidx and raw tantivy on the same articles.
//! `NEWSIDX_BENCH_INDEX=DIR` runs the search and peer groups on an index built beforehand
//! (the 100k generated corpus of the README's Performance section).

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsidx::bench::RawPeer;
use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use newsidx::search::facets::FacetKind;
use newsidx::search::{NewsSearcher, SearchOptions, SortOrder};
use tantivy::TantivyDocument;

fn corpus() -> PathBuf {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    if shared.is_dir() {
        shared
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
    }
}

/// The index every search bench uses, built once per process: `NEWSIDX_BENCH_INDEX`
/// names an index built beforehand (the 100k generated corpus: `newsidx index`), else
/// the corpus above is indexed into a temporary folder (outside the timed part).
fn bench_index() -> &'static NewsIndex {
    static INDEX: OnceLock<(Option<tempfile::TempDir>, NewsIndex)> = OnceLock::new();
    let (_, idx) = INDEX.get_or_init(|| match std::env::var_os("NEWSIDX_BENCH_INDEX") {
        Some(dir) => (None, NewsIndex::open(std::path::Path::new(&dir)).unwrap()),
        None => {
            let tmp = tempfile::tempdir().unwrap();
            let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
            idx.update(&corpus(), &UpdateOptions::default(), &NoProgress)
                .unwrap();
            (Some(tmp), idx)
        }
    });
    idx
}

fn query_classes() -> Vec<(&'static str, Vec<String>)> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/queries/bbc-dev.txt");
    let lines: Vec<String> = std::fs::read_to_string(file)
        .map(|s| {
            s.lines()
                .map(str::to_string)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_else(|_| {
            [
                "Sudzha",
                "territory",
                "the",
                "\"swap one territory\"",
                "+Kursk +Sudzha",
                "Kursk Sudzha",
            ]
            .map(String::from)
            .to_vec()
        });
    let names = ["rare", "mid", "common", "phrase", "and", "or"];
    let per = (lines.len() / names.len()).max(1);
    names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, lines.iter().skip(i * per).take(per).cloned().collect()))
        .filter(|(_, q): &(&str, Vec<String>)| !q.is_empty())
        .collect()
}

/// Words common enough in news to exercise the query-language classes.
const WORDS: [&str; 10] = [
    "government",
    "election",
    "market",
    "company",
    "music",
    "police",
    "minister",
    "film",
    "economy",
    "league",
];

/// (class, newsidx queries, options, the plain words raw tantivy runs as its peer).
fn language_classes() -> Vec<(&'static str, Vec<String>, SearchOptions)> {
    let words = |f: &dyn Fn(&str) -> String| WORDS.iter().map(|w| f(w)).collect::<Vec<_>>();
    vec![
        (
            "prefix",
            words(&|w| format!("{}*", &w[..w.len().min(5)])),
            SearchOptions::default(),
        ),
        (
            "fuzzy",
            words(&|w| format!("{}{}~1", &w[..w.len() - 2], &w[w.len() - 1..])),
            SearchOptions::default(),
        ),
        (
            "field",
            words(&|w| format!("title:{w}")),
            SearchOptions::default(),
        ),
        (
            "date_sorted",
            words(&|w| w.to_string()),
            SearchOptions {
                sort: SortOrder::Date,
                ..SearchOptions::default()
            },
        ),
        (
            "facets",
            words(&|w| w.to_string()),
            SearchOptions {
                facets: vec![FacetKind::Author, FacetKind::Year, FacetKind::Lang],
                ..SearchOptions::default()
            },
        ),
    ]
}

fn search(c: &mut Criterion) {
    let idx = bench_index();
    let searcher = NewsSearcher::new(idx).unwrap();
    let raw = RawPeer::new(idx).unwrap();

    let mut g = c.benchmark_group("search");
    for (class, queries) in query_classes() {
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.bench_function(format!("newsidx/{class}"), |b| {
            b.iter(|| {
                for q in &queries {
                    let opts = SearchOptions {
                        query: q.clone(),
                        ..SearchOptions::default()
                    };
                    black_box(searcher.search(&opts).unwrap());
                }
            })
        });
        g.bench_function(format!("raw_tantivy/{class}"), |b| {
            b.iter(|| {
                for q in &queries {
                    black_box(raw.top10(q).unwrap());
                }
            })
        });
    }
    for (class, queries, opts) in language_classes() {
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.bench_function(format!("newsidx/{class}"), |b| {
            b.iter(|| {
                for q in &queries {
                    let opts = SearchOptions {
                        query: q.clone(),
                        ..opts.clone()
                    };
                    black_box(searcher.search(&opts).unwrap());
                }
            })
        });
        g.bench_function(format!("raw_tantivy/{class}_as_terms"), |b| {
            b.iter(|| {
                for w in WORDS {
                    black_box(raw.top10(w).unwrap());
                }
            })
        });
    }
    g.finish();
}

/// Every article's title and body, read back from the index (outside the timed part).
fn articles(idx: &NewsIndex) -> Vec<(String, String)> {
    use tantivy::schema::Value;
    let f = *idx.fields();
    let searcher = idx.reader().unwrap().searcher();
    let all = searcher
        .search(
            &tantivy::query::AllQuery,
            &tantivy::collector::DocSetCollector,
        )
        .unwrap();
    let mut out: Vec<(String, String)> = all
        .into_iter()
        .map(|addr| {
            let d: TantivyDocument = searcher.doc(addr).unwrap();
            let text = |field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            (text(f.title), text(f.body))
        })
        .collect();
    out.sort();
    out
}

/// Peers on the same articles and words: newsidx's hot path, raw tantivy's least work,
/// SQLite FTS5 (bundled SQLite, porter tokenizer, bm25, top 10 with title and body), and
/// a brute-force scan of every body with a case-insensitive whole-word regex.
fn peers(c: &mut Criterion) {
    let idx = bench_index();
    let docs = articles(idx);
    let searcher = NewsSearcher::new(idx).unwrap();
    let raw = RawPeer::new(idx).unwrap();

    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61');",
    )
    .unwrap();
    {
        let tx = db.unchecked_transaction().unwrap();
        let mut ins = tx
            .prepare("INSERT INTO docs (title, body) VALUES (?1, ?2)")
            .unwrap();
        for (t, b) in &docs {
            ins.execute((t, b)).unwrap();
        }
        drop(ins);
        tx.commit().unwrap();
    }
    let mut top10 = db
        .prepare("SELECT title, body FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT 10")
        .unwrap();
    let scans: Vec<regex::Regex> = WORDS
        .iter()
        .map(|w| regex::Regex::new(&format!(r"(?i)\b{w}\b")).unwrap())
        .collect();

    let mut g = c.benchmark_group("peers");
    // The scan reads every body ten times per sample: 4 GB at 100k articles.
    g.sample_size(10);
    g.throughput(Throughput::Elements(WORDS.len() as u64));
    g.bench_function("newsidx", |b| {
        b.iter(|| {
            for w in WORDS {
                let opts = SearchOptions {
                    query: w.to_string(),
                    ..SearchOptions::default()
                };
                black_box(searcher.search(&opts).unwrap());
            }
        })
    });
    g.bench_function("raw_tantivy", |b| {
        b.iter(|| {
            for w in WORDS {
                black_box(raw.top10(w).unwrap());
            }
        })
    });
    g.bench_function("sqlite_fts5", |b| {
        b.iter(|| {
            for w in WORDS {
                let rows: Vec<(String, String)> = top10
                    .query_map([w], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                black_box(rows);
            }
        })
    });
    g.bench_function("brute_force_regex", |b| {
        b.iter(|| {
            // Every body is scanned (a count is needed to rank or page), the first ten kept.
            for re in &scans {
                let mut count = 0usize;
                let mut first: Vec<&(String, String)> = Vec::with_capacity(10);
                for d in &docs {
                    if re.is_match(&d.1) {
                        count += 1;
                        if first.len() < 10 {
                            first.push(d);
                        }
                    }
                }
                black_box((count, first));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search, peers
}
criterion_main!(benches);
