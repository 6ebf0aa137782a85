//! Indexing with several tantivy indexing threads (each builds its own segments) or
//! several extraction threads gives the same search results, byte for byte, as one
//! thread, stories (`cluster`) included.

mod common;

#[test]
fn one_indexing_thread_or_several_give_the_same_results() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    common::copy_tree(&common::corpus(), &corpus);
    // More articles than threads, so that several segments are made.
    for i in 0..30 {
        std::fs::write(
            corpus.join(format!("extra-{i:02}.txt")),
            format!(
                "Council vote {i}\n\nThe council met on Monday to vote on the budget for the {i}th time. \
                 \"We will not raise taxes,\" said councillor Ann Lee. Kursk and Sudzha were not discussed.\n"
            ),
        )
        .unwrap();
    }
    let index = |name: &str, threads: Option<&str>| {
        let dir = tmp.path().join(name);
        let mut cmd = common::newsidx();
        cmd.arg("index").arg(&corpus).arg("--index").arg(&dir);
        match threads {
            Some(flag) if flag.starts_with("--") => {
                cmd.arg(flag);
            }
            Some(t) => {
                cmd.args(["--threads", t]);
            }
            None => {}
        }
        common::stdout_of_success(cmd.output().unwrap());
        dir
    };
    let one = index("one", Some("1"));
    let many = index("many", Some("--index-threads=3"));
    // Three extraction workers finish files out of order; the index takes them in order.
    let workers = index("workers", Some("3"));
    let segments = |dir: &std::path::Path| -> u64 {
        let out = common::newsidx()
            .args(["stats", "--json", "--index"])
            .arg(dir)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&common::stdout_of_success(out)).unwrap();
        v["segments"].as_u64().unwrap()
    };
    assert_eq!(segments(&one), 1);
    assert!(segments(&many) > 1, "several threads, several segments");
    for args in [
        vec!["council", "--all"],
        vec!["Kursk", "--all"],
        vec!["\"not raise taxes\"", "--limit", "5"],
        vec!["vote", "--sort", "date", "--all"],
        vec!["budget", "--facet", "author", "--all"],
    ] {
        let run = |dir: &std::path::Path| {
            let out = common::newsidx()
                .arg("search")
                .args(&args)
                .args(["--json", "--no-update", "--index"])
                .arg(dir)
                .output()
                .unwrap();
            common::json_lines::<serde_json::Value>(&common::stdout_of_success(out))
        };
        let (a, b, c) = (run(&one), run(&many), run(&workers));
        assert!(!a.is_empty(), "{args:?} finds something");
        assert_eq!(a, b, "{args:?}");
        // The id a story goes by is that of the copy indexed first: the first in the
        // walk's order, whichever worker read it.
        assert_eq!(a, c, "{args:?}");
    }
}
