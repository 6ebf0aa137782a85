//! Stage 2 (formats) for web archives: a WARC file (`.warc`, `.warc.gz`: one gzip member
//! per record as crawlers write them, or the whole file gzipped) read record by record,
//! streaming, and each record that holds a page turned into a [`RawArticle`] by the same
//! readers a file goes through ([`page`]).
//!
//! [`Archive`] reads one record head at a time and the block of a record only when it is
//! wanted and within the size limit, so memory is bounded by one record whatever the
//! archive's size. A record's offset is where it can be read from again: its byte offset
//! in a `.warc`; in a `.warc.gz` the offset of the gzip member it starts (the offset CDX
//! indexes give), or its offset in the uncompressed data when it shares a member with the
//! records before it (a whole-file gzip). Damage (a truncated file, bytes that are no
//! record, bad gzip) ends the reading with a [`Damage`] naming the offset of the record it
//! hit; every whole record before it has been given.
//!
//! [`RawArticle`]: crate::formats::RawArticle

pub mod http;
pub mod page;
mod stream;
#[cfg(test)]
mod tests;

use std::io::{self, BufRead, Read};

pub use page::{record_article, RecordOutcome, Records};

/// Largest record head read; a longer one is damage, not a head.
const MAX_HEAD: u64 = 1 << 20;

/// Longest run of bytes that are no record which is passed over to find the next record
/// (a record whose Content-Length is a little off); beyond it the archive is damaged.
const MAX_STRAY: u64 = 1 << 20;

/// The head of a WARC record: its version line and named fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// Where the record can be read from again (see the module documentation).
    pub offset: u64,
    /// `WARC/1.0`, `WARC/1.1`, `WARC/0.17`, ...
    pub version: String,
    /// Fields as written (names keep their case; continuation lines are joined).
    pub fields: Vec<(String, String)>,
    /// The block's length (`Content-Length`).
    pub length: u64,
}

impl Head {
    /// The first field named `name`, any case.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The record type (`WARC-Type`), lower-cased; `unknown` when absent.
    pub fn kind(&self) -> String {
        self.get("WARC-Type")
            .map(|t| t.trim().to_ascii_lowercase())
            .unwrap_or_else(|| "unknown".to_string())
    }
}

/// A record's block as the reader left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Read whole.
    Read(Vec<u8>),
    /// Passed over: not wanted.
    Passed,
    /// Passed over: larger than the reader's `max_block`.
    TooLarge,
}

/// One whole record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub head: Head,
    pub block: Block,
}

/// What [`Archive::next_record`] gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Record(Record),
    /// Bytes that were no record, passed over to the next record (at `offset`).
    Stray {
        offset: u64,
        bytes: u64,
    },
}

/// Where and how an archive is damaged; nothing after it is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("damaged at offset {offset}: {message}")]
pub struct Damage {
    /// The offset of the record the damage is in (or of the bytes that are no record).
    pub offset: u64,
    pub message: String,
}

/// A WARC archive read record by record.
pub struct Archive<R> {
    input: stream::Input<R>,
    /// Uncompressed position of the next byte.
    pos: u64,
    /// Blocks larger than this are passed over ([`Block::TooLarge`]).
    max_block: u64,
    /// A `WARC/` line already read while passing over stray bytes.
    pending: Option<Vec<u8>>,
    done: bool,
}

impl Archive<std::fs::File> {
    /// Opens an archive file.
    pub fn open(path: &std::path::Path, max_block: u64) -> io::Result<Self> {
        Archive::new(std::fs::File::open(path)?, max_block)
    }
}

impl<R: Read> Archive<R> {
    /// Reads an archive from `r`: gzip or not by its first bytes.
    pub fn new(r: R, max_block: u64) -> io::Result<Self> {
        Ok(Archive {
            input: stream::open(r)?,
            pos: 0,
            max_block,
            pending: None,
            done: false,
        })
    }

    /// The next record, reading its block when `wanted` says so (and it is within the
    /// size limit); `None` at the end, or after damage.
    pub fn next_record(&mut self, wanted: impl Fn(&Head) -> bool) -> Option<Result<Item, Damage>> {
        if self.done {
            return None;
        }
        let item = self.read_item(wanted);
        if !matches!(item, Some(Ok(_))) {
            self.done = true;
        }
        item
    }

    fn read_item(&mut self, wanted: impl Fn(&Head) -> bool) -> Option<Result<Item, Damage>> {
        let first = match self.pending.take() {
            Some(line) => line,
            None => {
                match self.skip_blank() {
                    Ok(true) => {}
                    Ok(false) => return None,
                    Err(e) => return Some(Err(self.damage_here(&e))),
                }
                match self.line() {
                    Ok(line) => line,
                    Err(e) => return Some(Err(self.damage_here(&e))),
                }
            }
        };
        let start = self.pos - first.len() as u64;
        let offset = stream::offset_of(&mut self.input, start);
        if !first.starts_with(b"WARC/") {
            if start == 0 && first.starts_with(b"filedesc://") {
                return Some(Err(Damage {
                    offset,
                    message: "an ARC file (the web archive format before WARC), which newsidx does not read; convert it to WARC".to_string(),
                }));
            }
            return Some(self.pass_stray(offset, first.len() as u64));
        }
        Some(self.record(offset, &first, wanted))
    }

    /// Bytes that are no record: passed over to the next line that starts a record.
    fn pass_stray(&mut self, offset: u64, mut bytes: u64) -> Result<Item, Damage> {
        loop {
            if bytes > MAX_STRAY {
                return Err(Damage {
                    offset,
                    message: format!(
                        "{bytes} bytes that are no WARC record (not a WARC file, or damaged)"
                    ),
                });
            }
            let line = self.line().map_err(|e| self.damage(offset, &e))?;
            if line.is_empty() {
                return Err(Damage {
                    offset,
                    message: format!(
                        "{bytes} bytes that are no WARC record, then the end of the file"
                    ),
                });
            }
            if line.starts_with(b"WARC/") {
                self.pending = Some(line);
                return Ok(Item::Stray { offset, bytes });
            }
            bytes += line.len() as u64;
        }
    }

    fn record(
        &mut self,
        offset: u64,
        first: &[u8],
        wanted: impl Fn(&Head) -> bool,
    ) -> Result<Item, Damage> {
        let version = String::from_utf8_lossy(first).trim().to_string();
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut size = first.len() as u64;
        loop {
            let line = self.line().map_err(|e| self.damage(offset, &e))?;
            if line.is_empty() {
                return Err(Damage {
                    offset,
                    message: "the file ends inside a record head (truncated)".to_string(),
                });
            }
            size += line.len() as u64;
            if size > MAX_HEAD {
                return Err(Damage {
                    offset,
                    message: "a record head over 1 MiB (not a WARC record)".to_string(),
                });
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            if text.starts_with([' ', '\t']) {
                if let Some((_, v)) = fields.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                }
                continue;
            }
            match text.split_once(':') {
                Some((name, value)) => {
                    fields.push((name.trim().to_string(), value.trim().to_string()))
                }
                None => {
                    return Err(Damage {
                        offset,
                        message: format!("a record head line that is no field: {text:?}"),
                    })
                }
            }
        }
        let mut head = Head {
            offset,
            version,
            fields,
            length: 0,
        };
        head.length = match head.get("Content-Length").map(|v| v.parse::<u64>()) {
            Some(Ok(n)) => n,
            _ => {
                return Err(Damage {
                    offset,
                    message: "a record without a valid Content-Length".to_string(),
                })
            }
        };
        let length = head.length;
        // Records that cannot be pages are passed over whatever their size (a large
        // request, metadata or video record is no problem of the archive's).
        let block = if !wanted(&head) {
            self.pass(offset, length)?;
            Block::Passed
        } else if length > self.max_block {
            self.pass(offset, length)?;
            Block::TooLarge
        } else {
            // (A hostile Content-Length is not trusted for the allocation: the buffer
            // grows as the bytes come.)
            let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
            let got = (&mut self.input)
                .take(length)
                .read_to_end(&mut block)
                .map_err(|e| self.damage(offset, &e))?;
            self.pos += got as u64;
            if (got as u64) < length {
                return Err(self.cut(offset, got as u64, length));
            }
            Block::Read(block)
        };
        Ok(Item::Record(Record { head, block }))
    }

    /// Reads `length` bytes of a block without keeping them.
    fn pass(&mut self, offset: u64, length: u64) -> Result<(), Damage> {
        let got = io::copy(&mut (&mut self.input).take(length), &mut io::sink())
            .map_err(|e| self.damage(offset, &e))?;
        self.pos += got;
        if got < length {
            return Err(self.cut(offset, got, length));
        }
        Ok(())
    }

    fn cut(&self, offset: u64, got: u64, length: u64) -> Damage {
        Damage {
            offset,
            message: format!(
                "the file ends inside the record (truncated): {got} of its {length} bytes"
            ),
        }
    }

    /// Damage from a read error between records: in a gzip stream, at the member that
    /// failed (a record's member cut in its trailer, bytes that are no gzip).
    fn damage_here(&mut self, e: &io::Error) -> Damage {
        let at = stream::member(&self.input)
            .unwrap_or_else(|| stream::offset_of(&mut self.input, self.pos));
        self.damage(at, e)
    }

    /// Damage from a read error: a gzip stream that ends early or is corrupt.
    fn damage(&self, offset: u64, e: &io::Error) -> Damage {
        let what = if stream::is_gzip(&self.input) {
            match e.kind() {
                io::ErrorKind::UnexpectedEof => {
                    "the gzip data ends early (truncated file)".to_string()
                }
                _ => format!("bad gzip data ({e})"),
            }
        } else {
            format!("unreadable ({e})")
        };
        Damage {
            offset,
            message: what,
        }
    }

    /// Passes over the blank lines between records; false at the end of the input.
    fn skip_blank(&mut self) -> io::Result<bool> {
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let all = n == buf.len();
            self.input.consume(n);
            self.pos += n as u64;
            if !all {
                return Ok(true);
            }
        }
    }

    /// One line with its end, at most [`MAX_HEAD`] bytes; empty at the end of the input.
    fn line(&mut self) -> io::Result<Vec<u8>> {
        let mut line = Vec::new();
        (&mut self.input)
            .take(MAX_HEAD + 1)
            .read_until(b'\n', &mut line)?;
        self.pos += line.len() as u64;
        Ok(line)
    }
}
