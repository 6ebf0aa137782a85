//! Indexing with several tantivy indexing threads (each builds its own segments) gives
//! the same search results, byte for byte, as one thread.

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
            // The id a story goes by is that of whichever of its copies was indexed
            // first, which depends on the threads: everything else must be the same.
            let mut lines: Vec<serde_json::Value> =
                common::json_lines(&common::stdout_of_success(out));
            for line in &mut lines {
                if let Some(hit) = line.as_object_mut() {
                    hit.remove("cluster");
                }
            }
            lines
        };
        let (a, b) = (run(&one), run(&many));
        assert!(!a.is_empty(), "{args:?} finds something");
        assert_eq!(a, b, "{args:?}");
    }
}
