//! Web archives through the binary, on a small `.warc.gz` each test writes in a temp
//! folder: indexed with a plain file beside it, searched (JSON parsed back into the
//! library's types: path, record offset, fetched_url), shown as `archive@offset`, named
//! to `similar`; touched and changed (only the archive is read again); cut short
//! (reported with the offset, the records before it indexed). And, through the library,
//! the progress a long archive reports while it is read.

mod common;

use std::io::Write;
use std::path::Path;

use newsidx::app::ExtractedArticle;
use newsidx::index::Summary;
use newsidx::search::Hit;

use common::{newsidx, search_json, stdout_of_success};

const URIS: [&str; 3] = [
    "https://harbour.example/news/sea-wall?utm_source=rss",
    "https://harbour.example/news/ferries",
    "https://harbour.example/news/fish-market",
];

/// A page about the harbour; the first states its canonical url.
fn page(i: usize) -> String {
    let canonical = if i == 0 {
        "<link rel=\"canonical\" href=\"https://harbour.example/news/sea-wall\">"
    } else {
        ""
    };
    let topic = ["sea wall zqwall", "ferries zqferry", "fish market zqfish"][i];
    format!(
        "<html><head><title>Harbour story {i}: {topic}</title>{canonical}</head><body><article>\
         <p>The harbour of Portwick reopened on Monday after weeks of repairs to the {topic}, the port authority said.</p>\
         <p>Fishermen and ferry crews returned to the harbour quays as the repairs to the {topic} ended.</p>\
         </article></body></html>"
    )
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-02-03T04:05:06Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// An archive of `pages` pages as crawlers write it (request, response, one gzip member
/// per record): its bytes and the offset of each response.
fn archive(pages: usize) -> (Vec<u8>, Vec<u64>) {
    let mut bytes = gz(&warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    ));
    let mut offsets = Vec::new();
    for (i, uri) in URIS.iter().enumerate().take(pages) {
        bytes.extend(gz(&warc_record(
            "request",
            uri,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\nHost: harbour.example\r\n\r\n",
        )));
        offsets.push(bytes.len() as u64);
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{}",
            page(i)
        );
        bytes.extend(gz(&warc_record(
            "response",
            uri,
            "application/http; msgtype=response",
            http.as_bytes(),
        )));
    }
    (bytes, offsets)
}

fn index_json(dir: &Path) -> Summary {
    let out = newsidx()
        .args(["index", "--json"])
        .arg(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&stdout_of_success(out)).unwrap()
}

#[test]
fn an_archive_in_a_corpus_is_indexed_searched_and_updated() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (bytes, offsets) = archive(2);
    std::fs::write(dir.join("crawl.warc.gz"), &bytes).unwrap();
    std::fs::write(
        dir.join("note.txt"),
        "Harbour note\n\nThe harbour master wrote a zqnote about the quays.\n",
    )
    .unwrap();

    let s = index_json(dir);
    assert_eq!((s.indexed, s.skipped.len()), (2, 0), "{s:?}");
    assert_eq!(s.articles, 3);
    assert_eq!(s.records.read, 5);
    assert_eq!(s.records.articles, 2);
    assert_eq!(s.records.skipped.get("request"), Some(&2));
    assert_eq!(s.records.skipped.get("warcinfo"), Some(&1));
    assert!(s.damaged.is_empty());

    // Path, record offset, fetched_url and url as JSON.
    let hits = search_json::<Hit>(dir, "zqwall");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let h = &hits[0];
    assert_eq!(h.path, "crawl.warc.gz");
    assert_eq!(h.record, Some(offsets[0]));
    assert_eq!(h.fetched_url.as_deref(), Some(URIS[0]));
    assert_eq!(
        h.url.as_deref(),
        Some("https://harbour.example/news/sea-wall")
    );
    // The page states no date: the record's WARC-Date.
    assert_eq!(h.date.as_deref(), Some("2025-02-03T04:05:06Z"));
    let hits = search_json::<Hit>(dir, "zqferry");
    assert_eq!(hits[0].record, Some(offsets[1]));
    // No canonical url: the fetched one is the url.
    assert_eq!(hits[0].url.as_deref(), Some(URIS[1]));
    // A file's hit has no fetched url.
    assert_eq!(search_json::<Hit>(dir, "zqnote")[0].fetched_url, None);

    // `url:` finds a page by the URL it was fetched from, and by its canonical url.
    for q in ["url:utm_source", "url:\"news/sea-wall\""] {
        let found = search_json::<Hit>(dir, q);
        assert!(
            found.iter().any(|h| h.record == Some(offsets[0])),
            "{q}: {found:?}"
        );
    }

    // Text output names the article `archive@offset`.
    let out = newsidx()
        .args(["search", "zqwall"])
        .arg(dir)
        .output()
        .unwrap();
    let text = String::from_utf8(stdout_of_success(out)).unwrap();
    assert!(
        text.contains(&format!("crawl.warc.gz@{}", offsets[0])),
        "{text}"
    );

    // `similar` takes `archive@offset`, relative to the corpus or as a path on disk.
    for arg in [
        format!("crawl.warc.gz@{}", offsets[0]),
        format!("{}@{}", dir.join("crawl.warc.gz").display(), offsets[0]),
    ] {
        let out = newsidx()
            .args(["similar", &arg, "--json"])
            .arg(dir)
            .output()
            .unwrap();
        let similar: Vec<Hit> = String::from_utf8_lossy(&stdout_of_success(out))
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert!(!similar.is_empty(), "{arg}");
        assert!(
            similar.iter().all(|h| h.record != Some(offsets[0])),
            "{arg}"
        );
    }

    // Touched: the same bytes, nothing read again.
    let f = std::fs::File::options()
        .write(true)
        .open(dir.join("crawl.warc.gz"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    drop(f);
    let s = index_json(dir);
    assert_eq!(
        (s.indexed, s.updated, s.unchanged, s.articles),
        (0, 0, 2, 0),
        "{s:?}"
    );

    // Changed: only the archive is read again, its old documents replaced.
    let (bytes, offsets3) = archive(3);
    std::fs::write(dir.join("crawl.warc.gz"), &bytes).unwrap();
    let s = index_json(dir);
    assert_eq!((s.indexed, s.updated, s.unchanged), (0, 1, 1), "{s:?}");
    assert_eq!(s.articles, 3);
    assert_eq!(s.documents, 4);
    assert_eq!(s.records.read, 7);
    let hits = search_json::<Hit>(dir, "zqfish");
    assert_eq!(hits[0].record, Some(offsets3[2]));
    assert_eq!(search_json::<Hit>(dir, "zqwall").len(), 1);
}

#[test]
fn a_truncated_archive_keeps_its_whole_records_and_is_reported_with_the_offset() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (bytes, offsets) = archive(3);
    // Cut inside the last response's gzip member.
    let cut = &bytes[..offsets[2] as usize + 40];
    std::fs::write(dir.join("cut.warc.gz"), cut).unwrap();

    let s = index_json(dir);
    assert_eq!(s.indexed, 1, "{s:?}");
    assert_eq!(s.articles, 2);
    assert_eq!(s.damaged.len(), 1, "{s:?}");
    let d = &s.damaged[0];
    assert_eq!(d.path, "cut.warc.gz");
    assert_eq!(d.offset, offsets[2]);
    assert!(d.reason.contains("truncated"), "{}", d.reason);
    assert!(
        s.problems
            .iter()
            .any(|p| p.path == "cut.warc.gz" && p.reason.contains(&offsets[2].to_string())),
        "{:?}",
        s.problems
    );
    assert_eq!(search_json::<Hit>(dir, "zqwall").len(), 1);
    assert_eq!(search_json::<Hit>(dir, "zqferry").len(), 1);
    assert!(search_json::<Hit>(dir, "zqfish").is_empty());
    // Reported again on the next run, while the archive is as it is.
    let again = index_json(dir);
    assert_eq!(again.unchanged, 1);
    assert_eq!(again.damaged, s.damaged);

    // `extract` prints the whole records and warns with the offset.
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(dir.join("cut.warc.gz"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let articles: Vec<ExtractedArticle> = String::from_utf8_lossy(&stdout_of_success(out))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let records: Vec<Option<u64>> = articles.iter().map(|a| a.record).collect();
    assert_eq!(records, [Some(offsets[0]), Some(offsets[1])]);
    assert_eq!(articles[1].article.fetched_url.as_deref(), Some(URIS[1]));
    assert!(
        stderr.contains(&format!("damaged at offset {}", offsets[2])),
        "{stderr}"
    );

    // One page, read again directly from its offset, as search names it.
    let named = format!("{}@{}", dir.join("cut.warc.gz").display(), offsets[1]);
    let out = newsidx()
        .args(["extract", "--json", &named])
        .output()
        .unwrap();
    let one: ExtractedArticle = serde_json::from_slice(&stdout_of_success(out)).unwrap();
    assert_eq!(one.record, Some(offsets[1]));
    assert_eq!(one.article, articles[1].article);
    // An offset where a request is, or no record: an error naming it.
    for bad in [offsets[1] - 1, 3] {
        let named = format!("{}@{bad}", dir.join("cut.warc.gz").display());
        let out = newsidx().args(["extract", &named]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{named}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("offset {bad}")), "{stderr}");
    }
}

#[test]
fn a_record_over_the_article_limit_is_skipped_with_its_offset() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let big = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>{}</p></body></html>",
        "zqbig words ".repeat(120_000)
    );
    let (mut bytes, offsets) = archive(1);
    let big_at = bytes.len() as u64;
    bytes.extend(gz(&warc_record(
        "response",
        "https://harbour.example/big",
        "application/http; msgtype=response",
        big.as_bytes(),
    )));
    std::fs::write(dir.join("a.warc.gz"), &bytes).unwrap();
    let out = newsidx()
        .args(["index", "--json", "--max-article-mb", "1"])
        .arg(dir)
        .output()
        .unwrap();
    let s: Summary = serde_json::from_slice(&stdout_of_success(out)).unwrap();
    assert_eq!(s.articles, 1);
    assert_eq!(s.records.skipped.get("problem"), Some(&1), "{s:?}");
    assert!(
        s.problems
            .iter()
            .any(|p| p.reason.contains(&format!("offset {big_at}"))
                && p.reason.contains("article limit")),
        "{:?}",
        s.problems
    );
    assert_eq!(
        search_json::<Hit>(dir, "zqwall")[0].record,
        Some(offsets[0])
    );
}

/// An archive of the given pages (uri, html), one gzip member per record.
fn archive_of(pages: &[(String, String)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for (uri, html) in pages {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
        bytes.extend(gz(&warc_record(
            "response",
            uri,
            "application/http; msgtype=response",
            http.as_bytes(),
        )));
    }
    bytes
}

/// A line that becomes furniture of the site when a second archive brings more pages
/// with it: the first archive is read again with it (unchanged, so its records are not
/// counted again), and the line leaves its pages.
#[test]
fn furniture_learned_across_archives_reads_the_first_again_without_counting_it_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let page = |i: usize| {
        (
            format!("https://harbour.example/news/{i}"),
            format!(
                "<html><head><title>Harbour story {i}</title></head><body><article>\
                 <p>Portwick zqdesk harbour desk</p>\
                 <p>The harbour of Portwick saw story number {i} unfold on Monday as ferry crews returned to the quays after the repairs.</p>\
                 <p>Officials said the work on berth {i} would finish before the summer season began in earnest.</p>\
                 </article></body></html>"
            ),
        )
    };
    let mut a = archive_of(&[page(1), page(2)]);
    a.extend(gz(&warc_record(
        "request",
        "https://harbour.example/news/1",
        "application/http; msgtype=request",
        b"GET /news/1 HTTP/1.1\r\n\r\n",
    )));
    std::fs::write(dir.join("a.warc.gz"), a).unwrap();
    let first = index_json(dir);
    assert_eq!(first.records.read, 3);
    // Two pages of the site: not yet furniture.
    assert_eq!(search_json::<Hit>(dir, "zqdesk").len(), 2);

    std::fs::write(dir.join("b.warc.gz"), archive_of(&[page(3), page(4)])).unwrap();
    let second = index_json(dir);
    // a's documents changed with the furniture: updated.
    assert_eq!((second.indexed, second.updated), (1, 1), "{second:?}");
    // Only b's records count in this run, though a was read again.
    assert_eq!(second.records.read, 2, "{second:?}");
    assert_eq!(second.records.articles, 2);
    // Four pages of one site: the line is furniture in all of them, a's included.
    assert!(search_json::<Hit>(dir, "zqdesk").is_empty());
    assert_eq!(search_json::<Hit>(dir, "berth").len(), 4);
}

/// A long archive shows its pages as they come (the library's update, with a progress
/// that records what it is told): parts of 64, then the archive as one file done.
#[test]
fn an_archive_reports_its_pages_while_it_is_read() {
    use std::sync::Mutex;
    struct Seen(Mutex<Vec<String>>);
    impl newsidx::index::Progress for Seen {
        fn start(&self, _: u64) {}
        fn file_done(&self, path: &str) {
            self.0.lock().unwrap().push(format!("done {path}"));
        }
        fn archive_pages(&self, path: &str, pages: usize) {
            self.0.lock().unwrap().push(format!("{path}: {pages}"));
        }
        fn finish(&self) {}
    }
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    let pages: Vec<(String, String)> = (0..130)
        .map(|i| {
            (
                format!("https://harbour.example/n/{i}"),
                format!("<html><head><title>Story {i}</title></head><body><p>Harbour story number {i} of the long archive, told in a sentence long enough to be a paragraph.</p></body></html>"),
            )
        })
        .collect();
    std::fs::write(corpus.join("long.warc.gz"), archive_of(&pages)).unwrap();
    let idx = newsidx::index::NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    let seen = Seen(Mutex::new(Vec::new()));
    let opts = newsidx::index::UpdateOptions {
        threads: 1,
        ..Default::default()
    };
    let s = idx.update(&corpus, &opts, &seen).unwrap();
    assert_eq!(s.articles, 130);
    assert_eq!(
        seen.0.into_inner().unwrap(),
        ["long.warc.gz: 64", "long.warc.gz: 128", "done long.warc.gz"]
    );
}
