//! Part of stage 2 (formats, HTML): caps element nesting before the HTML parser sees it.
//!
//! html5ever checks element scope by walking the stack of open elements, so a page nested
//! N levels deep costs O(N²): 200,000 nested `<div>`s took two minutes. Browsers cap the
//! tree too (Blink and WebKit's parsers stop nesting at 512). Here start tags beyond
//! [`MAX_DEPTH`] are dropped with their end tags; their text stays, inside the deepest
//! kept element. A pre-pass of one linear scan: pages within the cap are not copied.

use std::borrow::Cow;

/// Deepest element nesting kept, as in Blink's and WebKit's HTML parsers.
pub const MAX_DEPTH: usize = 512;

/// Elements without content: they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose end tag is optional: counting them would make a page of unclosed
/// `<p>`s look deep, so they do not count.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
    "colgroup", "rt", "rp", "html", "head", "body",
];
/// Elements whose content is raw text, skipped whole (a script may contain `<div>`).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];
/// How far down the stack an end tag looks for its start tag; a stray end tag beyond
/// this is left alone (looking further would make mismatched markup quadratic again).
const END_TAG_REACH: usize = 64;

/// `html` with nesting capped at `max`; borrowed when nothing had to go.
pub fn cap_depth(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut stack: Vec<(&str, bool)> = Vec::new();
    let mut kept_depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    let cut = |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[*copied..from]);
        *copied = to;
    };
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.first().is_some_and(|c| *c == b'!' || *c == b'?') {
            i = memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name_len = bytes[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !bytes[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        // Compared case-insensitively where used: no allocation per tag.
        let name = &html[name_at..name_at + name_len];
        let end = tag_end(bytes, name_at + name_len);
        if closing {
            let found = stack
                .iter()
                .rev()
                .take(END_TAG_REACH)
                .position(|(n, _)| n.eq_ignore_ascii_case(name));
            if let Some(k) = found {
                let at = stack.len() - 1 - k;
                let dropped = stack[at].1;
                for (_, d) in stack.drain(at..) {
                    if !d {
                        kept_depth -= 1;
                    }
                }
                if dropped {
                    cut(&mut out, &mut copied, start, end);
                }
            }
            i = end;
            continue;
        }
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        let is = |list: &[&str]| list.iter().any(|t| t.eq_ignore_ascii_case(name));
        if is(RAW_TEXT) && !self_closing {
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if !self_closing && !is(VOID) && !is(OPTIONAL_END) {
            let dropped = kept_depth >= max;
            if dropped {
                cut(&mut out, &mut copied, start, end);
            } else {
                kept_depth += 1;
            }
            stack.push((name, dropped));
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Index just past the `>` closing a tag whose attributes start at `from` (quotes
/// respected); the end of the text when there is none.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &c) in bytes[from..].iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|k| from + k)
}

fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!(
            "<body>{}<p>deep text</p>{}</body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn pages_within_the_cap_are_not_copied() {
        let cases = [
            nested(10),
            "<p>one<p>two<p>three".repeat(2_000),
            "<script>var s = '<div><div><div>';</script><div>x</div>".to_string(),
            "<!-- <div><div> --><div a=\"x>y\">text</div>".to_string(),
        ];
        for html in &cases {
            assert!(
                matches!(cap_depth(html, MAX_DEPTH), Cow::Borrowed(_)),
                "{}",
                &html[..60.min(html.len())]
            );
        }
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let html = nested(10_000);
        let capped = cap_depth(&html, 512);
        assert_eq!(capped.matches("<div>").count(), 512);
        assert_eq!(capped.matches("</div>").count(), 512);
        assert!(capped.contains("<p>deep text</p>"));
        // Unclosed deep tags are capped too.
        let unclosed = format!("{}text", "<span>".repeat(5_000));
        assert_eq!(cap_depth(&unclosed, 512).matches("<span>").count(), 512);
    }
}
