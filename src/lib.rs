//! newsidx: turn a folder of news articles into a clean, searchable archive.
//!
//! The pipeline, one module per stage, in the order a file travels:
//! [`corpus`] (walk) -> [`formats`] (one reader per format -> [`formats::RawArticle`]) ->
//! [`clean`] (page residue, with the [`furniture`] the corpus repeats) -> [`extract`] (title, byline, date, quotes -> [`extract::Article`]) ->
//! [`index`] (schema, incremental writer) -> [`search`] (query, collect, snippets -> [`search::Hit`]) ->
//! [`output`] (text and JSON printers writing to an injected writer); [`export`] hands
//! the index's articles to another engine (OpenSearch `_bulk` files, NDJSON); [`serve`]
//! answers searches over HTTP (a JSON API and a search page).
//!
//! [`app`] wires the stages together for the command-line front end; it takes typed
//! configuration and never sees clap.

pub mod app;
pub mod bench;
pub mod clean;
pub mod corpus;
pub mod error;
pub mod export;
pub mod extract;
pub mod formats;
pub mod furniture;
pub mod index;
pub mod known_item;
pub mod output;
pub mod pipeline;
pub mod search;
pub mod serve;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;

pub use error::{Error, Result};
