//! Stage 5, inside the indexer: syndicated copies. Each article's cleaned body gets a
//! MinHash signature ([`crate::text::minhash`]) and a `cluster` id as it is written: the
//! cluster of the copies it verifiably is, else its own id (a story printed once).
//!
//! Candidates are, among the articles this run wrote (kept in memory), those sharing an
//! LSH band with it; among those committed before, the few that share most of the rarest
//! words of its body (an OR query of its words in the fewest documents, its own old
//! version not counted: no band keys are stored, so copies cost the index nothing but the
//! cluster id). A candidate is verified when the estimated share of the smaller body the
//! other holds ([`Signature::containment`]) reaches [`THRESHOLD`].
//! The article joins the cluster of its most similar verified candidate, if more of that
//! cluster's candidates verify than fail: a story that merged two others (an update)
//! sits close to one member of each but not to the rest, and a long story that quotes a
//! short one whole (whose copy sits in a third) is close to the short one only; neither
//! chains clusters together. Clusters are never merged nor renumbered, so a new file
//! joins an existing cluster without re-clustering the corpus, a deleted file simply
//! leaves, and cluster ids stay stable (the id of the article that started the cluster,
//! kept when that article is deleted).

use std::collections::HashSet;

use rustc_hash::FxHashMap;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocSet, Searcher, TantivyDocument, TERMINATED};

use super::like::rarest_query;
use super::Fields;
use crate::text::minhash::{Signature, BANDS};

/// Smallest estimated containment of a verified pair. Chosen on the gen_copies corpus
/// (docs/copies.md): at 0.5, 0.6 and 0.7 the pairs placed in one cluster had a precision
/// of 0.982, 0.990 and 0.998 and a recall of 0.996, 0.989 and 0.974.
pub const THRESHOLD: f64 = 0.6;

/// Most committed candidates read per article (most alike first). On gen_copies 4 placed
/// the same true pairs in one cluster as 8 and 5 fewer false ones, at half the bodies
/// read and hashed again.
const MAX_CANDIDATES: usize = 4;

/// Words of an article's body its query for committed copies asks for (the rarest in the
/// index). On gen_copies (docs/copies.md) an update that adds half the files places the
/// same pairs in one cluster as a build from nothing with 12; the 25 words of highest
/// tf-idf asked before lost a few pairs and read a third of the index for a word an
/// article repeats.
const RARE_TERMS: usize = 12;

/// Most words whose document frequency a run remembers (about 50 bytes each): the
/// articles of an update share most of their words, and each asked every segment's
/// dictionary for each.
const DF_CACHE: usize = 1 << 18;

/// The end of a bucket's chain.
const NONE: u32 = u32::MAX;

/// Most members of one LSH bucket an article is compared with (the newest).
const MAX_CHAIN: usize = 64;

/// One article this run wrote.
struct Member {
    id: u64,
    cluster: u64,
    sig: Signature,
    live: bool,
}

/// A candidate copy: its cluster and its similarity to the article.
struct Candidate {
    cluster: u64,
    /// Estimated containment: what verifies the pair.
    similarity: f64,
    /// Estimated Jaccard: what ranks verified candidates (a story that holds two others
    /// whole contains each, but is most like neither).
    jaccard: f64,
}

/// Assigns clusters to the articles of one update, in the order they are written.
pub struct Clusterer {
    /// The last commit, whose documents are candidates; None when the run starts over.
    committed: Option<Searcher>,
    fields: Fields,
    /// The body's analyzer, for the query for committed copies.
    analyzer: TextAnalyzer,
    /// Files whose committed documents this run deletes or replaces: not candidates.
    excluded: HashSet<String>,
    run: Vec<Member>,
    /// LSH buckets of this run's articles: a band key (truncated to 32 bits: a collision
    /// only adds a candidate to verify) -> the last member in it; `next[m * BANDS + b]`
    /// is the member before `m` in `m`'s bucket of band `b` ([`NONE`] ends a chain).
    /// With the signatures, about 0.8 KB per article.
    heads: FxHashMap<u32, u32>,
    next: Vec<u32>,
    by_id: FxHashMap<u64, u32>,
    /// Live articles of this run per cluster.
    sizes: FxHashMap<u64, u32>,
    /// Document frequencies in `committed`, as they were asked (at most [`DF_CACHE`]).
    doc_freqs: FxHashMap<Term, u64>,
}

impl Clusterer {
    /// A clusterer over the committed documents of `committed` (None: none count), less
    /// those of the files `excluded`.
    pub fn new(
        committed: Option<Searcher>,
        fields: Fields,
        analyzer: TextAnalyzer,
        excluded: HashSet<String>,
    ) -> Self {
        Clusterer {
            committed,
            fields,
            analyzer,
            excluded,
            run: Vec::new(),
            heads: FxHashMap::default(),
            next: Vec::new(),
            by_id: FxHashMap::default(),
            sizes: FxHashMap::default(),
            doc_freqs: FxHashMap::default(),
        }
    }

    /// The cluster of the article `id` whose cleaned body is `body` with signature `sig`
    /// (None: too short to have copies, its own cluster), remembered for the articles
    /// written after it.
    pub fn assign(&mut self, id: u64, body: &str, sig: Option<&Signature>) -> u64 {
        let Some(sig) = sig else {
            return self.fresh(id);
        };
        let bands = sig.bands();
        let mut candidates = self.run_candidates(id, sig, &bands);
        candidates.extend(self.committed_candidates(id, sig, body));
        let cluster = match choose(&candidates) {
            Some(c) => c,
            None => self.fresh(id),
        };
        if let Some(old) = self.by_id.get(&id) {
            let old = &mut self.run[*old as usize];
            old.live = false;
            if let Some(n) = self.sizes.get_mut(&old.cluster) {
                *n = n.saturating_sub(1);
            }
        }
        *self.sizes.entry(cluster).or_default() += 1;
        let n = self.run.len() as u32;
        self.run.push(Member {
            id,
            cluster,
            sig: sig.clone(),
            live: true,
        });
        self.by_id.insert(id, n);
        for key in bands {
            let before = self.heads.insert(key as u32, n).unwrap_or(NONE);
            self.next.push(before);
        }
        cluster
    }

    /// A cluster id for a story starting with the article `id`: its own, unless another
    /// story already has it. That happens when the article's file changed into another
    /// story while copies of its old version keep the id: then an id derived from it.
    fn fresh(&self, id: u64) -> u64 {
        let mut cluster = id;
        for _ in 0..8 {
            if !self.taken(id, cluster) {
                break;
            }
            cluster = cluster.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29) ^ 1;
        }
        cluster
    }

    /// Whether an article other than `id` belongs to `cluster`.
    fn taken(&self, id: u64, cluster: u64) -> bool {
        let own = self
            .by_id
            .get(&id)
            .map(|&i| &self.run[i as usize])
            .is_some_and(|m| m.live && m.cluster == cluster);
        if self.sizes.get(&cluster).copied().unwrap_or(0) > u32::from(own) {
            return true;
        }
        let Some(searcher) = &self.committed else {
            return false;
        };
        let q = TermQuery::new(
            Term::from_field_u64(self.fields.cluster, cluster),
            IndexRecordOption::Basic,
        );
        let Ok(top) = searcher.search(&q, &TopDocs::with_limit(16).order_by_score()) else {
            return false;
        };
        top.into_iter().any(|(_, addr)| {
            searcher
                .doc::<TantivyDocument>(addr)
                .ok()
                .and_then(|doc| {
                    let other = doc.get_first(self.fields.id).and_then(|v| v.as_u64())?;
                    let path = doc.get_first(self.fields.path).and_then(|v| v.as_str())?;
                    Some(
                        other != id
                            && !self.by_id.contains_key(&other)
                            && !self.excluded.contains(path),
                    )
                })
                .unwrap_or(false)
        })
    }

    fn run_candidates(&self, id: u64, sig: &Signature, bands: &[u64]) -> Vec<Candidate> {
        let mut seen: Vec<u32> = Vec::new();
        for (b, key) in bands.iter().enumerate() {
            // The newest MAX_CHAIN of a bucket: a body that recurs thousands of times (a
            // cookie wall, a paywall stub) would otherwise cost every copy a walk of all.
            let mut m = self.heads.get(&(*key as u32)).copied().unwrap_or(NONE);
            let mut walked = 0;
            while m != NONE && walked < MAX_CHAIN {
                seen.push(m);
                m = self.next[m as usize * BANDS + b];
                walked += 1;
            }
        }
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .map(|i| &self.run[i as usize])
            .filter(|m| m.live && m.id != id)
            .map(|m| Candidate {
                cluster: m.cluster,
                similarity: sig.containment(&m.sig),
                jaccard: sig.jaccard(&m.sig),
            })
            .collect()
    }

    /// The live committed versions of article `id` (its file is read again; none for a new
    /// article). The index's document frequencies count them: words only the article's
    /// old self has would look rarest and find nothing but itself.
    fn own_versions(&self, id: u64) -> Vec<DocAddress> {
        let Some(searcher) = &self.committed else {
            return Vec::new();
        };
        let q = TermQuery::new(
            Term::from_field_u64(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        searcher
            .search(&q, &TopDocs::with_limit(4).order_by_score())
            .map(|top| top.into_iter().map(|(_, addr)| addr).collect())
            .unwrap_or_default()
    }

    /// Committed candidates: the articles that share most of this one's rarest words (by
    /// score), their signatures computed again from their stored bodies. Copies share
    /// nearly every word, so they rank first among the few read. A failed read leaves the
    /// article to the run's candidates.
    fn committed_candidates(&mut self, id: u64, sig: &Signature, body: &str) -> Vec<Candidate> {
        let own = self.own_versions(id);
        let Some(searcher) = &self.committed else {
            return Vec::new();
        };
        let f = &self.fields;
        let cache = &mut self.doc_freqs;
        let doc_freq = |term: &Term| -> tantivy::Result<u64> {
            if let Some(n) = cache.get(term) {
                return Ok(*n);
            }
            let n = searcher.doc_freq(term)?;
            if cache.len() < DF_CACHE {
                cache.insert(term.clone(), n);
            }
            Ok(n)
        };
        // A word is worth asking for when a live document besides the article's own old
        // versions has it (document frequencies count them, and deleted documents until
        // a merge). A new article has no old version: any word in the index will do.
        let others_have = |term: &Term| own.is_empty() || others_hold(searcher, &own, term);
        let Ok(Some(like)) = rarest_query(
            &mut self.analyzer,
            &[(f.body, body)],
            RARE_TERMS,
            doc_freq,
            others_have,
        ) else {
            return Vec::new();
        };
        let Ok(top) = searcher.search(
            &*like,
            &TopDocs::with_limit(MAX_CANDIDATES + own.len()).order_by_score(),
        ) else {
            return Vec::new();
        };
        top.into_iter()
            // The article's own old versions are not read: they are not its copies.
            .filter(|(_, addr)| !own.contains(addr))
            .filter_map(|(_, addr)| {
                let doc = searcher.doc::<TantivyDocument>(addr).ok()?;
                let other = doc.get_first(f.id).and_then(|v| v.as_u64())?;
                let path = doc.get_first(f.path).and_then(|v| v.as_str())?;
                // Written again by this run, or about to be deleted: not this copy.
                if other == id || self.by_id.contains_key(&other) || self.excluded.contains(path) {
                    return None;
                }
                let cluster = searcher
                    .segment_reader(addr.segment_ord)
                    .fast_fields()
                    .u64("cluster")
                    .ok()?
                    .first(addr.doc_id)?;
                let theirs = doc
                    .get_first(f.body)
                    .and_then(|v| v.as_str())
                    .and_then(Signature::of)?;
                Some(Candidate {
                    cluster,
                    similarity: sig.containment(&theirs),
                    jaccard: sig.jaccard(&theirs),
                })
            })
            .collect()
    }
}

/// Whether a live committed document not in `own` has the word `term` (a failed read:
/// no). The first such document ends the walk: a common word costs one posting.
fn others_hold(searcher: &Searcher, own: &[DocAddress], term: &Term) -> bool {
    searcher
        .segment_readers()
        .iter()
        .enumerate()
        .any(|(ord, reader)| {
            let Ok(index) = reader.inverted_index(term.field()) else {
                return false;
            };
            let Ok(Some(mut postings)) = index.read_postings(term, IndexRecordOption::Basic) else {
                return false;
            };
            let alive = reader.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let mine = own.contains(&DocAddress::new(ord as u32, doc));
                if !mine && alive.is_none_or(|a| a.is_alive(doc)) {
                    return true;
                }
                doc = postings.advance();
            }
            false
        })
}

/// The cluster an article joins: that of its most similar (by Jaccard) verified candidate whose
/// cluster has more verified candidates than failed ones. None: its own.
fn choose(candidates: &[Candidate]) -> Option<u64> {
    // cluster -> (verified, failed, best similarity)
    let mut by: FxHashMap<u64, (usize, usize, f64)> = FxHashMap::default();
    for c in candidates {
        let e = by.entry(c.cluster).or_insert((0, 0, 0.0));
        if c.similarity >= THRESHOLD {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
        if c.similarity >= THRESHOLD {
            e.2 = e.2.max(c.jaccard);
        }
    }
    by.into_iter()
        .filter(|(_, (ok, failed, _))| *ok > 0 && ok > failed)
        .max_by(|a, b| a.1 .2.total_cmp(&b.1 .2).then(b.0.cmp(&a.0)))
        .map(|(cluster, _)| cluster)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(text: &str) -> Signature {
        Signature::of(text).unwrap()
    }

    const A: &str = "The council voted on Tuesday to close the old bridge to lorries from next \
        spring onwards after engineers found cracks in two of its supporting piers during an \
        inspection last month, and the mayor said the repairs would take at least a year.";
    const B: &str = "Ministers met in Brussels on Friday to agree a new budget for the coming \
        year, after weeks of talks that ran late into the night and left several delegations \
        unhappy with the outcome for farmers and fishing fleets alike across the union.";

    fn clusterer() -> Clusterer {
        let (_, fields) = super::super::schema::build();
        Clusterer::new(None, fields, TextAnalyzer::default(), HashSet::new())
    }

    #[test]
    fn copies_share_a_cluster_other_stories_and_short_texts_get_their_own() {
        let mut c = clusterer();
        let a = c.assign(1, A, Some(&sig(A)));
        assert_eq!(a, 1);
        let copy = A.replace("Tuesday", "Wednesday");
        let trimmed = &A[..A.find(", and the mayor").unwrap()];
        assert_eq!(c.assign(2, &copy, Some(&sig(&copy))), 1);
        assert_eq!(c.assign(3, trimmed, Some(&sig(trimmed))), 1);
        assert_eq!(c.assign(4, B, Some(&sig(B))), 4);
        assert_eq!(c.assign(5, "", None), 5);
        assert_eq!(c.assign(6, B, Some(&sig(B))), 4);
    }

    /// Copies of articles bucketed long before (the buckets' table grown many times
    /// since) are still found; strangers written in between are not copies.
    #[test]
    fn copies_are_found_after_a_thousand_other_stories() {
        let mut c = clusterer();
        let story = |i: u64| {
            format!(
                "Story {i}: the {} council of district {} met on day {} to vote on plan {} \
                 for road {} and school {}, and member {} said the cost was {} pounds.",
                i * 7,
                i * 13 + 1,
                i % 365,
                i * 31 + 2,
                i * 17 + 3,
                i * 19 + 5,
                i * 23 + 7,
                i * 1000 + 11
            )
        };
        for i in 1..=1_000u64 {
            let text = story(i);
            assert_eq!(c.assign(i, &text, Some(&sig(&text))), i);
        }
        for i in [1u64, 100, 500, 1_000] {
            let copy = story(i).replace("pounds", "pounds, officials said");
            assert_eq!(c.assign(10_000 + i, &copy, Some(&sig(&copy))), i);
        }
    }

    #[test]
    fn a_story_merging_two_others_does_not_chain_them() {
        let mut c = clusterer();
        assert_eq!(c.assign(1, A, Some(&sig(A))), 1);
        assert_eq!(c.assign(2, B, Some(&sig(B))), 2);
        let merged = format!("{A} {B}");
        let m = c.assign(3, &merged, Some(&sig(&merged)));
        // It holds each whole, so it joins one of them; the two stay apart.
        assert!(m == 1 || m == 2, "{m}");
        assert_eq!(c.assign(4, A, Some(&sig(A))), 1);
        assert_eq!(c.assign(5, B, Some(&sig(B))), 2);
    }

    /// A short piece held whole in a long story joins it (the piece is a copy of part of
    /// it); another long story that quotes the piece verified against the piece alone and
    /// joined the first story through it (one verified, one failed passed as a majority).
    #[test]
    fn a_story_quoting_a_short_piece_of_another_does_not_join_it_through_the_piece() {
        let mut c = clusterer();
        let long = format!(
            "{A} Residents of the villages on the diversion route met on Wednesday night \
             and agreed to ask for a temporary speed limit and a crossing patrol outside the \
             school gates, and a petition against the route gathered six hundred names."
        );
        assert_eq!(c.assign(1, &long, Some(&sig(&long))), 1);
        let piece = &A[..A.find(", and the mayor").unwrap()];
        assert_eq!(c.assign(2, piece, Some(&sig(piece))), 1);
        let quoting = format!("{B} {piece}");
        assert_eq!(c.assign(3, &quoting, Some(&sig(&quoting))), 3);
    }

    #[test]
    fn an_article_written_again_replaces_its_earlier_self() {
        let mut c = clusterer();
        assert_eq!(c.assign(1, A, Some(&sig(A))), 1);
        // Article 1 rewritten as another story: its old self is no candidate.
        assert_eq!(c.assign(1, B, Some(&sig(B))), 1);
        assert_eq!(c.assign(2, A, Some(&sig(A))), 2);
    }

    #[test]
    fn choose_needs_a_verified_majority_in_the_cluster() {
        let c = |cluster, similarity| Candidate {
            cluster,
            similarity,
            jaccard: similarity,
        };
        assert_eq!(choose(&[]), None);
        assert_eq!(choose(&[c(7, 0.2)]), None);
        assert_eq!(choose(&[c(7, 0.9), c(8, 0.95)]), Some(8));
        assert_eq!(choose(&[c(7, 0.9), c(7, 0.1), c(7, 0.1)]), None);
        // A tie is no majority.
        assert_eq!(choose(&[c(7, 0.9), c(7, 0.1), c(8, 0.6)]), Some(8));
        assert_eq!(choose(&[c(7, 0.9), c(7, 0.1)]), None);
    }
}
