//! Search hot path and extraction, measured with criterion.
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

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsidx::formats::{Markup, RawArticle};
use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use newsidx::search::facets::FacetKind;
use newsidx::search::{NewsSearcher, SearchOptions, SortOrder};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::TantivyDocument;

fn corpus() -> PathBuf {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    if shared.is_dir() {
        shared
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
    }
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

/// Raw tantivy's least work: parse, top 10 by BM25, load the stored documents.
fn raw_top10(parser: &QueryParser, searcher: &tantivy::Searcher, q: &str) {
    let query = parser.parse_query(q).unwrap();
    let top = searcher
        .search(&query, &TopDocs::with_limit(10).order_by_score())
        .unwrap();
    for (_, addr) in top {
        black_box(searcher.doc::<TantivyDocument>(addr).unwrap());
    }
}

fn search(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    idx.update(&corpus(), &UpdateOptions::default(), &NoProgress)
        .unwrap();
    let searcher = NewsSearcher::new(&idx).unwrap();
    let raw_searcher = idx.reader().unwrap().searcher();
    let f = *idx.fields();
    let raw_parser = QueryParser::for_index(idx.tantivy(), vec![f.title, f.body]);

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
                    raw_top10(&raw_parser, &raw_searcher, q);
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
                    raw_top10(&raw_parser, &raw_searcher, w);
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
    let tmp = tempfile::tempdir().unwrap();
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    idx.update(&corpus(), &UpdateOptions::default(), &NoProgress)
        .unwrap();
    let docs = articles(&idx);
    let searcher = NewsSearcher::new(&idx).unwrap();
    let raw_searcher = idx.reader().unwrap().searcher();
    let f = *idx.fields();
    let raw_parser = QueryParser::for_index(idx.tantivy(), vec![f.title, f.body]);

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
                let query = raw_parser.parse_query(w).unwrap();
                let top = raw_searcher
                    .search(&query, &TopDocs::with_limit(10).order_by_score())
                    .unwrap();
                for (_, addr) in top {
                    black_box(raw_searcher.doc::<TantivyDocument>(addr).unwrap());
                }
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

fn extraction(c: &mut Criterion) {
    let texts: Vec<String> = walkdir::WalkDir::new(corpus())
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .take(500)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("txt/{}_articles", texts.len()), |b| {
        b.iter(|| {
            for t in &texts {
                black_box(newsidx::extract::extract(
                    RawArticle::new(Markup::Plain, t.clone()),
                    "x.txt",
                ));
            }
        })
    });
    g.finish();

    // Web pages: ../shared/extraction/dev, decoded outside the timed part; the timed part
    // is what `index` does per page after decoding (parse, metadata, main text, clean,
    // extract). Throughput in pages: the figure issue 3 asks for (pages/s on one core).
    let dev = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/extraction/dev/html");
    let mut pages: Vec<String> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dev) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let raw = std::fs::read(&p).unwrap();
            let limits = newsidx::formats::Limits::default();
            let bytes = newsidx::formats::decompress(&p, raw, true, limits).unwrap();
            pages.push(newsidx::formats::decode(&bytes, true));
        }
    }
    if !pages.is_empty() {
        let mut g = c.benchmark_group("extract");
        g.throughput(Throughput::Elements(pages.len() as u64));
        g.bench_function(format!("html/{}_dev_pages", pages.len()), |b| {
            b.iter(|| {
                for p in &pages {
                    let raw = newsidx::formats::read_html(p);
                    black_box(newsidx::extract::extract(raw, "page.html"));
                }
            })
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search, peers, extraction
}
criterion_main!(benches);
