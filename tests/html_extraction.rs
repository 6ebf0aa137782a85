//! Web-page extraction scored on ../shared/extraction, through the real pipeline
//! (`.html.gz` file -> gunzip -> charset -> HTML reader -> clean -> extract):
//! - `dev`: body word 4-gram F1 (newsidx::eval, the public benchmark's scoring);
//! - `meta-dev`: title, authors F1, date and body F1.
//!
//! Prints the figures and asserts floors just under what newsidx measures, so a change
//! that makes extraction worse fails. `NEWSIDX_SHOW_WORST=N` lists the N worst pages
//! (and every metadata miss).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use newsidx::app::extract_one;
use newsidx::extract::Article;
use newsidx::formats::Limits;
use newsidx_eval::{body_score, date_matches, score_body, title_matches, AuthorCounts};
use serde_json::Value;

/// Floors: a little under what newsidx measures (see the README table), so a change
/// that makes extraction worse fails here.
const DEV_F1_FLOOR: f64 = 0.972;
const META_TITLE_FLOOR: f64 = 0.925;
const META_AUTHORS_FLOOR: f64 = 0.905;
const META_DATE_FLOOR: f64 = 0.87;
const META_BODY_FLOOR: f64 = 0.93;

fn truth(dir: &Path) -> BTreeMap<String, Value> {
    serde_json::from_slice(&std::fs::read(dir.join("truth.json")).unwrap()).unwrap()
}

fn page(dir: &Path, id: &str) -> Article {
    let path = dir.join("html").join(format!("{id}.html.gz"));
    let mut articles = extract_one(&path, Limits::default())
        .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
    assert_eq!(articles.len(), 1, "{}", path.display());
    articles.remove(0).article
}

fn show_worst() -> usize {
    std::env::var("NEWSIDX_SHOW_WORST")
        .ok()
        .map(|v| v.parse().unwrap_or(10))
        .unwrap_or(0)
}

#[test]
fn dev_pages_body_f1() {
    let Some(dir) = common::shared("extraction/dev") else {
        return;
    };
    let mut pages = Vec::new();
    for (id, gold) in truth(&dir) {
        let a = page(&dir, &id);
        let s = score_body(&a.body, gold["articleBody"].as_str().unwrap_or(""));
        pages.push((s, id));
    }
    let score = body_score(&pages.iter().map(|p| p.0).collect::<Vec<_>>());
    println!(
        "extraction/dev ({} pages): body F1 {:.3} (precision {:.3}, recall {:.3})",
        pages.len(),
        score.f1,
        score.precision,
        score.recall
    );
    pages.sort_by(|a, b| a.0.f1().total_cmp(&b.0.f1()));
    for (s, id) in pages.iter().take(show_worst()) {
        println!("  {id}: P {:.3} R {:.3}", s.precision, s.recall);
    }
    assert_eq!(pages.len(), 103);
    assert!(score.f1 >= DEV_F1_FLOOR, "body F1 {:.3}", score.f1);
}

#[test]
fn meta_dev_title_authors_date_body() {
    let Some(dir) = common::shared("extraction/meta-dev") else {
        return;
    };
    let (mut titles, mut dates) = (0usize, 0usize);
    let mut authors = AuthorCounts::default();
    let mut bodies = Vec::new();
    let mut misses = Vec::new();
    let mut worst_bodies = Vec::new();
    let gold = truth(&dir);
    for (id, g) in &gold {
        let a = page(&dir, id);
        let field = |k: &str| g[k].as_str().unwrap_or("").to_string();
        let title_ok = title_matches(Some(&a.title), &field("title"));
        let date_ok = date_matches(a.date.as_deref(), &field("date"));
        titles += usize::from(title_ok);
        dates += usize::from(date_ok);
        let before = authors;
        authors.add(&a.authors, &field("authors"));
        let authors_ok = authors.right - before.right == authors.predicted - before.predicted
            && authors.right - before.right == authors.gold - before.gold;
        let body = score_body(&a.body, &field("text"));
        bodies.push(body);
        worst_bodies.push((body, id.clone()));
        if !(title_ok && date_ok && authors_ok) {
            misses.push(format!(
                "{id}:{}{}{}",
                if title_ok {
                    String::new()
                } else {
                    format!(" title {:?} want {:?};", a.title, field("title"))
                },
                if date_ok {
                    String::new()
                } else {
                    format!(" date {:?} want {:?};", a.date, field("date"))
                },
                if authors_ok {
                    String::new()
                } else {
                    format!(" authors {:?} want {:?}", a.authors, field("authors"))
                },
            ));
        }
    }
    let n = gold.len() as f64;
    let (title, date) = (titles as f64 / n, dates as f64 / n);
    let body = body_score(&bodies);
    println!(
        "extraction/meta-dev ({} pages): title {title:.3}, authors F1 {:.3} (P {:.3} R {:.3}), date {date:.3}, body F1 {:.3}",
        gold.len(),
        authors.f1(),
        authors.precision(),
        authors.recall(),
        body.f1
    );
    if show_worst() > 0 {
        for m in &misses {
            println!("  {m}");
        }
        worst_bodies.sort_by(|a, b| a.0.f1().total_cmp(&b.0.f1()));
        for (s, id) in worst_bodies.iter().take(show_worst()) {
            println!("  {id}: body P {:.3} R {:.3}", s.precision, s.recall);
        }
    }
    assert_eq!(gold.len(), 216);
    assert!(title >= META_TITLE_FLOOR, "title {title:.3}");
    assert!(
        authors.f1() >= META_AUTHORS_FLOOR,
        "authors F1 {:.3}",
        authors.f1()
    );
    assert!(date >= META_DATE_FLOOR, "date {date:.3}");
    assert!(body.f1 >= META_BODY_FLOOR, "body F1 {:.3}", body.f1);
}
