//! The search peer as its own program: raw tantivy on its own index of the same files.
//!
//! ```sh
//! cargo run --release --example raw_peer -- index CORPUS PEER_INDEX
//! newsidx bench --index INDEX --queries Q.txt \
//!     --peer-bin target/release/examples/raw_peer --peer-arg serve --peer-arg PEER_INDEX
//! ```
//!
//! `index` reads every `.txt` file under CORPUS (sorted walk) into a new tantivy index of
//! two stored text fields, the first non-empty line as title and the rest as body, both
//! with tantivy's English stemmer (`en_stem`) and positions, one indexing thread and the
//! memory budget `newsidx index` uses (128 MiB), its segments as tantivy's merge policy
//! leaves them (as newsidx's are).
//!
//! `serve` is the peer side of `newsidx bench --peer-bin`: it reads one query a line on
//! standard input and answers each with one line, `HITS MICROSECONDS` (the top 10 ranked
//! by BM25 with tantivy's own query parser over title and body, and each hit's stored
//! document read, timed inside this process), or `- 0` for a query the parser does not
//! take. No count, snippets or quotes: the least work a search engine can do for a page
//! of ten results.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["index", corpus, out] => index(Path::new(corpus), &PathBuf::from(out)),
        ["serve", dir] => serve(Path::new(dir)),
        _ => anyhow::bail!("usage: raw_peer index CORPUS PEER_INDEX | raw_peer serve PEER_INDEX"),
    }
}

fn index(corpus: &Path, out: &Path) -> anyhow::Result<()> {
    if out.exists() {
        anyhow::bail!("{} exists; give a new folder", out.display());
    }
    std::fs::create_dir_all(out)?;
    let start = Instant::now();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", text.clone());
    let body = schema.add_text_field("body", text);
    let index = Index::create_in_dir(out, schema.build())?;
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 128 << 20)?;
    let mut files = 0u64;
    for entry in walkdir::WalkDir::new(corpus)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(path)?;
        let text = text.trim_start();
        let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
        writer.add_document(doc!(title => head.trim(), body => rest))?;
        files += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    eprintln!(
        "{files} files indexed in {:.1} s into {} ({} segments)",
        start.elapsed().as_secs_f64(),
        out.display(),
        index.searchable_segment_ids()?.len()
    );
    Ok(())
}

fn serve(dir: &Path) -> anyhow::Result<()> {
    let index = Index::open_in_dir(dir)?;
    let schema = index.schema();
    let fields = vec![schema.get_field("title")?, schema.get_field("body")?];
    let parser = QueryParser::for_index(&index, fields);
    let searcher = index.reader()?.searcher();
    let top10 = TopDocs::with_limit(10).order_by_score();
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let query = line?;
        let started = Instant::now();
        let Ok(q) = parser.parse_query(&query) else {
            writeln!(out, "- 0")?;
            out.flush()?;
            continue;
        };
        let top = searcher.search(&q, &top10)?;
        for (_, addr) in &top {
            std::hint::black_box(searcher.doc::<TantivyDocument>(*addr)?);
        }
        let us = started.elapsed().as_secs_f64() * 1e6;
        writeln!(out, "{} {us:.3}", top.len())?;
        out.flush()?;
    }
    Ok(())
}
