//! Ground floor: white space. [`squash`] is how every stage writes a line of text.

/// Collapses runs of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    // Most lines of text are squashed already: checking that byte by byte and copying
    // cost a fifth of splitting and joining them (which was 5% of text extraction).
    if is_squashed(s) {
        s.to_string()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Whether `s` is as [`squash`] leaves it: white space (`char::is_whitespace`) only as
/// single spaces between other characters.
pub fn is_squashed(s: &str) -> bool {
    let bytes = s.as_bytes();
    // A space may not come first: as if one came before.
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            if matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                return false;
            }
            (b == b' ', 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                return false;
            }
            (false, c.len_utf8())
        };
        if space && after_space {
            return false;
        }
        after_space = space;
        i += len;
    }
    !after_space || s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The already-squashed shortcut changes nothing: `squash` is split-and-join.
        #[test]
        fn squash_is_split_whitespace_joined(
            text in crate::testing::text_of(
                vec![
                    " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{2009}",
                    "\u{3000}", "\u{1c}", "a", "word", "é", "’", "Москва", "\u{200b}",
                ],
                0..12,
            )
        ) {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash(&text), want, "{:?}", text);
        }
    }
}
