//! A messy corpus (old encodings, binary junk, empty files, a huge line, markup
//! nested 200,000 deep, truncated JSON, bad JSONL lines, fake gzip, a symlink loop, a
//! file name that is not UTF-8, an unreadable file). The run completes, every file is
//! accounted for (indexed, or skipped with its reason), and all good content is found.

mod common;

use std::io::Write;
use std::path::Path;

use newsidx::index::Summary;
use newsidx::search::Hit;

use common::newsidx;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// What must become of each file: found by its unique word, or skipped for a reason.
enum Expect {
    Found(&'static str),
    Skipped(&'static str),
}

#[test]
fn messy_corpus_is_indexed_or_accounted_for_and_nothing_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut expect: Vec<(String, Expect)> = Vec::new();
    let mut add = |rel: &str, bytes: &[u8], e: Expect| {
        write(d, rel, bytes);
        expect.push((rel.to_string(), e));
    };

    add(
        "latin1.txt",
        b"Le caf\xe9 zqlatin rouvre\n\nLe caf\xe9 du port a rouvert ses portes lundi, a annonc\xe9 la mairie.\n",
        Expect::Found("zqlatin"),
    );
    add(
        "cp1252.html",
        b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 reopens</title></head><body><article><p>The harbour caf\xe9 zqcp reopened on Monday, \x93a good day\x94, the owner said, after a long winter of repairs.</p></article></body></html>",
        Expect::Found("zqcp"),
    );
    add(
        "binary.txt",
        b"\x00\x01\x02\xff\xfe\x00PK\x03\x04\x00\x00garbage\x00",
        Expect::Skipped("binary"),
    );
    add(
        "image.html",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        Expect::Skipped("binary"),
    );
    add("empty.txt", b"", Expect::Skipped("empty"));
    add("blank.md", b"   \n\t\n  \n", Expect::Skipped("empty"));
    let mut huge = b"zqhuge ".repeat(30 << 20 >> 3);
    huge.push(b'\n');
    add("huge-line.txt", &huge, Expect::Skipped("article limit"));
    let deep = format!(
        "<html><body>{}<p>The zqdeep paragraph sits under two hundred thousand divs and is still found.</p>{}</body></html>",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    add("deep.html", deep.as_bytes(), Expect::Found("zqdeep"));
    add(
        "truncated.json",
        br#"{"title": "Cut off", "body": "zqtrunc never ends"#,
        Expect::Skipped("invalid JSON"),
    );
    add(
        "mixed.jsonl",
        b"{\"title\": \"One\", \"body\": \"zqgoodone is fine.\"}\n{\"title\": \"Bad\", \"body\": \nnot json at all\n{\"title\": \"Two\", \"body\": \"zqgoodtwo is fine too.\"}\n",
        Expect::Found("zqgoodtwo"),
    );
    add(
        "fake.txt.gz",
        b"zqfakegz is plain text with a .gz name\n",
        Expect::Skipped("gzip"),
    );
    // Web archives that are no archives: text and binary named .warc, an empty one, an
    // ARC file.
    add(
        "notes.warc.gz",
        b"zqnotwarc is plain text with a .warc.gz name\n",
        Expect::Skipped("no WARC record"),
    );
    add(
        "binary.warc",
        b"\x00\x01\x02\xff\xfe\x00PK\x03\x04\x00\x00garbage\x00",
        Expect::Skipped("no WARC record"),
    );
    add("empty.warc", b"", Expect::Skipped("no page in archive"));
    add(
        "old.arc.gz",
        b"filedesc://old.arc 0.0.0.0 20080101000000 text/plain 76\n",
        Expect::Skipped("ARC web archive"),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"Real gzip\n\nThe zqrealgz article was compressed.\n")
        .unwrap();
    add(
        "real.txt.gz",
        &gz.finish().unwrap(),
        Expect::Found("zqrealgz"),
    );

    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9-name.txt");
        std::fs::write(
            d.join(name),
            "Odd name\n\nThe zqoddname file has a Latin-1 name.\n",
        )
        .unwrap();
    }
    // Unreadable: mode 000 (root reads it anyway, and then it must be indexed).
    write(d, "locked.txt", b"Locked\n\nThe zqlocked article.\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.join("locked.txt"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
    }
    let locked_readable = std::fs::File::open(d.join("locked.txt")).is_ok();

    let out = newsidx().args(["index", "--json"]).arg(d).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let summary: Summary = serde_json::from_slice(&out.stdout).unwrap();
    let reason_of = |rel: &str| {
        summary
            .skipped
            .iter()
            .find(|s| s.path == rel)
            .map(|s| s.reason.clone())
    };
    let found = |word: &str| -> Vec<Hit> {
        let out = newsidx()
            .args(["search", word, "--json", "--no-update", "--index"])
            .arg(d.join(".newsidx"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };

    for (rel, e) in &expect {
        match e {
            Expect::Found(word) => {
                assert_eq!(reason_of(rel), None, "{rel} was skipped");
                let hits = found(word);
                assert_eq!(hits.len(), 1, "{rel}: {word} -> {hits:?}");
                assert_eq!(hits[0].path, *rel);
            }
            Expect::Skipped(why) => {
                let reason =
                    reason_of(rel).unwrap_or_else(|| panic!("{rel} not listed as skipped"));
                assert!(reason.contains(why), "{rel}: {reason}");
            }
        }
    }
    // Old encodings are decoded: `café` is found in both.
    let cafe: Vec<String> = found("café").into_iter().map(|h| h.path).collect();
    assert!(cafe.contains(&"latin1.txt".to_string()), "{cafe:?}");
    assert!(cafe.contains(&"cp1252.html".to_string()), "{cafe:?}");
    // The good JSONL lines are indexed; the bad one is reported with its line number.
    assert_eq!(found("zqgoodone").len(), 1);
    let problem = summary
        .problems
        .iter()
        .find(|p| p.path == "mixed.jsonl")
        .expect("bad JSONL line reported");
    assert!(problem.reason.contains("line 2"), "{}", problem.reason);
    // The symlink loop is reported, not followed forever; the odd name is indexed.
    #[cfg(unix)]
    {
        assert!(
            summary
                .skipped
                .iter()
                .any(|s| s.path == "loop" && s.reason.contains("loop")),
            "{:?}",
            summary.skipped
        );
        assert_eq!(found("zqoddname").len(), 1);
    }
    if locked_readable {
        assert_eq!(found("zqlocked").len(), 1);
    } else {
        assert!(reason_of("locked.txt").is_some_and(|r| r.contains("unreadable")));
    }
    // Every entry the walk saw is indexed or skipped: nothing silently dropped.
    assert_eq!(
        summary.indexed + summary.skipped.len(),
        summary.files_seen,
        "{summary:#?}"
    );
}
