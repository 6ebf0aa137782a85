//! Stage 6a: an article as the index stores it, loaded for the hits shown.
//!
//! tantivy's own document type reads each stored value into an owned value and then copies
//! it into its compact buffer; the hit then copies the strings once more. Loading a
//! stored document was the largest single cost of a rare word's search (about a quarter),
//! so the stored values are read here once, into the strings the hit keeps.

use tantivy::schema::document::{
    DeserializeError, DocumentDeserialize, DocumentDeserializer, ValueDeserialize,
    ValueDeserializer, ValueVisitor,
};
use tantivy::schema::Field;
use tantivy::DateTime;

use crate::index::schema::Fields;
use crate::index::stored_quotes::{self, StoredQuote};

/// One stored value of the kinds newsidx stores (text, u64, date); anything else is
/// read and left aside.
#[derive(Debug, Clone, PartialEq)]
enum Stored {
    Str(String),
    U64(u64),
    Date(DateTime),
    Bytes(Vec<u8>),
    Other,
}

struct StoredVisitor;

impl ValueVisitor for StoredVisitor {
    type Value = Stored;

    fn visit_null(&self) -> Result<Stored, DeserializeError> {
        Ok(Stored::Other)
    }
    fn visit_string(&self, val: String) -> Result<Stored, DeserializeError> {
        Ok(Stored::Str(val))
    }
    fn visit_u64(&self, val: u64) -> Result<Stored, DeserializeError> {
        Ok(Stored::U64(val))
    }
    fn visit_i64(&self, _: i64) -> Result<Stored, DeserializeError> {
        Ok(Stored::Other)
    }
    fn visit_f64(&self, _: f64) -> Result<Stored, DeserializeError> {
        Ok(Stored::Other)
    }
    fn visit_bool(&self, _: bool) -> Result<Stored, DeserializeError> {
        Ok(Stored::Other)
    }
    fn visit_datetime(&self, val: DateTime) -> Result<Stored, DeserializeError> {
        Ok(Stored::Date(val))
    }
    fn visit_bytes(&self, val: Vec<u8>) -> Result<Stored, DeserializeError> {
        Ok(Stored::Bytes(val))
    }
}

impl ValueDeserialize for Stored {
    fn deserialize<'de, D>(deserializer: D) -> Result<Self, DeserializeError>
    where
        D: ValueDeserializer<'de>,
    {
        deserializer.deserialize_any(StoredVisitor)
    }
}

/// The stored values of one document, in stored order.
pub struct StoredValues(Vec<(Field, Stored)>);

impl DocumentDeserialize for StoredValues {
    fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut values = Vec::with_capacity(deserializer.size_hint());
        while let Some(entry) = deserializer.next_field::<Stored>()? {
            values.push(entry);
        }
        Ok(StoredValues(values))
    }
}

/// The stored fields of an article, as a hit shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredArticle {
    pub id: u64,
    pub path: String,
    pub record: Option<u64>,
    pub title: String,
    pub body: String,
    pub authors: Vec<String>,
    pub date: Option<DateTime>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The stored quotations ([`stored_quotes`]); read them with [`Self::quotes`].
    quotes: Vec<u8>,
}

impl StoredArticle {
    /// Sorts the values out by field; values of fields it does not show are dropped.
    pub fn from_values(values: StoredValues, f: &Fields) -> Self {
        let mut a = StoredArticle::default();
        for (field, value) in values.0 {
            match value {
                Stored::Str(s) => {
                    if field == f.body {
                        a.body = s;
                    } else if field == f.title {
                        a.title = s;
                    } else if field == f.path {
                        a.path = s;
                    } else if field == f.author {
                        a.authors.push(s);
                    } else if field == f.source {
                        a.source.get_or_insert(s);
                    } else if field == f.url {
                        a.url.get_or_insert(s);
                    }
                }
                Stored::U64(n) if field == f.id => a.id = n,
                Stored::U64(n) if field == f.record => a.record = Some(n),
                Stored::Date(d) if field == f.date => a.date = a.date.or(Some(d)),
                Stored::Bytes(b) if field == f.quotes => a.quotes = b,
                _ => {}
            }
        }
        a
    }

    /// Quotations and their speakers, in the article's order (`""`: speaker unknown),
    /// with their place in the body.
    pub fn quotes(&self) -> impl Iterator<Item = StoredQuote<'_>> {
        stored_quotes::decode(&self.quotes, &self.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{NewsIndex, NoProgress, UpdateOptions};
    use tantivy::schema::Value;
    use tantivy::{DocAddress, TantivyDocument};

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
        let (mut seen, mut quoted, mut dated, mut authored) = (0, 0, 0, 0);
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            for doc in 0..reader.max_doc() {
                let addr = DocAddress::new(ord as u32, doc);
                let t: TantivyDocument = searcher.doc(addr).unwrap();
                let a = StoredArticle::from_values(searcher.doc(addr).unwrap(), &f);
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
                assert_eq!(Some(a.title.clone()), first(f.title));
                assert_eq!(Some(a.body.clone()), first(f.body));
                assert_eq!(Some(a.path.clone()), first(f.path));
                assert_eq!(a.source, first(f.source));
                assert_eq!(a.url, first(f.url));
                assert_eq!(a.authors, all(f.author));
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
