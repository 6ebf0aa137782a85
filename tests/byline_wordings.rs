//! Bylines and credit lines in wordings the development sets never used
//! (`tests/byline_wordings.tsv`): how far the byline reading reaches beyond the lines it
//! was written from: the people each line credits, and the agencies. Rules were made from
//! half `dev`'s misses; half `blind` is only scored; later `dev2` (rules made from it) and
//! `blind2` (only scored), written together.

mod common;

use std::collections::BTreeMap;

use newsidx::clean::{classify, Class};
use newsidx::text::agencies::agency;

/// Lines per half, and the floors of lines read right they must stay above.
const LINES: [(&str, usize, usize); 4] = [
    ("dev", 47, 47),
    ("blind", 28, 25),
    ("dev2", 18, 17),
    ("blind2", 17, 14),
];

#[test]
fn bylines_in_unseen_wordings_name_their_people() {
    let tsv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/byline_wordings.tsv"
    ))
    .unwrap();
    // half -> (right, lines)
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut dev_wrong = Vec::new();
    for row in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = row.split('\t');
        let (half, line) = (cols.next().unwrap(), cols.next().unwrap());
        let list = |col: Option<&str>| -> Vec<String> {
            col.unwrap_or("")
                .split("; ")
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let (want, want_agencies) = (list(cols.next()), list(cols.next()));
        let class = classify(line);
        let lower = |names: &[String]| names.iter().map(|n| n.to_lowercase()).collect();
        // Agencies as they sign (`The Associated Press` is `AP`).
        let signed = |names: &[String]| -> Vec<String> {
            names
                .iter()
                .filter_map(|n| agency(n))
                .map(str::to_lowercase)
                .collect()
        };
        let (got, got_agencies): (Vec<String>, Vec<String>) = match &class {
            Class::Byline(names) => (lower(names), Vec::new()),
            Class::Credits { authors, agencies } => (lower(authors), signed(agencies)),
            // A line kept as body credits no one, and stays in the story.
            Class::Keep => (vec!["(kept as body)".into()], Vec::new()),
            _ => (Vec::new(), Vec::new()),
        };
        let right = got == want && got_agencies == want_agencies;
        let count = counts.entry(half).or_default();
        count.1 += 1;
        count.0 += usize::from(right);
        if !right && half.starts_with("dev") {
            dev_wrong.push((line, class));
        }
    }
    println!("dev lines read wrong: {dev_wrong:?}");
    common::halves::print_and_hold(&counts, "right", &LINES);
}
