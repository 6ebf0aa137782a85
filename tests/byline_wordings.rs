//! Bylines and credit lines in wordings the development sets never used
//! (`tests/byline_wordings.tsv`): how far the byline reading reaches beyond the lines it
//! was written from. Rules were made from half `dev`'s misses; half `blind` is only scored.

use std::collections::BTreeMap;

use newsidx::clean::{classify, Class};

/// Lines per half, and the floors of lines read right they must stay above.
const LINES: [(&str, usize, usize); 2] = [("dev", 47, 47), ("blind", 28, 24)];

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
        let want: Vec<String> = cols
            .next()
            .unwrap_or("")
            .split("; ")
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let class = classify(line);
        let got: Vec<String> = match &class {
            Class::Byline(names) => names.iter().map(|n| n.to_lowercase()).collect(),
            Class::Credits { authors, .. } => authors.iter().map(|n| n.to_lowercase()).collect(),
            // A line kept as body credits no one, and stays in the story.
            Class::Keep => vec!["(kept as body)".into()],
            _ => Vec::new(),
        };
        let right = got == want;
        let count = counts.entry(half).or_default();
        count.1 += 1;
        count.0 += usize::from(right);
        if !right && half == "dev" {
            dev_wrong.push((line, class));
        }
    }
    for (half, (right, lines)) in &counts {
        println!(
            "{half}: right {right}/{lines} ({:.3})",
            *right as f64 / *lines as f64
        );
    }
    println!("dev lines read wrong: {dev_wrong:?}");
    for (half, lines, floor) in LINES {
        let (right, n) = counts[half];
        assert_eq!(n, lines, "{half}");
        assert!(right >= floor, "{half}: {right} right, floor {floor}");
    }
}
