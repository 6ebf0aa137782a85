//! Shared bodies of the fuzz targets: each reader and extractor, and the query path.

use std::path::Path;
use std::sync::OnceLock;

use newsidx::formats::Limits;
use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use newsidx::search::{NewsSearcher, SearchOptions};

/// Reads `data` as a file named `name` (its extension picks the reader), then cleans and
/// extracts every article, as the indexer does. Errors are fine; panics are bugs.
pub fn read(name: &str, data: &[u8]) {
    let path = Path::new(name);
    let kind = newsidx::corpus::kind_of(path).expect("fuzz target names a supported type");
    let _ = newsidx::pipeline::file_articles(path, data.to_vec(), kind, Limits::default());
}

/// Reads `data` as a web archive, record by record, and makes every page record an
/// article (cleaned and extracted), as the indexer does. Damage is fine; panics are bugs.
pub fn read_warc(data: &[u8]) {
    use newsidx::formats::warc::{self, Archive, Item, RecordOutcome};
    let path = Path::new("fuzz.warc.gz");
    let limits = Limits::default();
    let Ok(mut archive) = Archive::new(data, limits.max_article_bytes) else {
        return;
    };
    let empty = newsidx::furniture::Furniture::default();
    while let Some(Ok(item)) = archive.next_record(warc::page::may_be_page) {
        if let Item::Record(record) = item {
            if let RecordOutcome::Article(raw, _) = warc::record_article(path, record, limits) {
                let name = newsidx::pipeline::last_resort_title(&raw, path);
                let _ = newsidx::pipeline::extract_one(*raw, &name, &empty);
            }
        }
    }
}

/// An index of the bundled corpus, built once per fuzzing process.
fn index() -> &'static NewsIndex {
    static INDEX: OnceLock<(tempfile::TempDir, NewsIndex)> = OnceLock::new();
    let (_, idx) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let idx = NewsIndex::open_or_create(&dir.path().join("idx")).expect("index");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        idx.update(&corpus, &UpdateOptions::default(), &NoProgress)
            .expect("bundled corpus indexes");
        (dir, idx)
    });
    idx
}

/// Parses and runs `data` as a query (top 10, snippets, facets), as `search` does.
pub fn query(data: &[u8]) {
    let Ok(q) = std::str::from_utf8(data) else {
        return;
    };
    let searcher = NewsSearcher::new(index()).expect("searcher");
    let opts = SearchOptions {
        query: q.to_string(),
        facets: newsidx::search::facets::FacetKind::ALL.to_vec(),
        ..SearchOptions::default()
    };
    if let Err(newsidx::error::Error::Query {
        query, position, ..
    }) = searcher.search(&opts)
    {
        assert!(
            position <= query.chars().count(),
            "error position past the query"
        );
    }
}
