//! The query language as a user types it: prefixes, typos, exclusion, dates,
//! sorting, names across accents and scripts, language, facets and similar articles.
//! Each test writes its own small corpus (English, Russian, accented) in a temp folder.

mod common;

use std::path::Path;

use newsidx::app::ExtractedArticle;
use newsidx::search::Hit;
use serde::Deserialize;

use common::newsidx;

const EN: &str = "en-sudzha.json";
const RU: &str = "ru/sudzha.json";
const ACCENT: &str = "accent.md";
const UNDATED: &str = "undated.json";
const HARBOUR: &str = "harbour.json";

/// Five articles: English about Sudzha (2025-02-13), Russian about Суджа (2024-12-30,
/// no declared language), one with accents (Sudža, café; 2025-01-31), one undated, one
/// about a harbour (2025-03-01) sharing words with the English Sudzha story's source.
fn corpus() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        EN,
        r#"{"title": "Ukrainian troops hold Sudzha", "author": "Anna Petrova", "date": "2025-02-13T09:00:00Z", "source": "Wire East",
            "body": "Ukrainian troops still hold the town of Sudzha in the Kursk region, officials said on Thursday.\nThe town has been under Ukrainian control since August, and fighting around it continued overnight."}"#,
    );
    write(
        RU,
        r#"{"title": "Бои за Суджа продолжаются", "date": "2024-12-30",
            "text": "Российские войска заявили во вторник, что продолжают отражать атаки у города Суджа в Курской области. По словам военных, бои идут уже несколько дней подряд, и мирные жители покидают свои дома."}"#,
    );
    write(
        ACCENT,
        "# Café owners in Sudža count the cost\n\nBy Marek Dvořák\n\nPublished 31 January 2025\n\nThe owners of a small café in Sudža said they had lost most of their customers this winter, as the front line moved closer to the town.\n",
    );
    write(
        UNDATED,
        r#"{"title": "Sudzha residents wait for news", "author": "Anna Petrova", "source": "Wire East",
            "body": "Residents who fled Sudzha in the Kursk region are waiting for news of the town, Ukrainian officials said."}"#,
    );
    write(
        HARBOUR,
        r#"{"title": "Harbour bridge reopens after repairs", "author": "Tom Reed", "date": "2025-03-01T12:00:00Z", "source": "Coast Daily",
            "body": "The harbour bridge reopened to traffic on Saturday after three months of repairs to its steel deck, the port authority said."}"#,
    );
    tmp
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = newsidx().args(args).arg(dir).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Paths of the hits of `query` (all of them), in output order.
fn paths(dir: &Path, query: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["search", query, "--json", "--all"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    assert!(code == Some(0) || code == Some(1), "{query}: {err}");
    out.lines()
        .map(|l| serde_json::from_str::<Hit>(l).unwrap().path)
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn set(items: &[&str]) -> Vec<String> {
    sorted(items.iter().map(|s| s.to_string()).collect())
}

#[test]
fn query_forms_find_what_they_say() {
    let c = corpus();
    let d = c.path();
    let cases: &[(&str, &[&str])] = &[
        // Prefix: a real prefix query, on default fields and on a field.
        ("Sudz*", &[EN, RU, ACCENT, UNDATED]),
        ("title:Sudz*", &[EN, RU, ACCENT, UNDATED]),
        ("\"Ukrainian contr*\"", &[EN]),
        // Typos: edit distance, a transposition counts one.
        ("Sudzja~1", &[EN, RU, ACCENT, UNDATED]),
        ("Sudzja~1 -Sudza", &[EN, RU, UNDATED]),
        ("Sduzha~1", &[EN, RU, UNDATED]),
        ("Petorva~1", &[EN, UNDATED]),
        // Headline and body are searched as one text (BM25F) for words, but a phrase never
        // runs from the headline into the body; a headline-only word or phrase is found.
        ("reopens", &[HARBOUR]),
        ("\"troops hold\"", &[EN]),
        ("\"Sudzha Ukrainian\"", &[]),
        ("/sudzh.*/", &[EN, RU, UNDATED]),
        // Phrase slop stays phrase slop.
        ("\"troops Sudzha\"~3", &[EN]),
        ("\"troops Sudzha\"", &[]),
        // Exclusion, and a query of only exclusions.
        ("Sudzha -Kursk", &[]),
        ("Sudzha -Kursk*", &[]),
        ("Sudzha -Kyiv", &[EN, RU, UNDATED]),
        ("-Sudzha", &[ACCENT, HARBOUR]),
        ("NOT Sudzha NOT harbour", &[ACCENT]),
        // Accents and case fold; Cyrillic and Latin meet in the romanisation.
        ("Sudža", &[ACCENT]),
        ("Sudza", &[ACCENT]),
        ("SUDZA", &[ACCENT]),
        ("cafe", &[ACCENT]),
        ("café", &[ACCENT]),
        ("Sudzha", &[EN, RU, UNDATED]),
        ("Суджа", &[EN, RU, UNDATED]),
        ("Kurskoy", &[RU]),
        // `Курской` also indexes its Russian stem, `курск`: Kursk.
        ("Kursk", &[EN, RU, UNDATED]),
        // Dates: whole years, months, days, inclusive ranges, open ranges.
        ("date:2025", &[EN, ACCENT, HARBOUR]),
        ("date:2025-02", &[EN]),
        ("date:2025-02-13", &[EN]),
        ("date:2024", &[RU]),
        ("date:[2025-01-01 TO 2025-01-31]", &[ACCENT]),
        ("date:[2024-12 TO 2025-01]", &[RU, ACCENT]),
        ("date:>=2025-02", &[EN, HARBOUR]),
        ("date:>2025-02", &[HARBOUR]),
        ("date:<2025", &[RU]),
        ("date:[2025-02-13 TO *]", &[EN, HARBOUR]),
        // Regression (query fuzzer): a year past 2262 overflowed tantivy's dates.
        ("date:[2025-02 TO 3300-03]", &[EN, HARBOUR]),
        // Fields and languages.
        ("author:Petrova", &[EN, UNDATED]),
        ("authors:\"Anna Petrova\"", &[EN, UNDATED]),
        ("lang:ru", &[RU]),
        ("lang:RU", &[RU]),
        ("source:\"wire east\"", &[EN, UNDATED]),
        ("path:ru/*", &[RU]),
        ("date:* -Sudzha", &[ACCENT, HARBOUR]),
    ];
    for (q, want) in cases {
        assert_eq!(sorted(paths(d, q, &[])), set(want), "query {q}");
    }
}

#[test]
fn since_and_until_take_whole_periods() {
    let c = corpus();
    let d = c.path();
    let cases: &[(&[&str], &[&str])] = &[
        (&["--since", "2025-02"], &[EN]),
        (&["--until", "2025-01"], &[RU, ACCENT]),
        (&["--since", "2025", "--until", "2025-01-31"], &[ACCENT]),
        (&["--since", "2024-12-30", "--until", "2024-12-30"], &[RU]),
    ];
    for (flags, want) in cases {
        assert_eq!(sorted(paths(d, "Sudz*", flags)), set(want), "{flags:?}");
    }
    let (code, _, err) = run(d, &["search", "Sudzha", "--since", "last week"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`last week` is not a date"), "{err}");
}

#[test]
fn sort_by_date_both_ways_with_undated_last() {
    let c = corpus();
    let d = c.path();
    assert_eq!(
        paths(d, "Sudz*", &["--sort", "date"]),
        [EN, ACCENT, RU, UNDATED]
    );
    assert_eq!(
        paths(d, "Sudz*", &["--sort", "date-asc"]),
        [RU, ACCENT, EN, UNDATED]
    );
    // Paging by date: the second page starts where the first ended.
    assert_eq!(
        paths(
            d,
            "Sudz*",
            &["--sort", "date", "--offset", "1", "--limit", "2"]
        )
        .len(),
        4,
        "--all ignores --limit"
    );
    let (_, out, _) = run(
        d,
        &[
            "search", "Sudz*", "--sort", "date", "--offset", "1", "-n", "2", "--json",
        ],
    );
    let page: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<Hit>(l).unwrap().path)
        .collect();
    assert_eq!(page, [ACCENT, RU]);
}

#[test]
fn prefix_and_typo_matches_are_highlighted_in_snippets() {
    let c = corpus();
    for q in ["Sudz*", "Sudzja~1"] {
        let (_, out, _) = run(c.path(), &["search", q, "--json", "--all"]);
        let hit: Hit = out
            .lines()
            .map(|l| serde_json::from_str::<Hit>(l).unwrap())
            .find(|h| h.path == EN)
            .unwrap();
        let marked: Vec<&str> = hit
            .highlights
            .iter()
            .map(|&(a, b)| &hit.snippet[a..b])
            .collect();
        assert!(
            marked.contains(&"Sudzha"),
            "{q}: {marked:?} in {}",
            hit.snippet
        );
    }
    // Snippets keep the original script of a Cyrillic article.
    let (_, out, _) = run(c.path(), &["search", "Sudzha", "--json", "--all"]);
    let ru: Hit = out
        .lines()
        .map(|l| serde_json::from_str::<Hit>(l).unwrap())
        .find(|h| h.path == RU)
        .unwrap();
    let marked: Vec<&str> = ru
        .highlights
        .iter()
        .map(|&(a, b)| &ru.snippet[a..b])
        .collect();
    assert_eq!(marked, ["Суджа"], "{}", ru.snippet);
}

#[test]
fn bad_queries_name_the_problem_and_its_position() {
    let c = corpus();
    let cases = [
        (
            "publisher:Reuters",
            "unknown field `publisher`",
            "known fields: title, body, author",
        ),
        ("Sudzha~3", "edit distance 3 is too large", "word~2"),
        // Regression: a sloppy phrase of common words at ~100000 took every byte of memory.
        (
            "\"the of and to in a is that\"~100000",
            "slop 100000 is too large",
            "\"two words\"~100",
        ),
        // ... and twenty `the` at ~100 took 24 GB.
        (
            "\"the the the the the the the the the the the the the the the the the the the the\"~100",
            "`the` comes more than 2 times",
            "drop the repeated words",
        ),
        (
            "date:yesterday",
            "`yesterday` is not a date",
            "date:2024-08",
        ),
        ("title:[a TO b]", "ranges work on dates only", "date:["),
        ("\"unclosed", "a quote is not closed", "close the phrase"),
        ("\"...\"", "has no word to search for", "punctuation"),
    ];
    for (q, message, hint) in cases {
        let (code, _, err) = run(c.path(), &["search", q]);
        assert_eq!(code, Some(2), "{q}: {err}");
        assert!(err.contains(message), "{q}: {err}");
        assert!(err.contains(hint), "{q}: {err}");
        assert!(err.contains("^"), "{q}: caret missing: {err}");
    }
}

#[test]
fn language_is_detected_and_declared_languages_are_normalised() {
    let c = corpus();
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(c.path().join(RU))
        .arg(c.path().join(ACCENT))
        .output()
        .unwrap();
    let langs: Vec<Option<String>> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<ExtractedArticle>(l)
                .unwrap()
                .article
                .lang
        })
        .collect();
    assert_eq!(langs, [Some("ru".to_string()), Some("en".to_string())]);
}

#[derive(Deserialize)]
struct FacetLine {
    facets: std::collections::BTreeMap<String, Vec<FacetCount>>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct FacetCount {
    value: String,
    count: u64,
}

#[test]
fn facets_count_the_whole_matching_set() {
    let c = corpus();
    let (code, out, err) = run(
        c.path(),
        &[
            "search", "Sudz*", "--json", "-n", "1", "--facet", "author", "--facet", "year",
            "--facet", "lang", "--facet", "source",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "one hit, then the facets line: {out}");
    let facets = serde_json::from_str::<FacetLine>(lines[1]).unwrap().facets;
    let counts = |k: &str| -> Vec<(String, u64)> {
        facets[k]
            .iter()
            .map(|c| (c.value.clone(), c.count))
            .collect()
    };
    assert_eq!(
        counts("author"),
        [
            ("Anna Petrova".to_string(), 2),
            ("Marek Dvořák".to_string(), 1)
        ]
    );
    assert_eq!(
        counts("year"),
        [("2025".to_string(), 2), ("2024".to_string(), 1)]
    );
    assert_eq!(
        counts("lang"),
        [("en".to_string(), 3), ("ru".to_string(), 1)]
    );
    assert_eq!(counts("source"), [("Wire East".to_string(), 2)]);
    // Text output lists them after the hits.
    let (_, text, _) = run(c.path(), &["search", "Sudz*", "--facet", "author"]);
    assert!(
        text.contains("author (stories):\n  2  Anna Petrova\n  1  Marek Dvořák"),
        "{text}"
    );
    let (code, _, err) = run(c.path(), &["search", "Sudz*", "--facet", "publisher"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown facet `publisher`"), "{err}");
}

/// tantivy's more-like-this asserted that the live documents outnumber a word's document
/// frequency, which still counts deleted documents until a merge: after a file changed,
/// `similar` panicked.
#[test]
fn similar_after_a_file_changed_does_not_panic() {
    let c = corpus();
    assert_eq!(run(c.path(), &["index"]).0, Some(0));
    std::fs::remove_file(c.path().join(HARBOUR)).unwrap();
    let undated = c.path().join(UNDATED);
    let text = std::fs::read_to_string(&undated).unwrap();
    std::fs::write(&undated, text.replace("waiting", "still waiting")).unwrap();
    assert_eq!(run(c.path(), &["index"]).0, Some(0));
    let out = newsidx()
        .args(["similar", EN, "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let first: Hit =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first.path, UNDATED);
}

#[test]
fn similar_finds_related_articles_and_never_the_article_itself() {
    let c = corpus();
    // Index first (similar reads the index as it is).
    assert_eq!(run(c.path(), &["index"]).0, Some(0));
    for target in [c.path().join(EN).display().to_string(), EN.to_string()] {
        let out = newsidx()
            .args(["similar", &target, "--json"])
            .arg(c.path())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let hits: Vec<Hit> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert!(hits.iter().all(|h| h.path != EN), "{target}");
        assert_eq!(
            hits.first().map(|h| h.path.as_str()),
            Some(UNDATED),
            "{target}"
        );
    }
    let out = newsidx()
        .args(["similar", "no/such/file.txt"])
        .arg(c.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article no/such/file.txt"));
}

#[test]
fn russian_inflections_meet_through_their_stem() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(
        d.join("nom.json"),
        r#"{"title": "Город Суджа", "text": "Суджа остаётся под контролем украинских войск, заявили военные во вторник вечером."}"#,
    )
    .unwrap();
    std::fs::write(
        d.join("gen.json"),
        r#"{"title": "Жители уезжают", "text": "Жители Суджи уезжают из города, сообщили волонтёры в среду утром."}"#,
    )
    .unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("Суджа", &["gen.json", "nom.json"]),
        ("Суджи", &["gen.json", "nom.json"]),
        ("Судже", &["gen.json", "nom.json"]),
        // The Latin spelling meets the whole word and, through the Russian stem of its
        // Cyrillic spelling, the other case forms.
        ("Sudzha", &["gen.json", "nom.json"]),
        ("sudzhi", &["gen.json", "nom.json"]),
        ("\"Жители Суджи\"", &["gen.json"]),
    ];
    for (q, want) in cases {
        assert_eq!(sorted(paths(d, q, &[])), set(want), "query {q}");
    }
    let (_, out, _) = run(d, &["search", "Суджа", "--json", "--all"]);
    let (_, latin, _) = run(d, &["search", "Sudzha", "--json", "--all"]);
    for line in out.lines().chain(latin.lines()) {
        let hit: Hit = serde_json::from_str(line).unwrap();
        let marked: Vec<&str> = hit
            .highlights
            .iter()
            .map(|&(a, b)| &hit.snippet[a..b])
            .collect();
        assert_eq!(marked.len(), 1, "{}: {marked:?}", hit.path);
        assert!(marked[0].starts_with("Судж"), "{marked:?}");
    }
}
