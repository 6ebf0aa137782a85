//! Stage 5: the tantivy index and its incremental writer.
//!
//! [`NewsIndex`] opens or creates an index folder. [`NewsIndex::update`] brings it up to
//! date with a corpus: a stat walk finds new, changed and deleted files (by path, size and
//! mtime); changed candidates are confirmed by a content hash; their documents are
//! replaced by path, so one article never has two documents. Files are read and extracted
//! on worker threads while the writer indexes, and a file that fails (or panics) is
//! reported as skipped with its reason while the run goes on.

pub mod clusters;
pub mod file_table;
pub mod like;
pub mod location;
pub mod manifest;
mod order;
mod read;
pub mod schema;
pub mod stats;
pub mod stem;
pub mod stored_quotes;
pub mod translit;
pub mod words;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::sync::Mutex;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::schema::Term;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use crate::corpus::{self, CorpusFile, Skipped};
use crate::error::{Error, Result};
use crate::extract::Article;
use crate::formats::warc::Records;
use crate::formats::Limits;
use crate::furniture;
pub use manifest::{FileEntry, Manifest};
use read::{process, FileOutcome};
pub use schema::Fields;

/// Name of the index folder inside a corpus.
pub const INDEX_DIR_NAME: &str = ".newsidx";

/// An open newsidx index.
pub struct NewsIndex {
    dir: PathBuf,
    index: Index,
    fields: Fields,
    /// The text analyser [`NewsIndex::document`] makes [`Fields::text`]'s terms with: one
    /// for the index's life, so its stem cache stays warm.
    terms: Mutex<TextAnalyzer>,
}

/// What the index records about itself in each commit.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CommitInfo {
    /// Absolute path of the corpus the index mirrors.
    pub root: Option<PathBuf>,
    /// Time of the last commit, RFC 3339.
    pub updated: Option<String>,
}

/// Knobs of an update.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    /// Drop every document and read the whole corpus again.
    pub rebuild: bool,
    pub limits: Limits,
    /// Extraction threads; default: cores - 1, at least 1.
    pub threads: usize,
    /// tantivy's indexing threads, each building its own segments; default: half the
    /// cores (2 to 8) on machines of three cores or more, one on two. (One thread does
    /// nearly half of all the work of `index`: no machine could index more than about 2x
    /// faster than one core. On two cores, three cost about 7% more time and their six
    /// segments ~15% more search time than one writer's one: docs/performance.md.)
    pub index_threads: usize,
    /// Memory budget of the tantivy writer in bytes, shared by its indexing threads.
    /// Default 128 MiB (at least 16 MiB per thread).
    pub writer_heap: usize,
}

impl UpdateOptions {
    /// At most `n` threads for extraction and for indexing each (`--threads N`).
    pub fn with_threads(mut self, n: usize) -> Self {
        self.threads = n.max(1);
        self.index_threads = self.index_threads.min(n).max(1);
        self
    }
}

impl Default for UpdateOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        UpdateOptions {
            rebuild: false,
            limits: Limits::default(),
            threads: cores.saturating_sub(1).max(1),
            index_threads: if cores <= 2 {
                1
            } else {
                (cores / 2).clamp(2, 8)
            },
            writer_heap: 128 << 20,
        }
    }
}

/// The outcome of an update: every file the walk saw is counted once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub root: PathBuf,
    /// Entries the walk met (hidden ones apart): every one is counted once as indexed,
    /// updated, unchanged or skipped, so `files_seen = indexed + updated + unchanged +
    /// skipped.len()`.
    pub files_seen: usize,
    /// Hidden files and folders (names starting with `.`) that are not read.
    #[serde(default)]
    pub hidden: usize,
    /// New files indexed.
    pub indexed: usize,
    /// Changed files re-indexed.
    pub updated: usize,
    pub unchanged: usize,
    /// Files gone from the corpus whose documents were removed.
    pub removed: usize,
    /// Entries not indexed, with the reason (unsupported types, unreadable, bad content).
    pub skipped: Vec<Skipped>,
    /// Problems inside files that were indexed (bad JSONL lines), with file and line.
    pub problems: Vec<Skipped>,
    /// Articles added by this run.
    pub articles: usize,
    /// Documents in the index after the run.
    pub documents: u64,
    /// Bytes read from files that were (re)indexed.
    pub bytes: u64,
    pub seconds: f64,
    /// The records of the web archives (re)read by this run: how many were read, gave
    /// articles, or were passed over, by why.
    #[serde(default)]
    pub records: Records,
    /// Web archives that are damaged, on every run until they change: where the damage
    /// is and what it is. The records before it are indexed; it is among the problems too.
    #[serde(default)]
    pub damaged: Vec<Damaged>,
}

/// A damaged web archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Damaged {
    /// The archive, relative to the corpus root.
    pub path: String,
    /// The offset of the record the damage is in (see [`crate::formats::warc`]).
    pub offset: u64,
    pub reason: String,
}

impl Damaged {
    fn of(path: &str, d: &crate::formats::warc::Damage) -> Damaged {
        Damaged {
            path: path.to_string(),
            offset: d.offset,
            reason: d.message.clone(),
        }
    }
}

impl Summary {
    /// Sorts what is reported by path and stamps the run's time: the last step of every
    /// update, whichever way it went.
    fn finish(&mut self, started: Instant) {
        self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        self.problems.sort_by(|a, b| a.path.cmp(&b.path));
        self.damaged.sort_by(|a, b| a.path.cmp(&b.path));
        self.seconds = started.elapsed().as_secs_f64();
    }

    /// Megabytes per second over the bytes read.
    pub fn mb_per_sec(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }

    /// True when the run changed the index.
    pub fn changed(&self) -> bool {
        self.indexed + self.updated + self.removed > 0
    }
}

/// Progress events of an update, for a progress bar.
pub trait Progress: Sync {
    /// `total` files need reading.
    fn start(&self, total: u64);
    /// One more file was read; `path` is relative to the root.
    fn file_done(&self, path: &str);
    /// A web archive being read has given `pages` articles so far (it counts as one file
    /// when it is done).
    fn archive_pages(&self, _path: &str, _pages: usize) {}
    fn finish(&self);
}

/// Progress that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn file_done(&self, _: &str) {}
    fn finish(&self) {}
}

/// How a run counted a file, so that reading it again replaces the count.
#[derive(Debug, Clone, Copy)]
enum Count {
    Indexed,
    Updated,
    Unchanged,
    Skipped,
}

/// The furniture the corpus knows, as the manifest's files tell it.
fn furniture_table(files: &BTreeMap<String, FileEntry>) -> furniture::Table {
    furniture::Table::learn(files.iter().flat_map(|(rel, e)| {
        let dir = folder_of(rel);
        e.lines
            .iter()
            .map(move |l| (furniture::source_of(l, dir), l))
    }))
}

/// The folder of a corpus-relative path (`""` at the root): an article's source unless it
/// states one.
fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

impl NewsIndex {
    /// True when `dir` holds an index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens an existing index.
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        if !Self::exists(dir) {
            return Err(Error::NoIndex(format!(
                "no index at {}; build one with `newsidx index CORPUS --index {}`",
                dir.display(),
                dir.display()
            )));
        }
        let index = Index::open_in_dir(dir).map_err(|e| Error::tantivy(dir, e))?;
        if index.schema() != schema::build().0 {
            // newsidx writes its manifest beside every index it builds.
            let message = match schema::fields_of(&index.schema()) {
                _ if dir.join(manifest::MANIFEST_FILE).is_file() => "built by another version of newsidx; rebuild it with `newsidx index CORPUS --rebuild`"
                    .to_string(),
                Err(e) => format!("not a newsidx index ({e}); use --rebuild or another --index"),
                Ok(_) => "not a newsidx index (another schema); use --rebuild or another --index"
                    .to_string(),
            };
            return Err(Error::BadIndex {
                path: dir.to_path_buf(),
                message,
            });
        }
        let fields = schema::fields_of(&index.schema()).map_err(|e| Error::BadIndex {
            path: dir.to_path_buf(),
            message: format!("not a newsidx index ({e}); use --rebuild or another --index"),
        })?;
        NewsIndex::with(dir, index, fields)
    }

    /// Opens the index in `dir`, creating the folder and an empty index if needed.
    /// An index newsidx built with another schema is a cache of the corpus, so it is
    /// dropped and made again (the next update re-reads every file).
    pub fn open_or_create(dir: &Path) -> Result<NewsIndex> {
        if Self::exists(dir) {
            match Self::open(dir) {
                Err(Error::BadIndex { .. }) if dir.join(manifest::MANIFEST_FILE).is_file() => {
                    std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                other => return other,
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema::build();
        let index = Index::builder()
            .schema(schema)
            .settings(schema::settings())
            .create_in_dir(dir)
            .map_err(|e| Error::tantivy(dir, e))?;
        NewsIndex::with(dir, index, fields)
    }

    /// An open index with newsidx's tokenizers registered.
    fn with(dir: &Path, index: Index, fields: Fields) -> Result<NewsIndex> {
        schema::register_tokenizers(&index);
        let terms = index
            .tokenizers()
            .get(schema::TEXT_TOKENIZER)
            .ok_or_else(|| Error::BadIndex {
                path: dir.to_path_buf(),
                message: format!("tokenizer {} is not registered", schema::TEXT_TOKENIZER),
            })?;
        Ok(NewsIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            terms: Mutex::new(terms),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// One of newsidx's analysers ([`schema::TEXT_TOKENIZER`], [`schema::NAME_TOKENIZER`]).
    pub fn analyzer(&self, name: &str) -> Result<tantivy::tokenizer::TextAnalyzer> {
        self.index
            .tokenizers()
            .get(name)
            .ok_or_else(|| Error::BadIndex {
                path: self.dir.clone(),
                message: format!("tokenizer {name} is not registered"),
            })
    }

    /// A reader on the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::tantivy(&self.dir, e))
    }

    /// The commit information (corpus root, last update) of the last commit.
    pub fn commit_info(&self) -> CommitInfo {
        self.index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str(&p).ok())
            .unwrap_or_default()
    }

    fn opstamp(&self) -> u64 {
        self.index.load_metas().map(|m| m.opstamp).unwrap_or(0)
    }

    /// Brings the index up to date with the corpus at `root`. Takes the writer lock only
    /// when something changed; with nothing changed it is a stat walk and no write.
    pub fn update(
        &self,
        root: &Path,
        opts: &UpdateOptions,
        progress: &dyn Progress,
    ) -> Result<Summary> {
        let started = Instant::now();
        // When this run writes articles: a file's entry keeps it (`export --since`).
        let run_ns = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
        if !root.is_dir() {
            return Err(Error::NotAFolder(root));
        }
        let indexed_root = self.commit_info().root;
        let root_changed = indexed_root.as_deref() != Some(root.as_path());
        if !opts.rebuild && !root_changed {
            if let Some(summary) = self.unchanged(&root, opts, started)? {
                return Ok(summary);
            }
        }
        let walk = corpus::walk(&root, Some(&self.dir));
        let opstamp_read = self.opstamp();
        let mut manifest = if opts.rebuild {
            Manifest::default()
        } else {
            Manifest::load(&self.dir, opstamp_read)
        };
        // Another corpus's index is never emptied by accident (a typo in --index or
        // NEWSIDX_INDEX): only --rebuild replaces it, or a corpus that carries the index
        // inside it (the folder was moved or renamed with its .newsidx).
        if let Some(old) = &indexed_root {
            let carried = self.dir.canonicalize().is_ok_and(|d| d.starts_with(&root));
            if root_changed && !opts.rebuild && !carried && self.num_docs()? > 0 {
                return Err(Error::OtherCorpus {
                    index: self.dir.clone(),
                    indexed: old.clone(),
                    given: root,
                });
            }
        }
        let mut summary = Summary {
            root: root.clone(),
            files_seen: walk.files.len() + walk.skipped.len(),
            hidden: walk.hidden,
            skipped: walk.skipped,
            ..Summary::default()
        };

        let seen: HashSet<&str> = walk.files.iter().map(|f| f.rel.as_str()).collect();
        let deleted: Vec<String> = manifest
            .files
            .keys()
            .filter(|k| !seen.contains(k.as_str()))
            .cloned()
            .collect();
        // A file skipped, or read with problems, under other limits or by another
        // version is read again: raising a limit brings it back.
        let settings = manifest::settings_key(&opts.limits);
        let settings_changed = manifest.settings != settings;
        // Files indexed under another furniture rule (or before there was one) are read
        // again: their lines are not known, or not counted as now.
        let rule_changed = manifest.furniture != furniture::RULE;
        let mut retry: HashSet<&str> = HashSet::new();
        let mut todo: Vec<&CorpusFile> = Vec::new();
        for f in &walk.files {
            match manifest.files.get(&f.rel) {
                Some(e) if e.size == f.size && e.mtime_ns == f.mtime_ns => {
                    if (settings_changed && (e.skipped.is_some() || !e.problems.is_empty()))
                        || (rule_changed && e.skipped.is_none())
                    {
                        retry.insert(f.rel.as_str());
                        todo.push(f);
                        continue;
                    }
                    match &e.skipped {
                        Some(reason) => summary.skipped.push(Skipped {
                            path: f.rel.clone(),
                            reason: reason.clone(),
                        }),
                        None => summary.unchanged += 1,
                    }
                    summary.problems.extend(e.problems.iter().map(|p| Skipped {
                        path: f.rel.clone(),
                        reason: p.clone(),
                    }));
                    summary
                        .damaged
                        .extend(e.damage.iter().map(|d| Damaged::of(&f.rel, d)));
                }
                _ => todo.push(f),
            }
        }
        let must_reset = opts.rebuild || (manifest.files.is_empty() && self.num_docs()? > 0);
        if todo.is_empty() && deleted.is_empty() && !must_reset && !root_changed {
            // An index of a version before the file table, or whose table was lost, gets
            // one here, so that the next run with nothing to do needs only the walk.
            if !file_table::is_current(&self.dir, manifest.opstamp) {
                self.save_file_table(&manifest, &walk.files);
            }
            summary.documents = self.num_docs()?;
            summary.finish(started);
            return Ok(summary);
        }

        // What the corpus knew before this run (deleted files included): the documents
        // were cleaned with it.
        let before = furniture_table(&manifest.files);
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer_with_num_threads(
                opts.index_threads.max(1),
                opts.writer_heap.max(opts.index_threads.max(1) * (16 << 20)),
            )
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::Locked {
                    path: self.dir.clone(),
                },
                e => Error::tantivy(&self.dir, e),
            })?;
        if must_reset {
            writer
                .delete_all_documents()
                .map_err(|e| Error::tantivy(&self.dir, e))?;
        }
        // A run that starts from an empty index (emptied now, or empty when the manifest was
        // read and not committed to since: the writer's lock now keeps it so) adds a file's
        // articles without deleting its path first: a delete costs tantivy about 1 KB until
        // the commit, a gigabyte over a new million-file corpus. Any other run deletes before
        // it adds, so a manifest out of step with the index (another process committed in
        // between) never leaves an article twice.
        let starts_empty = must_reset || (self.opstamp() == opstamp_read && self.num_docs()? == 0);
        for rel in &deleted {
            writer.delete_term(Term::from_field_text(self.fields.path, rel));
            manifest.files.remove(rel);
            summary.removed += 1;
        }

        let prior: HashSet<String> = manifest.files.keys().cloned().collect();
        let mut clusterer = clusters::Clusterer::new(
            (!must_reset)
                .then(|| self.reader().map(|r| r.searcher()))
                .transpose()?,
            self.fields,
            self.analyzer(schema::TEXT_TOKENIZER)?,
            deleted.iter().cloned().collect(),
        );
        let mut counted: BTreeMap<String, Count> = BTreeMap::new();
        // Archives whose first parts are in (their old documents are already deleted),
        // with the pages they gave so far.
        let mut streaming: HashMap<String, usize> = HashMap::new();
        progress.start(todo.len() as u64);
        let mut apply = |file: &CorpusFile,
                         outcome: FileOutcome,
                         summary: &mut Summary,
                         files: &mut BTreeMap<String, FileEntry>,
                         again: bool|
         -> Result<()> {
            if let FileOutcome::Part(articles) = outcome {
                let pages = streaming.entry(file.rel.clone()).or_insert_with(|| {
                    writer.delete_term(Term::from_field_text(self.fields.path, &file.rel));
                    0
                });
                *pages += articles.len();
                progress.archive_pages(&file.rel, *pages);
                for (record, a) in &articles {
                    let doc = self.clustered_document(&file.rel, a, *record, Some(&mut clusterer));
                    writer
                        .add_document(doc)
                        .map_err(|e| Error::tantivy(&self.dir, e))?;
                }
                summary.articles += articles.len();
                return Ok(());
            }
            let streamed = streaming.remove(&file.rel).is_some();
            progress.file_done(&file.rel);
            // An archive's records count in the runs that read it first: a second reading
            // of one this run left unchanged counts none.
            let mut count_records = true;
            if again {
                // A second reading replaces what the first counted.
                match counted.remove(&file.rel) {
                    Some(Count::Indexed) => summary.indexed -= 1,
                    Some(Count::Updated) => summary.updated -= 1,
                    Some(Count::Unchanged) | None => {
                        summary.unchanged -= 1;
                        count_records = false;
                    }
                    Some(Count::Skipped) => summary.skipped.retain(|s| s.path != file.rel),
                }
                if let Some(e) = files.get(&file.rel) {
                    if e.skipped.is_none() {
                        summary.articles = summary.articles.saturating_sub(e.articles as usize);
                    }
                    if let Some(r) = e.records.as_ref().filter(|_| count_records) {
                        summary.records.sub(r);
                    }
                }
                summary.problems.retain(|p| p.path != file.rel);
                summary.damaged.retain(|d| d.path != file.rel);
            }
            if let FileOutcome::Articles { entry, .. } | FileOutcome::Skipped { entry, .. } =
                &outcome
            {
                if let Some(r) = entry.records.as_ref().filter(|_| count_records) {
                    summary.records.add(r);
                }
                summary
                    .damaged
                    .extend(entry.damage.iter().map(|d| Damaged::of(&file.rel, d)));
            }
            let existed = prior.contains(&file.rel);
            let count = match outcome {
                FileOutcome::Part(_) => unreachable!("parts are applied above"),
                FileOutcome::Same(entry) => {
                    summary.unchanged += 1;
                    summary
                        .problems
                        .extend(entry.problems.iter().map(|p| Skipped {
                            path: file.rel.clone(),
                            reason: p.clone(),
                        }));
                    summary
                        .damaged
                        .extend(entry.damage.iter().map(|d| Damaged::of(&file.rel, d)));
                    files.insert(file.rel.clone(), entry);
                    Count::Unchanged
                }
                FileOutcome::Skipped { entry, reason } => {
                    if existed || again {
                        writer.delete_term(Term::from_field_text(self.fields.path, &file.rel));
                    }
                    summary.skipped.push(Skipped {
                        path: file.rel.clone(),
                        reason: reason.clone(),
                    });
                    files.insert(
                        file.rel.clone(),
                        FileEntry {
                            skipped: Some(reason),
                            lines: Vec::new(),
                            ..entry
                        },
                    );
                    Count::Skipped
                }
                FileOutcome::Articles {
                    mut entry,
                    articles,
                    problems,
                } => {
                    entry.problems.clone_from(&problems);
                    entry.indexed_ns = run_ns;
                    if !streamed && (!starts_empty || again) {
                        writer.delete_term(Term::from_field_text(self.fields.path, &file.rel));
                    }
                    for (record, a) in &articles {
                        let doc =
                            self.clustered_document(&file.rel, a, *record, Some(&mut clusterer));
                        writer
                            .add_document(doc)
                            .map_err(|e| Error::tantivy(&self.dir, e))?;
                    }
                    summary
                        .problems
                        .extend(problems.into_iter().map(|p| Skipped {
                            path: file.rel.clone(),
                            reason: p,
                        }));
                    summary.articles += articles.len();
                    summary.bytes += file.size;
                    files.insert(file.rel.clone(), entry);
                    if existed {
                        summary.updated += 1;
                        Count::Updated
                    } else {
                        summary.indexed += 1;
                        Count::Indexed
                    }
                }
            };
            counted.insert(file.rel.clone(), count);
            Ok(())
        };
        let old = &manifest.files;
        let mut added: BTreeMap<String, FileEntry> = BTreeMap::new();
        self.pass(&todo, old, &retry, &before, opts, |file, outcome| {
            apply(file, outcome, &mut summary, &mut added, false)
        })?;
        if manifest.files.is_empty() {
            // A new index: the run's entries are the manifest (no second tree beside it).
            manifest.files = added;
        } else {
            manifest.files.extend(added);
        }
        // What the corpus knows now. Files (changed in this run or not) with a line that
        // became or stopped being furniture are read and extracted again with it.
        let after = furniture_table(&manifest.files);
        let changed = before.changed(&after);
        if !changed.is_empty() {
            let by_rel: BTreeMap<&str, &CorpusFile> =
                walk.files.iter().map(|f| (f.rel.as_str(), f)).collect();
            let again: Vec<&CorpusFile> = manifest
                .files
                .iter()
                .filter(|(rel, e)| {
                    e.skipped.is_none()
                        && e.lines.iter().any(|l| {
                            changed
                                .get(&furniture::source_of(l, folder_of(rel)))
                                .is_some_and(|keys| l.keys.iter().any(|k| keys.contains(k)))
                        })
                })
                .filter_map(|(rel, _)| by_rel.get(rel.as_str()).copied())
                .collect();
            progress.start((todo.len() + again.len()) as u64);
            let files = &mut manifest.files;
            self.pass(
                &again,
                &BTreeMap::new(),
                &HashSet::new(),
                &after,
                opts,
                |file, outcome| apply(file, outcome, &mut summary, files, true),
            )?;
        }
        progress.finish();
        // What a million files' run holds (the copies of every article, the manifest, the
        // walk) is let go before tantivy commits and merges: the manifest and the file
        // table are written beside their places now and put there after the commit.
        drop(clusterer);
        drop(counted);
        drop(prior);
        drop(before);
        drop(after);
        drop(seen);
        drop(todo);
        drop(retry);
        manifest.furniture = furniture::RULE.to_string();
        manifest.settings = settings;

        let info = CommitInfo {
            root: Some(root.clone()),
            updated: Some(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        };
        let mut prepared = writer
            .prepare_commit()
            .map_err(|e| Error::tantivy(&self.dir, e))?;
        prepared.set_payload(&serde_json::to_string(&info).expect("commit info serialises"));
        manifest.opstamp = prepared.opstamp();
        let staged_opstamp = manifest.opstamp;
        // Files staged by a run that was killed before it put them in place.
        manifest::remove_staged(&self.dir);
        let staged = (
            manifest.stage(&self.dir)?,
            self.stage_file_table(&manifest, &walk.files),
        );
        drop(manifest);
        drop(walk.files);
        let opstamp = prepared
            .commit()
            .map_err(|e| Error::tantivy(&self.dir, e))?;
        debug_assert_eq!(opstamp, staged_opstamp);
        // (Put in place while the writer's lock is held; merges keep the commit's opstamp.)
        staged.0.publish()?;
        if let Some(table) = staged.1 {
            let _ = table.publish();
        }
        writer
            .wait_merging_threads()
            .map_err(|e| Error::tantivy(&self.dir, e))?;

        summary.documents = self.num_docs()?;
        summary.finish(started);
        Ok(summary)
    }

    /// Reads and extracts `files` on worker threads (cleaning with `table`) and hands each
    /// outcome to `on` on this thread, which writes the index, in the order of `files`
    /// ([`order`]: stories do not depend on the number of threads).
    fn pass<'f>(
        &self,
        files: &[&'f CorpusFile],
        old: &BTreeMap<String, FileEntry>,
        retry: &HashSet<&str>,
        table: &furniture::Table,
        opts: &UpdateOptions,
        mut on: impl FnMut(&'f CorpusFile, FileOutcome) -> Result<()>,
    ) -> Result<()> {
        let feed = order::Feed::new(files.len());
        let (tx, rx) = sync_channel::<(usize, FileOutcome)>(64);
        std::thread::scope(|s| {
            for _ in 0..opts.threads.max(1) {
                let tx = tx.clone();
                let feed = &feed;
                s.spawn(move || {
                    while let Some(i) = feed.take() {
                        let file = files[i];
                        let known = old
                            .get(&file.rel)
                            .filter(|_| !retry.contains(file.rel.as_str()));
                        let mut sent = 0;
                        let outcome = process(file, known, opts.limits, table, &mut |part| {
                            sent += 1;
                            feed.may_send_part(i, sent - 1) && tx.send((i, part)).is_ok()
                        });
                        if tx.send((i, outcome)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            // On an error or a panic here the workers stop: at their next file, part or
            // send (the receiver goes with this scope).
            let _stop = order::StopOnDrop(&feed);
            let (mut in_order, mut written) = (order::InOrder::new(), 0);
            for (i, outcome) in rx {
                in_order.push(
                    i,
                    outcome,
                    |o| !matches!(o, FileOutcome::Part(_)),
                    |i, o| on(files[i], o),
                )?;
                if in_order.next() != written {
                    written = in_order.next();
                    feed.written(written);
                }
            }
            Ok(())
        })
    }

    /// Number of documents in the last commit.
    pub fn num_docs(&self) -> Result<u64> {
        Ok(self.reader()?.searcher().num_docs())
    }

    /// The value of [`Fields::text`] for an article: the analysed terms of its headline
    /// ([`schema::TITLE_WEIGHT`] times), lead and body, separated by spaces. Made here,
    /// beside tantivy's indexing thread, which then only splits it.
    fn text_terms(&self, a: &Article) -> String {
        let mut analyzer = self
            .terms
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut terms = String::with_capacity(a.body.len() + a.title.len() * 4);
        let mut add = |text: &str, out: &mut String| {
            let mut stream = analyzer.token_stream(text);
            while let Some(t) = stream.next() {
                out.push_str(&t.text);
                out.push(' ');
            }
        };
        let mut title = String::new();
        add(&a.title, &mut title);
        for _ in 0..schema::TITLE_WEIGHT {
            terms.push_str(&title);
        }
        add(lead(&a.body), &mut terms);
        add(&a.body, &mut terms);
        terms
    }

    /// The tantivy document [`Self::update`] adds for one article of the file `rel`
    /// (relative to the corpus root; `record` for one article of a JSON/JSONL file: its
    /// number; of a web archive: its offset).
    /// Its cluster is its own id: [`Self::clustered_document`] finds its copies.
    pub fn document(&self, rel: &str, a: &Article, record: Option<u64>) -> TantivyDocument {
        self.clustered_document(rel, a, record, None)
    }

    /// As [`Self::document`], with the cluster `clusters` assigns the article.
    pub fn clustered_document(
        &self,
        rel: &str,
        a: &Article,
        record: Option<u64>,
        clusters: Option<&mut clusters::Clusterer>,
    ) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        let id = article_id(rel, record);
        doc.add_text(f.path, rel);
        doc.add_text(f.folder, crate::corpus::folder_label(rel));
        doc.add_u64(f.id, id);
        let sig = crate::text::minhash::Signature::of(&a.body);
        let cluster = clusters.map_or(id, |c| c.assign(id, &a.body, sig.as_ref()));
        doc.add_u64(f.cluster, cluster);
        if let Some(r) = record {
            doc.add_u64(f.record, r);
        }
        doc.add_text(f.title, &a.title);
        doc.add_text(f.body, &a.body);
        doc.add_text(f.text, self.text_terms(a));
        for author in &a.authors {
            doc.add_text(f.author, author);
        }
        for agency in &a.agencies {
            doc.add_text(f.agency, agency);
        }
        if let Some((d, offset)) = a.date.as_deref().and_then(parse_stated) {
            doc.add_date(f.date, d);
            if offset != 0 {
                doc.add_i64(f.utc_offset, offset.into());
            }
        }
        for (field, value) in [(f.source, &a.source), (f.url, &a.url), (f.lang, &a.lang)] {
            if let Some(v) = value {
                doc.add_text(field, v);
            }
        }
        if let Some(fetched) = &a.fetched_url {
            doc.add_text(f.fetched_url, fetched);
            // `url:` finds the page by the URL it was fetched from too; the first value
            // stays the article's url (an article with none has the fetched one).
            if a.url.as_deref() != Some(fetched.as_str()) {
                doc.add_text(f.url, fetched);
            }
        }
        for q in &a.quotes {
            doc.add_text(f.quote, &q.text);
            doc.add_text(f.speaker, q.speaker.as_deref().unwrap_or(""));
        }
        if !a.quotes.is_empty() {
            doc.add_bytes(f.quotes, &stored_quotes::encode(&a.body, &a.quotes));
        }
        doc
    }
}

/// The opening words of a body, at most [`schema::LEAD_WORDS`] of its first paragraph:
/// what [`Fields::text`] counts a second time.
fn lead(body: &str) -> &str {
    let first = body.split('\n').next().unwrap_or("");
    words::spans(first)
        .nth(schema::LEAD_WORDS - 1)
        .map_or(first, |(_, end, _)| &first[..end])
}

/// A stable id for an article: xxh3 of its path and record.
pub fn article_id(rel: &str, record: Option<u64>) -> u64 {
    let key = match record {
        Some(r) => format!("{rel}#{r}"),
        None => rel.to_string(),
    };
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// Parses an RFC 3339 timestamp into tantivy's date type: the instant.
/// None for a date tantivy cannot hold (it counts nanoseconds in an i64: years 1678 to
/// 2262); such a date in an article is junk, not a reason to fail.
pub fn parse_rfc3339(s: &str) -> Option<DateTime> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp())
        .filter(|secs| secs.abs() <= MAX_DATE_SECS)
        .map(DateTime::from_timestamp_secs)
}

/// An article's RFC 3339 date as the index keeps it: its wall-clock time as stated
/// (`2025-01-31T23:30:00-05:00` is 31 January 23:30, on the article's calendar, not 1
/// February in UTC), and the stated offset in seconds.
pub fn parse_stated(s: &str) -> Option<(DateTime, i32)> {
    let d = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    let offset = d.offset().local_minus_utc();
    let wall = d.naive_local().and_utc().timestamp();
    (wall.abs() <= MAX_DATE_SECS).then(|| (DateTime::from_timestamp_secs(wall), offset))
}

/// The RFC 3339 text of a date the index keeps as wall-clock `secs` with `offset`
/// (seconds east of UTC): the date as the article stated it.
pub fn stated_rfc3339(secs: i64, offset: i32) -> Option<String> {
    let tz = chrono::FixedOffset::east_opt(offset)?;
    let utc = chrono::DateTime::from_timestamp(secs.checked_sub(offset.into())?, 0)?;
    Some(
        utc.with_timezone(&tz)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )
}

/// Largest |seconds| tantivy's nanosecond dates can hold.
pub const MAX_DATE_SECS: i64 = i64::MAX / 1_000_000_000;

/// A tantivy date for `secs`, clamped to what tantivy can hold (query bounds such as
/// `date:[2025 TO 3300]` mean "from 2025 on", not an overflow).
pub fn date_clamped(secs: i64) -> DateTime {
    DateTime::from_timestamp_secs(secs.clamp(-MAX_DATE_SECS, MAX_DATE_SECS))
}

#[cfg(test)]
mod tests;
