//! `newsidx bench`: the search hot path measured in one process, each query run exactly
//! as `search` runs it (compile, top 10, stored fields, snippets), after a warm-up; with
//! `--peer`, raw tantivy's least work on the same index is timed in the same run; with
//! `--peer-bin`, a peer program on its own index (`examples/raw_peer.rs`), query by query.
//! Beside the pipeline: it drives [`crate::search`] and returns figures; printing is
//! [`crate::output`]'s.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
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
    /// 99% confidence interval of the median (order statistics of the timed runs): a
    /// change is judged against it. 0 in reports of older versions.
    #[serde(default)]
    pub ci_low_us: f64,
    #[serde(default)]
    pub ci_high_us: f64,
    /// p50 of the [`Peer`] on the same query (`--peer`, `--peer-bin`); None when not
    /// asked for, or when the peer does not take the query.
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
    /// The interquartile range of the p50s of the rounds (each round times every query
    /// once), relative to the p50: the noise of this machine during this run. 0 in
    /// reports of older versions.
    #[serde(default)]
    pub noise: f64,
    /// p50 of a fixed piece of work ([`calibrate`]) timed after every query run: the
    /// speed of the machine during this run. A baseline is compared in units of it, so
    /// a machine busier (or idler) than when the baseline was made is not read as a
    /// change of newsidx. 0 in reports of older versions.
    #[serde(default)]
    pub calibration_us: f64,
}

/// The fixed work timed beside every query run: an xxh3 hash of 256 KiB (in cache, as a
/// search's working set mostly is). Returns the hash, so it cannot be optimised away.
pub fn calibrate(buffer: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(buffer)
}

/// A whole benchmark; the `--json` output and the `--baseline` input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub queries: Vec<QueryFigures>,
    pub overall: Overall,
    /// Newsidx beside a [`Peer`] (`--peer`, `--peer-bin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<PeerFigures>,
}

/// Newsidx and raw tantivy over the queries both ran, every timed run of each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerFigures {
    /// What the peer is ([`Peer::name`]); empty in reports of older versions.
    #[serde(default)]
    pub name: String,
    /// Queries both ran.
    pub queries: usize,
    pub newsidx_p50_us: f64,
    pub peer_p50_us: f64,
    /// `newsidx_p50_us / peer_p50_us`: how many times raw tantivy's least work newsidx
    /// takes at p50.
    pub ratio: f64,
}

/// A search engine timed beside newsidx on the same queries, query by query.
pub trait Peer {
    /// Runs `query` once, top 10 with stored documents: the microseconds it took, or None
    /// when the peer does not take the query.
    fn time(&mut self, query: &str) -> Result<Option<f64>>;

    /// What the peer is, for reports and errors.
    fn name(&self) -> String;
}

/// Raw tantivy doing the least work a search can do on newsidx's index: tantivy's own
/// query parser over title and body (with the index's analyzers), top 10 by BM25, each
/// hit's stored document read by tantivy's deserializer; no count, snippets or quotes.
/// The peer of the hot-path target, the same as `benches/search.rs`'s `raw_tantivy`.
pub struct RawPeer {
    searcher: Searcher,
    parser: QueryParser,
    /// The index folder, for errors.
    dir: PathBuf,
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
        match self.parse(query) {
            Some(q) => self.top10_of(q.as_ref()),
            None => Ok(0),
        }
    }

    fn top10_of(&self, q: &dyn Query) -> Result<usize> {
        let err = |e| Error::tantivy(&self.dir, e);
        let top = self
            .searcher
            .search(q, &TopDocs::with_limit(10).order_by_score())
            .map_err(err)?;
        for (_, addr) in &top {
            std::hint::black_box(self.searcher.doc::<TantivyDocument>(*addr).map_err(err)?);
        }
        Ok(top.len())
    }
}

impl Peer for RawPeer {
    fn time(&mut self, query: &str) -> Result<Option<f64>> {
        let started = Instant::now();
        let Some(q) = self.parse(query) else {
            return Ok(None);
        };
        std::hint::black_box(self.top10_of(q.as_ref())?);
        Ok(Some(started.elapsed().as_secs_f64() * 1e6))
    }

    fn name(&self) -> String {
        "raw tantivy's least work".to_string()
    }
}

/// A peer in its own process (`--peer-bin`): newsidx writes it one query a line on its
/// standard input and reads one line back for each, `HITS MICROSECONDS` (its own timing
/// of the query, so that the pipe is not counted) or `- 0` for a query it does not take.
/// `examples/raw_peer.rs` is one.
pub struct PeerProcess {
    bin: PathBuf,
    child: Child,
    input: BufWriter<ChildStdin>,
    output: BufReader<ChildStdout>,
    /// Queries sent so far, to name the one an answer is wrong for.
    sent: usize,
}

impl PeerProcess {
    /// Starts `bin` with `args`.
    pub fn start(bin: &Path, args: &[String]) -> Result<PeerProcess> {
        let mut child = Command::new(bin)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| Error::io(bin, e))?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            unreachable!("both are piped above");
        };
        Ok(PeerProcess {
            bin: bin.to_path_buf(),
            child,
            input: BufWriter::new(input),
            output: BufReader::new(output),
            sent: 0,
        })
    }

    /// `, exit status N` once the peer has ended; empty while it runs.
    fn status(&mut self) -> String {
        // A peer that closed its pipes is usually ending: give it a moment.
        std::thread::sleep(std::time::Duration::from_millis(50));
        match self.child.try_wait() {
            Ok(Some(status)) => format!(", {status}"),
            _ => String::new(),
        }
    }
}

impl Peer for PeerProcess {
    fn time(&mut self, query: &str) -> Result<Option<f64>> {
        self.sent += 1;
        let (bin, sent) = (self.bin.clone(), self.sent);
        let bad = move |what: &str| {
            Error::Format {
            path: bin.clone(),
            message: format!(
                "peer answer {sent} (query `{query}`): {what}; a peer answers each query line with `HITS MICROSECONDS`, or `- 0` when it does not take the query"
            ),
        }
        };
        let mut line = String::new();
        let exchanged = writeln!(self.input, "{query}")
            .and_then(|()| self.input.flush())
            .and_then(|_| self.output.read_line(&mut line));
        if let Err(e) = exchanged {
            return Err(bad(&format!("it stopped reading ({e}){}", self.status())));
        }
        if line.is_empty() {
            return Err(bad(&format!("it closed its output{}", self.status())));
        }
        match line.split_whitespace().collect::<Vec<_>>().as_slice() {
            ["-", _] => Ok(None),
            [hits, us] if hits.parse::<usize>().is_ok() => match us.parse::<f64>() {
                Ok(us) if us.is_finite() && us >= 0.0 => Ok(Some(us)),
                _ => Err(bad(&format!("`{}` is not a time", us))),
            },
            _ => Err(bad(&format!("it answered `{}`", line.trim_end()))),
        }
    }

    fn name(&self) -> String {
        format!("the peer {}", self.bin.display())
    }
}

impl Drop for PeerProcess {
    fn drop(&mut self) {
        // The run is over (or failed): the peer is stopped, not waited for.
        let _ = self.child.kill();
        let _ = self.child.wait();
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
/// query (when the peer takes it).
pub fn run(
    searcher: &NewsSearcher,
    mut peer: Option<&mut dyn Peer>,
    opts: &BenchOptions,
) -> Result<Report> {
    struct Timed<'q> {
        query: &'q str,
        search: SearchOptions,
        hits: usize,
        peer: bool,
        samples: Vec<f64>,
        peer_samples: Vec<f64>,
    }
    let peer_name = peer.as_ref().map(|p| p.name()).unwrap_or_default();
    let mut timed = Vec::with_capacity(opts.queries.len());
    for q in &opts.queries {
        let search = SearchOptions {
            query: q.clone(),
            ..opts.search.clone()
        };
        let takes = match peer.as_deref_mut() {
            Some(p) => p.time(q)?.is_some(),
            None => false,
        };
        timed.push(Timed {
            query: q,
            hits: searcher.search(&search)?.total,
            search,
            peer: takes,
            samples: Vec::with_capacity(opts.runs),
            peer_samples: Vec::with_capacity(opts.runs),
        });
    }
    // Rounds over the whole set, so that each query's runs are spread over the run's
    // time: a moment of load elsewhere on the machine widens every query's interval a
    // little instead of shifting one query's whole sample.
    for _ in 0..opts.warmup {
        for t in &timed {
            std::hint::black_box(searcher.search(&t.search)?);
            if let Some(p) = peer.as_deref_mut().filter(|_| t.peer) {
                p.time(t.query)?;
            }
        }
    }
    let buffer: Vec<u8> = (0..256 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut calibration = Vec::with_capacity(opts.queries.len() * opts.runs);
    let mut all = Vec::with_capacity(opts.queries.len() * opts.runs);
    let mut round_p50s = Vec::with_capacity(opts.runs);
    let mut timed_total = 0f64;
    for _ in 0..opts.runs.max(1) {
        let mut round = Vec::with_capacity(timed.len());
        for t in &mut timed {
            let started = Instant::now();
            let r = std::hint::black_box(searcher.search(&t.search)?);
            let us = started.elapsed().as_secs_f64() * 1e6;
            t.hits = r.total;
            t.samples.push(us);
            round.push(us);
            timed_total += us;
            if let Some(p) = peer.as_deref_mut().filter(|_| t.peer) {
                // Taken once, a query is taken every time: a peer that stops taking
                // it is answering something else.
                let us = p.time(t.query)?.ok_or_else(|| Error::Format {
                    path: PathBuf::from(p.name()),
                    message: format!("took `{}` once and then refused it", t.query),
                })?;
                t.peer_samples.push(us);
            }
            let started = Instant::now();
            std::hint::black_box(calibrate(std::hint::black_box(&buffer)));
            calibration.push(started.elapsed().as_secs_f64() * 1e6);
        }
        round.sort_by(f64::total_cmp);
        round_p50s.push(percentile(&round, 50.0));
        all.extend(round);
    }
    // Every timed run of the queries the peer also ran, newsidx's and the peer's.
    let (mut paired, mut peer_paired, mut peer_queries) = (Vec::new(), Vec::new(), 0);
    let mut figures = Vec::with_capacity(timed.len());
    for mut t in timed {
        t.samples.sort_by(f64::total_cmp);
        t.peer_samples.sort_by(f64::total_cmp);
        if t.peer {
            paired.extend_from_slice(&t.samples);
            peer_paired.extend_from_slice(&t.peer_samples);
            peer_queries += 1;
        }
        let (ci_low_us, ci_high_us) = median_ci(&t.samples);
        figures.push(QueryFigures {
            query: t.query.to_string(),
            hits: t.hits,
            p50_us: percentile(&t.samples, 50.0),
            p95_us: percentile(&t.samples, 95.0),
            p99_us: percentile(&t.samples, 99.0),
            ci_low_us,
            ci_high_us,
            peer_p50_us: t.peer.then(|| percentile(&t.peer_samples, 50.0)),
        });
    }
    calibration.sort_by(f64::total_cmp);
    let timed_runs = all.len();
    all.sort_by(f64::total_cmp);
    round_p50s.sort_by(f64::total_cmp);
    let p50 = percentile(&all, 50.0);
    // The spread of the rounds' p50s (interquartile range) relative to the p50.
    let noise = if p50 > 0.0 {
        (percentile(&round_p50s, 75.0) - percentile(&round_p50s, 25.0)) / p50
    } else {
        0.0
    };
    paired.sort_by(f64::total_cmp);
    peer_paired.sort_by(f64::total_cmp);
    let peer = (peer_queries > 0).then(|| {
        let (newsidx_p50_us, peer_p50_us) =
            (percentile(&paired, 50.0), percentile(&peer_paired, 50.0));
        PeerFigures {
            name: peer_name.clone(),
            queries: peer_queries,
            newsidx_p50_us,
            peer_p50_us,
            ratio: newsidx_p50_us / peer_p50_us.max(f64::MIN_POSITIVE),
        }
    });
    Ok(Report {
        queries: figures,
        overall: Overall {
            p50_us: p50,
            noise,
            calibration_us: percentile(&calibration, 50.0),
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

/// The 99% confidence interval of the median of sorted samples, by order statistics
/// (the ranks n/2 -/+ 2.576 sqrt(n)/2): no assumption about the shape of the timings.
pub fn median_ci(sorted: &[f64]) -> (f64, f64) {
    let n = sorted.len();
    if n == 0 {
        return (0.0, 0.0);
    }
    let half = 2.576 * (n as f64).sqrt() / 2.0;
    let lo = ((n as f64 / 2.0 - half).floor() as usize).clamp(1, n);
    let hi = ((n as f64 / 2.0 + half).ceil() as usize).clamp(1, n);
    (sorted[lo - 1], sorted[hi - 1])
}

/// The changes of `now` against `baseline` that noise does not explain. A query
/// regresses when its p50 is more than 10% slower and the 99% confidence intervals of
/// the two medians do not overlap (queries matched by text; queries only in one report
/// are not compared; a report without intervals counts its p50 as one). The overall p50
/// regresses when it is slower by more than 10% or by three times the noise either run
/// measured, whichever is more. Baseline times are first scaled by the machine's speed
/// in each run ([`Overall::calibration_us`]).
pub fn regressions(baseline: &Report, now: &Report) -> Vec<Regression> {
    // Baseline times in units of this run's machine speed, when both runs measured it.
    let scale = match (baseline.overall.calibration_us, now.overall.calibration_us) {
        (b, n) if b > 0.0 && n > 0.0 => n / b,
        _ => 1.0,
    };
    let interval = |q: &QueryFigures, scale: f64| {
        if q.ci_high_us > 0.0 {
            (q.ci_low_us * scale, q.ci_high_us * scale)
        } else {
            (q.p50_us * scale, q.p50_us * scale)
        }
    };
    let mut out = Vec::new();
    for q in &now.queries {
        if let Some(b) = baseline.queries.iter().find(|b| b.query == q.query) {
            if q.p50_us > b.p50_us * scale * REGRESSION && interval(q, 1.0).0 > interval(b, scale).1
            {
                out.push(Regression {
                    what: q.query.clone(),
                    baseline_us: b.p50_us,
                    now_us: q.p50_us,
                });
            }
        }
    }
    let margin = (REGRESSION - 1.0).max(3.0 * baseline.overall.noise.max(now.overall.noise));
    if now.overall.p50_us > baseline.overall.p50_us * scale * (1.0 + margin) {
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
                    ci_low_us: 0.0,
                    ci_high_us: 0.0,
                    peer_p50_us: None,
                })
                .collect(),
            overall: Overall {
                p50_us: overall,
                p99_us: overall,
                qps: 1.0,
                noise: 0.0,
                calibration_us: 0.0,
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

    /// `bench --baseline` called noise a regression: the same binary, a minute apart,
    /// "+39%" on one query whose timings spread that wide in both runs.
    #[test]
    fn noise_is_not_a_regression() {
        let with_ci = |p50: f64, lo: f64, hi: f64, noise: f64| {
            let mut r = report(&[("q", p50)], p50);
            r.queries[0].ci_low_us = lo;
            r.queries[0].ci_high_us = hi;
            r.overall.noise = noise;
            r
        };
        let what = |b: &Report, n: &Report| -> Vec<String> {
            regressions(b, n).into_iter().map(|r| r.what).collect()
        };
        // +39% with overlapping intervals, the machine's noise at 15%: nothing.
        let base = with_ci(100.0, 80.0, 150.0, 0.15);
        let now = with_ci(139.0, 100.0, 190.0, 0.05);
        assert!(what(&base, &now).is_empty());
        // The same +39% with tight intervals and little noise: both flagged.
        let base = with_ci(100.0, 97.0, 104.0, 0.01);
        let now = with_ci(139.0, 133.0, 145.0, 0.01);
        assert_eq!(what(&base, &now), ["q", "overall"]);
        // The same again on a machine half as fast as when the baseline was made (the
        // fixed work took twice as long): everything took longer, nothing regressed.
        let (mut base, mut now) = (base, now);
        base.overall.calibration_us = 10.0;
        now.overall.calibration_us = 20.0;
        assert!(what(&base, &now).is_empty());
        now.overall.calibration_us = 10.0;
        assert_eq!(what(&base, &now), ["q", "overall"]);
    }

    #[test]
    fn median_ci_brackets_the_median() {
        let s: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(median_ci(&s), (4.0, 16.0));
        assert_eq!(median_ci(&[5.0]), (5.0, 5.0));
        assert_eq!(median_ci(&[]), (0.0, 0.0));
    }
}
