//! Part of stage 6 (search): exact-value filters. A facet counts the exact values of a
//! fast column (`Olena Marchenko`, `Wire`); narrowing a search to one of them must match
//! that value and no other (a phrase query `author:"Olena Marchenko"` would also match
//! `Olena Marchenko-Petrenko`, and `source:Wire` `Wire Europe`). [`ExactValue`] reads the
//! same column the facet counted: the value's ordinal in each segment's dictionary, then
//! the documents holding it.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError};

use super::facets::FacetKind;

/// Documents whose fast string column `column` holds `value` exactly; scores nothing
/// (0), so it narrows a query without changing its ranking.
#[derive(Debug, Clone)]
pub struct ExactValue {
    /// The fast column's name (the field's name in the schema).
    pub column: String,
    pub value: String,
}

impl Query for ExactValue {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl ExactValue {
    fn docs(&self, reader: &SegmentReader) -> tantivy::Result<BitSet> {
        let mut docs = BitSet::with_max_value(reader.max_doc());
        let Some(column) = reader.fast_fields().str(&self.column)? else {
            return Ok(docs);
        };
        let Some(ord) = column.dictionary().term_ord(self.value.as_bytes())? else {
            return Ok(docs);
        };
        let alive = reader.alive_bitset();
        for doc in 0..reader.max_doc() {
            if alive.is_none_or(|a| a.is_alive(doc)) && column.term_ords(doc).any(|o| o == ord) {
                docs.insert(doc);
            }
        }
        Ok(docs)
    }
}

impl Weight for ExactValue {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ConstScorer::new(
            BitSetDocSet::from(self.docs(reader)?),
            0.0,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not have {} = {:?}",
                self.column, self.value
            )));
        }
        Ok(Explanation::new("exact value", 0.0))
    }
}

/// The facets a search can be narrowed to by exact value (dates are narrowed with
/// `since` and `until`).
pub fn filterable(kind: FacetKind) -> bool {
    !matches!(kind, FacetKind::Year | FacetKind::Month)
}
