//! Stage 1: walk a corpus folder. Produces the sorted list of article files with the
//! stat data incremental updates key on, and the list of entries skipped with a reason.
//! Nothing here reads file contents.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

/// The article formats newsidx reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `.txt`: plain text, one paragraph per line or blank-line separated.
    Text,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.json`: one article object or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    Jsonl,
    /// `.warc`, `.warc.gz`: a web archive, read record by record
    /// ([`crate::formats::warc`]); its gzip is read by the archive reader, member by
    /// member, so `gzip` is false.
    Warc,
}

/// How a file is to be read: its format and whether it is gzip-compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub format: Format,
    pub gzip: bool,
}

/// Decides the format from the file name, looking through one `.gz` suffix.
/// Returns `None` for names newsidx does not read.
pub fn kind_of(path: &Path) -> Option<Kind> {
    kind_of_name(path.file_name()?)
}

/// [`kind_of`] a file name.
fn kind_of_name(name: &std::ffi::OsStr) -> Option<Kind> {
    let name = name.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        return Some(Kind {
            format: Format::Warc,
            gzip: false,
        });
    }
    let (stem, gzip) = match name.strip_suffix(".gz") {
        Some(stem) => (stem.to_string(), true),
        None => (name, false),
    };
    let ext = stem.rsplit_once('.')?.1;
    let format = match ext {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    };
    Some(Kind { format, gzip })
}

/// One article file found by the walk.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Absolute (or root-joined) path used to read the file.
    pub path: PathBuf,
    /// Path relative to the corpus root with `/` separators; the file's identity in the index.
    pub rel: String,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: u64,
    pub kind: Kind,
}

/// An entry the walk did not turn into a [`CorpusFile`], with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// The result of walking a corpus: files in sorted order and skipped entries.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<CorpusFile>,
    pub skipped: Vec<Skipped>,
    /// Hidden entries (names starting with `.`) not entered, files and folders alike.
    pub hidden: usize,
}

/// One entry the walk met: an article file, or an entry skipped with its reason.
#[derive(Debug)]
pub enum Found {
    File(CorpusFile),
    Skipped(Skipped),
}

/// The walk of a corpus as a stream, in sorted order, holding one entry at a time (a
/// corpus of a million files is compared with the index's file table without being
/// held: [`crate::index::NewsIndex::update`]).
pub struct Walker {
    root: PathBuf,
    entries: Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>>>,
    hidden: std::rc::Rc<std::cell::Cell<usize>>,
}

/// Walks `root` recursively in sorted order. Hidden entries (names starting with `.`)
/// and `exclude` (the index folder when it lives inside the corpus) are not entered.
/// Symlinks are followed; loops and unreadable entries are reported as skipped.
pub fn walker(root: &Path, exclude: Option<&Path>) -> Walker {
    let hidden = std::rc::Rc::new(std::cell::Cell::new(0usize));
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let counter = hidden.clone();
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            if let Some(ex) = &exclude {
                if e.file_type().is_dir() && e.path().canonicalize().is_ok_and(|p| &p == ex) {
                    return false;
                }
            }
            if e.file_name().to_string_lossy().starts_with('.') {
                counter.set(counter.get() + 1);
                return false;
            }
            true
        });
    Walker {
        root: root.to_path_buf(),
        entries: Box::new(entries),
        hidden,
    }
}

impl Walker {
    /// Hidden entries (names starting with `.`) passed over so far, files and folders.
    pub fn hidden(&self) -> usize {
        self.hidden.get()
    }
}

impl Iterator for Walker {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let found = match self.entries.next()? {
                Ok(entry) => found(&self.root, &entry),
                Err(err) => Some(Found::Skipped(walk_error(&self.root, &err))),
            };
            if found.is_some() {
                return found;
            }
        }
    }
}

/// What a walk entry is; `None` for a folder.
fn found(root: &Path, entry: &walkdir::DirEntry) -> Option<Found> {
    let path = entry.path();
    let file_type = entry.file_type();
    if file_type.is_dir() {
        return None;
    }
    let rel = rel_path(root, path);
    if !file_type.is_file() {
        return Some(Found::Skipped(Skipped {
            path: rel,
            reason: format!("not a regular file ({})", special_kind(&file_type)),
        }));
    }
    let Some(kind) = kind_of_name(entry.file_name()) else {
        return Some(Found::Skipped(Skipped {
            path: rel,
            reason: unsupported(path),
        }));
    };
    Some(match entry.metadata() {
        Ok(md) => {
            let mtime_ns = md
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            Found::File(CorpusFile {
                path: path.to_path_buf(),
                rel,
                size: md.len(),
                mtime_ns,
                kind,
            })
        }
        Err(err) => Found::Skipped(Skipped {
            path: rel,
            reason: format!("unreadable: {err}"),
        }),
    })
}

/// Why the walk could not enter or read an entry.
fn walk_error(root: &Path, err: &walkdir::Error) -> Skipped {
    let path = err
        .path()
        .map(|p| rel_path(root, p))
        .unwrap_or_else(|| root.display().to_string());
    let reason = if err.loop_ancestor().is_some() {
        "symlink loop".to_string()
    } else {
        match err.io_error() {
            Some(io) => format!("unreadable: {io}"),
            None => err.to_string(),
        }
    };
    Skipped { path, reason }
}

/// Walks `root` as [`walker`] does and keeps every entry.
pub fn walk(root: &Path, exclude: Option<&Path>) -> Walk {
    let mut out = Walk::default();
    let mut walker = walker(root, exclude);
    for found in &mut walker {
        match found {
            Found::File(f) => out.files.push(f),
            Found::Skipped(s) => out.skipped.push(s),
        }
    }
    out.hidden = walker.hidden();
    out
}

/// How an article is named for people: its file's path, then `#RECORD` for an article of
/// a JSON or JSONL file, `@OFFSET` for one of a web archive (`crawl.warc.gz@12345`).
pub fn record_label(path: &str, record: Option<u64>) -> String {
    match record {
        None => path.to_string(),
        Some(r) if kind_of(Path::new(path)).is_some_and(|k| k.format == Format::Warc) => {
            format!("{path}@{r}")
        }
        Some(r) => format!("{path}#{r}"),
    }
}

/// Where an article with no source was published, as people read it: its file's folder
/// inside the corpus (`herald/2025` for `herald/2025/story.txt`), or the file itself at
/// the top of the corpus.
pub fn folder_label(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((folder, _)) if !folder.is_empty() => folder.to_string(),
        _ => path.to_string(),
    }
}

/// Why a file is not read: its type is not one newsidx reads; an ARC web archive (the
/// format before WARC) is named as such.
pub fn unsupported(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".arc") || name.ends_with(".arc.gz") {
        return "unsupported file type: an ARC web archive (the format before WARC), which newsidx does not read; convert it to WARC".to_string();
    }
    "unsupported file type".to_string()
}

/// What a file that is neither a regular file nor a folder is, for its skip reason.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "a special file"
}

/// `path` relative to `root`, with `/` separators; non-UTF-8 bytes are replaced.
pub fn rel_path(root: &Path, path: &Path) -> String {
    // The walk's paths are the root joined with names: on `/` systems the rest of the
    // bytes is the answer (the components below are a third of a no-op update's time).
    #[cfg(unix)]
    {
        let (root, path) = (
            root.as_os_str().as_encoded_bytes(),
            path.as_os_str().as_encoded_bytes(),
        );
        if let Some(rest) = path.strip_prefix(root).and_then(|r| r.strip_prefix(b"/")) {
            if !rest.is_empty() && !rest.starts_with(b"/") && !rest.ends_with(b"/") {
                let clean = rest
                    .split(|&b| b == b'/')
                    .all(|part| !part.is_empty() && part != b"." && part != b"..");
                if clean {
                    return String::from_utf8_lossy(rest).into_owned();
                }
            }
        }
    }
    rel_path_by_components(root, path)
}

/// [`rel_path`] the long way.
fn rel_path_by_components(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_of_table() {
        let cases = [
            ("a.txt", Some((Format::Text, false))),
            ("a.TXT", Some((Format::Text, false))),
            ("a.md", Some((Format::Markdown, false))),
            ("a.html.gz", Some((Format::Html, true))),
            ("a.htm", Some((Format::Html, false))),
            ("a.json", Some((Format::Json, false))),
            ("a.jsonl.gz", Some((Format::Jsonl, true))),
            ("a.ndjson", Some((Format::Jsonl, false))),
            ("CC-NEWS-20250101.warc.gz", Some((Format::Warc, false))),
            ("crawl.WARC", Some((Format::Warc, false))),
            ("old.arc.gz", None),
            ("a.pdf", None),
            ("a.gz", None),
            ("README", None),
        ];
        for (name, want) in cases {
            let got = kind_of(Path::new(name)).map(|k| (k.format, k.gzip));
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn rel_path_table() {
        let cases = [
            ("/c", "/c/a.txt", "a.txt"),
            ("/c", "/c/x/y/a.txt", "x/y/a.txt"),
            ("/c/", "/c/x/a.txt", "x/a.txt"),
            ("/c", "/c/x//a.txt", "x/a.txt"),
            ("/c", "/c/./x/a.txt", "x/a.txt"),
            ("/c", "/c/x/../a.txt", "x/../a.txt"),
        ];
        for (root, path, want) in cases {
            assert_eq!(
                rel_path(Path::new(root), Path::new(path)),
                want,
                "{root} {path}"
            );
        }
        // The bytes' shortcut says what the components say, wherever it applies.
        for (root, path) in cases.iter().map(|&(r, p, _)| (r, p)).chain([
            ("/c", "/cd/a.txt"),
            ("/c", "/elsewhere/a.txt"),
            ("/c", "/c"),
        ]) {
            assert_eq!(
                rel_path(Path::new(root), Path::new(path)),
                rel_path_by_components(Path::new(root), Path::new(path)),
                "{root} {path}"
            );
        }
    }

    #[test]
    fn walk_is_sorted_skips_hidden_and_reports_unsupported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        std::fs::write(root.join("b/z.txt"), "z").unwrap();
        std::fs::write(root.join("a.md"), "a").unwrap();
        std::fs::write(root.join("c.pdf"), "c").unwrap();
        std::fs::write(root.join(".hidden/x.txt"), "x").unwrap();
        std::fs::write(root.join(".dot.txt"), "x").unwrap();
        let w = walk(root, None);
        let rels: Vec<_> = w.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.md", "b/z.txt"]);
        assert_eq!(w.skipped.len(), 1);
        assert_eq!(w.skipped[0].path, "c.pdf");
    }

    #[cfg(unix)]
    #[test]
    fn walk_survives_symlink_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("d")).unwrap();
        std::fs::write(root.join("d/a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(root.join("d"), root.join("d/loop")).unwrap();
        let w = walk(root, None);
        assert_eq!(w.files.len(), 1);
        assert!(
            w.skipped.iter().any(|s| s.reason == "symlink loop"),
            "{:?}",
            w.skipped
        );
    }
}
