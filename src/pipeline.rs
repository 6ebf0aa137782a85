//! Between extraction and indexing: the one way a file becomes articles, used by the
//! indexer, `newsidx extract`, the fuzz targets, the examples and the tests.
//!
//! [`read`] takes a file's bytes as read from disk through the size limit and gunzip,
//! charset decoding and its format's reader, and the article-size limit: raw articles and
//! the problems met. A web archive is never held whole: [`archive`] streams its records
//! one at a time through the same charset decoding and readers
//! ([`crate::formats::warc`]) and the same article-size limit, handing each raw article
//! on as it is read. [`extract`] (or [`extract_one`] for one article at a time) cleans and
//! extracts each raw article with the page furniture known for its source (an empty table
//! changes nothing); [`furniture_source`] says which source that is.

use std::path::Path;

use crate::corpus::Kind;
use crate::error::{Error, Result};
use crate::extract::{self, Article};
use crate::formats::warc::{self, Archive, Damage, Item, RecordOutcome, Records};
use crate::formats::{self, Limits, Parsed, RawArticle};
use crate::furniture::{self, Furniture, Lines};

/// Reads a file's bytes into raw articles: the file-size limit, gunzip when `kind` says
/// so, decoding, the format's reader, then the article-size limit (articles over it become
/// problems naming their record).
pub fn read(path: &Path, bytes: Vec<u8>, kind: Kind, limits: Limits) -> Result<Parsed> {
    let bytes = formats::decompress(path, bytes, kind.gzip, limits)?;
    let mut parsed = formats::parse(path, &bytes, kind)?;
    parsed.enforce(limits);
    Ok(parsed)
}

/// What reading a web archive found besides its articles.
#[derive(Debug, Default)]
pub struct ArchiveRead {
    /// What its records were.
    pub records: Records,
    /// Records that could not be read (each names its offset), and stray bytes passed over.
    pub problems: Vec<String>,
    /// Where the archive is damaged, when it is: nothing after it was read.
    pub damage: Option<Damage>,
}

/// Reads a web archive record by record, handing each page's raw article to `on` as it
/// is read (its `record` is the record's offset): the same charset decoding, readers and
/// article-size limit as [`read`], with memory bounded by one record. Records over the
/// article limit are passed over unread and listed. Fails only when the file cannot be
/// opened; damage ends the reading, and what came before it stands.
pub fn archive(path: &Path, limits: Limits, mut on: impl FnMut(RawArticle)) -> Result<ArchiveRead> {
    let mut reader = Archive::open(path, limits.max_file_bytes).map_err(|e| Error::io(path, e))?;
    let mut out = ArchiveRead::default();
    while let Some(item) = reader.next_record(warc::page::may_be_page) {
        match item {
            Ok(Item::Record(record)) => {
                out.records.read += 1;
                // A record that makes the page reader fail is a problem of that record:
                // the archive's other records are read on.
                let offset = record.head.offset;
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    warc::record_article(path, record, limits)
                }))
                .unwrap_or_else(|_| {
                    RecordOutcome::Problem(format!(
                        "offset {offset}: the page could not be read (internal error)"
                    ))
                });
                match outcome {
                    RecordOutcome::Article(raw, problem) => {
                        out.problems.extend(problem);
                        // The article limit applies to the page's text, as to a file's.
                        if raw.body.len() as u64 > limits.max_article_bytes {
                            out.records.skip("problem");
                            out.problems.push(format!(
                                "record at offset {offset}: article of {:.1} MiB is larger than the {} MiB article limit (--max-article-mb)",
                                raw.body.len() as f64 / (1 << 20) as f64,
                                limits.max_article_bytes >> 20
                            ));
                        } else {
                            out.records.articles += 1;
                            on(*raw);
                        }
                    }
                    RecordOutcome::Skipped(why) => out.records.skip(&why),
                    RecordOutcome::Problem(message) => {
                        out.records.skip("problem");
                        out.problems.push(message);
                    }
                }
            }
            Ok(Item::Stray { offset, bytes }) => out.problems.push(format!(
                "offset {offset}: {bytes} bytes that are no WARC record passed over (the record before them states a wrong Content-Length)"
            )),
            Err(damage) => {
                out.problems.push(format!(
                    "{damage}; the {} whole records before it are read",
                    out.records.read
                ));
                out.damage = Some(damage);
            }
        }
    }
    Ok(out)
}

/// The page of the record at `offset` in an archive (an article's `record`), read from
/// there directly when a record or a gzip member starts there, else found by reading the
/// archive from its start (a record inside a whole-file gzip). An offset where no page
/// record is, is an error saying what is there.
pub fn archive_record(path: &Path, offset: u64, limits: Limits) -> Result<RawArticle> {
    use std::io::{Seek, SeekFrom};
    let fail = |message: String| Error::Format {
        path: path.to_path_buf(),
        message,
    };
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| Error::io(path, e))?;
    let mut direct = Archive::new(file, limits.max_file_bytes).map_err(|e| Error::io(path, e))?;
    if let Some(Ok(Item::Record(mut record))) = direct.next_record(warc::page::may_be_page) {
        record.head.offset = offset;
        return match warc::record_article(path, record, limits) {
            RecordOutcome::Article(raw, _) => Ok(*raw),
            RecordOutcome::Skipped(why) => Err(fail(format!(
                "the record at offset {offset} is no page ({why})"
            ))),
            RecordOutcome::Problem(message) => Err(fail(message)),
        };
    }
    let mut found = None;
    archive(path, limits, |raw| {
        if raw.record == Some(offset) {
            found = Some(raw);
        }
    })?;
    found.ok_or_else(|| fail(format!("no page record at offset {offset}")))
}

/// The source whose furniture cleans `raw` (see [`crate::furniture`]): the site it states
/// or was fetched from, else its file's folder `dir` (relative to the corpus root).
pub fn furniture_source(raw: &RawArticle, dir: &str) -> String {
    match raw.site() {
        Some(site) => furniture::source_of_site(site),
        None => furniture::source_of_dir(dir),
    }
}

/// The title of last resort of an article: the URL its page was fetched from (an
/// archive's record), else its file's name.
pub fn last_resort_title(raw: &RawArticle, path: &Path) -> String {
    raw.fetched_url.clone().unwrap_or_else(|| file_name(path))
}

/// Cleans and extracts one raw article with the furniture `known`: the article (with
/// its record) and what it tells the furniture table.
pub fn extract_one(raw: RawArticle, name: &str, known: &Furniture) -> Extracted {
    let record = raw.record;
    let (article, lines) = extract::extract_with(raw, name, known);
    (record, article, lines)
}

/// One article of a file: its record (in a JSON or JSONL file, its number; in a web
/// archive, its offset), the article, and what it tells the furniture table.
pub type Extracted = (Option<u64>, Article, Lines);

/// Cleans and extracts each raw article of the file named `name`, with the furniture
/// `furniture` gives for it (its source's; an empty table for none).
pub fn extract<'f>(
    raws: Vec<RawArticle>,
    name: &str,
    furniture: impl Fn(&RawArticle) -> &'f Furniture,
) -> Vec<Extracted> {
    raws.into_iter()
        .map(|raw| {
            let known = furniture(&raw);
            extract_one(raw, name, known)
        })
        .collect()
}

/// A file read and extracted with no furniture table: what one file says on its own.
pub fn file_articles(
    path: &Path,
    bytes: Vec<u8>,
    kind: Kind,
    limits: Limits,
) -> Result<(Vec<Extracted>, Vec<String>)> {
    let parsed = read(path, bytes, kind, limits)?;
    let name = file_name(path);
    let empty = Furniture::default();
    Ok((extract(parsed.articles, &name, |_| &empty), parsed.problems))
}

/// The file name of `path`, the title of last resort of its articles.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
