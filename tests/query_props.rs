//! Random and garbage query strings never panic; every error is a query error
//! that says what is wrong and where (a position inside the query, a hint).

mod common;

use std::sync::OnceLock;

use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use newsidx::search::facets::FacetKind;
use newsidx::search::{NewsSearcher, SearchOptions, SortOrder};
use newsidx::Error;
use proptest::prelude::*;

fn index() -> &'static NewsIndex {
    static INDEX: OnceLock<(tempfile::TempDir, NewsIndex)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let idx = NewsIndex::open_or_create(&dir.path().join("idx")).unwrap();
            idx.update(&common::corpus(), &UpdateOptions::default(), &NoProgress)
                .unwrap();
            (dir, idx)
        })
        .1
}

/// Pieces of the query language, glued at random: most garbage is near-miss syntax.
const PIECES: &[&str] = &[
    "Sudzha",
    "Kursk",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    " TO ",
    " AND ",
    " OR ",
    "NOT ",
    "-",
    "+",
    "*",
    "~",
    "~1",
    "~2",
    "~9",
    "^",
    "^2",
    "^-1",
    ":",
    "date:",
    "title:",
    "author:",
    "speaker:",
    "lang:",
    "path:",
    "foo:",
    "2025",
    "2025-02",
    "2025-13",
    "2025-02-30",
    ">",
    ">=",
    "<",
    "/",
    "/sud.*/",
    "/[/",
    "Суджа",
    "é",
    "ß",
    " ",
    "\\",
    "IN ",
    "*:*",
    "'",
    "\u{0}",
    "…",
];

fn check(query: &str, sort: SortOrder) -> Result<(), TestCaseError> {
    let searcher = NewsSearcher::new(index()).unwrap();
    let opts = SearchOptions {
        query: query.to_string(),
        sort,
        facets: FacetKind::ALL.to_vec(),
        ..SearchOptions::default()
    };
    match searcher.search(&opts) {
        Ok(r) => prop_assert!(r.hits.len() <= 10),
        Err(Error::Query {
            query: q,
            position,
            message,
            hint,
        }) => {
            prop_assert_eq!(q.as_str(), query);
            prop_assert!(
                position <= query.chars().count(),
                "position {position} in {query:?}"
            );
            prop_assert!(!message.is_empty() && !hint.is_empty());
        }
        Err(other) => prop_assert!(false, "not a query error for {query:?}: {other}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn glued_syntax_never_panics(parts in prop::collection::vec(prop::sample::select(PIECES), 1..8), date in any::<bool>()) {
        let q: String = parts.concat();
        check(&q, if date { SortOrder::Date } else { SortOrder::Relevance })?;
    }

    #[test]
    fn arbitrary_text_never_panics(q in "\\PC{0,30}") {
        check(&q, SortOrder::Relevance)?;
    }
}

/// Found by `glued_syntax_never_panics` in CI: an excluded phrase that matches nothing
/// ("Sudzha~1\" reads as the words sudzha and 1) made tantivy's phrase scorer trip its
/// debug assertion when the exclusion was built.
#[test]
fn excluded_phrase_matching_nothing_does_not_panic() {
    for q in [
        "NOT Sudzha~1\\NOT ",
        "NOT \"sudzha 1\"",
        "Kursk -\"sudzha 1\"",
    ] {
        check(q, SortOrder::Relevance).unwrap();
        check(q, SortOrder::Date).unwrap();
    }
    // And the answer is right: an exclusion that matches nothing excludes nothing (the
    // debug assertion is off in tests, as in release builds, so the count is what shows).
    let searcher = NewsSearcher::new(index()).unwrap();
    let count = |q: &str| {
        searcher
            .count(&SearchOptions {
                query: q.to_string(),
                ..SearchOptions::default()
            })
            .unwrap()
    };
    assert!(count("Kursk") > 0);
    assert_eq!(count("Kursk -\"sudzha 1\""), count("Kursk"));
    assert_eq!(count("NOT \"sudzha 1\""), count("-zzqqnothing"));
}
