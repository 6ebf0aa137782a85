//! Part of stage 5 (index): the worker side of an update. One corpus file is hashed, read
//! and extracted through [`crate::pipeline`] into a [`FileOutcome`] for the thread that
//! writes the index. A web archive is streamed: its articles go to the writer in parts as
//! its records are read, so neither the archive nor all its articles are ever held at
//! once. Never panics: a panic in a reader or extractor becomes a skip reason for the
//! file (or a problem of one archive record).

use std::io::Read;
use std::path::Path;

use super::folder_of;
use super::manifest::FileEntry;
use crate::corpus::{CorpusFile, Format};
use crate::error::Result;
use crate::extract::Article;
use crate::formats::warc::Records;
use crate::formats::Limits;
use crate::furniture;
use crate::pipeline;

/// Articles of an archive handed to the writer at once.
const PART: usize = 64;

/// What a worker made of one file.
pub(super) enum FileOutcome {
    /// Same bytes as before (only the mtime moved).
    Same(FileEntry),
    /// Articles of an archive read so far; its final outcome follows (always
    /// [`FileOutcome::Articles`]).
    Part(Vec<(Option<u64>, Article)>),
    Articles {
        entry: FileEntry,
        /// Each article with its record inside the file (the rest of an archive's, after
        /// its parts).
        articles: Vec<(Option<u64>, Article)>,
        problems: Vec<String>,
    },
    Skipped {
        entry: FileEntry,
        reason: String,
    },
}

/// Reads, hashes, parses and extracts one file, handing an archive's articles to `part`
/// as they are read (`part` returns false when the writer is gone). Never panics: a panic
/// in a reader or extractor becomes a skip reason for this file.
pub(super) fn process(
    file: &CorpusFile,
    old: Option<&FileEntry>,
    limits: Limits,
    table: &furniture::Table,
    part: &mut dyn FnMut(FileOutcome) -> bool,
) -> FileOutcome {
    let mut entry = FileEntry {
        size: file.size,
        mtime_ns: file.mtime_ns,
        hash: 0,
        articles: 0,
        indexed_ns: 0,
        skipped: None,
        problems: Vec::new(),
        lines: Vec::new(),
        records: None,
        damage: None,
    };
    let archive = file.kind.format == Format::Warc;
    // An archive is streamed record by record: the file limit is for files read whole.
    if !archive && file.size > limits.max_file_bytes {
        return FileOutcome::Skipped {
            entry,
            reason: format!("larger than the {} MiB limit", limits.max_file_bytes >> 20),
        };
    }
    let raw = if archive {
        match hash_file(&file.path) {
            Ok(h) => {
                entry.hash = h;
                Vec::new()
            }
            Err(e) => {
                return FileOutcome::Skipped {
                    entry,
                    reason: format!("unreadable: {e}"),
                }
            }
        }
    } else {
        match std::fs::read(&file.path) {
            Ok(b) => {
                entry.hash = xxhash_rust::xxh3::xxh3_64(&b);
                b
            }
            Err(e) => {
                return FileOutcome::Skipped {
                    entry,
                    reason: format!("unreadable: {e}"),
                }
            }
        }
    };
    if let Some(old) = old {
        if old.hash == entry.hash && old.skipped.is_none() {
            entry.articles = old.articles;
            entry.indexed_ns = old.indexed_ns;
            entry.problems.clone_from(&old.problems);
            entry.lines.clone_from(&old.lines);
            entry.records.clone_from(&old.records);
            entry.damage.clone_from(&old.damage);
            return FileOutcome::Same(entry);
        }
    }
    if archive {
        return process_archive(file, entry, limits, table, part);
    }
    let name = pipeline::file_name(&file.path);
    type Work = (
        Vec<(Option<u64>, Article)>,
        Vec<String>,
        Vec<furniture::Lines>,
    );
    let work = std::panic::catch_unwind(|| -> Result<Work> {
        let parsed = pipeline::read(&file.path, raw, file.kind, limits)?;
        let dir = folder_of(&file.rel);
        let empty = furniture::Furniture::default();
        // The source is the stated one, else the folder; no table, no lookup.
        let extracted = pipeline::extract(parsed.articles, &name, |a| {
            if table.is_empty() {
                &empty
            } else {
                table.of(&pipeline::furniture_source(a, dir))
            }
        });
        let mut lines = Vec::with_capacity(extracted.len());
        let articles = extracted
            .into_iter()
            .map(|(record, article, l)| {
                lines.push(l);
                (record, article)
            })
            .collect();
        Ok((articles, parsed.problems, lines))
    });
    match work {
        Ok(Ok((articles, problems, lines))) if !articles.is_empty() => {
            entry.articles = articles.len() as u32;
            entry.lines = lines;
            FileOutcome::Articles {
                entry,
                articles,
                problems,
            }
        }
        Ok(Ok((_, problems, _))) => FileOutcome::Skipped {
            entry,
            reason: if problems.is_empty() {
                "no article in file".to_string()
            } else {
                format!("no valid article: {}", problems.join("; "))
            },
        },
        Ok(Err(e)) => FileOutcome::Skipped {
            entry,
            reason: strip_path(&e.to_string(), &file.path),
        },
        Err(panic) => FileOutcome::Skipped {
            entry,
            reason: format!(
                "extraction failed (internal error: {})",
                panic_message(&panic)
            ),
        },
    }
}

/// An archive, streamed: each page record read, cleaned and extracted with its site's
/// furniture (a panic in one record is that record's problem), and handed on in parts.
fn process_archive(
    file: &CorpusFile,
    mut entry: FileEntry,
    limits: Limits,
    table: &furniture::Table,
    part: &mut dyn FnMut(FileOutcome) -> bool,
) -> FileOutcome {
    let dir = folder_of(&file.rel);
    let empty = furniture::Furniture::default();
    let mut batch: Vec<(Option<u64>, Article)> = Vec::with_capacity(PART);
    let mut sent = 0usize;
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    // Records whose extraction failed (each also a problem).
    let mut failed = 0u64;
    let mut writer_gone = false;
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline::archive(&file.path, limits, |raw| {
            if writer_gone {
                return;
            }
            let name = pipeline::last_resort_title(&raw, &file.path);
            let offset = raw.record;
            let known = if table.is_empty() {
                &empty
            } else {
                table.of(&pipeline::furniture_source(&raw, dir))
            };
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pipeline::extract_one(raw, &name, known)
            }));
            match done {
                Ok((record, article, l)) => {
                    lines.push(l);
                    batch.push((record, article));
                }
                Err(panic) => {
                    failed += 1;
                    problems.push(format!(
                        "record at offset {}: extraction failed (internal error: {})",
                        offset.unwrap_or(0),
                        panic_message(&panic)
                    ))
                }
            }
            if batch.len() == PART {
                sent += batch.len();
                writer_gone = !part(FileOutcome::Part(std::mem::take(&mut batch)));
            }
        })
    }));
    let read = match read {
        Ok(Ok(read)) => read,
        Ok(Err(e)) if sent == 0 => {
            return FileOutcome::Skipped {
                entry,
                reason: strip_path(&e.to_string(), &file.path),
            }
        }
        Err(panic) if sent == 0 => {
            return FileOutcome::Skipped {
                entry,
                reason: format!(
                    "extraction failed (internal error: {})",
                    panic_message(&panic)
                ),
            }
        }
        // Articles already went to the writer: they stand, and the failure is said.
        Ok(Err(e)) => {
            problems.push(strip_path(&e.to_string(), &file.path));
            pipeline::ArchiveRead::default()
        }
        Err(panic) => {
            problems.push(format!(
                "reading stopped (internal error: {})",
                panic_message(&panic)
            ));
            pipeline::ArchiveRead::default()
        }
    };
    let mut records: Records = read.records;
    // A record whose extraction panicked gave no article.
    records.articles = records.articles.saturating_sub(failed);
    for _ in 0..failed {
        records.skip("problem");
    }
    problems.splice(0..0, read.problems);
    entry.records = Some(records);
    entry.damage = read.damage;
    let total = sent + batch.len();
    if total == 0 {
        let reason = match (&entry.damage, problems.is_empty()) {
            (Some(d), _) => format!("no article read: {d}"),
            (None, true) => "no page in archive".to_string(),
            (None, false) => format!("no valid article: {}", problems.join("; ")),
        };
        return FileOutcome::Skipped { entry, reason };
    }
    entry.articles = total as u32;
    entry.lines = lines;
    FileOutcome::Articles {
        entry,
        articles: batch,
        problems,
    }
}

/// xxh3 of a file's bytes, read in pieces (the same value as hashing them at once).
fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(hasher.digest());
        }
        hasher.update(&buf[..n]);
    }
}

/// The skip list already names the file; drop the leading "PATH: " of an error message.
fn strip_path(msg: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    msg.strip_prefix(&prefix).unwrap_or(msg).to_string()
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}
