//! The commands, wired from the pipeline stages. Takes typed configuration (the binary's
//! `cli` module builds it from the command line) and writes to injected writers, so the
//! whole command line is testable without a process.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::corpus;
use crate::extract::{self, Article};
use crate::formats::{self, Limits};
use crate::furniture;
pub use crate::index::location::{cache_dir_for, resolve, Location};
pub use crate::index::stats::Stats;
use crate::index::{NewsIndex, Progress, UpdateOptions};
use crate::output::{self, Style};
use crate::search::facets::FacetKind;
use crate::search::{NewsSearcher, SearchOptions, SortOrder};

/// `newsidx index`.
#[derive(Debug, Clone)]
pub struct IndexConfig {
    pub location: Location,
    pub update: UpdateOptions,
    pub json: bool,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
}

/// `newsidx search`.
#[derive(Debug, Clone)]
pub struct SearchConfig {
    pub location: Location,
    pub search: SearchOptions,
    pub update: UpdateOptions,
    pub no_update: bool,
    pub count: bool,
    pub json: bool,
    pub style: Style,
    pub progress: bool,
}

/// `newsidx similar`.
#[derive(Debug, Clone)]
pub struct SimilarConfig {
    pub location: Location,
    /// A file (on disk or relative to the corpus root, optionally `#RECORD`) or an id.
    pub article: String,
    pub limit: usize,
    pub json: bool,
    pub style: Style,
}

/// `newsidx quotes`.
#[derive(Debug, Clone)]
pub struct QuotesConfig {
    pub location: Location,
    pub quotes: crate::search::quote_search::QuoteOptions,
    pub json: bool,
    pub style: Style,
}

/// `newsidx speakers`.
#[derive(Debug, Clone)]
pub struct SpeakersConfig {
    pub location: Location,
    /// Speakers to list.
    pub limit: usize,
    /// Count stories quoting each speaker (an article and its copies once), not articles.
    pub stories: bool,
    pub json: bool,
}

/// `newsidx copies`.
#[derive(Debug, Clone)]
pub struct CopiesConfig {
    pub location: Location,
    /// A file (on disk or relative to the corpus root, optionally `#RECORD`) or an id.
    pub article: String,
    pub json: bool,
}

/// Opens the index of `loc` for reading, bringing it up to date first when a corpus is
/// known and still there (as `search` does).
fn open_fresh(loc: &Location, err: &mut dyn Write) -> Result<NewsIndex> {
    let (dir, corpus) = resolve(loc, true)?;
    let idx = if corpus.is_some() {
        NewsIndex::open_or_create(&dir)?
    } else {
        NewsIndex::open(&dir)?
    };
    if let Some(root) = corpus.or_else(|| idx.commit_info().root) {
        if root.is_dir() {
            update_unless_busy(
                &idx,
                &root,
                &UpdateOptions::default(),
                &crate::index::NoProgress,
                err,
            )?;
        }
    }
    Ok(idx)
}

/// Brings the index up to date before a search; when another newsidx process is writing
/// it, says so on `err` and leaves it as its last commit (searches never wait or fail
/// for an update: tantivy readers see the last commit while a writer works).
fn update_unless_busy(
    idx: &NewsIndex,
    root: &Path,
    opts: &UpdateOptions,
    progress: &dyn Progress,
    err: &mut dyn Write,
) -> Result<Option<crate::index::Summary>> {
    match idx.update(root, opts, progress) {
        Ok(summary) => Ok(Some(summary)),
        Err(crate::Error::Locked { .. }) => {
            writeln!(
                err,
                "note: another newsidx process is updating the index; searching its last commit"
            )?;
            Ok(None)
        }
        Err(e) => {
            Err(anyhow::Error::new(e).context(format!("updating the index of {}", root.display())))
        }
    }
}

fn serve(c: ServeConfig, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let idx = if c.no_update {
        let (dir, _) = resolve(&c.location, false)?;
        NewsIndex::open(&dir)?
    } else {
        open_fresh(&c.location, err)?
    };
    let dir = idx.dir().to_path_buf();
    let server = crate::serve::Server::bind(idx, &c.options)?;
    let documents = server.documents();
    let addr = server.local_addr();
    if !addr.ip().is_loopback() {
        writeln!(
            err,
            "warning: listening on {}: anyone who can reach this machine can read the archive",
            addr.ip()
        )?;
    }
    let url = if addr.ip().is_unspecified() {
        format!(
            "http://<this machine's address>:{}/ (every interface)",
            addr.port()
        )
    } else {
        format!("http://{addr}/")
    };
    writeln!(
        out,
        "serving {documents} articles of {} at {url} (Ctrl-C stops)",
        dir.display()
    )?;
    out.flush()?;
    server.run_until_ctrl_c()?;
    Ok(Outcome::Success)
}

fn quotes(c: QuotesConfig, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let idx = open_fresh(&c.location, err)?;
    let found = NewsSearcher::new(&idx)?.quotes(&c.quotes)?;
    if c.json {
        for q in &found {
            output::json_line(out, q)?;
        }
    } else {
        output::quotes_text(out, &found, c.style)?;
    }
    Ok(if found.is_empty() {
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}

fn speakers(c: SpeakersConfig, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let idx = open_fresh(&c.location, err)?;
    let mut list = NewsSearcher::new(&idx)?.speakers(c.stories)?;
    list.truncate(c.limit);
    output::speakers(out, &list, c.json)?;
    Ok(if list.is_empty() {
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}

/// `newsidx bench`.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    pub location: Location,
    /// One query per line (empty lines and `#` comments skipped); None: the built-in set.
    pub queries: Option<PathBuf>,
    pub runs: usize,
    pub warmup: usize,
    pub json: bool,
    /// A `--json` report of an earlier run to compare with.
    pub baseline: Option<PathBuf>,
    /// Sort order and facets each query runs with.
    pub sort: SortOrder,
    pub facets: Vec<FacetKind>,
    /// Time raw tantivy's least work beside each query ([`crate::bench::RawPeer`]).
    pub peer: bool,
    /// Time this peer program beside each query instead, started with `peer_args`
    /// ([`crate::bench::PeerProcess`]).
    pub peer_bin: Option<PathBuf>,
    pub peer_args: Vec<String>,
    /// Run each query with copies folded (as `search` does by default).
    pub collapse: bool,
}

/// `newsidx extract`.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    pub files: Vec<PathBuf>,
    pub json: bool,
    pub limits: Limits,
}

/// `newsidx stats`.
#[derive(Debug, Clone)]
pub struct StatsConfig {
    pub location: Location,
    pub json: bool,
}

/// `newsidx export`.
#[derive(Debug, Clone)]
pub struct ExportConfig {
    pub location: Location,
    pub options: crate::export::ExportOptions,
    pub json: bool,
}

/// `newsidx serve`.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub location: Location,
    /// Serve the index as it is, without bringing it up to date first.
    pub no_update: bool,
    pub options: crate::serve::ServeOptions,
}

/// A command with its configuration.
#[derive(Debug, Clone)]
pub enum Command {
    Index(IndexConfig),
    Search(SearchConfig),
    Extract(ExtractConfig),
    Stats(StatsConfig),
    Similar(SimilarConfig),
    Copies(CopiesConfig),
    Bench(BenchConfig),
    Quotes(QuotesConfig),
    Speakers(SpeakersConfig),
    Export(ExportConfig),
    Serve(ServeConfig),
}

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done; for `search`, at least one hit.
    Success,
    /// `search` found nothing.
    NoHits,
}

/// Runs a command, writing results to `out` and progress and notices to `err`.
pub fn run(cmd: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    match cmd {
        Command::Index(c) => index(c, out),
        Command::Search(c) => search(c, out, err),
        Command::Extract(c) => extract_files(c, out, err),
        Command::Stats(c) => stats(c, out),
        Command::Similar(c) => similar(c, out),
        Command::Copies(c) => copies(c, out),
        Command::Bench(c) => bench(c, out),
        Command::Quotes(c) => quotes(c, out, err),
        Command::Speakers(c) => speakers(c, out, err),
        Command::Export(c) => export(c, out),
        Command::Serve(c) => serve(c, out, err),
    }
}

fn index(c: IndexConfig, out: &mut dyn Write) -> Result<Outcome> {
    let (dir, corpus) = resolve(&c.location, true)?;
    let idx = NewsIndex::open_or_create(&dir)
        .with_context(|| format!("opening index {}", dir.display()))?;
    let Some(root) = corpus.or_else(|| idx.commit_info().root) else {
        bail!(
            "no corpus folder given and the index at {} does not record one; run `newsidx index CORPUS`",
            dir.display()
        );
    };
    let bar = output::ProgressBar::new(c.progress);
    let summary = idx
        .update(&root, &c.update, &bar)
        .with_context(|| format!("indexing {}", root.display()))?;
    if c.json {
        output::json_line(out, &summary)?;
    } else {
        output::summary_text(out, &summary, &dir)?;
    }
    Ok(Outcome::Success)
}

fn search(c: SearchConfig, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let (dir, corpus) = resolve(&c.location, true)?;
    // With a corpus to update from, an index of an older schema is rebuilt, not refused.
    let idx = if corpus.is_some() && !c.no_update {
        NewsIndex::open_or_create(&dir)
            .with_context(|| format!("opening index {}", dir.display()))?
    } else if NewsIndex::exists(&dir) {
        NewsIndex::open(&dir)?
    } else {
        return Err(crate::Error::NoIndex(format!(
            "no index at {}; build one with `newsidx index CORPUS --index {}`",
            dir.display(),
            dir.display()
        ))
        .into());
    };
    if !c.no_update {
        match corpus.or_else(|| idx.commit_info().root) {
            Some(root) if root.is_dir() => {
                let bar = output::ProgressBar::new(c.progress);
                if let Some(summary) = update_unless_busy(&idx, &root, &c.update, &bar, err)? {
                    if c.progress && summary.changed() {
                        writeln!(
                            err,
                            "index updated: {} new, {} updated, {} removed files",
                            summary.indexed, summary.updated, summary.removed
                        )?;
                    }
                }
            }
            Some(root) => writeln!(
                err,
                "warning: corpus {} is gone; searching the index as it is",
                root.display()
            )?,
            None => {}
        }
    }
    let searcher = NewsSearcher::new(&idx)?;
    if c.count {
        let n = searcher.count(&c.search)?;
        if c.json {
            output::json_line(out, &serde_json::json!({ "count": n }))?;
        } else {
            writeln!(out, "{n}")?;
        }
        return Ok(if n > 0 {
            Outcome::Success
        } else {
            Outcome::NoHits
        });
    }
    let results = searcher.search(&c.search)?;
    if c.json {
        output::hits_json(out, &results.hits)?;
        if !c.search.facets.is_empty() {
            output::facets_json(out, &results.facets)?;
        }
    } else {
        output::hits_text(out, &results, c.search.offset, c.style)?;
        output::facets_text(out, &results.facets, results.collapsed, c.style)?;
    }
    if results.hits.is_empty() && results.total > 0 {
        // Matches exist but this page is past them: not a success, and said so.
        if results.collapsed && !results.stories {
            writeln!(
                err,
                "no hits on this page: --offset {} is past the stories of the {} matching \
                 articles (copies folded; --no-collapse pages articles)",
                c.search.offset, results.total
            )?;
        } else {
            writeln!(
                err,
                "no hits on this page: {} matching {}, --offset {} is past them",
                results.total,
                if results.stories {
                    "stories"
                } else {
                    "articles"
                },
                c.search.offset
            )?;
        }
        return Ok(Outcome::NoHits);
    }
    Ok(if results.total > 0 {
        Outcome::Success
    } else {
        Outcome::NoHits
    })
}

fn similar(c: SimilarConfig, out: &mut dyn Write) -> Result<Outcome> {
    let (dir, corpus) = resolve(&c.location, false)?;
    let idx = NewsIndex::open(&dir)?;
    let root = corpus.or_else(|| idx.commit_info().root);
    let target = corpus_relative(&c.article, root.as_deref());
    let results = NewsSearcher::new(&idx)?.similar(&target, c.limit)?;
    if c.json {
        output::hits_json(out, &results.hits)?;
    } else {
        output::hits_text(out, &results, 0, c.style)?;
    }
    Ok(if results.hits.is_empty() {
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}

fn copies(c: CopiesConfig, out: &mut dyn Write) -> Result<Outcome> {
    let (dir, corpus) = resolve(&c.location, false)?;
    let idx = NewsIndex::open(&dir)?;
    let root = corpus.or_else(|| idx.commit_info().root);
    let target = corpus_relative(&c.article, root.as_deref());
    let story = NewsSearcher::new(&idx)?.copies(&target)?;
    if c.json {
        for copy in &story {
            output::json_line(out, copy)?;
        }
    } else {
        output::copies_text(out, &story)?;
    }
    Ok(if story.len() > 1 {
        Outcome::Success
    } else {
        Outcome::NoHits
    })
}

fn bench(c: BenchConfig, out: &mut dyn Write) -> Result<Outcome> {
    let (dir, _) = resolve(&c.location, false)?;
    let idx = NewsIndex::open(&dir)?;
    let queries: Vec<String> = match &c.queries {
        Some(file) => std::fs::read_to_string(file)
            .with_context(|| format!("reading queries {}", file.display()))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
        None => crate::bench::BUILT_IN
            .iter()
            .map(|q| q.to_string())
            .collect(),
    };
    if queries.is_empty() {
        bail!("no queries to run");
    }
    let baseline: Option<crate::bench::Report> = match &c.baseline {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading baseline {}", file.display()))?;
            Some(
                serde_json::from_str(&text)
                    .with_context(|| format!("{}: not a `bench --json` report", file.display()))?,
            )
        }
        None => None,
    };
    let searcher = NewsSearcher::new(&idx)?;
    let mut peer: Option<Box<dyn crate::bench::Peer>> = match (&c.peer_bin, c.peer) {
        (Some(bin), _) => Some(Box::new(crate::bench::PeerProcess::start(
            bin,
            &c.peer_args,
        )?)),
        (None, true) => Some(Box::new(crate::bench::RawPeer::new(&idx)?)),
        (None, false) => None,
    };
    let report = crate::bench::run(
        &searcher,
        peer.as_mut()
            .map(|p| p.as_mut() as &mut dyn crate::bench::Peer),
        &crate::bench::BenchOptions {
            queries,
            runs: c.runs,
            warmup: c.warmup,
            search: SearchOptions {
                sort: c.sort,
                facets: c.facets.clone(),
                collapse: c.collapse,
                ..SearchOptions::default()
            },
        },
    )?;
    let regressions = baseline
        .map(|b| crate::bench::regressions(&b, &report))
        .unwrap_or_default();
    if c.json {
        output::json_line(out, &report)?;
    } else {
        output::bench_text(out, &report, &regressions)?;
    }
    Ok(if regressions.is_empty() {
        Outcome::Success
    } else {
        Outcome::NoHits
    })
}

/// `crawl.warc.gz@12345` given to `extract`: the archive and the offset, when no file of
/// that whole name exists and the archive does.
fn archive_and_offset(arg: &Path) -> Option<(PathBuf, u64)> {
    if arg.exists() {
        return None;
    }
    let text = arg.to_str()?;
    let (file, offset) = text.rsplit_once('@')?;
    let offset = offset.parse::<u64>().ok()?;
    let file = PathBuf::from(file);
    let archive = corpus::kind_of(&file).is_some_and(|k| k.format == corpus::Format::Warc);
    (archive && file.is_file()).then_some((file, offset))
}

/// A file named on the command line as the index knows it: relative to the corpus root,
/// with `/` separators, keeping a `#RECORD` (or an archive's `@OFFSET`) suffix. Anything
/// else (an id, a path already relative to the root) is returned as given.
fn corpus_relative(arg: &str, root: Option<&Path>) -> String {
    // The record mark is the last `#` or `@` followed by a number (`news#1.warc.gz@123`
    // is the record at 123 of `news#1.warc.gz`).
    let split = ['#', '@']
        .iter()
        .filter_map(|&mark| arg.rsplit_once(mark).map(|(f, r)| (f, r, mark)))
        .filter(|(_, r, _)| r.parse::<u64>().is_ok())
        .max_by_key(|(f, _, _)| f.len());
    let (file, record) = match split {
        Some((f, r, mark)) if !Path::new(arg).exists() => (f, Some((mark, r))),
        _ => (arg, None),
    };
    let rel = root.and_then(|root| {
        let abs = std::fs::canonicalize(file).ok()?;
        let rel = abs.strip_prefix(root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    });
    match (rel, record) {
        (Some(rel), Some((mark, r))) => format!("{rel}{mark}{r}"),
        (Some(rel), None) => rel,
        (None, _) => arg.to_string(),
    }
}

/// One article as `extract --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    pub path: String,
    pub record: Option<u64>,
    #[serde(flatten)]
    pub article: Article,
}

fn extract_files(c: ExtractConfig, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let mut failed = Vec::new();
    let mut files = Vec::new();
    for path in &c.files {
        if let Some((archive, offset)) = archive_and_offset(path) {
            // One page of an archive, as `search` names it: read from its offset.
            match crate::pipeline::archive_record(&archive, offset, c.limits) {
                Ok(raw) => {
                    let name = crate::pipeline::last_resort_title(&raw, &archive);
                    let a = ExtractedArticle {
                        path: archive.display().to_string(),
                        record: raw.record,
                        article: extract::extract(raw, &name),
                    };
                    if c.json {
                        output::json_line(out, &a)?;
                    } else {
                        let label = corpus::record_label(&a.path, a.record);
                        output::article_text(out, &label, &a.article)?;
                    }
                }
                Err(e) => failed.push(e.to_string()),
            }
        } else if path.is_dir() {
            // A folder is read as `index` reads a corpus: its article files, sorted.
            let walk = corpus::walk(path, None);
            files.extend(walk.files.into_iter().map(|f| f.path));
            failed.extend(
                walk.skipped
                    .into_iter()
                    .filter(|s| !s.reason.starts_with("unsupported file type"))
                    .map(|s| format!("{}: {}", path.join(&s.path).display(), s.reason)),
            );
        } else {
            files.push(path.clone());
        }
    }
    for (path, result) in extract_set_with_problems(&files, c.limits) {
        match result {
            Ok((articles, problems)) => {
                for a in articles {
                    if c.json {
                        output::json_line(out, &a)?;
                    } else {
                        let label = corpus::record_label(&a.path, a.record);
                        output::article_text(out, &label, &a.article)?;
                    }
                }
                // Records of an archive that gave no article, and damage, are said.
                for p in problems {
                    writeln!(err, "warning: {}: {p}", path.display())?;
                }
            }
            Err(e) => failed.push(format!("{e:#}")),
        }
    }
    if !failed.is_empty() {
        bail!("{}", failed.join("\n"));
    }
    Ok(Outcome::Success)
}

/// Reads and extracts one file, as the indexer would, without what other files teach
/// ([`extract_set`] learns furniture across files).
pub fn extract_one(path: &Path, limits: Limits) -> Result<Vec<ExtractedArticle>> {
    let (raws, _) = read_one(path, limits)?;
    Ok(raws
        .into_iter()
        .map(|raw| {
            let name = crate::pipeline::last_resort_title(&raw, path);
            ExtractedArticle {
                path: path.display().to_string(),
                record: raw.record,
                article: extract::extract(raw, &name),
            }
        })
        .collect())
}

/// Reads and extracts files, as the indexer would a corpus of them: all are read first,
/// the furniture they share is learned (an article's source is its stated one, else its
/// file's folder), then each article is cleaned with its source's furniture. One result
/// per file, in order.
pub fn extract_set(
    paths: &[PathBuf],
    limits: Limits,
) -> Vec<(PathBuf, Result<Vec<ExtractedArticle>>)> {
    extract_set_with_problems(paths, limits)
        .into_iter()
        .map(|(p, r)| (p, r.map(|(articles, _)| articles)))
        .collect()
}

/// A file's articles and the problems met reading it that did not stop it.
pub type WithProblems = (Vec<ExtractedArticle>, Vec<String>);

/// [`extract_set`], with the problems met in each file that still gave articles (an
/// archive's records that could not be read, its damage).
pub fn extract_set_with_problems(
    paths: &[PathBuf],
    limits: Limits,
) -> Vec<(PathBuf, Result<WithProblems>)> {
    let read: Vec<(PathBuf, Result<Read>)> = paths
        .iter()
        .map(|p| (p.clone(), read_one(p, limits)))
        .collect();
    let folder = |p: &Path| {
        let parent = p.parent().unwrap_or(Path::new(""));
        std::fs::canonicalize(parent)
            .unwrap_or_else(|_| parent.to_path_buf())
            .display()
            .to_string()
    };
    // Each article's source and lines, in the order of `read`.
    let lines: Vec<Vec<(String, furniture::Lines)>> = read
        .iter()
        .map(|(p, r)| match r {
            Ok((raws, _)) => {
                let dir = folder(p);
                raws.iter()
                    .map(|raw| {
                        let l = extract::lines(raw);
                        (crate::pipeline::furniture_source(raw, &dir), l)
                    })
                    .collect()
            }
            Err(_) => Vec::new(),
        })
        .collect();
    let table = furniture::Table::learn(lines.iter().flatten().map(|(s, l)| (s.clone(), l)));
    read.into_iter()
        .zip(lines)
        .map(|((path, r), lines)| {
            let r = r.map(|(raws, problems)| {
                let articles = raws
                    .into_iter()
                    .zip(lines)
                    .map(|(raw, (source, _))| {
                        let name = crate::pipeline::last_resort_title(&raw, &path);
                        ExtractedArticle {
                            path: path.display().to_string(),
                            record: raw.record,
                            article: extract::extract_with(raw, &name, table.of(&source)).0,
                        }
                    })
                    .collect();
                (articles, problems)
            });
            (path, r)
        })
        .collect()
}

/// One file read and parsed: its raw articles and the problems met that did not stop it.
type Read = (Vec<formats::RawArticle>, Vec<String>);

/// Reads and parses one file; a web archive record by record.
fn read_one(path: &Path, limits: Limits) -> Result<Read> {
    // (A path that is not there is said so, whatever its name looks like: `dir/`.)
    if let Err(e) = std::fs::metadata(path) {
        return Err(crate::Error::io(path, e).into());
    }
    let Some(kind) = corpus::kind_of(path) else {
        bail!(
            "{}: {} (expected .txt, .md, .html, .htm, .json, .jsonl, .ndjson, optionally .gz, or a .warc or .warc.gz web archive)",
            path.display(),
            corpus::unsupported(path)
        );
    };
    let parsed = if kind.format == corpus::Format::Warc {
        let mut articles = Vec::new();
        let read = crate::pipeline::archive(path, limits, |raw| articles.push(raw))?;
        formats::Parsed {
            articles,
            problems: read.problems,
        }
    } else {
        let bytes = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
        crate::pipeline::read(path, bytes, kind, limits)?
    };
    if parsed.articles.is_empty() && !parsed.problems.is_empty() {
        bail!("{}: {}", path.display(), parsed.problems.join("; "));
    }
    Ok((parsed.articles, parsed.problems))
}

fn export(c: ExportConfig, out: &mut dyn Write) -> Result<Outcome> {
    let (dir, _) = resolve(&c.location, false)?;
    let name = &c.options.name;
    if !crate::export::valid_name(name, c.options.format) {
        bail!(
            "--name {name:?}: use letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 200 bytes{}",
            if c.options.format == crate::export::Format::OpenSearch {
                ", lower case (an OpenSearch index name)"
            } else {
                ""
            }
        );
    }
    let idx = NewsIndex::open(&dir)?;
    // An export inside the corpus would be read as articles by the next update.
    if let Some(root) = idx.commit_info().root {
        let target = absolute(&c.options.out);
        if target.starts_with(&root) {
            bail!(
                "--out {} is inside the corpus {}: the next `newsidx index` would read the export as articles; write it outside",
                c.options.out.display(),
                root.display()
            );
        }
    }
    let summary = crate::export::export(&idx, &c.options)
        .with_context(|| format!("exporting {} to {}", dir.display(), c.options.out.display()))?;
    if c.json {
        output::json_line(out, &summary)?;
    } else {
        output::export_text(out, &summary)?;
    }
    Ok(Outcome::Success)
}

/// `path` made absolute, its existing part with links resolved (the rest may not exist
/// yet).
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return path.clone(),
        }
    }
    let mut out = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

fn stats(c: StatsConfig, out: &mut dyn Write) -> Result<Outcome> {
    let (dir, _) = resolve(&c.location, false)?;
    let s = NewsIndex::open(&dir)?.stats()?;
    if c.json {
        output::json_line(out, &s)?;
    } else {
        output::stats_text(out, &s)?;
    }
    Ok(Outcome::Success)
}
