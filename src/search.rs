//! Stage 6: parse a query, collect the best articles, load what is shown and make snippets.
//! Returns [`Hit`]s; printing is [`crate::output`]'s job (search code never prints).
//!
//! Query language: tantivy's (Lucene-like) over the fields of [`crate::index::schema`],
//! default fields title (boosted x2), body, quote and author; terms are OR-ed unless
//! marked `+`; `date:2024`, `date:2024-08` and `date:2024-08-07` mean the whole year,
//! month or day.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, QueryParser, QueryParserError};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::schema::QUERY_FIELDS;
use crate::index::NewsIndex;

/// One page of a search.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub query: String,
    /// Hits per page. Default 10.
    pub limit: usize,
    /// Hits to skip. Default 0.
    pub offset: usize,
    /// Return every hit (ignores `limit`).
    pub all: bool,
    /// Longest snippet, in characters. Default 200.
    pub snippet_chars: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            query: String::new(),
            limit: 10,
            offset: 0,
            all: false,
            snippet_chars: 200,
        }
    }
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Stable id of the article (hash of path and record).
    pub id: u64,
    pub score: f32,
    /// Path relative to the corpus root.
    pub path: String,
    /// Position inside a multi-article file (JSON array index, JSONL line number).
    pub record: Option<u64>,
    pub title: String,
    pub authors: Vec<String>,
    /// RFC 3339, or null.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// A passage of the body around the best match.
    pub snippet: String,
    /// Byte ranges of matched terms in `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

/// The hits of one page and the number of matching articles.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Searches one index; build it once per process, query it many times.
pub struct NewsSearcher<'a> {
    index: &'a NewsIndex,
    searcher: Searcher,
    parser: QueryParser,
}

impl<'a> NewsSearcher<'a> {
    pub fn new(index: &'a NewsIndex) -> Result<Self> {
        let searcher = index.reader()?.searcher();
        let f = index.fields();
        let mut parser =
            QueryParser::for_index(index.tantivy(), vec![f.title, f.body, f.quote, f.author]);
        parser.set_field_boost(f.title, 2.0);
        Ok(NewsSearcher {
            index,
            searcher,
            parser,
        })
    }

    /// Parses a query; errors carry the position and a hint.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
        if query.trim().is_empty() {
            return Err(query_error(
                query,
                0,
                "empty query",
                "give at least one word, e.g. `newsidx search Sudzha`",
            ));
        }
        let rewritten = rewrite(query);
        self.parser
            .parse_query(&rewritten)
            .map_err(|e| explain(query, &rewritten, e))
    }

    /// Number of articles matching `query`.
    pub fn count(&self, query: &str) -> Result<usize> {
        let q = self.parse(query)?;
        self.searcher
            .search(&*q, &Count)
            .map_err(|e| Error::tantivy(self.index.dir(), e))
    }

    /// Runs a search: ranked by BM25, ties broken by path and record, one page loaded.
    pub fn search(&self, opts: &SearchOptions) -> Result<Results> {
        let q = self.parse(&opts.query)?;
        let terr = |e| Error::tantivy(self.index.dir(), e);
        // One pass counts and ranks; only --all needs the count before it can rank.
        let (total, top): (usize, Vec<(f32, DocAddress)>) = if opts.all {
            let total = self.searcher.search(&*q, &Count).map_err(terr)?;
            let top = self
                .searcher
                .search(&*q, &TopDocs::with_limit(total.max(1)).order_by_score())
                .map_err(terr)?;
            (total, top)
        } else {
            let want = (opts.offset + opts.limit).max(1);
            self.searcher
                .search(&*q, &(Count, TopDocs::with_limit(want).order_by_score()))
                .map_err(terr)?
        };
        if top.is_empty() || (!opts.all && opts.offset >= total) {
            return Ok(Results {
                total,
                hits: Vec::new(),
            });
        }
        let f = self.index.fields();
        let mut snippets = SnippetGenerator::create(&self.searcher, &*q, f.body).map_err(terr)?;
        snippets.set_max_num_chars(opts.snippet_chars);
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = self.searcher.doc(addr).map_err(terr)?;
            hits.push(self.hit(&doc, score, &snippets, opts.snippet_chars));
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.path.cmp(&b.path))
                .then_with(|| a.record.cmp(&b.record))
        });
        if !opts.all {
            hits.drain(..opts.offset.min(hits.len()));
            hits.truncate(opts.limit);
        }
        Ok(Results { total, hits })
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        score: f32,
        gen: &SnippetGenerator,
        max_chars: usize,
    ) -> Hit {
        let f = self.index.fields();
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let body = doc.get_first(f.body).and_then(|v| v.as_str()).unwrap_or("");
        let snippet = gen.snippet(body);
        let (snippet, highlights) = if snippet.fragment().is_empty() {
            (prefix(body, max_chars), Vec::new())
        } else {
            (
                snippet.fragment().to_string(),
                snippet
                    .highlighted()
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect(),
            )
        };
        Hit {
            id: doc.get_first(f.id).and_then(|v| v.as_u64()).unwrap_or(0),
            score,
            path: text(f.path).unwrap_or_default(),
            record: doc.get_first(f.record).and_then(|v| v.as_u64()),
            title: text(f.title).unwrap_or_default(),
            authors: doc
                .get_all(f.author)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
                .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            source: text(f.source),
            url: text(f.url),
            snippet,
            highlights,
        }
    }
}

/// The first `max` characters of `s`, cut at a word boundary.
fn prefix(s: &str, max: usize) -> String {
    let first = s.lines().next().unwrap_or("");
    if first.chars().count() <= max {
        return first.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => cut,
    }
}

static DATE_SHORTHAND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<pre>^|[\s(+\-])date:(?P<y>\d{4})(?:-(?P<m>\d{2}))?(?:-(?P<d>\d{2}))?(?P<post>[\s)]|$)")
        .expect("static regex is valid")
});

/// Rewrites what tantivy's parser does not take: `authors:` as `author:`, and
/// `date:YYYY[-MM[-DD]]` as the range of that whole year, month or day.
fn rewrite(query: &str) -> String {
    let q = query.replace("authors:", "author:");
    DATE_SHORTHAND
        .replace_all(&q, |c: &regex::Captures| {
            let y: i32 = c["y"].parse().unwrap_or(1970);
            let m: Option<u32> = c.name("m").and_then(|m| m.as_str().parse().ok());
            let d: Option<u32> = c.name("d").and_then(|d| d.as_str().parse().ok());
            let (start, end) = match (m, d) {
                (Some(m), Some(d)) => {
                    let s = chrono::NaiveDate::from_ymd_opt(y, m, d);
                    (s, s.and_then(|s| s.succ_opt()))
                }
                (Some(m), None) => {
                    let s = chrono::NaiveDate::from_ymd_opt(y, m, 1);
                    let e = if m == 12 {
                        chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)
                    } else {
                        chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)
                    };
                    (s, e)
                }
                _ => (
                    chrono::NaiveDate::from_ymd_opt(y, 1, 1),
                    chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1),
                ),
            };
            match (start, end) {
                (Some(s), Some(e)) => format!(
                    "{}date:[{}T00:00:00Z TO {}T00:00:00Z}}{}",
                    &c["pre"], s, e, &c["post"]
                ),
                // An impossible date stays as typed, and the parser reports it.
                _ => c[0].to_string(),
            }
        })
        .into_owned()
}

fn query_error(query: &str, position: usize, message: &str, hint: &str) -> Error {
    Error::Query {
        query: query.to_string(),
        position,
        message: message.to_string(),
        hint: hint.to_string(),
    }
}

/// Turns a tantivy parse error into one with a position in the user's query and a hint.
fn explain(query: &str, rewritten: &str, e: QueryParserError) -> Error {
    let known = QUERY_FIELDS.join(", ");
    let pos_of = |needle: &str| {
        query
            .find(needle)
            .map(|b| query[..b].chars().count())
            .unwrap_or(0)
    };
    match e {
        QueryParserError::FieldDoesNotExist(field) => query_error(
            query,
            pos_of(&format!("{field}:")),
            &format!("unknown field `{field}`"),
            &format!("known fields: {known}; quote the text to search for a literal colon"),
        ),
        QueryParserError::SyntaxError(_) => {
            let (_, errors) = tantivy::query_grammar::parse_query_lenient(rewritten);
            let pos = errors
                .first()
                .map(|e| e.pos)
                .unwrap_or(0)
                .min(query.chars().count());
            let message = errors
                .first()
                .map(|e| e.message.clone())
                .unwrap_or_else(|| "syntax error".to_string());
            query_error(
                query,
                pos,
                &message,
                "close quotes and brackets; write ranges as date:[2024-01-01 TO 2024-02-01]",
            )
        }
        QueryParserError::AllButQueryForbidden => query_error(
            query,
            0,
            "a query of only excluded terms matches nothing",
            "add a term to search for, e.g. `Kursk -Sudzha`",
        ),
        QueryParserError::DateFormatError(_) => query_error(
            query,
            pos_of("date:"),
            "bad date",
            "write date:2024, date:2024-08, date:2024-08-07 or date:[2024-01-01 TO 2024-02-01]",
        ),
        other => query_error(
            query,
            0,
            &other.to_string(),
            &format!("known fields: {known}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrite_table() {
        let cases = [
            (
                "date:2024",
                "date:[2024-01-01T00:00:00Z TO 2025-01-01T00:00:00Z}",
            ),
            (
                "Kursk date:2024-12",
                "Kursk date:[2024-12-01T00:00:00Z TO 2025-01-01T00:00:00Z}",
            ),
            (
                "date:2024-02-29 x",
                "date:[2024-02-29T00:00:00Z TO 2024-03-01T00:00:00Z} x",
            ),
            ("authors:Sauer", "author:Sauer"),
            (
                "date:[2024-01-01T00:00:00Z TO 2024-02-01T00:00:00Z]",
                "date:[2024-01-01T00:00:00Z TO 2024-02-01T00:00:00Z]",
            ),
            ("update:2024", "update:2024"),
        ];
        for (q, want) in cases {
            assert_eq!(rewrite(q), want, "{q}");
        }
    }

    #[test]
    fn prefix_cuts_at_word() {
        assert_eq!(prefix("one two three", 9), "one two…");
        assert_eq!(prefix("short", 9), "short");
    }
}
