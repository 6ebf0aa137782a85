//! Stage 6a: an article as the index stores it, read for the hits shown.
//!
//! Loading the ten shown articles was the largest single cost of a rare word's search.
//! tantivy's deserializers copy every stored value into a new string (through a
//! `Read` adapter, in chunks) and check it; a hit needs its body only to cut a snippet
//! from it. So the stored document's bytes are taken from the doc store (one decompressed
//! block, cached) and read in place: [`StoredArticle`] borrows its strings from them.
//!
//! The layout read is tantivy's stored-document format (doc store version 2, tantivy
//! 0.27): a varint count of values; per value the field id (u32, little endian), a type
//! code and the value (text and bytes: varint length and bytes; u64: 8 bytes; date: i64
//! nanoseconds). Only the value kinds newsidx stores are read; any other code is an error
//! naming the index, never a guess. `stored_articles_match_tantivy_documents` compares
//! every value with tantivy's own reading, so a tantivy release that changes the layout
//! fails the tests rather than the searches.

use std::ops::Range;

use tantivy::schema::Field;
use tantivy::store::StoreReader;
use tantivy::{DateTime, DocAddress, Searcher};

use crate::index::schema::Fields;
use crate::index::stored_quotes::{self, StoredQuote};

/// tantivy's type codes of stored values (its `type_codes` module is private).
mod code {
    pub const TEXT: u8 = 0;
    pub const U64: u8 = 1;
    pub const I64: u8 = 2;
    pub const BYTES: u8 = 4;
    pub const DATE: u8 = 5;
}

/// Decompressed doc-store blocks kept per segment (tantivy's default).
const CACHE_BLOCKS: usize = 100;

/// The doc stores of a searcher's segments, opened once per searcher.
pub struct DocStore {
    readers: Vec<StoreReader>,
}

/// A stored document's bytes; [`StoredArticle::parse`] reads an article out of them.
pub struct DocBytes(tantivy::directory::OwnedBytes);

impl DocStore {
    pub fn open(searcher: &Searcher) -> std::io::Result<Self> {
        let readers = searcher
            .segment_readers()
            .iter()
            .map(|r| r.get_store_reader(CACHE_BLOCKS))
            .collect::<std::io::Result<_>>()?;
        Ok(DocStore { readers })
    }

    /// The stored bytes of one document.
    pub fn get(&self, addr: DocAddress) -> tantivy::Result<DocBytes> {
        let reader = self.readers.get(addr.segment_ord as usize).ok_or_else(|| {
            tantivy::TantivyError::InvalidArgument(format!("no segment {}", addr.segment_ord))
        })?;
        reader.get_document_bytes(addr.doc_id).map(DocBytes)
    }
}

/// The stored fields of an article, as a hit shows them, borrowed from its [`DocBytes`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredArticle<'a> {
    pub id: u64,
    pub path: &'a str,
    pub record: Option<u64>,
    pub title: &'a str,
    pub body: &'a str,
    pub authors: Vec<&'a str>,
    pub agencies: Vec<&'a str>,
    /// Wall-clock time as the article stated it (see [`Fields::date`]).
    pub date: Option<DateTime>,
    /// The UTC offset stated with the date, in seconds; 0 when none.
    pub utc_offset: i32,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The URL a web archive's record was fetched from.
    pub fetched_url: Option<&'a str>,
    /// ISO 639-1 code of the article's language, when known.
    pub lang: Option<&'a str>,
    /// The stored quotations ([`stored_quotes`]); read them with [`Self::quotes`].
    quotes: &'a [u8],
}

/// Why a stored document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDocument(pub String);

impl<'a> StoredArticle<'a> {
    /// Reads the values an article shows; values of other fields are passed over.
    pub fn parse(doc: &'a DocBytes, f: &Fields) -> Result<Self, BadDocument> {
        let mut r = Reader {
            bytes: doc.0.as_slice(),
            at: 0,
        };
        let mut a = StoredArticle::default();
        let values = r.varint()?;
        for _ in 0..values {
            let field = Field::from_field_id(u32::from_le_bytes(r.array()?));
            match r.byte()? {
                code::TEXT => {
                    let s = r.text()?;
                    if field == f.body {
                        a.body = s;
                    } else if field == f.title {
                        a.title = s;
                    } else if field == f.path {
                        a.path = s;
                    } else if field == f.author {
                        a.authors.push(s);
                    } else if field == f.agency {
                        a.agencies.push(s);
                    } else if field == f.source {
                        a.source.get_or_insert(s);
                    } else if field == f.url {
                        a.url.get_or_insert(s);
                    } else if field == f.fetched_url {
                        a.fetched_url = Some(s);
                    } else if field == f.lang {
                        a.lang = Some(s);
                    }
                }
                code::U64 => {
                    let n = u64::from_le_bytes(r.array()?);
                    if field == f.id {
                        a.id = n;
                    } else if field == f.record {
                        a.record = Some(n);
                    }
                }
                code::I64 => {
                    let n = i64::from_le_bytes(r.array()?);
                    if field == f.utc_offset {
                        a.utc_offset = i32::try_from(n).unwrap_or(0);
                    }
                }
                code::DATE => {
                    let nanos = i64::from_le_bytes(r.array()?);
                    if field == f.date && a.date.is_none() {
                        a.date = Some(DateTime::from_timestamp_nanos(nanos));
                    }
                }
                code::BYTES => {
                    let len = r.len()?;
                    let b = r.take(len)?;
                    if field == f.quotes {
                        a.quotes = b;
                    }
                }
                other => {
                    return Err(BadDocument(format!(
                        "stored value of unknown type {other} at byte {}",
                        r.at - 1
                    )))
                }
            }
        }
        Ok(a)
    }

    /// Quotations and their speakers, in the article's order (`""`: speaker unknown),
    /// with their place in the body.
    pub fn quotes(&self) -> impl Iterator<Item = StoredQuote<'a>> {
        stored_quotes::decode(self.quotes, self.body)
    }
}

/// A cursor over a stored document's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BadDocument> {
        let range: Range<usize> = self.at..self.at.saturating_add(n);
        let b = self.bytes.get(range).ok_or_else(|| {
            BadDocument(format!(
                "stored document ends at byte {} inside a value of {n} bytes at byte {}",
                self.bytes.len(),
                self.at
            ))
        })?;
        self.at += n;
        Ok(b)
    }

    fn byte(&mut self) -> Result<u8, BadDocument> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], BadDocument> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    /// tantivy's varint: 7 bits a byte, low first; the last byte has its high bit set.
    fn varint(&mut self) -> Result<u64, BadDocument> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 != 0 {
                return Ok(n);
            }
        }
        Err(BadDocument(format!("varint too long at byte {}", self.at)))
    }

    fn len(&mut self) -> Result<usize, BadDocument> {
        let n = self.varint()?;
        usize::try_from(n).map_err(|_| BadDocument(format!("length {n} at byte {}", self.at)))
    }

    fn text(&mut self) -> Result<&'a str, BadDocument> {
        let len = self.len()?;
        let at = self.at;
        std::str::from_utf8(self.take(len)?)
            .map_err(|e| BadDocument(format!("text at byte {at} is not UTF-8: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{NewsIndex, NoProgress, UpdateOptions};
    use tantivy::schema::Value;
    use tantivy::{DocAddress, TantivyDocument};

    fn doc_bytes(b: Vec<u8>) -> DocBytes {
        DocBytes(tantivy::directory::OwnedBytes::new(b))
    }

    #[test]
    fn damaged_documents_are_errors_not_panics() {
        let (_, f) = crate::index::schema::build();
        let title = f.title.field_id().to_le_bytes();
        // One text value: the title "Kursk".
        let mut good = vec![0x81];
        good.extend(title);
        good.extend([code::TEXT, 0x85]);
        good.extend(b"Kursk");
        let whole = doc_bytes(good.clone());
        assert_eq!(StoredArticle::parse(&whole, &f).unwrap().title, "Kursk");
        // Cut anywhere: an error, never a panic or a shorter title.
        for cut in 0..good.len() {
            let part = doc_bytes(good[..cut].to_vec());
            let r = StoredArticle::parse(&part, &f);
            assert!(r.is_err(), "cut at {cut}: {r:?}");
        }
        let mut unknown = good.clone();
        unknown[5] = 12;
        let err = StoredArticle::parse(&doc_bytes(unknown), &f).unwrap_err();
        assert!(err.0.contains("unknown type 12 at byte 5"), "{err:?}");
        let mut not_utf8 = good.clone();
        not_utf8[7] = 0xff;
        let err = StoredArticle::parse(&doc_bytes(not_utf8), &f).unwrap_err();
        assert!(err.0.contains("not UTF-8"), "{err:?}");
        let endless = vec![0x01; 12];
        assert!(StoredArticle::parse(&doc_bytes(endless), &f).is_err());
    }

    /// Every stored value a hit shows reads the same as through tantivy's own document.
    #[test]
    fn stored_articles_match_tantivy_documents() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::write(
            corpus.join("a.txt"),
            "Talks stall\n\nBy Ann Lee\n\n\"We will not give up our land,\" Zelenskyy said. \
             \"Nobody asked,\" said Dmitry Peskov.\n",
        )
        .unwrap();
        std::fs::write(
            corpus.join("b.jsonl"),
            "{\"title\":\"One\",\"body\":\"First record body text.\",\"date\":\"2024-03-05\"}\n\
             {\"title\":\"Two\",\"body\":\"Second record body text.\",\"author\":\"Bo Kim\"}\n",
        )
        .unwrap();
        let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
        idx.update(&corpus, &UpdateOptions::default(), &NoProgress)
            .unwrap();
        let f = *idx.fields();
        let searcher = idx.reader().unwrap().searcher();
        let store = DocStore::open(&searcher).unwrap();
        let (mut seen, mut quoted, mut dated, mut authored) = (0, 0, 0, 0);
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            for doc in 0..reader.max_doc() {
                let addr = DocAddress::new(ord as u32, doc);
                let t: TantivyDocument = searcher.doc(addr).unwrap();
                let bytes = store.get(addr).unwrap();
                let a = StoredArticle::parse(&bytes, &f).unwrap();
                let first = |field| {
                    t.get_first(field)
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                };
                let all = |field| -> Vec<String> {
                    t.get_all(field)
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                };
                assert_eq!(Some(a.title.to_string()), first(f.title));
                assert_eq!(Some(a.body.to_string()), first(f.body));
                assert_eq!(Some(a.path.to_string()), first(f.path));
                assert_eq!(a.source.map(str::to_string), first(f.source));
                assert_eq!(a.url.map(str::to_string), first(f.url));
                assert_eq!(a.lang.map(str::to_string), first(f.lang));
                assert_eq!(a.authors, all(f.author));
                assert_eq!(
                    Some(a.quotes),
                    t.get_first(f.quotes)
                        .and_then(|v| v.as_bytes())
                        .or(Some(&[][..]))
                );
                // Quotes are stored as places in the body: each reads back as its passage.
                let quotes: Vec<(&str, Option<usize>, &str)> =
                    a.quotes().map(|q| (q.text, q.at, q.speaker)).collect();
                if a.path == "a.txt" {
                    let at = |s: &str| a.body.find(s);
                    let want = vec![
                        (
                            "We will not give up our land,",
                            at("We will not"),
                            "Zelenskyy",
                        ),
                        ("Nobody asked,", at("Nobody"), "Dmitry Peskov"),
                    ];
                    assert_eq!(quotes, want);
                } else {
                    assert_eq!(quotes, vec![]);
                }
                assert_eq!(a.date, t.get_first(f.date).and_then(|v| v.as_datetime()));
                assert_eq!(Some(a.id), t.get_first(f.id).and_then(|v| v.as_u64()));
                assert_eq!(a.record, t.get_first(f.record).and_then(|v| v.as_u64()));
                seen += 1;
                quoted += usize::from(a.quotes().next().is_some());
                dated += usize::from(a.date.is_some());
                authored += usize::from(!a.authors.is_empty());
            }
        }
        // The comparisons above saw every kind of value.
        assert_eq!((seen, quoted, dated, authored), (3, 1, 1, 2));
    }
}
