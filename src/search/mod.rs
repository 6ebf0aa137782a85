//! Stage 6: parse a query, collect the best articles, load what is shown and make snippets.
//! Returns [`Hit`]s (and facet counts); printing is [`crate::output`]'s job (search code
//! never prints). The query language is [`query`]'s, snippets are [`snippet`]'s, facet
//! counting is [`facets`]'s.

pub mod collapse;
mod count;
pub mod facets;
pub mod filter;
mod proximity;
pub mod query;
pub mod quote_search;
mod similar;
pub mod snippet;
pub mod stored;

use std::ops::Bound;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Searcher};

use crate::error::{Error, Result};
use crate::index::schema::TEXT_TOKENIZER;
use crate::index::stored_quotes::StoredQuote;
use crate::index::NewsIndex;
use count::QueryStats;
use facets::{FacetCollector, FacetKind, Facets};
use proximity::{proximity_terms, ranking_depth};
use query::{Compiler, Period};
use snippet::Snippeter;
use stored::{DocBytes, DocStore, StoredArticle};

/// Order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortOrder {
    /// Best match first (BM25), ties by path and record.
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
    /// Oldest first; undated articles last.
    DateAsc,
}

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
    /// Only articles dated in or after this period (`--since`).
    pub since: Option<Period>,
    /// Only articles dated in or before this period (`--until`).
    pub until: Option<Period>,
    pub sort: SortOrder,
    /// Facets to count over all matching articles.
    pub facets: Vec<FacetKind>,
    /// Only articles having each of these facet values exactly (author, agency, source,
    /// lang, speaker): what clicking a facet value narrows to.
    pub filters: Vec<(FacetKind, String)>,
    /// One hit per story: the best-ranked of an article's syndicated copies stands for
    /// them all, and `--all`, counts and facets count stories. Default true.
    pub collapse: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            query: String::new(),
            limit: 10,
            offset: 0,
            all: false,
            snippet_chars: 200,
            since: None,
            until: None,
            sort: SortOrder::Relevance,
            facets: Vec::new(),
            filters: Vec::new(),
            collapse: true,
        }
    }
}

impl SearchOptions {
    /// The `--since`/`--until` filter as a range of seconds, if any.
    fn date_filter(&self) -> Option<(Bound<i64>, Bound<i64>)> {
        if self.since.is_none() && self.until.is_none() {
            return None;
        }
        Some((
            self.since
                .map_or(Bound::Unbounded, |p| Bound::Included(p.start)),
            self.until
                .map_or(Bound::Unbounded, |p| Bound::Excluded(p.end)),
        ))
    }
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Stable id of the article (hash of path and record).
    pub id: u64,
    /// BM25 score; 0 when hits are sorted by date (no scores are computed then).
    pub score: f32,
    /// Path relative to the corpus root.
    pub path: String,
    /// Position inside a multi-article file: JSON array index or JSONL line number
    /// (from 1); for a web archive, the record's offset (see [`crate::formats::warc`]).
    pub record: Option<u64>,
    pub title: String,
    pub authors: Vec<String>,
    /// Wire services and agencies the story is credited to.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// RFC 3339 at the offset the article stated (`Z` when none), or null.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The URL a web archive's record says the page was fetched from; null for files.
    #[serde(default)]
    pub fetched_url: Option<String>,
    /// A passage of the body around the best match.
    pub snippet: String,
    /// Byte ranges of matched terms in `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// When the query's words are found in a direct quotation: the quotation with the most
    /// matches, who said it, and where the matches are. `None` otherwise.
    #[serde(default)]
    pub quote: Option<QuoteMatch>,
    /// The story this article is a copy of: an id shared by all its syndicated copies
    /// (the article's own id when it was printed once).
    #[serde(default)]
    pub cluster: u64,
    /// How many other articles of the index are copies of the same story.
    #[serde(default)]
    pub copies: usize,
    /// Where those copies were published: their sources (their folders when they name
    /// none), each once, of at most [`COPIES_NAMED`] copies (those of lowest id).
    #[serde(default)]
    pub copies_from: Vec<String>,
}

/// Most copies of a hit whose places are named (in order of name).
pub const COPIES_NAMED: usize = 5;

/// A quotation of a hit that the query matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteMatch {
    pub text: String,
    /// `None` when the article does not say who.
    pub speaker: Option<String>,
    /// Byte ranges of matched terms in `text`.
    pub highlights: Vec<(usize, usize)>,
}

/// One article whole, as the index keeps it: what a hit shows, with the language, the
/// cleaned body (paragraphs on lines of their own) and every quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    pub id: u64,
    pub path: String,
    pub record: Option<u64>,
    pub title: String,
    pub authors: Vec<String>,
    pub agencies: Vec<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub fetched_url: Option<String>,
    pub lang: Option<String>,
    pub body: String,
    pub quotes: Vec<ArticleQuote>,
}

/// A quotation of an [`ArticleView`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleQuote {
    pub text: String,
    /// None when the article does not say who.
    pub speaker: Option<String>,
}

/// How many matching articles a ranked page counts before it stops: with more, the
/// total says "more than this" (`total_exact` false). Counting every match of a common word
/// cost as much as ranking it; the exact number is what `--count` (or facets) is for.
/// Elasticsearch stops at the same number by default (`track_total_hits`).
pub const COUNT_CAP: usize = 10_000;

/// Up to how many postings (summed over a ranked query's terms) one pass scores every
/// match and counts them, instead of a pruned ranking and a counting pass: with few
/// matches, the counting pass's second term lookup per field and segment costs more than
/// scoring them all. Above it, counting walks only the shorter posting lists
/// ([`count::union_len`]): a mid word (2,000-10,000 matches) took 7% fewer instructions per
/// search ranked pruned and counted so than scored in one pass (callgrind, 100k articles).
const ONE_PASS_MATCHES: u64 = 1_000;

/// The most matches of a query that cannot skip blocks that a pass after a tie keeps all
/// of (see [`NewsSearcher::ranked`]); more are ranked twice as deep at each pass.
const TIES_KEEP_ALL: usize = 100_000;

/// The hits of one page, the number of matches and the facets asked for.
#[derive(Debug, Clone)]
pub struct Results {
    /// Matching articles (matching stories when `stories`): exact, or a lower bound when
    /// `total_exact` is false.
    pub total: usize,
    /// Copies were folded: one hit per story, and the facets count stories.
    pub collapsed: bool,
    /// `total` counts stories, not articles (collapsed with every hit listed).
    pub stories: bool,
    /// False when counting stopped at [`COUNT_CAP`] (ranked pages without facets).
    pub total_exact: bool,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

impl Default for Results {
    fn default() -> Self {
        Results {
            total: 0,
            collapsed: false,
            stories: false,
            total_exact: true,
            hits: Vec::new(),
            facets: Facets::new(),
        }
    }
}

/// Searches one index; build it once per process, query it many times.
pub struct NewsSearcher<'a> {
    index: &'a NewsIndex,
    searcher: Searcher,
    /// The segments' stored articles, read in place for the hits shown.
    store: DocStore,
    /// The segments' story and id columns, opened once (every search reads them).
    clusters: collapse::Clusters,
    /// The segments' source and folder columns, for where a story's copies were printed.
    places: collapse::Places,
}

impl<'a> NewsSearcher<'a> {
    pub fn new(index: &'a NewsIndex) -> Result<Self> {
        Self::with_searcher(index, index.reader()?.searcher())
    }

    /// Searches one commit of `index`, seen through `searcher` (a server keeps one reader
    /// and makes a `NewsSearcher` per commit it sees).
    pub fn with_searcher(index: &'a NewsIndex, searcher: Searcher) -> Result<Self> {
        let store = DocStore::open(&searcher).map_err(|e| Error::io(index.dir(), e))?;
        let terr = |e| Error::tantivy(index.dir(), e);
        let clusters = collapse::Clusters::open(index, &searcher).map_err(terr)?;
        let places = collapse::Places::open(index, &searcher).map_err(terr)?;
        Ok(NewsSearcher {
            index,
            searcher,
            store,
            clusters,
            places,
        })
    }

    /// Compiles a query; errors carry the position and a hint.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
        Ok(Compiler::new(self.index)?.compile(query, None)?.query)
    }

    /// The query of `opts`, with its date range and its exact-value filters.
    fn compile(&self, opts: &SearchOptions) -> Result<query::Compiled> {
        let mut compiled = Compiler::new(self.index)?.compile(&opts.query, opts.date_filter())?;
        if !opts.filters.is_empty() {
            let schema = self.index.tantivy().schema();
            let mut clauses: Vec<(tantivy::query::Occur, Box<dyn Query>)> =
                vec![(tantivy::query::Occur::Must, compiled.query)];
            for (kind, value) in &opts.filters {
                let field = facets::field_of(*kind, self.index.fields());
                clauses.push((
                    tantivy::query::Occur::Must,
                    Box::new(filter::ExactValue {
                        column: schema.get_field_name(field).to_string(),
                        value: value.clone(),
                    }),
                ));
            }
            compiled.query = Box::new(tantivy::query::BooleanQuery::new(clauses));
            compiled.prunable = false;
        }
        Ok(compiled)
    }

    /// Number of articles matching `query` (and the filters of `opts`); of stories when
    /// `opts.collapse` (an article and its syndicated copies count once).
    pub fn count(&self, opts: &SearchOptions) -> Result<usize> {
        let q = self.compile(opts)?;
        let n = if opts.collapse {
            self.searcher
                .search(&*q.query, &collapse::CountStories::new(self.index))
        } else {
            self.searcher.search(&*q.query, &Count)
        };
        n.map_err(|e| Error::tantivy(self.index.dir(), e))
    }

    /// Runs a search: ranked (by BM25 or date, ties by path and record), facets counted
    /// over every match in the same pass, one page loaded.
    pub fn search(&self, opts: &SearchOptions) -> Result<Results> {
        let compiled = self.compile(opts)?;
        let q = &*compiled.query;
        let terr = |e| Error::tantivy(self.index.dir(), e);
        // One pass counts, ranks and counts facets; only --all needs the count first.
        let want = if opts.all {
            self.searcher.search(q, &Count).map_err(terr)?.max(1)
        } else {
            (opts.offset + opts.limit).max(1)
        };
        // Plain queries of three words or more: the best RERANK_DEPTH are ranked again
        // with how close their words stand in the body (see `rerank_by_proximity`).
        let near = proximity_terms(&compiled);
        let mut total_exact = true;
        let (total, ranked, facets) = if opts.collapse {
            self.folded(q, &compiled, opts, want, near.as_deref(), &mut total_exact)?
        } else {
            self.ranked(
                q,
                &compiled,
                opts,
                want,
                near.as_deref(),
                true,
                &mut total_exact,
            )?
        };
        // Every match listed: the stories are counted.
        let stories = opts.collapse && opts.all;
        let total = if stories { ranked.len() } else { total };
        // A capped count is a lower bound: a deep page may hold more than it says.
        let total = total.max(ranked.len());
        let collapsed = opts.collapse;
        if ranked.is_empty() || (!opts.all && ranked.len() <= opts.offset) {
            return Ok(Results {
                total,
                collapsed,
                stories,
                total_exact,
                hits: Vec::new(),
                facets,
            });
        }
        // Sort the ranked page by its full key (stable ties), then load and snippet
        // only the hits shown.
        let docs = ranked
            .into_iter()
            .map(|(score, addr)| Ok((score, addr, self.doc(addr)?)))
            .collect::<Result<Vec<(f32, DocAddress, DocBytes)>>>()?;
        let mut keyed = docs
            .iter()
            .map(|(score, addr, doc)| Ok((*score, *addr, self.article(doc)?)))
            .collect::<Result<Vec<(f32, DocAddress, StoredArticle)>>>()?;
        keyed.sort_by(|(sa, _, a), (sb, _, b)| {
            let ka = (a.date, a.path, a.record);
            let kb = (b.date, b.path, b.record);
            match opts.sort {
                SortOrder::Relevance => sb
                    .total_cmp(sa)
                    .then_with(|| (ka.1, ka.2).cmp(&(kb.1, kb.2))),
                // Undated last in both directions.
                SortOrder::Date => (kb.0.is_some(), kb.0)
                    .cmp(&(ka.0.is_some(), ka.0))
                    .then_with(|| (ka.1, ka.2).cmp(&(kb.1, kb.2))),
                SortOrder::DateAsc => (ka.0.is_none(), ka.0)
                    .cmp(&(kb.0.is_none(), kb.0))
                    .then_with(|| (ka.1, ka.2).cmp(&(kb.1, kb.2))),
            }
        });
        if !opts.all {
            keyed.drain(..opts.offset.min(keyed.len()));
            keyed.truncate(opts.limit);
        }
        let clusters = &self.clusters;
        let mut snippets = Snippeter::new(self.analyzer()?, compiled.matchers, opts.snippet_chars);
        let mut hits: Vec<Hit> = Vec::with_capacity(keyed.len());
        for (score, addr, article) in keyed {
            let mut hit = self.hit(article, score, &mut snippets);
            hit.cluster = clusters.of(addr);
            hits.push(hit);
        }
        self.add_copies(&mut hits, clusters)?;
        Ok(Results {
            total,
            collapsed,
            stories,
            total_exact,
            hits,
            facets,
        })
    }

    /// Fills in each hit's story: how many other articles are copies of it and where they
    /// were published (the places of its copies of lowest id: the same whatever the order
    /// of the index). One pass over the page's clusters; places from fast columns.
    fn add_copies(&self, hits: &mut [Hit], clusters: &collapse::Clusters) -> Result<()> {
        let terr = |e| Error::tantivy(self.index.dir(), e);
        let wanted: Vec<u64> = hits.iter().map(|h| h.cluster).collect();
        let members =
            collapse::members_of_each(self.index, &self.searcher, &wanted, collapse::MAX_COPIES)
                .map_err(terr)?;
        let places = &self.places;
        for hit in hits {
            let Some(found) = members.get(&hit.cluster) else {
                continue;
            };
            hit.copies = found.len().saturating_sub(1);
            if hit.copies == 0 {
                continue;
            }
            let mut others: Vec<(u64, DocAddress)> = found
                .iter()
                .map(|m| (clusters.id(*m), *m))
                .filter(|(id, _)| *id != hit.id)
                .collect();
            others.sort_unstable();
            for (_, m) in others.into_iter().take(COPIES_NAMED) {
                if let Some(place) = places.of(m) {
                    if !hit.copies_from.contains(&place) {
                        hit.copies_from.push(place);
                    }
                }
            }
            hit.copies_from.sort();
        }
        Ok(())
    }

    /// The best `want` articles of `q` (more when `near` asks for a proximity rerank),
    /// best first with stable ties, the total and the facets of `opts`.
    /// With `count` false the total may be left uncounted (0): a pass that ranks deeper
    /// after a first one has it already.
    #[allow(clippy::too_many_arguments)]
    fn ranked(
        &self,
        q: &dyn Query,
        compiled: &query::Compiled,
        opts: &SearchOptions,
        want: usize,
        near: Option<&[String]>,
        count: bool,
        total_exact: &mut bool,
    ) -> Result<Ranking> {
        let terr = |e| Error::tantivy(self.index.dir(), e);
        // Plain queries of three words or more: the best RERANK_DEPTH are ranked again
        // with how close their words stand in the body (see `rerank_by_proximity`).
        let want = ranking_depth(want, near, opts.sort);
        // Ranked by score, the top `want` must hold every article that ties with the last
        // one: which of several equal scores tantivy keeps depends on the documents'
        // order in the index, and that order is not the same from one build of an index
        // to another (several indexing threads, each making its own segments). So one
        // more is asked for, and while it ties with the last, twice as many; equal scores
        // are then put in a stable order (by article id) before anything is cut.
        // Passes after the first count no facets (the first did), and when every article
        // so far ties (`*`, a filter alone: all score the same) the next takes them all.
        let mut limit = want;
        let mut first: Option<(usize, Facets)> = None;
        let rerun = SearchOptions {
            facets: Vec::new(),
            ..opts.clone()
        };
        let (total, mut ranked, facets) = loop {
            let pass = if first.is_none() { opts } else { &rerun };
            let again = first.is_some() || !count;
            let (total, ranked, facets) =
                self.rank(q, compiled, pass, limit + 1, !again, total_exact)?;
            let (total, facets) = first.take().unwrap_or((total, facets));
            let tied = opts.sort == SortOrder::Relevance
                && ranked.len() > limit
                && ranked[want - 1].0 == ranked[limit].0;
            if !tied {
                break (total, ranked, facets);
            }
            // A query that cannot skip blocks (a phrase, `+a +b`) scores every match on
            // every pass: the next pass keeps them all, for what one more doubling costs.
            let all_tie = ranked[0].0 == ranked[limit].0;
            let scans_all = !compiled.prunable && total <= TIES_KEEP_ALL;
            limit = if (all_tie || scans_all) && *total_exact && count {
                limit.saturating_mul(2).max(total)
            } else {
                limit.saturating_mul(2)
            };
            first = Some((total, facets));
        };
        if opts.sort == SortOrder::Relevance {
            self.stable_ties(&mut ranked).map_err(terr)?;
        }
        ranked.truncate(want);
        let ranked = match (near, opts.sort) {
            (Some(terms), SortOrder::Relevance) => {
                self.rerank_by_proximity(ranked, terms).map_err(terr)?
            }
            _ => ranked,
        };
        Ok((total, ranked, facets))
    }

    /// As [`Self::ranked`], one article per story: ranks deeper until `want` stories are
    /// found or the matches run out. Facets are counted on the first pass only.
    fn folded(
        &self,
        q: &dyn Query,
        compiled: &query::Compiled,
        opts: &SearchOptions,
        want: usize,
        near: Option<&[String]>,
        total_exact: &mut bool,
    ) -> Result<Ranking> {
        let clusters = &self.clusters;
        let rerun = SearchOptions {
            facets: Vec::new(),
            ..opts.clone()
        };
        // A proximity rerank ranks RERANK_DEPTH whatever is asked: start there.
        let mut depth = ranking_depth(want, near, opts.sort);
        let mut first: Option<(usize, Facets)> = None;
        loop {
            let pass = if first.is_none() { opts } else { &rerun };
            let (total, ranked, facets) =
                self.ranked(q, compiled, pass, depth, near, first.is_none(), total_exact)?;
            let (total, facets) = first.take().unwrap_or((total, facets));
            // Fewer than asked, or every match (known exactly) ranked.
            let exhausted = ranked.len() < depth || (*total_exact && ranked.len() >= total);
            let mut ranked = ranked;
            if opts.sort != SortOrder::Relevance {
                // Same dates in a stable order, so the copy kept is the same in every
                // build of the index (ranked by score, ties are already by id).
                self.stable_dates(&mut ranked, opts.sort)
                    .map_err(|e| Error::tantivy(self.index.dir(), e))?;
            }
            let mut folded = clusters.fold(ranked);
            if folded.len() >= want || exhausted {
                // As many as the same search without folding ranks (every one is loaded).
                folded.truncate(ranking_depth(want, near, opts.sort));
                return Ok((total, folded, facets));
            }
            depth = depth.saturating_mul(2);
            first = Some((total, facets));
        }
    }

    /// One ranking pass for [`Self::search`]: the total, the best `want` (by score, or
    /// by date with scores of 0) and the facets. With `count` false the total may be left
    /// uncounted (0) where counting is a pass of its own.
    fn rank(
        &self,
        q: &dyn Query,
        compiled: &query::Compiled,
        opts: &SearchOptions,
        want: usize,
        count: bool,
        total_exact: &mut bool,
    ) -> Result<Ranking> {
        let terr = |e| Error::tantivy(self.index.dir(), e);
        let schema = self.index.tantivy().schema();
        let fields = self.index.fields();
        let facets = FacetCollector::new(&schema, fields, &opts.facets).stories(
            &schema,
            fields,
            opts.collapse,
        );
        Ok(match opts.sort {
            // Ranking alone lets tantivy skip blocks whose best score cannot enter the top
            // (block-max WAND); a collector beside it (Count) forces every match to be
            // scored. So the total is a separate pass that scores nothing and stops at
            // COUNT_CAP.
            SortOrder::Relevance if opts.facets.is_empty() && !opts.all && compiled.prunable => {
                let freqs = self.doc_freqs(q).map_err(terr)?;
                let stats = QueryStats {
                    searcher: &self.searcher,
                    freqs: &freqs,
                };
                if freqs.sum <= ONE_PASS_MATCHES {
                    // Few matches: scoring them all costs less than a second pass.
                    let (total, top) = self
                        .searcher
                        .search_with_statistics_provider(
                            q,
                            &(Count, TopDocs::with_limit(want).order_by_score()),
                            &stats,
                        )
                        .map_err(terr)?;
                    (total, top, Facets::new())
                } else {
                    let top = self
                        .searcher
                        .search_with_statistics_provider(
                            q,
                            &TopDocs::with_limit(want).order_by_score(),
                            &stats,
                        )
                        .map_err(terr)?;
                    if !count {
                        return Ok((0, top, Facets::new()));
                    }
                    let (total, exact) = self.count_up_to(q, COUNT_CAP, &freqs).map_err(terr)?;
                    *total_exact = exact;
                    (total, top, Facets::new())
                }
            }
            // Facets need every match, but not its score: ranking (pruned) and counting
            // (unscored) as two passes beat scoring every match in one.
            SortOrder::Relevance if !opts.all && compiled.prunable => {
                let top = self
                    .searcher
                    .search(q, &TopDocs::with_limit(want).order_by_score())
                    .map_err(terr)?;
                let (total, facets) = self.searcher.search(q, &(Count, facets)).map_err(terr)?;
                (total, top, facets)
            }
            SortOrder::Relevance => self
                .searcher
                .search(
                    q,
                    &(Count, TopDocs::with_limit(want).order_by_score(), facets),
                )
                .map_err(terr)?,
            SortOrder::Date | SortOrder::DateAsc => {
                let order = if opts.sort == SortOrder::Date {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let by_date = TopDocs::with_limit(want).order_by_fast_field::<tantivy::DateTime>(
                    schema.get_field_name(fields.date),
                    order,
                );
                let (n, top, facets) = self
                    .searcher
                    .search(q, &(Count, by_date, facets))
                    .map_err(terr)?;
                (
                    n,
                    top.into_iter().map(|(_, addr)| (0.0, addr)).collect(),
                    facets,
                )
            }
        })
    }

    /// Sorts `ranked` (by date, as `sort` orders) again with equal dates by article id.
    fn stable_dates(
        &self,
        ranked: &mut [(f32, DocAddress)],
        sort: SortOrder,
    ) -> tantivy::Result<()> {
        let schema = self.index.tantivy().schema();
        let date = schema.get_field_name(self.index.fields().date);
        let mut columns = Vec::new();
        for r in self.searcher.segment_readers() {
            columns.push(r.fast_fields().date(date)?);
        }
        let key = |addr: DocAddress| {
            let dates = &columns[addr.segment_ord as usize];
            let d = dates.first(addr.doc_id).map(|d| d.into_timestamp_nanos());
            let d = match (sort, d) {
                // Undated last in both directions.
                (_, None) => (1, 0),
                (SortOrder::DateAsc, Some(d)) => (0, d),
                (_, Some(d)) => (0, d.saturating_neg()),
            };
            (d, self.clusters.id(addr))
        };
        ranked.sort_by_cached_key(|(_, addr)| key(*addr));
        Ok(())
    }

    /// Sorts `ranked` by score, best first, equal scores by article id: the same order
    /// whatever the documents' places in the index.
    fn stable_ties(&self, ranked: &mut [(f32, DocAddress)]) -> tantivy::Result<()> {
        // (Most rankings have no equal scores: nothing to read then.)
        if !ranked.windows(2).any(|w| w[0].0 == w[1].0) {
            return Ok(());
        }
        // The id columns the searcher opened once (opening them per search cost 2%).
        let id = |addr: DocAddress| self.clusters.id(addr);
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| id(a.1).cmp(&id(b.1))));
        Ok(())
    }

    fn analyzer(&self) -> Result<tantivy::tokenizer::TextAnalyzer> {
        self.index.analyzer(TEXT_TOKENIZER)
    }

    /// The stored bytes of one article.
    fn doc(&self, addr: DocAddress) -> Result<DocBytes> {
        self.store
            .get(addr)
            .map_err(|e| Error::tantivy(self.index.dir(), e))
    }

    /// The stored fields of one article, read from its bytes.
    fn article<'d>(&self, doc: &'d DocBytes) -> Result<StoredArticle<'d>> {
        StoredArticle::parse(doc, self.index.fields()).map_err(|e| Error::BadIndex {
            path: self.index.dir().to_path_buf(),
            message: format!("{}; rebuild it with `newsidx index CORPUS --rebuild`", e.0),
        })
    }

    fn hit(&self, a: StoredArticle, score: f32, snippets: &mut Snippeter) -> Hit {
        let body = a.body;
        let (snippet, body_matches) = snippets.snippet_and_matches(body);
        // A quote is a passage of the body: its matches are the body's matches inside it,
        // found without matching again (that doubled the hot path's matching).
        let quote = if snippets.has_matchers() && !body_matches.is_empty() {
            a.quotes()
                .map(|q| {
                    let highlights = match q.at {
                        Some(at) => body_matches
                            .iter()
                            .filter(|(s, e)| *s >= at && *e <= at + q.text.len())
                            .map(|(s, e)| (s - at, e - at))
                            .collect(),
                        None => snippets.highlight_all(q.text),
                    };
                    (highlights, q)
                })
                .filter(|(h, _)| !h.is_empty())
                // Most matches; the first quote of the article on a tie.
                .fold(
                    None::<(Vec<(usize, usize)>, StoredQuote)>,
                    |best, cur| match best {
                        Some(b) if b.0.len() >= cur.0.len() => Some(b),
                        _ => Some(cur),
                    },
                )
                .map(|(highlights, q)| QuoteMatch {
                    text: q.text.to_string(),
                    speaker: (!q.speaker.is_empty()).then(|| q.speaker.to_string()),
                    highlights,
                })
        } else {
            None
        };
        Hit {
            id: a.id,
            score,
            date: a
                .date
                .and_then(|d| crate::index::stated_rfc3339(d.into_timestamp_secs(), a.utc_offset)),
            path: a.path.to_string(),
            record: a.record,
            title: a.title.to_string(),
            authors: a.authors.iter().map(|s| s.to_string()).collect(),
            agencies: a.agencies.iter().map(|s| s.to_string()).collect(),
            source: a.source.map(str::to_string),
            url: a.url.map(str::to_string),
            fetched_url: a.fetched_url.map(str::to_string),
            snippet: snippet.text,
            highlights: snippet.highlights,
            quote,
            cluster: a.id,
            copies: 0,
            copies_from: Vec::new(),
        }
    }
}

/// A ranking pass's total, best documents (with scores) and facets.
type Ranking = (usize, Vec<(f32, DocAddress)>, Facets);

/// Best score first, ties by path and record: the same order on every run.
fn sort_hits(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.record.cmp(&b.record))
    });
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::index::{NoProgress, UpdateOptions};

    /// The case: an article with every word of the query in a long body comes
    /// before articles with one of the words as their headline (summed per-field BM25 put
    /// it last); a headline word alone still finds its headline first.
    #[test]
    fn words_in_the_body_outrank_one_word_in_a_headline() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let filler = "The figures were published on Monday and discussed at length. ".repeat(10);
        let mut files = vec![
            ("title.txt".to_string(), format!("Research\n\n{filler}")),
            ("help.txt".to_string(), format!("Help\n\n{filler}")),
            ("firms.txt".to_string(), format!("Firms\n\n{filler}")),
            (
                "body.txt".to_string(),
                format!(
                    "Quarterly results\n\n{}\n\nThe group may sell two firms to fund \
                     research, which analysts said would help.\n",
                    filler.repeat(3)
                ),
            ),
        ];
        for i in 0..8 {
            files.push((
                format!("other{i}.txt"),
                format!("Weather report for day {i}\n\n{filler}"),
            ));
        }
        for (name, text) in &files {
            std::fs::write(corpus.join(name), text).unwrap();
        }
        let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
        idx.update(&corpus, &UpdateOptions::default(), &NoProgress)
            .unwrap();
        let searcher = NewsSearcher::new(&idx).unwrap();
        // The articles share one body of filler: copies of one story, kept apart here.
        let top = |q: &str| -> Vec<String> {
            let opts = SearchOptions {
                query: q.into(),
                collapse: false,
                ..SearchOptions::default()
            };
            let r = searcher.search(&opts).unwrap();
            r.hits.into_iter().map(|h| h.path).collect()
        };
        let cases = [
            ("sell firms research help", "body.txt", 4),
            ("research", "title.txt", 2),
            ("help", "help.txt", 2),
        ];
        for (q, first, n) in cases {
            let hits = top(q);
            assert_eq!(
                hits.first().map(String::as_str),
                Some(first),
                "{q}: {hits:?}"
            );
            assert_eq!(hits.len(), n, "{q}: {hits:?}");
        }
    }
}
