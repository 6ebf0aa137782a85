//! The index schema, in one place. Everything else reaches fields through [`Fields`],
//! never by name; the names here are also the field names of the query language.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::store::Compressor;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    WhitespaceTokenizer,
};
use tantivy::{Index, IndexSettings};

use super::stem::CachedEnglishStemmer;
use super::translit::{CyrillicStems, Romanize};
use super::words::{Words, LONGEST_WORD};

/// Tokenizer of article text: words, lower-cased, Cyrillic words with their Russian stem
/// beside them and romanised, accents folded, English stems. The names carry a version: they are part of the schema, so an index
/// built with other analysis no longer matches [`build`] and is rebuilt, not misread.
pub const TEXT_TOKENIZER: &str = "news_text_v4";
/// Tokenizer of names (authors, speakers, sources, urls): as text, without stemming.
/// Also used for prefixes, which match the unstemmed form of what the user typed.
pub const NAME_TOKENIZER: &str = "news_name_v2";
/// Tokenizer of [`Fields::text`]: its value is already analysed (terms of
/// [`TEXT_TOKENIZER`] separated by spaces), so indexing only splits it.
pub const TERMS_TOKENIZER: &str = "news_terms_v1";
/// Fast-field normaliser of facet values: the value as written.
const FACET_TOKENIZER: &str = "raw";

/// Settings of a new index. Stored documents (mostly article bodies) are compressed with
/// LZ4 in 4 KiB blocks: a hit shown decompresses the block that holds it, and an article
/// is about one block. Measured on 20,000 generated articles and the 60 queries of three
/// seeds (docs/performance.md), a search took about 0.42x the time it took with zstd
/// level 3 in 16 KiB blocks (each hit then decompressed about four articles: half of a
/// search was zstd decompressing); the store is 1.6x the size (the BBC index 1.59x the corpus
/// instead of 1.32x). Indexes made by earlier versions keep their settings until rebuilt.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Lz4,
        docstore_blocksize: 4_096,
        ..IndexSettings::default()
    }
}

/// How many times the headline is written into [`Fields::text`]: a headline word counts
/// as this many mentions of it in the body. Chosen on known-item sets
/// ([`crate::known_item`], docs/ranking.md).
pub const TITLE_WEIGHT: usize = 3;

/// How many opening words of the first paragraph (the lede, which says what the story is)
/// [`Fields::text`] counts twice. Chosen as [`TITLE_WEIGHT`]: a whole first paragraph
/// twice cost more on words remembered from further down than it gained.
pub const LEAD_WORDS: usize = 12;

/// The weight of an author clause beside [`Fields::text`] in a query that names no field:
/// an author field is two or three words long, so a hit in it scores like a rare word in
/// a body; weighted down, a name typed without `author:` still finds the author's
/// articles, but does not outrank the articles about what else the query says.
pub const AUTHOR_WEIGHT: f32 = 0.5;

/// Typed handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub title: Field,
    pub body: Field,
    /// Indexed only: the headline [`TITLE_WEIGHT`] times, the lead ([`LEAD_WORDS`]) and
    /// the body, as one text. What a
    /// query that names no field searches its words in, so that one BM25 over it weighs
    /// a headline word against body words (BM25F: per-field weighted frequencies, one
    /// length and one IDF per word) instead of adding two fields' scores, where one
    /// headline hit of a common word outweighed every other word of the query. Frequencies
    /// without positions: phrases that name no field are asked of `title` and `body`. Its
    /// value is analysed before it reaches the writer ([`TERMS_TOKENIZER`]): analysing
    /// the body twice on tantivy's one indexing thread made `index` 2.4x slower.
    pub text: Field,
    /// Multi-valued: one value per author. Query name `author`. Fast (as written) for facets.
    pub author: Field,
    /// Multi-valued: the wire services and agencies the story is credited to. Query name
    /// `agency`. Fast (as written) for facets.
    pub agency: Field,
    /// Publication date as the article states it: its own wall-clock time (the stated
    /// UTC offset set aside, in [`Fields::utc_offset`]), so filters, facets and `date:`
    /// queries go by the article's own calendar day. Indexed, fast and stored.
    pub date: Field,
    /// Stored only: the UTC offset the article stated with its date, in seconds (absent
    /// for UTC or when none was stated).
    pub utc_offset: Field,
    /// Site or publication name. Fast (as written) for facets.
    pub source: Field,
    /// The article's url; a page from a web archive also has the URL it was fetched from
    /// here (a second value, indexed so `url:` finds it; the first value is the url).
    pub url: Field,
    /// Stored only: the URL a web archive's record says the page was fetched from.
    pub fetched_url: Field,
    /// ISO 639-1 code (`en`, `ru`), declared by the page or detected. Fast for facets.
    pub lang: Field,
    /// Multi-valued: one value per quotation, parallel to `speaker`. Indexed, not stored
    /// (the stored quotes are [`Fields::quotes`]).
    pub quote: Field,
    /// Multi-valued, parallel to `quote`; empty string when the speaker is unknown.
    /// Indexed, and fast (as written) for facets; not stored.
    pub speaker: Field,
    /// Stored only: the quotations and speakers as places in the body
    /// ([`super::stored_quotes`]).
    pub quotes: Field,
    /// File path relative to the corpus root: the unit of incremental updates.
    pub path: Field,
    /// Fast only: the file's folder ([`crate::corpus::folder_label`]), where a copy with
    /// no source was published (few values: cheap to read for every copy of a hit).
    pub folder: Field,
    /// Position of the article inside a multi-article file.
    pub record: Field,
    /// Stable article id: hash of path and record.
    pub id: Field,
    /// The story the article is a copy of: one id shared by every copy, the article's own
    /// when it was printed once ([`super::clusters`]). Indexed (an article's copies are a
    /// term query) and fast (search folds copies by it); nothing else about copies is
    /// stored: signatures are computed again from the stored body when needed.
    pub cluster: Field,
}

/// Field names users may write in queries, in the order the help lists them.
pub const QUERY_FIELDS: &[&str] = &[
    "title", "body", "author", "agency", "quote", "speaker", "source", "url", "date", "lang",
    "path",
];

/// How a query term is turned into index terms for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Analysed with [`TEXT_TOKENIZER`] (stemmed).
    Text,
    /// Analysed with [`NAME_TOKENIZER`] (not stemmed).
    Name,
    /// One exact term (`lang` lower-cased, `path` as written).
    Keyword,
    /// A date; queries give a year, month, day or RFC 3339 time.
    Date,
}

impl Fields {
    /// The field a query names (`authors` is accepted for `author`), with its kind.
    pub fn by_query_name(&self, name: &str) -> Option<(Field, FieldKind)> {
        use FieldKind::*;
        Some(match name {
            "title" => (self.title, Text),
            "body" => (self.body, Text),
            "quote" => (self.quote, Text),
            "author" | "authors" => (self.author, Name),
            "agency" | "agencies" => (self.agency, Name),
            "speaker" => (self.speaker, Name),
            "source" => (self.source, Name),
            "url" => (self.url, Name),
            "date" => (self.date, Date),
            "lang" => (self.lang, Keyword),
            "path" => (self.path, Keyword),
            _ => return None,
        })
    }

    /// Fields searched when a query names none, with their boosts: the headline and body
    /// as one [`Fields::text`], and the authors, lightly ([`AUTHOR_WEIGHT`]). Not `quote`:
    /// a quote is a passage of the body, so it would find nothing more and count its words
    /// twice; and each field searched is one more posting list to merge on the hot path.
    pub fn default_query_fields(&self) -> [(Field, FieldKind, f32); 2] {
        [
            (self.text, FieldKind::Text, 1.0),
            (self.author, FieldKind::Name, AUTHOR_WEIGHT),
        ]
    }

    /// What a phrase (or phrase prefix) in [`Fields::text`] is asked of instead, with
    /// boosts: `text` keeps no positions, and a phrase must not run from the headline
    /// into the body.
    pub fn text_parts(&self) -> [(Field, f32); 2] {
        [(self.title, 2.0), (self.body, 1.0)]
    }
}

fn text(tokenizer: &str) -> TextOptions {
    indexed(tokenizer).set_stored()
}

/// Indexed with frequencies but no positions ([`Fields::text`]).
fn counted(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

fn indexed(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        title: b.add_text_field("title", text(TEXT_TOKENIZER)),
        body: b.add_text_field("body", text(TEXT_TOKENIZER)),
        text: b.add_text_field("text", counted(TERMS_TOKENIZER)),
        author: b.add_text_field("author", text(NAME_TOKENIZER).set_fast(FACET_TOKENIZER)),
        agency: b.add_text_field("agency", text(NAME_TOKENIZER).set_fast(FACET_TOKENIZER)),
        date: b.add_date_field(
            "date",
            DateOptions::from(tantivy::schema::INDEXED | STORED | FAST)
                .set_precision(DateTimePrecision::Seconds),
        ),
        utc_offset: b.add_i64_field("utc_offset", NumericOptions::default().set_stored()),
        source: b.add_text_field("source", text(NAME_TOKENIZER).set_fast(FACET_TOKENIZER)),
        url: b.add_text_field("url", text(NAME_TOKENIZER)),
        fetched_url: b.add_text_field("fetched_url", STORED),
        lang: b.add_text_field("lang", STRING | STORED | FAST),
        quote: b.add_text_field("quote", indexed(TEXT_TOKENIZER)),
        speaker: b.add_text_field("speaker", indexed(NAME_TOKENIZER).set_fast(FACET_TOKENIZER)),
        quotes: b.add_bytes_field("quotes", STORED),
        path: b.add_text_field("path", STRING | STORED),
        folder: b.add_text_field("folder", TextOptions::default().set_fast(FACET_TOKENIZER)),
        record: b.add_u64_field("record", NumericOptions::default().set_stored()),
        id: b.add_u64_field(
            "id",
            NumericOptions::default()
                .set_stored()
                .set_indexed()
                .set_fast(),
        ),
        cluster: b.add_u64_field(
            "cluster",
            NumericOptions::default().set_indexed().set_fast(),
        ),
    };
    (b.build(), fields)
}

/// Handles for an existing index's schema; fails when a field is missing
/// (an index written by something else, or by an incompatible version).
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        title: f("title")?,
        body: f("body")?,
        text: f("text")?,
        author: f("author")?,
        agency: f("agency")?,
        date: f("date")?,
        utc_offset: f("utc_offset")?,
        source: f("source")?,
        url: f("url")?,
        fetched_url: f("fetched_url")?,
        lang: f("lang")?,
        quote: f("quote")?,
        speaker: f("speaker")?,
        quotes: f("quotes")?,
        path: f("path")?,
        folder: f("folder")?,
        record: f("record")?,
        id: f("id")?,
        cluster: f("cluster")?,
    })
}

/// The filters of article text before stemming, as a chain of tantivy's: words, long ones
/// dropped, lower-cased, Cyrillic words with their Russian stem beside them and
/// romanised, accents folded. [`register_tokenizers`] runs it through [`Words`].
pub(crate) fn text_chain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(CyrillicStems)
        .filter(Romanize)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The filters of names: as [`text_chain`], without Cyrillic stems.
pub(crate) fn name_chain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(Romanize)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers newsidx's tokenizers on an index; needed after every open.
pub fn register_tokenizers(index: &Index) {
    let text = TextAnalyzer::builder(Words::new(text_chain()))
        .filter(CachedEnglishStemmer)
        .build();
    let name = TextAnalyzer::builder(Words::new(name_chain())).build();
    index.tokenizers().register(TEXT_TOKENIZER, text);
    index.tokenizers().register(NAME_TOKENIZER, name);
    index.tokenizers().register(
        TERMS_TOKENIZER,
        TextAnalyzer::from(WhitespaceTokenizer::default()),
    );
}
