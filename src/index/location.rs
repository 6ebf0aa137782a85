//! Part of stage 5 (index): where an index lives. `--index DIR` (or `NEWSIDX_INDEX`)
//! names it; otherwise a corpus folder `C` has its index in `C/.newsidx`, or in a per-user
//! cache folder when `C` is not writable or is marked read-only; with neither, the nearest
//! `.newsidx` in the current folder or its parents.

use std::path::{Path, PathBuf};

use super::{NewsIndex, INDEX_DIR_NAME};
use crate::error::{Error, Result};

/// Where the index is and which corpus it mirrors, as the user named them.
#[derive(Debug, Clone, Default)]
pub struct Location {
    /// `--index DIR` or `NEWSIDX_INDEX`.
    pub index: Option<PathBuf>,
    /// The corpus folder argument.
    pub corpus: Option<PathBuf>,
}

/// Finds the index folder and the corpus root.
///
/// `--index` wins; otherwise a corpus C has its index in `C/.newsidx`, or in the per-user
/// cache (keyed by C's absolute path) when C is not writable; with neither, the nearest
/// `.newsidx` in the current folder or its parents. Returns the folder and the canonical
/// corpus given, if any; callers fall back to the root the opened index recorded, so the
/// index is opened once. `create` allows making `C/.newsidx`.
pub fn resolve(loc: &Location, create: bool) -> Result<(PathBuf, Option<PathBuf>)> {
    let corpus = match &loc.corpus {
        Some(c) => {
            let c = c.canonicalize().map_err(|e| Error::io(c, e))?;
            if !c.is_dir() {
                return Err(Error::NotAFolder(c));
            }
            Some(c)
        }
        None => None,
    };
    let dir = match (&loc.index, &corpus) {
        (Some(i), _) => i.clone(),
        (None, Some(c)) => index_dir_for(c, create)?,
        (None, None) => find_up().ok_or_else(|| {
            Error::NoIndex(
                "no index here: give a corpus folder (`newsidx search QUERY CORPUS`), \
                 --index DIR, or run `newsidx index CORPUS` first"
                    .to_string(),
            )
        })?,
    };
    Ok((dir, corpus))
}

fn index_dir_for(corpus: &Path, create: bool) -> Result<PathBuf> {
    let local = corpus.join(INDEX_DIR_NAME);
    let cached = cache_dir_for(corpus);
    if NewsIndex::exists(&local) {
        return Ok(local);
    }
    if let Some(c) = &cached {
        if NewsIndex::exists(c) {
            return Ok(c.clone());
        }
    }
    // A folder marked read-only (no write permission for anyone, as `chmod a-w` leaves
    // it) is not written into even by a user the mark does not stop (root): a shared
    // corpus stays as its owner left it.
    let marked_read_only = corpus.metadata().is_ok_and(|m| m.permissions().readonly());
    if !create
        || !marked_read_only && std::fs::create_dir_all(&local).is_ok() && is_writable(&local)
    {
        return Ok(local);
    }
    cached.ok_or_else(|| {
        Error::NoIndex(
            "the corpus folder is not writable and there is no per-user cache folder; use --index DIR"
                .to_string(),
        )
    })
}

fn is_writable(dir: &Path) -> bool {
    let probe = dir.join(".newsidx-probe");
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// The per-user cache folder for a corpus: `<cache>/newsidx/<name>-<hash of path>`.
pub fn cache_dir_for(corpus: &Path) -> Option<PathBuf> {
    let base = std::env::var_os("NEWSIDX_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| dirs::cache_dir().map(|d| d.join("newsidx")))?;
    let name = corpus
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hash = xxhash_rust::xxh3::xxh3_64(corpus.as_os_str().as_encoded_bytes());
    Some(base.join(format!("{name}-{hash:016x}")))
}

fn find_up() -> Option<PathBuf> {
    let mut dir = std::env::current_dir().ok()?;
    loop {
        let cand = dir.join(INDEX_DIR_NAME);
        if NewsIndex::exists(&cand) {
            return Some(cand);
        }
        if !dir.pop() {
            return None;
        }
    }
}
