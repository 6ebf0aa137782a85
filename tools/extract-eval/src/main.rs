//! Scores HTML extractors on `../shared/extraction` with newsidx's scorer (`newsidx::eval`):
//! body word 4-gram F1 on `dev`, title / authors / date / body on `meta-dev`, and pages per
//! second on one core (extraction alone: the page is decoded to text before timing;
//! median of five passes).
//!
//! `cargo run --release --manifest-path tools/extract-eval/Cargo.toml -- [SHARED_DIR] [--only NAME] [--worst N]`

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsidx_eval::{body_score, date_matches, score_body, title_matches, AuthorCounts};
use serde_json::Value;

/// What one extractor returns for a page.
#[derive(Default)]
struct Out {
    title: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    body: String,
}

type Extractor = fn(&str, &str) -> Out;

fn newsidx(html: &str, _url: &str) -> Out {
    let raw = newsidx::formats::read_html(html);
    let a = newsidx::extract::extract(raw, "page");
    Out {
        title: Some(a.title),
        authors: a.authors,
        date: a.date,
        body: a.body,
    }
}

fn rs_trafilatura(html: &str, _url: &str) -> Out {
    match rs_trafilatura::extract(html) {
        Ok(r) => Out {
            title: r.metadata.title,
            authors: r
                .metadata
                .author
                .map(|a| a.split([';', ',']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default(),
            date: r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
            body: r.content_text,
        },
        Err(_) => Out::default(),
    }
}

fn trafilatura(html: &str, _url: &str) -> Out {
    match trafilatura::extract(html, &trafilatura::Options::default()) {
        Ok(r) => Out {
            title: Some(r.metadata.title).filter(|t| !t.is_empty()),
            authors: r
                .metadata
                .author
                .split([';', ','])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            date: r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
            body: r.content_text,
        },
        Err(_) => Out::default(),
    }
}

fn dom_smoothie(html: &str, url: &str) -> Out {
    let url = Some(url).filter(|u| u.starts_with("http"));
    let parsed = dom_smoothie::Readability::new(html, url, None).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => Out {
            title: Some(a.title).filter(|t| !t.is_empty()),
            authors: a
                .byline
                .map(|b| vec![b.trim().to_string()])
                .unwrap_or_default(),
            date: a.published_time,
            body: a.text_content.to_string(),
        },
        Err(_) => Out::default(),
    }
}

fn readability(html: &str, url: &str) -> Out {
    let url = url::Url::parse(url)
        .unwrap_or_else(|_| url::Url::parse("http://example.com/").unwrap());
    match readability::extractor::extract(&mut html.as_bytes(), &url) {
        Ok(p) => Out {
            title: Some(p.title).filter(|t| !t.is_empty()),
            body: p.text,
            ..Out::default()
        },
        Err(_) => Out::default(),
    }
}

fn html_to_text(html: &str, _url: &str) -> Out {
    Out {
        body: html2text::from_read(html.as_bytes(), 10_000).unwrap_or_default(),
        ..Out::default()
    }
}

fn cleaned(mut o: Out) -> Out {
    o.body = newsidx::clean::clean(&o.body, newsidx::formats::Markup::Html, &Default::default()).paragraphs.join("\n");
    o
}
fn trafilatura_clean(html: &str, url: &str) -> Out {
    cleaned(trafilatura(html, url))
}
fn rs_trafilatura_clean(html: &str, url: &str) -> Out {
    cleaned(rs_trafilatura(html, url))
}
fn dom_smoothie_clean(html: &str, url: &str) -> Out {
    cleaned(dom_smoothie(html, url))
}

const EXTRACTORS: &[(&str, Extractor)] = &[
    ("newsidx", newsidx),
    ("rs-trafilatura 0.2", rs_trafilatura),
    ("trafilatura (Rust) 0.6", trafilatura),
    ("dom_smoothie 0.19", dom_smoothie),
    ("rs-trafilatura 0.2 + newsidx clean", rs_trafilatura_clean),
    ("trafilatura (Rust) 0.6 + newsidx clean", trafilatura_clean),
    ("dom_smoothie 0.19 + newsidx clean", dom_smoothie_clean),
    ("readability 0.3", readability),
    ("html2text 0.17 (no extraction)", html_to_text),
];

struct Page {
    id: String,
    html: String,
    url: String,
    gold: Value,
}

fn load(dir: &Path) -> Vec<Page> {
    let truth: Value = serde_json::from_slice(&std::fs::read(dir.join("truth.json")).expect("truth.json")).expect("truth json");
    let mut pages: Vec<Page> = truth
        .as_object()
        .expect("object")
        .iter()
        .map(|(id, gold)| {
            let path = dir.join("html").join(format!("{id}.html.gz"));
            let mut bytes = Vec::new();
            flate2::read::MultiGzDecoder::new(std::fs::File::open(&path).expect("page"))
                .read_to_end(&mut bytes)
                .expect("gzip");
            Page {
                id: id.clone(),
                html: newsidx::formats::decode(&bytes, true),
                url: gold.get("url").and_then(Value::as_str).unwrap_or("").to_string(),
                gold: gold.clone(),
            }
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    pages
}

static PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Runs one extractor on one page; a panic counts (printed in the table) and scores as empty.
fn run(f: Extractor, p: &Page, took: &mut Duration) -> Out {
    let t = Instant::now();
    let out = catch_unwind(AssertUnwindSafe(|| f(&p.html, &p.url))).unwrap_or_else(|_| {
        PANICS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Out::default()
    });
    *took += t.elapsed();
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut shared = PathBuf::from("../shared");
    let mut only: Option<String> = None;
    let mut worst = 0usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--only" => only = it.next().cloned(),
            "--dump" => {
                // Writes newsidx's body and the gold body of one page to /tmp/dump-{ours,gold}.txt.
                let id = it.next().cloned().unwrap_or_default();
                for set in ["dev", "meta-dev"] {
                    for p in load(&shared.join("extraction").join(set)) {
                        if p.id.starts_with(&id) {
                            let gold = p.gold.get("articleBody").or(p.gold.get("text")).and_then(Value::as_str).unwrap_or("");
                            std::fs::write("/tmp/dump-gold.txt", gold).unwrap();
                            std::fs::write("/tmp/dump-ours.txt", newsidx(&p.html, &p.url).body).unwrap();
                            std::fs::write("/tmp/dump-page.html", &p.html).unwrap();
                            std::fs::write("/tmp/dump-raw.txt", newsidx::formats::read_html(&p.html).body).unwrap();
                            let s = score_body(&newsidx(&p.html, &p.url).body, gold);
                            println!("{set} {}: P {:.3} R {:.3}", p.id, s.precision, s.recall);
                        }
                    }
                }
                return;
            }
            "--worst" => worst = it.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            other => shared = PathBuf::from(other),
        }
    }
    std::panic::set_hook(Box::new(|_| {}));
    let dev = load(&shared.join("extraction/dev"));
    let meta = load(&shared.join("extraction/meta-dev"));
    println!("| extractor | dev F1 | dev P | dev R | pages/s (1 core) | meta title | meta authors F1 | meta date | meta body F1 | panics |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (name, f) in EXTRACTORS {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            continue;
        }
        // Speed: the median of five timed passes over the dev pages (one core).
        PANICS.store(0, std::sync::atomic::Ordering::Relaxed);
        let mut passes = Vec::new();
        let mut scores = Vec::new();
        for pass in 0..5 {
            let mut took = Duration::ZERO;
            for p in &dev {
                let out = run(*f, p, &mut took);
                if pass == 0 {
                    let gold = p.gold["articleBody"].as_str().unwrap_or("");
                    scores.push((score_body(&out.body, gold), &p.id));
                }
            }
            passes.push(took);
        }
        passes.sort();
        let took = passes[2];
        let n_dev = dev.len();
        let mut meta_took = Duration::ZERO;
        let (mut titles, mut dates) = (0, 0);
        let mut authors = AuthorCounts::default();
        let mut meta_scores = Vec::new();
        let mut misses = Vec::new();
        for p in &meta {
            let o = run(*f, p, &mut meta_took);
            let g = |k: &str| p.gold.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let t_ok = title_matches(o.title.as_deref(), &g("title"));
            let d_ok = date_matches(o.date.as_deref(), &g("date"));
            titles += usize::from(t_ok);
            dates += usize::from(d_ok);
            authors.add(&o.authors, &g("authors"));
            let s = score_body(&o.body, &g("text"));
            meta_scores.push((s, &p.id));
            if worst > 0 {
                misses.push(format!(
                    "{}: title {} {:?} / {:?}; date {} {:?} / {:?}; authors {:?} / {:?}; body {:.3}",
                    p.id, if t_ok { "ok" } else { "MISS" }, o.title, g("title"), if d_ok { "ok" } else { "MISS" }, o.date, g("date"), o.authors, g("authors"), s.f1()
                ));
            }
        }
        let b = body_score(&scores.iter().map(|s| s.0).collect::<Vec<_>>());
        let mb = body_score(&meta_scores.iter().map(|s| s.0).collect::<Vec<_>>());
        let n = meta.len() as f64;
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.0} | {:.3} | {:.3} | {:.3} | {:.3} | {} |",
            b.f1, b.precision, b.recall,
            n_dev as f64 / took.as_secs_f64(),
            titles as f64 / n, authors.f1(), dates as f64 / n, mb.f1,
            PANICS.load(std::sync::atomic::Ordering::Relaxed)
        );
        if worst > 0 {
            scores.sort_by(|a, b| a.0.f1().total_cmp(&b.0.f1()));
            for (s, id) in scores.iter().take(worst) {
                eprintln!("  dev {id}: P {:.3} R {:.3}", s.precision, s.recall);
            }
            meta_scores.sort_by(|a, b| a.0.f1().total_cmp(&b.0.f1()));
            for (s, id) in meta_scores.iter().take(worst) {
                eprintln!("  meta {id}: P {:.3} R {:.3}", s.precision, s.recall);
            }
            eprintln!("  authors: right {} predicted {} gold {}", authors.right, authors.predicted, authors.gold);
            for m in misses.iter().filter(|m| m.contains("MISS")) {
                eprintln!("  {m}");
            }
        }
    }
}
