//! The indexing peer at scale: raw tantivy indexing the same files without extraction.
//!
//! `cargo run --release --example raw_index -- CORPUS OUT` reads every `.txt` file under
//! CORPUS (sorted walk) and adds it to a new tantivy index in OUT as two stored text
//! fields, the first line as title and the rest as body, with tantivy's default tokenizer
//! and settings, one indexing thread and the memory budget `newsidx index` uses (128 MiB),
//! then commits. It prints files, bytes, seconds, MB/s and the index size: the figures
//! `newsidx index` is compared with in the README's Performance section.

use std::path::{Path, PathBuf};
use std::time::Instant;

use tantivy::schema::{Schema, STORED, TEXT};
use tantivy::{doc, Index};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = args.as_slice() else {
        anyhow::bail!("usage: raw_index CORPUS OUT");
    };
    let out = PathBuf::from(out);
    if out.exists() {
        anyhow::bail!("{} exists; give a new folder", out.display());
    }
    std::fs::create_dir_all(&out)?;
    let start = Instant::now();
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", TEXT | STORED);
    let body = schema.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_dir(&out, schema.build())?;
    let mut writer = index.writer_with_num_threads(1, 128 << 20)?;
    let (mut files, mut bytes) = (0u64, 0u64);
    for entry in walkdir::WalkDir::new(corpus).sort_by_file_name() {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(path)?;
        bytes += text.len() as u64;
        files += 1;
        let (t, b) = text.split_once('\n').unwrap_or((&text, ""));
        writer.add_document(doc!(title => t, body => b))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "files {files}, {:.2} MB in {secs:.2} s ({:.2} MB/s), index {:.1} MB",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        dir_size(&out) as f64 / 1e6
    );
    Ok(())
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
