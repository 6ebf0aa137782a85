//! Part of stage 6 (search): articles like one article (`newsidx similar`), and finding
//! the article a user names (id, path, `path#record`, `archive@offset`).

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::facets::Facets;
use super::snippet::Snippeter;
use super::{sort_hits, ArticleQuote, ArticleView, NewsSearcher, Results};
use crate::error::{Error, Result};
use crate::index::like::like_query;

impl NewsSearcher<'_> {
    /// Articles most like one article (more-like-this over title and body), best first;
    /// the article itself is left out. `target` is its id, its path relative to the
    /// corpus root, `PATH#RECORD` for one article of a JSON/JSONL file, or `PATH@OFFSET`
    /// for a page of a web archive.
    pub fn similar(&self, target: &str, limit: usize) -> Result<Results> {
        let f = *self.index.fields();
        let terr = |e| Error::tantivy(self.index.dir(), e);
        let addr = self
            .find(target)?
            .ok_or_else(|| Error::NoArticle(target.to_string()))?;
        let doc = self.doc(addr)?;
        let article = self.article(&doc)?;
        let mut analyzer = self.analyzer()?;
        let like = like_query(
            &self.searcher,
            &mut analyzer,
            &[(f.title, article.title), (f.body, article.body)],
            40,
        )
        .map_err(terr)?;
        let Some(like) = like else {
            return Ok(Results::default());
        };
        let id = article.id;
        let q = BooleanQuery::new(vec![
            (Occur::Must, like),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let (total, top) = self
            .searcher
            .search(
                &q,
                &(Count, TopDocs::with_limit(limit.max(1)).order_by_score()),
            )
            .map_err(terr)?;
        let mut snippets = Snippeter::new(self.analyzer()?, Vec::new(), 200);
        let mut hits = Vec::with_capacity(top.len());
        let clusters = super::collapse::Clusters::open(self.index, &self.searcher).map_err(terr)?;
        for (score, addr) in top {
            let doc = self.doc(addr)?;
            let mut hit = self.hit(self.article(&doc)?, score, &mut snippets);
            hit.cluster = clusters.of(addr);
            hits.push(hit);
        }
        sort_hits(&mut hits);
        Ok(Results {
            total,
            collapsed: false,
            stories: false,
            total_exact: true,
            hits,
            facets: Facets::new(),
        })
    }

    /// One article whole (metadata, cleaned body, quotes), by its id; None when no
    /// article has it.
    pub fn article_by_id(&self, id: u64) -> Result<Option<ArticleView>> {
        let f = *self.index.fields();
        let q = TermQuery::new(Term::from_field_u64(f.id, id), IndexRecordOption::Basic);
        let found = self
            .searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| Error::tantivy(self.index.dir(), e))?;
        let Some((_, addr)) = found.first() else {
            return Ok(None);
        };
        let doc = self.doc(*addr)?;
        let a = self.article(&doc)?;
        Ok(Some(ArticleView {
            id: a.id,
            path: a.path.to_string(),
            record: a.record,
            title: a.title.to_string(),
            authors: a.authors.iter().map(|s| s.to_string()).collect(),
            agencies: a.agencies.iter().map(|s| s.to_string()).collect(),
            date: a
                .date
                .and_then(|d| crate::index::stated_rfc3339(d.into_timestamp_secs(), a.utc_offset)),
            source: a.source.map(str::to_string),
            url: a.url.map(str::to_string),
            fetched_url: a.fetched_url.map(str::to_string),
            lang: a.lang.map(str::to_string),
            body: a.body.to_string(),
            quotes: a
                .quotes()
                .map(|q| ArticleQuote {
                    text: q.text.to_string(),
                    speaker: (!q.speaker.is_empty()).then(|| q.speaker.to_string()),
                })
                .collect(),
        }))
    }

    /// The address of the article `target` names (id, path, path#record or, in a web
    /// archive, path@offset).
    pub(super) fn find(&self, target: &str) -> Result<Option<DocAddress>> {
        let f = *self.index.fields();
        let terr = |e| Error::tantivy(self.index.dir(), e);
        let lookup = |term: Term, record: Option<u64>| -> Result<Option<DocAddress>> {
            let q = TermQuery::new(term, IndexRecordOption::Basic);
            let found = self
                .searcher
                .search(&q, &TopDocs::with_limit(100_000).order_by_score())
                .map_err(terr)?;
            // Several articles in one file: the one asked for, else the first record.
            let mut best: Option<(Option<u64>, DocAddress)> = None;
            for (_, addr) in found {
                let r = self.article(&self.doc(addr)?)?.record;
                if record.is_some_and(|want| r != Some(want)) {
                    continue;
                }
                if best.is_none_or(|(b, _)| r < b) {
                    best = Some((r, addr));
                }
            }
            Ok(best.map(|(_, a)| a))
        };
        if let Ok(id) = target.parse::<u64>() {
            if let Some(a) = lookup(Term::from_field_u64(f.id, id), None)? {
                return Ok(Some(a));
            }
        }
        if let Some(a) = lookup(Term::from_field_text(f.path, target), None)? {
            return Ok(Some(a));
        }
        // `file.jsonl#3`, `crawl.warc.gz@12345`: the article's id says where it is (one
        // term, however many articles the file holds), else its file's articles are read.
        for mark in ['#', '@'] {
            if let Some((path, rec)) = target.rsplit_once(mark) {
                if let Ok(rec) = rec.parse::<u64>() {
                    let id = crate::index::article_id(path, Some(rec));
                    if let Some(a) = lookup(Term::from_field_u64(f.id, id), Some(rec))? {
                        return Ok(Some(a));
                    }
                    return lookup(Term::from_field_text(f.path, path), Some(rec));
                }
            }
        }
        Ok(None)
    }
}
