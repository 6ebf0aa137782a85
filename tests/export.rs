//! `newsidx export`: OpenSearch bulk files, the index body, NDJSON and `--since`, checked
//! structurally (no engine runs here; see tests/common/export.rs).

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

const RUSSIAN: &str = "Кремль отверг обмен территориями\n\n\
    Песков заявил, что Россия никогда не будет обсуждать обмен Суджи на другие земли.\n";

/// A copy of the bundled corpus with a Russian article, indexed in `tmp`.
fn indexed_corpus(tmp: &Path) -> std::path::PathBuf {
    let corpus = tmp.join("corpus");
    common::copy_tree(&common::corpus(), &corpus);
    std::fs::write(corpus.join("kreml.txt"), RUSSIAN).unwrap();
    common::stdout_of_success(
        common::newsidx()
            .arg("index")
            .arg(&corpus)
            .output()
            .unwrap(),
    );
    corpus
}

fn export(corpus: &Path, out: &Path, extra: &[&str]) -> Value {
    let stdout = common::stdout_of_success(
        common::newsidx()
            .arg("export")
            .arg(corpus)
            .arg("--out")
            .arg(out)
            .arg("--json")
            .args(extra)
            .output()
            .unwrap(),
    );
    serde_json::from_slice(&stdout).unwrap()
}

/// The standard error of an export that must exit 2.
fn refused(corpus: &Path, out: &Path, extra: &[&str]) -> String {
    let o = common::newsidx()
        .arg("export")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_opensearch_export_holds_every_article_once_with_search_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let out = tmp.path().join("export");
    let report = export(&corpus, &out, &["--name", "archive"]);
    let docs = common::export::check_opensearch(&out, "archive");
    // As many as `stats` counts, with the ids `search --json` gives.
    let stats: Value = serde_json::from_slice(&common::stdout_of_success(
        common::newsidx()
            .args(["stats", "--json"])
            .arg(&corpus)
            .output()
            .unwrap(),
    ))
    .unwrap();
    assert_eq!(docs.len() as u64, stats["documents"].as_u64().unwrap());
    assert_eq!(report["articles"].as_u64(), Some(docs.len() as u64));
    let hits: Vec<Value> = common::search_json(&corpus, "-zzqqxxnothing");
    let search_ids: BTreeSet<u64> = hits.iter().map(|h| h["id"].as_u64().unwrap()).collect();
    let export_ids: BTreeSet<u64> = docs.iter().map(|d| d["id"].as_u64().unwrap()).collect();
    assert_eq!(search_ids, export_ids);
    // Text as stored: Cyrillic unchanged; quotes with their speakers; the seed's byline.
    let kreml = docs.iter().find(|d| d["path"] == "kreml.txt").unwrap();
    assert_eq!(kreml["title"], "Кремль отверг обмен территориями");
    assert!(kreml["body"].as_str().unwrap().contains("обмен Суджи"));
    let seed = docs
        .iter()
        .find(|d| d["path"] == "guardian-kremlin-rejects-territory-swap.txt")
        .unwrap();
    assert_eq!(seed["authors"], serde_json::json!(["Pjotr Sauer"]));
    assert!(seed["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "Dmitry Peskov"));
    assert!(seed["quotes"].as_array().unwrap().len() >= 2);
    // The files the report names are the ones written.
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files[0].ends_with("archive.index.json") && files[1].ends_with("load.sh"));
    assert!(files[2].ends_with("archive-00001.ndjson"));
}

/// The index body (analyzers and mapping) as committed: a change to it is deliberate.
/// `NEWSIDX_BLESS=1` rewrites the golden file.
#[test]
fn the_index_body_is_the_golden_one() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/opensearch-index.json");
    let body = serde_json::to_string_pretty(&newsidx::export::index_body()).unwrap() + "\n";
    if std::env::var_os("NEWSIDX_BLESS").is_some() {
        std::fs::write(&golden, &body).unwrap();
    }
    assert_eq!(body, std::fs::read_to_string(&golden).unwrap());
}

#[test]
fn ndjson_and_since_export_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let out = tmp.path().join("feed");
    let all = export(&corpus, &out, &["--format", "ndjson"]);
    let lines = std::fs::read_to_string(out.join("news-00001.ndjson")).unwrap();
    assert_eq!(
        lines.lines().count() as u64,
        all["articles"].as_u64().unwrap()
    );
    assert!(!out.join("load.sh").exists() && !out.join("news.index.json").exists());
    for l in lines.lines() {
        let doc: Value = serde_json::from_str(l).unwrap();
        assert!(doc.get("index").is_none() && doc["id"].is_u64(), "{l}");
    }
    // Nothing written since tomorrow.
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let none = export(&corpus, &tmp.path().join("none"), &["--since", &tomorrow]);
    assert_eq!(none["articles"], 0);
    assert_eq!(none["unchanged"], all["articles"]);
    // One file changed after `since`: its article alone.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    std::fs::write(
        corpus.join("kreml.txt"),
        format!("{RUSSIAN}\nПесков добавил, что переговоры не ведутся.\n"),
    )
    .unwrap();
    common::stdout_of_success(
        common::newsidx()
            .arg("index")
            .arg(&corpus)
            .output()
            .unwrap(),
    );
    let feed = tmp.path().join("since");
    let changed = export(&corpus, &feed, &["--since", &since, "--format", "ndjson"]);
    assert_eq!(changed["articles"], 1, "{changed}");
    let doc: Value = serde_json::from_str(
        std::fs::read_to_string(feed.join("news-00001.ndjson"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert_eq!(doc["path"], "kreml.txt");
    assert!(doc["body"].as_str().unwrap().contains("переговоры"));
}

#[test]
fn an_export_into_the_corpus_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let out = corpus.join("export");
    assert!(refused(&corpus, &out, &[]).contains("is inside the corpus"));
    assert!(!out.exists());
}

/// An NDJSON export over an OpenSearch one of the same name leaves no load script that
/// would post its plain documents as bulk requests.
#[test]
fn a_plain_export_replaces_an_opensearch_one() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let out = tmp.path().join("out");
    export(&corpus, &out, &[]);
    assert!(out.join("load.sh").exists() && out.join("news.index.json").exists());
    std::fs::write(out.join("notes.sh"), "#!/bin/sh\n").unwrap();
    export(&corpus, &out, &["--format", "ndjson"]);
    assert!(!out.join("load.sh").exists() && !out.join("news.index.json").exists());
    assert!(
        out.join("notes.sh").exists(),
        "only newsidx's own files are removed"
    );
}

#[test]
fn a_bad_index_name_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let out = tmp.path().join("x");
    let err = refused(&corpus, &out, &["--name", "My News"]);
    assert!(err.contains("--name \"My News\": use letters, digits"));
    assert!(!out.exists());
}

/// Against a real cluster, only when `NEWSIDX_OPENSEARCH_URL` is set (no engine runs in
/// CI): `load.sh` creates the index and loads every article once, twice over.
#[test]
fn a_live_opensearch_loads_the_export_once() {
    let Ok(url) = std::env::var("NEWSIDX_OPENSEARCH_URL") else {
        println!("skipped: NEWSIDX_OPENSEARCH_URL is not set");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let out = tmp.path().join("export");
    let name = format!("newsidx-test-{}", std::process::id());
    let report = export(&corpus, &out, &["--name", &name]);
    let curl = |args: &[&str]| -> String {
        let o = std::process::Command::new("curl")
            .args(["-sS"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    for _ in 0..2 {
        let status = std::process::Command::new("sh")
            .arg(out.join("load.sh"))
            .env("OPENSEARCH_URL", &url)
            .status()
            .unwrap();
        assert!(status.success());
    }
    curl(&["-X", "POST", &format!("{url}/{name}/_refresh")]);
    let count: Value = serde_json::from_str(&curl(&[&format!("{url}/{name}/_count")])).unwrap();
    let found: Value = serde_json::from_str(&curl(&[&format!(
        "{url}/{name}/_search?q=authors.words:sauer"
    )]))
    .unwrap();
    curl(&["-X", "DELETE", &format!("{url}/{name}")]);
    assert_eq!(count["count"], report["articles"]);
    assert_eq!(found["hits"]["total"]["value"], 1);
}
