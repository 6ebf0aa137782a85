//! The binary as a user runs it, on copies of the bundled corpus in temp folders.
//! JSON output is parsed back into the library's types and checked.

mod common;

use newsidx::app::{ExtractedArticle, Stats};
use newsidx::index::Summary;
use newsidx::search::Hit;
use predicates::prelude::*;

use common::{json_lines, newsidx, search_json};

/// A copy of corpus/ in a temp folder, so tests never write into the checkout.
fn corpus_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_tree(&common::corpus(), tmp.path());
    tmp
}

const SEED: &str = "guardian-kremlin-rejects-territory-swap.txt";

#[test]
fn first_search_indexes_then_finds_the_seed() {
    let c = corpus_copy();
    let out = newsidx()
        .args(["search", "Sudzha", "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let hits = json_lines::<Hit>(&out.stdout);
    let seed = hits.iter().find(|h| h.path == SEED).expect("seed found");
    assert_eq!(seed.authors, ["Pjotr Sauer"]);
    assert!(seed.snippet.contains("Sudzha"), "{}", seed.snippet);
    // The JSONL brief about Sudzha is found too, with its line number.
    assert!(hits
        .iter()
        .any(|h| h.path == "wire/europe-briefs.jsonl" && h.record == Some(1)));
    assert!(c.path().join(".newsidx/meta.json").exists());
}

#[test]
fn seed_fields_are_searchable() {
    let c = corpus_copy();
    for q in [
        "speaker:Peskov",
        "quote:\"swap one territory\"",
        "author:Sauer",
        "speaker:Zelenskyy",
        "Sauer",
    ] {
        let hits = search_json::<Hit>(c.path(), q);
        assert!(hits.iter().any(|h| h.path == SEED), "{q}: {hits:?}");
    }
    // Residue never reaches the index.
    for q in ["\"newsletter promotion\"", "skylinenews", "\"Article by\""] {
        assert!(
            !search_json::<Hit>(c.path(), q)
                .iter()
                .any(|h| h.path == SEED),
            "{q}"
        );
    }
}

#[test]
fn every_format_is_indexed_and_json_summary_accounts_for_every_file() {
    let c = corpus_copy();
    std::fs::write(c.path().join("notes.pdf"), b"%PDF").unwrap();
    std::fs::write(c.path().join("empty.txt"), b"  \n").unwrap();
    std::fs::write(c.path().join("bad.json"), b"{\"title\": ").unwrap();
    let out = newsidx()
        .args(["index", "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Summary = serde_json::from_slice(&out.stdout).unwrap();
    // Every entry counted once: seen = indexed + skipped (notes.pdf included).
    assert_eq!(s.files_seen, 9, "{s:?}");
    assert_eq!(s.indexed, 6);
    let reasons: Vec<(&str, &str)> = s
        .skipped
        .iter()
        .map(|k| (k.path.as_str(), k.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|(p, r)| *p == "bad.json" && r.contains("line 1")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|(p, r)| *p == "empty.txt" && r.contains("empty")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|(p, r)| *p == "notes.pdf" && r.contains("unsupported")),
        "{reasons:?}"
    );
    assert_eq!(s.articles, 9);
    assert_eq!(s.documents, 9);
    for (q, path) in [
        ("Riverside", "local/riverside-flood-warning.txt"),
        ("libraries", "local/council-budget-vote.md"),
        ("\"harbour bridge\"", "web/harbour-bridge-reopens.html"),
        ("comet", "wire/science-roundup.json"),
        ("Belgium", "wire/europe-briefs.jsonl"),
    ] {
        let h = search_json::<Hit>(c.path(), q);
        assert!(h.iter().any(|h| h.path == path), "{q}: {h:?}");
    }
}

#[test]
fn incremental_update_adds_changes_and_removes_without_duplicates() {
    let c = corpus_copy();
    let index = |extra: &[&str]| -> Summary {
        let out = newsidx()
            .args(["index", "--json"])
            .args(extra)
            .arg(c.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let first = index(&[]);
    assert_eq!((first.indexed, first.documents), (6, 9));
    let again = index(&[]);
    assert_eq!(
        (
            again.indexed,
            again.updated,
            again.unchanged,
            again.documents
        ),
        (0, 0, 6, 9)
    );
    // Touching a file without changing it is confirmed by hash and not re-indexed.
    let seed = c.path().join(SEED);
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, &text).unwrap();
    std::fs::write(
        c.path().join("local/riverside-flood-warning.txt"),
        "Ferry story\n\nThe ferry sank in the Quorble estuary.\n",
    )
    .unwrap();
    std::fs::remove_file(c.path().join("wire/europe-briefs.jsonl")).unwrap();
    std::fs::write(
        c.path().join("new.txt"),
        "New story\n\nA zebracorn was seen.\n",
    )
    .unwrap();
    let third = index(&[]);
    assert_eq!(
        (third.indexed, third.updated, third.removed),
        (1, 1, 1),
        "{third:?}"
    );
    assert_eq!(third.documents, 9 - 3 + 1);
    assert_eq!(search_json::<Hit>(c.path(), "Quorble").len(), 1);
    assert!(search_json::<Hit>(c.path(), "Riverside").is_empty());
    assert!(search_json::<Hit>(c.path(), "Belgium").is_empty());
    let rebuilt = index(&["--rebuild"]);
    assert_eq!((rebuilt.indexed, rebuilt.documents), (6, 7));
    let out = newsidx()
        .args(["stats", "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    let stats: Stats = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats.documents, 7);
    assert_eq!(stats.files, 6);
    assert!(stats.bytes_on_disk > 0 && stats.segments >= 1);
    assert_eq!(
        stats.root.as_deref(),
        Some(c.path().canonicalize().unwrap().as_path())
    );
}

#[test]
fn explicit_index_dir_and_search_without_corpus() {
    let c = corpus_copy();
    let idx = tempfile::tempdir().unwrap();
    let dir = idx.path().join("idx");
    newsidx()
        .args(["index"])
        .arg(c.path())
        .arg("--index")
        .arg(&dir)
        .assert()
        .success();
    assert!(!c.path().join(".newsidx").exists());
    // The index remembers its corpus: --index alone searches (and updates) it.
    std::fs::write(
        c.path().join("late.txt"),
        "Late story\n\nThe wombat parade was cancelled.\n",
    )
    .unwrap();
    newsidx()
        .args(["search", "wombat", "--index"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("late.txt"));
    // NEWSIDX_INDEX names it too; --no-update leaves new files out.
    std::fs::write(c.path().join("later.txt"), "Later\n\nAn okapi escaped.\n").unwrap();
    newsidx()
        .args(["search", "okapi", "--no-update"])
        .env("NEWSIDX_INDEX", &dir)
        .assert()
        .code(1);
    // From inside the corpus, the nearest .newsidx is found.
    newsidx().args(["index"]).arg(c.path()).assert().success();
    newsidx()
        .args(["search", "Sudzha"])
        .current_dir(c.path().join("wire"))
        .assert()
        .success()
        .stdout(predicate::str::contains(SEED));
}

#[test]
fn no_index_anywhere_says_how_to_build_one() {
    let empty = tempfile::tempdir().unwrap();
    newsidx()
        .args(["search", "x"])
        .current_dir(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newsidx index CORPUS"));
}

/// Also as root, whom the permissions do not stop (CI runs as root: this test used to
/// skip itself there, and an index was written into a read-only shared corpus).
#[cfg(unix)]
#[test]
fn read_only_corpus_uses_the_cache_folder() {
    use std::os::unix::fs::PermissionsExt;
    let c = corpus_copy();
    let cache = tempfile::tempdir().unwrap();
    std::fs::set_permissions(c.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    newsidx()
        .args(["search", "Sudzha"])
        .arg(c.path())
        .env("NEWSIDX_CACHE_DIR", cache.path())
        .assert()
        .success();
    std::fs::set_permissions(c.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!c.path().join(".newsidx").exists());
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1);
}

#[test]
fn exit_codes_and_query_errors() {
    let c = corpus_copy();
    newsidx()
        .args(["search", "zzqxv"])
        .arg(c.path())
        .assert()
        .code(1)
        .stdout("");
    newsidx()
        .args(["search", "color:red"])
        .arg(c.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("position 0")
                .and(predicate::str::contains("unknown field `color`")),
        )
        .stderr(predicate::str::contains("known fields"));
    newsidx()
        .args(["search", "Kursk AND (Sudzha"])
        .arg(c.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("query error at position"));
    newsidx()
        .args(["search", "Sudzha", "--count"])
        .arg(c.path())
        .assert()
        .code(0)
        .stdout("2\n");
}

#[test]
fn dates_limits_and_offsets() {
    let c = corpus_copy();
    let h = search_json::<Hit>(c.path(), "date:2025-03");
    let mut paths: Vec<_> = h
        .iter()
        .map(|h| format!("{}#{}", h.path, h.record.unwrap_or(0)))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "{paths:?}");
    assert!(h
        .iter()
        .all(|h| h.date.as_deref().is_some_and(|d| d.starts_with("2025-03"))));
    let h = search_json::<Hit>(c.path(), "date:2024-09-02");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].title, "Harbour bridge reopens after two-year repair");
    assert_eq!(h[0].source.as_deref(), Some("Coastline Gazette"));
    // Paging: --limit and --offset cut the same ranking.
    let all = search_json::<Hit>(c.path(), "the");
    let page = newsidx()
        .args(["search", "the", "--json", "--limit", "2", "--offset", "1"])
        .arg(c.path())
        .output()
        .unwrap();
    let page = json_lines::<Hit>(&page.stdout);
    assert_eq!(page, all[1..3].to_vec());
}

#[test]
fn text_output_is_plain_when_piped_and_coloured_on_request() {
    let c = corpus_copy();
    newsidx()
        .args(["search", "Sudzha"])
        .arg(c.path())
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Pjotr Sauer").and(predicate::str::contains("\x1b[").not()),
        );
    newsidx()
        .args(["search", "Sudzha", "--color", "always"])
        .arg(c.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[1;31mSudzha\x1b[0m"));
}

#[test]
fn extract_json_round_trips() {
    let seed = common::corpus().join(SEED);
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success());
    let a: ExtractedArticle = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a.article.authors, ["Pjotr Sauer"]);
    let speakers: Vec<_> = a
        .article
        .quotes
        .iter()
        .map(|q| q.speaker.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        speakers.iter().filter(|s| s.ends_with("Zelenskyy")).count(),
        2
    );
    assert_eq!(speakers.iter().filter(|s| s.ends_with("Peskov")).count(), 3);
    for residue in ["after newsletter promotion", "Article by", "![]("] {
        assert!(!a.article.body.contains(residue));
    }
    let html = common::corpus().join("web/harbour-bridge-reopens.html");
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(&html)
        .output()
        .unwrap();
    let a: ExtractedArticle = serde_json::from_slice(&out.stdout).unwrap();
    // The offset the page states is kept (the same instant as 06:45 UTC).
    assert_eq!(a.article.date.as_deref(), Some("2024-09-02T07:45:00+01:00"));
    assert_eq!(
        a.article.url.as_deref(),
        Some("https://coastline.example/news/harbour-bridge-reopens")
    );
    for furniture in [
        "Skip to main content",
        "Accept all",
        "Related stories",
        "Sign up",
        "©",
        "analytics",
        "Photo:",
    ] {
        assert!(!a.article.body.contains(furniture), "{furniture}");
    }
    newsidx()
        .args(["extract", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn gzip_and_legacy_encodings_are_read() {
    use std::io::Write;
    let c = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"Gzip story\n\nThe narwhal surfaced near the pier.\n")
        .unwrap();
    std::fs::write(c.path().join("a.txt.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        c.path().join("b.txt"),
        b"Caf\xe9 story\n\nThe caf\xe9 on the corner reopened, d\xe9j\xe0 vu for regulars.\n",
    )
    .unwrap();
    assert_eq!(search_json::<Hit>(c.path(), "narwhal")[0].path, "a.txt.gz");
    let h = search_json::<Hit>(c.path(), "café");
    assert_eq!(h[0].path, "b.txt");
    assert_eq!(h[0].title, "Café story");
}

#[test]
fn broken_pipe_is_not_an_error() {
    let c = corpus_copy();
    newsidx().args(["index"]).arg(c.path()).assert().success();
    // The reader goes away before newsidx writes: its writes fail with EPIPE.
    let bin = assert_cmd::cargo::cargo_bin("newsidx");
    let mut child = std::process::Command::new(bin)
        .args(["search", "the", "--all", "--no-update"])
        .arg(c.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bench_reports_percentiles_and_flags_regressions_against_a_baseline() {
    use newsidx::bench::{Report, BUILT_IN};
    let c = corpus_copy();
    newsidx().arg("index").arg(c.path()).assert().success();
    let bench = |args: &[&str]| -> Report {
        let out = newsidx()
            .args(["bench", "--json"])
            .args(args)
            .arg(c.path())
            .output()
            .unwrap();
        serde_json::from_slice(&common::stdout_of_success(out)).unwrap()
    };
    let report = bench(&["--runs", "3", "--warmup", "1"]);
    assert_eq!(report.queries.len(), BUILT_IN.len());
    for q in &report.queries {
        assert!(
            q.p50_us > 0.0 && q.p50_us <= q.p95_us && q.p95_us <= q.p99_us,
            "{q:?}"
        );
    }
    let sudzha = report.queries.iter().find(|q| q.query == "Sudzha").unwrap();
    assert_eq!(sudzha.hits, 2);
    assert!(report.overall.qps > 0.0);

    // Queries timed as `search --sort date --facet author` runs them: same matches.
    let faceted = bench(&[
        "--runs", "2", "--warmup", "0", "--sort", "date", "--facet", "author", "--facet", "year",
    ]);
    let hits = |r: &Report| r.queries.iter().map(|q| q.hits).collect::<Vec<_>>();
    assert_eq!(hits(&faceted), hits(&report));

    // Against a baseline ten times faster everything regresses (exit 1); against one
    // ten times slower nothing does.
    for (factor, code, flagged) in [(0.1, 1, true), (10.0, 0, false)] {
        let mut base = report.clone();
        for q in &mut base.queries {
            q.p50_us *= factor;
            q.ci_low_us *= factor;
            q.ci_high_us *= factor;
        }
        base.overall.p50_us *= factor;
        let file = c.path().join(format!("baseline-{factor}.json"));
        std::fs::write(&file, serde_json::to_string(&base).unwrap()).unwrap();
        let out = newsidx()
            .args(["bench", "--runs", "3", "--baseline"])
            .arg(&file)
            .arg(c.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(code), "{text}");
        assert_eq!(text.contains("REGRESSION overall"), flagged, "{text}");
    }
}

/// `bench --peer`: raw tantivy's least work timed beside each query tantivy's parser
/// takes, none for the others, and the p50 ratio over the queries both ran.
#[test]
fn bench_times_raw_tantivy_beside_each_query_it_can_parse() {
    use newsidx::bench::Report;
    let c = corpus_copy();
    newsidx().arg("index").arg(c.path()).assert().success();
    let queries = c.path().join("queries.txt");
    // `date:2004` is newsidx's syntax (a year); tantivy's parser wants a full date.
    std::fs::write(
        &queries,
        "Sudzha\nterritory\n\"swap one territory\"\ndate:2004\n",
    )
    .unwrap();
    let run = |json: bool| {
        let out = newsidx()
            .args([
                "bench",
                "--peer",
                "--runs",
                "3",
                "--warmup",
                "1",
                "--queries",
            ])
            .arg(&queries)
            .args(json.then_some("--json"))
            .arg(c.path())
            .output()
            .unwrap();
        String::from_utf8(common::stdout_of_success(out)).unwrap()
    };
    let report: Report = serde_json::from_str(&run(true)).unwrap();
    let timed: Vec<(&str, bool)> = report
        .queries
        .iter()
        .map(|q| (q.query.as_str(), q.peer_p50_us.is_some_and(|p| p > 0.0)))
        .collect();
    assert_eq!(
        timed,
        [
            ("Sudzha", true),
            ("territory", true),
            ("\"swap one territory\"", true),
            ("date:2004", false)
        ]
    );
    let peer = report.peer.expect("peer figures");
    assert_eq!(peer.queries, 3);
    assert!(peer.newsidx_p50_us > 0.0 && peer.peer_p50_us > 0.0);
    assert!((peer.ratio - peer.newsidx_p50_us / peer.peer_p50_us).abs() < 1e-9);
    let text = run(false);
    assert!(
        text.contains("beside raw tantivy's least work (3 queries both ran)"),
        "{text}"
    );
    // Without --peer the report has no peer figures (and older baselines still read).
    let out = newsidx()
        .args(["bench", "--runs", "1", "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    let plain: Report = serde_json::from_slice(&common::stdout_of_success(out)).unwrap();
    assert!(plain.peer.is_none() && plain.queries.iter().all(|q| q.peer_p50_us.is_none()));
}

/// A peer program on the `--peer-bin` protocol: a shell script that takes every query but
/// dates, timing each at its first argument's microseconds.
fn peer_script(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("peer.sh");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn bench_times_a_peer_program_query_by_query() {
    use newsidx::bench::Report;
    let c = corpus_copy();
    newsidx().arg("index").arg(c.path()).assert().success();
    let queries = c.path().join("queries.txt");
    std::fs::write(&queries, "Sudzha\nterritory\ndate:2004\n").unwrap();
    let tools = tempfile::tempdir().unwrap();
    let peer = peer_script(
        tools.path(),
        r#"while read q; do case "$q" in date:*) echo "- 0";; *) echo "10 $1";; esac; done"#,
    );
    let out = newsidx()
        .args([
            "bench",
            "--runs",
            "3",
            "--warmup",
            "1",
            "--json",
            "--queries",
        ])
        .arg(&queries)
        .arg("--peer-bin")
        .arg(&peer)
        .args(["--peer-arg", "250.5"])
        .arg(c.path())
        .output()
        .unwrap();
    let report: Report = serde_json::from_slice(&common::stdout_of_success(out)).unwrap();
    let peers: Vec<Option<f64>> = report.queries.iter().map(|q| q.peer_p50_us).collect();
    assert_eq!(peers, [Some(250.5), Some(250.5), None]);
    let figures = report.peer.expect("peer figures");
    assert_eq!((figures.queries, figures.peer_p50_us), (2, 250.5));

    // An answer off the protocol is an error naming the program, the answer and the query.
    let broken = peer_script(tools.path(), "while read q; do echo oops; done");
    newsidx()
        .args(["bench", "--runs", "1", "--queries"])
        .arg(&queries)
        .arg("--peer-bin")
        .arg(&broken)
        .arg(c.path())
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("peer.sh")
                .and(predicate::str::contains("peer answer 1 (query `Sudzha`)"))
                .and(predicate::str::contains("it answered `oops`")),
        );
    // A peer that dies is named with the query it was given and how it ended.
    let dying = peer_script(tools.path(), "read q; exit 3");
    newsidx()
        .args(["bench", "--runs", "1", "--queries"])
        .arg(&queries)
        .arg("--peer-bin")
        .arg(&dying)
        .arg(c.path())
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("peer answer 1 (query `Sudzha`)")
                .and(predicate::str::contains("exit status: 3")),
        );
    // A program that is not there is named.
    newsidx()
        .args(["bench", "--runs", "1", "--peer-bin"])
        .arg(tools.path().join("missing"))
        .arg(c.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing"));
}
#[test]
fn quotes_answer_what_peskov_said_about_territory() {
    use newsidx::search::quote_search::QuoteHit;
    let c = corpus_copy();
    let quotes = |args: &[&str]| -> (Option<i32>, Vec<QuoteHit>) {
        let out = newsidx()
            .arg("quotes")
            .args(args)
            .arg("--json")
            .arg(c.path())
            .output()
            .unwrap();
        let list = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (out.status.code(), list)
    };
    let (code, found) = quotes(&["territory", "--speaker", "Peskov"]);
    assert_eq!(code, Some(0));
    assert_eq!(found.len(), 2, "{found:?}");
    for q in &found {
        assert_eq!(q.speaker.as_deref(), Some("Dmitry Peskov"));
        assert_eq!(q.path, SEED);
        let marked: Vec<&str> = q.highlights.iter().map(|&(a, b)| &q.quote[a..b]).collect();
        assert_eq!(marked, ["territory"], "{}", q.quote);
    }
    // Speaker names fold case; the full name works too; the quote text is not needed.
    assert_eq!(quotes(&["--speaker", "peskov"]).1.len(), 3);
    assert_eq!(quotes(&["--speaker", "Dmitry Peskov"]).1.len(), 3);
    assert_eq!(quotes(&["--speaker", "Zelenskyy"]).1.len(), 2);
    assert_eq!(quotes(&["--speaker", "Nobody"]), (Some(1), Vec::new()));

    let out = newsidx()
        .args(["speakers", "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    let speakers: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(speakers
        .iter()
        .any(|s| s["speaker"] == "Dmitry Peskov" && s["articles"] == 1));
}

/// Regression: `search Sudzha corpus` on a corpus whose `.newsidx` an older newsidx built
/// (other schema) failed with "built by another version"; with a corpus to update from,
/// the index is rebuilt.
#[test]
fn search_rebuilds_an_index_built_by_an_older_newsidx() {
    let c = corpus_copy();
    let dir = c.path().join(".newsidx");
    std::fs::create_dir_all(&dir).unwrap();
    let mut old = tantivy::schema::Schema::builder();
    old.add_text_field("title", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&dir, old.build()).unwrap();
    std::fs::write(dir.join(newsidx::index::manifest::MANIFEST_FILE), "{}").unwrap();
    // Without a corpus to rebuild from, the old index is refused with advice.
    let out = newsidx()
        .args(["search", "Sudzha", "--index"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rebuild"));
    let hits = search_json::<Hit>(c.path(), "Sudzha");
    assert!(hits.iter().any(|h| h.path == SEED), "{hits:?}");
}

/// A hit whose match is in a quote shows that quote and its speaker.
#[test]
fn search_hits_show_the_matched_quote_and_speaker() {
    let c = corpus_copy();
    let hits = search_json::<Hit>(c.path(), "expelled");
    let seed = hits.iter().find(|h| h.path == SEED).expect("seed found");
    let q = seed.quote.as_ref().expect("the match is in a quote");
    assert!(q.text.contains("will be expelled"), "{}", q.text);
    assert_eq!(q.speaker.as_deref(), Some("Dmitry Peskov"));
    let (s, e) = q.highlights[0];
    assert!(q.text[s..e].to_lowercase().starts_with("expel"));
    // A word outside every quote: no quote shown.
    let hits = search_json::<Hit>(c.path(), "Sudzha");
    let seed = hits.iter().find(|h| h.path == SEED).expect("seed found");
    assert_eq!(seed.quote, None);
    // Text output: the quote line names the speaker.
    let out = newsidx()
        .args(["search", "expelled", "--color", "never"])
        .arg(c.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("will be expelled") && text.contains("\u{2014} Dmitry Peskov"),
        "{text}"
    );
}

/// `extract` takes the size limits its error names (`--max-file-mb`), and a path that is
/// not there is said to be missing, not of an unsupported type (a folder's name).
#[test]
fn extract_takes_the_size_limits_and_names_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let para = "The council met on Tuesday and voted to rebuild the bridge.\n\n";
    std::fs::write(&big, para.repeat(20_000)).unwrap();
    let out = newsidx()
        .args(["extract", "--max-file-mb", "0"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("big.txt") && err.contains("--max-file-mb"),
        "{err}"
    );
    let out = newsidx()
        .args(["extract", "--json", "--max-file-mb", "2"])
        .arg(&big)
        .output()
        .unwrap();
    let articles: Vec<ExtractedArticle> = json_lines(&common::stdout_of_success(out));
    assert_eq!(articles.len(), 1);
    let missing = dir.path().join("no-such-folder");
    let out = newsidx()
        .arg("extract")
        .arg(format!("{}/", missing.display()))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-folder") && !err.contains("unsupported"),
        "{err}"
    );
}
