//! Scores of a wordings set by half (`tests/*_wordings.tsv`): printed, and held to the
//! floors each half must stay above.

use std::collections::BTreeMap;

/// Prints `(good, lines)` per half as `half: VERB good/lines (share)`, then asserts each
/// half of `floors` (`(half, lines, floor)`) has its number of lines and at least its
/// floor of good ones.
pub fn print_and_hold(
    counts: &BTreeMap<&str, (usize, usize)>,
    verb: &str,
    floors: &[(&str, usize, usize)],
) {
    for (half, (good, lines)) in counts {
        println!(
            "{half}: {verb} {good}/{lines} ({:.3})",
            *good as f64 / *lines as f64
        );
    }
    for &(half, lines, floor) in floors {
        let (good, n) = counts[half];
        assert_eq!(n, lines, "{half}");
        assert!(good >= floor, "{half}: {good} {verb}, floor {floor}");
    }
}
