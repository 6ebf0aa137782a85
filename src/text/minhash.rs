//! Ground floor: the near-duplicate signature of a text (MinHash over word shingles,
//! Broder 1997). The indexer computes it from an article's cleaned body and clusters
//! copies with it ([`crate::index::clusters`]); nothing here knows about articles.
//!
//! A text's words (letters and digits, lower-cased) are cut into overlapping shingles of
//! [`SHINGLE`] words; each word is hashed once (xxh3), a shingle's hash mixes its words',
//! and [`HASHES`] cheap permutations of that hash (odd multiplier, added constant) give the
//! signature: per permutation, the low 16 bits of the smallest value over all shingles.
//! Two texts agree at a position with probability about their Jaccard similarity (plus
//! 1/65536 from keeping 16 bits, b-bit MinHash: Li & König 2010). The low bits, not the
//! high: the minimum of many values is small, so its high bits are mostly zeros and
//! agree by chance far more often than 1/65536. [`Signature::bands`] gives the LSH buckets: [`BANDS`] bands
//! of [`ROWS`] positions each; texts sharing a band are candidate copies.

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Positions of a signature.
pub const HASHES: usize = 64;
/// Positions per LSH band.
pub const ROWS: usize = 2;
/// LSH bands: [`HASHES`] / [`ROWS`]. With 2 rows a pair at Jaccard 0.3 shares a band with
/// probability 1 - (1 - 0.3²)³² = 0.95, at 0.5 with 0.9999; at 0.02 (unrelated texts
/// sharing stock phrases) with 0.013.
pub const BANDS: usize = HASHES / ROWS;
/// Texts with fewer shingles than this get no signature: too short to tell a copy.
pub const MIN_SHINGLES: usize = 8;

/// The MinHash signature of a text, with its number of distinct shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub mins: [u16; HASHES],
    /// Distinct shingles (hashes) of the text: with two texts' Jaccard, how much of the
    /// smaller one the larger holds ([`Signature::containment`]).
    pub shingles: u32,
}

/// The permutations: (odd multiplier, constant) pairs from a fixed seed.
fn permutations() -> &'static [(u64, u64); HASHES] {
    static P: std::sync::OnceLock<[(u64, u64); HASHES]> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            // splitmix64
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        std::array::from_fn(|_| (next() | 1, next()))
    })
}

/// The hashes of a text's words as the signature reads them: runs of letters and digits,
/// lower-cased, each hashed once (xxh3).
fn word_hashes(text: &str) -> Vec<u64> {
    let mut buf = String::new();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            buf.clear();
            buf.extend(w.chars().flat_map(char::to_lowercase));
            xxhash_rust::xxh3::xxh3_64(buf.as_bytes())
        })
        .collect()
}

/// The hash of a shingle from its words' hashes: order matters (each word rotated by
/// its place), then mixed (the splitmix64 finaliser).
fn shingle_hash(words: &[u64]) -> u64 {
    let mut z = words
        .iter()
        .enumerate()
        .fold(0u64, |h, (i, w)| h ^ w.rotate_left(17 * i as u32));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Signature {
    /// The signature of `text`; None when it has fewer than [`MIN_SHINGLES`] shingles.
    pub fn of(text: &str) -> Option<Signature> {
        let words = word_hashes(text);
        if words.len() < SHINGLE {
            return None;
        }
        let mut hashes: Vec<u64> = words.windows(SHINGLE).map(shingle_hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        if hashes.len() < MIN_SHINGLES {
            return None;
        }
        let mut mins = [u64::MAX; HASHES];
        for (min, &(a, b)) in mins.iter_mut().zip(permutations()) {
            for &h in &hashes {
                *min = (*min).min(h.wrapping_mul(a).wrapping_add(b));
            }
        }
        Some(Signature {
            mins: mins.map(|m| m as u16),
            shingles: u32::try_from(hashes.len()).unwrap_or(u32::MAX),
        })
    }

    /// The LSH bucket keys: one per band, the band's number and positions hashed.
    pub fn bands(&self) -> [u64; BANDS] {
        std::array::from_fn(|band| {
            let mut key = [0u8; 2 + 2 * ROWS];
            key[..2].copy_from_slice(&(band as u16).to_le_bytes());
            for (i, m) in self.mins[band * ROWS..(band + 1) * ROWS].iter().enumerate() {
                key[2 + 2 * i..4 + 2 * i].copy_from_slice(&m.to_le_bytes());
            }
            xxhash_rust::xxh3::xxh3_64(&key)
        })
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets: the share of equal
    /// positions, less the chance that 16-bit values agree by accident.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let equal = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count() as f64
            / HASHES as f64;
        let chance = 1.0 / 65536.0;
        ((equal - chance) / (1.0 - chance)).clamp(0.0, 1.0)
    }

    /// Estimated share of the smaller text's shingles the other holds (from the Jaccard
    /// `j` and both sizes: |A∩B| = j (|A| + |B|) / (1 + j)). A copy trimmed to its first
    /// half has a Jaccard of 0.5 but a containment near 1.
    pub fn containment(&self, other: &Signature) -> f64 {
        let j = self.jaccard(other);
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        (j * (a + b) / (1.0 + j) / a.min(b)).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The council voted on Tuesday to close the old bridge to lorries from \
        next spring onwards. Farmers in the valley say the dry summer has cut their harvest by \
        a third this year. A new museum of maritime history opens its doors to visitors in the \
        harbour town today. The striker scored twice in the second half as the home side came \
        back to win the match. Engineers have found a crack in the reactor's cooling pipe \
        during a routine inspection.";

    /// The signature kept the high 16 bits of each minimum: the minimum of hundreds of
    /// hashes is small, so those bits were mostly zeros, and unrelated texts shared LSH
    /// bands by chance (14 pairs of these 300 texts; with the low bits, none).
    #[test]
    fn unrelated_long_texts_share_no_band_by_chance() {
        let mut state = 7u64;
        let mut word = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            format!("w{}", (state >> 33) % 50_000)
        };
        let sigs: Vec<Signature> = (0..300)
            .map(|_| {
                let text: Vec<String> = (0..400).map(|_| word()).collect();
                Signature::of(&text.join(" ")).unwrap()
            })
            .collect();
        let mut keys = std::collections::HashSet::new();
        let shared = sigs
            .iter()
            .flat_map(|s| s.bands())
            .filter(|k| !keys.insert(*k))
            .count();
        assert_eq!(shared, 0);
    }

    #[test]
    fn identical_texts_agree_and_case_and_punctuation_do_not_matter() {
        let a = Signature::of(TEXT).unwrap();
        let b = Signature::of(&TEXT.to_uppercase().replace('.', " ;")).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.jaccard(&b), 1.0);
        assert_eq!(a.bands(), b.bands());
    }

    #[test]
    fn a_copy_with_changed_words_and_a_trimmed_end_stays_close_another_text_does_not() {
        let a = Signature::of(TEXT).unwrap();
        let edited = TEXT
            .replace("Tuesday", "Wednesday")
            .replace("a third", "one third");
        let e = Signature::of(&edited).unwrap();
        assert!(a.jaccard(&e) > 0.55, "{}", a.jaccard(&e));
        let trimmed = &TEXT[..TEXT.find("The striker").unwrap()];
        let t = Signature::of(trimmed).unwrap();
        assert!(a.containment(&t) > 0.8, "{}", a.containment(&t));
        assert!(a.jaccard(&t) < a.containment(&t));
        let other = Signature::of(
            "Ministers met in Brussels on Friday to agree a new budget for the coming year, \
             after weeks of talks that ran late into the night and left several delegations \
             unhappy with the outcome for farmers and fishing fleets alike.",
        )
        .unwrap();
        assert!(a.jaccard(&other) < 0.1, "{}", a.jaccard(&other));
        assert!(a.bands().iter().all(|b| !other.bands().contains(b)));
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert_eq!(Signature::of(""), None);
        assert_eq!(Signature::of("Three short words here and there"), None);
        assert!(Signature::of(TEXT).is_some());
    }
}
