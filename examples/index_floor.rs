//! The floor of `newsidx index`'s speed: what indexing costs when extraction is free.
//!
//! `cargo run --release --example index_floor -- CORPUS OUT` walks CORPUS as `newsidx
//! index` does, reads and extracts every file first (timed apart), then times only what
//! comes after extraction: adding the articles to a new index in OUT with newsidx's schema,
//! analysis and settings (one indexing thread, 128 MiB, as `index`), and the commit. Run
//! beside `examples/raw_index` on the same corpus, it splits the gap to raw tantivy into
//! the part extraction costs and the part the schema costs (five analysed fields,
//! stemming, the quotes indexed for `quote:`, zstd-compressed stored bodies).

use std::time::Instant;

use anyhow::Context;
use newsidx::formats::Limits;
use newsidx::index::NewsIndex;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = args.as_slice() else {
        anyhow::bail!("usage: index_floor CORPUS OUT");
    };
    let out = std::path::PathBuf::from(out);
    if out.exists() {
        anyhow::bail!("{} exists; give a new folder", out.display());
    }
    let limits = Limits::default();
    let start = Instant::now();
    let walk = newsidx::corpus::walk(std::path::Path::new(corpus), None);
    let (mut bytes, mut articles) = (0u64, Vec::new());
    for file in &walk.files {
        let raw = std::fs::read(&file.path).with_context(|| file.path.display().to_string())?;
        bytes += raw.len() as u64;
        let (extracted, _) = newsidx::pipeline::file_articles(&file.path, raw, file.kind, limits)?;
        for (record, article, _) in extracted {
            articles.push((&file.rel, record, article));
        }
    }
    let extracted = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let index = NewsIndex::open_or_create(&out)?;
    let mut writer: tantivy::IndexWriter = index.tantivy().writer_with_num_threads(1, 128 << 20)?;
    for (rel, record, article) in &articles {
        writer.add_document(index.document(rel, article, *record))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let indexed = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "files {}, articles {}, {mb:.2} MB; read and extracted in {extracted:.2} s ({:.2} MB/s); \
         indexed and committed in {indexed:.2} s ({:.2} MB/s)",
        walk.files.len(),
        articles.len(),
        mb / extracted,
        mb / indexed
    );
    Ok(())
}
