//! Web archives over the real files in `../shared/warc` (from the test suites of warcio,
//! jwarc, resiliparse and the Archives Unleashed Toolkit): every file read without a
//! panic, its records counted as they are, damage reported with its offset; and
//! `news-fundus-dev.warc.gz` (the 127 fundus-dev pages as a CC-NEWS-style archive) gives
//! the same articles as the pages read as files.
//!
//! With `CI=true` a missing `../shared` fails; elsewhere these tests print `SKIPPED`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use newsidx::app::extract_one;
use newsidx::formats::Limits;
use newsidx::furniture::Furniture;
use newsidx::pipeline;

/// Records read, articles, records passed over by why, and the damage offset: as the
/// files hold them (counted independently with a scan of each file's record heads).
#[allow(clippy::type_complexity)]
const EXPECTED: &[(&str, u64, u64, &[(&str, u64)], Option<u64>)] = &[
    ("warcio/example-digest.warc", 4, 0, &[("request", 4)], None),
    (
        "warcio/example-iana.org-chunked.warc",
        3,
        1,
        &[("request", 1), ("warcinfo", 1)],
        None,
    ),
    // A response whose Content-Length is 2 bytes short: its gzip body is read as far as
    // it goes, the stray bytes after it passed over, the request after it read.
    (
        "warcio/example-trunc.warc",
        4,
        1,
        &[("request", 1), ("warcinfo", 2)],
        None,
    ),
    (
        "warcio/example.warc",
        6,
        1,
        &[("request", 2), ("revisit", 1), ("warcinfo", 2)],
        None,
    ),
    (
        "warcio/example.warc.gz",
        6,
        1,
        &[("request", 2), ("revisit", 1), ("warcinfo", 2)],
        None,
    ),
    // The same records as one whole-file gzip member.
    (
        "warcio/example-bad-non-chunked.warc.gz",
        6,
        1,
        &[("request", 2), ("revisit", 1), ("warcinfo", 2)],
        None,
    ),
    (
        "warcio/example-resource.warc.gz",
        3,
        1,
        &[("warcinfo", 2)],
        None,
    ),
    (
        "warcio/example-wrong-chunks.warc.gz",
        2,
        1,
        &[("request", 1)],
        None,
    ),
    (
        "warcio/post-test.warc.gz",
        6,
        0,
        &[("not a page", 3), ("request", 3)],
        None,
    ),
    ("jwarc/cc.warc.gz", 1, 1, &[], None),
    (
        "jwarc/gzip_extra_sl.warc.gz",
        1,
        0,
        &[("warcinfo", 1)],
        None,
    ),
    (
        "resiliparse/block-sized-records.warc.gz",
        3,
        0,
        &[("unknown", 3)],
        None,
    ),
    // One record, its gzip member cut short: nothing whole, damage at 0.
    ("resiliparse/clipped.warc.gz", 0, 0, &[], Some(0)),
    // WARC 0.18, EUC-JP pages stored decoded under `Content-Encoding: gzip`.
    (
        "resiliparse/clueweb-quirk.warc.gz",
        30,
        29,
        &[("warcinfo", 1)],
        None,
    ),
    // WARC 0.17, a 2008 crawl of 299 responses.
    (
        "aut/example.warc.gz",
        822,
        94,
        &[
            ("http 3xx", 7),
            ("http 4xx", 40),
            ("metadata", 261),
            // Images, scripts, robots.txt, DNS lookups.
            ("not a page", 158),
            ("request", 261),
            ("warcinfo", 1),
        ],
        None,
    ),
    (
        "news-fundus-dev.warc.gz",
        382,
        127,
        &[("metadata", 127), ("request", 127), ("warcinfo", 1)],
        None,
    ),
];

#[test]
fn every_shared_archive_is_read_and_counted() {
    let Some(dir) = common::shared("warc") else {
        return;
    };
    // Every archive there is in the table: a new file is not left untested.
    let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| newsidx::corpus::rel_path(&dir, e.path()))
        .filter(|p| p.ends_with(".warc") || p.ends_with(".warc.gz"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|e| e.0.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);

    for &(file, read, articles, skipped, damage) in EXPECTED {
        let path = dir.join(file);
        let mut titles = Vec::new();
        let got = pipeline::archive(&path, Limits::default(), |raw| {
            assert!(
                raw.record.is_some(),
                "{file}: an article without its offset"
            );
            assert!(raw.fetched_url.is_some(), "{file}: no fetched url");
            titles.push(raw.title.clone());
        })
        .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(got.records.read, read, "{file}: records read");
        assert_eq!(got.records.articles, articles, "{file}: articles");
        assert_eq!(titles.len() as u64, articles, "{file}: articles handed on");
        let want: BTreeMap<String, u64> =
            skipped.iter().map(|(k, n)| (k.to_string(), *n)).collect();
        assert_eq!(got.records.skipped, want, "{file}: records passed over");
        assert_eq!(
            got.damage.as_ref().map(|d| d.offset),
            damage,
            "{file}: {:?}",
            got.damage
        );
        if let Some(d) = &got.damage {
            assert!(d.message.contains("truncated"), "{file}: {d}");
            assert!(
                got.problems
                    .iter()
                    .any(|p| p.contains("damaged at offset 0")),
                "{file}: {:?}",
                got.problems
            );
        }
    }
}

#[test]
fn the_arc_file_is_reported_as_unsupported_by_name() {
    let Some(dir) = common::shared("warc/warcio") else {
        return;
    };
    let path = dir.join("example.arc.gz");
    let reason = newsidx::corpus::unsupported(&path);
    assert!(reason.contains("ARC web archive"), "{reason}");
    // Read as an archive anyway (a renamed file): damage that says what it is.
    let got = pipeline::archive(&path, Limits::default(), |_| panic!("no article")).unwrap();
    assert!(got.damage.unwrap().message.contains("ARC file"));
}

/// The fundus-dev pages in page-id order (the archive's order), with their gold urls.
fn fundus_pages(root: &Path) -> Vec<(std::path::PathBuf, String)> {
    let truth: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("extraction/fundus-dev/truth.json")).unwrap(),
    )
    .unwrap();
    truth
        .iter()
        .map(|(id, t)| {
            (
                root.join(format!("extraction/fundus-dev/html/{id}.html.gz")),
                t["url"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_archive_gives_the_same_articles_as_the_pages() {
    let Some(root) = common::shared("") else {
        return;
    };
    let archive = root.join("warc/news-fundus-dev.warc.gz");
    let mut from_archive = Vec::new();
    let empty = Furniture::default();
    let read = pipeline::archive(&archive, Limits::default(), |raw| {
        let name = pipeline::last_resort_title(&raw, &archive);
        let fetched_date = raw.fetched_date.clone();
        let (record, article, _) = pipeline::extract_one(raw, &name, &empty);
        from_archive.push((record, article, fetched_date));
    })
    .unwrap();
    assert_eq!(read.damage, None);
    let pages = fundus_pages(&root);
    assert_eq!(from_archive.len(), pages.len());
    let mut same = 0;
    let mut dated_by_fetch = 0;
    let mut offsets = std::collections::HashSet::new();
    for ((record, a, fetched_date), (page, url)) in from_archive.iter().zip(&pages) {
        let f = extract_one(page, Limits::default())
            .unwrap()
            .remove(0)
            .article;
        let name = page.display();
        assert!(offsets.insert(record.unwrap()), "{name}: offset twice");
        assert_eq!(a.fetched_url.as_deref(), Some(url.as_str()), "{name}");
        // The url: the page's canonical one, else the fetched one.
        assert_eq!(a.url.as_ref(), f.url.as_ref().or(Some(url)), "{name}");
        assert_eq!(a.title, f.title, "{name}");
        assert_eq!(a.authors, f.authors, "{name}");
        assert_eq!(a.agencies, f.agencies, "{name}");
        assert_eq!(a.body, f.body, "{name}");
        // The date: the page's; a page with none is dated when it was fetched.
        match &f.date {
            Some(d) => assert_eq!(a.date.as_ref(), Some(d), "{name}"),
            None => {
                let fetched = fetched_date
                    .as_deref()
                    .and_then(newsidx::text::dates::parse_date);
                assert_eq!(a.date, fetched, "{name}");
                dated_by_fetch += 1;
            }
        }
        same += 1;
    }
    eprintln!(
        "fundus-dev archive: {same} of {} pages the same as read from files ({dated_by_fetch} undated pages dated by WARC-Date)",
        pages.len()
    );
    assert_eq!(same, 127);
}

/// A page named by its offset is read again: directly at a gzip member (or a plain
/// record), by reading from the start inside a whole-file gzip; the same page either way.
#[test]
fn a_page_is_read_again_from_its_offset() {
    let Some(dir) = common::shared("warc/warcio") else {
        return;
    };
    for file in [
        "example.warc",
        "example.warc.gz",
        "example-bad-non-chunked.warc.gz",
    ] {
        let path = dir.join(file);
        let mut pages = Vec::new();
        pipeline::archive(&path, Limits::default(), |raw| pages.push(raw)).unwrap();
        assert_eq!(pages.len(), 1, "{file}");
        let offset = pages[0].record.unwrap();
        let again = pipeline::archive_record(&path, offset, Limits::default())
            .unwrap_or_else(|e| panic!("{file}@{offset}: {e}"));
        assert_eq!(again, pages[0], "{file}@{offset}");
        // The warcinfo record at 0 is no page.
        let err = pipeline::archive_record(&path, 0, Limits::default()).unwrap_err();
        assert!(err.to_string().contains("no page"), "{file}: {err}");
    }
}
