//! Regression tests for defects a new user met (each test is named after the defect it
//! guards against): data lost or hidden, wrong dates, refusals, friction. The binary runs
//! as a user runs it, in temp folders; JSON output is parsed back.

mod common;

use std::path::Path;

use newsidx::app::Stats;
use newsidx::index::Summary;
use newsidx::search::Hit;

use common::newsidx;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn article(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

fn hits(stdout: &[u8]) -> Vec<Hit> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| l.starts_with("{\"id\""))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn index_json(corpus: &Path, extra: &[&str]) -> Summary {
    let out = newsidx()
        .args(["index", "--json"])
        .args(extra)
        .arg(corpus)
        .output()
        .unwrap();
    serde_json::from_slice(&common::stdout_of_success(out)).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn indexing_another_corpus_into_an_index_replaced_it_silently() {
    let tmp = tempfile::tempdir().unwrap();
    let (news, other, idx) = (
        tmp.path().join("news"),
        tmp.path().join("other"),
        tmp.path().join("idx"),
    );
    write(&news, "a.txt", &article("Kursk", "Fighting near Kursk."));
    write(&news, "b.txt", &article("Sudzha", "Sudzha is in Kursk."));
    write(&other, "c.txt", &article("Budget", "The council budget."));
    index_json(&news, &["--index", idx.to_str().unwrap()]);

    // The typo: the other corpus into the same index, by --index and by NEWSIDX_INDEX.
    let by_flag = newsidx()
        .args(["index", "--index"])
        .arg(&idx)
        .arg(&other)
        .output()
        .unwrap();
    let by_env = newsidx()
        .args(["search", "budget"])
        .arg(&other)
        .env("NEWSIDX_INDEX", &idx)
        .output()
        .unwrap();
    for out in [&by_flag, &by_env] {
        assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
        let e = stderr(out);
        assert!(
            e.contains("holds the corpus") && e.contains("--rebuild"),
            "{e}"
        );
        assert!(
            e.contains(&news.canonicalize().unwrap().display().to_string()),
            "{e}"
        );
    }
    let s = newsidx()
        .args(["stats", "--json", "--index"])
        .arg(&idx)
        .output()
        .unwrap();
    let s: Stats = serde_json::from_slice(&common::stdout_of_success(s)).unwrap();
    assert_eq!(
        s.documents, 2,
        "the first corpus's articles are all still there"
    );

    // On purpose: --rebuild replaces them.
    let replaced = index_json(&other, &["--index", idx.to_str().unwrap(), "--rebuild"]);
    assert_eq!((replaced.indexed, replaced.documents), (1, 1));
}

#[test]
fn a_corpus_moved_with_its_index_is_still_its_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let before = tmp.path().join("news");
    write(&before, "a.txt", &article("Kursk", "Fighting near Kursk."));
    index_json(&before, &[]);
    let after = tmp.path().join("news-2025");
    std::fs::rename(&before, &after).unwrap();
    let s = index_json(&after, &[]);
    assert_eq!(s.documents, 1);
}

#[test]
fn raising_a_limit_did_not_bring_skipped_files_back() {
    let tmp = tempfile::tempdir().unwrap();
    let big = "Long report about the harbour. ".repeat(40_000); // about 1.2 MB
    write(tmp.path(), "big.txt", &article("Harbour", &big));
    write(tmp.path(), "small.txt", &article("Small", "A small story."));
    let first = index_json(tmp.path(), &["--max-file-mb", "1"]);
    assert_eq!(first.skipped.len(), 1, "{first:?}");
    assert!(first.skipped[0].reason.contains("1 MiB"), "{first:?}");
    // Same limit: still skipped, still listed.
    let same = index_json(tmp.path(), &["--max-file-mb", "1"]);
    assert_eq!(same.skipped.len(), 1, "{same:?}");
    let raised = index_json(tmp.path(), &["--max-file-mb", "10"]);
    assert!(raised.skipped.is_empty(), "{raised:?}");
    assert_eq!((raised.indexed + raised.updated, raised.documents), (1, 2));
}

#[test]
fn problems_were_reported_on_the_first_run_only() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "lines.jsonl",
        "{\"title\":\"A\",\"text\":\"First brief.\"}\n{broken\n{\"title\":\"B\",\"text\":\"Second brief.\"}\n",
    );
    for run in 0..3 {
        let s = index_json(tmp.path(), &[]);
        assert_eq!(s.problems.len(), 1, "run {run}: {s:?}");
        assert_eq!(s.problems[0].path, "lines.jsonl");
        assert!(s.problems[0].reason.starts_with("line 2"), "{s:?}");
    }
    let out = newsidx()
        .args(["stats", "--json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let st: Stats = serde_json::from_slice(&common::stdout_of_success(out)).unwrap();
    assert_eq!(st.problems.len(), 1, "{st:?}");
    assert!(st.problems[0].reason.starts_with("line 2"), "{st:?}");
}

#[test]
fn summary_did_not_add_up_and_hid_special_and_hidden_entries() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", &article("One", "First story."));
    write(
        tmp.path(),
        "dir.txt/b.txt",
        &article("Two", "Second story."),
    );
    write(tmp.path(), "notes.pdf", "%PDF");
    write(tmp.path(), ".draft.txt", &article("Draft", "Hidden story."));
    write(tmp.path(), ".git/config", "x");
    let fifo = tmp.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let s = index_json(tmp.path(), &[]);
    assert_eq!(
        s.files_seen,
        s.indexed + s.updated + s.unchanged + s.skipped.len(),
        "{s:?}"
    );
    assert_eq!(
        s.indexed, 2,
        "a folder named dir.txt is a folder: its file is read"
    );
    assert_eq!(s.hidden, 2, "{s:?}");
    assert!(s.skipped.iter().any(|k| k.path == "notes.pdf"), "{s:?}");
    if made {
        assert!(
            s.skipped
                .iter()
                .any(|k| k.path == "pipe.txt" && k.reason.contains("not a regular file")),
            "{s:?}"
        );
    }
    let text = newsidx().arg("index").arg(tmp.path()).output().unwrap();
    let text = String::from_utf8(common::stdout_of_success(text)).unwrap();
    assert!(
        text.contains("2 entries whose names start with `.`"),
        "{text}"
    );
}

#[test]
fn dates_lost_the_pages_own_day() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "late.json",
        r#"{"title": "Late night vote in Ottawa", "text": "The vote ended late.", "date": "2025-01-31T23:30:00-05:00"}"#,
    );
    write(
        tmp.path(),
        "early.json",
        r#"{"title": "Early vote in Tokyo", "text": "The vote ended early.", "date": "2025-02-01T07:00:00+09:00"}"#,
    );
    let out = newsidx()
        .args(["search", "vote", "--json", "--sort", "date-asc"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let h = hits(&common::stdout_of_success(out));
    let dates: Vec<_> = h.iter().map(|h| h.date.clone().unwrap()).collect();
    // Tokyo's 1 February 07:00 is 31 January 22:00 UTC, before Ottawa's vote: each
    // is shown, filtered and sorted by its own calendar, as it states it.
    assert_eq!(
        dates,
        ["2025-01-31T23:30:00-05:00", "2025-02-01T07:00:00+09:00"]
    );
    for (flags, want) in [
        (vec!["--until", "2025-01-31"], vec!["late.json"]),
        (vec!["--since", "2025-02"], vec!["early.json"]),
    ] {
        let out = newsidx()
            .args(["search", "vote", "--json"])
            .args(&flags)
            .arg(tmp.path())
            .output()
            .unwrap();
        let paths: Vec<_> = hits(&out.stdout).into_iter().map(|h| h.path).collect();
        assert_eq!(paths, want, "{flags:?}");
    }
    let out = newsidx()
        .args(["search", "date:2025-01-31", "--json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let paths: Vec<_> = hits(&out.stdout).into_iter().map(|h| h.path).collect();
    assert_eq!(paths, ["late.json"]);
    let text = newsidx()
        .args(["search", "Ottawa"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8(common::stdout_of_success(text)).unwrap();
    assert!(text.contains("2025-01-31"), "{text}");
}

#[test]
fn search_refused_while_an_index_run_was_working() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        &article("Blair speech", "Tony Blair spoke."),
    );
    index_json(tmp.path(), &[]);
    write(
        tmp.path(),
        "b.txt",
        &article("Blair again", "Blair spoke again."),
    );
    // Another process's index run holds the writer lock.
    let idx = newsidx::index::NewsIndex::open(&tmp.path().join(".newsidx")).unwrap();
    let writer: tantivy::IndexWriter = idx.tantivy().writer(15_000_000).unwrap();
    let out = newsidx()
        .args(["search", "Blair", "--json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("another newsidx process"),
        "{}",
        stderr(&out)
    );
    assert_eq!(hits(&out.stdout).len(), 1, "the last commit is searched");
    for cmd in [vec!["quotes", "--speaker", "Blair"], vec!["speakers"]] {
        let out = newsidx().args(&cmd).arg(tmp.path()).output().unwrap();
        assert_ne!(out.status.code(), Some(2), "{cmd:?}: {}", stderr(&out));
    }
    drop(writer);
}

#[test]
fn json_into_head_was_a_broken_pipe_error() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            tmp.path(),
            &format!("a{i}.txt"),
            &article(
                &format!("Story {i}"),
                "\"We will win this vote,\" said Tony Blair. \"It matters,\" said Gordon Brown.",
            ),
        );
    }
    index_json(tmp.path(), &[]);
    let bin = assert_cmd::cargo::cargo_bin("newsidx");
    for args in [
        vec!["search", "said", "--all", "--json", "--no-update"],
        vec!["quotes", "--json", "-n", "1000"],
        vec!["speakers", "--json"],
        vec!["similar", "a1.txt", "--json", "-n", "40"],
    ] {
        let mut child = std::process::Command::new(&bin)
            .args(&args)
            .arg(tmp.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_file_given_as_the_corpus_made_a_cache_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let file = tmp.path().join("README.md");
    std::fs::write(&file, "# Not a corpus\n").unwrap();
    let out = newsidx()
        .args(["search", "Sudzha"])
        .arg(&file)
        .env("NEWSIDX_CACHE_DIR", &cache)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a folder"), "{}", stderr(&out));
    assert!(!cache.exists(), "nothing is created for a file");
}

#[test]
fn a_page_past_the_hits_and_zero_hits_per_page_looked_like_success() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        &article("Kursk", "Fighting near Kursk."),
    );
    let out = newsidx()
        .args(["search", "Kursk", "--offset", "5000"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no hits on this page"),
        "{}",
        stderr(&out)
    );
    let out = newsidx()
        .args(["search", "Kursk", "-n", "0"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("at least 1"), "{}", stderr(&out));
}

#[test]
fn errors_repeated_the_os_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = newsidx()
        .arg("extract")
        .arg(tmp.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert_eq!(e.matches("os error 2").count(), 1, "{e}");
}

#[test]
fn every_syntax_error_got_the_hint_to_close_quotes() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        &article("Kursk", "Fighting near Kursk."),
    );
    for (query, want) in [
        ("AND", "needs a word on each side"),
        ("Blair AND", "needs a word on each side"),
        ("Blair^x", "boost must be a number"),
        ("a:b:c", "more than one `field:`"),
        ("\"swap one", "quote is not closed"),
        ("(Kursk OR Sudzha", "not closed"),
    ] {
        let out = newsidx()
            .args(["search", query])
            .arg(tmp.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{query}");
        let e = stderr(&out);
        assert!(e.contains(want), "{query}: {e}");
        assert!(!e.contains("close quotes and brackets"), "{query}: {e}");
    }
}

#[test]
fn extract_of_a_folder_said_unsupported_file_type() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", &article("One", "First story."));
    write(tmp.path(), "sub/b.md", "# Two\n\nSecond story.\n");
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8(common::stdout_of_success(out)).unwrap();
    let titles: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    assert_eq!(titles, ["\"One\"", "\"Two\""]);
}

#[test]
fn stats_help_did_not_describe_json() {
    let out = newsidx().args(["stats", "--help"]).output().unwrap();
    let help = String::from_utf8(common::stdout_of_success(out)).unwrap();
    let line = help
        .lines()
        .find(|l| l.trim_start().starts_with("--json"))
        .unwrap();
    assert!(line.trim() != "--json", "{help}");
}

#[test]
fn sudzha_missed_russian_coverage_of_sudzha() {
    let tmp = tempfile::tempdir().unwrap();
    // Every case form, in Russian and in Ukrainian, of the seed's names.
    let names: &[(&str, &[&str])] = &[
        (
            "Sudzha",
            &[
                "Суджа",
                "Суджи",
                "Судже",
                "Суджу",
                "Суджей",
                "Суджі",
                "Суджею",
            ],
        ),
        (
            "Kursk",
            &[
                "Курск",
                "Курска",
                "Курску",
                "Курском",
                "Курске",
                "Курськ",
                "Курська",
                "Курську",
                "Курськом",
            ],
        ),
        (
            "Peskov",
            &[
                "Песков",
                "Пескова",
                "Пескову",
                "Песковым",
                "Пескове",
                "Пескові",
                "Песковим",
            ],
        ),
        (
            "Zelenskyy",
            &[
                "Зеленский",
                "Зеленского",
                "Зеленскому",
                "Зеленским",
                "Зеленском",
                "Зеленський",
                "Зеленського",
                "Зеленському",
                "Зеленським",
                "Зеленськім",
            ],
        ),
        ("Kyiv", &["Київ", "Києва", "Києву", "Києві", "Києвом"]),
    ];
    for (n, (_, forms)) in names.iter().enumerate() {
        for (k, form) in forms.iter().enumerate() {
            write(
                tmp.path(),
                &format!("{n}/{k}.txt"),
                &article(
                    "Новости дня",
                    &format!("Сегодня говорили о том, что {form} снова в новостях."),
                ),
            );
        }
    }
    for (n, (latin, forms)) in names.iter().enumerate() {
        let out = newsidx()
            .args(["search", latin, "--all", "--json"])
            .arg(tmp.path())
            .output()
            .unwrap();
        let mut found: Vec<String> = hits(&out.stdout).into_iter().map(|h| h.path).collect();
        found.sort();
        let mut want: Vec<String> = (0..forms.len()).map(|k| format!("{n}/{k}.txt")).collect();
        want.sort();
        assert_eq!(found, want, "{latin} should find {forms:?}");
    }
}

#[test]
fn speakers_listed_one_person_several_times_and_non_people() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        &article(
            "Blair on schools",
            "\"We will build more schools,\" said Prime Minister Tony Blair.\n\n\"It is the right thing,\" Blair added.",
        ),
    );
    write(
        tmp.path(),
        "b.txt",
        &article(
            "Blair again",
            "\"Schools come first,\" Blair said on Monday.\n\n\"I'm Jewish,\" said the caller, who did not give a name.",
        ),
    );
    write(
        tmp.path(),
        "c.txt",
        &article(
            "Budget",
            "\"The budget is balanced,\" the government said.\n\n\"We are pleased,\" said Chancellor Gordon Brown.",
        ),
    );
    let out = newsidx()
        .args(["speakers", "--json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8(common::stdout_of_success(out)).unwrap();
    let listed: Vec<(String, u64)> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["speaker"].as_str().unwrap().to_string(),
                v["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("Tony Blair".to_string(), 2),
            ("Gordon Brown".to_string(), 1)
        ]
    );
    // The role is kept apart, in the article's quotes.
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(tmp.path().join("a.txt"))
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&common::stdout_of_success(out)).unwrap();
    assert_eq!(a["quotes"][0]["speaker"], "Tony Blair");
    assert_eq!(a["quotes"][0]["role"], "Prime Minister");
    assert_eq!(a["quotes"][1]["speaker"], "Tony Blair");
    // The facet and the field query use the same names.
    let out = newsidx()
        .args(["search", "schools", "--json", "--facet", "speaker"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8(common::stdout_of_success(out)).unwrap();
    let facets: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(facets["facets"]["speaker"][0]["value"], "Tony Blair");
    assert_eq!(facets["facets"]["speaker"][0]["count"], 2);
    let out = newsidx()
        .args(["search", "speaker:Blair", "--json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(hits(&common::stdout_of_success(out)).len(), 2);
}

/// Wire agencies had nowhere to go: `By AP`, `(Reuters)` datelines and `dpa` bylines are
/// credited in `agencies`, searchable (`agency:`), faceted and shown beside the authors.
#[test]
fn agencies_credited_by_bylines_and_datelines_are_kept_apart() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "wire.txt",
        "Senate passes budget\n\nWASHINGTON (Reuters) - The Senate passed the budget on Tuesday.\n\n(Reporting by Anna Petrova; Editing by Tom Brown)\n",
    );
    write(
        tmp.path(),
        "ap.txt",
        "Storm hits coast\n\nBy AP\n\nThe storm hit the coast and the budget for repairs grew.\n",
    );
    write(
        tmp.path(),
        "dpa.json",
        r#"{"title": "Haushalt beschlossen", "author": "Jan Weber, dpa", "text": "Der Bundestag hat den budget beschlossen."}"#,
    );
    let out = newsidx()
        .args(["extract", "--json"])
        .arg(tmp.path().join("wire.txt"))
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&common::stdout_of_success(out)).unwrap();
    assert_eq!(a["agencies"], serde_json::json!(["Reuters"]));
    assert_eq!(a["authors"], serde_json::json!(["Anna Petrova"]));
    assert!(!a["body"].as_str().unwrap().contains("Editing by"));

    for (query, want) in [
        ("agency:Reuters", vec!["wire.txt"]),
        ("agency:AP", vec!["ap.txt"]),
        ("agency:dpa", vec!["dpa.json"]),
    ] {
        let out = newsidx()
            .args(["search", query, "--json"])
            .arg(tmp.path())
            .output()
            .unwrap();
        let paths: Vec<String> = hits(&common::stdout_of_success(out))
            .into_iter()
            .map(|h| h.path)
            .collect();
        assert_eq!(paths, want, "{query}");
    }
    let out = newsidx()
        .args(["search", "budget", "--json", "--facet", "agency"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8(common::stdout_of_success(out)).unwrap();
    let found = hits(text.as_bytes());
    let dpa = found.iter().find(|h| h.path == "dpa.json").unwrap();
    assert_eq!(
        (dpa.authors.clone(), dpa.agencies.clone()),
        (vec!["Jan Weber".to_string()], vec!["dpa".to_string()])
    );
    let facets: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(facets["facets"]["agency"].as_array().unwrap().len(), 3);
    let out = newsidx()
        .args(["search", "Bundestag"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8(common::stdout_of_success(out)).unwrap();
    assert!(text.contains("Jan Weber, dpa"), "{text}");
}
