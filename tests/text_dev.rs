//! Cleaning scored on ../shared/extraction/text-dev: residue lines removed, real
//! paragraphs kept, byline author right. Prints the three figures and asserts the bars
//! (95%, 99.5%, 95%). `NEWSIDX_SHOW_WORST=1` lists what went wrong, file by file.

mod common;

use std::collections::{BTreeMap, HashSet};

use newsidx::app::extract_one;
use newsidx::formats::Limits;
use serde::Deserialize;

#[derive(Deserialize)]
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
    let show = std::env::var_os("NEWSIDX_SHOW_WORST").is_some();
    let (mut residue, mut residue_removed) = (0usize, 0usize);
    let (mut paras, mut paras_kept) = (0usize, 0usize);
    let (mut bylines, mut bylines_right) = (0usize, 0usize);
    for (name, t) in &truth {
        let path = dir.join(format!("{name}.txt"));
        let a = &extract_one(&path, Limits::default()).unwrap()[0].article;
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
    let b = bylines_right as f64 / bylines as f64;
    println!(
        "text-dev ({} articles): residue removed {r:.4} ({residue_removed}/{residue}), paragraphs kept {p:.4} ({paras_kept}/{paras}), byline author {b:.4} ({bylines_right}/{bylines})",
        truth.len()
    );
    assert!(r >= 0.95, "residue removed {r:.4} < 0.95");
    assert!(p >= 0.995, "paragraphs kept {p:.4} < 0.995");
    assert!(b >= 0.95, "byline author {b:.4} < 0.95");
}
