//! Unit tests of the update: what a run counts, skips and writes.
use super::*;

/// An index from an older newsidx (another schema, e.g. other tokenizers) must not be
/// searched with today's analysis: `open` refuses it, `open_or_create` rebuilds it.
#[test]
fn index_with_an_old_schema_is_rebuilt_not_misread() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    std::fs::create_dir_all(&dir).unwrap();
    let mut old = tantivy::schema::Schema::builder();
    old.add_text_field("title", tantivy::schema::TEXT);
    Index::create_in_dir(&dir, old.build()).unwrap();
    std::fs::write(dir.join(manifest::MANIFEST_FILE), "{}").unwrap();

    let err = NewsIndex::open(&dir).err().expect("old schema refused");
    assert!(matches!(err, Error::BadIndex { .. }), "{err}");
    // Its manifest says newsidx built it: the advice is to rebuild, not "not newsidx".
    assert!(
        err.to_string().contains("another version of newsidx"),
        "{err}"
    );
    let idx = NewsIndex::open_or_create(&dir).unwrap();
    assert_eq!(idx.tantivy().schema(), schema::build().0);
    assert!(NewsIndex::open(&dir).is_ok());
}

/// Found by the query fuzzer: `date:[2025-01 TO 3300-03]` overflowed tantivy's
/// nanosecond dates (a panic in debug builds, a wrong range in release).
#[test]
fn dates_beyond_2262_are_clamped_or_dropped_not_overflowed() {
    assert_eq!(parse_rfc3339("3300-03-01T00:00:00Z"), None);
    assert_eq!(
        parse_rfc3339("2025-03-01T00:00:00Z").map(|d| d.into_timestamp_secs()),
        Some(1_740_787_200)
    );
    assert_eq!(date_clamped(i64::MAX).into_timestamp_secs(), MAX_DATE_SECS);
    assert_eq!(date_clamped(i64::MIN).into_timestamp_secs(), -MAX_DATE_SECS);
}

/// A file deleted between the walk and its reading is reported, not a crash; one
/// changed in between is indexed as read (its hash is of what was read).
#[test]
fn files_that_vanish_or_change_after_the_walk_are_handled() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("gone.txt"),
        "Gone\n\nThis file will vanish.\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join("grows.txt"), "Grows\n\nFirst words.\n").unwrap();
    let walk = crate::corpus::walk(tmp.path(), None);
    std::fs::remove_file(tmp.path().join("gone.txt")).unwrap();
    std::fs::write(
        tmp.path().join("grows.txt"),
        "Grows\n\nFirst words. Then zqlater words.\n",
    )
    .unwrap();
    let limits = Limits::default();
    for file in &walk.files {
        match (
            file.rel.as_str(),
            process(
                file,
                None,
                limits,
                &furniture::Table::default(),
                &mut |_| true,
            ),
        ) {
            ("gone.txt", FileOutcome::Skipped { reason, .. }) => {
                assert!(reason.starts_with("unreadable"), "{reason}")
            }
            (
                "grows.txt",
                FileOutcome::Articles {
                    articles, entry, ..
                },
            ) => {
                assert!(articles[0].1.body.contains("zqlater"));
                let now = std::fs::read(&file.path).unwrap();
                assert_eq!(entry.hash, xxhash_rust::xxh3::xxh3_64(&now));
            }
            (rel, _) => panic!("unexpected outcome for {rel}"),
        }
    }
}

#[test]
fn the_lead_is_the_opening_words_of_the_first_paragraph() {
    let twelve = "One two three four five six seven eight nine ten eleven twelve";
    let cases = [
        ("", ""),
        ("Short lead.\nSecond paragraph.", "Short lead."),
        (&format!("{twelve}, thirteen.\nMore."), twelve),
        ("  Spaced:  words!", "  Spaced:  words!"),
    ];
    for (body, want) in cases {
        assert_eq!(lead(body), want, "{body:?}");
    }
}

/// Without a manifest the folder is not known to be newsidx's: never deleted.
#[test]
fn foreign_index_is_never_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let mut other = tantivy::schema::Schema::builder();
    other.add_text_field("title", tantivy::schema::TEXT);
    Index::create_in_dir(tmp.path(), other.build()).unwrap();
    assert!(NewsIndex::open_or_create(tmp.path()).is_err());
    assert!(tmp.path().join("meta.json").is_file());
}

/// With nothing changed, an update compares the walk with the file table as both stream
/// by and never loads the manifest; what it reports is what the whole way reports
/// (files skipped by the walk or by their reading, problems, hidden entries).
#[test]
fn an_update_with_nothing_changed_needs_only_the_walk_and_the_file_table() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.txt"), "Alpha\n\nThe first zqalpha story.\n").unwrap();
    std::fs::write(root.join("sub/b.md"), "# Beta\n\nThe second story.\n").unwrap();
    std::fs::write(root.join("c.pdf"), "not read").unwrap();
    std::fs::write(root.join(".hidden.txt"), "hidden").unwrap();
    std::fs::write(root.join("empty.txt"), "").unwrap();
    std::fs::write(
        root.join("d.jsonl"),
        "{\"title\": \"Gamma\", \"body\": \"The third story.\"}\nnot json\n",
    )
    .unwrap();
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    let opts = UpdateOptions::default();
    let first = idx.update(&root, &opts, &NoProgress).unwrap();
    assert_eq!(first.indexed, 3, "{first:?}");
    assert!(file_table::is_current(idx.dir(), idx.opstamp()));

    let without_seconds = |mut s: Summary| {
        s.seconds = 0.0;
        s
    };
    // The whole way (no table): it finds nothing to do, and writes the table.
    std::fs::remove_file(idx.dir().join(file_table::FILE_TABLE)).unwrap();
    let whole = without_seconds(idx.update(&root, &opts, &NoProgress).unwrap());
    assert_eq!(whole.unchanged, 3, "{whole:?}");
    assert!(!whole.skipped.is_empty() && !whole.problems.is_empty() && whole.hidden == 1);
    assert!(file_table::is_current(idx.dir(), idx.opstamp()));
    let fast = without_seconds(idx.update(&root, &opts, &NoProgress).unwrap());
    assert_eq!(fast, whole);

    // The manifest is not read: unreadable, the update still finds nothing to do.
    std::fs::write(idx.dir().join(manifest::MANIFEST_FILE), "{}").unwrap();
    let again = without_seconds(idx.update(&root, &opts, &NoProgress).unwrap());
    assert_eq!(again, whole);
    // Anything changed goes the whole way: here, with the manifest unreadable, every
    // file is read again.
    std::fs::write(root.join("a.txt"), "Alpha\n\nThe first story, changed.\n").unwrap();
    let changed = idx.update(&root, &opts, &NoProgress).unwrap();
    assert_eq!(changed.indexed + changed.updated, 3, "{changed:?}");
    // A file gone is seen too.
    std::fs::remove_file(root.join("sub/b.md")).unwrap();
    let gone = idx.update(&root, &opts, &NoProgress).unwrap();
    assert_eq!((gone.removed, gone.unchanged), (1, 2), "{gone:?}");
    assert_eq!(gone.documents, 2);
}

/// A manifest of the index's commit that lacks a file the index has (another process
/// committed between this run's reading of the manifest and its writer) must not leave the
/// file's articles twice: only a run that starts from an empty index adds without deleting.
#[test]
fn a_manifest_out_of_step_with_the_index_never_leaves_an_article_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("a.txt"), "Alpha\n\nThe first story.\n").unwrap();
    std::fs::write(root.join("b.txt"), "Beta\n\nThe second story.\n").unwrap();
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    let opts = UpdateOptions::default();
    assert_eq!(idx.update(&root, &opts, &NoProgress).unwrap().documents, 2);
    let path = idx.dir().join(manifest::MANIFEST_FILE);
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    m["files"].as_object_mut().unwrap().remove("b.txt");
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
    std::fs::remove_file(idx.dir().join(file_table::FILE_TABLE)).unwrap();
    let again = idx.update(&root, &opts, &NoProgress).unwrap();
    assert_eq!((again.indexed, again.documents), (1, 2), "{again:?}");
}
