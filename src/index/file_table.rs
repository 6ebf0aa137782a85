//! Stage 5, beside the manifest: the index's file table, what an update with nothing to
//! do compares the walk with.
//!
//! A compact binary file, `newsidx-files.bin`, written beside its place before each commit
//! and put there by rename after it (after the manifest, tagged with the same opstamp):
//! every corpus file in the order of the walk, with its size and mtime, and what is
//! reported of it on every run (why it was skipped, its problems, where an archive is
//! damaged). An update reads it as a stream in
//! step with the walk, holding one entry of each at a time; at the first difference it
//! stops and the update goes the whole way with the manifest. A million files are thus
//! compared in about the time of the walk, without reading the manifest (which holds
//! each file's lines for the furniture table, and takes seconds and hundreds of megabytes
//! to load at that size). A table that is absent, damaged or of another commit is not
//! used: the whole way is always correct.
//!
//! Layout (little-endian): the magic line; the opstamp (u64); the settings key and the
//! furniture rule (each a u32 length and UTF-8 bytes); then per file its path (u32 length
//! and bytes), size (u64), mtime (u64) and report (u32 length and JSON, length 0 when
//! there is nothing to report); then `u32::MAX` and the number of files (u64).

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::manifest::Staged;
use super::{furniture, manifest, Damaged, FileEntry, Manifest, NewsIndex, Summary, UpdateOptions};
use crate::corpus::{self, CorpusFile, Skipped};
use crate::error::{Error, Result};
use crate::formats::warc::Damage;

/// File name of the table inside the index folder.
pub const FILE_TABLE: &str = "newsidx-files.bin";

const MAGIC: &[u8] = b"newsidx file table 1\n";
const END: u32 = u32::MAX;

/// What the table was written under: the commit, and what a file's outcome depends on
/// besides its bytes ([`super::manifest::settings_key`], [`crate::furniture::RULE`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub opstamp: u64,
    pub settings: String,
    pub furniture: String,
}

/// What every run reports of a file: why it was skipped, its problems, its damage.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage: Option<Damage>,
}

impl Report {
    fn of(e: &FileEntry) -> Report {
        Report {
            skipped: e.skipped.clone(),
            problems: e.problems.clone(),
            damage: e.damage.clone(),
        }
    }

    fn is_empty(&self) -> bool {
        self.skipped.is_none() && self.problems.is_empty() && self.damage.is_none()
    }
}

/// One file as the table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub rel: String,
    pub size: u64,
    pub mtime_ns: u64,
    pub report: Report,
}

/// Writes the table of `files` (path and manifest entry, in the walk's order) by rename.
pub fn write<'a>(
    dir: &Path,
    head: &Head,
    files: impl Iterator<Item = (&'a str, &'a FileEntry)>,
) -> Result<()> {
    stage(dir, head, files)?.publish()
}

/// Writes the table of `files` to a temporary file, put in place by [`Staged::publish`]
/// once the commit it describes is made.
pub fn stage<'a>(
    dir: &Path,
    head: &Head,
    files: impl Iterator<Item = (&'a str, &'a FileEntry)>,
) -> Result<Staged> {
    // Another process, or another update of this one, may write its own table at the same
    // moment: each writes its own temporary file, and the last rename wins whole.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let staged = Staged::new(
        dir.join(format!("{FILE_TABLE}.{}-{n}.tmp", std::process::id())),
        dir.join(FILE_TABLE),
    );
    let written = (|| -> io::Result<()> {
        let mut w = BufWriter::new(File::create(staged.tmp())?);
        w.write_all(MAGIC)?;
        w.write_all(&head.opstamp.to_le_bytes())?;
        put_bytes(&mut w, head.settings.as_bytes())?;
        put_bytes(&mut w, head.furniture.as_bytes())?;
        let mut n = 0u64;
        for (rel, e) in files {
            put_bytes(&mut w, rel.as_bytes())?;
            w.write_all(&e.size.to_le_bytes())?;
            w.write_all(&e.mtime_ns.to_le_bytes())?;
            let report = Report::of(e);
            if report.is_empty() {
                w.write_all(&0u32.to_le_bytes())?;
            } else {
                let json = serde_json::to_vec(&report).map_err(io::Error::other)?;
                put_bytes(&mut w, &json)?;
            }
            n += 1;
        }
        w.write_all(&END.to_le_bytes())?;
        w.write_all(&n.to_le_bytes())?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()
    })();
    written.map_err(|e| Error::io(staged.tmp(), e))?;
    Ok(staged)
}

/// True when the table in `dir` is the one of commit `opstamp` (its head reads whole).
pub fn is_current(dir: &Path, opstamp: u64) -> bool {
    Reader::open(dir).is_some_and(|r| r.head.opstamp == opstamp)
}

/// The table read as a stream.
pub struct Reader {
    input: BufReader<File>,
    pub head: Head,
    rows: u64,
}

impl Reader {
    /// Opens the table of an index folder; `None` when it is absent or its head does not
    /// read.
    pub fn open(dir: &Path) -> Option<Reader> {
        let mut input = BufReader::with_capacity(1 << 16, File::open(dir.join(FILE_TABLE)).ok()?);
        let mut magic = [0u8; MAGIC.len()];
        input.read_exact(&mut magic).ok()?;
        if magic != MAGIC {
            return None;
        }
        let opstamp = get_u64(&mut input).ok()?;
        let settings = get_string(&mut input).ok()?;
        let furniture = get_string(&mut input).ok()?;
        Some(Reader {
            input,
            head: Head {
                opstamp,
                settings,
                furniture,
            },
            rows: 0,
        })
    }

    /// The next file; `Ok(None)` at the end of a whole table, an error where the table is
    /// damaged or cut short.
    pub fn next_row(&mut self) -> io::Result<Option<Row>> {
        let len = get_u32(&mut self.input)?;
        if len == END {
            let n = get_u64(&mut self.input)?;
            return if n == self.rows {
                Ok(None)
            } else {
                Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("the table ends after {} files, its end says {n}", self.rows),
                ))
            };
        }
        let rel = String::from_utf8(get_exact(&mut self.input, len)?)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let size = get_u64(&mut self.input)?;
        let mtime_ns = get_u64(&mut self.input)?;
        let report_len = get_u32(&mut self.input)?;
        let report = if report_len == 0 {
            Report::default()
        } else {
            serde_json::from_slice(&get_exact(&mut self.input, report_len)?)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?
        };
        self.rows += 1;
        Ok(Some(Row {
            rel,
            size,
            mtime_ns,
            report,
        }))
    }
}

impl NewsIndex {
    /// The summary of an update with nothing to do, found by comparing the walk with the
    /// [file table](self) as both stream by; `None` as soon as anything differs (a file new,
    /// changed, gone or to be read again; a table of another commit), and the update goes
    /// the whole way.
    pub(super) fn unchanged(
        &self,
        root: &Path,
        opts: &UpdateOptions,
        started: Instant,
    ) -> Result<Option<Summary>> {
        let Some(mut table) = Reader::open(&self.dir) else {
            return Ok(None);
        };
        if table.head.opstamp != self.opstamp() {
            return Ok(None);
        }
        // As in the whole way: files skipped or with problems under other settings, and
        // files read under another furniture rule, are read again.
        let settings_changed = table.head.settings != manifest::settings_key(&opts.limits);
        let rule_changed = table.head.furniture != furniture::RULE;
        let mut summary = Summary {
            root: root.to_path_buf(),
            ..Summary::default()
        };
        let mut walker = corpus::walker(root, Some(&self.dir));
        let mut files = 0;
        for found in &mut walker {
            summary.files_seen += 1;
            let file = match found {
                corpus::Found::File(f) => f,
                corpus::Found::Skipped(s) => {
                    summary.skipped.push(s);
                    continue;
                }
            };
            let Ok(Some(row)) = table.next_row() else {
                return Ok(None);
            };
            let report = row.report;
            if row.rel != file.rel
                || row.size != file.size
                || row.mtime_ns != file.mtime_ns
                || (settings_changed && (report.skipped.is_some() || !report.problems.is_empty()))
                || (rule_changed && report.skipped.is_none())
            {
                return Ok(None);
            }
            files += 1;
            match report.skipped {
                Some(reason) => summary.skipped.push(Skipped {
                    path: file.rel.clone(),
                    reason,
                }),
                None => summary.unchanged += 1,
            }
            summary
                .damaged
                .extend(report.damage.iter().map(|d| Damaged::of(&file.rel, d)));
            summary
                .problems
                .extend(report.problems.into_iter().map(|reason| Skipped {
                    path: file.rel.clone(),
                    reason,
                }));
        }
        // Files gone, a damaged table; or an index with documents and no file (it is
        // emptied the whole way).
        if !matches!(table.next_row(), Ok(None)) || (files == 0 && self.num_docs()? > 0) {
            return Ok(None);
        }
        summary.hidden = walker.hidden();
        summary.documents = self.num_docs()?;
        summary.finish(started);
        Ok(Some(summary))
    }

    /// Writes the [file table](self) of `manifest`, its files in the walk's order. The table
    /// only spares the next run the manifest: when it cannot be written (a full disk), the
    /// run stands and the next one goes the whole way (the table left is of an older
    /// commit, so it is not used).
    pub(super) fn save_file_table(&self, manifest: &Manifest, walked: &[CorpusFile]) {
        if let Some(staged) = self.stage_file_table(manifest, walked) {
            let _ = staged.publish();
        }
    }

    /// The file table staged ([`stage`]) for the commit `manifest` is tagged with; None
    /// when it could not be written (as [`Self::save_file_table`]).
    pub(super) fn stage_file_table(
        &self,
        manifest: &Manifest,
        walked: &[CorpusFile],
    ) -> Option<Staged> {
        let head = Head {
            opstamp: manifest.opstamp,
            settings: manifest.settings.clone(),
            furniture: manifest.furniture.clone(),
        };
        let rows = walked
            .iter()
            .filter_map(|f| Some((f.rel.as_str(), manifest.files.get(&f.rel)?)));
        stage(&self.dir, &head, rows).ok()
    }
}

fn put_bytes(w: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len())
        .ok()
        .filter(|&n| n != END)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "entry over 4 GiB"))?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(bytes)
}

fn get_u32(r: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn get_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

/// `len` bytes, read without trusting `len` for an allocation up front (a damaged table
/// could claim gigabytes).
fn get_exact(r: &mut impl Read, len: u32) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(u64::from(len)).read_to_end(&mut out)?;
    if out.len() != len as usize {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(out)
}

fn get_string(r: &mut impl Read) -> io::Result<String> {
    let len = get_u32(r)?;
    String::from_utf8(get_exact(r, len)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(size: u64, report: Report) -> FileEntry {
        FileEntry {
            size,
            mtime_ns: size * 10,
            hash: 1,
            articles: u32::from(report.skipped.is_none()),
            indexed_ns: 2,
            skipped: report.skipped,
            problems: report.problems,
            lines: Vec::new(),
            records: None,
            damage: report.damage,
        }
    }

    fn head() -> Head {
        Head {
            opstamp: 9,
            settings: "newsidx x; limits".into(),
            furniture: "rule 1".into(),
        }
    }

    #[test]
    fn a_table_reads_back_what_was_written_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            ("b/z.txt", entry(5, Report::default())),
            (
                "a.jsonl",
                entry(
                    7,
                    Report {
                        problems: vec!["line 3: not JSON".into()],
                        ..Report::default()
                    },
                ),
            ),
            (
                "c.warc.gz",
                entry(
                    8,
                    Report {
                        skipped: Some("no articles".into()),
                        damage: Some(Damage {
                            offset: 12,
                            message: "bad gzip".into(),
                        }),
                        ..Report::default()
                    },
                ),
            ),
        ];
        write(dir.path(), &head(), files.iter().map(|(r, e)| (*r, e))).unwrap();
        let mut r = Reader::open(dir.path()).unwrap();
        assert_eq!(r.head, head());
        for (rel, e) in &files {
            let row = r.next_row().unwrap().unwrap();
            assert_eq!(row.rel, *rel);
            assert_eq!((row.size, row.mtime_ns), (e.size, e.mtime_ns));
            assert_eq!(row.report, Report::of(e));
        }
        assert_eq!(r.next_row().unwrap(), None);
        assert!(is_current(dir.path(), 9));
        assert!(!is_current(dir.path(), 10));
    }

    #[test]
    fn a_table_cut_short_or_damaged_is_an_error_not_an_end() {
        let dir = tempfile::tempdir().unwrap();
        let files = [("a.txt", entry(5, Report::default()))];
        write(dir.path(), &head(), files.iter().map(|(r, e)| (*r, e))).unwrap();
        let path = dir.path().join(FILE_TABLE);
        let whole = std::fs::read(&path).unwrap();
        // Cut anywhere after the head: never read as a whole table.
        let head_len = MAGIC.len() + 8 + 4 + head().settings.len() + 4 + head().furniture.len();
        for cut in head_len..whole.len() {
            std::fs::write(&path, &whole[..cut]).unwrap();
            let mut r = Reader::open(dir.path()).unwrap();
            let ends_whole = loop {
                match r.next_row() {
                    Ok(Some(_)) => continue,
                    Ok(None) => break true,
                    Err(_) => break false,
                }
            };
            assert!(!ends_whole, "cut at {cut} of {}", whole.len());
        }
        // A length that claims more than there is.
        let mut bad = whole.clone();
        bad[head_len..head_len + 4].copy_from_slice(&(u32::MAX - 1).to_le_bytes());
        std::fs::write(&path, &bad).unwrap();
        assert!(Reader::open(dir.path()).unwrap().next_row().is_err());
        // Another file altogether.
        std::fs::write(&path, b"{}").unwrap();
        assert!(Reader::open(dir.path()).is_none());
    }
}
