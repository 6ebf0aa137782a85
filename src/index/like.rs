//! Stage 5 helper, also used by search: a "more like this" query built from a text: its
//! words weighted by how often it uses them and how rare they are in the index (tf-idf),
//! the best few asked for together.
//!
//! tantivy's own `MoreLikeThisQuery` takes its idf from the number of *live* documents
//! while document frequencies still count deleted ones until a merge, and asserts the
//! first is the larger: on an index where files were removed or changed it panicked.
//! Here both count the same documents (every document a segment holds).

use rustc_hash::FxHashMap;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Words shorter than this (in bytes, after analysis) are left out.
const MIN_WORD_LEN: usize = 3;

/// A query for the documents most like `texts` (each with the field it is analysed as
/// and searched in): the `max_terms` words of highest tf-idf, OR-ed. None when no word
/// of the texts is in the index.
pub fn like_query(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    texts: &[(Field, &str)],
    max_terms: usize,
) -> tantivy::Result<Option<Box<dyn Query>>> {
    let mut freq: FxHashMap<Term, u32> = FxHashMap::default();
    for (field, text) in texts {
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            if t.text.len() >= MIN_WORD_LEN {
                *freq
                    .entry(Term::from_field_text(*field, &t.text))
                    .or_default() += 1;
            }
        }
    }
    let docs: u64 = searcher
        .segment_readers()
        .iter()
        .map(|r| u64::from(r.max_doc()))
        .sum();
    let mut scored: Vec<(f32, Term)> = Vec::with_capacity(freq.len());
    for (term, tf) in freq {
        let df = searcher.doc_freq(&term)?;
        if df == 0 {
            continue;
        }
        let idf = (1.0 + (docs.saturating_sub(df) as f32 + 0.5) / (df as f32 + 0.5)).ln();
        scored.push((tf as f32 * idf, term));
    }
    if scored.is_empty() {
        return Ok(None);
    }
    // Best first; equal weights by term, so the query is the same from run to run.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.truncate(max_terms);
    let clauses: Vec<(Occur, Box<dyn Query>)> = scored
        .into_iter()
        .map(|(_, term)| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            (Occur::Should, q)
        })
        .collect();
    Ok(Some(Box::new(BooleanQuery::new(clauses))))
}
