//! What the index knows of each corpus file, for incremental updates: size, mtime and
//! content hash, how many articles it gave, or why it was skipped.
//!
//! Stored as JSON beside the tantivy files and written (atomically, by rename) after each
//! commit, tagged with the commit's opstamp. A manifest whose opstamp does not match the
//! index (a crash between commit and write) is not trusted: every file is then re-read,
//! and since documents are replaced by path, nothing is ever indexed twice.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// File name of the manifest inside the index folder.
pub const MANIFEST_FILE: &str = "newsidx-manifest.json";

/// Per-file state, keyed by path relative to the corpus root.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Opstamp of the commit this manifest describes.
    pub opstamp: u64,
    /// newsidx's version and the options a file's outcome depends on (limits), as
    /// [`settings_key`] writes them: when they change, files skipped or read with
    /// problems under the old ones are read again.
    #[serde(default)]
    pub settings: String,
    /// The furniture rule ([`crate::furniture::RULE`]) the files' lines were learned
    /// under: under another one every file is read again.
    #[serde(default)]
    pub furniture: String,
    pub files: BTreeMap<String, FileEntry>,
}

/// One corpus file as last indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub size: u64,
    pub mtime_ns: u64,
    /// xxh3 of the file's bytes as stored on disk.
    pub hash: u64,
    pub articles: u32,
    /// When the file's articles were last written to the index (nanoseconds since the
    /// Unix epoch; 0 in manifests written before it was kept): what `export --since`
    /// goes by.
    #[serde(default)]
    pub indexed_ns: u64,
    /// Why the file gave no articles, when it did not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    /// Problems inside a file that was indexed (a bad JSONL line, an article over the
    /// limit), reported again on every run until the file changes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// Per article, its short lines' keys and its identity, from which the furniture
    /// table is learned without reading unchanged files again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<crate::furniture::Lines>,
    /// A web archive's records: how many were read, gave articles, or were passed over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<crate::formats::warc::Records>,
    /// Where a web archive is damaged, reported on every run until it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage: Option<crate::formats::warc::Damage>,
}

/// The key of what a file's outcome depends on besides its bytes: newsidx's version and
/// the limits.
pub fn settings_key(limits: &crate::formats::Limits) -> String {
    format!(
        "newsidx {}; max file {} bytes; max article {} bytes",
        env!("CARGO_PKG_VERSION"),
        limits.max_file_bytes,
        limits.max_article_bytes
    )
}

impl Manifest {
    /// Loads the manifest of an index folder; an absent or unreadable one is empty
    /// (everything will be re-read, which is always correct).
    pub fn load(dir: &Path, opstamp: u64) -> Manifest {
        let path = dir.join(MANIFEST_FILE);
        std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .filter(|m| m.opstamp == opstamp)
            .unwrap_or_default()
    }

    /// Writes the manifest by rename, so a reader sees the old or the new one, never half.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(MANIFEST_FILE);
        let tmp = dir.join(format!("{MANIFEST_FILE}.tmp"));
        let bytes = serde_json::to_vec(self).expect("manifest serialises");
        std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }
}
