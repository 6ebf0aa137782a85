//! `newsidx serve`: the JSON API against a server on a free port, over a copy of the
//! bundled corpus (with an article holding markup), and the binary started and stopped
//! with Ctrl-C.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::http::{agent, delete, encode, get, post_json};
use common::serve::{indexed_corpus, serve, Served};
use newsidx::serve::ServeOptions;
use serde_json::Value;

#[test]
fn search_answers_like_search_json_with_facets_and_text_ids() {
    let served = Served::new();
    let (corpus, server) = (&served.corpus, &served.server);
    let a = agent();
    let answer = get(
        &a,
        &format!(
            "{}/api/search?q=Sudzha&facet=author&facet=month,year&limit=10",
            server.url()
        ),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let v = answer.json();
    // The same hits, in the same order, as the command line gives.
    let cli: Vec<Value> = common::search_json(corpus, "Sudzha");
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), cli.len());
    assert_eq!(v["total"], cli.len());
    assert_eq!(v["total_exact"], true);
    for (hit, want) in hits.iter().zip(&cli) {
        for (key, value) in want.as_object().unwrap() {
            assert_eq!(&hit[key], value, "field {key}");
        }
        assert_eq!(hit["id_str"], want["id"].as_u64().unwrap().to_string());
    }
    let facets = v["facets"].as_object().unwrap();
    let mut names: Vec<&String> = facets.keys().collect();
    names.sort();
    assert_eq!(names, ["author", "month", "year"]);
    assert!(facets["author"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["value"] == "Olena Marchenko" && c["count"] == 1));
    assert_eq!(facets["month"][0]["value"], "2025-03");
    // Paging and sorting.
    let page2 = get(
        &a,
        &format!(
            "{}/api/search?q=Sudzha&limit=1&offset=1&sort=date",
            server.url()
        ),
    )
    .json();
    assert_eq!(page2["hits"].as_array().unwrap().len(), 1);
    assert_eq!(page2["total"], 2);
    // Dates alone: every article of the period.
    let dated = get(
        &a,
        &format!("{}/api/search?q=&since=2025-03&until=2025-03", server.url()),
    )
    .json();
    assert!(dated["total"].as_u64().unwrap() >= 1);
    for hit in dated["hits"].as_array().unwrap() {
        assert!(
            hit["date"].as_str().unwrap().starts_with("2025-03"),
            "{hit}"
        );
    }
}

#[test]
fn errors_are_json_with_the_query_position_and_the_right_status() {
    let served = Served::new();
    let a = agent();
    let url = |path: &str| served.url(path);

    let bad = get(&a, &url(&format!("/api/search?q={}", encode("Kursk AND"))));
    assert_eq!(bad.status, 400);
    let v = bad.json();
    assert!(v["error"].as_str().unwrap().contains("AND"), "{v}");
    assert_eq!(v["position"], 6);
    assert!(v["hint"].as_str().unwrap().contains("Kursk AND Sudzha"));

    for (path, status) in [
        ("/api/search", 400),
        ("/api/search?q=x&limit=0", 400),
        ("/api/search?q=x&limit=101", 400),
        ("/api/search?q=x&offset=10001", 400),
        ("/api/search?q=x&sort=random", 400),
        ("/api/search?q=x&facet=publisher", 400),
        ("/api/search?q=x&since=last-week", 400),
        ("/api/search?q=x&autor=Sauer", 400),
        ("/api/quotes?offset=5", 400),
        ("/api/speakers?limit=10&sort=date", 400),
        ("/api/article/123", 404),
        ("/api/article/not-a-number", 404),
        ("/api/similar/123", 404),
        ("/api/nothing", 404),
        ("/index.html", 404),
        ("/../../etc/passwd", 404),
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/api/article/..%2F..%2Fetc%2Fpasswd", 404),
    ] {
        let answer = get(&a, &url(path));
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
        assert!(answer.json()["error"].is_string(), "{path}");
        assert!(!answer.body.contains("root:"), "{path}");
    }
    let long = "a ".repeat(600);
    let answer = get(&a, &url(&format!("/api/search?q={}", encode(&long))));
    assert_eq!(answer.status, 400);
    assert!(answer.json()["error"].as_str().unwrap().contains("1000"));
    // Read-only: nothing but GET (and HEAD) is answered.
    let posted = post_json(&a, &url("/api/search?q=x"), &serde_json::json!({"q": "x"}));
    assert_eq!(posted.status, 405);
    assert!(posted.json()["error"]
        .as_str()
        .unwrap()
        .contains("only GET"));
    assert_eq!(delete(&a, &url("/api/article/1")).status, 405);
    let unknown = get(&a, &url("/api/search?q=x&autor=Sauer")).json();
    assert!(unknown["error"]
        .as_str()
        .unwrap()
        .contains("unknown parameter `autor`"));
    // Regression: a sloppy phrase of common words at a huge slop took all the memory.
    let slop = get(
        &a,
        &url(&format!(
            "/api/search?q={}",
            encode("\"the of and to in a\"~100000")
        )),
    );
    assert_eq!(slop.status, 400);
    assert!(slop.json()["error"].as_str().unwrap().contains("slop"));
}

#[test]
fn an_article_its_quotes_similar_articles_speakers_and_stats() {
    let served = Served::new();
    let corpus = &served.corpus;
    let a = agent();
    let url = |path: &str| served.url(path);
    let hit = get(&a, &url("/api/search?q=Peskov")).json()["hits"][0].clone();
    let id = hit["id_str"].as_str().unwrap().to_string();

    let article = get(&a, &url(&format!("/api/article/{id}")));
    assert_eq!(article.status, 200);
    let v = article.json();
    assert_eq!(v["id_str"], id.as_str());
    assert_eq!(v["id"], hit["id"]);
    assert_eq!(v["path"], "guardian-kremlin-rejects-territory-swap.txt");
    assert_eq!(v["lang"], "en");
    assert!(v["body"].as_str().unwrap().contains("Sudzha"));
    assert!(v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["speaker"] == "Dmitry Peskov" && q["text"] == "This is impossible,"));

    let similar = get(&a, &url(&format!("/api/similar/{id}?limit=3"))).json();
    let similar_hits = similar["hits"].as_array().unwrap();
    assert!(!similar_hits.is_empty() && similar_hits.len() <= 3);
    assert!(similar_hits.iter().all(|h| h["id_str"] != id.as_str()));

    let quotes = get(&a, &url("/api/quotes?speaker=Peskov&limit=5")).json();
    let quotes = quotes["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    assert!(quotes
        .iter()
        .all(|q| q["speaker"] == "Dmitry Peskov" && q["id_str"] == id.as_str()));

    let speakers = get(&a, &url("/api/speakers?limit=100")).json();
    assert!(speakers["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["value"] == "Maria Lopez"));

    let stats = get(&a, &url("/api/stats")).json();
    let cli_stats: Value = serde_json::from_slice(&common::stdout_of_success(
        common::newsidx()
            .args(["stats", "--json"])
            .arg(corpus)
            .output()
            .unwrap(),
    ))
    .unwrap();
    assert_eq!(stats["documents"], cli_stats["documents"]);

    // Stored markup comes back as the text it is (JSON strings, never HTML).
    let markup = get(&a, &url("/api/search?q=zanzibarite")).json();
    assert!(markup["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<script>document.title"));
}

#[test]
fn every_answer_carries_the_security_headers_and_cors_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let a = agent();
    let plain = serve(&corpus, ServeOptions::default());
    for path in [
        "/",
        "/app.js",
        "/app.css",
        "/api/search?q=Sudzha",
        "/missing",
    ] {
        let answer = get(&a, &format!("{}{path}", plain.url()));
        let csp = answer.header("content-security-policy").unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(answer.header("x-frame-options"), Some("DENY"));
        assert!(
            answer.header("access-control-allow-origin").is_none(),
            "{path}"
        );
    }
    // The page and everything it loads come from the binary, and weigh under 100 KB.
    let page = get(&a, &format!("{}/", plain.url()));
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let weight: usize = ["/", "/app.js", "/app.css"]
        .iter()
        .map(|p| get(&a, &format!("{}{p}", plain.url())).body.len())
        .sum();
    assert!(weight < 100_000, "page weight {weight} bytes");
    for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!page.body.contains(attr), "external resource: {attr}");
    }
    drop(plain);

    let cors = serve(
        &corpus,
        ServeOptions {
            cors: Some("https://example.org".into()),
            ..ServeOptions::default()
        },
    );
    let answer = get(&a, &format!("{}/api/stats", cors.url()));
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some("https://example.org")
    );
}

#[test]
fn a_later_index_commit_is_served_without_a_restart() {
    let served = Served::new();
    let (corpus, server) = (&served.corpus, &served.server);
    let a = agent();
    let url = format!("{}/api/search?q=quetzalcoatlus", server.url());
    assert_eq!(get(&a, &url).json()["total"], 0);
    std::fs::write(
        corpus.join("new.txt"),
        "Fossil of quetzalcoatlus found\n\nA wing bone of a quetzalcoatlus was found.\n",
    )
    .unwrap();
    common::stdout_of_success(common::newsidx().arg("index").arg(corpus).output().unwrap());
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if get(&a, &url).json()["total"] == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "the new commit was not seen");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn two_thousand_searches_fifty_at_a_time_all_answer() {
    let served = Served::new();
    let server = &served.server;
    let base = server.url();
    let queries = ["Sudzha", "Kursk", "budget", "flood", "bridge", "Peskov"];
    let want: Vec<Value> = queries
        .iter()
        .map(|q| get(&agent(), &format!("{base}/api/search?q={q}")).json()["total"].clone())
        .collect();
    let threads: Vec<_> = (0..50)
        .map(|t| {
            let (base, want) = (base.clone(), want.clone());
            std::thread::spawn(move || {
                let a = agent();
                for i in 0..40 {
                    let k = (t + i) % queries.len();
                    let answer = get(
                        &a,
                        &format!("{base}/api/search?q={}&facet=author", queries[k]),
                    );
                    assert_eq!(answer.status, 200, "{}", answer.body);
                    assert_eq!(answer.json()["total"], want[k]);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
fn the_binary_prints_its_url_and_stops_cleanly_on_ctrl_c() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsidx"))
        .args(["serve", "--port", "0", "--no-update"])
        .arg(&corpus)
        .env_remove("NEWSIDX_INDEX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    assert!(line.contains(" articles of "), "{line}");
    let stats = get(&agent(), &format!("{url}/api/stats")).json();
    assert!(stats["documents"].as_u64().unwrap() >= 10);
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn serve_refuses_an_address_in_use_with_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = common::newsidx()
        .args(["serve", "--no-update", "--port", &port])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("listening on 127.0.0.1:{port}")),
        "{err}"
    );
}

/// Regression: a facet filter was a phrase query, so `author: Olena Marchenko` also found
/// `Olena Marchenko-Petrenko` and `source: Wire` found `Wire Europe`; filters now match
/// the value the facet counted, exactly, and a filtered total equals the facet's count.
#[test]
fn a_facet_filter_matches_the_counted_value_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    std::fs::write(
        corpus.join("near-names.jsonl"),
        concat!(
            r#"{"title": "Kursk shelling", "author": "Olena Marchenko-Petrenko", "source": "Wire", "body": "Shelling near Kursk went on through the night, officials said."}"#,
            "\n",
            r#"{"title": "Sudzha quiet", "author": "Olena Marchenko", "source": "Wire Europe Weekly", "body": "A quiet day in Sudzha and around Kursk, residents said."}"#,
            "\n"
        ),
    )
    .unwrap();
    common::stdout_of_success(
        common::newsidx()
            .arg("index")
            .arg(&corpus)
            .output()
            .unwrap(),
    );
    let server = serve(&corpus, ServeOptions::default());
    let a = agent();
    let url = |q: &str| format!("{}/api/search?{q}", server.url());
    let facets = get(&a, &url("q=Kursk&facet=author&facet=source&limit=100")).json();
    let count_of = |facet: &str, value: &str| {
        facets["facets"][facet]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["value"] == value)
            .map_or(0, |c| c["count"].as_u64().unwrap())
    };
    for (facet, value) in [
        ("author", "Olena Marchenko"),
        ("author", "Olena Marchenko-Petrenko"),
        ("source", "Wire"),
        ("source", "Wire Europe"),
    ] {
        let narrowed = get(
            &a,
            &url(&format!("q=Kursk&{facet}={}&limit=100", encode(value))),
        )
        .json();
        assert_eq!(narrowed["total"], count_of(facet, value), "{facet}={value}");
        for hit in narrowed["hits"].as_array().unwrap() {
            let values = match facet {
                "author" => hit["authors"].clone(),
                _ => serde_json::json!([hit["source"]]),
            };
            assert!(
                values.as_array().unwrap().iter().any(|v| v == value),
                "{hit}"
            );
        }
    }
    assert_eq!(count_of("author", "Olena Marchenko"), 2);
    // Filters alone, without words; two filters narrow together.
    let alone = get(&a, &url("author=Olena%20Marchenko")).json();
    assert_eq!(alone["total"], 2);
    let both = get(&a, &url("author=Olena%20Marchenko&source=Wire%20Europe")).json();
    assert_eq!(both["total"], 1);
    // A value that is no query (a backslash, only punctuation) filters as well.
    assert_eq!(get(&a, &url("source=%5C")).json()["total"], 0);
}
