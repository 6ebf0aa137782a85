//! Part of stage 5 (index): what `newsidx stats` reports of an index.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{Manifest, NewsIndex};
use crate::corpus::Skipped;
use crate::error::{Error, Result};

/// What `stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub index: PathBuf,
    pub root: Option<PathBuf>,
    pub documents: u64,
    /// Stories: an article and its syndicated copies count once.
    #[serde(default)]
    pub clusters: u64,
    /// Articles in a story printed more than once (the first copy included).
    #[serde(default)]
    pub clustered_articles: u64,
    pub files: usize,
    pub segments: usize,
    pub bytes_on_disk: u64,
    pub last_update: Option<String>,
    /// Corpus files not indexed at the last update, with the reason (unsupported types
    /// are not listed: the index never read them).
    #[serde(default)]
    pub skipped: Vec<Skipped>,
    /// Problems inside indexed files (bad JSONL lines, articles over the limit).
    #[serde(default)]
    pub problems: Vec<Skipped>,
}

impl NewsIndex {
    /// Facts about the index: its corpus, documents, files, segments, size on disk, last
    /// update, and the standing skipped files and problems its manifest records.
    pub fn stats(&self) -> Result<Stats> {
        let info = self.commit_info();
        let metas = self
            .tantivy()
            .load_metas()
            .map_err(|e| Error::tantivy(self.dir(), e))?;
        let tally = Manifest::tally(self.dir(), metas.opstamp);
        let (clusters, clustered_articles) = self.story_counts()?;
        Ok(Stats {
            index: self.dir().to_path_buf(),
            root: info.root,
            documents: self.num_docs()?,
            clusters,
            clustered_articles,
            files: tally.files,
            segments: metas.segments.len(),
            bytes_on_disk: walk_size(self.dir()),
            last_update: info.updated,
            skipped: tally.skipped,
            problems: tally.problems,
        })
    }
}

impl NewsIndex {
    /// (stories, articles in stories of two or more), from every live article's cluster.
    fn story_counts(&self) -> Result<(u64, u64)> {
        let terr = |e| Error::tantivy(self.dir(), e);
        let searcher = self.reader()?.searcher();
        let name = self
            .tantivy()
            .schema()
            .get_field_name(self.fields().cluster)
            .to_string();
        let mut sizes: FxHashMap<u64, u64> = FxHashMap::default();
        for reader in searcher.segment_readers() {
            let column = reader.fast_fields().u64(&name).map_err(terr)?;
            for doc in reader.doc_ids_alive() {
                if let Some(c) = column.first(doc) {
                    *sizes.entry(c).or_default() += 1;
                }
            }
        }
        let clustered = sizes.values().filter(|n| **n > 1).sum();
        Ok((sizes.len() as u64, clustered))
    }
}

fn walk_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
