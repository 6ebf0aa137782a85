//! Snippets analyse only the words that start with a query term's anchor
//! (`search::snippet::anchor`): this checks, on every ASCII word of the bundled corpus and
//! of `../shared/corpus/bbc`, that a word's anchor-of-its-own-stem is a prefix of the word,
//! so no matching word is skipped.

mod common;

use std::collections::BTreeSet;

use newsidx::index::schema::TEXT_TOKENIZER;
use newsidx::index::NewsIndex;
use newsidx::search::snippet::anchor;

fn words_of(dir: &std::path::Path, words: &mut BTreeSet<String>) {
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() && w.is_ascii() {
                words.insert(w.to_string());
            }
        }
    }
}

#[test]
fn every_word_starts_with_the_anchor_of_its_stem() {
    let mut words: BTreeSet<String> = [
        "dying", "lying", "tying", "vying", "skies", "happy", "hoping", "studies", "ties", "Cries",
        "gently", "only", "news",
    ]
    .map(String::from)
    .into();
    words_of(&common::corpus(), &mut words);
    if let Some(bbc) = common::shared("corpus/bbc") {
        words_of(&bbc, &mut words);
        assert!(words.len() > 30_000, "{} words", words.len());
    }
    let tmp = tempfile::tempdir().unwrap();
    let idx = NewsIndex::open_or_create(&tmp.path().join("idx")).unwrap();
    let mut analyzer = idx.analyzer(TEXT_TOKENIZER).unwrap();
    let mut missed = Vec::new();
    for w in &words {
        let lower = w.to_ascii_lowercase();
        let mut tokens = analyzer.token_stream(w);
        while let Some(t) = tokens.next() {
            if !lower.starts_with(anchor(&t.text)) {
                missed.push(format!("{w} -> {} (anchor {})", t.text, anchor(&t.text)));
            }
        }
    }
    println!("{} words checked", words.len());
    assert!(missed.is_empty(), "{missed:?}");
}
