//! Part of stage 2 (formats), under the WARC reader: which records hold pages, and a
//! page record made a [`RawArticle`] by the readers a file goes through (charset
//! decoding with the HTTP charset first, then the HTML or text reader).
//!
//! A `response` record with an HTML payload and a 2xx status, and a `resource` or
//! `conversion` record holding HTML or plain text, is a page. Every other record
//! (request, metadata, revisit, warcinfo, a redirect, an image) is counted by why it was
//! passed over: nothing is dropped without a count.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::http::{self, Unreadable};
use super::{Block, Head, Record};
use crate::corpus::{Format, Kind};
use crate::error::Error;
use crate::formats::{self, Limits, RawArticle};

/// What the records of an archive were.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    /// Whole records read.
    pub read: u64,
    /// Records that gave an article.
    pub articles: u64,
    /// Records that gave none, by why: their type (`request`, `metadata`, `revisit`,
    /// `warcinfo`, ...), `not a page` (a payload that is not HTML or text), `http 3xx`
    /// (and 4xx, 5xx), or `problem` (listed with its offset among the problems).
    pub skipped: BTreeMap<String, u64>,
}

impl Records {
    /// Counts one record passed over for `why`.
    pub fn skip(&mut self, why: &str) {
        *self.skipped.entry(why.to_string()).or_default() += 1;
    }

    /// Adds another archive's counts.
    pub fn add(&mut self, other: &Records) {
        self.read += other.read;
        self.articles += other.articles;
        for (k, n) in &other.skipped {
            *self.skipped.entry(k.clone()).or_default() += n;
        }
    }

    /// Takes another archive's counts away (it is read again).
    pub fn sub(&mut self, other: &Records) {
        self.read = self.read.saturating_sub(other.read);
        self.articles = self.articles.saturating_sub(other.articles);
        for (k, n) in &other.skipped {
            if let Some(v) = self.skipped.get_mut(k) {
                *v = v.saturating_sub(*n);
                if *v == 0 {
                    self.skipped.remove(k);
                }
            }
        }
    }

    /// True when no record was counted.
    pub fn is_empty(&self) -> bool {
        self.read == 0
    }
}

/// What one record gave.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordOutcome {
    /// A page: its raw article (`record` is the record's offset), and what went wrong
    /// reading it when part of it could be read (a compressed body cut short).
    Article(Box<RawArticle>, Option<String>),
    /// Not a page, for the reason counted.
    Skipped(String),
    /// A page that could not be read: the message names the record's offset.
    Problem(String),
}

/// Whether the reader should read a record's block: only records that may hold a page.
pub fn may_be_page(head: &Head) -> bool {
    matches!(head.kind().as_str(), "response" | "resource" | "conversion")
}

/// What a record is: a page made a raw article, or why not. `path` names the archive in
/// messages.
pub fn record_article(path: &Path, record: Record, limits: Limits) -> RecordOutcome {
    let head = &record.head;
    let kind = head.kind();
    let uri = head
        .get("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty());
    let at = match &uri {
        Some(u) => format!("record at offset {} ({u})", head.offset),
        None => format!("record at offset {}", head.offset),
    };
    let block = match record.block {
        Block::Read(b) => b,
        Block::Passed => return RecordOutcome::Skipped(kind),
        Block::TooLarge => {
            return RecordOutcome::Problem(format!(
                "{at}: {:.1} MiB is larger than the {} MiB file limit (--max-file-mb)",
                head.length as f64 / (1 << 20) as f64,
                limits.max_file_bytes >> 20
            ))
        }
    };
    let http_block = head
        .get("Content-Type")
        .is_none_or(|t| http::media_type(t) == "application/http");
    if kind == "response" && !http_block {
        // A DNS lookup (`text/dns`) or another protocol's response: no page.
        return RecordOutcome::Skipped("not a page".to_string());
    }
    let (bytes, content_type, problem) = if kind == "response" {
        match http::response(&block, limits.max_file_bytes) {
            Ok(r) if !(200..300).contains(&r.status) => {
                return RecordOutcome::Skipped(format!("http {}xx", r.status / 100))
            }
            Ok(r) => {
                let ct = r
                    .header("Content-Type")
                    .or_else(|| head.get("WARC-Identified-Payload-Type"))
                    .map(str::to_string);
                (r.body, ct, r.problem)
            }
            Err(Unreadable::TooLarge) => {
                return RecordOutcome::Problem(format!(
                    "{at}: its page is larger than the {} MiB file limit (--max-file-mb)",
                    limits.max_file_bytes >> 20
                ))
            }
            Err(Unreadable::Head(m) | Unreadable::Body(m)) => {
                return RecordOutcome::Problem(format!("{at}: {m}"))
            }
        }
    } else {
        (block, head.get("Content-Type").map(str::to_string), None)
    };
    let format = match content_type.as_deref().map(http::media_type).as_deref() {
        Some("text/html" | "application/xhtml+xml") => Format::Html,
        // Plain text is a page when archived as such (a resource, a conversion); a
        // server's text/plain response is robots.txt and the like.
        Some("text/plain") if kind != "response" => Format::Text,
        // No type stated: a page if it looks like one.
        None | Some("") if looks_like_html(&bytes) => Format::Html,
        _ => return RecordOutcome::Skipped("not a page".to_string()),
    };
    let transport = content_type.as_deref().and_then(http::charset);
    let kind = Kind {
        format,
        gzip: false,
    };
    let parsed = match formats::parse_with(path, &bytes, kind, transport) {
        Ok(p) => p,
        Err(Error::Format { message, .. }) => {
            let message = match message.as_str() {
                "empty file" => "an empty page",
                m => m,
            };
            return RecordOutcome::Problem(format!("{at}: {message}"));
        }
        Err(e) => return RecordOutcome::Problem(format!("{at}: {e}")),
    };
    let Some(mut raw) = parsed.articles.into_iter().next() else {
        return RecordOutcome::Problem(format!("{at}: no article in the page"));
    };
    raw.record = Some(head.offset);
    raw.fetched_date = head.get("WARC-Date").map(str::to_string);
    if raw.url.is_none() {
        raw.url.clone_from(&uri);
    }
    raw.fetched_url = uri;
    // A page read from what could be decoded is said to be so.
    let problem = problem.map(|p| format!("{at}: {p}"));
    RecordOutcome::Article(Box::new(raw), problem)
}

/// True when bytes with no stated type start like an HTML page.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let t = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    t.starts_with("<!doctype html") || t.starts_with("<html") || t.contains("<head")
}
