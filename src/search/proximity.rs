//! Stage 6, ranking: a plain query of three words or more has its best articles ranked
//! again by how close its words stand in the headline or the body. Called by
//! [`super::NewsSearcher`]'s ranking; reads positions from the postings.

use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Term};

use super::{query, NewsSearcher, SortOrder};

/// How many of the best articles of a plain query of three words or more are ranked
/// again by the closeness of its words ([`NewsSearcher::rerank_by_proximity`]).
const RERANK_DEPTH: usize = 25;
/// Words within this many positions of one another stand together (about a sentence;
/// 8, 12, 16 and 24 were tried on the known-item tuning seeds: 16 ranked best).
const PROXIMITY_WINDOW: u32 = 16;
/// How much an article gains when all the query's words stand together (0.5 and 1.0
/// tried: the same on later paragraphs, 1.0 a little better on quotes; the smaller kept).
const PROXIMITY_WEIGHT: f32 = 0.5;

/// The distinct terms of a plain query of three or more, for the proximity ranking;
/// None for other queries (phrases, fields, operators already say how words relate).
pub(super) fn proximity_terms(compiled: &query::Compiled) -> Option<Vec<String>> {
    if !compiled.prunable {
        return None;
    }
    let mut terms: Vec<String> = compiled
        .matchers
        .iter()
        .filter_map(|m| match m {
            query::Matcher::Term(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    terms.sort();
    terms.dedup();
    (terms.len() >= 3 && terms.len() == compiled.matchers.len()).then_some(terms)
}

/// The most distinct terms among `sorted` (position, term) pairs that fall within a
/// window of `window` positions.
fn most_terms_within(sorted: &[(u32, usize)], window: u32, n: usize) -> usize {
    let mut counts = vec![0u32; n];
    let (mut distinct, mut best, mut lo) = (0usize, 0usize, 0usize);
    for hi in 0..sorted.len() {
        let t = sorted[hi].1;
        counts[t] += 1;
        if counts[t] == 1 {
            distinct += 1;
        }
        while sorted[hi].0 - sorted[lo].0 >= window {
            let u = sorted[lo].1;
            counts[u] -= 1;
            if counts[u] == 0 {
                distinct -= 1;
            }
            lo += 1;
        }
        best = best.max(distinct);
    }
    best
}

/// How many articles a ranking for a page of `want` ranks: a proximity rerank (`near`,
/// by relevance) ranks at least [`RERANK_DEPTH`].
pub(super) fn ranking_depth(want: usize, near: Option<&[String]>, sort: SortOrder) -> usize {
    match (near, sort) {
        (Some(_), SortOrder::Relevance) => want.max(RERANK_DEPTH),
        _ => want,
    }
}

impl NewsSearcher<'_> {
    /// Ranks the best [`RERANK_DEPTH`] articles of a plain query again by how close its
    /// words stand: an article's score is multiplied by `1 + PROXIMITY_WEIGHT * (k - 1) /
    /// (n - 1)`, where `k` of the query's `n` words stand within [`PROXIMITY_WINDOW`]
    /// positions of one another in its headline or somewhere in its body. A reader who
    /// remembers a few words of a passage remembers words that stand together; BM25
    /// counts them wherever they are. Scores only grow, so the articles below the depth
    /// keep their places and every page cuts the same ranking.
    pub(super) fn rerank_by_proximity(
        &self,
        mut ranked: Vec<(f32, DocAddress)>,
        terms: &[String],
    ) -> tantivy::Result<Vec<(f32, DocAddress)>> {
        let depth = ranked.len().min(RERANK_DEPTH);
        let fields = self.index.fields();
        let n = terms.len();
        // Closeness in the headline or in the body, whichever is greater.
        let mut near = vec![0usize; depth];
        for field in [fields.title, fields.body] {
            let k = self.terms_together(&ranked[..depth], field, terms)?;
            for (best, k) in near.iter_mut().zip(k) {
                *best = (*best).max(k);
            }
        }
        for (i, &k) in near.iter().enumerate() {
            if k > 1 {
                ranked[i].0 *= 1.0 + PROXIMITY_WEIGHT * (k - 1) as f32 / (n - 1) as f32;
            }
        }
        ranked[..depth].sort_by(|a, b| b.0.total_cmp(&a.0));
        Ok(ranked)
    }

    /// For each of `ranked`, the most of `terms` that stand within [`PROXIMITY_WINDOW`]
    /// positions of one another in `field`.
    fn terms_together(
        &self,
        ranked: &[(f32, DocAddress)],
        field: Field,
        terms: &[String],
    ) -> tantivy::Result<Vec<usize>> {
        let depth = ranked.len();
        let n = terms.len();
        // The candidates of each segment in doc order, for one forward pass of postings.
        let mut order: Vec<usize> = (0..depth).collect();
        order.sort_by_key(|&i| (ranked[i].1.segment_ord, ranked[i].1.doc_id));
        let mut positions: Vec<Vec<(u32, usize)>> = vec![Vec::new(); depth];
        let mut buf = Vec::new();
        let mut start = 0;
        while start < order.len() {
            let seg = ranked[order[start]].1.segment_ord;
            let end = order[start..]
                .iter()
                .position(|&i| ranked[i].1.segment_ord != seg)
                .map_or(order.len(), |p| start + p);
            let inverted = self.searcher.segment_reader(seg).inverted_index(field)?;
            for (t, text) in terms.iter().enumerate() {
                let term = Term::from_field_text(field, text);
                let Some(mut postings) =
                    inverted.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)?
                else {
                    continue;
                };
                for &i in &order[start..end] {
                    let doc = ranked[i].1.doc_id;
                    if postings.doc() <= doc && postings.seek(doc) == doc {
                        buf.clear();
                        postings.positions(&mut buf);
                        positions[i].extend(buf.iter().map(|&p| (p, t)));
                    }
                }
            }
            start = end;
        }
        Ok(positions
            .iter_mut()
            .map(|pos| {
                pos.sort_unstable();
                most_terms_within(pos, PROXIMITY_WINDOW, n)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_terms_within_table() {
        // (positions with their term, window, terms, want)
        type Case<'a> = (&'a [(u32, usize)], u32, usize, usize);
        let cases: [Case; 5] = [
            (&[], 16, 3, 0),
            (&[(5, 0)], 16, 3, 1),
            (&[(1, 0), (2, 1), (3, 2)], 16, 3, 3),
            (&[(1, 0), (40, 1), (80, 2)], 16, 3, 1),
            // The window slides: terms 0 and 1 far apart, 1 and 2 and 0 again close.
            (&[(1, 0), (30, 1), (35, 2), (40, 0), (41, 0)], 16, 3, 3),
        ];
        for (pos, window, n, want) in cases {
            assert_eq!(most_terms_within(pos, window, n), want, "{pos:?}");
        }
        // Within a window of 16: less than 16 positions apart.
        assert_eq!(most_terms_within(&[(1, 0), (16, 1)], 16, 2), 2);
        assert_eq!(most_terms_within(&[(1, 0), (17, 1)], 16, 2), 1);
        assert_eq!(most_terms_within(&[(1, 0), (16, 1)], 15, 2), 1);
    }
}
