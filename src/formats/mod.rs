//! Stage 2: read one corpus file into raw articles, one reader per format.
//!
//! Bytes are gunzipped when the name ends in `.gz`, decoded to text (BOM, HTML meta charset,
//! then statistical detection; never dropped), and handed to the format's reader. A reader
//! returns [`RawArticle`]s: metadata the format states explicitly plus the body text, still
//! carrying page residue for [`crate::clean`] to remove.

pub mod depth;
mod html;
mod json;
pub mod warc;

use std::io::Read;
use std::path::Path;

use crate::corpus::{Format, Kind};
use crate::error::{Error, Result};

pub use html::read_html;
pub use json::{read_json, read_jsonl};

/// What the body text is written in; decides how the cleaner reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Scraped or plain text: the first line may be the headline.
    Plain,
    /// Markdown: `#` headings, links and images.
    Markdown,
    /// Paragraphs already taken from HTML elements.
    Html,
}

/// An article as a reader found it, before cleaning and extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// Position inside a multi-article file, counted from 1: the nth element of a `.json`
    /// array, the line number of a `.jsonl` line.
    pub record: Option<u64>,
    pub markup: Markup,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Wire services, agencies and newsrooms the page credits (`AP`, `dpa`), apart from
    /// the people in `authors`.
    pub agencies: Vec<String>,
    /// The newsroom the page credits as the story's author where it names no person:
    /// an organisation as the author (`DER SPIEGEL`, `Guardian staff reporter`). The
    /// extractor credits it when nothing else is (no author, agency or wire dateline).
    pub newsroom: Option<String>,
    /// The publication date as written (any format); [`crate::extract`] parses it.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// Body text, paragraphs separated by newlines.
    pub body: String,
    /// The URL a web archive's record says the page was fetched from (`WARC-Target-URI`).
    pub fetched_url: Option<String>,
    /// When a web archive's record says the page was fetched (`WARC-Date`): the date of
    /// an article whose page states none.
    pub fetched_date: Option<String>,
}

impl RawArticle {
    /// The site an article's page furniture is learned and looked up under: the source
    /// it states, else the host it was fetched from (an archive's record); None: its
    /// file's folder.
    pub fn site(&self) -> Option<&str> {
        self.source.as_deref().or_else(|| {
            let url = self.fetched_url.as_deref()?;
            let rest = url.split_once("://").map_or(url, |(_, r)| r);
            let host = rest.split(['/', '?', '#']).next()?;
            let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
            (!host.is_empty()).then_some(host)
        })
    }

    /// An article with only a body.
    pub fn new(markup: Markup, body: String) -> Self {
        RawArticle {
            record: None,
            markup,
            title: None,
            authors: Vec::new(),
            agencies: Vec::new(),
            newsroom: None,
            date: None,
            source: None,
            url: None,
            lang: None,
            body,
            fetched_url: None,
            fetched_date: None,
        }
    }
}

/// What reading one file produced: its articles and the problems met on the way
/// (bad JSONL lines, with their numbers) that did not stop the rest.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<RawArticle>,
    pub problems: Vec<String>,
}

/// Limits that bound memory on hostile input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, after decompression. Default 64 MiB.
    pub max_file_bytes: u64,
    /// Largest article text (body as read, before cleaning). Default 8 MiB: a long-form
    /// article is some 50 KB, so beyond this it is a dump or junk, and cleaning, quote
    /// search and snippets would cost time and memory in proportion.
    pub max_article_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
            max_article_bytes: 8 << 20,
        }
    }
}

impl Parsed {
    /// Moves articles longer than the limit out, each into a problem naming its record.
    pub fn enforce(&mut self, limits: Limits) {
        let (keep, over): (Vec<_>, Vec<_>) = std::mem::take(&mut self.articles)
            .into_iter()
            .partition(|a| a.body.len() as u64 <= limits.max_article_bytes);
        self.articles = keep;
        for a in over {
            let what = match a.record {
                Some(r) => format!("record {r}: article"),
                None => "article".to_string(),
            };
            self.problems.push(format!(
                "{what} of {:.1} MiB is larger than the {} MiB article limit (--max-article-mb)",
                a.body.len() as f64 / (1 << 20) as f64,
                limits.max_article_bytes >> 20
            ));
        }
    }
}

/// Reads the bytes of a file, gunzipping if `gzip`, refusing more than `limits.max_file_bytes`.
pub fn read_bytes(path: &Path, gzip: bool, limits: Limits) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decompress(path, raw, gzip, limits)
}

/// Gunzips `raw` when `gzip`, enforcing the size limit either way.
pub fn decompress(path: &Path, raw: Vec<u8>, gzip: bool, limits: Limits) -> Result<Vec<u8>> {
    let too_big = || Error::Format {
        path: path.to_path_buf(),
        message: format!(
            "larger than the {} MiB limit (--max-file-mb)",
            limits.max_file_bytes >> 20
        ),
    };
    if !gzip {
        if raw.len() as u64 > limits.max_file_bytes {
            return Err(too_big());
        }
        return Ok(raw);
    }
    let mut out = Vec::new();
    let mut dec =
        flate2::read::MultiGzDecoder::new(&raw[..]).take(limits.max_file_bytes.saturating_add(1));
    dec.read_to_end(&mut out).map_err(|e| Error::Format {
        path: path.to_path_buf(),
        message: format!("not valid gzip: {e}"),
    })?;
    if out.len() as u64 > limits.max_file_bytes {
        return Err(too_big());
    }
    Ok(out)
}

/// Parses decoded-or-not bytes of a file of the given kind into raw articles.
pub fn parse(path: &Path, bytes: &[u8], kind: Kind) -> Result<Parsed> {
    parse_with(path, bytes, kind, None)
}

/// [`parse`], with the charset the bytes came with (an HTTP `Content-Type` in a web
/// archive), which is honoured before the page's own declaration and detection.
pub fn parse_with(
    path: &Path,
    bytes: &[u8],
    kind: Kind,
    transport: Option<&'static encoding_rs::Encoding>,
) -> Result<Parsed> {
    if looks_binary(bytes) {
        return Err(Error::Format {
            path: path.to_path_buf(),
            message: "binary content, not text".to_string(),
        });
    }
    let html = kind.format == Format::Html;
    let text = decode_with(bytes, html, transport);
    if text.trim().is_empty() {
        return Err(Error::Format {
            path: path.to_path_buf(),
            message: "empty file".to_string(),
        });
    }
    let articles = match kind.format {
        Format::Text => vec![RawArticle::new(Markup::Plain, text)],
        Format::Markdown => vec![read_markdown(&text)],
        Format::Html => vec![read_html(&text)],
        Format::Json => read_json(&text).map_err(|message| Error::Format {
            path: path.to_path_buf(),
            message,
        })?,
        Format::Jsonl => return Ok(read_jsonl(&text)),
        Format::Warc => {
            return Err(Error::Format {
                path: path.to_path_buf(),
                message: "a web archive is read record by record (pipeline::archive)".to_string(),
            })
        }
    };
    Ok(Parsed {
        articles,
        problems: Vec::new(),
    })
}

/// True when the bytes look like a binary file: NUL bytes in the first 8 KiB of a
/// file that has no UTF-16 byte order mark.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}

/// Decodes bytes to text: a BOM wins, then valid UTF-8, then (for HTML) a declared
/// charset, then chardetng's guess. Never fails; undecodable bytes become U+FFFD.
pub fn decode(bytes: &[u8], html: bool) -> String {
    decode_with(bytes, html, None)
}

/// [`decode`] with the charset the transport stated (HTTP `Content-Type`): after a BOM and
/// valid UTF-8, before the page's declaration and detection. A stated UTF-8 the bytes
/// are not is passed over, as a declared one is.
pub fn decode_with(
    bytes: &[u8],
    html: bool,
    transport: Option<&'static encoding_rs::Encoding>,
) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let transport = transport.filter(|&e| e != encoding_rs::UTF_8);
    let declared = transport.or_else(|| if html { declared_charset(bytes) } else { None });
    let enc = declared.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        det.guess(None, true)
    });
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

/// The charset an HTML document declares in its first 2 KiB (`<meta charset>` or http-equiv).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A page saved as UTF-8 often still declares its old charset; we only get here
    // when the bytes are not valid UTF-8, so a declared UTF-8 is wrong: detect instead.
    (enc != encoding_rs::UTF_8).then_some(enc)
}

/// Markdown reader: the first `#` heading is the title; the rest stays as written
/// (links and images are the cleaner's business, as they are in scraped text).
pub fn read_markdown(text: &str) -> RawArticle {
    let mut title = None;
    let mut body = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim();
        if title.is_none() && t.starts_with('#') {
            let heading = t.trim_start_matches('#').trim();
            if !heading.is_empty() {
                title = Some(heading.to_string());
                continue;
            }
        }
        body.push_str(line);
        body.push('\n');
    }
    let mut a = RawArticle::new(Markup::Markdown, body);
    a.title = title;
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_table() {
        let cases: [(&[u8], bool, &str); 5] = [
            (b"caf\xc3\xa9", false, "café"),
            (b"\xef\xbb\xbfcaf\xc3\xa9", false, "café"),
            (
                b"caf\xe9 au lait, d\xe9j\xe0 vu, tr\xe8s bien",
                false,
                "café au lait, déjà vu, très bien",
            ),
            (
                b"<meta charset=\"windows-1252\"><p>\x93quoted\x94 caf\xe9</p>",
                true,
                "<meta charset=\"windows-1252\"><p>\u{201c}quoted\u{201d} café</p>",
            ),
            (b"\xff\xfeh\x00i\x00", false, "hi"),
        ];
        for (bytes, html, want) in cases {
            assert_eq!(decode(bytes, html), want);
        }
    }

    #[test]
    fn binary_is_refused() {
        let kind = Kind {
            format: Format::Text,
            gzip: false,
        };
        let err = parse(Path::new("x.txt"), b"\x7fELF\x00\x00\x01", kind).unwrap_err();
        assert!(err.to_string().contains("x.txt: binary"), "{err}");
    }

    #[test]
    fn bad_gzip_names_the_file() {
        let err = decompress(
            Path::new("a.txt.gz"),
            b"plain".to_vec(),
            true,
            Limits::default(),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("a.txt.gz: not valid gzip"),
            "{err}"
        );
    }

    #[test]
    fn size_limit_applies_after_gunzip() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&vec![b'a'; 4096]).unwrap();
        let gz = enc.finish().unwrap();
        let limits = Limits {
            max_file_bytes: 1000,
            ..Limits::default()
        };
        let err = decompress(Path::new("big.txt.gz"), gz, true, limits).unwrap_err();
        assert!(err.to_string().contains("limit"), "{err}");
    }

    #[test]
    fn articles_over_the_limit_become_problems_naming_their_record() {
        let limits = Limits {
            max_article_bytes: 10,
            ..Limits::default()
        };
        let mut small = RawArticle::new(Markup::Plain, "short".into());
        small.record = Some(1);
        let mut big = RawArticle::new(Markup::Plain, "x".repeat(11));
        big.record = Some(2);
        let mut parsed = Parsed {
            articles: vec![small, big],
            problems: Vec::new(),
        };
        parsed.enforce(limits);
        assert_eq!(parsed.articles.len(), 1);
        assert_eq!(parsed.articles[0].record, Some(1));
        assert_eq!(parsed.problems.len(), 1);
        assert!(
            parsed.problems[0].starts_with("record 2: article of"),
            "{:?}",
            parsed.problems
        );
    }

    #[test]
    fn markdown_heading_is_title() {
        let a = read_markdown("# Big news\n\nBody line.\n");
        assert_eq!(a.title.as_deref(), Some("Big news"));
        assert_eq!(a.body.trim(), "Body line.");
    }
}
