//! Between extraction and indexing: the one way a file becomes articles, used by the
//! indexer, `newsidx extract`, the fuzz targets, the examples and the tests.
//!
//! [`read`] takes a file's bytes as read from disk (or an archive record) through the
//! size limit and gunzip, charset decoding and its format's reader, and the article-size
//! limit: raw articles and the problems met. [`extract`] cleans and extracts each raw
//! article with the page furniture known for its source (an empty table changes nothing).

use std::path::Path;

use crate::corpus::Kind;
use crate::error::Result;
use crate::extract::{self, Article};
use crate::formats::{self, Limits, Parsed, RawArticle};
use crate::furniture::{Furniture, Lines};

/// Reads a file's bytes into raw articles: the file-size limit, gunzip when `kind` says
/// so, decoding, the format's reader, then the article-size limit (articles over it become
/// problems naming their record).
pub fn read(path: &Path, bytes: Vec<u8>, kind: Kind, limits: Limits) -> Result<Parsed> {
    let bytes = formats::decompress(path, bytes, kind.gzip, limits)?;
    let mut parsed = formats::parse(path, &bytes, kind)?;
    parsed.enforce(limits);
    Ok(parsed)
}

/// One article of a file: its record (in a JSON or JSONL file), the article, and what it
/// tells the furniture table.
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
            let record = raw.record;
            let known = furniture(&raw);
            let (article, lines) = extract::extract_with(raw, name, known);
            (record, article, lines)
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
