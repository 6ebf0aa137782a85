//! Web archive generator for the scale measures (docs/performance.md).
//!
//! `cargo run --release --example gen_warc -- TEXT_DIR OUT.warc.gz [HTML_DIR]` turns the
//! `.txt` articles under TEXT_DIR (as `gen_corpus` writes them: headline, byline, date
//! line, paragraphs) into web pages, and writes them as one CC-NEWS-style archive: a
//! warcinfo record, then a request, a response and a metadata record per page, each record
//! its own gzip member, `WARC-Target-URI` `https://news.example/<path>`. With HTML_DIR the
//! same pages are also written there as `.html` files, to index the same pages both ways.
//! The same input gives the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A text article as a web page: the headline as title and `<h1>`, every other paragraph
/// (byline and date line included, as scraped pages show them) as a `<p>`.
fn page(text: &str) -> String {
    let mut parts = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let title = escape(parts.next().unwrap_or(""));
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | News Example</title></head>\n<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>{title}</h1>\n"
    );
    for p in parts {
        html.push_str(&format!("<p>{}</p>\n", escape(p)));
    }
    html.push_str("</article><footer>© News Example</footer></body></html>\n");
    html
}

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8], n: usize) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn member(out: &mut impl Write, bytes: &[u8]) {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    out.write_all(&e.finish().expect("gzip"))
        .expect("write archive");
}

fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(text_dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: gen_warc TEXT_DIR OUT.warc.gz [HTML_DIR]");
        std::process::exit(2);
    };
    let text_dir = PathBuf::from(text_dir);
    let html_dir = args.get(2).map(PathBuf::from);
    let file = std::fs::File::create(out).expect("create archive");
    let mut w = std::io::BufWriter::new(file);
    member(
        &mut w,
        &record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: newsidx gen_warc\r\nformat: WARC File Format 1.0\r\n",
            0,
        ),
    );
    let files = texts(&text_dir);
    for (i, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f).expect("read article");
        let rel = f
            .strip_prefix(&text_dir)
            .unwrap_or(f)
            .with_extension("html")
            .to_string_lossy()
            .replace('\\', "/");
        let uri = format!("https://news.example/{rel}");
        let html = page(&text);
        let request =
            format!("GET /{rel} HTTP/1.1\r\nHost: news.example\r\nUser-Agent: newsbot\r\n\r\n");
        member(
            &mut w,
            &record(
                "request",
                &uri,
                "application/http; msgtype=request",
                request.as_bytes(),
                3 * i + 1,
            ),
        );
        let response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
            html.len()
        );
        member(
            &mut w,
            &record(
                "response",
                &uri,
                "application/http; msgtype=response",
                response.as_bytes(),
                3 * i + 2,
            ),
        );
        member(
            &mut w,
            &record(
                "metadata",
                &uri,
                "application/warc-fields",
                b"fetchTimeMs: 120\r\n",
                3 * i + 3,
            ),
        );
        if let Some(dir) = &html_dir {
            let path = dir.join(&rel);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folder");
            std::fs::write(&path, &html).expect("write page");
        }
    }
    w.flush().expect("write archive");
    eprintln!("{} pages", files.len());
}
