//! Stage 6, counting: how many articles match a query, up to a cap, without scoring
//! them, and the document frequencies ranking and counting share. Called by
//! [`super::NewsSearcher`].

use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Searcher, SegmentReader, Term, TERMINATED};

use super::NewsSearcher;

/// Document frequencies of a query's terms.
#[derive(Debug, Clone, Default)]
pub(super) struct DocFreqs {
    pub(super) most: u64,
    pub(super) sum: u64,
    /// Each term's frequency, for [`QueryStats`].
    pub(super) terms: Vec<(Term, u64)>,
}

/// BM25 statistics for ranking one query: the document frequencies [`DocFreqs`] already
/// looked up, so ranking does not look each term up again in every segment (that was
/// a tenth of a rare word's search: each term was looked up three times).
pub(super) struct QueryStats<'s> {
    pub(super) searcher: &'s Searcher,
    pub(super) freqs: &'s DocFreqs,
}

impl Bm25StatisticsProvider for QueryStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        match self.freqs.terms.iter().find(|(t, _)| t == term) {
            Some((_, n)) => Ok(*n),
            None => self.searcher.doc_freq(term),
        }
    }
}

/// The documents of one segment (without deletions) that contain at least one of
/// `terms`, counted until past `limit`: the longest posting list's length, plus the
/// documents of the other lists it does not hold, each looked up in it by skipping. A
/// mid word's body list is never walked, only its title and author lists (a few percent
/// of it).
fn union_len(
    reader: &SegmentReader,
    terms: &[(Term, u64)],
    limit: usize,
) -> tantivy::Result<usize> {
    let mut infos = Vec::with_capacity(terms.len());
    for (term, _) in terms {
        let inverted = reader.inverted_index(term.field())?;
        if let Some(info) = inverted.get_term_info(term)? {
            infos.push((inverted, info));
        }
    }
    // One list (a word found in the text but in no author's name): its length.
    if let [(_, info)] = infos.as_slice() {
        return Ok(info.doc_freq as usize);
    }
    let mut lists = Vec::with_capacity(infos.len());
    for (inverted, info) in &infos {
        lists.push(inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?);
    }
    let Some(longest) = (0..lists.len()).max_by_key(|&i| lists[i].doc_freq()) else {
        return Ok(0);
    };
    let mut longest = lists.swap_remove(longest);
    let mut n = longest.doc_freq() as usize;
    let mut heads: Vec<DocId> = lists.iter().map(|p| p.doc()).collect();
    while n <= limit {
        let doc = heads.iter().copied().min().unwrap_or(TERMINATED);
        if doc == TERMINATED {
            break;
        }
        for (list, head) in lists.iter_mut().zip(&mut heads) {
            if *head == doc {
                *head = list.advance();
            }
        }
        // `seek` must not go backwards: a list already past `doc` lacks it.
        let at = longest.doc();
        let held = if at < doc {
            longest.seek(doc) == doc
        } else {
            at == doc
        };
        if !held {
            n += 1;
        }
    }
    Ok(n)
}

/// The live documents of `docs`, counted until past `limit`.
fn walk_len(docs: &mut dyn DocSet, reader: &SegmentReader, limit: usize) -> usize {
    let alive = reader.alive_bitset();
    let mut n = 0;
    let mut doc = docs.doc();
    while doc != TERMINATED && n <= limit {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            n += 1;
        }
        doc = docs.advance();
    }
    n
}

impl NewsSearcher<'_> {
    /// The document frequencies of the terms of `q`: the largest and their sum. They still
    /// count deleted documents until a merge.
    pub(super) fn doc_freqs(&self, q: &dyn Query) -> tantivy::Result<DocFreqs> {
        let (mut freqs, mut failed) = (DocFreqs::default(), None);
        q.query_terms(&mut |term, _| match self.searcher.doc_freq(term) {
            Ok(n) => {
                freqs.most = freqs.most.max(n);
                freqs.sum += n;
                freqs.terms.push((term.clone(), n));
            }
            Err(e) => failed = Some(e),
        });
        match failed {
            Some(e) => Err(e),
            None => Ok(freqs),
        }
    }

    /// Matching articles counted without scoring, up to `cap`: (count, whether it is the
    /// exact total; false when there are more than `cap`). The walk stops at `cap`, so a
    /// common word costs no more to count than a mid one.
    ///
    /// `q` must be an OR of terms ([`super::query::Compiled::prunable`]), `freqs` its terms'
    /// [`Self::doc_freqs`]: it then matches at least as many articles as its most frequent
    /// term, so when that is already past `cap` nothing is walked; and in a segment
    /// without deletions it matches the documents of its longest posting list plus those
    /// of the others that list lacks ([`union_len`]), so only the shorter lists are
    /// walked. Frequencies count deleted documents, so segments with deletions walk every
    /// match.
    pub(super) fn count_up_to(
        &self,
        q: &dyn Query,
        cap: usize,
        freqs: &DocFreqs,
    ) -> tantivy::Result<(usize, bool)> {
        let readers = self.searcher.segment_readers();
        if readers.iter().all(|r| r.num_deleted_docs() == 0) && freqs.most > cap as u64 {
            return Ok((cap, false));
        }
        let mut weight = None;
        let mut n = 0usize;
        for reader in readers {
            n += if reader.num_deleted_docs() == 0 {
                union_len(reader, &freqs.terms, cap - n)?
            } else {
                let weight = match &mut weight {
                    Some(w) => w,
                    None => weight
                        .insert(q.weight(EnableScoring::disabled_from_searcher(&self.searcher))?),
                };
                walk_len(&mut *weight.scorer(reader, 1.0)?, reader, cap - n)
            };
            if n > cap {
                return Ok((cap, false));
            }
        }
        Ok((n, true))
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::index::{NoProgress, UpdateOptions};

    /// The count that walks only the shorter posting lists agrees with tantivy's own
    /// count of every match, at every cap, for words found in titles only, bodies only,
    /// both, and authors, OR-ed; before and after a deletion.
    #[test]
    fn union_counts_equal_tantivys_counts() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let files = [
            "Kursk report\n\nTroops moved.\n",
            "Report\n\nTroops near Kursk.\n",
            "Kursk and Sudzha\n\nKursk again, Sudzha too.\n",
            "Weather\n\nRain in Sudzha.\n",
            "Markets\n\nShares fell.\n",
            "Notes\n\nBy Anna Kursk\n\nShares rose.\n",
            "Kursk\n\nNothing else.\n",
        ];
        for (i, text) in files.iter().enumerate() {
            std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
        }
        let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
        let queries = [
            "Kursk",
            "Sudzha",
            "Kursk Sudzha",
            "shares OR rain",
            "troops kursk",
            "absent",
        ];
        for round in 0..2 {
            // (One indexing thread: one segment, which keeps its deleted document.)
            idx.update(
                &corpus,
                &UpdateOptions::default().with_threads(1),
                &NoProgress,
            )
            .unwrap();
            let searcher = NewsSearcher::new(&idx).unwrap();
            for query in queries {
                let q = searcher.parse(query).unwrap();
                let total = searcher.searcher.search(&*q, &Count).unwrap();
                let freqs = searcher.doc_freqs(&*q).unwrap();
                for cap in 0..=files.len() + 1 {
                    let want = (total.min(cap), total <= cap);
                    let got = searcher.count_up_to(&*q, cap, &freqs).unwrap();
                    assert_eq!(got, want, "{query:?}, cap {cap}, round {round}");
                }
            }
            assert_eq!(
                searcher
                    .searcher
                    .segment_readers()
                    .iter()
                    .any(|r| r.num_deleted_docs() > 0),
                round == 1
            );
            // The second round counts with a deletion in the index.
            if round == 0 {
                std::fs::remove_file(corpus.join("2.txt")).unwrap();
            }
        }
    }

    #[test]
    fn counting_stops_at_the_cap_and_says_so() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        for i in 0..5 {
            std::fs::write(
                corpus.join(format!("{i}.txt")),
                format!("Report {i}\n\nTroops near Kursk, day {i}.\n"),
            )
            .unwrap();
        }
        let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
        idx.update(&corpus, &UpdateOptions::default(), &NoProgress)
            .unwrap();
        let searcher = NewsSearcher::new(&idx).unwrap();
        let q = searcher.parse("Kursk").unwrap();
        let cases = [
            (1, (1, false)),
            (4, (4, false)),
            (5, (5, true)),
            (6, (5, true)),
        ];
        for (cap, want) in cases {
            let freqs = searcher.doc_freqs(&*q).unwrap();
            assert_eq!(
                searcher.count_up_to(&*q, cap, &freqs).unwrap(),
                want,
                "cap {cap}"
            );
        }
        // Under the cap the page's total is exact.
        let opts = SearchOptions {
            query: "Kursk".into(),
            limit: 2,
            ..SearchOptions::default()
        };
        let r = searcher.search(&opts).unwrap();
        assert_eq!((r.total, r.total_exact, r.hits.len()), (5, true, 2));

        // With a deleted article the frequencies overcount: the matches are walked.
        std::fs::remove_file(corpus.join("0.txt")).unwrap();
        idx.update(&corpus, &UpdateOptions::default(), &NoProgress)
            .unwrap();
        let searcher = NewsSearcher::new(&idx).unwrap();
        let q = searcher.parse("Kursk").unwrap();
        let deleted = searcher
            .searcher
            .segment_readers()
            .iter()
            .any(|r| r.num_deleted_docs() > 0);
        for (cap, want) in [(1, (1, false)), (4, (4, true)), (5, (4, true))] {
            assert_eq!(
                searcher
                    .count_up_to(&*q, cap, &searcher.doc_freqs(&*q).unwrap())
                    .unwrap(),
                want,
                "cap {cap}, deletions {deleted}"
            );
        }
    }
}
