//! Web pages of 90 publishers in many countries and languages
//! (`../shared/extraction/fundus-dev`, 127 pages), through the real pipeline: title, bylines
//! (authors and agencies together, as the set's per-publisher parsers list them), date and
//! body F1, scored as `../shared/README.md` says.
//!
//! The pages are split in two halves by a fixed hash of the page id (`xxh3(id)` even or
//! odd): rules are written on one half and kept only when the other half gains too, so
//! both halves are printed. Floors are asserted a little under what newsidx measures, so a
//! change that makes extraction worse fails. `NEWSIDX_SHOW_WORST=1` lists every miss.

mod common;

use std::collections::BTreeMap;

use newsidx::app::extract_one;
use newsidx::formats::Limits;
use newsidx_eval::{body_score, date_matches, score_body, title_matches, AuthorCounts};
use serde_json::Value;

/// Floors per figure, a little under what newsidx measures: (title, bylines F1, date,
/// body F1).
const FLOORS: (f64, f64, f64, f64) = (0.74, 0.885, 0.975, 0.935);

/// Which half a page is in: 0 or 1, by a fixed hash of its id.
fn half(id: &str) -> usize {
    (xxhash_rust::xxh3::xxh3_64(id.as_bytes()) % 2) as usize
}

#[derive(Default)]
struct Figures {
    pages: usize,
    titles: usize,
    dates: usize,
    bylines: AuthorCounts,
    bodies: Vec<newsidx_eval::PageScore>,
}

impl Figures {
    fn line(&self, name: &str) -> String {
        let n = self.pages.max(1) as f64;
        format!(
            "{name} ({} pages): title {:.3}, bylines F1 {:.3} (P {:.3} R {:.3}), date {:.3}, body F1 {:.3}",
            self.pages,
            self.titles as f64 / n,
            self.bylines.f1(),
            self.bylines.precision(),
            self.bylines.recall(),
            self.dates as f64 / n,
            body_score(&self.bodies).f1
        )
    }
}

#[test]
fn fundus_dev_title_bylines_date_body_on_both_halves() {
    let Some(dir) = common::shared("extraction/fundus-dev") else {
        return;
    };
    let gold: BTreeMap<String, Value> =
        serde_json::from_slice(&std::fs::read(dir.join("truth.json")).unwrap()).unwrap();
    let show = std::env::var_os("NEWSIDX_SHOW_WORST").is_some();
    let mut halves = [Figures::default(), Figures::default()];
    let mut all = Figures::default();
    for (id, g) in &gold {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let a = extract_one(&path, Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()))
            .remove(0)
            .article;
        let field = |k: &str| g[k].as_str().unwrap_or("").to_string();
        let mut bylines = a.authors.clone();
        bylines.extend(a.agencies.iter().cloned());
        let title_ok = title_matches(Some(&a.title), &field("title"));
        let date_ok = date_matches(a.date.as_deref(), &field("date"));
        let body = score_body(&a.body, &field("text"));
        for f in [&mut halves[half(id)], &mut all] {
            f.pages += 1;
            f.titles += usize::from(title_ok);
            f.dates += usize::from(date_ok);
            f.bylines.add(&bylines, &field("authors"));
            f.bodies.push(body);
        }
        if show {
            let mut one = AuthorCounts::default();
            one.add(&bylines, &field("authors"));
            if one.right != one.predicted || one.right != one.gold {
                println!(
                    "  half {} {id}: bylines {bylines:?} want {:?}",
                    half(id),
                    field("authors")
                );
            }
            if !title_ok {
                println!(
                    "  half {} {id}: title {:?} want {:?}",
                    half(id),
                    a.title,
                    field("title")
                );
            }
            if !date_ok {
                println!(
                    "  half {} {id}: date {:?} want {:?}",
                    half(id),
                    a.date,
                    field("date")
                );
            }
            if body.f1() < 0.8 {
                println!(
                    "  half {} {id}: body F1 {:.3} (P {:.3} R {:.3})",
                    half(id),
                    body.f1(),
                    body.precision,
                    body.recall
                );
            }
        }
    }
    println!("{}", all.line("extraction/fundus-dev"));
    for (i, h) in halves.iter().enumerate() {
        println!("{}", h.line(&format!("  half {i}")));
    }
    assert_eq!(all.pages, 127);
    let n = all.pages as f64;
    let (title, bylines, date, body) = (
        all.titles as f64 / n,
        all.bylines.f1(),
        all.dates as f64 / n,
        body_score(&all.bodies).f1,
    );
    assert!(title >= FLOORS.0, "title {title:.3}");
    assert!(bylines >= FLOORS.1, "bylines F1 {bylines:.3}");
    assert!(date >= FLOORS.2, "date {date:.3}");
    assert!(body >= FLOORS.3, "body F1 {body:.3}");
}

/// A story cut into chunks by banners, each chunk's text in an element with no class of
/// its own inside the same classed wrappers: every chunk is read, not only the last run of
/// them (the page's body was half missing).
#[test]
fn chunks_known_by_their_classed_wrappers_are_read_whole() {
    let Some(dir) = common::shared("extraction/fundus-dev") else {
        return;
    };
    let id = "dk-JyllandsPosten_2025_02_02";
    let gold: BTreeMap<String, Value> =
        serde_json::from_slice(&std::fs::read(dir.join("truth.json")).unwrap()).unwrap();
    let path = dir.join("html").join(format!("{id}.html.gz"));
    let a = extract_one(&path, Limits::default())
        .unwrap()
        .remove(0)
        .article;
    let body = score_body(&a.body, gold[id]["text"].as_str().unwrap());
    assert!(body.recall >= 0.95, "{id}: body recall {:.3}", body.recall);
}
