//! Stage 6d: quote search. `quotes` finds articles whose quotes match a query (compiled
//! over the `quote` field) and a speaker, then lists the matching quotes themselves,
//! with their speaker and article; `speakers` counts who is quoted.

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, ExistsQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Order, Term};

use rustc_hash::FxHashSet;

use super::collapse::Clusters;
use super::facets::{FacetCollector, FacetCount, FacetKind};
use super::query::{token_groups, Compiler};
use super::snippet::Snippeter;
use super::{NewsSearcher, SortOrder};
use crate::error::{Error, Result};
use crate::index::schema::{FieldKind, NAME_TOKENIZER, TEXT_TOKENIZER};

/// What `quotes` looks for.
#[derive(Debug, Clone, Default)]
pub struct QuoteOptions {
    /// Words of the quote (query language, over the quote field); None: any quote.
    pub query: Option<String>,
    /// The speaker: a surname or full name, accents and case folded.
    pub speaker: Option<String>,
    /// Quotes to list. Default 20.
    pub limit: usize,
    /// Relevance (best articles first) or date.
    pub sort: SortOrder,
    /// A story's quotes once: the articles that are copies of one already listed are
    /// passed over.
    pub collapse: bool,
}

/// One quotation and where it was said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    /// None when the extractor found no speaker.
    pub speaker: Option<String>,
    pub quote: String,
    /// Byte ranges of the query's words in `quote`.
    pub highlights: Vec<(usize, usize)>,
    pub title: String,
    pub date: Option<String>,
    pub path: String,
    pub record: Option<u64>,
    /// The article's id, as `search --json` gives it.
    pub id: u64,
}

/// Articles read per batch while gathering quotes.
const BATCH: usize = 64;
/// At most this many articles are read for one listing.
const MAX_ARTICLES: usize = 20_000;

impl NewsSearcher<'_> {
    /// Quotes matching `opts`, best articles (or newest) first, in article order within one.
    pub fn quotes(&self, opts: &QuoteOptions) -> Result<Vec<QuoteHit>> {
        let f = *self.index.fields();
        let terr = |e| Error::tantivy(self.index.dir(), e);
        let mut name = self.index.analyzer(NAME_TOKENIZER)?;
        let speaker_words: Vec<String> = opts
            .speaker
            .as_deref()
            .map(|s| {
                token_groups(&mut name, s)
                    .into_iter()
                    .map(|g| g[0].clone())
                    .collect()
            })
            .unwrap_or_default();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut matchers = Vec::new();
        if let Some(q) = opts.query.as_deref().filter(|q| !q.trim().is_empty()) {
            let compiled = Compiler::new(self.index)?
                .over(f.quote, FieldKind::Text)
                .compile(q, None)?;
            matchers = compiled.matchers;
            clauses.push((Occur::Must, compiled.query));
        }
        match speaker_words.len() {
            0 => {}
            1 => clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.speaker, &speaker_words[0]),
                    IndexRecordOption::Basic,
                )),
            )),
            _ => clauses.push((
                Occur::Must,
                Box::new(PhraseQuery::new(
                    speaker_words
                        .iter()
                        .map(|w| Term::from_field_text(f.speaker, w))
                        .collect(),
                )),
            )),
        }
        let schema = self.index.tantivy().schema();
        if clauses.is_empty() {
            // Any article with a quote.
            clauses.push((
                Occur::Must,
                Box::new(ExistsQuery::new(
                    schema.get_field_name(f.speaker).to_string(),
                    false,
                )),
            ));
        }
        let query = BooleanQuery::new(clauses);
        let mut snippets = Snippeter::new(self.index.analyzer(TEXT_TOKENIZER)?, matchers, 200);
        let limit = opts.limit.max(1);
        // Article metadata only: a snippeter without matchers just cuts a short lead.
        let mut meta = Snippeter::new(self.index.analyzer(TEXT_TOKENIZER)?, Vec::new(), 20);
        let mut out = Vec::new();
        let mut offset = 0;
        let clusters = Clusters::open(self.index, &self.searcher).map_err(terr)?;
        let mut stories: FxHashSet<u64> = FxHashSet::default();
        while out.len() < limit && offset < MAX_ARTICLES {
            let top = TopDocs::with_limit(BATCH).and_offset(offset);
            let batch: Vec<DocAddress> = match opts.sort {
                SortOrder::Relevance => self
                    .searcher
                    .search(&query, &top.order_by_score())
                    .map_err(terr)?
                    .into_iter()
                    .map(|(_, a)| a)
                    .collect(),
                SortOrder::Date | SortOrder::DateAsc => {
                    let order = if opts.sort == SortOrder::Date {
                        Order::Desc
                    } else {
                        Order::Asc
                    };
                    self.searcher
                        .search(
                            &query,
                            &top.order_by_fast_field::<tantivy::DateTime>(
                                schema.get_field_name(f.date),
                                order,
                            ),
                        )
                        .map_err(terr)?
                        .into_iter()
                        .map(|(_, a)| a)
                        .collect()
                }
            };
            if batch.is_empty() {
                break;
            }
            offset += batch.len();
            for addr in batch {
                let story = clusters.of(addr);
                if opts.collapse && stories.contains(&story) {
                    continue;
                }
                let doc = self.doc(addr)?;
                let article = self.article(&doc)?;
                let quotes: Vec<(String, String)> = article
                    .quotes()
                    .map(|q| (q.text.to_string(), q.speaker.to_string()))
                    .collect();
                let hit = self.hit(article, 0.0, &mut meta);
                for (quote, speaker) in &quotes {
                    if !speaker_words.is_empty() {
                        let said: Vec<String> = token_groups(&mut name, speaker)
                            .into_iter()
                            .map(|g| g[0].clone())
                            .collect();
                        if !speaker_words.iter().all(|w| said.contains(w)) {
                            continue;
                        }
                    }
                    let highlights = snippets.highlight_all(quote);
                    if snippets.has_matchers() && highlights.is_empty() {
                        continue;
                    }
                    // The story's quotes are listed from this copy: not from the others.
                    stories.insert(story);
                    out.push(QuoteHit {
                        speaker: (!speaker.is_empty()).then(|| speaker.to_string()),
                        quote: quote.to_string(),
                        highlights,
                        title: hit.title.clone(),
                        date: hit.date.clone(),
                        path: hit.path.clone(),
                        record: hit.record,
                        id: hit.id,
                    });
                    if out.len() == limit {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Who is quoted, most articles first: (speaker, articles quoting them); stories
    /// quoting them when `stories` (an article and its copies count once).
    pub fn speakers(&self, stories: bool) -> Result<Vec<FacetCount>> {
        let schema = self.index.tantivy().schema();
        let fields = self.index.fields();
        let collector = FacetCollector::new(&schema, fields, &[FacetKind::Speaker])
            .stories(&schema, fields, stories);
        let mut facets = self
            .searcher
            .search(&AllQuery, &collector)
            .map_err(|e| Error::tantivy(self.index.dir(), e))?;
        Ok(facets.remove(&FacetKind::Speaker).unwrap_or_default())
    }
}
