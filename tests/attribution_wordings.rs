//! Quote attributions in the wordings of political and public-affairs reporting
//! (`tests/attribution_wordings.tsv`): a title of several words before the name
//! (`Secretary of State Marco Rubio`), a home state after it (`Sen. Susan Collins of
//! Maine`), party tags and appositions, and sources the story does not name (`a senior
//! official told CNN`: no one's name, not the last speaker's). The quote of a line's last
//! paragraph has its speaker settled as `extract` gives it, which must be the name the line
//! holds. Rules were made from half `dev`'s misses; half `blind` is only scored.

mod common;

use std::collections::BTreeMap;

use newsidx::extract::quotes::quotes;
use newsidx::extract::speakers::settle;

/// Sentences per half, and the floors of speakers named right they must stay above.
const LINES: [(&str, usize, usize); 2] = [("dev", 61, 61), ("blind", 32, 29)];

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
        let (half, text, want) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap_or(""),
        );
        let paragraphs: Vec<String> = text.split(" | ").map(str::to_string).collect();
        let mut got = quotes(&paragraphs);
        settle(&mut got);
        // The last paragraph's one quote is scored; an empty speaker is an unnamed source.
        let last = paragraphs.len() - 1;
        let scored: Vec<_> = got
            .iter()
            .filter(|q| paragraphs[last].contains(q.text.as_str()))
            .collect();
        let speaker = scored.first().and_then(|q| q.speaker.clone());
        let right = scored.len() == 1 && speaker.as_deref().unwrap_or("") == want;
        let count = counts.entry(half).or_default();
        count.1 += 1;
        count.0 += usize::from(right);
        if !right {
            wrong.push((half, want, speaker, text));
        }
    }
    println!("speakers named wrong: {wrong:?}");
    common::halves::print_and_hold(&counts, "named right", &LINES);
}
