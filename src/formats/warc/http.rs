//! Part of stage 2 (formats), under the WARC reader: the HTTP response a `response`
//! record holds. The head is parsed with `httparse` (leniently, as crawlers store what
//! servers sent); the body is de-chunked (`Transfer-Encoding: chunked`) and decoded
//! (`Content-Encoding: gzip`, `deflate`, `br`), never beyond the article limit.

use std::io::Read;

/// Most header lines read in a response head.
const MAX_HEADERS: usize = 256;

/// An HTTP response as a record stored it, its body decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// Header fields as sent.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked and decoded.
    pub body: Vec<u8>,
    /// What went wrong decoding the body while some of it could be read (a gzip body cut
    /// short): the part read is `body`.
    pub problem: Option<String>,
}

impl Response {
    /// The first header named `name`, any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a response could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The head is not HTTP, or incomplete.
    Head(String),
    /// The decoded body is over `limit` bytes.
    TooLarge,
    /// The body's encoding is not one newsidx decodes, or its data is bad.
    Body(String),
}

/// Parses the response in a record's block and decodes its body, reading at most `limit`
/// decoded bytes.
pub fn response(block: &[u8], limit: u64) -> Result<Response, Unreadable> {
    // Browser-based crawlers store HTTP/2 and HTTP/3 responses with their version in the
    // status line (`HTTP/2 200`); the head has HTTP/1.1's shape otherwise.
    let rewritten;
    let block = match ["HTTP/2.0 ", "HTTP/2 ", "HTTP/3.0 ", "HTTP/3 "]
        .iter()
        .find(|v| block.starts_with(v.as_bytes()))
    {
        Some(v) => {
            rewritten = [b"HTTP/1.1 ", &block[v.len()..]].concat();
            &rewritten[..]
        }
        None => block,
    };
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Response::new(&mut headers);
    let status = httparse::ParserConfig::default()
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true)
        .parse_response(&mut parsed, block);
    let head_len = match status {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err(Unreadable::Head("the HTTP head is incomplete".to_string()))
        }
        Err(e) => return Err(Unreadable::Head(format!("not an HTTP response ({e})"))),
    };
    let status = parsed.code.unwrap_or(0);
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
        problem: None,
    };
    let mut body = block[head_len..].to_vec();
    if response
        .header("Transfer-Encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        // A body stored de-chunked under a `chunked` header (some crawlers do) is kept
        // as it is.
        if let Some(plain) = dechunk(&body) {
            body = plain;
        }
    }
    let encodings: Vec<String> = response
        .header("Content-Encoding")
        .unwrap_or("")
        .split(',')
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e != "identity" && e != "none")
        .collect();
    // Applied in order, so undone in reverse.
    for encoding in encodings.iter().rev() {
        let (decoded, problem) = decode(&body, encoding, limit)?;
        body = decoded;
        if problem.is_some() {
            response.problem = problem;
            break;
        }
    }
    if body.len() as u64 > limit {
        return Err(Unreadable::TooLarge);
    }
    response.body = body;
    Ok(response)
}

/// A chunked body made whole; `None` when it is not chunked after all. A body cut short
/// inside its chunks keeps the chunks read.
pub fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    let mut chunks = 0;
    while at < body.len() {
        let size = memchr::memchr(b'\n', &body[at..]).and_then(|n| {
            let line = std::str::from_utf8(&body[at..at + n]).ok()?;
            let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
            Some((size, at + n + 1))
        });
        let Some((size, data)) = size else {
            // Not chunked at all, or cut short after whole chunks.
            if chunks == 0 {
                return None;
            }
            break;
        };
        if size == 0 {
            return Some(out);
        }
        let end = data.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[data..end]);
        chunks += 1;
        at = end;
        if body[at..].starts_with(b"\r\n") {
            at += 2;
        } else if body[at..].starts_with(b"\n") {
            at += 1;
        }
    }
    (chunks > 0).then_some(out)
}

/// Undoes one content encoding, reading at most `limit + 1` bytes (saturating). A stream cut short
/// keeps what was decoded, with the problem said.
fn decode(
    body: &[u8],
    encoding: &str,
    limit: u64,
) -> Result<(Vec<u8>, Option<String>), Unreadable> {
    let read = |r: &mut dyn Read| -> (Vec<u8>, Option<String>) {
        let mut out = Vec::new();
        let err = r.take(limit.saturating_add(1)).read_to_end(&mut out).err();
        (out, err.map(|e| e.to_string()))
    };
    let (out, err) = match encoding {
        "gzip" | "x-gzip" => read(&mut flate2::read::MultiGzDecoder::new(body)),
        "deflate" => {
            // Servers send zlib-wrapped deflate (as the standard says) or raw deflate.
            let zlib = body.first().is_some_and(|b| b & 0x0f == 8)
                && body.len() >= 2
                && (u16::from(body[0]) << 8 | u16::from(body[1])) % 31 == 0;
            if zlib {
                read(&mut flate2::read::ZlibDecoder::new(body))
            } else {
                read(&mut flate2::read::DeflateDecoder::new(body))
            }
        }
        "br" => read(&mut brotli_decompressor::Decompressor::new(body, 4096)),
        other => {
            return Err(Unreadable::Body(format!(
                "a content encoding newsidx does not decode ({other})"
            )))
        }
    };
    if out.len() as u64 > limit {
        return Err(Unreadable::TooLarge);
    }
    match err {
        None => Ok((out, None)),
        // Not encoded after all: some crawlers (ClueWeb's) store the body decoded and
        // keep the header. Read as it is.
        Some(_) if out.is_empty() && !looks_encoded(body, encoding) => Ok((body.to_vec(), None)),
        Some(_) if !out.is_empty() => Ok((
            out,
            Some(format!(
                "its {encoding} body ends early or is damaged; the part decoded is read"
            )),
        )),
        Some(e) => Err(Unreadable::Body(format!("bad {encoding} body ({e})"))),
    }
}

/// True when `body` starts as data of `encoding` would (gzip's magic bytes; for deflate
/// and brotli, anything that is not text).
fn looks_encoded(body: &[u8], encoding: &str) -> bool {
    match encoding {
        "gzip" | "x-gzip" => body.starts_with(&[0x1f, 0x8b]),
        _ => {
            let head = &body[..body.len().min(512)];
            std::str::from_utf8(head).is_err() || head.contains(&0)
        }
    }
}

/// The media type of a `Content-Type` value, lower-cased, without parameters.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The encoding a `Content-Type` value names with `charset=`, when encoding_rs knows it.
pub fn charset(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let v = v.trim().trim_matches(['"', '\'']);
        encoding_rs::Encoding::for_label(v.as_bytes())
    })
}
