//! Stage 7 (export): the index's articles as documents for another engine.
//!
//! One machine holds millions of articles; a billion needs a cluster. newsidx does not
//! build one: it hands its extraction to OpenSearch (or Elasticsearch, same format), or
//! as plain NDJSON to any engine that reads it. [`export`] streams the stored articles
//! (one document in memory at a time) into `_bulk` files of at most `split_bytes` each,
//! and writes the index body ([`index_body`]: analyzers and mapping) and a `load.sh`.
//!
//! A document has the field names of `search --json` (`id`, `path`, `record`, `title`,
//! `authors`, `agencies`, `date`, `source`, `url`, `fetched_url`) and `lang`, `body`,
//! `quotes` (`[{"text", "speaker"}]`, in the article's order) and `speakers` (each
//! speaker once). The mapping is made from the same table ([`FIELDS`]), and a test holds
//! every query field of [`crate::index::schema::QUERY_FIELDS`] to have its document key.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use serde::Serialize;
use serde_json::{json, Value};
use tantivy::DocAddress;

use crate::error::{Error, Result};
use crate::index::{Manifest, NewsIndex};
use crate::search::stored::{DocStore, StoredArticle};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `_bulk` files (an action line before each document), the index body, `load.sh`.
    OpenSearch,
    /// One document per line, nothing else.
    Ndjson,
}

/// `newsidx export`'s settings.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: Format,
    /// Folder the files are written to (made when missing).
    pub out: PathBuf,
    /// The OpenSearch index name, and the files' prefix.
    pub name: String,
    /// Only articles written to the index at or after this time (seconds since the Unix
    /// epoch): those added or changed since.
    pub since: Option<i64>,
    /// A bulk file ends before the document that would take it past this many bytes.
    pub split_bytes: u64,
}

/// The default size of one bulk file: OpenSearch's default `http.max_content_length` is
/// 100 MB, and 5-15 MB requests are what its documentation advises; 50 MB files can be
/// posted whole, or split by line by a loader.
pub const SPLIT_BYTES: u64 = 50_000_000;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportSummary {
    pub articles: u64,
    /// Articles of the index left out by `--since`.
    pub unchanged: u64,
    /// Every file written, in order: the index body and `load.sh` first (OpenSearch).
    pub files: Vec<PathBuf>,
    /// Bytes of documents (and action lines) written.
    pub bytes: u64,
    pub seconds: f64,
}

/// How a document key is mapped, by the kind of the newsidx field it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Article text: English stems, with Russian (`.ru`) and romanised (`.translit`)
    /// subfields, as newsidx finds `Суджа` with `Sudzha`.
    Text,
    /// A name as written (facets, exact filters), with its words (`.words`) for a word
    /// of it (`author:Sauer`).
    Name,
    /// One exact value.
    Keyword,
    Date,
    /// newsidx's 64-bit id.
    Id,
    /// A record number or offset.
    Number,
    /// The quotations: nested, so a query holds a quote's text and its speaker together.
    Quotes,
}

/// Every document key, the query field of newsidx it answers (`None`: not a query field)
/// and how it is mapped.
const FIELDS: &[(&str, Option<&str>, Kind)] = &[
    ("id", None, Kind::Id),
    ("path", Some("path"), Kind::Keyword),
    ("record", None, Kind::Number),
    ("title", Some("title"), Kind::Text),
    ("authors", Some("author"), Kind::Name),
    ("agencies", Some("agency"), Kind::Name),
    ("date", Some("date"), Kind::Date),
    ("source", Some("source"), Kind::Name),
    ("url", Some("url"), Kind::Keyword),
    ("fetched_url", None, Kind::Keyword),
    ("lang", Some("lang"), Kind::Keyword),
    ("body", Some("body"), Kind::Text),
    ("quotes", Some("quote"), Kind::Quotes),
    ("speakers", Some("speaker"), Kind::Name),
];

/// The document key that answers a newsidx query field (`author` -> `authors`).
pub fn key_of_query_field(field: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(_, q, _)| *q == Some(field))
        .map(|(k, _, _)| *k)
}

/// The body of `PUT /<name>`: analysis settings and the mapping of every document key.
/// The `.translit` subfields use ICU's `Russian-Latin/BGN` transform (the `analysis-icu`
/// plugin); newsidx's own romanisation is BGN/PCGN too (tests record where they differ).
pub fn index_body() -> Value {
    let mut properties = serde_json::Map::new();
    for (key, _, kind) in FIELDS {
        properties.insert(key.to_string(), mapping(*kind));
    }
    json!({
        "settings": {
            "analysis": {
                "filter": {
                    "news_english_stemmer": {"type": "stemmer", "language": "porter2"},
                    "news_english_possessive": {"type": "stemmer", "language": "possessive_english"},
                    "news_russian_stemmer": {"type": "stemmer", "language": "russian"},
                    "news_bgn": {"type": "icu_transform", "id": "Russian-Latin/BGN"}
                },
                "analyzer": {
                    "news_english": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["news_english_possessive", "lowercase", "asciifolding", "news_english_stemmer"]
                    },
                    "news_russian": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "news_russian_stemmer"]
                    },
                    "news_translit": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "news_bgn", "asciifolding"]
                    },
                    "news_name": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding"]
                    }
                }
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": properties
        }
    })
}

fn mapping(kind: Kind) -> Value {
    let text = || {
        json!({
            "type": "text",
            "analyzer": "news_english",
            "fields": {
                "ru": {"type": "text", "analyzer": "news_russian"},
                "translit": {"type": "text", "analyzer": "news_translit"}
            }
        })
    };
    match kind {
        Kind::Text => text(),
        Kind::Name => json!({
            "type": "keyword",
            "fields": {"words": {"type": "text", "analyzer": "news_name"}}
        }),
        Kind::Keyword => json!({"type": "keyword"}),
        Kind::Date => json!({"type": "date", "format": "strict_date_time_no_millis"}),
        Kind::Id => json!({"type": "unsigned_long"}),
        Kind::Number => json!({"type": "long"}),
        Kind::Quotes => json!({
            "type": "nested",
            "properties": {
                "text": text(),
                "speaker": mapping(Kind::Name)
            }
        }),
    }
}

/// One exported article.
#[derive(Debug, Serialize)]
struct Document<'a> {
    id: u64,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<u64>,
    title: &'a str,
    authors: &'a [&'a str],
    agencies: &'a [&'a str],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    body: &'a str,
    quotes: Vec<Quote<'a>>,
    speakers: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
struct Quote<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
}

impl<'a> Document<'a> {
    fn of(a: &'a StoredArticle<'a>) -> Document<'a> {
        let quotes: Vec<Quote> = a
            .quotes()
            .map(|q| Quote {
                text: q.text,
                speaker: (!q.speaker.is_empty()).then_some(q.speaker),
            })
            .collect();
        let mut speakers: Vec<&str> = Vec::new();
        for s in quotes.iter().filter_map(|q| q.speaker) {
            if !speakers.contains(&s) {
                speakers.push(s);
            }
        }
        Document {
            id: a.id,
            path: a.path,
            record: a.record,
            title: a.title,
            authors: &a.authors,
            agencies: &a.agencies,
            date: a
                .date
                .and_then(|d| crate::index::stated_rfc3339(d.into_timestamp_secs(), a.utc_offset)),
            source: a.source,
            url: a.url,
            fetched_url: a.fetched_url,
            lang: a.lang,
            body: a.body,
            quotes,
            speakers,
        }
    }
}

/// Whether `name` may name the export: for OpenSearch an index name (lower-case letters,
/// digits, `.`, `_` and `-`, not first), for NDJSON a file prefix (capitals too); at most
/// 200 bytes. Narrower than what OpenSearch accepts: the name is written into `load.sh`
/// and file names, where `;`, `$`, quotes or spaces would do harm.
pub fn valid_name(name: &str, format: Format) -> bool {
    let ok = |c: char| {
        c.is_ascii_digit()
            || c.is_ascii_lowercase()
            || matches!(c, '.' | '_' | '-')
            || (format == Format::Ndjson && c.is_ascii_uppercase())
    };
    (1..=200).contains(&name.len())
        && name.chars().all(ok)
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Bulk files of at most [`ExportOptions::split_bytes`] each, numbered from 1.
struct Files {
    dir: PathBuf,
    name: String,
    split: u64,
    current: Option<(PathBuf, BufWriter<std::fs::File>, u64)>,
    written: Vec<PathBuf>,
    bytes: u64,
}

impl Files {
    /// Writes one entry (its lines, newline-ended), in a new file when it would not fit.
    fn write(&mut self, entry: &[u8]) -> Result<()> {
        let len = entry.len() as u64;
        if self
            .current
            .as_ref()
            .is_some_and(|(_, _, n)| *n > 0 && n + len > self.split)
        {
            self.finish()?;
        }
        if self.current.is_none() {
            let path = self.dir.join(format!(
                "{}-{:05}.ndjson",
                self.name,
                self.written.len() + 1
            ));
            let f = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
            self.written.push(path.clone());
            self.current = Some((path, BufWriter::with_capacity(1 << 20, f), 0));
        }
        let (path, w, n) = self.current.as_mut().expect("a file is open");
        w.write_all(entry).map_err(|e| Error::io(&*path, e))?;
        *n += len;
        self.bytes += len;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if let Some((path, w, _)) = self.current.take() {
            w.into_inner()
                .map_err(|e| Error::io(&path, e.into_error()))?
                .sync_all()
                .map_err(|e| Error::io(&path, e))?;
        }
        Ok(())
    }
}

/// Writes the index's articles to `opts.out` as `opts.format` says. Files of an earlier
/// export with the same name are replaced; bulk files numbered past this export's are
/// removed, so the folder holds one export.
pub fn export(index: &NewsIndex, opts: &ExportOptions) -> Result<ExportSummary> {
    let started = std::time::Instant::now();
    let out = &opts.out;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let fields = *index.fields();
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let store = DocStore::open(&searcher).map_err(|e| Error::io(index.dir(), e))?;
    // `--since`: when each file's articles were last written (its mtime for a manifest
    // older than that record).
    let manifest = opts.since.map(|_| {
        let opstamp = index
            .tantivy()
            .load_metas()
            .map(|m| m.opstamp)
            .unwrap_or_default();
        Manifest::load(index.dir(), opstamp)
    });
    let since_ns = opts
        .since
        .map(|s| u64::try_from(s).unwrap_or(0).saturating_mul(1_000_000_000));
    let changed = |path: &str| -> bool {
        match (&manifest, since_ns) {
            (Some(m), Some(since)) => m.files.get(path).is_none_or(|e| {
                let at = if e.indexed_ns > 0 {
                    e.indexed_ns
                } else {
                    e.mtime_ns
                };
                at >= since
            }),
            _ => true,
        }
    };
    let mut files = Files {
        dir: out.clone(),
        name: opts.name.clone(),
        split: opts.split_bytes.max(1),
        current: None,
        written: Vec::new(),
        bytes: 0,
    };
    let mut summary = ExportSummary {
        articles: 0,
        unchanged: 0,
        files: Vec::new(),
        bytes: 0,
        seconds: 0.0,
    };
    let mut entry: Vec<u8> = Vec::with_capacity(64 * 1024);
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                continue;
            }
            let addr = DocAddress::new(ord as u32, doc);
            let bytes = store
                .get(addr)
                .map_err(|e| Error::tantivy(index.dir(), e))?;
            let article = StoredArticle::parse(&bytes, &fields).map_err(|e| Error::BadIndex {
                path: index.dir().to_path_buf(),
                message: format!("document {doc} of segment {ord}: {}", e.0),
            })?;
            if !changed(article.path) {
                summary.unchanged += 1;
                continue;
            }
            entry.clear();
            if opts.format == Format::OpenSearch {
                let action = json!({"index": {"_index": opts.name, "_id": article.id.to_string()}});
                serde_json::to_writer(&mut entry, &action).expect("JSON to memory");
                entry.push(b'\n');
            }
            serde_json::to_writer(&mut entry, &Document::of(&article)).expect("JSON to memory");
            entry.push(b'\n');
            files.write(&entry)?;
            summary.articles += 1;
        }
    }
    files.finish()?;
    // A stale bulk file of an earlier, larger export would load old documents again.
    let mut n = files.written.len() + 1;
    loop {
        let stale = out.join(format!("{}-{n:05}.ndjson", opts.name));
        if !stale.exists() {
            break;
        }
        std::fs::remove_file(&stale).map_err(|e| Error::io(&stale, e))?;
        n += 1;
    }
    if opts.format == Format::Ndjson {
        // An earlier OpenSearch export of the same name would post these files.
        let body = out.join(format!("{}.index.json", opts.name));
        let script = out.join("load.sh");
        let ours = std::fs::read_to_string(&script)
            .is_ok_and(|s| s.lines().nth(1).is_some_and(|l| l.starts_with(SCRIPT_MARK)));
        for stale in [Some(body), ours.then_some(script)].into_iter().flatten() {
            if stale.exists() {
                std::fs::remove_file(&stale).map_err(|e| Error::io(&stale, e))?;
            }
        }
    }
    if opts.format == Format::OpenSearch {
        let body = out.join(format!("{}.index.json", opts.name));
        let text = serde_json::to_string_pretty(&index_body()).expect("JSON to memory");
        std::fs::write(&body, text + "\n").map_err(|e| Error::io(&body, e))?;
        let script = out.join("load.sh");
        std::fs::write(&script, load_script(&opts.name, &files.written))
            .map_err(|e| Error::io(&script, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| Error::io(&script, e))?;
        }
        summary.files.push(body);
        summary.files.push(script);
    }
    summary.bytes = files.bytes;
    summary.files.extend(files.written);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The second line of every `load.sh` newsidx writes (how a later export knows it).
const SCRIPT_MARK: &str = "# Loads a newsidx export";

/// The shell script that creates the index (unless it exists: documents are then
/// replaced by id) and posts each bulk file, stopping at the first file with a rejected
/// document and showing the rejections. `name` is one [`valid_name`] allows.
fn load_script(name: &str, bulk: &[PathBuf]) -> String {
    let mut s = format!(
        r#"#!/bin/sh
{SCRIPT_MARK} into OpenSearch (2.8 or later) or Elasticsearch (7.10 or later)
# at $OPENSEARCH_URL (default http://localhost:9200). The index needs the analysis-icu
# plugin (bin/opensearch-plugin install analysis-icu) for its romanised subfields.
# $CURL_OPTS is passed to curl (e.g. CURL_OPTS='-k -u admin:secret' for a secured cluster).
# Written by `newsidx export`; run it from anywhere.
set -eu
URL="${{OPENSEARCH_URL:-http://localhost:9200}}"
DIR="$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)"
INDEX='{name}'
# shellcheck disable=SC2086
req() {{ curl -sS ${{CURL_OPTS:-}} "$@"; }}
if [ "$(req -o /dev/null -w '%{{http_code}}' -I "$URL/$INDEX")" = 200 ]; then
  echo "index $INDEX exists: its documents are replaced by id"
else
  out=$(req -w '\n%{{http_code}}' -X PUT "$URL/$INDEX" -H 'Content-Type: application/json' \
    --data-binary "@$DIR/$INDEX.index.json")
  case "$out" in
    *'
200') echo "created index $INDEX" ;;
    *) printf 'creating index %s failed:\n%s\n' "$INDEX" "$out" >&2
       printf '(an unknown filter type icu_transform means the analysis-icu plugin is missing)\n' >&2
       exit 1 ;;
  esac
fi
post() {{
  out=$(req -w '\n%{{http_code}}' -X POST "$URL/_bulk" -H 'Content-Type: application/x-ndjson' \
    --data-binary "@$DIR/$1")
  case "$out" in
    *'"errors":false'*'
200') echo "loaded $1" ;;
    *'"errors":true'*)
      printf '%s: some documents were rejected (the others of the file are loaded):\n' "$1" >&2
      printf '%s\n' "$out" | grep -o '"_id":"[0-9]*","status":[0-9]*,"error":{{[^}}]*}}' | sed 10q >&2
      exit 1 ;;
    *) printf '%s: the bulk request failed:\n%s\n' "$1" "$out" >&2; exit 1 ;;
  esac
}}
"#
    );
    for f in bulk {
        let file = f
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        s.push_str(&format!("post '{file}'\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_field_has_a_mapped_document_key() {
        let body = index_body();
        let properties = body["mappings"]["properties"].as_object().unwrap();
        for field in crate::index::schema::QUERY_FIELDS {
            let key = key_of_query_field(field).unwrap_or_else(|| panic!("{field}"));
            assert!(properties.contains_key(key), "{field} -> {key}");
        }
        assert_eq!(properties.len(), FIELDS.len());
    }

    #[test]
    fn names_table() {
        for good in ["news", "news-2026", "a.b_c", "0news"] {
            assert!(valid_name(good, Format::OpenSearch), "{good}");
        }
        for bad in [
            "", "News", "_news", "-n", ".", "..", "a b", "a/b", "a:b", "a*", "x;id", "a&b",
            "a$(id)", "it's", "a`b`",
        ] {
            assert!(!valid_name(bad, Format::OpenSearch), "{bad}");
        }
        assert!(valid_name("MyFeed", Format::Ndjson));
        assert!(!valid_name("My Feed", Format::Ndjson));
        assert!(!valid_name(&"n".repeat(201), Format::Ndjson));
    }

    #[test]
    fn a_bulk_entry_is_never_split_across_files() {
        let tmp = tempfile::tempdir().unwrap();
        let mut files = Files {
            dir: tmp.path().to_path_buf(),
            name: "n".into(),
            split: 10,
            current: None,
            written: Vec::new(),
            bytes: 0,
        };
        for entry in ["aaaa\nbb\n", "cccccccccccc\n", "d\n", "e\n"] {
            files.write(entry.as_bytes()).unwrap();
        }
        files.finish().unwrap();
        let contents: Vec<String> = files
            .written
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        // An entry larger than the limit has a file of its own.
        assert_eq!(contents, ["aaaa\nbb\n", "cccccccccccc\n", "d\ne\n"]);
        assert_eq!(files.bytes, 25);
    }
}
