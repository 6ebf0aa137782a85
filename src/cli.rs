//! The command line (clap). Its types stay here: [`Cli::into_command`] turns them into
//! the library's typed configuration, the one boundary where clap meets the rest.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsidx::app::{Command, ExtractConfig, IndexConfig, Location, SearchConfig, StatsConfig};
use newsidx::formats::Limits;
use newsidx::index::UpdateOptions;
use newsidx::output::Style;
use newsidx::search::SearchOptions;

const QUERY_HELP: &str = "\
QUERY SYNTAX:
  Sudzha                    a word (stemmed: 'swaps' finds 'swap'); several words are OR-ed
  +Kursk +Sudzha            both words must occur;  -word excludes
  \"swap one territory\"      a phrase
  author:Sauer              field query; fields: title body author quote speaker source url date lang path
  speaker:Peskov quote:territory
  date:2025  date:2025-01  date:2025-01-03     a whole year, month or day
  date:[2025-01-01T00:00:00Z TO 2025-02-01T00:00:00Z}
  Kursk AND (Sudzha OR Suzha)

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
}

#[derive(Debug, Args)]
struct Where {
    /// Index folder [default: CORPUS/.newsidx, or a per-user cache folder when CORPUS is read-only]
    #[arg(long, env = "NEWSIDX_INDEX", value_name = "DIR")]
    index: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct UpdateArgs {
    /// Drop the index and read the whole corpus again.
    #[arg(long)]
    rebuild: bool,
    /// Skip files larger than this (after decompression), in MiB.
    #[arg(long, default_value_t = 64, value_name = "MIB")]
    max_file_mb: u64,
    /// Extraction threads [default: cores - 1, at least 1]
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
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
    /// The query (see QUERY SYNTAX below).
    query: String,
    /// Corpus folder [default: the index in --index, or .newsidx here or in a parent folder]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    /// Hits to show.
    #[arg(short = 'n', long, default_value_t = 10)]
    limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Show every hit.
    #[arg(long)]
    all: bool,
    /// Print only the number of matching articles.
    #[arg(short = 'c', long)]
    count: bool,
    /// NDJSON output: one hit per line.
    #[arg(long)]
    json: bool,
    /// Search the index as it is, without bringing it up to date.
    #[arg(long)]
    no_update: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    color: When,
    #[command(flatten)]
    update: UpdateArgs,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Article files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per article.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct StatsArgs {
    /// Corpus folder whose index to describe.
    corpus: Option<PathBuf>,
    #[command(flatten)]
    place: Where,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum When {
    Auto,
    Always,
    Never,
}

impl UpdateArgs {
    fn into_options(self) -> UpdateOptions {
        let mut o = UpdateOptions {
            rebuild: self.rebuild,
            limits: Limits {
                max_file_bytes: self.max_file_mb.saturating_mul(1 << 20),
            },
            ..UpdateOptions::default()
        };
        if let Some(t) = self.threads {
            o.threads = t.max(1);
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
                    ..SearchOptions::default()
                },
                update: a.update.into_options(),
                no_update: a.no_update,
                count: a.count,
                json: a.json,
                style: Style {
                    color: match a.color {
                        When::Always => true,
                        When::Never => false,
                        When::Auto => {
                            std::io::stdout().is_terminal()
                                && std::env::var_os("NO_COLOR").is_none()
                        }
                    },
                },
                progress: tty,
            }),
            Cmd::Extract(a) => Command::Extract(ExtractConfig {
                files: a.files,
                json: a.json,
                limits: Limits::default(),
            }),
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
