//! The WARC reader on archives built here: record heads of every version, offsets in
//! plain, per-record gzip and whole-file gzip archives, truncation at every kind of place,
//! stray bytes, size limits, HTTP bodies (chunked, gzip, deflate, brotli, charsets) and
//! what each record type becomes.

use std::io::Write;
use std::path::Path;

use super::http::{self, Unreadable};
use super::page::{record_article, RecordOutcome};
use super::*;
use crate::formats::Limits;

/// HTTP or WARC header fields.
type Fields<'a> = &'a [(&'a str, &'a str)];

/// One WARC record: head fields (Content-Length added), the block, the blank lines after.
fn record(version: &str, fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut r = format!("{version}\r\n");
    for (k, v) in fields {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut r = r.into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn typed(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    record(
        "WARC/1.0",
        &[
            ("WARC-Type", kind),
            ("WARC-Target-URI", uri),
            ("WARC-Date", "2024-05-03T12:00:00Z"),
            ("Content-Type", content_type),
        ],
        block,
    )
}

fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    let mut r = r.into_bytes();
    r.extend_from_slice(body);
    r
}

const PAGE: &[u8] = b"<html><head><title>Harbour reopens</title></head><body><article><p>The harbour reopened on Monday after three weeks of repairs to the old sea wall, the port authority said.</p></article></body></html>";

fn response(uri: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    typed(
        "response",
        uri,
        "application/http; msgtype=response",
        &http_response("200 OK", headers, body),
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Three records: warcinfo, request, response.
fn three() -> Vec<Vec<u8>> {
    vec![
        record(
            "WARC/1.0",
            &[
                ("WARC-Type", "warcinfo"),
                ("Content-Type", "application/warc-fields"),
            ],
            b"software: test\r\n",
        ),
        typed(
            "request",
            "http://example.com/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ),
        response(
            "http://example.com/a",
            &[("Content-Type", "text/html; charset=utf-8")],
            PAGE,
        ),
    ]
}

/// Every item of an archive (blocks of pages read), and its damage.
fn read_all(bytes: &[u8], max_block: u64) -> (Vec<Item>, Option<Damage>) {
    let mut a = Archive::new(bytes, max_block).unwrap();
    let mut items = Vec::new();
    while let Some(item) = a.next_record(page::may_be_page) {
        match item {
            Ok(i) => items.push(i),
            Err(d) => return (items, Some(d)),
        }
    }
    (items, None)
}

fn offsets(items: &[Item]) -> Vec<u64> {
    items
        .iter()
        .map(|i| match i {
            Item::Record(r) => r.head.offset,
            Item::Stray { offset, .. } => *offset,
        })
        .collect()
}

#[test]
fn heads_of_every_version_are_read() {
    let cases: [(&str, Fields, &str, Option<&str>); 4] = [
        ("WARC/1.0", &[("WARC-Type", "response")], "response", None),
        ("WARC/1.1", &[("warc-type", "Resource")], "resource", None),
        (
            "WARC/0.17",
            &[("WARC-Type", "metadata"), ("WARC-Target-URI", "dns:x.org")],
            "metadata",
            Some("dns:x.org"),
        ),
        ("WARC/0.18", &[], "unknown", None),
    ];
    for (version, fields, kind, uri) in cases {
        let bytes = record(version, fields, b"x");
        let (items, damage) = read_all(&bytes, 1 << 20);
        assert_eq!(damage, None, "{version}");
        let Item::Record(r) = &items[0] else {
            panic!("{version}: {items:?}")
        };
        assert_eq!(r.head.version, version);
        assert_eq!(r.head.kind(), kind);
        assert_eq!(r.head.get("WARC-Target-URI"), uri);
        assert_eq!(r.head.length, 1);
    }
    // A field continued on the next line is one value.
    let bytes = b"WARC/1.0\r\nWARC-Type: resource\r\nX-Note: one\r\n  two\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    let (items, _) = read_all(bytes, 1 << 20);
    let Item::Record(r) = &items[0] else { panic!() };
    assert_eq!(r.head.get("x-note"), Some("one two"));
}

#[test]
fn offsets_in_plain_member_and_whole_file_gzip_archives() {
    let recs = three();
    let plain: Vec<u8> = recs.concat();
    let starts: Vec<u64> = recs
        .iter()
        .scan(0u64, |at, r| {
            let s = *at;
            *at += r.len() as u64;
            Some(s)
        })
        .collect();
    let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
    let member_starts: Vec<u64> = members
        .iter()
        .scan(0u64, |at, m| {
            let s = *at;
            *at += m.len() as u64;
            Some(s)
        })
        .collect();
    let cases = [
        ("plain: byte offsets", plain.clone(), starts.clone()),
        (
            "one member per record: member offsets",
            members.concat(),
            member_starts,
        ),
        (
            "whole-file gzip: offsets in the uncompressed data",
            gz(&plain),
            starts,
        ),
    ];
    for (what, bytes, want) in cases {
        let (items, damage) = read_all(&bytes, 1 << 20);
        assert_eq!(damage, None, "{what}");
        assert_eq!(offsets(&items), want, "{what}");
        // Only the page's block is read; the others are passed over.
        let blocks: Vec<bool> = items
            .iter()
            .map(|i| {
                matches!(
                    i,
                    Item::Record(Record {
                        block: Block::Read(_),
                        ..
                    })
                )
            })
            .collect();
        assert_eq!(blocks, [false, false, true], "{what}");
    }
}

#[test]
fn a_truncated_archive_gives_the_whole_records_before_the_cut() {
    let recs = three();
    let plain = recs.concat();
    let third = (recs[0].len() + recs[1].len()) as u64;
    // Cut inside the third record's head, inside its block, and just after its head.
    for cut in [third as usize + 5, plain.len() - 40, third as usize + 120] {
        let (items, damage) = read_all(&plain[..cut], 1 << 20);
        assert_eq!(items.len(), 2, "cut at {cut}");
        let d = damage.expect("damage reported");
        assert_eq!(d.offset, third, "cut at {cut}");
        assert!(d.message.contains("truncated"), "{d}");
    }
    // A gzip member cut short: the members before it are read.
    let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
    let whole = members.concat();
    let last = (members[0].len() + members[1].len()) as u64;
    let (items, damage) = read_all(&whole[..whole.len() - 30], 1 << 20);
    assert_eq!(items.len(), 2);
    let d = damage.expect("damage reported");
    assert_eq!(d.offset, last);
    assert!(d.message.contains("gzip"), "{d}");
    // Bytes that are not gzip after good members.
    let mut bad = members[0].clone();
    bad.extend_from_slice(b"\x1f\x8bnot gzip at all, really not");
    let (items, damage) = read_all(&bad, 1 << 20);
    assert_eq!(items.len(), 1);
    assert_eq!(damage.map(|d| d.offset), Some(members[0].len() as u64));
}

#[test]
fn a_wrong_content_length_is_passed_over_to_the_next_record() {
    let recs = three();
    // The request's Content-Length says 10 bytes fewer than it holds.
    let mut second = recs[1].clone();
    let s = String::from_utf8(second.clone()).unwrap();
    let n = s.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let len: usize = s[n..].split('\r').next().unwrap().parse().unwrap();
    let shorter = (len - 10).to_string();
    second.splice(n..n + len.to_string().len(), shorter.bytes());
    let bytes = [recs[0].clone(), second, recs[2].clone()].concat();
    let (items, damage) = read_all(&bytes, 1 << 20);
    assert_eq!(damage, None);
    assert!(
        matches!(items[2], Item::Stray { bytes, .. } if bytes > 0),
        "{:?}",
        items[2]
    );
    assert!(matches!(&items[3], Item::Record(r) if r.head.kind() == "response"));
}

#[test]
fn records_over_the_limit_are_passed_over_not_read() {
    let recs = three();
    let (items, damage) = read_all(&recs.concat(), 100);
    assert_eq!(damage, None);
    assert!(matches!(&items[2], Item::Record(r) if r.block == Block::TooLarge));
    let outcome = record_article(
        Path::new("a.warc"),
        match &items[2] {
            Item::Record(r) => r.clone(),
            _ => unreachable!(),
        },
        Limits::default(),
    );
    assert!(
        matches!(&outcome, RecordOutcome::Problem(m) if m.starts_with("record at offset ") && m.contains("file limit")),
        "{outcome:?}"
    );
}

#[test]
fn an_arc_file_or_no_warc_at_all_is_damage_named_so() {
    let (items, damage) = read_all(
        b"filedesc://example.arc 0.0.0.0 20080101 text/plain 76\n1 0 IA\n",
        1 << 20,
    );
    assert!(items.is_empty());
    assert!(damage.unwrap().message.contains("ARC file"));
    let (items, damage) = read_all(b"just some text\nand more\n", 1 << 20);
    assert!(items.is_empty());
    assert!(damage.unwrap().message.contains("no WARC record"));
    // Empty input: no records, no damage.
    assert_eq!(read_all(b"", 1 << 20), (Vec::new(), None));
}

#[test]
fn chunked_bodies_are_made_whole() {
    let cases: [(&[u8], Option<&[u8]>); 5] = [
        (
            b"5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n",
            Some(b"Hello world"),
        ),
        (b"5;ext=1\r\nHello\r\n0\r\n\r\n", Some(b"Hello")),
        // Cut short after a whole chunk: the chunks read.
        (b"5\r\nHello\r\n6\r\n wor", Some(b"Hello wor")),
        // Stored de-chunked under a chunked header: not chunked.
        (b"<html>Hello</html>", None),
        (b"", None),
    ];
    for (body, want) in cases {
        assert_eq!(
            http::dechunk(body).as_deref(),
            want,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn content_encodings_are_decoded() {
    let text = b"<html><head><title>Brotli page</title></head><body><p>Decoded from brotli.</p></body></html>";
    let brotli: &[u8] = b"\x1b\x5b\x00\x68\xac\x8e\xb7\x09\x78\x2d\xa8\x94\xb0\xba\xca\x86\xdb\xd7\x3c\x42\x44\x6f\x5b\xac\x0c\x4d\x4e\xbd\xc0\x35\x88\x0b\x19\x9d\xf2\xa1\x6b\x9f\x34\xb6\x36\xe0\x90\x03\x97\xa8\xcc\xbe\xe5\x19\x07\x3b\x60\xeb\xca\xf2\x4c\x5b\xe9\x51\x85\x34\xf6\x4f\xf8\xbc\x03\x6b\x05\x9a\xdc\x8d\x46\x00\x47\x4a\x04";
    let zlib = {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(text).unwrap();
        e.finish().unwrap()
    };
    let raw_deflate = {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(text).unwrap();
        e.finish().unwrap()
    };
    let chunked_gzip = {
        let g = gz(text);
        let mut c = format!("{:x}\r\n", g.len()).into_bytes();
        c.extend_from_slice(&g);
        c.extend_from_slice(b"\r\n0\r\n\r\n");
        c
    };
    let cases: [(&str, Fields, Vec<u8>); 6] = [
        ("gzip", &[("Content-Encoding", "gzip")], gz(text)),
        ("deflate (zlib)", &[("Content-Encoding", "deflate")], zlib),
        (
            "deflate (raw)",
            &[("Content-Encoding", "deflate")],
            raw_deflate,
        ),
        ("brotli", &[("Content-Encoding", "br")], brotli.to_vec()),
        (
            "chunked, then gzip",
            &[
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
            ],
            chunked_gzip,
        ),
        // Stored decoded under a gzip header (ClueWeb's archives): read as it is.
        (
            "gzip header, plain body",
            &[("Content-Encoding", "gzip")],
            text.to_vec(),
        ),
    ];
    for (what, headers, body) in cases {
        let block = http_response("200 OK", headers, &body);
        let r = http::response(&block, 1 << 20).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_eq!(r.body, text, "{what}");
        assert_eq!(r.problem, None, "{what}");
    }
    // A gzip body cut short: the part decoded, and the problem said.
    let long = PAGE.repeat(200);
    let g = gz(&long);
    let block = http_response("200 OK", &[("Content-Encoding", "gzip")], &g[..g.len() / 2]);
    let r = http::response(&block, 1 << 20).unwrap();
    assert!(!r.body.is_empty() && r.body.len() < long.len());
    assert!(r.problem.is_some());
    // Decoding stops at the limit.
    let block = http_response("200 OK", &[("Content-Encoding", "gzip")], &g);
    assert_eq!(http::response(&block, 1000), Err(Unreadable::TooLarge));
    // An encoding newsidx does not know, and no HTTP at all.
    let block = http_response("200 OK", &[("Content-Encoding", "zstd")], b"x");
    assert!(matches!(
        http::response(&block, 1000),
        Err(Unreadable::Body(_))
    ));
    assert!(matches!(
        http::response(b"not http", 1000),
        Err(Unreadable::Head(_))
    ));
    // HTTP/2 and HTTP/3 status lines, as browser-based crawlers store them.
    for version in ["HTTP/2", "HTTP/2.0", "HTTP/3"] {
        let mut block = format!("{version} 200\r\nContent-Type: text/html\r\n\r\n").into_bytes();
        block.extend_from_slice(PAGE);
        let r = http::response(&block, 1 << 20).unwrap_or_else(|e| panic!("{version}: {e:?}"));
        assert_eq!((r.status, &r.body[..]), (200, PAGE), "{version}");
    }
}

#[test]
fn the_http_charset_is_honoured_before_detection() {
    // Cyrillic in windows-1251: a short text, read as the transport says (the same bytes
    // said to be KOI8-R read otherwise).
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Москва</p>");
    let cases = [
        ("text/html; charset=windows-1251", "Москва"),
        ("text/html; charset=\"KOI8-R\"", "лНЯЙБЮ"),
    ];
    for (ct, want) in cases {
        let rec = response("http://example.ru/", &[("Content-Type", ct)], &cp1251);
        let (items, _) = read_all(&rec, 1 << 20);
        let Item::Record(r) = items[0].clone() else {
            panic!()
        };
        match record_article(Path::new("a.warc"), r, Limits::default()) {
            RecordOutcome::Article(raw, None) => {
                assert!(raw.body.contains(want), "{ct}: {}", raw.body)
            }
            other => panic!("{ct}: {other:?}"),
        }
    }
    assert_eq!(http::charset("text/html"), None);
    assert_eq!(http::media_type(" Text/HTML ; charset=x"), "text/html");
}

#[test]
fn each_record_type_becomes_an_article_or_a_count() {
    let page = |status: &str, ct: &str| {
        typed(
            "response",
            "http://example.com/news/harbour",
            "application/http; msgtype=response",
            &http_response(status, &[("Content-Type", ct)], PAGE),
        )
    };
    let cases: [(&str, Vec<u8>, Result<&str, &str>); 12] = [
        (
            "response html",
            page("200 OK", "text/html"),
            Ok("Harbour reopens"),
        ),
        (
            "response xhtml",
            page("200 OK", "application/xhtml+xml"),
            Ok("Harbour reopens"),
        ),
        (
            "response redirect",
            page("301 Moved Permanently", "text/html"),
            Err("http 3xx"),
        ),
        (
            "response not found",
            page("404 Not Found", "text/html"),
            Err("http 4xx"),
        ),
        (
            "response image",
            page("200 OK", "image/png"),
            Err("not a page"),
        ),
        (
            "response of a dns lookup",
            typed(
                "response",
                "dns:example.com",
                "text/dns",
                b"20240503 example.com 93.184.216.34",
            ),
            Err("not a page"),
        ),
        (
            "resource text",
            typed(
                "resource",
                "file:///notes.txt",
                "text/plain",
                b"Harbour notes\n\nThe harbour reopened on Monday after repairs.\n",
            ),
            Ok("Harbour notes"),
        ),
        (
            "conversion html",
            typed("conversion", "http://example.com/c", "text/html", PAGE),
            Ok("Harbour reopens"),
        ),
        (
            "resource image",
            typed("resource", "file:///a.png", "image/png", b"\x89PNG"),
            Err("not a page"),
        ),
        (
            "request",
            typed(
                "request",
                "http://example.com/",
                "application/http; msgtype=request",
                b"GET / HTTP/1.1\r\n\r\n",
            ),
            Err("request"),
        ),
        (
            "revisit",
            typed(
                "revisit",
                "http://example.com/",
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\n\r\n",
            ),
            Err("revisit"),
        ),
        (
            "metadata",
            typed(
                "metadata",
                "http://example.com/",
                "application/warc-fields",
                b"via: x\r\n",
            ),
            Err("metadata"),
        ),
    ];
    for (what, bytes, want) in cases {
        let (items, damage) = read_all(&bytes, 1 << 20);
        assert_eq!(damage, None, "{what}");
        let Item::Record(r) = items[0].clone() else {
            panic!("{what}")
        };
        let got = record_article(Path::new("a.warc"), r, Limits::default());
        match (want, got) {
            (Ok(title), RecordOutcome::Article(raw, None)) => {
                let t = raw
                    .title
                    .clone()
                    .unwrap_or_else(|| raw.body.lines().next().unwrap_or("").to_string());
                assert_eq!(t, title, "{what}");
                assert_eq!(raw.record, Some(0), "{what}");
                assert!(raw.fetched_url.is_some(), "{what}");
                // No canonical URL stated: the fetched one is the url.
                assert_eq!(raw.url, raw.fetched_url, "{what}");
                assert_eq!(
                    raw.fetched_date.as_deref(),
                    Some("2024-05-03T12:00:00Z"),
                    "{what}"
                );
            }
            (Err(why), RecordOutcome::Skipped(got)) => assert_eq!(got, why, "{what}"),
            (want, got) => panic!("{what}: want {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn a_canonical_url_stays_the_url_and_the_fetched_one_is_kept() {
    let page = b"<html><head><title>T</title><link rel=\"canonical\" href=\"https://example.com/news/1\"></head><body><p>The harbour reopened on Monday after three weeks of repairs.</p></body></html>";
    let rec = response(
        "https://example.com/news/1?utm=rss",
        &[("Content-Type", "text/html")],
        page,
    );
    let (items, _) = read_all(&rec, 1 << 20);
    let Item::Record(r) = items[0].clone() else {
        panic!()
    };
    let RecordOutcome::Article(raw, _) = record_article(Path::new("a.warc"), r, Limits::default())
    else {
        panic!()
    };
    assert_eq!(raw.url.as_deref(), Some("https://example.com/news/1"));
    assert_eq!(
        raw.fetched_url.as_deref(),
        Some("https://example.com/news/1?utm=rss")
    );
    assert_eq!(raw.site(), Some("example.com"));
}

/// Cut anywhere, a plain archive gives exactly its records whose blocks are whole, and
/// damage (when any) names the first record that is not; a per-record gzip archive gives
/// its whole members' records (and one whose member lost only its trailer). Bytes flipped
/// anywhere never panic.
#[test]
fn cut_or_flipped_anywhere_the_whole_records_come_back_and_nothing_panics() {
    let recs = three();
    let plain = recs.concat();
    // (start, end of block) of each record: its last 4 bytes are the blank lines after it.
    let mut spans = Vec::new();
    let mut at = 0;
    for r in &recs {
        spans.push((at, at + r.len() - 4));
        at += r.len();
    }
    for cut in 0..=plain.len() {
        let (items, damage) = read_all(&plain[..cut], 1 << 20);
        let whole = spans.iter().filter(|&&(_, end)| end <= cut).count();
        assert_eq!(items.len(), whole, "cut at {cut}");
        if let Some(d) = damage {
            assert_eq!(d.offset as usize, spans[whole].0, "cut at {cut}: {d}");
        }
    }
    let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
    let gzipped = members.concat();
    let ends: Vec<usize> = members
        .iter()
        .scan(0, |at, m| {
            *at += m.len();
            Some(*at)
        })
        .collect();
    for cut in 0..=gzipped.len() {
        let (items, damage) = read_all(&gzipped[..cut], 1 << 20);
        let whole = ends.iter().filter(|&&end| end <= cut).count();
        // Damage is at the member cut short.
        if let Some(d) = damage {
            let start = if whole == 0 { 0 } else { ends[whole - 1] };
            assert_eq!(d.offset as usize, start, "gzip cut at {cut}: {d}");
        }
        // A member cut in its last bytes (the CRC and length after the data) still gave
        // every byte of its record.
        let trailer_cut = whole < ends.len() && ends[whole] - cut <= 16;
        assert!(
            items.len() == whole || (trailer_cut && items.len() == whole + 1),
            "gzip cut at {cut}: {} records",
            items.len()
        );
    }
    // A fixed-seed walk of byte flips over both forms: any outcome but a panic.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for bytes in [&plain, &gzipped] {
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut b = bytes.clone();
            let at = (seed % b.len() as u64) as usize;
            b[at] ^= (seed >> 32) as u8 | 1;
            let mut a = Archive::new(&b[..], 1 << 20).unwrap();
            while let Some(Ok(item)) = a.next_record(page::may_be_page) {
                if let Item::Record(r) = item {
                    let _ = record_article(Path::new("a.warc"), r, Limits::default());
                }
            }
        }
    }
}
