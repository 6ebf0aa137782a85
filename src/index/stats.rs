//! Part of stage 5 (index): what `newsidx stats` reports of an index.

use std::path::{Path, PathBuf};

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
        Ok(Stats {
            index: self.dir().to_path_buf(),
            root: info.root,
            documents: self.num_docs()?,
            files: tally.files,
            segments: metas.segments.len(),
            bytes_on_disk: walk_size(self.dir()),
            last_update: info.updated,
            skipped: tally.skipped,
            problems: tally.problems,
        })
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
