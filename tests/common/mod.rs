//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod export;
pub mod halves;
pub mod http;
pub mod serve;

use std::path::PathBuf;

/// `../shared` beside the checkout, when present. With `CI=true` a missing folder fails
/// the test; elsewhere the test prints a visible skip and returns `None`.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if dir.exists() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but {} is missing", dir.display());
    }
    eprintln!(
        "SKIPPED: {} is missing (set up ../shared to run this test)",
        dir.display()
    );
    None
}

/// The `newsidx` binary as a user runs it: no `NEWSIDX_INDEX` from the environment, no
/// colour.
pub fn newsidx() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("newsidx").unwrap();
    c.env_remove("NEWSIDX_INDEX").env("NO_COLOR", "1");
    c
}

/// The standard output of a run that must have exited 0; else fails with its stderr.
pub fn stdout_of_success(out: std::process::Output) -> Vec<u8> {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The project's bundled corpus.
pub fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Copies a folder tree (files only) into `to`.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        if rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// One JSON value per line of a command's output (`search --json`), parsed.
pub fn json_lines<T: serde::de::DeserializeOwned>(stdout: &[u8]) -> Vec<T> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every matching article of `newsidx search QUERY DIR --json --all --no-collapse`
/// (syndicated copies each a hit), parsed.
pub fn search_json<T: serde::de::DeserializeOwned>(dir: &std::path::Path, query: &str) -> Vec<T> {
    let out = newsidx()
        .args(["search", query, "--json", "--all", "--no-collapse"])
        .arg(dir)
        .output()
        .unwrap();
    json_lines(&out.stdout)
}
