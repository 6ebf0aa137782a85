//! Stage 5, inside the indexer: syndicated copies. Each article's cleaned body gets a
//! MinHash signature ([`crate::text::minhash`]) and a `cluster` id as it is written: the
//! cluster of the copies it verifiably is, else its own id (a story printed once).
//!
//! Candidates are, among the articles this run wrote (kept in memory), those sharing an
//! LSH band with it; among those committed before, the few most like it by the rarest
//! words of its body (a more-like-this query: no band keys are stored, so copies cost
//! the index nothing but the cluster id). A candidate is verified when the estimated share of
//! the smaller body the other holds ([`Signature::containment`]) reaches [`THRESHOLD`].
//! The article joins the cluster of its most similar verified candidate, if at least as
//! many of that cluster's candidates verify as fail: a story that merged two others (an
//! update) sits close to one member of each but not to the rest, and joins neither
//! whole cluster by chaining. Clusters are never merged nor renumbered, so a new file
//! joins an existing cluster without re-clustering the corpus, a deleted file simply
//! leaves, and cluster ids stay stable (the id of the article that started the cluster,
//! kept when that article is deleted).

use std::collections::HashSet;

use rustc_hash::FxHashMap;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument};

use super::like::like_query;
use super::Fields;
use crate::text::minhash::Signature;

/// Smallest estimated containment of a verified pair. Chosen on the gen_copies corpus
/// (docs/copies.md): at 0.5, 0.6 and 0.7 the pairs placed in one cluster had a precision
/// of 0.982, 0.990 and 0.998 and a recall of 0.996, 0.989 and 0.974.
pub const THRESHOLD: f64 = 0.6;

/// Most committed candidates read per article (most alike first).
const MAX_CANDIDATES: usize = 8;

/// Words of an article's body its more-like-this query asks for (the rarest in the index).
const MORE_LIKE_TERMS: usize = 25;

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
    /// The body's analyzer, for the more-like-this query.
    analyzer: TextAnalyzer,
    /// Files whose committed documents this run deletes or replaces: not candidates.
    excluded: HashSet<String>,
    run: Vec<Member>,
    buckets: FxHashMap<u64, Vec<u32>>,
    by_id: FxHashMap<u64, u32>,
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
            buckets: FxHashMap::default(),
            by_id: FxHashMap::default(),
        }
    }

    /// The cluster of the article `id` whose cleaned body is `body` with signature `sig`
    /// (None: too short to have copies, its own cluster), remembered for the articles
    /// written after it.
    pub fn assign(&mut self, id: u64, body: &str, sig: Option<&Signature>) -> u64 {
        let Some(sig) = sig else {
            return id;
        };
        let bands = sig.bands();
        let mut candidates = self.run_candidates(id, sig, &bands);
        candidates.extend(self.committed_candidates(id, sig, body));
        let cluster = choose(&candidates).unwrap_or(id);
        if let Some(old) = self.by_id.get(&id) {
            self.run[*old as usize].live = false;
        }
        let n = self.run.len() as u32;
        self.run.push(Member {
            id,
            cluster,
            sig: sig.clone(),
            live: true,
        });
        self.by_id.insert(id, n);
        for b in bands {
            self.buckets.entry(b).or_default().push(n);
        }
        cluster
    }

    fn run_candidates(&self, id: u64, sig: &Signature, bands: &[u64]) -> Vec<Candidate> {
        let mut seen: Vec<u32> = bands
            .iter()
            .filter_map(|b| self.buckets.get(b))
            .flatten()
            .copied()
            .collect();
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

    /// Committed candidates: the articles most like this one by its body's rarest words
    /// (more-like-this), their signatures computed again from their stored bodies. Copies
    /// share nearly every word, so they rank first among the few read. A failed read
    /// leaves the article to the run's candidates.
    fn committed_candidates(&self, id: u64, sig: &Signature, body: &str) -> Vec<Candidate> {
        let Some(searcher) = &self.committed else {
            return Vec::new();
        };
        let f = &self.fields;
        let mut analyzer = self.analyzer.clone();
        let Ok(Some(like)) =
            like_query(searcher, &mut analyzer, &[(f.body, body)], MORE_LIKE_TERMS)
        else {
            return Vec::new();
        };
        let Ok(top) = searcher.search(
            &*like,
            &TopDocs::with_limit(MAX_CANDIDATES).order_by_score(),
        ) else {
            return Vec::new();
        };
        top.into_iter()
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

/// The cluster an article joins: that of its most similar (by Jaccard) verified candidate whose
/// cluster has at least as many verified candidates as failed ones. None: its own.
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
        .filter(|(_, (ok, failed, _))| *ok > 0 && ok >= failed)
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
        assert_eq!(choose(&[c(7, 0.9), c(7, 0.1), c(8, 0.6)]), Some(7));
    }
}
