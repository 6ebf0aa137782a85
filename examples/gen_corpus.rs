//! Deterministic corpus generator for benchmarks at scale.
//!
//! `cargo run --release --example gen_corpus -- N OUT` writes N scraped-style text
//! articles under OUT in nested folders (`OUT/0000/0/a0000000.txt`): a headline from the
//! pool, a byline, a dateline, and 4 to 12 real paragraphs drawn from a pool of real news
//! text (`../shared/corpus/bbc` when present, else the bundled `corpus/`). The same N
//! gives the same files, byte for byte.

use std::path::{Path, PathBuf};

const FIRST: &[&str] = &[
    "Anna", "Pjotr", "Maria", "James", "Olena", "David", "Sara", "Tom", "Li", "Amir", "Jane",
    "Marek", "Fatima", "Lucas", "Ines", "Kofi",
];
const LAST: &[&str] = &[
    "Sauer",
    "Petrova",
    "Okoye",
    "Morrow",
    "Marchenko",
    "Reed",
    "Dvorak",
    "Chen",
    "Haddad",
    "Walsh",
    "Silva",
    "Mensah",
    "Novak",
    "Berg",
    "Costa",
    "Khan",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// splitmix64: a tiny, well-mixed, seedable generator (no dependency, stable forever).
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
        (self.next() % n as u64) as usize
    }
}

/// Headlines and paragraphs of the pool, in a stable (sorted) order.
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
                .filter(|l| l.split_whitespace().count() >= 12)
                .map(str::to_string),
        );
    }
    (heads, paras)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen_corpus N OUT");
        std::process::exit(2);
    };
    let (heads, paras) = pool();
    if heads.is_empty() || paras.is_empty() {
        eprintln!("no text found for the pool");
        std::process::exit(2);
    }
    let out = PathBuf::from(out);
    let mut bytes = 0usize;
    for i in 0..n {
        let mut rng = Rng(i as u64 ^ 0x6e65_7773);
        let dir = out.join(format!("{:04}/{}", i / 1000, (i / 100) % 10));
        std::fs::create_dir_all(&dir).expect("create folder");
        let mut text = String::new();
        text.push_str(&heads[rng.below(heads.len())]);
        text.push_str("\n\n");
        text.push_str(&format!(
            "By {} {}\n\n",
            FIRST[rng.below(FIRST.len())],
            LAST[rng.below(LAST.len())]
        ));
        text.push_str(&format!(
            "Published: {} {} {}\n\n",
            1 + rng.below(28),
            MONTHS[rng.below(12)],
            2000 + rng.below(26)
        ));
        for _ in 0..4 + rng.below(9) {
            text.push_str(&paras[rng.below(paras.len())]);
            text.push_str("\n\n");
        }
        bytes += text.len();
        std::fs::write(dir.join(format!("a{i:07}.txt")), text).expect("write article");
    }
    eprintln!(
        "{n} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out.display()
    );
}
