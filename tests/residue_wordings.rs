//! Page chrome in wordings the development sets never used (`tests/residue_wordings.tsv`):
//! how far the cleaning rules reach beyond the lines they were written from. Each line is
//! classified alone, as a line of scraped text; half `dev` was written first and rules
//! were made from its misses, half `blind` was written after and is only scored.

use newsidx::clean::{classify, Class};

/// (removed, lines) per half, and the floors they must stay above.
const DEV_NOW: usize = 79;
const BLIND_NOW: usize = 44;

#[test]
fn chrome_in_unseen_wordings_is_removed() {
    let tsv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/residue_wordings.tsv"
    ))
    .unwrap();
    let (mut dev, mut blind) = ((0, 0), (0, 0));
    let mut kept = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let (half, text) = line.split_once('\t').unwrap();
        let removed = !matches!(classify(text), Class::Keep);
        let count = if half == "dev" { &mut dev } else { &mut blind };
        count.1 += 1;
        if removed {
            count.0 += 1;
        } else if half == "dev" {
            kept.push(text);
        }
    }
    println!(
        "chrome removed: dev {}/{} ({:.3}), blind {}/{} ({:.3}); dev kept: {kept:?}",
        dev.0,
        dev.1,
        dev.0 as f64 / dev.1 as f64,
        blind.0,
        blind.1,
        blind.0 as f64 / blind.1 as f64
    );
    assert_eq!((dev.1, blind.1), (81, 65));
    assert!(dev.0 >= DEV_NOW, "dev {}", dev.0);
    assert!(blind.0 >= BLIND_NOW, "blind {}", blind.0);
}
