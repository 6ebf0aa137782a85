//! The command line (clap). Its types stay here: [`Cli::into_command`] turns them into
//! the library's typed configuration, the one boundary where clap meets the rest.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsidx::app::{
    BenchConfig, Command, CopiesConfig, ExportConfig, ExtractConfig, IndexConfig, Location,
    QuotesConfig, SearchConfig, ServeConfig, SimilarConfig, SpeakersConfig, StatsConfig,
};
use newsidx::export::{ExportOptions, Format};
use newsidx::formats::Limits;
use newsidx::index::UpdateOptions;
use newsidx::output::Style;
use newsidx::search::facets::FacetKind;
use newsidx::search::query::{period, Period};
use newsidx::search::quote_search::QuoteOptions;
use newsidx::search::{SearchOptions, SortOrder};
use newsidx::serve::ServeOptions;

const QUERY_HELP: &str = "\
QUERY SYNTAX:
  Sudzha                    a word (stemmed: 'swaps' finds 'swap'); several words are OR-ed
  Sudža  SUDZA  Суджа        accents and case folded; Cyrillic romanised (BGN/PCGN): Суджа = Sudzha
  +Kursk +Sudzha            both words must occur;  Kursk AND Sudzha;  Kursk OR Sudzha
  -Sudzha  NOT Sudzha       excludes; a query of only exclusions means everything else
  \"swap one territory\"      a phrase;  \"swap territory\"~3  words at most 3 apart (up to ~100)
  Sudz*  \"one terr*\"        prefix
  Sudzja~1  Zelensky~2      typos: at most 1 or 2 edits (a transposition is one)
  author:Sauer agency:AP    field query; fields: title body author agency quote speaker source url date lang path
  speaker:Peskov quote:territory lang:ru path:wire/*
  date:2025  date:2025-01  date:2025-01-03     a whole year, month or day
  date:[2025-01 TO 2025-03]  date:>=2025-02  date:<2025    ranges, whole periods, open ends
  Kursk AND (Sudzha OR Suzha)  title:Kursk^3

EXIT CODES: 0 hits, 1 no hits, 2 error";

/// newsidx: index a folder of news articles and search it.
#[derive(Debug, Parser)]
#[command(name = "newsidx", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Index a corpus folder, or bring its index up to date.
    Index(IndexArgs),
    /// Search (bringing the index up to date first).
    #[command(after_help = QUERY_HELP)]
    Search(SearchArgs),
    /// Show what the indexer extracts from files.
    Extract(ExtractArgs),
    /// Facts about an index.
    Stats(StatsArgs),
    /// Articles most like one article (by its path in the corpus, or its id).
    Similar(SimilarArgs),
    /// The syndicated copies of an article's story: where and when each was published.
    Copies(CopiesArgs),
    /// Quotations matching words and/or a speaker: "what did Peskov say about territory?"
    Quotes(QuotesArgs),
    /// Who is quoted, most stories first (articles with --no-collapse).
    Speakers(SpeakersArgs),
    /// Time the search hot path: each query run as `search` runs it (exit 1 on a regression).
    Bench(BenchArgs),
    /// Write the index's articles for OpenSearch / Elasticsearch (`_bulk` files, the
    /// index's settings and mapping, a load script) or as plain NDJSON.
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// Serve the archive over HTTP: a search page and a JSON API (read-only).
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
}

const SERVE_HELP: &str = "\
THE PAGE: http://127.0.0.1:7700/  (the state is in the URL: /?q=Sudzha&since=2025-01&sort=date)
THE API (JSON; hits have the `search --json` fields, and `id_str`, the id as text):
  GET /api/search?q=&limit=&offset=&sort=&since=&until=&facet=author&facet=month
                           {\"hits\":[..],\"total\":n,\"total_exact\":true,\"facets\":{..}}
      &author=NAME &agency= &source= &lang= &speaker=   only articles with that value, exactly
      &collapse=false      every copy of a story a hit (default: one hit per story;
                           the answer's \"collapsed\" and \"stories\" say what is counted)
  GET /api/article/ID      one article: metadata, cleaned body, quotes
  GET /api/similar/ID      articles like it
  GET /api/quotes?q=&speaker=&limit=&collapse=    GET /api/speakers?limit=&collapse=
  GET /api/stats
A bad query is 400 {\"error\":..,\"position\":n,\"hint\":..}, an unknown parameter 400; an
unknown id or path 404; other methods than GET 405; 503 after --timeout seconds waiting for a
free worker. Nothing changes the index.
Limits: q at most 1,000 characters, limit at most 100, offset at most 10,000.";

#[derive(Debug, Args)]
struct ServeArgs {
    /// Corpus folder whose index to serve.
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Address to listen on. Anything but a loopback address lets other machines read
    /// the archive.
    #[arg(long, default_value = "127.0.0.1")]
    addr: std::net::IpAddr,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 7700)]
    port: u16,
    /// Serve the index as it is, without bringing it up to date first.
    #[arg(long)]
    no_update: bool,
    /// Let pages of this origin call the API (CORS), e.g. https://example.org.
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
    /// Searches answered at once (default: one per core); more wait their turn.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    workers: Option<u64>,
    /// Seconds a request may wait for a free worker before it is answered 503.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
}

const EXPORT_HELP: &str = "\
OUTPUT (--format opensearch):
  DIR/NAME.index.json        body of PUT /NAME: analyzers (English stems; .ru Russian stems;
                             .translit ICU Russian-Latin/BGN, needs the analysis-icu plugin)
                             and the mapping of every field
  DIR/NAME-00001.ndjson ...  _bulk files: an action line {\"index\":{\"_index\":NAME,\"_id\":ID}}
                             before each article; ids are `search --json` ids, so loading
                             again replaces documents instead of adding them
  DIR/load.sh                OPENSEARCH_URL=http://host:9200 DIR/load.sh
With --format ndjson, only the NDJSON files (one article per line).
The index is exported as it stands: run `newsidx index` first to bring it up to date.";

#[derive(Debug, Args)]
struct ExportArgs {
    /// Corpus folder whose index to export.
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Folder to write to (made when missing; an earlier export of the same name there is
    /// replaced).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// What to write.
    #[arg(long, value_enum, default_value_t = ExportFormat::Opensearch)]
    format: ExportFormat,
    /// The OpenSearch index name (lower case), and the files' prefix.
    #[arg(long, default_value = "news")]
    name: String,
    /// Only articles written to the index (added, changed, or cleaned again) since then:
    /// YYYY, YYYY-MM, YYYY-MM-DD (from midnight UTC) or an RFC 3339 time. Not the
    /// articles' own dates, as in `search --since`.
    #[arg(long, value_name = "DATE", value_parser = parse_instant)]
    since: Option<i64>,
    /// Largest output file, in MB (10^6 bytes): a file ends before the article that would
    /// pass it; an article larger than that has a file of its own. OpenSearch refuses
    /// requests over 100 MB by default (http.max_content_length).
    #[arg(long, value_name = "MB", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..))]
    split_mb: u64,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// `_bulk` files, the index body and load.sh.
    Opensearch,
    /// One article per line.
    Ndjson,
}

/// A day, month, year or RFC 3339 time as seconds since the Unix epoch (UTC; a day
/// starts at its midnight UTC).
fn parse_instant(s: &str) -> Result<i64, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        return Ok(t.timestamp());
    }
    period(s).map(|p| p.start).ok_or_else(|| {
        format!("`{s}` is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 time")
    })
}

#[derive(Debug, Args)]
struct Where {
    /// Index folder [default: CORPUS/.newsidx, or a per-user cache folder when CORPUS is read-only]
    #[arg(long, env = "NEWSIDX_INDEX", value_name = "DIR")]
    index: Option<PathBuf>,
}

/// How large a file and an article may be, for `index` and `extract`.
#[derive(Debug, Args)]
struct LimitArgs {
    /// Skip files larger than this (after decompression), in MiB. Web archives (.warc,
    /// .warc.gz) are read record by record, whatever their size.
    #[arg(long, default_value_t = 64, value_name = "MIB")]
    max_file_mb: u64,
    /// Skip articles whose text is larger than this, in MiB; also web archive records
    /// larger than this.
    #[arg(long, default_value_t = 8, value_name = "MIB")]
    max_article_mb: u64,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_mb.saturating_mul(1 << 20),
            max_article_bytes: self.max_article_mb.saturating_mul(1 << 20),
        }
    }
}

#[derive(Debug, Args)]
struct UpdateArgs {
    /// Drop the index and read the whole corpus again.
    #[arg(long)]
    rebuild: bool,
    #[command(flatten)]
    limits: LimitArgs,
    /// At most N threads for extraction and N for tantivy's indexing [default: cores - 1
    /// (at least 1) for extraction; for indexing, half the cores (2 to 8), or one on a
    /// machine of two cores]
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// tantivy's indexing threads, each building its own segments [default: see
    /// --threads]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=64))]
    index_threads: Option<u64>,
}

#[derive(Debug, Args)]
struct IndexArgs {
    /// Corpus folder [default: the corpus the index records]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    #[command(flatten)]
    update: UpdateArgs,
    /// Print the summary as JSON, with every skipped file and its reason.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// The query (see QUERY SYNTAX below); may start with `-` (`-Sudzha`: all but Sudzha).
    #[arg(allow_hyphen_values = true)]
    query: String,
    /// Corpus folder [default: the index in --index, or .newsidx here or in a parent folder]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Hits to show (at least 1).
    #[arg(short = 'n', long, default_value_t = 10, value_parser = at_least_one)]
    limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Show every hit.
    #[arg(long)]
    all: bool,
    /// Print only the number of matching stories (articles with --no-collapse).
    #[arg(short = 'c', long)]
    count: bool,
    /// One hit per article: show every syndicated copy of a story, and count articles.
    #[arg(long)]
    no_collapse: bool,
    /// NDJSON output: one hit per line.
    #[arg(long)]
    json: bool,
    /// Search the index as it is, without bringing it up to date.
    #[arg(long)]
    no_update: bool,
    /// Only articles dated in or after this year, month or day (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_period)]
    since: Option<Period>,
    /// Only articles dated in or before this year, month or day (the whole period counts).
    #[arg(long, value_name = "DATE", value_parser = parse_period)]
    until: Option<Period>,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// Count matching stories (articles with --no-collapse) by author, agency, source, year,
    /// month, lang or speaker (repeatable).
    #[arg(long = "facet", value_name = "FACET")]
    facets: Vec<FacetKind>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    color: When,
    #[command(flatten)]
    update: UpdateArgs,
}

#[derive(Debug, Args)]
struct SimilarArgs {
    /// The article: its file (a path on disk, or relative to the corpus; FILE#RECORD for one
    /// article of a JSON/JSONL file, ARCHIVE@OFFSET for a page of a web archive) or its id
    /// from `search --json`.
    article: String,
    /// Corpus folder [default: the index in --index, or .newsidx here or in a parent folder]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Articles to show (at least 1).
    #[arg(short = 'n', long, default_value_t = 10, value_parser = at_least_one)]
    limit: usize,
    /// NDJSON output: one hit per line.
    #[arg(long)]
    json: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    color: When,
}

#[derive(Debug, Args)]
struct QuotesArgs {
    /// Words of the quote (query syntax, over quotes) [default: any quote]; a lone
    /// argument naming a folder is the corpus.
    #[arg(allow_hyphen_values = true)]
    query: Option<String>,
    /// Corpus folder [default: the index in --index, or .newsidx here or in a parent folder]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Only quotes by this speaker (surname or full name).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Quotes to list (at least 1).
    #[arg(short = 'n', long, default_value_t = 20, value_parser = at_least_one)]
    limit: usize,
    /// Order: best matching articles first, or by date.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// List the quotes of every syndicated copy of a story, not of one.
    #[arg(long)]
    no_collapse: bool,
    /// NDJSON: one quote per line.
    #[arg(long)]
    json: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    color: When,
}

#[derive(Debug, Args)]
struct SpeakersArgs {
    /// Corpus folder [default: the index in --index, or .newsidx here or in a parent folder]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Speakers to list (at least 1).
    #[arg(short = 'n', long, default_value_t = 50, value_parser = at_least_one)]
    limit: usize,
    /// Count the articles quoting each speaker, every syndicated copy of a story apart.
    #[arg(long)]
    no_collapse: bool,
    /// NDJSON: {"speaker", "articles"} per line.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct CopiesArgs {
    /// The article: its file (a path on disk, or relative to the corpus; FILE#RECORD for one
    /// article of a JSON/JSONL file, ARCHIVE@OFFSET for a page of a web archive) or its id
    /// from `search --json`.
    article: String,
    /// Corpus folder [default: the index in --index, or .newsidx here or in a parent folder]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// NDJSON output: one article of the story per line.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct BenchArgs {
    /// Corpus folder whose index to use [default: --index, or the nearest .newsidx]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Queries, one per line (`#` comments) [default: a built-in mixed set]
    #[arg(long, value_name = "FILE")]
    queries: Option<PathBuf>,
    /// Timed runs per query.
    #[arg(long, default_value_t = 20)]
    runs: usize,
    /// Untimed runs per query before timing.
    #[arg(long, default_value_t = 3)]
    warmup: usize,
    /// Print the report as JSON (the format --baseline reads).
    #[arg(long)]
    json: bool,
    /// Compare with an earlier --json report; p50s over 10% slower are regressions.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Run each query with this order of hits, as `search --sort` does.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// Run each query counting these facets, as `search --facet` does (repeatable).
    #[arg(long = "facet", value_name = "FACET")]
    facets: Vec<FacetKind>,
    /// Run each query as `search --no-collapse` does (every copy of a story a hit): time
    /// what folding copies costs by comparing with a run without this flag.
    #[arg(long)]
    no_collapse: bool,
    /// Also time raw tantivy's least work on each query in the same run (tantivy's query
    /// parser over title and body, top 10, stored documents; no count, snippets or
    /// quotes) and report the ratio at p50. Queries tantivy's parser does not take are
    /// timed for newsidx only.
    #[arg(long)]
    peer: bool,
    /// Time this program beside each query instead of --peer: a peer in its own process
    /// on its own index, such as `examples/raw_peer.rs` (`raw_peer serve PEER_INDEX`). It
    /// reads a query a line and answers each with `HITS MICROSECONDS`, timed by itself,
    /// or `- 0` for a query it does not take.
    #[arg(long, value_name = "PATH", conflicts_with = "peer")]
    peer_bin: Option<PathBuf>,
    /// An argument for the --peer-bin program (repeatable, in order).
    #[arg(
        long = "peer-arg",
        value_name = "ARG",
        requires = "peer_bin",
        allow_hyphen_values = true
    )]
    peer_args: Vec<String>,
}

/// A count of things to show: `-n 0` would print nothing and look like no hits.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1 (use --count for the number of matches)".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("`{s}` is not a count: {e}")),
    }
}

fn parse_period(s: &str) -> Result<Period, String> {
    period(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"))
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Sort {
    /// Best match first.
    Relevance,
    /// Newest first (undated last).
    Date,
    /// Oldest first (undated last).
    DateAsc,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Article files (a web archive gives an article per page record; ARCHIVE@OFFSET the
    /// page of one record, as `search` names it), or folders (every article file in them,
    /// as `index` reads them).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per article.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Args)]
struct StatsArgs {
    /// Corpus folder whose index to describe.
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Print the facts as one JSON object, with every file skipped and every problem.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum When {
    Auto,
    Always,
    Never,
}

impl Sort {
    fn order(self) -> SortOrder {
        match self {
            Sort::Relevance => SortOrder::Relevance,
            Sort::Date => SortOrder::Date,
            Sort::DateAsc => SortOrder::DateAsc,
        }
    }
}

impl When {
    fn style(self) -> Style {
        Style {
            color: match self {
                When::Always => true,
                When::Never => false,
                When::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            },
        }
    }
}

impl UpdateArgs {
    fn into_options(self) -> UpdateOptions {
        let o = UpdateOptions {
            rebuild: self.rebuild,
            limits: self.limits.limits(),
            ..UpdateOptions::default()
        };
        let mut o = match self.threads {
            Some(t) => o.with_threads(t),
            None => o,
        };
        if let Some(n) = self.index_threads {
            o.index_threads = n as usize;
        }
        o
    }
}

impl Cli {
    /// The typed command this command line asks for.
    pub fn into_command(self) -> Command {
        let tty = std::io::stderr().is_terminal();
        match self.command {
            Cmd::Index(a) => Command::Index(IndexConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                update: a.update.into_options(),
                json: a.json,
                progress: tty,
            }),
            Cmd::Search(a) => Command::Search(SearchConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                search: SearchOptions {
                    query: a.query,
                    limit: a.limit,
                    offset: a.offset,
                    all: a.all,
                    since: a.since,
                    until: a.until,
                    sort: a.sort.order(),
                    facets: a.facets,
                    collapse: !a.no_collapse,
                    ..SearchOptions::default()
                },
                update: a.update.into_options(),
                no_update: a.no_update,
                count: a.count,
                json: a.json,
                style: a.color.style(),
                progress: tty,
            }),
            Cmd::Quotes(mut a) => {
                // `newsidx quotes --speaker Peskov ~/news`: one positional that is a
                // folder is the corpus, not the words.
                if a.corpus.is_none() && a.query.as_deref().is_some_and(|q| Path::new(q).is_dir()) {
                    a.corpus = a.query.take().map(PathBuf::from);
                }
                Command::Quotes(QuotesConfig {
                    location: Location {
                        index: a.place.index,
                        corpus: a.corpus,
                    },
                    quotes: QuoteOptions {
                        query: a.query,
                        speaker: a.speaker,
                        limit: a.limit,
                        sort: a.sort.order(),
                        collapse: !a.no_collapse,
                    },
                    json: a.json,
                    style: a.color.style(),
                })
            }
            Cmd::Speakers(a) => Command::Speakers(SpeakersConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                limit: a.limit,
                stories: !a.no_collapse,
                json: a.json,
            }),
            Cmd::Copies(a) => Command::Copies(CopiesConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                article: a.article,
                json: a.json,
            }),
            Cmd::Bench(a) => Command::Bench(BenchConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                queries: a.queries,
                runs: a.runs.max(1),
                warmup: a.warmup,
                json: a.json,
                baseline: a.baseline,
                sort: a.sort.order(),
                facets: a.facets,
                peer: a.peer,
                peer_bin: a.peer_bin,
                peer_args: a.peer_args,
                collapse: !a.no_collapse,
            }),
            Cmd::Similar(a) => Command::Similar(SimilarConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                article: a.article,
                limit: a.limit,
                json: a.json,
                style: a.color.style(),
            }),
            Cmd::Extract(a) => Command::Extract(ExtractConfig {
                files: a.files,
                json: a.json,
                limits: a.limits.limits(),
            }),
            Cmd::Export(a) => Command::Export(ExportConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                options: ExportOptions {
                    format: match a.format {
                        ExportFormat::Opensearch => Format::OpenSearch,
                        ExportFormat::Ndjson => Format::Ndjson,
                    },
                    out: a.out,
                    name: a.name,
                    since: a.since,
                    split_bytes: a.split_mb.saturating_mul(1_000_000),
                },
                json: a.json,
            }),
            Cmd::Serve(a) => {
                let defaults = ServeOptions::default();
                Command::Serve(ServeConfig {
                    location: Location {
                        index: a.place.index,
                        corpus: a.corpus,
                    },
                    no_update: a.no_update,
                    options: ServeOptions {
                        addr: a.addr,
                        port: a.port,
                        cors: a.cors,
                        workers: a.workers.map_or(defaults.workers, |n| n as usize),
                        timeout: std::time::Duration::from_secs(a.timeout),
                    },
                })
            }
            Cmd::Stats(a) => Command::Stats(StatsConfig {
                location: Location {
                    index: a.place.index,
                    corpus: a.corpus,
                },
                json: a.json,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bench --sort/--facet` reach the bench's configuration (each query runs with them).
    #[test]
    fn bench_takes_the_search_options_it_times() {
        let cases: [(&[&str], SortOrder, Vec<FacetKind>); 2] = [
            (&[], SortOrder::Relevance, vec![]),
            (
                &["--sort", "date", "--facet", "author", "--facet", "year"],
                SortOrder::Date,
                vec![FacetKind::Author, FacetKind::Year],
            ),
        ];
        for (args, sort, facets) in cases {
            let argv = ["newsidx", "bench"].iter().chain(args.iter());
            let cli = Cli::try_parse_from(argv).unwrap();
            let Command::Bench(c) = cli.into_command() else {
                panic!("not bench: {args:?}");
            };
            assert_eq!((c.sort, c.facets), (sort, facets), "{args:?}");
        }
    }
}
