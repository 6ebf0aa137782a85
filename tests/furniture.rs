//! What the corpus knows: a short line recurring in articles of one folder becomes
//! furniture once it is in three of them, at index time (the articles that had it are
//! re-indexed without it, no rebuild) and across the files of one `extract` call; it
//! comes back when the files that made it recur go.

mod common;

use std::path::Path;

use assert_cmd::Command;
use newsidx::app::ExtractedArticle;
use newsidx::index::Summary;
use newsidx::search::Hit;

fn newsidx() -> Command {
    let mut c = Command::cargo_bin("newsidx").unwrap();
    c.env_remove("NEWSIDX_INDEX").env("NO_COLOR", "1");
    c
}

fn index(root: &Path) -> Summary {
    let out = newsidx()
        .args(["index", "--json"])
        .arg(root)
        .output()
        .unwrap();
    serde_json::from_slice(&common::stdout_of_success(out)).unwrap()
}

fn search(root: &Path, query: &str) -> Vec<String> {
    let out = newsidx()
        .args([
            "search",
            query,
            "--json",
            "--all",
            "--no-collapse",
            "--no-update",
        ])
        .arg(root)
        .output()
        .unwrap();
    let mut paths: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Hit>(l).unwrap().path)
        .collect();
    paths.sort();
    paths
}

const TOPICS: [&str; 6] = [
    "The council voted on Tuesday to close the old bridge to lorries from next spring.",
    "Farmers in the valley say the dry summer has cut their harvest by a third this year.",
    "A new museum of maritime history opens its doors to visitors in the harbour town.",
    "The striker scored twice in the second half as the home side came back to win.",
    "Engineers have found a crack in a cooling pipe during a routine inspection.",
    "The school board has approved a longer day for pupils from the autumn term.",
];

/// An article of topic `i`, with the recurring line (a label no rule knows) or without.
fn article(i: usize, prompt: bool) -> String {
    let prompt = if prompt {
        "Valley desk morning briefing\n\n"
    } else {
        ""
    };
    format!(
        "Story number {i}\n\n{}\n\n{prompt}Officials said more details would follow in a statement later in the week.\n",
        TOPICS[i]
    )
}

const PHRASE: &str = "\"valley desk morning briefing\"";

#[test]
fn a_line_becomes_furniture_once_it_recurs_and_the_articles_are_reindexed() {
    let tmp = tempfile::tempdir().unwrap();
    let news = tmp.path().join("news");
    std::fs::create_dir_all(&news).unwrap();
    for i in 0..4 {
        std::fs::write(news.join(format!("a{i}.txt")), article(i, i < 2)).unwrap();
    }
    // In two articles the line is text.
    let first = index(tmp.path());
    assert_eq!((first.indexed, first.documents), (4, 4), "{first:?}");
    assert_eq!(search(tmp.path(), PHRASE), ["news/a0.txt", "news/a1.txt"]);

    // A third article with it: furniture; the two earlier ones are re-indexed without it.
    std::fs::write(news.join("a4.txt"), article(4, true)).unwrap();
    let second = index(tmp.path());
    assert_eq!(
        (
            second.indexed,
            second.updated,
            second.unchanged,
            second.removed
        ),
        (1, 2, 2, 0),
        "{second:?}"
    );
    assert_eq!(second.documents, 5);
    assert!(search(tmp.path(), PHRASE).is_empty());
    // The rest of their text is still there, once each.
    assert_eq!(search(tmp.path(), "harvest"), ["news/a1.txt"]);
    assert_eq!(search(tmp.path(), "\"more details would follow\"").len(), 5);

    // Nothing changed, nothing read.
    let same = index(tmp.path());
    assert_eq!((same.indexed, same.updated, same.unchanged), (0, 0, 5));

    // A copy of a story is not another article: republishing a0 adds no count, and the
    // line in another folder counts there, not here.
    std::fs::remove_file(news.join("a4.txt")).unwrap();
    std::fs::write(news.join("a0-copy.txt"), article(0, true)).unwrap();
    std::fs::create_dir_all(tmp.path().join("elsewhere")).unwrap();
    std::fs::write(tmp.path().join("elsewhere/b5.txt"), article(5, true)).unwrap();
    let third = index(tmp.path());
    assert_eq!(
        (third.indexed, third.updated, third.removed),
        (2, 2, 1),
        "{third:?}"
    );
    // The line is text again, in every article that has it.
    assert_eq!(
        search(tmp.path(), PHRASE),
        [
            "elsewhere/b5.txt",
            "news/a0-copy.txt",
            "news/a0.txt",
            "news/a1.txt"
        ]
    );
}

#[test]
fn extract_learns_across_the_files_it_is_given() {
    let tmp = tempfile::tempdir().unwrap();
    let paths: Vec<_> = (0..3)
        .map(|i| {
            let p = tmp.path().join(format!("a{i}.txt"));
            std::fs::write(&p, article(i, true)).unwrap();
            p
        })
        .collect();
    let bodies = |files: &[std::path::PathBuf]| -> Vec<String> {
        let out = newsidx()
            .args(["extract", "--json"])
            .args(files)
            .output()
            .unwrap();
        String::from_utf8_lossy(&common::stdout_of_success(out))
            .lines()
            .map(|l| {
                serde_json::from_str::<ExtractedArticle>(l)
                    .unwrap()
                    .article
                    .body
            })
            .collect()
    };
    let three = bodies(&paths);
    assert_eq!(three.len(), 3);
    for b in &three {
        assert!(!b.contains("Valley desk morning briefing"), "{b}");
        assert!(b.contains("more details would follow"), "{b}");
    }
    // Two files are not enough to tell.
    for b in bodies(&paths[..2]) {
        assert!(b.contains("Valley desk morning briefing"), "{b}");
    }
}

/// The BBC corpus (2,095 articles, five folders) has no furniture: its recurring short
/// lines (kick-off times, referees, venues) recur in too few of a folder's articles.
#[test]
fn bbc_has_no_furniture() {
    let Some(dir) = common::shared("corpus/bbc") else {
        return;
    };
    let mut lines = Vec::new();
    for e in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "txt") {
            let folder = e.path().parent().unwrap().display().to_string();
            let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
            let raw = newsidx::formats::RawArticle::new(newsidx::formats::Markup::Plain, text);
            let l = newsidx::extract::lines(&raw);
            lines.push((newsidx::furniture::source_of(&l, &folder), l));
        }
    }
    assert!(lines.len() > 2000, "{}", lines.len());
    let table = newsidx::furniture::Table::learn(lines.iter().map(|(s, l)| (s.clone(), l)));
    assert!(table.is_empty(), "{table:?}");
}

/// An index whose manifest has no furniture rule (made before there was one) reads every
/// file once again: their lines were never learned.
#[test]
fn an_index_from_before_furniture_reads_every_file_once_again() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(tmp.path().join(format!("a{i}.txt")), article(i, true)).unwrap();
    }
    assert_eq!(index(tmp.path()).indexed, 3);
    let manifest = tmp.path().join(".newsidx/newsidx-manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    let m = m.as_object_mut().unwrap();
    assert!(m.remove("furniture").is_some());
    for e in m["files"].as_object_mut().unwrap().values_mut() {
        e.as_object_mut().unwrap().remove("lines");
    }
    std::fs::write(&manifest, serde_json::to_vec(&m).unwrap()).unwrap();
    // Nor had it a file table (an index's no-op check, newer than the furniture rule).
    std::fs::remove_file(
        tmp.path()
            .join(".newsidx")
            .join(newsidx::index::file_table::FILE_TABLE),
    )
    .unwrap();
    let again = index(tmp.path());
    assert_eq!((again.updated, again.unchanged), (3, 0), "{again:?}");
    assert!(search(tmp.path(), PHRASE).is_empty());
    let then = index(tmp.path());
    assert_eq!((then.updated, then.unchanged), (0, 3), "{then:?}");
}
