//! Search recall against grep on ../shared/corpus/bbc: for every benchmark query
//! (terms, phrases, AND, OR), every file that `rg -i -w` lists must be among the
//! `search --all` hits. Uses `rg` when installed, else the same whole-word,
//! case-insensitive match with the regex crate.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use newsidx::search::{NewsSearcher, SearchOptions};

fn have_rg() -> bool {
    Command::new("rg")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Files (relative paths) in which `needle` occurs as whole words, ignoring case.
fn grep(root: &Path, needle: &str, use_rg: bool) -> BTreeSet<String> {
    if use_rg {
        let out = Command::new("rg")
            .args(["-l", "-i", "-w", "-F", "--", needle])
            .current_dir(root)
            .output()
            .expect("rg runs");
        return String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim_start_matches("./").to_string())
            .filter(|l| l.ends_with(".txt"))
            .collect();
    }
    let re = regex::Regex::new(&format!(
        r"(?i)(?:^|[^\w]){}(?:$|[^\w])",
        regex::escape(needle)
    ))
    .unwrap();
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .filter(|e| {
            let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
            text.lines().any(|l| re.is_match(l))
        })
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn every_grep_match_is_a_search_hit() {
    let Some(bbc) = common::shared("corpus/bbc") else {
        return;
    };
    let queries = std::fs::read_to_string(bbc.join("../../queries/bbc-dev.txt")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    let summary = idx
        .update(&bbc, &UpdateOptions::default(), &NoProgress)
        .unwrap();
    assert_eq!(summary.indexed, 2095, "{:?}", summary.skipped);
    let searcher = NewsSearcher::new(&idx).unwrap();
    let use_rg = have_rg();
    println!(
        "grep with {}",
        if use_rg {
            "rg"
        } else {
            "regex (rg not installed)"
        }
    );
    let (mut checked, mut found) = (0, 0);
    for q in queries.lines().map(str::trim).filter(|q| !q.is_empty()) {
        // The files grep says must match: one needle, all of `+a +b`, any of `a b`.
        let expected: BTreeSet<String> = if q.starts_with('"') {
            grep(&bbc, q.trim_matches('"'), use_rg)
        } else if q.starts_with('+') {
            let sets: Vec<_> = q
                .split_whitespace()
                .map(|t| grep(&bbc, t.trim_start_matches('+'), use_rg))
                .collect();
            sets[0]
                .iter()
                .filter(|p| sets[1..].iter().all(|s| s.contains(*p)))
                .cloned()
                .collect()
        } else {
            q.split_whitespace()
                .flat_map(|t| grep(&bbc, t, use_rg))
                .collect()
        };
        let opts = SearchOptions {
            query: q.to_string(),
            all: true,
            collapse: false,
            ..SearchOptions::default()
        };
        let hits: BTreeSet<String> = searcher
            .search(&opts)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.path)
            .collect();
        let missing: Vec<_> = expected.difference(&hits).collect();
        assert!(
            missing.is_empty(),
            "query {q}: {} grep matches not found: {missing:?}",
            missing.len()
        );
        if !q.starts_with('+') {
            assert!(
                !expected.is_empty(),
                "query {q} matches nothing in grep; the test would prove nothing"
            );
        }
        checked += 1;
        found += expected.len();
    }
    println!("{checked} queries: all {found} grep matches found among the hits");
    assert_eq!(checked, 60);
    // The same index exported for OpenSearch passes the structural checks, every article
    // once (here, where the corpus is already indexed).
    let out = tmp.path().join("export");
    let opts = newsidx::export::ExportOptions {
        format: newsidx::export::Format::OpenSearch,
        out: out.clone(),
        name: "bbc".into(),
        since: None,
        split_bytes: 2_000_000,
    };
    let report = newsidx::export::export(&idx, &opts).unwrap();
    let docs = common::export::check_opensearch(&out, "bbc");
    assert_eq!((docs.len(), report.articles), (2095, 2095));
    // 2 MB files: the corpus is split, each file within the limit (no article is
    // larger), no article across two files (checked above: lines in pairs).
    assert!(report.files.len() >= 2 + 3, "{:?}", report.files);
    for f in &report.files[2..] {
        assert!(
            std::fs::metadata(f).unwrap().len() <= 2_000_000,
            "{}",
            f.display()
        );
    }
    println!(
        "export: {} articles, {} files, {:.1} MB",
        report.articles,
        report.files.len(),
        report.bytes as f64 / 1e6
    );
}
