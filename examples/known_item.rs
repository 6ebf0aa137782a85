//! Known-item ranking of newsidx beside SQLite FTS5 and Xapian, on the same queries.
//!
//! `cargo run --release --example known_item -- CORPUS [--seeds 1,2] [--n 200] [--xapian]`
//! indexes CORPUS (plain-text articles: headline, blank line, paragraphs) with newsidx
//! into a temporary folder and with FTS5 in memory, draws `n` items of each kind per seed
//! ([`newsidx::known_item`]), and prints MRR@20 per kind and seed for each engine. With
//! `--xapian`, `tools/known_item_xapian.py` ranks the same items with Xapian (Debian's
//! `python3-xapian`; `PYTHON` names the interpreter, default `python3`).

#[path = "../tests/common/fts5.rs"]
mod fts5;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context};
use newsidx::index::{NewsIndex, NoProgress, UpdateOptions};
use newsidx::known_item::{self, Item, Kind};
use newsidx::search::{NewsSearcher, SearchOptions};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut corpus, mut seeds, mut n, mut xapian) = (None, vec![1u64, 2], 200usize, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seeds" => {
                seeds = args
                    .next()
                    .context("--seeds needs a list")?
                    .split(',')
                    .map(|s| s.parse().context("seeds are numbers"))
                    .collect::<anyhow::Result<_>>()?
            }
            "--n" => n = args.next().context("--n needs a number")?.parse()?,
            "--xapian" => xapian = true,
            _ if corpus.is_none() => corpus = Some(a),
            _ => bail!("usage: known_item CORPUS [--seeds 1,2] [--n 200] [--xapian]"),
        }
    }
    let corpus = corpus.context("usage: known_item CORPUS [--seeds 1,2] [--n 200] [--xapian]")?;
    let corpus = Path::new(&corpus);
    let articles = known_item::read_corpus(corpus)?;
    let twins = known_item::twins(&articles);

    let tmp = tempfile::tempdir()?;
    let index = NewsIndex::open_or_create(&tmp.path().join("idx"))?;
    index.update(corpus, &UpdateOptions::default(), &NoProgress)?;
    let searcher = NewsSearcher::new(&index)?;
    let fts = fts5::Fts5::build(&articles)?;
    let newsidx_top = |q: &str| -> anyhow::Result<Vec<String>> {
        let opts = SearchOptions {
            query: q.to_string(),
            limit: known_item::DEPTH,
            ..SearchOptions::default()
        };
        Ok(searcher
            .search(&opts)?
            .hits
            .into_iter()
            .map(|h| h.path)
            .collect())
    };

    let mut items: Vec<(u64, Item)> = Vec::new();
    for &seed in &seeds {
        for kind in Kind::ALL {
            items.extend(
                known_item::items(&articles, kind, n, seed)
                    .into_iter()
                    .map(|i| (seed, i)),
            );
        }
    }
    let xapian_mrr = if xapian {
        run_xapian(corpus, &items, &twins, tmp.path())?
    } else {
        Vec::new()
    };

    println!("{} articles, {n} items per kind and seed\n", articles.len());
    println!("| kind | seed | newsidx | FTS5 | Xapian |");
    println!("| --- | --- | --- | --- | --- |");
    for kind in Kind::ALL {
        for &seed in &seeds {
            let these: Vec<Item> = items
                .iter()
                .filter(|(s, i)| *s == seed && i.kind == kind)
                .map(|(_, i)| i.clone())
                .collect();
            let ours = known_item::mrr(&these, &twins, newsidx_top)?;
            let theirs = known_item::mrr(&these, &twins, |q| fts.top(q, known_item::DEPTH))?;
            let x = xapian_mrr
                .iter()
                .find(|(s, k, _)| *s == seed && *k == kind)
                .map_or("-".to_string(), |(_, _, m)| format!("{m:.3}"));
            println!(
                "| {} | {seed} | {ours:.3} | {theirs:.3} | {x} |",
                kind.name()
            );
        }
    }
    Ok(())
}

/// MRR@20 of Xapian per seed and kind, from `tools/known_item_xapian.py`.
fn run_xapian(
    corpus: &Path,
    items: &[(u64, Item)],
    twins: &std::collections::HashMap<String, Vec<String>>,
    tmp: &Path,
) -> anyhow::Result<Vec<(u64, Kind, f64)>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/known_item_xapian.py");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut out = Vec::new();
    let seeds: std::collections::BTreeSet<u64> = items.iter().map(|(s, _)| *s).collect();
    for seed in seeds {
        let mut tsv = String::new();
        for (_, i) in items.iter().filter(|(s, _)| *s == seed) {
            let relevant = twins.get(&i.path).cloned().unwrap_or_default().join(",");
            writeln!(
                tsv,
                "{}\t{}\t{}\t{relevant}",
                i.kind.name(),
                i.path,
                i.query
            )?;
        }
        let file = tmp.join(format!("items-{seed}.tsv"));
        std::fs::write(&file, tsv)?;
        let run = Command::new(&python)
            .arg(&script)
            .arg(corpus)
            .arg(&file)
            .output()
            .with_context(|| format!("running {python}"))?;
        if !run.status.success() {
            bail!(
                "{} failed: {}",
                script.display(),
                String::from_utf8_lossy(&run.stderr)
            );
        }
        for line in String::from_utf8_lossy(&run.stdout).lines() {
            if let Some((kind, m)) = line.split_once('\t') {
                if let (Some(kind), Ok(m)) = (Kind::from_name(kind), m.parse()) {
                    out.push((seed, kind, m));
                }
            }
        }
    }
    Ok(out)
}
