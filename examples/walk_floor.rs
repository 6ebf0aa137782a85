//! The floor of an update with nothing to do: a bare stat walk of a corpus.
//!
//! `cargo run --release --example walk_floor -- CORPUS [ROUNDS]` walks CORPUS with
//! walkdir in sorted order, reading each entry's metadata (size and mtime, what an update
//! compares) and nothing else, and prints the files seen and the seconds of each round
//! and their median. `newsidx index CORPUS` with nothing changed is measured against it
//! (docs/performance.md, "A million articles").

use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus, rounds) = match args.as_slice() {
        [c] => (c.clone(), 3),
        [c, r] => (c.clone(), r.parse::<usize>()?),
        _ => anyhow::bail!("usage: walk_floor CORPUS [ROUNDS]"),
    };
    let mut times = Vec::new();
    for round in 0..rounds.max(1) {
        let start = Instant::now();
        let (mut files, mut bytes) = (0u64, 0u64);
        for entry in walkdir::WalkDir::new(&corpus)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry?;
            if entry.file_type().is_file() {
                let md = entry.metadata()?;
                files += 1;
                bytes += md.len() + u64::from(md.modified().is_ok());
            }
        }
        let s = start.elapsed().as_secs_f64();
        println!("round {round}: {files} files, {bytes} bytes, {s:.3} s");
        times.push(s);
    }
    times.sort_by(f64::total_cmp);
    println!("median {:.3} s", times[times.len() / 2]);
    Ok(())
}
