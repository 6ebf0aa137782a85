//! `newsidx bench`: the search hot path measured in one process, each query run exactly
//! as `search` runs it (compile, top 10, stored fields, snippets), after a warm-up; with
//! `--peer`, raw tantivy's least work on the same index is timed in the same run.
//! Beside the pipeline: it drives [`crate::search`] and returns figures; printing is
//! [`crate::output`]'s.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use tantivy::collector::TopDocs;
use tantivy::query::{Query, QueryParser};
use tantivy::{Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::NewsIndex;
use crate::search::{NewsSearcher, SearchOptions};

/// Built-in mixed set, used without `--queries`: rare, mid and common words, a phrase,
/// AND, OR, a field, a prefix, a typo, a date range, an exclusion.
pub const BUILT_IN: &[&str] = &[
    "Sudzha",
    "territory",
    "government",
    "said",
    "\"prime minister\"",
    "+election +labour",
    "music OR film",
    "title:economy",
    "govern*",
    "goverment~1",
    "date:[2004 TO 2005]",
    "market -shares",
];

/// How to run the queries.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub queries: Vec<String>,
    /// Timed runs per query. Default 20.
    pub runs: usize,
    /// Untimed runs per query first. Default 3.
    pub warmup: usize,
    /// How each query runs, but for its words (`query` is replaced): facets, sort order,
    /// page size. Default: a plain `search`.
    pub search: SearchOptions,
}

/// Figures of one query, in microseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryFigures {
    pub query: String,
    /// Matching articles.
    pub hits: usize,
    pub p50_us: f64,
    pub p95_us: f64,
    pub p99_us: f64,
    /// p50 of [`RawPeer`] on the same query (`--peer`); None when not asked for, or
    /// when tantivy's query parser does not take the query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_p50_us: Option<f64>,
}

/// Figures over every timed run of every query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    pub p50_us: f64,
    pub p99_us: f64,
    /// Queries per second, one thread, back to back.
    pub qps: f64,
}

/// A whole benchmark; the `--json` output and the `--baseline` input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub queries: Vec<QueryFigures>,
    pub overall: Overall,
    /// Newsidx beside [`RawPeer`] (`--peer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<PeerFigures>,
}

/// Newsidx and raw tantivy over the queries both ran, every timed run of each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerFigures {
    /// Queries both ran.
    pub queries: usize,
    pub newsidx_p50_us: f64,
    pub peer_p50_us: f64,
    /// `newsidx_p50_us / peer_p50_us`: how many times raw tantivy's least work newsidx
    /// takes at p50.
    pub ratio: f64,
}

/// Raw tantivy doing the least work a search can do on newsidx's index: tantivy's own
/// query parser over title and body (with the index's analyzers), top 10 by BM25, each
/// hit's stored document read by tantivy's deserializer; no count, snippets or quotes.
/// The peer of the hot-path target, the same as `benches/search.rs`'s `raw_tantivy`.
pub struct RawPeer {
    searcher: Searcher,
    parser: QueryParser,
    /// The index folder, for errors.
    dir: std::path::PathBuf,
}

impl RawPeer {
    pub fn new(index: &NewsIndex) -> Result<RawPeer> {
        let f = index.fields();
        Ok(RawPeer {
            searcher: index.reader()?.searcher(),
            parser: QueryParser::for_index(index.tantivy(), vec![f.title, f.body]),
            dir: index.dir().to_path_buf(),
        })
    }

    /// The query as tantivy's parser reads it; None when it does not take it (newsidx's
    /// own syntax, such as dates written as years).
    pub fn parse(&self, query: &str) -> Option<Box<dyn Query>> {
        self.parser.parse_query(query).ok()
    }

    /// Parses `query`, ranks its top 10 and loads their stored documents: how many were
    /// loaded (0 for a query the parser does not take).
    pub fn top10(&self, query: &str) -> Result<usize> {
        let Some(q) = self.parse(query) else {
            return Ok(0);
        };
        let err = |e| Error::tantivy(&self.dir, e);
        let top = self
            .searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .map_err(err)?;
        for (_, addr) in &top {
            std::hint::black_box(self.searcher.doc::<TantivyDocument>(*addr).map_err(err)?);
        }
        Ok(top.len())
    }
}

/// A figure slower than its baseline by more than [`REGRESSION`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Regression {
    /// The query, or `overall`.
    pub what: String,
    pub baseline_us: f64,
    pub now_us: f64,
}

/// Slower than the baseline by more than this ratio is a regression (10%).
pub const REGRESSION: f64 = 1.10;

/// Runs the benchmark. A bad query fails the run (with its position), before timing.
/// With a `peer`, each timed run of a query is followed by one of the peer on the same
/// query (when tantivy's parser takes it).
pub fn run(searcher: &NewsSearcher, peer: Option<&RawPeer>, opts: &BenchOptions) -> Result<Report> {
    let mut all = Vec::with_capacity(opts.queries.len() * opts.runs);
    // Every timed run of the queries the peer also ran, newsidx's and the peer's.
    let (mut paired, mut peer_paired, mut peer_queries) = (Vec::new(), Vec::new(), 0);
    let mut figures = Vec::with_capacity(opts.queries.len());
    let mut timed_runs = 0usize;
    let mut timed_total = 0f64;
    for q in &opts.queries {
        let search = SearchOptions {
            query: q.clone(),
            ..opts.search.clone()
        };
        let mut hits = searcher.search(&search)?.total;
        let peer = peer.filter(|p| p.parse(q).is_some());
        for _ in 0..opts.warmup {
            std::hint::black_box(searcher.search(&search)?);
            if let Some(p) = peer {
                p.top10(q)?;
            }
        }
        let mut samples = Vec::with_capacity(opts.runs);
        let mut peer_samples = Vec::with_capacity(opts.runs);
        for _ in 0..opts.runs.max(1) {
            let t = Instant::now();
            let r = std::hint::black_box(searcher.search(&search)?);
            let us = t.elapsed().as_secs_f64() * 1e6;
            hits = r.total;
            samples.push(us);
            timed_total += us;
            timed_runs += 1;
            if let Some(p) = peer {
                let t = Instant::now();
                p.top10(q)?;
                peer_samples.push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
        samples.sort_by(f64::total_cmp);
        peer_samples.sort_by(f64::total_cmp);
        if peer.is_some() {
            paired.extend_from_slice(&samples);
            peer_paired.extend_from_slice(&peer_samples);
            peer_queries += 1;
        }
        figures.push(QueryFigures {
            query: q.clone(),
            hits,
            p50_us: percentile(&samples, 50.0),
            p95_us: percentile(&samples, 95.0),
            p99_us: percentile(&samples, 99.0),
            peer_p50_us: peer.map(|_| percentile(&peer_samples, 50.0)),
        });
        all.extend(samples);
    }
    all.sort_by(f64::total_cmp);
    paired.sort_by(f64::total_cmp);
    peer_paired.sort_by(f64::total_cmp);
    let peer = (peer_queries > 0).then(|| {
        let (newsidx_p50_us, peer_p50_us) =
            (percentile(&paired, 50.0), percentile(&peer_paired, 50.0));
        PeerFigures {
            queries: peer_queries,
            newsidx_p50_us,
            peer_p50_us,
            ratio: newsidx_p50_us / peer_p50_us.max(f64::MIN_POSITIVE),
        }
    });
    Ok(Report {
        queries: figures,
        overall: Overall {
            p50_us: percentile(&all, 50.0),
            p99_us: percentile(&all, 99.0),
            qps: if timed_total > 0.0 {
                timed_runs as f64 / (timed_total / 1e6)
            } else {
                0.0
            },
        },
        peer,
    })
}

/// Nearest-rank percentile of sorted samples; 0 for none.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// p50 figures of `now` more than 10% slower than in `baseline` (queries matched by
/// text; queries only in one of them are not compared), and the overall p50.
pub fn regressions(baseline: &Report, now: &Report) -> Vec<Regression> {
    let mut out = Vec::new();
    for q in &now.queries {
        if let Some(b) = baseline.queries.iter().find(|b| b.query == q.query) {
            if q.p50_us > b.p50_us * REGRESSION {
                out.push(Regression {
                    what: q.query.clone(),
                    baseline_us: b.p50_us,
                    now_us: q.p50_us,
                });
            }
        }
    }
    if now.overall.p50_us > baseline.overall.p50_us * REGRESSION {
        out.push(Regression {
            what: "overall".to_string(),
            baseline_us: baseline.overall.p50_us,
            now_us: now.overall.p50_us,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_table() {
        let s: Vec<f64> = (1..=100).map(f64::from).collect();
        let cases = [
            (50.0, 50.0),
            (95.0, 95.0),
            (99.0, 99.0),
            (100.0, 100.0),
            (0.0, 1.0),
        ];
        for (p, want) in cases {
            assert_eq!(percentile(&s, p), want, "p{p}");
        }
        assert_eq!(percentile(&[7.0], 99.0), 7.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    fn report(p50s: &[(&str, f64)], overall: f64) -> Report {
        Report {
            queries: p50s
                .iter()
                .map(|(q, p)| QueryFigures {
                    query: q.to_string(),
                    hits: 1,
                    p50_us: *p,
                    p95_us: *p,
                    p99_us: *p,
                    peer_p50_us: None,
                })
                .collect(),
            overall: Overall {
                p50_us: overall,
                p99_us: overall,
                qps: 1.0,
            },
            peer: None,
        }
    }

    #[test]
    fn regressions_are_over_ten_percent_slower() {
        let base = report(&[("a", 100.0), ("b", 100.0), ("c", 100.0)], 100.0);
        let now = report(&[("a", 109.0), ("b", 111.0), ("d", 500.0)], 120.0);
        let r: Vec<String> = regressions(&base, &now)
            .into_iter()
            .map(|r| r.what)
            .collect();
        assert_eq!(r, ["b", "overall"]);
    }
}
