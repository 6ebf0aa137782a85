//! Page chrome in wordings the development sets never used (`tests/residue_wordings.tsv`):
//! how far the cleaning rules reach beyond the lines they were written from. Each line is
//! classified alone, as a line of scraped text. Rules were made from the misses of halves
//! `dev` and `dev2`; half `blind` was written before the rules made from `dev2` and is only
//! scored; half `keep` holds lines of real stories that must stay. Halves `notices`
//! (sentences a site writes to its reader) and `labels` (labels over a link to another
//! story) gave the rules on a page's interface vocabulary; `notices-blind` is only scored.

mod common;

use std::collections::BTreeMap;

use newsidx::clean::{classify, Class};

/// Lines per half, and the floors of lines removed they must stay above.
const LINES: [(&str, usize, usize); 6] = [
    ("dev", 81, 80),
    ("dev2", 65, 64),
    ("blind", 72, 59),
    ("notices", 39, 30),
    ("labels", 60, 53),
    ("notices-blind", 25, 18),
];

#[test]
fn chrome_in_unseen_wordings_is_removed_and_story_lines_stay() {
    let tsv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/residue_wordings.tsv"
    ))
    .unwrap();
    // half -> (removed, lines)
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut dev_kept = Vec::new();
    let mut story_removed = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let (half, text) = line.split_once('\t').unwrap();
        let removed = !matches!(classify(text), Class::Keep);
        let count = counts.entry(half).or_default();
        count.1 += 1;
        count.0 += usize::from(removed);
        match half {
            "dev" | "dev2" | "notices" | "labels" if !removed => dev_kept.push(text),
            "keep" if removed => story_removed.push(text),
            _ => {}
        }
    }
    println!("dev lines kept: {dev_kept:?}");
    common::halves::print_and_hold(&counts, "removed", &LINES);
    assert!(counts["keep"].1 >= 62);
    assert!(
        story_removed.is_empty(),
        "story lines removed: {story_removed:?}"
    );
}
