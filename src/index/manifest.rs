//! What the index knows of each corpus file, for incremental updates: size, mtime and
//! content hash, how many articles it gave, or why it was skipped.
//!
//! Stored as JSON beside the tantivy files: written beside its place before each commit and
//! put there (atomically, by rename) after it, tagged with the commit's opstamp. A manifest whose opstamp does not match the
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

/// What `stats` reports of a manifest, read as a stream: the files indexed, and the
/// skipped files and problems with their paths; nothing else is kept (a whole manifest
/// of 100,000 files took about 90 MB to hold).
#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    pub opstamp: u64,
    /// Files that gave articles (or none, without being skipped).
    pub files: usize,
    pub skipped: Vec<crate::corpus::Skipped>,
    pub problems: Vec<crate::corpus::Skipped>,
}

impl<'de> Deserialize<'de> for Tally {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        /// The manifest's fields `stats` needs; the others are passed over.
        #[derive(Deserialize)]
        struct Head {
            opstamp: u64,
            files: Files,
        }
        struct Files(Tally);
        /// The part of a file's entry that `stats` reports.
        #[derive(Deserialize)]
        struct Entry {
            #[serde(default)]
            skipped: Option<String>,
            #[serde(default)]
            problems: Vec<String>,
        }
        impl<'de> Deserialize<'de> for Files {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                struct Visit;
                impl<'de> serde::de::Visitor<'de> for Visit {
                    type Value = Files;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("a map of files")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> std::result::Result<Files, A::Error> {
                        let mut t = Tally::default();
                        while let Some((path, e)) = map.next_entry::<String, Entry>()? {
                            for reason in e.problems {
                                t.problems.push(crate::corpus::Skipped {
                                    path: path.clone(),
                                    reason,
                                });
                            }
                            match e.skipped {
                                Some(reason) => {
                                    t.skipped.push(crate::corpus::Skipped { path, reason })
                                }
                                None => t.files += 1,
                            }
                        }
                        Ok(Files(t))
                    }
                }
                d.deserialize_map(Visit)
            }
        }
        let head = Head::deserialize(d)?;
        Ok(Tally {
            opstamp: head.opstamp,
            ..head.files.0
        })
    }
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

    /// The [`Tally`] of the manifest of an index folder, read as a stream; empty when the
    /// manifest is absent, unreadable or of another commit (as [`Manifest::load`]).
    pub fn tally(dir: &Path, opstamp: u64) -> Tally {
        std::fs::File::open(dir.join(MANIFEST_FILE))
            .ok()
            .and_then(|f| serde_json::from_reader::<_, Tally>(std::io::BufReader::new(f)).ok())
            .filter(|t| t.opstamp == opstamp)
            .unwrap_or_default()
    }

    /// Writes the manifest by rename, so a reader sees the old or the new one, never half.
    pub fn save(&self, dir: &Path) -> Result<()> {
        self.stage(dir)?.publish()
    }

    /// Writes the manifest to a temporary file beside its place, streamed (a million
    /// files' manifest is 200 MB of JSON), to be put in place by [`Staged::publish`] once
    /// the commit it describes is made: the run can let go of the manifest before tantivy
    /// commits and merges.
    pub fn stage(&self, dir: &Path) -> Result<Staged> {
        let staged = Staged::new(
            dir.join(format!("{MANIFEST_FILE}.tmp")),
            dir.join(MANIFEST_FILE),
        );
        let written = std::fs::File::create(&staged.tmp).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            serde_json::to_writer(&mut w, self).map_err(std::io::Error::other)?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()
        });
        written.map_err(|e| Error::io(&staged.tmp, e))?;
        Ok(staged)
    }
}

/// Removes the files a run killed between staging and publishing left in `dir` (the
/// manifest's and the file tables'); called by a run that holds the writer's lock.
pub fn remove_staged(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let file_table = name.starts_with(&format!("{}.", super::file_table::FILE_TABLE));
        if name.ends_with(".tmp") && (name.starts_with(MANIFEST_FILE) || file_table) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A file written beside its place, put there by [`Staged::publish`] (a rename, so a
/// reader sees the old file or the new one, never half); removed if dropped unpublished
/// (the commit it was written for failed).
#[derive(Debug)]
pub struct Staged {
    tmp: std::path::PathBuf,
    path: std::path::PathBuf,
    published: bool,
}

impl Staged {
    pub(super) fn new(tmp: std::path::PathBuf, path: std::path::PathBuf) -> Staged {
        Staged {
            tmp,
            path,
            published: false,
        }
    }

    /// The temporary file being written.
    pub(super) fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// Renames the file into its place.
    pub fn publish(mut self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|e| Error::io(&self.path, e))?;
        self.published = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(skipped: Option<&str>, problems: &[&str]) -> FileEntry {
        FileEntry {
            size: 10,
            mtime_ns: 1,
            hash: 2,
            articles: u32::from(skipped.is_none()),
            indexed_ns: 3,
            skipped: skipped.map(str::to_string),
            problems: problems.iter().map(|p| p.to_string()).collect(),
            lines: Vec::new(),
            records: None,
            damage: None,
        }
    }

    /// A staged manifest is in place only once published; one dropped unpublished (its
    /// commit failed) leaves the published one and no temporary file.
    #[test]
    fn a_staged_manifest_is_in_place_only_once_published() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Manifest {
            opstamp: 7,
            ..Manifest::default()
        };
        m.files.insert("a.txt".into(), entry(None, &[]));
        let staged = m.stage(dir.path()).unwrap();
        assert!(!dir.path().join(MANIFEST_FILE).exists());
        staged.publish().unwrap();
        assert_eq!(Manifest::load(dir.path(), 7).files.len(), 1);

        m.opstamp = 8;
        m.files.insert("b.txt".into(), entry(None, &[]));
        drop(m.stage(dir.path()).unwrap());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [MANIFEST_FILE]);
        assert_eq!(Manifest::load(dir.path(), 7).files.len(), 1);
        assert!(Manifest::load(dir.path(), 8).files.is_empty());
    }

    /// What a run killed between staging and publishing leaves is removed by the next
    /// committing run; nothing else in the folder is touched.
    #[test]
    fn files_a_killed_run_staged_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "newsidx-manifest.json.tmp",
            "newsidx-files.bin.4242-0.tmp",
            "newsidx-files.bin",
            "meta.json",
            "notes.tmp",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        remove_staged(dir.path());
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["meta.json", "newsidx-files.bin", "notes.tmp"]);
    }

    #[test]
    fn the_streamed_tally_says_what_the_whole_manifest_says() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Manifest {
            opstamp: 7,
            ..Manifest::default()
        };
        m.files.insert("a.txt".into(), entry(None, &[]));
        m.files.insert(
            "b.jsonl".into(),
            entry(None, &["line 3: not JSON", "line 9: empty"]),
        );
        m.files
            .insert("c.html".into(), entry(Some("over --max-file-mb"), &[]));
        m.save(dir.path()).unwrap();
        let t = Manifest::tally(dir.path(), 7);
        let whole = Manifest::load(dir.path(), 7);
        assert_eq!(
            t.files,
            whole.files.values().filter(|e| e.skipped.is_none()).count()
        );
        assert_eq!(t.files, 2);
        let reasons = |v: &[crate::corpus::Skipped]| {
            v.iter()
                .map(|s| format!("{}: {}", s.path, s.reason))
                .collect::<Vec<_>>()
        };
        assert_eq!(reasons(&t.skipped), ["c.html: over --max-file-mb"]);
        assert_eq!(
            reasons(&t.problems),
            ["b.jsonl: line 3: not JSON", "b.jsonl: line 9: empty"]
        );
        // Another commit's manifest tells nothing.
        assert_eq!(Manifest::tally(dir.path(), 8), Tally::default());
    }
}
