//! Quote attributions in the wordings of political and public-affairs reporting
//! (`tests/attribution_wordings.tsv`): a title of several words before the name
//! (`Secretary of State Marco Rubio`), a home state after it (`Sen. Susan Collins of
//! Maine`), party tags and appositions. Each sentence is one paragraph; its quote's
//! speaker, settled as `extract` gives it, must be the name the line holds. Rules were made
//! from half `dev`'s misses; half `blind` is only scored.

mod common;

use std::collections::BTreeMap;

use newsidx::extract::quotes::quotes;
use newsidx::extract::speakers::settle;

/// Sentences per half, and the floors of speakers named right they must stay above.
const LINES: [(&str, usize, usize); 2] = [("dev", 53, 53), ("blind", 24, 22)];

#[test]
fn speakers_with_long_titles_and_home_states_are_named() {
    let tsv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/attribution_wordings.tsv"
    ))
    .unwrap();
    // half -> (right, sentences)
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for row in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = row.split('\t');
        let (half, sentence, want) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap(),
        );
        let mut got = quotes(&[sentence.to_string()]);
        settle(&mut got);
        let speaker = got.first().and_then(|q| q.speaker.clone());
        let right = got.len() == 1 && speaker.as_deref() == Some(want);
        let count = counts.entry(half).or_default();
        count.1 += 1;
        count.0 += usize::from(right);
        if !right {
            wrong.push((half, want, speaker));
        }
    }
    println!("speakers named wrong: {wrong:?}");
    common::halves::print_and_hold(&counts, "named right", &LINES);
}
