//! Syndicated copies: every article gets a cluster at index time, copies share one, and
//! incremental updates keep it (a new copy joins, a deleted one leaves, ids stay); search
//! folds them into one hit per story, `copies` lists them, `stats` counts stories.

mod common;

use std::collections::HashMap;
use std::path::Path;

use newsidx::index::{article_id, NewsIndex, NoProgress, UpdateOptions};
use newsidx::search::collapse::Copy;
use newsidx::search::Hit;
use tantivy::schema::Value;

use common::{json_lines, newsidx, stdout_of_success};

const P1: &str = "The regional council voted on Tuesday evening to close the old stone bridge \
    over the river to all heavy lorries from next spring, after engineers found deep cracks in \
    two of the piers that have carried traffic into the market town for almost two centuries.";
const P2: &str = "Hauliers warned that the closure would add forty minutes to every delivery \
    and push traffic through the narrow lanes of three villages, where parents have long \
    complained that there is no pavement for children walking to the primary school.";
const P3: &str = "The council leader said the repairs would cost at least four million pounds \
    and take a year, and that the authority would ask the government for emergency money \
    because its own roads budget had already been spent on potholes after the winter floods.";
const R1: &str = "In Millbrook, the first of the villages on the diversion, the parish council \
    met in the church hall on Wednesday night and agreed to ask for a temporary speed limit of \
    twenty miles an hour and for a crossing patrol outside the school gates every morning.";
const R2: &str = "Residents said they had not been consulted, and a petition against the route \
    had gathered more than six hundred signatures by Thursday, which its organiser said she \
    would hand to the county's transport committee when it meets at the end of the month.";
const Q1: &str = "Hospital managers in the northern city have asked staff to work extra shifts \
    through the holiday weekend as flu admissions reached their highest level in a decade, \
    with three wards closed to visitors and planned operations postponed until January.";
const Q2: &str = "Nurses described corridors lined with trolleys and said patients were waiting \
    more than twelve hours for a bed, while the health board urged people with mild symptoms \
    to stay at home, drink plenty of water and ring a pharmacist before coming in.";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn update(idx: &NewsIndex, root: &Path, rebuild: bool) {
    let opts = UpdateOptions {
        rebuild,
        threads: 1,
        ..UpdateOptions::default()
    };
    idx.update(root, &opts, &NoProgress).unwrap();
}

/// Every article's cluster, by path.
fn clusters(idx: &NewsIndex) -> HashMap<String, u64> {
    let f = *idx.fields();
    let searcher = idx.reader().unwrap().searcher();
    let mut out = HashMap::new();
    for (s, seg) in searcher.segment_readers().iter().enumerate() {
        let column = seg.fast_fields().u64("cluster").unwrap();
        for d in seg.doc_ids_alive() {
            let doc: tantivy::TantivyDocument =
                searcher.doc(tantivy::DocAddress::new(s as u32, d)).unwrap();
            let path = doc.get_first(f.path).and_then(|v| v.as_str()).unwrap();
            let cluster = column.first(d).unwrap();
            out.insert(path.to_string(), cluster);
        }
    }
    out
}

#[test]
fn copies_cluster_and_incremental_updates_keep_the_clusters() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write(
        &root,
        "wire/bridge.txt",
        &format!("Bridge to close to lorries\n\n{P1}\n\n{P2}\n\n{P3}\n"),
    );
    // A copy: its own headline and credit, a changed word, the ending trimmed.
    write(
        &root,
        "herald/bridge-copy.txt",
        &format!(
            "Lorry ban for crumbling bridge\n\nBy Herald staff\n\n{}\n\n{P2}\n\n{}\n\nShare this article\n",
            P1.replace("Tuesday", "Wednesday"),
            &P3[..P3.find(", and that").unwrap()]
        ),
    );
    write(
        &root,
        "wire/flu.txt",
        &format!("Flu fills hospital\n\n{Q1}\n\n{Q2}\n"),
    );
    // The same event written separately: it quotes one paragraph of the bridge story.
    write(
        &root,
        "times/bridge-villages.txt",
        &format!("Villages fear lorry traffic\n\n{R1}\n\n{P2}\n\n{R2}\n"),
    );
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    update(&idx, &root, false);
    let c = clusters(&idx);
    assert_eq!(c.len(), 4);
    let story = c["wire/bridge.txt"];
    assert_eq!(c["herald/bridge-copy.txt"], story);
    assert_ne!(c["wire/flu.txt"], story);
    assert_ne!(c["times/bridge-villages.txt"], story);
    assert_ne!(c["times/bridge-villages.txt"], c["wire/flu.txt"]);
    // A story printed once has its own id as its cluster.
    assert_eq!(c["wire/flu.txt"], article_id("wire/flu.txt", None));

    // A new copy (an HTML page) joins the story's cluster; nothing else moves.
    write(
        &root,
        "coast/bridge.html",
        &format!(
            "<html><head><title>Old bridge shut</title><meta property=\"og:site_name\" content=\"Coast News\"></head>\
             <body><article><h1>Old bridge shut to heavy traffic</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"
        ),
    );
    update(&idx, &root, false);
    let after = clusters(&idx);
    assert_eq!(after["coast/bridge.html"], story);
    for (path, cluster) in &c {
        assert_eq!(after[path], *cluster, "{path}");
    }

    // The article that started the cluster is deleted: the others keep the id.
    std::fs::remove_file(root.join("wire/bridge.txt")).unwrap();
    update(&idx, &root, false);
    let after = clusters(&idx);
    assert!(!after.contains_key("wire/bridge.txt"));
    assert_eq!(after["herald/bridge-copy.txt"], story);
    assert_eq!(after["coast/bridge.html"], story);

    // A copy deleted leaves; changed into another story, an article leaves its cluster.
    std::fs::remove_file(root.join("coast/bridge.html")).unwrap();
    write(
        &root,
        "herald/bridge-copy.txt",
        &format!("Flu wards full\n\n{Q1}\n\n{Q2}\n\nAn update from the herald.\n"),
    );
    update(&idx, &root, false);
    let after = clusters(&idx);
    assert_eq!(after.len(), 3);
    assert_eq!(after["herald/bridge-copy.txt"], after["wire/flu.txt"]);

    // Built again from nothing, the same articles are grouped the same way.
    update(&idx, &root, true);
    let again = clusters(&idx);
    assert_eq!(again["herald/bridge-copy.txt"], again["wire/flu.txt"]);
    assert_ne!(again["times/bridge-villages.txt"], again["wire/flu.txt"]);
    assert_ne!(
        again["times/bridge-villages.txt"],
        again["herald/bridge-copy.txt"]
    );
}

/// A story printed three times (dated JSON articles from three outlets), the same event
/// written separately, and another story.
fn syndicated(root: &Path) {
    let article = |title: &str, source: &str, date: &str, body: &str| {
        serde_json::json!({"title": title, "source": source, "date": date, "body": body})
            .to_string()
    };
    write(
        root,
        "wire/bridge.json",
        &article(
            "Bridge to close to lorries",
            "Wire",
            "2025-03-04T08:00:00Z",
            &format!("{P1}\n{P2}\n{P3}"),
        ),
    );
    write(
        root,
        "herald/bridge.json",
        &article(
            "Lorry ban for crumbling bridge",
            "Herald",
            "2025-03-04T11:00:00Z",
            &format!("{}\n{P2}", P1.replace("Tuesday", "Wednesday")),
        ),
    );
    write(
        root,
        "coast/bridge.json",
        &article(
            "Old bridge shut",
            "Coast News",
            "2025-03-05T06:00:00Z",
            &format!("{P1}\n{P2}\n{P3}"),
        ),
    );
    write(
        root,
        "times/villages.json",
        &article(
            "Villages fear lorry traffic",
            "Times",
            "2025-03-06T09:00:00Z",
            &format!("{R1}\n{P2}\n{R2}"),
        ),
    );
    write(
        root,
        "wire/flu.json",
        &article(
            "Flu fills hospital",
            "Wire",
            "2025-03-04T09:00:00Z",
            &format!("{Q1}\n{Q2}"),
        ),
    );
}

fn run(root: &Path, args: &[&str]) -> Vec<u8> {
    stdout_of_success(newsidx().args(args).arg(root).output().unwrap())
}

#[test]
fn search_folds_copies_into_one_hit_per_story_and_copies_lists_them() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    syndicated(&root);

    // Folded: one hit for the bridge story, saying how many copies it has and where.
    let hits: Vec<Hit> = json_lines(&run(&root, &["search", "lorries", "--json"]));
    let paths: Vec<&str> = hits.iter().map(|h| h.path.as_str()).collect();
    assert_eq!(hits.len(), 2, "{paths:?}");
    let bridge = hits
        .iter()
        .find(|h| h.path.ends_with("bridge.json"))
        .unwrap();
    assert_eq!(bridge.copies, 2);
    let mut from = bridge.copies_from.clone();
    from.sort();
    let mut want: Vec<String> = ["Coast News", "Herald", "Wire"]
        .iter()
        .map(|s| s.to_string())
        .filter(|s| bridge.source.as_deref() != Some(s.as_str()))
        .collect();
    want.sort();
    assert_eq!(from, want);
    let villages = hits
        .iter()
        .find(|h| h.path == "times/villages.json")
        .unwrap();
    assert_ne!(villages.cluster, bridge.cluster);
    assert_eq!(villages.copies, 0);

    // Every article with --no-collapse: the three copies share the cluster.
    let all: Vec<Hit> = json_lines(&run(
        &root,
        &["search", "lorries", "--json", "--no-collapse"],
    ));
    assert_eq!(all.len(), 4);
    assert_eq!(
        all.iter().filter(|h| h.cluster == bridge.cluster).count(),
        3
    );

    // Counts and facets count stories when folded, articles without.
    assert_eq!(run(&root, &["search", "lorries", "--count"]), b"2\n");
    assert_eq!(
        run(&root, &["search", "lorries", "--count", "--no-collapse"]),
        b"4\n"
    );
    let text = String::from_utf8(run(&root, &["search", "lorries", "--facet", "year"])).unwrap();
    assert!(text.contains("year (stories):\n  2  2025"), "{text}");
    assert!(text.contains("+2 copies: "), "{text}");
    assert!(text.contains("(one hit per story)"), "{text}");
    let text = String::from_utf8(run(
        &root,
        &["search", "lorries", "--facet", "year", "--no-collapse"],
    ))
    .unwrap();
    assert!(text.contains("year (articles):\n  4  2025"), "{text}");
    assert!(!text.contains("copies"), "{text}");
    let text = String::from_utf8(run(&root, &["search", "lorries", "--all"])).unwrap();
    assert!(text.ends_with("of 2 matching stories\n"), "{text}");

    // Pages of stories: the second page holds the other story; the third is past them.
    let first: Vec<Hit> = json_lines(&run(&root, &["search", "lorries", "--json", "-n", "1"]));
    let second: Vec<Hit> = json_lines(&run(
        &root,
        &["search", "lorries", "--json", "-n", "1", "--offset", "1"],
    ));
    assert_eq!((first.len(), second.len()), (1, 1));
    assert_ne!(first[0].cluster, second[0].cluster);
    let out = newsidx()
        .args(["search", "lorries", "-n", "1", "--offset", "2"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("past the stories"), "{err}");
    // By date, the story's newest copy stands for it.
    let by_date: Vec<Hit> = json_lines(&run(
        &root,
        &["search", "lorries", "--json", "--sort", "date"],
    ));
    let paths: Vec<&str> = by_date.iter().map(|h| h.path.as_str()).collect();
    assert_eq!(paths, ["times/villages.json", "coast/bridge.json"]);

    // `copies`: the story's articles, oldest first, the first published marked.
    let story: Vec<Copy> = json_lines(&run(&root, &["copies", "herald/bridge.json", "--json"]));
    let paths: Vec<&str> = story.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "wire/bridge.json",
            "herald/bridge.json",
            "coast/bridge.json"
        ]
    );
    assert!(story[0].first_published && !story[1].first_published && !story[2].first_published);
    assert!(story[1].named && !story[0].named);
    assert_eq!(story[1].similarity, 1.0);
    assert!(story
        .iter()
        .all(|c| c.similarity >= 0.6 && c.cluster == bridge.cluster));
    // A story printed once: itself alone, exit 1 as for no hits.
    let out = newsidx()
        .args(["copies", "wire/flu.json", "--json"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines::<Copy>(&out.stdout).len(), 1);
    let out = newsidx()
        .args(["copies", "no/such.json"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    // `stats`: five articles, three stories, three articles in a story printed more than once.
    let stats: serde_json::Value =
        serde_json::from_slice(&run(&root, &["stats", "--json"])).unwrap();
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["clusters"], 3);
    assert_eq!(stats["clustered_articles"], 3);
}

/// An article read again (its file changed) still finds its committed copies when it has
/// a paragraph of its own. Its old version counted in the index's document frequencies,
/// so the words only it has looked rarest, took every word of the query for copies, and
/// found nothing but itself: the article left its story. A file changed twice between
/// merges also has a deleted version that the frequencies count.
#[test]
fn a_changed_article_with_words_of_its_own_keeps_its_copies() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    let own = "Councillors Zorbelle Quintraxe, Vellamyne Oskarine and Brindleforth Tarquenth \
        joined Mollivar Pesquadine, Ulvarske Hennibright, Crosswaithe Fendlemoor and Jaxtorian \
        Plumbergh on the Skelbrooke footbridge beside the Wintercombe sluice.";
    // The story with a paragraph of its own, and a last line that each change adds.
    let bridge = |last: &str| {
        let text =
            format!("Bridge to close to lorries\n\n{P1}\n\n{P2}\n\n{P3}\n\n{own}\n\n{last}\n");
        write(&root, "wire/bridge.txt", &text);
    };
    bridge("");
    write(
        &root,
        "herald/bridge-copy.txt",
        &format!("Lorry ban for crumbling bridge\n\n{P1}\n\n{P2}\n\n{P3}\n"),
    );
    write(
        &root,
        "wire/flu.txt",
        &format!("Flu fills hospital\n\n{Q1}\n\n{Q2}\n"),
    );
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    update(&idx, &root, false);
    let c = clusters(&idx);
    assert_eq!(c["wire/bridge.txt"], c["herald/bridge-copy.txt"]);

    bridge("Updated at 5pm.");
    update(&idx, &root, false);
    let after = clusters(&idx);
    assert_eq!(after["wire/bridge.txt"], c["herald/bridge-copy.txt"]);
    assert_ne!(after["wire/flu.txt"], after["wire/bridge.txt"]);

    // Changed again before a merge: its first version, deleted, still counts in the
    // index's document frequencies, and is not a document that has the words either.
    bridge("Updated at 6pm.");
    update(&idx, &root, false);
    assert_eq!(
        clusters(&idx)["wire/bridge.txt"],
        c["herald/bridge-copy.txt"]
    );
}
