//! Web archive reading speed beside the same pages read as files, in one process, runs
//! interleaved, medians reported (docs/performance.md).
//!
//! `cargo run --release --example warc_read -- ARCHIVE PAGES_DIR [RUNS]` with
//! `../shared/warc/news-fundus-dev.warc.gz` and `../shared/extraction/fundus-dev/html`
//! (the same 127 pages). Each round times, one after another:
//! - records: every record of the archive read whole (heads and blocks, gunzipped), no
//!   parsing: the WARC reader alone;
//! - pages: archive records made raw articles (HTTP, content decoding, charset, the HTML
//!   reader; `pipeline::archive`) against the page files read and made raw articles
//!   (`pipeline::read`: read, gunzip, charset, the HTML reader);
//! - articles: the same, cleaned and extracted too (no furniture table).
//!
//! `--records-only` times only the first (to run beside another reader's binary).

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsidx::formats::warc::{Archive, Item};
use newsidx::formats::Limits;
use newsidx::furniture::Furniture;
use newsidx::pipeline;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Reads every record whole: (records, uncompressed block bytes).
fn records(path: &Path) -> (u64, u64) {
    let mut a = Archive::open(path, u64::MAX).expect("open archive");
    let (mut n, mut bytes) = (0, 0);
    while let Some(item) = a.next_record(|_| true) {
        match item.expect("undamaged archive") {
            Item::Record(r) => {
                n += 1;
                bytes += r.head.length;
            }
            Item::Stray { .. } => {}
        }
    }
    (n, bytes)
}

fn archive_pages(path: &Path, extract: bool) -> usize {
    let empty = Furniture::default();
    let mut n = 0;
    pipeline::archive(path, Limits::default(), |raw| {
        if extract {
            let name = pipeline::last_resort_title(&raw, path);
            std::hint::black_box(pipeline::extract_one(raw, &name, &empty));
        } else {
            std::hint::black_box(raw);
        }
        n += 1;
    })
    .expect("read archive");
    n
}

fn file_pages(files: &[PathBuf], extract: bool) -> usize {
    let mut n = 0;
    for f in files {
        let kind = newsidx::corpus::kind_of(f).expect("a page file");
        let bytes = std::fs::read(f).expect("read page");
        if extract {
            let (articles, _) =
                pipeline::file_articles(f, bytes, kind, Limits::default()).expect("page");
            n += articles.len();
            std::hint::black_box(articles);
        } else {
            let parsed = pipeline::read(f, bytes, kind, Limits::default()).expect("page");
            n += parsed.articles.len();
            std::hint::black_box(parsed);
        }
    }
    n
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed().as_secs_f64())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let records_only = args.iter().any(|a| a == "--records-only");
    let args: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(archive) = args.first().map(PathBuf::from) else {
        eprintln!("usage: warc_read ARCHIVE [PAGES_DIR] [RUNS] [--records-only]");
        std::process::exit(2);
    };
    let compressed = std::fs::metadata(&archive).expect("archive").len() as f64;
    let mib = (1u64 << 20) as f64;
    if records_only {
        let ((n, bytes), s) = time(|| records(&archive));
        println!(
            "records\t{n}\t{:.1} ms\t{:.0} records/s\t{:.1} MiB/s compressed\t{:.1} MiB/s uncompressed ({bytes} block bytes)",
            s * 1e3,
            n as f64 / s,
            compressed / mib / s,
            bytes as f64 / mib / s
        );
        return;
    }
    let pages_dir = PathBuf::from(args.get(1).expect("PAGES_DIR"));
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pages_dir)
        .expect("pages folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| newsidx::corpus::kind_of(p).is_some())
        .collect();
    files.sort();
    let file_bytes: f64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()) as f64)
        .sum();
    let (mut rec, mut ap, mut fp, mut aa, mut fa) = (vec![], vec![], vec![], vec![], vec![]);
    let mut counts = (0, 0, 0);
    for _ in 0..runs {
        let ((n, _), s) = time(|| records(&archive));
        counts.0 = n;
        rec.push(s);
        let (n, s) = time(|| file_pages(&files, false));
        counts.2 = n;
        fp.push(s);
        let (n, s) = time(|| archive_pages(&archive, false));
        counts.1 = n;
        ap.push(s);
        fa.push(time(|| file_pages(&files, true)).1);
        aa.push(time(|| archive_pages(&archive, true)).1);
    }
    let (records_n, pages_n, files_n) = counts;
    let (r, a1, f1, a2, f2) = (median(rec), median(ap), median(fp), median(aa), median(fa));
    println!(
        "{} ({:.1} MiB, {records_n} records, {pages_n} pages) beside {} ({files_n} files, {:.1} MiB); medians of {runs} interleaved runs",
        archive.display(),
        compressed / mib,
        pages_dir.display(),
        file_bytes / mib
    );
    println!(
        "records only: {:.1} ms, {:.0} records/s, {:.1} MiB/s of the archive",
        r * 1e3,
        records_n as f64 / r,
        compressed / mib / r
    );
    println!(
        "to raw articles: archive {:.1} ms ({:.0} pages/s, {:.1} MiB/s), files {:.1} ms ({:.0} pages/s): archive/files {:.2}x the time",
        a1 * 1e3,
        pages_n as f64 / a1,
        compressed / mib / a1,
        f1 * 1e3,
        files_n as f64 / f1,
        a1 / f1
    );
    println!(
        "to articles (cleaned, extracted): archive {:.1} ms ({:.0} pages/s), files {:.1} ms ({:.0} pages/s): archive/files {:.2}x the time",
        a2 * 1e3,
        pages_n as f64 / a2,
        f2 * 1e3,
        files_n as f64 / f2,
        a2 / f2
    );
}
