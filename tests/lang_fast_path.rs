//! The English fast path of language detection never contradicts whatlang: on every page
//! of ../shared/extraction/dev and meta-dev (many languages) and the first 300 BBC
//! articles, a sample the fast path calls English is English to whatlang too (or too
//! uncertain for whatlang to say), and the fast path takes most English samples.

mod common;

use newsidx::app::extract_one;
use newsidx::extract::lang::{by_trigrams, clearly_english, sample};
use newsidx::formats::Limits;

fn samples() -> Option<Vec<(String, String)>> {
    let mut paths = Vec::new();
    for set in ["extraction/dev/html", "extraction/meta-dev/html"] {
        let dir = common::shared(set)?;
        let mut pages: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        pages.sort();
        paths.extend(pages);
    }
    let bbc = common::shared("corpus/bbc")?;
    let mut texts: Vec<_> = walkdir::WalkDir::new(bbc)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .take(300)
        .collect();
    paths.append(&mut texts);
    let mut out = Vec::new();
    for p in paths {
        for a in extract_one(&p, Limits::default()).unwrap() {
            let a = a.article;
            out.push((p.display().to_string(), sample(&a.title, &a.body)));
        }
    }
    Some(out)
}

#[test]
fn english_fast_path_agrees_with_whatlang() {
    let Some(samples) = samples() else {
        return;
    };
    let (mut fast, mut english, mut other) = (0usize, 0usize, 0usize);
    for (path, s) in &samples {
        let slow = by_trigrams(s);
        match slow.as_deref() {
            Some("en") => english += 1,
            Some(_) => other += 1,
            None => {}
        }
        if clearly_english(s) {
            fast += 1;
            assert!(
                matches!(slow.as_deref(), Some("en") | None),
                "{path}: fast path says English, whatlang says {slow:?}\n{s}"
            );
        }
    }
    println!(
        "{} samples: whatlang English {english}, other languages {other}; fast path English {fast}",
        samples.len()
    );
    assert!(
        other >= 10,
        "the sets should hold other languages ({other})"
    );
    assert!(
        fast * 10 >= english * 8,
        "fast path took {fast} of {english}"
    );
}
