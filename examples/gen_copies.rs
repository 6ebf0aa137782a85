//! Deterministic corpus of syndicated copies, beside gen_corpus, to choose and check the
//! clustering of copies (`src/index/clusters.rs`, docs/copies.md).
//!
//! `cargo run --release --example gen_copies -- gen STORIES OUT` writes STORIES stories
//! made of real paragraphs (`../shared/corpus/bbc` when present, else the bundled
//! `corpus/`), no paragraph used by two stories except the one a story shares with its
//! "same event" sibling (a fifth of the stories have one: a separately written story on
//! the same event quoting the same statement). Half the stories are republished by 2 to 7
//! outlets (folders `OUT/<outlet>/`), each copy with its own headline, credit and date,
//! its ending trimmed (up to half its paragraphs), 0 to 6 words changed, now and then a
//! paragraph of its own added, and furniture lines; copies alternate between txt and
//! html. The truth, `OUT/truth.tsv` (`path<TAB>story`), is written next to the outlets'
//! folders.
//!
//! `cargo run --release --example gen_copies -- eval INDEX TRUTH` reads every article's
//! cluster from the index and prints the pairwise precision and recall of the clusters
//! against the truth.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsidx::text::minhash::Signature;

const OUTLETS: &[&str] = &[
    "ap-wire",
    "daily-herald",
    "valley-times",
    "coast-news",
    "the-ledger",
    "morning-post",
    "city-echo",
    "north-star",
];
const SWAPS: &[(&str, &str)] = &[
    ("said", "told reporters"),
    ("the", "this"),
    ("on", "upon"),
    ("a", "one"),
    ("was", "had been"),
    ("but", "however"),
    ("also", "as well"),
    ("about", "around"),
];
const RESIDUE: &[&str] = &[
    "Sign up for our morning newsletter",
    "Share this article",
    "Advertisement",
    "Read more: the stories that matter today",
    "Follow us on social media",
];

/// splitmix64, as gen_corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Headlines and paragraphs of the pool (each paragraph once), in a stable order.
fn pool() -> (Vec<String>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus/bbc");
    let dir = if shared.is_dir() {
        shared
    } else {
        root.join("corpus")
    };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let (mut heads, mut paras) = (Vec::new(), Vec::new());
    let mut seen = std::collections::HashSet::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        if let Some(h) = lines.next() {
            heads.push(h.to_string());
        }
        paras.extend(
            lines
                .filter(|l| l.split_whitespace().count() >= 15)
                .filter(|l| seen.insert(l.to_string()))
                .map(str::to_string),
        );
    }
    (heads, paras)
}

/// A copy's paragraphs: trimmed, words changed, maybe a paragraph of its own.
fn edit(paras: &[String], rng: &mut Rng, own: Option<String>) -> Vec<String> {
    let keep = if paras.len() > 3 && rng.below(2) == 0 {
        paras.len() - rng.below(paras.len() / 2 + 1)
    } else {
        paras.len()
    };
    let mut out: Vec<String> = paras[..keep.max(2).min(paras.len())].to_vec();
    for _ in 0..rng.below(7) {
        let p = rng.below(out.len());
        let (from, to) = SWAPS[rng.below(SWAPS.len())];
        let words: Vec<&str> = out[p].split(' ').collect();
        if let Some(i) = words.iter().position(|w| *w == from) {
            let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            w[i] = to.to_string();
            out[p] = w.join(" ");
        }
    }
    if let Some(own) = own {
        let at = rng.below(out.len()) + 1;
        out.insert(at.min(out.len()), own);
    }
    out
}

/// One copy as an outlet prints it.
struct Copy<'a> {
    head: &'a str,
    outlet: &'a str,
    date: &'a str,
    paras: &'a [String],
}

/// Writes a copy as `dir/name.html` or `.txt`; returns the file's name.
fn write(dir: &Path, name: &str, html: bool, copy: &Copy, rng: &mut Rng) -> String {
    let Copy {
        head,
        outlet,
        date,
        paras,
    } = copy;
    std::fs::create_dir_all(dir).expect("create folder");
    let residue = RESIDUE[rng.below(RESIDUE.len())];
    let (file, text) = if html {
        let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        (
            format!("{name}.html"),
            format!(
                "<!doctype html><html lang=\"en\"><head><title>{head} | {outlet}</title>\n\
                 <meta property=\"og:site_name\" content=\"{outlet}\">\n\
                 <meta property=\"article:published_time\" content=\"{date}\">\n\
                 </head><body><nav><a href=\"/\">Home</a></nav><article><h1>{head}</h1>\n{body}\
                 <p>{residue}</p></article><footer>© {outlet}</footer></body></html>\n"
            ),
        )
    } else {
        let body = paras.join("\n\n");
        (
            format!("{name}.txt"),
            format!("{head}\n\nPublished: {date}\n\n{body}\n\n{residue}\n"),
        )
    };
    std::fs::write(dir.join(&file), text).expect("write article");
    file
}

fn generate(stories: usize, out: &Path) {
    let (heads, mut paras) = pool();
    if heads.is_empty() || paras.len() < 20 {
        eprintln!("no text found for the pool");
        std::process::exit(2);
    }
    let mut rng = Rng(0x636f_7069_6573);
    // Shuffle the paragraphs once, then deal them out without reuse (wrapping when the
    // pool runs out: a small pool then repeats paragraphs across stories).
    for i in (1..paras.len()).rev() {
        paras.swap(i, rng.below(i + 1));
    }
    let mut next = 0usize;
    let mut deal = |n: usize| -> Vec<String> {
        (0..n)
            .map(|_| {
                next += 1;
                paras[(next - 1) % paras.len()].clone()
            })
            .collect()
    };
    let mut truth = String::new();
    let mut articles = 0usize;
    let mut last: Option<Vec<String>> = None;
    for s in 0..stories {
        let mut body = deal(3 + rng.below(6));
        // A fifth of the stories: the same event as the story before, sharing one paragraph.
        if let Some(prev) = last.as_ref().filter(|_| rng.below(5) == 0) {
            let at = rng.below(body.len());
            body[at] = prev[rng.below(prev.len())].clone();
        }
        let head = &heads[rng.below(heads.len())];
        let day = 1 + rng.below(28);
        let copies = if s % 2 == 0 { 1 } else { 2 + rng.below(6) };
        let first = rng.below(OUTLETS.len());
        for c in 0..copies {
            let outlet = OUTLETS[(first + c) % OUTLETS.len()];
            let date = format!("2025-03-{day:02}T{:02}:{:02}:00Z", 6 + c * 2, rng.below(60));
            let (h, p) = if c == 0 {
                (head.clone(), body.clone())
            } else {
                let own = (rng.below(4) == 0).then(|| deal(1).remove(0));
                (
                    format!("{} ({outlet})", heads[rng.below(heads.len())]),
                    edit(&body, &mut rng, own),
                )
            };
            let dir = out.join(outlet);
            let copy = Copy {
                head: &h,
                outlet,
                date: &date,
                paras: &p,
            };
            let file = write(&dir, &format!("s{s:05}"), (s + c) % 2 == 1, &copy, &mut rng);
            truth.push_str(&format!("{outlet}/{file}\t{s}\n"));
            articles += 1;
        }
        last = Some(body);
    }
    std::fs::write(out.join("truth.tsv"), truth).expect("write truth");
    if next > paras.len() {
        eprintln!(
            "warning: the pool has {} paragraphs and {next} were dealt: stories repeat paragraphs",
            paras.len()
        );
    }
    eprintln!(
        "{stories} stories, {articles} articles in {}",
        out.display()
    );
}

fn eval(index: &Path, truth: &Path) {
    use tantivy::schema::Value;
    let idx = newsidx::index::NewsIndex::open(index).expect("open index");
    let f = *idx.fields();
    let searcher = idx.reader().expect("reader").searcher();
    let mut cluster: HashMap<String, u64> = HashMap::new();
    let mut sigs: HashMap<String, Signature> = HashMap::new();
    for (s, seg) in searcher.segment_readers().iter().enumerate() {
        let clusters = seg.fast_fields().u64("cluster").expect("cluster column");
        for d in seg.doc_ids_alive() {
            let doc: tantivy::TantivyDocument = searcher
                .doc(tantivy::DocAddress::new(s as u32, d))
                .expect("doc");
            let path = doc.get_first(f.path).and_then(|v| v.as_str()).unwrap_or("");
            cluster.insert(path.to_string(), clusters.first(d).unwrap_or(0));
            if let Some(sig) = doc
                .get_first(f.body)
                .and_then(|v| v.as_str())
                .and_then(Signature::of)
            {
                sigs.insert(path.to_string(), sig);
            }
        }
    }
    let story: Vec<(String, String)> = std::fs::read_to_string(truth)
        .expect("read truth")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, s)| (p.to_string(), s.to_string()))
        .collect();
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    let mut missing = 0;
    // Estimated containment of the pairs of copies, and of other pairs sharing a band.
    let (mut copies, mut others): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for i in 0..story.len() {
        let Some(ci) = cluster.get(&story[i].0) else {
            missing += 1;
            continue;
        };
        for j in i + 1..story.len() {
            let Some(cj) = cluster.get(&story[j].0) else {
                continue;
            };
            if let (Some(a), Some(b)) = (sigs.get(&story[i].0), sigs.get(&story[j].0)) {
                let same = story[i].1 == story[j].1;
                if same || a.bands().iter().any(|x| b.bands().contains(x)) {
                    let list = if same { &mut copies } else { &mut others };
                    list.push(a.containment(b));
                }
            }
            match (ci == cj, story[i].1 == story[j].1) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    for (name, list) in [
        ("copies", &mut copies),
        ("others sharing a band", &mut others),
    ] {
        list.sort_by(f64::total_cmp);
        let at = |q: f64| {
            list.get(((list.len() as f64 - 1.0) * q) as usize)
                .copied()
                .unwrap_or(f64::NAN)
        };
        println!(
            "{name}: {} pairs; containment min {:.3} p1 {:.3} p5 {:.3} p50 {:.3} p95 {:.3} p99 {:.3} max {:.3}",
            list.len(), at(0.0), at(0.01), at(0.05), at(0.5), at(0.95), at(0.99), at(1.0)
        );
    }
    for t in [0.4, 0.5, 0.6, 0.7, 0.8] {
        let above = |l: &[f64]| l.iter().filter(|c| **c >= t).count();
        println!(
            "threshold {t}: pairs of copies verified {:.4}, other pairs sharing a band verified {}",
            above(&copies) as f64 / copies.len().max(1) as f64,
            above(&others)
        );
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "articles {} (not in the index: {missing}); pairs: true {tp}, false {fp}, missed {fn_}; precision {p:.4} recall {r:.4}",
        story.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match (args.get(1).map(String::as_str), args.get(2), args.get(3)) {
        (Some("gen"), Some(n), Some(out)) if n.parse::<usize>().is_ok() => {
            generate(n.parse().unwrap_or(0), Path::new(out))
        }
        (Some("eval"), Some(index), Some(truth)) => eval(Path::new(index), Path::new(truth)),
        _ => {
            eprintln!("usage: gen_copies gen STORIES OUT | gen_copies eval INDEX TRUTH");
            std::process::exit(2);
        }
    }
}
