//! Load for `newsidx serve`: N searches from C clients at once (each keeping its
//! connection), the queries taken in turn from `newsidx bench`'s built-in set or a file.
//! Prints the latency percentiles, the failures and the rate; with `--json`, one object.
//!
//! ```text
//! newsidx serve CORPUS --port 7700 &
//! cargo run --release --example serve_load -- http://127.0.0.1:7700 [--queries FILE]
//!     [--requests 2000] [--clients 50] [--facets] [--json] [--path /app.css]
//! ```
//! `--path P` requests that path instead of searches (the HTTP floor: `/app.css` is
//! answered without a search).

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut base = None;
    let (mut requests, mut clients, mut facets, mut json) = (2000usize, 50usize, false, false);
    let mut path: Option<String> = None;
    let mut queries: Vec<String> = newsidx::bench::BUILT_IN
        .iter()
        .map(|q| q.to_string())
        .collect();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
        };
        match arg.as_str() {
            "--requests" => requests = value("--requests").parse().expect("--requests N"),
            "--clients" => clients = value("--clients").parse().expect("--clients N"),
            "--queries" => {
                let file = value("--queries");
                queries = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("{file}: {e}"))
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string)
                    .collect();
            }
            "--facets" => facets = true,
            "--path" => path = Some(value("--path")),
            "--json" => json = true,
            url if base.is_none() => base = Some(url.trim_end_matches('/').to_string()),
            other => panic!("unknown argument {other}"),
        }
    }
    let base = base.expect("usage: serve_load URL [--requests N] [--clients C] [--queries FILE]");
    assert!(!queries.is_empty() && clients > 0);
    let urls: Vec<String> = match &path {
        Some(p) => vec![format!("{base}{p}")],
        None => queries
            .iter()
            .map(|q| {
                let mut url = format!("{base}/api/search?q={}", encode(q));
                if facets {
                    url.push_str("&facet=author&facet=year&facet=lang");
                }
                url
            })
            .collect(),
    };
    let started = Instant::now();
    let per_client = requests.div_ceil(clients);
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            let urls = urls.clone();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(60)))
                    .build()
                    .new_agent();
                let mut times = Vec::with_capacity(per_client);
                let mut failures = 0usize;
                for i in 0..per_client {
                    let url = &urls[(c + i) % urls.len()];
                    let t = Instant::now();
                    let ok = match agent.get(url).call() {
                        Ok(mut res) => {
                            res.status() == 200
                                && res
                                    .body_mut()
                                    .with_config()
                                    .limit(64 << 20)
                                    .read_to_string()
                                    .is_ok()
                        }
                        Err(_) => false,
                    };
                    times.push(t.elapsed());
                    failures += usize::from(!ok);
                }
                (times, failures)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut failures = 0;
    for w in workers {
        let (t, f) = w.join().expect("client thread");
        times.extend(t);
        failures += f;
    }
    let wall = started.elapsed();
    times.sort();
    let pct = |p: f64| {
        let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1e3
    };
    let rate = times.len() as f64 / wall.as_secs_f64();
    if json {
        println!(
            "{{\"requests\":{},\"clients\":{clients},\"failures\":{failures},\"p50_ms\":{:.3},\"p90_ms\":{:.3},\"p99_ms\":{:.3},\"max_ms\":{:.3},\"per_second\":{rate:.0}}}",
            times.len(),
            pct(0.5),
            pct(0.9),
            pct(0.99),
            pct(1.0)
        );
    } else {
        println!(
            "{} requests, {clients} clients: {failures} failed; p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {rate:.0} requests/s",
            times.len(),
            pct(0.5),
            pct(0.9),
            pct(0.99),
            pct(1.0)
        );
    }
}

/// `%`-encodes a query parameter's value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
