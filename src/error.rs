//! Library error type. Every variant names what failed: the file, the query position, the index.
//! The binary adds context with `anyhow` and prints the whole chain.

use std::path::PathBuf;

/// Result alias used throughout the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Errors the library reports to its caller.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed. The OS error is part of the message, not a
    /// separate cause, so an error chain prints it once.
    #[error("{}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// A file could not be parsed as the format its name promises.
    #[error("{}: {message}", path.display())]
    Format { path: PathBuf, message: String },
    /// The query string is malformed; `position` is a 0-based character offset.
    #[error("query error at position {position}: {message}\n  {query}\n  {marker}\nhint: {hint}", marker = marker(*position))]
    Query {
        query: String,
        position: usize,
        message: String,
        hint: String,
    },
    /// Another process holds the index writer lock.
    #[error("index {} is being updated by another newsidx process; wait for it to finish", path.display())]
    Locked { path: PathBuf },
    /// The index mirrors another corpus than the one given: updating it would remove
    /// every article of that corpus.
    #[error("index {} holds the corpus {}, not {}; give another --index for {}, or add --rebuild to replace its articles with those of {}", index.display(), indexed.display(), given.display(), given.display(), given.display())]
    OtherCorpus {
        index: PathBuf,
        indexed: PathBuf,
        given: PathBuf,
    },
    /// A corpus was named that is not a folder.
    #[error("{}: not a folder; a corpus is a folder of articles (`newsidx extract FILE` reads one file)", .0.display())]
    NotAFolder(PathBuf),
    /// No index where one was expected.
    #[error("{0}")]
    NoIndex(String),
    /// No article in the index is the one named (by path or id).
    #[error("no article {0} in the index; give its path relative to the corpus, or its id from `search --json`")]
    NoArticle(String),
    /// The index exists but is not usable as a newsidx index.
    #[error("index {}: {message}", path.display())]
    BadIndex { path: PathBuf, message: String },
    /// An error from tantivy, with the index directory it concerns.
    #[error("index {}: {cause}", path.display())]
    Tantivy {
        path: PathBuf,
        cause: tantivy::TantivyError,
    },
}

fn marker(position: usize) -> String {
    format!("{}^", " ".repeat(position))
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause,
        }
    }

    pub(crate) fn tantivy(path: impl Into<PathBuf>, cause: tantivy::TantivyError) -> Self {
        Error::Tantivy {
            path: path.into(),
            cause,
        }
    }
}
