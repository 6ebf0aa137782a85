//! Indexing throughput per format, extraction included, beside raw tantivy indexing the
//! same bytes without extraction; and extraction alone per format (bytes/s, and web
//! pages/s on one core).
//!
//! `cargo bench --bench index`. Inputs are written to a temporary folder before timing:
//! - `txt`: the first 600 articles of ../shared/corpus/bbc (else corpus/), one file each;
//! - `jsonl`: the same articles as JSON Lines records (title, body), 100 per file;
//! - `html`: the 103 pages of ../shared/extraction/dev, decompressed (when present).
//!
//! Timed: `newsidx index` (walk, read, decode, extract, clean, index, commit) into a fresh
//! index folder; the peer reads the same files and adds each one to a tantivy index of
//! two stored text fields (first line as title, the rest as body, JSON lines one
//! document each) with tantivy's default tokenizer, one indexing thread and the same
//! memory budget, then commits: the least work an index of those files can cost.
//! Throughput is in bytes of the input files, so the two MB/s figures compare directly.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsidx::corpus::Kind;
use newsidx::formats::Limits;
use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use tantivy::schema::{Schema, STORED, TEXT};
use tantivy::{doc, Index};

const ARTICLES: usize = 600;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (title, body) of the first [`ARTICLES`] text articles, in file-name order.
fn articles() -> Vec<(String, String)> {
    let shared = manifest().join("../shared/corpus/bbc");
    let root = if shared.is_dir() {
        shared
    } else {
        manifest().join("corpus")
    };
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .take(ARTICLES)
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
            (title.trim().to_string(), body.trim().to_string())
        })
        .collect()
}

/// Writes the three corpora; returns (format, folder, bytes of its files).
fn corpora(tmp: &Path) -> Vec<(&'static str, PathBuf, u64)> {
    let docs = articles();
    let mut out = Vec::new();

    let txt = tmp.join("txt");
    for (i, (title, body)) in docs.iter().enumerate() {
        let dir = txt.join(format!("{:02}", i / 100));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("{i:04}.txt")),
            format!("{title}\n\n{body}\n"),
        )
        .unwrap();
    }
    out.push(("txt", txt, 0));

    let jsonl = tmp.join("jsonl");
    std::fs::create_dir_all(&jsonl).unwrap();
    for (n, chunk) in docs.chunks(100).enumerate() {
        let lines: String = chunk
            .iter()
            .map(|(title, body)| {
                serde_json::json!({ "title": title, "body": body }).to_string() + "\n"
            })
            .collect();
        std::fs::write(jsonl.join(format!("{n:02}.jsonl")), lines).unwrap();
    }
    out.push(("jsonl", jsonl, 0));

    let dev = manifest().join("../shared/extraction/dev/html");
    if let Ok(entries) = std::fs::read_dir(&dev) {
        let html = tmp.join("html");
        std::fs::create_dir_all(&html).unwrap();
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let raw = std::fs::read(&p).unwrap();
            let bytes = newsidx::formats::decompress(&p, raw, true, Limits::default()).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().replace(".gz", "");
            std::fs::write(html.join(name), bytes).unwrap();
        }
        out.push(("html", html, 0));
    }
    out.into_iter()
        .map(|(name, dir, _)| {
            let bytes = files(&dir)
                .iter()
                .map(|p| p.metadata().unwrap().len())
                .sum();
            (name, dir, bytes)
        })
        .collect()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Raw tantivy: every file (every line of a JSONL file) becomes title + body as read.
fn raw_tantivy_index(corpus: &Path, out: &Path, heap: usize) {
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", TEXT | STORED);
    let body = schema.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_dir(out, schema.build()).unwrap();
    let mut writer = index.writer_with_num_threads(1, heap).unwrap();
    for path in files(corpus) {
        let text = std::fs::read_to_string(&path).unwrap();
        let records: Vec<&str> = if path.extension().is_some_and(|x| x == "jsonl") {
            text.lines().collect()
        } else {
            vec![&text]
        };
        for r in records {
            let (t, b) = r.split_once('\n').unwrap_or((r, ""));
            writer.add_document(doc!(title => t, body => b)).unwrap();
        }
    }
    writer.commit().unwrap();
    writer.wait_merging_threads().unwrap();
}

fn indexing(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let opts = UpdateOptions::default();
    let mut g = c.benchmark_group("index");
    g.sample_size(10);
    for (format, dir, bytes) in corpora(tmp.path()) {
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function(format!("newsidx/{format}"), |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap(),
                |out| {
                    let idx = NewsIndex::open_or_create(&out.path().join("idx")).unwrap();
                    let summary = idx.update(&dir, &opts, &NoProgress).unwrap();
                    assert!(summary.indexed > 0 && summary.skipped.is_empty());
                    black_box(summary);
                    out
                },
                BatchSize::PerIteration,
            )
        });
        g.bench_function(format!("raw_tantivy/{format}"), |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap(),
                |out| {
                    raw_tantivy_index(&dir, out.path(), opts.writer_heap);
                    out
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

/// Extraction alone per format: files read outside the timed part; timed is what `index`
/// does per file after reading (decode, parse, clean, extract). Web pages are also
/// counted in pages per second on one core, the figure of the README's Web pages table.
fn extraction(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("extract");
    for (format, dir, bytes) in corpora(tmp.path()) {
        let inputs: Vec<(PathBuf, Kind, Vec<u8>)> = files(&dir)
            .into_iter()
            .filter_map(|p| {
                let kind = newsidx::corpus::kind_of(&p)?;
                let bytes = std::fs::read(&p).ok()?;
                Some((p, kind, bytes))
            })
            .collect();
        let run = || {
            for (path, kind, bytes) in &inputs {
                let parsed = newsidx::formats::parse(path, bytes, *kind).unwrap();
                for raw in parsed.articles {
                    black_box(newsidx::extract::extract(raw, "bench"));
                }
            }
        };
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function(format, |b| b.iter(run));
        if format == "html" {
            g.throughput(Throughput::Elements(inputs.len() as u64));
            g.bench_function(format!("html_pages/{}", inputs.len()), |b| b.iter(run));
        }
    }
    g.finish();
}

criterion_group!(benches, indexing, extraction);
criterion_main!(benches);
