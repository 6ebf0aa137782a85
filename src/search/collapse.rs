//! Part of stage 6 (search): syndicated copies folded into one hit per story. Every
//! article carries the `cluster` the indexer gave it ([`crate::index::clusters`]); a
//! ranking keeps the best-ranked article of each cluster, and a hit says how many other
//! articles its story holds in the whole index, and where they were published.

use std::collections::HashSet;
use std::sync::Mutex;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::postings::TermInfo;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, Term, TERMINATED,
};

use super::NewsSearcher;
use crate::error::{Error, Result};
use crate::index::NewsIndex;
use crate::text::minhash::Signature;

/// The name of `field`'s fast column.
fn column_name(index: &NewsIndex, field: Field) -> String {
    index.tantivy().schema().get_field_name(field).to_string()
}

/// The cluster and id columns of every segment of one searcher.
pub struct Clusters {
    columns: Vec<Column<u64>>,
    ids: Vec<Column<u64>>,
}

impl Clusters {
    pub fn open(index: &NewsIndex, searcher: &Searcher) -> tantivy::Result<Self> {
        let f = index.fields();
        let (cluster, id) = (column_name(index, f.cluster), column_name(index, f.id));
        let (mut columns, mut ids) = (Vec::new(), Vec::new());
        for r in searcher.segment_readers() {
            columns.push(r.fast_fields().u64(&cluster)?);
            ids.push(r.fast_fields().u64(&id)?);
        }
        Ok(Clusters { columns, ids })
    }

    /// The article id of the article at `addr`.
    pub fn id(&self, addr: DocAddress) -> u64 {
        self.ids[addr.segment_ord as usize]
            .first(addr.doc_id)
            .unwrap_or(0)
    }

    /// The cluster of the article at `addr` (0 if it has none: never an article id).
    pub fn of(&self, addr: DocAddress) -> u64 {
        self.columns[addr.segment_ord as usize]
            .first(addr.doc_id)
            .unwrap_or(0)
    }

    /// `ranked` with only the first (best-ranked) article of each cluster, in order.
    pub fn fold<T>(&self, ranked: Vec<(T, DocAddress)>) -> Vec<(T, DocAddress)> {
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        ranked
            .into_iter()
            .filter(|(_, addr)| seen.insert(self.of(*addr)))
            .collect()
    }
}

/// The source and folder columns of every segment: where an article was published.
/// Names read from a column's dictionary are kept: a page's copies come from few places.
pub struct Places {
    sources: Vec<Option<StrColumn>>,
    folders: Vec<Option<StrColumn>>,
    /// (segment, whether the folder column, term ordinal) -> the name.
    read: Mutex<FxHashMap<(usize, bool, u64), String>>,
}

impl Places {
    pub fn open(index: &NewsIndex, searcher: &Searcher) -> tantivy::Result<Self> {
        let f = index.fields();
        let (source, folder) = (column_name(index, f.source), column_name(index, f.folder));
        let (mut sources, mut folders) = (Vec::new(), Vec::new());
        for r in searcher.segment_readers() {
            sources.push(r.fast_fields().str(&source)?);
            folders.push(r.fast_fields().str(&folder)?);
        }
        Ok(Places {
            sources,
            folders,
            read: Mutex::new(FxHashMap::default()),
        })
    }

    /// Where the article at `addr` was published: its source, else its file's folder
    /// ([`crate::corpus::folder_label`]).
    pub fn of(&self, addr: DocAddress) -> Option<String> {
        let seg = addr.segment_ord as usize;
        let first = |col: &Option<StrColumn>, folder: bool| -> Option<String> {
            let col = col.as_ref()?;
            let ord = col.term_ords(addr.doc_id).next()?;
            let mut read = self.read.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(name) = read.get(&(seg, folder, ord)) {
                return Some(name.clone());
            }
            let mut text = String::new();
            col.ord_to_str(ord, &mut text).ok()?.then_some(())?;
            read.insert((seg, folder, ord), text.clone());
            Some(text)
        };
        first(&self.sources[seg], false)
            .filter(|s| !s.is_empty())
            .or_else(|| first(&self.folders[seg], true))
    }
}

/// The live articles of `cluster` (`field` is the schema's cluster field), at most `limit`.
pub fn members(
    searcher: &Searcher,
    field: Field,
    cluster: u64,
    limit: usize,
) -> tantivy::Result<(usize, Vec<DocAddress>)> {
    let q = TermQuery::new(
        Term::from_field_u64(field, cluster),
        IndexRecordOption::Basic,
    );
    let (n, docs) = searcher.search(&q, &(Count, FirstDocs(limit)))?;
    Ok((n, docs))
}

/// The live articles of each of `clusters` that has more than one, at most `limit` of
/// each, in index order. A cluster that no other article joined (most of them) is left
/// out after a look at its term's document count, which counts deleted articles too: one
/// means the hit alone.
pub fn members_of_each(
    index: &NewsIndex,
    searcher: &Searcher,
    clusters: &[u64],
    limit: usize,
) -> tantivy::Result<FxHashMap<u64, Vec<DocAddress>>> {
    let field = index.fields().cluster;
    let mut wanted: Vec<u64> = clusters.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    // Each cluster's term looked up once per segment: its document count (deleted
    // articles included) says whether anyone joined it, and its postings are read from
    // the same entry. No query is built: the clusters' postings are walked directly.
    let readers = searcher.segment_readers();
    let mut found: Vec<(u64, Vec<(usize, TermInfo)>)> = Vec::new();
    let mut inverted = Vec::with_capacity(readers.len());
    for r in readers {
        inverted.push(r.inverted_index(field)?);
    }
    for &c in &wanted {
        let term = Term::from_field_u64(field, c);
        let mut infos = Vec::new();
        let mut docs = 0u32;
        for (seg, inv) in inverted.iter().enumerate() {
            if let Some(info) = inv.get_term_info(&term)? {
                docs += info.doc_freq;
                infos.push((seg, info));
            }
        }
        if docs > 1 {
            found.push((c, infos));
        }
    }
    let mut all: FxHashMap<u64, Vec<DocAddress>> = FxHashMap::default();
    for (c, infos) in found {
        let mut members = Vec::new();
        'segments: for (seg, info) in infos {
            let alive = readers[seg].alive_bitset();
            let mut postings =
                inverted[seg].read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    if members.len() == limit {
                        break 'segments;
                    }
                    members.push(DocAddress::new(seg as SegmentOrdinal, doc));
                }
                doc = postings.advance();
            }
        }
        if !members.is_empty() {
            all.insert(c, members);
        }
    }
    Ok(all)
}

/// The first `0` matching documents in index order, unscored.
struct FirstDocs(usize);

struct FirstDocsSegment {
    segment: SegmentOrdinal,
    limit: usize,
    docs: Vec<DocAddress>,
}

impl Collector for FirstDocs {
    type Fruit = Vec<DocAddress>;
    type Child = FirstDocsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(FirstDocsSegment {
            segment,
            limit: self.0,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocAddress>>) -> tantivy::Result<Vec<DocAddress>> {
        let mut all: Vec<DocAddress> = fruits.into_iter().flatten().collect();
        all.sort();
        all.truncate(self.0);
        Ok(all)
    }
}

impl SegmentCollector for FirstDocsSegment {
    type Fruit = Vec<DocAddress>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if self.docs.len() < self.limit {
            self.docs.push(DocAddress::new(self.segment, doc));
        }
    }

    fn harvest(self) -> Vec<DocAddress> {
        self.docs
    }
}

/// Counts the distinct clusters among the matching documents: the stories a query finds.
pub struct CountStories {
    column: String,
}

impl CountStories {
    pub fn new(index: &NewsIndex) -> Self {
        CountStories {
            column: column_name(index, index.fields().cluster),
        }
    }
}

pub struct CountStoriesSegment {
    column: Column<u64>,
    seen: Vec<u64>,
}

impl Collector for CountStories {
    type Fruit = usize;
    type Child = CountStoriesSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(CountStoriesSegment {
            column: reader.fast_fields().u64(&self.column)?,
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<usize> {
        let all: HashSet<u64> = fruits.into_iter().flatten().collect();
        Ok(all.len())
    }
}

impl SegmentCollector for CountStoriesSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(c) = self.column.first(doc) {
            self.seen.push(c);
        }
    }

    fn harvest(mut self) -> Vec<u64> {
        self.seen.sort_unstable();
        self.seen.dedup();
        self.seen
    }
}

/// One article of a story, as `newsidx copies` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Copy {
    pub id: u64,
    pub path: String,
    pub record: Option<u64>,
    pub title: String,
    pub source: Option<String>,
    /// RFC 3339 at the offset the article stated, or null.
    pub date: Option<String>,
    /// The story's id (the `cluster` of `search --json`).
    pub cluster: u64,
    /// How much of the shorter of its body and the named article's the other holds,
    /// estimated from their MinHash signatures (0 to 1; 1 for the named article).
    pub similarity: f64,
    /// The earliest dated copy: the first published (false for all when none is dated).
    pub first_published: bool,
    /// This is the article the listing was asked about.
    pub named: bool,
}

/// Most copies listed for one story.
pub const MAX_COPIES: usize = 10_000;

impl NewsSearcher<'_> {
    /// The articles of the story `target` belongs to (itself included): oldest first,
    /// undated last. `target` is named as for [`Self::similar`].
    pub fn copies(&self, target: &str) -> Result<Vec<Copy>> {
        let terr = |e| Error::tantivy(self.index.dir(), e);
        let addr = self
            .find(target)?
            .ok_or_else(|| Error::NoArticle(target.to_string()))?;
        let cluster = Clusters::open(self.index, &self.searcher)
            .map_err(terr)?
            .of(addr);
        let named_doc = self.doc(addr)?;
        let named = self.article(&named_doc)?;
        let sig = Signature::of(named.body);
        let (_, members) = members(
            &self.searcher,
            self.index.fields().cluster,
            cluster,
            MAX_COPIES,
        )
        .map_err(terr)?;
        let mut out = Vec::with_capacity(members.len());
        let mut dates = Vec::with_capacity(members.len());
        for m in members {
            let doc = self.doc(m)?;
            let a = self.article(&doc)?;
            let similarity = if a.id == named.id {
                1.0
            } else {
                match (&sig, Signature::of(a.body)) {
                    (Some(x), Some(y)) => x.containment(&y),
                    _ => 0.0,
                }
            };
            dates.push(a.date);
            out.push(Copy {
                id: a.id,
                path: a.path.to_string(),
                record: a.record,
                title: a.title.to_string(),
                source: a.source.map(str::to_string),
                date: a.date.and_then(|d| {
                    crate::index::stated_rfc3339(d.into_timestamp_secs(), a.utc_offset)
                }),
                cluster,
                similarity,
                first_published: false,
                named: a.id == named.id,
            });
        }
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by(|&i, &j| {
            (dates[i].is_none(), dates[i], &out[i].path, out[i].record).cmp(&(
                dates[j].is_none(),
                dates[j],
                &out[j].path,
                out[j].record,
            ))
        });
        let mut sorted: Vec<Copy> = order.iter().map(|&i| out[i].clone()).collect();
        if let Some(first) = sorted.first_mut().filter(|c| c.date.is_some()) {
            first.first_published = true;
        }
        Ok(sorted)
    }
}
