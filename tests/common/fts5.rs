//! SQLite FTS5 as a known-item peer: the Porter stemmer, BM25 with the title weighted 2,
//! the query's words OR-ed. Used by tests/ranking.rs and examples/known_item.rs.

use newsidx::known_item::Article;
use rusqlite::Connection;

/// An in-memory FTS5 index of articles.
pub struct Fts5 {
    conn: Connection,
}

impl Fts5 {
    pub fn build(articles: &[Article]) -> rusqlite::Result<Fts5> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE VIRTUAL TABLE a USING fts5(path UNINDEXED, title, body, tokenize='porter');",
        )?;
        let tx = conn.transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO a (path, title, body) VALUES (?1, ?2, ?3)")?;
            for a in articles {
                insert.execute((&a.path, &a.headline, a.paragraphs.join("\n\n")))?;
            }
        }
        tx.commit()?;
        Ok(Fts5 { conn })
    }

    /// The paths of the `n` best articles for `words` (space-separated), OR-ed.
    pub fn top(&self, words: &str, n: usize) -> rusqlite::Result<Vec<String>> {
        let query = words
            .split_whitespace()
            .map(|w| format!("\"{}\"", w.replace('"', "")))
            .collect::<Vec<_>>()
            .join(" OR ");
        let mut stmt = self.conn.prepare_cached(
            "SELECT path FROM a WHERE a MATCH ?1 ORDER BY bm25(a, 0.0, 2.0, 1.0) LIMIT ?2",
        )?;
        let rows = stmt.query_map((query, n as i64), |r| r.get::<_, String>(0))?;
        rows.collect()
    }
}
