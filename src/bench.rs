//! `newsidx bench`: the search hot path measured in one process, each query run exactly
//! as `search` runs it (compile, top 10, stored fields, snippets), after a warm-up.
//! Beside the pipeline: it drives [`crate::search`] and returns figures; printing is
//! [`crate::output`]'s.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::error::Result;
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
pub fn run(searcher: &NewsSearcher, opts: &BenchOptions) -> Result<Report> {
    let mut all = Vec::with_capacity(opts.queries.len() * opts.runs);
    let mut figures = Vec::with_capacity(opts.queries.len());
    let mut timed_runs = 0usize;
    let mut timed_total = 0f64;
    for q in &opts.queries {
        let search = SearchOptions {
            query: q.clone(),
            ..opts.search.clone()
        };
        let mut hits = searcher.search(&search)?.total;
        for _ in 0..opts.warmup {
            std::hint::black_box(searcher.search(&search)?);
        }
        let mut samples = Vec::with_capacity(opts.runs);
        for _ in 0..opts.runs.max(1) {
            let t = Instant::now();
            let r = std::hint::black_box(searcher.search(&search)?);
            let us = t.elapsed().as_secs_f64() * 1e6;
            hits = r.total;
            samples.push(us);
            timed_total += us;
            timed_runs += 1;
        }
        samples.sort_by(f64::total_cmp);
        figures.push(QueryFigures {
            query: q.clone(),
            hits,
            p50_us: percentile(&samples, 50.0),
            p95_us: percentile(&samples, 95.0),
            p99_us: percentile(&samples, 99.0),
        });
        all.extend(samples);
    }
    all.sort_by(f64::total_cmp);
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
                })
                .collect(),
            overall: Overall {
                p50_us: overall,
                p99_us: overall,
                qps: 1.0,
            },
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
