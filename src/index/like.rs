//! Stage 5 helper, also used by search: a "more like this" query built from a text: its
//! words weighted by how often it uses them and how rare they are in the index (tf-idf),
//! the best few asked for together.
//!
//! tantivy's own `MoreLikeThisQuery` takes its idf from the number of *live* documents
//! while document frequencies still count deleted ones until a merge, and asserts the
//! first is the larger: on an index where files were removed or changed it panicked.
//! Here both count the same documents (every document a segment holds).
//!
//! Copies are found by another pick of words: the rarest ([`rarest_query`]).

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
    let docs: u64 = searcher
        .segment_readers()
        .iter()
        .map(|r| u64::from(r.max_doc()))
        .sum();
    let mut scored: Vec<(f32, Term)> = Vec::new();
    for (term, tf) in word_counts(analyzer, texts) {
        let df = searcher.doc_freq(&term)?;
        if df == 0 {
            continue;
        }
        let idf = (1.0 + (docs.saturating_sub(df) as f32 + 0.5) / (df as f32 + 0.5)).ln();
        scored.push((tf as f32 * idf, term));
    }
    // Best first; equal weights by term, so the query is the same from run to run.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(any_of(scored.into_iter().map(|(_, t)| t), max_terms))
}

/// A query for the documents that share the rarest words of `texts`: the `max_terms`
/// words in the fewest documents (`doc_freq`, which may answer from a cache), OR-ed and
/// scored as any query, leaving out the words `keep` refuses (asked in order, rarest
/// first, until the query is full). What finds
/// copies: a copy holds the rare words of what it copies, and the fewest documents are
/// read (a word a third of the corpus uses, which tf-idf picks when a text repeats it,
/// costs as much as all the rare ones together).
pub fn rarest_query(
    analyzer: &mut TextAnalyzer,
    texts: &[(Field, &str)],
    max_terms: usize,
    mut doc_freq: impl FnMut(&Term) -> tantivy::Result<u64>,
    mut keep: impl FnMut(&Term) -> bool,
) -> tantivy::Result<Option<Box<dyn Query>>> {
    let mut ranked: Vec<(u64, u32, Term)> = Vec::new();
    for (term, tf) in word_counts(analyzer, texts) {
        let df = doc_freq(&term)?;
        if df > 0 {
            ranked.push((df, tf, term));
        }
    }
    // Rarest first; then the most used; then by term, so the query is the same every run.
    ranked.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    let kept = ranked
        .into_iter()
        .filter(|(_, _, term)| keep(term))
        .map(|(_, _, t)| t);
    Ok(any_of(kept, max_terms))
}

/// How often `texts` use each word (of at least [`MIN_WORD_LEN`] bytes after analysis).
fn word_counts(analyzer: &mut TextAnalyzer, texts: &[(Field, &str)]) -> FxHashMap<Term, u32> {
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
    freq
}

/// The first `max_terms` of `terms`, OR-ed (None: no term).
fn any_of(terms: impl Iterator<Item = Term>, max_terms: usize) -> Option<Box<dyn Query>> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .take(max_terms)
        .map(|term| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            (Occur::Should, q)
        })
        .collect();
    if clauses.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// The words a query asks for, in order.
    fn words(q: &dyn Query) -> Vec<String> {
        let mut out = Vec::new();
        q.query_terms(&mut |t, _| out.push(t.value().as_str().unwrap_or("").to_string()));
        out
    }

    fn index(texts: &[&str]) -> (Searcher, Field) {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for t in texts {
            writer.add_document(doc!(body => *t)).unwrap();
        }
        writer.commit().unwrap();
        (index.reader().unwrap().searcher(), body)
    }

    #[test]
    fn tf_idf_and_rarest_pick_different_words() {
        let (searcher, body) = index(&[
            "market prices rose",
            "market stalls",
            "market day",
            "zebra crossing",
            "rain",
            "snow",
            "wind",
            "fog",
            "hail",
            "sleet ox",
        ]);
        let text = "market market market market zebra";
        let mut analyzer = TextAnalyzer::from(tantivy::tokenizer::SimpleTokenizer::default());
        // A word the text repeats outweighs a rarer one in tf-idf ...
        let like = like_query(&searcher, &mut analyzer, &[(body, text)], 1)
            .unwrap()
            .unwrap();
        assert_eq!(words(&*like), ["market"]);
        // ... the rarest pick takes the word in fewest documents, however often the text
        // uses the other; words not in the index and words under 3 bytes are left out.
        let mut asked = 0;
        let rare = rarest_query(
            &mut analyzer,
            &[(body, text)],
            1,
            |t| {
                asked += 1;
                searcher.doc_freq(t)
            },
            |_| true,
        )
        .unwrap()
        .unwrap();
        assert_eq!(words(&*rare), ["zebra"]);
        assert_eq!(asked, 2);
        let text = "ox unicorn zebra market";
        let all = |_: &Term| true;
        let df = |t: &Term| searcher.doc_freq(t);
        let rare = rarest_query(&mut analyzer, &[(body, text)], 5, df, all);
        assert_eq!(words(&*rare.unwrap().unwrap()), ["zebra", "market"]);
        // A word refused is passed over, and the next rarest takes its place.
        let not_zebra = |t: &Term| t.value().as_str() != Some("zebra");
        let rare = rarest_query(&mut analyzer, &[(body, text)], 1, df, not_zebra);
        assert_eq!(words(&*rare.unwrap().unwrap()), ["market"]);
        let none = rarest_query(&mut analyzer, &[(body, "unicorn")], 5, df, all);
        assert!(none.unwrap().is_none());
    }
}
