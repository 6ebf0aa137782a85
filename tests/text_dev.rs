//! Cleaning scored on ../shared/extraction/text-dev: residue lines removed, real
//! paragraphs kept, byline author right. Prints the three figures and asserts the bars
//! (95%, 99.5%, 95%). `NEWSIDX_SHOW_WORST=1` lists what went wrong, file by file.
//!
//! Each file alone (`extract_one`, the rules only), then each half (`xxh3(name)` even or
//! odd) extracted as one `extract` call (`extract_set`: furniture learned across the
//! half), with how many residue lines the furniture table alone knows: what it would
//! remove in wordings no rule lists.

mod common;

use std::collections::{BTreeMap, HashSet};

use newsidx::app::{extract_one, extract_set};
use newsidx::extract::Article;
use newsidx::formats::Limits;
use newsidx::furniture;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Truth {
    paragraphs: Vec<String>,
    residue: Vec<String>,
    author: Option<String>,
}

#[test]
fn text_dev_residue_paragraphs_and_bylines() {
    let Some(dir) = common::shared("extraction/text-dev") else {
        return;
    };
    let truth: BTreeMap<String, Truth> =
        serde_json::from_slice(&std::fs::read(dir.join("truth.json")).unwrap()).unwrap();
    let alone: BTreeMap<&str, Article> = truth
        .keys()
        .map(|name| {
            let path = dir.join(format!("{name}.txt"));
            let a = extract_one(&path, Limits::default()).unwrap().remove(0);
            (name.as_str(), a.article)
        })
        .collect();
    let (r, p, b) = score(&truth, &alone, "text-dev");
    assert!(r >= 0.95, "residue removed {r:.4} < 0.95");
    assert!(p >= 0.995, "paragraphs kept {p:.4} < 0.995");
    assert!(b >= 0.95, "byline author {b:.4} < 0.95");
    for h in 0..2 {
        let names: Vec<&str> = truth
            .keys()
            .map(String::as_str)
            .filter(|n| xxhash_rust::xxh3::xxh3_64(n.as_bytes()) % 2 == h)
            .collect();
        let paths: Vec<_> = names.iter().map(|n| dir.join(format!("{n}.txt"))).collect();
        let learned: BTreeMap<&str, Article> = names
            .iter()
            .zip(extract_set(&paths, Limits::default()))
            .map(|(n, (_, r))| (*n, r.unwrap().remove(0).article))
            .collect();
        let half: BTreeMap<String, &Truth> =
            names.iter().map(|n| (n.to_string(), &truth[*n])).collect();
        let rules: BTreeMap<&str, Article> = names.iter().map(|n| (*n, alone[n].clone())).collect();
        let half_truth: BTreeMap<String, Truth> = half
            .iter()
            .map(|(n, t)| (n.clone(), (*t).clone()))
            .collect();
        score(&half_truth, &rules, &format!("  half {h}, rules alone"));
        let (hr, hp, _) = score(
            &half_truth,
            &learned,
            &format!("  half {h}, with furniture"),
        );
        // What the table alone knows: residue lines that are furniture of the half.
        let lines: Vec<furniture::Lines> = paths
            .iter()
            .map(|p| furniture::lines(&std::fs::read_to_string(p).unwrap(), None))
            .collect();
        let table = furniture::Table::learn(lines.iter().map(|l| ("dir:half".to_string(), l)));
        let known = table.of("dir:half");
        let residue: Vec<&String> = half.values().flat_map(|t| &t.residue).collect();
        let by_table = residue
            .iter()
            .filter(|r| r.lines().all(|l| known.contains_line(l)))
            .count();
        println!(
            "  half {h}: {} furniture lines; the table alone knows {by_table}/{} residue lines",
            known.len(),
            residue.len()
        );
        assert!(hr >= r.min(0.95), "half {h}: residue removed {hr:.4}");
        assert!(hp >= 0.995, "half {h}: paragraphs kept {hp:.4} < 0.995");
    }
}

/// Residue removed, paragraphs kept and byline author right over `articles`; prints them.
fn score(
    truth: &BTreeMap<String, Truth>,
    articles: &BTreeMap<&str, Article>,
    label: &str,
) -> (f64, f64, f64) {
    let show = std::env::var_os("NEWSIDX_SHOW_WORST").is_some();
    let (mut residue, mut residue_removed) = (0usize, 0usize);
    let (mut paras, mut paras_kept) = (0usize, 0usize);
    let (mut bylines, mut bylines_right) = (0usize, 0usize);
    for (name, t) in truth {
        let a = &articles[name.as_str()];
        // The title is shown with the body; a paragraph taken as the title is still kept.
        let lines: HashSet<&str> = a
            .body
            .lines()
            .chain([a.title.as_str()])
            .map(str::trim)
            .collect();
        for r in &t.residue {
            residue += 1;
            let gone = r
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .all(|l| !lines.contains(l));
            if gone {
                residue_removed += 1;
            } else if show {
                eprintln!("{name}: residue kept: {r:?}");
            }
        }
        for p in &t.paragraphs {
            paras += 1;
            let kept = p
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .all(|l| lines.contains(l));
            if kept {
                paras_kept += 1;
            } else if show {
                eprintln!("{name}: paragraph lost: {p:?}");
            }
        }
        if let Some(author) = &t.author {
            bylines += 1;
            if a.authors.iter().any(|x| x.eq_ignore_ascii_case(author)) {
                bylines_right += 1;
            } else if show {
                eprintln!("{name}: author {:?}, want {author:?}", a.authors);
            }
        }
    }
    let r = residue_removed as f64 / residue as f64;
    let p = paras_kept as f64 / paras as f64;
    let b = bylines_right as f64 / bylines.max(1) as f64;
    println!(
        "{label} ({} articles): residue removed {r:.4} ({residue_removed}/{residue}), paragraphs kept {p:.4} ({paras_kept}/{paras}), byline author {b:.4} ({bylines_right}/{bylines})",
        truth.len()
    );
    (r, p, b)
}
