//! Stage 5b: how an article's quotations are stored — one compact value, written by the
//! indexer ([`encode`]) and read back for the hits shown ([`decode`]).
//!
//! A quotation is a passage of the body, so it is stored as the passage's place in the
//! body (start and length) with its speaker, not as a second copy of its words. Storing
//! them as text values had made the stored document about 20% larger and fifteen values
//! longer (a quote and a speaker each), and reading those values back was the largest
//! part of loading a hit; the hot path then searched the body again for each quote to
//! find its highlights. A quote that is not found in the body word for word keeps its
//! own text.
//!
//! Layout: a format byte ([`FORMAT`]), then per quote a kind byte (0: a passage of the
//! body, followed by start and length; 1: its own text, followed by length and bytes),
//! then the speaker's length and bytes (length 0: unknown). Numbers are LEB128 varints.

use crate::extract::Quote;

/// Version of the layout, the first byte of every value.
pub const FORMAT: u8 = 1;
const PASSAGE: u8 = 0;
const OWN_TEXT: u8 = 1;

/// One stored quotation, borrowed from the stored value and the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredQuote<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the body; `None` when the quote is not a passage of it.
    pub at: Option<usize>,
    /// `""` when the article does not say who.
    pub speaker: &'a str,
}

/// The stored value of an article's quotes (in the article's order).
pub fn encode(body: &str, quotes: &[Quote]) -> Vec<u8> {
    let mut out = vec![FORMAT];
    // Quotes come in the article's order: each is looked for after the one before
    // first, so an article is searched about once, not once per quote.
    let mut from = 0;
    for q in quotes {
        let found = memchr::memmem::find(&body.as_bytes()[from..], q.text.as_bytes())
            .map(|i| from + i)
            .or_else(|| memchr::memmem::find(body.as_bytes(), q.text.as_bytes()));
        match found {
            Some(at) => {
                out.push(PASSAGE);
                put_varint(&mut out, at as u64);
                put_varint(&mut out, q.text.len() as u64);
                from = at + q.text.len();
            }
            None => {
                out.push(OWN_TEXT);
                put_bytes(&mut out, q.text.as_bytes());
            }
        }
        put_bytes(&mut out, q.speaker.as_deref().unwrap_or("").as_bytes());
    }
    out
}

/// The quotes of a stored value, resolved against the article's `body`. A value of
/// another format, or one that does not fit the body (damaged), ends the list early:
/// hits lose their quote, a search never fails over it.
pub fn decode<'a>(value: &'a [u8], body: &'a str) -> impl Iterator<Item = StoredQuote<'a>> + 'a {
    let mut rest = match value.split_first() {
        Some((&FORMAT, rest)) => rest,
        _ => &[][..],
    };
    std::iter::from_fn(move || {
        let (&kind, tail) = rest.split_first()?;
        rest = tail;
        let (text, at) = match kind {
            PASSAGE => {
                let at = usize::try_from(take_varint(&mut rest)?).ok()?;
                let len = usize::try_from(take_varint(&mut rest)?).ok()?;
                (body.get(at..at.checked_add(len)?)?, Some(at))
            }
            OWN_TEXT => (std::str::from_utf8(take_bytes(&mut rest)?).ok()?, None),
            _ => return None,
        };
        let speaker = std::str::from_utf8(take_bytes(&mut rest)?).ok()?;
        Some(StoredQuote { text, at, speaker })
    })
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn take_varint(rest: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for (i, &b) in rest.iter().enumerate().take(10) {
        n |= u64::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            *rest = &rest[i + 1..];
            return Some(n);
        }
    }
    None
}

fn take_bytes<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = usize::try_from(take_varint(rest)?).ok()?;
    if len > rest.len() {
        return None;
    }
    let (bytes, tail) = rest.split_at(len);
    *rest = tail;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quote(text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            text: text.to_string(),
            speaker: speaker.map(str::to_string),
            role: None,
        }
    }

    /// A quote as read back: text, place in the body, speaker.
    type Read<'a> = (&'a str, Option<usize>, &'a str);

    fn round_trip(body: &str, quotes: &[Quote]) -> Vec<(String, Option<usize>, String)> {
        decode(&encode(body, quotes), body)
            .map(|q| (q.text.to_string(), q.at, q.speaker.to_string()))
            .collect()
    }

    #[test]
    fn quotes_come_back_as_stored_with_their_place_in_the_body() {
        let body = "He said: “We will not swap.” Later: “We will not swap.” «Суджа взята»";
        let second = body.rfind("We will not swap.").unwrap();
        let cases: Vec<(&str, Vec<Quote>, Vec<Read>)> = vec![
            ("no quotes", vec![], vec![]),
            (
                "passages, in order: the same words twice are two places",
                vec![
                    quote("We will not swap.", Some("Volodymyr Zelenskyy")),
                    quote("We will not swap.", None),
                    quote("Суджа взята", Some("Песков")),
                ],
                vec![
                    (
                        "We will not swap.",
                        Some(body.find("We").unwrap()),
                        "Volodymyr Zelenskyy",
                    ),
                    ("We will not swap.", Some(second), ""),
                    ("Суджа взята", Some(body.find("Суджа").unwrap()), "Песков"),
                ],
            ),
            (
                "out of order: found from the start again",
                vec![quote("Later", None), quote("He said", Some("X"))],
                vec![("Later", body.find("Later"), ""), ("He said", Some(0), "X")],
            ),
            (
                "not in the body: its own text",
                vec![quote("Nobody asked", Some("Dmitry Peskov"))],
                vec![("Nobody asked", None, "Dmitry Peskov")],
            ),
        ];
        for (name, quotes, want) in cases {
            let want: Vec<_> = want
                .into_iter()
                .map(|(t, at, s)| (t.to_string(), at, s.to_string()))
                .collect();
            assert_eq!(round_trip(body, &quotes), want, "{name}");
        }
    }

    #[test]
    fn damaged_or_foreign_values_end_the_list_without_panicking() {
        let body = "A short body.";
        let good = encode(body, &[quote("short", Some("Ann")), quote("body", None)]);
        let cases: Vec<(&str, Vec<u8>, usize)> = vec![
            ("empty", vec![], 0),
            ("another format", vec![9, PASSAGE, 0, 1, 0], 0),
            (
                "cut in the second quote",
                good[..good.len() - 2].to_vec(),
                1,
            ),
            (
                "a passage past the body",
                vec![FORMAT, PASSAGE, 10, 50, 0],
                0,
            ),
            (
                "a passage inside a character",
                vec![FORMAT, PASSAGE, 1, 1, 0],
                1,
            ),
            ("length past the value", vec![FORMAT, OWN_TEXT, 90, b'a'], 0),
            ("unknown kind", vec![FORMAT, 7, 0, 0, 0], 0),
            ("endless varint", vec![FORMAT, PASSAGE, 0xff, 0xff, 0xff], 0),
            (
                "speaker not UTF-8",
                vec![FORMAT, OWN_TEXT, 1, b'a', 1, 0xff],
                0,
            ),
        ];
        for (name, value, want) in cases {
            assert_eq!(decode(&value, body).count(), want, "{name}");
        }
        assert_eq!(decode(&good, body).count(), 2);
        // A passage must start and end on characters of the body.
        assert_eq!(decode(&[FORMAT, PASSAGE, 1, 1, 0], "éa").count(), 0);
    }

    proptest! {
        #[test]
        fn any_quotes_of_any_body_round_trip(
            body in "[a-c é“”.]{0,60}",
            picks in proptest::collection::vec((0usize..60, 0usize..12, "[A-Z]?[a-z]{0,5}", any::<bool>()), 0..6),
        ) {
            let quotes: Vec<Quote> = picks
                .iter()
                .map(|(start, len, speaker, inside)| {
                    let text = if *inside {
                        let chars: Vec<char> = body.chars().collect();
                        let s = (*start).min(chars.len());
                        chars[s..(s + len).min(chars.len())].iter().collect()
                    } else {
                        format!("x{speaker}")
                    };
                    quote(&text, (!speaker.is_empty()).then_some(speaker.as_str()))
                })
                .collect();
            let value = encode(&body, &quotes);
            let back: Vec<_> = decode(&value, &body).collect();
            prop_assert_eq!(back.len(), quotes.len());
            for (b, q) in back.iter().zip(&quotes) {
                prop_assert_eq!(b.text, q.text.as_str());
                prop_assert_eq!(b.speaker, q.speaker.as_deref().unwrap_or(""));
                if let Some(at) = b.at {
                    prop_assert_eq!(&body[at..at + b.text.len()], b.text);
                }
            }
        }
    }
}
